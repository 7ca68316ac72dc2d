"""`presslens articles` and the CLI's shared behaviour."""

import json

import pytest

from presslens.cli import build_parser, main


def test_articles_jsonl_on_the_seeds(capsys):
    assert main(["articles", "seeds", "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 5
    first = records[0]
    assert list(first) == [
        "id",
        "path",
        "outlet",
        "url",
        "published",
        "language",
        "title",
        "author",
        "text",
        "raw",
        "n_removed",
        "removed",
    ]
    assert first["published"] == "2022-01-09"
    assert first["removed"][0] == {"line": 10, "text": "Реклама", "reason": "ad"}
    assert all(r["n_removed"] == len(r["removed"]) for r in records)
    assert all("{{" not in r["text"] for r in records)


def test_articles_csv_and_table(capsys):
    assert main(["articles", "seeds", "--format", "csv"]) == 0
    csv_out = capsys.readouterr().out
    assert csv_out.startswith("id,path,outlet,url,published,language,title,author,text,raw")
    assert main(["articles", "seeds"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:4] == ["id", "outlet", "published", "language"]
    assert len(table) == 6


@pytest.mark.parametrize("kind", ["missing", "empty"])
def test_bad_corpus_path_is_one_line_and_exit_2(tmp_path, capsys, kind):
    path = tmp_path / "nothing-here"
    if kind == "empty":
        path.mkdir()
    assert main(["articles", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("presslens: error:") and "Traceback" not in err


def test_skipped_files_are_warned_on_stderr(tmp_path, capsys):
    (tmp_path / "ok.txt").write_text("Министр заявил, что переговоры продолжатся на этой неделе.")
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["articles", str(tmp_path), "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    assert "warning: empty.txt: skipped: the file is empty" in captured.err


def test_help_documents_every_command(capsys):
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, command in sub.choices.items():
        assert command.description, f"{name} has no description"
        assert name in parser.format_help()
