"""The cleaner on boilerplate written for these tests, in Russian and Ukrainian.

None of these strings comes from the seeds: the rules must hold for outlets not in seeds/.
"""

import pytest

from presslens.corpus.clean import REASONS, clean_text, paragraphs
from presslens.corpus.repeated import repeated_lines

BODY_RU = [
    "Министр иностранных дел Польши Збигнев Рау заявил во вторник, что ОБСЕ готова "
    "принять участие в переговорах по безопасности в Европе.",
    "«Мы не допустим возвращения к сферам влияния», — сказал он журналистам в Вене.",
    "По его словам, следующая встреча может пройти уже в феврале.",
]
BODY_UK = [
    "Президент Фінляндії Саулі Ніїністьо заявив у понеділок, що його країна зберігає "
    "право подати заявку на вступ до НАТО.",
    "«Це наше рішення, і ніхто інший його не ухвалить», — наголосив він.",
    "За його словами, Гельсінкі уважно стежить за переговорами у Женеві.",
]


def _article(head: list[str], body: list[str], tail: list[str]) -> str:
    return "\n".join(head + body + tail)


CASES = [
    # (name, head lines, body, tail lines, {line text: reason})
    (
        "ru site chrome",
        ["RU | UA | EN", "Главная", "Польша предложила ОБСЕ роль посредника в переговорах"],
        BODY_RU,
        ["Поделиться", "Подписывайтесь на наш канал в Telegram!", "1 254", "Реклама"],
        {
            "RU | UA | EN": "language switcher",
            "Главная": "navigation",
            "Польша предложила ОБСЕ роль посредника в переговорах": "title",
            "Поделиться": "navigation",
            "Подписывайтесь на наш канал в Telegram!": "prompt",
            "1 254": "counter",
            "Реклама": "ad",
        },
    ),
    (
        "uk related news with timestamps",
        [],
        BODY_UK,
        [
            "ОСТАННІ НОВИНИ",
            "Уряд ухвалив нове рішення щодо енергетики",
            "14:32, 03.02.2031",
            "У Києві відкрили ще один пункт незламності",
            "12:05, 03.02.2031",
            "Синоптики попередили про сильний вітер",
        ],
        {
            "ОСТАННІ НОВИНИ": "section heading",
            "Уряд ухвалив нове рішення щодо енергетики": "related headline",
            "14:32, 03.02.2031": "timestamp",
            "У Києві відкрили ще один пункт незламності": "related headline",
            "12:05, 03.02.2031": "timestamp",
            "Синоптики попередили про сильний вітер": "related headline",
        },
    ),
    (
        "uk prompts, read-also and donate",
        ["Підтримайте незалежну журналістику", "Фото: Reuters"],
        BODY_UK,
        [
            "Читайте також: Фінляндія та Швеція обговорили безпекову ситуацію",
            "Приєднуйтесь до нашого Viber-каналу",
            "Надішліть новину редакції",
            "test",
        ],
        {
            "Підтримайте незалежну журналістику": "prompt",
            "Фото: Reuters": "caption",
            "Читайте також: Фінляндія та Швеція обговорили безпекову ситуацію": "read-also",
            "Приєднуйтесь до нашого Viber-каналу": "prompt",
            "Надішліть новину редакції": "prompt",
            "test": "navigation",  # Latin letters alone, outside the body
        },
    ),
    (
        "ru byline, templates and comments",
        ["Ирина Соколова", "специальный корреспондент", "{{ article.rubric }}"],
        BODY_RU,
        ["Комментарии (0)", "Войдите, чтобы оставить комментарий", "{% include 'footer' %}"],
        {
            "Ирина Соколова": "byline",
            "специальный корреспондент": "byline",
            "{{ article.rubric }}": "template",
            "Комментарии (0)": "comments",
            "Войдите, чтобы оставить комментарий": "comments",
            "{% include 'footer' %}": "template",
        },
    ),
    (
        "uk body pasted twice",
        ["Ніїністьо: Фінляндія зберігає право на вступ до НАТО"],
        BODY_UK,
        [" ".join(BODY_UK), BODY_UK[1]],
        {
            "Ніїністьо: Фінляндія зберігає право на вступ до НАТО": "title",
            " ".join(BODY_UK): "repeated body",
            BODY_UK[1]: "duplicate line",
        },
    ),
    (
        "ru caption with credit, repeated title",
        [
            "Рау: ОБСЕ готова стать площадкой для диалога о безопасности",
            "Рау: ОБСЕ готова стать площадкой...",
            "Иллюстрация. Коллаж редакции",
        ],
        BODY_RU,
        [],
        {
            "Рау: ОБСЕ готова стать площадкой для диалога о безопасности": "title",
            "Рау: ОБСЕ готова стать площадкой...": "repeated title",
            "Иллюстрация. Коллаж редакции": "caption",
        },
    ),
]


@pytest.mark.parametrize(
    ("name", "head", "body", "tail", "expected"), CASES, ids=[c[0] for c in CASES]
)
def test_removes_boilerplate_keeps_body(name, head, body, tail, expected):
    cleaned = clean_text(_article(head, body, tail))
    assert cleaned.text.split("\n") == body
    assert {r.text: r.reason for r in cleaned.removed} == expected
    assert all(r.reason in REASONS for r in cleaned.removed)


