"""Link the statements of a whole corpus in blocks, at a cost that grows with a speaker's
statements in a few days, not with the square of the corpus: the clusters of
:func:`presslens.statements.linking.link_statements`.

:func:`~presslens.statements.linking.link_statements` compares every two statements of one speaker
and then, day by day, the unnamed statements with those of the day and the next. Two statements of
one speaker said more than ``max_days`` apart are never linked, so :func:`link_blocked`

* fits each speaker's vectors once on all the speaker's statements (the same vectors as in
  memory: the idf is the speaker's), then
* compares only the statements of one day with those of that day and the next ``max_days``
  days (and a statement without a date with all of the speaker's), and
* runs the unnamed pass day by day exactly as in memory.

The pairs of every block are joined into clusters (connected components) numbered in the
order of each cluster's first statement, as in memory: the same clusters, the same ids.
Blocks are independent, so ``mapper`` can run them on a Dask cluster.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from presslens.statements.linking import (
    MAX_DAYS,
    SIMILARITY,
    _unnamed,
    components,
    statement_vectors,
    unnamed_pairs,
)

__all__ = ["Mapper", "components", "link_blocked", "speaker_pairs"]

#: Runs ``fn(*item)`` for every item and returns the results in order.
Mapper = Callable[[Callable, list[tuple]], list]
#: Days of the unnamed pass given to one task.
DAYS_PER_TASK = 16


def _sequential(fn: Callable, items: list[tuple]) -> list:
    return [fn(*item) for item in items]


def _unit_max(matrix, owner: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The best unit-pair similarity of every statement of ``a`` with every one of ``b``
    (both sorted positions of one speaker's statements)."""
    ua = np.flatnonzero(np.isin(owner, a))
    ub = np.flatnonzero(np.isin(owner, b))
    sim = np.asarray((matrix[ua] @ matrix[ub].T).todense())
    ra = np.flatnonzero(np.r_[True, np.diff(owner[ua]) != 0])
    rb = np.flatnonzero(np.r_[True, np.diff(owner[ub]) != 0])
    return np.maximum.reduceat(np.maximum.reduceat(sim, ra, axis=0), rb, axis=1)


