"""The one neighbour search (``similarity.top_neighbors``, also the engine's) against brute force.

The reference is the dense product sorted by score (best first, ties by the lower row), minus
the row itself and the rows of its group, above the threshold. It is checked on random
matrices, on the seeds and on a generated corpus, whatever the blocks, threads or groups.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo's benchmarks/ package

from benchmarks.generate import write_corpus  # noqa: E402
from presslens.corpus.load import load_corpus  # noqa: E402
from presslens.engine.stages import neighbors_blockwise  # noqa: E402
from presslens.findings.similarity import NEIGHBOR_COLUMNS, top_neighbors  # noqa: E402
from presslens.text.vectorize import LemmaVectorizer  # noqa: E402


def brute_force(X: sp.spmatrix, k: int, groups=None, threshold: float = 0.0) -> pd.DataFrame:
    """The exact top-``k`` from the dense N×N product."""
    full = (X @ X.T).toarray()
    n = full.shape[0]
    labels = np.arange(n) if groups is None else pd.factorize(np.asarray(groups))[0]
    rows, cols, ranks, scores = [], [], [], []
    for row in range(n):
        ok = (labels != labels[row]) & (np.arange(n) != row) & (full[row] > threshold)
        cand = np.flatnonzero(ok)
        best = cand[np.lexsort((cand, -full[row, cand]))][:k]
        rows += [row] * len(best)
        cols += best.tolist()
        ranks += list(range(1, len(best) + 1))
        scores += full[row, best].tolist()
    return pd.DataFrame({"row": rows, "neighbor": cols, "rank": ranks, "score": scores})


def assert_same(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    """The same rows and ranks with the same scores. A rank may name another neighbour only
    when its score is the same to 1e-9, a tie (generated articles repeat templates, and sums
    taken in another order differ in the last bits, so a tie may fall either way); each row's
    neighbours are distinct and most are the same."""
    assert list(got.columns) == NEIGHBOR_COLUMNS
    assert got[["row", "rank"]].to_numpy().tolist() == expected[["row", "rank"]].to_numpy().tolist()
    np.testing.assert_allclose(got["score"], expected["score"], rtol=1e-9)
    assert not got.duplicated(["row", "neighbor"]).any()
    assert (got["neighbor"].to_numpy() == expected["neighbor"].to_numpy()).mean() > 0.99


def random_rows(n: int, d: int, seed: int) -> sp.csr_matrix:
    rng = np.random.default_rng(seed)
    dense = rng.random((n, d)) * (rng.random((n, d)) < 0.2)
    dense[:, 0] += 1e-3  # no empty row
    return sp.csr_matrix(dense / np.linalg.norm(dense, axis=1, keepdims=True))


@pytest.mark.parametrize(
    ("n", "k", "n_groups", "threshold", "block_size", "threads"),
    [
        (60, 5, None, 0.0, 7, 1),
        (60, 5, None, 0.0, 4096, 2),
        (60, 10, 6, 0.0, 16, 2),  # groups of 10 rows: never a neighbour of one's own group
        (60, 3, 30, 0.3, 1, 1),  # groups of 2, and a threshold
        (25, 40, None, 0.0, 8, 2),  # k above n: every other row
        (40, 4, None, 0.5, 9, 2),  # fewer than k pairs above a high threshold
    ],
)
def test_top_neighbors_equal_brute_force(n, k, n_groups, threshold, block_size, threads):
    X = random_rows(n, 30, seed=n + k)
    groups = None if n_groups is None else np.arange(n) % n_groups
    got = top_neighbors(X, k, groups=groups, threshold=threshold, block_size=block_size,
                        threads=threads)
    expected = brute_force(X, k, groups, threshold)
    assert_same(got, expected)
    assert len(got) == len(expected) > 0


def test_threads_and_blocks_do_not_change_the_result():
    X = random_rows(300, 40, seed=11)
    one = top_neighbors(X, 10, threads=1, block_size=4096)
    pd.testing.assert_frame_equal(top_neighbors(X, 10, threads=2, block_size=37), one)
    pd.testing.assert_frame_equal(neighbors_blockwise(X, 10, workers=2, block_size=64), one)


@pytest.fixture(scope="module")
def generated_matrix(tmp_path_factory) -> sp.csr_matrix:
    root = write_corpus(tmp_path_factory.mktemp("gen") / "corpus", 160)
    return LemmaVectorizer().fit_transform(load_corpus(root).articles)


def test_generated_corpus_neighbours_equal_brute_force(generated_matrix):
    X = generated_matrix
    assert X.shape[0] == 160
    assert_same(top_neighbors(X, 10), brute_force(X, 10))
    assert_same(neighbors_blockwise(X, 10, workers=1, block_size=50), brute_force(X, 10))


def test_seed_paragraph_neighbours_of_other_articles_equal_brute_force(seeds):
    vec = LemmaVectorizer(level="paragraph")
    X = vec.fit_transform(seeds.articles)
    groups = vec.units_["article"].to_numpy()
    got = top_neighbors(X, 3, groups=groups, threshold=0.1)
    assert_same(got, brute_force(X, 3, groups, 0.1))
    assert (groups[got["row"]] != groups[got["neighbor"]]).all()
    assert got["row"].nunique() > 20
