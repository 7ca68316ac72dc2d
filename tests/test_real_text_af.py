"""Failure classes found on real articles of benchmarks/quality batches ad–ag, each guarded by
sentences written for the test in Russian and Ukrainian, never copied from the articles (their
date forms are in the date table of ``test_real_text_classes.py``)."""

import pytest

from presslens.statements.cues import is_cue
from presslens.statements.reported import find_statements
from presslens.statements.speakers import find_people

# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "language", "keys"),
    [
        # straight quotes nested in straight quotes: the inner one's closing mark before the
        # attribution dash closes the outer one too
        ("\"Я выиграл. Дети сказали мне: \"Папа, теперь ты\". Я ответил им: \"Конечно\", - "
         "сказал Петров.", "ru", ["петров"]),
        ("\"Я виграв. Діти сказали мені: \"Тато, тепер ти\". Я відповів їм: \"Звісно\", - "
         "сказав Петренко.", "uk", ["петренко"]),
        # a surname that is also a common noun, right after the reporting verb, with no first
        # name anywhere in the text (the Russian dictionary reads Коваль, Голуб as nouns; the
        # Ukrainian one knows them as surnames)
        ("\"Я готов к следующему бою уже весной\", - сказал Коваль.\n\"Я хочу посвятить эту "
         "победу своей семье\", - также сказал он.", "ru", ["ковал", "ковал"]),
        ("\"Бюджет города на следующий год уже готов\", - заявил Голуб.", "ru", ["голуб"]),
        # a surname that is also an adjective, before a word that may be a noun or a
        # preposition (під): a surname, not an adjective of «під»
        ("\"Це вступ без тестів на нульовий курс\", - сказав Лісовий під час \"години запитань "
         "до уряду\".", "uk", ["лисов"]),
        # the person named after a long title that follows «цитує/цитирует»
        ("\"Ми робимо все можливе, щоб театри запрацювали\", – цитує міністра культури та "
         "інформаційної політики Олега Ткаченка пресслужба відомства.", "uk", ["ткаченко"]),
        ("\"Мы делаем все возможное, чтобы театры заработали\", – цитирует министра культуры и "
         "информационной политики Олега Ткаченко пресс-служба ведомства.", "ru", ["ткаченко"]),
    ],
)
def test_speakers_of_batches_ad_ag(text, language, keys, direct, speaker_keys):
    assert speaker_keys(direct(text, language)) == keys


@pytest.mark.parametrize(
    ("text", "language", "keys"),
    [
        # a quoted fragment in lower case in the journalist's sentence right after a
        # statement (of the paragraph before): that statement's speaker's words
        ("Петро Котенко підкреслив, що інші станції продовжують працювати.\nІ не лише енергетики "
         "«постійно посилюють захист усіх станцій», а «це завдання і для наших військових».",
         "uk", ["котенко", "котенко"]),
        ("Петр Котенко подчеркнул, что другие станции продолжают работать.\nИ не только энергетики "
         "«постоянно усиливают защиту всех станций», а «это задача и для наших военных».",
         "ru", ["котенко", "котенко"]),
        # … or in the same paragraph, a sentence after one that reports speech
        ("Водночас інші станції, підкреслив Петро Котенко, продовжують працювати. І не лише "
         "енергетики «постійно посилюють захист усіх станцій».", "uk", ["котенко"]),
        # … but not with no statement before it, nor when other sentences stand between
        ("Суд приговорил его заочно за ведение «агрессивной войны против соседней страны».",
         "ru", []),
        ("\"Мы готовы к диалогу\", - подчеркнул Петр Котенко.\nРанее правительство опубликовало "
         "проект договора. В нем предлагается отказаться «от любой военной деятельности на "
         "территории страны».", "ru", ["котенко"]),
    ],
)
def test_a_fragment_after_a_statement_is_its_speakers(text, language, keys, direct,
                                                      speaker_keys):
    assert speaker_keys(direct(text, language)) == keys