def test_line_numbers_point_into_the_raw_text():
    raw = "Реклама\n\n" + "\n\n".join(BODY_RU) + "\n\n42\n"
    cleaned = clean_text(raw)
    raw_lines = raw.split("\n")
    assert [raw_lines[n - 1] for n in cleaned.lines] == BODY_RU
    assert [(r.line, r.reason) for r in cleaned.removed] == [(1, "ad"), (9, "counter")]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # Body sentences that merely mention boilerplate words stay.
        ("Песков отказался от комментариев.", True),
        ("Канал в Telegram заблокировали по решению суда, сообщила пресс-служба ведомства.", True),
        ("Фото опубликовали в соцсетях, их подлинность проверяет полиция.", True),
        # The same vocabulary as a bare prompt goes.
        ("Подписывайтесь на нас в Facebook", False),
        ("Слідкуйте за нами в Instagram", False),
    ],
)
def test_vocabulary_is_trusted_only_on_prompt_shaped_lines(line, kept):
    cleaned = clean_text("\n".join([BODY_RU[0], line, BODY_RU[2]]))
    assert (line in cleaned.text.split("\n")) is kept


def test_title_author_and_stamped_date():
    raw = "\n".join(
        ["Польша предложила ОБСЕ роль посредника", "Автор: Иван Петров", "08.02.2022 14:10"]
        + BODY_RU
    )
    cleaned = clean_text(raw)
    assert cleaned.title == "Польша предложила ОБСЕ роль посредника"
    assert cleaned.author == "Иван Петров"
    assert str(cleaned.published.date()) == "2022-02-08"


def test_no_body_means_nothing_is_guessed_away():
    raw = "Короткая заметка\nбез точек\nи без тела"
    assert clean_text(raw).text == raw


def test_repeated_lines_across_an_outlet():
    footer = "Новини Полісся: незалежне видання Житомирщини"
    texts = [f"Текст статті номер {k}, цілком унікальний.\n{footer}" for k in range(5)]
    found = repeated_lines(texts, ["polissia"] * 5)
    assert found == {footer.lower()}
    cleaned = clean_text(texts[0], found)
    assert [r.reason for r in cleaned.removed] == ["repeated across corpus"]


def test_repeated_lines_spares_long_reprinted_paragraphs():
    para = " ".join(BODY_RU) + " " + " ".join(BODY_RU)
    assert repeated_lines([para] * 5, ["agency"] * 5) == frozenset()


def test_paragraphs_offsets_and_foreign_lines():
    import pandas as pd

    text = "\n".join([BODY_RU[0], BODY_UK[1], BODY_RU[2]])
    arts = pd.DataFrame([{"id": "a", "text": text, "language": "ru", "lines": [3, 5, 7]}])
    paras = paragraphs(arts)
    assert list(paras["line"]) == [3, 5, 7]
    assert [text[s:e] for s, e in zip(paras["start"], paras["end"], strict=True)] == list(
        paras["text"]
    )
    assert list(paras["language"]) == ["ru", "uk", "ru"]
    assert list(paras["foreign"]) == [False, True, False]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Просмотров: 1 204", "counter"),
        ("Переглядів: 87", "counter"),
        ("Новости партнеров", "ad"),
        ("Теги: НАТО, Россия, безопасность", "navigation"),
        ("Читати далі", "navigation"),
        ("Нашли ошибку? Выделите ее и нажмите Ctrl+Enter", "prompt"),
        ("Мы используем файлы cookie, чтобы сайт работал лучше", "prompt"),
        ("© 2031 Все права защищены. При цитировании ссылка обязательна.", "disclaimer"),
        ("Оцініть матеріал", "prompt"),
        ("По теме:", "read-also"),
        ("Дивіться також відео: як минули переговори у Женеві", "read-also"),
        ("ДАННОЕ СООБЩЕНИЕ (МАТЕРИАЛ) СОЗДАНО И (ИЛИ) РАСПРОСТРАНЕНО ИНОСТРАННЫМ СРЕДСТВОМ "
         "МАССОВОЙ ИНФОРМАЦИИ, ВЫПОЛНЯЮЩИМ ФУНКЦИИ ИНОСТРАННОГО АГЕНТА", "disclaimer"),
        ("* Редакция сайта не несет ответственности за содержание комментариев", "disclaimer"),
        ("Редакція не несе відповідальності за зміст листів читачів", "disclaimer"),
        ("Мнение автора может не совпадать с позицией редакции.", "disclaimer"),
        ("Думка автора може не збігатися з позицією редакції", "disclaimer"),
    ],
)
def test_more_site_chrome(line, reason):
    cleaned = clean_text("\n".join([BODY_RU[0], BODY_RU[1], line]))
    assert [(r.text, r.reason) for r in cleaned.removed] == [(line, reason)]


def test_a_body_sentence_that_starts_like_a_link_stays():
    line = "На тему расширения НАТО высказался и госсекретарь США, заявив, что двери открыты."
    cleaned = clean_text("\n".join([BODY_RU[0], line, BODY_RU[2]]))
    assert cleaned.removed == []
