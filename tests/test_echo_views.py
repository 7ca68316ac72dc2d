"""The echo views of notebook 04: the outlet × outlet heatmap and the highlighted drift."""

from __future__ import annotations

import pandas as pd
import pytest

from presslens.findings import echo_summary, echoes
from presslens.views.plots.echoes import drift_view, echo_matrix_chart

NO_NEIGHBOURS = pd.DataFrame(columns=["article", "neighbor", "rank", "score"])


def _found(rows: list[tuple]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(article, outlet, published, language, quote), all one statement: echoes and statements."""
    articles = pd.DataFrame(rows, columns=["id", "outlet", "published", "language", "text"])
    articles["published"] = pd.to_datetime(articles["published"])
    found = pd.DataFrame({"article": articles["id"], "cluster": 0, "quote": articles["text"],
                          "language": articles["language"], "start": 0,
                          "end": articles["text"].str.len()})
    return echoes(articles, found, NO_NEIGHBOURS), found


@pytest.mark.parametrize(
    ("rows", "cells"),
    [
        # (first carrier, follower) → the cell's text: later count, "=ties", "?undated"
        ([("a", "A", "2021-03-01", "ru", "Мы не будем повышать налоги в этом году"),
          ("b", "B", "2021-03-03", "ru", "Мы не будем повышать налоги в этом году"),
          ("c", "C", "2021-03-01", "ru", "Мы не будем повышать налоги в этом году")],
         {("A", "B"): "1", ("A", "C"): "0 =1"}),
        ([("a", "A", "2021-03-01", "uk", "Ми не будемо підвищувати податки цього року"),
          ("b", "B", None, "uk", "Ми не будемо підвищувати податки цього року")],
         {("A", "B"): "0 ?1"}),
    ],
)
def test_the_heatmap_counts_later_same_day_and_undated_apart(rows, cells):
    found, _ = _found(rows)
    spec = echo_matrix_chart(echo_summary(found)).spec()["data"][0]
    got = {(y, x): spec["text"][i][j] for i, y in enumerate(spec["y"])
           for j, x in enumerate(spec["x"]) if spec["text"][i][j]}
    assert got == cells


@pytest.mark.parametrize(
    ("first", "later", "plain"),
    [
        ("Мы не будем повышать налоги в этом году", "Мы не будем повышать налоги",
         "  first: Мы не будем повышать налоги [-в этом году-]\n"
         "  later: Мы не будем повышать налоги"),
        ("Ми не будемо підвищувати податки", "Ми точно не будемо підвищувати податки",
         "  first: Ми не будемо підвищувати податки\n"
         "  later: Ми {+точно+} не будемо підвищувати податки"),
        ("Цены на хлеб вырастут весной", "Цены на хлеб упадут весной",
         "  first: Цены на хлеб [-вырастут-] весной\n"
         "  later: Цены на хлеб {+упадут+} весной"),
    ],
)
def test_drift_marks_what_the_later_outlet_dropped_added_or_changed(first, later, plain):
    found, statements = _found([("a", "A", "2021-03-01", "ru", first),
                                ("b", "B", "2021-03-02", "ru", later)])
    view = drift_view(found, statements)
    assert repr(view) == "statement 0: A first → B (+1 d)\n" + plain
    assert view._repr_html_().count("<del") == plain.count("[-")
    assert view._repr_html_().count("<ins") == plain.count("{+")


def test_drift_leaves_out_identical_quotations_and_translations():
    quote = "Мы не будем повышать налоги в этом году"
    found, statements = _found([("a", "A", "2021-03-01", "ru", quote),
                                ("b", "B", "2021-03-02", "ru", quote),
                                ("c", "C", "2021-03-02", "uk", "Ми не будемо підвищувати податки")])
    assert drift_view(found, statements).pairs == []
