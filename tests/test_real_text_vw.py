"""Failure classes found on real articles of benchmarks/quality batches v–w, each guarded by
sentences written for the test in Russian and Ukrainian, never copied from the articles (their
date forms are in the date table of ``test_real_text_classes.py``)."""

import pytest

from presslens.statements.reported import find_statements
from presslens.statements.roles import find_roles
from presslens.statements.speakers import find_people

# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "language", "keys"),
    [
        # a bare role noun for the person named before without that post
        ("Олена Бойко розповіла про плани комітету на рік.\nНа питання, чи підтримає вона "
         "закон, депутатка відповіла так:\n— Якщо уряд внесе зміни, я проголосую за нього.",
         "uk", ["боико"]),
        ("Игорь Сомов рассказал о планах комитета на год.\nНа вопрос, поддержит ли он закон, "
         "депутат ответил так:\n— Если правительство внесет поправки, я проголосую за него.",
         "ru", ["сомов"]),
        # a post held by one person, named only after the words: the next one named
        ("\"Ми шукаємо гроші на підвищення зарплат лікарям\", - сказала очільниця уряду.\n"
         "\"Рішення буде ухвалене до кінця року\", - сказала Мельник.", "uk",
         ["мелник", "мелник"]),
        # председатель Верховной Рады = спикер
        ("Об этом сообщил председатель Верховной Рады Олег Демченко.\n«Я пригласил министра на "
         "заседание, чтобы он доложил о ситуации», — сообщил спикер.", "ru", ["демченко"]),
        ("Про це повідомив голова Верховної Ради Олег Демченко.\n«Я запросив міністра на "
         "засідання, щоб він доповів про ситуацію», — повідомив спікер.", "uk", ["демченко"]),
        # a surname the dictionary reads as a first name's plural is a surname in the nominative
        ("\"Мэрия освобождена, все работают в обычном режиме\", - написал в Facebook Арсен "
         "Аваков.", "ru", ["аваков"]),
        # … alone, its dash glued to the verb by the scrape; «в своем Facebook» is no source
        ("Об этом он написал в своемFacebook.\n«Несколько дней, надеюсь, этого хватит, чтобы "
         "навести порядок», —пишет Аваков.", "ru", ["аваков"]),
        # глава МОЗ is a minister: «— сказал министр» is his
        ("Глава МОЗ Олег Ткач заявил о новых ограничениях.\n«Я бы не называл это карантином, "
         "это меры выходного дня», — подчеркнул министр.", "ru", ["ткач"]),
        # a sentence giving the source, then the words in the same paragraph
        ("Мэр Андрей Сомов прокомментировал соглашение. Об этом он написал на своей странице в "
         "Facebook. «Подписано соглашение о вывозе мусора из города. Детали позже»,", "ru",
         ["сомов"]),
        ("Мер Андрій Сомко прокоментував угоду. Про це він написав на своїй сторінці у "
         "Facebook. «Підписано угоду про вивезення сміття з міста. Деталі пізніше».", "uk",
         ["сомко"]),
        # one post named with «та»/«и» (міністр культури та інформаційної політики); a rank
        # (генерал) fits whatever post the person holds; «дополнил» reports
        ("Міністр культури та інформаційної політики Олег Бондар подав у відставку.\n“Я передав "
         "прем’єру заяву про відставку ще вчора”, – заявив міністр культури.", "uk", ["бондар"]),
        ("Главнокомандующий ВСУ Олег Бондарь дал интервью телеканалу.\nОб этом генерал ВСУ "
         "рассказал в пятницу.\n«Это был первый случай такого рода на нашем направлении», — "
         "сказал генерал.", "ru", ["бондар"]),
        ("Начальник ОВА Олег Бондарь сообщил об обстрелах.\n«В 15:09 в селе в результате взрыва "
         "пострадал мужчина», — дополнил начальник ОВА.", "ru", ["бондар"]),
        # a plural noun after a preposition is an object of its own, not the name's apposition
        ("Звернення до волонтерів Олена Гнатюк оприлюднила у своєму Telegram-каналі.\n«Дякую "
         "всім, хто допомагав нашому місту цього року».", "uk", ["гнатюк"]),
        # a first quotation two paragraphs after the lede: the lede's subject's words
        ("Украинская пловчиха Анна Рыбак побила рекорд Европы.\nПредыдущий рекорд принадлежал "
         "Марии Ивановой из Болгарии.\n«Я долго шла к этому результату и очень счастлива».",
         "ru", ["рибак"]),
        ("Українська плавчиня Ганна Рибак побила рекорд Європи.\nПопередній рекорд належав "
         "Марії Івановій з Болгарії.\n«Я довго йшла до цього результату і дуже щаслива».",
         "uk", ["рибак"]),
        # «слова тренера»: the last subject of that gender; «слова жильца» after a name in
        # the genitive: someone not named
        ("Тренер Олег Мороз провел последнюю тренировку перед матчем.\n«Мы готовы к игре и "
         "будем бороться», — приводит слова тренера пресс-служба клуба.", "ru", ["мороз"]),
        ("Жалобы поступили на страницу мэра Ивана Сомова.\n— Мы живем без тепла уже неделю, — "
         "приводит слова жильца портал.", "ru", [None]),
    ],
)
def test_speakers_of_batches_v_w(text, language, keys, direct, speaker_keys):
    assert speaker_keys(direct(text, language)) == keys


