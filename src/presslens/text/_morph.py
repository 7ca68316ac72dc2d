"""Grammatical features of single words (case, gender, tense) for statements and dates.

:mod:`presslens.text.lemmas` gives lemmas; attribution and date resolution also need the grammemes
pymorphy3 reads off a word form (is it a surname, can it be nominative, is the verb past or
future). This private helper asks pymorphy3 for them, one cached analysis per (form, language).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from presslens.text.lemmas import analyzer as _analyzer  # one analyser per language, shared

_SURNAME_SHAPE = re.compile(r"(ов|ев|ёв|ин|ын|ів|їв)$")
NAME_TAGS = frozenset({"Surn", "Name", "Patr"})
PLACE_TAGS = frozenset({"Geox", "Orgn", "Abbr"})


@dataclass(frozen=True)
class Parse:
    """One reading of a word form: its normal form, part of speech and grammemes."""

    normal: str
    pos: str
    tags: frozenset[str]
    score: float


#: Word forms remembered per table (then forgotten and relearnt): a bound on memory.
FORMS_PER_TABLE = 1_000_000
_TABLES: dict[tuple[str, str | None], dict[str, str]] = {}


def per_form(kind: str, language: str | None, words: list[str], compute) -> list[str]:
    """Return ``compute(word)`` for every word, each distinct form computed once per process.

    Known forms are looked up all at once (a dictionary, at C speed); only new forms call
    ``compute``, which must return a string (``""`` for "nothing"). ``kind`` names the table
    (one per question asked of a word, per language).
    """
    table = _TABLES.setdefault((kind, language), {})
    found = list(map(table.get, words))
    if None in found:
        if len(table) > FORMS_PER_TABLE:
            table.clear()
        for i, word in enumerate(words):
            if found[i] is None:
                found[i] = table[word] = compute(word)
    return found


def _lang(language: str | None) -> str:
    return "uk" if language == "uk" else "ru"


@lru_cache(maxsize=200_000)
def parses(word: str, language: str | None) -> tuple[Parse, ...]:
    """Return every pymorphy3 reading of ``word`` (apostrophes and ё normalised)."""
    form = word.replace("’", "'").replace("ʼ", "'").replace("ё", "е").replace("Ё", "Е")
    out = []
    for p in _analyzer(_lang(language)).parse(form):
        grammemes = frozenset(str(p.tag).replace(" ", ",").split(","))
        out.append(Parse(p.normal_form, str(p.tag.POS or ""), grammemes, float(p.score)))
    return tuple(out)


@lru_cache(maxsize=200_000)
def is_known(word: str, language: str | None) -> bool:
    """Tell whether the dictionary knows ``word`` (lower-cased)."""
    form = word.lower().replace("’", "'").replace("ʼ", "'").replace("ё", "е")
    return bool(_analyzer(_lang(language)).word_is_known(form))


def common_lemma(word: str, language: str | None) -> str:
    """Return the lemma of ``word`` read as a common word (lower-cased first)."""
    found = parses(word.lower(), language)
    return found[0].normal.replace("ё", "е") if found else word.lower()


def verb_tense(word: str, language: str | None) -> str | None:
    """Return ``"past"``, ``"future"`` or ``"present"`` for a finite verb form, else None."""
    found = parses(word.lower(), language)
    if not found or found[0].pos != "VERB":
        return None  # not a verb, or a verb only in a rarer reading (складу, стали …)
    best = found[0]
    if "past" in best.tags:
        return "past"
    if "futr" in best.tags:
        return "future"
    if "pres" in best.tags:
        return "present"
    return None


def is_infinitive(word: str, language: str | None) -> bool:
    """Tell whether the most likely reading of ``word`` is an infinitive."""
    found = parses(word.lower(), language)
    if not found:
        return False
    best = found[0]
    # the Ukrainian dictionary tags an infinitive as a VERB with no tense: its own lemma
    return best.pos == "INFN" or "infn" in best.tags or (
        best.pos == "VERB" and not {"past", "futr", "pres"} & best.tags
        and best.normal == word.lower()
    )


def can_be_case(word: str, language: str | None, case: str, names_only: bool = False) -> bool:
    """Tell whether some reading of ``word`` is in ``case`` (e.g. ``"nomn"``)."""
    found = parses(word, language)
    if names_only:
        named = [p for p in found if p.tags & NAME_TAGS]
        if not named and case == "nomn" and _SURNAME_SHAPE.search(word.lower()):
            return True  # Рябков, Песков: read by the dictionary as a plural genitive
        # a person is one: a plural (Луки: of Лука, or of лук) is no name's nominative
        found = (tuple(p for p in named if "plur" not in p.tags) or tuple(named)
                 or tuple(p for p in found if "plur" not in p.tags) or found)
    if not found:
        return True
    return any(case in p.tags for p in found) or all(
        not ({"nomn", "gent", "datv", "accs", "ablt", "loct"} & p.tags) for p in found
    )


def name_reading(word: str, language: str | None) -> Parse | None:
    """Return the best reading of ``word`` as a first name, surname or patronymic, if any."""
    for p in parses(word, language):
        if p.tags & NAME_TAGS:
            return p
    return None


def is_place(word: str, language: str | None) -> bool:
    """Tell whether the best proper reading of ``word`` is a place or an organisation."""
    found = parses(word, language)
    if not found:
        return False
    proper = [p for p in found if p.tags & (NAME_TAGS | PLACE_TAGS)]
    return bool(proper) and not (proper[0].tags & NAME_TAGS)


def gender(word: str, language: str | None) -> str | None:
    """Return ``"masc"`` or ``"femn"`` from the best name reading (or verb form) of ``word``.

    A name reading whose normal form is the word itself wins (Юлія is a woman's name, not a
    case of Юлій).
    """
    found = parses(word, language)
    own = [p for p in found if p.tags & NAME_TAGS and p.normal == word.lower().replace("ё", "е")]
    for p in own:
        if "femn" in p.tags:
            return "femn"
        if "masc" in p.tags:
            return "masc"
    for p in found:
        if p.tags & NAME_TAGS or p.pos == "VERB":
            if "femn" in p.tags:
                return "femn"
            if "masc" in p.tags:
                return "masc"
    return None


def nominative(word: str, language: str | None) -> str:
    """Put a noun or adjective in the nominative singular, keeping a leading capital."""
    form = word.replace("’", "'").replace("ʼ", "'")
    for p in _analyzer(_lang(language)).parse(form):
        if p.tag.POS in ("NOUN", "ADJF") and p.tag.case != "nomn":
            if p.tag.POS == "NOUN":
                out = p.normal_form  # a noun's normal form is its nominative singular
            else:
                found = p.inflect({"nomn", "sing"}) or p.inflect({"nomn"})
                out = found.word if found is not None else word.lower()
            return out[:1].upper() + out[1:] if word[:1].isupper() else out
        if p.tag.POS in ("NOUN", "ADJF"):
            break
    return word
