"""Figures of the statements-and-timeline notebook.

:func:`timeline_plot` draws one lane per speaker with each statement on the day it was said,
the dated events as marks on a lane of their own, and one colour per outlet.
"""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from presslens.views.plots.chart import Chart, base_layout, dropdown, hover_text, wrap

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
        The table of :func:`presslens.findings.timeline`.
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
    order = _lanes(table, max_speakers)
    lanes = [*order, EVENTS_LANE] if len(events) else order
    y_of = {name: len(lanes) - 1 - i for i, name in enumerate(lanes)}
    colors = outlet_colors(table["outlet"])
    outlets = sorted(colors)
    step = 0.5 / max(len(outlets), 1)
    offset = {o: (i - (len(outlets) - 1) / 2) * step for i, o in enumerate(outlets)}
    fig, ax = plt.subplots(figsize=(10, 0.55 * len(lanes) + 2.2))
    _draw_statements(ax, statements[statements["speaker"].isin(order)], y_of, offset, colors)
    _draw_events(ax, events, y_of[EVENTS_LANE] if len(events) else 0, offset, colors)
    _label_axes(fig, ax, lanes, y_of)
    ax.legend(
        handles=_legend_handles(colors, events), title="outlet", loc="upper left",
        bbox_to_anchor=(1.01, 1), frameon=False,
    )  # fmt: skip
    fig.tight_layout()
    return fig


def _draw_statements(ax, shown: pd.DataFrame, y_of: dict, offset: dict, colors: dict) -> None:
    """Draw a circle per speaker, outlet and day, sized by how many statements it stands for."""
    shown = shown.copy()
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


def _draw_events(ax, events: pd.DataFrame, lane: float, offset: dict, colors: dict) -> None:
    """Draw each dated event as a bar on the events lane, circled in red when disputed."""
    for row in events.itertuples(index=False):
        name = row.outlet if isinstance(row.outlet, str) else "unknown"
        y = lane + offset[name]
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


def _label_axes(fig: Figure, ax, lanes: list[str], y_of: dict) -> None:
    """Name the lanes, date the x axis and title the figure."""
    ax.set_yticks([y_of[n] for n in lanes], lanes)
    ax.set_ylim(-0.7, len(lanes) - 0.3)
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    fig.autofmt_xdate()
    ax.grid(axis="x", linestyle=":", alpha=0.5)
    ax.set_xlabel("day said (statements) or dated (events)")
    ax.set_ylabel("speaker")
    ax.set_title("Who said what when: statements by speaker and dated events, coloured by outlet")


