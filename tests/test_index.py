"""The index folder: Parquet tables, a CSR matrix without pickle, a manifest; read back."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo's benchmarks/ package

from benchmarks.generate import write_corpus  # noqa: E402
from presslens.cli import main  # noqa: E402
from presslens.corpus.index import (  # noqa: E402
    FORMAT,
    is_index,
    open_index,
    read_corpus,
    save_matrix,
    write_manifest,
    write_table,
)
from presslens.corpus.load import load_corpus  # noqa: E402
from presslens.engine.build import build_index  # noqa: E402


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    root = write_corpus(tmp_path_factory.mktemp("gen") / "corpus", 24)
    out = tmp_path_factory.mktemp("idx") / "index"
    build_index(root, out, target_mb=0.04)
    return root, out


@pytest.mark.parametrize(
    ("manifest", "expected"),
    [
        ({"format": FORMAT, "version": 1}, True),
        ({"format": "something-else", "version": 1}, False),
        (None, False),
        ("not json {", False),
        ([1, 2], False),
    ],
)
def test_is_index_reads_only_a_presslens_manifest(tmp_path, manifest, expected):
    if manifest is not None:
        text = manifest if isinstance(manifest, str) else json.dumps(manifest)
        (tmp_path / "manifest.json").write_text(text, encoding="utf-8")
    assert is_index(tmp_path) is expected


def test_tables_and_matrix_round_trip(tmp_path):
    frame = pd.DataFrame({"article": ["b", "a"], "start": [3, 1], "lemmas": [["x"], ["y", "z"]]})
    write_table(frame, tmp_path / "lemmas" / "part-00000.parquet")
    matrix = sp.csr_matrix(np.array([[0.0, 0.6, 0.8], [1.0, 0.0, 0.0]]))
    save_matrix(matrix, tmp_path / "tfidf.npz")
    write_manifest(tmp_path, {"n_articles": 2})
    idx = open_index(tmp_path)
    assert idx.manifest["n_articles"] == 2 and idx.manifest["format"] == FORMAT
    got = idx.table("lemmas")
    assert got["article"].tolist() == ["a", "b"]  # sorted by article
    assert [list(v) for v in got["lemmas"]] == [["y", "z"], ["x"]]
    assert (idx.tfidf() != matrix).nnz == 0
    with pytest.raises(KeyError):
        idx.table("statements")


def test_a_matrix_file_holding_pickled_objects_is_refused(tmp_path):
    write_manifest(tmp_path, {})
    np.savez(tmp_path / "tfidf.npz", format=np.array([{"evil": 1}], dtype=object),
             shape=np.array([1, 1]), data=np.zeros(0), indices=np.zeros(0, int),
             indptr=np.zeros(2, int))
    with pytest.raises(ValueError, match="pickle"):
        open_index(tmp_path).tfidf()


def test_a_newer_or_foreign_folder_is_not_opened(tmp_path):
    with pytest.raises(ValueError, match="not a presslens index"):
        open_index(tmp_path)
    write_manifest(tmp_path, {"version": 99})
    with pytest.raises(ValueError, match="newer"):
        open_index(tmp_path)


def test_load_corpus_accepts_an_index_in_place_of_the_folder(built):
    root, out = built
    from_index, from_folder = load_corpus(out), load_corpus(root)
    for name in ("articles", "removed", "skipped", "problems", "duplicates"):
        got, expected = getattr(from_index, name), getattr(from_folder, name)
        assert list(got.columns) == list(expected.columns), name
        assert len(got) == len(expected), name
    pd.testing.assert_frame_equal(from_index.articles, from_folder.articles, check_dtype=False)
    assert read_corpus(out).articles["id"].tolist() == from_folder.articles["id"].tolist()


def test_the_manifest_describes_the_index(built):
    _, out = built
    manifest = open_index(out).manifest
    assert manifest["n_articles"] == 24
    assert manifest["tfidf"]["shape"][0] == 24
    assert manifest["neighbors"] == {"k": 10, "metric": "cosine"}
    assert set(manifest["tables"]) >= {"articles", "statements", "events", "neighbors"}
    assert manifest["n_statements"] == len(open_index(out).table("statements"))


def test_cli_index_then_articles_on_the_index(built, tmp_path, capsys):
    root, _ = built
    out = tmp_path / "cli-index"
    assert main(["index", str(root), "--out", str(out), "--skip", "statements",
                 "--skip", "events"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["articles"] == 24 and summary["statements"] == 0
    assert "statements" not in open_index(out).manifest["tables"]
    assert main(["articles", str(out), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 24
    assert json.loads(lines[0])["id"] == load_corpus(root).articles["id"].iloc[0]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["index", "/no/such/folder", "--out", "{tmp}/x"], "no such file"),
        (["index", "{root}", "--out", "{tmp}/taken"], "not a presslens index"),
    ],
)
def test_cli_index_errors_are_one_line_and_exit_2(built, tmp_path, capsys, argv, message):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    root, _ = built
    args = [a.format(tmp=tmp_path, root=root) for a in argv]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert (tmp_path / "taken" / "notes.txt").read_text(encoding="utf-8") == "mine"
