"""Tests of ``presslens topics``: the known-topics corpus on disk, the seeds, and bad input."""

from __future__ import annotations

import csv
import io
import json

import pytest
from test_topics import KNOWN, MARKERS

from presslens.cli import main

TABLE_COLUMNS = {
    "topics": ["k", "topic", "label", "terms", "share", "paragraphs"],
    "selection": [
        "method", "k", "coherence", "stability", "coverage", "smallest", "score", "chosen",
    ],
    "outlets": ["outlet", "topic", "label", "share", "paragraphs"],
    "dates": ["date", "topic", "label", "share", "paragraphs"],
    "passages": [
        "topic", "label", "rank", "article", "paragraph", "start", "end", "outlet", "published",
        "language", "weight", "text",
    ],
    "weights": [
        "article", "paragraph", "start", "end", "outlet", "published", "language", "topic",
        "label", "weight",
    ],
}

# The usual written form of each story's marker lemma, as it shows in the terms column.
MARKER_FORMS = {"arms": "ракет", "nato": "НАТО", "sanctions": "санкций", "sport": "матч"}


@pytest.fixture
def known_dir(write_corpus):
    files = {f"{art_id}.txt": "\n".join(paras) + "\n" for art_id, *_, paras in KNOWN}
    lines = ["id,outlet,url,published,language"]
    lines += [f"{art_id},{outlet},,{date},{lang}" for art_id, outlet, date, lang, *_ in KNOWN]
    files["metadata.csv"] = "\n".join(lines) + "\n"
    return write_corpus(files)


def run(argv, capsys):
    code = main(argv)
    out = capsys.readouterr().out
    return code, out


def test_auto_finds_the_four_known_topics(known_dir, capsys):
    code, out = run(["topics", str(known_dir), "--format", "jsonl"], capsys)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["topic"] for r in rows] == [1, 2, 3, 4]
    assert {r["k"] for r in rows} == {4}
    assert sum(r["paragraphs"] for r in rows) == 32
    assert sum(r["share"] for r in rows) == pytest.approx(1.0)
    for story, form in MARKER_FORMS.items():
        holders = [r for r in rows if form in r["terms"].split(", ")]
        assert len(holders) == 1, (story, [r["terms"] for r in rows])
    assert set(MARKER_FORMS) == set(MARKERS)


@pytest.mark.parametrize("table", sorted(TABLE_COLUMNS))
def test_every_table_prints_its_documented_columns(known_dir, capsys, table):
    code, out = run(
        ["topics", str(known_dir), "--k", "4", "--table", table, "--format", "csv"], capsys
    )
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == TABLE_COLUMNS[table]
    assert len(rows) > 1


def test_outlet_table_shows_the_sports_outlet(known_dir, capsys):
    _, out = run(
        ["topics", str(known_dir), "--k", "4", "--table", "outlets", "--format", "jsonl"], capsys
    )
    rows = [json.loads(line) for line in out.splitlines()]
    sport = [r for r in rows if r["outlet"] == "Sport Daily"]
    best = max(sport, key=lambda r: r["share"])
    assert "матч" in best["label"].split(" · ")
    assert best["share"] > 0.8


def test_same_output_on_every_run(known_dir, capsys):
    _, first = run(["topics", str(known_dir), "--format", "csv"], capsys)
    _, second = run(["topics", str(known_dir), "--format", "csv"], capsys)
    assert first == second


def test_seeds(seeds, capsys):
    code, out = run(["topics", str(seeds.root), "--format", "jsonl"], capsys)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    k = rows[0]["k"]
    assert 2 <= k <= 8 and len(rows) == k
    assert all(r["label"] and r["terms"] for r in rows)
    code, out = run(["topics", str(seeds.root), "--k", "3", "--method", "lda"], capsys)
    assert code == 0
    assert out.splitlines()[0].split() == TABLE_COLUMNS["topics"]
    assert len(out.splitlines()) == 4


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--k", "99"], "cannot fit 99 topics"),
        (["--k", "4", "--table", "passages", "--passages", "0"], None),
    ],
)
def test_bad_numbers(known_dir, capsys, argv, message):
    code = main(["topics", str(known_dir), *argv])
    err = capsys.readouterr().err
    if message is None:  # zero passages per topic: an empty but well-formed table
        assert code == 0
    else:
        assert code == 2 and message in err


@pytest.mark.parametrize("value", ["0", "-2", "four"])
def test_k_must_be_a_positive_number_or_auto(known_dir, capsys, value):
    with pytest.raises(SystemExit) as exit_info:
        main(["topics", str(known_dir), "--k", value])
    assert exit_info.value.code == 2
    assert "--k" in capsys.readouterr().err


def test_missing_folder_and_empty_corpus(tmp_path, write_corpus, capsys):
    assert main(["topics", str(tmp_path / "nowhere")]) == 2
    short = write_corpus({"a.txt": "Реклама\n12:05\n"})
    assert main(["topics", str(short)]) == 2
    assert "too few" in capsys.readouterr().err


def test_help_documents_the_rows(capsys):
    with pytest.raises(SystemExit):
        main(["topics", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for phrase in ("one row per topic", "label", "terms", "share", "--table selection"):
        assert phrase in text
