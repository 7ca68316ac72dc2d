"""More failure classes found on real articles (benchmarks/quality, batches g–k), each guarded
by sentences written for the test in Russian and Ukrainian, never copied from the articles (the
date forms of these batches are in the table of ``test_real_text_classes.py``)."""

import pytest

from presslens.statements.reported import find_statements

# --------------------------------------------------------------------------- speakers

SPEAKER_CASES = [
    # (text, language, the quotation's first words, speaker mention, speaker's surname key)
    # a surname the dictionary reads as a town, after a first name
    ("По словам директора завода Сергея Камышина, «мы не будем поднимать цены в этом году».",
     "ru", "мы не будем поднимать", "Сергея Камышина", "камишин"),
    # the attribution inside the marks, with a hyphenated surname
    ('"Це буде огляд наукових сил країни, – каже вчений секретар інституту Олексій '
     'Корвін-Піотровський. - Зараз бракує фахівців."', "uk", "Це буде огляд", "Олексій "
     "Корвін-Піотровський", "корвин-пиотровск"),
    # a head (городской голова, очільник області) stands for the head named before
    ("Депутаты встретили мэра Ивана Соколова аплодисментами.\n«Мы будем работать для "
     "горожан каждый день», — заверил городской голова.", "ru", "Мы будем работать",
     "городской голова", "соколов"),
    ("Начальник ОВА Юрій Погуляйко зустрівся з підприємцями.\n«Це добре, що до нашої області "
     "переїжджають заводи», – зазначив очільник області.", "uk", "Це добре, що",
     "очільник області", "погуляико"),
    # a first name alone stands for the one person the text names in full with it
    ("Актриса Ірина Волицька показала нову виставу.\n«Це перше сценічне прочитання п’єси», — "
     "каже Ірина.", "uk", "Це перше сценічне", "Ірина", "волицк"),
    ("Певица Марина Полякова выпустила альбом.\n«Эти песни я писала два года», — говорит "
     "Марина.", "ru", "Эти песни я", "Марина", "поляков"),
    # the object of «цитирует»: the one quoted, not the agency
    ("Лидер партии Виктор Семенов подтвердил, что пойдет на выборы.\n«Я буду баллотироваться, "
     "потому что уверен в победе», - цитирует политика агентство.", "ru", "Я буду баллотироваться",
     "политика", "семенов"),
    # «говорится в сообщении» of no one named: the message of the subject named just before
    ("Мер не прийшов на засідання, написав у телеграм-каналі голова адміністрації Тимур "
     "Ткаченко.\n«Не можу знайти мера, щоб провести засідання ради», — йдеться у повідомленні.",
     "uk", "Не можу знайти", None, "ткаченко"),
    # a name alone after the quotation, no verb
    ("«Ми ніколи не забудемо, з чого починалося поглинання країни», — Петро Порошенко.", "uk",
     "Ми ніколи не забудемо", "Петро Порошенко", "порошенко"),
    ("«Мы никогда не забудем, с чего начиналось поглощение страны», — президент Петр "
     "Порошенко.", "ru", "Мы никогда не забудем", "Петр Порошенко", "порошенко"),
    # «таке повідомлення …»: the message of the one who commented just before
    ("Голова ОВА Олександр Старух прокоментував ситуацію.\n«Ворог завдав ракетного удару по "
     "селу біля міста. Зберігаємо спокій», — таке повідомлення з'явилося вранці.", "uk",
     "Ворог завдав ракетного", None, "старух"),
    # «он/він» is the last man named, before a name of unknown gender (a company read as one)
    ("Мэр Одессы Геннадий Труханов осмотрел улицы.\nВодоканал сообщил, что насосы работали, а "
     "Инфоксводоканал ремонтирует коллектор.\n«Отдельная благодарность спасателям, которые "
     "работали всю ночь», — отметил он.", "ru", "Отдельная благодарность", "он", "труханов"),
    ("Мер Одеси Геннадій Труханов оглянув вулиці.\nВодоканал повідомив, що насоси працювали, а "
     "Інфоксводоканал ремонтує колектор.\n«Окрема подяка рятувальникам, які працювали всю "
     "ніч», — зазначив він.", "uk", "Окрема подяка", "він", "труханов"),
]


