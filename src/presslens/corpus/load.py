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

import logging
from pathlib import Path
from urllib.parse import urlparse

import pandas as pd

from presslens.corpus.clean import REMOVED_COLUMNS, Cleaned, clean_text
from presslens.corpus.lang import detect_language
from presslens.corpus.metadata import LANGUAGES, METADATA_NAME, Problem, read_folder_metadata
from presslens.corpus.model import (  # noqa: F401  (re-exported: the public names of a load)
    ARTICLE_COLUMNS,
    DUPLICATE_COLUMNS,
    PROBLEM_COLUMNS,
    SKIPPED_COLUMNS,
    Corpus,
    CorpusError,
)
from presslens.corpus.repeated import repeated_lines
from presslens.corpus.sources import Source, corpus_files, read_files, source_digest
from presslens.paths import seeds_dir

log = logging.getLogger("presslens")


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def article_row(
    src: Source,
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
        stored = _stored_corpus(root)
        if stored is not None:
            return stored
    meta, problems = read_folder_metadata(root)
    skipped: list[tuple] = []
    renamed: set[str] = set()
    sources = read_files(corpus_files(root, skipped, renamed), skipped)
    if not sources:
        raise no_articles(root, skipped, problems)
    _check_sources(sources, meta, renamed, problems)
    repeated = _repeated(sources, meta)
    duplicate_of, dups = find_duplicates([(s.id, source_digest(s.raw), s.path) for s in sources])
    ordered = sorted(sources, key=lambda s: s.id)
    rows, removed = clean_rows(ordered, [s.id for s in ordered], meta, repeated, duplicate_of)
    articles = articles_frame(rows)
    log_reports(skipped, problems, dups)
    return Corpus(
        root=root,
        articles=articles.reset_index(drop=True),
        removed=pd.DataFrame(removed, columns=REMOVED_COLUMNS),
        **report_frames(skipped, problems, dups),
    )


def _stored_corpus(root: Path) -> Corpus | None:
    """The corpus of an index folder, or None when ``root`` is not an index."""
    from presslens.corpus.index import is_index, read_corpus

    if not is_index(root):
        return None
    try:
        return read_corpus(root)
    except ValueError as exc:  # a damaged or newer index: one line, not a traceback
        raise CorpusError(str(exc)) from exc


def no_articles(root: Path, skipped: list, problems: list[Problem]) -> CorpusError:
    """Report what was skipped and return the error of a corpus without a readable article."""
    what = f"{len(skipped)} file(s) skipped" if skipped else "the folder is empty"
    log_reports(skipped, problems)
    return CorpusError(f"{root}: no readable articles ({what})")


def _source_problems(src: Source, renamed: set[str]) -> list[Problem]:
    """What is odd about one source (encoding, file name, language, date); fix its language."""
    problems = []
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
        problems.append(bad_date(src.fields.pop("_problem")))
    return problems


def _check_sources(sources: list[Source], meta: dict, renamed: set[str],
                   problems: list[Problem]) -> None:
    """Add each source's problems, give repeated ids a new one, report metadata rows alone."""
    seen: dict[str, int] = {}
    for src in sources:
        problems.extend(_source_problems(src, renamed))
        src.id = renamed_id(seen, src.id, src.path, problems)
    problems.extend(orphan_rows(meta, seen))


def bad_date(problem: tuple) -> Problem:
    """The problem of a table row whose date cannot be read: ``(path, line, message)``."""
    rel, lineno, msg = problem
    return Problem(rel, lineno, msg, "published left empty")


def renamed_id(seen: dict[str, int], art: str, path: str, problems: list[Problem]) -> str:
    """Return the id of the next source of id ``art``: ``art~2`` for its second file, and so
    on (each renaming added to ``problems``); ``seen`` counts the sources of each id."""
    n = seen.get(art, 0)
    seen[art] = n + 1
    if not n:
        return art
    new_id = f"{art}~{n + 1}"
    problems.append(Problem(path, None, f"id {art!r} is used by another file", f"renamed {new_id}"))
    return new_id


def orphan_rows(meta: dict[str, dict], seen: dict[str, int]) -> list[Problem]:
    """The metadata rows whose id no source has."""
    return [
        Problem(METADATA_NAME, rec["line"], f"id {art!r} has no article file", "row ignored")
        for art, rec in meta.items()
        if art not in seen
    ]


def find_duplicates(digests: list[tuple[str, str, str]]) -> tuple[dict[str, str], list[tuple]]:
    """Find the sources whose raw text an earlier id (in id order) already has.

    Parameters
    ----------
    digests : list of tuple
        ``(id, digest, path)`` of every source (see :func:`presslens.corpus.sources.source_digest`).

    Returns
    -------
    tuple
        ``(duplicate_of, rows)``: the first id of each repeated text's later ids, and the
        ``(id, duplicate_of, path)`` rows of ``Corpus.duplicates``, in id order.
    """
    first: dict[str, str] = {}
    duplicate_of: dict[str, str] = {}
    rows = []
    for art, digest, rel in sorted(digests, key=lambda d: d[0]):
        orig = first.setdefault(digest, art)
        if orig != art:
            duplicate_of[art] = orig
            rows.append((art, orig, rel))
    return duplicate_of, rows


def clean_rows(sources: list[Source], ids: list[str], meta: dict, repeated: frozenset[str],
               duplicate_of: dict[str, str]) -> tuple[list[dict], list[tuple]]:
    """Clean sources (of the ids given) into ``Corpus.articles`` and ``Corpus.removed`` rows."""
    rows, removed = [], []
    for src, art in zip(sources, ids, strict=True):
        row, cleaned = article_row(src, art, meta.get(art), repeated, duplicate_of.get(art))
        rows.append(row)
        removed.extend((art, r.line, r.text, r.reason) for r in cleaned.removed)
    return rows, removed


def articles_frame(rows: list[dict]) -> pd.DataFrame:
    """Return ``Corpus.articles`` of rows made by :func:`article_row`."""
    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    articles["published"] = pd.to_datetime(articles["published"])
    return articles


def _repeated(sources: list[Source], meta: dict) -> frozenset[str]:
    """Lines repeated across the articles of one outlet (site boilerplate), each text counted
    once: identical files (a file copied twice) do not make their own lines boilerplate."""
    seen: set[str] = set()
    texts, outlets = [], []
    for s in sources:
        digest = source_digest(s.raw)
        if digest in seen:
            continue
        seen.add(digest)
        texts.append(s.text)
        outlets.append((meta.get(s.id) or {}).get("outlet") or s.fields.get("outlet"))
    return repeated_lines(texts, outlets)


def report_frames(skipped: list[tuple], problems: list[Problem],
                  dups: list[tuple]) -> dict[str, pd.DataFrame]:
    """Return the ``skipped``, ``problems`` and ``duplicates`` tables of a load, by name."""
    return {
        "skipped": _frame(skipped, SKIPPED_COLUMNS),
        "problems": _frame([(p.path, p.line, p.problem, p.action) for p in problems],
                           PROBLEM_COLUMNS),
        "duplicates": _frame(dups, DUPLICATE_COLUMNS),
    }


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    """A report table; its ``line`` column as nullable integers."""
    frame = pd.DataFrame(rows, columns=columns)
    if "line" in frame:
        frame["line"] = frame["line"].astype("Int64")
    return frame


def _where(path: str, line: int | None) -> str:
    return f"{path}:{line}" if line else path


def log_reports(skipped: list, problems: list[Problem], dups: list | None = None) -> None:
    """Log every skipped input, problem and duplicate as a warning that names the file."""
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
