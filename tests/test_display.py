"""Tests for presslens.views.display: reading tables put the text first, blank the missing
values."""

from __future__ import annotations

import pandas as pd
import pytest

from presslens.views.display import ReadingTable, cell_text, reading_table

STATEMENTS = pd.DataFrame(
    {
        "article": ["ru1", "uk1"],
        "speaker": ["Jens Stoltenberg", None],
        "said_on": pd.to_datetime(["2022-01-09", None]),
        "start": [37, 21],
        "end": [59, 46],
        "score": [0.43491, float("nan")],
        "quote": ["альянс <готов> к диалогу", "Росія не піде на поступки"],
        "terms": [["нато", "альянс"], []],
    }
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (float("nan"), ""),
        (pd.NaT, ""),
        (pd.NA, ""),
        (pd.Timestamp("2022-01-09"), "2022-01-09"),
        (pd.Timestamp("2022-01-09 13:05"), "2022-01-09 13:05"),
        (0.43491, "0.43"),
        (3, "3"),
        (["нато", "альянс"], "нато, альянс"),
        ([(0, 4), (7, 12)], "0–4, 7–12"),
        ("Лавров", "Лавров"),
    ],
)
def test_cell_text(value, expected) -> None:
    assert cell_text(value) == expected


@pytest.mark.parametrize(
    ("text", "columns", "expected"),
    [
        # the text first, then every other column but offsets
        ("quote", None, ["quote", "article", "speaker", "said_on", "score", "terms"]),
        (["quote", "terms"], ["speaker"], ["quote", "terms", "speaker"]),
        # offsets only when asked for
        ("quote", ["start", "end"], ["quote", "start", "end"]),
        ((), ["article", "speaker"], ["article", "speaker"]),
    ],
)
def test_reading_table_columns(text, columns, expected) -> None:
    table = reading_table(STATEMENTS, text, columns)
    assert list(table.frame.columns) == expected


def test_reading_table_cells_blank_missing_values() -> None:
    table = reading_table(STATEMENTS, "quote", ["speaker", "said_on", "score", "terms"])
    assert table.frame.to_dict("records") == [
        {"quote": "альянс <готов> к диалогу", "speaker": "Jens Stoltenberg",
         "said_on": "2022-01-09", "score": "0.43", "terms": "нато, альянс"},
        {"quote": "Росія не піде на поступки", "speaker": "", "said_on": "", "score": "",
         "terms": ""},
    ]  # fmt: skip
    assert "NaN" not in repr(table) and "NaT" not in repr(table) and "None" not in repr(table)


def test_reading_table_html_wraps_the_text_and_escapes_it() -> None:
    page = reading_table(STATEMENTS, "quote", ["speaker"])._repr_html_()
    assert 'class="presslens-reading"' in page
    assert "td.text" in page and "white-space: pre-wrap" in page
    assert "альянс &lt;готов&gt; к диалогу" in page and "<готов>" not in page
    assert page.index(">альянс") < page.index(">Jens Stoltenberg"), "the quote comes first"


def test_reading_table_markup_columns_stay_html() -> None:
    frame = pd.DataFrame({"text": ["<mark>НАТО</mark> & Россия"], "outlet": ["<b>"]})
    page = reading_table(frame, "text", ["outlet"], markup=["text"])._repr_html_()
    assert "<mark>НАТО</mark> & Россия" in page and "&lt;b&gt;" in page


def test_reading_table_is_the_same_on_every_run() -> None:
    first = reading_table(STATEMENTS, "quote")._repr_html_()
    assert first == reading_table(STATEMENTS.copy(), "quote")._repr_html_()
    other = reading_table(STATEMENTS.iloc[::-1], "quote")
    assert other.uid != reading_table(STATEMENTS, "quote").uid


def test_reading_table_max_rows_and_errors() -> None:
    table = reading_table(STATEMENTS, "quote", max_rows=1)
    assert isinstance(table, ReadingTable) and len(table) == 1
    with pytest.raises(KeyError, match="no column text"):
        reading_table(STATEMENTS, "text")
    assert repr(reading_table(STATEMENTS.iloc[:0], "quote", ["speaker"])) == (
        "(no rows; columns: quote, speaker)"
    )
