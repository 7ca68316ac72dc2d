"""The dated mentions of a text, or of many articles, as a table: found, resolved, with tense.

:func:`date_rows` scans a text (:func:`presslens.dates.parse.scan`), reads the tense near each
phrase in its sentence (:func:`presslens.dates.tense.tense_near`) and resolves it against the
publication date (:func:`presslens.dates.resolve.resolve_mention`); :func:`find_dates` and
:func:`dates_table` give those rows as pandas tables.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache

import pandas as pd
import razdel

from presslens.dates.parse import scan
from presslens.dates.resolve import resolve_mention
from presslens.dates.tense import tense_near

__all__ = ["DATE_COLUMNS", "date_rows", "dates_table", "find_dates"]

#: Columns of the table returned by :func:`find_dates`.
DATE_COLUMNS = [
    "text",
    "start",
    "end",
    "kind",
    "year",
    "month",
    "day",
    "date_start",
    "date_end",
    "tense",
    "basis",
    "sentence",
]


def _as_date(value) -> dt.date | None:
    """Read a publication date (date, datetime, Timestamp, text; None or NaT: None)."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp | dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return pd.Timestamp(value).date()


#: «до 15 мая», «до 1 липня» just before a day: the day a state lasts until.
_UNTIL = re.compile(r"(?<![\w\d])(?:до|До)\s+$")


@lru_cache(maxsize=4096)
def date_rows(text: str, published: dt.date | None, language: str | None) -> tuple[dict, ...]:
    """Return :func:`find_dates`'s rows as plain dicts (``date_start``/``date_end`` as dates).

    Cached for the last texts, so statements and events of one article read its dates once.
    Callers must not change the dicts.
    """
    rows = []
    if not text:
        return ()
    bounds = starts = anchor = None
    for m in scan(text):
        if bounds is None:
            bounds = [(s.start, s.stop, s.text) for s in razdel.sentenize(text) if s.text.strip()]
            starts = [a for a, _, _ in bounds]
        s_start, s_text = 0, text
        k = bisect.bisect_right(starts, m.start) - 1  # the sentence that holds the mention
        if k >= 0 and m.start < bounds[k][1]:
            s_start, s_text = bounds[k][0], bounds[k][2]
        tense = tense_near(s_text, m.start - s_start, m.end - s_start, language)
        if tense == "past" and m.kind == "date" and _UNTIL.search(text, max(0, m.start - 6),
                                                                   m.start):
            tense = None  # «ушла в отпуск до 15 мая»: a deadline, not a day that has passed
        side = tense
        if m.kind == "month" and m.year is None and tense != "past" and _UNTIL.search(
                text, max(0, m.start - 6), m.start):
            side = "future"  # «мають до вересня вийти»: the coming one, as «до літа»
        first, last, basis = _in_story_year(m, anchor, published, side) or resolve_mention(
            m, published, side)
        if m.kind == "date" and m.year is not None and m.day is not None:
            anchor = m  # the last day written with its year: the year of the story told
        tense = None if tense == "infinitive" else tense
        rows.append(
            {
                "text": m.text,
                "start": m.start,
                "end": m.end,
                "kind": m.kind,
                "year": m.year,
                "month": m.month,
                "day": m.day,
                "date_start": first,
                "date_end": last,
                "tense": tense,
                "basis": basis,
                "sentence": s_text,
            }
        )
    _bracketed_days(text, rows)
    return tuple(_joined_ranges(text, rows))


#: Between a relative day and the date an editor put in brackets beside it: «сьогодні
#: ввечері (20 липня – ред.)», «вчера (5 марта)».
_BRACKET_BEFORE = re.compile(r"\s*(?:[^\W\d_]+\s*)?\(\s*$")


def _bracketed_days(text: str, rows: list[dict]) -> None:
    """Give a relative day the date written in brackets right after it (the editor's)."""
    for row, nxt in zip(rows, rows[1:], strict=False):
        if (row["kind"] == "relative" and nxt["kind"] == "date" and nxt["date_start"] is not None
                and _BRACKET_BEFORE.fullmatch(text, row["end"], nxt["start"])):
            row["date_start"], row["date_end"] = nxt["date_start"], nxt["date_end"]
            row["basis"] = "the date written beside it"


#: «з/с/от/від <day> (,) до/по <day>»: the words before and between the two ends of a range.
_FROM = re.compile(r"(?i)(?:^|(?<=\W))(?:с|со|з|із|зі|від|от)\s+$")
_TO = re.compile(r"(?i)\s*,?\s*(?:до|по)\s+")


