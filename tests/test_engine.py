"""The partitioned engine: a Dask LocalCluster gives the single-process result.

The cluster tests are marked ``slow`` (``pytest -m slow`` finds them): a default LocalCluster,
and an existing cluster reached through ``DASK_SCHEDULER_ADDRESS``.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo's benchmarks/ package

from benchmarks.generate import write_corpus  # noqa: E402
from presslens.corpus.index import open_index  # noqa: E402
from presslens.corpus.load import load_corpus  # noqa: E402
from presslens.engine.build import build_index  # noqa: E402
from presslens.engine.stages import neighbors_blockwise, partition_files  # noqa: E402
from presslens.findings.similarity import top_neighbors  # noqa: E402
from presslens.statements.extract import statements  # noqa: E402
from presslens.text.vectorize import LemmaVectorizer  # noqa: E402

TABLES = ["articles", "removed", "lemmas", "statements", "events", "skipped", "problems",
          "duplicates", "vocabulary", "neighbors"]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("gen") / "corpus", 48)


@pytest.fixture(scope="module")
def local_index(generated, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("idx") / "local"
    build_index(generated, out, engine="local", target_mb=0.05)
    return out


def _random_unit_rows(n: int, m: int, seed: int) -> sp.csr_matrix:
    rng = np.random.default_rng(seed)
    X = sp.random(n, m, density=0.05, random_state=rng, format="csr")
    X.data = np.round(X.data, 1)  # coarse values: many tied scores
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1))).ravel()
    norms[norms == 0] = 1
    return sp.diags(1 / norms) @ X


@pytest.mark.parametrize(("n", "k", "block"), [(50, 3, 7), (200, 10, 64), (31, 40, 1000)])
def test_blockwise_neighbours_equal_top_neighbors(n, k, block):
    X = _random_unit_rows(n, 60, seed=n)
    got = neighbors_blockwise(X, k, block_size=block, workers=1)
    expected = top_neighbors(X, k)
    assert got[["row", "neighbor", "rank"]].to_numpy().tolist() == \
        expected[["row", "neighbor", "rank"]].to_numpy().tolist()
    np.testing.assert_allclose(got["score"], expected["score"], rtol=1e-12)
    assert (got.groupby("row").size() <= k).all()
    assert (got["row"] != got["neighbor"]).all()


REPEATED_TEXTS = [
    ("Главная / Политика\nМинистр заявил о переговорах.\nПодписывайтесь на наш канал", "A"),
    ("Главная / Политика\nДепутат ответил журналистам.\nПодписывайтесь на наш канал", "A"),
    ("Главная / Политика\nСовет соберётся в пятницу.", "A"),
    ("Головна / Політика\nМіністр заявив про переговори.", "B"),
    ("Головна / Політика\nДепутат відповів журналістам.", "B"),
    ("Головна / Політика\nРада збереться у п'ятницю.", "B"),
    ("Головна / Політика\nОдин рядок.", None),
    (" ".join(["довгий рядок з багатьма словами"] * 6) + "\nІнше.", "B"),
    (" ".join(["довгий рядок з багатьма словами"] * 6) + "\nЩе інше.", "B"),
    (" ".join(["довгий рядок з багатьма словами"] * 6) + "\nТретє.", "B"),
]


@pytest.mark.parametrize("cut", [1, 4, 7])
def test_line_counts_summed_over_partitions_equal_repeated_lines(cut):
    from types import SimpleNamespace

    from presslens.corpus.repeated import repeated_lines
    from presslens.engine.stages import _line_counts, _repeated

    texts = [t for t, _ in REPEATED_TEXTS]
    outlets = [o for _, o in REPEATED_TEXTS]
    parts = [REPEATED_TEXTS[:cut], REPEATED_TEXTS[cut:]]
    counts = [
        _line_counts({"sources": [SimpleNamespace(text=t) for t, _ in part]},
                     [str(i) for i in range(len(part))], [o for _, o in part])
        for part in parts
    ]
    expected = repeated_lines(texts, outlets)
    assert _repeated(counts) == expected
    assert {"главная / политика", "головна / політика"} <= expected
    assert not any("довгий" in line for line in expected)  # too long to be boilerplate


def test_partitions_cover_every_file_once_in_load_order(generated):
    parts, skipped = partition_files(generated, target_mb=0.05)
    files = [rel for part in parts for _, rel in part]
    assert len(parts) > 3 and not skipped
    assert files == sorted(files) and len(files) == 48


def test_local_engine_equals_the_library(generated, local_index):
    idx = open_index(local_index)
    corpus = load_corpus(generated)
    pd.testing.assert_frame_equal(idx.articles(), corpus.articles, check_dtype=False)
    pd.testing.assert_frame_equal(idx.table("removed"), corpus.removed, check_dtype=False)
    X = idx.tfidf()
    vec = LemmaVectorizer()
    Y = vec.fit_transform(corpus.articles)
    assert X.shape == Y.shape
    assert abs(X - Y).max() < 1e-12
    vocab = idx.table("vocabulary")
    assert vocab["term"].tolist() == vec.get_feature_names_out().tolist()
    assert vocab["label"].tolist() == vec.labels_.tolist()
    nb = idx.table("neighbors")
    expected = top_neighbors(Y, 10)
    assert nb[["row", "neighbor_row", "rank"]].to_numpy().tolist() == \
        expected[["row", "neighbor", "rank"]].to_numpy().tolist()
    ids = corpus.articles["id"].to_numpy()
    assert nb["neighbor"].tolist() == ids[expected["neighbor"]].tolist()
    # Speakers are made canonical over the statements of one call, so compare the rest.
    found = idx.table("statements")
    reference = statements(corpus.articles, link=False)
    same = ["article", "speaker_mention", "role", "cue", "quote", "kind", "said_on", "start",
            "end", "outlet", "language", "how"]
    pd.testing.assert_frame_equal(found[same], reference[same], check_dtype=False)


def test_the_reprints_are_found_as_nearest_neighbours(generated, local_index):
    truth = pd.read_csv(generated.parent / "corpus.truth.csv").dropna(subset=["reprint_of"])
    nb = open_index(local_index).table("neighbors")
    first = nb[nb["rank"] == 1].set_index("article")["neighbor"]
    assert len(truth)
    for rec in truth.itertuples():
        assert first[rec.id] == rec.reprint_of


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, Path]:
    """The first 24 generated articles and their single-process index."""
    root = write_corpus(tmp_path_factory.mktemp("gen") / "small", 24)
    out = tmp_path_factory.mktemp("idx") / "small-local"
    build_index(root, out, engine="local", target_mb=0.03)
    return root, out


@pytest.mark.slow
@pytest.mark.parametrize("where", ["LocalCluster", "DASK_SCHEDULER_ADDRESS"])
def test_dask_gives_the_single_process_index(small, tmp_path, monkeypatch, where):
    root, reference = small
    out = tmp_path / "dask"
    if where == "LocalCluster":
        monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
        summary = build_index(root, out, engine="dask", workers=2, target_mb=0.03)
    else:
        from distributed import LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
            monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster.scheduler_address)
            summary = build_index(root, out, engine="dask", target_mb=0.03)
    assert summary.n_articles == 24 and summary.n_partitions > 3
    got, ref = open_index(out), open_index(reference)
    assert got.manifest["engine"] == "dask" and ref.manifest["engine"] == "local"
    for name in TABLES:
        pd.testing.assert_frame_equal(got.table(name), ref.table(name), obj=name)
    X, Y = got.tfidf(), ref.tfidf()
    assert X.shape == Y.shape and (X != Y).nnz == 0


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stream", "shown"), [(io.StringIO, False), (_Terminal, True)])
def test_a_progress_bar_is_drawn_on_a_terminal_only(small, tmp_path, monkeypatch, stream, shown):
    root, _ = small
    err = stream()
    monkeypatch.setattr(sys, "stderr", err)
    build_index(root, tmp_path / "idx", skip=("statements", "events"), progress=True,
                target_mb=0.03)
    assert ("presslens index" in err.getvalue()) is shown
    assert ("part/s]" in err.getvalue()) is shown  # tqdm: parts done per second
