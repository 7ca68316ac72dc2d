"""Which passages say the same thing: similar pairs across a corpus, two articles aligned, and
near-duplicates.

Similar pairs and alignments compare paragraphs or sentences by the cosine of their lemma TF-IDF
vectors (:mod:`presslens.findings.similarity`), a pair listed with the shared lemmas that
contribute most to its score. Near-duplicates are measured on the words themselves, not on
lemmas: the share of word 3-grams (shingles) of the shorter passage that the other passage
contains.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import numpy as np
import pandas as pd

from presslens.findings.similarity import shared_terms, top_neighbors, unit_vectors
from presslens.text import LemmaVectorizer, normalize_word, split_units, tokenize

__all__ = ["DUPLICATE_COLUMNS", "PAIR_COLUMNS", "align_passages", "near_duplicates",
           "similar_pairs"]

#: Columns of :func:`similar_pairs` and :func:`align_passages`.
PAIR_COLUMNS = [
    "a", "a_index", "a_start", "a_end", "a_text",
    "b", "b_index", "b_start", "b_end", "b_text",
    "score", "terms",
]  # fmt: skip
#: Columns of :func:`near_duplicates`.
DUPLICATE_COLUMNS = [
    "kind", "a", "a_index", "a_start", "a_end", "a_text",
    "b", "b_index", "b_start", "b_end", "b_text",
    "shared", "jaccard", "score",
]  # fmt: skip
#: The integer columns of a pair: each unit's index and offsets.
SIDE_INTS = ("a_index", "a_start", "a_end", "b_index", "b_start", "b_end")


# --------------------------------------------------------------------------- similar pairs


def _side(unit: pd.Series) -> tuple:
    """The five ``a_…``/``b_…`` columns of one unit: article, index, start, end, text."""
    return unit["article"], int(unit["index"]), int(unit["start"]), int(unit["end"]), unit["text"]


def _by_score(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` sorted by score (highest first), then ``a``, ``a_index``, ``b``, ``b_index``."""
    return frame.sort_values(
        ["score", "a", "a_index", "b", "b_index"],
        ascending=[False, True, True, True, True],
        kind="stable",
    ).reset_index(drop=True)


def _pair_rows(vec, units, X, pairs, n_terms) -> pd.DataFrame:
    """The table of :func:`similar_pairs` for ``pairs`` of unit rows ``(i, j, score)``."""
    rows = []
    for i, j, score in pairs:
        rows.append((*_side(units.iloc[i]), *_side(units.iloc[j]), round(float(score), 6),
                     shared_terms(X, i, j, vec.labels_, n_terms, vec.n_word_features())))
    frame = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    frame = frame.astype({c: "int64" for c in SIDE_INTS})
    frame["score"] = frame["score"].astype("float64")
    return _by_score(frame)


def similar_pairs(
    articles: pd.DataFrame,
    level: str = "paragraph",
    k: int = 3,
    *,
    min_score: float = 0.1,
    n_terms: int = 5,
    vectorizer: LemmaVectorizer | None = None,
) -> pd.DataFrame:
    """Find the most similar pairs of units from different articles across a corpus.

    Each unit (article, paragraph or sentence) keeps its ``k`` nearest units of *other*
    articles; the pairs are then listed once each (``a`` before ``b``).

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles``.
    level : {"article", "paragraph", "sentence"}, default "paragraph"
        The unit compared.
    k : int, default 3
        Neighbours kept per unit.
    min_score : float, default 0.1
        Pairs scoring at or below this are left out.
    n_terms : int, default 5
        Shared terms listed per pair.
    vectorizer : LemmaVectorizer or None
        Its parameters are used (``level`` is overridden); None: the defaults.

    Returns
    -------
    pandas.DataFrame
        One row per pair, sorted by score (highest first), then ``a``, ``a_index``, ``b``,
        ``b_index``:

        - ``a``, ``b`` (str): the two article ids (``a`` < ``b``);
        - ``a_index``, ``b_index`` (int): the unit's index within its article (0 at
          article level; see :func:`presslens.text.split_units`);
        - ``a_start``, ``a_end``, ``b_start``, ``b_end`` (int): offsets into the articles'
          clean ``text``;
        - ``a_text``, ``b_text`` (str): the units;
        - ``score`` (float): cosine similarity of their lemma TF-IDF vectors, 0–1;
        - ``terms`` (list of str): the shared lemmas that weigh most in the score.
    """
    vec, units, X = unit_vectors(articles, level, vectorizer)
    hood = top_neighbors(X, k, groups=units["article"].to_numpy(), threshold=min_score)
    keys = list(zip(units["article"], units["index"], strict=True))
    seen: dict[tuple[int, int], float] = {}
    for i, j, score in zip(hood["row"], hood["neighbor"], hood["score"], strict=True):
        i, j = (int(i), int(j)) if keys[int(i)] < keys[int(j)] else (int(j), int(i))
        seen[(i, j)] = max(score, seen.get((i, j), 0.0))
    pairs = [(i, j, s) for (i, j), s in seen.items()]
    return _pair_rows(vec, units, X, pairs, n_terms)