def _legend_handles(colors: dict, events: pd.DataFrame) -> list[Line2D]:
    """One marker per outlet, and the red circle when some event is dated differently."""
    handles = [
        Line2D([], [], marker="o", linestyle="", color=colors[o], markeredgecolor="black", label=o)
        for o in sorted(colors)
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
    return handles


# ------------------------------------------------------------------ the interactive timeline


def _lanes(table: pd.DataFrame, max_speakers: int) -> list[str]:
    counts = table.loc[table["type"] == "statement", "speaker"].value_counts()
    return sorted(counts.index, key=lambda s: (s == "unknown", -counts[s], s))[:max_speakers]


def _spread(rows: pd.DataFrame, lane: pd.Series) -> list[str]:
    """Place each row on its day, spread over the day's hours so no two points coincide."""
    key = pd.DataFrame({"lane": lane.to_numpy(), "day": rows["date"].to_numpy()})
    rank = key.groupby(["lane", "day"]).cumcount().to_numpy()
    size = key.groupby(["lane", "day"])["day"].transform("size").to_numpy()
    hours = 2 + 20 * (rank + 1) / (size + 1)
    times = rows["date"].to_numpy() + pd.to_timedelta(hours, unit="h")
    return [pd.Timestamp(t).strftime("%Y-%m-%d %H:%M") for t in times]


def _day_span(row) -> str:
    start = row.date.strftime("%Y-%m-%d")
    if pd.notna(row.date_end) and row.date_end > row.date:
        return f"{start} to {row.date_end:%Y-%m-%d}"
    return start


def _statement_points(rows: pd.DataFrame, y_of: dict[str, float]) -> dict:
    """x, y and hover text of statements (rows already sorted), as plain lists.

    ``y_of`` gives each speaker's lane; each outlet sits a little above or below the lane's
    middle (``rows["shift"]``), as in :func:`timeline_plot`.
    """
    if rows.empty:
        return {"x": [], "y": [], "hovertext": []}
    hover = [
        hover_text(r.speaker, [r.outlet_name, r.date.strftime("%Y-%m-%d")], f"«{wrap(r.text)}»")
        for r in rows.itertuples(index=False)
    ]  # fmt: skip
    return {
        "x": _spread(rows, rows["speaker"]),
        "y": [round(y_of[s] + d, 3) for s, d in zip(rows["speaker"], rows["shift"], strict=True)],
        "hovertext": hover,
    }


def _outlet(value) -> str:
    return value if isinstance(value, str) and value else "unknown"


def _outline(flags: list[bool] | None = None) -> dict:
    """A black outline, red and thicker for the flagged points."""
    if flags is None:
        return {"width": 0.6, "color": "black"}
    return {"width": [2.5 if f else 0.6 for f in flags],
            "color": ["red" if f else "black" for f in flags]}  # fmt: skip


def _timeline_traces(statements, events, outlets, colors, y_of) -> list[go.Scatter]:
    traces = []
    for outlet in outlets:
        said = statements[statements["outlet_name"] == outlet]
        traces.append(
            go.Scatter(
                name=outlet, legendgroup=outlet, mode="markers",
                marker={"size": 11, "color": colors[outlet], "line": _outline()},
                hovertemplate="%{hovertext}<extra></extra>",
                **_statement_points(said, y_of),
            )
        )  # fmt: skip
    for outlet in outlets:
        dated = events[events["outlet_name"] == outlet]
        hover = [
            hover_text("dated event", [outlet, _day_span(r),
                                       "outlets give this event different days" if r.disagreement
                                       else ""], wrap(r.text))
            for r in dated.itertuples(index=False)
        ]  # fmt: skip
        traces.append(
            go.Scatter(
                name=f"{outlet}: events", legendgroup=outlet, showlegend=False, mode="markers",
                x=_spread(dated, pd.Series([EVENTS_LANE] * len(dated))) if len(dated) else [],
                y=[round(y_of[EVENTS_LANE] + d, 3) for d in dated["shift"]], hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                marker={"symbol": "diamond", "size": 10, "color": colors[outlet],
                        "line": _outline(dated["disagreement"].tolist())},
            )
        )  # fmt: skip
    return traces


def _speaker_menu(statements, outlets, lanes, y_of) -> dict:
    """A dropdown that keeps one speaker's statements (events stay, as context)."""
    indices = list(range(len(outlets)))
    buttons = []
    for speaker in [None, *lanes]:
        kept = statements if speaker is None else statements[statements["speaker"] == speaker]
        points = [_statement_points(kept[kept["outlet_name"] == o], y_of) for o in outlets]
        args = {key: [p[key] for p in points] for key in ("x", "y", "hovertext")}
        label = "all" if speaker is None else speaker
        buttons.append({"label": label, "method": "restyle", "args": [args, indices]})
    return dropdown("speaker", buttons)


def timeline_chart(table: pd.DataFrame, max_speakers: int = 12) -> Chart:
    """Draw the timeline as an interactive chart: hover a point to read the quotation.

    Parameters
    ----------
    table : pandas.DataFrame
        The table of :func:`presslens.findings.timeline`.
    max_speakers : int, default 12
        Lanes for the speakers with the most statements (``unknown`` last).

    Returns
    -------
    presslens.views.plots.chart.Chart
        One lane per speaker (most statements on top) and a lane of dated events, days on
        the x axis. Each statement is a circle coloured by outlet, spread over its day so that
        none hides another; hovering it shows the quotation, the speaker, the outlet and the
        day. Events are diamonds, outlined in red when outlets give the event different days.
        Drag to zoom (double-click to reset); click an outlet in the legend to hide it,
        double-click to show it alone; the "speaker" menu keeps one speaker's statements.
    """
    lanes = _lanes(table, max_speakers)
    named = table.assign(outlet_name=[_outlet(o) for o in table["outlet"]])
    keys = [c for c in ("date", "outlet_name", "article", "text") if c in named.columns]
    named = named.sort_values(keys, kind="stable")
    statements = named[(named["type"] == "statement") & named["speaker"].isin(lanes)]
    events = named[named["type"] == "event"]
    rows = [*lanes, EVENTS_LANE] if len(events) else list(lanes)
    y_of = {name: len(rows) - 1 - i for i, name in enumerate(rows)}
    outlets = sorted(set(statements["outlet_name"]) | set(events["outlet_name"]))
    step = 0.5 / max(len(outlets), 1)
    shift = {o: (i - (len(outlets) - 1) / 2) * step for i, o in enumerate(outlets)}
    statements = statements.assign(shift=statements["outlet_name"].map(shift))
    events = events.assign(shift=events["outlet_name"].map(shift))
    colors = {o: _hex(c) for o, c in outlet_colors(outlets).items()}
    fig = Chart(
        data=_timeline_traces(statements, events, outlets, colors, y_of),
        summary=f"Interactive timeline: {len(statements)} statements of {len(lanes)} speakers "
        f"and {len(events)} dated events; hover a point to read it.",
    )
    fig.update_layout(
        **base_layout(
            "Who said what when: hover a point to read the statement", 140 + 42 * len(rows),
            legend={"title": {"text": "outlet"}},
            updatemenus=[_speaker_menu(statements, outlets, lanes, y_of)] if lanes else [],
        ),
        xaxis={"title": {"text": "day said (statements) or dated (events)"}, "type": "date"},
        yaxis={"title": {"text": "speaker"}, "tickvals": list(y_of.values()),
               "ticktext": list(y_of), "range": [-0.6, len(rows) - 0.4], "fixedrange": False},
    )  # fmt: skip
    return fig


def _hex(color: tuple) -> str:
    return "#" + "".join(f"{round(255 * c):02x}" for c in color[:3])
