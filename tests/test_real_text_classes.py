"""Failure classes found on real articles (benchmarks/quality), each guarded by sentences
written for the test in Russian and Ukrainian, never copied from the articles."""

import datetime as dt

import pandas as pd
import pytest

from presslens.corpus.clean import clean_text
from presslens.dates import find_dates
from presslens.statements.extract import statements
from presslens.statements.reported import find_statements

# --------------------------------------------------------------------------- dates

DATE_CASES = [
    # (text, published, language, phrase, first day, last day)
    # a span back: from the far count to the near one
    ("Склад затопило неделю-две недели назад.", "2017-02-12", "ru", "неделю-две недели назад",
     "2017-01-29", "2017-02-05"),
    ("Ціни зросли два-три дні тому.", "2020-05-10", "uk", "два-три дні тому", "2020-05-07",
     "2020-05-08"),
    # the edge of a period: the whole period, or from its start to the publication day
    ("Мост откроют до конца года.", "2022-05-10", "ru", "до конца года", "2022-01-01",
     "2022-12-31"),
    ("З початку тижня сталося три аварії.", "2025-12-24", "uk", "З початку тижня",
     "2025-12-22", "2025-12-24"),
    # quarters and halves of a year
    ("За перше півріччя 2016 року доходи зросли.", "2016-08-01", "uk",
     "перше півріччя 2016 року", "2016-01-01", "2016-06-30"),
    ("В первом квартале выручка упала.", "2019-05-01", "ru", "первом квартале", "2019-01-01",
     "2019-03-31"),
    # «до» a season: the coming one; «з/с вихідних»: since the last weekend
    ("Роботи мають завершитися до літа.", "2022-11-02", "uk", "до літа", "2023-06-01",
     "2023-08-31"),
    ("С выходных в городе нет воды.", "2024-10-16", "ru", "С выходных", "2024-10-12",
     "2024-10-13"),
    ("Встреча прошла 11 янв. в Минске.", "2023-01-20", "ru", "11 янв.", "2023-01-11", "2023-01-11"),
    ("Рішення ухвалили 17 лют. 2019 р.", "2019-03-01", "uk", "17 лют. 2019 р.", "2019-02-17",
     "2019-02-17"),
    ("Документ датирован January 21, 2022 года.", "2022-03-01", "ru", "January 21, 2022",
     "2022-01-21", "2022-01-21"),
    ("Пресс-релиз от Jan 12 разослали всем.", "2020-01-20", "ru", "Jan 12", "2020-01-12",
     "2020-01-12"),
    ("Завод построили в 1990-х годах.", "2018-05-05", "ru", "1990-х годах", "1990-01-01",
     "1999-12-31"),
    ("Так було ще у 2000-х.", "2018-05-05", "uk", "2000-х", "2000-01-01", "2009-12-31"),
    ("Суд назначен на вторник, 7 февраля.", "2023-01-30", "ru", "на вторник, 7 февраля",
     "2023-02-07", "2023-02-07"),
    # the weekday written with the date picks the year: 7 February 2022 was a Monday
    ("Засідання відбулося у понеділок, 7 лютого.", "2023-01-05", "uk", "у понеділок, 7 лютого",
     "2022-02-07", "2022-02-07"),
    ("Ремонт триватиме у квітні-травні.", "2021-03-10", "uk", "у квітні-травні", "2021-04-01",
     "2021-05-31"),
    ("Поставки ожидаются в декабре–январе.", "2020-11-02", "ru", "в декабре–январе",
     "2020-12-01", "2021-01-31"),
    (" date 2024-06-03 Мэр открыл мост.", "2024-06-03", "ru", "2024-06-03", "2024-06-03",
     "2024-06-03"),
    ("Накануне губернатор подписал указ.", "2019-09-10", "ru", "Накануне", "2019-09-09",
     "2019-09-09"),
    ("Напередодні мер підписав розпорядження.", "2019-09-10", "uk", "Напередодні", "2019-09-09",
     "2019-09-09"),
    # an infinitive carries the date: the nearest year, not the finite verb's tense
    ("Суд решил продлить арест до 15 июля.", "2017-04-12", "ru", "15 июля", "2017-07-15",
     "2017-07-15"),
    ("Мер розпорядився скликати сесію 9 червня.", "2021-05-18", "uk", "9 червня", "2021-06-09",
     "2021-06-09"),
    ("Он собирается подать документы в среду.", "2019-05-20", "ru", "в среду", "2019-05-22",
     "2019-05-22"),
    # a Friday's forecast for Friday is that Friday
    ("У п'ятницю буде дощ.", "2025-11-14", "uk", "У п'ятницю", "2025-11-14", "2025-11-14"),
    ("МОСКВА, 28 авг — Власти города открыли парк.", "2019-08-28", "ru", "28 авг", "2019-08-28",
     "2019-08-28"),
    ("План розрахований на 2026-й.", "2025-12-31", "uk", "2026-й", "2026-01-01", "2026-12-31"),
    ("Реформа почалася у 2004, сказав він.", "2020-01-01", "uk", "2004", "2004-01-01",
     "2004-12-31"),
    ("Цены вырастут до конца 2021 года.", "2021-05-01", "ru", "до конца 2021 года", "2021-01-01",
     "2021-12-31"),
    ("Встреча пройдет в среду, 1-го мая.", "2019-04-29", "ru", "в среду, 1-го мая", "2019-05-01",
     "2019-05-01"),
    ("Снег выпал в декабре прошлого года.", "2025-03-01", "ru", "в декабре прошлого года",
     "2024-12-01", "2024-12-31"),
    ("Цьогоріч урожай кращий.", "2022-08-01", "uk", "Цьогоріч", "2022-01-01", "2022-12-31"),
    ("Торік урожай був гіршим.", "2022-08-01", "uk", "Торік", "2021-01-01", "2021-12-31"),
    ("За минулу добу ворог здійснив три атаки.", "2023-04-23", "uk", "За минулу добу",
     "2023-04-22", "2023-04-23"),
    ("За минувшие сутки спасатели выехали 40 раз.", "2015-02-16", "ru", "За минувшие сутки",
     "2015-02-15", "2015-02-16"),
    ("Турнір відбудеться наступного літа.", "2025-12-06", "uk", "наступного літа", "2026-06-01",
     "2026-08-31"),
    ("Зимой было холодно.", "2021-03-10", "ru", "Зимой", "2020-12-01", "2021-02-28"),
    ("С начала лета цены выросли.", "2019-09-06", "ru", "С начала лета", "2019-06-01",
     "2019-09-06"),
    ("На вихідних очікується дощ.", "2025-11-14", "uk", "На вихідних", "2025-11-15",
     "2025-11-16"),
    ("На прошлых выходных было тепло.", "2025-11-14", "ru", "На прошлых выходных", "2025-11-08",
     "2025-11-09"),
    ("Найближчими вихідними буде тепло.", "2021-06-10", "uk", "Найближчими вихідними",
     "2021-06-12", "2021-06-13"),
    ("Год назад здесь шли бои.", "2015-02-22", "ru", "Год назад", "2014-02-22", "2014-02-22"),
    ("Три дні тому мер підписав указ.", "2021-06-10", "uk", "Три дні тому", "2021-06-07",
     "2021-06-07"),
    ("Это случилось 2 недели назад.", "2021-03-31", "ru", "2 недели назад", "2021-03-17",
     "2021-03-17"),
    ("Це сталося 5 вересня цього року.", "2014-10-01", "uk", "5 вересня цього року",
     "2014-09-05", "2014-09-05"),
    # a wrong weekday in the source never moves the day a year away
    ("В среду, 14 октября суд рассмотрел иск.", "2025-10-15", "ru", "В среду, 14 октября",
     "2025-10-14", "2025-10-14"),
    # the reporting verb outside a quotation does not date the quotation
    ("– Я прийняв рішення подати у відставку після засідання в середу, – сказав він.", "2019-05-20",
     "uk", "в середу", "2019-05-22", "2019-05-22"),
    # found on batches g–k (tests/test_real_text_more.py has their other classes)
    # the reporting verb before «что/що» does not date what it reports
    ("Він додав, що до зими мають звільнити ще кілька сіл.", "2022-10-19", "uk", "до зими",
     "2022-12-01", "2023-02-28"),
    ("Он добавил, что до зимы должны освободить еще несколько сел.", "2022-10-19", "ru",
     "до зимы", "2022-12-01", "2023-02-28"),
    # «до» a day: the day a state lasts until, even after a verb in the past
    ("Директор ушла в отпуск до 15 мая и не ответила родителям.", "2023-05-13", "ru", "15 мая",
     "2023-05-15", "2023-05-15"),
    ("Керівниця пішла у відпустку до 20 червня.", "2023-06-18", "uk", "20 червня",
     "2023-06-20", "2023-06-20"),
    # years in brackets after a name
    ("Виставку присвятили сержанту Івану Ковалю (1986-2023) та його побратимам.", "2024-07-15",
     "uk", "1986-2023", "1986-01-01", "2023-12-31"),
    # two weeks at once
    ("На прошлой и позапрошлой неделе заболели сотни детей.", "2017-02-08", "ru",
     "На прошлой и позапрошлой неделе", "2017-01-23", "2017-02-05"),
    ("Протягом минулого і позаминулого тижня хворіли сотні дітей.", "2017-02-08", "uk",
     "минулого і позаминулого тижня", "2017-01-23", "2017-02-05"),
    # the edge of a season is that season; a season with its year is that year's
    ("В конце весны начнется ремонт моста.", "2024-02-01", "ru", "В конце весны", "2024-03-01",
     "2024-05-31"),
    ("Весной 2014 года завод закрыли.", "2017-01-10", "ru", "Весной 2014 года", "2014-03-01",
     "2014-05-31"),
    ("Взимку 2022 року світла в селі не було.", "2024-01-10", "uk", "Взимку 2022 року",
     "2021-12-01", "2022-02-28"),
    # «по» before the edge of a period
    ("По концу года прибыль компании выросла.", "2016-05-05", "ru", "По концу года",
     "2016-01-01", "2016-12-31"),
]


