"""Find date expressions in Russian and Ukrainian text and resolve them to calendar days.

A date phrase is resolved against the article's publication date, never against today:

* a full date (``12.01.2022``, ``12 января 2022 года``) is taken as written;
* a day and month without a year (``15 грудня``) take the year that puts them nearest to the
  publication date *on the side the verb's tense points to*: a past-tense verb looks back
  (``15 грудня Росія оприлюднила`` in an article of 26 January is the previous December), a
  future-tense verb looks ahead, anything else takes the nearest;
* ranges (``10-13 января``, ``30 ноября – 2 декабря``) keep their first and last day;
* a month (``в декабре``), a year (``1975 года``), a week (``на следующей неделе``) resolve to
  the span they cover, and the parts written stay in ``year``/``month``/``day`` (partial dates
  stay partial);
* weekdays (``в воскресенье``) and relative days (``сегодня``, ``вчора``) count from the
  publication date, in the direction of the tense.

Without a publication date only phrases that carry their own year are resolved.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

import pandas as pd
import razdel

from presslens.corpus.metadata import plausible_year
from presslens.lexicon import read_json
from presslens.text import _morph
from presslens.text.nlp import tokenize

__all__ = [
    "DATE_COLUMNS",
    "DateMention",
    "date_rows",
    "dates_table",
    "find_dates",
    "resolve_mention",
    "tense_near",
]

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


@dataclass
class DateMention:
    """A date phrase as written, before resolution.

    ``kind`` is one of ``date`` (day, month, maybe year), ``range`` (two days), ``month``,
    ``year``, ``weekday``, ``relative`` (a day offset), ``period`` (a week, month or year
    relative to the publication date).
    """

    text: str
    start: int
    end: int
    kind: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    day2: int | None = None
    month2: int | None = None
    year2: int | None = None
    offset: int | None = None  # relative days / period direction / weekday modifier
    weekday: int | None = None
    period: str | None = None
    since: bool = False  # «с начала лета»: from the period's start to the publication day
    offset2: int | None = None  # the near end of a span back: «неделю-две недели назад»


@lru_cache(maxsize=1)
def _words() -> dict:
    return read_json("dates_words.json")


def _alt(forms) -> str:
    ordered = sorted({re.escape(f) for f in forms}, key=len, reverse=True)
    return "(?:" + "|".join(ordered) + ")"


@lru_cache(maxsize=1)
def _tables():
    w = _words()
    month_of = {
        form: int(m)
        for key in ("months", "months_en")
        for m, forms in w[key].items()
        for form in forms
    }
    month_of.update(
        {form: int(m) for m, forms in w["month_abbreviations"].items() for form in forms}
    )
    weekday_of = {}
    for d, forms in w["weekdays"].items():
        for form in forms:
            weekday_of[form.replace("’", "'").replace("ʼ", "'")] = int(d)
    wmod = {form: int(k) for k, forms in w["weekday_modifiers"].items() for form in forms}
    pmod = {form: int(k) for k, forms in w["period_modifiers"].items() for form in forms}
    period_of = {form: p for p, forms in w["periods"].items() for form in forms}
    return month_of, weekday_of, wmod, pmod, period_of


@lru_cache(maxsize=1)
def _seasons() -> dict[str, int]:
    """Each season word, lower-cased, with the month its season starts in."""
    return {form: int(m) for m, forms in _words()["seasons"].items() for form in forms}


#: Season words that can open a sentence and still mean the season (``Летом …``).
_SEASON_ADVERBS = frozenset(
    "зимой зимою весной весною летом осенью взимку узимку навесні влітку улітку восени".split()
)


@lru_cache(maxsize=1)
def _season_modifiers() -> dict[str, int]:
    """Adjective forms that agree with a season noun (прошлым летом, наступного літа)."""
    return {form: int(k) for k, forms in _words()["season_modifiers"].items() for form in forms}


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    w = _words()
    month_of, weekday_of, wmod, pmod, period_of = _tables()
    season_of = _seasons()
    unit_of = {f: u for u, forms in w["ago_units"].items() for f in forms}
    season_mods = list(_season_modifiers())
    mon = _alt(f for forms in w["months"].values() for f in forms)
    # an abbreviation (11 янв., 17 лют.) needs a day before it and a dot or a year after it
    abbr = _alt(f for forms in w["month_abbreviations"].values() for f in forms)
    # … and in a dateline (`МОСКВА, 28 авг — РИА Новости`) a dash or a comma after it
    mon_d = rf"(?:{mon}(?![\w\d])|{abbr}(?:\.|(?=\s+\d{{4}})|(?=\s*[,—–-]\s)))"
    en = "(?i:" + _alt(f for forms in w["months_en"].values() for f in forms) + ")"
    decade = _alt(w["decade_suffixes"])
    yw = _alt(w["year_words"])
    dash = r"\s*(?:[-–—]|по|до|і|и|та)\s*"
    year = rf"(?:\s+(?P<y>\d{{4}})(?:\s*{yw})?)?"
    wd = _alt(list(weekday_of) + [f.replace("'", "’") for f in weekday_of])
    wm = _alt(wmod)
    b = r"(?<![\w\d])"
    e = r"(?![\w\d])"
    prep = r"(?:(?:[вВ]|[вВ]о|[уУ]|[нН]а)\s+)?"
    return [
        (
            "numeric",
            re.compile(rf"{b}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}){e}"),
        ),
        ("iso", re.compile(rf"{b}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){e}")),
        # month ranges: у квітні-травні, в июне–июле 2020 года
        (
            "monthrange",
            re.compile(rf"{b}{prep}(?P<mon>{mon})\s*[-–—]\s*(?P<mon2>{mon}){e}{year}"),
        ),
        (
            "range2",
            re.compile(
                rf"{b}(?P<d>\d{{1,2}})\s+(?P<mon>{mon_d})\s*[-–—]\s*(?P<d2>\d{{1,2}})\s+"
                rf"(?P<mon2>{mon_d}){year}"
            ),
        ),
        (
            "date",
            re.compile(
                rf"{b}(?P<d>\d{{1,2}})(?:-?(?:го|е|ого))?(?:{dash}(?P<d2>\d{{1,2}}))?\s+"
                rf"(?P<mon>{mon_d}){year}"
            ),
        ),
        # English dates quoted in ru/uk text: 21 January 2022, January 21, 2022, Jan 12
        (
            "date_en",
            re.compile(rf"{b}(?P<d>\d{{1,2}})\s+(?P<mon>{en})\.?{e}(?:,?\s+(?P<y>\d{{4}}){e})?"),
        ),
        (
            "en_date",
            re.compile(
                rf"{b}(?P<mon>{en})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{e}"
                rf"(?:,?\s+(?P<y>\d{{4}}){e})?"
            ),
        ),
        # decades: в 1990-х годах, 2000-е, у 90-ті роки
        (
            "decade",
            re.compile(rf"{b}(?P<y>(?:1[89]|20)?\d0)-?(?P<suffix>{decade}){e}(?:\s*{yw})?"),
        ),
        ("month", re.compile(rf"{b}{prep}(?P<mon>{mon}){e}{year}")),
        (
            "yearrange",
            re.compile(rf"{b}(?P<y>(?:1[89]|20)\d\d)\s*[-–—]\s*(?P<y2>(?:1[89]|20)\d\d)\s*{yw}"),
        ),
        ("year", re.compile(rf"{b}(?P<y>(?:1[89]|20)\d\d)(?:-?(?:м|й|го|му))?\s*{yw}")),
        # a bare year after a preposition, before punctuation or a capital: «у 2004 Ющенко»
        (
            "year",
            re.compile(
                r"(?:(?<=\b[вуВУсзСЗ]\s)|(?<=\b(?:до|по|от|До|По|От|із|Із)\s)|(?<=\b(?:від|Від)\s))"
                r"(?P<y>(?:19|20)\d\d)"
                r"(?=\s*(?:[,.;:!?)»]|$)|\s+[А-ЯЁІЇЄҐA-Z]|\s+(?:під|при|після|перед|коли|когда|"
                r"после|и|і|та|а|но|але)\s)"
            ),
        ),
        # a year with its ordinal ending and no year word: 2026-й, до 2030-го
        ("year", re.compile(rf"{b}(?P<y>(?:1[89]|20)\d\d)-(?:й|го|му|м|ий|ого|ому|ім|тий){e}")),
        # a bare year after «до конца», «с начала», «до кінця», «з початку»
        (
            "edgeyear",
            re.compile(
                rf"{b}(?i:{_alt(w['year_edges'])})\s+(?P<y>(?:1[89]|20)\d\d){e}(?!\s*[-–—])"
                rf"(?:\s*{yw})?"
            ),
        ),
        ("weekday", re.compile(rf"{b}{prep}(?:(?P<wm>{wm})\s+)?(?P<wd>{wd}){e}", re.IGNORECASE)),
        ("relative", re.compile(rf"{b}(?P<rel>{_alt(w['relative_days'])}){e}", re.IGNORECASE)),
        ("yearword", re.compile(rf"{b}(?P<yw>{_alt(w['year_adverbs'])}){e}", re.IGNORECASE)),
        # за минулу добу, за минувшие сутки: the last 24 hours
        (
            "dayperiod",
            re.compile(
                rf"{b}(?:(?:за|в|у|протягом|в течение)\s+)?"
                rf"(?P<dm>{_alt(w['day_period_modifiers'])})\s+(?P<dp>{_alt(w['day_periods'])}){e}",
                re.IGNORECASE,
            ),
        ),
        # a span back from the publication day: год назад, три дні тому, 2 недели назад
        (
            "ago",
            re.compile(
                rf"{b}(?:(?P<n0>\d{{1,2}}|{_alt(w['small_numbers'])}|{_alt(unit_of)})\s*[-–—]\s*)?"
                rf"(?:(?P<n>\d{{1,2}}|{_alt(w['small_numbers'])})\s+)?"
                rf"(?P<unit>{_alt(unit_of)})\s+(?:{_alt(w['ago_words'])}){e}",
                re.IGNORECASE,
            ),
        ),
        # an edge of a period: до конца года, з початку тижня, в конце этого месяца
        (
            "periodedge",
            re.compile(
                rf"{b}(?P<pp>до|с|со|з|із|к|в|во|у|на)\s+(?P<edge>{_alt(w['period_edges'])})\s+"
                rf"(?:(?P<pm>{_alt(pmod)})\s+)?(?P<per>{_alt(period_of)}){e}",
                re.IGNORECASE,
            ),
        ),
        # a quarter or a half of a year: в первом квартале, за перше півріччя 2016 року
        (
            "yearpart",
            re.compile(
                rf"{b}(?P<ord>{_alt(f for forms in w['part_ordinals'].values() for f in forms)})"
                rf"\s+(?P<part>{_alt(f for forms in w['year_parts'].values() for f in forms)}){e}"
                rf"{year}",
                re.IGNORECASE,
            ),
        ),
        # the weekend: на выходных, на минулих вихідних, найближчими вихідними
        (
            "weekend",
            re.compile(
                rf"{b}(?:(?:на|у|в|з|с|після|после)\s+)?(?:(?P<wm>{_alt(w['weekend_modifiers'])})\s+)?"
                rf"(?P<we>{_alt(w['weekend'])}){e}",
                re.IGNORECASE,
            ),
        ),
        # seasons: летом, прошлой зимой, наступного літа, за лето
        (
            "season",
            re.compile(
                rf"{b}(?P<since>(?:с|з|від|со)\s+(?:начала|початку)\s+)?(?:(?P<pp>за|в|у|на|до|с|з|к)\s+)?"
                rf"(?:(?P<pm>{_alt(pmod)}|{_alt(season_mods)})\s+)?(?P<season>{_alt(season_of)}){e}",
                re.IGNORECASE,
            ),
        ),
        (
            "period",
            re.compile(
                rf"{b}{prep}(?P<pm>{_alt(pmod)})\s+(?P<per>{_alt(period_of)}){e}", re.IGNORECASE
            ),
        ),
    ]


def _count(word: str | None) -> int:
    """A count written as digits or as a small number word; a unit alone (``неделю``) is 1."""
    if word and word.isdigit():
        return int(word)
    return _words()["small_numbers"].get((word or "").lower(), 1)


def _mention(kind: str, m: re.Match) -> DateMention | None:
    month_of, weekday_of, wmod, pmod, period_of = _tables()
    w = _words()
    g = m.groupdict()
    y = int(g["y"]) if g.get("y") else None
    if not plausible_year(y) or not plausible_year(int(g["y2"]) if g.get("y2") else None):
        return None  # «в январе 0000 года», 01.01.0001: not a date
    text, start, end = m.group(0), m.start(), m.end()
    if kind == "monthrange":
        if not g["mon"].islower():
            return None
        mo, mo2 = month_of[g["mon"]], month_of[g["mon2"].lower()]
        return DateMention(text, start, end, "month", month=mo, year=y, month2=mo2)
    if kind in ("numeric", "iso"):
        d, mo = int(g["d"]), int(g["m"])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return None
        return DateMention(text, start, end, "date", day=d, month=mo, year=y)
    if kind in ("date_en", "en_date"):
        d, mo = int(g["d"]), month_of[g["mon"].lower()]
        return DateMention(text, start, end, "date", day=d, month=mo, year=y) if d <= 31 else None
    if kind == "decade":
        first = int(g["y"])
        first += 0 if first >= 100 else (1900 if first >= 30 else 2000)
        return DateMention(text, start, end, "year", year=first, year2=first + 9)
    if kind in ("range2", "date"):
        d, mo = int(g["d"]), month_of[g["mon"].lower().rstrip(".")]
        d2 = int(g["d2"]) if g.get("d2") else None
        mo2 = month_of[g["mon2"].lower().rstrip(".")] if g.get("mon2") else (mo if d2 else None)
        if not 1 <= d <= 31 or (d2 is not None and not 1 <= d2 <= 31):
            return None
        if d2 is None:
            return DateMention(text, start, end, "date", day=d, month=mo, year=y)
        if mo2 == mo and d2 <= d:
            return None  # «13-10 января»: a range cannot end before it starts
        return DateMention(
            text, start, end, "range", day=d, month=mo, year=y, day2=d2, month2=mo2, year2=y
        )
    if kind == "month":
        if not g["mon"].islower() or re.search(r"\d\s*$", m.string[max(0, start - 4) : start]):
            return None  # «32 января» is no date, not the whole of January
        return DateMention(text, start, end, "month", month=month_of[g["mon"]], year=y)
    if kind == "yearrange":
        return DateMention(text, start, end, "year", year=y, year2=int(g["y2"]))
    if kind in ("year", "edgeyear"):
        return DateMention(text, start, end, "year", year=y)
    if kind == "weekday":
        form = g["wd"].lower().replace("’", "'").replace("ʼ", "'")
        mod = wmod.get(g["wm"].lower()) if g.get("wm") else None
        return DateMention(text, start, end, "weekday", weekday=weekday_of[form], offset=mod)
    if kind == "relative":
        return DateMention(
            text, start, end, "relative", offset=w["relative_days"][g["rel"].lower()]
        )
    if kind == "ago":
        count = _count(g["n"])
        near = _count(g["n0"]) if g["n0"] else None
        if near is not None and near >= count:
            return None  # «5-2 дня назад»: not a span back
        unit = next(u for u, forms in w["ago_units"].items() if g["unit"].lower() in forms)
        return DateMention(text, start, end, "relative", offset=-count, period=unit,
                           offset2=None if near is None else -near)
    if kind == "periodedge":
        since = g["pp"].lower() in ("с", "со", "з", "із") and g["edge"].lower() in (
            "начала", "початку")
        offset = pmod[g["pm"].lower()] if g["pm"] else 0
        return DateMention(text, start, end, "period", offset=offset,
                           period=period_of[g["per"].lower()], since=since)
    if kind == "yearpart":
        n = next(int(k) for k, forms in w["part_ordinals"].items() if g["ord"].lower() in forms)
        part = next(p for p, forms in w["year_parts"].items() if g["part"].lower() in forms)
        size = 3 if part == "quarter" else 6
        if n * size > 12:
            return None  # «третье полугодие»: no such part
        year = int(g["y"]) if g["y"] else None
        if year is not None and not plausible_year(year):
            return None
        return DateMention(text, start, end, "month", month=n * size - size + 1,
                           month2=n * size, year=year)
    if kind == "weekend":
        step = w["weekend_modifiers"].get((g["wm"] or "").lower()) if g["wm"] else None
        if step is None and not re.match(r"(?i)(?:на|у|в|з|с|після|после)\s", text):
            return None  # «выходные дни» without «на»: not a date
        if step is None and re.match(r"(?i)(?:з|с)\s", text):
            step = -1  # «с выходных», «з вихідних»: since the last weekend
        return DateMention(text, start, end, "period", offset=step, period="weekend")
    if kind == "yearword":
        step = w["year_adverbs"][g["yw"].lower()]
        return DateMention(text, start, end, "period", offset=step, period="year")
    if kind == "dayperiod":
        return DateMention(text, start, end, "period", offset=-1, period="day")
    if kind == "season":
        word = g["season"].lower()
        cue = g["pp"] or g["pm"] or g["since"]
        if word not in _SEASON_ADVERBS and (not g["season"].islower() or not cue):
            return None  # «Арабская весна», a party «Весна»: a name, not a season
        mod = (g.get("pm") or "").lower()
        step = pmod.get(mod, _season_modifiers().get(mod)) if mod else None
        return DateMention(text, start, end, "period", month=_seasons()[word], offset=step,
                           period="season", since=bool(g["since"]))
    if kind == "period":
        return DateMention(
            text,
            start,
            end,
            "period",
            offset=pmod[g["pm"].lower()],
            period=period_of[g["per"].lower()],
        )
    return None


# A pattern tried at every position of an article costs more than everything else dates do.
# Patterns that open with a number are tried where a number starts; the others, long
# alternations of words, where one of their words stands (the word itself, or the one or two
# words before it: a preposition, a modifier).
_WORD_PATTERNS = {"month": ("months",), "monthrange": ("months",), "edgeyear": ("year_edges",),
                  "yearword": ("year_adverbs",), "dayperiod": ("day_periods",),
                  "season": ("seasons",), "weekend": ("weekend",), "ago": ("ago_words",),
                  "weekday": ("weekdays", "weekday_modifiers"),
                  "en_date": ("months_en",),
                  "relative": ("relative_days",), "period": ("periods", "period_modifiers"),
                  "periodedge": ("period_edges",), "yearpart": ("year_parts",)}
_RUN = re.compile(r"[^\W\d_]+")
# The patterns that open with a number are tried only where a number starts.
_DIGIT_PATTERNS = frozenset(
    {"numeric", "iso", "range2", "date", "date_en", "decade", "yearrange", "year"}
)
_NUMBER_START = re.compile(r"(?<![\w\d])\d")


@lru_cache(maxsize=1)
def _triggers() -> dict[str, frozenset[str]]:
    """Letter runs of every word a word pattern can match, lower-cased, per pattern."""
    w = _words()
    out = {}
    for kind, keys in _WORD_PATTERNS.items():
        runs: set[str] = set()
        for key in keys:
            value = w[key]
            if isinstance(value, list):
                forms = [value]
            elif all(isinstance(v, int) for v in value.values()):  # word -> offset
                forms = [list(value)]
            else:
                forms = value.values()
            for group in forms:
                for form in group if isinstance(group, list) else [group]:
                    runs.update(r.lower() for r in _RUN.findall(form))
        out[kind] = frozenset(runs)
    return out


def _matches(pattern: re.Pattern, text: str, starts: list[int] | None):
    """``pattern.finditer(text)``, trying only ``starts`` when they are given."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for pos in starts:
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            yield m
            end = m.end()


