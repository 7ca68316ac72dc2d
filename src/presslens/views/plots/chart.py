"""Interactive charts (Plotly) that render in JupyterLab and in HTML reports with no network.

A :class:`Chart` is a Plotly figure that displays itself as three outputs:

* ``application/vnd.plotly.v1+json``, drawn in JupyterLab by the ``jupyterlab-plotly``
  extension that the ``plotly`` package installs into the environment (plotly.js comes with
  it: nothing is fetched);
* ``text/html``, a ``<div>`` and a script calling ``Plotly.newPlot``, drawn in the HTML reports
  of ``make analysis``, where :func:`presslens.views.report_pages.embed_charts` writes plotly.js
  into the page (:func:`embed_plotly`);
* ``text/plain``, one line saying what the chart shows.

Every output is deterministic: the div's id is a hash of the figure, not a random uuid, so
strict nbval compares the charts' data as it compares any table.
"""

from __future__ import annotations

import hashlib
import html
import json
import textwrap
from collections.abc import Iterable

import plotly.graph_objects as go

__all__ = ["CONFIG", "Chart", "dropdown", "filter_menu", "hover_heatmap", "hover_text", "wrap"]

#: Plotly's config for every chart: no logo link, no cloud; resizes with the notebook.
CONFIG = {"displaylogo": False, "responsive": True, "showLink": False, "showSendToCloud": False}
#: The font stack of every chart: DejaVu Sans has the Cyrillic glyphs.
FONT = "DejaVu Sans, Arial, sans-serif"
_SCRIPT = (
    '<div id="{id}" class="plotly-graph-div presslens-chart" style="height:{height}px; '
    'width:100%;"></div>\n<script type="text/javascript">\n(function () {{\n'
    '  var el = document.getElementById("{id}");\n  if (!el) return;\n  var spec = {spec};\n'
    "  if (window.Plotly) {{ window.Plotly.newPlot(el, spec.data, spec.layout, {config}); }}\n"
    '  else {{ el.textContent = "This interactive chart needs plotly.js: open it in JupyterLab '
    'or in the HTML report written by make analysis."; el.style.height = "auto"; }}\n'
    "}})();\n</script>"
)


def wrap(text: str, width: int = 72, limit: int = 700) -> str:
    """Escape a text for a Plotly hover label and wrap it into lines of ``width`` characters.

    Parameters
    ----------
    text : str
        Plain text (a quotation, a passage).
    width : int, default 72
        Characters per line.
    limit : int, default 700
        Longer texts are cut at a word and end with "…".

    Returns
    -------
    str
        HTML-escaped lines joined by ``<br>`` (Plotly's hover labels do not wrap by themselves).

    Examples
    --------
    >>> wrap("Мы <готовы> к диалогу", width=12)
    'Мы &lt;готовы&gt;<br>к диалогу'
    """
    text = " ".join(str(text).split())
    if len(text) > limit:
        text = textwrap.shorten(text, limit, placeholder=" …")
    return "<br>".join(html.escape(line, quote=False) for line in textwrap.wrap(text, width))


def hover_text(title: str, details: Iterable[str], body: str = "") -> str:
    """Build one hover label: a bold title, a line of details, then the wrapped text.

    Parameters
    ----------
    title : str
        The first line, in bold (e.g. the speaker).
    details : iterable of str
        Joined by " · " on the second line; empty ones are left out.
    body : str
        The text (already wrapped with :func:`wrap`), under the details.

    Returns
    -------
    str
        The label's HTML.
    """
    line = " · ".join(html.escape(d, quote=False) for d in details if d)
    parts = [f"<b>{html.escape(title, quote=False)}</b>", line, body]
    return "<br>".join(p for p in parts if p)


def dropdown(label: str, buttons: list[dict], x: float = 1.02, y: float = 0.0) -> dict:
    """Return a Plotly dropdown menu (an ``updatemenus`` entry) that filters the chart.

    Parameters
    ----------
    label : str
        What the menu chooses (shown as its first button's label prefix).
    buttons : list of dict
        Plotly buttons (``label``, ``method``, ``args``).
    x, y : float
        The menu's position in paper coordinates (default: right of the plot, at its foot,
        under the legend).

    Returns
    -------
    dict
        The menu.
    """
    for button in buttons:
        button["label"] = f"{label}: {button['label']}"
    return {
        "buttons": buttons,
        "direction": "down",
        "showactive": True,
        "x": x,
        "xanchor": "left",
        "y": y,
        "yanchor": "bottom",
        "font": {"size": 11},
        "bgcolor": "white",
        "active": 0,
    }


def filter_menu(label: str, choices: Iterable[str], rows) -> dict:
    """Return a dropdown that restyles a chart's first trace to the rows of one choice.

    Parameters
    ----------
    label : str
        What is chosen (``"outlet"``).
    choices : iterable of str
        The choices, after "all".
    rows : callable
        ``rows(choice)`` → the trace's data arrays (``y``, ``z``, ``customdata``, …) for
        that choice, None meaning all.

    Returns
    -------
    dict
        The menu (see :func:`dropdown`).
    """
    buttons = []
    for choice in [None, *choices]:
        args = {key: [value] for key, value in rows(choice).items()}
        buttons.append({"label": choice or "all", "method": "restyle", "args": [args, [0]]})
    return dropdown(label, buttons)


