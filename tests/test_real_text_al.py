"""Failure classes found on real articles of benchmarks/quality batches al, am, each guarded by
sentences written for the test in Russian and Ukrainian, never copied from the articles (their
date forms are in the date table of ``test_real_text_classes.py``)."""

import pytest

from presslens.statements.cues import is_cue

# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "language", "keys"),
    [
        # a reporting verb with no subject, in the paragraph of the statement before it: that
        # statement's speaker (here one the text leaves unnamed), not the source organisation
        ("Про це повідомляє обласна прокуратура.\nЗокрема, він написав: «Скоро все зміниться в "
         "нашому місті». Також заявив: «Ми ще побачимо, хто тут господар».",
         "uk", ["він", "він"]),
        ("Об этом сообщает областная прокуратура.\nВ частности, он написал: «Скоро все "
         "изменится в нашем городе». Также заявил: «Мы еще увидим, кто здесь хозяин».",
         "ru", ["он", "он"]),
        # … and a named one
        ("«Бюджет на следующий год уже готов», — сказал Петр Коваленко. Также добавил: «Денег "
         "на ремонт дорог хватит».", "ru", ["коваленко", "коваленко"]),
        # a post written short (головком, главком) and a head of a ministry stand for the
        # person named before with that post
        ("Головнокомандувач ЗСУ генерал Петро Мельник визнав втрати армії.\n«Так, на жаль, ми "
         "втрачаємо людей, і для мене це біль», — сказав головком ЗСУ.", "uk", ["мелник"]),
        ("Главнокомандующий ВСУ Петр Мельник признал потери.\n«Да, к сожалению, мы теряем "
         "людей, и для меня это боль», — сказал главком.", "ru", ["мелник"]),
        ("Об этом глава министерства Сергей Руденко сказал в интервью.\n«Мы уже подготовили "
         "бюджетную декларацию на следующий год», - отметил министр.", "ru", ["руденко"]),
        # a first-person dash paragraph right after a paragraph of a person's reported speech
        # is that person's (when the gender fits)
        ("У перший день року голова області Петро Мельник провів нараду.\nЯк наголосив Петро "
         "Мельник, область відновить лікарню.\n- Учора я приєднався до зустрічі з військовими "
         "й пообіцяв їм допомогу", "uk", ["мелник"]),
        # a noun of either gender (судья) takes the past verb's gender: with only a woman named
        # before, «огласил … судья» is someone the text does not name
        ("Приговор огласили летчице Надежде Коваленко.\n\"Коваленко действовала по мотивам "
         "ненависти\", — огласил решение судья.", "ru", ["судья"]),
    ],
)
def test_speakers_of_batches_al_am(text, language, keys, direct, speaker_keys):
    assert speaker_keys(direct(text, language)) == keys


@pytest.mark.parametrize(
    ("text", "language", "keys"),
    [
        # (batches ap, aq) a surname that does not decline (Савченко) has the gender of the same
        # person named in full: «он» is not Надежда Савченко
        ("Выступление генпрокурора Юрия Луценко касалось Надежды Савченко. Савченко, по "
         "данным следствия, готовила теракт.\n\"Целью было создание хаоса в стране\", - "
         "сказал он.", "ru", ["луценко"]),
        ("Виступ генпрокурора Юрія Луценка стосувався Надії Савченко. Савченко, за даними "
         "слідства, готувала теракт.\n\"Метою було створення хаосу в країні\", - сказав він.",
         "uk", ["луценко"]),
    ],
)
def test_speakers_of_batches_ap_aq(text, language, keys, direct, speaker_keys):
    assert speaker_keys(direct(text, language)) == keys


