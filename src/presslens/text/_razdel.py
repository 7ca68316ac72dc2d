"""razdel's token rules, applied in one pass.

``razdel.tokenize`` builds a record object for every atom and every split between atoms and
runs each rule through several layers of calls; on a news article that is most of the time
the statement finder spends. :func:`token_spans` applies the same atoms (razdel's own regular
expression) and the same join rules (dash, underscore, float, fraction, punctuation, other
scripts, "Yahoo!") over plain tuples, so its output is razdel's, span for span
(``tests/test_nlp.py`` checks this on written and generated text).
"""

from __future__ import annotations

from razdel.segmenters.punct import DASHES, ENDINGS
from razdel.segmenters.tokenize import ATOM, SMILE

__all__ = ["token_spans"]

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
