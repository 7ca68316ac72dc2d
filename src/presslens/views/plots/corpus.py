"""Figures of the corpus notebook: article lengths and what cleaning removed."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes

from presslens.corpus.overview import removed_by_reason

FONT = "DejaVu Sans"  # has Cyrillic glyphs


def _label(row: pd.Series) -> str:
    date = row["published"].strftime("%Y-%m-%d") if pd.notna(row["published"]) else "no date"
    return f"{row['outlet'] or row['id']}\n{date}"


def lengths(articles: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Draw each article's length before and after cleaning, as paired horizontal bars.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    plt.rcParams["font.family"] = FONT
    data = articles.sort_values(["published", "id"]).reset_index(drop=True)
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 0.6 * len(data) + 1.5))
    y = range(len(data))
    ax.barh([v + 0.2 for v in y], data["n_chars_raw"], height=0.4, label="raw", color="#bbbbbb")
    ax.barh([v - 0.2 for v in y], data["n_chars"], height=0.4, label="clean", color="#1f77b4")
    ax.set_yticks(list(y), [_label(r) for _, r in data.iterrows()])
    ax.invert_yaxis()
    ax.set_xlabel("characters")
    ax.set_ylabel("article (outlet, date)")
    ax.set_title("Article length before and after cleaning")
    ax.legend(loc="lower right")
    return ax


def removals(removed: pd.DataFrame, articles: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Draw the removed lines of each article as bars stacked by reason.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    plt.rcParams["font.family"] = FONT
    table = removed_by_reason(removed).drop(columns="total").T
    order = articles.sort_values(["published", "id"])
    table = table.reindex([a for a in order["id"] if a in table.index]).fillna(0)
    labels = [_label(r) for _, r in order.set_index("id").loc[table.index].reset_index().iterrows()]
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 0.6 * len(table) + 2))
    left = pd.Series(0.0, index=table.index)
    cmap = plt.get_cmap("tab20")
    for k, reason in enumerate(table.columns):
        ax.barh(range(len(table)), table[reason], left=left, label=reason, color=cmap(k % 20))
        left += table[reason]
    ax.set_yticks(range(len(table)), labels)
    ax.invert_yaxis()
    ax.set_xlabel("lines removed")
    ax.set_ylabel("article (outlet, date)")
    ax.set_title("What the cleaner removed, by reason")
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize="small", frameon=False)
    return ax
