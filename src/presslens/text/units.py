"""The units of text that are vectorised: whole articles, paragraphs or sentences.

:func:`split_units` cuts articles into units with their character offsets and language;
:func:`as_units` reads whatever the vectorizer is given (articles, units or plain texts) as a
table of units.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from presslens.corpus.clean import paragraphs
from presslens.corpus.lang import detect_language
from presslens.text.tokens import sentences

__all__ = ["LEVELS", "UNIT_COLUMNS", "as_units", "split_units"]

#: The units a corpus can be vectorised at.
LEVELS = ("article", "paragraph", "sentence")
#: Columns of the table returned by :func:`split_units`.
UNIT_COLUMNS = ["article", "index", "start", "end", "text", "language"]


def split_units(articles: pd.DataFrame, level: str = "paragraph") -> pd.DataFrame:
    """Split articles into the units that are vectorised: whole articles, paragraphs or sentences.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles`` (needs ``id``, ``text``, ``language``; ``lines`` is used when present).
    level : {"article", "paragraph", "sentence"}, default "paragraph"
        The unit.

    Returns
    -------
    pandas.DataFrame
        One row per non-empty unit, sorted by article and index:

        - ``article`` (str): the article id;
        - ``index`` (int): 0-based index of the unit within the article (0 for a whole article;
          the paragraph index of :func:`presslens.corpus.paragraphs`; sentences are numbered
          through the whole article);
        - ``start``, ``end`` (int): character offsets into the article's clean ``text``;
        - ``text`` (str): the unit;
        - ``language`` (str or None): ``"ru"``/``"uk"`` of the unit (a paragraph's detected
          language, else the article's).

    Raises
    ------
    ValueError
        When ``level`` is not one of :data:`LEVELS`.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    rows = _article_rows(articles) if level == "article" else _part_rows(articles, level)
    units = pd.DataFrame(rows, columns=UNIT_COLUMNS)
    units = units.astype({"article": str, "index": "int64", "start": "int64", "end": "int64"})
    units["language"] = units["language"].astype(object).where(units["language"].notna(), None)
    return units.sort_values(["article", "index"], kind="stable").reset_index(drop=True)


def _article_rows(articles: pd.DataFrame) -> list[tuple]:
    """One unit row per article with text."""
    rows: list[tuple] = []
    for art in articles.itertuples(index=False):
        text = art.text if isinstance(art.text, str) else ""
        language = art.language if isinstance(art.language, str) else detect_language(text)
        if text.strip():
            rows.append((art.id, 0, 0, len(text), text, language))
    return rows


def _part_rows(articles: pd.DataFrame, level: str) -> list[tuple]:
    """One unit row per paragraph, or per sentence (numbered through its article)."""
    rows: list[tuple] = []
    frame = articles
    if "lines" not in frame.columns:
        frame = frame.assign(lines=None)
    paras = paragraphs(frame)
    counters: Counter[str] = Counter()
    for para in paras.itertuples(index=False):
        if not para.text.strip():
            continue
        language = para.language if isinstance(para.language, str) else None
        if level == "paragraph":
            rows.append(
                (para.article, int(para.paragraph), para.start, para.end, para.text, language)
            )
            continue
        for sent in sentences(para.text).itertuples(index=False):
            index = counters[para.article]
            counters[para.article] += 1
            start = int(para.start) + int(sent.start)
            rows.append((para.article, index, start, start + len(sent.text), sent.text,
                         language))
    return rows


def as_units(X, level: str) -> pd.DataFrame:
    """Read the input of the vectorizer (articles, units or texts) as a table of units."""
    if isinstance(X, pd.DataFrame):
        if "article" in X.columns and "text" in X.columns:
            units = X.copy()
            if "language" not in units.columns:
                units["language"] = None
            if "index" not in units.columns:
                units["index"] = range(len(units))
            return units.reset_index(drop=True)
        if "id" in X.columns and "text" in X.columns:
            return split_units(X, level)
        raise ValueError("a DataFrame input needs columns id and text (articles) "
                         "or article and text (units)")
    if isinstance(X, str):
        raise ValueError("pass a list of texts, not a single string")
    texts = [str(t) for t in X]
    return pd.DataFrame(
        {
            "article": [str(i) for i in range(len(texts))],
            "index": 0,
            "start": 0,
            "end": [len(t) for t in texts],
            "text": texts,
            "language": [None] * len(texts),
        },
        columns=UNIT_COLUMNS,
    )
