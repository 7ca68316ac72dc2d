"""The explorer's static fallback: the views printed once, where no widget can be seen.

nbval, nbconvert and papermill run notebooks with no live JupyterLab attached; there
:func:`static_views` displays the timeline, the statements table and the search results of
the initial choice as deterministic output.
"""

from __future__ import annotations

from presslens.views.display import reading_table
from presslens.views.explore.filters import as_choice, choice_summary
from presslens.views.explore.matching import results_html

__all__ = ["static_views"]


def static_views(explorer, speakers=(), outlets=(), start=None, end=None, query="") -> None:
    """Display the filtered timeline, statements table and search results once.

    Parameters
    ----------
    explorer : presslens.views.Explorer
        The explorer whose views are shown.
    speakers, outlets, start, end, query
        The choice, as in :meth:`presslens.views.Explorer.show`.
    """
    from IPython.display import HTML, display

    choice = as_choice(speakers, outlets, start, end)
    days = (explorer.first_day_, explorer.last_day_)
    summary = choice_summary(**choice, query=query, days=days)
    display(
        HTML(
            "<p><strong>Static view</strong> (no live JupyterLab attached: open the "
            f"notebook in JupyterLab to change the choice). {summary}</p>"
        )
    )
    figure = explorer.timeline_figure(**choice)
    if figure is not None:
        display(figure)
    table = explorer.statements_view(**choice)
    display(HTML(f"<p>{len(table)} statements; the first {min(explorer.max_rows, len(table))} "
                 "are shown.</p>"))  # fmt: skip
    display(reading_table(table, "quote", max_rows=explorer.max_rows))
    if query:
        display(HTML(results_html(explorer.search_view(query, **choice), explorer.max_rows)))
