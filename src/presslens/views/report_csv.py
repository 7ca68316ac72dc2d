"""The key tables of the report as CSV a spreadsheet opens: plain values, UTF-8 with a BOM.

:func:`csv_frame` turns a table into plain values (dates as ``YYYY-MM-DD``, lists joined with
``"; "``); :func:`write_tables` writes each available key table to ``<folder>/<name>.csv``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from presslens.views.report import Table

__all__ = ["csv_frame", "with_none", "write_tables"]


def _cell(value: object) -> object:
    """Join a list or tuple with ``"; "``; leave any other value as it is."""
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return value


def csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Convert a table to the plain values a spreadsheet reads.

    Parameters
    ----------
    frame : pandas.DataFrame
        Any table.

    Returns
    -------
    pandas.DataFrame
        The same rows and columns: dates without a time of day become ``YYYY-MM-DD`` strings
        (other timestamps ISO 8601), lists and tuples become ``"; "``-joined strings, missing
        values stay missing (empty in the CSV).
    """
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_datetime64_any_dtype(values):
            dates = values.dropna()
            daily = bool((dates == dates.dt.normalize()).all())
            text = values.dt.strftime("%Y-%m-%d" if daily else "%Y-%m-%dT%H:%M:%S")
            out[column] = with_none(text.where(values.notna()))
        elif pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values):
            out[column] = with_none(values.map(_cell))
    return out


def with_none(values: pd.Series) -> pd.Series:
    """Return ``values`` as objects, with None (not NaN) for missing values."""
    return values.astype(object).where(values.notna(), None)


def write_tables(tables: list[Table], folder: str | Path) -> pd.DataFrame:
    """Write each available table to ``<folder>/<name>.csv``.

    Parameters
    ----------
    tables : list of Table
        From :func:`presslens.views.report.key_tables`.
    folder : str or pathlib.Path
        The report folder (created when missing).

    Returns
    -------
    pandas.DataFrame
        One row per table, in the order given, with columns ``name`` (str), ``file`` (str or
        None: the CSV's name), ``rows`` (Int64, missing when not available), ``columns`` (str:
        the column names, comma-separated), ``description`` (str) and ``missing`` (str or
        None: why the table is not available).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for table in tables:
        if table.frame is None:
            (folder / f"{table.name}.csv").unlink(missing_ok=True)
            rows.append((table.name, None, pd.NA, "", table.description, table.missing))
            continue
        file = f"{table.name}.csv"
        csv_frame(table.frame).to_csv(
            folder / file, index=False, encoding="utf-8-sig", lineterminator="\n"
        )
        columns = ", ".join(str(c) for c in table.frame.columns)
        rows.append((table.name, file, len(table.frame), columns, table.description, None))
    listing = pd.DataFrame(
        rows, columns=["name", "file", "rows", "columns", "description", "missing"]
    )
    listing["rows"] = listing["rows"].astype("Int64")
    listing["file"] = with_none(listing["file"])
    listing["missing"] = with_none(listing["missing"])
    return listing
