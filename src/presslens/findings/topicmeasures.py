"""How good and how stable topics are: coherence, stability, coverage, and two models' agreement.

* *coherence* (:func:`coherence_npmi`): NPMI of the top terms' co-occurrence in the corpus's own
  paragraphs, computed within each language (a Russian and a Ukrainian word never share a
  paragraph, so plain NPMI would punish a topic for being bilingual);
* *stability* (:func:`topic_stability`): the topics of runs from other seeds are matched
  topic-to-topic with the reference model (Hungarian assignment) and the mean Jaccard overlap of
  their top terms is taken;
* *coverage* (:func:`coverage`): the share of paragraphs that contain at least one top term of
  their main topic;
* *agreement* (:func:`topic_agreement`): two models of the same paragraphs crossed by the main
  topic they give each paragraph.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix

if TYPE_CHECKING:
    from presslens.findings.topics import TopicModel

__all__ = ["coherence_npmi", "coverage", "row_shares", "top_indices", "topic_agreement",
           "topic_stability"]


def top_indices(components: np.ndarray, n_top: int) -> list[list[int]]:
    """Return the column indices of each topic's ``n_top`` heaviest terms, heaviest first."""
    return [list(np.argsort(-row, kind="stable")[:n_top]) for row in components]


def row_shares(weights: np.ndarray) -> np.ndarray:
    """Return ``weights`` with each row divided by its sum (0 for a row that sums to 0)."""
    sums = weights.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(sums > 0, weights / np.where(sums > 0, sums, 1.0), 0.0)
    return shares


def coherence_npmi(
    top: list[list[int]],
    present: csr_matrix | np.ndarray,
    languages: list | np.ndarray | None = None,
) -> np.ndarray:
    """Measure the NPMI coherence of each topic's top terms over the corpus's paragraphs.

    For a pair of terms, ``NPMI = log(p(a, b) / (p(a) p(b))) / -log p(a, b)`` with the
    probabilities taken over paragraphs; a pair that never shares a paragraph scores -1, a pair
    found together in every paragraph scores 1. When ``languages`` is given, NPMI is computed
    within each language over the terms that occur in it, and the pairs of all languages are
    averaged.

    Parameters
    ----------
    top : list of list of int
        For each topic, the column indices of its top terms.
    present : scipy.sparse matrix or numpy.ndarray
        Paragraphs × terms, non-zero where the term occurs in the paragraph.
    languages : sequence or None, default None
        The language of each paragraph (None for one pooled group).

    Returns
    -------
    numpy.ndarray
        One coherence per topic in [-1, 1]; NaN when a topic has no pair of terms to score.
    """
    matrix = csr_matrix(present, dtype=np.float64)
    matrix.data[:] = 1.0
    if languages is None:
        languages = [None] * matrix.shape[0]
    groups = np.array(["" if lang is None else str(lang) for lang in languages], dtype=object)
    out = []
    for terms in top:
        total, pairs = 0.0, 0
        for group in sorted(set(groups)):
            sub = matrix[np.flatnonzero(groups == group)][:, terms].toarray()
            for value in _pair_npmi(sub):  # summed in order, as one running total
                total += value
                pairs += 1
        out.append(total / pairs if pairs else np.nan)
    return np.array(out, dtype=np.float64)


def _pair_npmi(sub: np.ndarray) -> list[float]:
    """The NPMI of every pair of columns of ``sub`` that both occur in its rows."""
    n = sub.shape[0]
    p = sub.mean(axis=0)
    joint = (sub.T @ sub) / n
    values = []
    for i, j in itertools.combinations(range(sub.shape[1]), 2):
        if p[i] == 0 or p[j] == 0:
            continue
        pij = joint[i, j]
        if pij == 0:
            values.append(-1.0)
        elif pij >= 1.0:
            values.append(1.0)
        else:
            values.append(float(np.log(pij / (p[i] * p[j])) / -np.log(pij)))
    return values


