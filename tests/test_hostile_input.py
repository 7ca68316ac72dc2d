"""Hostile input that used to crash a command: each case now loads, names the bad part, and
keeps the good articles."""

import os
from pathlib import Path

import pytest

from presslens.cli import main
from presslens.corpus.load import CorpusError, load_corpus
from presslens.dates import find_dates

GOOD = {
    "a.txt": "Мэр Одессы Петр Гончаренко заявил журналистам, что мост откроют 12 мая.",
    "b.txt": "Міський голова Іван Коваль повідомив, що ремонт завершать у червні.",
}


def _problems(corpus) -> list[str]:
    return corpus.problems["problem"].tolist()


@pytest.mark.parametrize(
    ("extra", "ids", "problem"),
    [
        # a metadata field longer than the csv module's default limit (131,072 characters)
        ({"metadata.csv": "id,outlet,url,published,language\na," + "Х" * 140_000 + ",,,ru\n"},
         ["a", "b"], None),
        # a jsonl row whose url is a number
        ({"rows.jsonl": '{"id": "c", "text": "Мэр заявил, что парк откроют.", "url": 12345}\n'},
         ["a", "b", "c"], None),
        # a CMS null date and a far-future one in metadata are not dates
        ({"metadata.csv": "id,outlet,url,published,language\na,,,0001-01-01,ru\n"
                          "b,,,9999-12-31,uk\n"},
         ["a", "b"], "bad date '0001-01-01' for 'a'"),
    ],
)
def test_bad_tables_load_with_the_good_articles(write_corpus, extra, ids, problem):
    corpus = load_corpus(write_corpus({**GOOD, **extra}))
    assert corpus.articles["id"].tolist() == ids
    if problem:
        assert problem in _problems(corpus)
    assert corpus.articles["published"].isna().all()


def test_a_url_written_as_a_number_is_kept_as_text(write_corpus):
    corpus = load_corpus(write_corpus({"rows.jsonl": '{"id": "c", "text": "Текст статьи.", '
                                                     '"url": 12345}\n'}))
    assert corpus.articles["url"].tolist() == ["12345"]


def test_a_file_name_that_is_not_utf8_is_loaded_and_named(write_corpus):
    root = write_corpus(GOOD)
    name = os.fsdecode("статья".encode("cp1251") + b".txt")
    (root / name).write_text("Мэр заявил, что мост откроют в мае.", encoding="utf-8")
    corpus = load_corpus(root)
    shown = r"\xf1\xf2\xe0\xf2\xfc\xff.txt"
    assert shown in corpus.articles["path"].tolist()
    assert (shown, "the file name is not valid UTF-8") in zip(
        corpus.problems["path"], corpus.problems["problem"], strict=True)


@pytest.mark.parametrize(
    "text", ["Мост откроют в январе 0000 года.", "Дата: 01.01.0001.", "Срок: 12.05.9999."]
)
def test_impossible_years_are_not_dates(text):
    assert find_dates(text, "2022-01-10", "ru").empty


def test_a_cms_null_date_stamped_above_the_body_is_not_the_publication_date(write_corpus):
    corpus = load_corpus(write_corpus({"a.txt": "01.01.0001 12:00\n" + GOOD["a.txt"]}))
    assert corpus.articles["published"].isna().all()


@pytest.fixture
def built_index(tmp_path):
    out = tmp_path / "idx"
    assert main(["-q", "index", str(Path(__file__).resolve().parents[1] / "seeds"),
                 "--out", str(out)]) == 0
    return out


@pytest.mark.parametrize(
    "command",
    [["topics"], ["similar", "--level", "paragraph"], ["similar", "--level", "sentence"]],
)
def test_commands_read_an_index_as_they_read_a_folder(built_index, command, capsys):
    assert main([command[0], str(built_index), *command[1:], "--format", "csv"]) == 0
    assert len(capsys.readouterr().out.splitlines()) > 1


def test_a_damaged_index_table_is_one_error_naming_it(built_index, capsys):
    part = sorted((built_index / "articles").glob("*.parquet"))[0]
    part.write_bytes(part.read_bytes()[:300])
    with pytest.raises(CorpusError, match="damaged index table"):
        load_corpus(built_index)
    assert main(["articles", str(built_index)]) == 2
    assert "damaged index table" in capsys.readouterr().err