@pytest.mark.parametrize(
    "text",
    ["Арабская весна изменила регион.", "Партия «Весна» провела съезд.",
     "В 2000 километрах от берега.", "Рабочие выходные дни перенесли."],
)
def test_names_and_quantities_are_not_dates(text):
    assert find_dates(text, "2021-06-01", "ru").empty


@pytest.mark.parametrize(("text", "published", "language", "phrase", "first", "last"), DATE_CASES)
def test_real_text_date_forms(text, published, language, phrase, first, last):
    found = find_dates(text, published, language)
    row = found[found["text"] == phrase]
    assert len(row) == 1, found["text"].tolist()
    assert str(row["date_start"].iloc[0].date()) == first
    assert str(row["date_end"].iloc[0].date()) == last


# --------------------------------------------------------------------------- quotations

QUOTE_CASES = [
    # (text, language, the quotation's first words, speaker mention)
    # mismatched curly marks: “…“
    ("“Ми не дозволимо зірвати засідання комітету“, – сказав Петренко.", "uk",
     "Ми не дозволимо зірвати", "Петренко"),
    ("“Мы не позволим сорвать заседание комитета“, — сказал Петренко.", "ru",
     "Мы не позволим сорвать", "Петренко"),
    # an inner quotation sharing the outer one's closing mark
    ("“Сьогодні ми створили об’єднання “За чисте місто”, – заявив Коваленко.", "uk",
     "Сьогодні ми створили об’єднання", "Коваленко"),
    # opened with one mark, closed with another
    ('"Ми почнемо повертати ємності з водою вже з вихідних», – зауважив Боровик.', "uk",
     "Ми почнемо повертати ємності", "Боровик"),
    # a quoted name inside the attribution does not cut it
    ("«Сумма нас не устраивает, решение обжалуем», — заявил «Новой газете» юрист Сергей "
     "Орлов.", "ru", "Сумма нас не устраивает", "Сергей Орлов"),
    # speech closed by its attribution with no opening dash or mark
    ("Решение примут до конца недели. Все готово, — сказал Гончаренко.", "ru",
     "Решение примут до конца", "Гончаренко"),
    # a quotation over several paragraphs, closed before its attribution, no mark reopened
    ('"Команда готова к сезону. Мы много работали летом.\nСейчас главное — здоровье игроков, '
     'остальное придет", - сказал Михайлов.', "ru", "Команда готова к сезону", "Михайлов"),
    ("«Ми отримали нові машини для лікарні.\nТепер швидка доїде до кожного села», — "
     "розповіла Іваненко.", "uk", "Ми отримали нові машини", "Іваненко"),
    # a space between the closing mark and the comma of the attribution
    ("«Ворог атакував село біля міста. Зберігаємо спокій» , — заявив голова ОВА Іван Коваль.",
     "uk", "Ворог атакував село", "Іван Коваль"),
    ("«Враг атаковал село у города. Сохраняем спокойствие» , — заявил глава ОВА Иван Коваль.",
     "ru", "Враг атаковал село", "Иван Коваль"),
    # a long title in the genitive between the role noun and the name: the name speaks
    ("«Жодного села ми не втратили за цей тиждень», – заявив сьогодні речник координаційного "
     "штабу Головного управління Міністерства оборони України Іван Петренко.", "uk",
     "Жодного села ми", "Іван Петренко"),
    ("«Ни одного села мы не потеряли за эту неделю», — заявил сегодня представитель "
     "координационного штаба Главного управления Министерства обороны Иван Петренко.", "ru",
     "Ни одного села", "Иван Петренко"),
    # an inner quotation of the same mark followed by a copula dash, inside the outer one
    ("«Проблем багато, «Велика Ліга» – це лише назва. Вона тримається на грошах», – "
     "переконаний Мельник.", "uk", "Проблем багато, «Велика Ліга» – це", "Мельник"),
    ("«Проблем много, «Большая лига» – это лишь название. Она держится на деньгах», — "
     "считает Соколов.", "ru", "Проблем много, «Большая лига» – это", "Соколов"),
]


