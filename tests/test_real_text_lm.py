"""Failure classes found on real articles of benchmarks/quality batches l–u, each guarded by
sentences written for the test in Russian and Ukrainian, never copied from the articles (their
date forms are in the date table of ``test_real_text_classes.py``)."""

import pytest

from presslens.corpus.clean import clean_text
from presslens.dates import find_dates

# --------------------------------------------------------------------------- dates


def test_an_ordinal_place_is_no_decade():
    assert find_dates("Команда заняла 10-е место в турнире.", "2020-01-01", "ru").empty


def test_two_years_apart_are_no_pair():
    assert find_dates("Номер справи 2019-2025 у реєстрі.", "2025-01-01", "uk").empty


@pytest.mark.parametrize(
    ("raw", "first_words"),
    [
        # a scraper's date prefix, then a body that opens with a day: the day stays body
        (" date 2025-10-28 29 октября город начнет отопительный сезон.", "29 октября город"),
        (" date 2025-10-28 14:05 29 жовтня місто розпочне опалювальний сезон.", "29 жовтня місто"),
    ],
)
def test_the_date_prefix_keeps_a_day_that_opens_the_body(raw, first_words):
    assert clean_text(raw).text.startswith(first_words)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # that long after another event, told in the past: not after the publication day
        ("Через тиждень вони повернулися додому.", "uk"),
        ("Через три дні після вибуху рятувальники знайшли ще одного постраждалого.", "uk"),
        ("Через месяц после выборов мэр ушел в отставку.", "ru"),
    ],
)
def test_a_span_ahead_of_another_event_is_not_dated(text, language):
    found = find_dates(text, "2020-03-02", language)
    assert found["date_start"].isna().all()


# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "language", "head", "key"),
    [
        # a first name with a patronymic, in a sentence of the paragraph before the quotation
        ("Команда Сергея Ковалева вырвала победу в гостях, сообщает федерация.\nСергей "
         "Иванович отметил самоотдачу игроков. Благодаря этому команда взяла три очка.\n"
         "\"Я думаю, у нас все матчи тяжелые, и сегодня мы отдали все силы на поле\".", "ru",
         "Я думаю, у нас", "ковалев"),
        ("Команда Сергія Коваленка здобула перемогу на виїзді, повідомляє федерація.\nСергій "
         "Олександрович відзначив самовіддачу гравців. Завдяки цьому команда взяла три очки.\n"
         "\"Я думаю, у нас усі матчі важкі, і сьогодні ми віддали всі сили на полі\".", "uk",
         "Я думаю, у нас", "коваленко"),
    ],
)
def test_the_speaker_named_in_the_paragraph_before_by_first_name_and_patronymic(
    text, language, head, key
, direct):
    found = direct(text, language)
    assert [s["quote"][: len(head)] for s in found] == [head]
    assert found[0]["person"] is not None and found[0]["person"].key == key


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the man spoke before; the next voice says «я навчалася»: a woman, not him
        ("Реконструкцію школи почали, повідомив голова облради Віктор Савченко.\n«Такі школи ми "
         "будуємо по всій області для наших дітей», – сказав Віктор Савченко.\nШколу відкрили у "
         "1973 році.\n«Із цією школою пов’язане все моє життя: я тут навчалася і працюю».", "uk"),
        ("Реконструкцию школы начали, сообщил глава облсовета Виктор Савченко.\n«Такие школы мы "
         "строим по всей области для наших детей», – сказал Виктор Савченко.\nШколу открыли в "
         "1973 году.\n«С этой школой связана вся моя жизнь: я здесь училась и работаю».", "ru"),
    ],
)
def test_a_voice_of_the_other_gender_is_not_the_last_speaker(text, language, direct):
    found = direct(text, language)
    assert [s["person"].key if s["person"] else None for s in found] == ["савченко", None]


def test_a_woman_named_by_surname_alone_keeps_her_own_words(direct):
    text = ("Министр Анна Петрова приехала в школу.\n«Мы откроем новые классы уже в сентябре», "
            "– сказала Петрова.\n«Я сама училась в этой школе и помню каждый класс».")
    assert [s["person"].key for s in direct(text, "ru")] == ["петров", "петров"]


@pytest.mark.parametrize(
    ("text", "language", "last_words"),
    [
        # a quotation over two paragraphs, its reporting verb cut off by the end of the text
        ('Тренер прокоментував гру.\n"Я думаю, у нас усі матчі важкі, суперник був сильним.\n'
         'Але ми йшли вперед і все робили для перемоги", – сказ', "uk", "для перемоги"),
        ('Тренер прокомментировал игру.\n"Я думаю, у нас все матчи тяжелые, соперник был '
         'сильным.\nНо мы шли вперед и все делали для победы", – сказ', "ru", "для победы"),
    ],
)
def test_a_quotation_closed_before_a_cut_off_verb_is_found(text, language, last_words, direct):
    found = direct(text, language)
    assert len(found) == 1
    assert found[0]["quote"].startswith("Я думаю")
    assert found[0]["quote"].endswith(last_words)


