"""Tests for presslens.nlp: tokens, sentences, lemmas (names included) and stop words."""

from __future__ import annotations

import pytest

from presslens.nlp import STOP_WORDS, lemma, lemmatize, normalize_word, sentences, tokenize


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Зв’язку немає.", ["Зв’язку", "немає", "."]),
        ("м'ясо і пір'я", ["м'ясо", "і", "пір'я"]),
        ("сім’ї та об'єднання", ["сім’ї", "та", "об'єднання"]),
        ("здоровʼя", ["здоровʼя"]),
        # a quote mark written with apostrophes stays punctuation
        ("слово 'так' сказано", ["слово", "'", "так", "'", "сказано"]),
        ("Совет Россия-НАТО, 10-13 января.", ["Совет", "Россия-НАТО", ",", "10-13", "января", "."]),
    ],
)
def test_tokenize_keeps_ukrainian_apostrophes(text, expected):
    tokens = tokenize(text)
    assert [t.text for t in tokens] == expected
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_sentences_offsets_and_columns():
    text = "Столтенберг заявил: «Мы готовы». Рябков ответил, что нет. Ще одне речення."
    frame = sentences(text)
    assert list(frame.columns) == ["sentence", "start", "end", "text"]
    assert frame["sentence"].tolist() == [0, 1, 2]
    assert frame["text"].tolist() == [
        "Столтенберг заявил: «Мы готовы».",
        "Рябков ответил, что нет.",
        "Ще одне речення.",
    ]
    for row in frame.itertuples():
        assert text[row.start : row.end] == row.text


def test_sentences_of_empty_text():
    frame = sentences("")
    assert list(frame.columns) == ["sentence", "start", "end", "text"]
    assert frame.empty


@pytest.mark.parametrize(
    "word, language, expected",
    [
        # common words
        ("заявил", "ru", "заявить"),
        ("переговорах", "ru", "переговоры"),
        ("безопасности", "ru", "безопасность"),
        ("заявив", "uk", "заявити"),
        ("переговорів", "uk", "переговори"),
        ("безпеки", "uk", "безпека"),
        ("зв'язку", "uk", "зв'язка"),
        ("зв’язку", "uk", "зв'язка"),  # typographic apostrophe read like the ASCII one
        # surnames stay surnames, in every case
        ("Рябков", "ru", "рябков"),
        ("Рябкова", "ru", "рябков"),
        ("Песков", "ru", "песков"),
        ("Столтенберг", "ru", "столтенберг"),
        ("Столтенберга", "ru", "столтенберг"),
        ("Столтенбергу", "ru", "столтенберг"),
        ("Столтенбергом", "uk", "столтенберг"),
        ("Рябкова", "uk", "рябков"),
        ("Зеленского", "ru", "зеленский"),
        ("Путіна", "uk", "путін"),
        ("Блинкена", "ru", "блинкен"),
        ("Блінкена", "uk", "блінкен"),
        # places and organisations
        ("Женеве", "ru", "женева"),
        ("Женеві", "uk", "женева"),
        ("Росії", "uk", "росія"),
        ("Россией", "ru", "россия"),
        ("Госдепа", "ru", "госдеп"),
        ("Кремля", "ru", "кремль"),
        # acronyms are kept (НАТО is not the vocative of the name Ната)
        ("НАТО", "uk", "нато"),
        ("США", "ru", "сша"),
        # Latin words are lower-cased
        ("CNN", "ru", "cnn"),
        # ё is written е
        ("пройдёт", "ru", "пройти"),
    ],
)
def test_lemma(word, language, expected):
    assert lemma(word, language) == expected


def test_lemma_capital_at_sentence_start_is_a_common_word():
    assert lemma("Компромиссы", "ru", sentence_start=True) == "компромисс"
    # ... but a surname at the start of a sentence stays a surname
    assert lemma("Рябков", "ru", sentence_start=True) == "рябков"


def test_lemma_unknown_language_falls_back_to_russian():
    assert lemma("заявил", None) == "заявить"


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (
            "Генсек НАТО Йенс Столтенберг заявил, что Альянс готов к диалогу.",
            "ru",
            ["генсек", "нато", "йенс", "столтенберг", "заявить", "альянс", "готовый", "диалог"],
        ),
        (
            "Сергій Рябков заявив, що Росія не піде на поступки.",
            "uk",
            ["сергій", "рябков", "заявити", "росія", "піти", "поступка"],
        ),
        (
            "Рябков добавил: «Переговоры будут трудными». Компромиссы невозможны.",
            "ru",
            ["рябков", "добавить", "переговоры", "трудный", "компромисс", "невозможный"],
        ),
        # numbers, dates and punctuation are dropped; a multiword name is kept whole
        (
            "10-13 января 2022 года в Брюсселе пройдёт заседание Совета Россия-НАТО.",
            "ru",
            ["январь", "брюссель", "пройти", "заседание", "совет", "россия-нато"],
        ),
        # language None: detected (Ukrainian here)
        (
            "Міністр заявив, що зустріч у Женеві відбудеться.",
            None,
            ["міністр", "заявити", "зустріч", "женева", "відбутися"],
        ),
    ],
)
def test_lemmatize(text, language, expected):
    assert lemmatize(text, language) == expected


def test_lemmatize_drops_stop_words_of_both_languages():
    assert lemmatize("что это было, що це було", "ru") == []


@pytest.mark.parametrize("word", ["что", "это", "который", "що", "це", "також", "який", "вони"])
def test_stop_words_include_function_words(word):
    assert word in STOP_WORDS


@pytest.mark.parametrize("word", ["россия", "война", "страна", "москва", "нато", "безпека"])
def test_stop_words_keep_news_content(word):
    assert word not in STOP_WORDS


def test_stop_words_cover_ukrainian_beyond_stopwords_iso():
    # stopwords-iso has 73 Ukrainian words; the stop_words package adds the rest
    assert {"багато", "тепер", "зараз", "тільки"} <= STOP_WORDS


def test_normalize_word():
    assert normalize_word("Зв’язку") == "зв'язку"
    assert normalize_word("Пройдёт") == "пройдет"


def test_each_word_form_is_analysed_once():
    from presslens import nlp

    nlp._lemma.cache_clear()
    nlp._content_lemma.cache_clear()
    text = "Рябков заявил. Рябков заявил снова, и Рябков заявил ещё раз."
    lemmatize(text, "ru")
    first = nlp._lemma.cache_info()
    first_tokens = nlp._content_lemma.cache_info()
    lemmatize(text, "ru")
    second = nlp._lemma.cache_info()
    second_tokens = nlp._content_lemma.cache_info()
    # Рябков at the start of a sentence and inside one are two keys; заявил, снова, раз, ещё …
    assert first.misses <= 6
    assert second.misses == first.misses  # the second pass analyses nothing again
    assert second_tokens.misses == first_tokens.misses
    assert second_tokens.hits > first_tokens.hits  # it is served from the token cache
