"""Who echoed whom: the outlet × outlet matrix of :func:`presslens.findings.echo_summary`."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from presslens.views.plots.chart import Chart, base_layout, hover_text

__all__ = ["DriftView", "drift_view", "echo_matrix_chart"]


def _cell(row) -> tuple[int, str, str]:
    """The count, the cell's text and its hover label for one (first carrier, follower) pair."""
    total = int(row.followed + row.ties + row.undated)
    lag = "—" if pd.isna(row.median_lag_days) else f"{row.median_lag_days:g} d"
    details = [f"{row.followed} later (median lag {lag})", f"{row.ties} the same day",
               f"{row.undated} with a date missing"]
    kinds = f"{row.statements} statement(s), {row.passages} passage(s)"
    label = hover_text(f"{row.source_outlet} first → {row.outlet}", details, kinds)
    text = f"{row.followed}" + (f" ={row.ties}" if row.ties else "") \
        + (f" ?{row.undated}" if row.undated else "")
    return total, text, label


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def echo_matrix_chart(summary: pd.DataFrame) -> Chart:
    """Draw who carried what another outlet had first, as an outlet × outlet heatmap.

    Parameters
    ----------
    summary : pandas.DataFrame
        :func:`presslens.findings.echo_summary` of an echo table.

    Returns
    -------
    presslens.views.plots.chart.Chart
        Rows are first carriers, columns the outlets that carried the same statement or
        passage after them (or the same day, or with a date missing). The colour counts them
        all; each cell reads ``followed =ties ?undated`` (a tie claims no direction) and its
        hover gives the median lag and the kinds. Outlets are sorted by name; an empty
        summary gives an empty chart that says so.
    """
    rows = sorted(set(summary["source_outlet"]))
    cols = sorted(set(summary["outlet"]))
    cells = {(r.source_outlet, r.outlet): _cell(r) for r in summary.itertuples(index=False)}
    z = [[cells.get((a, b), (None,))[0] for b in cols] for a in rows]
    text = [[cells[(a, b)][1] if (a, b) in cells else "" for b in cols] for a in rows]
    hover = [[cells[(a, b)][2] if (a, b) in cells else f"{a} → {b}: nothing" for b in cols]
             for a in rows]  # fmt: skip
    top = max((v for line in z for v in line if v is not None), default=1)
    fig = Chart(
        data=[go.Heatmap(x=cols, y=rows, z=z, text=text, customdata=hover, zmin=0,
                         zmax=max(1, top), colorscale="Blues", texttemplate="%{text}",
                         hoverongaps=False, hovertemplate="%{customdata}<extra></extra>",
                         colorbar={"title": {"text": "echoes"}, "len": 0.7, "y": 1,
                                   "yanchor": "top"})],
        summary=f"Interactive heatmap of echoes: {_count(len(summary), 'pair')} of outlets, "
        f"{_count(len(rows), 'first carrier')}, {_count(len(cols), 'follower')}.",
    )  # fmt: skip
    fig.update_layout(
        **base_layout("Who carried what another outlet had first (later =same day ?undated)",
                      220 + 45 * len(rows)),
        xaxis={"title": {"text": "carried it after (outlet)"}, "tickangle": -30},
        yaxis={"title": {"text": "carried it first (outlet)"}, "autorange": "reversed"},
    )  # fmt: skip
    return fig


def _marked(text: str, spans: list[tuple[int, int]], tag: str, style: str) -> str:
    """``text`` HTML-escaped, with each span wrapped in ``<tag style=…>``."""
    out, at = [], 0
    for start, end in sorted(spans):
        if end <= start:
            continue
        out += [html.escape(text[at:start]), f'<{tag} style="{style}">',
                html.escape(text[start:end]), f"</{tag}>"]
        at = end
    return "".join(out + [html.escape(text[at:])])


def _bracketed(text: str, spans: list[tuple[int, int]], left: str, right: str) -> str:
    """``text`` with each span between ``left`` and ``right`` (the plain-text view)."""
    out, at = [], 0
    for start, end in sorted(spans):
        if end > start:
            out += [text[at:start], left, text[start:end], right]
            at = end
    return "".join(out + [text[at:]])


class DriftView:
    """The same-language statement echoes, each later quotation set against the first one.

    Words the later outlet dropped or changed are struck through in the first carrier's
    quotation; words it added or changed are underlined in its own. In plain text (nbval,
    a terminal) they read ``[-dropped-]`` and ``{+added+}``, as in ``git diff --word-diff``.
    """

    def __init__(self, pairs: list[dict]) -> None:
        self.pairs = pairs

    def __repr__(self) -> str:
        if not self.pairs:
            return "No same-language statement was echoed with other words."
        blocks = []
        for p in self.pairs:
            first = _bracketed(p["source"], p["dropped"], "[-", "-]")
            later = _bracketed(p["text"], p["added"], "{+", "+}")
            blocks.append(f"{p['title']}\n  first: {first}\n  later: {later}")
        return "\n\n".join(blocks)

    def _repr_html_(self) -> str:
        if not self.pairs:
            return f"<p>{html.escape(repr(self))}</p>"
        rows = []
        for p in self.pairs:
            first = _marked(p["source"], p["dropped"], "del", "background:#fde0dc;")
            later = _marked(p["text"], p["added"], "ins", "background:#d8f0d2;")
            rows.append(f"<tr><td><b>{html.escape(p['title'])}</b><br>first: «{first}»"
                        f"<br>later: «{later}»</td></tr>")
        return ('<table class="presslens-reading" style="width:100%;"><tbody>'
                + "".join(rows) + "</tbody></table>")


def drift_view(found: pd.DataFrame, statements: pd.DataFrame) -> DriftView:
    """Highlight what later outlets changed in the quotations they echoed.

    Parameters
    ----------
    found : pandas.DataFrame
        The table of :func:`presslens.findings.echoes`.
    statements : pandas.DataFrame
        The statements it was computed from (``article``, ``start``, ``quote``).

    Returns
    -------
    DriftView
        One pair of quotations per same-language statement echo whose words differ, in the
        order of ``found``; displays as HTML in a notebook and as a word diff in plain text.
    """
    from presslens.findings import drift_table

    changes = drift_table(found, statements)
    at = found.set_index(["key", "source_article", "article"])[["source_start", "start"]]
    pairs = []
    for (key, source_article, article), rows in changes.groupby(
            ["key", "source_article", "article"], sort=False):
        first = rows.iloc[0]
        s0, t0 = (int(v) for v in at.loc[(key, source_article, article)])
        lag = "date unknown" if pd.isna(first["lag_days"]) else (
            "same day" if first["lag_days"] == 0 else f"+{int(first['lag_days'])} d")
        pairs.append({
            "title": f"statement {key}: {first['source_outlet']} first → {first['outlet']} ({lag})",
            "source": first["source_quote"], "text": first["quote"],
            "dropped": [(int(a) - s0, int(b) - s0) for a, b in
                        zip(rows["source_start"], rows["source_end"], strict=True)],
            "added": [(int(a) - t0, int(b) - t0) for a, b in
                      zip(rows["start"], rows["end"], strict=True)],
        })
    return DriftView(pairs)
