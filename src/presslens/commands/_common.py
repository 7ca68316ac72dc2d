"""Shared pieces of the sub-commands: registering one, reading its corpus and printing a table.

A sub-command module registers itself with :func:`add_command`, reads its input with
:func:`load_or_fail` (a folder or file) or :func:`stored_or_computed` (an index's stored answer,
else computed from the corpus), and prints with :func:`write_frame`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeVar

import numpy as np
import pandas as pd

FORMATS = ("table", "csv", "jsonl")

T = TypeVar("T")


def add_corpus_argument(parser: argparse.ArgumentParser) -> None:
    """Add the positional ``DIR`` argument and ``--format`` to a sub-command."""
    parser.add_argument(
        "corpus",
        metavar="DIR",
        help="a folder of articles (.txt, .html, .jsonl, .csv, optional metadata.csv), "
        "or one .jsonl/.csv file",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table for people (default), csv, or jsonl with one JSON object per line",
    )


def add_command(
    subparsers: argparse._SubParsersAction, name: str, run, help: str, description: str
) -> argparse.ArgumentParser:
    """Add a sub-command that reads ``DIR`` and prints in a ``--format``; return its parser.

    The caller adds the sub-command's own options to the parser returned.
    """
    parser = subparsers.add_parser(name, help=help, description=description)
    add_corpus_argument(parser)
    parser.set_defaults(func=run)
    return parser


def fail(message: str) -> int:
    """Print one clear error line and return exit code 2."""
    print(f"presslens: error: {message}", file=sys.stderr)
    return 2


def load_or_fail(path: str):
    """Load a corpus for a sub-command; return ``(corpus, None)`` or ``(None, exit_code)``."""
    from presslens.corpus.load import CorpusError, load_corpus

    try:
        return load_corpus(Path(path)), None
    except CorpusError as exc:
        return None, fail(str(exc))


def linked_index(path: str, table: str):
    """Return the index at ``path`` when it stores ``table`` as the corpus's answer (an index
    written with corpus-wide linking), else None: the command then loads and computes.
    A damaged manifest gives None too (``load_or_fail`` then reports it)."""
    from presslens.corpus.index import is_index, open_index

    if not is_index(path):
        return None
    try:
        index = open_index(path)
    except ValueError:
        return None
    ok = index.manifest.get("linked") and table in index.manifest.get("tables", [])
    return index if ok else None


def stored_or_computed(
    path: str,
    table: str,
    from_index: Callable[[Any], T],
    from_corpus: Callable[[Any], T],
    errors: tuple[type[Exception], ...] = (ValueError,),
) -> tuple[T | None, int | None]:
    """Return ``(answer, None)`` read from an index or computed from a corpus, or ``(None, code)``.

    When ``path`` is an index storing ``table`` as the corpus's answer (see
    :func:`linked_index`), the answer is ``from_index(index)``, and one of ``errors`` (a
    damaged table) gives exit code 2 with one line; otherwise the corpus is loaded
    (:func:`load_or_fail`) and the answer is ``from_corpus(corpus)``.
    """
    index = linked_index(path, table)
    if index is not None:
        try:
            return from_index(index), None
        except errors as exc:  # a damaged table: one line
            return None, fail(str(exc))
    corpus, code = load_or_fail(path)
    if corpus is None:
        return None, code
    return from_corpus(corpus), None


def _jsonable(value: Any) -> Any:
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating | float):
        return None if math.isnan(value) else float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.ndarray):
        return [_jsonable(v) for v in value.tolist()]
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if value is pd.NA:
        return None
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Turn a DataFrame into JSON-ready dicts: dates as ``YYYY-MM-DD``, missing as None."""
    return [
        {col: _jsonable(val) for col, val in zip(frame.columns, row, strict=True)}
        for row in frame.itertuples(index=False, name=None)
    ]


def write_frame(frame: pd.DataFrame, fmt: str, out: IO[str] | None = None) -> None:
    """Print ``frame`` as a readable table, as CSV, or as JSON lines."""
    out = out or sys.stdout
    if fmt == "jsonl":
        for rec in records(frame):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        flat = pd.DataFrame(records(frame), columns=frame.columns)
        for col in flat.columns:
            if flat[col].map(lambda v: isinstance(v, list | dict)).any():
                flat[col] = flat[col].map(lambda v: json.dumps(v, ensure_ascii=False))
        flat.to_csv(out, index=False)
    else:
        shown = frame.copy()
        for col in shown.columns:
            if shown[col].dtype == object or str(shown[col].dtype).startswith("str"):
                shown[col] = shown[col].map(
                    lambda v: (v if len(v) <= 60 else v[:57] + "...") if isinstance(v, str) else v
                )
        with pd.option_context("display.width", 200, "display.max_columns", None):
            out.write(shown.to_string(index=False) + "\n")
