"""``python -m benchmarks.quality GOLD TEXTS_DIR``: presslens (and the peer) on labelled real text.

GOLD is a gold ``.jsonl`` file or the folder of them (``benchmarks/quality/gold``); TEXTS_DIR
holds ``<id>.txt`` for each record (rebuilt as the README says; never committed).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from benchmarks.quality import peer
from benchmarks.quality.gold import read_gold
from benchmarks.quality.run import Output, run_presslens
from benchmarks.quality.score import (
    score_dates,
    score_lines,
    score_pairs,
    score_predictions,
    score_quotes,
)


def _rate(hits, total) -> float | None:
    return round(float(hits) / total, 3) if total else None


def figures(records, pairs, out: Output, lines: bool = True) -> tuple[dict, dict]:
    """Return the headline figures and the scored tables of one tool."""
    quotes = score_quotes(records, out.texts, out.quotes)
    preds = score_predictions(records, out.texts, out.quotes)
    dates = score_dates(records, out.texts, out.events)
    found = quotes[quotes["found"]]
    dated = found[found["gold_said_on"].notna()]
    counted = preds[preds["counted"]]
    fig = {
        "articles": len(records),
        "quotes": len(quotes),
        "quote recall": _rate(quotes["found"].sum(), len(quotes)),
        "quote precision": _rate(counted["real"].sum(), len(counted)),
        "speaker": _rate(found["speaker_ok"].sum(), len(found)),
        "said on": _rate(dated["said_on_ok"].sum(), len(dated)),
        "dated mentions": len(dates),
        "date found": _rate(dates["found"].sum(), len(dates)) if len(dates) else None,
        "event date": _rate(dates["right"].sum(), len(dates)) if len(dates) else None,
    }
    tables = {"quotes": quotes, "preds": preds, "dates": dates}
    if lines and out.removed is not None:
        scored = score_lines(records, out.articles, out.removed)
        body, boiler = scored[scored["body"]], scored[~scored["body"]]
        fig["boilerplate removed"] = _rate((~boiler["kept"]).sum(), len(boiler))
        fig["body kept"] = _rate(body["kept"].sum(), len(body))
        tables["lines"] = scored
    if pairs and out.quotes["cluster"].notna().any():
        scored_pairs, wrong = score_pairs(pairs, quotes)
        fig["ru-uk pairs linked"] = _rate(scored_pairs["linked"].sum(), len(scored_pairs))
        fig["wrong links"] = wrong
        tables["pairs"] = scored_pairs
    return fig, tables


def _by(frame: pd.DataFrame, column: str, measures: dict[str, str]) -> pd.DataFrame:
    parts = {name: frame.groupby(column, dropna=False)[col].mean().round(2)
             for name, col in measures.items()}
    parts["n"] = frame.groupby(column, dropna=False).size()
    return pd.DataFrame(parts).sort_values("n", ascending=False)


def _show(title: str, frame: pd.DataFrame, limit: int) -> None:
    print(f"\n## {title} ({len(frame)})")
    if len(frame):
        with pd.option_context("display.width", 200, "display.max_colwidth", 70):
            print(frame.head(limit).to_string(index=False))


def report(tables: dict, limit: int) -> None:
    """Print the breakdowns by pattern and the misses of presslens."""
    q, d, p = tables["quotes"], tables["dates"], tables["preds"]
    q = q.assign(said_ok=q["said_on_ok"].astype(float), speaker_ok=q["speaker_ok"].astype(float))
    print("\n## quotations by style")
    print(_by(q, "style", {"recall": "found", "speaker": "speaker_ok"}).to_string())
    print("\n## quotations by cue")
    print(_by(q, "cue", {"recall": "found", "speaker": "speaker_ok"}).to_string())
    print("\n## dated mentions by kind")
    print(_by(d, "kind", {"found": "found", "right day": "right"}).to_string())
    if "lines" in tables:
        lines = tables["lines"]
        boiler = lines[~lines["body"]].assign(removed=lambda f: ~f["kept"])
        print("\n## boilerplate lines by kind (share removed)")
        print(_by(boiler, "kind", {"removed": "removed"}).to_string())
        dropped = lines[lines["body"] & ~lines["kept"]]
        print("\n## body lines dropped, by the cleaner's reason")
        print(dropped["reason"].value_counts().to_string() if len(dropped) else "none")
        _show("body lines dropped", dropped[["article", "line", "reason", "text"]], limit)
        _show("boilerplate kept", lines[~lines["body"] & lines["kept"]][
            ["article", "line", "kind", "text"]], limit)
    _show("quotations missed", q[~q["found"]][["article", "style", "cue", "located", "key"]],
          limit)
    _show("speaker wrong", q[q["found"] & (q["speaker_ok"] == 0)][
        ["article", "key", "gold_speaker", "speaker", "speaker_mention"]], limit)
    _show("said-on wrong", q[q["found"] & (q["said_ok"] == 0)][
        ["article", "key", "gold_said_on", "said_on"]], limit)
    _show("quotations that are not labelled", p[p["counted"] & ~p["real"]][
        ["article", "n_words", "quote"]], limit)
    _show("dated mentions wrong", d[~d["right"]][
        ["article", "kind", "key", "gold_start", "gold_end", "text", "start", "end"]], limit)
    if "pairs" in tables:
        _show("ru-uk pairs not linked", tables["pairs"][~tables["pairs"]["linked"]], limit)


def main(argv: list[str] | None = None) -> int:
    """Score presslens (and the peer, when installed) on the gold and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__)
    parser.add_argument("gold", type=Path, help="a gold .jsonl file or the folder of them")
    parser.add_argument("texts", type=Path, help="the folder of <id>.txt texts")
    parser.add_argument("--batches", nargs="*", help="score only these batches (e.g. a b c d)")
    parser.add_argument("--misses", type=int, default=40, help="rows per list of misses")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--no-peer", action="store_true", help="skip the peer")
    args = parser.parse_args(argv)
    records, pairs = read_gold(args.gold)
    if args.batches:
        records = [r for r in records if r.get("batch", r["id"][0]) in args.batches]
    ids = {r["id"] for r in records}
    pairs = [p for p in pairs if p["ru"] in ids and p["uk"] in ids]
    ours, missing = run_presslens(records, args.texts)
    if missing:
        print(f"quality: {len(missing)} texts missing, left out: {' '.join(missing)}",
              file=sys.stderr)
        records = [r for r in records if r["id"] not in set(missing)]
    fig, tables = figures(records, pairs, ours)
    result = {"presslens": fig}
    if not args.no_peer and peer.available():
        result["peer"] = figures(records, pairs, peer.run_peer(ours), lines=False)[0]
    elif not args.no_peer:
        print("quality: peer not installed (pip install -r benchmarks/quality/peer.lock)",
              file=sys.stderr)
    n_uk = sum(r["language"] == "uk" for r in records)
    outlets = len({r.get("outlet") for r in records})
    print(f"# {len(records)} articles ({n_uk} uk), {outlets} outlets, {len(pairs)} ru-uk pairs")
    print(pd.DataFrame(result).to_string())
    report(tables, args.misses)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
