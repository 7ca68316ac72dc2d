"""People and their roles in Russian and Ukrainian text: names, role nouns, keys, Latin names.

* :func:`find_people` finds person names (first name + surname, or a surname alone) in any
  grammatical case: a capitalised word that the dictionary reads as a name or surname, or an
  unknown capitalised word inside a sentence that is not a place or organisation.
* :func:`find_roles` finds role phrases (``генсек НАТО``, ``глава Госдепа США``,
  ``заступник міністра закордонних справ РФ``) from a lexicon of role nouns by lemma.
* :func:`name_key` folds a surname to a loose stem shared by its cases and by its Russian and
  Ukrainian spellings (Столтенберга, Столтенбергові → ``столтенберг``; Блинкен, Блінкен →
  ``блинкен``), so one person gets one key.
* :func:`transliterate` writes a name in Latin letters (Russian BGN/PCGN-like, Ukrainian
  national 2010 system); a small table (``speakers_names.csv``) holds names whose usual
  English spelling differs (``Jens Stoltenberg``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from presslens.lexicon import read_json, read_rows, read_words
from presslens.text import _morph
from presslens.text.nlp import Token, tokenize

__all__ = [
    "PRONOUNS",
    "Person",
    "Role",
    "display_name",
    "find_people",
    "find_roles",
    "first_key",
    "is_media",
    "name_key",
    "role_key",
    "transliterate",
]

#: Personal pronouns that can stand for a speaker, with the gender they carry.
PRONOUNS = {
    "он": "masc",
    "она": "femn",
    "він": "masc",
    "вона": "femn",
    "его": "masc",
    "её": "femn",
    "ее": "femn",
    "його": "masc",
    "її": "femn",
    "они": "plur",
    "вони": "plur",
}

_CYR = "а-яёіїєґ"
_CAP_WORD = re.compile(rf"^[А-ЯЁІЇЄҐ][{_CYR}'’ʼ]+(?:-[А-ЯЁІЇЄҐ]?[{_CYR}'’ʼ]+)?$")
_ABBR = re.compile(r"^[А-ЯЁІЇЄҐA-Z]{2,}(?:-[А-ЯЁІЇЄҐA-Z0-9]+)?$")


# --------------------------------------------------------------------------- resources


@lru_cache(maxsize=1)
def _roles() -> dict:
    data = dict(read_json("speakers_roles.json"))  # a copy: keys are added below
    fold = {}
    for group in data["equivalent"]:
        for item in group:
            fold[_norm(item)] = _norm(group[0])
    data["fold"] = fold
    data["heads_set"] = frozenset(_norm(h) for h in data["heads"])
    data["mods_set"] = frozenset(_norm(m) for m in data["modifiers"])
    data["unique_set"] = frozenset(_norm(m) for m in data["unique"])
    data["generic_set"] = frozenset(_norm(m) for m in data["generic"])
    return data


@lru_cache(maxsize=1)
def _media() -> tuple[frozenset[str], frozenset[str]]:
    names, first_words = set(), set()
    for line in read_words("speakers_media.txt"):
        names.add(_norm(line))
        first_words.add(_norm(line.split()[0]))
    return frozenset(names), frozenset(first_words)


@lru_cache(maxsize=1)
def _display_table() -> dict[str, str]:
    return {name_key(row["surname"]): row["display"] for row in read_rows("speakers_names.csv")}


# Capitalised words that are not people even where the dictionary is unsure.
_NOT_PEOPLE = frozenset(
    """альянс кремль госдеп госдепартамент запад восток белый дом пентагон рада верховная
    евросоюз украина россия европа америка москва киев київ брюссель женева вашингтон
    правительство уряд министерство міністерство президент генсек глава совет рада кабмин
    бог господь интернет covid ковид читайте также фото видео источник джерело реклама
    нато оон обсе сша рф мид мзс белый білий біле""".split()
)


def _norm(text: str) -> str:
    return (
        text.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'").replace("`", "'").strip()
    )


# --------------------------------------------------------------------------- keys


_FOLD = str.maketrans(
    {"ё": "е", "э": "е", "є": "е", "і": "и", "ї": "и", "ы": "и", "й": "и", "ґ": "г", "'": None}
)
_FOLD.update({ord("ь"): None, ord("ъ"): None, ord("’"): None, ord("ʼ"): None})
_ENDINGS = sorted(
    "ого ему ому ими ими ою ею ой ей ом ем ам ям ах ях ии им ови еви а я у ю е и".split(),
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
    for ending in _ENDINGS:
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


# --------------------------------------------------------------------------- transliteration

_RU = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True,
    )
)
_UK = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя'",
        "a b v h g d e ie zh z y i i i k l m n o p r s t u f kh ts ch sh shch _ iu ia _".split(),
        strict=True,
    )
)
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def transliterate(text: str, language: str | None = None) -> str:
    """Write Cyrillic ``text`` in Latin letters.

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
    table = _UK if language == "uk" else _RU
    out = []
    for i, ch in enumerate(text):
        low = ch.lower().replace("’", "'").replace("ʼ", "'")
        prev = text[i - 1] if i else " "
        nxt = text[i + 1].lower() if i + 1 < len(text) else " "
        if low not in table:
            out.append(ch)
            continue
        if language == "uk" and low in _UK_INITIAL and not prev.isalpha():
            latin = _UK_INITIAL[low]
        elif (
            language == "ru"
            and low == "е"
            and (not prev.isalpha() or prev.lower() in "аеёиоуыэюяьъ")
        ):
            latin = "ye" if prev.isalpha() else "e"
        elif language == "ru" and low == "и" and nxt == "й" and i + 2 == len(text.split()[-1]):
            latin = "i"
        else:
            latin = table[low]
        latin = latin.replace("_", "")
        if language == "ru" and low == "й" and prev.lower() == "и":
            latin = "y"
        if ch.isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
    result = "".join(out)
    result = re.sub(r"iy\b", "iy", result)
    return re.sub(r"yy\b", "y", result)


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