@pytest.mark.parametrize(
    ("text", "language", "mention"),
    [
        # «they» of a plural verb, no one named: the organisation that spoke last
        ("У Нацбанку наголосили: інфляція сповільнюється другий місяць поспіль.\n\"Ми очікуємо "
         "подальшого зниження цін до кінця року\", - пояснили журналістам.", "uk", "Нацбанк"),
        ("В Минфине подчеркнули: дефицит бюджета сокращается.\n\"Мы рассчитываем на дальнейшее "
         "снижение дефицита в следующем году\", - объяснили журналистам.", "ru", "Минфин"),
        # an organisation named as the subject before its verb; «йдеться в повідомленні»
        ("Генеральний штаб ЗСУ на початку доби повідомив, що противник зазнає втрат.\n«Протягом "
         "доби захисники зупинили просування противника на кількох напрямках», – йдеться в "
         "повідомленні.", "uk", "Генеральний штаб ЗСУ"),
        ("Пресс-служба Нацбанка утром сообщила, что инфляция замедлилась.\n«Монетарные условия "
         "остаются достаточно жесткими для снижения инфляции», – говорится в сообщении.", "ru",
         "Пресс-служба Нацбанка"),
        # an organisation's short name with capitals inside stays as written
        ("В УкрГМЦ наголосили: прогноз на місяць лише орієнтовний.\n\"Точніше про це можна "
         "говорити наступного тижня\", - пояснили синоптики.", "uk", "УкрГМЦ"),
    ],
)
def test_an_organisations_plural_they_keeps_its_voice(text, language, mention):
    found = find_statements(text, language)
    assert [s["speaker_mention"] for s in found] == [mention, mention]
    assert [s["kind"] for s in found] == ["indirect", "direct"]


@pytest.mark.parametrize(
    ("text", "language", "mention"),
    [
        # the source named with words between «Про це» and its verb
        ("Про це в п'ятницю, 11 травня, повідомляє прес-служба Нацбанку.\n«Монетарні умови "
         "залишаються достатньо жорсткими для зниження інфляції».", "uk",
         "прес-служба Нацбанку"),
        # «йдеться в коментарі X щодо …»: X, not what the comment is about
        ("Про це йдеться в коментарі НБУ щодо даних статистики.\n«Поточна динаміка інфляції "
         "загалом відповідає нашому прогнозу».", "uk", "НБУ"),
        ("Об этом говорится в комментарии Нацбанка относительно данных статистики.\n«Текущая "
         "динамика инфляции в целом соответствует нашему прогнозу».", "ru", "Нацбанка"),
    ],
)
def test_a_whole_paragraph_quotation_gets_the_source_named_before(text, language, mention, direct):
    assert [s["speaker_mention"] for s in direct(text, language)] == [mention]