@pytest.mark.parametrize(("text", "language", "head", "mention"), QUOTE_CASES)
def test_real_text_quotations(text, language, head, mention):
    found = [s for s in find_statements(text, language) if s["kind"] == "direct"]
    assert [s["quote"][: len(head)] for s in found] == [head]
    assert found[0]["speaker_mention"] == mention


PARTIAL_CASES = [
    # a quoted fragment inside reported speech, after «что» and after «назвал»
    ("Министр Петренко отметил, что ситуация «сложная, как и в прошлом году», и добавил "
     "подробности.", "ru", "сложная, как и в прошлом году", "Петренко"),
    ("Мер Коваленко назвав рішення «поспішним і шкідливим для громади міста».", "uk",
     "поспішним і шкідливим для громади міста", "Коваленко"),
]


@pytest.mark.parametrize(("text", "language", "quote", "mention"), PARTIAL_CASES)
def test_partial_quotations_inside_reported_speech(text, language, quote, mention):
    found = [s for s in find_statements(text, language) if s["kind"] == "direct"]
    assert [(s["quote"], s["speaker_mention"]) for s in found] == [(quote, mention)]


def test_a_block_quotation_before_an_attribution_line_is_the_quotation_it_attributes():
    text = ("Мер Одеси Петро Гончаренко прокоментував рішення суду.\n"
            "Рішення незаконне, ми подамо апеляцію до Верховного суду найближчим часом.\n"
            "– пояснив Гончаренко.")
    found = [s for s in find_statements(text, "uk") if s["kind"] == "direct"]
    assert [(s["quote"][:13], s["speaker_mention"]) for s in found] == [
        ("Рішення незак", "Гончаренко")]


