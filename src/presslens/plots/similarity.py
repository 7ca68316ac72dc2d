"""Figures of the similarity notebook: the article heatmap and distinctive terms."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

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
        From :func:`presslens.similarity.article_matrix`.
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
        From :func:`presslens.similarity.distinctive_terms`.
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
