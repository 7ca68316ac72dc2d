"""The word lists the speaker rules read, each read once from :mod:`presslens.lexicon`.

* :func:`role_words`: role nouns (``генсек``, ``речник``), their modifiers, the posts one
  person holds at a time and the generic nouns that fit anyone (``speakers_roles.json``);
* :func:`media_names` and :func:`is_media`: media, news agencies and staff nouns that are never
  a speaker (``speakers_media.txt``);
* :func:`norm`: the spelling every list is compared in (lower case, е for ё, one apostrophe);
* :data:`PRONOUNS` that stand for a speaker and the capitalised words :data:`NOT_PEOPLE`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from presslens.lexicon import read_json, read_words

__all__ = ["NOT_PEOPLE", "ORG_WORD", "PRONOUNS", "is_media", "media_names", "norm", "role_words"]

#: Personal pronouns that can stand for a speaker, with the gender they carry.
PRONOUNS = {
    **dict.fromkeys(("он", "він", "его", "його"), "masc"),
    **dict.fromkeys(("она", "вона", "её", "ее", "її"), "femn"),
    **dict.fromkeys(("они", "вони"), "plur"),
}

# Capitalised words that are not people even where the dictionary is unsure, and the pronouns
# (the dictionary has a surname Вона: «Вона розповіла» names no one).
NOT_PEOPLE = frozenset([*"""
    альянс кремль госдеп госдепартамент запад восток белый дом пентагон рада верховная
    евросоюз украина россия европа америка москва киев київ брюссель женева вашингтон
    правительство уряд министерство міністерство президент генсек глава совет рада кабмин
    бог господь интернет covid ковид читайте также фото видео источник джерело реклама
    нато оон обсе сша рф мид мзс белый білий біле ради раді радою рады раде радой
    оно они воно вони""".split(), *PRONOUNS])

#: A capitalised word built as a company's name, never a surname: Укр… (Укренерго,
#: Укрзалізниця, not Українець), …газ, …банк, …енерго, …атом, …пром, …телеком, …пошта.
ORG_WORD = re.compile(
    r"^укр(?!аин|аїн)|[а-яіїє]{3}(?:газ|банк|энерго|енерго|атом|пром|телеком|пошт|почт)"
    r"[а-яіїє]{0,3}$"
)


def norm(text: str) -> str:
    """Return ``text`` in lower case with е for ё and one apostrophe, stripped."""
    return (
        text.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'").replace("`", "'").strip()
    )


@lru_cache(maxsize=1)
def role_words() -> dict:
    """Return the role lexicon with its lists folded into sets (``heads_set``, ``fold`` …)."""
    data = dict(read_json("speakers_roles.json"))  # a copy: keys are added below
    fold = {}
    for group in data["equivalent"]:
        for item in group:
            fold[norm(item)] = norm(group[0])
    data["fold"] = fold
    data["heads_set"] = frozenset(norm(h) for h in data["heads"])
    data["mods_set"] = frozenset(norm(m) for m in data["modifiers"])
    data["unique_set"] = frozenset(norm(m) for m in data["unique"])
    data["generic_set"] = frozenset(norm(m) for m in data["generic"])
    data["leads_set"] = frozenset(norm(m) for m in data["leads"])
    return data


@lru_cache(maxsize=1)
def media_names() -> tuple[frozenset[str], frozenset[str]]:
    """Return the media names and the first words of those names, normalised."""
    names, first_words = set(), set()
    for line in read_words("speakers_media.txt"):
        names.add(norm(line))
        first_words.add(norm(line.split()[0]))
    return frozenset(names), frozenset(first_words)


_MEDIA_ENDING = re.compile(r"(ами|ям|ом|ем|ой|ою|ей|ій|ії|у|ю|а|я|е|і|и|ы)$")


@lru_cache(maxsize=20_000)
def is_media(text: str) -> bool:
    """Tell whether ``text`` is the name of a medium or news agency (or a staff noun)."""
    names, _ = media_names()
    low = norm(text.strip('«»"“”„ '))
    if low in names or (bool(re.fullmatch(r"[A-Za-z][\w .&-]*", low)) and len(low) > 1):
        return True
    # an inflected name: «Коммерсанту», «Известиям», «Українській правді»
    words = low.split()
    if not words or len(words) > 4:
        return False
    stems = [re.sub(_MEDIA_ENDING, "", w) if len(w) > 4 else w for w in words]
    return any(
        len(name.split()) == len(words)
        and all(n.startswith(st) for n, st in zip(name.split(), stems, strict=True))
        for name in names
    )