@pytest.mark.parametrize(
    ("text", "language", "head", "mention"),
    [
        ("Нападающий Олег Гусев прокомментировал поражение команды.\n"
         "— Соперник играл лучше, мы устали во втором тайме.", "ru", "Соперник играл",
         "Олег Гусев"),
        ("Нападник Олег Гусєв прокоментував поразку команди.\n"
         "— Суперник грав краще, ми втомилися у другому таймі.", "uk", "Суперник грав",
         "Олег Гусєв"),
    ],
)
def test_an_answer_right_after_the_lede_belongs_to_the_person_it_names(
    text, language, head, mention
):
    found = [s for s in find_statements(text, language) if s["kind"] == "direct"]
    assert [(s["quote"][: len(head)], s["speaker_mention"]) for s in found] == [(head, mention)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Покупці скаржаться на ціни.\n«Хліб дорожчає щотижня, не встигаємо рахувати».", "uk"),
        ("Покупатели жалуются на цены.\n«Хлеб дорожает каждую неделю, не успеваем считать».",
         "ru"),
    ],
)
def test_a_quotation_that_is_a_whole_paragraph_is_a_statement_of_an_unknown_speaker(
    text, language
):
    found = [s for s in find_statements(text, language) if s["kind"] == "direct"]
    assert [(s["quote"][:4], s["person"], s["how"]) for s in found] == [
        (text.split("«")[1][:4], None, "none")]


