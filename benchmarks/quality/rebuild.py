"""``python -m benchmarks.quality.rebuild``: list the texts to rebuild, save one and check it.

The texts are not in the repository (their publishers own them). Each gold record says how to
find its text again: the ``query`` to give the stored copy of public web pages, and the page
address ``url`` of the result to keep. This module does the bookkeeping around that look-up:

* ``python -m benchmarks.quality.rebuild missing`` prints, for every record without a text,
  its query and address (one JSON line per query, the records it serves grouped);
* ``python -m benchmarks.quality.rebuild save ID < excerpt`` saves one excerpt as
  ``<ID>.txt`` after checking that the record's keys are on it. The excerpt may be the raw text
  or the JSON string literal the search tool printed (with its quotes and ``\\n`` escapes),
  which is decoded unchanged. A page stored twice under one address can come back with two
  different excerpts: the check tells which one the record was labelled on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from benchmarks.quality.gold import find_key, read_gold

HERE = Path(__file__).parent
GOLD = HERE / "gold"
TEXTS = HERE / "texts"
#: Keys a text may lack and still be the one labelled: one in ten, at least one (a line the
#: stored page lost or gained since it was read).
_MISSING_SHARE = 0.1


def record_keys(record: dict) -> Iterator[str]:
    """Every key of one gold record: body ends, quotations, dated mentions, boilerplate."""
    yield record["body_first"]
    yield record["body_last"]
    for q in record.get("quotes", []):
        yield q["key"]
        yield q["end"]
    for d in record.get("dates", []):
        yield d["key"]
    for b in record.get("boilerplate", []):
        yield b["key"]


def missing_keys(text: str, record: dict) -> list[str]:
    """The keys of ``record`` that are not found in ``text``."""
    return [k for k in record_keys(record) if find_key(text, k) is None]


def decode_excerpt(raw: str) -> str:
    """The excerpt itself: a JSON string literal is decoded, any other input kept as it is."""
    stripped = raw.strip()
    if len(stripped) >= 2 and stripped[0] == stripped[-1] == '"':
        return json.loads(stripped)
    return raw


def fits(text: str, record: dict) -> tuple[bool, list[str]]:
    """Whether ``text`` is the page ``record`` was labelled on, and the keys it lacks."""
    lacking = missing_keys(text, record)
    allowed = max(1, int(_MISSING_SHARE * sum(1 for _ in record_keys(record))))
    return len(lacking) <= allowed, lacking


def missing_queries(records: list[dict], texts: Path) -> list[dict]:
    """The queries still to run: one row per query, with the ids and addresses it serves."""
    rows: dict[str, dict] = {}
    for r in records:
        if (texts / f"{r['id']}.txt").exists():
            continue
        row = rows.setdefault(r["query"], {"query": r["query"], "want": []})
        row["want"].append({"id": r["id"], "url": r["url"]})
    return list(rows.values())


def _save(args: argparse.Namespace) -> int:
    records = {r["id"]: r for r in read_gold(args.gold)[0]}
    if args.id not in records:
        print(f"rebuild: no gold record {args.id}", file=sys.stderr)
        return 2
    text = decode_excerpt(sys.stdin.read())
    ok, lacking = fits(text, records[args.id])
    if not ok:
        print(f"rebuild: {args.id} not saved: {len(lacking)} keys not on this excerpt "
              f"(e.g. {lacking[:3]}); try the next result with the same address", file=sys.stderr)
        return 1
    args.texts.mkdir(parents=True, exist_ok=True)
    (args.texts / f"{args.id}.txt").write_text(text, encoding="utf-8")
    print(f"rebuild: {args.id} saved" + (f"; keys not found: {lacking}" if lacking else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    """List the texts to rebuild, or save one excerpt after checking its keys."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality.rebuild",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold folder or file")
    parser.add_argument("--texts", type=Path, default=TEXTS, help="folder of <id>.txt")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("missing", help="print the queries whose texts are missing, as JSON lines")
    save = sub.add_parser("save", help="save the excerpt on stdin as <ID>.txt, if it fits")
    save.add_argument("id")
    args = parser.parse_args(argv)
    if args.command == "save":
        return _save(args)
    for row in missing_queries(read_gold(args.gold)[0], args.texts):
        print(json.dumps(row, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
