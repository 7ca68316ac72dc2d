"""Find what a corpus is about: topics over lemmatized paragraphs, by outlet and over time.

The work is done in four steps, each in its own module; :class:`TopicModel` holds a fitted
model's state and hands each step to them:

* :mod:`~presslens.findings.topicunits`: **units**, the lemmatized paragraphs, without the words
  every story uses (reporting verbs, calendar words);
* :mod:`~presslens.findings.topicfit`: **models**, NMF over TF-IDF (deterministic ``nndsvda``
  start) or LDA over counts, both through the ru↔uk bridge of
  :class:`presslens.text.LemmaVectorizer`; and **the number of topics**, measured, not guessed
  (:func:`select_k`);
* :mod:`~presslens.findings.topicmeasures`: the measures, coherence (NPMI within each
  language), stability across seeds, coverage, and two models' agreement;
* :mod:`~presslens.findings.topiclabels`: **labels** (the top lemmas in their most frequent
  surface form: нато → НАТО) and the tables of a fitted model.

Topics are numbered 1..k by their share of the corpus, largest first. On a handful of articles
every number here is fragile: read the selection table before reading the topics.
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

import presslens.findings.topiclabels as topiclabels
from presslens.findings.topicfit import SELECTION_COLUMNS, Method, fit_model, select_k
from presslens.findings.topiclabels import Grouping

__all__ = ["TopicModel", "fit_topics"]


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
        The units the model was fitted on (see :func:`~presslens.findings.topic_units`).
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
    >>> from presslens.corpus import load_corpus
    >>> from presslens.findings import topic_units
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

    def fit(self, units: pd.DataFrame) -> TopicModel:
        """Fit the model on lemmatized paragraphs.

        Parameters
        ----------
        units : pandas.DataFrame
            The output of :func:`~presslens.findings.topic_units`.

        Returns
        -------
        TopicModel
            ``self``, fitted.

        Raises
        ------
        ValueError
            When the method is unknown or the corpus is too small for ``n_topics``.
        """
        self.features_, self.components_, self.weights_ = fit_model(
            units, self.n_topics, self.method, self.random_state, self.min_df, self.max_iter
        )
        self.units_ = units.reset_index(drop=True)
        self.terms_ = self.features_.terms
        self.surface_ = topiclabels.surface_forms(self.units_, self.features_)
        self.labels_ = topiclabels.topic_labels(self)
        return self

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
        return topiclabels.top_terms(self, n)

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
        return topiclabels.document_topics(self)

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
        return topiclabels.summary(self)

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
        return topiclabels.shares(self, by)

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
        return topiclabels.representative(self, n)


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
        The output of :func:`~presslens.findings.topic_units`.
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
    selection = pd.DataFrame(columns=SELECTION_COLUMNS)
    model_options = {key: options[key] for key in ("n_top", "min_df", "max_iter") if key in options}
    if k == "auto":
        selection = select_k(units, method=method, random_state=random_state, **options)
        if not len(selection):
            raise ValueError("the corpus is too small to compare numbers of topics")
        k = int(selection.loc[selection["chosen"], "k"].iloc[0])
    model = TopicModel(int(k), method=method, random_state=random_state, **model_options)
    return model.fit(units), selection
