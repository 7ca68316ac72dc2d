"""Figures of the similarity notebook: the article heatmap and distinctive terms."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from presslens.views.plots.chart import (
    Chart,
    base_layout,
    filter_menu,
    hover_heatmap,
    hover_text,
    wrap,
)

FONT = "DejaVu Sans"  # has Cyrillic glyphs


def article_labels(articles: pd.DataFrame) -> dict[str, str]:
    """Label each article by outlet and date (``"URA.RU · 2022-01-09"``).

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles`` (``id``, ``outlet``, ``published``).

    Returns
    -------
    dict of str to str
        Article id → label; the id stands in for a missing outlet, "no date" for a missing
        date.
    """
    labels = {}
    for row in articles.itertuples(index=False):
        outlet = row.outlet if isinstance(row.outlet, str) and row.outlet else row.id
        date = row.published.strftime("%Y-%m-%d") if pd.notna(row.published) else "no date"
        labels[row.id] = f"{outlet} · {date}"
    return labels


def heatmap(matrix: pd.DataFrame, articles: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Draw the article × article similarity matrix, labelled by outlet and date.

    Parameters
    ----------
    matrix : pandas.DataFrame
        From :func:`presslens.findings.article_matrix`.
    articles : pandas.DataFrame
        ``Corpus.articles``, for the labels.
    ax : matplotlib.axes.Axes or None
        Where to draw; None makes a new figure.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    plt.rcParams["font.family"] = FONT
    labels = article_labels(articles)
    order = (
        articles.set_index("id").loc[list(matrix.index)]
        .reset_index().sort_values(["published", "id"], na_position="last")["id"].tolist()
    )  # fmt: skip
    data = matrix.loc[order, order].to_numpy()
    n = len(order)
    if ax is None:
        size = max(4.5, 0.9 * n + 2.5)
        _, ax = plt.subplots(figsize=(size + 1.5, size))
    shown = data.copy()
    np.fill_diagonal(shown, np.nan)  # the diagonal (1.0) would flatten the colour scale
    image = ax.imshow(shown, cmap="viridis", vmin=0.0, vmax=max(0.05, np.nanmax(shown, initial=0)))
    for i in range(n):
        for j in range(n):
            if i != j:
                value = data[i, j]
                colour = "white" if value < 0.6 * image.norm.vmax else "black"
                ax.text(j, i, f"{value:.2f}", ha="center", va="center", color=colour, fontsize=9)
    names = [labels[i] for i in order]
    ax.set_xticks(range(n), names, rotation=35, ha="right")
    ax.set_yticks(range(n), names)
    ax.set_xlabel("article (outlet · date)")
    ax.set_ylabel("article (outlet · date)")
    ax.set_title("Cosine similarity of lemma TF-IDF (ru↔uk bridged)")
    ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04, label="cosine similarity")
    return ax


def term_bars(terms: pd.DataFrame, titles: dict[str, str] | None = None, ncols: int = 3) -> Figure:
    """Draw each group's distinctive terms as horizontal bars, one small panel per group.

    Parameters
    ----------
    terms : pandas.DataFrame
        From :func:`presslens.findings.distinctive_terms`.
    titles : dict of str to str or None
        Panel title per group (e.g. :func:`article_labels`); None uses the group.
    ncols : int, default 3
        Panels per row.

    Returns
    -------
    matplotlib.figure.Figure
        The figure.
    """
    plt.rcParams["font.family"] = FONT
    groups = sorted(terms["group"].unique())
    ncols = max(1, min(ncols, len(groups)))
    nrows = max(1, math.ceil(len(groups) / ncols))
    per = int(terms.groupby("group").size().max()) if len(terms) else 1
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(3.6 * ncols, 0.32 * per * nrows + 1.2 * nrows), squeeze=False
    )
    top = float(terms["score"].max()) if len(terms) else 1.0
    for ax, group in zip(axes.flat, groups, strict=False):
        rows = terms[terms["group"] == group].sort_values("rank")
        ax.barh(range(len(rows)), rows["score"], color="#1f77b4")
        ax.set_yticks(range(len(rows)), rows["term"])
        ax.invert_yaxis()
        ax.set_xlim(0, top * 1.05)
        ax.set_title((titles or {}).get(group, group), fontsize=10)
        ax.set_xlabel("TF-IDF weight")
        ax.set_ylabel("term")
    for ax in axes.flat[len(groups):]:
        ax.set_visible(False)
    fig.suptitle("Distinctive terms (frequent here, rare elsewhere)")
    fig.tight_layout()
    return fig


# ------------------------------------------------------------------ the interactive heatmap


def _best_pairs(pairs: pd.DataFrame | None) -> dict[tuple[str, str], object]:
    """The best passage pair of each pair of articles, both ways round."""
    best: dict[tuple[str, str], object] = {}
    if pairs is None:
        return best
    for row in pairs.sort_values("score", ascending=False, kind="stable").itertuples(index=False):
        best.setdefault((row.a, row.b), row)
        best.setdefault((row.b, row.a), row)
    return best


def _cell_hover(a: str, b: str, score: float, labels: dict[str, str], best: dict) -> str:
    title = f"{labels[a]}  ↔  {labels[b]}"
    pair = best.get((a, b))
    if pair is None:
        return hover_text(title, [f"article similarity {score:.2f}"],
                          "no passage pair among the nearest")  # fmt: skip
    first, second = (pair.a_text, pair.b_text) if pair.a == a else (pair.b_text, pair.a_text)
    body = "<br>".join(
        [
            f"<b>best passage pair: {pair.score:.2f}</b>, shared terms: "
            + wrap(", ".join(pair.terms), 60),
            f"<i>{labels[a]}</i>:<br>«{wrap(first, 72, 420)}»",
            f"<i>{labels[b]}</i>:<br>«{wrap(second, 72, 420)}»",
        ]
    )
    return hover_text(title, [f"article similarity {score:.2f}"], body)


def _heatmap_rows(order, data, labels, best, keep) -> dict:
    rows = [i for i, a in enumerate(order) if keep(a)]
    z = [[None if i == j else round(float(data[i, j]), 4) for j in range(len(order))]
         for i in rows]  # fmt: skip
    hover = [[_cell_hover(order[i], b, data[i, j], labels, best) for j, b in enumerate(order)]
             for i in rows]  # fmt: skip
    text = [["" if v is None else f"{v:.2f}" for v in line] for line in z]
    return {"y": [labels[order[i]] for i in rows], "z": z, "text": text, "customdata": hover}


def heatmap_chart(
    matrix: pd.DataFrame, articles: pd.DataFrame, pairs: pd.DataFrame | None = None
) -> Chart:
    """Draw the article similarity matrix as an interactive heatmap with the passages behind it.

    Parameters
    ----------
    matrix : pandas.DataFrame
        From :func:`presslens.findings.article_matrix`.
    articles : pandas.DataFrame
        ``Corpus.articles``, for the labels (outlet · date).
    pairs : pandas.DataFrame or None
        From :func:`presslens.findings.similar_pairs`: hovering a cell shows the best
        passage pair of the two articles, both passages and their shared terms.

    Returns
    -------
    presslens.views.plots.chart.Chart
        The cosine of every pair of articles, written in its cell (the diagonal left blank);
        hover a cell to read the two articles' best passage pair. Drag to zoom; the "outlet"
        menu keeps the rows of one outlet's articles.
    """
    labels = article_labels(articles)
    info = articles.set_index("id").loc[list(matrix.index)].reset_index()
    order = info.sort_values(["published", "id"], na_position="last")["id"].tolist()
    data = matrix.loc[order, order].to_numpy()
    best = _best_pairs(pairs)
    outlet_of = dict(zip(info["id"], info["outlet"].fillna("unknown"), strict=True))
    every = _heatmap_rows(order, data, labels, best, lambda a: True)
    top = max((v for line in every["z"] for v in line if v is not None), default=0.05)
    def rows(outlet: str | None) -> dict:
        return _heatmap_rows(order, data, labels, best,
                             lambda a: outlet is None or outlet_of[a] == outlet)  # fmt: skip

    menu = filter_menu("outlet", sorted(set(outlet_of.values())), rows)
    return hover_heatmap(
        [labels[a] for a in order], every, ("cosine", 0.7),
        summary=f"Interactive heatmap of {len(order)} articles: hover a cell to read the best "
        "passage pair of the two articles.",
        layout={
            **base_layout("Cosine similarity of lemma TF-IDF (ru↔uk bridged): hover a cell",
                          160 + 55 * len(order), updatemenus=[menu]),
            "xaxis": {"title": {"text": "article (outlet · date)"}, "tickangle": -30},
            "yaxis": {"title": {"text": "article (outlet · date)"}, "autorange": "reversed"},
        },
        colorscale="Viridis", zmin=0, zmax=max(0.05, top), texttemplate="%{text}",
        hoverongaps=False,
    )  # fmt: skip
