"""Failure classes found on real articles of benchmarks/quality batches az–bc, each guarded
by sentences written for the test in Russian and Ukrainian, never copied from the articles."""

import pandas as pd
import pytest

# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "language", "keys"),
    [
        # a company's quoted name alone after an impersonal plural verb of a quotation's
        # attribution: the company speaks (its name put in the nominative)
        ("«Усі рейси виконуються за графіком, затримок немає», – повідомили в "
         "«Укрзалізниці».", "uk", ["Укрзалізниця"]),
        ("«Поставки газа будут продолжены в полном объеме», — сообщили в «Газпроме».", "ru",
         ["Газпром"]),
        # a press service after a relay verb, right after the quotation, speaks …
        ("«Поставки газа будут продолжены в полном объеме», — сообщила пресс-служба "
         "«Газпрома».", "ru", ["пресс-служба «Газпрома»"]),
        # … a news agency after one relays: no speaker
        ("«Поставки газа будут продолжены в полном объеме», — сообщает агентство Reuters.",
         "ru", [None]),
        # a person known by one name, ending the attribution (a singer; a role before it)
        ("\"Я дуже хочу виступити з концертом у рідному місті\", - зазначила Джамала.", "uk",
         ["джамал"]),
        ("\"Ми приймаємо всіх, хто телефонує, без винятку\", – каже завідувач гуртожитку "
         "Олександр.", "uk", ["олександр"]),
        # a role noun stands for the person of the verb's gender with that role: not the
        # woman named last with a feminine form of it
        ("Президент Петро Коваленко зустрівся з президенткою комісії Ганною Мельник.\n"
         "\"Ситуація на фронті не патова\", — заявив президент.", "uk", ["коваленко"]),
        # a role set off by a comma after the name is the person's role
        ("Мария Петрова, представитель МИД, заявила, что обвинения надоели.\nРанее глава "
         "соседней республики Анна Сидорова обвинила министерство.\n«Мы слышим все это "
         "регулярно», — подчеркнула представитель МИД.", "ru", ["петров"]),
        # a first name alone, twice, that no one named in full bears: the pronoun's person
        ("Сьогодні митрополит Епіфаній відвідав Львів. Вірні зустріли Епіфанія біля собору."
         "\n\"Я вірю, що процес об'єднання парафій буде відновлено\", – сказав він.", "uk",
         ["епифан"]),
        # a verb outside the list of reporting verbs closing a quotation before its subject
        ("Спікер Петро Коваленко заперечив чутки про відставку.\n\"Моя робота мені "
         "подобається, і я її робитиму далі\", - уклав він.", "uk", ["коваленко"]),
        ("Председатель Петр Коваленко опроверг слухи об отставке.\n\"Моя работа мне "
         "нравится, и я буду ее делать дальше\", — резюмировал Коваленко.", "ru",
         ["коваленко"]),
        # where it was said opening the source names no one: the singer is not «інтерв'ю»
        ("Про це вона повідомила в інтерв'ю журналу Elle.\n\"Так, були пропозиції від "
         "політичних сил, але я їх не розглядаю\", - сказала співачка.", "uk", [None]),
        # the source of a message quoted later, posted on a platform: who posted, not where,
        # and not the day after it
        ("Пожежу локалізовано. Про це повідомила на Facebook Державна служба з надзвичайних "
         "ситуацій у вівторок.\n\"Станом на 14 годину осередки пожежі локалізовано\", - "
         "йдеться в дописі.", "uk", ["Державна служба з надзвичайних ситуацій"]),
        # the person who posted, named before the verb of the source's sentence
        ("Переговоры прошли успешно. Об этом Анна Петрова написала в соцсети 20 ноября.\n\"Мы "
         "провели очень конструктивные переговоры с руководством страны\".", "ru", ["петров"]),
        # a news agency relays the source's words: no speaker; the source it cites is one
        ("Подозреваемого задержали. Об этом сообщает ТАСС.\n«Сотрудники полиции задержали "
         "мужчину, который может быть причастен к нападению».", "ru", [None]),
        ("Затримано підозрюваного. Про це повідомляє Радіо Місто із посиланням на СБУ.\n"
         "«Співробітники служби затримали чоловіка, який готував напад».", "uk", ["СБУ"]),
        # a plural noun for people after the verb is many people, not the man named before
        ("Артист Петро Коваленко виступив на площі.\n\"Ми будемо вимагати справедливості "
         "для всіх\", — заявили активісти.", "uk", [None]),
        ("Артист Петр Коваленко выступил на площади.\n\"Мы будем требовать справедливости "
         "для всех\", — заявили активисты.", "ru", [None]),
        # a quotation as a whole sentence after one in the same paragraph that reports a
        # person's speech
        ("Для цього, зазначив генерал Петро Коваленко, він відвідав передові позиції. \"Разом "
         "з командирами ми спланували подальші дії на цьому напрямку\"", "uk", ["коваленко"]),
    ],
)
def test_speakers_of_batches_az_bc(text, language, keys, direct, speaker_keys):
    assert speaker_keys(direct(text, language)) == keys


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        # the speaker's own words in the first person before «, заявил X», their marks lost …
        ("Я добьюсь того, что через три года мост будет открыт, отметил мэр Петр Коваленко.",
         "ru", "direct"),
        ("Я доб'юся того, що за три роки міст буде відкрито, зазначив мер Петро Коваленко.",
         "uk", "direct"),
        # … the journalist's paraphrase keeps no first person (nor «нас», the country)
        ("Через три года мост будет открыт, отметил мэр Петр Коваленко.", "ru", "indirect"),
        ("Якщо країна не отримає статусу кандидата, Європа намагається нас обдурити, заявив "
         "міністр Петро Коваленко.", "uk", "indirect"),
    ],
)
def test_first_person_words_before_their_attribution(text, language, kind):
    from presslens.statements.reported import find_statements

    assert [s["kind"] for s in find_statements(text, language)] == [kind]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # the source's credit closing an unquoted line with a dash is no speech
        ("Про це розповів голова служби Петро Коваленко на брифінгу, – повідомляє gazeta.ua",
         "uk"),
        ("Об этом рассказал глава службы Петр Коваленко на брифинге, — передает gazeta.ru",
         "ru"),
    ],
)
def test_a_relayed_credit_is_no_quotation(text, language, direct):
    assert direct(text, language) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # the adjectival surname in ru and uk, and the feminine one in its cases
        ("Яровой", "Яровий"),
        ("Ярового", "Яровий"),
        ("Ноздровская", "Ноздровской"),
        ("Ноздровську", "Ноздровська"),
        ("Андреевой", "Андреева"),
    ],
)
def test_one_surname_in_its_forms(a, b):
    from presslens.statements.names import name_key

    assert name_key(a) == name_key(b)


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "language", "published", "first", "last"),
    [
        # a third of a month: ten days, the last one to the month's end
        ("Щеплення проводитимуть у першій декаді жовтня.", "uk", "2018-09-20", "2018-10-01",
         "2018-10-10"),
        ("Поставки начнутся во второй декаде февраля 2024 года.", "ru", "2024-01-10",
         "2024-02-11", "2024-02-20"),
        ("Урожай зберуть у третій декаді лютого.", "uk", "2023-01-10", "2023-02-21",
         "2023-02-28"),
        ("Похолодание ожидается в последней декаде ноября.", "ru", "2021-11-02", "2021-11-21",
         "2021-11-30"),
        # a half of a month
        ("У першій половині січня буде холодно.", "uk", "2021-12-20", "2022-01-01",
         "2022-01-15"),
        ("Во второй половине февраля 2024 года потеплеет.", "ru", "2024-01-10", "2024-02-16",
         "2024-02-29"),
    ],
)
def test_a_third_or_a_half_of_a_month(text, language, published, first, last):
    from presslens import dates_table

    arts = pd.DataFrame([{"id": "a", "text": text, "language": language,
                          "published": pd.Timestamp(published)}])
    row = dates_table(arts).iloc[0]
    assert (str(row["date_start"])[:10], str(row["date_end"])[:10]) == (first, last)