@pytest.mark.parametrize(
    ("text", "language", "people"),
    [
        # a noun that ends as abstract nouns do opens the sentence: not a name
        ("Відеозвернення до мешканців Олег Савчук записав у неділю.", "uk", ["Олег Савчук"]),
        ("Самоуправление города Игорь Сомов назвал эффективным.", "ru", ["Игорь Сомов"]),
        # … a pronoun opening a sentence (a surname in the dictionary) …
        ("Вона розповіла про підготовку. Тренер Олег Савчук це підтвердив.", "uk",
         ["Олег Савчук"]),
        # … and an adjective alone before the noun it agrees with (a surname in the dictionary)
        ("Українська плавчиня Ганна Рибак побила рекорд.", "uk", ["Ганна Рибак"]),
    ],
)
def test_an_abstract_noun_opening_a_sentence_is_no_person(text, language, people):
    assert [p.text for p in find_people(text, language)] == people


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a role word that is an adjective of the thing named next names no one
        ("Центр - єдина уповноважена установа, що надає офіційні прогнози.", "uk"),
        ("Это единственный уполномоченный орган в области.", "ru"),
    ],
)
def test_a_role_adjective_before_a_thing_is_no_role(text, language):
    assert find_roles(text, language) == []


# --------------------------------------------------------------------------- quotations


@pytest.mark.parametrize(
    ("text", "language", "head", "key"),
    [
        # a quotation opening with a quoted name shares its opening mark with it
        ("«Динамо», спасибо! Мы вместе, мы одна команда!» — сказал тренер Иван Петров после "
         "матча.", "ru", "Динамо», спасибо!", "петров"),
        ("«Шахтар», дякую! Ми разом, ми одна команда!» — сказав тренер Іван Петренко після "
         "матчу.", "uk", "Шахтар», дякую!", "петренко"),
        # a greeting's words quoted inside reported speech
        ("Мэр Иван Петров также поздравил всех жителей \"с этим долгожданным и важным "
         "праздником\".", "ru", "с этим долгожданным", "петров"),
        ("Мер Іван Петренко також привітав усіх мешканців \"з цим довгоочікуваним і важливим "
         "святом\".", "uk", "з цим довгоочікуваним", "петренко"),
        # a gerund of a speech verb before «что»/«що» reports the words
        ("Министр Анна Сомова отказалась назвать преемника, сказав, что «это вопрос к "
         "правительству и парламенту».", "ru", "это вопрос к", "сомов"),
        ("Міністерка Ганна Сомко відмовилася назвати наступника, наголосивши, що «це питання "
         "до уряду та парламенту».", "uk", "це питання до", "сомко"),
    ],
)
def test_quotations_of_batches_v_w(text, language, head, key, direct, speaker_keys):
    found = direct(text, language)
    assert [s["quote"].startswith(head) for s in found] == [True]
    assert speaker_keys(found) == [key]


# --------------------------------------------------------------------------- cleaning

BODY = "Городской совет утвердил бюджет на следующий год, сообщил мэр на сессии."
BODY_UK = "Міська рада ухвалила бюджет на наступний рік, повідомив мер на сесії."


