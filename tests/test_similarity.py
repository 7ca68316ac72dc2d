"""Tests for presslens.findings.similarity on articles built from hand-written ru/uk statements."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from test_vectorize import STATEMENTS

from presslens.findings.passages import (
    DUPLICATE_COLUMNS,
    PAIR_COLUMNS,
    align_passages,
    near_duplicates,
    similar_pairs,
)
from presslens.findings.similarity import (
    NEIGHBOR_COLUMNS,
    article_matrix,
    nearest_articles,
    top_neighbors,
)
from presslens.findings.terms import TERM_COLUMNS, distinctive_terms

SAME = ["stoltenberg_open_door", "ryabkov_no_concessions", "blinken_no_breakthrough"]
OTHER = ["zelensky_air_defence", "peskov_no_progress", "kuleba_no_territory"]


def _article(keys: list[str], kind: str) -> str:
    return "\n".join(STATEMENTS[k][kind] for k in keys)


def _corpus() -> pd.DataFrame:
    """Five articles: one report, its translation and rewrite, and two on other statements."""
    rows = [
        ("report_ru", "Outlet A", _article(SAME, "ru"), "ru"),
        ("report_uk", "Outlet B", _article(SAME, "uk"), "uk"),
        ("rewrite_ru", "Outlet C", _article(SAME, "paraphrase"), "ru"),
        ("same_people_ru", "Outlet A", _article(SAME, "negative"), "ru"),
        ("other_story_ru", "Outlet C", _article(OTHER, "ru"), "ru"),
    ]
    frame = pd.DataFrame(rows, columns=["id", "outlet", "text", "language"])
    frame["raw"] = frame["text"]
    return frame.sort_values("id").reset_index(drop=True)


# --------------------------------------------------------------------------- top-K neighbours


def _random_rows(n: int, d: int, seed: int) -> sp.csr_matrix:
    rng = np.random.default_rng(seed)
    dense = rng.random((n, d)) * (rng.random((n, d)) < 0.3)
    dense[:, 0] += 0.01  # no empty row
    return sp.csr_matrix(dense / np.linalg.norm(dense, axis=1, keepdims=True))


@pytest.mark.parametrize("block_size", [1, 7, 1000])
def test_top_neighbors_match_brute_force(block_size):
    X = _random_rows(40, 25, seed=3)
    hood = top_neighbors(X, k=4, block_size=block_size)
    assert list(hood.columns) == NEIGHBOR_COLUMNS
    full = (X @ X.T).toarray()
    np.fill_diagonal(full, -1)
    for row, grp in hood.groupby("row"):
        expected = np.argsort(-full[row], kind="stable")[:4]
        assert grp["neighbor"].tolist() == expected.tolist()
        np.testing.assert_allclose(grp["score"], full[row, expected])
        assert grp["rank"].tolist() == [1, 2, 3, 4]
    assert hood["row"].nunique() == 40


def test_top_neighbors_skip_rows_of_the_same_group():
    X = _random_rows(30, 20, seed=5)
    groups = np.repeat(["g1", "g2", "g3"], 10)
    hood = top_neighbors(X, k=3, groups=groups, block_size=4)
    assert (groups[hood["row"]] != groups[hood["neighbor"]]).all()
    assert (hood.groupby("row").size() == 3).all()


def test_top_neighbors_threshold_and_empty_input():
    X = _random_rows(10, 5, seed=1)
    assert (top_neighbors(X, k=5, threshold=0.9)["score"] > 0.9).all()
    empty = top_neighbors(sp.csr_matrix((0, 5)), k=3)
    assert empty.empty and list(empty.columns) == NEIGHBOR_COLUMNS


# --------------------------------------------------------------------------- articles


def test_articles_reporting_the_same_statements_rank_first():
    near = nearest_articles(_corpus(), k=4)
    assert list(near.columns) == ["a", "b", "rank", "score", "terms"]
    for article in ("report_ru", "report_uk", "rewrite_ru"):
        ranked = near[near["a"] == article]["b"].tolist()
        same = {"report_ru", "report_uk", "rewrite_ru"} - {article}
        assert set(ranked[:2]) == same, (article, ranked)


def test_translation_is_the_nearest_article_of_the_report():
    near = nearest_articles(_corpus(), k=1)
    assert near.set_index("a").loc["report_uk", "b"] == "report_ru"
    terms = near.set_index("a").loc["report_uk", "terms"]
    assert len(terms) == 5
    # every listed term is a lemma of both articles (bridged: відвести / отвести)
    assert {"переговоры", "відвести", "госсекретарь"} <= set(terms)


def test_article_matrix_is_symmetric_with_unit_diagonal():
    matrix = article_matrix(_corpus())
    assert matrix.index.tolist() == sorted(_corpus()["id"])
    np.testing.assert_allclose(matrix.to_numpy(), matrix.to_numpy().T)
    np.testing.assert_allclose(np.diag(matrix.to_numpy()), 1.0)
    assert matrix.loc["report_ru", "report_uk"] > matrix.loc["report_ru", "same_people_ru"]


# --------------------------------------------------------------------------- passages


def test_similar_pairs_align_each_translated_paragraph():
    pairs = similar_pairs(_corpus(), "paragraph", k=3)
    assert list(pairs.columns) == PAIR_COLUMNS
    cross = pairs[(pairs["a"] == "report_ru") & (pairs["b"] == "report_uk")]
    best = cross.sort_values("score", ascending=False).drop_duplicates("b_index")
    assert sorted(zip(best["a_index"], best["b_index"], strict=True)) == [(0, 0), (1, 1), (2, 2)]
    # a before b, never two units of one article, sorted by score
    assert (pairs["a"] < pairs["b"]).all()
    assert pairs["score"].is_monotonic_decreasing


def test_similar_pairs_offsets_point_into_the_clean_text():
    corpus = _corpus()
    texts = corpus.set_index("id")["text"]
    pairs = similar_pairs(corpus, "sentence", k=2)
    assert not pairs.empty
    for row in pairs.itertuples():
        assert texts[row.a][row.a_start : row.a_end] == row.a_text
        assert texts[row.b][row.b_start : row.b_end] == row.b_text


def test_similar_pairs_are_deterministic():
    first = similar_pairs(_corpus(), "paragraph", k=2)
    second = similar_pairs(_corpus(), "paragraph", k=2)
    pd.testing.assert_frame_equal(first, second)


def test_align_passages_pairs_statement_with_its_translation():
    aligned = align_passages(_corpus(), "report_uk", "report_ru", "paragraph", n=3)
    assert list(aligned.columns) == PAIR_COLUMNS
    assert (aligned["a"] == "report_uk").all()
    assert sorted(zip(aligned["a_index"], aligned["b_index"], strict=True)) == [
        (0, 0), (1, 1), (2, 2)
    ]  # fmt: skip
    terms = dict(zip(aligned["a_index"], aligned["terms"], strict=True))
    assert "компромисс" in terms[0]  # what Stoltenberg said, not only who said it
    assert {"уступка", "поступка"} & set(terms[1])  # one term through the bridge lexicon
    assert "відвести" in terms[2]  # відвести / отвести: the prefixes від- / от- bridged


def test_align_passages_prefers_the_statement_over_the_hard_negative():
    aligned = align_passages(_corpus(), "report_uk", "same_people_ru", "paragraph", n=10)
    translation = align_passages(_corpus(), "report_uk", "report_ru", "paragraph", n=10)
    assert aligned["score"].max() < translation["score"].min()


def test_align_passages_unknown_article():
    with pytest.raises(KeyError):
        align_passages(_corpus(), "report_ru", "nope")


# --------------------------------------------------------------------------- near-duplicates


def _dup_corpus() -> pd.DataFrame:
    corpus = _corpus()
    reprint = ("reprint_ru", "Outlet D", _article(SAME, "reprint"), "ru")
    repeated_text = _article(OTHER, "ru") + "\n" + STATEMENTS[OTHER[0]]["ru"]
    corpus.loc[corpus["id"] == "other_story_ru", "text"] = repeated_text
    corpus.loc[len(corpus)] = [*reprint, reprint[2]]
    corpus["raw"] = corpus["text"]
    return corpus.sort_values("id").reset_index(drop=True)


def test_near_duplicates_find_reprints_and_repeats_only():
    dups = near_duplicates(_dup_corpus(), "paragraph")
    assert list(dups.columns) == DUPLICATE_COLUMNS
    found = {(r.kind, r.a, r.a_index, r.b, r.b_index) for r in dups.itertuples()}
    assert found == {
        ("reprint", "report_ru", 0, "reprint_ru", 0),
        ("reprint", "report_ru", 1, "reprint_ru", 1),
        ("reprint", "report_ru", 2, "reprint_ru", 2),
        ("repeat", "other_story_ru", 0, "other_story_ru", 3),
    }
    repeat = dups[dups["kind"] == "repeat"].iloc[0]
    assert repeat["score"] == 1.0 and repeat["jaccard"] == 1.0
    assert (dups[dups["kind"] == "reprint"]["score"] < 1.0).all()  # small edits


def test_near_duplicates_ignore_translations_and_paraphrases():
    assert near_duplicates(_corpus(), "paragraph").empty
    # the closest paraphrase shares a few word triples, far below a reprint
    loose = near_duplicates(_corpus(), "paragraph", threshold=0.0)
    assert loose["score"].max() < 0.4


def test_near_duplicates_find_a_body_repeated_on_one_raw_line():
    paras = [STATEMENTS[k]["ru"] for k in SAME]
    raw = "Заголовок статьи\n" + "\n".join(paras) + "\nПодписывайтесь!\n" + " ".join(paras)
    articles = pd.DataFrame(
        {"id": ["x"], "text": ["\n".join(paras)], "raw": [raw], "language": ["ru"]}
    )
    dups = near_duplicates(articles, column="raw")
    assert dups["kind"].tolist() == ["repeat"] * 3
    # indexes are 1-based raw line numbers: paragraphs on lines 2-4, the repeat on line 6
    assert dups["a_index"].tolist() == [2, 3, 4] and set(dups["b_index"]) == {6}
    assert (dups["score"] == 1.0).all()
    for row in dups.itertuples():
        assert raw[row.b_start : row.b_end] == row.b_text


# --------------------------------------------------------------------------- distinctive terms


def test_distinctive_terms_per_article():
    terms = distinctive_terms(_corpus(), "article", n=5)
    assert list(terms.columns) == TERM_COLUMNS
    assert terms.groupby("group")["rank"].apply(list).map(lambda r: r == [1, 2, 3, 4, 5]).all()
    other = terms[terms["group"] == "other_story_ru"]["term"].tolist()
    # the other story's own words, found in no other article
    assert {"владимир", "patriot", "город"} <= set(other)
    assert not {"нато", "россия", "заявить"} & set(other)


def test_distinctive_terms_per_outlet():
    terms = distinctive_terms(_corpus(), "outlet", n=3)
    assert terms["group"].unique().tolist() == ["Outlet A", "Outlet B", "Outlet C"]
    assert terms["score"].between(0, 1).all()
    assert (terms["count"] >= 1).all()


def test_distinctive_terms_rejects_unknown_grouping():
    with pytest.raises(ValueError):
        distinctive_terms(_corpus(), "author")
