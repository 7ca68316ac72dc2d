"""The benchmark corpus generator: deterministic, real word forms, the structure of news."""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo's benchmarks/ package

from benchmarks.generate import (  # noqa: E402
    PEOPLE,
    article,
    topic_words,
    vocabulary,
    write_corpus,
)
from presslens.corpus.load import load_corpus  # noqa: E402


@pytest.fixture(scope="module")
def sample() -> list:
    return [article(0, i) for i in range(120)]


def test_an_article_is_a_pure_function_of_seed_and_index():
    assert article(0, 57) == article(0, 57)
    assert article(0, 57).raw != article(1, 57).raw
    assert article(0, 57).raw != article(0, 58).raw


def test_a_small_corpus_is_the_prefix_of_a_bigger_one(tmp_path):
    small = write_corpus(tmp_path / "small", 12)
    big = write_corpus(tmp_path / "big", 25)
    for path in sorted(small.rglob("*.txt")):
        assert path.read_bytes() == (big / path.relative_to(small)).read_bytes()
    assert len(list(small.rglob("*.txt"))) == 12
    assert len(list(big.rglob("*.txt"))) == 25


@pytest.mark.parametrize(
    ("language", "common", "foreign"),
    [("ru", {"в", "и", "на", "не", "что"}, "іїєґ"), ("uk", {"в", "на", "не", "що", "та"}, "ыэъё")],
)
def test_vocabulary_is_real_word_forms_by_frequency(language, common, foreign):
    vocab = vocabulary(language)
    assert common <= set(vocab.words[:15])
    assert not any(ch in w for w in vocab.words[:5000] for ch in foreign)
    assert all(not re.search(r"[\da-z]", w) for w in vocab.words[:5000])
    assert vocab.cdf[0] > 0.01 and vocab.cdf[-1] == pytest.approx(1.0)


@pytest.mark.parametrize(("language", "word", "low", "high"),
                         [("ru", "в", 0.02, 0.06), ("uk", "на", 0.012, 0.04)])
def test_words_come_at_their_real_frequency(sample, language, word, low, high):
    tokens = Counter()
    for art in sample:
        if art.language == language:
            tokens.update(w.lower() for w in re.findall(r"[а-яёіїєґ'’-]+", " ".join(art.body),
                                                        re.IGNORECASE))
    assert low < tokens[word] / sum(tokens.values()) < high


def test_languages_are_mixed_and_kept_apart(sample):
    langs = Counter(a.language for a in sample)
    assert 0.45 < langs["ru"] / len(sample) < 0.75
    for art in sample:
        text = " ".join(art.body).lower()
        if art.language == "ru":
            assert not re.search("[іїєґ]", text)
        else:
            assert not re.search("[ыэъё]", text)


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_articles_carry_attributed_quotes_and_dates(sample, language):
    arts = [a for a in sample if a.language == language]
    names = [p[0] for p in PEOPLE[language]]
    body = "\n".join(" ".join(a.body) for a in arts)
    assert re.search(r"«[^»]+», — \w+ [^.]*(" + "|".join(names) + r")\.", body)
    month = "января" if language == "ru" else "січня"
    assert re.search(rf"\b\d{{1,2}} {month}\b", body)
    with_quote = sum(any(n in " ".join(a.body) for n in names) for a in arts)
    assert with_quote / len(arts) > 0.8


def test_reprints_copy_an_earlier_article_of_another_outlet(sample):
    reprints = [a for a in sample if a.reprint_of]
    assert reprints
    by_id = {a.id: a for a in sample}
    for art in reprints:
        source = by_id[art.reprint_of]
        assert source.id < art.id
        assert source.language == art.language and source.outlet != art.outlet
        same = sum(p in source.body for p in art.body)
        assert len(art.body) - 2 <= same < len(art.body) + 1


def test_topics_have_their_own_mid_frequency_words():
    words = topic_words("ru", 3, 0)
    assert len(set(words)) > 40
    assert set(words).isdisjoint(vocabulary("ru").words[:300])
    assert list(words) == list(topic_words("ru", 3, 0))


def test_the_corpus_loads_and_the_cleaner_strips_the_boilerplate(tmp_path):
    root = write_corpus(tmp_path / "corpus", 40)
    corpus = load_corpus(root)
    arts = corpus.articles
    assert len(arts) == 40 and corpus.skipped.empty and corpus.problems.empty
    meta = {r["id"]: r for r in csv.DictReader(open(root / "metadata.csv", encoding="utf-8"))}
    assert arts["language"].tolist() == [meta[i]["language"] for i in arts["id"]]
    for art in arts.itertuples():
        assert "Подписывайтесь" not in art.text and "Підписуйтесь" not in art.text
        assert not art.text.startswith(("Главная", "Головна"))
    truth = list(csv.DictReader(open(tmp_path / "corpus.truth.csv", encoding="utf-8")))
    assert [r["id"] for r in truth] == sorted(arts["id"])


def test_jsonl_shards_hold_the_same_articles(tmp_path):
    txt = load_corpus(write_corpus(tmp_path / "txt", 15)).articles
    shards = write_corpus(tmp_path / "jsonl", 15, fmt="jsonl", shard_size=6)
    assert len(list(shards.glob("shard-*.jsonl"))) == 3
    jsonl = load_corpus(shards).articles
    assert jsonl["id"].tolist() == txt["id"].tolist()
    assert jsonl["text"].tolist() == txt["text"].tolist()
