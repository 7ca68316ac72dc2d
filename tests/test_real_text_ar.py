"""Failure classes found on real articles of benchmarks/quality batches aj–aq in this round,
each guarded by sentences written for the test in Russian and Ukrainian, never copied from the
articles (the bridge's new word pairs are in the ru↔uk table of ``test_real_text_vw.py``, the
cleaning rows in the last cleaning table of ``test_real_text_al.py``)."""

import pytest

# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "language", "keys"),
    [
        # a name that does not decline (Франсуа Дюпон), joined by «та»/«и» to a name in the
        # genitive, is in the genitive too: no subject of «відповіли» (the team answered with
        # goals); the quotation is the coach's, who spoke to the press in the lede
        ("Головний тренер команди Петро Коваленко поспілкувався з журналістами після матчу.\n"
         "Гол суперника підопічні Коваленка відбили ударами Андрія Мельника та Франсуа Дюпон."
         "\n\"Вітаю всіх уболівальників з перемогою у такому важкому матчі\".", "uk",
         ["коваленко"]),
        ("Главный тренер команды Петр Коваленко пообщался с журналистами после матча.\nНа "
         "гол соперника подопечные Коваленко ответили ударами Андрея Мельника и Франсуа Дюпон."
         "\n\"Поздравляю всех болельщиков с победой в таком тяжелом матче\".", "ru",
         ["коваленко"]),
        # (batches av–ay) «her first statements:» before the quotation: whose words they are
        ("Савченко вернулась в Украину. Далее прозвучали ее первые официальные заявления: «Я "
         "хочу попросить прощения у матерей, дети которых не вернулись».", "ru", ["савченко"]),
        ("Савченко повернулася в Україну. Далі пролунали її перші офіційні заяви: «Я хочу "
         "попросити вибачення у матерів, діти яких не повернулися».", "uk", ["савченко"]),
        # an organisation named after the verb of speech of a quotation's attribution
        ("«Це не відповідає дійсності», – відповіла пресслужба компанії «Сільпо» на запитання "
         "журналістів.", "uk", ["пресслужба компанії «Сільпо»"]),
        ("«Это не соответствует действительности», — ответила пресс-служба Fozzy Group на "
         "вопрос журналистов.", "ru", ["пресс-служба Fozzy Group"]),
        # an adverb opening a sentence is no person, though the dictionary knows a Dalí
        ("Ректор університету Петро Коваленко прокоментував зростання цін на пальне.\nДалі — "
         "пряма мова експерта.\n\"Світові ціни на нафту не зростають, тож це питання "
         "внутрішньої політики\".", "uk", ["коваленко"]),
        # a quotation whose closing mark was lost before its attribution
        ("Меморандум підписали сьогодні.\n«Я вважаю, що це велика перемога, – заявив "
         "Президент України Петро Коваленко.\nГлава держави також зауважив, що ціни не "
         "зростуть.", "uk", ["коваленко"]),
    ],
)
def test_speakers_of_batches_aj_ay(text, language, keys, direct, speaker_keys):
    assert speaker_keys(direct(text, language)) == keys


# --------------------------------------------------------------------------- ru↔uk


@pytest.mark.parametrize(
    ("uk", "ru", "alike"),
    [
        # место and делать are stop words of the Russian lists only: left out in both
        # languages, the translation keeps its likeness
        ("Я на своєму місці, я роблю свою роботу і буду робити стільки, скільки потрібно",
         "Я на своем месте, я делаю свою работу и буду делать столько, сколько нужно", True),
        ("Я на своєму місці і роблю свою роботу", "Мы будем строить новые дороги по всей "
         "стране", False),
    ],
)
def test_a_stop_word_of_one_language_counts_in_neither(uk, ru, alike):
    from presslens.statements.linking import SIMILARITY, statement_similarity

    score = statement_similarity([uk, ru], ["uk", "ru"])[0, 1]
    assert bool(score >= 2 * SIMILARITY) == alike
    assert alike or score < SIMILARITY / 2


@pytest.mark.parametrize(("word", "other"), [("місце", "место"), ("робити", "делать")])
def test_bridged_stop_words_hold_both_spellings(word, other):
    from presslens.text.bridge import bridge_form, bridged_stop_words

    assert bridge_form(word) == bridge_form(other)
    assert bridge_form(word) in bridged_stop_words()


@pytest.mark.parametrize(
    ("uk", "ru"),
    [
        # (batches av–ay) під-/від- before a consonant are под-/от-, Russian жд after a vowel
        # is ж, -ический is -ічний, verbs in -овать are -увати (and their nouns)
        ("підтвердити", "подтвердить"),
        ("відключення", "отключение"),
        ("відчуження", "отчуждение"),
        ("логістичний", "логистический"),
        ("атакувати", "атаковать"),
        ("локалізувати", "локализовать"),
        ("голосування", "голосование"),
        # … and a vowel after від is no prefix: відео is видео
        ("відео", "видео"),
    ],
)
def test_the_bridge_writes_regular_correspondences_alike(uk, ru):
    from presslens.text.bridge import bridge_form

    assert bridge_form(uk) == bridge_form(ru)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # one person's first name in the two languages, translated or spelt apart
        ("Надія", "Надежда", True),
        ("Андрій", "Андрей", True),
        ("Гліб", "Глеб", True),
        ("Алексей", "Олексій", True),
        ("Павло", "Павел", True),
        # two people who share a surname and an initial
        ("Олександр", "Андрій", False),
        ("Олександр", "Олексій", False),
        ("Александр", "Алексей", False),
        ("Валерий", "Валентин", False),
    ],
)
def test_first_names_of_one_person(a, b, same):
    from presslens.statements.registry import same_first_name

    assert same_first_name(a, b) is same
    assert same_first_name(b, a) is same


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # the closing mark lost before the attribution: the words quoted end at it
        ("«Я вважаю, що це велика перемога, – заявив Президент України Петро Коваленко.",
         "Я вважаю, що це велика перемога"),
        ("«Это большая победа для всех нас. — заявил президент Петр Коваленко.",
         "Это большая победа для всех нас."),
        # … but they go on after it: the quotation runs to the paragraph's end, as before
        ("«Це буде огляд сил країни, – каже вчений Петро Коваленко. – Зараз бракує фахівців",
         "Це буде огляд сил країни, – каже вчений Петро Коваленко. – Зараз бракує фахівців"),
        # a dash without a verb of speech is no attribution
        ("«Ми це зробимо, – і всі побачать результат", "Ми це зробимо, – і всі побачать результат"),
    ],
)
def test_a_quotation_left_open_ends_at_its_attribution(text, quoted):
    from presslens.statements.quotes import quote_spans

    (q,) = quote_spans(text)
    assert text[q.inner_start : q.inner_end] == quoted


def test_the_bridge_lists_each_ukrainian_word_once():
    from presslens.lexicon import read_rows
    from presslens.text.tokens import normalize_word

    words = [normalize_word(row["uk"]) for row in read_rows("similarity_bridge_uk_ru.csv")]
    assert len(words) == len(set(words)) > 500
