"""Turn articles, paragraphs or sentences into TF-IDF vectors of word lemmas.

The vectorizer wraps scikit-learn's :class:`~sklearn.feature_extraction.text.TfidfVectorizer`: each
unit of text (:mod:`presslens.text.units`) is reduced to its content lemmas
(:func:`presslens.text.lemmatize`, with the unit's own language), and the lemmas, not the raw
words, are counted (:mod:`presslens.text.counting`). The ru↔uk bridge
(:mod:`presslens.text.bridge`, on by default) lets the same statement in the two languages share
terms. Optional character n-grams of the (bridged) lemmas add partial matches between related
words.

:class:`LemmaVectorizer` holds the fitted state; the module functions below it do the work.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from presslens.text.bridge import bridge_form
from presslens.text.counting import LemmaTfidf, Terms
from presslens.text.lemma_cache import load_lemma_cache, save_lemma_cache
from presslens.text.lemmas import known_forms, lemmatize
from presslens.text.units import as_units
from presslens.text.weighting import TFIDF_OPTIONS

__all__ = ["LemmaVectorizer"]


class LemmaVectorizer(TransformerMixin, BaseEstimator):
    """Vectorise articles, paragraphs or sentences as TF-IDF of content lemmas.

    Parameters
    ----------
    level : {"article", "paragraph", "sentence"}, default "article"
        The unit an articles table is split into (see :func:`split_units`). A table of units
        (with an ``article`` column) or a list of texts is used as it is.
    bridge : bool, default True
        Write lemmas with :func:`bridge_form`, so Russian and Ukrainian share terms.
    char_ngrams : tuple of int or None, default None
        ``(min_n, max_n)`` to add character n-grams of the lemmas (``char_wb``); None for
        lemmas only.
    char_weight : float, default 0.3
        Share of the cosine similarity that comes from the character n-grams (when used).
    min_df, max_df, max_features, sublinear_tf :
        Passed to :class:`~sklearn.feature_extraction.text.TfidfVectorizer` for the lemmas.
    lemma_cache : str or pathlib.Path or None, default None
        A Parquet file of the lemmas of word forms already analysed
        (:func:`presslens.text.load_lemma_cache`): read before lemmatizing when it exists and
        was written for the installed dictionaries (else ignored with a warning), and written
        again when new forms were analysed. The matrices are the same with or without it.

    Attributes
    ----------
    word_vectorizer_ : TfidfVectorizer
        The fitted lemma vectorizer.
    char_vectorizer_ : TfidfVectorizer or None
        The fitted character n-gram vectorizer.
    vocabulary_ : dict of str to int
        Term → column.
    idf_ : numpy.ndarray
        Inverse document frequency of every column.
    labels_ : numpy.ndarray of str
        A readable label per column: the most frequent lemma behind a bridged term (ties: the
        alphabetically first), or the n-gram.
    units_ : pandas.DataFrame
        The units seen by ``fit`` (columns of :func:`split_units`).

    Examples
    --------
    >>> vec = LemmaVectorizer()
    >>> X = vec.fit_transform(["Рябков заявил о переговорах.", "Рябков заявив про переговори."])
    >>> float((X[0] @ X[1].T).toarray()[0, 0]) > 0.99
    True
    """

    def __init__(
        self,
        level: str = "article",
        bridge: bool = True,
        char_ngrams: tuple[int, int] | None = None,
        char_weight: float = 0.3,
        min_df: int | float = 1,
        max_df: int | float = 1.0,
        max_features: int | None = None,
        sublinear_tf: bool = True,
        lemma_cache: str | Path | None = None,
    ):
        self.level = level
        self.bridge = bridge
        self.char_ngrams = char_ngrams
        self.char_weight = char_weight
        self.min_df = min_df
        self.max_df = max_df
        self.max_features = max_features
        self.sublinear_tf = sublinear_tf
        self.lemma_cache = lemma_cache

    # ------------------------------------------------------------------ helpers
    def units(self, X) -> pd.DataFrame:
        """Return the units that :meth:`transform` makes rows of, in row order.

        Parameters
        ----------
        X : pandas.DataFrame or list of str
            An articles table, a units table, or texts.

        Returns
        -------
        pandas.DataFrame
            The columns of :func:`split_units` (``article``, ``index``, ``start``, ``end``,
            ``text``, ``language``).
        """
        return as_units(X, self.level)

    def _lemmas(self, units: pd.DataFrame) -> list[list[str]]:
        return _unit_lemmas(units, self.lemma_cache)

    def _terms(self, lemmas: list[list[str]]) -> list[list[str]]:
        return _terms(lemmas, self.bridge)

    def analyze(self, text: str, language: str | None = None) -> list[str]:
        """Return the terms (bridged lemmas) that one text is counted by.

        Parameters
        ----------
        text : str
            A unit of text.
        language : {"ru", "uk"} or None
            Its language; None detects it.

        Returns
        -------
        list of str
            Terms in text order.
        """
        return self._terms([lemmatize(text, language)])[0]

    # ------------------------------------------------------------------ sklearn API
    def fit(self, X, y=None):
        """Learn the vocabulary and the idf weights.

        Parameters
        ----------
        X : pandas.DataFrame or list of str
            As for :meth:`fit_transform`.
        y : None
            Ignored.

        Returns
        -------
        LemmaVectorizer
            The fitted vectorizer.
        """
        self.fit_transform(X)
        return self

    def fit_transform(self, X, y=None) -> sp.csr_matrix:
        """Learn the vocabulary and idf, and return the TF-IDF matrix of ``X``.

        Parameters
        ----------
        X : pandas.DataFrame or list of str
            An articles table, a units table, or texts.
        y : None
            Ignored.

        Returns
        -------
        scipy.sparse.csr_matrix
            One L2-normalised row per unit (see :meth:`units`), one column per feature.
        """
        units = as_units(X, self.level)
        matrix = self.fit_transform_lemmas(self._lemmas(units))
        self.units_ = units
        return matrix
    def fit_transform_lemmas(self, lemmas: list[list[str]]) -> sp.csr_matrix:
        """Fit on documents that are already lists of lemmas, and return their matrix.

        Use it when a document mixes languages (e.g. all the paragraphs of one outlet, each
        lemmatised with its own language).

        Parameters
        ----------
        lemmas : list of list of str
            One list of lemmas (:func:`presslens.text.lemmatize`) per document.

        Returns
        -------
        scipy.sparse.csr_matrix
            One L2-normalised row per document, one column per feature. ``units_`` is left
            unset.
        """
        self.word_vectorizer_ = _word_vectorizer(self)
        words = self.word_vectorizer_.fit_transform(lemmas)
        self.vocabulary_ = dict(self.word_vectorizer_.vocabulary_)
        self.labels_ = _labels(self.word_vectorizer_, self.bridge)
        self.char_vectorizer_ = None
        matrix = words
        if self.char_ngrams:
            self.char_vectorizer_ = _char_vectorizer(self.char_ngrams)
            chars = self.char_vectorizer_.fit_transform(_char_docs(lemmas, self.bridge))
            offset = len(self.vocabulary_)
            for gram, col in self.char_vectorizer_.vocabulary_.items():
                self.vocabulary_[f"char:{gram}"] = offset + col
            grams = self.char_vectorizer_.get_feature_names_out()
            self.labels_ = np.concatenate([self.labels_, grams.astype(object)])
            matrix = _combine(words, chars, self.char_weight)
        self.idf_ = _idf(self.word_vectorizer_, self.char_vectorizer_)
        return matrix

    def transform(self, X) -> sp.csr_matrix:
        """Return the TF-IDF matrix of ``X`` with the fitted vocabulary.

        Parameters
        ----------
        X : pandas.DataFrame or list of str
            As for :meth:`fit_transform`.

        Returns
        -------
        scipy.sparse.csr_matrix
            One L2-normalised row per unit (see :meth:`units`), in the columns learnt in fitting.
        """
        check_is_fitted(self, "word_vectorizer_")
        lemmas = self._lemmas(as_units(X, self.level))
        words = self.word_vectorizer_.transform(lemmas)
        if self.char_vectorizer_ is None:
            return words.tocsr()
        chars = self.char_vectorizer_.transform(_char_docs(lemmas, self.bridge))
        return _combine(words, chars, self.char_weight)

    def get_feature_names_out(self, input_features=None) -> np.ndarray:
        """Return the feature names: bridged lemmas, then ``char:<n-gram>`` when used.

        Returns
        -------
        numpy.ndarray of str
            One name per column of the matrices.
        """
        check_is_fitted(self, "word_vectorizer_")
        names = self.word_vectorizer_.get_feature_names_out().astype(object)
        if self.char_vectorizer_ is not None:
            grams = self.char_vectorizer_.get_feature_names_out()
            names = np.concatenate([names, np.array([f"char:{g}" for g in grams], dtype=object)])
        return names

    def n_word_features(self) -> int:
        """Return how many leading columns are lemma terms (the rest are character n-grams)."""
        check_is_fitted(self, "word_vectorizer_")
        return len(self.word_vectorizer_.vocabulary_)


def _unit_lemmas(units: pd.DataFrame, lemma_cache: str | Path | None) -> list[list[str]]:
    """Lemmatize each unit in its language, reading and updating the lemma cache file if any."""
    languages = [lang if isinstance(lang, str) else None for lang in units["language"]]
    if lemma_cache is None:
        return list(map(lemmatize, units["text"].tolist(), languages))
    path = Path(lemma_cache)
    load_lemma_cache(path)
    before = known_forms()
    lemmas = list(map(lemmatize, units["text"].tolist(), languages))
    if known_forms() != before or not path.is_file():
        save_lemma_cache(path)
    return lemmas


def _terms(lemmas: list[list[str]], bridge: bool) -> list[list[str]]:
    """The terms of each document: its lemmas, bridged when ``bridge``."""
    if not bridge:
        return lemmas
    return [list(map(bridge_form, doc)) for doc in lemmas]


def _char_docs(lemmas: list[list[str]], bridge: bool) -> list[str]:
    """The text the character n-grams are read from: each document's terms, space-separated."""
    return [" ".join(doc) for doc in _terms(lemmas, bridge)]


