"""Find what a corpus is about: topics over lemmatized paragraphs, by outlet and over time.

* **Units** are the paragraphs of the clean text (:func:`presslens.corpus.paragraphs`), reduced to
  their content lemmas (:func:`presslens.text.lemmatize`) minus the words every story uses
  (reporting verbs, calendar words: ``resources/topics_stopwords.txt``); paragraphs with fewer
  than ``min_lemmas`` lemmas ("Реклама", a dateline) are left out.
* **Models** are scikit-learn's NMF over TF-IDF with a deterministic SVD-based initialisation
  (``init="nndsvda"``), or LDA over counts with a fixed ``random_state``. Both see the lemmas
  through :class:`presslens.text.LemmaVectorizer` and its ru↔uk bridge, so a Russian and
  a Ukrainian spelling of the same word are one term (санкция / санкція).
* **The number of topics** is measured, not guessed (:func:`select_k`): for every candidate ``k``

  - *coherence*: NPMI of the top terms' co-occurrence in the corpus's own paragraphs, computed
    within each language (a Russian and a Ukrainian word never share a paragraph, so plain NPMI
    would punish a topic for being bilingual);
  - *stability*: the models refitted from other seeds (NMF from a random initialisation, LDA
    with another ``random_state``) are matched topic-to-topic with the reference model
    (Hungarian assignment) and the mean Jaccard overlap of their top terms is taken;
  - *coverage*: the share of paragraphs that contain at least one top term of their main topic
    (a topic whose top terms do not occur in the paragraphs it is given does not describe them);

  ``score = stability * (1 + coherence) / 2 * coverage``, and the best score wins (ties: the
  smaller ``k``).
* **Labels** are the top lemmas written in their most frequent surface form in the corpus
  (нато → НАТО, санкция → санкций).

Topics are numbered 1..k by their share of the corpus, largest first. On a handful of articles
every number here is fragile: read the selection table before reading the topics.
"""

from __future__ import annotations

import itertools
import warnings
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Literal

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import CountVectorizer

from presslens.corpus.clean import paragraphs
from presslens.lexicon import read_words
from presslens.text.nlp import lemma, lemmatize, normalize_word, sentences, tokenize
from presslens.text.vectorize import LemmaVectorizer, bridge_form

__all__ = [
    "METHODS",
    "TopicModel",
    "coherence_npmi",
    "fit_topics",
    "select_k",
    "topic_agreement",
    "topic_stability",
    "topic_stop_words",
    "topic_units",
]

#: The topic models on offer.
METHODS = ("nmf", "lda")

Method = Literal["nmf", "lda"]
Grouping = Literal["outlet", "date", "article", "language"]

UNIT_COLUMNS = [
    "article",
    "paragraph",
    "start",
    "end",
    "outlet",
    "published",
    "language",
    "text",
    "lemmas",
]


# --------------------------------------------------------------------------- units


@lru_cache(maxsize=1)
def topic_stop_words() -> frozenset[str]:
    """Return the lemmas left out of topic models (reporting verbs, calendar words), bridged.

    Returns
    -------
    frozenset of str
        The entries of ``resources/topics_stopwords.txt`` written with
        :func:`presslens.text.bridge_form`, so they match both languages.
    """
    words = {bridge_form(normalize_word(line)) for line in read_words("topics_stopwords.txt")}
    return frozenset(words)


