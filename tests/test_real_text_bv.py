"""Failure classes found on real articles of benchmarks/quality batches bv and bw, each guarded
by sentences written for the test in Russian and Ukrainian, never copied from the articles."""

import pandas as pd
import pytest

# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "language", "span"),
    [
        # a day written with its weekday after a day of an earlier year: the weekday says the
        # year is the publication's (6 December 2021 is a Monday, in 2020 a Sunday)
        ("Апеляційний суд 2 жовтня 2020 року залишив вирок без змін. У понеділок, 6 грудня, "
         "суд відмовив захисникам у відводі.", "uk", ("2021-12-06", "2021-12-06")),
        ("Апелляционный суд 2 октября 2020 года оставил приговор без изменений. В понедельник, "
         "6 декабря, суд отказал защитникам в отводе.", "ru", ("2021-12-06", "2021-12-06")),
        # … while a day without a weekday still follows the story's year
        ("Апеляційний суд 2 жовтня 2020 року залишив вирок без змін. 6 грудня суд відмовив "
         "захисникам у відводі.", "uk", ("2020-12-06", "2020-12-06")),
        # «минулої доби» alone is the day before, as «вчора»; «за минулу добу» the last 24 hours
        ("Минулої доби ворог тричі обстріляв громаду.", "uk", ("2021-12-05", "2021-12-05")),
        ("Упродовж минулої доби в області було спокійно.", "uk", ("2021-12-05", "2021-12-05")),
        ("За минулу добу ворог тричі обстріляв громаду.", "uk", ("2021-12-05", "2021-12-06")),
        ("За минувшие сутки спасатели выезжали 40 раз.", "ru", ("2021-12-05", "2021-12-06")),
    ],
)
def test_the_year_and_the_day_of_a_mention(text, language, span):
    from presslens.dates.table import find_dates

    found = find_dates(text, pd.Timestamp("2021-12-06").date(), language)
    got = [(str(r.date_start.date()), str(r.date_end.date())) for r in found.itertuples()]
    assert got[-1] == span


@pytest.mark.parametrize(
    ("text", "language", "said_on"),
    [
        # a participle before the day and a noun after it: the day of what came out, not of the
        # saying (the article's day stands)
        ("Комментируя обнародованные 12 декабря записи разговоров, замминистра Петр Гнатенко "
         "уточнил, что «мы показали на брифинге все, что могли».", "ru", ["2019-12-19"]),
        ("Коментуючи оприлюднені 12 грудня записи розмов, заступник міністра Петро Гнатенко "
         "уточнив, що «ми показали на брифінгу все, що могли».", "uk", ["2019-12-19"]),
        # … while the day after the verb is the saying's
        ("Замминистра Петр Гнатенко 12 декабря уточнил, что «мы показали на брифинге все, что "
         "могли».", "ru", ["2019-12-12"]),
        # … and so is the day of a meeting named after a comma
        ("На встрече, состоявшейся 12 декабря, замминистра Петр Гнатенко уточнил, что «мы "
         "показали на брифинге все, что могли».", "ru", ["2019-12-12"]),
    ],
)
def test_a_day_that_dates_a_noun_is_not_the_saying(text, language, said_on, statements_of):
    found = statements_of([(text, language)], "2019-12-19")
    direct = found[found["kind"] == "direct"]
    assert [str(d.date()) for d in direct["said_on"]] == said_on


@pytest.mark.parametrize(
    ("text", "language", "said_on"),
    [
        # a sentence that points back with a day, the person named earlier in its paragraph
        # only: that person's later words were said that day
        ("Мер знову заперечив чутки.\nТакож Петро Гнатенко вкотре відкинув звинувачення. Про "
         "це міський голова заявив у коментарі для радіо 15 жовтня.\nЙого підтримали "
         "депутати.\n«Я забезпечую роботу міста кожного дня», — зазначив Гнатенко.", "uk",
         ["2025-10-15"]),
        ("Мэр снова опроверг слухи.\nТакже Петр Гнатенко в очередной раз отверг обвинения. "
         "Об этом мэр заявил в комментарии для радио 15 октября.\nЕго поддержали "
         "депутаты.\n«Я обеспечиваю работу города каждый день», — отметил Гнатенко.", "ru",
         ["2025-10-15"]),
        # … not when the person is named in another paragraph
        ("Мер знову заперечив чутки.\nПетро Гнатенко вкотре відкинув звинувачення.\nПро це "
         "заявили у мерії 15 жовтня.\n«Я забезпечую роботу міста кожного дня», — зазначив "
         "Гнатенко.", "uk", ["2025-10-16"]),
    ],
)
def test_a_day_pointed_back_to_names_its_paragraph(text, language, said_on, statements_of):
    found = statements_of([(text, language)], "2025-10-16")
    direct = found[found["kind"] == "direct"]
    assert [str(d.date()) for d in direct["said_on"]] == said_on


# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "language", "keys"),
    [
        # a partial quotation inside what a person reports: the one who reports speaks, not the
        # person named after «що»/«что»
        ("Адвокат міністра Віталій Сердюк заявив, що Петренко відкликав своїх захисників "
         "«через неможливість забезпечити його право на захист».", "uk", ["сердюк"]),
        ("Адвокат министра Виталий Сердюк заявил, что Петренко отозвал своих защитников «из-за "
         "невозможности обеспечить его право на защиту».", "ru", ["сердюк"]),
        # … while with no one named before the verb, the person after «что» still speaks
        ("Как заявил вчера на брифинге, что Петренко «больше не будет участвовать в этом "
         "процессе».", "ru", ["петренко"]),
    ],
)
def test_the_one_who_reports_speaks(text, language, keys, direct, speaker_keys):
    assert speaker_keys(direct(text, language)) == keys


@pytest.mark.parametrize(
    ("text", "language", "quotes", "keys"),
    [
        # dash speech opening with a verb in the first person singular, under the sentence
        # that names who acts: that person speaks
        ("Через негоду прем'єр-міністр Денис Гнатенко вилетів на Прикарпаття.\n— Вилітаю в "
         "Івано-Франківську область, щоб на місці скоординувати роботу всіх служб.", "uk",
         ["Вилітаю в Івано-Франківську область, щоб на місці скоординувати роботу всіх служб"],
         ["гнатенко"]),
        ("Из-за непогоды премьер-министр Денис Гнатенко вылетел в Прикарпатье.\n— Вылетаю в "
         "Ивано-Франковскую область, чтобы на месте скоординировать работу всех служб.", "ru",
         ["Вылетаю в Ивано-Франковскую область, чтобы на месте скоординировать работу всех "
          "служб"], ["гнатенко"]),
        # … not the author's «Зазначимо» opening a dashed paragraph
        ("Співачка Марія Гнатенко виступила на фестивалі.\n— Зазначимо, що співачка "
         "підписала контракт з найбільшим холдингом звукозапису.", "uk", [], []),
    ],
)
def test_dash_speech_in_the_first_person(text, language, quotes, keys, direct, speaker_keys):
    found = direct(text, language)
    assert [s["quote"].rstrip(" .") for s in found] == quotes
    assert speaker_keys(found) == keys


@pytest.mark.parametrize(
    ("text", "language", "mentions"),
    [
        # an institution named by its common noun alone after an impersonal plural verb
        # speaks, not the person the article named before
        ("Про це повідомив сам драматург Петро Гнатенко.\n«Ми ставимо на перше місце "
         "мистецтво і наших глядачів», – додали в театрі.", "uk", ["театр"]),
        ("Об этом сообщил сам драматург Петр Гнатенко.\n«Мы ставим на первое место искусство "
         "и наших зрителей», — пояснили выбор пьесы в театре.", "ru", ["театр"]),
        # … and a quoted name after the noun, before the verb
        ("Вистава вийде восени.\nУ театрі \"Світанок\" сказали, що режисер \"працює дуже "
         "технічно і на високому рівні\".", "uk", ["Світанок"]),
        # a body's channel or page: the body speaks, by its name
        ("Рейсы ушли на запасные аэродромы. Об этом сообщается в Telegram-канале авиакомпании "
         "\"Северные крылья\".\n\"В связи с ограничениями часть рейсов ушла на запасные "
         "аэродромы\", - говорится в сообщении.", "ru", ["Северные крылья"]),
        ("Рейси пішли на запасні аеродроми. Про це повідомляється в Telegram-каналі "
         "авіакомпанії \"Північні крила\".\n\"У зв'язку з обмеженнями частина рейсів пішла "
         "на запасні аеродроми\", - йдеться в повідомленні.", "uk", ["Північні крила"]),
        # … but not a noun that names no institution
        ("Вистава вийде восени.\n«Ми ставимо на перше місце мистецтво і наших глядачів», – "
         "написали в коментарях.", "uk", [None]),
    ],
)
def test_an_institution_by_its_noun(text, language, mentions, statements_of):
    found = statements_of([(text, language)], "2025-09-15")
    direct = found[found["kind"] == "direct"]
    assert [m if isinstance(m, str) else None for m in direct["speaker_mention"]] == mentions


# --------------------------------------------------------------------------- cleaning


@pytest.mark.parametrize(
    ("raw", "lines"),
    [
        # a short sentence that tells where someone posted: news, not a prompt
        ("Свое обращение к горожанам мэр разместил в Facebook.\nМэр пообещал, что горячая "
         "вода появится во всех домах до конца недели.\nПодписывайтесь на наш Telegram.",
         [1, 2]),
        ("Своє звернення до містян мер опублікував у Facebook.\nМер пообіцяв, що гаряча вода "
         "з'явиться в усіх будинках до кінця тижня.\nСтежте за нами у Facebook.", [1, 2]),
        # … while a question to the reader stays a prompt
        ("Мер пообіцяв, що гаряча вода з'явиться в усіх будинках до кінця тижня.\nСподобалось?"
         "\nПідписуйтесь на наш Telegram.", [1]),
    ],
)
def test_a_post_reported_is_body(raw, lines, cleaned_lines):
    assert cleaned_lines(raw)[0] == lines
