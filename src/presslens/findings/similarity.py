"""Which articles say the same thing: the article matrix, nearest articles, and the one
neighbour search.

Similarity is the cosine of TF-IDF vectors of content lemmas
(:class:`presslens.text.LemmaVectorizer`, with the ru↔uk bridge): 1 means the same lemmas in
the same proportions, 0 means no lemma in common. Rare lemmas (names, places, specific words)
weigh more than lemmas found everywhere in the corpus. The terms listed with a pair are the
shared lemmas that contribute most to its score.

Every function returns a tidy DataFrame with documented columns and a deterministic order.
Top-K neighbours (:func:`top_neighbors`, also the index engine's) are computed over blocks of
sparse rows (``sparse_dot_topn``), so memory stays O(N·K); only :func:`article_matrix` builds a
dense N×N matrix, for heatmaps of small corpora. Passages (similar pairs, alignments,
near-duplicates) are in :mod:`presslens.findings.passages`, the terms that set an article or an
outlet apart in :mod:`presslens.findings.terms`.
"""

from __future__ import annotations

import os
from typing import NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import clone
from sparse_dot_topn import sp_matmul_topn

from presslens.text import LemmaVectorizer

__all__ = [
    "NEIGHBOR_COLUMNS",
    "article_matrix",
    "nearest_articles",
    "shared_terms",
    "top_neighbors",
    "unit_vectors",
]

#: Columns of :func:`top_neighbors`.
NEIGHBOR_COLUMNS = ["row", "neighbor", "rank", "score"]


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


def unit_vectors(articles: pd.DataFrame, level: str, vectorizer: LemmaVectorizer | None):
    """Vectorize the units of ``level`` of the articles.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles``.
    level : {"article", "paragraph", "sentence"}
        The unit.
    vectorizer : LemmaVectorizer or None
        Its parameters are used (``level`` is overridden); None: the defaults.

    Returns
    -------
    tuple
        ``(vectorizer, units, X)``: the fitted vectorizer, its units
        (:func:`presslens.text.split_units`) and their L2-normalised TF-IDF rows.
    """
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
    _, units, X = unit_vectors(articles, "article", vectorizer)
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
    vec, units, X = unit_vectors(articles, "article", vectorizer)
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
