"""Split Russian and Ukrainian text into sentences, tokens and content lemmas.

* Sentences and tokens come from razdel; a Ukrainian apostrophe (``'``, ``’``, ``ʼ``) between two
  letters stays inside its word (м'ясо, зв’язку).
* Lemmas come from pymorphy3 with the ``ru`` or ``uk`` dictionary, one analyser per language,
  created on first use. Each distinct (word form, language) pair is analysed once (a cache);
  :func:`save_lemma_cache` and :func:`load_lemma_cache` keep that cache in a Parquet file, valid
  for the installed dictionaries and these rules (:func:`lemma_cache_key`), so another process
  need not analyse the forms again.
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

import hashlib
import json
import os
import re
import warnings
from functools import lru_cache
from pathlib import Path
from typing import ClassVar, NamedTuple

import pandas as pd
import razdel
from razdel.rule import JOIN as _RAZDEL_JOIN
from razdel.segmenters.sentenize import BULLET_SIZE as _RAZDEL_BULLET_SIZE
from razdel.segmenters.sentenize import DELIMITER as _RAZDEL_DELIMITER
from razdel.segmenters.sentenize import DELIMITERS as _RAZDEL_DELIMITERS
from razdel.segmenters.sentenize import SentSplit as _RazdelSplit
from razdel.segmenters.sentenize import sentenize as _RAZDEL_SENTENIZE

from presslens.corpus.lang import detect_language
from presslens.lexicon import read_words
from presslens.text._razdel import token_spans

__all__ = [
    "APOSTROPHES",
    "LEMMA_RULES_VERSION",
    "analyzer",
    "known_forms",
    "STOP_WORDS",
    "Token",
    "lemma",
    "lemma_cache_key",
    "lemmatize",
    "load_lemma_cache",
    "normalize_word",
    "save_lemma_cache",
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


class Token(NamedTuple):
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


@lru_cache(maxsize=256)
def _tokenize(text: str) -> tuple[Token, ...]:
    """Tokenize once per distinct text: statements ask for the same sentences several times.

    The cache is small on purpose: the texts are asked for again within one article, and a
    few thousand tokenized articles would hold millions of tokens for the collector to walk.
    """
    if not _APOSTROPHE_RE.search(text):
        new = tuple.__new__  # Token(...) without the keyword-handling wrapper: it adds up
        return tuple([new(Token, (text[a:b], a, b)) for a, b in token_spans(text)])
    merged: list[Token] = []
    for start, stop in token_spans(text):
        tok = Token(text[start:stop], start, stop)
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
    return frozenset(normalize_word(line) for line in read_words(name))


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
    morph = _analyzer(language)
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
_NON_LETTER_RE = re.compile(r"[\W\d_]")  # every character that _is_letter rejects


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
                found = pair[1] if _opens_sentence(text, pos) else pair[0]
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
            _is_letter(text[pos - 1])
            or (text[pos - 1] in _JOINERS and pos > 1 and _is_letter(text[pos - 2]))
        )
        if not inside_token:
            match = _WORD_TOKEN.match(text, pos)
            if match is not None and match.end() == pos + len(word):
                return pos
        pos = text.find(word, pos + 1)
    raise ValueError(f"{word!r} is not a word token of the text after {start}")


# --------------------------------------------------------------------------- persisted lemmas

#: Version of the lemma rules of this module. Raise it with any change that can change a
#: content lemma (name rules, sentence starts, kept forms), so older cache files are ignored.
LEMMA_RULES_VERSION = 1
_CACHE_META = b"presslens.lemma_cache"
_CACHE_COLUMNS = ("language", "form", "inside", "initial")


def known_forms() -> int:
    """Return how many (word form, language) pairs this process knows the lemmas of.

    Returns
    -------
    int
        The forms analysed or read from a cache file since the start (or the last clear).
    """
    return _FormLemmas.size()


def lemma_cache_key() -> dict[str, str]:
    """Return what a persisted lemma cache is valid for.

    Returns
    -------
    dict of str to str
        The installed versions of ``pymorphy3``, ``pymorphy3-dicts-ru`` and
        ``pymorphy3-dicts-uk``, :data:`LEMMA_RULES_VERSION`, and a digest of
        :data:`STOP_WORDS` (a stop word has no content lemma). A cache file written under
        another key is ignored.
    """
    from importlib.metadata import PackageNotFoundError, version

    key = {}
    for package in ("pymorphy3", "pymorphy3-dicts-ru", "pymorphy3-dicts-uk"):
        try:
            key[package] = version(package)
        except PackageNotFoundError:
            key[package] = ""
    key["presslens-lemma-rules"] = str(LEMMA_RULES_VERSION)
    key["stop-words"] = hashlib.sha256("\n".join(sorted(STOP_WORDS)).encode()).hexdigest()[:16]
    return key


def save_lemma_cache(path: str | Path) -> int:
    """Write every content lemma known to this process to a Parquet file.

    The file holds one row per (language, word form as written) with its lemma inside a
    sentence and at the start of one (``""``: no content lemma), and the
    :func:`lemma_cache_key` in its schema metadata. It is written to a temporary file first,
    then renamed, so a reader never sees half a file.

    Parameters
    ----------
    path : str or pathlib.Path
        The file to write (its folder must exist).

    Returns
    -------
    int
        The number of forms written.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns: dict[str, list[str]] = {name: [] for name in _CACHE_COLUMNS}
    for language in ("ru", "uk"):
        fixed = _FormLemmas.fixed[language]
        positional = _FormLemmas.positional[language]
        columns["language"] += [language] * (len(fixed) + len(positional))
        columns["form"] += [*fixed, *positional]
        lemmas = list(fixed.values())
        columns["inside"] += lemmas + [pair[0] for pair in positional.values()]
        columns["initial"] += lemmas + [pair[1] for pair in positional.values()]
    schema = pa.schema([(name, pa.string()) for name in _CACHE_COLUMNS],
                       metadata={_CACHE_META: json.dumps(lemma_cache_key()).encode()})
    table = pa.table(columns, schema=schema)
    path = Path(path)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    pq.write_table(table, partial, compression="zstd")
    os.replace(partial, path)
    _remember(path, table.num_rows)
    return table.num_rows


