"""The explorer's controls: speaker and outlet lists, two date pickers and a search box.

:func:`explorer_widget` builds them above three views (timeline, statements, search results)
that update on every change; the views come from the :class:`~presslens.views.Explorer`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from presslens.views.display import reading_table
from presslens.views.explore.filters import as_date, choice_summary
from presslens.views.explore.matching import results_html

__all__ = ["explorer_widget"]


@dataclass
class _Controls:
    """The widgets of one explorer box."""

    speakers: Any
    outlets: Any
    first: Any
    last: Any
    box: Any
    reset: Any
    summary: Any
    timeline: Any
    table: Any
    found: Any


def explorer_widget(explorer, speakers=(), outlets=(), start=None, end=None, query=""):
    """Build the controls of an explorer and their views as one ipywidgets box.

    Parameters
    ----------
    explorer : presslens.views.Explorer
        The explorer whose views are shown.
    speakers, outlets, start, end, query
        The initial choice, as in :meth:`presslens.views.Explorer.show`.

    Returns
    -------
    ipywidgets.VBox
        Speaker and outlet lists, two date pickers and a search box above three views
        (timeline, statements, search results, one under the other) that update on every
        change.
    """
    controls = _controls(explorer, speakers, outlets, start, end, query)
    refresh = partial(_refresh, explorer, controls)
    for control in (controls.speakers, controls.outlets, controls.first, controls.last):
        control.observe(refresh, names="value")
    controls.box.observe(partial(_refresh_search, explorer, controls), names="value")
    controls.reset.on_click(partial(_show_all, explorer, controls))
    refresh()
    return _layout(controls)


def _controls(explorer, speakers, outlets, start, end, query) -> _Controls:
    """Make the widgets, set to the initial choice."""
    import ipywidgets as w

    rows = min(8, max(len(explorer.speakers_), len(explorer.outlets_), 2))
    return _Controls(
        speakers=w.SelectMultiple(
            options=explorer.speakers_, value=tuple(speakers), rows=rows, description="Speakers"
        ),
        outlets=w.SelectMultiple(
            options=explorer.outlets_, value=tuple(outlets), rows=rows, description="Outlets"
        ),
        first=w.DatePicker(description="From", value=as_date(start) or explorer.first_day_),
        last=w.DatePicker(description="To", value=as_date(end) or explorer.last_day_),
        box=w.Text(value=query, description="Search", placeholder="a word or a lemma",
                   continuous_update=False),
        reset=w.Button(description="Show all", tooltip="clear the speakers and outlets"),
        summary=w.HTML(),
        timeline=w.Output(),
        table=w.Output(),
        found=w.Output(),
    )  # fmt: skip


def _layout(c: _Controls):
    """Put the controls above the summary and the three views."""
    import ipywidgets as w

    controls = w.HBox([c.speakers, c.outlets, w.VBox([c.first, c.last, c.box, c.reset])])
    views = []
    for title, out in (("Timeline", c.timeline), ("Statements", c.table), ("Search", c.found)):
        views += [w.HTML(f"<h4>{title}</h4>"), out]
    return w.VBox([controls, c.summary, *views])


def _choice(explorer, c: _Controls) -> dict:
    """Read the choice off the controls."""
    # The whole range picked is no range: statements with no known day stay in.
    start = None if c.first.value in (None, explorer.first_day_) else c.first.value
    end = None if c.last.value in (None, explorer.last_day_) else c.last.value
    return {"speakers": list(c.speakers.value), "outlets": list(c.outlets.value),
            "start": start, "end": end}  # fmt: skip


def _show_summary(explorer, c: _Controls, current: dict) -> None:
    """Say what is chosen above the views."""
    days = (explorer.first_day_, explorer.last_day_)
    c.summary.value = f"<p>{choice_summary(**current, query=c.box.value, days=days)}</p>"


def _refresh(explorer, c: _Controls, _=None) -> None:
    """Redraw the timeline, the statements table and the search results."""
    from IPython.display import HTML, display

    current = _choice(explorer, c)
    _show_summary(explorer, c, current)
    with c.timeline:
        c.timeline.clear_output(wait=True)
        figure = explorer.timeline_figure(**current)
        if figure is None:
            display(HTML("<p><em>Nothing on the timeline for this choice.</em></p>"))
        else:
            display(figure)
    with c.table:
        c.table.clear_output(wait=True)
        table = explorer.statements_view(**current)
        display(HTML(f"<p>{len(table)} statements.</p>"))
        display(reading_table(table, "quote", max_rows=explorer.max_rows))
    _refresh_search(explorer, c, current=current)


def _refresh_search(explorer, c: _Controls, _=None, current=None) -> None:
    """Redo the search for the words in the search box."""
    from IPython.display import HTML, display

    current = current or _choice(explorer, c)
    _show_summary(explorer, c, current)
    with c.found:
        c.found.clear_output(wait=True)
        if c.box.value.strip():
            found = explorer.search_view(c.box.value, **current)
            display(HTML(results_html(found, explorer.max_rows)))
        else:
            display(HTML("<p><em>Type a word or a lemma and press Enter.</em></p>"))


def _show_all(explorer, c: _Controls, _=None) -> None:
    """Clear the speakers and outlets and pick the whole range of days."""
    c.speakers.value, c.outlets.value = (), ()
    c.first.value, c.last.value = explorer.first_day_, explorer.last_day_
