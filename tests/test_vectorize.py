"""Tests for presslens.text: units, the ru↔uk bridge and the lemma TF-IDF vectorizer.

The quality tests run on statements written for them (not taken from the seeds): for each
statement a Russian original, a Ukrainian translation, a Russian paraphrase, a Russian reprint
with small edits, and a hard negative: a passage on the same topic, with the same people, that
reports something else.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from presslens.text import LemmaVectorizer, bridge_form, split_units
from presslens.text.units import LEVELS, UNIT_COLUMNS

STATEMENTS = {
    "stoltenberg_open_door": {
        "ru": "Генеральный секретарь НАТО Йенс Столтенберг заявил, что Альянс не пойдет на "
        "компромисс по политике открытых дверей и праву каждой страны самой выбирать союзы.",
        "uk": "Генеральний секретар НАТО Єнс Столтенберг заявив, що Альянс не піде на компроміс "
        "щодо політики відкритих дверей і права кожної країни самостійно обирати союзи.",
        "paraphrase": "Политика открытых дверей не станет предметом торга: по словам "
        "Столтенберга, каждая страна вправе сама выбирать, в какие союзы вступать, и "
        "компромиссов здесь не будет.",
        "reprint": "Генеральный секретарь НАТО Йенс Столтенберг заявил в среду, что Альянс не "
        "пойдет на компромисс по политике открытых дверей и праву каждой страны самостоятельно "
        "выбирать союзы.",
        "negative": "Генеральный секретарь НАТО Йенс Столтенберг заявил, что Альянс усилит "
        "присутствие своих войск в Восточной Европе и проведет дополнительные учения на Балтике.",
    },
    "ryabkov_no_concessions": {
        "ru": "Замглавы МИД России Сергей Рябков заявил, что Москва не намерена идти на уступки "
        "на переговорах в Женеве и может прервать их досрочно.",
        "uk": "Заступник глави МЗС Росії Сергій Рябков заявив, що Москва не має наміру йти на "
        "поступки на переговорах у Женеві й може перервати їх достроково.",
        "paraphrase": "Россия не собирается уступать на женевских переговорах, сказал Сергей "
        "Рябков, допустив, что делегация может прервать их раньше срока.",
        "reprint": "Заместитель главы МИД России Сергей Рябков заявил, что Москва не намерена "
        "идти на уступки на переговорах в Женеве и может прервать их досрочно.",
        "negative": "Сергей Рябков заявил, что Москва готова продолжить консультации с "
        "Вашингтоном по стратегической стабильности и контролю над ядерными вооружениями.",
    },
    "blinken_no_breakthrough": {
        "ru": "Госсекретарь США Энтони Блинкен сказал, что не ожидает прорыва на переговорах на "
        "следующей неделе, но прогресс возможен, если Россия отведет войска от границ Украины.",
        "uk": "Держсекретар США Ентоні Блінкен сказав, що не очікує прориву на переговорах "
        "наступного тижня, але прогрес можливий, якщо Росія відведе війська від кордонів "
        "України.",
        "paraphrase": "Блинкен не ждет быстрых результатов от переговоров: прорыва на следующей "
        "неделе не будет, однако прогресс возможен при отводе российских войск от украинской "
        "границы.",
        "reprint": "Госсекретарь США Энтони Блинкен заявил, что не ожидает прорыва на "
        "переговорах на следующей неделе, но прогресс возможен, если Россия отведет войска от "
        "границ Украины.",
        "negative": "Энтони Блинкен провел телефонный разговор с министром иностранных дел "
        "Украины и обсудил поставки американского оружия.",
    },
    "zelensky_air_defence": {
        "ru": "Президент Украины Владимир Зеленский призвал партнеров срочно передать стране "
        "дополнительные системы противовоздушной обороны Patriot для защиты городов от "
        "ракетных ударов.",
        "uk": "Президент України Володимир Зеленський закликав партнерів терміново передати "
        "країні додаткові системи протиповітряної оборони Patriot для захисту міст від "
        "ракетних ударів.",
        "paraphrase": "Зеленский снова попросил союзников о зенитных комплексах Patriot: без "
        "дополнительной обороны украинские города остаются беззащитны перед ракетными ударами.",
        "reprint": "Президент Украины Владимир Зеленский призвал западных партнеров срочно "
        "передать стране дополнительные системы противовоздушной обороны Patriot для защиты "
        "городов от ракетных ударов.",
        "negative": "Владимир Зеленский подписал указ о введении новых санкций против "
        "российских банков и компаний.",
    },
    "peskov_no_progress": {
        "ru": "Пресс-секретарь Кремля Дмитрий Песков заявил, что Москва не видит прогресса в "
        "переговорах с Киевом, однако Владимир Путин по-прежнему открыт для контактов.",
        "uk": "Речник Кремля Дмитро Пєсков заявив, що Москва не бачить прогресу в переговорах з "
        "Києвом, проте Володимир Путін і далі відкритий до контактів.",
        "paraphrase": "В Кремле не наблюдают продвижения на переговорах с Киевом, сказал "
        "Песков, добавив, что Путин остается открыт для контактов.",
        "reprint": "Пресс-секретарь Кремля Дмитрий Песков заявил журналистам, что Москва не "
        "видит прогресса в переговорах с Киевом, однако Владимир Путин по-прежнему открыт для "
        "контактов.",
        "negative": "Дмитрий Песков отказался комментировать сообщения о возможной отставке "
        "министра обороны.",
    },
    "kuleba_no_territory": {
        "ru": "Министр иностранных дел Украины Дмитрий Кулеба заявил, что Киев не отдаст ни "
        "одной территории ради мира и Крым остается украинским.",
        "uk": "Міністр закордонних справ України Дмитро Кулеба заявив, що Київ не віддасть "
        "жодної території заради миру, а Крим залишається українським.",
        "paraphrase": "Украина не обменяет свои земли на мир, подчеркнул Кулеба: территории, "
        "включая Крым, Киев никому не отдаст.",
        "reprint": "Министр иностранных дел Украины Дмитрий Кулеба заявил, что Киев не отдаст "
        "ни одной своей территории ради мира и Крым остается украинским.",
        "negative": "Дмитрий Кулеба встретился в Брюсселе с министрами иностранных дел стран "
        "Евросоюза и обсудил вступление Украины в ЕС.",
    },
}
KEYS = sorted(STATEMENTS)


def _cos(X: sp.spmatrix) -> np.ndarray:
    return (X @ X.T).toarray()


# --------------------------------------------------------------------------- the bridge


@pytest.mark.parametrize(
    "ru, uk",
    [
        ("блинкен", "блінкен"),  # и / і
        ("россия", "росія"),  # double letters, и / і
        ("йенс", "єнс"),  # йе / є
        ("энтони", "ентоні"),  # э / е
        ("заявить", "заявити"),  # infinitive -ть / -ти
        ("отказаться", "відмовитися"),  # lexicon + -ться / -тися
        ("решение", "рішення"),  # -ние / -ння
        ("военный", "воєнний"),
        ("зеленский", "зеленський"),  # soft sign
        ("крым", "крим"),  # ы / и
        ("сергей", "сергій"),
        ("киев", "київ"),  # ї
        ("безопасность", "безпека"),  # lexicon
        ("встреча", "зустріч"),  # lexicon
        ("харьков", "харків"),  # lexicon (place)
        ("мид", "мзс"),  # lexicon (acronym)
        ("возвращаться", "повертатися"),  # lexicon: common words that are not cognates
        ("родственник", "родич"),
        ("ряд", "низка"),
        ("patriot", "patriot"),  # Latin is left alone
    ],
)
def test_bridge_joins_russian_and_ukrainian_spellings(ru, uk):
    assert bridge_form(ru) == bridge_form(uk)


@pytest.mark.parametrize(
    "a, b",
    [("мир", "война"), ("россия", "украина"), ("переговоры", "уступка"), ("рябков", "песков"),
     ("час", "время")],  # a homograph (uk «час» is time, ru «час» an hour) is left alone
)
def test_bridge_keeps_different_words_apart(a, b):
    assert bridge_form(a) != bridge_form(b)


def test_bridge_form_of_ukrainian_apostrophe_words():
    assert bridge_form("зв'язок") == bridge_form("связь")
    assert bridge_form("м’ясо") == bridge_form("мясо")


# --------------------------------------------------------------------------- units


def _articles() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["a1", "a2"],
            "text": [
                "Столтенберг заявил это. Рябков ответил.\nВторой абзац статьи.",
                "Зеленський заявив, що Україна готова.",
            ],
            "language": ["ru", "uk"],
            "outlet": ["X", "Y"],
        }
    )


@pytest.mark.parametrize(
    "level, expected",
    [
        ("article", [("a1", 0), ("a2", 0)]),
        ("paragraph", [("a1", 0), ("a1", 1), ("a2", 0)]),
        ("sentence", [("a1", 0), ("a1", 1), ("a1", 2), ("a2", 0)]),
    ],
)
def test_split_units(level, expected):
    articles = _articles()
    units = split_units(articles, level)
    assert list(units.columns) == UNIT_COLUMNS
    assert list(zip(units["article"], units["index"], strict=True)) == expected
    texts = articles.set_index("id")["text"]
    for row in units.itertuples():
        assert texts[row.article][row.start : row.end] == row.text


def test_split_units_sentences_text_and_language():
    units = split_units(_articles(), "sentence")
    assert units["text"].tolist() == [
        "Столтенберг заявил это.",
        "Рябков ответил.",
        "Второй абзац статьи.",
        "Зеленський заявив, що Україна готова.",
    ]
    assert units["language"].tolist()[-1] == "uk"


def test_split_units_rejects_unknown_level():
    with pytest.raises(ValueError, match="level"):
        split_units(_articles(), "chapter")
    assert LEVELS == ("article", "paragraph", "sentence")


# --------------------------------------------------------------------------- vectorizer API


def test_vectorizer_follows_sklearn_conventions():
    vec = LemmaVectorizer(level="paragraph")
    assert vec.get_params()["level"] == "paragraph"
    X = vec.fit_transform(_articles())
    assert sp.issparse(X)
    assert X.shape == (3, len(vec.get_feature_names_out()))
    assert len(vec.labels_) == X.shape[1]
    np.testing.assert_allclose(sp.linalg.norm(X, axis=1), 1.0)
    assert vec.units_["index"].tolist() == [0, 1, 0]
    # transform gives the same rows as fit_transform
    assert abs(vec.transform(_articles()) - X).max() < 1e-12


def test_vectorizer_counts_lemmas_not_word_forms():
    vec = LemmaVectorizer()
    X = vec.fit_transform(["Столтенберг встретился со Столтенбергом.", "Столтенбергу звонили."])
    names = list(vec.get_feature_names_out())
    assert names.count(bridge_form("столтенберг")) == 1
    assert _cos(X)[0, 1] > 0.3


def test_vectorizer_labels_are_readable_lemmas():
    vec = LemmaVectorizer()
    vec.fit(["Россия и Росія.", "Россия снова."])
    label = vec.labels_[vec.vocabulary_[bridge_form("россия")]]
    assert label == "россия"  # the most frequent spelling behind the bridged term


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"bridge": False},
        {"min_df": 2, "max_df": 0.9},
        {"max_features": 12},
        {"sublinear_tf": False},
    ],
)
def test_vectorizer_counts_like_scikit_learn(params):
    """The fast counting gives scikit-learn's matrix, vocabulary and idf on the same terms."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from presslens.text import lemmatize

    texts = [text for statement in STATEMENTS.values() for text in statement.values()]
    languages = ["uk" if kind == "uk" else "ru" for statement in STATEMENTS.values()
                 for kind in statement]
    lemmas = [lemmatize(t, lang) for t, lang in zip(texts, languages, strict=True)]
    bridge = params.get("bridge", True)
    terms = [[bridge_form(w) for w in doc] if bridge else doc for doc in lemmas]
    reference = TfidfVectorizer(
        analyzer=lambda doc: doc,
        min_df=params.get("min_df", 1),
        max_df=params.get("max_df", 1.0),
        max_features=params.get("max_features"),
        sublinear_tf=params.get("sublinear_tf", True),
    )
    expected = reference.fit_transform(terms[:-3])
    vec = LemmaVectorizer(**params)
    X = vec.fit_transform_lemmas(lemmas[:-3])
    assert vec.vocabulary_ == reference.vocabulary_
    np.testing.assert_array_equal(vec.idf_, reference.idf_)
    assert type(X) is type(expected)
    assert abs(X - expected).max() == 0
    # transform: terms never seen in fitting are ignored
    new = vec.word_vectorizer_.transform(lemmas[-3:])
    assert abs(new - reference.transform(terms[-3:])).max() == 0


