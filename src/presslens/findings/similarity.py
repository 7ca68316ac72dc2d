"""Find which articles, passages and outlets say the same thing.

Similarity is the cosine of TF-IDF vectors of content lemmas
(:class:`presslens.text.LemmaVectorizer`, with the ru↔uk bridge): 1 means the same
lemmas in the same proportions, 0 means no lemma in common. Rare lemmas (names, places,
specific words) weigh more than lemmas found everywhere in the corpus. The terms listed with a
pair are the shared lemmas that contribute most to its score.

Near-duplicates are measured on the words themselves, not on lemmas: the share of word
3-grams (shingles) of the shorter passage that the other passage contains.

Every function returns a tidy DataFrame with documented columns and a deterministic order.
Top-K neighbours (:func:`top_neighbors`, also the index engine's) are computed over blocks of
sparse rows (``sparse_dot_topn``), so memory stays O(N·K); only :func:`article_matrix` builds a
dense N×N matrix, for heatmaps of small corpora.
"""

from __future__ import annotations

import os
from collections import defaultdict
from itertools import combinations
from typing import NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import clone
from sparse_dot_topn import sp_matmul_topn

from presslens.text.nlp import lemmatize, normalize_word, tokenize
from presslens.text.vectorize import LemmaVectorizer, split_units

__all__ = [
    "NEIGHBOR_COLUMNS",
    "PAIR_COLUMNS",
    "DUPLICATE_COLUMNS",
    "TERM_COLUMNS",
    "align_passages",
    "article_matrix",
    "distinctive_terms",
    "near_duplicates",
    "nearest_articles",
    "shared_terms",
    "similar_pairs",
    "top_neighbors",
]

#: Columns of :func:`top_neighbors`.
NEIGHBOR_COLUMNS = ["row", "neighbor", "rank", "score"]
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
#: Columns of :func:`distinctive_terms`.
TERM_COLUMNS = ["group", "rank", "term", "score", "count"]


# --------------------------------------------------------------------------- building blocks


def top_neighbors(
    X: sp.spmatrix,
    k: int = 5,
    *,
    groups: np.ndarray | list | None = None,
    threshold: float = 0.0,
    block_size: int = 4096,
    threads: int | None = None,
    client=None,
) -> pd.DataFrame:
    """Find the ``k`` most similar rows of each row of an L2-normalised sparse matrix.

    The one neighbour search of presslens (notebooks, commands and the index engine). The
    product is computed over blocks of ``block_size`` rows with
    :func:`sparse_dot_topn.sp_matmul_topn`, keeping only the best scores of each row, and the
    kept pairs are filtered and ranked with array operations; so memory stays O(N·K) beyond
    the matrix itself and no N×N matrix is ever built.

    Parameters
    ----------
    X : scipy.sparse matrix
        One L2-normalised row per item (e.g. from :class:`~presslens.text.LemmaVectorizer`);
        the dot product of two rows is their cosine similarity.
    k : int, default 5
        Neighbours kept per row.
    groups : array-like or None
        A group label per row (e.g. the article of each passage); rows of the same group are
        not neighbours of each other. None: only a row itself is excluded.
    threshold : float, default 0.0
        Keep scores strictly above this.
    block_size : int, default 4096
        Rows multiplied at a time.
    threads : int or None, default None
        Threads of ``sparse_dot_topn`` per block; None: every core of the machine. The result
        does not depend on it.
    client : distributed.Client, optional
        Run the blocks on this Dask cluster instead (the matrix is sent to every worker once;
        one thread per block).

    Returns
    -------
    pandas.DataFrame
        One row per (row, neighbour) pair, sorted by ``row`` then ``rank``:

        - ``row`` (int): the row of ``X``;
        - ``neighbor`` (int): the neighbouring row;
        - ``rank`` (int): 1 for the nearest, 2 for the next … (equal scores: the lower row
          first);
        - ``score`` (float): cosine similarity.
    """
    X = sp.csr_matrix(X, dtype=np.float64)
    n = X.shape[0]
    if n == 0 or k < 1:
        return _neighbors_frame([], [], [])
    labels = None
    extra = 1
    if groups is not None:
        labels = pd.factorize(np.asarray(groups, dtype=object))[0]
        extra = int(np.bincount(labels).max())
    search = _Search(top_n=min(n, k + extra), k=k, labels=labels, threshold=threshold)
    XT = X.T.tocsr()
    bounds = [(b, min(b + block_size, n)) for b in range(0, n, block_size)]
    if client is None:
        threads = threads or os.cpu_count() or 1
        parts = [_neighbor_block(X, XT, b, e, search, threads) for b, e in bounds]
    else:
        xs, xts = client.scatter([X, XT], broadcast=True)
        futures = [client.submit(_neighbor_block, xs, xts, b, e, search, 1, pure=False)
                   for b, e in bounds]
        parts = client.gather(futures)
    rows, cols, scores = (np.concatenate([p[i] for p in parts]) for i in range(3))
    return _neighbors_frame(rows, cols, scores)


