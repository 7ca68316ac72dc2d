"""The HTML pages of a report folder: ``index.html`` and plotly.js in the notebook pages.

:func:`notebook_entries` lists the executed notebooks of the folder, :func:`write_index` writes
the page that links them and every key table (with a short preview), and :func:`embed_charts`
writes plotly.js into every notebook page that draws an interactive chart, so that the charts
work in a browser with no network.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from presslens.views.plots.chart import embed_plotly
from presslens.views.report_csv import csv_frame, with_none

if TYPE_CHECKING:
    from presslens.corpus.model import Corpus
    from presslens.views.report import Table

__all__ = ["embed_charts", "notebook_entries", "write_index"]

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


def _title_and_question(notebook: dict) -> tuple[str, str]:
    """Return a notebook's first level-1 heading and the first line of text under it."""
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
        entries[column] = with_none(entries[column])
    return entries.astype({"errors": int, "unexecuted": int})


def _preview(name: str, frame: pd.DataFrame) -> str:
    """Return the first rows of a table as HTML, long cells cut to ``PREVIEW_WIDTH``."""
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
        From :func:`presslens.views.report_csv.write_tables`.
    tables : list of Table
        From :func:`presslens.views.report.key_tables` (for the previews).
    corpus : Corpus
        The corpus the tables were made from (summarised at the top).

    Returns
    -------
    pathlib.Path
        The page written.
    """
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>presslens report</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>presslens report</h1>",
        _corpus_line(corpus.articles),
        *_notebook_list(notebooks),
        *_more_screenshots(folder, notebooks),
        *_table_sections(listing, tables),
        "</body></html>",
    ]
    path = Path(folder) / "index.html"
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path


def _corpus_line(articles: pd.DataFrame) -> str:
    """Say how many articles, from which outlets, of which days and languages."""
    esc = html.escape
    dates = articles["published"].dropna()
    span = (
        f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}" if len(dates) else "no known dates"
    )
    outlets = sorted(articles["outlet"].dropna().unique())
    languages = articles["language"].fillna("unknown").value_counts().sort_index()
    return (
        f'<p class="muted">{len(articles)} articles from {len(outlets)} outlets '
        f"({esc(', '.join(outlets))}), published {esc(span)}; languages: "
        f"{esc(', '.join(f'{k} {v}' for k, v in languages.items()))}.</p>"
    )


def _notebook_list(notebooks: pd.DataFrame) -> list[str]:
    """The Notebooks section: one item per executed notebook, with its page and question."""
    esc = html.escape
    parts = [
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
    return parts


def _more_screenshots(folder: str | Path, notebooks: pd.DataFrame) -> list[str]:
    """A line linking the screenshots no notebook item links (none taken on a failure)."""
    esc = html.escape
    linked = set(notebooks["screenshot"].dropna())
    others = sorted(
        path.relative_to(folder).as_posix()
        for path in (Path(folder) / "screenshots").glob("*.png")
        if path.relative_to(folder).as_posix() not in linked and "FAILED" not in path.name
    )
    if not others:
        return []
    links = " · ".join(f'<a href="{esc(o)}">{esc(Path(o).stem)}</a>' for o in others)
    return [f"<p>More JupyterLab screenshots: {links}.</p>"]


def _table_sections(listing: pd.DataFrame, tables: list[Table]) -> list[str]:
    """The Tables section: each key table's description, CSV link, size and preview."""
    esc = html.escape
    parts = [
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
    return parts


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
