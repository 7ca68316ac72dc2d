"""Views: what a person reads. Tables (``display``), charts (``plots``), the search and filters
of notebook 05 (``explore``) and the HTML reports of ``make analysis`` (``report``, which makes
the key tables and writes them with ``report_csv`` and ``report_pages``).
"""

from presslens.views.display import reading_table
from presslens.views.explore import Explorer, filter_statements, filter_timeline, search

__all__ = ["Explorer", "filter_statements", "filter_timeline", "reading_table", "search"]