def topic_stability(reference: list[list[int]], others: list[list[list[int]]]) -> float:
    """Measure how well topics reappear across runs, by the overlap of their top terms.

    Each run's topics are matched one-to-one with the reference topics so that the total Jaccard
    overlap of their top-term sets is largest (Hungarian assignment); the run scores the mean
    overlap of the matched pairs, and the runs are averaged.

    Parameters
    ----------
    reference : list of list of int
        The top-term indices of the reference model's topics.
    others : list of list of list of int
        The same for each other run.

    Returns
    -------
    float
        Between 0 (no top term in common) and 1 (the same top terms in every run); NaN when
        there is no other run.
    """
    if not others:
        return float("nan")
    ref = [set(t) for t in reference]
    scores = []
    for run in others:
        sets = [set(t) for t in run]
        sim = np.array([[len(a & b) / len(a | b) if a | b else 0.0 for b in sets] for a in ref])
        rows, cols = linear_sum_assignment(-sim)
        scores.append(float(sim[rows, cols].sum() / len(ref)))
    return float(np.mean(scores))


def coverage(present: csr_matrix, weights: np.ndarray, top: list[list[int]]) -> float:
    """Return the share of paragraphs holding a top term of their main topic.

    Parameters
    ----------
    present : scipy.sparse.csr_matrix
        Paragraphs × terms, non-zero where the term occurs in the paragraph.
    weights : numpy.ndarray
        Paragraphs × topics weights of a model.
    top : list of list of int
        For each topic, the column indices of its top terms.

    Returns
    -------
    float
        Paragraphs with weight whose main topic has a top term in them, over all paragraphs;
        NaN without any paragraph.
    """
    shares = row_shares(weights)
    dominant = shares.argmax(axis=1)
    covered = 0
    for r in range(shares.shape[0]):
        if shares[r].sum() == 0:
            continue
        cols = set(present[r].indices.tolist())
        covered += bool(cols & set(top[dominant[r]]))
    return covered / shares.shape[0] if shares.shape[0] else float("nan")


def topic_agreement(a: TopicModel, b: TopicModel) -> pd.DataFrame:
    """Cross two models fitted on the same units by the main topic they give each paragraph.

    Parameters
    ----------
    a, b : TopicModel
        Two fitted models (e.g. NMF and LDA, or two values of ``k``) of the same units.

    Returns
    -------
    pandas.DataFrame
        One row per pair of topics that share at least one paragraph, sorted by ``topic_a`` and
        ``topic_b``:

        - ``topic_a``, ``label_a``: a topic of ``a``;
        - ``topic_b``, ``label_b``: a topic of ``b``;
        - ``paragraphs`` (int): paragraphs whose main topic is ``topic_a`` in ``a`` and
          ``topic_b`` in ``b``;
        - ``matched`` (bool): True when the pair belongs to the one-to-one matching of topics
          that agrees on the most paragraphs (Hungarian assignment); the ``paragraphs`` of the
          matched rows, over all paragraphs, is the share on which the two models agree.

    Raises
    ------
    ValueError
        When the models were not fitted on the same paragraphs.
    """
    keys = ["article", "paragraph"]
    if not a.units_[keys].equals(b.units_[keys]):
        raise ValueError("the two models were fitted on different paragraphs")
    main_a = a.weights_.argmax(axis=1)
    main_b = b.weights_.argmax(axis=1)
    table = np.zeros((a.n_topics, b.n_topics), dtype=np.int64)
    np.add.at(table, (main_a, main_b), 1)
    rows, cols = linear_sum_assignment(-table)
    matched = set(zip(rows.tolist(), cols.tolist(), strict=True))
    out = [
        (i + 1, a.labels_[i], j + 1, b.labels_[j], int(table[i, j]), (i, j) in matched)
        for i in range(a.n_topics)
        for j in range(b.n_topics)
        if table[i, j] > 0
    ]
    return pd.DataFrame(
        out, columns=["topic_a", "label_a", "topic_b", "label_b", "paragraphs", "matched"]
    )
