"""Keep the rows of chosen speakers and outlets within a date range, and describe a choice.

:func:`filter_statements` and :func:`filter_timeline` are the filters of notebook 05;
:func:`offered` lists what the explorer's controls offer and :func:`choice_summary` says in one
line what is chosen.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable

import pandas as pd


def _day(value) -> pd.Timestamp | None:
    """Return the day of a date or timestamp, or None when there is none."""
    if value is None or (not isinstance(value, str | dt.date) and pd.isna(value)):
        return None
    return pd.Timestamp(value).normalize()


def as_date(value) -> dt.date | None:
    """Return the :class:`datetime.date` of a date, a timestamp or a string, or None."""
    day = _day(value)
    return None if day is None else day.date()


def _within(
    dates: pd.Series, start, end, ends: pd.Series | None = None
) -> pd.Series:
    """Flag the rows whose day (or day span) overlaps ``[start, end]``; NaT never does."""
    first, last = _day(start), _day(end)
    ends = dates if ends is None else ends.fillna(dates)
    keep = pd.Series(True, index=dates.index)
    if first is not None:
        keep &= ends >= first
    if last is not None:
        keep &= dates <= last
    if first is not None or last is not None:
        keep &= dates.notna()
    return keep


def chosen(values: pd.Series, choice: Iterable[str] | None) -> pd.Series:
    """Flag the values in ``choice`` (a missing value is ``unknown``); no choice flags all."""
    choice = list(choice or [])
    if not choice:
        return pd.Series(True, index=values.index)
    return values.fillna("unknown").isin(choice)


def filter_statements(
    statements: pd.DataFrame,
    speakers: Iterable[str] | None = None,
    outlets: Iterable[str] | None = None,
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
) -> pd.DataFrame:
    """Keep the statements of chosen speakers and outlets said within a date range.

    Parameters
    ----------
    statements : pandas.DataFrame
        The table of :func:`presslens.statements.statements` (columns ``speaker``,
        ``outlet``, ``said_on`` at least).
    speakers, outlets : iterable of str or None
        The canonical speakers and the outlets to keep; None or empty keeps all. A missing
        outlet is matched by ``"unknown"``.
    start, end : str, datetime.date or None
        The first and last day (inclusive); None leaves that side open. When a bound is set,
        statements with no known day (``said_on`` NaT) are left out.

    Returns
    -------
    pandas.DataFrame
        The kept rows with all the input's columns, in the input's order, index reset.
    """
    keep = (
        chosen(statements["speaker"], speakers)
        & chosen(statements["outlet"], outlets)
        & _within(statements["said_on"], start, end)
    )
    return statements[keep].reset_index(drop=True)


def filter_timeline(
    table: pd.DataFrame,
    speakers: Iterable[str] | None = None,
    outlets: Iterable[str] | None = None,
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
) -> pd.DataFrame:
    """Keep the timeline rows of chosen speakers and outlets within a date range.

    Dated events have no speaker: they are kept whatever the speakers chosen, as the context
    of the statements, but filtered by outlet and date like the statements.

    Parameters
    ----------
    table : pandas.DataFrame
        The table of :func:`presslens.findings.timeline` (columns ``date``, ``date_end``,
        ``type``, ``outlet``, ``speaker``).
    speakers, outlets : iterable of str or None
        As in :func:`filter_statements`.
    start, end : str, datetime.date or None
        As in :func:`filter_statements`; an event spanning several days is kept when its
        span overlaps the range.

    Returns
    -------
    pandas.DataFrame
        The kept rows with all the input's columns, in the input's order, index reset.
    """
    by_speaker = chosen(table["speaker"], speakers) | (table["type"] == "event")
    keep = (
        by_speaker
        & chosen(table["outlet"], outlets)
        & _within(table["date"], start, end, table.get("date_end"))
    )
    return table[keep].reset_index(drop=True)


def offered(
    articles: pd.DataFrame, statements: pd.DataFrame, timeline: pd.DataFrame
) -> tuple[list[str], list[str], dt.date | None, dt.date | None]:
    """Return the speakers, the outlets and the first and last day the controls offer."""
    names = statements["speaker"].dropna().unique().tolist()
    speakers = sorted(names, key=lambda s: (s == "unknown", s))
    outlets = set(articles["outlet"].fillna("unknown")) | set(
        statements["outlet"].fillna("unknown")
    )
    days = pd.concat([timeline["date"], timeline["date_end"]]).dropna()
    first_day = days.min().date() if len(days) else None
    last_day = days.max().date() if len(days) else None
    return speakers, sorted(outlets), first_day, last_day


def as_choice(speakers=(), outlets=(), start=None, end=None) -> dict:
    """Return a choice as the keyword arguments of :func:`filter_statements`."""
    return {"speakers": list(speakers), "outlets": list(outlets), "start": start, "end": end}


def choice_summary(speakers, outlets, start, end, query, days) -> str:
    """Say in one HTML-escaped line what is chosen; ``days`` is the whole range offered."""
    parts = [
        f"speakers: {', '.join(speakers) if speakers else 'all'}",
        f"outlets: {', '.join(outlets) if outlets else 'all'}",
        f"days: {start or days[0]} to {end or days[1]}",
    ]
    if query:
        parts.append(f"search: «{query}»")
    return html.escape(" · ".join(parts))
