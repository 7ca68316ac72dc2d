"""Split Russian and Ukrainian text into sentences, tokens and content lemmas.

* Sentences and tokens come from razdel; a Ukrainian apostrophe (``'``, ``’``, ``ʼ``) between two
  letters stays inside its word (м'ясо, зв’язку).
* Lemmas come from pymorphy3 with the ``ru`` or ``uk`` dictionary, one analyser per language,
  created on first use. Each distinct (word form, language) pair is analysed once (a cache).
* Proper names stay recognisable. For a capitalised word, parses tagged as a surname, first name,
  patronymic, place, organisation or abbreviation win; when there is none, the word keeps its
  lower-cased form unless the dictionary's normal form is plainly the same word (Кремля → кремль),
  so a surname is never turned into a common noun (Рябков stays рябков, not рябок).
* Stop words are the union of two maintained lists for both languages (``stopwordsiso`` and
  ``stop_words``), minus the news content words those lists happen to contain (Россия, война,
  страна …; ``resources/nlp_stopwords_keep.txt``), plus a handful of prepositions both lists
  miss (щодо, относительно …; ``resources/nlp_stopwords_extra.txt``).
* Numbers, punctuation and one-letter tokens are dropped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import razdel

from presslens.lang import detect_language
from presslens.paths import resource

__all__ = [
    "APOSTROPHES",
    "analyzer",
    "STOP_WORDS",
    "Token",
    "lemma",
    "lemmatize",
    "normalize_word",
    "sentences",
    "tokenize",
]

#: Characters used as the Ukrainian apostrophe; the first is the canonical one (pymorphy3's).
APOSTROPHES = "'’ʼ`"
_APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")
_LETTER_RE = re.compile(r"[^\W\d_]")
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
# Characters before the first word of a sentence that do not make a word sentence-internal.
_OPENERS = frozenset("«\"'“„‘(—–-[…")


@dataclass(frozen=True)
class Token:
    """A token of a text with its character offsets (``text[start:end]``)."""

    text: str
    start: int
    end: int


def normalize_word(word: str) -> str:
    """Return ``word`` lower-cased, with ё as е and every apostrophe as ``'``.

    Parameters
    ----------
    word : str
        A word form.

    Returns
    -------
    str
        The form used to look words up in the stop lists and the dictionaries.

    Examples
    --------
    >>> normalize_word("Зв’язку")
    "зв'язку"
    """
    return _APOSTROPHE_RE.sub("'", word.lower().replace("ё", "е"))


def _is_letter(ch: str) -> bool:
    return bool(_LETTER_RE.match(ch))


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with razdel, keeping apostrophes inside Ukrainian words.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of Token
        Words, numbers and punctuation marks in text order; ``text[t.start:t.end] == t.text``.

    Examples
    --------
    >>> [t.text for t in tokenize("Зв’язку немає, м'ясо є.")]
    ['Зв’язку', 'немає', ',', "м'ясо", 'є', '.']
    """
    return list(_tokenize(text))


@lru_cache(maxsize=4096)
def _tokenize(text: str) -> tuple[Token, ...]:
    """Tokenize once per distinct text: statements ask for the same sentences several times."""
    merged: list[Token] = []
    for item in razdel.tokenize(text):
        tok = Token(item.text, item.start, item.stop)
        if merged and merged[-1].end == tok.start:
            prev = merged[-1]
            # word + apostrophe, glued: the apostrophe joins the word on its left ...
            if tok.text in APOSTROPHES and _is_letter(prev.text[-1]):
                merged[-1] = Token(prev.text + tok.text, prev.start, tok.end)
                continue
            # ... and a word glued after "word'" completes it (зв + ’ + язку).
            if (
                len(prev.text) > 1
                and prev.text[-1] in APOSTROPHES
                and _is_letter(prev.text[-2])
                and _is_letter(tok.text[0])
            ):
                merged[-1] = Token(prev.text + tok.text, prev.start, tok.end)
                continue
        merged.append(tok)
    # An apostrophe left dangling at the end of a word is punctuation again (a closing quote).
    out: list[Token] = []
    for tok in merged:
        if len(tok.text) > 1 and tok.text[-1] in APOSTROPHES:
            out.append(Token(tok.text[:-1], tok.start, tok.end - 1))
            out.append(Token(tok.text[-1], tok.end - 1, tok.end))
        else:
            out.append(tok)
    return tuple(out)


