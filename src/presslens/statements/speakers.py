"""People named in Russian and Ukrainian text, in any grammatical case.

:func:`find_people` finds person names (first name + surname, or a surname alone): a
capitalised word that the dictionary reads as a name or surname, or an unknown capitalised word
inside a sentence that is not a place or organisation. Each :class:`Person` carries its surname
and first name in the nominative, whether the mention can be a subject, its gender and its
:func:`presslens.statements.names.name_key`. Role phrases are in
:mod:`presslens.statements.roles`, Latin names in :mod:`presslens.statements.names`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from presslens.statements.cuednames import (
    named_by_cue,
    one_name_after_cue,
    role_after,
    settle_forms,
)
from presslens.statements.names import first_key, name_key, nominative_name, place_keys, plural_name
from presslens.statements.wordlists import (
    NOT_PEOPLE,
    ORG_WORD,
    PRONOUNS,
    media_names,
    norm,
    role_words,
)
from presslens.text import Token, _morph, tokenize

__all__ = ["CAP_WORD", "PRONOUNS", "Person", "find_people", "name_token"]

_CYR = "а-яёіїєґ"
# a capitalised word; an Irish or French prefix keeps its capital after the apostrophe
# (О'Лірі, Д'Артаньян)
CAP_WORD = re.compile(rf"^[А-ЯЁІЇЄҐ](?:['’ʼ][А-ЯЁІЇЄҐ])?[{_CYR}'’ʼ]+(?:-[А-ЯЁІЇЄҐ]?[{_CYR}'’ʼ]+)?$")



@dataclass
class Person:
    """A person named in a text: offsets, the words, and what the grammar says about them."""

    start: int
    end: int
    text: str
    first: str | None
    surname: str
    nominative: bool
    gender: str | None
    key: str = ""
    initial: str | None = None
    role: str | None = None
    role_key: tuple[str, tuple[str, ...]] | None = None
    tokens: list[Token] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.key = name_key(self.surname)
        self.initial = first_key(self.first)


_OPENER_TOKENS = '«"„“(—–-'


def _is_initial(text: str, tokens: list[Token], i: int) -> bool:
    """Tell whether token ``i`` opens a sentence or a line (quotes and dashes before it aside)."""
    k = i - 1
    while k >= 0 and (tokens[k].text in _OPENER_TOKENS or tokens[k].text in ("«", "„")):
        k -= 1
    if k < 0:
        return True
    prev = tokens[k]
    if "\n" in text[prev.end : tokens[i].start] or prev.text in (".", "!", "?", "…", ":"):
        return True
    closing = prev.text in ("»", '"', "“", "”")
    return closing and k > 0 and tokens[k - 1].text in (".", "!", "?", "…")


_NOUN_END = re.compile(r"(ння|ение|ание|ство|ість|ость|ція|ция|изм|ізм)$")
_SURNAME_END = re.compile(
    r"(ов|ова|ев|ева|ёв|ин|ина|ын|ына|ский|ская|цкий|цкая|ський|ська|енко|ук|юк|ич|ів|їв)$"
)


def name_token(tok: Token, language: str | None, initial: bool) -> str | None:
    """Classify a token as part of a name (see :func:`_name_kind`)."""
    if not CAP_WORD.match(tok.text):
        return None
    return _name_kind(tok.text, language, initial)


_LOWER_AFTER_HYPHEN = re.compile(r"-[a-zа-яёіїєґ]")


#: Parts of speech of a word that opens a sentence as an adverb or a function word, even when
#: the dictionary also knows it as a surname (далі, Dalí).
_FUNCTION_POS = frozenset({"ADVB", "CONJ", "PRCL", "PREP", "PRED", "NPRO", "INTJ", "COMP"})


@lru_cache(maxsize=200_000)
def _name_kind(word: str, language: str | None, initial: bool) -> str | None:
    """Classify a word form as part of a name.

    Returns ``"first"`` (a first name), ``"surname"``, ``"unknown"`` (a word the dictionary
    does not know: a foreign name), ``"maybe"`` (a capitalised common word that may be a
    surname, e.g. Макрон) or None (not a name: a place, an organisation, a common word at
    the start of a sentence).
    """
    low = norm(word)
    if low in NOT_PEOPLE or low in media_names()[0] or low in role_words()["heads_set"] or (
            ORG_WORD.search(low)):
        return None
    if _LOWER_AFTER_HYPHEN.search(word):
        return None  # Інформаційно-аналітичного: a compound adjective, not a double surname
    common = norm(_morph.common_lemma(word, language))
    if common in role_words()["heads_set"] or common in NOT_PEOPLE:
        return None
    known = _morph.is_known(word, language)
    found = _morph.parses(word, language)
    if known:
        proper = [p for p in found if p.tags & (_morph.NAME_TAGS | _morph.PLACE_TAGS)]
        if proper and not (proper[0].tags & _morph.NAME_TAGS):
            return None  # a place or an organisation: Женеве, Госдепа
        reading = _morph.name_reading(word, language)
        if reading is None:
            return "maybe"
        if initial and any(p.pos in _FUNCTION_POS for p in found):
            return None  # «Далі — пряма мова експерта»: an adverb opening a sentence
        if initial and found and not (found[0].tags & _morph.NAME_TAGS) and found[0].score > 0.5:
            return "surname" if "Surn" in reading.tags and _SURNAME_END.search(low) else "maybe"
        if {"Name"} == reading.tags & {"Name", "Surn"} and not plural_name(word, language):
            return "first"  # Ірина, Марина: a first name, whatever its ending (not Аваков)
        if "Patr" in reading.tags and "Surn" not in reading.tags:
            return "patr"  # Станиславович, Петрівна
        if "Surn" in reading.tags or _SURNAME_END.search(low):
            return "surname"
        return "surname"
    # unknown to the dictionary: a foreign or rare name (its guessed tags are noise), unless
    # it ends as abstract nouns do (Відеозвернення, Самоуправление)
    if _SURNAME_END.search(low):
        return "surname"
    return None if _NOUN_END.search(low) else "unknown"


def _surname_after_first(tokens: list[Token], i: int) -> bool:
    """Whether token ``i``, right after a first name, is a surname the dictionary reads as a
    place (Камышин, Харків): capitalised, with a surname's ending, not a known non-person."""
    word = tokens[i].text
    low = norm(word)
    return (
        tokens[i].start == tokens[i - 1].end + 1
        and bool(CAP_WORD.match(word))
        and bool(_SURNAME_END.search(low))
        and low not in NOT_PEOPLE
        and low not in media_names()[0]
        and low not in role_words()["heads_set"]
    )


