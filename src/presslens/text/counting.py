"""Count documents of lemmas into a TF-IDF matrix at C speed, as scikit-learn would.

:class:`LemmaTfidf` is scikit-learn's :class:`~sklearn.feature_extraction.text.TfidfVectorizer`
with a faster count: each token is mapped to a lemma column by dictionary look-ups, and each
distinct lemma is turned into its term (:class:`Terms`: bridged or not) once, not each token.
:class:`presslens.text.LemmaVectorizer` counts with it.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.utils._sparse import _align_api_if_sparse

from presslens.text.bridge import bridge_form

__all__ = ["LemmaTfidf", "Terms"]


class Terms:
    """The analyzer of the lemma vectorizer: a document's lemmas → the terms it is counted by.

    Parameters
    ----------
    bridge : bool
        Write each lemma with :func:`bridge_form`; else the lemmas are the terms.
    """

    def __init__(self, bridge: bool = True):
        self.bridge = bridge

    def term(self, lemma: str) -> str:
        """Return the term of one lemma."""
        return bridge_form(lemma) if self.bridge else lemma

    def __call__(self, lemmas: list[str]) -> list[str]:
        return list(map(bridge_form, lemmas)) if self.bridge else list(lemmas)

    def __repr__(self) -> str:
        return f"Terms(bridge={self.bridge})"


_CHUNK = 1 << 22  # tokens counted per chunk


class LemmaTfidf(TfidfVectorizer):
    """scikit-learn's TF-IDF over documents given as lists of lemmas (analyzer :class:`Terms`).

    Only the counting differs from :class:`~sklearn.feature_extraction.text.TfidfVectorizer`,
    with the same counts: every token is mapped to a lemma column by dictionary look-ups at C
    speed, and the lemma columns are summed into term columns (each distinct lemma is bridged
    once, not each token). The vocabulary limits (``min_df``, ``max_df``, ``max_features``),
    idf and normalisation are scikit-learn's. After fitting, ``lemma_counts_`` holds how often
    each lemma occurs.
    """

    def _count_vocab(self, raw_documents, fixed_vocab):
        analyzer = self.analyzer
        if not isinstance(analyzer, Terms):
            return super()._count_vocab(raw_documents, fixed_vocab)
        lemma_ids: defaultdict[str, int] = defaultdict()
        lemma_ids.default_factory = lemma_ids.__len__
        column = lemma_ids.__getitem__
        chunks: list[np.ndarray] = []
        ids: list[int] = []
        indptr = [0]
        done = 0
        for doc in raw_documents:
            ids.extend(map(column, doc))
            indptr.append(done + len(ids))
            if len(ids) >= _CHUNK:  # bound the memory of the Python list
                chunks.append(np.array(ids, dtype=np.int32))
                done += len(ids)
                ids = []
        chunks.append(np.array(ids, dtype=np.int32))
        indices = np.concatenate(chunks)
        lemmas = list(lemma_ids)
        by_lemma = sp.csr_array(
            (np.ones(len(indices)), indices, np.array(indptr, dtype=np.int64)),
            shape=(len(indptr) - 1, len(lemmas)),
        )
        terms = [analyzer.term(lem) for lem in lemmas]
        if fixed_vocab:
            vocabulary = self.vocabulary_
            cols = np.fromiter((vocabulary.get(t, -1) for t in terms), dtype=np.int64,
                               count=len(terms))
        else:
            vocabulary = defaultdict()
            vocabulary.default_factory = vocabulary.__len__
            cols = np.fromiter(map(vocabulary.__getitem__, terms), dtype=np.int64,
                               count=len(terms))
            vocabulary = dict(vocabulary)
            if not vocabulary:
                raise ValueError(
                    "empty vocabulary; perhaps the documents only contain stop words"
                )
            self.lemma_counts_ = dict(zip(lemmas, by_lemma.sum(axis=0).tolist(), strict=True))
        known = np.flatnonzero(cols >= 0)
        to_term = sp.csr_array(
            (np.ones(len(known)), (known, cols[known])), shape=(len(lemmas), len(vocabulary))
        )
        counts = (by_lemma @ to_term).astype(self.dtype)
        counts = sp.csr_array(counts)
        counts.sort_indices()
        return vocabulary, _align_api_if_sparse(counts)