@pytest.mark.parametrize(
    ("text", "language", "first"),
    [
        # a declined surname reads the first name in its case: Олега → Олег, Олександра
        # Ткаченка → Олександр; a surname that may be nominative leaves the first name as it is
        ("Слова Олександра Ткаченка передала пресслужба.", "uk", "Олександр"),
        ("Про це сказала Олександра Ткаченко.", "uk", "Олександра"),
        ("Об этом сообщила Александра Иванова.", "ru", "Александра"),
        # … but not into a plural reading of the first name (Оксен is no «Оксена»)
        ("С предложением выступил министр Оксен Лисовой.", "ru", "Оксен"),
    ],
)
def test_a_first_name_takes_the_case_of_its_surname(text, language, first):
    assert [p.first for p in find_people(text, language)] == [first]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("\"Я піднімуся у вищу вагу і покажу всім свій рівень\", - зазначив Олімпійський "
         "чемпіон.", "uk"),
        ("\"Я поднимусь в более высокий вес и покажу всем свой уровень\", - отметил Олимпийский "
         "чемпион.", "ru"),
    ],
)
def test_a_capitalised_adjective_after_the_verb_is_no_surname(text, language, direct):
    assert [s["person"] for s in direct(text, language)] == [None]


# --------------------------------------------------------------------------- organisations


@pytest.mark.parametrize(
    ("text", "language", "mentions"),
    [
        # a weekday and an organisation's noun between the verb and its quoted name
        ("Графики отключений будут действовать в пятницу, сообщили в четверг в государственной "
         "компании \"Укргаз\".", "ru", ["Укргаз"]),
        ("Графіки відключень діятимуть у п'ятницю, повідомили в четвер у національній компанії "
         "\"Енергоатом\".", "uk", ["Енергоатом"]),
        # a capitalised head and words in the genitive before the verb
        ("У Міністерстві охорони здоровʼя повідомили, що до лікарні доставили шість "
         "постраждалих.", "uk", ["Міністерство охорони здоровʼя"]),
        ("В Министерстве иностранных дел заявили, что посол вызван для объяснений.", "ru",
         ["Министерство иностранных дел"]),
        # a medium's name after «в интервью» is not the speaker
        ("Графики отключений будут действовать в пятницу, сообщил он в интервью Reuters.", "ru",
         ["он"]),
    ],
)
def test_an_organisation_named_after_its_verb(text, language, mentions):
    assert [s["speaker_mention"] for s in find_statements(text, language)] == mentions


@pytest.mark.parametrize(
    ("text", "language", "mentions"),
    [
        # a message's impersonal verb (отмечается, наголошується, подчеркивалось) is a cue:
        # the words are the organisation's that spoke last, or the one named after the message
        ("В МИД отметили, что готовы к переговорам с соседями.\n\"Мы готовы к переговорам в "
         "любом формате\", - отмечается в заявлении.", "ru", ["МИД", "МИД"]),
        ("\"Ми готові до переговорів у будь-якому форматі\", - наголошується у заяві МЗС.", "uk",
         ["МЗС"]),
        ("\"Ворог свідомо обстрілював житлові квартали\", - наголошувалося в повідомленні.",
         "uk", [None]),
        # but «объясняется тем, что» reports no one
        ("Рост цен объясняется тем, что подорожала нефть.", "ru", []),
    ],
)
def test_a_message_says_what_its_issuer_says(text, language, mentions):
    assert [s["speaker_mention"] for s in find_statements(text, language)] == mentions


@pytest.mark.parametrize(
    ("word", "language", "kind"),
    [
        ("отмечается", "ru", "message"),
        ("подчеркивалось", "ru", "message"),
        ("наголошується", "uk", "message"),
        ("повідомлялося", "uk", "message"),
        ("отмечался", "ru", None),  # a person's reflexive past is no message's verb
        ("отметил", "ru", "speech"),
    ],
)
def test_a_messages_impersonal_verb(word, language, kind):
    assert is_cue(word, language) == kind


# --------------------------------------------------------------------------- cleaning


