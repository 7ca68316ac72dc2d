"""Resolve a date phrase to its first and last day, against the article's publication date.

A date phrase is resolved against the publication date, never against today:

* a full date (``12.01.2022``, ``12 января 2022 года``) is taken as written;
* a day and month without a year (``15 грудня``) take the year that puts them nearest to the
  publication date *on the side the verb's tense points to* (:mod:`presslens.dates.tense`): a
  past-tense verb looks back (``15 грудня Росія оприлюднила`` in an article of 26 January is
  the previous December), a future-tense verb looks ahead, anything else takes the nearest;
* ranges (``10-13 января``, ``30 ноября – 2 декабря``) keep their first and last day;
* a month (``в декабре``), a year (``1975 года``), a week (``на следующей неделе``) resolve to
  the span they cover;
* weekdays (``в воскресенье``) and relative days (``сегодня``, ``вчора``) count from the
  publication date, in the direction of the tense.

Without a publication date only phrases that carry their own year are resolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import replace

from presslens.dates.parse import DateMention

__all__ = ["resolve_mention"]

#: ``(first, last, basis)``: the first and last day (None: unresolved) and what they rest on.
Span = tuple[dt.date | None, dt.date | None, str]


def resolve_mention(
    mention: DateMention, published: dt.date | None, tense: str | None = None
) -> tuple[dt.date | None, dt.date | None, str]:
    """Resolve one date phrase to its first and last day.

    Parameters
    ----------
    mention : DateMention
        A phrase found by the scanner.
    published : datetime.date or None
        The article's publication date (the reference of every relative phrase).
    tense : {"past", "future", "present", "infinitive"} or None
        The tense of the verb the phrase belongs to (an infinitive: a weekday is the coming
        one, a day of a month the nearest).

    Returns
    -------
    tuple
        ``(first, last, basis)``: the first and last day (equal for one day; None when it
        cannot be resolved) and a short text saying what the resolution rests on.
    """
    m = mention
    if tense == "infinitive":
        # an infinitive carries the date (``решил провести 9 июня``, ``подать в отставку в
        # среду``): a weekday is the coming one, a day of a month the nearest
        # (``має закінчитись у кінці весни``: a season is the coming one too)
        tense = "future" if m.kind == "weekday" or m.period == "season" else None
    if m.kind in ("date", "range"):
        return _resolve_day(m, published, tense)
    if m.kind == "month":
        return _resolve_month(m, published, tense)
    if m.kind == "year":
        return dt.date(m.year, 1, 1), dt.date(m.year2 or m.year, 12, 31), "as written"
    if m.period == "season" and m.year is not None:  # весной 2014 года
        return (*_season_of(m.year - (m.month == 12), m.month), "as written")
    if published is None:
        return None, None, "unresolved: relative to an unknown publication date"
    if m.kind == "relative" and (m.offset or 0) > 0 and m.period and tense == "past":
        # «через три дні вони повернулися»: that long after some earlier event, not after
        # the publication day
        return None, None, "unresolved: a span ahead told in the past tense"
    if m.kind == "relative":
        first = _back(published, m.offset or 0, m.period)
        last = first if m.offset2 is None else _back(published, m.offset2, m.period)
        return first, last, "relative to publication date"
    if m.kind == "weekday":
        return _resolve_weekday(m, published, tense)
    if m.kind == "period":
        return _resolve_period(m, published, tense)
    return None, None, "unresolved"


def _resolve_day(m: DateMention, published: dt.date | None, tense: str | None) -> Span:
    """A day or a range of days: as written, else in the year the tense points to."""
    if m.kind == "date" and m.year is None and m.offset is not None and published is not None:
        day = _safe(published.year + m.offset, m.month, m.day)
        return day, day, "year relative to publication date"
    if m.year is not None:
        first = _safe(m.year, m.month, m.day)
        last = _range_end(m, m.year) if m.kind == "range" else first
        return first, last, "as written"
    if published is None:
        return None, None, "unresolved: no year and no publication date"
    cands = [
        (d, y)
        for y in (published.year - 1, published.year, published.year + 1)
        if (d := _safe(y, m.month, m.day)) is not None
    ]
    if not cands:
        return None, None, "unresolved: no such day"
    named = [c for c in cands if m.weekday is not None and c[0].weekday() == m.weekday]
    named = [c for c in named if abs((c[0] - published).days) <= 183]  # not a typo's year
    if len(named) == 1:  # в понедельник, 7 февраля: the year whose 7 February is a Monday
        first = named[0][0]
        return first, first, "year from the weekday written with it"
    year = _pick(cands, published, tense)
    first = _safe(year, m.month, m.day)
    last = _range_end(m, year) if m.kind == "range" else first
    return first, last, f"year from publication date ({_tense_note(tense)})"


def _range_end(m: DateMention, year: int) -> dt.date | None:
    """The last day of a range that starts in ``year`` (in the next one when it ends in January)."""
    y2 = year + (1 if (m.month2 or m.month) < m.month else 0)
    return _safe(y2, m.month2 or m.month, m.day2)


def _resolve_month(m: DateMention, published: dt.date | None, tense: str | None) -> Span:
    """A month or a run of months: as written, else in the year the tense points to."""
    if m.month2 is not None:  # у квітні-травні
        first, _, basis = _resolve_month(replace(m, month2=None), published, tense)
        if first is None:
            return None, None, basis
        year2 = first.year + (1 if m.month2 < m.month else 0)
        return first, _month_span(year2, m.month2)[1], basis
    if m.year is None and m.offset is not None and published is not None:
        year = published.year + m.offset
        return (*_month_span(year, m.month), "year relative to publication date")
    if m.year is not None:
        return (*_month_span(m.year, m.month), "as written")
    if published is None:
        return None, None, "unresolved: no year and no publication date"
    cands = [(dt.date(y, m.month, 1), y) for y in range(published.year - 1, published.year + 2)]
    if m.month == published.month:
        year = published.year
    else:
        year = _pick(cands, published.replace(day=1), tense)
    return (*_month_span(year, m.month), f"year from publication date ({_tense_note(tense)})")


def _resolve_weekday(m: DateMention, published: dt.date, tense: str | None) -> Span:
    """A weekday: the last, this week's or the coming one, as its modifier or the tense says."""
    monday = published - dt.timedelta(days=published.weekday())
    if m.offset == -1:
        delta = (published.weekday() - m.weekday) % 7 or 7
        day = published - dt.timedelta(days=delta)
    elif m.offset == 0:
        day = monday + dt.timedelta(days=m.weekday)
    elif m.offset == 1 or tense == "future":
        # «у п'ятницю буде дощ» in a Friday's forecast is that Friday
        delta = (m.weekday - published.weekday()) % 7 or (7 if m.offset == 1 else 0)
        day = published + dt.timedelta(days=delta)
    elif tense == "past" or tense is None:
        delta = (published.weekday() - m.weekday) % 7
        day = published - dt.timedelta(days=delta)
    else:  # present tense: this week's day
        day = monday + dt.timedelta(days=m.weekday)
    note = _tense_note(tense) if m.offset is None else "modifier"
    return day, day, f"weekday relative to publication date ({note})"


