"""How a quotation changed from one outlet to the next: a word-level diff of the texts as written.

:func:`quote_drift` compares two quotations word by word (difflib); :func:`drift_text` puts the
changes in one line for the echo table, and :func:`drift_table` lists them for every
same-language statement echo of :func:`presslens.findings.echoes`, offsets moved into each
article's clean text for highlighting.
"""

from __future__ import annotations

import difflib
import re

import pandas as pd

__all__ = ["drift_table", "drift_text", "quote_drift"]

_WORD = re.compile(r"\S+")


def quote_drift(source: str, text: str) -> pd.DataFrame:
    """Compare a later quotation with the first carrier's, word by word, as written.

    Parameters
    ----------
    source : str
        The first carrier's words.
    text : str
        The later carrier's words (same language).

    Returns
    -------
    pandas.DataFrame
        One row per change, in text order: ``op`` (``added``, ``dropped`` or ``changed``),
        ``source_words`` and ``words`` (str, as written; empty for an addition or a drop),
        ``source_start``, ``source_end``, ``start``, ``end`` (int: character offsets of the
        change in ``source`` and in ``text``). Empty when the words are the same.
    """
    return pd.DataFrame(_drift_ops(source, text), columns=["op", "source_words", "words",
                                                           "source_start", "source_end",
                                                           "start", "end"])


def _drift_ops(source: str, text: str) -> list[tuple]:
    """The rows of :func:`quote_drift` as tuples."""
    wa, wb = list(_WORD.finditer(source)), list(_WORD.finditer(text))
    matcher = difflib.SequenceMatcher(None, [m.group() for m in wa], [m.group() for m in wb],
                                      autojunk=False)
    rows = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        op = {"replace": "changed", "delete": "dropped", "insert": "added"}[tag]
        s0 = wa[i1].start() if i1 < i2 else (wa[i1 - 1].end() if i1 else 0)
        s1 = wa[i2 - 1].end() if i1 < i2 else s0
        t0 = wb[j1].start() if j1 < j2 else (wb[j1 - 1].end() if j1 else 0)
        t1 = wb[j2 - 1].end() if j1 < j2 else t0
        rows.append((op, source[s0:s1], text[t0:t1], s0, s1, t0, t1))
    return rows


def drift_text(source: str, text: str) -> str:
    """The changes of :func:`quote_drift` in one line: ``-dropped +added ~old→new``."""
    marks = {"dropped": "-{0}", "added": "+{1}", "changed": "~{0}→{1}"}
    return "; ".join(marks[op].format(a, b) for op, a, b, *_ in _drift_ops(source, text))


def drift_table(found: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """List the word-level changes of every same-language statement echo, for highlighting.

    Parameters
    ----------
    found : pandas.DataFrame
        The table of :func:`~presslens.findings.echoes`.
    statements : pandas.DataFrame
        The statements it was computed from (``article``, ``start``, ``end``, ``quote``).

    Returns
    -------
    pandas.DataFrame
        One row per change: ``key``, ``source_article``, ``source_outlet``, ``article``,
        ``outlet``, ``lag_days``, then the columns of :func:`quote_drift` with offsets moved
        into each article's clean text (``source_start`` … ``end``), plus ``source_quote``
        and ``quote`` (the two quotations).
    """
    head = ["key", "source_article", "source_outlet", "article", "outlet", "lag_days"]
    columns = head + ["op", "source_words", "words", "source_start", "source_end", "start",
                      "end", "source_quote", "quote"]
    quotes = {(a, int(s)): q for a, s, q in
              zip(statements["article"], statements["start"], statements["quote"], strict=True)}
    same = found[(found["kind"] == "statement") & ~found["language_changed"]]
    frames = []
    for rec in same.itertuples(index=False):
        a = quotes.get((rec.source_article, int(rec.source_start)), "")
        b = quotes.get((rec.article, int(rec.start)), "")
        changes = quote_drift(a, b)
        if changes.empty:
            continue
        changes[["source_start", "source_end"]] += int(rec.source_start)
        changes[["start", "end"]] += int(rec.start)
        for col in head:
            changes[col] = getattr(rec, col)
        frames.append(changes.assign(source_quote=a, quote=b))
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]