@pytest.mark.parametrize(
    ("word", "language", "kind"),
    [
        # reporting verbs found missing on real text
        ("обратился", "ru", "speech"),
        ("поинтересовался", "ru", "speech"),
        ("воскликнул", "ru", "speech"),
        ("звернувся", "uk", "speech"),
        ("поцікавився", "uk", "speech"),
        ("вигукнув", "uk", "speech"),
        # (batches av–ay) what a post «гласит»
        ("гласит", "ru", "speech"),
        # … the nouns of the same stems are no verbs
        ("обращение", "ru", None),
        ("звернення", "uk", None),
    ],
)
def test_reporting_verbs_of_batches_al_am(word, language, kind):
    assert is_cue(word, language) == kind


@pytest.mark.parametrize(
    ("text", "language", "quote"),
    [
        ("\"Это игра. Кто-то выигрывает, а кто-то нет\", – обратился Коваленко к игрокам.",
         "ru", "Это игра. Кто-то выигрывает, а кто-то нет"),
        ("\"Це гра. Хтось виграє, а хтось ні\", – звернувся Коваленко до гравців.",
         "uk", "Це гра. Хтось виграє, а хтось ні"),
    ],
)
def test_a_speech_turned_to_someone_is_a_statement(text, language, quote, direct):
    assert [s["quote"] for s in direct(text, language)] == [quote]


# --------------------------------------------------------------------------- cleaning


@pytest.mark.parametrize(
    ("raw", "kept", "reasons"),
    [
        # a long headline with a quotation and no full stop, right above the timestamp, is the
        # title even below a first line that looks like one
        ("Гаряча лінія обласної адміністрації працює цілодобово\n\nПетро Мельник: «У новому "
         "році підтримка військових залишиться одним із головних завдань влади»\n\n3 січня "
         "2017 - 15:00\n\nУ перший робочий день року голова області провів зустрічі з "
         "військовими.\n\nВін пообіцяв допомогу з ремонтом госпіталю.",
         2, ["fragment", "title", "timestamp"]),
        # … and when it was the first line, taken for the lede
        ("«Вигадка» – МОЗ про «знищення вакцини на суму 13 мільйонів гривень»\n\n2016-07-20 "
         "09:01\n\nУ міністерстві кажуть, що вакцину використали повністю і вчасно.",
         1, ["title", "timestamp"]),
        # a copyright line is no body, wherever it stands
        ("Мэр города пообещал отремонтировать мост до конца лета.\n\n© 2010 - 2024. Все права "
         "защищены.", 1, ["disclaimer"]),
        ("Мер міста пообіцяв відремонтувати міст до кінця літа.\n\n© 2010 - 2024. Всі права "
         "захищено.", 1, ["disclaimer"]),
    ],
)
def test_cleaning_of_batches_al_am(raw, kept, reasons, cleaned_as):
    assert cleaned_as(raw) == (kept, reasons)