TEXT = "Мэр заявил журналистам, что мост через реку откроют в мае."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        # UTF-8 cut inside its last character: the rest is UTF-8, not koi8-r garbage
        ((TEXT + "ы").encode()[:-1], TEXT, "utf-8, last character cut off"),
        # one stray NUL byte does not make an article binary
        (TEXT.encode() + b"\x00\n" + TEXT.encode(), TEXT + "\n" + TEXT,
         "utf-8, NUL bytes removed"),
        # a UTF-8 line and a cp1251 line pasted together: both read right
        (TEXT.encode() + b"\n" + TEXT.encode("cp1251"), TEXT + "\n" + TEXT,
         "utf-8 and cp1251 (mixed lines)"),
    ],
)
def test_damaged_encodings_are_read_and_said(data, text, encoding):
    from presslens.corpus.decode import decode_bytes

    assert decode_bytes(data) == (text, encoding)


@pytest.mark.parametrize(
    "data", ["\u00a0\u00a0\n\u00a0".encode(), "   \n  ".encode("utf-16-le")]
)
def test_a_file_of_invisible_spaces_is_skipped_as_empty(write_corpus, data):
    corpus = load_corpus(write_corpus({**GOOD, "blank.txt": data}))
    assert corpus.articles["id"].tolist() == ["a", "b"]
    skipped = corpus.skipped[["path", "reason"]].values.tolist()
    assert skipped == [["blank.txt", "the file is empty"]]


@pytest.mark.parametrize("text", ["Сессия пройдет 13-10 января.", "Это случилось 32 января."])
def test_impossible_days_are_no_dates_at_all(text):
    assert find_dates(text, "2022-01-05", "ru").empty


ARTICLE_HTML = (
    "<html><head><title>Мост</title>{meta}</head><body><article><h1>Мост откроют</h1><p>Мэр "
    "города Петр Гончаренко заявил журналистам, что новый мост через реку откроют весной, когда "
    "закончат ремонт дороги.</p></article><footer>© 2022 Городские новости</footer></body></html>"
)


@pytest.mark.parametrize(
    ("meta", "published"),
    [
        ("", None),  # a copyright year is no publication date
        ('<meta property="article:published_time" content="2021-05-17T10:00:00+03:00">',
         "2021-05-17"),
    ],
)
def test_a_page_without_a_date_gets_none_invented(write_corpus, meta, published):
    corpus = load_corpus(write_corpus({"page.html": ARTICLE_HTML.format(meta=meta)}))
    day = corpus.articles["published"].iloc[0]
    assert (None if day is None or day != day else str(day.date())) == published


def test_a_cp1251_metadata_file_is_read(write_corpus):
    meta = "id,outlet,url,published,language\na,Вечерний Город,,2022-01-09,ru\n"
    corpus = load_corpus(write_corpus({**GOOD, "metadata.csv": meta.encode("cp1251")}))
    assert corpus.articles["outlet"].iloc[0] == "Вечерний Город"


def test_a_table_language_is_checked_as_metadata_languages_are(write_corpus):
    rows = '{"id": "z", "text": "Мэр заявил, что мост откроют в мае.", "language": "xx"}\n'
    corpus = load_corpus(write_corpus({"rows.jsonl": rows}))
    assert corpus.articles["language"].tolist() == ["ru"]
    assert "unknown language 'xx' for 'z'" in _problems(corpus)


def test_links_that_cannot_be_followed_are_reported_not_dropped_silently(write_corpus):
    root = write_corpus(GOOD)
    (root / "gone.txt").symlink_to(root / "missing.txt")
    (root / "loop-a").symlink_to(root / "loop-b")
    (root / "loop-b").symlink_to(root / "loop-a")
    (root / "elsewhere").symlink_to(Path(__file__).resolve().parents[1] / "seeds")
    corpus = load_corpus(root)
    assert corpus.articles["id"].tolist() == ["a", "b"]
    assert corpus.skipped[["path", "reason"]].values.tolist() == [
        ["elsewhere", "a linked folder, not followed"],
        ["gone.txt", "a broken (or looping) symbolic link"],
        ["loop-a", "a broken (or looping) symbolic link"],
        ["loop-b", "a broken (or looping) symbolic link"],
    ]


