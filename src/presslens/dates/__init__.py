"""Stage 3, dates: every dated mention in a text, resolved to its first and last day.

``words`` (month, weekday and period words from the lexicon) → ``patterns`` (the regular
expressions) → ``parse`` (a match read as a :class:`DateMention`) → ``tense`` (the verb near a
phrase) and ``resolve`` (first and last day against the publication date) → ``table``
(:func:`find_dates`, :func:`dates_table`).
"""

from presslens.dates.parse import DateMention
from presslens.dates.table import date_rows, dates_table, find_dates

__all__ = ["DateMention", "date_rows", "dates_table", "find_dates"]
