"""razdel's token rules, applied in one pass, and its sentence rules, asked at one place.

``razdel.tokenize`` builds a record object for every atom and every split between atoms and
runs each rule through several layers of calls; on a news article that is most of the time
the statement finder spends. :func:`token_spans` applies the same atoms (razdel's own regular
expression) and the same join rules (dash, underscore, float, fraction, punctuation, other
scripts, "Yahoo!") over plain tuples, so its output is razdel's, span for span
(``tests/test_razdel.py`` checks this on written and generated text).

:func:`opens_sentence` tells whether a word opens a sentence as ``razdel.sentenize`` splits the
text, asking razdel's rules only about the delimiters just before the word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from razdel.rule import JOIN as _RAZDEL_JOIN
from razdel.segmenters.punct import DASHES, ENDINGS
from razdel.segmenters.sentenize import BULLET_SIZE as _RAZDEL_BULLET_SIZE
from razdel.segmenters.sentenize import DELIMITER as _RAZDEL_DELIMITER
from razdel.segmenters.sentenize import DELIMITERS as _RAZDEL_DELIMITERS
from razdel.segmenters.sentenize import SentSplit as _RazdelSplit
from razdel.segmenters.sentenize import sentenize as _RAZDEL_SENTENIZE
from razdel.segmenters.tokenize import ATOM, SMILE

__all__ = ["opens_sentence", "token_spans"]

_PUNCT = "PUNCT"
_INT = "INT"
_OTHER = "OTHER"
_WORDISH = frozenset(("OTHER", "RU", "LAT"))
# The one-character atoms the "2112" rules join across (a-b, a_b, 1.5, 1/2).
_DELIMITERS = frozenset(DASHES + "_.,/\\")


def _around(atoms: list, i: int, chars: str, allowed) -> bool:
    """razdel's "2112" rules: ``a-b`` joins when the atoms either side of ``-`` allow it."""
    n = len(atoms)
    left_1, right_1 = atoms[i - 1], atoms[i]
    if left_1[3] in chars:
        if i < 2:
            return False
        return allowed(atoms[i - 2][2], right_1[2])
    if right_1[3] in chars:
        if i + 1 >= n:
            return False
        return allowed(left_1[2], atoms[i + 1][2])
    return False


def _not_punct(left: str, right: str) -> bool:
    return left != _PUNCT and right != _PUNCT


def _both_int(left: str, right: str) -> bool:
    return left == _INT and right == _INT


def _join(text: str, atoms: list, i: int, buffer_start: int) -> bool:
    """Tell whether razdel joins atom ``i`` to the token being built (no space between)."""
    left_1, right_1 = atoms[i - 1], atoms[i]
    lt, rt = left_1[2], right_1[2]
    if left_1[3] in _DELIMITERS or right_1[3] in _DELIMITERS:
        if _around(atoms, i, DASHES, _not_punct) or _around(atoms, i, "_", _not_punct):
            return True
        if _around(atoms, i, ".,", _both_int) or _around(atoms, i, "/\\", _both_int):
            return True
    if lt == _PUNCT and rt == _PUNCT:
        left, right = left_1[3], right_1[3]
        if SMILE.match(text[buffer_start : left_1[1]] + right):
            return True
        if (left in ENDINGS and right in ENDINGS) or left + right in ("--", "**"):
            return True
    if (lt == _OTHER and rt in _WORDISH) or (lt in _WORDISH and rt == _OTHER):
        return True
    return left_1[3].lower() == "yahoo" and right_1[3] == "!"


def token_spans(text: str) -> list[tuple[int, int]]:
    """Return razdel's tokens of ``text`` as ``(start, stop)`` offsets.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of tuple of int
        The spans ``razdel.tokenize(text)`` returns, in order.
    """
    atoms = [(m.start(), m.end(), m.lastgroup, m.group()) for m in ATOM.finditer(text)]
    if not atoms:
        return []
    spans = []
    start = atoms[0][0]
    for i in range(1, len(atoms)):
        prev, cur = atoms[i - 1], atoms[i]
        prev_end = prev[1]
        if prev_end == cur[0]:
            lt, rt = prev[2], cur[2]
            if (lt == _OTHER and rt in _WORDISH) or (lt in _WORDISH and rt == _OTHER):
                continue  # razdel's "other" rule: a letter of another script (і, ї, є) joins
            # most glued pairs are a word and one plain mark (слово, «слово): exactly one side
            # punctuation, no delimiter of the "2112" rules, no other script, no "Yahoo!" —
            # no rule joins those, so razdel's rules need not be asked
            plain = (
                (lt == _PUNCT) != (rt == _PUNCT)
                and lt != _OTHER
                and rt != _OTHER
                and prev[3] not in _DELIMITERS
                and cur[3] not in _DELIMITERS
                and cur[3] != "!"
            )
            if not plain and _join(text, atoms, i, start):
                continue
        spans.append((start, prev_end))
        start = cur[0]
    spans.append((start, atoms[-1][1]))
    return spans


# --------------------------------------------------------------------------- sentence starts

# Characters before the first word of a sentence that do not make a word sentence-internal.
_OPENERS = frozenset("«\"'“„‘(—–-[…")
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


def opens_sentence(text: str, pos: int) -> bool:
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