def sentences(text: str) -> pd.DataFrame:
    """Split ``text`` into sentences with razdel.

    Parameters
    ----------
    text : str
        Any text, e.g. an article's clean body or one paragraph.

    Returns
    -------
    pandas.DataFrame
        One row per sentence, in text order, with columns:

        - ``sentence`` (int): 0-based index of the sentence in ``text``;
        - ``start``, ``end`` (int): character offsets, ``text[start:end]`` is the sentence;
        - ``text`` (str): the sentence.

    Examples
    --------
    >>> sentences("Он заявил это. Потом ушёл.")["text"].tolist()
    ['Он заявил это.', 'Потом ушёл.']
    """
    rows = [(s.start, s.stop, s.text) for s in razdel.sentenize(text) if s.text.strip()]
    frame = pd.DataFrame(rows, columns=["start", "end", "text"])
    frame.insert(0, "sentence", range(len(frame)))
    return frame.astype({"sentence": "int64", "start": "int64", "end": "int64"})


# --------------------------------------------------------------------------- stop words


def _read_list(name: str) -> frozenset[str]:
    words = set()
    for line in resource(name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(normalize_word(line))
    return frozenset(words)


def _load_stop_words() -> frozenset[str]:
    import stop_words
    import stopwordsiso

    words: set[str] = set()
    for code, name in (("ru", "russian"), ("uk", "ukrainian")):
        words.update(stopwordsiso.stopwords(code))
        words.update(stop_words.get_stop_words(name))
    extra = _read_list("nlp_stopwords_extra.txt")
    keep = _read_list("nlp_stopwords_keep.txt")
    return (frozenset(normalize_word(w) for w in words if w.strip()) | extra) - keep


#: Stop words of Russian and Ukrainian (normalised with :func:`normalize_word`).
STOP_WORDS: frozenset[str] = _load_stop_words()


# --------------------------------------------------------------------------- lemmas


@lru_cache(maxsize=2)
def analyzer(language: str):
    """Return the shared pymorphy3 analyser for ``"ru"`` or ``"uk"``, created on first use.

    Every stage that needs grammemes (statements, dates) asks this one analyser, so each
    dictionary is loaded once per process.
    """
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


_analyzer = analyzer


def _common_prefix_ok(form: str, candidate: str) -> bool:
    """Tell whether ``candidate`` is plainly an inflection base of ``form`` (Кремля → кремль)."""
    if candidate == form:
        return True
    stem = candidate[:-1] if len(candidate) > 3 else candidate
    return len(stem) >= 3 and form.startswith(stem)


def _name_parse(parses):
    for tag in _NAME_TAGS:
        for p in parses:
            if tag in p.tag.grammemes:
                return p
    return None


@lru_cache(maxsize=500_000)
def _lemma(word: str, language: str, sentence_start: bool) -> str:
    form = normalize_word(word)
    if not _CYRILLIC_RE.search(form):
        return form  # Latin names and words (CNN, Financial Times) are kept as they are
    letters = [ch for ch in word if _is_letter(ch)]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return form  # an acronym: НАТО, США, ОБСЕ
    if "-" in form and word[:1].isupper():
        # a hyphenated name is kept whole, each part lemmatised: Россия-НАТО
        parts = word.split("-")
        if all(parts):
            return "-".join(_lemma(part, language, sentence_start) for part in parts)
    morph = _analyzer(language)
    lookup = _APOSTROPHE_RE.sub("'", word.replace("ё", "е").replace("Ё", "Е"))
    parses = morph.parse(lookup)
    if not parses:
        return form
    if not word[:1].isupper():
        return normalize_word(parses[0].normal_form)
    named = _name_parse(parses)
    if named is not None:
        return normalize_word(named.normal_form)
    best = parses[0]
    candidate = normalize_word(best.normal_form)
    surname_like = bool(_SURNAME_SHAPE.search(form))
    if _ADJECTIVE_SURNAME.search(candidate) and best.tag.POS == "ADJF":
        return candidate  # Зеленского → зеленский
    if sentence_start and not surname_like:
        # A capital that only marks the start of a sentence: read the word as common.
        low = morph.parse(lookup.lower())
        if low and morph.word_is_known(lookup.lower()):
            return normalize_word(low[0].normal_form)
    grammemes = best.tag.grammemes
    if "plur" in grammemes and surname_like and "Pltm" not in grammemes:
        return form  # Рябков is a surname, not the genitive plural of рябок
    if _common_prefix_ok(form, candidate):
        return candidate
    return form


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


def _content(token: Token) -> bool:
    text = token.text
    if _DIGIT_RE.search(text):
        return False
    letters = sum(1 for ch in text if _is_letter(ch))
    return letters >= 2


def lemmatize(text: str, language: str | None = None) -> list[str]:
    """Return the content lemmas of ``text`` in order.

    Stop words of both languages, numbers, punctuation and one-letter tokens are dropped.

    Parameters
    ----------
    text : str
        A sentence, paragraph or article.
    language : {"ru", "uk"} or None, default None
        The dictionary to use; None detects it with :func:`presslens.lang.detect_language`
        and falls back to ``"ru"``.

    Returns
    -------
    list of str
        Lemmas as returned by :func:`lemma`.

    Examples
    --------
    >>> lemmatize("Генсек НАТО Йенс Столтенберг заявил, что Альянс готов к диалогу.")
    ['генсек', 'нато', 'йенс', 'столтенберг', 'заявить', 'альянс', 'готовый', 'диалог']
    >>> lemmatize("Сергій Рябков заявив, що Росія не піде на поступки.", "uk")
    ['сергій', 'рябков', 'заявити', 'росія', 'піти', 'поступка']
    """
    if language not in ("ru", "uk"):
        language = detect_language(text) or "ru"
    # Only word tokens matter here, so one regular expression stands in for razdel; each
    # distinct (token, language, sentence-initial) is decided once, and sentences are split
    # only when a capitalised token needs placing. The output equals razdel-based tokenizing
    # (checked by benchmarks/run.py on every benchmark corpus).
    starts: list[int] | None = None
    out: list[str] = []
    for m in _WORD_TOKEN.finditer(text):
        word = m.group()
        initial = False
        if word[:1].isupper():
            if starts is None:
                starts = sorted({s.start for s in razdel.sentenize(text)} | {0})
            pos = m.start()
            begin = starts[bisect.bisect_right(starts, pos) - 1]
            begin = max(begin, text.rfind("\n", 0, pos) + 1)
            initial = all(ch.isspace() or ch in _OPENERS for ch in text[begin:pos])
        found = _content_lemma(word, language, initial)
        if found is not None:
            out.append(found)
    return out


# Letter runs joined by an apostrophe or any dash, as razdel keeps them (Росія–НАТО, м'ясо);
# digits never make a content word, so they are left out.
_WORD_TOKEN = re.compile(r"[^\W\d_]+(?:[-‐‑‒–—−'’ʼ`][^\W\d_]+)*")


@lru_cache(maxsize=1_000_000)
def _content_lemma(word: str, language: str, initial: bool) -> str | None:
    """Return the lemma of a content word, or None for stop words, numbers and punctuation."""
    if not _content(Token(word, 0, len(word))) or normalize_word(word) in STOP_WORDS:
        return None
    lem = lemma(word, language, sentence_start=initial)
    if lem in STOP_WORDS or sum(1 for ch in lem if _is_letter(ch)) < 2:
        return None
    return lem