@pytest.mark.parametrize(
    ("raw", "lines", "reasons"),
    [
        # (batches an, ao) a dek that repeats the lede is the copy that goes, also when the
        # scraper cut both without a full stop
        ("Епідпоріг перевищено: у місті на карантин закрито понад сто класів\n4 березня на "
         "карантин закрито вже 143 класи в міських школах через грип та ГРВІ\n4 березня на "
         "карантин закрито вже 143 класи в міських школах через грип та ГРВІ\nПро це "
         "повідомляє міська рада з посиланням на управління освіти.\nСтаном на 3 березня були "
         "закриті 88 класів у 20 школах міста.", [3, 4, 5], [(1, "title"), (2, "duplicate line")]),
        # a question heading ending with a colon inside the body …
        ("Министр назвал сроки окончания ремонта моста\nМинистр инфраструктуры Петр Коваленко "
         "назвал сроки окончания ремонта моста через реку.\nЧто сказал Петр Коваленко:\nПо его "
         "словам, работы завершат до конца лета, если погода позволит.\nРемонт моста начался "
         "весной прошлого года и затянулся из-за нехватки денег.", [2, 4, 5],
         [(1, "title"), (3, "subheading")]),
        # … and a question after the body: the headline of a related story
        ("Міністр назвав терміни завершення ремонту мосту\nМіністр інфраструктури Петро "
         "Коваленко назвав терміни завершення ремонту мосту через річку.\nЗа його словами, "
         "роботи завершать до кінця літа, якщо дозволить погода.\nЩо говорили про відставку "
         "міністра?", [2, 3], [(1, "title"), (4, "related headline")]),
        # a line introducing what follows is no heading
        ("Мер міста звернувся до мешканців\nМер міста Петро Коваленко звернувся до мешканців "
         "через негоду в місті.\nМер сказав мешканцям міста таке:\n«Залишайтеся вдома, поки "
         "не мине злива».", [2, 3, 4], [(1, "title")]),
        # (batches ap, aq) a long line cut off after a full sentence, whose tail names where it
        # was posted, is body; so is a sentence with its full stop above the page's date (two
        # lines above a date are no list of related headlines then)
        ("Мер пообіцяв відремонтувати міст до кінця літа\n\n12 БЕРЕЗНЯ 2018 10:56\n\nМер "
         "міста Петро Коваленко заявив, що міст відремонтують до кінця літа, якщо дозволить "
         "погода. Про це голова міста повідомив на своїй сторінці у Facebook, передає\n\n«Ми "
         "зробимо все можливе, щоб міст відкрили вчасно», — сказав він.\n\nКрім того, мер "
         "зазначив, що на ремонт уже виділили двадцять мільйонів гривень.\n\nПодії, "
         "12.03.2018 10:56", [5, 7, 9], [(1, "title"), (3, "timestamp"), (11, "timestamp")]),
        # a sentence broken over two lines by the scraper: the lower-case line goes on
        ("Мэр пообещал не повышать стоимость проезда в метро\nМэр города Петр Коваленко "
         "заявил, что стоимость проезда в метро останется прежней.\n«Я не буду поднимать тариф "
         "на проезд в метро для пассажиров», - сказал он.\nНапомним, в течение четырех лет в "
         "городе\nбудут построены две станции метро в сторону аэропорта. Об", [2, 3, 4, 5],
         [(1, "title")]),
        # a prompt to share what was read, and «more news at …» (a letter lost too)
        ("Мер пообіцяв відремонтувати міст до кінця літа, якщо дозволить погода.\nЯкщо цей "
         "матеріал вас зацікавив, будемо вдячні, коли поділитесь ним у соцмережах.", [1],
         [(2, "prompt")]),
        ("Мэр пообещал отремонтировать мост до конца лета, если позволит погода.\nБльше "
         "новин на Topnews.example", [1], [(2, "prompt")]),
        # after the body, a line that opens with a date is a related headline
        ("Мер розповів про стан міського парку\nМер міста Петро Коваленко на прийомі розповів "
         "про стан центрального міського парку.\nЗа його словами, парк відремонтують до кінця "
         "наступного року.\nІнші новини:\n15.12.2025 Шопінг на руїнах: як громада купує "
         "рушники, тонни паперу і мріяла про автомобіль за два мільйони гривень\n14.12.2025 "
         "Чому начальник вирішив підставити губернатора", [2, 3],
         [(1, "title"), (4, "section heading"), (5, "related headline"),
          (6, "related headline")]),
        # (batches aj–aq, read again) a share button, also with what it shares and in the
        # spelling «поділитись», at the top and again under the body; a link back to the rubric
        ("Мер пообіцяв відремонтувати міст\nПоділитись статтею\nМер міста Петро Коваленко "
         "пообіцяв відремонтувати міст до кінця літа.\nЗа його словами, гроші вже виділили.\n"
         "Поділитись статтею", [3, 4], [(1, "title"), (2, "navigation"), (5, "navigation")]),
        ("Мэр пообещал отремонтировать мост до конца лета, если позволит погода.\n"
         "Поделиться новостью\n< Назад в рубрику", [1], [(2, "navigation"), (3, "navigation")]),
        # a video's credit between two paragraphs, a source with the editor's name under the body
        ("Мэр пообещал отремонтировать мост до конца лета, если позволит погода.\nВидео: "
         "Петр Коваленко\nНапомним, мост закрыли на ремонт еще весной прошлого года.\n"
         "Источник: news.example | Редакция: Анна Мельник", [1, 3],
         [(2, "caption"), (4, "source")]),
        # «Нагадаємо:» alone near the end, over links to earlier news (a sentence among them)
        ("Мер міста Петро Коваленко пообіцяв відремонтувати міст до кінця літа.\nЗа його "
         "словами, гроші на ремонт уже виділили з міського бюджету.\nНагадаємо:\n  • Уряд "
         "виділив місту сто мільйонів гривень на відновлення мостів.\n  • Міст закрили на "
         "ремонт ще навесні", [1, 2],
         [(3, "related headline"), (4, "related headline"), (5, "related headline")]),
        # … but a recap label with a whole story under it is body
        ("Мэр города Петр Коваленко пообещал отремонтировать мост до конца лета.\nНапомним:\n"
         "Мост закрыли на ремонт весной.\nРемонт оплатит областной бюджет.\nПодрядчика выбрали "
         "на открытых торгах.\nРаботы начались в мае.\nПервую полосу откроют в июле.",
         [1, 3, 4, 5, 6, 7], [(2, "section heading")]),
        # the text cut off in a paragraph under a label ending with a colon: the label goes,
        # the paragraph cut off is body
        ("Суд обрав запобіжний захід меру міста Петру Коваленку.\nЙого підозрюють у "
         "зловживанні службовим становищем.\nЩо передувало:\n24 червня детективи затримали "
         "мера міста під час отримання хабаря від забудовника, який хотів отримати", [1, 2, 4],
         [(3, "section heading")]),
        # headlines under «Статті до теми:» to the end of the text, one of them a question;
        # a link to the next story marked with an arrow
        ("Мер міста Петро Коваленко пообіцяв відремонтувати міст до кінця літа.\nЗа його "
         "словами, гроші на ремонт уже виділили з міського бюджету.\nСтатті до теми:\nЧи "
         "відремонтують міст до кінця літа?\nУ місті закрили ще один міст", [1, 2],
         [(3, "read-also"), (4, "related headline"), (5, "related headline")]),
        ("Мэр пообещал отремонтировать мост до конца лета, если позволит погода.\n←Мэр "
         "рассказал, почему в городе закрыли еще один мост через реку", [1],
         [(2, "navigation")]),
        # the first text of a page, written as a sentence, right above a stamp with a year is
        # the headline; a lede that names its source after the first sentence is not, nor is
        # a line above a time alone (a live blog's entry)
        ("Уряд не підвищуватиме ціни на газ для населення.\nЧетвер, 14 Липня, 2022\nПрем'єр "
         "заявив, що ціни на газ для населення не зміняться до кінця опалювального сезону.",
         [3], [(1, "title"), (2, "timestamp")]),
        ("Київ розпочне опалювальний сезон 29 жовтня. Про це мер повідомив на брифінгу.\n"
         "Четвер, 28 жовтня, 2021\nМер заявив, що тепло спочатку дадуть лікарням і школам.",
         [1, 3], [(2, "timestamp")]),
        ("Мер розповів, як місто готується до опалювального сезону.\n00:01 Про ранок 24 "
         "лютого\nМер заявив, що тепло спочатку дадуть лікарням і школам.", [1, 3],
         [(2, "timestamp")]),
        # (batches av–ay) a prompt to report a typo, one to learn the news first; a link to
        # skip a block; a date with its «р.» written on
        ("Мер пообіцяв відремонтувати міст до кінця літа, якщо дозволить погода.\nЕсли Вы "
         "нашли ошибку в тексте, выделите ее и нажмите Shift + Enter.\nДізнавайся новини "
         "міста першим!\nПропустити розділ Більше за темою\n12 травня 2019р.", [1],
         [(2, "prompt"), (3, "prompt"), (4, "navigation"), (5, "timestamp")]),
        # a teaser cut off with an ellipsis under a related headline, inside the list
        ("Мер міста Петро Коваленко пообіцяв відремонтувати міст до кінця літа.\nМер відкрив "
         "новий парк у центрі міста\n12.05.2019 10:15 Мер відкрив новий парк у центрі\nУ "
         "неділю в центрі міста відкрили новий парк, у якому висадили сто дерев і…\nЗа його "
         "словами, гроші на ремонт уже виділили з міського бюджету.", [1, 5],
         [(2, "related headline"), (3, "related headline"), (4, "related headline")]),
        # a post quoted in its English original under its translation, in a short article
        ("Активістка заявила, що руйнування греблі є екоцидом, і закликала покарати винних.\n"
         "Пряма мова: \"Це екоцид, за який мають відповісти ті, хто зруйнував греблю\".\n"
         "This ecocide is yet another atrocity, and those who destroyed the dam must be held "
         "accountable.", [1, 2], [(3, "foreign script")]),
    ],
)
def test_cleaning_of_batches_an_ay(raw, lines, reasons, cleaned_lines):
    assert cleaned_lines(raw) == (lines, reasons)


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "language", "days"),
    [
        # «накануне» alone is the day before; governing a genitive, it is the eve of an event
        # (the match, the holidays) and no day of its own
        ("Накануне вечером тренер ответил журналистам.", "ru", ["2022-09-19"]),
        ("Напередодні уряд ухвалив рішення.", "uk", ["2022-09-19"]),
        # a surname after it is the subject, not what it governs (the Ukrainian dictionary
        # gives no number to a surname that does not decline)
        ("Нагадаємо, що напередодні Ломаченко провів відкрите тренування.", "uk",
         ["2022-09-19"]),
        ("Накануне Головко провел открытую тренировку.", "ru", ["2022-09-19"]),
        ("Тренер поговорил с журналистами накануне матча.", "ru", []),
        ("Тренер поспілкувався з пресою напередодні матчу.", "uk", []),
        ("Напередодні новорічних свят ціни зросли.", "uk", []),
        ("Накануне заседания депутаты провели консультации.", "ru", []),
    ],
)
def test_the_eve_of_an_event_is_no_day(text, language, days):
    from presslens.dates import find_dates

    found = find_dates(text, "2022-09-20", language)
    assert [str(d.date()) for d in found["date_start"]] == days


