"""Find date phrases in a text and read each match as a :class:`DateMention` (not yet resolved).

:func:`scan` tries every pattern of :func:`presslens.dates.patterns.date_patterns` where it can
start, reads each match with :func:`read_mention` (a match that is no date, «32 января», gives
None), and keeps the leftmost-longest mentions, a weekday joined to its date (:func:`select`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

from presslens.corpus.metadata import plausible_year
from presslens.dates.patterns import (
    DIGIT_PATTERNS,
    LETTER_RUN,
    WORD_PATTERNS,
    date_patterns,
    triggers,
)
from presslens.dates.tense import EVE, eve_of
from presslens.dates.words import SEASON_ADVERBS, count_of, season_modifiers, seasons, tables, words

__all__ = ["DateMention", "read_mention", "scan", "select"]


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



def read_mention(kind: str, m: re.Match) -> DateMention | None:
    """Read the match ``m`` of the pattern of ``kind`` as a mention; None when it is no date."""
    g = m.groupdict()
    y = int(g["y"]) if g.get("y") else None
    if kind == "decade":  # «в 60-х годах»: two digits, made a year by the reader
        return _read_decade(m, g, y)
    y2 = int(g["y2"]) if g.get("y2") and len(g["y2"]) == 4 else None  # (1932-33: read below)
    if not plausible_year(y) or not plausible_year(y2):
        return None  # «в январе 0000 года», 01.01.0001: not a date
    reader = _READERS.get(kind)
    return None if reader is None else reader(m, g, y)


def _at(m: re.Match, kind: str, **parts) -> DateMention:
    """The mention of kind ``kind`` written where ``m`` matched."""
    return DateMention(m.group(0), m.start(), m.end(), kind, **parts)


def _read_month_range(m, g, y):
    """у квітні-травні, в июне–июле 2020 года."""
    if not g["mon"].islower():
        return None
    month_of = tables().month_of
    return _at(m, "month", month=month_of[g["mon"]], year=y, month2=month_of[g["mon2"].lower()])


def _read_numeric(m, g, y):
    """12.01.2022, 2022-01-12."""
    d, mo = int(g["d"]), int(g["m"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return _at(m, "date", day=d, month=mo, year=y)


def _read_english(m, g, y):
    """21 January 2022, January 21, 2022."""
    d, mo = int(g["d"]), tables().month_of[g["mon"].lower()]
    return _at(m, "date", day=d, month=mo, year=y) if d <= 31 else None


def _read_decade(m, g, y):
    """в 1990-х годах, у 90-ті роки: ten years."""
    first = int(g["y"])
    plural = g["suffix"].lower() in ("х", "ых", "их", "ые", "ті", "тих")
    year_word = len(m.group(0).split()) > 1
    if first < 100 and not (plural or year_word):
        return None  # «10-е место»: an ordinal, not the 2010s
    first += 0 if first >= 100 else (1900 if first >= 30 else 2000)
    return _at(m, "year", year=first, year2=first + 9)


def _read_short_year(m, g, y):
    """бюджет 26-го года, 26-го року: a year written with its last two digits."""
    yy = int(g["yy"])
    return _at(m, "year", year=(2000 if yy < 50 else 1900) + yy)


def _read_day_month(m, g, y):
    """12 января, 10-13 января, 30 ноября – 2 декабря."""
    month_of = tables().month_of
    d, mo = int(g["d"]), month_of[g["mon"].lower().rstrip(".")]
    d2 = int(g["d2"]) if g.get("d2") else None
    mo2 = month_of[g["mon2"].lower().rstrip(".")] if g.get("mon2") else (mo if d2 else None)
    if not 1 <= d <= 31 or (d2 is not None and not 1 <= d2 <= 31):
        return None
    if d2 is None:
        return _at(m, "date", day=d, month=mo, year=y)
    if mo2 == mo and d2 <= d:
        return None  # «13-10 января»: a range cannot end before it starts
    return _at(m, "range", day=d, month=mo, year=y, day2=d2, month2=mo2, year2=y)


_NUMBER_BEFORE = re.compile(r"(?:^|[^\w])\d{1,3}\s*$")


def _read_month(m, g, y):
    """в декабре, январе 2022 года."""
    start = m.start()
    if not g["mon"].islower() or _NUMBER_BEFORE.search(m.string[max(0, start - 8) : start]):
        return None  # «32 января» is no date, not the whole of January (but «G20 в ноябре» is)
    return _at(m, "month", month=tables().month_of[g["mon"]], year=y)


def _read_year_range(m, g, y):
    """2014-2016 годы, 1932-33 років (the second year by its last two digits)."""
    y2 = int(g["y2"]) if len(g["y2"]) == 4 else y // 100 * 100 + int(g["y2"])
    return _at(m, "year", year=y, year2=y2) if y2 > y else None


def _read_year_pair(m, g, y):
    """сезон 2025-2026, 2019/2020: two years in a row, and only those."""
    return _read_year_range(m, g, y) if int(g["y2"]) == y + 1 else None


def _read_year(m, g, y):
    """1975 года, у 2004 Ющенко, до конца 2022."""
    return _at(m, "year", year=y)


def _read_weekday(m, g, y):
    """в воскресенье, в прошлый вторник."""
    t = tables()
    form = g["wd"].lower().replace("’", "'").replace("ʼ", "'")
    mod = t.weekday_mods.get(g["wm"].lower()) if g.get("wm") else None
    return _at(m, "weekday", weekday=t.weekday_of[form], offset=mod)


def _read_relative(m, g, y):
    """сегодня, вчора; not «накануне матча» (the eve of an event, no day of its own)."""
    rel = g["rel"].lower()
    if rel in EVE and eve_of(m.string, m.end(), "uk" if rel == "напередодні" else "ru"):
        return None
    return _at(m, "relative", offset=words()["relative_days"][rel])


def _unit(word: str) -> str:
    """The period a unit word names: недели → week, років → year."""
    return next(u for u, forms in words()["ago_units"].items() if word.lower() in forms)


def _read_ago(m, g, y):
    """год назад, три дні тому, неделю-две недели назад."""
    count = count_of(g["n"])
    near = count_of(g["n0"]) if g["n0"] else None
    if near is not None and near >= count:
        return None  # «5-2 дня назад»: not a span back
    unit = _unit(g["unit"])
    return _at(m, "relative", offset=-count, period=unit,
               offset2=None if near is None else -near)


def _read_ahead(m, g, y):
    """через три недели, через рік: the day that many days, weeks, months or years on."""
    count = count_of(g["n"])
    unit = _unit(g["unit"])
    return _at(m, "relative", offset=count, period=unit)


def _read_period_edge(m, g, y):
    """до конца года, з початку тижня."""
    t = tables()
    since = g["pp"].lower() in ("с", "со", "з", "із") and g["edge"].lower() in (
        "начала", "початку")
    offset = t.period_mods[g["pm"].lower()] if g["pm"] else 0
    return _at(m, "period", offset=offset, period=t.period_of[g["per"].lower()], since=since)


def _read_year_part(m, g, y):
    """в первом квартале, за перше півріччя 2016 року."""
    w = words()
    n = next(int(k) for k, forms in w["part_ordinals"].items() if g["ord"].lower() in forms)
    n2 = next(int(k) for k, forms in w["part_ordinals"].items()
              if g["ord2"].lower() in forms) if g.get("ord2") else n
    part = next(p for p, forms in w["year_parts"].items() if g["part"].lower() in forms)
    size = 3 if part == "quarter" else 6
    if n2 * size > 12 or n2 < n:
        return None  # «третье полугодие»: no such part
    year = int(g["y"]) if g["y"] else None
    if year is not None and not plausible_year(year):
        return None
    return _at(m, "month", month=n * size - size + 1, month2=n2 * size, year=year)


def _read_day_word(m, g, y):
    """первого декабря, двадцять п'ятого травня: a day written as an ordinal."""
    if not g["mon"].islower():
        return None
    day = words()["day_ordinals"][" ".join(g["dw"].lower().split()).replace("’", "'")]
    return _at(m, "date", day=day, month=tables().month_of[g["mon"]], year=y)


