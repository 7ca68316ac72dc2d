"""One canonical speaker per person across articles, cases, spellings and languages.

People are grouped by the loose stem of their surname
(:func:`presslens.statements.names.name_key`), so Столтенберг, Столтенберга and Столтенбергові
are one person, and Блинкен and Блінкен too. When a corpus names two people with one surname and
different first names (Виталий and Владимир Кличко), their first names keep them apart (a first
name matches its other spelling: Владимир = Володимир), and a surname alone goes to the one the
article named last in full, or else to the one named more often. Each person gets a Latin display
name: the usual English spelling from ``speakers_names.csv`` when listed, else a transliteration
of the name as written.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from functools import lru_cache

import pandas as pd

from presslens.statements.names import (
    display_name,
    first_key,
    fold_letters,
    name_key,
    transliterate,
)
from presslens.text import _morph

__all__ = ["UNKNOWN", "canonical_speakers", "same_first_name"]

UNKNOWN = "unknown"


def _language(word: str) -> str:
    return "uk" if re.search("[іїєґІЇЄҐ]", word) else "ru"


def _best_form(forms: list[tuple[str, bool]]) -> str:
    """Pick the form seen most often where the mention was a subject (nominative), then the
    one that reads as a nominative, then the shortest."""
    counts = Counter(form for form, _ in forms)
    subject = Counter(form for form, nominative in forms if nominative)

    def rank(form: str):
        nominative = _morph.can_be_case(form, _language(form), "nomn", names_only=True)
        return (-subject[form], not nominative, len(form), -counts[form], form)

    return sorted(counts, key=rank)[0]


#: How alike (difflib ratio) two folded first names are when they are one name: the two
#: spellings of the names of ru/uk news are 0.80 or more alike (Павел, Павло; Татьяна,
#: Тетяна), two names sharing an initial mostly less (Олександр, Олексій 0.71) …
_SAME_FIRST_NAME = 0.78
#: … unless short or translated, with their first two letters and their length alike (Гліб,
#: Глеб 0.75; Надія, Надежда 0.60; not Олександр, Андрій 0.62).
_ALIKE_FIRST_NAME = 0.6


@lru_cache(maxsize=100_000)
def same_first_name(a: str, b: str) -> bool:
    """Tell whether two first names are one name in ru/uk spelling (Владимир, Володимир).

    Parameters
    ----------
    a, b : str
        First names in any case form.

    Returns
    -------
    bool
        True when they share the initial (:func:`presslens.statements.names.first_key`) and
        their folded letters, an initial о written а, are alike (difflib ratio >= 0.78, or
        >= 0.6 with the same first two letters and lengths at most two apart): Виталий and
        Владимир differ, and so do Олександр and Андрій or Олексій; Олександр and
        Александр, Павел and Павло, Гліб and Глеб, Надія and Надежда match.
    """
    if first_key(a) != first_key(b):
        return False
    fa, fb = (re.sub("^о", "а", fold_letters(name_key(x))) for x in (a, b))
    ratio = SequenceMatcher(None, fa, fb).ratio()
    return ratio >= _SAME_FIRST_NAME or (
        ratio >= _ALIKE_FIRST_NAME and fa[:2] == fb[:2] and abs(len(fa) - len(fb)) <= 2
    )


def canonical_speakers(frame: pd.DataFrame) -> tuple[list[str], list[str]]:
    """Give every statement's speaker a canonical id and display name.

    Parameters
    ----------
    frame : pandas.DataFrame
        Statements with a ``person`` column (:class:`presslens.statements.speakers.Person` or
        None).

    Returns
    -------
    tuple of list of str
        ``(ids, names)`` aligned with the rows: the id is the surname key, followed by
        ``|`` and the first name's key when one surname belongs to several people in the
        corpus; ``"unknown"`` for no speaker. The name is the Latin display name,
        ``"unknown"`` for no speaker.
    """
    people = [p for p in frame["person"] if p is not None]
    alias = _spelling_aliases(people)
    persons = [p if p is None or p.key not in alias else _Renamed(p, alias[p.key])
               for p in frame["person"]]
    people = [p for p in persons if p is not None]
    groups = _first_name_groups(people)
    counts: dict[str, Counter] = defaultdict(Counter)
    for key, found in groups.items():
        for group in found:
            counts[key][group[0]] += len(group)
    ids = [UNKNOWN if p is None else _ident(p, groups, counts) for p in persons]
    named = [(pid, p) for pid, p in zip(ids, persons, strict=True) if p is not None]
    names = _display_names(named)
    return ids, [UNKNOWN if p is None else names[pid] for pid, p in zip(ids, persons, strict=True)]


class _Renamed:
    """A person read under another spelling's surname key (see :func:`_spelling_aliases`)."""

    def __init__(self, person, key: str) -> None:
        self.key, self.first, self.surname = key, person.first, person.surname
        self.nominative = person.nominative


