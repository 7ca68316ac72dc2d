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
"""

from __future__ import annotations

import argparse
import html
import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from presslens.corpus.load import Corpus, load_corpus
from presslens.views.plots.chart import embed_plotly

__all__ = [
    "TABLES",
    "MissingTable",
    "Table",
    "csv_frame",
    "embed_charts",
    "key_tables",
    "main",
    "notebook_entries",
    "write_index",
    "write_report",
    "write_tables",
]

#: Columns of ``corpus.articles`` left out of ``articles.csv`` (the raw file stays on disk).
ARTICLE_DROP = ("raw",)
#: Characters of a cell shown in the previews of ``index.html``.
PREVIEW_WIDTH = 70
#: Columns shown in each table's preview (the CSV has them all).
PREVIEW_COLUMNS = {
    "articles": ["id", "outlet", "published", "language", "title"],
    "statements": ["article", "speaker", "kind", "said_on", "quote"],
    "events": ["article", "text", "date_start", "event", "description"],
    "similar_pairs": ["a", "b", "score", "terms", "a_text"],
    "topics": ["topic", "label", "share", "paragraphs"],
    "topic_passages": ["topic", "rank", "outlet", "text"],
    "timeline": ["date", "type", "outlet", "speaker", "text"],
}
#: Rows shown in each preview.
PREVIEW_ROWS = 5


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
        cache["mentions"] = _function("findings.timeline", "events")(
            corpus.articles, _statements(corpus, cache)
        )
    return cache["mentions"]


def _events(corpus: Corpus, cache: dict) -> pd.DataFrame:
    mentions, _ = _function("findings.timeline", "reconcile_events")(_mentions(corpus, cache))
    return mentions


def _timeline(corpus: Corpus, cache: dict) -> pd.DataFrame:
    make = _function("findings.timeline", "timeline")
    return make(corpus.articles, _statements(corpus, cache), _mentions(corpus, cache))


def _similar_pairs(corpus: Corpus, cache: dict) -> pd.DataFrame:
    return _function("findings.similarity", "similar_pairs")(corpus.articles, "paragraph")


def _topic_model(corpus: Corpus, cache: dict):
    if "topics" not in cache:
        units = _function("findings.topics", "topic_units")(corpus.articles)
        cache["topics"], _ = _function("findings.topics", "fit_topics")(units)
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


def _cell(value: object) -> object:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return value


def csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Convert a table to the plain values a spreadsheet reads.

    Parameters
    ----------
    frame : pandas.DataFrame
        Any table.

    Returns
    -------
    pandas.DataFrame
        The same rows and columns: dates without a time of day become ``YYYY-MM-DD`` strings
        (other timestamps ISO 8601), lists and tuples become ``"; "``-joined strings, missing
        values stay missing (empty in the CSV).
    """
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            dates = values.dropna()
            daily = bool((dates == dates.dt.normalize()).all())
            text = values.dt.strftime("%Y-%m-%d" if daily else "%Y-%m-%dT%H:%M:%S")
            out[column] = _with_none(text.where(values.notna()))
        elif pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values):
            out[column] = _with_none(values.map(_cell))
    return out


def _with_none(values: pd.Series) -> pd.Series:
    """Return ``values`` as objects, with None (not NaN) for missing values."""
    return values.astype(object).where(values.notna(), None)