def _window_blocks(days: np.ndarray, max_days: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """``(a, b)`` blocks of positions: each day against itself and the next ``max_days``
    days; statements without a day against every statement."""
    n = len(days)
    known = np.flatnonzero(~np.isnan(days))
    blocks = []
    for day in np.unique(days[known]):
        a = known[days[known] == day]
        b = known[(days[known] >= day) & (days[known] <= day + max_days)]
        blocks.append((a, b))
    unknown = np.flatnonzero(np.isnan(days))
    if len(unknown):
        blocks.append((unknown, np.arange(n)))
    return blocks


def speaker_pairs(
    quotes: list[str],
    languages: list,
    days: np.ndarray,
    articles: list,
    threshold: float = SIMILARITY,
    max_days: int = MAX_DAYS,
) -> list[tuple[int, int]]:
    """Return the pairs of one speaker's statements that :func:`link_statements` links.

    Parameters
    ----------
    quotes, languages, articles : list
        The statements' words, languages and article ids, in frame order.
    days : numpy.ndarray of float
        The day each was said (days since 1970-01-01; NaN when unknown).
    threshold : float, default SIMILARITY
        The smallest similarity of two linked statements.
    max_days : int, default MAX_DAYS
        The largest gap between two dated statements.

    Returns
    -------
    list of tuple of int
        ``(i, j)`` positions (``i < j``) of linked statements, sorted.
    """
    if len(quotes) < 2:
        return []
    matrix, owner = statement_vectors(quotes, languages)
    if matrix is None:
        return []
    pairs: set[tuple[int, int]] = set()
    for a, b in _window_blocks(days, max_days):
        sim = _unit_max(matrix, owner, a, b)
        for x, y in np.argwhere(sim >= threshold):
            i, j = int(a[x]), int(b[y])
            if i == j:
                continue
            i, j = min(i, j), max(i, j)
            if articles[i] == articles[j] and sim[x, y] < 0.9:
                continue
            if abs(days[i] - days[j]) > max_days:  # False when a day is unknown (NaN)
                continue
            pairs.add((i, j))
    return sorted(pairs)


def _speaker_task(rows: list[int], quotes, languages, days, articles, threshold, max_days):
    local = speaker_pairs(quotes, languages, np.asarray(days, dtype=float), articles,
                          threshold, max_days)
    return [(rows[i], rows[j]) for i, j in local]


def _unnamed_task(day_rows: list[list[int]], quotes: dict, languages: dict, unnamed: dict,
                  articles: dict) -> list[tuple[int, int]]:
    """The unnamed pass for some days: ``day_rows`` are each day's positions followed by the
    next day's; the dicts give each position's words, language, flag and article."""
    out = []
    for rows in day_rows:
        out.extend(unnamed_pairs(rows, quotes, languages, unnamed, articles))
    return out


def _day_numbers(said_on: pd.Series) -> np.ndarray:
    stamps = pd.to_datetime(said_on).dt.normalize()
    values = stamps.to_numpy(dtype="datetime64[D]").astype("int64").astype(float)
    values[stamps.isna().to_numpy()] = np.nan
    return values


def _speaker_items(frame: pd.DataFrame, days: np.ndarray, threshold: float,
                   max_days: int) -> list[tuple]:
    items = []
    quotes, languages = frame["quote"].tolist(), frame["language"].tolist()
    articles = frame["article"].tolist()
    for _, rows in sorted(frame.groupby("speaker_id", sort=True).indices.items()):
        if len(rows) < 2:
            continue
        rows = sorted(int(r) for r in rows)
        items.append((rows, [quotes[r] for r in rows], [languages[r] for r in rows],
                      days[rows].tolist(), [articles[r] for r in rows], threshold, max_days))
    return items


def _unnamed_items(frame: pd.DataFrame, days: np.ndarray) -> list[tuple]:
    unnamed = [_unnamed(s) for s in frame["speaker_id"]]
    by_day: dict[float, list[int]] = {}
    for pos, day in enumerate(days):
        if not np.isnan(day):
            by_day.setdefault(day, []).append(pos)
    blocks = [today + by_day.get(day + 1, []) for day, today in sorted(by_day.items())]
    blocks = [rows for rows in blocks if any(unnamed[p] for p in rows)]
    quotes, languages = frame["quote"].tolist(), frame["language"].tolist()
    articles = frame["article"].tolist()
    items = []
    for k in range(0, len(blocks), DAYS_PER_TASK):
        chunk = blocks[k : k + DAYS_PER_TASK]
        used = sorted({p for rows in chunk for p in rows})
        items.append((chunk, {p: quotes[p] for p in used}, {p: languages[p] for p in used},
                      {p: unnamed[p] for p in used}, {p: articles[p] for p in used}))
    return items


def link_blocked(
    frame: pd.DataFrame,
    threshold: float = SIMILARITY,
    max_days: int = MAX_DAYS,
    mapper: Mapper | None = None,
) -> list[int]:
    """Give statements that report the same utterance the same cluster id, in blocks.

    Parameters
    ----------
    frame : pandas.DataFrame
        Statements with columns ``quote``, ``language``, ``speaker_id``, ``said_on``,
        ``article`` (as for :func:`presslens.statements.linking.link_statements`).
    threshold : float, default SIMILARITY
        The smallest similarity of two linked statements of one speaker.
    max_days : int, default MAX_DAYS
        The largest gap between their ``said_on`` dates.
    mapper : callable, optional
        ``mapper(fn, items)`` returns ``[fn(*item) for item in items]``, perhaps on a
        cluster; default: in this process.

    Returns
    -------
    list of int
        One cluster id per row: equal to :func:`presslens.statements.linking.link_statements`.
    """
    mapper = mapper or _sequential
    frame = frame.reset_index(drop=True)
    days = _day_numbers(frame["said_on"])
    pairs: list[tuple[int, int]] = []
    for found in mapper(_speaker_task, _speaker_items(frame, days, threshold, max_days)):
        pairs.extend(found)
    for found in mapper(_unnamed_task, _unnamed_items(frame, days)):
        pairs.extend(found)
    return components(len(frame), pairs)