@pytest.mark.parametrize(
    ("raw", "kept", "removed"),
    [
        # a teaser above the body, the start of a body line written out in full later
        ("Мэр поздравил горожан\nМэр также поздравил всех жителей \"с этим важным праздником\".\n"
         f"{BODY}\nМэр также поздравил всех жителей \"с этим важным праздником\" и поблагодарил "
         "за поддержку.", 2, ["title", "duplicate line"]),
        # a lede without its period, a line pointing back to it kept above the body's anchor
        ("У Мінфіні назвали дефіцит бюджету\nУ Міністерстві фінансів підрахували, що дефіцит "
         "бюджету становить понад 3 мільярди\nПро це міністр фінансів сказав в інтерв'ю, передає "
         f"агентство\n{BODY_UK}", 3, ["title"]),
        # a line introducing the next one, then a line cut off at the end: both body
        (f"{BODY_UK}\nНа питання, чи зросте плата за проїзд, мер відповів так:\nЦе працюватиме "
         "так: для пільговиків проїзд залишиться безкошто", 3, []),
        # an embedded post: its text is body, its signature is not
        (f"{BODY_UK}\nЦе – наша спільна перемога! pic.twitter.com/abc123XYZ\n— Іван Петренко "
         "(@ivanpetrenko) 11 жовтня 2018 р.\nДепутати також ухвалили план ремонту доріг.", 3,
         ["caption"]),
        # a site's message to a visitor who has not logged in
        (f"{BODY}\nУважаемый посетитель, Вы зашли на сайт как незарегистрированный пользователь. "
         "Мы рекомендуем Вам зарегистрироваться.", 1, ["prompt"]),
        # the outlet's name under the body is not a sentence cut off
        (f"{BODY_UK}\nУкраїнська правда", 1, ["fragment"]),
        # a page's permanent address above the body; a sentence introducing words the scrape
        # cut to a lone quotation mark is body
        ("Постоянный адрес: http://example.com/news/budget.html?print\n" + BODY, 1,
         ["navigation"]),
        (f"{BODY_UK}\nЩодо її роботи в новому уряді в.о. міністра зазначила:\n\"", 2,
         ["punctuation"]),
        # signing an agreement is no prompt to subscribe; a long line giving the source of the
        # news is body, cut off or not
        ("Мэр города Иван Сомов заявил о подписании соглашения о прекращении блокады.\nОб этом "
         "он написал на своей странице в Facebook. «Подписано соглашение о вывозе мусора из "
         "города. Под гарантии правительства и области. Детали позже»,", 2, []),
        ("Мер міста Іван Сомко заявив про підписання угоди про припинення блокади.\nПро це він "
         "написав на своїй сторінці у Facebook. «Підписано угоду про вивезення сміття з "
         "міста. Під гарантії уряду та області. Деталі пізніше»,", 2, []),
    ],
)
def test_cleaning_of_batches_v_w(raw, kept, removed, cleaned_as):
    assert cleaned_as(raw) == (kept, removed)


# --------------------------------------------------------------------------- ru↔uk


@pytest.mark.parametrize(
    ("uk", "ru"),
    [
        # досвід/опыт, розрахунок/расчет, базуватися/базироваться, перевірений/проверенный
        ("Наш досвід і розрахунки базуються на перевірених даних", "Наш опыт и расчеты "
         "базируются на проверенных данных"),
        # (batches ad–ag) вибачити/извинить, визнати/признать, дякувати/благодарить,
        # очікувати/ожидать, відсутність/отсутствие, дія/действие
        ("Вибачте, але ми визнаємо помилку лише після перевірки", "Извините, но мы признаем "
         "ошибку только после проверки"),
        ("Ми дякуємо лікарям і очікуємо на відсутність нових спалахів", "Мы благодарим врачей "
         "и ожидаем отсутствия новых вспышек"),
        ("Це активна дія, спрямована проти реформ", "Это активное действие, направленное "
         "против реформ"),
        # (batches al, am) втрачати/терять, жаль/сожаление, особисто/лично,
        # величезний/огромный, біль/боль, загарбник/захватчик, захопити/захватить,
        # руйнувати/разрушать, вбивати/убивать, військовослужбовець/военнослужащий
        ("На жаль, ми втрачаємо військовослужбовців, і для мене особисто це величезний біль",
         "К сожалению, мы теряем военнослужащих, и для меня лично это огромная боль"),
        ("Загарбники намагаються захопити землю, вбиваючи людей і руйнуючи міста",
         "Захватчики пытаются захватить землю, убивая людей и разрушая города"),
        # обіцяти/обещать, підвищення/повышение, заборонити/запретить, дозвіл/разрешение
        ("Уряд обіцяє не допустити підвищення цін і заборонити продаж без дозволу",
         "Правительство обещает не допустить повышения цен и запретить продажу без "
         "разрешения"),
    ],
)
def test_the_bridge_joins_a_statement_and_its_translation(uk, ru):
    from presslens.statements.linking import SIMILARITY, statement_similarity

    assert statement_similarity([uk, ru], ["uk", "ru"])[0, 1] >= 2 * SIMILARITY
