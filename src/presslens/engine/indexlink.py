"""The corpus-wide stage of an index: one speaker registry, linked statements, reconciled
events and echoes over every partition.

The per-partition stage (:mod:`presslens.engine.build`) stores each statement as its article gave
it, with the person it names (:func:`store_people`), and each date phrase with its description
(:func:`event_columns`). :func:`link_index` then reads them all back and gives the corpus's
answer, as the in-memory functions do on a loaded corpus:

* speakers made canonical over the whole corpus and statements linked into clusters
  (:func:`presslens.statements.finish_statements` with
  :func:`presslens.statements.corpuslink.link_blocked`);
* events reconciled across the index (:func:`presslens.findings.corpusevents.reconcile_blocked`),
  written as the ``event`` column of ``events`` and the table ``event_groups``;
* echoes (:func:`presslens.findings.echoes`) in the table ``echoes``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from presslens.corpus.index import Laps, _read, write_table

__all__ = [
    "PERSON_COLUMNS",
    "StoredPerson",
    "event_columns",
    "link_index",
    "restore_people",
    "store_people",
]

#: The columns a stored statement keeps of the person it names (None without one).
PERSON_COLUMNS = ["person_key", "person_first", "person_surname", "person_nominative"]
#: Rows per Parquet file when a corpus-wide table is written back.
ROWS_PER_PART = 200_000


class StoredPerson(NamedTuple):
    """What :func:`presslens.statements.registry.canonical_speakers` reads of a named person."""

    key: str
    first: str | None
    surname: str
    nominative: bool


def store_people(rows: pd.DataFrame) -> pd.DataFrame:
    """Replace the ``person`` column of :func:`presslens.statements.extract.statement_rows` by
    :data:`PERSON_COLUMNS`, which Parquet can store.

    Parameters
    ----------
    rows : pandas.DataFrame
        Statements as found in their articles (may be empty).

    Returns
    -------
    pandas.DataFrame
        The same rows; ``person_*`` are None where no person is named.
    """
    frame = rows.copy()
    people = frame.pop("person").tolist() if "person" in frame else [None] * len(frame)
    frame["person_key"] = [p.key if p is not None else None for p in people]
    frame["person_first"] = [p.first if p is not None else None for p in people]
    frame["person_surname"] = [p.surname if p is not None else None for p in people]
    frame["person_nominative"] = [bool(p.nominative) if p is not None else None for p in people]
    return frame


def restore_people(frame: pd.DataFrame) -> pd.DataFrame:
    """Turn :data:`PERSON_COLUMNS` back into a ``person`` column of :class:`StoredPerson`."""
    out = frame.drop(columns=[c for c in PERSON_COLUMNS if c in frame])
    out["person"] = [
        StoredPerson(key, first if isinstance(first, str) else None, surname, bool(nom))
        if isinstance(key, str) else None
        for key, first, surname, nom in zip(*(frame[c] for c in PERSON_COLUMNS), strict=True)
    ]
    return out


def event_columns(found: pd.DataFrame, articles: pd.DataFrame,
                  rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add the columns of :func:`presslens.findings.events` to a
    :func:`presslens.dates.dates_table`: ``outlet``, ``language`` and ``description``.

    With the articles' statements (``rows``, :func:`presslens.statements.extract.statement_rows`), a
    relative phrase inside a quotation said on another day is read from that day, as
    :func:`presslens.findings.events` does: the few articles concerned are read again by it.
    """
    from presslens.findings.events import describe

    frame = _said_on_days(found, articles, rows) if rows is not None else found.copy()
    meta = articles.set_index("id")
    outlets, languages = meta["outlet"], meta["language"]
    frame["outlet"] = [o if isinstance(o, str) else None for o in frame["article"].map(outlets)]
    frame["language"] = [x if isinstance(x, str) else None
                         for x in frame["article"].map(languages)]
    frame["description"] = describe(frame, dict(zip(articles["id"], articles["text"],
                                                    strict=True)))
    return frame


