"""Statements in ru and uk text: quotation styles, cues, speakers, negatives, said_on, links."""

from __future__ import annotations

import pandas as pd
import pytest

from presslens.statements.extract import STATEMENT_COLUMNS, quoted_terms, statements
from presslens.statements.names import display_name, name_key, transliterate
from presslens.statements.quotes import quote_spans, split_sentences
from presslens.statements.roles import find_roles
from presslens.statements.speakers import find_people


def _run(text: str, language: str, published: str | None = "2022-01-10") -> pd.DataFrame:
    articles = pd.DataFrame(
        {
            "id": ["a"],
            "text": [text],
            "language": [language],
            "published": pd.to_datetime([published]),
            "outlet": ["Outlet"],
        }
    )
    return statements(articles)


def _single(text: str, language: str, published: str | None = "2022-01-10") -> pd.Series:
    found = _run(text, language, published)
    assert len(found) == 1, found[["quote", "kind", "speaker"]]
    return found.iloc[0]


# --------------------------------------------------------------------------- quotation styles

LEAD_RU = "Генсек НАТО Йенс Столтенберг выступил в Брюсселе.\n"
LEAD_UK = "Генеральний секретар НАТО Єнс Столтенберг виступив у Брюсселі.\n"


@pytest.mark.parametrize(
    ("text", "language", "quote", "cue", "mention"),
    [
        (
            LEAD_RU + "«Мы готовы к диалогу», — сказал Столтенберг.",
            "ru",
            "Мы готовы к диалогу",
            "сказал",
            "Столтенберг",
        ),
        (
            LEAD_RU + "“Мы готовы к диалогу”, — заявил он.",
            "ru",
            "Мы готовы к диалогу",
            "заявил",
            "он",
        ),
        (
            LEAD_RU + "„Мы готовы к диалогу“, — отметил генсек.",
            "ru",
            "Мы готовы к диалогу",
            "отметил",
            "генсек",
        ),
        (
            LEAD_RU + '"Мы готовы к диалогу", - подчеркнул Столтенберг.',
            "ru",
            "Мы готовы к диалогу",
            "подчеркнул",
            "Столтенберг",
        ),
        (
            LEAD_RU + "Столтенберг заявил: «Мы готовы к диалогу».",
            "ru",
            "Мы готовы к диалогу",
            "заявил",
            "Столтенберг",
        ),
        (
            LEAD_RU + "По словам Столтенберга, «альянс готов к диалогу».",
            "ru",
            "альянс готов к диалогу",
            "По словам",
            "Столтенберга",
        ),
        (
            LEAD_RU + "«Мы готовы к диалогу». Об этом заявил Столтенберг.",
            "ru",
            "Мы готовы к диалогу",
            "заявил",
            "Столтенберг",
        ),
        (
            LEAD_RU + "Он отметил, что «альянс готов к диалогу».",
            "ru",
            "альянс готов к диалогу",
            "отметил",
            "Он",
        ),
        (
            LEAD_UK + "«Ми готові до діалогу», — наголосив Столтенберг.",
            "uk",
            "Ми готові до діалогу",
            "наголосив",
            "Столтенберг",
        ),
        (
            LEAD_UK + '"Ми готові до діалогу", – зауважив він.',
            "uk",
            "Ми готові до діалогу",
            "зауважив",
            "він",
        ),
        (
            LEAD_UK + "Столтенберг зазначив: “Ми готові до діалогу”.",
            "uk",
            "Ми готові до діалогу",
            "зазначив",
            "Столтенберг",
        ),
        (
            LEAD_UK + "За його словами, «Альянс готовий до діалогу».",
            "uk",
            "Альянс готовий до діалогу",
            "За його словами",
            "його",
        ),
        (
            LEAD_UK + "«Ми готові до діалогу». Про це заявив генсек.",
            "uk",
            "Ми готові до діалогу",
            "заявив",
            "генсек",
        ),
    ],
)
def test_direct_quotation_styles(text, language, quote, cue, mention):
    row = _single(text, language)
    assert row["kind"] == "direct"
    assert row["quote"] == quote
    assert text[row["start"] : row["end"]] == quote
    assert row["cue"] == cue
    assert row["speaker_mention"] == mention
    assert row["speaker"] == "Jens Stoltenberg"