def test_vectorizer_counts_the_same_in_chunks(monkeypatch):
    import presslens.text.counting as counting

    texts = [text for statement in STATEMENTS.values() for text in statement.values()]
    whole = LemmaVectorizer().fit_transform(texts)
    monkeypatch.setattr(counting, "_CHUNK", 7)  # nearly every document flushes a chunk
    chunked = LemmaVectorizer().fit_transform(texts)
    assert abs(whole - chunked).max() == 0


def test_vectorizer_labels_take_the_most_frequent_lemma_then_the_first():
    vec = LemmaVectorizer()
    vec.fit_transform_lemmas([["росія", "россия"], ["харків", "харків", "харьков"]])
    label = dict(zip(vec.get_feature_names_out(), vec.labels_, strict=True))
    assert label[bridge_form("россия")] == "россия"  # a tie: alphabetically first
    assert label[bridge_form("харків")] == "харків"  # twice against once


def test_vectorizer_without_content_words_fails_like_scikit_learn():
    with pytest.raises(ValueError, match="empty vocabulary"):
        LemmaVectorizer().fit_transform(["что это было", "и так"])


def test_vectorizer_with_character_ngrams():
    texts = ["переговоры в Женеве", "переговорный процесс"]
    vec = LemmaVectorizer(char_ngrams=(3, 4))
    X = vec.fit_transform(texts)
    names = vec.get_feature_names_out()
    assert any(n.startswith("char:") for n in names)
    assert vec.n_word_features() < len(names)
    # lemmas differ (переговоры / переговорный) but the n-grams overlap
    assert _cos(X)[0, 1] > 0.05
    assert _cos(LemmaVectorizer().fit_transform(texts))[0, 1] == 0


