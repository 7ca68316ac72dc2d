"""Fitting topic models, and choosing their number of topics by measuring each candidate.

* **Models** are scikit-learn's NMF over TF-IDF with a deterministic SVD-based initialisation
  (``init="nndsvda"``), or LDA over counts with a fixed ``random_state``. Both see the lemmas
  through :class:`presslens.text.LemmaVectorizer` and its ru↔uk bridge, so a Russian and a
  Ukrainian spelling of the same word are one term (санкция / санкція).
* **The number of topics** is measured, not guessed (:func:`select_k`): for every candidate
  ``k``, the coherence, stability and coverage of :mod:`presslens.findings.topicmeasures` give
  ``score = stability * (1 + coherence) / 2 * coverage``, and the best score wins (ties: the
  smaller ``k``).
"""

from __future__ import annotations

import warnings
from typing import Literal

import numpy as np
import pandas as pd
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import CountVectorizer

from presslens.findings.topicmeasures import (
    coherence_npmi,
    coverage,
    row_shares,
    top_indices,
    topic_stability,
)
from presslens.text import LemmaVectorizer, bridge_form

__all__ = ["MAX_ITER", "METHODS", "SELECTION_COLUMNS", "Features", "fit_matrix", "fit_model",
           "select_k"]

#: The topic models on offer.
METHODS = ("nmf", "lda")
#: Default iteration caps of the solvers.
MAX_ITER = {"nmf": 1000, "lda": 100}
#: Columns of :func:`select_k`.
SELECTION_COLUMNS = ["method", "k", "coherence", "stability", "coverage", "smallest", "score",
                     "chosen"]

Method = Literal["nmf", "lda"]


def _identity(terms: list[str]) -> list[str]:
    return terms


class Features:
    """The TF-IDF and count matrices of the units, through :class:`LemmaVectorizer`."""

    def __init__(self, units: pd.DataFrame, min_df: int = 2):
        lemmas = [list(doc) for doc in units["lemmas"]]
        vectorizer = LemmaVectorizer(level="paragraph", min_df=min_df)
        try:
            self.tfidf = vectorizer.fit_transform_lemmas(lemmas)
        except ValueError:  # a tiny corpus: no term in min_df paragraphs, keep them all
            vectorizer = LemmaVectorizer(level="paragraph", min_df=1)
            self.tfidf = vectorizer.fit_transform_lemmas(lemmas)
        self.terms = vectorizer.get_feature_names_out()
        #: the most frequent lemma behind each (bridged) term
        self.lemmas = vectorizer.labels_
        counter = CountVectorizer(analyzer=_identity, vocabulary=vectorizer.vocabulary_)
        self.counts = counter.transform([[self.feature(w) for w in doc] for doc in lemmas])
        self.counts = self.counts.astype(np.float64).tocsr()
        self.present = (self.counts > 0).astype(np.float64).tocsr()

    @staticmethod
    def feature(lem: str) -> str:
        """Return the feature (bridged term) of a lemma."""
        return bridge_form(lem)