def test_nested_quotes_stay_inside_the_outer_quote():
    text = LEAD_RU + "«Разговоры о „надвигающейся войне“ провокационны», — сказал Столтенберг."
    row = _single(text, "ru")
    assert row["quote"] == "Разговоры о „надвигающейся войне“ провокационны"


@pytest.mark.parametrize(
    ("text", "language", "quote"),
    [
        (
            LEAD_RU + "«Мы готовы к диалогу, — сказал Столтенберг. — Но не к уступкам».",
            "ru",
            "Мы готовы к диалогу Но не к уступкам",
        ),
        (
            LEAD_UK + "«Ми готові до діалогу, — сказав він, — але не до поступок».",
            "uk",
            "Ми готові до діалогу але не до поступок",
        ),
        (
            LEAD_RU + '"Мы готовы к диалогу, - сказал Столтенберг. - Но не к уступкам".',
            "ru",
            "Мы готовы к диалогу Но не к уступкам",
        ),
    ],
)
def test_quote_split_by_its_attribution_is_one_statement(text, language, quote):
    row = _single(text, language)
    assert row["quote"] == quote
    assert row["speaker"] == "Jens Stoltenberg"


@pytest.mark.parametrize(
    ("text", "language", "quote", "speaker"),
    [
        (
            "Пресс-секретарь Кремля Дмитрий Песков ответил журналистам.\n"
            "— Мы открыты для диалога, — сказал Песков.",
            "ru",
            "Мы открыты для диалога",
            "Dmitry Peskov",
        ),
        (
            "Речник ГУР Андрій Юсов прокоментував ситуацію.\n"
            "— Херсон повертається під контроль України, — повідомив Юсов.",
            "uk",
            "Херсон повертається під контроль України",
            "Andrii Yusov",
        ),
        (
            "Дмитрий Песков ответил журналистам.\n- Мы открыты для диалога, - сказал Песков.",
            "ru",
            "Мы открыты для диалога",
            "Dmitry Peskov",
        ),
    ],
)
def test_dash_introduced_speech(text, language, quote, speaker):
    row = _single(text, language)
    assert (row["quote"], row["speaker"], row["kind"]) == (quote, speaker, "direct")


def test_second_quote_after_attribution_continues_the_speaker():
    text = "«Люди сделали свой выбор», — сказал Путин. — «Этот выбор навсегда»."
    found = _run(text, "ru")
    assert found["quote"].tolist() == ["Люди сделали свой выбор", "Этот выбор навсегда"]
    assert set(found["speaker"]) == {"Vladimir Putin"}


def test_quote_cut_off_at_the_end_of_the_text():
    text = LEAD_UK + "А також він заявив: «Ми маємо бути готові до довгої"
    row = _single(text, "uk")
    assert row["quote"] == "Ми маємо бути готові до довгої"
    assert row["end"] == len(text)


def test_attribution_in_the_previous_sentence_ending_with_a_colon():
    text = "Путин заявил журналистам:\n«Ряд его идей вполне возможно положить в основу шагов»."
    row = _single(text, "ru")
    assert row["speaker"] == "Vladimir Putin"


# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "language", "speaker"),
    [
        # a medium relays, the person in the genitive speaks
        (
            "Госсекретарь США Энтони Блинкен дал интервью.\n"
            "«Прорыва не будет», — передает слова Блинкена ТАСС.",
            "ru",
            "Antony Blinken",
        ),
        (
            "Прем'єр Денис Шмигаль виступив.\n“Україна готова”, — передає слова Шмигаля УНІАН.",
            "uk",
            "Denys Shmyhal",
        ),
        # names in the sentence that are not the speaker
        (
            "Блинкен встретился с Лавровым. «Это была откровенная встреча», — сказал Блинкен "
            "после разговора с Лавровым.",
            "ru",
            "Antony Blinken",
        ),
        (
            "Глава МИД Сергей Лавров провел переговоры. «Это была полезная встреча», — заявил он "
            "после встречи с Блинкеном.",
            "ru",
            "Sergei Lavrov",
        ),
        # pronoun: the last person named as a subject, of the right gender
        (
            "Мария Захарова прокомментировала слова Блинкена. «Это абсурд», — заявила она.",
            "ru",
            "Mariya Zakharova",
        ),
        (
            "Ірина Верещук зустрілася з Андрієм Єрмаком. «Ми робимо все можливе», — сказала вона.",
            "uk",
            "Iryna Vereshchuk",
        ),
        # role noun resolved to the person who holds the role
        (
            "Глава Госдепа США Энтони Блинкен встретился с Сергеем Лавровым.\n"
            "«Мы открыты к диалогу», — отметил американский госсекретарь.",
            "ru",
            "Antony Blinken",
        ),
        (
            "Заступник міністра закордонних справ РФ Сергій Рябков виступив у Женеві.\n"
            "«Ми наполягаємо на гарантіях», — заявив замглави МЗС.",
            "uk",
            "Sergei Ryabkov",
        ),
        (
            "Генеральний секретар НАТО Єнс Столтенберг зустрівся з Олафом Шольцом.\n"
            "Генеральний секретар НАТО зазначив, що Альянс готовий до діалогу.",
            "uk",
            "Jens Stoltenberg",
        ),
    ],
)
def test_speaker(text, language, speaker):
    found = _run(text, language)
    assert len(found) == 1, found[["quote", "speaker"]]
    assert found.iloc[0]["speaker"] == speaker