def test_a_binary_file_that_looks_like_utf16_is_skipped_as_binary(write_corpus):
    corpus = load_corpus(write_corpus({**GOOD, "blob.txt": b"\x00\x01\x02binary\x00\x00\x00\x00"}))
    assert corpus.articles["id"].tolist() == ["a", "b"]
    assert corpus.skipped[["path", "reason"]].values.tolist() == [
        ["blob.txt", "the file is binary (it contains NUL bytes)"]]


@pytest.mark.parametrize(
    ("extra", "where"),
    [
        # a quoted title over two lines: the bad row below it is on line 4, not 3
        ({"metadata.csv": 'id,outlet,url,published,language,title\n'
                          'a,X,,2022-01-01,ru,"two\nlines"\nb,Y,,2022-13-01,uk,t\n'},
         ("problems", "metadata.csv", 4)),
        # a CSV of articles: the row without text starts on line 4
        ({"t.csv": 'id,text\nc,"Мэр заявил, что мост откроют.\nВторая строка."\nd,\n'},
         ("skipped", "t.csv", 4)),
    ],
)
def test_line_numbers_count_the_line_breaks_inside_quoted_fields(write_corpus, extra, where):
    corpus = load_corpus(write_corpus({**GOOD, **extra}))
    table, path, line = where
    assert getattr(corpus, table)[["path", "line"]].values.tolist() == [[path, line]]


#: A file name in cp1251 bytes, as a Windows archive unpacked on Linux leaves it.
BAD_NAME = os.fsdecode("статья".encode("cp1251") + b".txt")
SHOWN_NAME = r"\xf1\xf2\xe0\xf2\xfc\xff.txt"
#: Stands for a symbolic link to a file that does not exist.
DANGLING = object()


def _hostile(case: str) -> dict[str, object]:
    """The corpus of one hostile case: the good articles plus one bad input."""
    bad = {
        "bad-json": {"rows.jsonl": '{"id": "c", "text": "Мэр заявил."}\n{broken\n'},
        "binary": {"x.txt": bytes(range(256)) * 4},
        "utf16-like-binary": {"x.txt": b"\x00\x01\x02binary\x00\x00\x00\x00"},
        "no-text-row": {"rows.csv": "id,text\nc,\n"},
        "bad-meta-date": {"metadata.csv": "id,published\na,31.02.2022\n"},
        "null-date": {"metadata.csv": "id,published\na,0001-01-01\n"},
        "pdf": {"report.pdf": b"%PDF-1.4"},
        "empty": {"empty.txt": b""},
        "no-break-spaces": {"blank.txt": "\u00a0\u00a0\n\u00a0".encode()},
        "cut-utf8": {"cut.txt": (TEXT + "ы").encode()[:-1]},
        "stray-nul": {"nul.txt": TEXT.encode() + b"\x00"},
        "mixed-encodings": {"mixed.txt": TEXT.encode() + b"\n" + TEXT.encode("cp1251")},
        "name-not-utf8": {BAD_NAME: TEXT},
        "dangling-link": {"dead.txt": DANGLING},
        "table-language": {"rows.jsonl": '{"id": "c", "text": "Мэр заявил, что парк откроют.",'
                                          ' "language": "en"}\n'},
        "huge-field": {"metadata.csv": "id,outlet,url,published,language\na," + "Х" * 140_000
                       + ",,,ru\n"},
        "url-number": {"rows.jsonl": '{"id": "c", "text": "Мэр заявил.", "url": 12345}\n'},
    }[case]
    return {**GOOD, **bad}


def _write_hostile(write_corpus, case: str):
    files = _hostile(case)
    root = write_corpus({k: v for k, v in files.items() if v is not DANGLING})
    for name in (k for k, v in files.items() if v is DANGLING):
        (root / name).symlink_to(root / "nowhere.txt")
    return root


