"""Content lemmas of Russian and Ukrainian words, with pymorphy3.

* Lemmas come from pymorphy3 with the ``ru`` or ``uk`` dictionary, one analyser per language,
  created on first use. Each distinct (word form, language) pair is analysed once: the tables
  of :class:`_FormLemmas`, which :mod:`presslens.text.lemma_cache` keeps in a Parquet file.
* Proper names stay recognisable. For a capitalised word, parses tagged as a surname, first name,
  patronymic, place, organisation or abbreviation win; when there is none, the word keeps its
  lower-cased form unless the dictionary's normal form is plainly the same word (Кремля → кремль),
  so a surname is never turned into a common noun (Рябков stays рябков, not рябок).
* Stop words (:data:`presslens.text.STOP_WORDS`), numbers, punctuation and one-letter tokens have
  no content lemma.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import ClassVar

from presslens.corpus.lang import detect_language
from presslens.morphology import analyzer
from presslens.text._razdel import opens_sentence
from presslens.text.stopwords import STOP_WORDS
from presslens.text.tokens import APOSTROPHES, is_letter, normalize_word

__all__ = ["LEMMA_RULES_VERSION", "analyzer", "known_forms", "lemma", "lemmatize"]

#: Version of the lemma rules of this module. Raise it with any change that can change a
#: content lemma (name rules, sentence starts, kept forms), so older cache files are ignored.
LEMMA_RULES_VERSION = 1
_APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")
_CYRILLIC_RE = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")

# Grammemes that mark a proper name, in order of preference (people first, then places and
# organisations, then abbreviations).
_NAME_TAGS = ("Surn", "Name", "Patr", "Geox", "Orgn", "Abbr")
# Endings of surnames that pymorphy3 may read as a plural genitive of a common noun
# (Рябков → рябок, Песков → песок).
_SURNAME_SHAPE = re.compile(r"(ов|ев|ёв|ин|ын|ів|їв)$")
# Surnames that decline like adjectives (Зеленского → зеленский).
_ADJECTIVE_SURNAME = re.compile(r"(ский|цкий|ской|цкой|ський|цький)$")


def _common_prefix_ok(form: str, candidate: str) -> bool:
    """Tell whether ``candidate`` is plainly an inflection base of ``form`` (Кремля → кремль)."""
    if candidate == form:
        return True
    stem = candidate[:-1] if len(candidate) > 3 else candidate
    return len(stem) >= 3 and form.startswith(stem)


def _name_parse(parses):
    """The first parse tagged as a name, in the order of :data:`_NAME_TAGS`, or None."""
    for tag in _NAME_TAGS:
        for p in parses:
            if tag in p.tag.grammemes:
                return p
    return None


def _analyse(word: str, language: str) -> tuple[str, str]:
    """Return the lemma of ``word`` inside a sentence and at the start of one.

    The two differ only for a capitalised word that is not read as a name: at the start of a
    sentence its capital says nothing, so it is read as the common word the dictionary knows.
    One dictionary look-up serves both.
    """
    return _analyse_form(word, normalize_word(word), _NON_LETTER_RE.sub("", word), language)


def _analyse_form(word: str, form: str, letters: str, language: str) -> tuple[str, str]:
    """:func:`_analyse` given ``normalize_word(word)`` and the letters of ``word``."""
    if not _CYRILLIC_RE.search(form):
        return form, form  # Latin names and words (CNN, Financial Times) are kept as they are
    if len(letters) > 1 and letters.isupper() and all(map(str.isupper, letters)):
        return form, form  # an acronym: НАТО, США, ОБСЕ
    if "-" in form and word[:1].isupper():
        # a hyphenated name is kept whole, each part lemmatised: Россия-НАТО
        parts = word.split("-")
        if all(parts):
            pairs = [_lemma_pair(part, language) for part in parts]
            return "-".join(p[0] for p in pairs), "-".join(p[1] for p in pairs)
    morph = analyzer(language)
    lookup = _APOSTROPHE_RE.sub("'", word.replace("ё", "е").replace("Ё", "Е"))
    parses = morph.parse(lookup)
    if not parses:
        return form, form
    if not word[:1].isupper():
        found = normalize_word(parses[0].normal_form)
        return found, found
    named = _name_parse(parses)
    if named is not None:
        found = normalize_word(named.normal_form)
        return found, found
    best = parses[0]
    candidate = normalize_word(best.normal_form)
    surname_like = bool(_SURNAME_SHAPE.search(form))
    if _ADJECTIVE_SURNAME.search(candidate) and best.tag.POS == "ADJF":
        return candidate, candidate  # Зеленского → зеленский
    grammemes = best.tag.grammemes
    if "plur" in grammemes and surname_like and "Pltm" not in grammemes:
        inside = form  # Рябков is a surname, not the genitive plural of рябок
    elif _common_prefix_ok(form, candidate):
        inside = candidate
    else:
        inside = form
    initial = inside
    if not surname_like:
        # A capital that only marks the start of a sentence: read the word as common.
        lower = lookup.lower()
        if morph.word_is_known(lower):
            # pymorphy3 reads a word of two or more letters the same in either case (only a
            # single capital may be an initial), so the parses at hand serve.
            low = parses if len(lookup) > 1 else morph.parse(lower)
            if low:
                initial = normalize_word(low[0].normal_form)
    return inside, initial


_lemma_pair = lru_cache(maxsize=100_000)(_analyse)


def _lemma(word: str, language: str, sentence_start: bool) -> str:
    """:func:`lemma` for a known language."""
    return _lemma_pair(word, language)[1 if sentence_start else 0]


def lemma(word: str, language: str | None, *, sentence_start: bool = False) -> str:
    """Return the lemma (dictionary form) of one word form.

    Parameters
    ----------
    word : str
        A word form as written (case matters: capitalised words are read as possible names).
    language : {"ru", "uk"} or None
        The dictionary to use; None and anything else mean ``"ru"``.
    sentence_start : bool, default False
        True when the word opens a sentence, so a capital letter alone does not make it a name.

    Returns
    -------
    str
        The lower-case lemma, ё written as е and apostrophes as ``'``. Proper names keep a
        recognisable form: ``lemma("Столтенберга", "ru") == "столтенберг"``,
        ``lemma("Рябков", "ru") == "рябков"``.

    Examples
    --------
    >>> lemma("заявил", "ru"), lemma("заявив", "uk"), lemma("Росії", "uk")
    ('заявить', 'заявити', 'росія')
    """
    lang = "uk" if language == "uk" else "ru"
    return _lemma(word, lang, sentence_start)


# Letter runs joined by an apostrophe or any dash, as razdel keeps them (Росія–НАТО, м'ясо);
# digits never make a content word, so they are left out.
_WORD_TOKEN = re.compile(r"[^\W\d_]+(?:[-‐‑‒–—−'’ʼ`][^\W\d_]+)*")
_JOINERS = frozenset("-‐‑‒–—−'’ʼ`")
_NON_LETTER_RE = re.compile(r"[\W\d_]")  # every character that is_letter rejects


def _kept(lem: str) -> str:
    """Return ``lem`` when it is a content lemma, else ``""``."""
    if lem in STOP_WORDS or len(_NON_LETTER_RE.sub("", lem)) < 2:
        return ""
    return lem


def _content_lemma(word: str, language: str) -> tuple[str, str]:
    """Return the content lemma of ``word`` inside a sentence and at its start (``""``: none).

    Stop words, numbers, punctuation and one-letter words have none.
    """
    letters = _NON_LETTER_RE.sub("", word)
    if len(letters) < 2 or _DIGIT_RE.search(word):
        return "", ""  # fewer than two letters, or a number
    form = normalize_word(word)
    if form in STOP_WORDS:
        return "", ""
    inside, initial = _analyse_form(word, form, letters, language)
    inside = _kept(inside)
    return inside, (inside if initial == inside else _kept(initial))


_MAX_FORMS = 3_000_000  # forms kept per language


class _FormLemmas:
    """The content lemma of every word form met so far, per language, keyed by the raw form.

    ``fixed`` holds forms whose lemma does not depend on where they stand (``""``: no content
    lemma); that is almost every form, so a text is mostly lemmatised by dictionary look-ups
    at C speed. ``positional`` holds the few capitalised forms read differently at the start
    of a sentence (Людей: людей inside a sentence, человек at its start), with both lemmas.
    The tables live on the class, so ``cache_clear`` works like ``functools.lru_cache``'s.
    """

    fixed: ClassVar[dict[str, dict[str, str]]] = {"ru": {}, "uk": {}}
    positional: ClassVar[dict[str, dict[str, tuple[str, str]]]] = {"ru": {}, "uk": {}}
    #: Cache files whose forms are all in the tables: path → (mtime_ns, size, forms).
    files: ClassVar[dict[str, tuple[int, int, int]]] = {}

    @classmethod
    def cache_clear(cls) -> None:
        """Forget every form."""
        for table in (*cls.fixed.values(), *cls.positional.values()):
            table.clear()
        cls.files.clear()

    @classmethod
    def size(cls) -> int:
        """Return how many (form, language) pairs are known."""
        return sum(map(len, (*cls.fixed.values(), *cls.positional.values())))


def lemmatize(text: str, language: str | None = None) -> list[str]:
    """Return the content lemmas of ``text`` in order.

    Stop words of both languages, numbers, punctuation and one-letter tokens are dropped.

    Parameters
    ----------
    text : str
        A sentence, paragraph or article.
    language : {"ru", "uk"} or None, default None
        The dictionary to use; None detects it with :func:`presslens.corpus.detect_language`
        and falls back to ``"ru"``.

    Returns
    -------
    list of str
        Lemmas as returned by :func:`lemma`. A capitalised word at the start of a sentence
        (as razdel splits sentences; a new line also starts one) is read with
        ``sentence_start=True``.

    Examples
    --------
    >>> lemmatize("Генсек НАТО Йенс Столтенберг заявил, что Альянс готов к диалогу.")
    ['генсек', 'нато', 'йенс', 'столтенберг', 'заявить', 'альянс', 'готовый', 'диалог']
    >>> lemmatize("Сергій Рябков заявив, що Росія не піде на поступки.", "uk")
    ['сергій', 'рябков', 'заявити', 'росія', 'піти', 'поступка']
    """
    if language not in ("ru", "uk"):
        language = detect_language(text) or "ru"
    # Only word tokens matter here, so one regular expression stands in for razdel (the output
    # equals razdel-based tokenizing). Known forms are looked up all at once; only new forms
    # and the few forms whose lemma depends on the sentence start are handled one by one.
    words = _WORD_TOKEN.findall(text)
    lems = list(map(_FormLemmas.fixed[language].get, words))
    if None in lems:
        _fill(text, words, lems, language)
    return list(filter(None, lems))


def _fill(text: str, words: list[str], lems: list[str | None], language: str) -> None:
    """Fill the gaps (None) of ``lems``: analyse new forms, place positional ones."""
    fixed = _FormLemmas.fixed[language]
    positional = _FormLemmas.positional[language]
    cursor = 0
    i = lems.index(None)
    while True:
        word = words[i]
        found = fixed.get(word)
        if found is None:
            pair = positional.get(word)
            if pair is None:
                if len(fixed) >= _MAX_FORMS:
                    fixed.clear()  # a bound on memory; forms are simply analysed again
                    positional.clear()
                    _FormLemmas.files.clear()
                pair = _content_lemma(word, language)
                if pair[0] == pair[1]:
                    fixed[word] = found = pair[0]
                else:
                    positional[word] = pair
            if found is None:
                pos = _find_token(text, word, cursor)
                cursor = pos + len(word)
                found = pair[1] if opens_sentence(text, pos) else pair[0]
        lems[i] = found
        try:
            i = lems.index(None, i + 1)
        except ValueError:
            return


def _find_token(text: str, word: str, start: int) -> int:
    """Return where the first word token ``word`` at or after ``start`` begins in ``text``."""
    pos = text.find(word, start)
    while pos >= 0:
        inside_token = pos > 0 and (
            is_letter(text[pos - 1])
            or (text[pos - 1] in _JOINERS and pos > 1 and is_letter(text[pos - 2]))
        )
        if not inside_token:
            match = _WORD_TOKEN.match(text, pos)
            if match is not None and match.end() == pos + len(word):
                return pos
        pos = text.find(word, pos + 1)
    raise ValueError(f"{word!r} is not a word token of the text after {start}")


def known_forms() -> int:
    """Return how many (word form, language) pairs this process knows the lemmas of.

    Returns
    -------
    int
        The forms analysed or read from a cache file since the start (or the last clear).
    """
    return _FormLemmas.size()