def topic_units(articles: pd.DataFrame, min_lemmas: int = 3) -> pd.DataFrame:
    """Turn articles into the units of topic modelling: lemmatized paragraphs.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles`` (needs ``id``, ``text``, ``language``; ``outlet``, ``published``
        and ``lines`` are used when present).
    min_lemmas : int, default 3
        Paragraphs with fewer content lemmas are left out.

    Returns
    -------
    pandas.DataFrame
        One row per kept paragraph, sorted by article and paragraph, with columns:

        - ``article`` (str): the article id;
        - ``paragraph`` (int): 0-based index of the paragraph in the article;
        - ``start``, ``end`` (int): offsets into the article's clean ``text``;
        - ``outlet`` (str or None): the article's outlet;
        - ``published`` (datetime64): the article's date, NaT when unknown;
        - ``language`` (str or None): the paragraph's language, ``"ru"``/``"uk"``;
        - ``text`` (str): the paragraph;
        - ``lemmas`` (list of str): its content lemmas, in order.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"id": ["a"], "language": ["ru"],
    ...                      "text": ["Реклама\\nСанкции против банков вступили в силу."]})
    >>> topic_units(arts)[["paragraph", "lemmas"]].to_dict("records")
    [{'paragraph': 1, 'lemmas': ['санкция', 'банк', 'вступить', 'сила']}]
    """
    paras = paragraphs(articles)
    meta = pd.DataFrame(
        {
            "article": articles["id"].astype(str),
            "outlet": articles["outlet"] if "outlet" in articles else None,
            "published": pd.to_datetime(articles["published"])
            if "published" in articles
            else pd.NaT,
        }
    )
    meta["outlet"] = meta["outlet"].astype(object).where(meta["outlet"].notna(), None)
    units = paras.merge(meta, on="article", how="left")
    stop = topic_stop_words()
    units["lemmas"] = [
        [lem for lem in lemmatize(text, language) if bridge_form(lem) not in stop]
        for text, language in zip(units["text"], units["language"], strict=True)
    ]
    units = units[units["lemmas"].map(len) >= min_lemmas]
    units = units.sort_values(["article", "paragraph"], kind="stable").reset_index(drop=True)
    units["published"] = pd.to_datetime(units["published"])
    units["language"] = units["language"].astype(object).where(units["language"].notna(), None)
    return units[UNIT_COLUMNS].astype({"paragraph": "int64", "start": "int64", "end": "int64"})


# --------------------------------------------------------------------------- features


def _identity(terms: list[str]) -> list[str]:
    return terms


class _Features:
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


# --------------------------------------------------------------------------- measures


def _top_indices(components: np.ndarray, n_top: int) -> list[list[int]]:
    return [list(np.argsort(-row, kind="stable")[:n_top]) for row in components]