@pytest.mark.parametrize(
    ("case", "warning", "article"),
    [
        # (the case, the warning that names the input, an article that must come out of it)
        ("bad-json", "rows.jsonl:2: skipped: not valid JSON", "c"),
        ("binary", "x.txt: skipped: the file is binary", None),
        ("utf16-like-binary", "x.txt: skipped: the file is binary", None),
        ("no-text-row", "rows.csv:2: skipped: a row without text", None),
        ("bad-meta-date", "metadata.csv:2: bad date '31.02.2022' for 'a'", None),
        ("null-date", "metadata.csv:2: bad date '0001-01-01' for 'a'", None),
        ("pdf", "report.pdf: skipped: unsupported file type '.pdf'", None),
        ("empty", "empty.txt: skipped: the file is empty", None),
        ("no-break-spaces", "blank.txt: skipped: the file is empty", None),
        ("cut-utf8", "cut.txt: read as utf-8, last character cut off", "cut"),
        ("stray-nul", "nul.txt: read as utf-8, NUL bytes removed", "nul"),
        ("mixed-encodings", "mixed.txt: read as utf-8 and cp1251 (mixed lines)", "mixed"),
        ("name-not-utf8", f"{SHOWN_NAME}: the file name is not valid UTF-8",
         SHOWN_NAME.removesuffix(".txt")),
        ("dangling-link", "dead.txt: skipped: a broken (or looping) symbolic link", None),
        ("table-language", "rows.jsonl: unknown language 'en' for 'c'", "c"),
        ("huge-field", None, None),
        ("url-number", None, "c"),
    ],
)
def test_the_cli_names_each_bad_input_and_keeps_the_good_articles(
    write_corpus, capsys, case, warning, article
):
    root = _write_hostile(write_corpus, case)
    assert main(["articles", str(root), "--format", "csv"]) == 0
    out, err = capsys.readouterr()
    ids = {line.split(",")[0] for line in out.splitlines()[1:]}
    assert {"a", "b"} <= ids
    if warning is None:
        assert "presslens: warning" not in err
    else:
        assert f"presslens: warning: {warning}" in err
        assert "presslens: warning: in all: " in err.splitlines()[-1]
    if article is not None:
        assert article in ids


@pytest.mark.parametrize("case", ["cut-utf8", "stray-nul", "mixed-encodings", "name-not-utf8"])
def test_a_damaged_file_is_decoded_to_its_text(write_corpus, case):
    corpus = load_corpus(_write_hostile(write_corpus, case))
    texts = corpus.articles.set_index("id")["text"].drop(["a", "b"]).tolist()
    assert texts and all(line == TEXT for t in texts for line in t.split("\n"))


def test_a_lone_carriage_return_in_an_unquoted_field_is_a_line_break():
    from presslens.corpus.metadata import csv_reader, csv_rows

    reader, errors = csv_reader("id,text\na,x\rb\nc,y\n"), []
    next(reader)
    assert list(csv_rows(reader, errors)) == [(2, ["a", "x"]), (3, ["b"]), (4, ["c", "y"])]
    assert errors == []


def test_csv_rows_carry_on_past_a_row_the_csv_module_refuses():
    import csv
    import io

    from presslens.corpus.metadata import csv_rows

    # without line-break translation the csv module refuses the row with a lone \r
    reader, errors = csv.reader(io.StringIO("id,text\na,x\rb\nc,y\n")), []
    next(reader)
    assert list(csv_rows(reader, errors)) == [(3, ["c", "y"])]
    assert errors == [(2, "not valid CSV (new-line character seen in unquoted field - do you "
                          "need to open the file in universal-newline mode?)")]


def test_copies_of_one_file_do_not_make_its_lines_boilerplate(write_corpus):
    copies = {f"copy{k}.txt": TEXT for k in range(3)}
    corpus = load_corpus(write_corpus({**GOOD, **copies}))
    texts = corpus.articles.set_index("id")["text"]
    assert texts[["copy0", "copy1", "copy2"]].tolist() == [TEXT] * 3
    assert sorted(corpus.duplicates["id"]) == ["copy1", "copy2"]
