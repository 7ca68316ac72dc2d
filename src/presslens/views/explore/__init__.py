"""Filter statements and search the coverage, with ipywidgets in JupyterLab (notebook 05).

* ``filters``: :func:`filter_statements` and :func:`filter_timeline` keep the rows of chosen
  speakers and outlets within a date range.
* ``matching``: :func:`search` finds a word or a lemma (``заявить`` finds «заявил», «заявив»
  finds «заявила») in the statements and in the paragraphs of the articles, with the offsets of
  every match; :func:`highlight` marks the matches in HTML.
* ``explorer``: :class:`Explorer` puts both behind controls (``widget``), or, with no live
  JupyterLab attached, prints the same views once as static output (``static``).
"""

from presslens.views.explore.explorer import STATEMENT_VIEW, Explorer, live_frontend
from presslens.views.explore.filters import filter_statements, filter_timeline
from presslens.views.explore.matching import (
    SEARCH_COLUMNS,
    highlight,
    name_form,
    search,
    speaker_names,
)

__all__ = [
    "SEARCH_COLUMNS",
    "STATEMENT_VIEW",
    "Explorer",
    "filter_statements",
    "filter_timeline",
    "highlight",
    "live_frontend",
    "name_form",
    "search",
    "speaker_names",
]