class _Search(NamedTuple):
    """What one block of :func:`top_neighbors` keeps."""

    top_n: int  # candidates asked of sparse_dot_topn per row
    k: int  # neighbours kept per row
    labels: np.ndarray | None  # group code per row, or None
    threshold: float


def _neighbor_block(X: sp.csr_matrix, XT: sp.csr_matrix, begin: int, end: int,
                    search: _Search, threads: int = 1) -> tuple[np.ndarray, ...]:
    """Top neighbours of rows ``begin:end``: (rows, neighbours, scores), by row, best first."""
    kwargs = {"n_threads": threads} if threads > 1 else {}
    block = sp_matmul_topn(X[begin:end], XT, top_n=search.top_n, threshold=search.threshold,
                           sort=True, **kwargs).tocsr()
    rows = np.repeat(np.arange(begin, end, dtype=np.int64), np.diff(block.indptr))
    cols = block.indices.astype(np.int64)
    vals = block.data.astype(np.float64)
    keep = cols != rows
    if search.labels is not None:
        keep &= search.labels[cols] != search.labels[rows]
    rows, cols, vals = rows[keep], cols[keep], vals[keep]
    # Each row comes best first: keep what scores at least the row's k-th best (ties at the
    # boundary included), then order those few by score and column.
    kth = np.full(end - begin, -np.inf)
    at_k = _ranks(rows) == search.k
    kth[rows[at_k] - begin] = vals[at_k]
    keep = vals >= kth[rows - begin]
    rows, cols, vals = rows[keep], cols[keep], vals[keep]
    order = np.lexsort((cols, -vals, rows))  # by row, best first, ties by column
    rows, cols, vals = rows[order], cols[order], vals[order]
    keep = _ranks(rows) <= search.k
    return rows[keep], cols[keep], vals[keep]


def _ranks(rows: np.ndarray) -> np.ndarray:
    """1, 2, … within each run of equal values of the sorted ``rows``."""
    return np.arange(len(rows), dtype=np.int64) - np.searchsorted(rows, rows, side="left") + 1


def _neighbors_frame(rows, cols, scores) -> pd.DataFrame:
    rows = np.asarray(rows, dtype=np.int64)
    return pd.DataFrame({"row": rows, "neighbor": np.asarray(cols, dtype=np.int64),
                         "rank": _ranks(rows), "score": np.asarray(scores, dtype=np.float64)})


def shared_terms(
    X: sp.spmatrix, i: int, j: int, labels: np.ndarray, n: int = 5, n_word_features=None
) -> list[str]:
    """List the shared terms that contribute most to the similarity of rows ``i`` and ``j``.

    Parameters
    ----------
    X : scipy.sparse matrix
        The TF-IDF matrix.
    i, j : int
        Two rows.
    labels : numpy.ndarray of str
        A readable label per column (:attr:`LemmaVectorizer.labels_`).
    n : int, default 5
        Most terms returned.
    n_word_features : int or None
        Only the first ``n_word_features`` columns are terms (the rest are character n-grams).

    Returns
    -------
    list of str
        Labels of the columns with the largest product ``X[i, c] * X[j, c]``, largest first
        (ties alphabetical; products equal to 12 decimals are ties, so that a matrix summed in
        another order, as an index's is, gives the same terms).
    """
    X = sp.csr_matrix(X)
    product = X[i].multiply(X[j]).tocoo()
    pairs = [
        (round(float(v), 12), str(labels[c]))
        for c, v in zip(product.col, product.data, strict=True)
        if v > 0 and (n_word_features is None or c < n_word_features)
    ]
    pairs.sort(key=lambda p: (-p[0], p[1]))
    out: list[str] = []
    for _, label in pairs:
        if label not in out:
            out.append(label)
        if len(out) == n:
            break
    return out