def test_vectorizer_transform_before_fit_fails():
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        LemmaVectorizer().transform(["текст"])


# --------------------------------------------------------------------------- quality


def _matrix(kinds: list[str], **params):
    texts = [STATEMENTS[k][kind] for kind in kinds for k in KEYS]
    labels = [(kind, k) for kind in kinds for k in KEYS]
    return LemmaVectorizer(**params).fit_transform(texts), labels


@pytest.mark.parametrize("params", [{}, {"char_ngrams": (3, 5)}])
def test_ukrainian_passage_finds_its_russian_original(params):
    X, labels = _matrix(["ru", "uk", "negative"], **params)
    sims = _cos(X)
    ru_rows = [i for i, (kind, _) in enumerate(labels) if kind in ("ru", "negative")]
    for i, (kind, key) in enumerate(labels):
        if kind != "uk":
            continue
        best = max(ru_rows, key=lambda j: sims[i, j])
        assert labels[best] == ("ru", key), (key, labels[best])
        negative = labels.index(("negative", key))
        assert sims[i, labels.index(("ru", key))] > sims[i, negative] + 0.1


def test_bridge_is_what_joins_the_languages():
    with_bridge, labels = _matrix(["ru", "uk"])
    without, _ = _matrix(["ru", "uk"], bridge=False)
    n = len(KEYS)
    pairs = [(i, i + n) for i in range(n)]  # ru[i] and its uk translation
    mean_with = np.mean([_cos(with_bridge)[i, j] for i, j in pairs])
    mean_without = np.mean([_cos(without)[i, j] for i, j in pairs])
    assert mean_with > 0.5
    assert mean_with > mean_without + 0.25