@pytest.mark.parametrize(
    ("text", "language", "key"),
    [
        # a role's genitive complement (центру reads first as a dative) keeps the role on the name
        ("Про це повідомив речник інформаційно-аналітичного центру РНБО Андрій Лисенко.\n«Усю "
         "офіційну інформацію поширює тільки наш центр, інших джерел немає», – наголосив речник "
         "АЦ РНБО.", "uk", "лисенко"),
    ],
)
def test_a_role_noun_resolves_to_the_person_with_that_role(text, language, key, direct):
    found = direct(text, language)
    assert [s["person"].key if s["person"] else None for s in found] == [key]


@pytest.mark.parametrize(
    ("text", "language", "role"),
    [
        ("Об этом заявил генсек в очередной раз.", "ru", "генсек"),
        ("Про це повідомив речник центру РНБО вчора.", "uk", "речник центру РНБО"),
    ],
)
def test_a_role_phrase_stops_before_a_preposition(text, language, role):
    from presslens.statements.roles import find_roles

    assert [r.text for r in find_roles(text, language)] == [role]


@pytest.mark.parametrize(
    ("text", "language", "keys"),
    [
        # an Irish name keeps its capital after the apostrophe
        ("Гендиректор авіакомпанії Майкл О'Лірі розкритикував ЄС.\n«Ми не розуміємо, чому ці "
         "дрони ніхто не збиває», – сказав О'Лірі.", "uk", ["олир"]),
        # генпрокурор = генеральный прокурор; the words after an indirect statement, then a
        # quotation cut off in its attribution at the end of the text
        ("Об этом сообщил Генеральный прокурор Руслан Кравченко.\n«Свидетели подтвердили, что "
         "действия обвиняемого были умышленными», — отметил генпрокурор.", "ru", ["кравченко"]),
        ("Авиакомпания потеряла рейсы, сказал Майкл О’Лири.\nОн напомнил, что похожее было в "
         "Дании.\nО’Лири заявил, что это неэффективно. «Я не думаю, что стена из дронов вообще "
         "работает» — ска", "ru", ["олир"]),
    ],
)
def test_more_speakers_of_batches_p_q(text, language, keys, direct):
    found = direct(text, language)
    assert [s["person"].key if s["person"] else None for s in found] == keys


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a compound adjective with a capital is not a double surname
        ("Про це повідомив речник Інформаційно-аналітичного центру РНБО.", "uk"),
        ("Об этом сообщил представитель Информационно-аналитического центра.", "ru"),
    ],
)
def test_a_capitalised_compound_adjective_is_no_person(text, language):
    from presslens.statements.speakers import find_people

    assert find_people(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "head", "mention"),
    [
        # a source line, then the words labelled «Дослівно:»: the source's words
        ('У Тернополі запрацює центр вакцинації.\nДжерело: Тернопільська ОДА\nДослівно: "У '
         'Тернополі розгорнуть тимчасовий центр вакцинації для всіх охочих через застосунок '
         '"Дія".\nДеталі: центр працюватиме на вихідних.', "uk", "У Тернополі розгорнуть",
         "Тернопільська ОДА"),
        ('В Тернополе заработает центр вакцинации.\nИсточник: Тернопольская ОГА\nДословно: "В '
         'Тернополе развернут временный центр вакцинации для всех желающих".', "ru",
         "В Тернополе развернут", "Тернопольская ОГА"),
        # a source line naming a person and a social network, then «Прямая речь:»
        ('Прокуроры попросили пожизненное заключение.\nИсточник: генеральный прокурор Руслан '
         'Кравченко в соцсетях\nПрямая речь: "Мы услышали последнее слово обвиняемого, и оно '
         'ничего не меняет".', "ru", "Мы услышали последнее", "Руслан Кравченко"),
    ],
)
def test_labelled_words_after_a_source_line_are_the_sources(text, language, head, mention, direct):
    found = direct(text, language)
    assert [s["quote"][: len(head)] for s in found] == [head]
    assert found[0]["speaker_mention"] == mention