def align_passages(
    articles: pd.DataFrame,
    a: str,
    b: str,
    level: str = "paragraph",
    *,
    n: int = 10,
    min_score: float = 0.1,
    n_terms: int = 5,
    vectorizer: LemmaVectorizer | None = None,
) -> pd.DataFrame:
    """Align two articles: their most similar paragraph or sentence pairs.

    The vectorizer is fitted on the units of the whole corpus, so idf weights reflect it.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles``.
    a, b : str
        The two article ids.
    level : {"paragraph", "sentence"}, default "paragraph"
        The unit compared.
    n : int, default 10
        Most pairs returned.
    min_score, n_terms, vectorizer
        As in :func:`similar_pairs`.

    Returns
    -------
    pandas.DataFrame
        The columns of :func:`similar_pairs`, ``a`` being the first article given; sorted by
        score (highest first), then indexes.

    Raises
    ------
    KeyError
        When ``a`` or ``b`` is not an article id.
    """
    for ident in (a, b):
        if ident not in set(articles["id"]):
            raise KeyError(f"no article with id {ident!r}")
    vec, units, X = unit_vectors(articles, level, vectorizer)
    rows_a = np.flatnonzero(units["article"].to_numpy() == a)
    rows_b = np.flatnonzero(units["article"].to_numpy() == b)
    block = (X[rows_a] @ X[rows_b].T).toarray() if len(rows_a) and len(rows_b) else None
    pairs = []
    if block is not None:
        for p, q in zip(*np.nonzero(block > min_score), strict=True):
            pairs.append((int(rows_a[p]), int(rows_b[q]), float(block[p, q])))
    frame = _pair_rows(vec, units, X, pairs, n_terms)
    return frame.head(n).reset_index(drop=True)


# --------------------------------------------------------------------------- near-duplicates


def _shingles(text: str, size: int) -> set[tuple[str, ...]]:
    words = [normalize_word(t.text) for t in tokenize(text) if any(ch.isalnum() for ch in t.text)]
    if len(words) < size:
        return {tuple(words)} if words else set()
    return {tuple(words[p : p + size]) for p in range(len(words) - size + 1)}


def _raw_units(articles: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for art in articles.itertuples(index=False):
        raw = art.raw if isinstance(art.raw, str) else ""
        start = 0
        for number, line in enumerate(raw.split("\n"), start=1):
            end = start + len(line)
            if line.strip():
                rows.append((art.id, number, start, end, line, None))
            start = end + 1
    return pd.DataFrame(rows, columns=["article", "index", "start", "end", "text", "language"])


def near_duplicates(
    articles: pd.DataFrame,
    level: str = "paragraph",
    *,
    column: str = "text",
    threshold: float = 0.5,
    shingle: int = 3,
    min_shingles: int = 8,
    max_shingle_df: int = 50,
) -> pd.DataFrame:
    """Find repeated passages inside an article and reprints across articles.

    Each unit is reduced to its word ``shingle``-grams (lower case, ё as е, punctuation
    ignored). Candidate pairs share at least one shingle (an inverted index; shingles found in
    more than ``max_shingle_df`` units are too common to be evidence and are ignored); the score
    of a pair is its containment: the share of the smaller unit's shingles found in the other.
    A score of 1 means one passage is wholly contained in the other.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles``.
    level : {"article", "paragraph", "sentence"}, default "paragraph"
        The unit compared (with ``column="raw"``: the raw file's non-empty lines).
    column : {"text", "raw"}, default "text"
        ``"text"`` compares the clean text; ``"raw"`` the untouched file, line by line, to see
        repeats that cleaning removed (offsets then point into ``raw``).
    threshold : float, default 0.5
        Smallest containment reported. Two edits in a 25-word sentence leave about 0.75;
        a paraphrase of the same statement scores about 0.3.
    shingle : int, default 3
        Words per shingle.
    min_shingles : int, default 8
        Units with fewer shingles (under ten words: headings, captions) are ignored.
    max_shingle_df : int, default 50
        Shingles found in more units than this are ignored.

    Returns
    -------
    pandas.DataFrame
        One row per pair, sorted by score (highest first), then ``a``, ``a_index``, ``b``,
        ``b_index``:

        - ``kind`` (str): ``"repeat"`` (both units in one article) or ``"reprint"`` (two
          articles);
        - ``a``, ``b`` (str): article ids (``a`` ≤ ``b``);
        - ``a_index``, ``b_index`` (int): unit index within the article (``a_index`` <
          ``b_index`` for a repeat); with ``column="raw"``, the 1-based line number in the raw
          file, as in ``Corpus.removed``;
        - ``a_start``, ``a_end``, ``b_start``, ``b_end`` (int): offsets into ``column``;
        - ``a_text``, ``b_text`` (str): the units;
        - ``shared`` (int): shingles in common;
        - ``jaccard`` (float): shared shingles over all distinct shingles of the two;
        - ``score`` (float): containment, shared shingles over those of the smaller unit.
    """
    if column == "raw":
        units = _raw_units(articles)
    elif column == "text":
        units = split_units(articles, level)
    else:
        raise ValueError(f"column must be 'text' or 'raw', not {column!r}")
    sets = [_shingles(t, shingle) for t in units["text"]]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for row, grams in enumerate(sets):
        if len(grams) >= min_shingles:
            for gram in grams:
                index[gram].append(row)
    candidates: set[tuple[int, int]] = set()
    for rows in index.values():
        if 1 < len(rows) <= max_shingle_df:
            candidates.update(combinations(rows, 2))
    out = []
    for i, j in sorted(candidates):
        shared = len(sets[i] & sets[j])
        score = shared / min(len(sets[i]), len(sets[j]))
        if score < threshold:
            continue
        a, b = units.iloc[i], units.iloc[j]
        kind = "repeat" if a["article"] == b["article"] else "reprint"
        out.append((kind, *_side(a), *_side(b), shared,
                    round(shared / len(sets[i] | sets[j]), 6), round(score, 6)))
    frame = pd.DataFrame(out, columns=DUPLICATE_COLUMNS)
    ints = {c: "int64" for c in (*SIDE_INTS, "shared")}
    return _by_score(frame.astype(ints | {"jaccard": "float64", "score": "float64"}))
