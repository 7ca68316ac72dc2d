"""Write a report a colleague without Python can open: an index page and the key tables as CSV.

``python -m presslens.views.report reports [--corpus PATH]`` (run by ``make analysis`` after the
notebooks) writes into the folder:

* plotly.js, written into every notebook page (``NN-name.html``) that draws an interactive
  chart, so that the charts work in a browser with no network;
* ``index.html``: links to every executed notebook there as HTML (``NN-name.html``, made by
  ``make analysis``), with its title and question and its JupyterLab screenshot when
  ``make test-browser`` left one in ``screenshots/``; then every table, with its size, a short
  preview and a link to the CSV;
* one CSV per key table: ``articles.csv``, ``statements.csv``, ``events.csv``,
  ``similar_pairs.csv``, ``topics.csv`` (plus ``timeline.csv`` and ``topic_passages.csv``).
  The CSVs are UTF-8 with a byte-order mark, so that spreadsheet programs show Cyrillic; dates
  are ``YYYY-MM-DD``; lists are joined with ``"; "``.

A table whose module is not in the package (yet) is listed on the page as not available, with
the reason; nothing is made up in its place.

This module makes the key tables (:data:`TABLES`, :func:`key_tables`) and runs the whole
report (:func:`write_report`, :func:`main`); ``report_csv`` writes the CSVs and
``report_pages`` the HTML pages.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from presslens.corpus.load import Corpus, load_corpus
from presslens.views.report_csv import write_tables
from presslens.views.report_pages import embed_charts, notebook_entries, write_index

__all__ = ["TABLES", "MissingTable", "Table", "key_tables", "main", "write_report"]

#: Columns of ``corpus.articles`` left out of ``articles.csv`` (the raw file stays on disk).
ARTICLE_DROP = ("raw",)


@dataclass(frozen=True)
class Table:
    """One key table of the report.

    Attributes
    ----------
    name : str
        The file stem (``statements`` → ``statements.csv``).
    description : str
        One sentence for the reader: what a row is.
    frame : pandas.DataFrame or None
        The table; None when it could not be made.
    missing : str or None
        Why the table is not available (None when it is).
    """

    name: str
    description: str
    frame: pd.DataFrame | None
    missing: str | None = None


class MissingTable(LookupError):
    """A key table's module or function is not in the package (yet)."""


def _function(module: str, name: str) -> Callable:
    """Return ``presslens.<module>.<name>``, or raise :class:`MissingTable` when absent."""
    try:
        found = importlib.import_module(f"presslens.{module}")
    except ModuleNotFoundError as error:
        if error.name != f"presslens.{module}":
            raise  # a module that exists failed to import something: a real error
        raise MissingTable(f"presslens.{module} is not in the package yet") from error
    if not hasattr(found, name):
        raise MissingTable(f"presslens.{module}.{name} is not in the package yet")
    return getattr(found, name)


def _method(obj: object, name: str) -> Callable:
    if not hasattr(obj, name):
        raise MissingTable(f"{type(obj).__name__}.{name} is not in the package yet")
    return getattr(obj, name)


def _articles(corpus: Corpus, cache: dict) -> pd.DataFrame:
    return corpus.articles.drop(columns=[c for c in ARTICLE_DROP if c in corpus.articles])


def _statements(corpus: Corpus, cache: dict) -> pd.DataFrame:
    if "statements" not in cache:
        cache["statements"] = _function("statements", "statements")(corpus.articles)
    return cache["statements"]


def _mentions(corpus: Corpus, cache: dict) -> pd.DataFrame:
    if "mentions" not in cache:
        # inside a quotation, a relative date is read from the day the words were said
        cache["mentions"] = _function("findings", "events")(
            corpus.articles, _statements(corpus, cache)
        )
    return cache["mentions"]


def _events(corpus: Corpus, cache: dict) -> pd.DataFrame:
    mentions, _ = _function("findings", "reconcile_events")(_mentions(corpus, cache))
    return mentions


def _timeline(corpus: Corpus, cache: dict) -> pd.DataFrame:
    make = _function("findings", "timeline")
    return make(corpus.articles, _statements(corpus, cache), _mentions(corpus, cache))


def _similar_pairs(corpus: Corpus, cache: dict) -> pd.DataFrame:
    return _function("findings", "similar_pairs")(corpus.articles, "paragraph")