def _resolve_period(m: DateMention, published: dt.date, tense: str | None) -> Span:
    """The last day, a weekend, a season, or a week, month or year from the publication date."""
    if m.period == "day":  # the last 24 hours
        return published - dt.timedelta(days=1), published, "the day before publication"
    if m.period == "weekend":
        return _weekend(m.offset, published, tense)
    if m.period == "season":
        if re.match(r"(?i)(?:до|к)\s", m.text) and tense != "past":
            tense = "future"  # «до літа», «к зиме»: until the coming one
        first, last, basis = _season_span(m.month, m.offset, published, tense)
        return first, (published if m.since else last), basis
    first, last, basis = _period_span(m.period, m.offset or 0, published)
    if m.offset2 is not None:  # «на прошлой и позапрошлой неделе»: both periods
        other = _period_span(m.period, m.offset2, published)
        first, last = min(first, other[0]), max(last, other[1])
    # «с начала недели»: from the period's start to the publication day
    return first, (max(first, published) if m.since and _step_is_now(m) else last), basis


def _safe(year: int, month: int, day: int) -> dt.date | None:
    """The day, or None when there is no such day (30 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _pick(candidates: list[tuple[dt.date, int]], ref: dt.date, tense: str | None) -> int:
    """Pick the year whose candidate day suits the tense best; return that year."""
    near = candidates
    if tense == "past":
        before = [c for c in near if c[0] <= ref]
        if before:
            return max(before)[1]
    elif tense == "future":
        after = [c for c in near if c[0] >= ref]
        if after:
            return min(after)[1]
    return min(candidates, key=lambda c: (abs((c[0] - ref).days), -c[1]))[1]


def _tense_note(tense: str | None) -> str:
    """What the choice of a year rests on, for the ``basis`` column."""
    return {"past": "past tense", "future": "future tense"}.get(tense or "", "nearest")


def _step_is_now(m: DateMention) -> bool:
    """Whether a period is the current one (``этой недели``, or no modifier)."""
    return not m.offset


def _period_span(period: str | None, step: int, published: dt.date):
    """The week, month, quarter or year ``step`` periods from the one holding ``published``."""
    if period == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        return monday, monday + dt.timedelta(days=6), "week relative to publication date"
    if period == "month":
        index = published.year * 12 + published.month - 1 + step
        return (*_month_span(index // 12, index % 12 + 1), "month relative to publication date")
    if period == "quarter":
        index = published.year * 4 + (published.month - 1) // 3 + step
        year, first = index // 4, index % 4 * 3 + 1
        return (dt.date(year, first, 1), _month_span(year, first + 2)[1],
                "quarter relative to publication date")
    year = published.year + step
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year relative to publication date"


def _back(published: dt.date, offset: int, period: str | None) -> dt.date:
    """The day ``offset`` days, weeks, months or years from ``published`` (год назад: -1)."""
    if period in ("month", "year"):  # год назад, два місяці тому
        index = published.year * 12 + published.month - 1 + offset * (
            12 if period == "year" else 1)
        year, month = index // 12, index % 12 + 1
        return dt.date(year, month, min(published.day, calendar.monthrange(year, month)[1]))
    return published + dt.timedelta(days=offset * (7 if period == "week" else 1))


def _weekend(step: int | None, published: dt.date, tense: str | None):
    """Resolve a weekend: the last one (``минулих``, past tense), else the coming one.

    An article published on a weekend reads "the coming one" as that weekend.
    """
    saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7)
    if published.weekday() == 6:
        saturday = published - dt.timedelta(days=1)
    if step == -1 or (step is None and tense == "past"):
        saturday = saturday - dt.timedelta(days=7) if saturday >= published else saturday
    elif step == 1 and published.weekday() >= 5:
        saturday += dt.timedelta(days=7)
    return saturday, saturday + dt.timedelta(days=1), "weekend relative to publication date"


def _season_of(year: int, start_month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of the season that starts in ``start_month`` of ``year``."""
    index = year * 12 + start_month - 1 + 2
    return dt.date(year, start_month, 1), _month_span(index // 12, index % 12 + 1)[1]


def _season_span(start_month: int, step: int | None, published: dt.date, tense: str | None):
    """Resolve a season: the one ``step`` seasons from the current, else as the tense says."""
    spans = [_season_of(y, start_month) for y in range(published.year - 2, published.year + 2)]
    current = [s for s in spans if s[0] <= published <= s[1]]
    past = [s for s in spans if s[1] < published]
    future = [s for s in spans if s[0] > published]
    # a season under way is the one meant, unless the verb looks back (``до кінця літа``)
    if step == 0 or (step is None and current and tense != "past"):
        chosen = current[0] if current else (past[-1] if tense == "past" else future[0])
    elif step == -1 or (step is None and tense == "past"):
        chosen = past[-1]
    elif step == 1 or (step is None and tense == "future"):
        chosen = future[0]
    else:  # no modifier, no tense: this year's season
        chosen = next(s for s in spans if s[0].year == published.year)
    return chosen[0], chosen[1], "season relative to publication date"
