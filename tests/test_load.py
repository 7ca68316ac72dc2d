"""Loading: formats, encodings, metadata, and every kind of bad input the issue names."""

import json
import logging
import subprocess
import sys

import pandas as pd
import pytest

from presslens.corpus.load import ARTICLE_COLUMNS, CorpusError, load_corpus

BODY = (
    "Міністр закордонних справ заявив у вівторок, що переговори щодо безпеки тривають.\n"
    "«Ми готові до діалогу, але не до поступок», — наголосив він на брифінгу.\n"
)
BODY_RU = (
    "Министр иностранных дел заявил во вторник, что переговоры по безопасности продолжаются.\n"
    "«Мы готовы к диалогу, но не к уступкам», — подчеркнул он на брифинге.\n"
)
META = "id,outlet,url,published,language\n"


def test_loads_the_seeds(seeds):
    arts = seeds.articles
    assert list(arts.columns) == ARTICLE_COLUMNS
    assert list(arts["id"]) == sorted(arts["id"])
    assert len(arts) == 5
    assert dict(zip(arts["id"], arts["outlet"], strict=True))["003_5c907426991a3987"] == "Depo.ua"
    assert list(arts["language"]) == ["ru", "ru", "ru", "uk", "ru"]
    assert [d.strftime("%Y-%m-%d") for d in arts["published"]] == [
        "2022-01-09",
        "2022-01-18",
        "2022-01-09",
        "2022-01-26",
        "2022-01-07",
    ]
    assert seeds.skipped.empty and seeds.problems.empty and seeds.duplicates.empty
    assert arts["text"].str.contains("2026").sum() == 0  # related headlines stamped 2026 are gone
    assert (arts["n_removed"] == arts["id"].map(seeds.removed["article"].value_counts())).all()


@pytest.mark.parametrize(
    ("article", "reason", "line"),
    [
        ("000_837f71304a363308", "related headline", 13),
        ("000_837f71304a363308", "timestamp", 14),
        ("001_7ef4d257313102fe", "read-also", 16),
        ("002_40da0b2ace359248", "repeated body", 24),
        ("002_40da0b2ace359248", "template", 25),
        ("003_5c907426991a3987", "byline", 5),
        ("003_5c907426991a3987", "prompt", 42),
        ("004_5c37f732ce83b2b7", "counter", 33),
    ],
)
def test_seed_removals_are_recorded_with_reason(seeds, article, reason, line):
    rows = seeds.removed[(seeds.removed["article"] == article) & (seeds.removed["line"] == line)]
    assert list(rows["reason"]) == [reason]


def test_title_and_author_are_kept(seeds):
    arts = seeds.articles.set_index("id")
    assert arts.loc["003_5c907426991a3987", "author"] == "Максим Карпенко"
    assert arts.loc["002_40da0b2ace359248", "title"] == (
        "В Госдепе США надеются на прогресс в переговорах с Россией"
    )
    assert pd.isna(arts.loc["000_837f71304a363308", "title"])  # the page has none


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [
        ("utf-8", "\n"),
        ("utf-8-sig", "\r\n"),
        ("cp1251", "\r\n"),
        ("koi8_r", "\n"),
        ("utf-16", "\r\n"),
    ],
)
def test_encodings_and_line_endings(write_corpus, encoding, newline):
    text = BODY_RU.replace("«", '"').replace("»", '"').replace("—", "-")
    root = write_corpus({"a.txt": text.replace("\n", newline).encode(encoding)})
    arts = load_corpus(root).articles
    assert arts.loc[0, "text"] == text.strip()
    assert arts.loc[0, "language"] == "ru"


def test_html_jsonl_and_csv(write_corpus):
    html = (
        "<html><head><title>Заголовок</title><meta property='og:site_name' content='Вісник'>"
        "<meta property='article:published_time' content='2022-02-03'></head><body>"
        "<nav>Головна</nav><article><h1>Міністр про переговори</h1>"
        + "".join(f"<p>{p}</p>" for p in BODY.splitlines())
        + "</article><footer>Підписуйтеся на наш Telegram</footer></body></html>"
    )
    rows = [
        {"id": "j1", "text": BODY_RU, "outlet": "Лента", "published": "2031-02-01"},
        {"text": BODY},
    ]
    root = write_corpus(
        {
            "page.html": html,
            "batch.jsonl": "\n".join(json.dumps(r, ensure_ascii=False) for r in rows),
            "table.csv": 'id,text\nc1,"' + BODY_RU.replace('"', '""') + '"\n',
        }
    )
    arts = load_corpus(root).articles.set_index("id")
    assert sorted(arts.index) == ["batch-2", "c1", "j1", "page"]
    assert arts.loc["page", "outlet"] == "Вісник"
    assert arts.loc["page", "published"] == pd.Timestamp("2022-02-03")
    assert arts.loc["page", "published_basis"] == "page"
    assert "Telegram" not in arts.loc["page", "text"]
    assert arts.loc["j1", "outlet"] == "Лента"
    assert arts.loc["batch-2", "language"] == "uk"
    assert arts.loc["c1", "path"] == "table.csv"


