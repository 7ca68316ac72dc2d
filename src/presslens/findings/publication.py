"""When an undated article was written: after the events it reports, before those it announces."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from presslens.dates import DateMention, find_dates
from presslens.dates.resolve import resolve_mention

__all__ = ["WINDOW_COLUMNS", "publication_window"]

#: Columns of :func:`publication_window`.
WINDOW_COLUMNS = ["article", "earliest", "latest", "n_mentions", "basis"]


def publication_window(articles: pd.DataFrame) -> pd.DataFrame:
    """Infer when each article without a publication date must have been written.

    A dated mention reported in the past tense must lie before publication; one announced in
    the future tense must lie after it. A day and month without a year take the year that
    puts them nearest to a reference day: the article's own full dates (the earliest day it
    announces, else the latest it reports), else the median publication date of the corpus's
    dated articles; without either they are not used.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``corpus.articles``.

    Returns
    -------
    pandas.DataFrame
        One row per article whose ``published`` is unknown, sorted by ``article``, with
        columns ``article`` (str), ``earliest`` and ``latest`` (datetime64, NaT when open),
        ``n_mentions`` (int: dated mentions used) and ``basis`` (str: the phrases used with
        their tense, or why there is no window).
    """
    known = pd.to_datetime(articles["published"]).dropna()
    corpus_reference = known.sort_values().iloc[len(known) // 2].date() if len(known) else None
    rows = []
    for art in articles.itertuples(index=False):
        if pd.notna(art.published):
            continue
        language = art.language if isinstance(art.language, str) else None
        found = find_dates(art.text or "", None, language)
        earliest, latest, used = _window(found, _reference_day(found) or corpus_reference)
        rows.append(
            {
                "article": art.id,
                "earliest": earliest,
                "latest": latest,
                "n_mentions": len(used),
                "basis": "; ".join(used) if used else "no dated mention with a tense",
            }
        )
    frame = pd.DataFrame(rows, columns=WINDOW_COLUMNS)
    for col in ("earliest", "latest"):
        frame[col] = pd.to_datetime(frame[col])
    return frame.sort_values("article").reset_index(drop=True)


def _window(found: pd.DataFrame, reference: dt.date | None) -> tuple:
    """``(earliest, latest, used)``: the window the dated mentions with a tense leave open."""
    earliest, latest, used = None, None, []
    for row in found.itertuples(index=False):
        first, last = row.date_start, row.date_end
        if pd.isna(first) and reference is not None and row.kind in ("date", "range", "month"):
            if row.kind == "range":
                continue
            first, last = _resolved(row, reference)
        if pd.isna(first) or row.tense not in ("past", "future"):
            continue
        if row.tense == "past":
            earliest = last if earliest is None else max(earliest, last)
        else:
            latest = first if latest is None else min(latest, first)
        used.append(f"{row.text} ({row.tense})")
    return earliest, latest, used


def _resolved(row, reference: dt.date) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last day of a day-and-month mention, in the year nearest ``reference``."""
    mention = DateMention(row.text, row.start, row.end, row.kind, day=_int(row.day),
                          month=_int(row.month), day2=None, month2=None)
    first, last, _ = resolve_mention(mention, reference, None)
    return pd.Timestamp(first), pd.Timestamp(last)


def _reference_day(found: pd.DataFrame) -> dt.date | None:
    """Return the day the article's own full dates point to: the earliest day announced in
    the future tense, else the latest day reported in the past tense."""
    full = found[found["kind"].isin(("date", "range")) & found["date_start"].notna()]
    future = full[full["tense"] == "future"]
    if len(future):
        return future["date_start"].min().date()
    past = full[full["tense"] == "past"]
    if len(past):
        return past["date_end"].max().date()
    return None


def _int(value) -> int | None:
    return None if pd.isna(value) else int(value)
