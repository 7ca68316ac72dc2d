"""The explorer of notebook 05: filters and search behind controls, with a static fallback.

:class:`Explorer` holds the tables and the choices it offers and puts the filters
(:mod:`~presslens.views.explore.filters`) and the search
(:mod:`~presslens.views.explore.matching`) behind controls: pick speakers, outlets and a date
range and the timeline and the statements table update; type a word and the matching
statements and passages appear with the match highlighted
(:mod:`~presslens.views.explore.widget`). With no live JupyterLab attached (nbval, nbconvert,
papermill: no widget can be seen there), :meth:`Explorer.show` prints the same views once,
for its initial choices, as static, deterministic output
(:mod:`~presslens.views.explore.static`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence

import pandas as pd

from presslens.views.explore.filters import (
    as_choice,
    chosen,
    filter_statements,
    filter_timeline,
    offered,
)
from presslens.views.explore.matching import search
from presslens.views.explore.static import static_views
from presslens.views.explore.widget import explorer_widget

__all__ = ["STATEMENT_VIEW", "Explorer", "live_frontend"]

#: Columns of the statements table the explorer shows.
STATEMENT_VIEW = ["quote", "speaker", "outlet", "said_on", "kind", "article"]


def live_frontend() -> bool:
    """Tell whether a live JupyterLab (or Notebook) front end runs this kernel.

    A kernel started by a Jupyter server for an open notebook has ``JPY_SESSION_NAME`` in its
    environment; nbval, nbconvert and papermill start kernels without it. Setting
    ``PRESSLENS_STATIC=1`` forces the static output.

    Returns
    -------
    bool
        True when widgets can be seen and used.
    """
    if os.environ.get("PRESSLENS_STATIC") == "1":
        return False
    return bool(os.environ.get("JPY_SESSION_NAME"))



class Explorer:
    """Controls to filter statements and search the coverage, with a static fallback.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``corpus.articles``.
    statements : pandas.DataFrame
        The table of :func:`presslens.statements.statements`.
    timeline : pandas.DataFrame
        The table of :func:`presslens.findings.timeline`.
    max_rows : int, default 15
        Rows shown in the statements table and in the search results.

    Attributes
    ----------
    speakers_, outlets_ : list of str
        The choices offered, sorted (``unknown`` last among the speakers).
    first_day_, last_day_ : datetime.date or None
        The range of days on the timeline.
    """

    def __init__(
        self,
        articles: pd.DataFrame,
        statements: pd.DataFrame,
        timeline: pd.DataFrame,
        max_rows: int = 15,
    ) -> None:
        self.articles = articles
        self.statements = statements
        self.timeline = timeline
        self.max_rows = max_rows
        self.speakers_, self.outlets_, self.first_day_, self.last_day_ = offered(
            articles, statements, timeline
        )

    # ------------------------------------------------------------- the views

    def statements_view(self, **choice) -> pd.DataFrame:
        """Return the statements table for a choice of speakers, outlets, start and end.

        Returns
        -------
        pandas.DataFrame
            Columns ``quote``, ``speaker``, ``outlet``, ``said_on``, ``kind``, ``article`` of
            :func:`filter_statements` (the quotation first, for reading), sorted by
            ``said_on`` (unknown last), ``article``, then position in the article.
        """
        kept = filter_statements(self.statements, **choice)
        kept = kept.sort_values(["said_on", "article", "start"], kind="stable", na_position="last")
        return kept[STATEMENT_VIEW].reset_index(drop=True)

    def search_view(self, query: str, **choice) -> pd.DataFrame:
        """Search the chosen statements and the paragraphs of the chosen outlets.

        Parameters
        ----------
        query : str
            As in :func:`search`.
        **choice
            ``speakers``, ``outlets``, ``start``, ``end`` as in :func:`filter_statements`;
            paragraphs are kept by outlet only (they have no speaker or day said).

        Returns
        -------
        pandas.DataFrame
            The table of :func:`search`.
        """
        outlets = choice.get("outlets")
        articles = self.articles[chosen(self.articles["outlet"], outlets)]
        return search(articles, filter_statements(self.statements, **choice), query)

    def timeline_figure(self, **choice):
        """Draw the timeline of a choice (see :func:`filter_timeline`), or None when empty.

        Returns
        -------
        presslens.views.plots.chart.Chart or None
            :func:`presslens.views.plots.timeline.timeline_chart` of the kept rows: hover a point
            to read the statement.
        """
        from presslens.views.plots.timeline import timeline_chart

        kept = filter_timeline(self.timeline, **choice)
        if kept.empty:
            return None
        return timeline_chart(kept)

    # ------------------------------------------------------------- display

    def show(
        self,
        speakers: Sequence[str] = (),
        outlets: Sequence[str] = (),
        start: str | dt.date | None = None,
        end: str | dt.date | None = None,
        query: str = "",
        interactive: bool | None = None,
    ) -> None:
        """Display the controls, or, with no live front end, the views once as static output.

        Parameters
        ----------
        speakers, outlets : sequence of str
            The initial choice (empty: all).
        start, end : str, datetime.date or None
            The initial date range (None: the whole timeline).
        query : str
            The initial search.
        interactive : bool or None
            True: widgets; False: static output; None: widgets only when
            :func:`live_frontend` says a live JupyterLab is attached.
        """
        if interactive is None:
            interactive = live_frontend()
        choice = as_choice(speakers, outlets, start, end)
        if interactive:
            from IPython.display import display

            display(self.widget(**choice, query=query))
        else:
            self.show_static(**choice, query=query)

    def show_static(self, speakers=(), outlets=(), start=None, end=None, query="") -> None:
        """Display the filtered timeline, statements table and search results once.

        See :func:`presslens.views.explore.static.static_views`.
        """
        static_views(self, speakers, outlets, start, end, query)

    def widget(self, speakers=(), outlets=(), start=None, end=None, query=""):
        """Build the controls and their views as one ipywidgets box.

        Returns
        -------
        ipywidgets.VBox
            The box of :func:`presslens.views.explore.widget.explorer_widget`: the controls
            above the timeline, statements and search results, updated on every change.
        """
        return explorer_widget(self, speakers, outlets, start, end, query)
