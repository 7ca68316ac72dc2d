"""Read the gold file and find its short keys in the texts.

The gold file holds no article text, only 3–8-word keys; these functions find each key in the
text it was copied from (or in the clean text presslens made of it), so that every labelled item
becomes a span or a line number.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

_DASHES = "-‐‑‒–—―"
_QUOTES = "\"«»“”„‟'‘’‚"


def read_gold(path: str | Path) -> tuple[list[dict], list[dict]]:
    """Read the gold records and the cross-language pairs.

    Parameters
    ----------
    path : str or pathlib.Path
        One ``<batch>.jsonl`` file, or a folder holding ``<batch>.jsonl`` and
        ``<batch>-pairs.jsonl`` files.

    Returns
    -------
    tuple of (list of dict, list of dict)
        The article records and the pairs, in file order.
    """
    path = Path(path)
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    records: list[dict] = []
    pairs: list[dict] = []
    for file in files:
        rows = [json.loads(line) for line in file.read_text("utf-8").splitlines() if line.strip()]
        (pairs if file.stem.endswith("-pairs") else records).extend(rows)
    if path.is_file():
        sibling = path.with_name(f"{path.stem}-pairs.jsonl")
        if sibling.exists():
            pairs.extend(json.loads(x) for x in sibling.read_text("utf-8").splitlines() if x)
    return records, pairs


def key_pattern(key: str) -> re.Pattern[str]:
    """Compile a key into a pattern that allows any run of spaces and any dash or quote mark."""
    parts = []
    for word in key.split():
        chars = []
        for ch in word:
            if ch == "\\":  # a scraper's backslash escape, undone in the clean text
                chars.append("\\\\?")
            elif ch in _DASHES:
                chars.append(f"[{re.escape(_DASHES)}]")
            elif ch in _QUOTES:
                chars.append(f"[{re.escape(_QUOTES)}]")
            elif ch in "ёЁ":
                chars.append("[ёеЁЕ]")
            else:
                chars.append(re.escape(ch))
        parts.append("".join(chars))
    return re.compile(r"\s+".join(parts), re.IGNORECASE)


def find_key(text: str, key: str, start: int = 0) -> tuple[int, int] | None:
    """Return the span of the first occurrence of ``key`` in ``text`` at or after ``start``."""
    if not key or not key.strip():
        return None
    m = key_pattern(key).search(text, start)
    return (m.start(), m.end()) if m else None


@dataclass(frozen=True)
class GoldLine:
    """One non-empty raw line with its gold label."""

    line: int  # 1-based, as presslens numbers raw lines
    text: str
    body: bool
    kind: str | None  # the boilerplate kind, None for body


def _norm(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split()).casefold().replace("ё", "е")


def _is_key_line(line: str, key: str) -> bool:
    """Tell whether ``line`` is the boilerplate line that ``key`` names."""
    n_line, n_key = _norm(line), _norm(key)
    if not n_key or not n_line.startswith(n_key):
        return False
    return len(n_key.split()) >= 6 or len(n_line.split()) <= len(n_key.split()) + 1


def gold_lines(raw: str, record: dict) -> list[GoldLine]:
    """Label every non-empty raw line as body or boilerplate.

    Each ``boilerplate`` key names one line: the first line it fits that no earlier key took
    (a headline repeated word for word as the lede is boilerplate once, body once). The body
    runs from the first other line holding ``body_first`` to the last holding ``body_last``;
    outside it, no line is body.
    """
    lines = raw.splitlines()
    kinds: dict[int, str] = {}
    for b in record.get("boilerplate", []):
        for i, line in enumerate(lines):
            if i not in kinds and _is_key_line(line, b["key"]):
                kinds[i] = b.get("kind") or "other"
                break
    first = _line_of(lines, record["body_first"], kinds)
    last = _line_of(lines, record["body_last"], kinds, after=first or 0, last=True)
    out = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        inside = first is not None and last is not None and first <= i <= last
        body = inside and i not in kinds
        out.append(GoldLine(i + 1, line, body, None if body else kinds.get(i, "other")))
    return out


def _line_of(lines, key, taken, after: int = 0, last: bool = False) -> int | None:
    hits = [
        i
        for i in range(after, len(lines))
        if i not in taken and find_key(lines[i], key) is not None
    ]
    if not hits:
        return None
    return hits[-1] if last else hits[0]