def test_an_answer_after_a_question_goes_to_the_guest_not_to_the_unknown_interviewer():
    text = ("Захисник Андрій Ткач прокоментував нічию з Польщею.\n"
            "— Ми грали сміливо, але не забили свої моменти.\n"
            "— Чому команда просіла після перерви?\n"
            "— Думаю, позначилася втома після довгого перельоту.")
    found = [s for s in find_statements(text, "uk") if s["kind"] == "direct"]
    assert [(s["quote"][:8], s["speaker_mention"]) for s in found] == [
        ("Ми грали", "Андрій Ткач"), ("Чому ком", None), ("Думаю, п", "Андрій Ткач")]


def test_an_interview_in_dash_paragraphs_gives_questions_to_nobody_and_answers_to_the_guest():
    text = ("Тренер Иван Сидоренко ответил на вопросы журналистов.\n"
            "— Мы долго готовились к этому сезону и ждем результата.\n"
            "— То есть вы уверены в победе?\n"
            "— Уверенности нет, но шансы хорошие, — сказал Сидоренко.")
    found = [s for s in find_statements(text, "ru") if s["kind"] == "direct"]
    assert [(s["quote"][:12], s["speaker_mention"]) for s in found] == [
        ("Мы долго гот", "Сидоренко"), ("То есть вы у", None), ("Уверенности ", "Сидоренко")]


@pytest.mark.parametrize(
    ("text", "language", "mention"),
    [
        ("«Переговоры продолжатся на следующей неделе», — сообщили в МИД России.", "ru",
         "МИД России"),
        ("В Кремле заявили, что ответ будет дан позже.", "ru", "Кремль"),
        ("«Ми готові до перемовин з партнерами», — наголосили в МЗС.", "uk", "МЗС"),
    ],
)
def test_an_organisation_or_a_country_speaks_through_an_impersonal_verb(text, language, mention):
    found = find_statements(text, language)
    assert [(s["speaker_mention"], s["how"]) for s in found] == [(mention, "organisation")]


@pytest.mark.parametrize(
    ("text", "language", "mention"),
    [
        ("Об этом сообщает пресс-центр штаба ООС.\n\"Противник трижды обстрелял позиции "
         "у поселка\", - говорится в сообщении.", "ru", "пресс-центр штаба ООС"),
        ("Про це повідомляє ДТЕК.\n\"Аварійні відключення триватимуть до вечора\", - "
         "йдеться в повідомленні.", "uk", "ДТЕК"),
    ],
)
def test_an_unattributed_message_gets_the_organisation_named_as_its_source(text, language,
                                                                           mention):
    found = [s for s in find_statements(text, language) if s["kind"] == "direct"]
    assert [(s["speaker_mention"], s["how"]) for s in found] == [(mention, "organisation")]


def test_a_day_after_publication_is_never_the_day_a_statement_was_said():
    import pandas as pd

    text = ("Премьер Сидоренко объявил, что в среду уйдет в отставку.\n"
            "«Я принял решение уйти после заседания правительства в среду», — заявил Сидоренко.")
    articles = pd.DataFrame([{"id": "x", "text": text, "language": "ru", "outlet": None,
                              "published": pd.Timestamp("2019-05-20")}])
    said = statements(articles, link=False)["said_on"].dt.date.tolist()
    assert said and all(d <= dt.date(2019, 5, 20) for d in said)


