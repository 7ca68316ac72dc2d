"""Passages carried by two articles: paragraphs reprinted or translated, across ru and uk.

Two paragraphs are one passage when their bridged content lemmas
(:func:`presslens.text.bridge_form`) have a cosine (:func:`text_similarity`) of at least
:data:`PASSAGE_SIMILARITY`. Passages are compared only between articles that are each other's
nearest neighbours (top-K, article cosine at least :data:`CANDIDATE_SIMILARITY`), so the cost
grows as N·K.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pandas as pd
import scipy.sparse as sp

from presslens.findings.similarity import top_neighbors
from presslens.text import LemmaVectorizer, bridge_form, lemmatize, split_units

__all__ = ["CANDIDATE_SIMILARITY", "MIN_LEMMAS", "PASSAGE_SIMILARITY", "passage_pairs",
           "text_similarity"]

#: Smallest cosine of bridged content lemmas for two paragraphs to be one passage.
PASSAGE_SIMILARITY = 0.6
#: Smallest article cosine (the index's neighbours) for two articles' paragraphs to be compared:
#: above what articles on one topic share (on the generated corpus 99 % of neighbour pairs
#: are below 0.35; reprints score above 0.8).
CANDIDATE_SIMILARITY = 0.4
#: Paragraphs with fewer content lemmas (headings, captions) are not passages.
MIN_LEMMAS = 8


def _bag(text: str, language: str | None) -> Counter:
    lang = language if isinstance(language, str) else None
    return Counter(bridge_form(w) for w in lemmatize(text, lang))


def _cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    dot = sum(n * b[t] for t, n in a.items() if t in b)
    norm = math.sqrt(sum(n * n for n in a.values()) * sum(n * n for n in b.values()))
    return round(dot / norm, 6)


def text_similarity(a: str, b: str, language_a: str | None, language_b: str | None) -> float:
    """Return how close two texts are, across Russian and Ukrainian.

    Parameters
    ----------
    a, b : str
        The texts.
    language_a, language_b : str or None
        Their languages (``ru``/``uk``).

    Returns
    -------
    float
        The cosine (0-1, six decimals) of their bridged content-lemma counts: 1 for the same
        lemmas in the same proportions, 0 with none in common. It depends on the two texts only.
    """
    return _cosine(_bag(a, language_a), _bag(b, language_b))


def _neighbours(articles: pd.DataFrame, k: int) -> pd.DataFrame:
    X = LemmaVectorizer().fit_transform(articles)
    hood = top_neighbors(X, k)
    ids = articles["id"].to_numpy()
    return pd.DataFrame({"article": ids[hood["row"]], "neighbor": ids[hood["neighbor"]],
                         "rank": hood["rank"], "score": hood["score"]})


def passage_pairs(
    articles: pd.DataFrame,
    neighbors: pd.DataFrame | None = None,
    *,
    k: int = 10,
    candidate: float = CANDIDATE_SIMILARITY,
    threshold: float = PASSAGE_SIMILARITY,
) -> pd.DataFrame:
    """Find paragraphs carried by two articles (reprinted or translated).

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles`` (``id``, ``text``, ``language``).
    neighbors : pandas.DataFrame, optional
        Article neighbours (``article``, ``neighbor``, ``score``), e.g. an index's; computed
        (top ``k`` by lemma TF-IDF cosine) when None.
    k : int, default 10
        Neighbours per article when they are computed.
    candidate : float, default CANDIDATE_SIMILARITY
        Smallest article cosine for two articles' paragraphs to be compared.
    threshold : float, default PASSAGE_SIMILARITY
        Smallest paragraph similarity (:func:`text_similarity`).

    Returns
    -------
    pandas.DataFrame
        One row per pair of paragraphs, sorted by ``a``, ``a_index``, ``b``, ``b_index``
        (``a`` < ``b``): ``a``, ``a_index``, ``a_start``, ``a_end``, ``b``, ``b_index``,
        ``b_start``, ``b_end`` (article ids, paragraph indexes of
        :func:`presslens.text.split_units` and offsets into the clean text) and
        ``score`` (float).
    """
    columns = ["a", "a_index", "a_start", "a_end", "b", "b_index", "b_start", "b_end", "score"]
    if neighbors is None:
        neighbors = _neighbours(articles, k) if len(articles) > 1 else pd.DataFrame(
            columns=["article", "neighbor", "score"])
    close = neighbors[neighbors["score"] >= candidate]
    pairs = sorted({(min(a, b), max(a, b)) for a, b in
                    zip(close["article"], close["neighbor"], strict=True) if a != b})
    if not pairs:
        return pd.DataFrame(columns=columns)
    wanted = sorted({a for pair in pairs for a in pair})
    units = split_units(articles[articles["id"].isin(wanted)], "paragraph")
    bags = [_bag(t, lang) for t, lang in zip(units["text"], units["language"], strict=True)]
    matrix = _unit_rows(bags)
    by_article: dict[str, list[int]] = {}
    for row, (art, bag) in enumerate(zip(units["article"], bags, strict=True)):
        if sum(bag.values()) >= MIN_LEMMAS:
            by_article.setdefault(art, []).append(row)
    found = []
    for a, b in pairs:
        ra, rb = by_article.get(a, []), by_article.get(b, [])
        if not ra or not rb:
            continue
        block = (matrix[ra] @ matrix[rb].T).toarray()
        for x, y in zip(*(block >= threshold - 1e-9).nonzero(), strict=True):
            found.append((ra[x], rb[y], round(float(block[x, y]), 6)))
    cols = units[["article", "index", "start", "end"]].to_numpy().tolist()
    out = [(*cols[i], *cols[j], score) for i, j, score in found]
    return pd.DataFrame(out, columns=columns)


def _unit_rows(bags: list[Counter]):
    """The L2-normalised count rows of ``bags`` (one column per term)."""
    vocab: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for bag in bags:
        for term, n in bag.items():
            indices.append(vocab.setdefault(term, len(vocab)))
            data.append(float(n))
        indptr.append(len(indices))
    matrix = sp.csr_matrix((np.asarray(data), np.asarray(indices, dtype=np.int64),
                            np.asarray(indptr)), shape=(len(bags), max(len(vocab), 1)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    return sp.diags(1.0 / norms) @ matrix
