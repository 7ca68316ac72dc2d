"""Split Russian and Ukrainian text into tokens and sentences, with razdel.

* Sentences and tokens come from razdel; a Ukrainian apostrophe (``'``, ``’``, ``ʼ``) between two
  letters stays inside its word (м'ясо, зв’язку).
* :func:`normalize_word` gives the form words are looked up by: lower case, ё as е, one
  apostrophe.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import pandas as pd
import razdel

from presslens.text._razdel import token_spans

__all__ = ["APOSTROPHES", "Token", "is_letter", "normalize_word", "sentences", "tokenize"]

#: Characters used as the Ukrainian apostrophe; the first is the canonical one (pymorphy3's).
APOSTROPHES = "'’ʼ`"
_APOSTROPHE_RE = re.compile(f"[{APOSTROPHES}]")
_LETTER_RE = re.compile(r"[^\W\d_]")


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


def is_letter(ch: str) -> bool:
    """Tell whether ``ch`` is a letter (not a digit, an underscore or punctuation)."""
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
            if tok.text in APOSTROPHES and is_letter(prev.text[-1]):
                merged[-1] = Token(prev.text + tok.text, prev.start, tok.end)
                continue
            # ... and a word glued after "word'" completes it (зв + ’ + язку).
            if (
                len(prev.text) > 1
                and prev.text[-1] in APOSTROPHES
                and is_letter(prev.text[-2])
                and is_letter(tok.text[0])
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