def _scan(text: str) -> list[DateMention]:
    lowered = list(map(str.lower, _RUN.findall(text)))
    present = set(lowered)
    positions: list[int] | None = None
    digits: list[int] | None = None
    found: list[tuple[int, int, int, DateMention]] = []
    for rank, (kind, pattern) in enumerate(_patterns()):
        starts = None
        if kind in _DIGIT_PATTERNS:
            if digits is None:
                digits = _digit_starts(text)
            starts = digits
        elif kind in _WORD_PATTERNS:
            trig = _triggers()[kind]
            if trig.isdisjoint(present):
                continue
            hits = [i for i, w in enumerate(lowered) if w in trig]
            if positions is None:
                positions = [m.start() for m in _RUN.finditer(text)]
            back = 3 if kind == "ago" else 2  # «неделю-две недели назад»: three words back
            starts = sorted({positions[j] for i in hits for j in range(i - back, i + 1) if j >= 0})
            if kind == "ago":  # «2 недели назад»: a number may open it too
                digits = _digit_starts(text) if digits is None else digits
                before = {d for d in digits if any(0 <= p - d <= 20 for p in starts)}
                starts = sorted(set(starts) | before)
        for m in _matches(pattern, text, starts):
            mention = _mention(kind, m)
            if mention is not None:
                found.append((mention.start, -(mention.end - mention.start), rank, mention))
    return _select(text, found)


