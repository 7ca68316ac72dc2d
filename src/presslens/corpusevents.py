"""Dated events of a whole corpus: descriptions found table by table, and the events of
:func:`presslens.timeline.reconcile_events` reconciled in blocks of days.

:func:`~presslens.timeline.reconcile_events` compares every two day-precise mentions, most
alike first; a group never spans more than ``max_days``, so two mentions further apart never
join. :func:`reconcile_blocked` fits the same vectors on every mention (the same idf), compares
each day's mentions only with those of that day and the next ``max_days`` days, and joins them
in the same order with the same checks: the same events, the same ids.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from presslens.timeline import SINGLE_DAY_KINDS, _description
from presslens.vectorize import LemmaVectorizer

__all__ = ["EVENT_TABLE_COLUMNS", "describe", "reconcile_blocked"]

#: Columns of the table of events mentioned by two or more articles.
EVENT_TABLE_COLUMNS = [
    "event", "description", "n_articles", "outlets", "dates", "date", "disagreement",
]  # fmt: skip


def describe(found: pd.DataFrame, texts: dict[str, str]) -> list[str]:
    """Return the description of every date phrase, as :func:`presslens.timeline.events`.

    Parameters
    ----------
    found : pandas.DataFrame
        :func:`presslens.dates.dates_table` rows (``article``, ``start``, ``end``,
        ``sentence``), in article then text order.
    texts : dict of str to str
        Each article's clean text.

    Returns
    -------
    list of str
        The words of each phrase's sentence up to the neighbouring date phrases.
    """
    out = [""] * len(found)
    groups: dict[tuple[str, str], list[int]] = {}
    arts, sents = found["article"].tolist(), found["sentence"].tolist()
    starts, ends = found["start"].tolist(), found["end"].tolist()
    for pos, key in enumerate(zip(arts, sents, strict=True)):
        groups.setdefault(key, []).append(pos)
    for (art, sentence), rows in groups.items():
        text = texts.get(art) or ""
        base = text.rfind(sentence, 0, int(starts[rows[0]]) + len(sentence))
        offsets = [(int(starts[p]) - base, int(ends[p]) - base) for p in rows]
        for k, pos in enumerate(rows):
            out[pos] = _description(sentence, offsets, k)
    return out


def _pairs_in_window(matrix, days: np.ndarray, max_days: int, floor: float) -> dict:
    """Similarities >= ``floor`` of mentions at most ``max_days`` apart, keyed ``(i, j)``."""
    sims: dict[tuple[int, int], float] = {}
    order = np.argsort(days, kind="stable")
    sorted_days = days[order]
    for day in np.unique(sorted_days):
        lo = np.searchsorted(sorted_days, day, side="left")
        mid = np.searchsorted(sorted_days, day, side="right")
        hi = np.searchsorted(sorted_days, day + max_days, side="right")
        a, b = order[lo:mid], order[lo:hi]
        block = (matrix[a] @ matrix[b].T).tocoo()
        keep = block.data >= floor
        for x, y, s in zip(block.row[keep], block.col[keep], block.data[keep], strict=True):
            i, j = int(a[x]), int(b[y])
            if i != j:
                sims[(min(i, j), max(i, j))] = float(s)
    return sims


def _group(arts: list, days: np.ndarray, sims: dict, threshold: float, max_days: int) -> list:
    """Join mentions most alike first, with the checks of ``reconcile_events``."""
    parent = list(range(len(arts)))
    members = {i: [i] for i in range(len(arts))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def sim(x: int, y: int) -> float:
        return sims.get((min(x, y), max(x, y)), 0.0)

    pairs = sorted(((s, i, j) for (i, j), s in sims.items() if s >= threshold),
                   key=lambda t: (-t[0], t[1], t[2]))
    for _, i, j in pairs:
        a, b = find(i), find(j)
        if a == b:
            continue
        joined = members[a] + members[b]
        if len({arts[k] for k in joined}) < len(joined):
            continue
        if any(sim(x, y) < threshold / 2 for x in members[a] for y in members[b]):
            continue
        if max(days[k] for k in joined) - min(days[k] for k in joined) > max_days:
            continue
        parent[b] = a
        members[a] = joined
    roots: dict[int, int] = {}
    return [roots.setdefault(find(k), len(roots)) for k in range(len(arts))]


def reconcile_blocked(
    mentions: pd.DataFrame, threshold: float = 0.25, max_days: int = 7
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Group mentions of the same event across articles, in blocks of days.

    Parameters
    ----------
    mentions : pandas.DataFrame
        As for :func:`presslens.timeline.reconcile_events` (columns ``article``, ``outlet``,
        ``language``, ``kind``, ``date_start``, ``date_end``, ``description``).
    threshold : float, default 0.25
        The smallest similarity of two descriptions of one event.
    max_days : int, default 7
        The largest gap between two days given for one event.

    Returns
    -------
    tuple of pandas.DataFrame
        ``(mentions, table)`` exactly as :func:`presslens.timeline.reconcile_events`.
    """
    from presslens.timeline import _event_table

    out = mentions.copy()
    out["event"] = -1
    usable = out[out["kind"].isin(SINGLE_DAY_KINDS) & out["date_start"].notna()].index.tolist()
    if len(usable) < 2:
        return out, pd.DataFrame(columns=EVENT_TABLE_COLUMNS)
    units = pd.DataFrame({
        "article": out.loc[usable, "article"].astype(str).tolist(),
        "index": range(len(usable)),
        "start": 0,
        "end": out.loc[usable, "description"].str.len().tolist(),
        "text": out.loc[usable, "description"].tolist(),
        "language": out.loc[usable, "language"].tolist(),
    })
    try:
        matrix = LemmaVectorizer(char_ngrams=(3, 5), char_weight=0.3).fit_transform(units)
    except ValueError:
        return out, pd.DataFrame(columns=EVENT_TABLE_COLUMNS)
    stamps = pd.to_datetime(out.loc[usable, "date_start"])
    days = stamps.to_numpy(dtype="datetime64[D]").astype("int64")
    sims = _pairs_in_window(matrix.tocsr(), days, max_days, threshold / 2)
    ids = _group(out.loc[usable, "article"].tolist(), days, sims, threshold, max_days)
    out.loc[usable, "event"] = ids
    return out, _event_table(out)
