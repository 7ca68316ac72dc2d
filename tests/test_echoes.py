"""Echoes: who carried a statement or passage first, who followed, ties, unknown dates, drift."""

from __future__ import annotations

import pandas as pd
import pytest

from presslens.cli import main
from presslens.findings import carriers, drift_table, echo_summary, echoes
from presslens.findings.echodrift import quote_drift
from presslens.findings.echoes import ECHO_COLUMNS
from presslens.findings.echopassages import passage_pairs, text_similarity
from presslens.text import split_units

PARAGRAPH_RU = (
    "Министр иностранных дел Андрей Соколов провёл переговоры с коллегами из соседних "
    "государств о поставках зерна, ценах на топливо и охране границы в северных районах."
)
PARAGRAPH_UK = (
    "Міністр закордонних справ Андрій Соколов провів переговори з колегами з сусідніх "
    "держав про постачання зерна, ціни на паливо та охорону кордону в північних районах."
)
THIRD_RU = (
    "Учёные из университета обнаружили в горах редкий вид бабочек, который считали "
    "исчезнувшим, и попросили туристов не ловить насекомых во время летних походов."
)
OTHER_RU = (
    "Футбольный клуб из столицы выиграл кубок страны после серии пенальти, а болельщики "
    "праздновали победу на центральной площади до самого утра под звуки оркестра."
)


def _articles(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["id", "outlet", "published", "language", "text"])
    frame["published"] = pd.to_datetime(frame["published"])
    return frame


def _statements(rows: list[tuple]) -> pd.DataFrame:
    """(article, cluster, quote, language): start at 0, end at the quote's length."""
    return pd.DataFrame({
        "article": [r[0] for r in rows], "cluster": [r[1] for r in rows],
        "quote": [r[2] for r in rows], "language": [r[3] for r in rows],
        "start": 0, "end": [len(r[2]) for r in rows],
    })


NO_NEIGHBOURS = pd.DataFrame(columns=["article", "neighbor", "rank", "score"])
QUOTE = "Мы готовы к переговорам без предварительных условий"


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        # first carrier, then (article, lag_days, tie) of every later outlet
        (["2022-01-09", "2022-01-11", "2022-01-12"], ("a", [("b", 2, False), ("c", 3, False)])),
        (["2022-01-09", "2022-01-09", "2022-01-10"], ("a", [("b", 0, True), ("c", 1, False)])),
        (["2022-01-10", None, "2022-01-09"], ("c", [("a", 1, False), ("b", None, None)])),
        ([None, None, None], ("a", [("b", None, None), ("c", None, None)])),
    ],
)
def test_the_first_carrier_and_lags_ties_and_unknown_dates(dates, expected):
    articles = _articles([(x, f"Outlet {x}", d, "ru", QUOTE)
                          for x, d in zip("abc", dates, strict=True)])
    found = echoes(articles, _statements([(x, 0, QUOTE, "ru") for x in "abc"]), NO_NEIGHBOURS)
    source, later = expected
    assert list(found.columns) == ECHO_COLUMNS
    assert set(found["source_article"]) == {source}
    got = [(r.article, None if pd.isna(r.lag_days) else int(r.lag_days),
            None if pd.isna(r.tie) else bool(r.tie)) for r in found.itertuples()]
    assert sorted(got, key=str) == sorted(later, key=str)
    assert (found["score"] == 1.0).all() and (found["drift"] == "").all()


def test_an_outlet_echoing_itself_and_a_lone_statement_are_not_echoes():
    articles = _articles([("a", "X", "2022-01-09", "ru", QUOTE),
                          ("b", "X", "2022-01-10", "ru", QUOTE),
                          ("c", "Y", "2022-01-11", "ru", QUOTE)])
    found = echoes(articles, _statements([("a", 0, QUOTE, "ru"), ("b", 0, QUOTE, "ru"),
                                          ("c", 1, QUOTE, "ru")]), NO_NEIGHBOURS)
    assert found.empty


@pytest.mark.parametrize(
    ("source", "text", "expected"),
    [
        ("Мы готовы к переговорам", "Мы готовы к переговорам", []),
        ("Мы готовы к переговорам", "Мы не готовы к переговорам", [("added", "", "не")]),
        ("Мы готовы к честным переговорам", "Мы готовы к переговорам",
         [("dropped", "честным", "")]),
        ("Мы готовы к переговорам", "Мы готовы к консультациям", [("changed", "переговорам",
                                                                  "консультациям")]),
    ],
)
def test_quote_drift_is_a_word_diff_with_offsets(source, text, expected):
    drift = quote_drift(source, text)
    assert [(r.op, r.source_words, r.words) for r in drift.itertuples()] == expected
    for r in drift.itertuples():
        assert source[r.source_start : r.source_end] == r.source_words
        assert text[r.start : r.end] == r.words