def test_metadata_is_optional_and_nothing_is_invented(write_corpus):
    arts = load_corpus(write_corpus({"x.txt": BODY})).articles
    row = arts.iloc[0]
    assert row["outlet"] is None and row["url"] is None and pd.isna(row["published"])
    assert row["language"] == "uk"  # inferred from the text
    assert row["published_basis"] is None


def test_outlet_inferred_from_url(write_corpus):
    root = write_corpus({"x.txt": BODY, "metadata.csv": META + "x,,https://www.example.ua/a/1,,\n"})
    assert load_corpus(root).articles.loc[0, "outlet"] == "example.ua"


@pytest.mark.parametrize(
    ("metadata", "where", "message"),
    [
        ("id,outlet,published\nx,Вісник,2022-02-03\n", "metadata.csv:1", "missing column"),
        (META + "x,Вісник,,2031-13-45,uk\n", "metadata.csv:2", "bad date"),
        (
            META + "x,Вісник,,2022-02-03,uk\nghost,Вісник,,2022-02-03,uk\n",
            "metadata.csv:3",
            "has no article file",
        ),
        (META + "x,Вісник,,2022-02-03,de\n", "metadata.csv:2", "unknown language"),
        (META + "x,Вісник,,2022-02-03\n", "metadata.csv:2", "expected 5 fields"),
    ],
)
def test_malformed_metadata_warns_and_the_rest_loads(
    write_corpus, caplog, metadata, where, message
):
    root = write_corpus({"x.txt": BODY, "metadata.csv": metadata})
    with caplog.at_level(logging.WARNING, logger="presslens"):
        corpus = load_corpus(root)
    assert len(corpus.articles) == 1
    assert corpus.articles.loc[0, "outlet"] == "Вісник"
    assert any(where in m and message in m for m in caplog.messages), caplog.messages
    assert corpus.problems["problem"].str.contains(message).any()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"\n \n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("scan.pdf", b"%PDF-1.4 ...", "unsupported file type"),
        ("rows.jsonl", b'{"text": "ok"\n', "not valid JSON"),
        ("notext.csv", b"id,body\n1,abc\n", "without a 'text' column"),
    ],
)
def test_bad_files_are_skipped_named_and_reported(write_corpus, caplog, name, content, reason):
    root = write_corpus({"good.txt": BODY, name: content})
    with caplog.at_level(logging.WARNING, logger="presslens"):
        corpus = load_corpus(root)
    assert list(corpus.articles["id"]) == ["good"]
    assert list(corpus.skipped["path"]) == [name]
    assert reason in corpus.skipped.loc[0, "reason"]
    assert any(name in m and reason in m for m in caplog.messages)


@pytest.mark.parametrize("kind", ["missing", "empty", "only-bad"])
def test_no_articles_is_one_clear_error(tmp_path, write_corpus, kind):
    path = {
        "missing": tmp_path / "nope",
        "empty": write_corpus({}),
        "only-bad": write_corpus({"a.txt": b""}),
    }[kind]
    with pytest.raises(CorpusError, match=str(path.name)):
        load_corpus(path)


def test_duplicate_files_are_reported(write_corpus, caplog):
    root = write_corpus({"a.txt": BODY, "b.txt": BODY, "sub/a.txt": BODY_RU})
    with caplog.at_level(logging.WARNING, logger="presslens"):
        corpus = load_corpus(root)
    assert list(corpus.articles["id"]) == ["a", "a~2", "b"]
    assert corpus.duplicates[["id", "duplicate_of"]].values.tolist() == [["b", "a"]]
    assert corpus.problems["action"].tolist() == ["renamed a~2"]
    assert any("duplicate of article a" in m for m in caplog.messages)


def test_a_50_mb_file_loads_without_blowing_up_memory(write_corpus):
    first, second = BODY_RU.splitlines()
    lines = [f"{first[:-1]}, сообщение {k}. {second} Абзац номер {k}." for k in range(260_000)]
    data = ("\n".join(lines)).encode("utf-8")
    assert len(data) > 50_000_000
    root = write_corpus({"huge.txt": data})
    del data, lines
    # Measure the peak resident memory of a fresh process that loads the corpus.
    code = (
        "import resource, sys; from presslens.corpus.load import load_corpus; "
        f"a = load_corpus({str(root)!r}).articles; "
        "print(int(a.loc[0, 'n_chars']), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    n_chars, peak_kib = map(int, out.stdout.split())
    assert n_chars > 40_000_000
    assert peak_kib < 1_500_000  # under 1.5 GB: a few copies of the text, never an explosion
