"""Property tests: random bytes, metadata rows and Cyrillic text never crash the flow, and every
input ends as an article or as a named skip.

Hypothesis runs derandomized (a fixed seed) with a bounded number of examples, so CI sees the same
cases every run.
"""

import datetime as dt

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presslens.corpus.clean import clean_text
from presslens.corpus.decode import UndecodableError, decode_bytes
from presslens.corpus.load import load_corpus
from presslens.dates import find_dates
from presslens.statements.extract import statements

FIXED = settings(
    derandomize=True,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

GOOD = "Мэр Одессы Петр Гончаренко заявил журналистам, что мост откроют 12 мая."

#: Cyrillic words, quote marks, dashes, digits and line breaks, mixed at random.
PIECES = st.sampled_from(
    [
        "заявил", "сказав", "Зеленский", "Песков", "мэр", "у вівторок", "12 января", "2022",
        "13-10", "32", "0000", "9999", "«", "»", "\"", "“", "”", "„", "—", "–", "-", ":", ",",
        ".", "?", "\n", "\n\n", " ", "  ", "\u00a0", "года", "року", "вчера", "в мае",
        "01.01.0001", "31.12.9999", "Читайте также", "Фото:", "ʼ", "'",
    ]
)
TEXT = st.lists(PIECES, min_size=1, max_size=60).map(" ".join)


@FIXED
@given(st.binary(max_size=2000))
def test_random_bytes_decode_or_are_refused_with_a_reason(data):
    try:
        text, encoding = decode_bytes(data)
    except UndecodableError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str) and encoding


@FIXED
@given(st.lists(st.binary(max_size=600), min_size=1, max_size=4))
def test_every_random_file_is_an_article_or_a_named_skip(tmp_path_factory, blobs):
    root = tmp_path_factory.mktemp("corpus")
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    for k, blob in enumerate(blobs):
        (root / f"r{k}.txt").write_bytes(blob)
    corpus = load_corpus(root)
    assert "good" in corpus.articles["id"].tolist()
    accounted = set(corpus.articles["path"]) | set(corpus.skipped["path"])
    assert accounted == {"good.txt", *(f"r{k}.txt" for k in range(len(blobs)))}
    assert corpus.skipped["reason"].str.len().gt(0).all()


CELL = st.text(alphabet=st.sampled_from(list("аб,\"\n\r;x 0-9.1") + ["\u00a0", "«"]),
               max_size=12)


@FIXED
@given(st.lists(st.tuples(CELL, CELL, CELL), max_size=6))
def test_random_metadata_rows_never_lose_the_articles(tmp_path_factory, rows):
    root = tmp_path_factory.mktemp("corpus")
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    lines = ["id,published,language"] + [",".join(r) for r in rows]
    (root / "metadata.csv").write_text("\n".join(lines), encoding="utf-8")
    corpus = load_corpus(root)
    assert corpus.articles["id"].tolist() == ["good"]
    assert corpus.articles["text"].iloc[0] == GOOD


@FIXED
@given(TEXT)
def test_the_cleaner_accounts_for_every_line(raw):
    cleaned = clean_text(raw)
    kept = set(cleaned.lines)
    removed = {r.line for r in cleaned.removed}
    lines = raw.replace("\r\n", "\n").split("\n")
    nonblank = {k for k, line in enumerate(lines, start=1) if line.strip()}
    assert nonblank <= kept | removed
    assert all(r.reason for r in cleaned.removed)


@FIXED
@given(TEXT, st.sampled_from(["ru", "uk"]))
def test_dates_in_random_text_are_real_spans(text, language):
    found = find_dates(text, dt.date(2022, 1, 5), language)
    for row in found.itertuples():
        assert text[row.start:row.end] == row.text
        if pd.notna(row.date_start):
            assert row.date_start <= row.date_end


@FIXED
@given(TEXT, st.sampled_from(["ru", "uk"]))
def test_statements_in_random_text_point_into_the_text(text, language):
    articles = pd.DataFrame([{"id": "x", "text": text, "language": language,
                              "published": pd.Timestamp("2022-01-05"), "outlet": "o"}])
    found = statements(articles)
    for row in found.itertuples():
        assert 0 <= row.start < row.end <= len(text)