def _joined_ranges(text: str, rows: list[dict]) -> list[dict]:
    """Join two dated mentions written as the ends of one span (``С 2015 года до 11 ноября
    2021 года``, ``Від суботи, 27 вересня, до 5 жовтня``) into one row, from the first day of
    the one to the last of the other."""
    out: list[dict] = []
    for row in rows:
        prev = out[-1] if out else None
        if (prev is not None and prev["date_start"] is not None and row["date_end"] is not None
                and prev["date_start"] <= row["date_end"]
                and _TO.fullmatch(text, prev["end"], row["start"])
                and (m := _FROM.search(text, max(0, prev["start"] - 5), prev["start"]))):
            out[-1] = {**prev, "text": text[m.start() : row["end"]], "start": m.start(),
                       "end": row["end"], "kind": "range", "date_end": row["date_end"],
                       "basis": "the two ends of a span"}
            continue
        out.append(row)
    return out


#: Days after the last day written with its year that a day without one may take its year.
_STORY_DAYS = 92


def _in_story_year(m, anchor, published: dt.date | None, tense: str | None):
    """Resolve a past day without a year in the year of the day written with one just
    before it, when that is another year and the day follows it within a season (``10 серпня
    2014 року розпочалися бої … 12 серпня частини намагалися …`` in an article of 2020)."""
    if (anchor is None or m.kind != "date" or m.year is not None or m.day is None
            or tense != "past" or published is None or anchor.year == published.year):
        return None
    try:
        day, since = dt.date(anchor.year, m.month, m.day), dt.date(anchor.year, anchor.month,
                                                                  anchor.day)
    except (TypeError, ValueError):
        return None
    if not 0 <= (day - since).days <= _STORY_DAYS or day > published or (
            m.weekday is not None and day.weekday() != m.weekday):
        return None  # (у понеділок, 6 грудня: not in a year whose 6 December is a Sunday)
    return day, day, "year from the date written before it"


def find_dates(text: str, published=None, language: str | None = None) -> pd.DataFrame:
    """Find and resolve every date phrase in ``text``.

    Parameters
    ----------
    text : str
        An article's clean text (or any text).
    published : date-like or None
        The publication date the phrases are resolved against; None (or NaT) leaves
        phrases without their own year unresolved.
    language : {"ru", "uk"} or None
        The dictionary used to read the tense of verbs (None: Russian).

    Returns
    -------
    pandas.DataFrame
        One row per date phrase, in text order, with columns:

        - ``text`` (str): the phrase as written;
        - ``start``, ``end`` (int): character offsets of the phrase in ``text``;
        - ``kind`` (str): ``date``, ``range``, ``month``, ``year``, ``weekday``,
          ``relative`` or ``period``;
        - ``year``, ``month``, ``day`` (Int64, may be missing): the parts written (a partial
          date stays partial: ``15 грудня`` has no year);
        - ``date_start``, ``date_end`` (datetime64, NaT when unresolved): the first and last
          day the phrase covers;
        - ``tense`` (str or None): the tense of the nearest verb (``past``/``future``/
          ``present``);
        - ``basis`` (str): what the resolution rests on;
        - ``sentence`` (str): the sentence the phrase is in.

    Examples
    --------
    >>> find_dates("15 грудня Росія оприлюднила пропозиції.", "2022-01-26", "uk")[
    ...     ["text", "date_start"]].astype(str).values.tolist()
    [['15 грудня', '2021-12-15']]
    """
    return _frame(date_rows(text, _as_date(published), language), DATE_COLUMNS)


def dates_table(articles: pd.DataFrame) -> pd.DataFrame:
    """Find the date phrases of many articles, in one table.

    Parameters
    ----------
    articles : pandas.DataFrame
        Columns ``id``, ``text``, ``published`` and ``language`` (as ``corpus.articles``).

    Returns
    -------
    pandas.DataFrame
        ``article`` (str, the article id) followed by the columns of :func:`find_dates`,
        one row per date phrase, in article order and then text order.
    """
    rows = []
    for art in articles.itertuples(index=False):
        language = art.language if isinstance(art.language, str) else None
        for row in date_rows(art.text or "", _as_date(art.published), language):
            rows.append({"article": art.id, **row})
    return _frame(rows, ["article", *DATE_COLUMNS])


def _frame(rows, columns: list[str]) -> pd.DataFrame:
    """The rows as a table with the dtypes of :func:`find_dates`."""
    frame = pd.DataFrame(list(rows), columns=columns)
    for col in ("year", "month", "day"):
        frame[col] = frame[col].astype("Int64")
    for col in ("start", "end"):
        frame[col] = frame[col].astype("int64")
    for col in ("date_start", "date_end"):
        frame[col] = pd.to_datetime(frame[col])
    return frame.reset_index(drop=True)
