"""Turn articles, paragraphs or sentences into TF-IDF vectors of word lemmas.

The vectorizer wraps scikit-learn's :class:`~sklearn.feature_extraction.text.TfidfVectorizer`:
each unit of text is reduced to its content lemmas (:func:`presslens.text.lemmatize`, with the
unit's own language), and the lemmas, not the raw words, are counted.

A ru↔uk bridge (on by default) lets the same statement in the two languages share terms:

1. a Ukrainian lemma whose Russian counterpart is spelled differently is mapped to it with the
   lexicon in ``resources/similarity_bridge_uk_ru.csv`` (зустріч → встреча, безпека →
   безопасность, Харків → Харьков);
2. every lemma, Russian or Ukrainian, is then written in a shared spelling
   (:func:`bridge_form`): the front vowels и і ї ы е є э ё become one letter, ґ becomes г, soft
   signs, hard signs and apostrophes go, doubled letters are written once, and the infinitive
   endings -ть/-ти and -ться/-тися agree. So Блинкен and Блінкен, Россия and Росія, заявить and
   заявити, решение and рішення fall together.

Optional character n-grams of the (bridged) lemmas add partial matches between related words.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils._sparse import _align_api_if_sparse
from sklearn.utils.validation import check_is_fitted

from presslens.corpus.clean import paragraphs
from presslens.corpus.lang import detect_language
from presslens.lexicon import read_rows
from presslens.text.nlp import (
    known_forms,
    lemmatize,
    load_lemma_cache,
    normalize_word,
    save_lemma_cache,
    sentences,
)

__all__ = [
    "LEVELS",
    "UNIT_COLUMNS",
    "LemmaVectorizer",
    "bridge_form",
    "bridge_lexicon",
    "split_units",
]

#: The units a corpus can be vectorised at.
LEVELS = ("article", "paragraph", "sentence")
#: Columns of the table returned by :func:`split_units`.
UNIT_COLUMNS = ["article", "index", "start", "end", "text", "language"]

_FRONT_VOWELS = str.maketrans({ch: "и" for ch in "иіїыеєэё"} | {"ґ": "г"})
_DROPPED = re.compile(r"[ьъ'’ʼ`]")
_DOUBLED = re.compile(r"(\w)\1+")
_CYRILLIC = re.compile(r"[а-яёіїєґ]")


@lru_cache(maxsize=1)
def bridge_lexicon() -> dict[str, str]:
    """Return the Ukrainian → Russian lemma lexicon of the ru↔uk bridge.

    Returns
    -------
    dict of str to str
        Ukrainian lemma → Russian lemma, both normalised with
        :func:`presslens.text.normalize_word`.
    """
    return {normalize_word(row["uk"].strip()): normalize_word(row["ru"].strip())
            for row in read_rows("similarity_bridge_uk_ru.csv")}


@lru_cache(maxsize=200_000)
def bridge_form(lemma: str) -> str:
    """Write a Russian or Ukrainian lemma in the spelling shared by both languages.

    Parameters
    ----------
    lemma : str
        A lemma from :func:`presslens.text.lemma` (lower case).

    Returns
    -------
    str
        The bridged form: the lexicon's Russian lemma for a listed Ukrainian word, then the
        front vowels (и і ї ы е є э ё) as и, ґ as г, ь ъ and apostrophes dropped, doubled letters
        once, the infinitive endings -ть/-ти and -ться/-тися/-тись unified, and the ending -ние
        written like the Ukrainian -ння.

    Examples
    --------
    >>> bridge_form("блинкен") == bridge_form("блінкен")
    True
    >>> bridge_form("россия") == bridge_form("росія")
    True
    >>> bridge_form("заявить") == bridge_form("заявити")
    True
    >>> bridge_form("безпека") == bridge_form("безопасность")
    True
    """
    word = normalize_word(lemma)
    if not _CYRILLIC.search(word):
        return word  # Latin names and words are shared by both languages as they are
    word = bridge_lexicon().get(word, word)
    if word.startswith("йе"):
        word = word[1:]  # Йенс / Єнс
    word = re.sub(r"(ться|тись|тися)$", "тися", word)
    word = re.sub(r"ть$", "ти", word)
    word = re.sub(r"([нт])ие$", r"\1\1я", word)  # решение / рішення, развитие
    word = re.sub(r"ой$", "ий", word) if len(word) > 4 else word  # другой / другий
    word = _DROPPED.sub("", word.translate(_FRONT_VOWELS))
    return _DOUBLED.sub(r"\1", word)


def split_units(articles: pd.DataFrame, level: str = "paragraph") -> pd.DataFrame:
    """Split articles into the units that are vectorised: whole articles, paragraphs or sentences.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles`` (needs ``id``, ``text``, ``language``; ``lines`` is used when present).
    level : {"article", "paragraph", "sentence"}, default "paragraph"
        The unit.

    Returns
    -------
    pandas.DataFrame
        One row per non-empty unit, sorted by article and index:

        - ``article`` (str): the article id;
        - ``index`` (int): 0-based index of the unit within the article (0 for a whole article;
          the paragraph index of :func:`presslens.corpus.paragraphs`; sentences are numbered
          through the whole article);
        - ``start``, ``end`` (int): character offsets into the article's clean ``text``;
        - ``text`` (str): the unit;
        - ``language`` (str or None): ``"ru"``/``"uk"`` of the unit (a paragraph's detected
          language, else the article's).

    Raises
    ------
    ValueError
        When ``level`` is not one of :data:`LEVELS`.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    rows: list[tuple] = []
    if level == "article":
        for art in articles.itertuples(index=False):
            text = art.text if isinstance(art.text, str) else ""
            language = art.language if isinstance(art.language, str) else detect_language(text)
            if text.strip():
                rows.append((art.id, 0, 0, len(text), text, language))
    else:
        frame = articles
        if "lines" not in frame.columns:
            frame = frame.assign(lines=None)
        paras = paragraphs(frame)
        counters: Counter[str] = Counter()
        for para in paras.itertuples(index=False):
            if not para.text.strip():
                continue
            language = para.language if isinstance(para.language, str) else None
            if level == "paragraph":
                rows.append(
                    (para.article, int(para.paragraph), para.start, para.end, para.text, language)
                )
                continue
            for sent in sentences(para.text).itertuples(index=False):
                index = counters[para.article]
                counters[para.article] += 1
                start = int(para.start) + int(sent.start)
                rows.append((para.article, index, start, start + len(sent.text), sent.text,
                             language))
    units = pd.DataFrame(rows, columns=UNIT_COLUMNS)
    units = units.astype({"article": str, "index": "int64", "start": "int64", "end": "int64"})
    units["language"] = units["language"].astype(object).where(units["language"].notna(), None)
    return units.sort_values(["article", "index"], kind="stable").reset_index(drop=True)


class _Terms:
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
        return f"_Terms(bridge={self.bridge})"


_CHUNK = 1 << 22  # tokens counted per chunk


class _LemmaTfidf(TfidfVectorizer):
    """scikit-learn's TF-IDF over documents given as lists of lemmas (analyzer :class:`_Terms`).

    Only the counting differs from :class:`~sklearn.feature_extraction.text.TfidfVectorizer`,
    with the same counts: every token is mapped to a lemma column by dictionary look-ups at C
    speed, and the lemma columns are summed into term columns (each distinct lemma is bridged
    once, not each token). The vocabulary limits (``min_df``, ``max_df``, ``max_features``),
    idf and normalisation are scikit-learn's. After fitting, ``lemma_counts_`` holds how often
    each lemma occurs.
    """

    def _count_vocab(self, raw_documents, fixed_vocab):
        analyzer = self.analyzer
        if not isinstance(analyzer, _Terms):
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


def _as_units(X, level: str) -> pd.DataFrame:
    """Read the input of the vectorizer as a table of units."""
    if isinstance(X, pd.DataFrame):
        if "article" in X.columns and "text" in X.columns:
            units = X.copy()
            if "language" not in units.columns:
                units["language"] = None
            if "index" not in units.columns:
                units["index"] = range(len(units))
            return units.reset_index(drop=True)
        if "id" in X.columns and "text" in X.columns:
            return split_units(X, level)
        raise ValueError("a DataFrame input needs columns id and text (articles) "
                         "or article and text (units)")
    if isinstance(X, str):
        raise ValueError("pass a list of texts, not a single string")
    texts = [str(t) for t in X]
    return pd.DataFrame(
        {
            "article": [str(i) for i in range(len(texts))],
            "index": 0,
            "start": 0,
            "end": [len(t) for t in texts],
            "text": texts,
            "language": [None] * len(texts),
        },
        columns=UNIT_COLUMNS,
    )


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
        return _as_units(X, self.level)

    def _lemmas(self, units: pd.DataFrame) -> list[list[str]]:
        languages = [lang if isinstance(lang, str) else None for lang in units["language"]]
        if self.lemma_cache is None:
            return list(map(lemmatize, units["text"].tolist(), languages))
        path = Path(self.lemma_cache)
        load_lemma_cache(path)
        before = known_forms()
        lemmas = list(map(lemmatize, units["text"].tolist(), languages))
        if known_forms() != before or not path.is_file():
            save_lemma_cache(path)
        return lemmas

    def _terms(self, lemmas: list[list[str]]) -> list[list[str]]:
        if not self.bridge:
            return lemmas
        return [list(map(bridge_form, doc)) for doc in lemmas]

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
            An articles table, a units table, or texts.
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
        units = _as_units(X, self.level)
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
        self.word_vectorizer_ = _LemmaTfidf(
            analyzer=_Terms(self.bridge),
            min_df=self.min_df,
            max_df=self.max_df,
            max_features=self.max_features,
            sublinear_tf=self.sublinear_tf,
            norm="l2",
            dtype=np.float64,
        )
        words = self.word_vectorizer_.fit_transform(lemmas)
        self.vocabulary_ = dict(self.word_vectorizer_.vocabulary_)
        self.labels_ = self._labels(self.word_vectorizer_.lemma_counts_)
        self.char_vectorizer_ = None
        if self.char_ngrams:
            terms = self._terms(lemmas)
            self.char_vectorizer_ = TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=tuple(self.char_ngrams),
                sublinear_tf=True,
                norm="l2",
                dtype=np.float64,
            )
            chars = self.char_vectorizer_.fit_transform([" ".join(doc) for doc in terms])
            offset = len(self.vocabulary_)
            for gram, col in self.char_vectorizer_.vocabulary_.items():
                self.vocabulary_[f"char:{gram}"] = offset + col
            grams = self.char_vectorizer_.get_feature_names_out()
            self.labels_ = np.concatenate([self.labels_, grams.astype(object)])
            matrix = self._combine(words, chars)
        else:
            matrix = words
        self.idf_ = self._idf()
        return matrix

    def transform(self, X) -> sp.csr_matrix:
        """Return the TF-IDF matrix of ``X`` with the fitted vocabulary.

        Parameters
        ----------
        X : pandas.DataFrame or list of str
            An articles table, a units table, or texts.

        Returns
        -------
        scipy.sparse.csr_matrix
            One L2-normalised row per unit (see :meth:`units`), one column per feature.
        """
        check_is_fitted(self, "word_vectorizer_")
        units = _as_units(X, self.level)
        lemmas = self._lemmas(units)
        words = self.word_vectorizer_.transform(lemmas)
        if self.char_vectorizer_ is None:
            return words.tocsr()
        chars = self.char_vectorizer_.transform([" ".join(doc) for doc in self._terms(lemmas)])
        return self._combine(words, chars)

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

    # ------------------------------------------------------------------ internals
    def _combine(self, words: sp.spmatrix, chars: sp.spmatrix) -> sp.csr_matrix:
        w = float(self.char_weight)
        matrix = sp.hstack([np.sqrt(1.0 - w) * words, np.sqrt(w) * chars], format="csr")
        return normalize(matrix, norm="l2", copy=False).tocsr()

    def _idf(self) -> np.ndarray:
        idf = self.word_vectorizer_.idf_
        if self.char_vectorizer_ is not None:
            idf = np.concatenate([idf, self.char_vectorizer_.idf_])
        return idf

    def _labels(self, lemma_counts: dict[str, int]) -> np.ndarray:
        """Label each term column with its most frequent lemma (ties: alphabetically first)."""
        term = _Terms(self.bridge).term
        best: dict[str, tuple[int, str]] = {}
        for lem, count in lemma_counts.items():
            key = (-count, lem)
            t = term(lem)
            if t not in best or key < best[t]:
                best[t] = key
        names = self.word_vectorizer_.get_feature_names_out()
        return np.array([best[t][1] if t in best else t for t in names], dtype=object)
