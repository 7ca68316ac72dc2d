"""Figures of the topics notebook: choosing k, top terms, paragraph weights, shares.

Every figure takes one of the tidy tables of :mod:`presslens.findings.topics`. Topic ``t`` has the
same colour in every figure (matplotlib's ``tab10``).
"""

from __future__ import annotations

import textwrap

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
_MEASURES = [
    ("coherence", "coherence (NPMI)", "#1f77b4", "o"),
    ("stability", "stability (Jaccard)", "#ff7f0e", "s"),
    ("coverage", "coverage", "#2ca02c", "^"),
    ("score", "score", "#000000", "D"),
]


def topic_color(topic: int) -> tuple:
    """Return the colour of topic ``topic`` (1-based), the same in every figure."""
    return plt.get_cmap("tab10")((int(topic) - 1) % 10)


def _topic_name(topic: int, label: str, width: int = 28) -> str:
    return textwrap.shorten(f"{topic}: {label}", width=width, placeholder="…")


def k_selection(*selections: pd.DataFrame) -> Figure:
    """Draw coherence, stability, coverage and score against the number of topics.

    Parameters
    ----------
    *selections : pandas.DataFrame
        Tables of :func:`presslens.findings.select_k` (e.g. one for NMF and one for LDA); one
        panel per method.

    Returns
    -------
    matplotlib.figure.Figure
        One panel per method; the chosen ``k`` is marked with a dashed line.
    """
    plt.rcParams["font.family"] = FONT
    selection = pd.concat(selections, ignore_index=True)
    methods = list(dict.fromkeys(selection["method"]))
    fig, axes = plt.subplots(
        1, len(methods), figsize=(5.2 * len(methods), 3.8), sharey=True, squeeze=False
    )
    for ax, method in zip(axes[0], methods, strict=True):
        table = selection[selection["method"] == method].sort_values("k")
        for column, name, color, marker in _MEASURES:
            ax.plot(table["k"], table[column], marker=marker, color=color, label=name)
        chosen = table.loc[table["chosen"], "k"]
        for k in chosen:
            ax.axvline(k, color="#888888", linestyle="--", linewidth=1)
            ax.annotate(f"chosen k = {k}", (k, 1.02), ha="center", va="bottom", fontsize=9)
        ax.set_xticks(table["k"].tolist())
        ax.set_ylim(-0.2, 1.12)
        ax.axhline(0, color="#cccccc", linewidth=0.8)
        ax.set_xlabel("number of topics k")
        ax.set_title(f"{method.upper()}: measures of each k", pad=14)
    axes[0][0].set_ylabel("value (higher is better)")
    axes[0][-1].legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    fig.tight_layout()
    return fig


def top_terms(terms: pd.DataFrame, columns: int = 2) -> Figure:
    """Draw each topic's top terms as horizontal bars, one panel per topic.

    Parameters
    ----------
    terms : pandas.DataFrame
        The table of :meth:`presslens.findings.TopicModel.top_terms`.
    columns : int, default 2
        Panels per row.

    Returns
    -------
    matplotlib.figure.Figure
        Bars labelled with each term's usual surface form, heaviest on top.
    """
    plt.rcParams["font.family"] = FONT
    topics = sorted(terms["topic"].unique())
    rows = int(np.ceil(len(topics) / columns))
    per_topic = int(terms.groupby("topic").size().max())
    fig, axes = plt.subplots(
        rows,
        columns,
        figsize=(4.6 * columns, (0.28 * per_topic + 1.1) * rows),
        squeeze=False,
    )
    for ax in axes.flat[len(topics) :]:
        ax.set_visible(False)
    for ax, topic in zip(axes.flat, topics, strict=False):
        table = terms[terms["topic"] == topic].sort_values("rank")
        y = np.arange(len(table))
        ax.barh(y, table["weight"], color=topic_color(topic))
        ax.set_yticks(y, table["form"].tolist())
        ax.invert_yaxis()
        ax.set_title(_topic_name(topic, table["label"].iloc[0], 40), fontsize=10)
        ax.set_xlabel("share of the topic's weight")
    for row in axes:
        row[0].set_ylabel("term (usual form)")
    fig.suptitle("Top terms of each topic")
    fig.tight_layout()
    return fig


