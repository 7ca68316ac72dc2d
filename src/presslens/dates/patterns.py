"""The regular expressions of date phrases, in the order they are tried, and their trigger words.

:func:`date_patterns` lists ``(kind, pattern)`` pairs: numbers first (12.01.2022, 10-13 января),
then years, then words relative to the publication date (вчера, на следующей неделе). Of
overlapping matches the earlier pattern wins a tie (:func:`presslens.dates.parse.scan`).

A pattern tried at every position of an article costs more than everything else dates do, so
the patterns that open with a number are tried where a number starts (:data:`DIGIT_PATTERNS`),
and the others, long alternations of words, only where one of their words stands
(:data:`WORD_PATTERNS`, :func:`triggers`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from presslens.dates.words import alt, season_modifiers, seasons, tables, words

__all__ = ["DIGIT_PATTERNS", "LETTER_RUN", "WORD_PATTERNS", "date_patterns", "triggers"]

#: Pattern kind → the keys of the date words whose words may open it (the word itself, or the
#: one or two words before it: a preposition, a modifier).
WORD_PATTERNS = {"month": ("months",), "monthrange": ("months",), "edgeyear": ("year_edges",),
                 "yearword": ("year_adverbs",), "dayperiod": ("day_periods",),
                 "season": ("seasons",), "weekend": ("weekend",), "ago": ("ago_words",),
                 "ahead": ("ahead_words",),
                 "weekday": ("weekdays", "weekday_modifiers"),
                 "en_date": ("months_en",),
                 "relative": ("relative_days",), "period": ("periods", "period_modifiers"),
                 "periodedge": ("period_edges",), "yearpart": ("year_parts",),
                 "dayword": ("day_ordinals",), "monthdecade": ("month_decades",)}
#: The pattern kinds that open with a number: tried only where a number starts.
DIGIT_PATTERNS = frozenset(
    {"numeric", "iso", "range2", "date", "date_en", "decade", "yearrange", "yearpair", "year",
     "shortyear"}
)
#: A run of letters.
LETTER_RUN = re.compile(r"[^\W\d_]+")


class _Pieces(NamedTuple):
    """Fragments the patterns are built of."""

    b: str  # no letter or digit before
    e: str  # no letter or digit after
    prep: str  # an optional в / во / у / на
    mon: str  # a month name
    mon_d: str  # a month name, or an abbreviation after a day
    en: str  # an English month name
    decade: str  # -х, -е, -ті …
    yw: str  # год / року …
    dash: str  # between the days of a range
    year: str  # an optional year after a day and month
    wd: str  # a weekday
    wm: str  # a weekday modifier


def _pieces() -> _Pieces:
    """Build the fragments from the date words."""
    w = words()
    weekday_of, wmod = tables().weekday_of, tables().weekday_mods
    mon = alt(f for forms in w["months"].values() for f in forms)
    # an abbreviation (11 янв., 17 лют.) needs a day before it and a dot or a year after it
    abbr = alt(f for forms in w["month_abbreviations"].values() for f in forms)
    # … and in a dateline (`МОСКВА, 28 авг — РИА Новости`) a dash or a comma after it
    # after a day, a month in capitals too (01 СЕНТЯБРЯ 2017 ГОДА)
    mon_d = rf"(?i:{mon}(?![\w\d])|{abbr}(?:\.|(?=\s+\d{{4}})|(?=\s*[,—–-]\s)))"
    en = "(?i:" + alt(f for forms in w["months_en"].values() for f in forms) + ")"
    yw = alt(w["year_words"])
    return _Pieces(
        b=r"(?<![\w\d])",
        e=r"(?![\w\d])",
        prep=r"(?:(?:[вВ]|[вВ]о|[уУ]|[нН]а)\s+)?",
        mon=mon,
        mon_d=mon_d,
        en=en,
        decade=alt(w["decade_suffixes"]),
        yw=yw,
        dash=r"\s*(?:[-–—−]|по|до|і|и|та)\s*",
        year=rf"(?:\s+(?P<y>\d{{4}})(?:\s*{yw})?)?",
        wd=alt(list(weekday_of) + [f.replace("'", "’") for f in weekday_of]),
        wm=alt(wmod),
    )


@lru_cache(maxsize=1)
def date_patterns() -> list[tuple[str, re.Pattern]]:
    """Return the ``(kind, pattern)`` pairs of date phrases, in the order they are tried."""
    p = _pieces()
    return [*_day_patterns(p), *_year_patterns(p), *_relative_patterns(p)]


def _day_patterns(p: _Pieces) -> list[tuple[str, re.Pattern]]:
    """Days written with numbers: 12.01.2022, 2022-01-12, 10-13 января, 21 January 2022."""
    b, e, prep, mon, mon_d, en, year = p.b, p.e, p.prep, p.mon, p.mon_d, p.en, p.year
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
        # з лютого по вересень 2025 року, с января до марта
        (
            "monthrange",
            re.compile(rf"{b}(?i:з|із|с|от|від)\s+(?P<mon>{mon})\s+(?:по|до)\s+(?P<mon2>{mon}){e}{year}"),
        ),
        (
            "range2",
            re.compile(
                rf"{b}(?P<d>\d{{1,2}})\s+(?P<mon>{mon_d})\s*(?:[-–—−]|\s(?:до|по)\s)\s*"
                rf"(?P<d2>\d{{1,2}})\s+"
                rf"(?P<mon2>{mon_d}){year}"
            ),
        ),
        # a night across two days: (в ночь) с 10 на 11 марта, з 10 на 11 березня
        (
            "date",
            re.compile(rf"{b}(?P<d>\d{{1,2}})\s+на\s+(?P<d2>\d{{1,2}})\s+(?P<mon>{mon_d}){year}"),
        ),
        (
            "date",
            re.compile(
                rf"{b}(?P<d>\d{{1,2}})(?:-?(?:го|е|ого))?(?:{p.dash}(?P<d2>\d{{1,2}}))?\s+"
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
    ]


def _year_patterns(p: _Pieces) -> list[tuple[str, re.Pattern]]:
    """Decades, months and years: в 1990-х, в декабре, 1975 года, у 2004 Ющенко, до 2030-го."""
    b, e, prep, mon, yw, year = p.b, p.e, p.prep, p.mon, p.yw, p.year
    return [
        # decades: в 1990-х годах, 2000-е, у 90-ті роки
        (
            "decade",
            re.compile(rf"{b}(?P<y>(?:1[89]|20)?\d0)-?(?P<suffix>{p.decade}){e}(?:\s*{yw})?"),
        ),
        ("month", re.compile(rf"{b}{prep}(?P<mon>{mon}){e}{year}")),
        (
            "yearrange",
            # (the second year may keep its last two digits: 1932-33 років)
            re.compile(
                rf"{b}(?P<y>(?:1[89]|20)\d\d)\s*[-–—]\s*(?P<y2>(?:1[89]|20)\d\d|\d\d)\s*{yw}"),
        ),
        # two years in a row, a season's or a school year's: сезон 2025-2026, 2019/2020
        ("yearpair", re.compile(rf"{b}(?P<y>(?:19|20)\d\d)\s*[-–—/]\s*(?P<y2>(?:19|20)\d\d){e}")),
        # a year by its last two digits with its ordinal ending: бюджет 26-го года
        ("shortyear", re.compile(rf"{b}(?P<yy>\d\d)-(?:го|м|й)\s+(?:года|году|року|році){e}")),
        # a year alone in brackets, as after a title: «Пекін» (2008)
        ("year", re.compile(r"(?<=\()(?P<y>(?:19|20)\d\d)(?=\))")),
        # years in brackets, as after a name: Дмитро Юденко (1986-2023)
        (
            "yearrange",
            re.compile(r"(?<=\()(?P<y>(?:1[89]|20)\d\d)\s*[-–—]\s*(?P<y2>(?:1[89]|20)\d\d)(?=\))"),
        ),
        ("year", re.compile(rf"{b}(?P<y>(?:1[89]|20)\d\d)(?:-?(?:м|й|го|му))?\s*{yw}")),
        # the year word cut to a letter without its dot: «(в 2014 р – 43 ц/га)»
        ("year", re.compile(rf"{b}(?P<y>(?:1[89]|20)\d\d)\s+[рг](?![\w.])")),
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
                rf"{b}(?i:{alt(words()['year_edges'])})\s+(?P<y>(?:1[89]|20)\d\d){e}(?!\s*[-–—])"
                rf"(?:\s*{yw})?"
            ),
        ),
    ]


def _relative_patterns(p: _Pieces) -> list[tuple[str, re.Pattern]]:
    """Days and periods relative to the publication date: в среду, вчера, год назад, летом."""
    w, t = words(), tables()
    b, e, prep = p.b, p.e, p.prep
    unit_of = {f: u for u, forms in w["ago_units"].items() for f in forms}
    pmod, period_of = alt(t.period_mods), alt(t.period_of)
    ordinals = alt(f for forms in w["part_ordinals"].values() for f in forms)
    decades = alt(f for forms in w["month_decades"].values() for f in forms)
    parts = alt(f for forms in w["year_parts"].values() for f in forms)
    seasonal = f"{pmod}|{alt(list(season_modifiers()))}"
    ic = re.IGNORECASE
    return [
        ("weekday", re.compile(rf"{b}{prep}(?:(?P<wm>{p.wm})\s+)?(?P<wd>{p.wd}){e}", ic)),
        ("relative", re.compile(rf"{b}(?P<rel>{alt(w['relative_days'])}){e}", ic)),
        ("yearword", re.compile(rf"{b}(?P<yw>{alt(w['year_adverbs'])}){e}", ic)),
        # за минулу добу, за минувшие сутки: the last 24 hours
        ("dayperiod", re.compile(
            rf"{b}(?:(?:за|в|у|протягом|в течение)\s+)?"
            rf"(?P<dm>{alt(w['day_period_modifiers'])})\s+(?P<dp>{alt(w['day_periods'])}){e}", ic)),
        # a span back from the publication day: год назад, три дні тому, 2 недели назад
        ("ago", re.compile(
            rf"{b}(?:(?P<n0>\d{{1,2}}|{alt(w['small_numbers'])}|{alt(unit_of)})\s*[-–—]\s*)?"
            rf"(?:(?P<n>\d{{1,2}}|{alt(w['small_numbers'])})\s+)?"
            rf"(?P<unit>{alt(unit_of)})\s+(?:{alt(w['ago_words'])}){e}", ic)),
        # a span ahead of the publication day: через три недели, через 10 років
        ("ahead", re.compile(
            rf"{b}(?:{alt(w['ahead_words'])})\s+(?:(?P<n>\d{{1,2}}|{alt(w['small_numbers'])})\s+)?"
            rf"(?P<unit>{alt(unit_of)}){e}(?!\s+(?:после|після|от|від|с|з)\b)", ic)),
        # an edge of a period: до конца года, з початку тижня, в конце этого месяца
        ("periodedge", re.compile(
            rf"{b}(?P<pp>до|с|со|з|із|к|в|во|у|на|по)\s+(?P<edge>{alt(w['period_edges'])})\s+"
            rf"(?:(?P<pm>{pmod})\s+)?(?P<per>{period_of}){e}", ic)),
        # a quarter or a half of a year: в первом квартале, за перше півріччя 2016 року
        ("yearpart", re.compile(
            rf"{b}(?P<ord>{ordinals})(?:\s*(?:и|і|та|[-–])\s*(?P<ord2>{ordinals}))?"
            rf"\s+(?P<part>{parts}){e}{p.year}", ic)),
        # a third or a half of a month: в первой декаде октября, у третій декаді травня 2019
        # року, в первой половине января
        ("monthdecade", re.compile(
            rf"{b}(?:(?:в|во|у|на|за)\s+)?(?P<dec>{decades})"
            rf"\s+(?P<part>декад|половин)[еуаыиі]\s+(?P<mon>{p.mon}){e}{p.year}", ic)),
        # a day written as an ordinal: первого декабря, двадцять п'ятого травня
        ("dayword", re.compile(
            rf"{b}(?P<dw>{alt(w['day_ordinals'])})\s+(?P<mon>{p.mon}){e}{p.year}", ic)),
        # the weekend: на выходных, на минулих вихідних, найближчими вихідними
        ("weekend", re.compile(
            rf"{b}(?:(?:на|у|в|з|с|за|після|после)\s+)?(?:(?P<wm>{alt(w['weekend_modifiers'])})\s+)?"
            rf"(?P<we>{alt(w['weekend'])}){e}", ic)),
        # seasons: летом, прошлой зимой, наступного літа, за лето, у кінці весни (the season),
        # весной 2014 года (that year's; winter: from the December before)
        ("season", re.compile(
            rf"{b}(?P<since>(?:с|з|від|со)\s+(?:начала|початку)\s+)?"
            rf"(?P<edge>(?:(?:в|у|на)\s+(?:конце|начале|середине|кінці|початку|середині)|"
            rf"до\s+(?:конца|кінця))\s+)?"
            rf"(?:(?P<pp>за|в|у|на|до|с|з|к)\s+)?"
            rf"(?:(?P<pm>{seasonal})\s+)?(?P<season>{alt(seasons())}){e}{p.year}", ic)),
        # на следующей неделе; two weeks at once: на прошлой и позапрошлой неделе
        ("period", re.compile(rf"{b}{prep}(?P<pm>{pmod})(?:\s+(?:и|і|та)\s+(?P<pm2>{pmod}))?"
                              rf"\s+(?P<per>{period_of}){e}", ic)),
    ]


@lru_cache(maxsize=1)
def triggers() -> dict[str, frozenset[str]]:
    """Return the letter runs of every word a word pattern can match, lower-cased, per kind."""
    w = words()
    out = {}
    for kind, keys in WORD_PATTERNS.items():
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
                    runs.update(r.lower() for r in LETTER_RUN.findall(form))
        out[kind] = frozenset(runs)
    return out