@pytest.mark.parametrize(
    ("text", "language", "heads"),
    [
        # the name of a conference or the titles of films in marks are not statements
        ('"Доверие к тестированию растет каждый год и сейчас выше 60%", - сказала министр '
         'Лилия Гриневич на конференции "Новая школа: успехи и вызовы первого года" в Киеве.',
         "ru", ["Доверие к тестированию"]),
        ("До номінації потрапили також фільми: «Бобі Вайн: народний президент», «Вічна пам’ять "
         "народу про війну».", "uk", []),
        # … but the words said at a conference, after a colon, are
        ('Міністр Лілія Гриневич сказала на конференції: "Довіра до тестування становить 63% і '
         'зростає щороку".', "uk", ["Довіра до тестування"]),
    ],
)
def test_titles_of_events_and_films_are_not_statements(text, language, heads, direct):
    found = direct(text, language)
    assert [s["quote"][: len(h)] for s, h in zip(found, heads, strict=False)] == heads
    assert len(found) == len(heads)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # dash speech in the first person, no attribution: the subject of the sentence above
        # when it is the article's first statement, else an unknown voice
        ("Главный тренер сборной Иван Коваленко оценил игру команды против Дании.\n— Есть "
         "теоретический план, который мы выдержали. Надо посмотреть матч еще раз.", "ru",
         [("Есть теоретический план", "коваленко")]),
        ("Головний тренер збірної Іван Коваленко оцінив гру команди проти Данії.\n— Є "
         "теоретичний план, який ми виконали. Треба переглянути матч ще раз.", "uk",
         [("Є теоретичний план", "коваленко")]),
        ("Глава администрации ответил на обращение. Оказалось, дело в аварии.\n— В связи с "
         "аварией на ТЭЦ трубы завоздушились. Мне доложили, что к вечеру тепло дадут.", "ru",
         [("В связи с аварией", None)]),
        # a dashed list is not speech
        ("Уряд виділив кошти. Завдяки цьому вдасться:\n- відновити 988 квартир для трьох "
         "тисяч жителів;\n- забезпечити навчання для 1200 дітей у чотирьох школах.", "uk", []),
        # an interviewer's question with the author's clause is the author's (an interview's
        # question is recorded, its speaker unknown)
        ("Мы встретились после матча.\n— Какими критериями вы руководствуетесь при выборе "
         "тренера? — обращаюсь я к президенту клуба.", "ru", [("Какими критериями", None)]),
    ],
)
def test_dash_speech_in_the_first_person_without_attribution(text, language, expected, direct):
    found = direct(text, language)
    got = [(s["quote"][: len(head)], s["person"].key if s["person"] else None)
           for s, (head, _) in zip(found, expected, strict=False)]
    assert got == expected
    assert len(found) == len(expected)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the day in the sentence after the words, pointing back to them, is when they were said;
        # the speaker's next quotation takes it too
        ("Мэр Александр Сенкевич ответил, что возвращаться в город — решение каждого. Об этом он "
         "сказал в ходе прямого эфира 30 января.\n«Это ваше решение — можно ли возвращаться. У "
         "нас есть проблемы с водой и транспортом».", "ru"),
        ("Мер Олександр Сєнкевич відповів, що повертатися до міста — рішення кожного. Про це він "
         "сказав під час прямого ефіру 30 січня.\n«Це ваше рішення – чи можна повертатися. У нас "
         "є проблеми з водою і транспортом».", "uk"),
    ],
)
def test_the_day_in_a_sentence_pointing_back_is_when_it_was_said(text, language, statements_of):
    found = statements_of([(text, language)], "2024-01-31")
    assert [str(d.date()) for d in found["said_on"]] == ["2024-01-30", "2024-01-30"]
    assert found["said_on_basis"].str.split(":").str[0].tolist() == [
        "attribution", "earlier attribution"]


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        # the day the speaker's earlier words were said wins over another day the article names
        # beside the speaker (the day of the meeting she speaks about)
        ("У неділю, 11 серпня, президент і міністерка Уляна Супрун провели зустріч.\nСупрун "
         "розповіла, що вони обговорили реформу. Про це вона сказала у середу перед засіданням "
         "уряду.\n«Була зустріч з президентом, ми говорили про трансформацію медицини», – "
         "зазначила Супрун.", "uk", "2019-08-14"),
    ],
)
def test_the_speakers_earlier_attribution_dates_her_next_words(text, language, day,
                                                                 statements_of):
    found = statements_of([(text, language)], "2019-08-15")
    direct = found[found["kind"] == "direct"]
    assert [str(d.date()) for d in direct["said_on"]] == [day]


def test_where_a_thing_was_said_is_not_its_source(direct):
    text = ("Страна не продлит договор о транзите газа.\nОб этом заявили на брифинге.\n"
            "\"Договор с Россией никто продолжать не будет, это решено давно\".")
    found = direct(text, "ru")
    assert [s["speaker_mention"] for s in found] == [None]