# --------------------------------------------------------------------------- people


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


_MEDIA_ENDING = re.compile(r"(ами|ям|ом|ем|ой|ою|ей|ій|ії|у|ю|а|я|е|і|и|ы)$")


@lru_cache(maxsize=20_000)
def is_media(text: str) -> bool:
    """Tell whether ``text`` is the name of a medium or news agency (or a staff noun)."""
    names, _ = _media()
    norm = _norm(text.strip('«»"“”„ '))
    if norm in names or (bool(re.fullmatch(r"[A-Za-z][\w .&-]*", norm)) and len(norm) > 1):
        return True
    # an inflected name: «Коммерсанту», «Известиям», «Українській правді»
    words = norm.split()
    if not words or len(words) > 4:
        return False
    stems = [re.sub(_MEDIA_ENDING, "", w) if len(w) > 4 else w for w in words]
    return any(
        len(name.split()) == len(words)
        and all(n.startswith(st) for n, st in zip(name.split(), stems, strict=True))
        for name in names
    )


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


_SURNAME_END = re.compile(
    r"(ов|ова|ев|ева|ёв|ин|ина|ын|ына|ский|ская|цкий|цкая|ський|ська|енко|ук|юк|ич|ів|їв)$"
)


def _name_token(tok: Token, language: str | None, initial: bool) -> str | None:
    """Classify a token as part of a name (see :func:`_name_kind`)."""
    if not _CAP_WORD.match(tok.text):
        return None
    return _name_kind(tok.text, language, initial)


