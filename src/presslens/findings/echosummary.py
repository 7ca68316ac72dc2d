"""The echo table summed up: outlet by outlet, and statement by statement.

:func:`echo_summary` counts, for every two outlets, how often the second carried what the first
had first; :func:`carriers` gives each echoed statement or passage its first carrier and its
followers.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["carriers", "echo_summary"]


def echo_summary(found: pd.DataFrame) -> pd.DataFrame:
    """Count, for every two outlets, how often the second carried what the first had first.

    Parameters
    ----------
    found : pandas.DataFrame
        The table of :func:`~presslens.findings.echoes`.

    Returns
    -------
    pandas.DataFrame
        One row per (``source_outlet``, ``outlet``) pair seen, sorted by ``followed``
        (descending) then the names: ``followed`` (int: echoes a day or more later),
        ``ties`` (int: the same day), ``undated`` (int: a date missing), ``statements`` and
        ``passages`` (int: echoes of each kind, all three timings), ``median_lag_days``
        (float: over the later ones; NaN without any).
    """
    columns = ["source_outlet", "outlet", "followed", "ties", "undated", "statements",
               "passages", "median_lag_days"]
    if found.empty:
        return pd.DataFrame(columns=columns)
    frame = found.assign(
        source_outlet=found["source_outlet"].fillna("(no outlet)"),
        outlet=found["outlet"].fillna("(no outlet)"),
        followed=found["lag_days"].fillna(0).gt(0),
        ties=found["tie"].fillna(False).astype(bool),
        undated=found["lag_days"].isna(),
        statements=found["kind"].eq("statement"),
        passages=found["kind"].eq("passage"),
        later=found["lag_days"].where(found["lag_days"].fillna(0).gt(0)).astype(float),
    )
    table = frame.groupby(["source_outlet", "outlet"], sort=True).agg(
        followed=("followed", "sum"), ties=("ties", "sum"), undated=("undated", "sum"),
        statements=("statements", "sum"), passages=("passages", "sum"),
        median_lag_days=("later", "median"),
    ).reset_index()
    table = table.astype({c: "int64" for c in columns[2:7]})
    return table.sort_values(["followed", "source_outlet", "outlet"],
                             ascending=[False, True, True], kind="stable")[columns] \
        .reset_index(drop=True)


def carriers(found: pd.DataFrame) -> pd.DataFrame:
    """Summarise each echoed statement or passage: its first carrier and who followed.

    Parameters
    ----------
    found : pandas.DataFrame
        The table of :func:`~presslens.findings.echoes`.

    Returns
    -------
    pandas.DataFrame
        One row per (``kind``, ``key``), sorted by ``source_published`` then ``kind`` and
        ``key``: ``source_article``, ``source_outlet``, ``source_published``,
        ``n_outlets`` (int: the first carrier's outlet and every later one), ``followers``
        (str: the later outlets in order, each with its lag, ``Outlet (+2 d)``, ``(same
        day)`` or ``(date unknown)``), ``first_lag_days`` and ``last_lag_days`` (Int64).
    """
    columns = ["kind", "key", "source_article", "source_outlet", "source_published",
               "n_outlets", "followers", "first_lag_days", "last_lag_days"]
    rows = []
    for (kind, key), group in found.groupby(["kind", "key"], sort=True):
        first = group.iloc[0]
        lags = group["lag_days"].dropna()
        rows.append((kind, key, first["source_article"], first["source_outlet"],
                     first["source_published"], len(group) + 1,
                     ", ".join(_follower(o, lag) for o, lag in
                               zip(group["outlet"], group["lag_days"], strict=True)),
                     lags.min() if len(lags) else pd.NA, lags.max() if len(lags) else pd.NA))
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame.astype({"first_lag_days": "Int64", "last_lag_days": "Int64"})
    frame["source_published"] = pd.to_datetime(frame["source_published"])
    return frame.sort_values(["source_published", "kind", "key"], na_position="last",
                             kind="stable").reset_index(drop=True)


def _follower(outlet, lag) -> str:
    name = outlet if isinstance(outlet, str) else "(no outlet)"
    if pd.isna(lag):
        return f"{name} (date unknown)"
    return f"{name} (same day)" if lag == 0 else f"{name} (+{int(lag)} d)"
