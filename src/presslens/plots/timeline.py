"""Figures of the statements-and-timeline notebook.

:func:`timeline_plot` draws one lane per speaker with each statement on the day it was said,
the dated events as marks on a lane of their own, and one colour per outlet.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

FONT = "DejaVu Sans"  # has Cyrillic glyphs
EVENTS_LANE = "dated events"


def outlet_colors(outlets) -> dict[str, tuple]:
    """Give every outlet (sorted by name; ``unknown`` for None) a colour of ``tab10``."""
    names = sorted({o if isinstance(o, str) else "unknown" for o in outlets})
    cmap = plt.get_cmap("tab10")
    return {name: cmap(i % 10) for i, name in enumerate(names)}


def timeline_plot(table: pd.DataFrame, max_speakers: int = 12) -> Figure:
    """Draw statements on the day said, one lane per speaker, and events as marks.

    Parameters
    ----------
    table : pandas.DataFrame
        The table of :func:`presslens.timeline.timeline`.
    max_speakers : int, default 12
        Lanes for the speakers with the most statements (the rest are left out; ``unknown``
        is drawn last).

    Returns
    -------
    matplotlib.figure.Figure
        Speakers on the y axis (most statements on top), days on the x axis; circles are
        statements (size: how many statements of that speaker, outlet and day), vertical
        bars are dated events, outlined in red when articles disagree on the event's day.
    """
    plt.rcParams["font.family"] = FONT
    statements = table[table["type"] == "statement"]
    events = table[table["type"] == "event"]
    counts = statements["speaker"].value_counts()
    order = sorted(counts.index, key=lambda s: (s == "unknown", -counts[s], s))[:max_speakers]
    lanes = [*order, EVENTS_LANE] if len(events) else order
    y_of = {name: len(lanes) - 1 - i for i, name in enumerate(lanes)}
    colors = outlet_colors(table["outlet"])
    outlets = sorted(colors)
    step = 0.5 / max(len(outlets), 1)
    offset = {o: (i - (len(outlets) - 1) / 2) * step for i, o in enumerate(outlets)}
    fig, ax = plt.subplots(figsize=(10, 0.55 * len(lanes) + 2.2))
    shown = statements[statements["speaker"].isin(order)].copy()
    shown["outlet_name"] = shown["outlet"].map(lambda o: o if isinstance(o, str) else "unknown")
    grouped = (
        shown.groupby(["speaker", "outlet_name", "date"]).size().reset_index(name="n")
        if len(shown)
        else pd.DataFrame(columns=["speaker", "outlet_name", "date", "n"])
    )
    for row in grouped.itertuples(index=False):
        ax.scatter(
            row.date,
            y_of[row.speaker] + offset[row.outlet_name],
            s=30 + 25 * np.sqrt(row.n),
            color=colors[row.outlet_name],
            edgecolor="black",
            linewidth=0.4,
            zorder=3,
        )
    for row in events.itertuples(index=False):
        name = row.outlet if isinstance(row.outlet, str) else "unknown"
        y = y_of[EVENTS_LANE] + offset[name]
        ax.plot(
            [row.date, row.date_end + pd.Timedelta(hours=12)]
            if row.date_end > row.date
            else [row.date, row.date],
            [y, y] if row.date_end > row.date else [y - 0.18, y + 0.18],
            color=colors[name],
            linewidth=3,
            solid_capstyle="butt",
            zorder=2,
        )
        if row.disagreement:
            ax.scatter(
                row.date, y, s=140, facecolor="none", edgecolor="red", linewidth=1.2, zorder=4
            )
    ax.set_yticks([y_of[n] for n in lanes], lanes)
    ax.set_ylim(-0.7, len(lanes) - 0.3)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    fig.autofmt_xdate()
    ax.grid(axis="x", linestyle=":", alpha=0.5)
    ax.set_xlabel("day said (statements) or dated (events)")
    ax.set_ylabel("speaker")
    ax.set_title("Who said what when: statements by speaker and dated events, coloured by outlet")
    handles = [
        Line2D([], [], marker="o", linestyle="", color=colors[o], markeredgecolor="black", label=o)
        for o in outlets
    ]
    if len(events) and events["disagreement"].any():
        handles.append(
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markerfacecolor="none",
                markeredgecolor="red",
                label="event dated differently",
            )
        )
    ax.legend(
        handles=handles, title="outlet", loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False
    )
    fig.tight_layout()
    return fig
