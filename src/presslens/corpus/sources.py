"""Find the article files of a corpus and read each into sources, reporting what cannot be read.

:func:`corpus_files` lists the files under a folder (in the order a corpus is read, each
unreadable path reported), :func:`read_files` decodes them into :class:`Source` records: one
per ``.txt`` or ``.html`` file, one per row of a ``.jsonl`` or ``.csv`` file.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from presslens.corpus.decode import UndecodableError, decode_bytes
from presslens.corpus.metadata import METADATA_NAME, csv_reader, csv_rows, parse_date
from presslens.corpus.model import HTML_SUFFIXES, TABLE_SUFFIXES, TEXT_SUFFIXES


@dataclass
class Source:
    """One article as read: its id, file, raw text, text to clean, encoding and given fields."""

    id: str
    path: str
    raw: str
    text: str
    encoding: str
    fields: dict = field(default_factory=dict)


def _from_html(raw: str) -> tuple[str, dict]:
    """The body of an HTML page and the metadata trafilatura finds in it."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    # no extensive search: a copyright year («© 2022») is not a publication date (htmldate
    # would make it 1 January), only the page's own date markup and text are read
    doc = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        raise UndecodableError("no article body found in the page")
    published = parse_date(doc.date) if doc.date else None
    fields = {
        "title": doc.title,
        "author": doc.author,
        "outlet": doc.sitename,
        "url": doc.url,
        "published": published,
        "published_basis": "page" if published is not None else None,
    }
    return doc.text, {k: v for k, v in fields.items() if v}


def _scalar(value) -> str | None:
    """A table field as text: numbers written out (a ``url`` of 12345), lists and objects and
    empty values as None."""
    if value is None or isinstance(value, dict | list) or not str(value).strip():
        return None
    return str(value).strip()


def _table_rows(path: Path, rel: str, text: str, skipped: list) -> list[Source]:
    """Read the articles of a .jsonl or .csv file, one per row with a ``text`` field."""
    stem, rows = Path(rel).stem, []
    if path.suffix.lower() == ".jsonl":
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                skipped.append((rel, lineno, f"not valid JSON ({exc.msg})"))
                continue
            rows.append((lineno, rec))
    else:
        reader = csv_reader(text, dict_rows=True)
        try:
            header = reader.fieldnames or []
        except csv.Error as exc:
            header, exc_text = [], f" ({exc})"
        else:
            exc_text = ""
        if "text" not in header:
            skipped.append((rel, None, f"a CSV file without a 'text' column{exc_text}"))
            return []
        errors: list[tuple[int, str]] = []
        rows.extend(csv_rows(reader, errors))
        skipped.extend((rel, line, msg) for line, msg in errors)
    out = []
    for lineno, rec in rows:
        if not isinstance(rec, dict) or not str(rec.get("text") or "").strip():
            skipped.append((rel, lineno, "a row without text"))
            continue
        art = str(rec.get("id") or f"{stem}-{lineno}")
        fields = {k: _scalar(rec.get(k)) for k in ("outlet", "url", "title", "author", "language")}
        if rec.get("published"):
            fields["published"] = parse_date(str(rec["published"]))
            if fields["published"] is None:
                skipped_problem = (rel, lineno, f"bad date {rec['published']!r}")
                fields["_problem"] = skipped_problem
        raw = str(rec["text"]).replace("\r\n", "\n")
        out.append(Source(art, rel, raw, raw, "utf-8", {k: v for k, v in fields.items() if v}))
    return out


def read_file(path: Path, rel: str, skipped: list) -> list[Source]:
    """Read the sources of one file; append why it cannot be read to ``skipped``."""
    suffix = path.suffix.lower()
    try:
        raw, encoding = decode_bytes(path.read_bytes())
    except UndecodableError as exc:
        skipped.append((rel, None, str(exc)))
        return []
    except OSError as exc:
        skipped.append((rel, None, f"cannot read the file ({exc.strerror})"))
        return []
    if suffix in TABLE_SUFFIXES:
        return _table_rows(path, rel, raw, skipped)
    if suffix in HTML_SUFFIXES:
        try:
            text, fields = _from_html(raw)
        except UndecodableError as exc:
            skipped.append((rel, None, str(exc)))
            return []
        return [Source(Path(rel).stem, rel, raw, text, encoding, fields)]
    return [Source(Path(rel).stem, rel, raw, raw, encoding)]


def _printable(name: str) -> str:
    """A file name as valid text: bytes that are not UTF-8 (a cp1251 name on a UTF-8 file
    system) are shown as ``\\xNN``, so ids, tables and messages can still hold them."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")
    return name


def _unusable(path: Path) -> str | None:
    """Say why a path under the corpus cannot be read, when it is a link or a folder that
    the walk would otherwise pass over without a word."""
    try:
        if path.is_symlink():
            if not path.exists():
                return "a broken (or looping) symbolic link"
            if path.is_dir():
                return "a linked folder, not followed"
        if path.is_dir() and not os.access(path, os.R_OK | os.X_OK):
            return "a folder that cannot be read"
    except OSError as exc:  # e.g. a link loop reported by the file system
        return f"cannot be read ({exc.strerror or exc})"
    return None


def corpus_files(root: Path, skipped: list, renamed: set | None = None) -> list[tuple[Path, str]]:
    """List the article files under ``root`` as ``(path, relative path)``, sorted; append
    what cannot be read to ``skipped`` and the names shown with escapes to ``renamed``."""
    if root.is_file():
        return [(root, root.name)]
    found = []
    for path in sorted(root.rglob("*"), key=lambda p: _printable(p.relative_to(root).as_posix())):
        rel = _printable(path.relative_to(root).as_posix())
        if renamed is not None and rel != path.relative_to(root).as_posix():
            renamed.add(rel)
        unusable = _unusable(path)
        if unusable:
            skipped.append((rel, None, unusable))
            continue
        if not path.is_file() or rel == METADATA_NAME:
            continue
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            skipped.append((rel, None, "a hidden file"))
            continue
        if path.suffix.lower() not in TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES:
            skipped.append((rel, None, f"unsupported file type {path.suffix or '(none)'!r}"))
            continue
        found.append((path, rel))
    return found


def read_files(files: list[tuple], skipped: list) -> list[Source]:
    """Read the sources of ``(path, relative path)`` files; append what cannot be read to
    ``skipped``."""
    return [src for path, rel in files for src in read_file(Path(path), rel, skipped)]


def source_digest(raw: str) -> str:
    """Return the SHA-1 of a raw text without its edge spaces: the same digest, the same file."""
    return hashlib.sha1(raw.strip().encode("utf-8")).hexdigest()
