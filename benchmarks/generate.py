"""Generate large, realistic, deterministic corpora of Russian and Ukrainian news articles.

Every article is a pure function of ``(seed, index)``: the 1k corpus is the first thousand
articles of the 10k one, and a run on another machine writes the same bytes.

What an article holds, and where it comes from:

* words: real ru/uk word forms drawn at their real frequencies (``wordfreq``, whose data ships
  in the wheel), mixed with the vocabulary of one of a few hundred topics, so that articles on
  the same topic are neighbours;
* paragraphs of sentences, a headline, a date stamp and an outlet's boilerplate around the body
  (navigation, "read also" links, prompts, counters), as a scraper leaves them;
* quotes with attributions, direct («…», — заявил министр Андрей Соколов.), introduced
  (Соколов заявил: «…».) and indirect (… заявила, что …), by invented people;
* dates in the text (10 января 2022 года, у понеділок) and a ``published`` date in metadata;
* near-duplicate reprints: a share of articles copies an earlier article of another outlet
  of the same language, with a sentence dropped and a word changed.

Run ``python -m benchmarks.generate --n 10000 --out /tmp/bench/corpus-10k``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

#: Share of Russian articles (the rest are Ukrainian).
RU_SHARE = 0.6
#: Share of articles that reprint an earlier article.
REPRINT_SHARE = 0.08
#: How many distinct word forms of each language are drawn from.
VOCABULARY = 60_000
#: How many topics articles are about.
TOPICS = 300
#: Words of each topic's own vocabulary.
TOPIC_WORDS = 60
#: Share of words drawn from the article's topic rather than the whole language.
TOPIC_SHARE = 0.15
#: The first publication day; articles spread over one year.
START = dt.date(2022, 1, 1)

# Invented outlets on reserved .example domains: (name, host, language).
OUTLETS = [
    ("Вечерний Вестник", "vestnik.example", "ru"),
    ("Новости Региона", "region-news.example", "ru"),
    ("Политический Обзор", "obzor.example", "ru"),
    ("Деловой Курьер", "kurier.example", "ru"),
    ("Северная Газета", "sever.example", "ru"),
    ("Столичный Телеграф", "telegraf.example", "ru"),
    ("Київський Кур'єр", "kuryer.example", "uk"),
    ("Вісті Дня", "visti.example", "uk"),
    ("Народна Правда", "pravda-narodna.example", "uk"),
    ("Західний Огляд", "ohliad.example", "uk"),
]

PEOPLE = {
    "ru": [
        ("Андрей Соколов", "министр иностранных дел", "m"),
        ("Ирина Власова", "пресс-секретарь правительства", "f"),
        ("Олег Нечаев", "депутат Государственной думы", "m"),
        ("Марина Громова", "глава комитета по обороне", "f"),
        ("Виктор Белов", "замминистра экономики", "m"),
        ("Павел Крылов", "мэр города", "m"),
        ("Елена Жукова", "официальный представитель МИД", "f"),
        ("Сергей Ветров", "генсек альянса", "m"),
    ],
    "uk": [
        ("Тарас Коваленко", "міністр закордонних справ", "m"),
        ("Оксана Мельник", "речниця уряду", "f"),
        ("Богдан Шевчук", "депутат Верховної Ради", "m"),
        ("Наталія Гнатюк", "голова комітету з питань оборони", "f"),
        ("Ярослав Бондар", "заступник міністра економіки", "m"),
        ("Андрій Ткачук", "міський голова", "m"),
        ("Ірина Кравець", "речниця МЗС", "f"),
        ("Василь Литвин", "генсек альянсу", "m"),
    ],
}

VERBS = {
    ("ru", "m"): ["заявил", "сказал", "отметил", "подчеркнул", "сообщил"],
    ("ru", "f"): ["заявила", "сказала", "отметила", "подчеркнула", "сообщила"],
    ("uk", "m"): ["заявив", "сказав", "зазначив", "наголосив", "повідомив"],
    ("uk", "f"): ["заявила", "сказала", "зазначила", "наголосила", "повідомила"],
}
THAT = {"ru": "что", "uk": "що"}
AS = {"ru": "Как", "uk": "Як"}
MONTHS = {
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
}
WEEKDAYS = {
    "ru": "в понедельник|во вторник|в среду|в четверг|в пятницу|в субботу|в воскресенье",
    "uk": "у понеділок|у вівторок|у середу|у четвер|у п'ятницю|у суботу|у неділю",
}
YEAR_WORD = {"ru": "года", "uk": "року"}
BOILERPLATE = {
    "ru": {
        "nav": ["Главная / Политика", "Главная / Экономика", "Главная / Общество"],
        "read": "Читайте также: ",
        "prompts": [
            "Подписывайтесь на наш канал в Telegram",
            "Поделиться в соцсетях",
            "Комментарии (0)",
        ],
        "ad": "Реклама",
    },
    "uk": {
        "nav": ["Головна / Політика", "Головна / Економіка", "Головна / Суспільство"],
        "read": "Читайте також: ",
        "prompts": [
            "Підписуйтесь на наш канал у Telegram",
            "Поділитися в соцмережах",
            "Коментарі (0)",
        ],
        "ad": "Реклама",
    },
}

_FORM = re.compile(r"^[а-яёіїєґ][а-яёіїєґ'’-]*$")


@dataclass(frozen=True)
class Vocabulary:
    """Word forms of one language with the cumulative distribution to draw them from."""

    words: np.ndarray
    cdf: np.ndarray


@lru_cache(maxsize=2)
def vocabulary(language: str, size: int = VOCABULARY) -> Vocabulary:
    """Return the ``size`` most frequent word forms of ``language`` with their frequencies.

    Only Cyrillic forms are kept (no digits, no Latin). The distribution is wordfreq's,
    truncated to ``size`` forms and renormalised.
    """
    from wordfreq import get_frequency_dict

    words, freqs = [], []
    for word, freq in get_frequency_dict(language).items():
        if not _FORM.match(word) or word.endswith("-"):
            continue
        if language == "uk" and any(ch in word for ch in "ыэъё"):
            continue
        if language == "ru" and any(ch in word for ch in "іїєґ'’"):
            continue
        words.append(word)
        freqs.append(freq)
        if len(words) == size:
            break
    cdf = np.cumsum(np.asarray(freqs, dtype=np.float64))
    return Vocabulary(np.asarray(words, dtype=object), cdf / cdf[-1])


@lru_cache(maxsize=2 * TOPICS)
def topic_words(language: str, topic: int, seed: int) -> np.ndarray:
    """Return the words a topic uses more than the language does (mid-frequency forms)."""
    vocab = vocabulary(language)
    rng = np.random.default_rng([seed, 7_919, topic, 0 if language == "ru" else 1])
    picks = rng.integers(300, min(20_000, len(vocab.words)), size=TOPIC_WORDS)
    return vocab.words[picks]


def _words(rng: np.random.Generator, language: str, topic: int, seed: int, n: int) -> list[str]:
    vocab = vocabulary(language)
    out = vocab.words[np.searchsorted(vocab.cdf, rng.random(n), side="right")]
    own = rng.random(n) < TOPIC_SHARE
    if own.any():
        pool = topic_words(language, topic, seed)
        out[own] = pool[rng.integers(0, len(pool), size=int(own.sum()))]
    return out.tolist()


def _clause(rng: np.random.Generator, language: str, topic: int, seed: int, lo: int, hi: int):
    words = _words(rng, language, topic, seed, int(rng.integers(lo, hi)))
    for k in range(3, len(words) - 2, int(rng.integers(5, 9))):
        words[k] += ","
    return " ".join(words).rstrip(",")


def _sentence(rng: np.random.Generator, language: str, topic: int, seed: int) -> str:
    body = _clause(rng, language, topic, seed, 6, 24)
    return body[:1].upper() + body[1:] + ("." if rng.random() < 0.93 else "?")


def _date_phrase(rng: np.random.Generator, language: str, day: dt.date) -> str:
    months = MONTHS[language].split()
    kind = rng.random()
    if kind < 0.4:
        return f"{day.day} {months[day.month - 1]}"
    if kind < 0.7:
        return f"{day.day} {months[day.month - 1]} {day.year} {YEAR_WORD[language]}"
    return WEEKDAYS[language].split("|")[day.weekday()]


def _quote(rng: np.random.Generator, language: str, topic: int, seed: int) -> str:
    name, role, gender = PEOPLE[language][int(rng.integers(len(PEOPLE[language])))]
    verb = VERBS[(language, gender)][int(rng.integers(5))]
    content = _sentence(rng, language, topic, seed).rstrip(".?")
    if rng.random() < 0.4:
        content += ". " + _sentence(rng, language, topic, seed).rstrip(".?")
    lower = content[:1].lower() + content[1:]
    shape = rng.random()
    if shape < 0.4:
        return f"«{content}», — {verb} {role} {name}."
    if shape < 0.6:
        return f"{name} {verb}: «{content}»."
    if shape < 0.8:
        return f"{AS[language]} {verb} {role} {name}, {lower}."
    return f"{role[:1].upper() + role[1:]} {name} {verb}, {THAT[language]} {lower}."


@dataclass(frozen=True)
class Article:
    """One generated article: its metadata and raw text as a scraper would save it."""

    id: str
    outlet: str
    host: str
    language: str
    published: dt.date
    title: str
    body: list[str]
    raw: str
    reprint_of: str | None


def _content(seed: int, index: int) -> tuple[str, int, dt.date, str, list[str]]:
    """Return an article's own language, topic, date, title and paragraphs."""
    rng = np.random.default_rng([seed, index])
    language = "ru" if rng.random() < RU_SHARE else "uk"
    topic = int(rng.integers(TOPICS))
    published = START + dt.timedelta(days=int(index * 365 / 100_000 + rng.integers(0, 3)) % 365)
    title = _sentence(rng, language, topic, seed).rstrip(".?")
    title = " ".join(title.split()[:9]).rstrip(",")
    paragraphs = []
    for _ in range(int(rng.integers(9, 19))):
        sentences = []
        for _ in range(int(rng.integers(1, 6))):
            roll = rng.random()
            if roll < 0.12:
                sentences.append(_quote(rng, language, topic, seed))
            elif roll < 0.2:
                day = published - dt.timedelta(days=int(rng.integers(0, 10)))
                phrase = _date_phrase(rng, language, day)
                rest = _clause(rng, language, topic, seed, 6, 18)
                sentences.append(f"{phrase[:1].upper() + phrase[1:]} {rest}.")
            else:
                sentences.append(_sentence(rng, language, topic, seed))
        paragraphs.append(" ".join(sentences))
    return language, topic, published, title, paragraphs


