"""Names as keys and in Latin letters: one key per surname, one display name per person.

* :func:`name_key` folds a surname to a loose stem shared by its cases and by its Russian and
  Ukrainian spellings (Столтенберга, Столтенбергові → ``столтенберг``; Блинкен, Блінкен →
  ``блинкен``), so one person gets one key; :func:`first_key` keeps apart people with one
  surname by the initial of their first name.
* :func:`transliterate` writes a name in Latin letters (Russian BGN/PCGN-like, Ukrainian
  national 2010 system by ``translitua``); :func:`display_name` prefers a small table
  (``speakers_names.csv``) of names whose usual English spelling differs (``Jens Stoltenberg``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from translitua import UkrainianKMU, translit

from presslens.lexicon import read_rows
from presslens.text import _morph

__all__ = [
    "ENDINGS", "display_name", "first_key", "fold_letters", "name_key", "nominative_name",
    "plural_name", "transliterate",
]

_FOLD = str.maketrans(
    {"ё": "е", "э": "е", "є": "е", "і": "и", "ї": "и", "ы": "и", "й": "и", "ґ": "г", "'": None}
)
_FOLD.update({ord("ь"): None, ord("ъ"): None, ord("’"): None, ord("ʼ"): None})
ENDINGS = sorted(
    "ого ему ому ими ими ая ую ою ею ои еи ом ем ам ям ах ях ии им ови еви а я у ю е и".split(),
    key=len,
    reverse=True,
)


def fold_letters(word: str) -> str:
    """Fold a word to letters shared by Russian and Ukrainian spelling (і→и, є→е, ы→и …)."""
    return word.lower().translate(_FOLD)


@lru_cache(maxsize=100_000)
def name_key(surname: str) -> str:
    """Return the loose stem that identifies a surname across cases and languages.

    Parameters
    ----------
    surname : str
        A surname in any case, in Russian or Ukrainian spelling.

    Returns
    -------
    str
        Folded letters without the case ending: ``name_key("Столтенберга") ==
        name_key("Столтенберг") == "столтенберг"``, ``name_key("Блінкена") == "блинкен"``.
    """
    word = fold_letters(surname.split()[-1]) if surname.split() else ""
    word = re.sub(r"[^a-zа-я\-]", "", word)
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def first_key(first_name: str | None) -> str | None:
    """Return the initial that tells people with one surname apart (same in ru and uk).

    Йенс and Єнс share ``е``; Александр and Олександр share ``а``.
    """
    if not first_name:
        return None
    ch = fold_letters(first_name)[:1]
    return {"о": "а", "и": "е"}.get(ch, ch) if first_name[:1] in "ЙЄйєОоАа" else ch

_RU = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True,
    )
)


def transliterate(text: str, language: str | None = None) -> str:
    """Write Cyrillic ``text`` in Latin letters.

    Ukrainian follows the national standard of 2010 (KMU resolution 55) as the ``translitua``
    package implements it; Russian a BGN/PCGN-like spelling of English-language news (Sergey,
    Navalny, Efimova), for which no package has a scheme (see the README).

    Parameters
    ----------
    text : str
        A name or any text.
    language : {"ru", "uk"} or None
        The spelling system; None guesses ``uk`` from і/ї/є/ґ, else ``ru``.

    Returns
    -------
    str
        ``transliterate("Сергей Рябков") == "Sergey Ryabkov"``,
        ``transliterate("Сергій Рябков", "uk") == "Serhii Riabkov"``.
    """
    if language is None:
        language = "uk" if re.search("[іїєґІЇЄҐ]", text) else "ru"
    if language == "uk":
        return translit(text, UkrainianKMU)
    return _russian(text, language == "ru")


def _russian(text: str, rules: bool = True) -> str:
    """Write Russian ``text`` in Latin letters (``rules``: the е, ий and ый spellings too)."""
    out = []
    for i, ch in enumerate(text):
        low = ch.lower()
        prev = text[i - 1] if i else " "
        nxt = text[i + 1].lower() if i + 1 < len(text) else " "
        if low not in _RU:
            out.append(ch)
            continue
        if rules and low == "е" and (not prev.isalpha() or prev.lower() in "аеёиоуыэюяьъ"):
            latin = "ye" if prev.isalpha() else "e"  # Elena at the start, Sergeyev after a vowel
        elif rules and low == "и" and nxt == "й" and i + 2 == len(text.split()[-1]):
            latin = "i"
        else:
            latin = _RU[low]
        latin = latin.replace("_", "")
        if rules and low == "й" and prev.lower() == "и":
            latin = "y"
        if ch.isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
    return re.sub(r"yy\b", "y", "".join(out))  # Navalnyy → Navalny


def display_name(first: str | None, surname: str, language: str | None = None) -> str:
    """Return the Latin display name of a person: the table's spelling, else a transliteration.

    Parameters
    ----------
    first : str or None
        The first name in the nominative, when the text gives it.
    surname : str
        The surname in the nominative.
    language : {"ru", "uk"} or None
        The spelling of the name.

    Returns
    -------
    str
        ``display_name("Йенс", "Столтенберг") == "Jens Stoltenberg"``.
    """
    known = _display_table().get(name_key(surname))
    if known:
        return known
    full = f"{first} {surname}" if first else surname
    return transliterate(full, language)


@lru_cache(maxsize=1)
def _display_table() -> dict[str, str]:
    """The usual English spelling of well-known people, by surname key."""
    return {name_key(row["surname"]): row["display"] for row in read_rows("speakers_names.csv")}


def plural_name(word: str, language: str | None) -> bool:
    """Whether the dictionary reads an -ов/-ин surname only as a first name's plural."""
    names = [p for p in _morph.parses(word, language) if "Name" in p.tags]
    return bool(names) and all("plur" in p.tags for p in names) and bool(
        re.search(r"(ов|ев|ёв|ин|ын)$", word))