def test_a_message_after_a_press_service_is_not_given_to_a_person_named_earlier():
    text = ("Министр Виктор Петров заявил о новой программе.\nОб этом сообщает пресс-служба "
            "министерства.\n«Министр поставил цель привить всех желающих», — говорится в "
            "сообщении.")
    found = [s for s in find_statements(text, "ru") if s["kind"] == "direct"]
    assert [s["person"] for s in found] == [None]


@pytest.mark.parametrize(("text", "language", "head", "mention", "key"), SPEAKER_CASES)
def test_more_real_text_speakers(text, language, head, mention, key):
    found = [s for s in find_statements(text, language) if s["kind"] == "direct"]
    assert [s["quote"][: len(head)] for s in found] == [head]
    assert found[0]["speaker_mention"] == mention
    assert found[0]["person"] is not None and found[0]["person"].key == key


# --------------------------------------------------------------------------- cleaning

BODY = "Городской совет утвердил бюджет на следующий год, сообщил мэр на сессии."
BODY_UK = "Міська рада ухвалила бюджет на наступний рік, повідомив мер на сесії."


@pytest.mark.parametrize(
    ("raw", "kept", "removed"),
    [
        # teasers of other articles, each cut off with an ellipsis, and the cut line after them
        (f"{BODY_UK}\nЗахисник молодіжної збірної дебютував у складі нового клубу з Туреччини…\n"
         "Колишній чемпіон світу поділився очікуваннями від майбутнього реваншу між…\n"
         "Нападник луганської команди розповів про", 1, ["related headline"] * 3),
        # «читайте в материале» at the end of a long paragraph: body
        (f"{BODY}\nБольниц стало втрое меньше, врачей не хватает, а скорую помощь можно ждать "
         "несколько суток. Как это сказывается на здоровье людей — читайте в материале нашего "
         "издания.", 2, []),
        # a sentence naming the source of the news, with a social network in it: body
        (f"Про це голова ОВА написав у своєму телеграм-каналі, передає агентство.\n{BODY_UK}",
         2, []),
        # a reminder of earlier news after the body, its period lost: body
        (f"{BODY}\nКак сообщалось ранее, 20 июня мэр рассказал, как считали цену на проезд\n"
         "Мэр дал прогноз на следующий год", 2, ["fragment"]),
        (f"{BODY_UK}\nНагадаємо, 20 червня мер розповів, як рахували ціну на проїзд\n"
         "Мер дав прогноз на наступний рік", 2, ["fragment"]),
        # after the body: a block's label ending with a colon, interface text in Latin letters
        (f"{BODY}\nТеги новостей:\nLeave a Reply", 1, ["section heading", "navigation"]),
        # a footnote on banned organisations, and site blocks
        (f"{BODY}\n* Организация признана экстремистской и запрещена в России\nЛента новостей\n"
         "Выбор читателей", 1, ["disclaimer", "navigation", "navigation"]),
        # a stamp with its view counter, a day's headlines, an address to the readers
        (f"Дата и время 3 марта 2018 г., 10:15   Просмотров: 1250\n{BODY}\nНОВОСТИ ДНЯ: Мэр "
         "открыл мост Синоптики обещают снег\nУважаемые читатели!", 1,
         ["timestamp", "read-also", "prompt"]),
        (f"{BODY_UK}\nНОВИНИ ДНЯ: Мер відкрив міст Синоптики обіцяють сніг\nШановні читачі!", 1,
         ["read-also", "prompt"]),
    ],
)
def test_more_real_text_cleaning(raw, kept, removed, cleaned_as):
    assert cleaned_as(raw) == (kept, removed)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Читайте также: мэр открыл мост", "read-also"),
        ("всё остальное — читайте в материале", "read-also"),
        ("почитайте в газете", None),  # «читайте» inside a word: no boundary
        ("хорошо_читайте в газете", None),
        ("Реклама", "ad"),
        ("{{ article.rubric }}", "template"),
    ],
)
def test_the_fast_vocabulary_search_keeps_word_boundaries_and_anchors(line, reason):
    from presslens.corpus._rules import ALWAYS

    found = [r for r, patterns in ALWAYS.items() if patterns.search(line.lower())]
    assert found == ([reason] if reason else [])