def write_tables(tables: list[Table], folder: str | Path) -> pd.DataFrame:
    """Write each available table to ``<folder>/<name>.csv``.

    Parameters
    ----------
    tables : list of Table
        From :func:`key_tables`.
    folder : str or pathlib.Path
        The report folder (created when missing).

    Returns
    -------
    pandas.DataFrame
        One row per table, in the order given, with columns ``name`` (str), ``file`` (str or
        None: the CSV's name), ``rows`` (Int64, missing when not available), ``columns`` (str:
        the column names, comma-separated), ``description`` (str) and ``missing`` (str or
        None: why the table is not available).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for table in tables:
        if table.frame is None:
            (folder / f"{table.name}.csv").unlink(missing_ok=True)
            rows.append((table.name, None, pd.NA, "", table.description, table.missing))
            continue
        file = f"{table.name}.csv"
        csv_frame(table.frame).to_csv(
            folder / file, index=False, encoding="utf-8-sig", lineterminator="\n"
        )
        columns = ", ".join(str(c) for c in table.frame.columns)
        rows.append((table.name, file, len(table.frame), columns, table.description, None))
    listing = pd.DataFrame(
        rows, columns=["name", "file", "rows", "columns", "description", "missing"]
    )
    listing["rows"] = listing["rows"].astype("Int64")
    listing["file"] = _with_none(listing["file"])
    listing["missing"] = _with_none(listing["missing"])
    return listing


def _title_and_question(notebook: dict) -> tuple[str, str]:
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        source = cell.get("source", "")
        lines = ("".join(source) if isinstance(source, list) else source).splitlines()
        title = next((ln.lstrip("#").strip() for ln in lines if ln.startswith("# ")), "")
        rest = [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]
        question = rest[0].replace("**", "") if rest else ""
        return title, question
    return "", ""


def notebook_entries(folder: str | Path) -> pd.DataFrame:
    """List the executed notebooks of a report folder.

    Parameters
    ----------
    folder : str or pathlib.Path
        The report folder, holding ``NN-name.ipynb`` (and ``NN-name.html``) from
        ``make analysis``.

    Returns
    -------
    pandas.DataFrame
        One row per ``*.ipynb`` in the folder, sorted by ``name``, with columns ``name``
        (str: the file stem), ``title`` (str: the first level-1 heading), ``question`` (str:
        the first line of text under it), ``html`` (str or None: the HTML file's name, None
        when it is missing), ``screenshot`` (str or None: ``screenshots/<name>.png`` when it
        exists), ``errors`` (int: error outputs in the executed notebook) and ``unexecuted``
        (int: code cells with code but no execution count).
    """
    folder = Path(folder)
    rows = []
    for path in sorted(folder.glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        title, question = _title_and_question(notebook)
        code = [
            c
            for c in notebook.get("cells", [])
            if c.get("cell_type") == "code" and "".join(c.get("source", "")).strip()
        ]
        errors = sum(
            o.get("output_type") == "error" for c in code for o in c.get("outputs", [])
        )
        unexecuted = sum(c.get("execution_count") is None for c in code)
        html_file = path.with_suffix(".html")
        shot = Path("screenshots") / f"{path.stem}.png"
        rows.append(
            (
                path.stem,
                title or path.stem,
                question,
                html_file.name if html_file.exists() else None,
                shot.as_posix() if (folder / shot).exists() else None,
                errors,
                unexecuted,
            )
        )
    entries = pd.DataFrame(
        rows,
        columns=["name", "title", "question", "html", "screenshot", "errors", "unexecuted"],
    )
    for column in ("html", "screenshot"):
        entries[column] = _with_none(entries[column])
    return entries.astype({"errors": int, "unexecuted": int})


def _preview(name: str, frame: pd.DataFrame) -> str:
    columns = [c for c in PREVIEW_COLUMNS.get(name, []) if c in frame.columns]
    shown = csv_frame(frame.head(PREVIEW_ROWS)[columns or list(frame.columns[:6])])
    for column in shown.columns:
        if shown[column].dtype == object:
            shown[column] = shown[column].map(
                lambda v: v
                if not isinstance(v, str) or len(v) <= PREVIEW_WIDTH
                else v[: PREVIEW_WIDTH - 1] + "…"
            )
    table = shown.to_html(index=False, border=0, classes="preview", na_rep="")
    return f'<div class="scroll">{table}</div>'


STYLE = """
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 1100px; margin: 2em auto;
       padding: 0 1em; color: #222; line-height: 1.45; }
