"""Dated events of a whole corpus: the events of :func:`presslens.findings.reconcile_events`
reconciled in blocks of days.

:func:`~presslens.findings.reconcile_events` compares every two day-precise mentions, most
alike first; a group never spans more than ``max_days``, so two mentions further apart never
join. :func:`reconcile_blocked` fits the same vectors on every mention (the same idf), compares
each day's mentions only with those of that day and the next ``max_days`` days, and joins them
in the same order with the same checks (:func:`~presslens.findings.reconcile.join_events`):
the same events, the same ids.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sparse_dot_topn import sp_matmul_topn

from presslens.findings.reconcile import (
    EVENT_TABLE_COLUMNS,
    candidates,
    event_table,
    join_events,
)

__all__ = ["reconcile_blocked"]

#: Days of mentions compared by one task.
DAYS_PER_TASK = 30


def _window_task(matrix, rows: np.ndarray, days: np.ndarray, first: int, last: int,
                 max_days: int, floor: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs of the mentions of days ``first..last`` with those up to ``max_days`` later:
    ``matrix`` holds the rows ``rows`` (sorted by day), said on ``days``. Returns the arrays
    ``(i, j, similarity)``, ``i < j``, in the order the products give them."""
    found = []
    for day in np.unique(days[(days >= first) & (days <= last)]):
        lo, mid = np.searchsorted(days, day, "left"), np.searchsorted(days, day, "right")
        hi = np.searchsorted(days, day + max_days, "right")
        # only the products above the floor are kept (no dense block of every pair's score)
        block = sp_matmul_topn(matrix[lo:mid], matrix[lo:hi].T.tocsr(), top_n=hi - lo,
                               threshold=np.nextafter(floor, -np.inf), n_threads=1).tocoo()
        keep = block.data >= floor
        x, y = rows[lo + block.row[keep]], rows[lo + block.col[keep]]
        other = x != y
        x, y, v = x[other], y[other], block.data[keep][other]
        found.append((np.minimum(x, y), np.maximum(x, y), v))
    if not found:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.float64)
    return tuple(np.concatenate(parts) for parts in zip(*found, strict=True))


class _Pairs:
    """The similarities of the candidate pairs, as sorted arrays (not a dict of tuples: at
    100k articles they are tens of millions)."""

    def __init__(self, i: np.ndarray, j: np.ndarray, v: np.ndarray, n: int) -> None:
        keys = i.astype(np.int64) * n + j
        # the last value given for a key wins, as when a dict is filled in this order
        keys, last = np.unique(keys[::-1], return_index=True)
        self.n, self.keys = n, keys
        self.values = v[::-1][last]

    def get(self, x: int, y: int) -> float:
        """The similarity of mentions ``x`` and ``y`` (0.0 when not a candidate pair)."""
        key = min(x, y) * self.n + max(x, y)
        at = int(np.searchsorted(self.keys, key))
        return float(self.values[at]) if at < len(self.keys) and self.keys[at] == key else 0.0

    def scores(self, threshold: float):
        """``(similarity, i, j)`` of the pairs at or above ``threshold``."""
        keep = self.values >= threshold
        keys, values = self.keys[keep], self.values[keep]
        return zip(values.tolist(), (keys // self.n).tolist(), (keys % self.n).tolist(),
                   strict=True)


def _pairs_in_window(matrix, days: np.ndarray, max_days: int, floor: float,
                     mapper=None) -> _Pairs:
    """Similarities >= ``floor`` of mentions at most ``max_days`` apart, computed in chunks
    of :data:`DAYS_PER_TASK` days (on a cluster with ``mapper``)."""
    order = np.argsort(days, kind="stable")
    sorted_days = days[order]
    items = []
    for first in range(int(sorted_days.min()), int(sorted_days.max()) + 1, DAYS_PER_TASK):
        last = first + DAYS_PER_TASK - 1
        lo = np.searchsorted(sorted_days, first, "left")
        hi = np.searchsorted(sorted_days, last + max_days, "right")
        if lo < hi:
            items.append((matrix[order[lo:hi]], order[lo:hi], sorted_days[lo:hi], first, last,
                          max_days, floor))
    results = (mapper or (lambda fn, its: [fn(*it) for it in its]))(_window_task, items)
    if not results:
        return _Pairs(np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0), len(days))
    i, j, v = (np.concatenate(parts) for parts in zip(*results, strict=True))
    return _Pairs(i, j, v, len(days))


def reconcile_blocked(
    mentions: pd.DataFrame, threshold: float = 0.25, max_days: int = 7, mapper=None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Group mentions of the same event across articles, in blocks of days.

    Parameters
    ----------
    mentions : pandas.DataFrame
        As for :func:`presslens.findings.reconcile_events` (columns ``article``, ``outlet``,
        ``language``, ``kind``, ``date_start``, ``date_end``, ``description``).
    threshold : float, default 0.25
        The smallest similarity of two descriptions of one event.
    max_days : int, default 7
        The largest gap between two days given for one event.
    mapper : callable, optional
        ``mapper(fn, items)`` -> ``[fn(*item) for item in items]`` (on a cluster).

    Returns
    -------
    tuple of pandas.DataFrame
        ``(mentions, table)`` exactly as :func:`presslens.findings.reconcile_events`.
    """
    out, usable, matrix = candidates(mentions)
    if matrix is None:
        return out, pd.DataFrame(columns=EVENT_TABLE_COLUMNS)
    stamps = pd.to_datetime(out.loc[usable, "date_start"])
    days = stamps.to_numpy(dtype="datetime64[D]").astype("int64")
    sims = _pairs_in_window(matrix.tocsr(), days, max_days, threshold / 2, mapper)
    ids = join_events(out.loc[usable, "article"].tolist(), days, sims.scores(threshold),
                      sims.get, threshold, max_days)
    out.loc[usable, "event"] = ids
    return out, event_table(out)
