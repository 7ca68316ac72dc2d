"""Tests for ``presslens similar``."""

from __future__ import annotations

import csv
import io
import json

import pytest
from test_vectorize import STATEMENTS

from presslens.cli import main
from presslens.paths import seeds_dir

KEYS = ["stoltenberg_open_door", "ryabkov_no_concessions", "blinken_no_breakthrough"]


@pytest.fixture
def corpus(tmp_path):
    """A folder with a Russian report, its Ukrainian translation and an unrelated story."""
    texts = {
        "a_report": "\n\n".join(STATEMENTS[k]["ru"] for k in KEYS),
        "b_translation": "\n\n".join(STATEMENTS[k]["uk"] for k in KEYS),
        "c_other": "\n\n".join(STATEMENTS[k]["ru"] for k in ("zelensky_air_defence",)),
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    (tmp_path / "metadata.csv").write_text(
        "id,outlet,url,published,language\n"
        "a_report,Outlet A,,2022-01-10,ru\n"
        "b_translation,Outlet B,,2022-01-11,uk\n"
        "c_other,Outlet C,,2022-01-12,ru\n",
        encoding="utf-8",
    )
    return tmp_path


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = main(["similar", *argv])
    return code, capsys.readouterr().out


def test_similar_articles_jsonl(corpus, capsys):
    code, out = _run(capsys, str(corpus), "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert list(rows[0]) == ["a", "b", "score", "terms"]
    assert (rows[0]["a"], rows[0]["b"]) == ("a_report", "b_translation")
    assert rows[0]["score"] > 0.5
    assert all(isinstance(t, str) for t in rows[0]["terms"])


def test_similar_paragraphs_name_the_passages(corpus, capsys):
    code, out = _run(capsys, str(corpus), "--level", "paragraph", "--top", "1", "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert list(rows[0]) == ["a", "a_index", "a_text", "b", "b_index", "b_text", "score", "terms"]
    pairs = {(r["a_index"], r["b_index"]) for r in rows if (r["a"], r["b"]) == ("a_report",
                                                                                "b_translation")}
    assert pairs == {(0, 0), (1, 1), (2, 2)}
    first = next(r for r in rows if r["a_index"] == 0 and r["b"] == "b_translation")
    assert first["a_text"] == STATEMENTS[KEYS[0]]["ru"]
    assert first["b_text"] == STATEMENTS[KEYS[0]]["uk"]


def test_similar_sentences_csv(corpus, capsys):
    code, out = _run(capsys, str(corpus), "--level", "sentence", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and set(rows[0]) == {"a", "a_index", "a_text", "b", "b_index", "b_text",
                                     "score", "terms"}
    assert isinstance(json.loads(rows[0]["terms"]), list)


def test_similar_table(corpus, capsys):
    code, out = _run(capsys, str(corpus))
    assert code == 0
    assert out.splitlines()[0].split() == ["a", "b", "score", "terms"]


def test_similar_seeds_paragraphs_jsonl(capsys):
    code, out = _run(capsys, str(seeds_dir()), "--level", "paragraph", "--format", "jsonl")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows
    assert all(r["a"] < r["b"] for r in rows)
    scores = [r["score"] for r in rows]
    assert scores == sorted(scores, reverse=True)
    assert all(0.1 < s <= 1 for s in scores)


@pytest.mark.parametrize("argv", [["--top", "0"], ["--level", "chapter"]])
def test_similar_bad_arguments(corpus, capsys, argv):
    try:
        code = main(["similar", str(corpus), *argv])
    except SystemExit as exc:  # argparse refuses a bad choice
        code = exc.code
    assert code == 2


def test_similar_missing_folder(tmp_path, capsys):
    code = main(["similar", str(tmp_path / "nope")])
    assert code == 2
    assert "error" in capsys.readouterr().err


def test_similar_corpus_without_content_words(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("12 345 678\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("2022 — 2023\n", encoding="utf-8")
    code = main(["similar", str(tmp_path)])
    assert code == 2
    assert "cannot compare" in capsys.readouterr().err
