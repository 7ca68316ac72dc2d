"""Stage 3, dates: every dated mention in a text, resolved to its first and last day.

``mentions`` finds the mentions (ru/uk words and numbers, English formats, relative days) and
resolves them against the article's publication date.
"""

from presslens.dates.mentions import DateMention, date_rows, dates_table, find_dates

__all__ = ["DateMention", "date_rows", "dates_table", "find_dates"]