def _topic_model(corpus: Corpus, cache: dict):
    if "topics" not in cache:
        units = _function("findings", "topic_units")(corpus.articles)
        cache["topics"], _ = _function("findings", "fit_topics")(units)
    return cache["topics"]


def _topics(corpus: Corpus, cache: dict) -> pd.DataFrame:
    return _method(_topic_model(corpus, cache), "summary")()


def _topic_passages(corpus: Corpus, cache: dict) -> pd.DataFrame:
    return _method(_topic_model(corpus, cache), "representative")()


#: The key tables: name, what a row is, and the function that makes it from a corpus.
TABLES: tuple[tuple[str, str, Callable[[Corpus, dict], pd.DataFrame]], ...] = (
    ("articles", "One row per article: outlet, date, language, title and clean text.", _articles),
    (
        "statements",
        "One row per statement: who said what, when, in which article (offsets into the text).",
        _statements,
    ),
    (
        "events",
        "One row per dated mention: the date phrase, the day it resolves to and what happened.",
        _events,
    ),
    (
        "similar_pairs",
        "One row per pair of similar paragraphs from two articles, with the shared terms.",
        _similar_pairs,
    ),
    ("topics", "One row per topic: its label, top terms and share of the coverage.", _topics),
    ("topic_passages", "The paragraphs that represent each topic best.", _topic_passages),
    ("timeline", "Statements and dated events on one timeline, ordered by date.", _timeline),
)


def key_tables(corpus: Corpus) -> list[Table]:
    """Make every key table of the report from a corpus.

    A table whose module or function is not in the package yet is returned with ``frame``
    None and the reason in ``missing``; any other error (a bug in a module that is there) is
    raised.

    Parameters
    ----------
    corpus : Corpus
        The loaded corpus (see :func:`presslens.corpus.load_corpus`).

    Returns
    -------
    list of Table
        One per entry of :data:`TABLES`, in that order.
    """
    cache: dict = {}
    tables = []
    for name, description, make in TABLES:
        try:
            frame = make(corpus, cache)
        except MissingTable as error:
            tables.append(Table(name, description, None, f"not available yet: {error}"))
            continue
        tables.append(Table(name, description, frame.reset_index(drop=True)))
    return tables


def write_report(folder: str | Path, corpus: str | Path | Corpus | None = None) -> Path:
    """Write the key tables as CSV and ``index.html`` into a report folder.

    Notebook pages that draw interactive charts get plotly.js (:func:`embed_charts`).

    Parameters
    ----------
    folder : str or pathlib.Path
        The report folder (``reports/``), where ``make analysis`` put the executed notebooks.
    corpus : str, pathlib.Path, Corpus or None
        The corpus, or its path; None = the bundled seeds.

    Returns
    -------
    pathlib.Path
        The ``index.html`` written.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    loaded = corpus if isinstance(corpus, Corpus) else load_corpus(corpus)
    tables = key_tables(loaded)
    listing = write_tables(tables, folder)
    embed_charts(folder)
    return write_index(folder, notebook_entries(folder), listing, tables, loaded)


def main(argv: list[str] | None = None) -> int:
    """Run ``python -m presslens.views.report FOLDER [--corpus PATH]``.

    Parameters
    ----------
    argv : list of str or None
        The arguments (None: ``sys.argv``).

    Returns
    -------
    int
        The exit code: 0, or 1 when a notebook in the folder has errors or unexecuted cells.
    """
    parser = argparse.ArgumentParser(
        prog="python -m presslens.views.report",
        description="Write index.html and the key tables as CSV into a report folder.",
    )
    parser.add_argument("folder", help="the report folder (e.g. reports)")
    parser.add_argument("--corpus", default=None, help="the corpus (default: the seeds)")
    args = parser.parse_args(argv)
    page = write_report(args.folder, args.corpus)
    notebooks = notebook_entries(args.folder)
    print(f"report: {page}")
    bad = notebooks[(notebooks["errors"] > 0) | (notebooks["unexecuted"] > 0)]
    for name in bad["name"]:
        print(f"report: {name} has errors or unexecuted cells")
    return 1 if len(bad) else 0


if __name__ == "__main__":
    raise SystemExit(main())