def _said_on_days(found: pd.DataFrame, articles: pd.DataFrame,
                  rows: pd.DataFrame) -> pd.DataFrame:
    from presslens.findings import events

    frame = found.copy()
    if rows.empty or frame.empty:
        return frame
    said = pd.to_datetime(rows["said_on"])
    direct = rows[(rows["kind"] == "direct") & said.notna()].assign(said_on=said)
    published = articles.set_index("id")["published"]
    direct = direct[pd.to_datetime(direct["article"].map(published)) != direct["said_on"]]
    if direct.empty:
        return frame
    subset = articles[articles["id"].isin(set(direct["article"]))]
    again = events(subset, direct).set_index(["article", "start"])
    keys = pd.MultiIndex.from_arrays([frame["article"], frame["start"]])
    hit = keys.isin(again.index)
    for col in ("date_start", "date_end", "basis"):
        frame.loc[hit, col] = again.loc[keys[hit], col].to_numpy()
    return frame


def _rewrite(folder: Path, frame: pd.DataFrame) -> None:
    """Replace the Parquet parts of ``folder`` by ``frame`` in parts of
    :data:`ROWS_PER_PART` rows."""
    for old in folder.glob("part-*.parquet"):
        old.unlink()
    for number, begin in enumerate(range(0, max(len(frame), 1), ROWS_PER_PART)):
        part = frame.iloc[begin : begin + ROWS_PER_PART]
        write_table(part, folder / f"part-{number:05d}.parquet")


def _link_statements(root: Path, mapper) -> pd.DataFrame:
    from presslens.statements.corpuslink import link_blocked
    from presslens.statements.extract import finish_statements

    rows = _read(root / "statements")
    if rows.empty:
        found = finish_statements(pd.DataFrame())
    else:
        found = finish_statements(restore_people(rows), linker=partial(link_blocked,
                                                                       mapper=mapper))
    _rewrite(root / "statements", found)
    return found


def _reconcile(root: Path, mapper) -> int:
    from presslens.findings.corpusevents import reconcile_blocked

    mentions = _read(root / "events")
    if len(mentions):
        mentions = mentions.sort_values(["article", "start"], kind="stable")
    mentions, table = reconcile_blocked(mentions.reset_index(drop=True), mapper=mapper)
    _rewrite(root / "events", mentions)
    write_table(table, root / "event_groups.parquet")
    return len(table)


def link_index(root: str | Path, skip: tuple[str, ...] = (), mapper=None) -> dict:
    """Run the corpus-wide stage on an index folder being written.

    Parameters
    ----------
    root : str or pathlib.Path
        The index folder, with its partitioned tables, ``articles`` and ``neighbors``.
    skip : tuple of str
        Stages left out of the index (``statements``, ``events``).
    mapper : callable, optional
        ``mapper(fn, items)`` -> ``[fn(*item) for item in items]`` (on a cluster).

    Returns
    -------
    dict
        ``n_clusters``, ``n_event_groups``, ``n_echoes`` and ``seconds`` by step.
    """
    from presslens.findings.echoes import echoes

    root = Path(root)
    laps = Laps()
    lap, seconds = laps.lap, laps.seconds

    found = None
    out = {"n_clusters": 0, "n_event_groups": 0}
    if "statements" not in skip:
        found = _link_statements(root, mapper)
        out["n_clusters"] = int(found["cluster"].nunique()) if len(found) else 0
        lap("speakers and linking")
    if "events" not in skip:
        out["n_event_groups"] = _reconcile(root, mapper)
        lap("events reconciled")
    articles = _read(root / "articles", ["id", "outlet", "published", "language", "text"])
    neighbors = _read(root / "neighbors.parquet", ["article", "neighbor", "rank", "score"])
    found_echoes = echoes(articles, found, neighbors)
    write_table(found_echoes, root / "echoes.parquet")
    out["n_echoes"] = len(found_echoes)
    lap("echoes")
    out["seconds"] = seconds
    return out
