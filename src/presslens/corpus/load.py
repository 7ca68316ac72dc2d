"""Load a corpus of scraped articles into one tidy table, cleaned, with reports of bad input.

A corpus is a folder (searched recursively) of:

* ``.txt`` files, one article each, in any encoding a scraper produces;
* ``.html`` / ``.htm`` pages, whose body is taken by trafilatura;
* ``.jsonl`` or ``.csv`` files with one article per row and a ``text`` column;
* an optional ``metadata.csv`` at the top (see :mod:`presslens.corpus.metadata`).

A single ``.jsonl``/``.csv``/``.txt``/``.html`` file is a corpus too. Nothing is dropped
silently: unreadable files are listed in ``Corpus.skipped``, bad metadata rows in
``Corpus.problems``, identical files in ``Corpus.duplicates``, and every line the
cleaner removed in ``Corpus.removed``. Each is also logged as a warning that names the
file (and line).
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from presslens.corpus.clean import REMOVED_COLUMNS, Cleaned, clean_text, repeated_lines
from presslens.corpus.decode import UndecodableError, decode_bytes
from presslens.corpus.lang import detect_language
from presslens.corpus.metadata import (
    LANGUAGES,
    METADATA_NAME,
    Problem,
    csv_reader,
    csv_rows,
    parse_date,
    read_metadata,
)
from presslens.corpus.model import (  # noqa: F401  (re-exported: the public names of a load)
    ARTICLE_COLUMNS,
    DUPLICATE_COLUMNS,
    HTML_SUFFIXES,
    PROBLEM_COLUMNS,
    SKIPPED_COLUMNS,
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
    Corpus,
    CorpusError,
)
from presslens.paths import seeds_dir

log = logging.getLogger("presslens")

@dataclass
class _Source:
    id: str
    path: str
    raw: str
    text: str
    encoding: str
    fields: dict = field(default_factory=dict)


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def _from_html(raw: str) -> tuple[str, dict]:
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


def _table_rows(path: Path, rel: str, text: str, skipped: list) -> list[_Source]:
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
        out.append(_Source(art, rel, raw, raw, "utf-8", {k: v for k, v in fields.items() if v}))
    return out


def _read_file(path: Path, rel: str, skipped: list) -> list[_Source]:
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
        return [_Source(Path(rel).stem, rel, raw, text, encoding, fields)]
    return [_Source(Path(rel).stem, rel, raw, raw, encoding)]


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


def _files(root: Path, skipped: list, renamed: set | None = None) -> list[tuple[Path, str]]:
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


def article_row(
    src: _Source,
    article: str,
    given: dict | None,
    repeated: frozenset[str],
    duplicate_of: str | None,
) -> tuple[dict, Cleaned]:
    """Clean one source and build its ``Corpus.articles`` row (shared with the Dask engine).

    Metadata fields in ``given`` win over what the page or the text says; a missing field is
    inferred (outlet from the URL's host, language from the text, date stamped above the body)
    or left empty.

    Returns
    -------
    tuple of (dict, Cleaned)
        The row, with the keys of :data:`ARTICLE_COLUMNS`, and the cleaner's result.
    """
    cleaned = clean_text(src.text, repeated)
    given = {k: v for k, v in (given or {}).items() if v is not None}
    fields = {**src.fields, **given}
    if given.get("published") is not None:
        fields["published_basis"] = "metadata"
    if fields.get("published") is None and cleaned.published is not None:
        fields["published"], fields["published_basis"] = cleaned.published, "text"
    url = fields.get("url")
    row = {
        "id": article,
        "path": src.path,
        "outlet": fields.get("outlet") or _host(url),
        "url": url,
        "published": fields.get("published"),
        "language": fields.get("language") or detect_language(cleaned.text),
        "title": fields.get("title") or cleaned.title,
        "author": fields.get("author") or cleaned.author,
        "text": cleaned.text,
        "raw": src.raw,
        "n_removed": len(cleaned.removed),
        "published_basis": fields.get("published_basis"),
        "encoding": src.encoding,
        "n_chars_raw": len(src.raw),
        "n_chars": len(cleaned.text),
        "duplicate_of": duplicate_of,
        "lines": cleaned.lines,
    }
    return row, cleaned


def load_corpus(path: str | Path | None = None) -> Corpus:
    """Load, decode and clean every article under ``path``.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        A folder of articles or one .jsonl/.csv/.txt/.html file. ``None`` loads the
        bundled ``seeds/``. An index folder (``presslens index``) gives the corpus it stores.

    Returns
    -------
    Corpus
        The articles and the ``removed``, ``skipped``, ``problems`` and ``duplicates``
        reports; see :class:`Corpus` for every column.

    Raises
    ------
    CorpusError
        When ``path`` does not exist or holds no readable article.

    Examples
    --------
    >>> corpus = load_corpus()
    >>> corpus.articles[["id", "outlet", "language"]].head(2)  # doctest: +SKIP
    """
    root = Path(path) if path is not None else seeds_dir()
    if not root.exists():
        raise CorpusError(f"{root}: no such file or folder")
    if (root / "manifest.json").is_file():  # an index written by `presslens index`
        from presslens.corpus.index import is_index, read_corpus

        if is_index(root):
            try:
                return read_corpus(root)
            except ValueError as exc:  # a damaged or newer index: one line, not a traceback
                raise CorpusError(str(exc)) from exc
    skipped: list[tuple] = []
    problems: list[Problem] = []
    meta: dict[str, dict] = {}
    if root.is_dir() and (root / METADATA_NAME).is_file():
        meta, problems = read_metadata(root / METADATA_NAME)

    sources: list[_Source] = []
    renamed: set[str] = set()
    for file, rel in _files(root, skipped, renamed):
        sources.extend(_read_file(file, rel, skipped))
    if not sources:
        what = f"{len(skipped)} file(s) skipped" if skipped else "the folder is empty"
        _report(skipped, problems)
        raise CorpusError(f"{root}: no readable articles ({what})")

    seen_ids: dict[str, int] = {}
    for src in sources:
        if "," in src.encoding or "mixed" in src.encoding:  # decoded, but not cleanly
            problems.append(Problem(src.path, None, f"read as {src.encoding}", "text kept"))
        if src.path in renamed:
            msg = "the file name is not valid UTF-8"
            problems.append(Problem(src.path, None, msg, r"shown with \x escapes"))
        language = src.fields.get("language")
        if language and language.lower() not in LANGUAGES:
            msg = f"unknown language {language!r} for {src.id!r}"
            problems.append(Problem(src.path, None, msg, "language detected from the text"))
            src.fields.pop("language")
        elif language:
            src.fields["language"] = language.lower()
        if "_problem" in src.fields:
            rel, lineno, msg = src.fields.pop("_problem")
            problems.append(Problem(rel, lineno, msg, "published left empty"))
        n = seen_ids.get(src.id, 0)
        seen_ids[src.id] = n + 1
        if n:
            new_id = f"{src.id}~{n + 1}"
            problems.append(
                Problem(
                    src.path, None, f"id {src.id!r} is used by another file", f"renamed {new_id}"
                )
            )
            src.id = new_id
    for art, rec in meta.items():
        if art not in seen_ids:
            problems.append(
                Problem(
                    METADATA_NAME, rec["line"], f"id {art!r} has no article file", "row ignored"
                )
            )

    repeated = _repeated(sources, meta)

    rows, removed, dups = [], [], []
    first_by_hash: dict[str, str] = {}
    for src in sorted(sources, key=lambda s: s.id):
        digest = hashlib.sha1(src.raw.strip().encode("utf-8")).hexdigest()
        duplicate_of = first_by_hash.setdefault(digest, src.id)
        duplicate_of = None if duplicate_of == src.id else duplicate_of
        if duplicate_of:
            dups.append((src.id, duplicate_of, src.path))
        row, cleaned = article_row(src, src.id, meta.get(src.id), repeated, duplicate_of)
        rows.append(row)
        removed.extend((src.id, r.line, r.text, r.reason) for r in cleaned.removed)

    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    articles["published"] = pd.to_datetime(articles["published"])
    _report(skipped, problems, dups)
    return Corpus(
        root=root,
        articles=articles.reset_index(drop=True),
        removed=pd.DataFrame(removed, columns=REMOVED_COLUMNS),
        skipped=_frame(skipped, SKIPPED_COLUMNS),
        problems=_frame([(p.path, p.line, p.problem, p.action) for p in problems], PROBLEM_COLUMNS),
        duplicates=_frame(dups, DUPLICATE_COLUMNS),
    )


def _repeated(sources: list[_Source], meta: dict) -> frozenset[str]:
    """Lines repeated across the articles of one outlet (site boilerplate), each text counted
    once: identical files (a file copied twice) do not make their own lines boilerplate."""
    seen: set[str] = set()
    texts, outlets = [], []
    for s in sources:
        digest = hashlib.sha1(s.raw.strip().encode("utf-8")).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        texts.append(s.text)
        outlets.append((meta.get(s.id) or {}).get("outlet") or s.fields.get("outlet"))
    return repeated_lines(texts, outlets)


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    if "line" in frame:
        frame["line"] = frame["line"].astype("Int64")
    return frame


def _where(path: str, line: int | None) -> str:
    return f"{path}:{line}" if line else path


def _report(skipped: list, problems: list[Problem], dups: list | None = None) -> None:
    for path, line, reason in skipped:
        log.warning("%s: skipped: %s", _where(path, line), reason)
    for p in problems:
        log.warning("%s: %s; %s", _where(p.path, p.line), p.problem, p.action)
    for _art, first, path in dups or []:
        log.warning("%s: duplicate of article %s (same text); kept and reported", path, first)
    if skipped or problems:
        log.warning(
            "in all: %d input(s) skipped, %d problem(s) handled, each named above",
            len(skipped),
            len(problems),
        )


def load_articles(path: str | Path | None = None) -> pd.DataFrame:
    """Return only ``load_corpus(path).articles``; see :class:`Corpus` for the columns."""
    return load_corpus(path).articles