@lru_cache(maxsize=200_000)
def _name_kind(word: str, language: str | None, initial: bool) -> str | None:
    """Classify a word form as part of a name.

    Returns ``"first"`` (a first name), ``"surname"``, ``"unknown"`` (a word the dictionary
    does not know: a foreign name), ``"maybe"`` (a capitalised common word that may be a
    surname, e.g. Макрон) or None (not a name: a place, an organisation, a common word at
    the start of a sentence).
    """
    low = _norm(word)
    names, _ = _media()
    if low in _NOT_PEOPLE or low in names or low in _roles()["heads_set"]:
        return None
    common = _norm(_morph.common_lemma(word, language))
    if common in _roles()["heads_set"] or common in _NOT_PEOPLE:
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
        if initial and found and not (found[0].tags & _morph.NAME_TAGS) and found[0].score > 0.5:
            return "surname" if "Surn" in reading.tags and _SURNAME_END.search(low) else "maybe"
        if "Surn" in reading.tags or _SURNAME_END.search(low):
            return "surname"
        if "Name" in reading.tags:
            return "first"
        return "surname"
    # unknown to the dictionary: a foreign or rare name (its guessed tags are noise)
    if _SURNAME_END.search(low):
        return "surname"
    return "unknown"


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
    n = len(tokens)
    kinds: list[str | None] = [None] * n
    # only capitalised words can be names: the rest of the article is not looked at
    for i in [i for i, t in enumerate(tokens) if t.text[:1].isupper()]:
        if _CAP_WORD.match(tokens[i].text):
            kinds[i] = _name_kind(tokens[i].text, language, _is_initial(text, tokens, i))
    # particles inside a name: Урсула фон дер Ляйен, Ван дер Беллен
    for k in [k for k, t in enumerate(tokens) if t.text.lower() in _PARTICLES]:
        if 1 <= k < n - 1 and kinds[k - 1] is not None:
            following = next(
                (
                    kinds[m]
                    for m in range(k + 1, min(k + 3, n))
                    if tokens[m].text.lower() not in _PARTICLES
                ),
                None,
            )
            if following is not None:
                kinds[k] = "particle"
    groups: list[tuple[list[Token], list[str], str]] = []
    named = [i for i, kind in enumerate(kinds) if kind is not None]
    q = 0
    while q < len(named):
        i = j = named[q]
        q += 1
        while (
            j + 1 < n
            and kinds[j + 1] is not None
            and tokens[j + 1].start == tokens[j].end + 1
        ):
            j += 1
            q += 1
        group, kinds_g = tokens[i : j + 1], kinds[i : j + 1]
        if kinds_g[-1] == "particle":
            continue
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
        while (
            len(group) > 1
            and kinds_g[-1] == "maybe"
            and kinds_g[-2]
            not in (
                "first",
                "unknown",
            )
        ):
            group, kinds_g = group[:-1], kinds_g[:-1]
        if len(group) > 3:
            group, kinds_g = group[-3:], kinds_g[-3:]
        if len(group) == 3 and kinds_g[0] != "first":
            middle = _morph.name_reading(group[1].text, language)
            if middle is None or "Patr" not in middle.tags:
                group, kinds_g = group[1:], kinds_g[1:]
        groups.append((group, kinds_g, particles))
    confirmed = {name_key(g[-1].text) for g, k, _ in groups if len(g) > 1}
    confirmed |= {name_key(g[0].text) for g, k, _ in groups if len(g) > 1 and k[0] == "surname"}
    people: list[Person] = []
    for group, kinds_g, particles in groups:
        if len(group) == 1:
            if (
                kinds_g[0] in ("maybe", "first", "patr")
                and name_key(group[0].text) not in confirmed
            ):
                continue
        elif all(k == "maybe" for k in kinds_g):
            continue
        surname_tok = group[-1]
        first_tok = group[0] if len(group) > 1 else None
        if first_tok is not None and kinds_g[0] == "surname" and kinds_g[-1] == "first":
            surname_tok, first_tok = group[0], group[-1]
        kind_of = dict(zip((t.start for t in group), kinds_g, strict=True))
        nominative = _subject_form(
            surname_tok.text, language, kind_of[surname_tok.start]
        ) and not _governed(text, group[0].start, language)
        if first_tok is not None:
            nominative = nominative and _subject_form(
                first_tok.text, language, kind_of[first_tok.start]
            )
        people.append(
            Person(
                start=group[0].start - (len(particles) if len(group) == 1 else 0),
                end=group[-1].end,
                text=text[
                    group[0].start - (len(particles) if len(group) == 1 else 0) : group[-1].end
                ],
                first=_nominative(first_tok.text, language) if first_tok else None,
                surname=particles + _nominative(surname_tok.text, language),
                nominative=nominative,
                gender=_gender(first_tok, surname_tok, language),
                tokens=group,
            )
        )
    return people


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
    return bool(found) and found[0].pos == "NOUN" and "anim" in found[0].tags


