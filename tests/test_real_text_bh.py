"""Failure classes found on real articles of benchmarks/quality batches bh–bk, each guarded by
sentences written for the test in Russian and Ukrainian, never copied from the articles."""

import pandas as pd
import pytest

# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "language", "keys"),
    [
        # a pronoun opening an excerpt: the person whose words the next paragraph gives
        # («За словами Петренка»), named in the genitive
        ("«Я хотів би бути максимально відвертим: нового тарифу не буде до листопада», — "
         "наголосив він.\nЗа словами Петренка, міністерство встановило тариф ще торік.", "uk",
         ["петренко"]),
        ("«Я хотел бы быть максимально откровенным: нового тарифа не будет до ноября», — "
         "подчеркнул он.\nПо словам Смилянского, министерство установило тариф еще в прошлом "
         "году.", "ru", ["смилянск"]),
        # a capitalised word right after the verb, a role noun after it: the one spoken to
        ("“Патрульний здавав назад і не помітив авто, яке з’явилось раптово”, – розповів "
         "Стику прес-секретар поліції Микола Гурак.", "uk", ["гурак"]),
        ("«Патрульный сдавал назад и не заметил машину, которая появилась внезапно», — "
         "рассказал Стику пресс-секретарь полиции Николай Гурак.", "ru", ["гурак"]),
        # (a guard) dash speech under a report whose paragraph quotes a title
        ("Фильм «Ирония судьбы» снова показали в городе. Мэр Петр Коваленко заявил, что "
         "пригласит актрису на праздник.\n— Я бы пригласил ее на День города летом, она у нас "
         "всегда желанный гость.", "ru", ["коваленко"]),
    ],
)
def test_speakers_of_batches_bh_bk(text, language, keys, direct, speaker_keys):
    assert speaker_keys(direct(text, language)) == keys


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "language", "said_on", "tomorrow"),
    [
        # the message the text quotes, dated in the sentence that points to it: its words were
        # said that day, and their «завтра» is the day after it
        ("Про це йдеться у зверненні, оприлюдненому ним ввечері неділі, 12 жовтня 2025 року, "
         "у фейсбуці.\n«Я не звернув би на це уваги, якби не дізнався, що завтра комісія "
         "розгляне питання про моє громадянство», — зазначив Петро Гнатенко.", "uk",
         "2025-10-12", "2025-10-13"),
        ("Об этом говорится в обращении, опубликованном им вечером воскресенья, 12 октября "
         "2025 года, в фейсбуке.\n«Я не обратил бы на это внимания, если бы не узнал, что "
         "завтра комиссия рассмотрит вопрос о моем гражданстве», — отметил Петр Гнатенко.",
         "ru", "2025-10-12", "2025-10-13"),
        # a first paragraph dated, the next one saying who told it: said that day
        ("Во вторник, 30 сентября, город накрыл мощный ливень.\nОб этом заявил мэр Петр "
         "Гнатенко в своем телеграм-канале.\n«Завтра снова ожидается непогода, берегите "
         "себя», — добавил он.", "ru", "2025-09-30", "2025-10-01"),
        ("У вівторок, 30 вересня, місто накрила потужна злива.\nПро це заявив мер Петро "
         "Гнатенко у своєму телеграм-каналі.\n«Завтра знову очікується негода, бережіть "
         "себе», — додав він.", "uk", "2025-09-30", "2025-10-01"),
    ],
)
def test_the_day_of_a_quoted_message(text, language, said_on, tomorrow):
    from presslens.findings import events
    from presslens.statements import statements

    published = "2025-10-01" if said_on.endswith("09-30") else "2025-10-13"
    arts = pd.DataFrame([{"id": "a", "text": text, "language": language, "outlet": "o",
                          "published": pd.Timestamp(published), "title": None}])
    found = statements(arts, link=False)
    assert [str(d.date()) for d in found[found["kind"] == "direct"]["said_on"]] == [said_on]
    days = events(arts, found)
    assert str(days.loc[days["text"].str.lower() == "завтра", "date_start"].iloc[0].date()) == (
        tomorrow)


