"""Events reconciled across articles: mentions of one event grouped, and the dates they disagree on.

Mentions of single days from different articles are grouped, most alike pairs first, when their
descriptions are alike (:func:`event_vectors`), each article appears once per group, and the
days are close (:func:`join_events`). :func:`event_table` lists the events of two or more
articles and flags those whose articles give different days, such as two outlets dating one
meeting differently. :mod:`presslens.findings.corpusevents` does the same on a whole index, in
blocks of days.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from presslens.text import LemmaVectorizer

__all__ = ["EVENT_TABLE_COLUMNS", "SINGLE_DAY_KINDS", "candidates", "event_table",
           "event_vectors", "join_events", "reconcile_events"]

#: Kinds reconciled across articles (a range spans several events, so it is left out).
SINGLE_DAY_KINDS = ("date", "weekday", "relative")
#: Columns of the table of events mentioned by two or more articles.
EVENT_TABLE_COLUMNS = [
    "event", "description", "n_articles", "outlets", "dates", "date", "disagreement",
]  # fmt: skip


def candidates(mentions: pd.DataFrame) -> tuple[pd.DataFrame, list, object]:
    """Return ``(out, usable, matrix)``: the mentions with an ``event`` column of -1, the rows
    of single days to reconcile, and their :func:`event_vectors` (None when there are fewer
    than two or they hold no word)."""
    out = mentions.copy()
    out["event"] = -1
    usable = out[out["kind"].isin(SINGLE_DAY_KINDS) & out["date_start"].notna()].index.tolist()
    matrix = event_vectors(out, usable) if len(usable) >= 2 else None
    return out, usable, matrix


def event_vectors(mentions: pd.DataFrame, rows: list):
    """TF-IDF vectors of the descriptions of ``mentions.loc[rows]`` (lemmas and character
    3-5-grams, so that ru and uk descriptions meet), or None when they hold no word."""
    units = pd.DataFrame(
        {
            "article": mentions.loc[rows, "article"].astype(str).tolist(),
            "index": range(len(rows)),
            "start": 0,
            "end": mentions.loc[rows, "description"].str.len().tolist(),
            "text": mentions.loc[rows, "description"].tolist(),
            "language": mentions.loc[rows, "language"].tolist(),
        }
    )
    try:
        return LemmaVectorizer(char_ngrams=(3, 5), char_weight=0.3).fit_transform(units)
    except ValueError:  # no word at all
        return None


def reconcile_events(
    mentions: pd.DataFrame, threshold: float = 0.25, max_days: int = 7
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Group mentions of the same event across articles and flag date disagreements.

    Mentions of single days from different articles are grouped, most alike pairs first,
    when their descriptions are alike (cosine similarity of
    :class:`presslens.text.LemmaVectorizer` vectors >= ``threshold``, and every pair in
    the group >= half of it), each article appears once per group, and the days are at most
    ``max_days`` apart. Ranges (``10-13 января``) span several events and stay apart.

    Parameters
    ----------
    mentions : pandas.DataFrame
        The table of :func:`events`.
    threshold : float, default 0.25
        The smallest similarity of two descriptions of one event.
    max_days : int, default 7
        The largest gap between two days given for one event.

    Returns
    -------
    tuple of pandas.DataFrame
        ``(mentions, table)``. ``mentions`` is the input with an ``event`` column (int, -1 for
        mentions that are not day-precise or not resolved). ``table`` has one row per event
        mentioned by two or more articles, sorted by ``event``, with columns ``event`` (int),
        ``description`` (str, the first mention's words), ``n_articles`` (int), ``outlets``
        (str, comma-separated), ``dates`` (str: each distinct day or range with the articles
        giving it, e.g. ``2022-01-10: 004_…; 2022-01-12: 002_…``), ``date`` (datetime64: the
        day most articles give, the earliest on a tie) and ``disagreement`` (bool: the
        articles give different days).
    """
    out, usable, matrix = candidates(mentions)
    if matrix is None:
        return out, pd.DataFrame(columns=EVENT_TABLE_COLUMNS)
    sim = np.asarray((matrix @ matrix.T).todense())
    n = len(usable)
    scores = ((sim[i, j], i, j) for i in range(n) for j in range(i + 1, n))
    days = pd.to_datetime(out.loc[usable, "date_start"]).tolist()
    ids = join_events(out.loc[usable, "article"].tolist(), days, scores,
                      lambda x, y: sim[x, y], threshold, pd.Timedelta(days=max_days))
    for idx, event in zip(usable, ids, strict=True):
        out.at[idx, "event"] = event
    return out, event_table(out)


def join_events(arts: list, days, scores: Iterable[tuple[float, int, int]],
                sim: Callable[[int, int], float], threshold: float, max_gap) -> list[int]:
    """Group mentions into events, joining the most alike pairs first.

    Two groups join when their mentions come from different articles, every two of them are
    alike (``sim`` at least half the ``threshold``) and their days are at most ``max_gap``
    apart.

    Parameters
    ----------
    arts : list
        The article of each mention.
    days : sequence
        The day of each mention (Timestamps, or day numbers).
    scores : iterable of (float, int, int)
        ``(similarity, i, j)`` for the pairs of mentions ``i < j`` that may join; pairs below
        ``threshold`` never do.
    sim : callable
        ``sim(x, y)``: the similarity of mentions ``x`` and ``y``.
    threshold : float
        The smallest similarity of two descriptions of one event.
    max_gap : pandas.Timedelta or int
        The largest gap between two days of one event, in the unit of ``days``.

    Returns
    -------
    list of int
        One event id per mention: 0, 1, … in the order of each event's first mention.
    """
    parent = list(range(len(arts)))
    members = {i: [i] for i in range(len(arts))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for score, i, j in sorted(scores, key=lambda t: (-t[0], t[1], t[2])):
        if score < threshold:
            break
        a, b = find(i), find(j)
        if a == b:
            continue
        joined = members[a] + members[b]
        # every two mentions of one event: other articles, alike enough, days close
        if len({arts[k] for k in joined}) < len(joined):
            continue
        if any(sim(x, y) < threshold / 2 for x in members[a] for y in members[b]):
            continue
        if max(days[k] for k in joined) - min(days[k] for k in joined) > max_gap:
            continue
        parent[b] = a
        members[a] = joined
    roots: dict[int, int] = {}
    return [roots.setdefault(find(k), len(roots)) for k in range(len(arts))]


def _span(first: pd.Timestamp, last) -> str:
    day = first.strftime("%Y-%m-%d")
    return day if pd.isna(last) or last == first else f"{day}/{last.strftime('%Y-%m-%d')}"


def event_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """The table of :func:`reconcile_events` from mentions with an
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