@pytest.mark.parametrize(
    ("raw", "kept", "removed"),
    [
        # an embedded post's signature under the body
        ("Министр заявил о своей отставке на брифинге в среду.\n\nОн объяснил решение давлением "
         "на команду.\n\nОпубликовано Иваном Петровым 3 февраля 2016 г.", 2, ["caption"]),
        ("Міністр заявив про свою відставку на брифінгу в середу.\n\nВін пояснив рішення тиском "
         "на команду.\n\nОпубліковано Іваном Петренком 3 лютого 2016 р.", 2, ["caption"]),
        # a block label with related headlines on the same line
        ("Музею присвоят национальный статус до конца года.\n\nРешение примет правительство "
         "после проверки.\n\nНовости по этой теме: 12 марта 2024: В Одессе открыли выставку "
         "15 октября 2023: Художники вернулись в город", 2, ["read-also"]),
        ("Громади області об'єднуються повільніше, ніж планували в уряді.\n\nЧиновники "
         "пояснюють це браком коштів у місцевих бюджетах.\n\nСтатті до теми:\n\nТакож з цієї "
         "категорії...", 2, ["read-also", "read-also"]),
        # (batches aj, ak) a grant-funding footer, a cookie consent, «Схожі новини»
        ("Громада отримала нові автобуси для шкільних перевезень.\n\nВодії вже пройшли "
         "навчання і почнуть роботу з понеділка.\n\nЦю публікацію було створено за фінансової "
         "підтримки Європейського Союзу.\n\nСхожі новини\n\nПродовжуючи перегляд сайту, ви "
         "погоджуєтесь з політикою конфіденційності.", 2, ["disclaimer", "read-also", "prompt"]),
        ("Общине передали новые автобусы для школьных перевозок.\n\nВодители уже прошли "
         "обучение и начнут работу с понедельника.\n\nЭтот материал был создан при финансовой "
         "поддержке Европейского Союза.\n\nПохожие новости\n\nПродолжая просмотр сайта, вы "
         "соглашаетесь с политикой конфиденциальности.", 2, ["disclaimer", "read-also", "prompt"]),
        # a comment counter's label above the body is no comment section: the body under it
        # stays
        ("Подача воды откладывается на неопределенный срок\n\nКомментарии:\n\nНасосная "
         "станция повреждена обстрелом, ремонт займет несколько недель.\n\nОб этом сообщил "
         "городской голова на брифинге в понедельник.", 2, ["title", "comments"]),
        # lines in Latin script alone under an article in Cyrillic (an English list of
        # headlines); an article in English keeps its lines
        ("Главный врач страны сегодня получил прививку от коронавируса в больнице.\n\nОн "
         "объяснил, что хочет показать пример всем медикам своей области.\n\nВакцинация "
         "врачей продолжится до конца месяца во всех областях страны.\n\nLeague president "
         "says most clubs are on our side now\n\nCoach refused to play without the league "
         "approval", 3, ["foreign script", "foreign script"]),
        ("The chief doctor got his vaccine at the hospital today.\n\nHe said he wants to set "
         "an example for all doctors of the region.\n\nThe vaccination of doctors will go on "
         "until the end of the month.", 3, []),
    ],
)
def test_cleaning_of_batches_ad_ag(raw, kept, removed, cleaned_as):
    assert cleaned_as(raw) == (kept, removed)


# --------------------------------------------------------------------------- said on


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("\"Попри вчорашніх загиблих, поїзди їдуть за розкладом\", - сказав Петренко.\nВін "
         "наголосив, що всі поїзди цього напрямку продовжують рух.\n\"Ми довозимо пасажирів і "
         "до Донеччини\", - додав він.", "uk"),
        ("\"Вчера город обстреливали, но поезда идут по расписанию\", - сказал Петров.\nОн "
         "подчеркнул, что все поезда этого направления продолжают движение.\n\"Мы довозим "
         "пассажиров и до Донбасса\", - добавил он.", "ru"),
    ],
)
def test_a_day_named_inside_the_words_is_not_when_later_words_were_said(text, language,
                                                                        statements_of):
    found = statements_of([(text, language)], "2025-11-09")
    assert [str(d.date()) for d in found["said_on"]] == ["2025-11-09"] * 3