def _has_first_name_reading(word: str, language: str | None) -> bool:
    return any("Name" in p.tags for p in _morph.parses(word, language))


def find_people(text: str, language: str | None = None) -> list[Person]:
    """Find the people named in ``text``.

    Parameters
    ----------
    text : str
        A sentence, paragraph or article.
    language : {"ru", "uk"} or None
        The dictionary used to read the words.

    Returns
    -------
    list of Person
        In text order; ``surname`` and ``first`` are in the nominative when the grammar
        allows (Столтенберга → Столтенберг), ``nominative`` tells whether the mention itself
        can be a subject, ``key`` identifies the surname across cases and languages. A single
        capitalised word that may be a common word (Макрон, Остін) counts as a person when
        the same text names them in full (Емманюель Макрон).
    """
    tokens = tokenize(text)
    kinds = _word_kinds(text, tokens, language)
    groups = [_trim(text, tokens[i : j + 1], kinds[i : j + 1], language)
              for i, j in _runs(tokens, kinds, language) if kinds[j] != "particle"]
    confirmed = {name_key(g[-1].text) for g, k, _ in groups if len(g) > 1}
    confirmed |= {name_key(g[0].text) for g, k, _ in groups if len(g) > 1 and k[0] == "surname"}
    confirmed |= named_by_cue(tokens, kinds, language)
    places = place_keys(text, language) - confirmed  # «во Львове»: Львов alone is no one
    kept = [(g, k, pt, _kept(g, k, confirmed) and not (len(g) == 1 and (
        name_key(g[0].text) in places or role_after(text, g[0].end)))) for g, k, pt in groups]
    # a first name alone, or with a patronymic (Сергей Станиславович), may be a person named
    # in full elsewhere
    people = [(_person(text, group, kinds_g, particles, language), ok, kinds_g in _FIRST_ONLY)
              for group, kinds_g, particles, ok in kept if ok or kinds_g in _FIRST_ONLY]
    full = [p for p, _, alone in people if len(p.tokens) > 1 and p.initial and not alone]
    named = {id(p): _first_name_alone(p, full) for p, _, alone in people if alone}
    # a first name alone that no one named in full bears: a person known by one name when a
    # verb of speech vouches for it or the text names them so twice (Джамала, Джамалу)
    known_by_one = one_name_after_cue(tokens, kinds, language)
    twice = Counter(p.key for p, _, alone in people
                    if alone and not named[id(p)] and len(p.tokens) == 1)
    found = [p for p, ok, alone in people if ok or alone and (
        named[id(p)] or p.tokens[0].start in known_by_one
        or (len(p.tokens) == 1 and twice[p.key] >= 2))]
    return settle_forms(found, known_by_one, lambda at: _governed(text, at, language))


