"""The one TF-IDF weighting of presslens: scikit-learn's, with sublinear tf, smooth idf and L2 rows.

:class:`presslens.text.LemmaVectorizer` weighs its counts with scikit-learn's
:class:`~sklearn.feature_extraction.text.TfidfVectorizer`; the engine
(:mod:`presslens.engine.build`) counts the document frequencies partition by partition, so it
takes the idf from the summed frequencies (:func:`smooth_idf`) and weighs each partition's
counts with the same scikit-learn transformer (:func:`weigh_counts`).
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfTransformer

__all__ = ["TFIDF_OPTIONS", "smooth_idf", "weigh_counts"]

#: The weighting options of every lemma TF-IDF matrix (scikit-learn's ``TfidfTransformer`` and
#: ``TfidfVectorizer`` take them as keywords).
TFIDF_OPTIONS = {"sublinear_tf": True, "smooth_idf": True, "norm": "l2"}


def smooth_idf(df: np.ndarray, n_docs: int) -> np.ndarray:
    """Return scikit-learn's smooth idf from document frequencies.

    The operations of :meth:`sklearn.feature_extraction.text.TfidfTransformer.fit` with
    ``smooth_idf=True``, in the same order, so the values are the same to the last bit:
    ``idf = log((1 + n_docs) / (1 + df)) + 1``.

    Parameters
    ----------
    df : array-like of int
        The number of documents each term occurs in.
    n_docs : int
        The number of documents.

    Returns
    -------
    numpy.ndarray
        The idf of each term, float64.

    Examples
    --------
    >>> smooth_idf([1, 3], 3).round(4).tolist()
    [1.6931, 1.0]
    """
    df = np.asarray(df, dtype=np.float64) + 1.0
    idf = np.full_like(df, fill_value=n_docs + 1, dtype=np.float64)
    idf /= df
    np.log(idf, out=idf)
    idf += 1.0
    return idf


def weigh_counts(counts: sp.spmatrix, idf: np.ndarray) -> sp.csr_matrix:
    """Weigh a matrix of term counts as :data:`TFIDF_OPTIONS` say, with a given idf.

    A scikit-learn :class:`~sklearn.feature_extraction.text.TfidfTransformer` whose idf is
    ``idf`` rather than learnt from ``counts``: the rows of a part of a corpus, weighed with
    the idf of the whole.

    Parameters
    ----------
    counts : scipy.sparse matrix
        Raw term counts, one row per document, one column per term of ``idf``.
    idf : numpy.ndarray
        The idf of each column (see :func:`smooth_idf`).

    Returns
    -------
    scipy.sparse.csr_matrix
        ``(1 + log tf) · idf``, each row scaled to unit L2 norm (empty rows stay empty).
    """
    transformer = TfidfTransformer(**TFIDF_OPTIONS)
    transformer.idf_ = np.asarray(idf, dtype=np.float64)
    transformer.n_features_in_ = len(transformer.idf_)
    return sp.csr_matrix(transformer.transform(sp.csr_matrix(counts, dtype=np.float64)))