class Chart(go.Figure):
    """A Plotly figure that shows itself the same way in JupyterLab, reports and nbval.

    Parameters
    ----------
    *args, **kwargs
        As for :class:`plotly.graph_objects.Figure`.
    summary : str
        The ``text/plain`` output: what the chart shows, in one line.
    """

    def __init__(self, *args, summary: str = "Interactive chart", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._presslens_summary = summary

    @property
    def summary(self) -> str:
        """Return the one-line description shown where no chart can be drawn."""
        return self._presslens_summary

    def spec(self) -> dict:
        """Return the figure as plain JSON data (``data`` and ``layout``, lists, no arrays)."""
        return json.loads(self.to_json(validate=False, engine="json"))

    def chart_id(self) -> str:
        """Return the id of the chart's ``<div>``: a hash of its data, the same on every run."""
        payload = json.dumps(self.spec(), sort_keys=True, ensure_ascii=False).encode("utf-8")
        return "presslens-chart-" + hashlib.sha1(payload).hexdigest()[:12]  # noqa: S324

    def to_html_fragment(self) -> str:
        """Return the ``<div>`` and script that draw the chart where ``window.Plotly`` is loaded."""
        spec = self.spec()
        height = int(spec["layout"].get("height") or 450)
        text = json.dumps(spec, ensure_ascii=False).replace("</", "<\\/")
        return _SCRIPT.format(
            id=self.chart_id(), height=height, spec=text, config=json.dumps(CONFIG)
        )

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs) -> dict:
        spec = self.spec()
        spec["config"] = dict(CONFIG)
        return {
            "application/vnd.plotly.v1+json": spec,
            "text/html": self.to_html_fragment(),
            "text/plain": self.summary,
        }

    def _repr_html_(self) -> str:
        return self.to_html_fragment()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self._repr_mimebundle_(), raw=True)


def base_layout(title: str, height: int, **extra) -> dict:
    """Return the layout every chart shares: its title, font, margins and hover style.

    Parameters
    ----------
    title : str
        The chart's title, in English.
    height : int
        Pixels.
    **extra
        More layout keys.

    Returns
    -------
    dict
        A Plotly layout.
    """
    return {
        "title": {"text": title, "x": 0.0, "xanchor": "left", "font": {"size": 15}},
        "height": height,
        "font": {"family": FONT, "size": 12},
        "template": "plotly_white",
        "hovermode": "closest",
        "hoverlabel": {"align": "left", "bgcolor": "white", "font": {"family": FONT}},
        "margin": {"l": 10, "r": 10, "t": 90, "b": 10},
        **extra,
    }


def hover_heatmap(
    x: list[str], rows: dict, colorbar: tuple[str, float], summary: str, layout: dict, **style
) -> Chart:
    """Return a chart of one heatmap whose cells show their ``customdata`` on hover.

    Parameters
    ----------
    x : list of str
        The column labels.
    rows : dict
        The trace's data arrays (``y``, ``z``, ``customdata``, …), as the ``rows`` of
        :func:`filter_menu` gives them.
    colorbar : (str, float)
        The colour bar's title and length (a share of the plot's height, hanging from the top).
    summary : str
        As for :class:`Chart`.
    layout : dict
        The figure's layout (see :func:`base_layout`).
    **style
        More properties of the heatmap (``colorscale``, ``zmin``, ``zmax``, …).

    Returns
    -------
    Chart
        The heatmap.
    """
    title, length = colorbar
    bar = {"title": {"text": title}, "len": length, "y": 1, "yanchor": "top"}
    fig = Chart(
        data=[go.Heatmap(x=x, hovertemplate="%{customdata}<extra></extra>", colorbar=bar,
                         **style, **rows)],
        summary=summary,
    )  # fmt: skip
    fig.update_layout(**layout)
    return fig


#: Marks a page that already carries plotly.js (so embedding twice changes nothing).
EMBEDDED = "<!-- presslens: plotly.js embedded -->"


def plotly_js() -> str:
    """Return plotly.js as the ``plotly`` package ships it (the same version Lab draws with)."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


def embed_plotly(page: str) -> str:
    """Write plotly.js into an HTML page that draws charts, so they work with no network.

    Parameters
    ----------
    page : str
        A page written by ``jupyter nbconvert --to html`` from a notebook.

    Returns
    -------
    str
        The page with plotly.js in a ``<script>`` at the end of its ``<head>`` when it holds a
        chart (a ``presslens-chart`` div) and does not carry it yet; otherwise unchanged.
    """
    if EMBEDDED in page or 'class="plotly-graph-div presslens-chart"' not in page:
        return page
    script = (
        f"{EMBEDDED}\n<script type=\"text/javascript\">window.PlotlyConfig = "
        f"{{MathJaxConfig: 'local'}};</script>\n"
        f"<script type=\"text/javascript\">{plotly_js()}</script>\n"
    )
    head, found, rest = page.partition("</head>")
    if not found:
        return script + page
    return head + script + found + rest
