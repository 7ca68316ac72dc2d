"""Tests for presslens.views.report: CSV values, table listing, notebook entries, the index page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from presslens.corpus.load import load_corpus
from presslens.views import report
from presslens.views.report import Table, key_tables
from presslens.views.report_csv import csv_frame, write_tables
from presslens.views.report_pages import notebook_entries

RU = (
    "Министр иностранных дел Сергей Лавров заявил 10 января: «Мы не отступим от наших "
    "требований».\nПереговоры в Женеве продолжатся во вторник, сообщил источник.\n"
)
UK = (
    "Генсек НАТО Єнс Столтенберг заявив 12 січня: «Ми готові до діалогу з Росією».\n"
    "Засідання Ради Росія–НАТО відбулося в Брюсселі.\n"
)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (pd.to_datetime(["2022-01-09", None]), ["2022-01-09", None]),
        (pd.to_datetime(["2022-01-09 13:05:00"]), ["2022-01-09T13:05:00"]),
        (pd.Series([["столтенберг", "нато"], ("ru", "uk")]), ["столтенберг; нато", "ru; uk"]),
        (pd.Series(["Лавров", None]), ["Лавров", None]),
    ],
)
def test_csv_frame_plain_values(values, expected) -> None:
    frame = csv_frame(pd.DataFrame({"v": values}))
    assert frame["v"].tolist() == expected


def test_csv_frame_keeps_numbers_and_order() -> None:
    frame = pd.DataFrame({"b": [2, 1], "a": [0.5, None]})
    out = csv_frame(frame)
    assert list(out.columns) == ["b", "a"]
    assert out["b"].tolist() == [2, 1]
    assert out["a"].isna().tolist() == [False, True]


def test_write_tables_utf8_with_bom_and_missing(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {"speaker": ["Лавров", "Столтенберг"], "said_on": pd.to_datetime(["2022-01-10", None])}
    )
    (tmp_path / "events.csv").write_text("stale", encoding="utf-8")
    listing = write_tables(
        [
            Table("statements", "One row per statement.", frame),
            Table("events", "One row per dated mention.", None, "not available yet: no module"),
        ],
        tmp_path,
    )
    raw = (tmp_path / "statements.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a byte-order mark, for spreadsheets"
    back = pd.read_csv(tmp_path / "statements.csv", encoding="utf-8-sig")
    assert back["speaker"].tolist() == ["Лавров", "Столтенберг"]
    assert back["said_on"].fillna("").tolist() == ["2022-01-10", ""]
    assert not (tmp_path / "events.csv").exists(), "no stale CSV for a missing table"
    assert listing["name"].tolist() == ["statements", "events"]
    assert listing["file"].tolist() == ["statements.csv", None]
    assert listing.loc[0, "rows"] == 2 and pd.isna(listing.loc[1, "rows"])
    assert listing.loc[0, "columns"] == "speaker, said_on"
    assert listing.loc[1, "missing"] == "not available yet: no module"


def _notebook(cells: list[dict]) -> str:
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def _code(source: str, count: int | None, outputs: list | None = None) -> dict:
    return {
        "cell_type": "code",
        "source": source,
        "execution_count": count,
        "outputs": outputs or [],
        "metadata": {},
    }


@pytest.mark.parametrize(
    ("cells", "errors", "unexecuted"),
    [
        ([_code("x = 1", 1), _code("", None)], 0, 0),  # an empty cell needs no run
        ([_code("x = 1", None)], 0, 1),
        ([_code("1 / 0", 1, [{"output_type": "error", "ename": "ZeroDivisionError"}])], 1, 0),
    ],
)
def test_notebook_entries_counts(tmp_path: Path, cells, errors, unexecuted) -> None:
    title = {
        "cell_type": "markdown",
        "metadata": {},
        "source": ["# 09 · Рамки\n", "\n", "**Question:** who frames the talks how?"],
    }
    (tmp_path / "09-frames.ipynb").write_text(_notebook([title, *cells]), encoding="utf-8")
    entries = notebook_entries(tmp_path)
    assert entries.to_dict("records") == [
        {
            "name": "09-frames",
            "title": "09 · Рамки",
            "question": "Question: who frames the talks how?",
            "html": None,
            "screenshot": None,
            "errors": errors,
            "unexecuted": unexecuted,
        }
    ]


def test_notebook_entries_links_html_and_screenshot(tmp_path: Path) -> None:
    for name in ("02-b", "01-a"):
        (tmp_path / f"{name}.ipynb").write_text(_notebook([]), encoding="utf-8")
    (tmp_path / "01-a.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "screenshots").mkdir()
    (tmp_path / "screenshots" / "02-b.png").write_bytes(b"\x89PNG")
    entries = notebook_entries(tmp_path)
    assert entries["name"].tolist() == ["01-a", "02-b"]
    assert entries["html"].tolist() == ["01-a.html", None]
    assert entries["screenshot"].tolist() == [None, "screenshots/02-b.png"]
    assert entries["title"].tolist() == ["01-a", "02-b"], "no heading: the file name"


@pytest.mark.parametrize(
    ("make", "missing"),
    [
        (
            lambda corpus, cache: report._function("no_such_module", "table")(corpus),
            "not available yet: presslens.no_such_module is not in the package yet",
        ),
        (
            lambda corpus, cache: report._function("corpus.overview", "no_such_table")(corpus),
            "not available yet: presslens.corpus.overview.no_such_table is not in the package yet",
        ),
    ],
)
def test_key_tables_reports_a_missing_module(monkeypatch, write_corpus, make, missing) -> None:
    corpus = load_corpus(write_corpus({"ru.txt": RU, "uk.txt": UK}))
    monkeypatch.setattr(report, "TABLES", (("later", "Not written yet.", make),))
    (table,) = key_tables(corpus)
    assert table.frame is None and table.missing == missing


@pytest.mark.parametrize(
    ("error", "match"),
    [
        (ValueError("a real bug"), "a real bug"),
        (AttributeError("'Series' has no attribute 'x'"), "no attribute"),
        (ModuleNotFoundError("No module named 'somepkg'", name="somepkg"), "somepkg"),
    ],
)
def test_key_tables_raises_real_errors(monkeypatch, write_corpus, error, match) -> None:
    def broken(corpus, cache):
        raise error

    corpus = load_corpus(write_corpus({"ru.txt": RU}))
    monkeypatch.setattr(report, "TABLES", (("buggy", "Fails.", broken),))
    with pytest.raises(type(error), match=match):
        key_tables(corpus)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report folder written from a small ru + uk corpus, with one executed notebook."""
    root = tmp_path_factory.mktemp("report")
    corpus_dir = root / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "ru.txt").write_text(RU, encoding="utf-8")
    (corpus_dir / "uk.txt").write_text(UK, encoding="utf-8")
    folder = root / "reports"
    folder.mkdir()
    title = {"cell_type": "markdown", "metadata": {}, "source": "# 01 · Corpus\n\nWhat is in it?"}
    (folder / "01-corpus.ipynb").write_text(_notebook([title, _code("1", 1)]), encoding="utf-8")
    (folder / "01-corpus.html").write_text("<html></html>", encoding="utf-8")
    (folder / "screenshots").mkdir()
    for name in ("01-corpus", "01-corpus-widgets", "02-topics-FAILED"):
        (folder / "screenshots" / f"{name}.png").write_bytes(b"\x89PNG")
    report.write_report(folder, corpus_dir)
    return folder