def test_two_people_sharing_a_surname_stay_apart():
    text = (
        "Мэр Киева Виталий Кличко и его брат Владимир Кличко остались в городе.\n"
        "«Я буду защищать Киев», — сказал Виталий Кличко.\n"
        "«Мы не уйдем», — добавил Владимир Кличко."
    )
    found = _run(text, "ru")
    assert found["speaker"].tolist() == ["Vitaliy Klichko", "Vladimir Klichko"]


def test_one_speaker_across_cases_spellings_and_languages():
    articles = pd.DataFrame(
        {
            "id": ["ru", "uk"],
            "text": [
                "Генсек НАТО Йенс Столтенберг выступил. «Мы готовы», — сказал Столтенберг.",
                "Генсек НАТО Єнс Столтенберг виступив. «Ми готові», — сказав Столтенберг.",
            ],
            "language": ["ru", "uk"],
            "published": pd.to_datetime(["2022-01-10", "2022-01-10"]),
            "outlet": ["A", "B"],
        }
    )
    found = statements(articles)
    assert found["speaker"].tolist() == ["Jens Stoltenberg", "Jens Stoltenberg"]
    assert found["speaker_id"].nunique() == 1
    assert found["role"].tolist() == ["Генсек НАТО", "Генсек НАТО"]


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Столтенберга", "столтенберг"),
        ("Столтенбергові", "столтенберг"),
        ("Блинкен", "блинкен"),
        ("Блінкена", "блинкен"),
        ("Зеленского", "зеленск"),
        ("Зеленський", "зеленск"),
    ],
)
def test_name_key_folds_cases_and_languages(word, key):
    assert name_key(word) == key


def test_display_names_table_and_transliteration():
    assert display_name("Йенс", "Столтенберг") == "Jens Stoltenberg"
    assert display_name("Єнс", "Столтенберг", "uk") == "Jens Stoltenberg"
    assert transliterate("Сергей Рябков") == "Sergey Ryabkov"
    assert transliterate("Сергій Рябков", "uk") == "Serhii Riabkov"
    assert transliterate("Юлія Свириденко", "uk") == "Yuliia Svyrydenko"


def test_people_are_found_in_any_case():
    people = find_people("Он встретился с канцлером Олафом Шольцем и Энтони Блинкеном.", "ru")
    assert [(p.first, p.surname, p.nominative) for p in people] == [
        ("Олаф", "Шольц", False),
        ("Энтони", "Блинкен", False),
    ]


@pytest.mark.parametrize(
    ("text", "language", "role", "post"),
    [
        ("генсек НАТО Йенс Столтенберг", "ru", "генсек НАТО", "генсек"),
        ("глава Госдепа Энтони Блинкен", "ru", "глава Госдепа", "госсекретарь"),
        ("Замглавы МИД РФ Сергей Рябков", "ru", "Замглавы МИД РФ", "замглавы"),
        ("генеральний секретар НАТО Єнс Столтенберг", "uk", "генеральний секретар НАТО", "генсек"),
    ],
)
def test_roles(text, language, role, post):
    roles = find_roles(text, language)
    assert [(r.text, r.key[0]) for r in roles] == [(role, post)]


# --------------------------------------------------------------------------- indirect speech