@pytest.mark.parametrize("kind", ["paraphrase", "reprint"])
def test_russian_rewrites_find_their_original_before_the_hard_negative(kind):
    X, labels = _matrix(["ru", kind, "negative"])
    sims = _cos(X)
    candidates = [i for i, (k, _) in enumerate(labels) if k in ("ru", "negative")]
    for i, (k, key) in enumerate(labels):
        if k != kind:
            continue
        ranked = sorted(candidates, key=lambda j: (-sims[i, j], j))
        assert labels[ranked[0]] == ("ru", key)
        assert ranked.index(labels.index(("negative", key))) >= 1


def test_reprint_scores_above_paraphrase_above_negative():
    X, labels = _matrix(["ru", "reprint", "paraphrase", "negative"])
    sims = _cos(X)
    for key in KEYS:
        ru = labels.index(("ru", key))
        reprint, para, neg = (labels.index((k, key)) for k in ("reprint", "paraphrase", "negative"))
        assert sims[ru, reprint] > sims[ru, para] > sims[ru, neg]


def test_letter_rules_alone_find_the_translation(monkeypatch):
    """Without the lexicon, the regular letter correspondences still join the translations."""
    import presslens.text.bridge as bridge

    monkeypatch.setattr(bridge, "bridge_lexicon", lambda: {})
    bridge.bridge_form.cache_clear()
    try:
        X, labels = _matrix(["ru", "uk", "negative"])
    finally:
        bridge.bridge_form.cache_clear()
    sims = _cos(X)
    ru_rows = [i for i, (kind, _) in enumerate(labels) if kind in ("ru", "negative")]
    for i, (kind, key) in enumerate(labels):
        if kind == "uk":
            assert labels[max(ru_rows, key=lambda j: sims[i, j])] == ("ru", key)