def _digit_starts(text: str) -> list[int]:
    return [m.start() for m in _NUMBER_START.finditer(text)]


def _select(text: str, found: list[tuple[int, int, int, DateMention]]) -> list[DateMention]:
    """Keep the leftmost-longest mentions, with a weekday joined to the date it names."""
    return _join_weekdays(text, _leftmost_longest(found))


_WEEKDAY_GAP = re.compile(r",?\s*")


def _join_weekdays(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Read ``в понедельник, 7 февраля`` as one day: the weekday then picks the year."""
    out: list[DateMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind in ("month", "date")
            and prev.year is None
            and m.kind == "period"
            and m.period == "year"
            and _WEEKDAY_GAP.fullmatch(text, prev.end, m.start)
        ):  # в декабре прошлого года, 5 вересня цього року: that year's month or day
            out[-1] = replace(prev, text=text[prev.start : m.end], end=m.end, offset=m.offset)
            continue
        if (
            prev is not None
            and prev.kind == "weekday"
            and prev.offset is None
            and m.kind == "date"
            and _WEEKDAY_GAP.fullmatch(text, prev.end, m.start)
        ):
            out[-1] = DateMention(
                text[prev.start : m.end], prev.start, m.end, "date", day=m.day, month=m.month,
                year=m.year, weekday=prev.weekday,
            )
            continue
        out.append(m)
    return out


def _leftmost_longest(found: list[tuple[int, int, int, DateMention]]) -> list[DateMention]:
    """Keep, of overlapping mentions ``(start, -length, rank, mention)``, the leftmost, then the
    longest, then the one of the earlier pattern."""
    found.sort(key=lambda t: (t[0], t[1], t[2]))
    kept: list[DateMention] = []
    last_end = -1
    for start, _, _, mention in found:
        if start >= last_end:
            kept.append(mention)
            last_end = mention.end
    return kept


# --------------------------------------------------------------------------- tense


def tense_near(text: str, start: int, end: int, language: str | None) -> str | None:
    """Return the tense of the finite verb nearest to ``text[start:end]``.

    Parameters
    ----------
    text : str
        The sentence (or any span) around the date phrase.
    start, end : int
        Offsets of the date phrase in ``text``.
    language : {"ru", "uk"} or None
        The dictionary to read verbs with.

    Returns
    -------
    str or None
        ``"past"``, ``"future"`` or ``"present"``; ``будет``/``буде`` + infinitive counts as
        future; ``"infinitive"`` when an infinitive stands nearer than any finite verb
        (``решил провести 9 июня``: the date is the infinitive's, not the finite verb's);
        None when the sentence has no verb.
    """
    best: tuple[int, str] | None = None
    tokens = tokenize(text)
    tenses = _morph.per_form("tense or infinitive", language, [t.text for t in tokens],
                             lambda w: _tense_or_infinitive(w, language))
    for tok, tense in zip(tokens, tenses, strict=True):
        if tok.start >= start and tok.end <= end:
            continue
        if not tok.text[:1].isalpha() or tok.text[:1].isupper() and tok.start > 0:
            continue
        if not tense:
            continue
        a, b = (tok.end, start) if tok.end <= start else (end, tok.start)
        if _SPEECH_EDGE.search(text, a, b) or "\n" in text[a:b]:
            continue  # the reporting verb outside a quotation (or paragraph) does not date it
        distance = b - a
        if best is None or distance < best[0]:
            best = (distance, tense)
    # an infinitive nearer than any finite verb carries the date (``решил провести 9 июня``,
    # ``продлить до 15 июля``): its time is not the finite verb's, so no tense is read
    return best[1] if best else None


# where quoted or dash speech meets its attribution: `…", – сказав`, `…, – заявил`, `…» —`
_SPEECH_EDGE = re.compile(r"[»”\"]\s*[,.!?…]?\s*[—–-]\s|[,.!?…]\s+[—–]\s")


def _tense_or_infinitive(word: str, language: str | None) -> str:
    tense = _morph.verb_tense(word, language)
    if tense:
        return tense
    return "infinitive" if _morph.is_infinitive(word, language) else ""


# --------------------------------------------------------------------------- resolution


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
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
    return {"past": "past tense", "future": "future tense"}.get(tense or "", "nearest")


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
        tense = "future" if m.kind == "weekday" else None
    if m.kind == "date" and m.year is None and m.offset is not None and published is not None:
        day = _safe(published.year + m.offset, m.month, m.day)
        return day, day, "year relative to publication date"
    if m.kind in ("date", "range"):
        if m.year is not None:
            first = _safe(m.year, m.month, m.day)
            if m.kind == "range":
                y2 = m.year + (1 if (m.month2 or m.month) < m.month else 0)
                last = _safe(y2, m.month2 or m.month, m.day2)
            else:
                last = first
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
        last = first
        if m.kind == "range":
            y2 = year + (1 if (m.month2 or m.month) < m.month else 0)
            last = _safe(y2, m.month2 or m.month, m.day2)
        return first, last, f"year from publication date ({_tense_note(tense)})"
    if m.kind == "month" and m.month2 is not None:  # у квітні-травні
        first, _, basis = resolve_mention(replace(m, month2=None), published, tense)
        if first is None:
            return None, None, basis
        year2 = first.year + (1 if m.month2 < m.month else 0)
        return first, _month_span(year2, m.month2)[1], basis
    if m.kind == "month" and m.year is None and m.offset is not None and published is not None:
        year = published.year + m.offset
        return (*_month_span(year, m.month), "year relative to publication date")
    if m.kind == "month":
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
    if m.kind == "year":
        return dt.date(m.year, 1, 1), dt.date(m.year2 or m.year, 12, 31), "as written"
    if published is None:
        return None, None, "unresolved: relative to an unknown publication date"
    if m.kind == "relative":
        first = _back(published, m.offset or 0, m.period)
        last = first if m.offset2 is None else _back(published, m.offset2, m.period)
        return first, last, "relative to publication date"
    if m.kind == "weekday":
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
    if m.kind == "period" and m.period == "day":  # the last 24 hours
        return published - dt.timedelta(days=1), published, "the day before publication"
    if m.kind == "period" and m.period == "weekend":
        return _weekend(m.offset, published, tense)
    if m.kind == "period" and m.period == "season":
        if re.match(r"(?i)(?:до|к)\s", m.text) and tense != "past":
            tense = "future"  # «до літа», «к зиме»: until the coming one
        first, last, basis = _season_span(m.month, m.offset, published, tense)
        return first, (published if m.since else last), basis
    if m.kind == "period":
        first, last, basis = _period_span(m.period, m.offset or 0, published)
        # «с начала недели»: from the period's start to the publication day
        return first, (max(first, published) if m.since and _step_is_now(m) else last), basis
    return None, None, "unresolved"


def _step_is_now(m: DateMention) -> bool:
    """Whether a period is the current one (``этой недели``, or no modifier)."""
    return not m.offset


def _period_span(period: str | None, step: int, published: dt.date):
    """The week, month or year ``step`` periods from the one holding ``published``."""
    if period == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        return monday, monday + dt.timedelta(days=6), "week relative to publication date"
    if period == "month":
        index = published.year * 12 + published.month - 1 + step
        return (*_month_span(index // 12, index % 12 + 1), "month relative to publication date")
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
    """Resolve a weekend: the last one (``минулих``, past tense), else the coming one (or the
    current one, when the article is published on it)."""
    saturday = published + dt.timedelta(days=(5 - published.weekday()) % 7)
    if published.weekday() == 6:
        saturday = published - dt.timedelta(days=1)
    if step == -1 or (step is None and tense == "past"):
        saturday = saturday - dt.timedelta(days=7) if saturday >= published else saturday
    elif step == 1 and published.weekday() >= 5:
        saturday += dt.timedelta(days=7)
    return saturday, saturday + dt.timedelta(days=1), "weekend relative to publication date"


def _season_span(start_month: int, step: int | None, published: dt.date, tense: str | None):
    """Resolve a season: the one ``step`` seasons from the current, else as the tense says."""
    def span(year: int) -> tuple[dt.date, dt.date]:
        first = dt.date(year, start_month, 1)
        index = year * 12 + start_month - 1 + 2
        return first, _month_span(index // 12, index % 12 + 1)[1]

    spans = [span(y) for y in range(published.year - 2, published.year + 2)]
    current = [s for s in spans if s[0] <= published <= s[1]]
    past = [s for s in spans if s[1] < published]
    future = [s for s in spans if s[0] > published]
    if step == 0 or (step is None and current and tense != "future" and tense != "past"):
        chosen = current[0] if current else (past[-1] if tense == "past" else future[0])
    elif step == -1 or (step is None and tense == "past"):
        chosen = past[-1]
    elif step == 1 or (step is None and tense == "future"):
        chosen = future[0]
    else:  # no modifier, no tense: this year's season
        chosen = next(s for s in spans if s[0].year == published.year)
    return chosen[0], chosen[1], "season relative to publication date"


def _as_date(value) -> dt.date | None:
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


@lru_cache(maxsize=4096)
def date_rows(text: str, published: dt.date | None, language: str | None) -> tuple[dict, ...]:
    """Return :func:`find_dates`'s rows as plain dicts (``date_start``/``date_end`` as dates).

    Cached for the last texts, so statements and events of one article read its dates once.
    Callers must not change the dicts.
    """
    rows = []
    if not text:
        return ()
    bounds = starts = None
    for m in _scan(text):
        if bounds is None:
            bounds = [(s.start, s.stop, s.text) for s in razdel.sentenize(text) if s.text.strip()]
            starts = [a for a, _, _ in bounds]
        s_start, s_text = 0, text
        k = bisect.bisect_right(starts, m.start) - 1  # the sentence that holds the mention
        if k >= 0 and m.start < bounds[k][1]:
            s_start, s_text = bounds[k][0], bounds[k][2]
        tense = tense_near(s_text, m.start - s_start, m.end - s_start, language)
        first, last, basis = resolve_mention(m, published, tense)
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
    return tuple(rows)


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
    frame = pd.DataFrame(list(rows), columns=columns)
    for col in ("year", "month", "day"):
        frame[col] = frame[col].astype("Int64")
    for col in ("start", "end"):
        frame[col] = frame[col].astype("int64")
    for col in ("date_start", "date_end"):
        frame[col] = pd.to_datetime(frame[col])
    return frame.reset_index(drop=True)