#: Surname keys this long or longer may be one person's two spellings when one letter apart.
_VARIANT_LENGTH = 6


def _spelling_aliases(people: list) -> dict[str, str]:
    """Map a surname key to one a letter apart (dropped, added or changed) that is named with
    the same first name: a typo or a scrape that lost a letter (Михайло Саакашвл = Михаил
    Саакашвили). The key seen more often wins; a surname never named with a first name, or
    with another one (Надежда Савченко, Виктор Савенко), keeps its own."""
    firsts: dict[str, set[str]] = defaultdict(set)
    counts = Counter(p.key for p in people)
    for p in people:
        if p.first and len(p.key) >= _VARIANT_LENGTH:
            firsts[p.key].add(p.first)
    near: dict[str, set[str]] = defaultdict(set)  # one letter deleted → the keys
    for key in firsts:
        for i in range(len(key) + 1):
            near[key[:i] + key[i + 1 :]].add(key)
    alias: dict[str, str] = {}
    for keys in (k for k in near.values() if len(k) > 1):
        best, *rest = sorted(keys, key=lambda k: (-counts[k], k))
        for k in rest:
            if k not in alias and any(same_first_name(a, b) for a in firsts[k]
                                      for b in firsts[best]):
                alias[k] = best
    for k in list(alias):  # a chain of spellings ends at its most usual one
        while alias[k] in alias and alias[alias[k]] != k:
            alias[k] = alias[alias[k]]
    return alias


def _first_name_groups(people: list) -> dict[str, list[list[str]]]:
    """Group the first names seen with each surname key into people (one name, two spellings)."""
    groups: dict[str, list[list[str]]] = defaultdict(list)
    for p in people:
        if not p.first:
            continue
        for group in groups[p.key]:
            if same_first_name(group[0], p.first):
                group.append(p.first)
                break
        else:
            groups[p.key].append([p.first])
    return groups


def _ident(p, groups: dict[str, list[list[str]]], counts: dict[str, Counter]) -> str:
    """Return a person's id: the surname key, with the first name's key when it is shared."""
    found = groups.get(p.key)
    if not found or len(found) == 1:
        return p.key
    if p.first:
        for group in found:
            if same_first_name(group[0], p.first):
                return f"{p.key}|{name_key(group[0])}"
    return f"{p.key}|{name_key(counts[p.key].most_common(1)[0][0])}"


def _display_names(named: list[tuple[str, object]]) -> dict[str, str]:
    """Return the Latin display name of every id, from its most usual surname and first name."""
    firsts: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    surnames: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for pid, p in named:
        surnames[pid].append((p.surname, p.nominative))
        if p.first:
            firsts[pid].append((p.first, p.nominative))
    names = {}
    for pid, forms in surnames.items():
        surname = _best_form(forms)
        first = _best_form(firsts[pid]) if firsts[pid] else None
        if "|" in pid:
            full = f"{first} {surname}" if first else surname
            names[pid] = transliterate(full, _language(full))
        else:
            names[pid] = display_name(first, surname, _language(f"{first or ''}{surname}"))
    return names