# --------------------------------------------------------------------------- cleaning

BODY = "Городской совет утвердил бюджет на следующий год, сообщил мэр на сессии."
BODY_UK = "Міська рада ухвалила бюджет на наступний рік, повідомив мер на сесії."


@pytest.mark.parametrize(
    ("raw", "kept", "removed"),
    [
        # a stamp with a weekday and «г.»
        (f"07:15 вторник, 3 марта 2015 г.\n{BODY}", 1, ["timestamp"]),
        (f"09:40 вівторок, 3 березня 2015 р.\n{BODY_UK}", 1, ["timestamp"]),
        # the site's own prompts, however long
        (f"{BODY_UK}\nЗараз ви читаєте новину «Міська рада ухвалила бюджет». Вас також можуть "
         "зацікавити свіжі новини міста та області на нашому сайті.", 1, ["prompt"]),
        (f"{BODY}\nПодпишитесь на наш телеграм-канал, где каждая новость опубликована целиком. "
         "Ваш телефон будет загружать новости в фоне, и вы всегда будете в курсе событий.", 1,
         ["prompt"]),
        # the source of the news on a line of its own inside the body, its link cut off
        (f"{BODY}\nОб этом сообщает Полтавский\nДепутаты также утвердили план ремонта дорог на "
         "весну.", 3, []),
        (f"{BODY_UK}\nПро це повідомляє Полтавська\nДепутати також ухвалили план ремонту доріг "
         "на весну.", 3, []),
        # a source line between paragraphs is body; after them, a credit
        (f"{BODY_UK}\nДжерело: обласна адміністрація\n{BODY_UK[:-1]} вдруге.\nДжерело: УНІАН",
         3, ["source"]),
        # a byline under the body
        (f"{BODY}\nПодготовил: Сергей Дага", 1, ["byline"]),
        (f"{BODY_UK}\nПідготувала Олена Коваль", 1, ["byline"]),
        # a lede without its period, then a body that points back to it: the lede is body
        ("В городе появится новая больница, - мэр\n16 декабря 2020, 14:57\nФото из открытых "
         "источников\nВ начале года в городе откроют новую больницу\nКак передает агентство, об "
         "этом мэр сказал на сессии совета.", 2, ["title", "timestamp", "caption"]),
        ("У місті з'явиться нова лікарня, - мер\n16 грудня 2020, 14:57\nФото з відкритих "
         "джерел\nНа початку року в місті відкриють нову лікарню\nПро це мер сказав на сесії "
         "міської ради.", 2, ["title", "timestamp", "caption"]),
        # a funding notice and a site's message under the body
        (f"{BODY}\nФункционирует при финансовой поддержке министерства цифрового развития.", 1,
         ["disclaimer"]),
        (f"{BODY_UK}\nРеєстрація пройшла успішно!", 1, ["navigation"]),
        # readers' comments under the section's header, however they read
        (f"{BODY}\nКомментарии (3)\nБудьте вежливы. Спасибо!\nУдачи команде в следующих играх, "
         "ребята!\nОтветить", 1, ["comments"] * 4),
        (f"{BODY_UK}\nКоментарі\nДуже гарне рішення ради, давно чекали на це.", 1,
         ["comments"] * 2),
        # a site's long prompt just above the comment section is not a body line cut off
        (f"{BODY_UK}\nЗараз ви читаєте новину «Рада ухвалила бюджет». Вас також можуть "
         "зацікавити свіжі новини міста та області на сайті Міста.ua\nКоментарі\n12\nЗалишати "
         "коментарі можуть лише зареєстровані користувачі", 1,
         ["prompt", "comments", "counter", "comments"]),
        # a lede with a prompt's word in it (подписал), before a body that points back to it
        ("29 сентября 2021, 10:54\nМэр оставил стоимость отопления на прежнем уровне\nиз "
         "открытых источников\nГородской голова Иван Петренко не подписал решение исполкома о "
         "поднятии тарифа на отопление\nОб этом пишет агентство со ссылкой на сайт городского "
         "совета.", 2, ["timestamp", "title", "fragment"]),
        # a short unfinished line with a prompt after it is a headline, not a body cut off
        (f"{BODY}\nСуд закрыл дело против мэра\nНовости в Telegram. Подписывайтесь на наш "
         "канал", 1, ["fragment", "prompt"]),
    ],
)
def test_lm_cleaning(raw, kept, removed, cleaned_as):
    assert cleaned_as(raw) == (kept, removed)