def _remember(path: Path, forms: int) -> None:
    """Note that every form of the cache file ``path`` is in this process's tables."""
    stat = path.stat()
    _FormLemmas.files[str(path.resolve())] = (stat.st_mtime_ns, stat.st_size, forms)


def load_lemma_cache(path: str | Path) -> int:
    """Read a lemma cache written by :func:`save_lemma_cache` into this process's tables.

    Only a file written under the same :func:`lemma_cache_key` is used; a missing file gives 0,
    and a file of another key, or one that is not a lemma cache, is ignored with a warning
    (never an error). The file is read as Parquet columns of text: nothing is unpickled.

    Parameters
    ----------
    path : str or pathlib.Path
        The file.

    Returns
    -------
    int
        The number of forms read (0 when the file is missing or ignored). A file this process
        has read or written, unchanged since, is not read again.

    Warns
    -----
    UserWarning
        When the file exists but is unreadable, not a lemma cache, or of another key.
    """
    path = Path(path)
    if not path.is_file():
        return 0
    stat = path.stat()
    known = _FormLemmas.files.get(str(path.resolve()))
    if known is not None and known[:2] == (stat.st_mtime_ns, stat.st_size):
        return known[2]  # read (or written) by this process already, and unchanged since
    table = _read_cache(path)
    if table is None:
        return 0
    room = max(0, _MAX_FORMS - _FormLemmas.size())
    if room >= table.num_rows:
        _remember(path, table.num_rows)
    table = table.slice(0, room)
    _merge_cache(table)
    return table.num_rows


def _merge_cache(table) -> None:
    """Add the rows of a cache table to the tables of :class:`_FormLemmas`."""
    import pyarrow.compute as pc

    same = pc.equal(table.column("inside"), table.column("initial"))
    for language in ("ru", "uk"):
        mine = pc.equal(table.column("language"), language)
        rows = table.filter(pc.and_(mine, same))
        _FormLemmas.fixed[language].update(
            zip(rows.column("form").to_pylist(), rows.column("inside").to_pylist(), strict=True)
        )
        rows = table.filter(pc.and_(mine, pc.invert(same)))
        pairs = zip(rows.column("inside").to_pylist(), rows.column("initial").to_pylist(),
                    strict=True)
        _FormLemmas.positional[language].update(
            zip(rows.column("form").to_pylist(), pairs, strict=True)
        )