@pytest.mark.parametrize(
    ("text", "language", "people"),
    [
        # a city that is also a surname: «во Львове», «у Львові» make it a place in the text
        ("Туристы едут во Львов. Теперь Львов строит новые больницы.", "ru", []),
        ("У Львові відкрили лікарню. Тепер Львів будує нові лікарні.", "uk", []),
        # … unless the text names a person with that surname in full
        ("Во Львове прошла встреча. Андрей Львов заявил о планах. Львов добавил, что все "
         "готово.", "ru", ["Андрей Львов", "Львов"]),
    ],
)
def test_a_place_of_the_text_is_no_person(text, language, people):
    assert [p.text for p in find_people(text, language)] == people


# --------------------------------------------------------------------------- one person


@pytest.mark.parametrize(
    ("texts", "same"),
    [
        # a surname a letter apart (a scrape that lost its «і», a typo) with the same first
        # name is one person across the corpus
        ([("Михаил Саакашвили заявил: «Я вернусь в Одессу и стану ее мэром».", "ru"),
          ("Михайло Саакашвл заявив: «Я повернуся в Одесу і стану її мером».", "uk")], True),
        # two surnames a letter apart with different first names are two people
        ([("Надежда Савченко заявила: «Я вернусь в Киев и стану депутатом».", "ru"),
          ("Виктор Савенко заявил: «Я вернусь в Киев и стану депутатом».", "ru")], False),
        # … and a surname never named with a first name keeps its own spelling
        ([("Максим Голенко заявил: «Мы поставим этот роман на большой сцене».", "ru"),
          ("«Ми поставимо цей роман на великій сцені», — зазначив Гопенко.", "uk")], False),
    ],
)
def test_one_person_under_two_spellings(texts, same, statements_of):
    ids = statements_of(texts, "2018-03-07")["speaker_id"].tolist()
    assert len(ids) == 2 and (ids[0] == ids[1]) == same


@pytest.mark.parametrize(
    ("text", "language", "nominative"),
    [
        # a first name whose only nominative reading is a plural (Луки: of Лука, of лук) is
        # in another case: «гол Луки Мейрелліша» names no subject
        ("На гол Луки Мейрелліша господарі відповіли двома ударами.", "uk", [False]),
        ("Лука Мейрелліш забив перший гол.", "uk", [True]),
    ],
)
def test_a_plural_reading_is_no_persons_nominative(text, language, nominative):
    assert [p.nominative for p in find_people(text, language)] == nominative


@pytest.mark.parametrize(
    ("uk", "ru"),
    [
        # loan verbs, their nouns: -увати/-ювати = -ировать, -ування = -ирование
        ("прогнозувати", "прогнозировать"),
        ("контролювати", "контролировать"),
        ("фінансування", "финансирование"),
        ("реагувати", "реагировать"),
    ],
)
def test_loan_verbs_fall_together_across_languages(uk, ru):
    from presslens.text import bridge_form

    assert bridge_form(uk) == bridge_form(ru)



@pytest.mark.parametrize(
    ("text", "language", "people"),
    [
        # a company's name built of Укр… or …газ, …банк, …енерго is no surname
        ("Укренерго повідомило про нові відключення, а Нафтогаз відповів на претензії.", "uk",
         []),
        ("Сообщение Укрэнерго прокомментировал Приватбанк.", "ru", []),
        # … but a surname of the same letters stays one (Українець, Газов)
        ("Олег Українець і Петро Газов заявили про нові плани.", "uk",
         ["Олег Українець", "Петро Газов"]),
    ],
)
def test_a_company_name_is_no_surname(text, language, people):
    assert [p.text for p in find_people(text, language)] == people


def test_an_amount_is_no_year():
    from presslens.dates import find_dates

    assert find_dates("Квиток коштував 2014 рублів.", "2024-05-25", "uk").empty