@pytest.mark.parametrize(
    ("text", "language", "said_on", "basis"),
    [
        # a statement with no day of its own is of the day the lede's reporting sentence names
        # (up to three days before publication) …
        ("Во вторник, 30 сентября, городские власти заявили о последствиях ливня.\n\"Ни одна "
         "канализация не выдержит такой нагрузки\", - сказал мэр Петр Коваленко.", "ru",
         "2025-09-30", "lede: Во вторник, 30 сентября"),
        ("У вівторок, 30 вересня, міська влада заявила про наслідки зливи.\n\"Жодна каналізація "
         "не витримає такого навантаження\", - сказав мер Петро Коваленко.", "uk",
         "2025-09-30", "lede: У вівторок, 30 вересня"),
        # … not the day of what a reporting verb before it reports, nor of an event no one
        # spoke of
        ("Генштаб повідомив, що напередодні військові відбили атаку.\n\"Ворог втратив три "
         "танки\", - сказав речник Петро Мельник.", "uk", "2025-10-01", "published"),
        ("Во вторник, 30 сентября, город накрыл ливень.\n\"Ни одна канализация не выдержит "
         "такой нагрузки\", - сказал мэр Петр Коваленко.", "ru", "2025-10-01", "published"),
    ],
)
def test_the_ledes_day_of_speech(text, language, said_on, basis, statements_of):
    found = statements_of([(text, language)], "2025-10-01")
    direct = found[found["kind"] == "direct"]
    assert [str(d.date()) for d in direct["said_on"]] == [said_on]
    assert list(direct["said_on_basis"]) == [basis]