def _read_cache(path: Path):
    """Return the table of a valid cache file at ``path``, or None with a warning."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
        stored = json.loads((schema.metadata or {}).get(_CACHE_META, b"null"))
        if stored != lemma_cache_key():
            warnings.warn(f"{path}: a lemma cache of other dictionaries or rules ({stored}), "
                          "ignored", stacklevel=3)
            return None
        table = pq.read_table(path, columns=list(_CACHE_COLUMNS))
    except (OSError, ValueError, pa.ArrowException) as error:
        warnings.warn(f"{path}: not a readable lemma cache ({error}), ignored", stacklevel=3)
        return None
    strings = all(pa.types.is_string(table.schema.field(c).type) for c in _CACHE_COLUMNS)
    nulls = sum(table.column(c).null_count for c in _CACHE_COLUMNS)
    if not strings or nulls or not pc.all(
        pc.is_in(table.column("language"), pa.array(["ru", "uk"]))
    ).as_py():
        warnings.warn(f"{path}: not a lemma cache (columns), ignored", stacklevel=3)
        return None
    return table


# razdel's sentence splitter: a split may follow any delimiter match (a smile ends in a bracket).
_SPLIT_LAST = frozenset(_RAZDEL_DELIMITERS + "(")
_SMILE_CHARS = frozenset("=:;-()")
_DELIMITER_RE = re.compile(_RAZDEL_DELIMITER)
_LIST_ITEM_MAX = _RAZDEL_BULLET_SIZE  # razdel reads the sentence so far only when this short
_RAZDEL_RULES = tuple(rule.function for rule in _RAZDEL_SENTENIZE.rules)


@lru_cache(maxsize=1 << 16)
def _razdel_joins(left: str, delimiter: str, right: str, buffer: str | None) -> bool:
    """Tell whether razdel's rules join the text around a delimiter (no sentence break).

    razdel decides from the ``window`` characters on each side and, for a list item, the
    sentence gathered so far (``buffer``; None when longer than a list item, which razdel only
    measures), so the decision is remembered: the same contexts recur across a corpus.
    """
    split = _RazdelSplit(left, delimiter, right)
    split.buffer = " " * (_LIST_ITEM_MAX + 1) if buffer is None else buffer
    for rule in _RAZDEL_RULES:
        action = rule(split)
        if action:
            return action == _RAZDEL_JOIN
    return False


def _opens_sentence(text: str, pos: int) -> bool:
    """Tell whether the word at ``pos`` opens a sentence, as razdel.sentenize splits ``text``.

    Only spaces and opening marks (quotes, brackets, dashes) may stand between the start of the
    sentence, or of the line, and the word. Equal to checking the starts of
    ``razdel.sentenize(text)``, without splitting the whole text: razdel's own rules are asked
    about the delimiters just before the word.
    """
    k = pos
    while k:
        ch = text[k - 1]
        if ch == "\n":
            return True
        if ch in _OPENERS or ch.isspace():
            k -= 1
        else:
            break
    else:
        return True
    # text[k - 1] is the last character of the text before the word's sentence, if it has one.
    if _SPLIT_LAST.isdisjoint(text[k - 1 : pos]):
        return False
    return _razdel_splits(text, k, pos)


def _razdel_splits(text: str, k: int, pos: int) -> bool:
    """Tell whether razdel.sentenize splits ``text`` after a delimiter ending in ``[k, pos]``."""
    lo = max(0, k - 1 - 64)
    while True:
        while lo and text[lo - 1] in _SMILE_CHARS:
            lo -= 1  # start where razdel's scan for delimiters is not inside a smile
        matches = [(m.start(), m.end(), m.group(1)) for m in _DELIMITER_RE.finditer(text, lo, pos)]
        # The sentence razdel has gathered before the first delimiter must be known whenever it
        # may be short enough to matter (a list item): start at the text or far enough back.
        if not lo or not matches or matches[0][0] - lo > _LIST_ITEM_MAX:
            break
        lo = max(0, lo - 256)
    first = next((i for i, m in enumerate(matches) if m[1] >= k), None)
    if first is None:
        return False
    # razdel's decision at a delimiter reads the sentence gathered so far only when it is short,
    # so earlier delimiters matter only through a chain of short gaps: start after the last
    # long gap, where the sentence so far is long whatever was decided before.
    anchor = first
    while anchor and matches[anchor][0] - matches[anchor - 1][1] <= _LIST_ITEM_MAX:
        anchor -= 1
    sentence_start = matches[anchor - 1][1] if anchor else lo
    window = _RAZDEL_SENTENIZE.split.window
    for start, stop, delimiter in matches[anchor:]:
        if stop < len(text) and not text[stop].isspace():
            continue  # razdel never splits before a non-space (no_space_prefix)
        buffer = text[sentence_start:start]
        if not _razdel_joins(text[max(0, start - window) : start], delimiter,
                             text[stop : stop + window],
                             buffer if len(buffer) <= _LIST_ITEM_MAX else None):
            if stop >= k:
                return True
            sentence_start = stop
    return False