def _read_weekend(m, g, y):
    """на выходных, на минулих вихідних."""
    text = m.group(0)
    step = words()["weekend_modifiers"].get((g["wm"] or "").lower()) if g["wm"] else None
    if step is None and not re.match(r"(?i)(?:на|у|в|з|с|після|после)\s", text):
        return None  # «выходные дни» without «на»: not a date
    if step is None and re.match(r"(?i)(?:з|с)\s", text):
        step = -1  # «с выходных», «з вихідних»: since the last weekend
    return _at(m, "period", offset=step, period="weekend")


def _read_year_word(m, g, y):
    """торік, в этом году."""
    return _at(m, "period", offset=words()["year_adverbs"][g["yw"].lower()], period="year")


def _read_day_period(m, g, y):
    """за минулу добу: the last 24 hours; минулої доби alone (no «за»): the day before."""
    bare = m.group().lstrip().startswith(g["dm"])
    return _at(m, "relative", offset=-1) if bare else _at(m, "period", offset=-1, period="day")


def _read_season(m, g, y):
    """летом, прошлой зимой, с начала лета."""
    word = g["season"].lower()
    cue = g["pp"] or g["pm"] or g["since"] or g["edge"]
    if word not in SEASON_ADVERBS and (not g["season"].islower() or not cue):
        return None  # «Арабская весна», a party «Весна»: a name, not a season
    mod = (g.get("pm") or "").lower()
    step = tables().period_mods.get(mod, season_modifiers().get(mod)) if mod else None
    return _at(m, "period", month=seasons()[word], offset=step, period="season",
               since=bool(g["since"]), year=y)