@pytest.mark.parametrize(
    ("text", "language", "quote", "speaker"),
    [
        (
            "Столтенберг заявил, что альянс не пойдет на компромисс.",
            "ru",
            "альянс не пойдет на компромисс",
            "Jens Stoltenberg",
        ),
        (
            "Компромиссы с Россией возможны, заявил в воскресенье генсек НАТО Йенс Столтенберг.",
            "ru",
            "Компромиссы с Россией возможны",
            "Jens Stoltenberg",
        ),
        (
            "Столтенберг додав, що Альянс готовий вислухати занепокоєння.",
            "uk",
            "Альянс готовий вислухати занепокоєння",
            "Jens Stoltenberg",
        ),
        (
            "Замглавы МИД РФ Сергей Рябков отметил, что Россия не намерена идти на уступки, "
            "пишет «Национальная служба новостей».",
            "ru",
            "Россия не намерена идти на уступки",
            "Sergei Ryabkov",
        ),
        (
            "Инфляция замедлилась до 7%. Об этом в эфире телеканала «Россия 24» заявил министр "
            "финансов Антон Силуанов.",
            "ru",
            "Инфляция замедлилась до 7%",
            "Anton Siluanov",
        ),
        (
            "Ціни зростуть на 10%. Про це повідомила міністерка економіки Юлія Свириденко.",
            "uk",
            "Ціни зростуть на 10%",
            "Yuliia Svyrydenko",
        ),
        (
            "О том, что быстро найти решения не удастся, заявил и госсекретарь США Энтони Блинкен.",
            "ru",
            "быстро найти решения не удастся",
            "Antony Blinken",
        ),
    ],
)
def test_indirect_speech(text, language, quote, speaker):
    row = _single(text, language)
    assert (row["kind"], row["quote"], row["speaker"]) == ("indirect", quote, speaker)


# --------------------------------------------------------------------------- negatives


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Об этом сообщает «Интерфакс-Украина».", "ru"),
        ("Ранее об этом писала газета «Ведомости».", "ru"),
        ("Подробнее читайте в статье «Ультиматум Путина и переговоры Россия–США».", "ru"),
        ("Москва получила отказ на предложение о разделении мира на «сферы влияния».", "ru"),
        ('Альянс не відмовиться від політики "відкритих дверей".', "uk"),
        ("Детальніше читайте у статті «Чому Захід не поступиться Кремлю».", "uk"),
        ("В эфире «Соловьев Live» обсуждали переговоры.", "ru"),
    ],
)
def test_not_statements(text, language):
    assert _run(text, language).empty
    terms = quoted_terms(text)
    assert len(terms) == 1
    assert terms.iloc[0]["kind"] in ("name", "title", "term")


def test_quoted_term_kinds():
    terms = quoted_terms("Об этом сообщает «Интерфакс-Украина». Читайте в статье «Итоги года».")
    assert terms["kind"].tolist() == ["name", "title"]


# --------------------------------------------------------------------------- said_on


@pytest.mark.parametrize(
    ("text", "published", "said_on", "basis"),
    [
        (
            "Компромиссы с Россией возможны, заявил в воскресенье генсек НАТО Йенс Столтенберг.",
            "2022-01-09",
            "2022-01-09",
            "attribution: в воскресенье",
        ),
        (
            "Столтенберг в пятницу заявил, что альянс готов к диалогу.",
            "2022-01-10",
            "2022-01-07",
            "attribution: в пятницу",
        ),
        ("«Мы готовы к диалогу», — сказал Столтенберг.", "2022-01-10", "2022-01-10", "published"),
        (
            "Вчера Столтенберг выступил в Брюсселе.\n«Мы готовы к диалогу», — сказал он.",
            "2022-01-10",
            "2022-01-09",
            "context: Вчера",
        ),
        ("«Мы готовы к диалогу», — сказал Столтенберг.", None, None, "unknown"),
    ],
)
def test_said_on(text, published, said_on, basis):
    row = _single(text, "ru", published)
    got = None if pd.isna(row["said_on"]) else row["said_on"].strftime("%Y-%m-%d")
    assert (got, row["said_on_basis"]) == (said_on, basis)


# --------------------------------------------------------------------------- linking