_PARTICLES = frozenset("фон дер ван де ди да дель делла ле ла аль ибн бин бен".split())
_OBLIQUE = re.compile(r"(ом|ем|ём|ым|ому|ему|ою|ею|ові|еві|ой)$")


def _subject_form(word: str, language: str | None, kind: str | None = None) -> bool:
    """Tell whether a name form can be the subject (nominative) of a verb."""
    if kind in ("maybe", "unknown"):
        return not _OBLIQUE.search(word.lower())
    if (
        _morph.is_known(word, language)
        or _morph.name_reading(word, language)
        and not (_morph.parses(word, language)[0].score < 0.9)
    ):
        return _morph.can_be_case(word, language, "nomn", names_only=True)
    # a word the dictionary does not know: only a clearly oblique ending rules it out
    return not _OBLIQUE.search(word.lower())


def _gender(first_tok: Token | None, surname_tok: Token, language: str | None) -> str | None:
    if first_tok is not None:
        found = _morph.gender(first_tok.text, language)
        if found:
            return found
    return _morph.gender(surname_tok.text, language)


def _nominative(word: str, language: str | None) -> str:
    """Return the nominative of a name form when the grammar says so, else the form itself."""
    if _morph.can_be_case(word, language, "nomn", names_only=True):
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
        ending = "ий" if language == "uk" or "ь" in adjective.group(1) else "ий"
        return word[: adjective.start(2)] + ending
    # the stem of an unknown word is the nominative of a consonant-final surname
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            base = word[: -len(ending)]
            return base
    return stem[:1].upper() + stem[1:]


# --------------------------------------------------------------------------- roles


@dataclass
class Role:
    """A role phrase: offsets, its words (the post put in the nominative when the text has
    another case: генсеком НАТО → генсек НАТО), and its key (post, organisations)."""

    start: int
    end: int
    text: str
    key: tuple[str, tuple[str, ...]]
    nominative: bool


def role_key(
    head: str, modifier: str | None, orgs: list[str], words: list[str] | None = None
) -> tuple[str, tuple[str, ...]]:
    """Return the key of a role: the folded post lemma and the folded organisation words.

    ``words`` are the lemmas after the head; with ``глава``/``голова`` a word listed in the
    resource's ``compounds`` names the post (глава Госдепа → ``госсекретарь``).
    """
    data = _roles()
    fold = data["fold"]
    post = fold.get(f"{modifier} {head}") if modifier else None
    post = post or fold.get(head, head)
    orgs = [_norm(o) for o in orgs]
    if post == "глава":
        for word in [*(words or []), *orgs]:
            if _norm(word) in data["compounds"]:
                post = data["compounds"][_norm(word)]
                orgs = [o for o in orgs if o != _norm(word)]
                break
    return post, tuple(sorted({fold_letters(o) for o in orgs}))