_FIRST_ONLY = (["first"], ["first", "patr"])


def _first_name_alone(p: Person, full: list[Person]) -> bool:
    """Give a first name used alone (``Ірина``) the surname of the one person the text names
    in full with that first name (``Ірина Волицька``); tell whether there was one."""
    same = {q.key: q for q in full if q.initial == first_key(p.first or p.surname)}
    if len(same) != 1:
        return False
    q = next(iter(same.values()))
    p.first, p.surname, p.key, p.initial, p.gender = q.first, q.surname, q.key, q.initial, q.gender
    return True


def _word_kinds(text: str, tokens: list[Token], language: str | None) -> list[str | None]:
    """Classify every token as part of a name (:func:`_name_kind`), a particle or None."""
    n = len(tokens)
    kinds: list[str | None] = [None] * n
    # only capitalised words can be names: the rest of the article is not looked at
    for i in [i for i, t in enumerate(tokens) if t.text[:1].isupper()]:
        if CAP_WORD.match(tokens[i].text):
            kinds[i] = _name_kind(tokens[i].text, language, _is_initial(text, tokens, i))
    # Українська плавчиня: a word alone that agrees with the noun after it is an adjective
    for i in [i for i in range(n - 1) if kinds[i] == "surname" and kinds[i + 1] is None
              and (i == 0 or kinds[i - 1] is None)]:
        if qualifies(tokens[i].text, tokens[i + 1].text, language):
            kinds[i] = None
    # a surname that is also a town (Александра Камышина): after a first name, a surname
    for i in [k + 1 for k in range(n - 1) if kinds[k] == "first" and kinds[k + 1] is None]:
        if _surname_after_first(tokens, i):
            kinds[i] = "surname"
    # particles inside a name: Урсула фон дер Ляйен, Ван дер Беллен
    for k in [k for k, t in enumerate(tokens) if t.text.lower() in _PARTICLES]:
        if 1 <= k < n - 1 and kinds[k - 1] is not None:
            following = next((kinds[m] for m in range(k + 1, min(k + 3, n))
                              if tokens[m].text.lower() not in _PARTICLES), None)
            if following is not None:
                kinds[k] = "particle"
    return kinds


_AGREEMENT = frozenset("nomn gent datv accs ablt loct masc femn neut".split())


def qualifies(word: str, noun: str, language: str | None, animate: bool = True) -> bool:
    """Whether ``word`` may be an adjective of the lower-case ``noun`` after it, agreeing in
    case and gender (``Українська плавчиня``, ``уповноважена установа``); ``animate=False``
    asks for a thing only."""
    found = _morph.parses(noun, language) if noun.islower() else []  # «під» may be a noun too
    if not found or found[0].pos != "NOUN" or any(p.pos in ("PREP", "CONJ") for p in found) or (
            not animate and "inan" not in found[0].tags):
        return False
    agree = {t for t in found[0].tags if t in _AGREEMENT}
    return any(p.pos in ("ADJF", "PRTF") and agree <= p.tags
               for p in _morph.parses(word, language))


def _runs(tokens: list[Token], kinds: list[str | None], language: str | None
          ) -> list[tuple[int, int]]:
    """Return the ``(first, last)`` token indices of each run of name words one space apart;
    two surnames in two cases are two people (``сказав Зеленський Федорову``)."""
    runs: list[list[int]] = []
    for i in (i for i, kind in enumerate(kinds) if kind is not None):
        if runs and runs[-1][1] == i - 1 and tokens[i].start == tokens[i - 1].end + 1 and not (
                kinds[i - 1] == kinds[i] == "surname" and _subject_form(
                    tokens[i - 1].text, language) != _subject_form(tokens[i].text, language)):
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return [(a, b) for a, b in runs]


def _trim(
    text: str, group: list[Token], kinds_g: list[str], language: str | None
) -> tuple[list[Token], list[str], str]:
    """Cut a run of name words to the name: particles set apart, common words dropped."""
    particles = ""
    if "particle" in kinds_g:  # keep the particles with the surname: фон дер Ляйен
        cut = kinds_g.index("particle")
        particles = text[group[cut].start : group[-1].start]
        group, kinds_g = group[:cut] + group[-1:], kinds_g[:cut] + kinds_g[-1:]
    # a capitalised common word before a first name is not part of the name
    while len(group) > 1 and kinds_g[0] == "maybe":
        if _has_first_name_reading(group[0].text, language):
            kinds_g = ["first", *kinds_g[1:]]
            break
        group, kinds_g = group[1:], kinds_g[1:]
    while len(group) > 1 and kinds_g[-1] == "maybe" and kinds_g[-2] not in ("first", "unknown"):
        group, kinds_g = group[:-1], kinds_g[:-1]
    if len(group) > 3:
        group, kinds_g = group[-3:], kinds_g[-3:]
    if len(group) == 3 and kinds_g[0] != "first" and kinds_g[-1] != "patr":
        middle = _morph.name_reading(group[1].text, language)
        if middle is None or "Patr" not in middle.tags:
            group, kinds_g = group[1:], kinds_g[1:]
    return group, kinds_g, particles