def test_drift_is_given_in_the_same_language_only_and_traced_to_the_text():
    uk = "Ми готові до переговорів без попередніх умов"
    changed = "Мы готовы к переговорам без всяких условий"
    articles = _articles([("a", "A", "2022-01-09", "ru", QUOTE), ("b", "B", "2022-01-10", "ru",
                                                                 changed),
                          ("c", "C", "2022-01-10", "uk", uk)])
    st = _statements([("a", 0, QUOTE, "ru"), ("b", 0, changed, "ru"), ("c", 0, uk, "uk")])
    found = echoes(articles, st, NO_NEIGHBOURS).set_index("article")
    assert found.loc["b", "drift"] == "~предварительных→всяких"
    assert found.loc["c", "drift"] is None and bool(found.loc["c", "language_changed"])
    assert 0.2 < found.loc["c", "score"] < 1  # готовы/готові, переговоры/переговори shared
    table = drift_table(found.reset_index(), st)
    assert table[["op", "source_words", "words", "start", "end"]].values.tolist() == [
        ["changed", "предварительных", "всяких", 28, 34]]


@pytest.mark.parametrize(
    ("b_text", "b_language", "kind"),
    [
        (PARAGRAPH_RU, "ru", "reprint"),
        (PARAGRAPH_UK, "uk", "translation"),
        (THIRD_RU, "ru", None),
    ],
)
def test_passages_are_reprints_or_translations_of_a_paragraph(b_text, b_language, kind):
    articles = _articles([("a", "A", "2022-01-09", "ru", OTHER_RU + "\n\n" + PARAGRAPH_RU),
                          ("b", "B", "2022-01-10", b_language, b_text)])
    neighbours = pd.DataFrame({"article": ["a"], "neighbor": ["b"], "rank": [1],
                               "score": [0.5]})
    pairs = passage_pairs(articles, neighbours)
    found = echoes(articles, _statements([]).astype({"cluster": int}), neighbours)
    if kind is None:
        assert pairs.empty and found.empty
        return
    second = int(split_units(articles.iloc[:1], "paragraph")["index"].iloc[1])
    assert pairs[["a", "a_index", "b", "b_index"]].values.tolist() == [["a", second, "b", 0]]
    text = articles.loc[0, "text"]
    assert text[int(pairs.loc[0, "a_start"]) : int(pairs.loc[0, "a_end"])] == PARAGRAPH_RU
    row = found.iloc[0]
    assert (row["kind"], row["key"], row["source_article"], row["article"]) == \
        ("passage", f"a#{second}", "a", "b")
    assert bool(row["language_changed"]) is (kind == "translation")


def test_a_passage_is_not_looked_for_between_articles_that_are_not_neighbours():
    articles = _articles([("a", "A", "2022-01-09", "ru", PARAGRAPH_RU),
                          ("b", "B", "2022-01-10", "ru", PARAGRAPH_RU)])
    far = pd.DataFrame({"article": ["a"], "neighbor": ["b"], "rank": [1], "score": [0.1]})
    assert passage_pairs(articles, far).empty


def test_text_similarity_bridges_the_languages():
    assert text_similarity(PARAGRAPH_RU, PARAGRAPH_UK, "ru", "uk") > 0.6
    assert text_similarity(PARAGRAPH_RU, OTHER_RU, "ru", "ru") < 0.1


def test_the_summary_and_the_carriers_count_followers_ties_and_unknown_dates():
    articles = _articles([("a", "A", "2022-01-09", "ru", QUOTE), ("b", "B", "2022-01-11", "ru",
                                                                 QUOTE),
                          ("c", "C", "2022-01-09", "ru", QUOTE), ("d", "B", None, "ru", QUOTE),
                          ("e", "A", "2022-01-01", "ru", QUOTE), ("f", "B", "2022-01-05", "ru",
                                                                 QUOTE)])
    st = _statements([("a", 0, QUOTE, "ru"), ("b", 0, QUOTE, "ru"), ("c", 0, QUOTE, "ru"),
                      ("e", 1, QUOTE, "ru"), ("f", 1, QUOTE, "ru"), ("d", 2, QUOTE, "ru"),
                      ("c", 2, QUOTE, "ru")])
    found = echoes(articles, st, NO_NEIGHBOURS)
    summary = echo_summary(found).set_index(["source_outlet", "outlet"])
    assert summary.loc[("A", "B"), ["followed", "ties", "undated"]].tolist() == [2, 0, 0]
    assert summary.loc[("A", "B"), "median_lag_days"] == 3.0  # lags 2 and 4
    assert summary.loc[("A", "C"), ["followed", "ties"]].tolist() == [0, 1]
    assert summary.loc[("C", "B"), ["followed", "undated"]].tolist() == [0, 1]
    table = carriers(found).set_index("key")
    assert table.loc["0", "followers"] == "C (same day), B (+2 d)"
    assert table.loc["2", "followers"] == "B (date unknown)"
    assert table.loc["1", "n_outlets"] == 2


def test_cli_echoes_on_the_seeds(capsys):
    import json

    assert main(["echoes", "seeds", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and list(rows[0]) == ECHO_COLUMNS
    # the seeds' one statement carried by two outlets, on the same day: a tie, no direction
    first = rows[0]
    assert (first["kind"], first["source_outlet"], first["outlet"]) == \
        ("statement", "Interfax-Ukraine", "URA.RU")
    assert first["lag_days"] == 0 and first["tie"] is True
    assert first["drift"].startswith("~Не→Я не")