def _word_vectorizer(vec: LemmaVectorizer) -> LemmaTfidf:
    """The TF-IDF of lemma terms: the vectorizer's vocabulary limits and ``sublinear_tf``."""
    return LemmaTfidf(
        analyzer=Terms(vec.bridge),
        min_df=vec.min_df,
        max_df=vec.max_df,
        max_features=vec.max_features,
        dtype=np.float64,
        **(TFIDF_OPTIONS | {"sublinear_tf": vec.sublinear_tf}),
    )


def _char_vectorizer(char_ngrams: tuple[int, int]) -> TfidfVectorizer:
    """The TF-IDF of the character n-grams (``char_wb``) of the terms."""
    return TfidfVectorizer(
        analyzer="char_wb", ngram_range=tuple(char_ngrams), dtype=np.float64, **TFIDF_OPTIONS
    )


def _combine(words: sp.spmatrix, chars: sp.spmatrix, char_weight: float) -> sp.csr_matrix:
    """Join the lemma and n-gram matrices, n-grams weighted ``char_weight``, rows L2-normalised."""
    w = float(char_weight)
    matrix = sp.hstack([np.sqrt(1.0 - w) * words, np.sqrt(w) * chars], format="csr")
    return normalize(matrix, norm="l2", copy=False).tocsr()


def _idf(words: LemmaTfidf, chars: TfidfVectorizer | None) -> np.ndarray:
    """The idf of every column: lemma terms, then n-grams when used."""
    idf = words.idf_
    if chars is not None:
        idf = np.concatenate([idf, chars.idf_])
    return idf


def _labels(words: LemmaTfidf, bridge: bool) -> np.ndarray:
    """Label each term column with its most frequent lemma (ties: alphabetically first)."""
    term = Terms(bridge).term
    best: dict[str, tuple[int, str]] = {}
    for lem, count in words.lemma_counts_.items():
        key = (-count, lem)
        t = term(lem)
        if t not in best or key < best[t]:
            best[t] = key
    names = words.get_feature_names_out()
    return np.array([best[t][1] if t in best else t for t in names], dtype=object)
