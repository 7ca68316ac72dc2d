"""Date phrases of ru and uk text, resolved against the publication date (never today)."""

from __future__ import annotations

import pandas as pd
import pytest

from presslens.dates import find_dates, parse, patterns


def _one(text, published, language):
    found = find_dates(text, published, language)
    assert len(found) == 1, found[["text"]]
    row = found.iloc[0]
    first = None if pd.isna(row["date_start"]) else row["date_start"].strftime("%Y-%m-%d")
    last = None if pd.isna(row["date_end"]) else row["date_end"].strftime("%Y-%m-%d")
    return row, first, last


@pytest.mark.parametrize(
    ("text", "published", "language", "phrase", "first", "last"),
    [
        # day and month: the year by proximity and tense
        (
            "Переговоры состоятся 12 января в Женеве.",
            "2022-01-09",
            "ru",
            "12 января",
            "2022-01-12",
            "2022-01-12",
        ),
        (
            "Як відомо, 15 грудня Росія оприлюднила пропозиції.",
            "2022-01-26",
            "uk",
            "15 грудня",
            "2021-12-15",
            "2021-12-15",
        ),
        (
            "Столтенберг передав відповідь 26 січня.",
            "2022-01-26",
            "uk",
            "26 січня",
            "2022-01-26",
            "2022-01-26",
        ),
        (
            "Саммит пройдет 15 декабря.",
            "2022-01-26",
            "ru",
            "15 декабря",
            "2022-12-15",
            "2022-12-15",
        ),
        (
            "17 декабря МИД РФ обнародовал проект договора.",
            "2022-01-07",
            "ru",
            "17 декабря",
            "2021-12-17",
            "2021-12-17",
        ),
        # ranges keep both ends, across a month and a year too
        (
            "10-13 января состоялись три раунда переговоров.",
            "2022-01-18",
            "ru",
            "10-13 января",
            "2022-01-10",
            "2022-01-13",
        ),
        (
            "Навчання тривали з 30 листопада – 2 грудня.",
            "2022-01-10",
            "uk",
            "30 листопада – 2 грудня",
            "2021-11-30",
            "2021-12-02",
        ),
        # written in full
        (
            "Документ подписан 12.01.2022 в Брюсселе.",
            None,
            "ru",
            "12.01.2022",
            "2022-01-12",
            "2022-01-12",
        ),
        (
            "Начиная от Хельсинкского акта 1975 года.",
            "2022-01-07",
            "ru",
            "1975 года",
            "1975-01-01",
            "1975-12-31",
        ),
        (
            "Після 1997 року до Альянсу вступили 14 країн.",
            "2022-01-26",
            "uk",
            "1997 року",
            "1997-01-01",
            "1997-12-31",
        ),
        # weekdays, in the direction of the tense
        (
            "Компромиссы возможны, заявил в воскресенье генсек НАТО.",
            "2022-01-09",
            "ru",
            "в воскресенье",
            "2022-01-09",
            "2022-01-09",
        ),
        (
            "Держсекретар у четвер заявив про підтримку.",
            "2022-05-20",
            "uk",
            "у четвер",
            "2022-05-19",
            "2022-05-19",
        ),
        (
            "Зустріч відбудеться у понеділок.",
            "2022-05-20",
            "uk",
            "у понеділок",
            "2022-05-23",
            "2022-05-23",
        ),
        (
            "В прошлую пятницу министр выступил в парламенте.",
            "2022-01-26",
            "ru",
            "В прошлую пятницу",
            "2022-01-21",
            "2022-01-21",
        ),
        # relative days and periods
        (
            "Сегодня союзники встретились.",
            "2022-01-07",
            "ru",
            "Сегодня",
            "2022-01-07",
            "2022-01-07",
        ),
        (
            "Вчера министр выступил в парламенте.",
            "2022-12-05",
            "ru",
            "Вчера",
            "2022-12-04",
            "2022-12-04",
        ),
        ("Учора відбулася зустріч.", "2022-12-05", "uk", "Учора", "2022-12-04", "2022-12-04"),
        (
            "Консультации пройдут на следующей неделе.",
            "2022-01-09",
            "ru",
            "на следующей неделе",
            "2022-01-10",
            "2022-01-16",
        ),
        (
            "Відповідь надішлють цього тижня.",
            "2022-01-26",
            "uk",
            "цього тижня",
            "2022-01-24",
            "2022-01-30",
        ),
        # a month alone is the whole month, year by tense
        (
            "В декабре МИД обнародовал проект.",
            "2022-01-07",
            "ru",
            "В декабре",
            "2021-12-01",
            "2021-12-31",
        ),
        (
            "У березні відбудеться саміт.",
            "2022-01-07",
            "uk",
            "У березні",
            "2022-03-01",
            "2022-03-31",
        ),
    ],
)
def test_phrase_resolves(text, published, language, phrase, first, last):
    row, got_first, got_last = _one(text, published, language)
    assert row["text"] == phrase
    assert text[row["start"] : row["end"]] == phrase
    assert (got_first, got_last) == (first, last)