def heatmap(weights: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Draw the paragraph × topic weights as a heatmap, paragraphs in article order.

    Parameters
    ----------
    weights : pandas.DataFrame
        The table of :meth:`presslens.findings.TopicModel.document_topics`.
    ax : matplotlib.axes.Axes or None
        Where to draw; None makes a figure sized to the number of paragraphs.

    Returns
    -------
    matplotlib.axes.Axes
        Rows are paragraphs (labelled with the outlet and the 0-based paragraph index of the
        tables), columns topics; darker is a larger share of the paragraph.
    """
    plt.rcParams["font.family"] = FONT
    wide = weights.pivot_table(
        index=["article", "paragraph"], columns="topic", values="weight", sort=True
    )
    info = weights.drop_duplicates(["article", "paragraph"]).set_index(["article", "paragraph"])
    labels = weights.drop_duplicates("topic").set_index("topic")["label"]
    if ax is None:
        _, ax = plt.subplots(figsize=(1.1 * wide.shape[1] + 4.5, 0.2 * len(wide) + 2.2))
    image = ax.imshow(wide.to_numpy(), aspect="auto", cmap="Blues", vmin=0, vmax=1)
    names = []
    for article, paragraph in wide.index:
        outlet = info.loc[(article, paragraph), "outlet"]
        names.append(f"{outlet or article} ¶{paragraph}")
    ax.set_yticks(range(len(wide)), names, fontsize=7)
    ax.set_xticks(
        range(wide.shape[1]),
        [textwrap.fill(f"{t}: {labels[t]}", 16) for t in wide.columns],
        fontsize=8,
    )
    # a line between articles
    articles = [a for a, _ in wide.index]
    for row in range(1, len(articles)):
        if articles[row] != articles[row - 1]:
            ax.axhline(row - 0.5, color="#444444", linewidth=0.6)
    ax.set_xlabel("topic")
    ax.set_ylabel("paragraph (outlet ¶ index in the article)")
    ax.set_title("Topic weights of each paragraph")
    ax.figure.colorbar(image, ax=ax, label="share of the paragraph", fraction=0.05)
    return ax


def _group_name(key) -> str:
    if key is None or (not isinstance(key, str) and pd.isna(key)):
        return "unknown"
    if isinstance(key, pd.Timestamp):
        return key.strftime("%Y-%m-%d")
    return str(key)


def shares(table: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Draw topic shares per outlet, date, article or language as stacked horizontal bars.

    Parameters
    ----------
    table : pandas.DataFrame
        The table of :meth:`presslens.findings.TopicModel.shares` (its first column is the group).
    ax : matplotlib.axes.Axes or None
        Where to draw.

    Returns
    -------
    matplotlib.axes.Axes
        One bar per group (with its number of paragraphs), one colour per topic.
    """
    plt.rcParams["font.family"] = FONT
    by = table.columns[0]
    data = table.copy()
    data["group"] = [_group_name(key) for key in data[by]]
    order = list(dict.fromkeys(data["group"]))  # the table's own order (sorted, missing last)
    wide = data.pivot_table(index="group", columns="topic", values="share", sort=False)
    wide = wide.reindex(order)
    sizes = data.drop_duplicates("group").set_index("group")["paragraphs"]
    labels = data.drop_duplicates("topic").set_index("topic")["label"]
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 0.45 * len(wide) + 1.8))
    left = np.zeros(len(wide))
    y = np.arange(len(wide))
    for topic in sorted(wide.columns):
        values = wide[topic].fillna(0).to_numpy()
        name = _topic_name(topic, labels[topic], 48)
        ax.barh(y, values, left=left, color=topic_color(topic), label=name)
        left += values
    names = [f"{group} ({sizes[group]} ¶)" for group in wide.index]
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the paragraphs' topic weight")
    ax.set_ylabel(by)
    ax.set_title(f"Topic share by {by}")
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize="small")
    return ax


# ------------------------------------------------------------------ the interactive topic view


def _paragraph_rows(wide: pd.DataFrame, info: pd.DataFrame, labels: pd.Series, keep) -> dict:
    """Rows of the topic heatmap for the paragraphs ``keep`` accepts, as plain lists."""
    names, z, hover = [], [], []
    for article, paragraph in wide.index:
        row = info.loc[(article, paragraph)]
        outlet = row["outlet"] if isinstance(row["outlet"], str) else article
        if not keep(outlet):
            continue
        names.append(f"{outlet} ¶{paragraph}")
        weights = [round(float(v), 4) for v in wide.loc[(article, paragraph)].fillna(0)]
        z.append(weights)
        day = row["published"].strftime("%Y-%m-%d") if pd.notna(row["published"]) else ""
        body = wrap(row["text"], 72, 600)
        details = [[day, f"topic {t}: {labels[t]}", f"weight {w:.2f}"]
                   for t, w in zip(wide.columns, weights, strict=True)]  # fmt: skip
        hover.append([hover_text(f"{outlet} ¶{paragraph}", d, body) for d in details])
    return {"y": names, "z": z, "customdata": hover}


def topics_chart(weights: pd.DataFrame, units: pd.DataFrame) -> Chart:
    """Draw the paragraph × topic weights as an interactive heatmap: hover to read a paragraph.

    Parameters
    ----------
    weights : pandas.DataFrame
        The table of :meth:`presslens.findings.TopicModel.document_topics`.
    units : pandas.DataFrame
        The table of :func:`presslens.findings.topic_units` (for each paragraph's text).

    Returns
    -------
    presslens.views.plots.chart.Chart
        Rows are paragraphs in article order (labelled with the outlet and the paragraph's
        index), columns topics; darker is a larger share. Hovering a cell shows the paragraph,
        its outlet and day, the topic and the weight. Drag to zoom; the "outlet" menu keeps
        one outlet's paragraphs.
    """
    wide = weights.pivot_table(
        index=["article", "paragraph"], columns="topic", values="weight", sort=True
    )
    info = weights.drop_duplicates(["article", "paragraph"]).set_index(["article", "paragraph"])
    info = info.join(units.set_index(["article", "paragraph"])["text"])
    labels = weights.drop_duplicates("topic").set_index("topic")["label"]
    every = _paragraph_rows(wide, info, labels, lambda o: True)
    outlets = sorted({name.rsplit(" ¶", 1)[0] for name in every["y"]})
    menu = filter_menu(
        "outlet", outlets,
        lambda x: _paragraph_rows(wide, info, labels, lambda o: x is None or o == x),
    )  # fmt: skip
    columns = [textwrap.shorten(f"{t}: {labels[t]}", 30, placeholder="…") for t in wide.columns]
    return hover_heatmap(
        columns, every, ("share", 0.6),
        summary=f"Interactive topic view: {len(every['y'])} paragraphs × {len(columns)} topics; "
        "hover a cell to read the paragraph.",
        layout={
            **base_layout("Topic weights of each paragraph: hover a row to read it",
                          180 + 16 * len(every["y"]), updatemenus=[menu]),
            "xaxis": {"title": {"text": "topic"}, "side": "top"},
            "yaxis": {"title": {"text": "paragraph (outlet ¶ index in the article)"},
                      "autorange": "reversed", "tickfont": {"size": 9}},
        },
        colorscale="Blues", zmin=0, zmax=1,
    )  # fmt: skip