# --------------------------------------------------------------------------- cleaning

BODY = "Городской совет утвердил бюджет на следующий год, сообщил мэр на сессии."


@pytest.mark.parametrize(
    ("raw", "kept", "removed"),
    [
        # a long body sentence with prompt-like words stays
        (f"{BODY}\nЗаявление мэр опубликовал в Telegram, где его прочитали тысячи горожан, а "
         "депутаты от оппозиции ответили ему в своих каналах уже через час после публикации.",
         2, []),
        # the text's last line, cut off mid-sentence right after the body, is body
        (f"{BODY}\nНагадаємо, раніше депутати міської ради не змогли ухвалити кошто", 2, []),
        # numbered skip links and a mixed-case block label are boilerplate
        (f"1. Перейти к содержанию\n2. Перейти к главному меню\n3. К другим проектам DW\n{BODY}"
         "\nВідео дня", 1, ["navigation"] * 4),
        # image markup a scraper left in the text
        ('<image>data:image/s3,"s3://crabby-images/8f23c/8f23c1ce6d5ff1cdf24fa3ddfac9b3ea94c1426f"'
         ' alt="Мост"</image>\n' + BODY, 1, ["url"]),
        # backslash-escaped marks of a scraper read as the marks
        (f'{BODY}\n\\"Бюджет сбалансирован\\", - сказал мэр.', 2, []),
    ],
)
def test_real_text_cleaning(raw, kept, removed):
    cleaned = clean_text(raw)
    assert len(cleaned.lines) == kept
    assert [r.reason for r in cleaned.removed] == removed
    assert "\\" not in cleaned.text


def test_a_headline_repeated_as_the_lede_is_the_title_once_and_body_once():
    lede = "Премьер-министр объявил о сложении полномочий перед новым парламентом."
    cleaned = clean_text(f"{lede}\n{lede}\nОн поблагодарил депутатов за совместную работу.")
    assert cleaned.title == lede
    assert cleaned.text.split("\n") == [lede, "Он поблагодарил депутатов за совместную работу."]
    assert [(r.line, r.reason) for r in cleaned.removed] == [(1, "title")]


@pytest.mark.parametrize(
    ("text", "language", "subjects"),
    [
        # a name after a preposition and a noun naming a person is not a subject
        ("Тренер Іван Коваль оцінив бій проти суперника Денні Вентера.", "uk",
         {"Іван Коваль": True, "Денні Вентера": False}),
        ("Тренер Иван Коваль оценил бой против соперника Денни Вентера.", "ru",
         {"Иван Коваль": True, "Денни Вентера": False}),
        # … but after a preposition and a day it still is
        ("«Прорыва не будет», — заявил в воскресенье Иван Коваль.", "ru", {"Иван Коваль": True}),
    ],
)
def test_a_name_governed_by_a_preposition_is_never_a_subject(text, language, subjects):
    from presslens.statements.speakers import find_people

    assert {p.text: p.nominative for p in find_people(text, language)} == subjects


@pytest.mark.parametrize(
    ("text", "language", "phrase", "day"),
    [
        # words said on Tuesday 30 September, published on 1 October: «завтра» is 1 October
        ("Во вторник, 30 сентября, мэр Иван Коваль заявил: «Завтра снова ожидается ливень».",
         "ru", "Завтра", "2025-10-01"),
        ("У вівторок, 30 вересня, мер Іван Коваль заявив: «Завтра знову очікується злива».",
         "uk", "Завтра", "2025-10-01"),
    ],
)
def test_a_relative_date_inside_a_quotation_is_read_from_the_day_it_was_said(
    text, language, phrase, day
):
    from presslens.findings import events

    arts = pd.DataFrame([{"id": "a", "text": text, "language": language, "outlet": "o",
                          "published": pd.Timestamp("2025-10-01")}])
    found = events(arts, statements(arts))
    row = found[found["text"] == phrase].iloc[0]
    assert str(row["date_start"].date()) == day
    assert "the day it was said" in row["basis"]