h1 { margin-bottom: 0.2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ddd; }
.muted { color: #666; } .missing { color: #a33; }
ul.notebooks li { margin-bottom: 0.6em; } .scroll { overflow-x: auto; }
table.preview { border-collapse: collapse; font-size: 0.8em; margin: 0.4em 0 1.2em; }
table.preview th, table.preview td { border: 1px solid #ddd; padding: 2px 6px;
       text-align: left; vertical-align: top; }
table.preview th { background: #f3f3f3; }
"""


def write_index(
    folder: str | Path,
    notebooks: pd.DataFrame,
    listing: pd.DataFrame,
    tables: list[Table],
    corpus: Corpus,
) -> Path:
    """Write ``<folder>/index.html``, the page that links the whole report.

    Parameters
    ----------
    folder : str or pathlib.Path
        The report folder.
    notebooks : pandas.DataFrame
        From :func:`notebook_entries`.
    listing : pandas.DataFrame
        From :func:`write_tables`.
    tables : list of Table
        From :func:`key_tables` (for the previews).
    corpus : Corpus
        The corpus the tables were made from (summarised at the top).

    Returns
    -------
    pathlib.Path
        The page written.
    """
    esc = html.escape
    articles = corpus.articles
    dates = articles["published"].dropna()
    span = (
        f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else "no known dates"
    )
    outlets = sorted(articles["outlet"].dropna().unique())
    languages = articles["language"].fillna("unknown").value_counts().sort_index()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>presslens report</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>presslens report</h1>",
        f'<p class="muted">{len(articles)} articles from {len(outlets)} outlets '
        f"({esc(', '.join(outlets))}), published {esc(span)}; languages: "
        f"{esc(', '.join(f'{k} {v}' for k, v in languages.items()))}.</p>",
        "<h2>Notebooks</h2>",
        "<p>Each notebook as it ran on this corpus, with its tables, figures and the text that "
        "reads them. Open one in any browser.</p>",
        '<ul class="notebooks">',
    ]
    for row in notebooks.itertuples(index=False):
        name = esc(row.title)
        link = f'<a href="{esc(row.html)}">{name}</a>' if row.html else f"{name} (no HTML)"
        notes = []
        if row.screenshot:
            notes.append(f'<a href="{esc(row.screenshot)}">screenshot in JupyterLab</a>')
        if row.errors or row.unexecuted:
            notes.append(
                f'<span class="missing">{row.errors} errors, {row.unexecuted} cells not run</span>'
            )
        extra = f" · {' · '.join(notes)}" if notes else ""
        question = f'<br><span class="muted">{esc(row.question)}</span>' if row.question else ""
        parts.append(f"<li>{link}{extra}{question}</li>")
    if notebooks.empty:
        parts.append('<li class="missing">No executed notebook in this folder.</li>')
    parts.append("</ul>")
    linked = set(notebooks["screenshot"].dropna())
    others = sorted(
        path.relative_to(folder).as_posix()
        for path in (Path(folder) / "screenshots").glob("*.png")
        if path.relative_to(folder).as_posix() not in linked and "FAILED" not in path.name
    )
    if others:
        links = " · ".join(f'<a href="{esc(o)}">{esc(Path(o).stem)}</a>' for o in others)
        parts.append(f"<p>More JupyterLab screenshots: {links}.</p>")
    parts += [
        "<h2>Tables</h2>",
        "<p>The key tables as CSV (UTF-8, opens in any spreadsheet). Offsets <code>start</code>/"
        "<code>end</code> point into the article's clean text in <code>articles.csv</code>.</p>",
    ]
    frames = {t.name: t.frame for t in tables}
    for row in listing.itertuples(index=False):
        parts.append(f"<h3>{esc(row.name)}</h3>")
        parts.append(f"<p>{esc(row.description)}</p>")
        if row.file is None:
            parts.append(f'<p class="missing">{esc(str(row.missing))}</p>')
            continue
        parts.append(
            f'<p><a href="{esc(row.file)}">{esc(row.file)}</a> · {row.rows} rows (the first '
            f'{min(PREVIEW_ROWS, row.rows)} below) · '
            f'<span class="muted">columns: {esc(row.columns)}</span></p>'
        )
        parts.append(_preview(row.name, frames[row.name]))
    parts.append("</body></html>")
    path = Path(folder) / "index.html"
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


def embed_charts(folder: str | Path) -> list[str]:
    """Write plotly.js into every notebook page of a report folder that draws a chart.

    Parameters
    ----------
    folder : str or pathlib.Path
        The report folder.

    Returns
    -------
    list of str
        The pages changed (file names, sorted); a page that already carries plotly.js is
        left as it is.
    """
    changed = []
    for path in sorted(Path(folder).glob("*.html")):
        page = path.read_text(encoding="utf-8")
        embedded = embed_plotly(page)
        if embedded != page:
            path.write_text(embedded, encoding="utf-8")
            changed.append(path.name)
    return changed


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
