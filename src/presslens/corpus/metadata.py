"""Read a corpus's optional ``metadata.csv``, reporting every bad row by file and line.

The file has one row per article, with the columns ``id, outlet, url, published,
language`` (``title`` and ``author`` are read too when present). ``id`` is the article's
file stem. Any field may be empty; an empty field is inferred from the article or left
null, never invented.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from presslens.corpus.decode import UndecodableError, decode_bytes

METADATA_NAME = "metadata.csv"
REQUIRED = ("id", "outlet", "url", "published", "language")
OPTIONAL = ("title", "author")
LANGUAGES = ("ru", "uk")


@dataclass(frozen=True)
class Problem:
    """A problem found in the input: the file, the 1-based line (or None) and what happened."""

    path: str
    line: int | None
    problem: str
    action: str


#: Years a news date can have: a CMS's null date (0001-01-01, 9999-12-31) or «0000 года» is
#: not a date, and pandas cannot hold years outside 1677–2262.
PLAUSIBLE_YEARS = range(1800, 2201)


def plausible_year(year: int | None) -> bool:
    """Tell whether ``year`` can be the year of a news date (see :data:`PLAUSIBLE_YEARS`)."""
    return year is None or year in PLAUSIBLE_YEARS


def parse_date(value: str) -> pd.Timestamp | None:
    """Parse ``YYYY-MM-DD`` (or ``DD.MM.YYYY``) strictly; return None when it is not a date
    (or its year is not a plausible one)."""
    value = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            day = dt.datetime.strptime(value, fmt)  # strict, and far faster than pandas per row
        except (ValueError, TypeError, OverflowError):
            continue
        return pd.Timestamp(day) if plausible_year(day.year) else None
    return None


def csv_reader(text: str, dict_rows: bool = False):
    """A ``csv`` reader over ``text`` with every line break (``\r``, ``\r\n``) read as ``\n``
    and no limit on the size of a field (a field may hold a whole article)."""
    csv.field_size_limit(sys.maxsize)
    stream = io.StringIO(text.lstrip("\ufeff"), newline=None)
    return csv.DictReader(stream) if dict_rows else csv.reader(stream)


def csv_rows(reader, errors: list[tuple[int, str]]) -> Iterator[tuple[int, list[str] | dict]]:
    """Yield ``(line, row)`` for each row of a ``csv`` reader, ``line`` being the 1-based line
    the row starts on, also when a quoted field before it holds line breaks. A row the ``csv``
    module cannot parse is appended to ``errors`` as ``(line, message)`` and skipped."""
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            errors.append((start, f"not valid CSV ({exc})"))
            if reader.line_num + 1 == start:
                return
        else:
            yield start, row
        start = reader.line_num + 1


def read_metadata(path: Path, label: str | None = None) -> tuple[dict[str, dict], list[Problem]]:
    """Read ``metadata.csv`` into a dict of fields per article id.

    Parameters
    ----------
    path : pathlib.Path
        The CSV file.
    label : str, optional
        How to name the file in messages (default: its name).

    Returns
    -------
    tuple
        ``(rows, problems)``: ``rows`` maps an article id to a dict with the keys
        ``outlet``, ``url``, ``published`` (Timestamp or None), ``language``, ``title``,
        ``author`` and ``line`` (the row's line in the file); ``problems`` lists every
        bad row or column as :class:`Problem`.
    """
    label = label or path.name
    opened = _open(path, label)
    if isinstance(opened, Problem):
        return {}, [opened]
    reader, header = opened
    problems = _missing_columns(header, label)
    rows: dict[str, dict] = {}
    errors: list[tuple[int, str]] = []
    for lineno, values in csv_rows(reader, errors):
        if not any(v.strip() for v in values):
            continue
        rec = _record(values, header, label, lineno, problems)
        art = rec.get("id", "")
        if not art:
            problems.append(Problem(label, lineno, "a row without an id", "row ignored"))
        elif art in rows:
            problems.append(
                Problem(label, lineno, f"id {art!r} appears twice", "the first row is used")
            )
        else:
            rows[art] = _fields(rec, art, label, lineno, problems)
    problems.extend(Problem(label, line, msg, "row ignored") for line, msg in errors)
    problems.sort(key=lambda p: p.line or 0)
    return rows, problems


def read_folder_metadata(root: Path) -> tuple[dict[str, dict], list[Problem]]:
    """Read the ``metadata.csv`` at the top of a corpus folder, as :func:`read_metadata`;
    nothing (``{}, []``) when ``root`` is a file or the folder has none."""
    if root.is_dir() and (root / METADATA_NAME).is_file():
        return read_metadata(root / METADATA_NAME)
    return {}, []


def _open(path: Path, label: str):
    """The reader after the header and the header's lower-cased names; or the
    :class:`Problem` that makes the whole file unusable."""
    try:
        text, _ = decode_bytes(path.read_bytes())
    except UndecodableError as exc:
        return Problem(label, None, f"cannot read the metadata: {exc}", "metadata ignored")
    reader = csv_reader(text)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except (StopIteration, csv.Error):
        return Problem(label, 1, "the metadata file has no header", "metadata ignored")
    if "id" not in header:
        return Problem(label, 1, "the metadata has no 'id' column", "metadata ignored")
    return reader, header


def _missing_columns(header: list[str], label: str) -> list[Problem]:
    """The problem of a header without some of the :data:`REQUIRED` columns."""
    missing = [c for c in REQUIRED if c not in header]
    if not missing:
        return []
    msg = f"missing column(s): {', '.join(missing)}"
    return [Problem(label, 1, msg, "those fields left empty")]


def _record(values: list[str], header: list[str], label: str, lineno: int,
            problems: list[Problem]) -> dict[str, str]:
    """One row as a dict of stripped fields by column; a row of the wrong length is reported
    and read as far as it goes."""
    if len(values) != len(header):
        msg = f"expected {len(header)} fields, found {len(values)}"
        problems.append(Problem(label, lineno, msg, "row read as far as it goes"))
    return {col: (values[k].strip() if k < len(values) else "") for k, col in enumerate(header)}


def _fields(rec: dict[str, str], art: str, label: str, lineno: int,
            problems: list[Problem]) -> dict:
    """The fields of article ``art``, a bad date or an unknown language reported and left empty."""
    published = None
    if rec.get("published"):
        published = parse_date(rec["published"])
        if published is None:
            msg = f"bad date {rec['published']!r} for {art!r}"
            problems.append(Problem(label, lineno, msg, "published left empty"))
    language = rec.get("language", "").lower() or None
    if language and language not in LANGUAGES:
        msg = f"unknown language {language!r} for {art!r}"
        problems.append(Problem(label, lineno, msg, "language detected from the text"))
        language = None
    return {
        "outlet": rec.get("outlet") or None,
        "url": rec.get("url") or None,
        "published": published,
        "language": language,
        "title": rec.get("title") or None,
        "author": rec.get("author") or None,
        "line": lineno,
    }
