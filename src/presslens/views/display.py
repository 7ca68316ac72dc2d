"""Tables a person reads at a glance: the text first and wrapped, blanks for missing values.

:func:`reading_table` turns any table of presslens (statements, passage pairs, search hits,
removed lines) into a :class:`ReadingTable` that notebooks display as the last expression of a
cell. The text the reader came for (a quotation, a passage, a removed line) comes first and is
wrapped to the width of the notebook, never clipped; speaker, outlet and day stand beside it;
missing values are blank, not ``NaN``; days read ``YYYY-MM-DD``, scores with two decimals, lists
of terms as one line; offsets and ids are left out unless asked for. The HTML is a pandas
``Styler`` with a fixed, content-derived id, so the same table renders the same bytes on every
run (strict nbval compares them).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence

import pandas as pd

__all__ = ["OFFSETS", "ReadingTable", "cell_text", "reading_table"]

#: Columns left out unless named in ``columns``: offsets into texts and internal ids.
OFFSETS = frozenset(
    {
        "start",
        "end",
        "a_start",
        "a_end",
        "b_start",
        "b_end",
        "attribution_start",
        "attribution_end",
        "speaker_id",
        "matches",
    }
)
#: The CSS class of every reading table (the browser test finds them by it).
CSS_CLASS = "presslens-reading"
_TABLE_STYLE = [
    {"selector": "", "props": "width: 100%; table-layout: auto; border-collapse: collapse;"},
    {
        "selector": "th, td",
        "props": "vertical-align: top; padding: 0.3em 0.5em; border-bottom: 1px solid #ddd;",
    },
    {"selector": "th", "props": "text-align: left; white-space: nowrap;"},
    {"selector": "td", "props": "text-align: left;"},
    {"selector": "td.text", "props": "white-space: pre-wrap; min-width: 16em; line-height: 1.35;"},
    {
        "selector": "td.side",
        "props": "white-space: normal; max-width: 14em; overflow-wrap: break-word;",
    },
]


def cell_text(value: object, digits: int = 2) -> str:
    """Write one value as a reader wants to see it.

    Parameters
    ----------
    value : object
        Any cell of a presslens table.
    digits : int, default 2
        Decimals of a float.

    Returns
    -------
    str
        ``""`` for a missing value (None, NaN, NaT, NA); ``YYYY-MM-DD`` for a day (with the
        time when it has one); a float with ``digits`` decimals; a list or tuple as its items
        joined by ``", "`` (a pair of offsets as ``start–end``); anything else as ``str``.

    Examples
    --------
    >>> [cell_text(v) for v in (None, float("nan"), pd.Timestamp("2022-01-09"), 0.4349, ["a", "b"])]
    ['', '', '2022-01-09', '0.43', 'a, b']
    """
    if isinstance(value, list | tuple):
        if len(value) == 2 and all(isinstance(v, int) for v in value):
            return f"{value[0]}–{value[1]}"
        return ", ".join(cell_text(v, digits) for v in value)
    if value is None or value is pd.NaT or value is pd.NA:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d" if value == value.normalize() else "%Y-%m-%d %H:%M")
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


class ReadingTable:
    """A table prepared for reading, shown as HTML in notebooks and as text elsewhere.

    Parameters
    ----------
    frame : pandas.DataFrame
        The cells already written as text (see :func:`reading_table`).
    text : list of str
        The columns holding long text, wrapped.
    markup : list of str
        The columns whose cells are HTML already (e.g. with ``<mark>``); all others are
        escaped.

    Attributes
    ----------
    frame : pandas.DataFrame
        The table as shown: every cell a string, text columns first.
    text : list of str
        The wrapped text columns.
    """

    def __init__(self, frame: pd.DataFrame, text: list[str], markup: list[str] = ()) -> None:
        self.frame = frame
        self.text = text
        self.markup = list(markup)

    @property
    def uid(self) -> str:
        """Return the table's id: a hash of its content, the same on every run."""
        payload = self.frame.to_json(orient="split", force_ascii=False).encode("utf-8")
        return hashlib.sha1(payload).hexdigest()[:10]  # noqa: S324 (an id, not a secret)

    def to_styler(self):
        """Return the pandas ``Styler`` that writes the HTML, with a fixed id.

        Returns
        -------
        pandas.io.formats.style.Styler
            Text cells have the class ``text`` (wrapped), the others ``side``.
        """
        classes = pd.DataFrame(
            [["text" if c in self.text else "side" for c in self.frame.columns]] * len(self.frame),
            index=self.frame.index,
            columns=self.frame.columns,
        )
        styler = self.frame.style.set_uuid(self.uid).set_td_classes(classes)
        plain = [c for c in self.frame.columns if c not in self.markup]
        if plain:
            styler = styler.format(escape="html", subset=plain)
        share = {"selector": "td.text", "props": f"width: {70 // max(len(self.text), 1)}%;"}
        styler = styler.set_table_styles([*_TABLE_STYLE, share])
        styler = styler.set_table_attributes(f'class="{CSS_CLASS}"')
        return styler

    def _repr_html_(self) -> str:
        return self.to_styler().to_html()

    def __repr__(self) -> str:
        if self.frame.empty:
            return f"(no rows; columns: {', '.join(map(str, self.frame.columns))})"
        return self.frame.to_string()

    def __len__(self) -> int:
        return len(self.frame)


def _order(frame: pd.DataFrame, text: list[str], columns: Sequence[str] | None) -> list[str]:
    missing = [c for c in [*text, *(columns or [])] if c not in frame.columns]
    if missing:
        raise KeyError(f"no column {', '.join(missing)} in the table")
    if columns is None:
        columns = [c for c in frame.columns if c not in OFFSETS]
    return [*text, *(c for c in columns if c not in text)]


def reading_table(
    frame: pd.DataFrame,
    text: str | Sequence[str] = (),
    columns: Sequence[str] | None = None,
    max_rows: int | None = None,
    digits: int = 2,
    markup: Sequence[str] = (),
) -> ReadingTable:
    """Prepare a table for reading: its text first and wrapped, missing values blank.

    Parameters
    ----------
    frame : pandas.DataFrame
        Any presslens table.
    text : str or sequence of str
        The column(s) of long text (``"quote"``; ``["a_text", "b_text"]``), shown first and
        wrapped to the notebook's width.
    columns : sequence of str or None
        The columns shown beside the text, in this order; None shows every other column
        except offsets and ids (:data:`OFFSETS`).
    max_rows : int or None
        Show only the first rows (the index keeps their row numbers).
    digits : int, default 2
        Decimals of floats.
    markup : sequence of str
        Columns whose cells are HTML already (shown as such); every other cell is escaped.

    Returns
    -------
    ReadingTable
        Displayed as HTML in JupyterLab and in HTML reports, as text elsewhere.

    Raises
    ------
    KeyError
        When a named column is not in ``frame``.
    """
    text = [text] if isinstance(text, str) else list(text)
    order = _order(frame, text, columns)
    shown = frame if max_rows is None else frame.head(max_rows)
    cells = pd.DataFrame(
        {c: [cell_text(v, digits) for v in shown[c].tolist()] for c in order}, index=shown.index
    )
    return ReadingTable(cells, text, list(markup))