@pytest.mark.parametrize(
    ("text", "language", "span"),
    [
        # a range of years, the second by its last two digits
        ("Це сталося під час Голодомору 1932-33 років на Полтавщині.", "uk",
         ("1932-01-01", "1933-12-31")),
        ("Цены выросли в 2014-15 годах, после девальвации.", "ru",
         ("2014-01-01", "2015-12-31")),
        # … never backwards
        ("Цены выросли в 2016-14 годах, после девальвации.", "ru", None),
    ],
)
def test_a_year_range_by_two_digits(text, language, span):
    from presslens.findings import events
    from presslens.statements import statements

    arts = pd.DataFrame([{"id": "a", "text": text, "language": language, "outlet": "o",
                          "published": pd.Timestamp("2025-10-13"), "title": None}])
    days = events(arts, statements(arts, link=False))
    got = [(str(r.date_start.date()), str(r.date_end.date())) for r in days.itertuples()
           if r.date_start.year != r.date_end.year]
    assert got == ([span] if span else [])


# --------------------------------------------------------------------------- pairs


@pytest.mark.parametrize(
    ("uk", "ru"),
    [
        # one sentence of a long quotation and its translation: the words a hand-kept bridge
        # joins (справжній/настоящий, підроблений/поддельный, цікавити/интересовать)
        ("Скільки там паспортів, які з них справжні, які підроблені, хто це робить – чесно, "
         "мене це не цікавить.",
         "Сколько там паспортов, какие настоящие, какие поддельные, кто это делает - меня, "
         "честно говоря, не интересует."),
    ],
)
def test_a_translated_sentence_is_alike(uk, ru):
    from presslens.statements.linking import SIMILARITY, statement_similarity

    assert statement_similarity([uk, ru], ["uk", "ru"])[0, 1] >= SIMILARITY


# --------------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("text", "language", "quotes"),
    [
        # a quoted name after the word for a programme, a state company, a document, a
        # forum or a discussion is a title, not words said
        ("Про це голова компанії заявив в ефірі програми \"Свобода слова Петра Гнатенка\".",
         "uk", []),
        ("Голова ОВА подякував рятувальникам, дорожникам та ДП «Агенція місцевих доріг "
         "Миколаївської області».", "uk", []),
        ("Мэр выразил недовольство подписанным документом «О государственном бюджете Украины "
         "на 2025 год».", "ru", []),
        ("Об этом он заявил на форуме «Восстановление Украины: качественные институты и "
         "экономическая безопасность».", "ru", []),
        # … but words said at a forum, after a colon, are words
        ("Министр сказал на форуме: «Мы восстановим каждый разрушенный дом в этом году».",
         "ru", ["Мы восстановим каждый разрушенный дом в этом году"]),
    ],
)
def test_quoted_titles(text, language, quotes, direct):
    assert [s["quote"] for s in direct(text, language)] == quotes


# --------------------------------------------------------------------------- cleaning

_RELATED_RU = "По теме\nНОВОСТИ"


@pytest.mark.parametrize(
    ("raw", "lines"),
    [
        # a headline printed twice above the body, ending with «!»: both copies go, no lede
        ("Интерфакс\nПрезидент: Вся страна сердечно благодарит тебя, Анна!\n1 мин читать\n"
         "Президент: Вся страна сердечно благодарит тебя, Анна!\nПрезидент поздравил певицу "
         "с победой на конкурсе и поблагодарил ее за выступление.\nОн назвал победу "
         "заслуженной.", [5, 6]),
        ("Інтерфакс\nМера на сесії міськради зустріли оплесками та вигуками \"У відставку!\"\n"
         "1 хв читати\nМера на сесії міськради зустріли оплесками та вигуками \"У "
         "відставку!\"\nМер прибув на сесію міської ради, де його зустріли депутати.\n"
         "Активісти вимагали відставки.", [5, 6]),
        # … a sentence ending with a full stop printed twice: the second copy is the lede
        ("Інтерфакс\nМіністр підписав наказ про нові тарифи.\nМіністр підписав наказ про нові "
         "тарифи.\nДокумент набуде чинності з першого числа наступного місяця.", [3, 4]),
        # a paragraph cut off after a list of links opens as running text («По его словам»)
        ("Министр заявил, что агрессор не отказывается от своих планов.\n\"Ситуация на фронте "
         "остается сложной\", — сказал он.\n" + _RELATED_RU + "\nПо его словам, лишь в 2016 "
         "году на в", [1, 2, 5]),
        # a caption of any length ending with its photo credit after a slash or a full stop
        ("Діти повернулися додому з окупованих територій.\nДіти віком від 8 до 17 років "
         "возз’єдналися зі своїми рідними у Києві / Фото з Telegram @ombudsman\nЦе вже "
         "четверте повернення за місяць, розповів омбудсман.", [1, 3]),
        ("Митрополит выступил перед верующими в соборе.\nПредстоятель Православной церкви "
         "Украины митрополит Епифаний будет точно придерживаться канонического порядка, устава "
         "и норм томоса об автокефалии, заявил он журналистам. Фото: УНИАН\nОб этом он "
         "заявил в интервью.", [1, 3]),
        # a pointer to the full story elsewhere; a «Детали:» paragraph is the story itself
        ("Міністр оголосив про нові виплати для переселенців.\nПодробиці - у сюжеті нашого "
         "каналу о 12:00.\nВиплати почнуться з понеділка.", [1, 3]),
        ("Министр объявил о новых выплатах.\nДетали: выплаты начнутся с понедельника и "
         "продлятся до конца года.\nОб этом сообщили в министерстве.", [1, 2, 3]),
    ],
)
def test_headlines_twice_and_a_paragraph_after_links(raw, lines, cleaned_lines):
    assert cleaned_lines(raw)[0] == lines