_CASE_GENDER = frozenset("gent datv accs ablt loct masc femn".split())


def nominative_name(word: str, language: str | None, surname: str | None = None) -> str:
    """Return the nominative of a name form when the grammar says so, else the form itself;
    a first name before a declined ``surname`` is read in the surname's case and gender
    (Олександра Ткаченка → Олександр)."""
    if surname is not None and not _morph.can_be_case(surname, language, "nomn", names_only=True):
        shared = {frozenset(p.tags & _CASE_GENDER) for p in _morph.parses(surname, language)
                  if "Surn" in p.tags and len(p.tags & _CASE_GENDER) == 2}
        found = [p for p in _morph.parses(word, language) if "Name" in p.tags
                 and "plur" not in p.tags and frozenset(p.tags & _CASE_GENDER) in shared]
        if found:
            return found[0].normal[:1].upper() + found[0].normal[1:]
    if _morph.can_be_case(word, language, "nomn", names_only=True) or plural_name(word, language):
        return word
    reading = _morph.name_reading(word, language)
    if reading is not None and _morph.is_known(word, language):
        normal = reading.normal
        if "femn" in reading.tags and language != "uk" and re.search(r"(ов|ев|ин|ын)$", normal):
            normal += "а"
        return normal[:1].upper() + normal[1:]
    stem = name_key(word)
    low = word.lower()
    adjective = re.search(r"(ск|цк|зьк|ськ|цьк)(ого|ому|им|ім|ом)$", low)
    if adjective:
        return word[: adjective.start(2)] + "ий"  # Зеленського → Зеленський
    # the stem of an unknown word is the nominative of a consonant-final surname
    for ending in ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            return word[: -len(ending)]
    return stem[:1].upper() + stem[1:]


#: A capitalised word right after «в», «во», «у» or «на».
_AFTER_IN = re.compile(
    r"(?<![^\W\d_])(?:[вВуУ]|[вВ]о|[нН]а) ([А-ЯЁІЇЄҐ][^\W\d_]*(?:['’ʼ-][^\W\d_]+)*)")


def place_keys(text: str, language: str | None) -> set[str]:
    """The name keys of capitalised words a text uses as places: right after «в», «во», «у»
    or «на» in the locative (``у Львові``, ``во Львове``) or as a place the dictionary knows
    (``во Львов``); a person is never «in» a surname, so those words alone are no people."""
    return {name_key(w) for w in {m.group(1) for m in _AFTER_IN.finditer(text)}
            if any("loct" in p.tags or "Geox" in p.tags for p in _morph.parses(w, language))}