def test_same_utterance_is_linked_across_outlets_and_languages():
    articles = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "text": [
                "Госсекретарь Энтони Блинкен дал интервью. «Я не думаю, что мы увидим прорыв "
                "в течение предстоящей недели. Мы готовы к диалогу», — сказал Блинкен.",
                "«Не думаю, что на следующей неделе будет прорыв», — сказал Энтони Блинкен.",
                "«Я не думаю, що ми побачимо прорив протягом наступного тижня», — сказав "
                "Ентоні Блінкен.",
            ],
            "language": ["ru", "ru", "uk"],
            "published": pd.to_datetime(["2022-01-09", "2022-01-09", "2022-01-10"]),
            "outlet": ["A", "B", "C"],
        }
    )
    found = statements(articles)
    assert len(found) == 3
    assert found["cluster"].nunique() == 1


def test_different_utterances_are_not_linked():
    articles = pd.DataFrame(
        {
            "id": ["a", "b"],
            "text": [
                "«Мы готовы работать над лучшими отношениями», — сказал Йенс Столтенберг.",
                "«Альянс не изменит свою политику открытых дверей», — сказал Йенс Столтенберг.",
            ],
            "language": ["ru", "ru"],
            "published": pd.to_datetime(["2022-01-09", "2022-01-09"]),
            "outlet": ["A", "B"],
        }
    )
    assert statements(articles)["cluster"].tolist() == [0, 1]


# --------------------------------------------------------------------------- tables


def test_columns_and_offsets_on_seeds(seeds):
    found = statements(seeds.articles)
    assert list(found.columns[: len(STATEMENT_COLUMNS)]) == STATEMENT_COLUMNS
    texts = dict(zip(seeds.articles["id"], seeds.articles["text"], strict=True))
    for row in found.itertuples(index=False):
        if row.kind == "direct" and " " not in row.quote[:0]:
            assert texts[row.article][row.start : row.end].startswith(row.quote.split()[0])
        assert row.speaker
    assert (found["kind"] == "direct").sum() >= 10
    assert found[["article", "start"]].equals(
        found[["article", "start"]].sort_values(["article", "start"]).reset_index(drop=True)
    )


def test_quote_spans_and_sentences():
    text = 'Он сказал: «Это „план“ Б». Потом "ушёл'
    spans = quote_spans(text)
    assert [text[q.inner_start : q.inner_end] for q in spans] == ["Это „план“ Б", "ушёл"]
    assert [q.truncated for q in spans] == [False, True]
    assert [s.text for s in split_sentences("«Мы готовы. Это важно», — сказал он. Всё.")] == [
        "«Мы готовы. Это важно», — сказал он.",
        "Всё.",
    ]


def test_quote_running_over_paragraphs_takes_the_next_attribution():
    text = (
        "Глава МИД Сергей Лавров выступил в Совбезе.\n"
        "«Мы не собираемся ни на кого нападать. Это первое.\n"
        "«Второе: мы будем защищать свои интересы», — заявил Лавров."
    )
    found = _run(text, "ru")
    assert found["quote"].tolist() == [
        "Мы не собираемся ни на кого нападать. Это первое",
        "Второе: мы будем защищать свои интересы",
    ]
    assert set(found["speaker"]) == {"Sergei Lavrov"}


@pytest.mark.parametrize(
    ("text", "language", "speaker", "role"),
    [
        # a particle inside the name, and a woman's first name giving the pronoun's antecedent
        (
            "Президентка Єврокомісії Урсула фон дер Ляєн прибула до Києва. Раніше виступив "
            "Андрій Сибіга.\n«Це інвестиція в безпеку», – сказала вона.",
            "uk",
            "Ursula von der Leyen",
            "Президентка Єврокомісії",
        ),
        # a role written in another case is given in the nominative
        (
            "Зеленский встретился с генеральным секретарем НАТО Марком Рютте.\n"
            "Рютте подчеркнул, что поддержка Украины остается приоритетом.",
            "ru",
            "Mark Rutte",
            "генеральный секретарь НАТО",
        ),
    ],
)
def test_names_with_particles_gender_and_roles(text, language, speaker, role):
    row = _single(text, language)
    assert (row["speaker"], row["role"]) == (speaker, role)


def test_a_speaker_inside_quotation_marks_is_not_the_speaker():
    text = 'Як пише "Українська правда", Москва реакцію очікувала.'
    assert _run(text, "uk").empty