def fit_matrix(
    features: Features,
    k: int,
    method: str,
    random_state: int,
    init: str | None = None,
    max_iter: int | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Fit one model and return ``(weights, components)``.

    A fit that reaches ``max_iter`` is used as it is (no ConvergenceWarning is printed).
    """
    if method not in METHODS:
        raise ValueError(f"unknown topic model {method!r}; use one of {', '.join(METHODS)}")
    iterations = max_iter or MAX_ITER[method]
    if method == "nmf":
        model = NMF(
            n_components=k,
            init=init or "nndsvda",
            random_state=random_state,
            max_iter=iterations,
        )
        matrix = features.tfidf
    else:
        model = LatentDirichletAllocation(
            n_components=k,
            learning_method="batch",
            max_iter=iterations,
            random_state=random_state,
        )
        matrix = features.counts
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        weights = model.fit_transform(matrix)
    return weights, model.components_


def fit_model(
    units: pd.DataFrame,
    n_topics: int,
    method: str,
    random_state: int,
    min_df: int,
    max_iter: int | None,
) -> tuple[Features, np.ndarray, np.ndarray]:
    """Fit the model of :meth:`presslens.findings.TopicModel.fit`, topics numbered by share.

    Returns
    -------
    tuple
        ``(features, components, shares)``: the matrices fitted on, the topics × terms weights
        and the paragraphs × topics shares, topics ordered by their share of the corpus,
        largest first (ties: by top term).

    Raises
    ------
    ValueError
        When the method is unknown or the corpus is too small for ``n_topics``.
    """
    if method not in METHODS:
        raise ValueError(f"unknown topic model {method!r}; use one of {METHODS}")
    features = Features(units, min_df)
    n_docs, n_terms = features.tfidf.shape
    if not 1 <= n_topics <= min(n_docs, n_terms):
        raise ValueError(
            f"cannot fit {n_topics} topics on {n_docs} paragraphs and {n_terms} terms"
        )
    weights, components = fit_matrix(features, n_topics, method, random_state, max_iter=max_iter)
    shares = row_shares(weights)
    top = top_indices(components, 1)
    order = sorted(
        range(n_topics),
        key=lambda t: (-round(float(shares[:, t].sum()), 9), features.terms[top[t][0]]),
    )
    return features, components[order], shares[:, order]


def select_k(
    units: pd.DataFrame,
    ks: range | list[int] = range(2, 9),
    method: Method = "nmf",
    random_state: int = 0,
    n_seeds: int = 5,
    n_top: int = 10,
    min_df: int = 2,
    max_iter: int | None = None,
) -> pd.DataFrame:
    """Measure coherence, stability and coverage for each number of topics, and choose one.

    Parameters
    ----------
    units : pandas.DataFrame
        The output of :func:`presslens.findings.topic_units`.
    ks : range or list of int, default range(2, 9)
        Candidate numbers of topics; those the corpus is too small for are skipped.
    method : {"nmf", "lda"}, default "nmf"
        The model (see :class:`presslens.findings.TopicModel`).
    random_state : int, default 0
        The seed of the reference model; the other runs use ``random_state + 1`` onwards.
    n_seeds : int, default 5
        How many other runs measure stability.
    n_top : int, default 10
        Top terms per topic used by every measure.
    min_df, max_iter : int
        As in :class:`presslens.findings.TopicModel`.

    Returns
    -------
    pandas.DataFrame
        One row per candidate ``k``, sorted by ``k``:

        - ``method`` (str): ``"nmf"`` or ``"lda"``;
        - ``k`` (int): the number of topics;
        - ``coherence`` (float): mean NPMI of the topics' top terms within paragraphs, -1..1;
        - ``stability`` (float): mean best-match Jaccard overlap of top terms with the runs
          from other seeds, 0..1;
        - ``coverage`` (float): share of paragraphs containing a top term of their main topic;
        - ``smallest`` (int): paragraphs in the smallest topic (by main topic);
        - ``score`` (float): ``stability * (1 + coherence) / 2 * coverage``;
        - ``chosen`` (bool): True for the one ``k`` with the best score (ties: smaller ``k``).
    """
    features = Features(units, min_df)
    n_docs, n_terms = features.tfidf.shape
    languages = units["language"].tolist()
    seeds = range(random_state + 1, random_state + 1 + n_seeds)
    rows = [
        _measure_k(features, languages, k, method, random_state, seeds, n_top, max_iter)
        for k in ks
        if 2 <= k < min(n_docs, n_terms)
    ]
    frame = pd.DataFrame(rows, columns=SELECTION_COLUMNS[:-1])
    frame["chosen"] = False
    if len(frame):
        best = frame["score"].round(9).idxmax()  # first maximum: the smaller k on ties
        frame.loc[best, "chosen"] = True
    return frame.astype({"k": "int64", "smallest": "int64"})


def _measure_k(features: Features, languages: list, k: int, method: str, random_state: int,
               seeds: range, n_top: int, max_iter: int | None) -> tuple:
    """One row of :func:`select_k`: the measures of ``k`` topics."""
    weights, components = fit_matrix(features, k, method, random_state, max_iter=max_iter)
    top = top_indices(components, n_top)
    init = "random" if method == "nmf" else None
    others = [top_indices(fit_matrix(features, k, method, seed, init, max_iter)[1], n_top)
              for seed in seeds]
    coherence = float(np.nanmean(coherence_npmi(top, features.present, languages)))
    stability = topic_stability(top, others)
    covered = coverage(features.present, weights, top)
    shares = row_shares(weights)
    main = shares.argmax(axis=1)[shares.sum(axis=1) > 0]
    smallest = int(np.bincount(main, minlength=k).min())
    score = stability * (1 + coherence) / 2 * covered
    return (method, k, coherence, stability, covered, smallest, score)
