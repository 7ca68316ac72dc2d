"""`presslens statements` and `presslens events`: the output contract."""

import json
import re

import pytest

from presslens.cli import main

STATEMENT_FIELDS = [
    "article",
    "speaker",
    "speaker_mention",
    "role",
    "cue",
    "quote",
    "kind",
    "said_on",
    "said_on_basis",
    "cluster",
    "start",
    "end",
]
EVENT_FIELDS = ["article", "text", "start", "end", "sentence", "basis"]
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _jsonl(capsys, *argv):
    assert main(list(argv)) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_statements_jsonl_on_the_seeds(capsys, seeds):
    records = _jsonl(capsys, "statements", "seeds", "--format", "jsonl")
    assert len(records) >= 30
    texts = dict(zip(seeds.articles["id"], seeds.articles["text"], strict=True))
    for rec in records:
        assert list(rec) == STATEMENT_FIELDS
        assert rec["kind"] in ("direct", "indirect")
        assert rec["speaker"]
        assert isinstance(rec["cluster"], int)
        assert rec["said_on"] is None or DAY.match(rec["said_on"])
        assert rec["said_on_basis"]
        assert 0 <= rec["start"] < rec["end"] <= len(texts[rec["article"]])
    first = records[0]
    assert first["speaker"] == "Jens Stoltenberg"
    assert first["speaker_mention"] == "Йенс Столтенберг"
    assert first["role"] == "генсек НАТО"
    assert first["said_on"] == "2022-01-09"
    assert first["said_on_basis"] == "attribution: в воскресенье"
    # the medium relays, Blinken speaks
    relayed = [r for r in records if r["cue"] == "передает"]
    assert [r["speaker"] for r in relayed] == ["Antony Blinken"]
    # Blinken's words reported by two outlets share a cluster
    blinken = [r for r in records if r["speaker"] == "Antony Blinken" and r["kind"] == "direct"]
    shared = {r["cluster"] for r in blinken if "прорыв" in r["quote"]}
    assert len(shared) == 1
    assert len({r["article"] for r in blinken if r["cluster"] in shared}) == 2


def test_events_jsonl_on_the_seeds(capsys):
    records = _jsonl(capsys, "events", "seeds", "--format", "jsonl")
    assert len(records) >= 15
    for rec in records:
        assert list(rec) == EVENT_FIELDS
        assert rec["start"] is None or DAY.match(rec["start"])
        assert rec["start"] is None or rec["start"] <= rec["end"]
        assert rec["text"] in rec["sentence"]
    by_text = {(r["article"][:3], r["text"]): (r["start"], r["end"]) for r in records}
    assert by_text[("001", "10-13 января")] == ("2022-01-10", "2022-01-13")
    assert by_text[("003", "15 грудня")] == ("2021-12-15", "2021-12-15")
    assert by_text[("004", "1975 года")] == ("1975-01-01", "1975-12-31")
    assert by_text[("000", "в воскресенье")] == ("2022-01-09", "2022-01-09")


@pytest.mark.parametrize("command", ["statements", "events"])
def test_csv_and_table(capsys, command):
    assert main([command, "seeds", "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    fields = STATEMENT_FIELDS if command == "statements" else EVENT_FIELDS
    assert header == ",".join(fields)
    assert main([command, "seeds"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:2] == ["article", fields[1]]


@pytest.mark.parametrize("command", ["statements", "events"])
def test_bad_corpus_exits_2(tmp_path, capsys, command):
    assert main([command, str(tmp_path / "missing")]) == 2
    assert capsys.readouterr().err.startswith("presslens: error:")


def test_corpus_without_publication_dates(write_corpus, capsys):
    root = write_corpus({"a.txt": "«Мы готовы к диалогу», — сказал вчера Йенс Столтенберг.\n"})
    records = _jsonl(capsys, "statements", str(root), "--format", "jsonl")
    assert [(r["speaker"], r["said_on"], r["said_on_basis"]) for r in records] == [
        ("Jens Stoltenberg", None, "unknown")
    ]
    events = _jsonl(capsys, "events", str(root), "--format", "jsonl")
    assert [(e["text"], e["start"], e["end"]) for e in events] == [("вчера", None, None)]
