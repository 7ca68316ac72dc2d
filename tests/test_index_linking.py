"""One corpus, one answer: an index over several partitions answers as the loaded corpus.

Generated articles plus the seeds, cut into several partitions: `presslens statements`,
`events`, `similar` and `echoes` give the same records on the folder and on its index, for
the local engine and for Dask; the blocked linking and event reconciliation equal the
in-memory functions.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo's benchmarks/ package

from benchmarks.generate import write_corpus  # noqa: E402
from presslens.cli import main  # noqa: E402
from presslens.corpus.index import open_index  # noqa: E402
from presslens.corpus.load import load_corpus  # noqa: E402
from presslens.engine.build import build_index  # noqa: E402
from presslens.findings import events, reconcile_events  # noqa: E402
from presslens.findings.corpusevents import reconcile_blocked  # noqa: E402
from presslens.statements.corpuslink import components, link_blocked, speaker_pairs  # noqa: E402
from presslens.statements.linking import link_statements  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = write_corpus(tmp_path_factory.mktemp("gen") / "corpus", 60)
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, root / path.name)
    return root


@pytest.fixture(scope="module")
def indexes(corpus, tmp_path_factory) -> dict[str, Path]:
    return {}


def _index(corpus: Path, indexes: dict, engine: str, tmp_path_factory) -> Path:
    if engine not in indexes:
        out = tmp_path_factory.mktemp("idx") / engine
        summary = build_index(corpus, out, engine=engine, workers=2, target_mb=0.05)
        assert summary.n_partitions >= 5
        indexes[engine] = out
    return indexes[engine]


def _cli(argv: list[str], capsys) -> list[dict]:
    assert main(argv) == 0
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def _partition(rows: list[dict], field: str) -> set[frozenset]:
    """The groups of (article, start) a field puts together: equal up to renumbering."""
    groups: dict = {}
    for r in rows:
        groups.setdefault(r[field], set()).add((r["article"], r["start"]))
    return {frozenset(g) for g in groups.values()}


@pytest.fixture(scope="module")
def from_folder(corpus) -> dict[str, list[dict]]:
    return {}


def _folder(corpus: Path, cache: dict, command: list[str], capsys) -> list[dict]:
    key = " ".join(command)
    if key not in cache:
        cache[key] = _cli([command[0], str(corpus), *command[1:], "--format", "jsonl"], capsys)
    return cache[key]


@pytest.mark.parametrize("engine", ["local", pytest.param("dask", marks=pytest.mark.slow)])
def test_statements_of_the_folder_and_of_its_index_are_the_same(
    corpus, indexes, from_folder, engine, tmp_path_factory, capsys
):
    out = _index(corpus, indexes, engine, tmp_path_factory)
    folder = _folder(corpus, from_folder, ["statements"], capsys)
    stored = _cli(["statements", str(out), "--format", "jsonl"], capsys)
    assert len(stored) == len(folder) > 200
    strip = [{k: v for k, v in r.items() if k != "cluster"} for r in folder]
    assert [{k: v for k, v in r.items() if k != "cluster"} for r in stored] == strip
    assert _partition(stored, "cluster") == _partition(folder, "cluster")
    linked = [g for g in _partition(folder, "cluster") if len(g) > 1]
    assert len(linked) > 10  # reprints and shared quotes are linked across partitions
    # one id per person across partitions: the generated people are 16
    named = {r["speaker"] for r in stored if r["speaker"] != "unknown"}
    assert {"Andrey Sokolov", "Taras Kovalenko"} <= named


@pytest.mark.parametrize("engine", ["local", pytest.param("dask", marks=pytest.mark.slow)])
@pytest.mark.parametrize("command", [["events"], ["similar"], ["echoes"]])
def test_events_similar_and_echoes_of_the_folder_and_of_its_index_are_the_same(
    corpus, indexes, from_folder, engine, command, tmp_path_factory, capsys
):
    out = _index(corpus, indexes, engine, tmp_path_factory)
    folder = _folder(corpus, from_folder, command, capsys)
    stored = _cli([command[0], str(out), *command[1:], "--format", "jsonl"], capsys)
    if command[0] == "similar":  # shared terms of equal weight (to 1e-12) may swap places
        folder = [{**r, "terms": sorted(r["terms"])} for r in folder]
        stored = [{**r, "terms": sorted(r["terms"])} for r in stored]
    assert folder and stored == folder


def test_an_index_reconciles_events_as_in_memory(corpus, indexes, tmp_path_factory):
    out = _index(corpus, indexes, "local", tmp_path_factory)
    stored = open_index(out).table("events")
    mentions, table = reconcile_events(events(load_corpus(corpus).articles))
    assert _partition(stored.to_dict("records"), "event") == \
        _partition(mentions.to_dict("records"), "event")
    got = open_index(out).table("event_groups")
    assert len(got) == len(table) > 5
    assert got["dates"].tolist() == table["dates"].tolist()


def _frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article", "speaker_id", "said_on", "quote", "language"])


SAID = "Мы готовы обсуждать гарантии безопасности на переговорах в Женеве"
LINK_CASES = [
    # same speaker, two days apart: linked; five days apart: not (MAX_DAYS is 3)
    ([("a", "x", "2022-01-09", SAID, "ru"), ("b", "x", "2022-01-11", SAID, "ru")], [0, 0]),
    ([("a", "x", "2022-01-09", SAID, "ru"), ("b", "x", "2022-01-14", SAID, "ru")], [0, 1]),
    # an unknown day is compared with every day of the speaker
    ([("a", "x", None, SAID, "ru"), ("b", "x", "2022-03-14", SAID, "ru")], [0, 0]),
    # two named speakers never link; an unnamed one joins a named one of the next day
    ([("a", "x", "2022-01-09", SAID, "ru"), ("b", "y", "2022-01-09", SAID, "ru")], [0, 1]),
    ([("a", "unknown", "2022-01-10", SAID, "ru"), ("b", "y", "2022-01-09", SAID, "ru")], [0, 0]),
    # a translation links
    ([("a", "x", "2022-01-09", SAID, "ru"),
      ("b", "x", "2022-01-09", "Ми готові обговорювати гарантії безпеки на переговорах у Женеві",
       "uk")], [0, 0]),
]


@pytest.mark.parametrize(("rows", "expected"), LINK_CASES)
def test_blocked_linking_equals_link_statements(rows, expected):
    frame = _frame(rows)
    assert link_blocked(frame) == link_statements(frame) == expected


def test_blocked_linking_equals_link_statements_on_generated_statements(corpus):
    from presslens.statements.extract import statements

    found = statements(load_corpus(corpus).articles, link=False)
    assert len(found) > 200
    assert link_blocked(found) == link_statements(found)


def test_a_speaker_is_compared_only_within_the_window():
    days = np.array([0.0, 1.0, 10.0, np.nan])
    pairs = speaker_pairs([SAID] * 4, ["ru"] * 4, days, ["a", "b", "c", "d"])
    assert pairs == [(0, 1), (0, 3), (1, 3), (2, 3)]


@pytest.mark.parametrize(
    ("n", "pairs", "expected"),
    [(4, [], [0, 1, 2, 3]), (4, [(3, 1)], [0, 1, 2, 1]), (5, [(4, 3), (0, 4)], [0, 1, 2, 0, 0])],
)
def test_components_are_numbered_by_their_first_item(n, pairs, expected):
    assert components(n, pairs) == expected


def test_blocked_reconciliation_equals_reconcile_events(corpus):
    mentions = events(load_corpus(corpus).articles)
    a, table_a = reconcile_events(mentions)
    b, table_b = reconcile_blocked(mentions)
    assert a["event"].tolist() == b["event"].tolist()
    pd.testing.assert_frame_equal(table_a, table_b)