def _vectorize(articles: pd.DataFrame, level: str, vectorizer: LemmaVectorizer | None):
    vec = clone(vectorizer) if vectorizer is not None else LemmaVectorizer()
    vec.set_params(level=level)
    X = vec.fit_transform(articles)
    return vec, vec.units_, X


# --------------------------------------------------------------------------- articles


def article_matrix(
    articles: pd.DataFrame, vectorizer: LemmaVectorizer | None = None
) -> pd.DataFrame:
    """Compute the article × article cosine similarity matrix (dense: for small corpora).

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles``.
    vectorizer : LemmaVectorizer or None
        Its parameters are used (``level`` is set to ``"article"``); None: the defaults.

    Returns
    -------
    pandas.DataFrame
        Square, symmetric, indexed and labelled by article id (in ``articles`` id order, empty
        articles left out), with 1.0 on the diagonal. For a large corpus use
        :func:`nearest_articles`.
    """
    _, units, X = _vectorize(articles, "article", vectorizer)
    dense = (X @ X.T).toarray()
    np.fill_diagonal(dense, 1.0)
    ids = units["article"].tolist()
    frame = pd.DataFrame(np.clip(dense, 0.0, 1.0), index=ids, columns=ids)
    frame.index.name = "a"
    frame.columns.name = "b"
    return frame