def _kept(group: list[Token], kinds_g: list[str], confirmed: set[str]) -> bool:
    """Whether a name is a person: a lone word that may be common only when named in full."""
    if len(group) == 1:
        return not (kinds_g[0] in ("maybe", "first", "patr")
                    and name_key(group[0].text) not in confirmed)
    return not all(k == "maybe" for k in kinds_g)


def _person(
    text: str, group: list[Token], kinds_g: list[str], particles: str, language: str | None
) -> Person:
    """Make the :class:`Person` of a name's words (surname and first name in the nominative)."""
    surname_tok = group[-1]
    first_tok = group[0] if len(group) > 1 else None
    if first_tok is not None and kinds_g[0] == "surname" and kinds_g[-1] in ("first", "patr"):
        # Ребров Сергей (Станиславович): the surname first
        surname_tok, first_tok = group[0], group[1]
    kind_of = dict(zip((t.start for t in group), kinds_g, strict=True))
    nominative = _subject_form(
        surname_tok.text, language, kind_of[surname_tok.start]
    ) and not _governed(text, group[0].start, language)
    if first_tok is not None:
        nominative = nominative and _subject_form(
            first_tok.text, language, kind_of[first_tok.start]
        )
    start = group[0].start - (len(particles) if len(group) == 1 else 0)
    surname = nominative_name(surname_tok.text, language)
    first = nominative_name(first_tok.text, language, surname_tok.text) if first_tok else None
    return Person(
        start=start,
        end=group[-1].end,
        text=text[start : group[-1].end],
        first=first,
        surname=particles + surname,
        nominative=nominative,
        gender=_gender(first, surname_tok, language),
        tokens=group,
    )


#: Prepositions: a name after one (or after one and a common noun in apposition: «проти
#: південноафриканця Денні Вентера») is in an oblique case, never a subject.
_GOVERNING = frozenset(
    "с со з із зі к ко у в во на о об про для от від перед после після при без между між "
    "против проти по за до из під под над через".split()
)
_WORD_BACK = re.compile(r"[^\W\d_]+|[^\w\s]")


def _governed(text: str, start: int, language: str | None) -> bool:
    """Whether a name at ``start`` follows a preposition, maybe across one noun naming a
    person (``проти південноафриканця Денні Вентера``; not ``в воскресенье Энтони …``)."""
    before = _WORD_BACK.findall(text[max(0, start - 60) : start])[-2:]
    if before and before[-1].lower() in _GOVERNING:
        return True
    if len(before) < 2 or before[0].lower() not in _GOVERNING or not before[1].islower():
        return False
    found = _morph.parses(before[1], language)
    # (a plural noun is an object of its own: «до азовців Віталій Кличко оприлюднив»)
    return bool(found) and found[0].pos == "NOUN" and "anim" in found[0].tags and (
        "plur" not in found[0].tags)


_PARTICLES = frozenset("фон дер ван де ди да дель делла ле ла аль ибн бин бен".split())
_OBLIQUE = re.compile(r"(ом|ем|ём|ым|ому|ему|ою|ею|ові|еві|ой)$")


def _subject_form(word: str, language: str | None, kind: str | None = None) -> bool:
    """Tell whether a name form can be the subject (nominative) of a verb."""
    if kind in ("maybe", "unknown"):
        return not _OBLIQUE.search(word.lower())
    if plural_name(word, language):
        return True  # Аваков read as «of the Avaks»: a surname, not a first name's plural
    if (
        _morph.is_known(word, language)
        or _morph.name_reading(word, language)
        and not (_morph.parses(word, language)[0].score < 0.9)
    ):
        return _morph.can_be_case(word, language, "nomn", names_only=True)
    # a word the dictionary does not know: only a clearly oblique ending rules it out
    return not _OBLIQUE.search(word.lower())


def _gender(first: str | None, surname_tok: Token, language: str | None) -> str | None:
    if first is not None:
        found = _morph.gender(first, language)
        if found:
            return found
    return _morph.gender(surname_tok.text, language)