def _read_period(m, g, y):
    """на следующей неделе, в прошлом месяце, минулого і позаминулого тижня."""
    t = tables()
    second = t.period_mods[g["pm2"].lower()] if g.get("pm2") else None
    return _at(m, "period", offset=t.period_mods[g["pm"].lower()],
               period=t.period_of[g["per"].lower()], offset2=second)


def _read_month_decade(m, g, y):
    """в первой декаде октября (days 1-10; the third to the end), в первой половине января."""
    n = next(int(k) for k, f in words()["month_decades"].items() if g["dec"].lower() in f)
    first, last = ((10 * n - 9, 10 * n if n < 3 else 31) if g["part"].lower() == "декад"
                   else (1, 15) if n == 1 else (16, 31))
    month = tables().month_of[g["mon"].lower()]
    last = min(last, calendar.monthrange(y or 2001, month)[1])
    return _at(m, "range", day=first, month=month, year=y, day2=last, month2=month, year2=y)


#: Pattern kind → the reader of its matches.
_READERS = {
    "monthrange": _read_month_range, "numeric": _read_numeric, "iso": _read_numeric,
    "date_en": _read_english, "en_date": _read_english, "decade": _read_decade,
    "range2": _read_day_month, "date": _read_day_month, "month": _read_month,
    "yearrange": _read_year_range, "yearpair": _read_year_pair, "year": _read_year,
    "edgeyear": _read_year, "shortyear": _read_short_year,
    "weekday": _read_weekday, "relative": _read_relative, "ago": _read_ago, "ahead": _read_ahead,
    "periodedge": _read_period_edge, "yearpart": _read_year_part, "dayword": _read_day_word,
    "weekend": _read_weekend, "monthdecade": _read_month_decade,
    "yearword": _read_year_word, "dayperiod": _read_day_period, "season": _read_season,
    "period": _read_period,
}


_NUMBER_START = re.compile(r"(?<![\w\d])\d")


def scan(text: str) -> list[DateMention]:
    """Return the date mentions of ``text`` in order, each pattern tried where it can start."""
    lowered = list(map(str.lower, LETTER_RUN.findall(text)))
    present = set(lowered)
    positions: list[int] | None = None
    digits: list[int] | None = None
    found: list[tuple[int, int, int, DateMention]] = []
    for rank, (kind, pattern) in enumerate(date_patterns()):
        starts = None
        if kind in DIGIT_PATTERNS:
            if digits is None:
                digits = _digit_starts(text)
            starts = digits
        elif kind in WORD_PATTERNS:
            trig = triggers()[kind]
            if trig.isdisjoint(present):
                continue
            hits = [i for i, w in enumerate(lowered) if w in trig]
            if positions is None:
                positions = [m.start() for m in LETTER_RUN.finditer(text)]
            # «неделю-две недели назад», «во втором и третьем кварталах»: more words back
            back = {"ago": 3, "yearpart": 4}.get(kind, 2)
            starts = sorted({positions[j] for i in hits for j in range(i - back, i + 1) if j >= 0})
            if kind in ("ago", "yearpart"):  # «2 недели назад», «в 1-м квартале»: a number too
                digits = _digit_starts(text) if digits is None else digits
                before = {d for d in digits if any(0 <= p - d <= 20 for p in starts)}
                starts = sorted(set(starts) | before)
        for m in _matches(pattern, text, starts):
            mention = read_mention(kind, m)
            if mention is not None:
                found.append((mention.start, -(mention.end - mention.start), rank, mention))
    return select(text, found)


def _digit_starts(text: str) -> list[int]:
    """Where a number starts in ``text``."""
    return [m.start() for m in _NUMBER_START.finditer(text)]


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


def select(text: str, found: list[tuple[int, int, int, DateMention]]) -> list[DateMention]:
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
            and prev.kind == "weekday"  # (в это воскресенье, 11 августа: the date written)
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
    """Keep, of overlapping mentions, the leftmost, then the longest, then the earlier pattern's.

    ``found`` holds ``(start, -length, rank, mention)`` tuples.
    """
    found.sort(key=lambda t: (t[0], t[1], t[2]))
    kept: list[DateMention] = []
    last_end = -1
    for start, _, _, mention in found:
        if start >= last_end:
            kept.append(mention)
            last_end = mention.end
    return kept
