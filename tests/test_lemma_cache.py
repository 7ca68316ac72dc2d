"""The persisted lemma cache: a Parquet file of analysed word forms, valid for one key.

Read back, it gives the same lemmas and matrices without analysing a form again; a file of
other dictionaries or rules, or one that is not a lemma cache, is ignored with a warning.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo's benchmarks/ package

from benchmarks.generate import write_corpus  # noqa: E402
from presslens.corpus.load import load_corpus  # noqa: E402
from presslens.text import lemma_cache, lemmas  # noqa: E402
from presslens.text.vectorize import LemmaVectorizer  # noqa: E402

TEXTS = [
    ("Людей эвакуировали. Власти эвакуировали Людей из Мариуполя, заявил Рябков.", "ru",
     ["человек", "эвакуировать", "власть", "эвакуировать", "людей", "мариуполь", "заявить",
      "рябков"]),
    ("Сергій Рябков заявив, що Росія не піде на поступки.", "uk",
     ["сергій", "рябков", "заявити", "росія", "піти", "поступка"]),
    ("Генсек НАТО Йенс Столтенберг заявил, что Альянс готов к диалогу.", "ru",
     ["генсек", "нато", "йенс", "столтенберг", "заявить", "альянс", "готовый", "диалог"]),
]


class _Spy(list):
    """Calls ``_analyse_form`` through, noting each word form pymorphy3 is asked about."""

    def __init__(self, real):
        super().__init__()
        self.real = real

    def __call__(self, word, *args):
        self.append(word)
        return self.real(word, *args)


@pytest.fixture
def analysed(monkeypatch) -> list[str]:
    """The word forms pymorphy3 is asked about from now on."""
    spy = _Spy(lemmas._analyse_form)
    monkeypatch.setattr(lemmas, "_analyse_form", spy)
    return spy


def _fill_and_save(path: Path) -> int:
    lemmas._FormLemmas.cache_clear()
    for text, language, _ in TEXTS:
        lemmas.lemmatize(text, language)
    return lemma_cache.save_lemma_cache(path)


def test_saved_lemmas_are_read_back_without_analysing_again(tmp_path, analysed):
    path = tmp_path / "lemmas.parquet"
    written = _fill_and_save(path)
    assert written == lemmas.known_forms() == 25  # with the stop words (no content lemma)
    assert len(set(analysed)) == 18
    lemmas._FormLemmas.cache_clear()
    analysed.clear()
    assert lemma_cache.load_lemma_cache(path) == written
    assert lemmas._FormLemmas.positional["ru"] == {"Людей": ("людей", "человек")}
    for text, language, expected in TEXTS:
        assert lemmas.lemmatize(text, language) == expected
    assert analysed == []
    assert lemma_cache.load_lemma_cache(path) == written  # unchanged since: not read again


def test_the_file_is_plain_text_columns_with_its_key(tmp_path):
    path = tmp_path / "lemmas.parquet"
    _fill_and_save(path)
    schema = pq.read_schema(path)
    assert [(f.name, str(f.type)) for f in schema] == [
        ("language", "string"), ("form", "string"), ("inside", "string"), ("initial", "string")
    ]
    key = lemma_cache.lemma_cache_key()
    assert set(key) == {"pymorphy3", "pymorphy3-dicts-ru", "pymorphy3-dicts-uk",
                        "presslens-lemma-rules", "stop-words"}
    assert key["pymorphy3"] == "2.0.6"
    assert key["presslens-lemma-rules"] == str(lemmas.LEMMA_RULES_VERSION)


def _other_key(monkeypatch, name: str, value: str) -> None:
    real = lemma_cache.lemma_cache_key
    monkeypatch.setattr(lemma_cache, "lemma_cache_key", lambda: real() | {name: value})


def _write_table(path: Path, columns: dict) -> None:
    pq.write_table(pa.table(columns), path)


def _damage(path: Path, how: str, monkeypatch) -> None:
    if how in ("pymorphy3", "pymorphy3-dicts-ru", "pymorphy3-dicts-uk",
               "presslens-lemma-rules", "stop-words"):
        _other_key(monkeypatch, how, "0")
        _fill_and_save(path)
        monkeypatch.undo()
    elif how == "not parquet":
        path.write_bytes(b"PAR1 this is not a table")
    elif how == "another table":
        _write_table(path, {"id": ["a"], "text": ["b"]})
    elif how == "no key":
        _write_table(path, {"language": ["ru"], "form": ["Рябков"], "inside": ["рябок"],
                            "initial": ["рябок"]})


@pytest.mark.parametrize(
    "how",
    ["pymorphy3", "pymorphy3-dicts-ru", "pymorphy3-dicts-uk", "presslens-lemma-rules",
     "stop-words", "not parquet", "another table", "no key"],
)
def test_a_cache_of_another_key_or_shape_is_ignored_with_a_warning(tmp_path, monkeypatch, how):
    path = tmp_path / "lemmas.parquet"
    _damage(path, how, monkeypatch)
    lemmas._FormLemmas.cache_clear()
    with pytest.warns(UserWarning, match="ignored"):
        assert lemma_cache.load_lemma_cache(path) == 0
    assert lemmas.known_forms() == 0
    assert lemmas.lemmatize("Рябков заявил.", "ru") == ["рябков", "заявить"]


def test_a_missing_cache_reads_nothing(tmp_path, recwarn):
    assert lemma_cache.load_lemma_cache(tmp_path / "none.parquet") == 0
    assert not recwarn.list


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return load_corpus(write_corpus(tmp_path_factory.mktemp("gen") / "corpus", 60)).articles


@pytest.mark.parametrize(("corpus", "level"), [("seeds", "paragraph"), ("generated", "article")])
def test_the_same_matrix_with_and_without_the_cache(tmp_path, request, analysed, corpus, level):
    articles = request.getfixturevalue(corpus)
    articles = articles.articles if corpus == "seeds" else articles
    path = tmp_path / "lemmas.parquet"
    lemmas._FormLemmas.cache_clear()
    plain = LemmaVectorizer(level=level).fit_transform(articles)
    assert not path.exists() and analysed
    lemmas._FormLemmas.cache_clear()
    first = LemmaVectorizer(level=level, lemma_cache=path).fit_transform(articles)
    assert path.is_file()
    lemmas._FormLemmas.cache_clear()  # a new process: only the file knows the forms
    analysed.clear()
    vec = LemmaVectorizer(level=level, lemma_cache=path)
    again = vec.fit_transform(articles)
    assert analysed == []
    for X in (first, again):
        assert X.shape == plain.shape
        assert (X != plain).nnz == 0
    assert vec.get_params()["lemma_cache"] == path