@pytest.mark.parametrize(
    ("text", "language", "kind", "year", "month", "day"),
    [
        ("Встреча назначена на 12 января.", "ru", "date", None, 1, 12),
        ("Зустріч призначено на 15 грудня.", "uk", "date", None, 12, 15),
        ("Это случилось в декабре.", "ru", "month", None, 12, None),
        ("Акт подписан в 1975 году.", "ru", "year", 1975, None, None),
    ],
)
def test_partial_dates_stay_partial(text, language, kind, year, month, day):
    row, first, last = _one(text, None, language)
    assert row["kind"] == kind
    assert (first, last) == ((None, None) if year is None else (f"{year}-01-01", f"{year}-12-31"))
    for column, value in (("year", year), ("month", month), ("day", day)):
        assert pd.isna(row[column]) if value is None else row[column] == value, column
    if year is None:
        assert row["basis"].startswith("unresolved")


def test_relative_phrase_without_publication_date_is_unresolved():
    row, first, last = _one("Вчера министр выступил.", None, "ru")
    assert (first, last) == (None, None)
    assert "publication date" in row["basis"]


def test_resolution_never_uses_today():
    # the same text in two articles a year apart gives two different days
    a = _one("15 грудня Росія оприлюднила пропозиції.", "2022-01-26", "uk")[1]
    b = _one("15 грудня Росія оприлюднила пропозиції.", "2023-01-26", "uk")[1]
    assert (a, b) == ("2021-12-15", "2022-12-15")


@pytest.mark.parametrize(
    "text",
    [
        "Уровень воды поднялся на 12 сантиметров.",
        "Майя Санду заявила о поддержке.",
        "За последние 25 лет в Альянс вступили 14 стран.",
        "Телефон: 044 123 45 67.",
    ],
)
def test_no_false_dates(text):
    assert find_dates(text, "2022-01-09", None).empty


def test_table_columns_and_sentence():
    text = "Первое предложение. Переговоры пройдут 12 января в Женеве."
    found = find_dates(text, "2022-01-09", "ru")
    assert list(found.columns) == [
        "text",
        "start",
        "end",
        "kind",
        "year",
        "month",
        "day",
        "date_start",
        "date_end",
        "tense",
        "basis",
        "sentence",
    ]
    assert found.iloc[0]["sentence"] == "Переговоры пройдут 12 января в Женеве."
    assert found.iloc[0]["tense"] == "future"


@pytest.mark.parametrize(
    "text",
    [
        "В прошлый вторник министр заявил, что в минулу п’ятницю ничего не было.",
        "У середу, 12 січня, у вівторок і наступного тижня — переговори.",
        "На следующей неделе и в этом году; вчера, ПОЗАВЧЕРА и в январе 2022 года.",
        "Во вторник-среду? в\nпятницу; прошлой  неделе, минулого місяця, январе.",
        "Вторникова среда, январский вчерашний текст без дат: неделька, годовой.",
    ],
)
def test_word_patterns_run_only_near_their_words_yet_find_the_same(text):
    # _scan tries the long word alternations only around their words; a full scan of
    # every position must find exactly the same phrases.
    restricted = [(m.text, m.start, m.kind) for m in parse.scan(text)]
    full = []
    for rank, (kind, pattern) in enumerate(patterns.date_patterns()):
        for m in pattern.finditer(text):
            mention = parse.read_mention(kind, m)
            if mention is not None:
                full.append((mention.start, -(mention.end - mention.start), rank, mention))
    kept = [(m.text, m.start, m.kind) for m in parse.select(text, full)]
    assert restricted == kept
    assert restricted  # every case names at least one date phrase
