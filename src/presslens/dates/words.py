"""The words of dates (months, weekdays, seasons, periods, modifiers) from the lexicon.

Every word list lives in ``resources/dates_words.json`` (:mod:`presslens.lexicon`); this module
reads it once and turns it into the look-up tables the patterns and the parser share.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from presslens.lexicon import read_json

__all__ = ["SEASON_ADVERBS", "Tables", "alt", "count_of", "season_modifiers", "seasons",
           "tables", "words"]

#: Season words that can open a sentence and still mean the season (``Летом …``).
SEASON_ADVERBS = frozenset(
    "зимой зимою весной весною летом осенью взимку узимку навесні влітку улітку восени".split()
)


class Tables(NamedTuple):
    """Word → number look-ups of the date words."""

    month_of: dict[str, int]  # month names, English names and abbreviations → 1..12
    weekday_of: dict[str, int]  # weekday forms (apostrophe ``'``) → 0..6
    weekday_mods: dict[str, int]  # прошлый / этот / следующий → -1, 0, 1
    period_mods: dict[str, int]  # the same for a week, month or year
    period_of: dict[str, str]  # period words → week, month, year


@lru_cache(maxsize=1)
def words() -> dict:
    """Return the date words of ``resources/dates_words.json``, by kind."""
    return read_json("dates_words.json")


def alt(forms) -> str:
    """Return a regular-expression alternation of ``forms``, the longest first."""
    ordered = sorted({re.escape(f) for f in forms}, key=len, reverse=True)
    return "(?:" + "|".join(ordered) + ")"


@lru_cache(maxsize=1)
def tables() -> Tables:
    """Return the look-ups of months, weekdays, their modifiers and the periods."""
    w = words()
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
    return Tables(month_of, weekday_of, wmod, pmod, period_of)


@lru_cache(maxsize=1)
def seasons() -> dict[str, int]:
    """Return each season word, lower-cased, with the month its season starts in."""
    return {form: int(m) for m, forms in words()["seasons"].items() for form in forms}


@lru_cache(maxsize=1)
def season_modifiers() -> dict[str, int]:
    """Return the adjective forms that agree with a season noun (прошлым летом, наступного літа)."""
    return {form: int(k) for k, forms in words()["season_modifiers"].items() for form in forms}


def count_of(word: str | None) -> int:
    """Return a count written in digits or as a small number word (a unit alone, ``неделю``: 1)."""
    if word and word.isdigit():
        return int(word)
    return words()["small_numbers"].get((word or "").lower(), 1)