# --------------------------------------------------------------------------- ru↔uk


@pytest.mark.parametrize(
    ("uk", "ru"),
    [
        # «би» is a particle as «бы» is; довестися/прийтись, знімати/снимать are one verb
        ("Я хотів би, щоб цей фільм ніколи не довелося знімати",
         "Я хотел бы, чтобы этот фильм никогда не пришлось снимать"),
    ],
)
def test_a_short_translation_keeps_its_likeness(uk, ru):
    from presslens.statements.linking import SIMILARITY, statement_similarity

    assert statement_similarity([uk, ru], ["uk", "ru"])[0, 1] >= 2 * SIMILARITY


def test_the_ukrainian_particle_is_a_stop_word():
    from presslens.text.stopwords import STOP_WORDS

    assert {"би", "бы"} <= STOP_WORDS


# --------------------------------------------------------------------------- cleaning


@pytest.mark.parametrize(
    ("raw", "lines", "reasons"),
    [
        # a block label of the day's main news under the body
        ("Мер пообіцяв відремонтувати міст до кінця літа, якщо дозволить погода.\nГоловне "
         "сьогодні", [1], [(2, "navigation")]),
        ("Мэр пообещал отремонтировать мост до конца лета, если позволит погода.\nГлавное "
         "сегодня", [1], [(2, "navigation")]),
        # a prompt to subscribe after a question to the reader
        ("Мер пообіцяв відремонтувати міст до кінця літа, якщо дозволить погода.\nВи є у "
         "телеграмі? Підпишіться на наш канал, щоб не пропустити нічого важливого.\nЗа його "
         "словами, гроші на ремонт уже виділили.", [1, 3], [(2, "prompt")]),
        ("Мэр пообещал отремонтировать мост до конца лета, если позволит погода.\nВы в "
         "телеграме? Подписывайтесь на наш канал, чтобы не пропустить ничего важного.\nПо его "
         "словам, деньги на ремонт уже выделили.", [1, 3], [(2, "prompt")]),
        # a photo's caption that ends with its credit
        ("Мер пообіцяв відремонтувати міст до кінця літа, якщо дозволить погода.\nМер міста "
         "Петро Коваленко. Фото з мережі\nЗа його словами, гроші на ремонт уже виділили.",
         [1, 3], [(2, "caption")]),
        ("Мэр пообещал отремонтировать мост до конца лета, если позволит погода.\nМэр города "
         "Петр Коваленко. Фото из соцсетей\nПо его словам, деньги на ремонт уже выделили.",
         [1, 3], [(2, "caption")]),
        # a page that opens with its lede, cut off after its source's first words: no headline
        ("В городе не будут поднимать тарифы на проезд в метро и электротранспорте в "
         "ближайшее время. Об этом в\nМэр заявил, что город сохранит льготы на проезд для "
         "всех категорий граждан.", [1, 2], []),
        ("У місті не підвищуватимуть тарифи на проїзд у метро та електротранспорті найближчим "
         "часом. Про це в\nМер заявив, що місто збереже пільги на проїзд для всіх категорій "
         "громадян.", [1, 2], []),
    ],
)
def test_cleaning_of_batches_az_bc(raw, lines, reasons, cleaned_lines):
    assert cleaned_lines(raw) == (lines, reasons)