# --------------------------------------------------------------------------- batches bt, bu


@pytest.mark.parametrize(
    ("text", "language", "quotes", "keys"),
    [
        # «Пряма мова X:» / «Прямая речь X:» introduces X's words
        ("Окупанти вдарили по вокзалу.\nПряма мова Гнатенка: \"Ракетою по залізничному "
         "вокзалу вдарили окупанти, рятувальники працюють на місці\"", "uk",
         ["Ракетою по залізничному вокзалу вдарили окупанти, рятувальники працюють на місці"],
         ["гнатенко"]),
        ("Оккупанты ударили по вокзалу.\nПрямая речь Гнатенко: «Ракетой по железнодорожному "
         "вокзалу ударили оккупанты, спасатели работают на месте»", "ru",
         ["Ракетой по железнодорожному вокзалу ударили оккупанты, спасатели работают на месте"],
         ["гнатенко"]),
        # a word for a title («спектакля») in the sentence before does not make the quotation
        # opening the next sentence a title
        ("Петр Урин объяснил отмену балета неготовностью спектакля. «Показывать его на сцене "
         "сейчас нельзя, он не готов», — сказал Урин.", "ru",
         ["Показывать его на сцене сейчас нельзя, он не готов"], ["урин"]),
        ("Петро Урін пояснив скасування балету неготовністю вистави. «Показувати його на сцені "
         "зараз не можна, він не готовий», — сказав Урін.", "uk",
         ["Показувати його на сцені зараз не можна, він не готовий"], ["урин"]),
        # … while a title right after such a word in its own sentence stays a title
        ("Он сыграл главную роль в спектакле «Гамлет и его тень в старом замке».", "ru", [], []),
    ],
)
def test_direct_speech_labels_and_titles(text, language, quotes, keys, direct, speaker_keys):
    found = direct(text, language)
    assert [s["quote"] for s in found] == quotes
    assert speaker_keys(found) == keys


@pytest.mark.parametrize(
    ("text", "language", "span"),
    [
        # the two ends of one span, «с … до …», «від … до …»: one dated mention
        ("С 2015 года до 11 ноября 2021 года он руководил городом.", "ru",
         ("С 2015 года до 11 ноября 2021 года", "2015-01-01", "2021-11-11")),
        ("З 2015 року до 11 листопада 2021 року він очолював місто.", "uk",
         ("З 2015 року до 11 листопада 2021 року", "2015-01-01", "2021-11-11")),
        # … a deadline alone is no span
        ("Он ушел в отпуск до 15 мая.", "ru", ("15 мая", "2025-05-15", "2025-05-15")),
    ],
)
def test_the_two_ends_of_a_span(text, language, span):
    from presslens.dates.table import find_dates

    found = find_dates(text, pd.Timestamp("2025-05-01").date(), language)
    got = [(r.text, str(r.date_start.date()), str(r.date_end.date())) for r in found.itertuples()]
    assert got == [span]