def find_roles(text: str, language: str | None = None) -> list[Role]:
    """Find role phrases (``генсек НАТО``, ``глава Госдепа``, ``генеральний секретар``).

    Parameters
    ----------
    text : str
        Any text.
    language : {"ru", "uk"} or None
        The dictionary used to read the words.

    Returns
    -------
    list of Role
        In text order, each with its offsets, its words as written and its key.
    """
    data = _roles()
    tokens = tokenize(text)
    out: list[Role] = []
    words = [t.text for t in tokens]
    found = _morph.per_form("role head", language, words, lambda w: _role_head(w, language) or "")
    heads = [(i, h) for i, h in enumerate(found) if h]
    after = 0  # the first token after the last role phrase found
    for i, head in heads:
        if i < after:
            continue
        tok = tokens[i]
        begin = i
        modifier = None
        while (
            begin > 0
            and _norm(_morph.common_lemma(tokens[begin - 1].text, language)) in data["mods_set"]
        ):
            begin -= 1
            modifier = _norm(_morph.common_lemma(tokens[begin].text, language))
        j = i
        orgs: list[str] = []
        words: list[str] = []
        while j + 1 < len(tokens) and j - i < 6:
            nxt = tokens[j + 1]
            word = nxt.text
            if _ABBR.match(word):
                orgs.append(word)
            elif _CAP_WORD.match(word) and (
                _name_token(nxt, language, False) in (None, "maybe")
                or (
                    j + 2 < len(tokens)
                    and _name_token(tokens[j + 2], language, False) == "first"
                    and not _morph.name_reading(word, language)
                )
            ):
                orgs.append(_morph.common_lemma(word, language))
            elif word[:1].isalpha() and word.islower() and _genitive(word, language):
                words.append(_morph.common_lemma(word, language))
            else:
                break
            j += 1
        nominative = _morph.can_be_case(tok.text, language, "nomn")
        written = text[tokens[begin].start : tokens[j].end]
        if not nominative:
            # генеральным секретарем НАТО → генеральный секретарь НАТО
            words_in = [_morph.nominative(t.text, language) for t in tokens[begin : i + 1]]
            written = " ".join(words_in) + text[tok.end : tokens[j].end]
        out.append(
            Role(
                start=tokens[begin].start,
                end=tokens[j].end,
                text=written,
                key=role_key(head, modifier, orgs, words),
                nominative=nominative,
            )
        )
        after = j + 1
    return out


def _role_head(word: str, language: str | None) -> str | None:
    """Return the role noun ``word`` is a form of (генсека → генсек), or None."""
    if not word[:1].isalpha():
        return None
    data = _roles()
    written = _norm(word)
    if written in data["heads_set"]:
        return written
    if written[:3] not in _head_prefixes():
        return None  # no role noun starts so: spare the dictionary
    lem = _norm(_morph.common_lemma(word, language))
    return lem if lem in data["heads_set"] else None


@lru_cache(maxsize=1)
def _head_prefixes() -> frozenset[str]:
    """First three letters of every role noun (nouns keep them through their cases)."""
    return frozenset(h[:3] for h in _roles()["heads_set"])


def _genitive(word: str, language: str | None) -> bool:
    found = _morph.parses(word, language)
    return bool(found) and found[0].pos in ("NOUN", "ADJF") and "gent" in found[0].tags


def unique_post(key: tuple[str, tuple[str, ...]]) -> bool:
    """Tell whether a role names a post held by one person at a time (or fits anyone)."""
    data = _roles()
    return key[0] in data["unique_set"] or key[0] in data["generic_set"]


def role_matches(mention: tuple[str, tuple[str, ...]], person: tuple[str, tuple[str, ...]]) -> int:
    """Score how well a role mention fits a person's role.

    0: another post, or the same post of another country; 1: the same post; 2: the same post
    and a shared organisation. A generic noun (дипломат, лидер) fits anyone (1).
    """
    data = _roles()
    if mention[0] in data["generic_set"]:
        return 1
    if mention[0] != person[0]:
        return 0
    if set(mention[1]) & set(person[1]):
        return 2
    countries_m = {o for o in mention[1] if _is_country(o)}
    countries_p = {o for o in person[1] if _is_country(o)}
    if countries_m and countries_p:
        return 0  # министр Украины is not глава МИД РФ
    return 1


_COUNTRY_ABBREVIATIONS = frozenset("рф сша фрг ес кнр рб оае оаэ снд сср ссср".split())


def _is_country(org: str) -> bool:
    if org in _COUNTRY_ABBREVIATIONS:
        return True
    return any("Geox" in p.tags for p in _morph.parses(org.capitalize(), "ru")[:2]) or any(
        "Geox" in p.tags for p in _morph.parses(org.capitalize(), "uk")[:2]
    )