def test_write_report_writes_every_key_table(written: Path) -> None:
    for name in ("articles", "statements", "events", "similar_pairs", "topics"):
        assert (written / f"{name}.csv").exists(), name
    articles = pd.read_csv(written / "articles.csv", encoding="utf-8-sig")
    assert articles["id"].tolist() == ["ru", "uk"]
    assert articles["language"].tolist() == ["ru", "uk"]
    assert "raw" not in articles.columns
    statements = pd.read_csv(written / "statements.csv", encoding="utf-8-sig")
    texts = dict(zip(articles["id"], articles["text"], strict=True))
    assert len(statements) >= 2
    for row in statements.itertuples():
        assert row.quote in texts[row.article][row.start : row.end]
    speakers = set(statements["speaker"])
    assert any("Lavrov" in s for s in speakers) and any("Stoltenberg" in s for s in speakers)


def test_index_links_notebooks_and_tables(written: Path) -> None:
    page = (written / "index.html").read_text(encoding="utf-8")
    assert '<a href="01-corpus.html">01 · Corpus</a>' in page
    assert '<a href="screenshots/01-corpus.png">screenshot in JupyterLab</a>' in page
    assert "FAILED" not in page
    assert "What is in it?" in page
    for name in ("articles", "statements", "events", "similar_pairs", "topics"):
        assert f'<a href="{name}.csv">{name}.csv</a>' in page
    assert "2 articles from 0 outlets" in page
    assert "Лавров" in page, "Cyrillic previews, written as UTF-8"
    assert '<a href="screenshots/01-corpus-widgets.png">01-corpus-widgets</a>' in page
    for href in re.findall(r'href="([^"]+)"', page):
        assert (written / href).exists(), f"a broken link: {href}"