def coherence_npmi(
    top: list[list[int]],
    present: csr_matrix | np.ndarray,
    languages: list | np.ndarray | None = None,
) -> np.ndarray:
    """Measure the NPMI coherence of each topic's top terms over the corpus's paragraphs.

    For a pair of terms, ``NPMI = log(p(a, b) / (p(a) p(b))) / -log p(a, b)`` with the
    probabilities taken over paragraphs; a pair that never shares a paragraph scores -1, a pair
    found together in every paragraph scores 1.
    When ``languages`` is given, NPMI is computed within each language over the terms that occur
    in it, and the pairs of all languages are averaged.

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
            n = sub.shape[0]
            p = sub.mean(axis=0)
            joint = (sub.T @ sub) / n
            for i, j in itertools.combinations(range(len(terms)), 2):
                if p[i] == 0 or p[j] == 0:
                    continue
                pij = joint[i, j]
                if pij == 0:
                    value = -1.0
                elif pij >= 1.0:
                    value = 1.0
                else:
                    value = float(np.log(pij / (p[i] * p[j])) / -np.log(pij))
                total += value
                pairs += 1
        out.append(total / pairs if pairs else np.nan)
    return np.array(out, dtype=np.float64)


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


# --------------------------------------------------------------------------- fitting


#: Default iteration caps of the solvers.
MAX_ITER = {"nmf": 1000, "lda": 100}


def _fit_matrix(
    features: _Features,
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


def _normalise(weights: np.ndarray) -> np.ndarray:
    sums = weights.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(sums > 0, weights / np.where(sums > 0, sums, 1.0), 0.0)
    return shares


def _coverage(features: _Features, weights: np.ndarray, top: list[list[int]]) -> float:
    shares = _normalise(weights)
    dominant = shares.argmax(axis=1)
    covered = 0
    for r in range(shares.shape[0]):
        if shares[r].sum() == 0:
            continue
        cols = set(features.present[r].indices.tolist())
        covered += bool(cols & set(top[dominant[r]]))
    return covered / shares.shape[0] if shares.shape[0] else float("nan")


class TopicModel:
    """A topic model of lemmatized paragraphs, in the manner of a scikit-learn estimator.

    Parameters
    ----------
    n_topics : int, default 4
        The number of topics ``k``.
    method : {"nmf", "lda"}, default "nmf"
        NMF over TF-IDF (deterministic ``nndsvda`` initialisation) or LDA over counts.
    random_state : int, default 0
        The seed of the model (LDA; NMF's initialisation does not use it).
    n_top : int, default 10
        How many top terms describe a topic (labels use the first three).
    min_df : int, default 2
        Terms found in fewer paragraphs are left out of the vocabulary.
    max_iter : int or None, default None
        The solver's iteration cap; None means 1000 for NMF and 100 for LDA.

    Attributes
    ----------
    units_ : pandas.DataFrame
        The units the model was fitted on (see :func:`topic_units`).
    terms_ : numpy.ndarray
        The feature names (lemmas, through the ru↔uk bridge), one per column.
    components_ : numpy.ndarray
        Topics × terms weights, rows in topic order (topic 1 first).
    weights_ : numpy.ndarray
        Paragraphs × topics shares: each row sums to 1 (0 for a paragraph with no known term).
    labels_ : list of str
        One label per topic: its three top terms in their most frequent surface form.
    surface_ : dict of str to str
        Term → its most frequent surface form in the units.
    features_ : object
        The matrices the model was fitted on (TF-IDF, counts, presence), for the measures.

    Examples
    --------
    >>> from presslens.corpus.load import load_corpus
    >>> model = TopicModel(2).fit(topic_units(load_corpus().articles))
    >>> model.summary()["topic"].tolist(), float(model.weights_.sum(axis=1).min().round(9))
    ([1, 2], 1.0)
    >>> "НАТО" in model.top_terms()["form"].tolist()
    True
    """

    def __init__(
        self,
        n_topics: int = 4,
        method: Method = "nmf",
        random_state: int = 0,
        n_top: int = 10,
        min_df: int = 2,
        max_iter: int | None = None,
    ):
        self.n_topics = n_topics
        self.method = method
        self.random_state = random_state
        self.n_top = n_top
        self.min_df = min_df
        self.max_iter = max_iter

    # ---------------------------------------------------------------- fit

    def fit(self, units: pd.DataFrame) -> TopicModel:
        """Fit the model on lemmatized paragraphs.

        Parameters
        ----------
        units : pandas.DataFrame
            The output of :func:`topic_units`.

        Returns
        -------
        TopicModel
            ``self``, fitted.

        Raises
        ------
        ValueError
            When the method is unknown or the corpus is too small for ``n_topics``.
        """
        if self.method not in METHODS:
            raise ValueError(f"unknown topic model {self.method!r}; use one of {METHODS}")
        features = _Features(units, self.min_df)
        n_docs, n_terms = features.tfidf.shape
        if not 1 <= self.n_topics <= min(n_docs, n_terms):
            raise ValueError(
                f"cannot fit {self.n_topics} topics on {n_docs} paragraphs and {n_terms} terms"
            )
        weights, components = _fit_matrix(
            features, self.n_topics, self.method, self.random_state, max_iter=self.max_iter
        )
        shares = _normalise(weights)
        # Number topics by their share of the corpus, largest first (ties: by top term).
        top = _top_indices(components, 1)
        order = sorted(
            range(self.n_topics),
            key=lambda t: (-round(float(shares[:, t].sum()), 9), features.terms[top[t][0]]),
        )
        self.units_ = units.reset_index(drop=True)
        self.features_ = features
        self.terms_ = features.terms
        self.components_ = components[order]
        self.weights_ = shares[:, order]
        self.surface_ = _surface_forms(self.units_, features)
        self.labels_ = [
            " · ".join(self._surface(i) for i in idx)
            for idx in _top_indices(self.components_, 3)
        ]
        return self

    def _surface(self, column: int) -> str:
        term = self.terms_[column]
        return self.surface_.get(term, term)

    def _top(self, n: int | None = None) -> list[list[int]]:
        return _top_indices(self.components_, n or self.n_top)

    # ---------------------------------------------------------------- tables

    def top_terms(self, n: int | None = None) -> pd.DataFrame:
        """List the top terms of every topic.

        Parameters
        ----------
        n : int or None, default None
            Terms per topic (default ``n_top``).

        Returns
        -------
        pandas.DataFrame
            One row per topic and term, sorted by topic and rank, with columns:

            - ``topic`` (int): 1..k;
            - ``label`` (str): the topic's label;
            - ``rank`` (int): 1 for the heaviest term;
            - ``term`` (str): the lemma (the most frequent one behind a ru↔uk bridged term);
            - ``form`` (str): its most frequent surface form in the corpus;
            - ``weight`` (float): its weight in the topic, as a share of the topic's total.
        """
        rows = []
        for t, idx in enumerate(self._top(n)):
            total = float(self.components_[t].sum()) or 1.0
            for rank, col in enumerate(idx, start=1):
                rows.append(
                    (
                        t + 1,
                        self.labels_[t],
                        rank,
                        str(self.features_.lemmas[col]),
                        self._surface(col),
                        float(self.components_[t, col]) / total,
                    )
                )
        return pd.DataFrame(rows, columns=["topic", "label", "rank", "term", "form", "weight"])

    def document_topics(self) -> pd.DataFrame:
        """Give the weight of every topic in every paragraph.

        Returns
        -------
        pandas.DataFrame
            One row per paragraph and topic, sorted by article, paragraph and topic:

            - ``article`` (str), ``paragraph`` (int), ``start``, ``end`` (int): the paragraph
              and its offsets into the article's clean text;
            - ``outlet`` (str or None), ``published`` (datetime64), ``language`` (str or None);
            - ``topic`` (int): 1..k;
            - ``label`` (str): the topic's label;
            - ``weight`` (float): the topic's share of the paragraph (a paragraph's weights sum
              to 1, or to 0 when none of its lemmas is in the vocabulary).
        """
        base = self.units_[
            ["article", "paragraph", "start", "end", "outlet", "published", "language"]
        ]
        k = self.n_topics
        frame = base.loc[base.index.repeat(k)].reset_index(drop=True)
        frame["topic"] = np.tile(np.arange(1, k + 1), len(base))
        frame["label"] = [self.labels_[t - 1] for t in frame["topic"]]
        frame["weight"] = self.weights_.reshape(-1)
        return frame.sort_values(["article", "paragraph", "topic"], kind="stable").reset_index(
            drop=True
        )

    def summary(self) -> pd.DataFrame:
        """Describe each topic in one row.

        Returns
        -------
        pandas.DataFrame
            One row per topic, sorted by topic:

            - ``k`` (int): the number of topics of the model;
            - ``topic`` (int): 1..k, by share, largest first;
            - ``label`` (str): the three top terms in their usual surface form;
            - ``terms`` (str): the top ``n_top`` surface forms, comma-separated;
            - ``share`` (float): the topic's share of all paragraph weight;
            - ``paragraphs`` (int): paragraphs whose main topic this is.
        """
        k = self.n_topics
        has_weight = self.weights_.sum(axis=1) > 0
        main = self.weights_.argmax(axis=1)
        total = float(self.weights_.sum()) or 1.0
        rows = []
        for t, idx in enumerate(self._top()):
            rows.append(
                (
                    k,
                    t + 1,
                    self.labels_[t],
                    ", ".join(self._surface(c) for c in idx),
                    float(self.weights_[:, t].sum()) / total,
                    int(((main == t) & has_weight).sum()),
                )
            )
        return pd.DataFrame(rows, columns=["k", "topic", "label", "terms", "share", "paragraphs"])

    def shares(self, by: Grouping = "outlet") -> pd.DataFrame:
        """Give each topic's share of the coverage of every outlet, date, article or language.

        A group's share of a topic is the mean of the topic's weight over the group's paragraphs,
        so the shares of a group sum to 1. Paragraphs with no weight at all are left out;
        paragraphs with no outlet (or no date) form a group of their own, with a missing key.

        Parameters
        ----------
        by : {"outlet", "date", "article", "language"}, default "outlet"
            The grouping; ``"date"`` is the article's publication day.

        Returns
        -------
        pandas.DataFrame
            One row per group and topic, sorted by group and topic:

            - ``outlet`` / ``date`` (datetime64) / ``article`` / ``language``: the group;
            - ``topic`` (int): 1..k;
            - ``label`` (str): the topic's label;
            - ``share`` (float): the topic's share of the group's paragraphs;
            - ``paragraphs`` (int): the group's paragraphs with weight.
        """
        column = {"outlet": "outlet", "date": "published", "article": "article"}.get(by, by)
        if column not in ("outlet", "published", "article", "language"):
            raise ValueError(f"cannot group topic shares by {by!r}")
        keep = self.weights_.sum(axis=1) > 0
        keys = self.units_.loc[keep, column]
        if by == "date":
            keys = pd.to_datetime(keys).dt.normalize()
        wide = pd.DataFrame(self.weights_[keep], columns=range(1, self.n_topics + 1))
        wide[by] = keys.to_numpy()
        grouped = wide.groupby(by, dropna=False, sort=True)
        table = grouped.mean().join(grouped.size().rename("paragraphs")).reset_index()
        long = table.melt(id_vars=[by, "paragraphs"], var_name="topic", value_name="share")
        long = long.astype({"topic": "int64", "paragraphs": "int64"})
        long["label"] = [self.labels_[t - 1] for t in long["topic"]]
        long = long.sort_values([by, "topic"], kind="stable", na_position="last")
        return long[[by, "topic", "label", "share", "paragraphs"]].reset_index(drop=True)

    def representative(self, n: int = 3) -> pd.DataFrame:
        """Pick the paragraphs that stand most clearly for each topic.

        Paragraphs are ranked by the topic's share of them, then by the topic's raw weight in
        them (longer, denser paragraphs first), then by article and paragraph.

        Parameters
        ----------
        n : int, default 3
            Paragraphs per topic.

        Returns
        -------
        pandas.DataFrame
            ``n`` rows per topic (fewer when the topic has fewer paragraphs with weight), sorted
            by topic and rank:

            - ``topic`` (int), ``label`` (str): the topic;
            - ``rank`` (int): 1 for the most representative paragraph;
            - ``article`` (str), ``paragraph`` (int), ``start``, ``end`` (int): where it is;
            - ``outlet`` (str or None), ``published`` (datetime64), ``language`` (str or None);
            - ``weight`` (float): the topic's share of the paragraph;
            - ``text`` (str): the paragraph.
        """
        raw = self.features_.tfidf @ self.components_.T if self.method == "nmf" else None
        rows = []
        for t in range(self.n_topics):
            share = self.weights_[:, t]
            density = np.asarray(raw[:, t]).ravel() if raw is not None else share
            order = sorted(
                np.flatnonzero(share > 0),
                key=lambda r, s=share, d=density: (
                    -round(float(s[r]), 9),
                    -round(float(d[r]), 9),
                    self.units_.at[r, "article"],
                    int(self.units_.at[r, "paragraph"]),
                ),
            )[:n]
            for rank, r in enumerate(order, start=1):
                u = self.units_.loc[r]
                rows.append(
                    (
                        t + 1,
                        self.labels_[t],
                        rank,
                        u["article"],
                        int(u["paragraph"]),
                        int(u["start"]),
                        int(u["end"]),
                        u["outlet"],
                        u["published"],
                        u["language"],
                        float(share[r]),
                        u["text"],
                    )
                )
        columns = [
            "topic",
            "label",
            "rank",
            "article",
            "paragraph",
            "start",
            "end",
            "outlet",
            "published",
            "language",
            "weight",
            "text",
        ]
        frame = pd.DataFrame(rows, columns=columns)
        frame["published"] = pd.to_datetime(frame["published"])
        return frame


def _surface_forms(units: pd.DataFrame, features: _Features) -> dict[str, str]:
    """Map each feature to its most frequent surface form in the units.

    Forms are counted case-blind, and forms seen inside a sentence come first, so a capital
    that only opens a sentence does not make the label (Санкции → санкций); the spelling shown
    is the most frequent one inside sentences (НАТО, Столтенберг).
    """
    known = set(features.terms.tolist())
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    inside: dict[str, Counter[str]] = defaultdict(Counter)
    opening: dict[str, Counter[str]] = defaultdict(Counter)
    for text, language in zip(units["text"], units["language"], strict=True):
        starts = set(sentences(text)["start"].tolist()) | {0}
        for tok in tokenize(text):
            if sum(ch.isalpha() for ch in tok.text) < 2:
                continue
            initial = tok.start in starts
            term = features.feature(lemma(tok.text, language, sentence_start=initial))
            if term not in known:
                continue
            key = tok.text.lower()
            counts[term][key] += 1
            (opening if initial else inside)[key][tok.text] += 1
    out = {}
    for term, forms in counts.items():
        # the most frequent form among those seen inside a sentence, if any
        key = sorted(forms.items(), key=lambda item: (not inside[item[0]], -item[1], item[0]))[0][0]
        out[term] = _most_frequent(inside[key] or opening[key])
    return out


def _most_frequent(counter: Counter[str]) -> str:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[0][0]


# --------------------------------------------------------------------------- choosing k


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
        The output of :func:`topic_units`.
    ks : range or list of int, default range(2, 9)
        Candidate numbers of topics; those the corpus is too small for are skipped.
    method : {"nmf", "lda"}, default "nmf"
        The model (see :class:`TopicModel`).
    random_state : int, default 0
        The seed of the reference model; the other runs use ``random_state + 1`` onwards.
    n_seeds : int, default 5
        How many other runs measure stability.
    n_top : int, default 10
        Top terms per topic used by every measure.
    min_df, max_iter : int
        As in :class:`TopicModel`.

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
    features = _Features(units, min_df)
    n_docs, n_terms = features.tfidf.shape
    languages = units["language"].tolist()
    rows = []
    for k in ks:
        if not 2 <= k < min(n_docs, n_terms):
            continue
        weights, components = _fit_matrix(
            features, k, method, random_state, max_iter=max_iter
        )
        top = _top_indices(components, n_top)
        others = []
        for seed in range(random_state + 1, random_state + 1 + n_seeds):
            init = "random" if method == "nmf" else None
            _, other = _fit_matrix(features, k, method, seed, init, max_iter)
            others.append(_top_indices(other, n_top))
        coherence = float(np.nanmean(coherence_npmi(top, features.present, languages)))
        stability = topic_stability(top, others)
        coverage = _coverage(features, weights, top)
        shares = _normalise(weights)
        main = shares.argmax(axis=1)[shares.sum(axis=1) > 0]
        smallest = int(np.bincount(main, minlength=k).min())
        score = stability * (1 + coherence) / 2 * coverage
        rows.append((method, k, coherence, stability, coverage, smallest, score))
    frame = pd.DataFrame(
        rows, columns=["method", "k", "coherence", "stability", "coverage", "smallest", "score"]
    )
    frame["chosen"] = False
    if len(frame):
        best = frame["score"].round(9).idxmax()  # first maximum: the smaller k on ties
        frame.loc[best, "chosen"] = True
    return frame.astype({"k": "int64", "smallest": "int64"})


def fit_topics(
    units: pd.DataFrame,
    k: int | Literal["auto"] = "auto",
    method: Method = "nmf",
    random_state: int = 0,
    **options,
) -> tuple[TopicModel, pd.DataFrame]:
    """Fit a topic model with a given ``k``, or with the ``k`` chosen by :func:`select_k`.

    Parameters
    ----------
    units : pandas.DataFrame
        The output of :func:`topic_units`.
    k : int or "auto", default "auto"
        The number of topics; ``"auto"`` measures ``range(2, 9)`` and takes the chosen one.
    method : {"nmf", "lda"}, default "nmf"
        The model.
    random_state : int, default 0
        The seed.
    **options
        Passed to :func:`select_k` (``ks``, ``n_seeds``, ``n_top``, ``min_df``, ``max_iter``).

    Returns
    -------
    tuple of (TopicModel, pandas.DataFrame)
        The fitted model and the selection table of :func:`select_k` (empty when ``k`` was
        given).
    """
    selection = pd.DataFrame(
        columns=["method", "k", "coherence", "stability", "coverage", "smallest", "score",
                 "chosen"]
    )
    model_options = {key: options[key] for key in ("n_top", "min_df", "max_iter") if key in options}
    if k == "auto":
        selection = select_k(units, method=method, random_state=random_state, **options)
        if not len(selection):
            raise ValueError("the corpus is too small to compare numbers of topics")
        k = int(selection.loc[selection["chosen"], "k"].iloc[0])
    model = TopicModel(int(k), method=method, random_state=random_state, **model_options)
    return model.fit(units), selection


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