def nearest_articles(
    articles: pd.DataFrame,
    k: int = 3,
    *,
    n_terms: int = 5,
    vectorizer: LemmaVectorizer | None = None,
) -> pd.DataFrame:
    """Find the ``k`` nearest articles of each article.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles``.
    k : int, default 3
        Neighbours per article.
    n_terms : int, default 5
        Shared terms listed per pair.
    vectorizer : LemmaVectorizer or None
        Its parameters are used (``level`` is set to ``"article"``); None: the defaults.

    Returns
    -------
    pandas.DataFrame
        One row per (article, neighbour), sorted by ``a`` then ``rank``:

        - ``a`` (str): the article id;
        - ``b`` (str): a neighbouring article id;
        - ``rank`` (int): 1 for the nearest;
        - ``score`` (float): cosine similarity, 0–1;
        - ``terms`` (list of str): the shared lemmas that weigh most in the score.
    """
    vec, units, X = _vectorize(articles, "article", vectorizer)
    hood = top_neighbors(X, k)
    ids = units["article"].to_numpy()
    frame = pd.DataFrame(
        {
            "a": ids[hood["row"]] if len(hood) else [],
            "b": ids[hood["neighbor"]] if len(hood) else [],
            "rank": hood["rank"],
            "score": hood["score"].round(6),
            "terms": [
                shared_terms(X, i, j, vec.labels_, n_terms, vec.n_word_features())
                for i, j in zip(hood["row"], hood["neighbor"], strict=True)
            ],
        }
    )
    return frame.sort_values(["a", "rank"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- passages


def _pair_rows(vec, units, X, pairs, n_terms) -> pd.DataFrame:
    rows = []
    for i, j, score in pairs:
        a, b = units.iloc[i], units.iloc[j]
        rows.append(
            (
                a["article"], int(a["index"]), int(a["start"]), int(a["end"]), a["text"],
                b["article"], int(b["index"]), int(b["start"]), int(b["end"]), b["text"],
                round(float(score), 6),
                shared_terms(X, i, j, vec.labels_, n_terms, vec.n_word_features()),
            )
        )  # fmt: skip
    frame = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    frame = frame.astype({c: "int64" for c in ("a_index", "a_start", "a_end", "b_index",
                                               "b_start", "b_end")})
    frame["score"] = frame["score"].astype("float64")
    return frame.sort_values(
        ["score", "a", "a_index", "b", "b_index"],
        ascending=[False, True, True, True, True],
        kind="stable",
    ).reset_index(drop=True)


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
    vec, units, X = _vectorize(articles, level, vectorizer)
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
    min_score : float, default 0.1
        Pairs scoring at or below this are left out.
    n_terms : int, default 5
        Shared terms listed per pair.
    vectorizer : LemmaVectorizer or None
        Its parameters are used (``level`` is overridden); None: the defaults.

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
    vec, units, X = _vectorize(articles, level, vectorizer)
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
        out.append(
            (
                kind,
                a["article"], int(a["index"]), int(a["start"]), int(a["end"]), a["text"],
                b["article"], int(b["index"]), int(b["start"]), int(b["end"]), b["text"],
                shared,
                round(shared / len(sets[i] | sets[j]), 6),
                round(score, 6),
            )
        )  # fmt: skip
    frame = pd.DataFrame(out, columns=DUPLICATE_COLUMNS)
    ints = ("a_index", "a_start", "a_end", "b_index", "b_start", "b_end", "shared")
    frame = frame.astype({c: "int64" for c in ints} | {"jaccard": "float64", "score": "float64"})
    return frame.sort_values(
        ["score", "a", "a_index", "b", "b_index"],
        ascending=[False, True, True, True, True],
        kind="stable",
    ).reset_index(drop=True)


# --------------------------------------------------------------------------- distinctive terms


def distinctive_terms(
    articles: pd.DataFrame,
    by: str = "article",
    n: int = 10,
    *,
    vectorizer: LemmaVectorizer | None = None,
) -> pd.DataFrame:
    """List the terms that set each article (or outlet) apart from the rest of the corpus.

    All the text of a group (one article, or every article of an outlet) is one document; a
    term's score is its TF-IDF weight in that document: frequent in the group, rare in the
    others.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles``.
    by : {"article", "outlet"}, default "article"
        The group. Articles without an outlet are grouped as ``"(unknown)"``.
    n : int, default 10
        Terms per group.
    vectorizer : LemmaVectorizer or None
        Its parameters are used; None: the defaults.

    Returns
    -------
    pandas.DataFrame
        One row per (group, term), sorted by ``group`` then ``rank``:

        - ``group`` (str): the article id or the outlet;
        - ``rank`` (int): 1 for the most distinctive;
        - ``term`` (str): the lemma (the most frequent spelling of a bridged term);
        - ``score`` (float): TF-IDF weight of the term in the group, 0–1;
        - ``count`` (int): occurrences of the term in the group.

    Raises
    ------
    ValueError
        When ``by`` is neither ``"article"`` nor ``"outlet"``.
    """
    if by not in ("article", "outlet"):
        raise ValueError(f"by must be 'article' or 'outlet', not {by!r}")
    units = split_units(articles, "paragraph")
    if by == "article":
        units["group"] = units["article"]
    else:
        outlet = articles.set_index("id")["outlet"]
        units["group"] = units["article"].map(outlet).fillna("(unknown)").astype(str)
    lemmas = [
        lemmatize(text, lang if isinstance(lang, str) else None)
        for text, lang in zip(units["text"], units["language"], strict=True)
    ]
    units["lemmas"] = lemmas
    grouped = units.groupby("group", sort=True)["lemmas"].sum()
    vec = clone(vectorizer) if vectorizer is not None else LemmaVectorizer()
    vec.set_params(char_ngrams=None)
    X = vec.fit_transform_lemmas(grouped.tolist())
    names = vec.get_feature_names_out()
    rows = []
    for g, group in enumerate(grouped.index):
        counts = pd.Series(vec._terms([grouped.iloc[g]])[0]).value_counts()
        row = X[g].tocoo()
        best = sorted(zip(row.data, row.col, strict=True), key=lambda p: (-p[0], names[p[1]]))
        for rank, (score, col) in enumerate(best[:n], start=1):
            rows.append((group, rank, str(vec.labels_[col]), round(float(score), 6),
                         int(counts.get(names[col], 0))))
    frame = pd.DataFrame(rows, columns=TERM_COLUMNS)
    return frame.astype({"rank": "int64", "score": "float64", "count": "int64"})
