"""Dated events of a whole corpus: descriptions found table by table, and the events of
:func:`presslens.findings.reconcile_events` reconciled in blocks of days.

:func:`~presslens.findings.reconcile_events` compares every two day-precise mentions, most
alike first; a group never spans more than ``max_days``, so two mentions further apart never
join. :func:`reconcile_blocked` fits the same vectors on every mention (the same idf), compares
each day's mentions only with those of that day and the next ``max_days`` days, and joins them
in the same order with the same checks: the same events, the same ids.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from presslens.findings.timeline import SINGLE_DAY_KINDS, _description, event_vectors

__all__ = ["EVENT_TABLE_COLUMNS", "describe", "event_table", "reconcile_blocked"]

#: Days of mentions compared by one task.
DAYS_PER_TASK = 30
#: Columns of the table of events mentioned by two or more articles.
EVENT_TABLE_COLUMNS = [
    "event", "description", "n_articles", "outlets", "dates", "date", "disagreement",
]  # fmt: skip


def describe(found: pd.DataFrame, texts: dict[str, str]) -> list[str]:
    """Return the description of every date phrase, as :func:`presslens.findings.events`.

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


def _window_task(matrix, rows: np.ndarray, days: np.ndarray, first: int, last: int,
                 max_days: int, floor: float) -> list[tuple[int, int, float]]:
    """Pairs of the mentions of days ``first..last`` with those up to ``max_days`` later:
    ``matrix`` holds the rows ``rows`` (sorted by day), said on ``days``."""
    out = []
    for day in np.unique(days[(days >= first) & (days <= last)]):
        lo, mid = np.searchsorted(days, day, "left"), np.searchsorted(days, day, "right")
        hi = np.searchsorted(days, day + max_days, "right")
        block = (matrix[lo:mid] @ matrix[lo:hi].T).tocoo()
        keep = block.data >= floor
        for x, y, v in zip(block.row[keep], block.col[keep], block.data[keep], strict=True):
            i, j = int(rows[lo + x]), int(rows[lo + y])
            if i != j:
                out.append((min(i, j), max(i, j), float(v)))
    return out


def _pairs_in_window(matrix, days: np.ndarray, max_days: int, floor: float,
                     mapper=None) -> dict:
    """Similarities >= ``floor`` of mentions at most ``max_days`` apart, keyed ``(i, j)``,
    computed in chunks of :data:`DAYS_PER_TASK` days (on a cluster with ``mapper``)."""
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
    return {(i, j): v for found in results for i, j, v in found}


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


def _span(first: pd.Timestamp, last) -> str:
    day = first.strftime("%Y-%m-%d")
    return day if pd.isna(last) or last == first else f"{day}/{last.strftime('%Y-%m-%d')}"


def event_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """The table of :func:`presslens.findings.reconcile_events` from mentions with an
    ``event`` column, in one pass over the rows (linear in the mentions).

    Parameters
    ----------
    mentions : pandas.DataFrame
        Mentions with ``event`` (-1: none), ``article``, ``outlet``, ``description``,
        ``date_start`` and ``date_end``.

    Returns
    -------
    pandas.DataFrame
        One row per event of two or more articles, columns :data:`EVENT_TABLE_COLUMNS`.
    """
    events: dict[int, dict] = {}
    used = mentions[mentions["event"] >= 0]
    for event, art, outlet, text, first, last in zip(
        used["event"], used["article"], used["outlet"], used["description"],
        used["date_start"], used["date_end"], strict=True,
    ):
        rec = events.setdefault(int(event), {"description": text, "outlets": set(), "spans": {}})
        if isinstance(outlet, str):
            rec["outlets"].add(outlet)
        rec["spans"].setdefault(_span(first, last), set()).add(art)
    rows = []
    for event in sorted(events):
        rec = events[event]
        articles = set().union(*rec["spans"].values())
        if len(articles) < 2:
            continue
        spans = {span: sorted(arts) for span, arts in sorted(rec["spans"].items())}
        top = sorted(spans.items(), key=lambda kv: (-len(kv[1]), kv[0]))[0][0]
        rows.append((event, rec["description"], len(articles), ", ".join(sorted(rec["outlets"])),
                     "; ".join(f"{span}: {', '.join(a)}" for span, a in spans.items()),
                     pd.Timestamp(top.split("/")[0]), len(spans) > 1))
    return pd.DataFrame(rows, columns=EVENT_TABLE_COLUMNS)


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
    out = mentions.copy()
    out["event"] = -1
    usable = out[out["kind"].isin(SINGLE_DAY_KINDS) & out["date_start"].notna()].index.tolist()
    if len(usable) < 2:
        return out, pd.DataFrame(columns=EVENT_TABLE_COLUMNS)
    matrix = event_vectors(out, usable)
    if matrix is None:
        return out, pd.DataFrame(columns=EVENT_TABLE_COLUMNS)
    stamps = pd.to_datetime(out.loc[usable, "date_start"])
    days = stamps.to_numpy(dtype="datetime64[D]").astype("int64")
    sims = _pairs_in_window(matrix.tocsr(), days, max_days, threshold / 2, mapper)
    ids = _group(out.loc[usable, "article"].tolist(), days, sims, threshold, max_days)
    out.loc[usable, "event"] = ids
    return out, event_table(out)