def _outlet(rng: np.random.Generator, language: str, avoid: str | None = None):
    choices = [o for o in OUTLETS if o[2] == language and o[0] != avoid]
    return choices[int(rng.integers(len(choices)))]


def _edit(rng: np.random.Generator, paragraphs: list[str], language: str, seed: int, topic: int):
    """Reprint ``paragraphs`` with one sentence dropped and one word changed."""
    out = list(paragraphs)
    k = int(rng.integers(len(out)))
    parts = out[k].split(". ")
    if len(parts) > 1:
        del parts[int(rng.integers(len(parts)))]
        out[k] = ". ".join(parts)
    k = int(rng.integers(len(out)))
    words = out[k].split(" ")
    j = int(rng.integers(len(words)))
    if words[j].isalpha() and words[j].islower():
        words[j] = _words(rng, language, topic, seed, 1)[0]
    out[k] = " ".join(words)
    return out


def _source_of(seed: int, index: int, language: str) -> int | None:
    """Return the article that article ``index`` reprints (None for an original)."""
    rng = np.random.default_rng([seed, index, 1])
    _outlet(rng, language)
    if index >= 20 and rng.random() < REPRINT_SHARE:
        return index - int(rng.integers(1, min(index, 300) + 1))
    return None


def article(seed: int, index: int) -> Article:
    """Generate article number ``index`` of the corpus made with ``seed``.

    Parameters
    ----------
    seed : int
        The corpus seed.
    index : int
        The article's number (0-based).

    Returns
    -------
    Article
        The article, with its raw text (headline, date stamp, boilerplate and body).
    """
    rng = np.random.default_rng([seed, index, 1])
    language, topic, published, title, paragraphs = _content(seed, index)
    name, host, _ = _outlet(rng, language)
    reprint_of = None
    if index >= 20 and rng.random() < REPRINT_SHARE:
        source = index - int(rng.integers(1, min(index, 300) + 1))
        language, topic, _, title, paragraphs = _content(seed, source)
        source_outlet = _outlet(np.random.default_rng([seed, source, 1]), language)[0]
        name, host, _ = _outlet(rng, language, avoid=source_outlet)
        paragraphs = _edit(rng, paragraphs, language, seed, topic)
        # When the source is itself a reprint, it shows other words than its own: these
        # paragraphs are then printed nowhere else, and this article is no reprint.
        if _source_of(seed, source, language) is None:
            reprint_of = article_id(seed, source)
    words = BOILERPLATE[language]
    stamp = f"{published:%d.%m.%Y} {int(rng.integers(7, 23)):02d}:{int(rng.integers(60)):02d}"
    lines = [words["nav"][int(rng.integers(3))], title, stamp]
    lines += paragraphs[: len(paragraphs) // 2]
    if rng.random() < 0.5:
        lines.append(words["ad"])
    lines += paragraphs[len(paragraphs) // 2 :]
    other = _content(seed, int(rng.integers(0, index + 1)))[3]
    lines += [words["read"] + other, words["prompts"][0], str(int(rng.integers(10, 5000)))]
    lines += words["prompts"][1:]
    return Article(
        id=article_id(seed, index),
        outlet=name,
        host=host,
        language=language,
        published=published,
        title=title,
        body=paragraphs,
        raw="\n".join(lines) + "\n",
        reprint_of=reprint_of,
    )


def article_id(seed: int, index: int) -> str:
    """Return the id (file stem) of article ``index``: sortable, unique per seed."""
    return f"a{index:07d}_{seed % 1000:03d}"


def write_corpus(
    out: str | Path, n: int, seed: int = 0, fmt: str = "txt", shard_size: int = 1000
) -> Path:
    """Write a corpus of ``n`` generated articles into the folder ``out``.

    Parameters
    ----------
    out : str or pathlib.Path
        The folder (created; files already there are overwritten).
    n : int
        How many articles.
    seed : int, default 0
        The corpus seed.
    fmt : {"txt", "jsonl"}, default "txt"
        ``txt``: one file per article in one sub-folder per outlet host, plus ``metadata.csv``
        (id, outlet, url, published, language); ``jsonl``: shards of ``shard_size`` articles
        with the same fields and ``text``.
    shard_size : int, default 1000
        Articles per jsonl shard.

    Returns
    -------
    pathlib.Path
        The folder. ``<folder>.truth.csv`` beside it lists each article's id, outlet,
        language and the id of the article it reprints (``reprint_of``, empty for an
        original); it is not part of the corpus.
    """
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    truth_rows, meta_rows, shard = [], [], []
    for index in range(n):
        art = article(seed, index)
        url = f"https://{art.host}/news/{index}"
        meta_rows.append([art.id, art.outlet, url, art.published.isoformat(), art.language])
        truth_rows.append([art.id, art.outlet, art.language, art.reprint_of or ""])
        if fmt == "txt":
            folder = root / art.host
            folder.mkdir(exist_ok=True)
            (folder / f"{art.id}.txt").write_text(art.raw, encoding="utf-8")
        else:
            keys = ["id", "outlet", "url", "published", "language"]
            rec = dict(zip(keys, meta_rows[-1], strict=True))
            shard.append(json.dumps(rec | {"text": art.raw}, ensure_ascii=False))
            if len(shard) == shard_size or index == n - 1:
                name = root / f"shard-{index // shard_size:05d}.jsonl"
                name.write_text("\n".join(shard) + "\n", encoding="utf-8")
                shard = []
    if fmt == "txt":
        with open(root / "metadata.csv", "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(["id", "outlet", "url", "published", "language"])
            writer.writerows(meta_rows)
    truth = root.parent / f"{root.name}.truth.csv"
    with open(truth, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "outlet", "language", "reprint_of"])
        writer.writerows(truth_rows)
    return root


def main(argv: list[str] | None = None) -> int:
    """Write a generated corpus from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, required=True, help="number of articles")
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=["txt", "jsonl"], default="txt")
    args = parser.parse_args(argv)
    write_corpus(args.out, args.n, args.seed, args.format)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
