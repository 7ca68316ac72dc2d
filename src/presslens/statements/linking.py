"""Link statements that report the same utterance, across articles, outlets and languages.

Two statements are linked when

* they have the same canonical speaker (statements of an unknown speaker are compared with
  each other only), or one of them has no named speaker (unknown, or an organisation) and
  both were said the same or the next day, with a stricter threshold (:data:`UNNAMED_SIMILARITY`),
* they were said within a few days of each other (when both dates are known), and
* their words are alike: the cosine similarity of their TF-IDF vectors
  (:class:`presslens.text.LemmaVectorizer`: content lemmas bridged between Russian and
  Ukrainian, plus character n-grams of the lemmas) reaches a threshold. Lemmas, the ru↔uk
  bridge and the n-grams let a paraphrase or a translation share most terms (готовы/готові,
  встреча/зустріч, компромисс/компроміс).

Linked statements form clusters (connected components); cluster ids count from 0 in the
order of each cluster's first statement.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp

from presslens.statements.quotes import split_sentences
from presslens.text import lemmatize
from presslens.text.bridge import bridge_form, bridged_stop_words
from presslens.text.vectorize import LemmaVectorizer

__all__ = [
    "SIMILARITY",
    "components",
    "link_statements",
    "statement_similarity",
    "statement_vectors",
    "unnamed_pairs",
]

#: Default similarity threshold for two statements to report the same utterance.
SIMILARITY = 0.3
#: Largest gap in days between the ``said_on`` of two linked statements.
MAX_DAYS = 3


def statement_similarity(
    quotes: list[str], languages: list[str | None], among: list[int] | None = None
) -> np.ndarray:
    """Return the pairwise similarity of statements' words (0 to 1).

    Each statement is split into sentences (a long quotation in one outlet is often cut to
    one sentence in another); the similarity of two statements is the highest cosine
    similarity between a sentence of one and a sentence of the other. Sentences with fewer
    than three content lemmas are left out unless they are all the statement has.

    Parameters
    ----------
    quotes : list of str
        The statements' words.
    languages : list of str or None
        Their languages (``"ru"``/``"uk"``), for lemmas.
    among : list of int, optional
        Only these statements' rows (in increasing order), against all statements.

    Returns
    -------
    numpy.ndarray
        A matrix of similarities of :class:`presslens.text.LemmaVectorizer` vectors
        (bridged ru/uk lemmas plus their character 3-5-grams): square, or one row per
        statement of ``among``.
    """
    n = len(quotes)
    rows = np.arange(n) if among is None else np.asarray(among, dtype=int)
    out = np.zeros((len(rows), n))
    matrix, owner = statement_vectors(quotes, languages)
    if matrix is None:  # no lemma at all
        return out
    # the units of a statement are consecutive rows: take the best pair of units per statement
    starts = np.flatnonzero(np.r_[True, np.diff(owner) != 0])
    picked = np.flatnonzero(np.isin(owner, rows))  # units of the rows asked for, in order
    sim = np.asarray((matrix[picked] @ matrix.T).todense())
    row_starts = np.flatnonzero(np.r_[True, np.diff(owner[picked]) != 0])
    return np.maximum.reduceat(np.maximum.reduceat(sim, row_starts, axis=0), starts, axis=1)


def statement_vectors(
    quotes: list[str], languages: list[str | None]
) -> tuple[sp.csr_matrix | None, np.ndarray]:
    """Return the vectors :func:`statement_similarity` compares: one row per sentence unit.

    Parameters
    ----------
    quotes : list of str
        The statements' words.
    languages : list of str or None
        Their languages.

    Returns
    -------
    tuple
        ``(matrix, owner)``: L2-normalised rows of a
        :class:`presslens.text.LemmaVectorizer` fitted on these statements (None when
        they hold no lemma at all), and the statement each row belongs to (consecutive rows
        per statement, in statement order).
    """
    owner, docs = [], []
    for i, (quote, language) in enumerate(zip(quotes, languages, strict=True)):
        parts = [_content(p.text, language) for p in split_sentences(quote)]
        long = [p for p in parts if len(p) >= 3]
        for part in long or [[w for p in parts for w in p]]:
            owner.append(i)
            docs.append(part)
    owner = np.asarray(owner, dtype=np.int64)
    try:
        matrix = LemmaVectorizer(char_ngrams=(3, 5), char_weight=0.5).fit_transform_lemmas(docs)
    except ValueError:  # no lemma at all
        return None, owner
    return matrix, owner


def _content(text: str, language: str | None) -> list[str]:
    """The lemmas of a sentence that count for its likeness to another: a word that is a stop
    word in either language is left out in both (место is one in Russian, місце is not in
    Ukrainian), so a translation does not lose terms that its original never had."""
    return [w for w in lemmatize(text, language) if bridge_form(w) not in bridged_stop_words()]


#: Similarity an unnamed statement (unknown speaker or an organisation) needs to join a
#: named one said on the same or the next day: stricter than between one speaker's statements.
UNNAMED_SIMILARITY = 0.35
#: Statements of one day compared this way at the most (beyond, the day is left unlinked).
UNNAMED_BLOCK = 5000


def _unnamed(speaker_id: str) -> bool:
    return speaker_id == "unknown" or speaker_id.startswith("org:")


def _unnamed_links(frame: pd.DataFrame, articles) -> list[tuple[int, int]]:
    """Link a statement whose speaker is unknown or an organisation (``говорится в
    сообщении``) with a statement of another article said the same or the next day, when
    their words are very alike: one outlet names the speaker, the other does not. Two named
    speakers are never linked this way."""
    speakers = frame["speaker_id"].tolist()
    unnamed = np.array([_unnamed(s) for s in speakers], dtype=bool)
    day_of = pd.to_datetime(frame["said_on"]).dt.normalize().to_numpy()
    by_day: dict = {}
    for pos, day in enumerate(day_of):
        if not pd.isna(day):
            by_day.setdefault(day, []).append(pos)
    quotes, languages = frame["quote"].tolist(), frame["language"].tolist()
    pairs: list[tuple[int, int]] = []
    for day, today in sorted(by_day.items()):
        # one outlet may report a day later: a day and the next one together
        rows = today + by_day.get(day + np.timedelta64(1, "D"), [])
        pairs.extend(unnamed_pairs(rows, quotes, languages, unnamed, articles))
    return pairs


def unnamed_pairs(rows: list[int], quotes: list[str], languages: list, unnamed,
                  articles: list) -> list[tuple[int, int]]:
    """Return the pairs ``(i, j)`` of ``rows`` that :func:`link_statements` links across
    speakers: ``i`` unnamed, ``j`` in another article, words alike (:data:`UNNAMED_SIMILARITY`).

    ``rows`` are the positions of the statements said on one day followed by those of the
    next day; ``quotes``, ``languages``, ``unnamed`` (bool) and ``articles`` are indexed by
    position. Nothing is linked when fewer than two or more than :data:`UNNAMED_BLOCK` rows.
    """
    among = [k for k, pos in enumerate(rows) if unnamed[pos]]
    if len(rows) < 2 or len(rows) > UNNAMED_BLOCK or not among:
        return []
    sim = statement_similarity([quotes[p] for p in rows], [languages[p] for p in rows], among)
    pairs = []
    for a, b in np.argwhere(sim >= UNNAMED_SIMILARITY):
        i, j = rows[among[a]], rows[b]
        if i != j and articles[i] != articles[j]:
            pairs.append((i, j))
    return pairs


def link_statements(
    frame: pd.DataFrame, threshold: float = SIMILARITY, max_days: int = MAX_DAYS
) -> list[int]:
    """Give statements that report the same utterance the same cluster id.

    Parameters
    ----------
    frame : pandas.DataFrame
        Statements with columns ``quote``, ``language``, ``speaker_id``, ``said_on``,
        ``article``.
    threshold : float, default SIMILARITY
        The smallest similarity of two linked statements.
    max_days : int, default MAX_DAYS
        The largest gap between their ``said_on`` dates.

    Returns
    -------
    list of int
        One cluster id per row.
    """
    n = len(frame)
    pairs: list[tuple[int, int]] = []
    days = pd.to_datetime(frame["said_on"]).tolist()
    articles = frame["article"].tolist()
    speakers = frame["speaker_id"].tolist()
    # statements of one speaker are compared with each other only (unknown with unknown)
    for _, block in frame.groupby("speaker_id", sort=True):
        rows = [frame.index.get_loc(i) for i in block.index]
        if len(rows) < 2:
            continue
        sim = statement_similarity(block["quote"].tolist(), block["language"].tolist())
        for a, b in np.argwhere(np.triu(sim, k=1) >= threshold):
            i, j = rows[a], rows[b]
            if articles[i] == articles[j] and sim[a, b] < 0.9:
                continue
            if speakers[i] != speakers[j]:
                continue
            if pd.notna(days[i]) and pd.notna(days[j]):
                if abs((days[i] - days[j]).days) > max_days:
                    continue
            pairs.append((i, j))
    pairs.extend(_unnamed_links(frame, articles))
    return components(n, pairs)


def components(n: int, pairs) -> list[int]:
    """Number the connected components of ``n`` items joined by ``pairs``.

    Parameters
    ----------
    n : int
        Items ``0 .. n-1``.
    pairs : iterable of tuple of int
        Links between items.

    Returns
    -------
    list of int
        One id per item, counting from 0 in the order of each component's first item.
    """
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    ids: dict[int, int] = {}
    return [ids.setdefault(find(i), len(ids)) for i in range(n)]
