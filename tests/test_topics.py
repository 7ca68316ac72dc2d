"""Tests of presslens.findings.topics: known topics in Russian and Ukrainian are found, and stay
put.

The corpus below is written for these tests: four stories (arms control, NATO enlargement,
sanctions, a football match), each told in one Russian and one independently written Ukrainian
article of four paragraphs, from three made-up outlets on four days.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from presslens.findings import TopicModel, fit_topics, select_k, topic_agreement, topic_units
from presslens.findings.topicmeasures import coherence_npmi, topic_stability

# (id, outlet, published, language, known topic, paragraphs)
KNOWN = [
    (
        "ru_arms",
        "Moscow Ledger",
        "2022-03-01",
        "ru",
        "arms",
        [
            "Россия и США возобновили консультации по договору СНВ о сокращении стратегических "
            "наступательных вооружений. Стороны обсудили ядерные боеголовки, межконтинентальные "
            "ракеты и порядок взаимных инспекций.",
            "Эксперты напоминают, что после выхода из договора о ракетах средней и меньшей "
            "дальности контроль над вооружениями держится только на договоре СНВ. Без инспекций "
            "стороны не могут проверить число развернутых боеголовок.",
            "Замминистра иностранных дел заявил, что Москва готова обсуждать размещение ракет "
            "средней дальности и лимиты на ядерные боеголовки, если Вашингтон вернется к "
            "инспекциям.",
            "Американская делегация предложила продлить обмен данными о ядерных ракетах и "
            "стратегических бомбардировщиках. Переговоры о контроле над вооружениями продолжатся "
            "в Женеве в следующем месяце.",
        ],
    ),
    (
        "uk_arms",
        "Kyiv Wire",
        "2022-03-01",
        "uk",
        "arms",
        [
            "Пентагон оприлюднив звіт про ядерні арсенали: Росія та США досі утримують тисячі "
            "боєголовок, а договір про контроль над озброєннями спливає вже за два роки.",
            "Експерти з нерозповсюдження попереджають, що без інспекцій на ракетних базах жодна "
            "сторона не зможе перевірити, скільки ядерних боєголовок розгорнуто насправді.",
            "Після виходу з договору про ракети середньої дальності Вашингтон розглядає "
            "розміщення нових ракет у Європі, а Москва погрожує дзеркальною відповіддю.",
            "Китай відмовляється приєднуватися до переговорів про обмеження ядерних озброєнь, тож"
            " тристоронній договір про контроль над ракетами поки що неможливий.",
        ],
    ),
    (
        "ru_nato",
        "Moscow Ledger",
        "2022-03-02",
        "ru",
        "nato",
        [
            "Финляндия и Швеция подали заявки на вступление в НАТО. Генсек альянса пообещал, "
            "что процедура принятия новых членов займет несколько недель, а не лет.",
            "Турция пока блокирует расширение альянса и требует от кандидатов уступок. Без "
            "согласия всех союзников ни одна страна не может стать членом НАТО.",
            "В Тбилиси напомнили, что Грузии обещали членство в альянсе еще на саммите в "
            "Бухаресте. Политика открытых дверей НАТО, по словам министра, касается всех "
            "кандидатов.",
            "Москва заявила, что расширение НАТО на восток угрожает ее безопасности, и "
            "пригрозила ответными мерами, если Финляндия и Швеция вступят в альянс.",
        ],
    ),
    (
        "uk_nato",
        "Kyiv Wire",
        "2022-03-02",
        "uk",
        "nato",
        [
            "Швеція стала тридцять другим членом НАТО: прапор країни підняли біля штаб-квартири "
            "альянсу в Брюсселі.",
            "Угорщина останньою ратифікувала вступ Швеції до альянсу після місяців затягування, "
            "які в Будапешті пояснювали образами на критику.",
            "Генсек НАТО нагадав, що двері альянсу відкриті й для України, але членство можливе "
            "лише після завершення війни та реформ.",
            "Фінляндія, яка вступила до НАТО роком раніше, подвоїла сухопутний кордон альянсу з "
            "Росією, і Кремль пообіцяв посилити війська на північному заході.",
        ],
    ),
    (
        "ru_sanctions",
        "Moscow Ledger",
        "2022-03-03",
        "ru",
        "sanctions",
        [
            "Евросоюз утвердил новый пакет санкций против России: под ограничения попали "
            "крупные банки, экспорт высоких технологий и импорт российской стали.",
            "Министры финансов договорились заморозить активы центрального банка и отключить "
            "еще несколько банков от системы SWIFT. Санкции вступят в силу через неделю.",
            "Обсуждается нефтяное эмбарго: страны Евросоюза спорят, как быстро отказаться от "
            "российской нефти и не обрушить собственный энергетический рынок.",
            "Минфин США расширил санкционный список, добавив в него компании, которые помогали "
            "обходить экспортные ограничения. Нарушителям грозят штрафы и заморозка активов.",
        ],
    ),
    (
        "uk_sanctions",
        "Kyiv Wire",
        "2022-03-03",
        "uk",
        "sanctions",
        [
            "Рада ЄС затвердила черговий пакет санкцій: під обмеження потрапили танкери тіньового"
            " флоту, що перевозять російську нафту.",
            "Країни G7 домовилися використати доходи від заморожених російських активів для "
            "кредиту Україні, а банки ЄС мають звітувати про рух цих коштів.",
            "Національний банк попереджає, що санкції проти російських банків обходять через "
            "посередників у третіх країнах, тому експортний контроль треба посилити.",
            "Ембарго на російську нафту та стеля цін скоротили нафтові доходи Кремля, хоча обсяги"
            " експорту відновилися завдяки Індії.",
        ],
    ),
    (
        "ru_sport",
        "Sport Daily",
        "2022-03-04",
        "ru",
        "sport",
        [
            "Сборная Украины по футболу обыграла Шотландию со счетом 3:1 и вышла в финал "
            "отбора на чемпионат мира. Два гола забил нападающий Ярмоленко.",
            "Главный тренер сборной похвалил защиту и признался, что матч получился нервным: "
            "болельщики на стадионе в Глазго поддерживали хозяев до последней минуты.",
            "В финале отбора украинцы сыграют с Уэльсом. Победитель матча получит путевку на "
            "чемпионат мира в Катаре.",
            "Футбольный клуб «Динамо» сообщил, что несколько игроков вызваны в сборную, а "
            "тренировки клуба перенесены, как и ближайший матч чемпионата.",
        ],
    ),
    (
        "uk_sport",
        "Sport Daily",
        "2022-03-04",
        "uk",
        "sport",
        [
            "Збірна України з футболу поступилася Італії у відборі на чемпіонат Європи, "
            "пропустивши два голи в першому таймі.",
            "Головний тренер збірної пояснив поразку втомою гравців і пообіцяв змінити склад на "
            "наступний матч.",
            "Київське «Динамо» виграло чемпіонат України: у вирішальному матчі на стадіоні у "
            "Львові команда забила три голи.",
            "Вболівальники на стадіоні влаштували овацію воротарю, який відбив пенальті "
            "наприкінці матчу й врятував команду від поразки.",
        ],
    ),
]

#: A lemma that must be among the top terms of the topic found for each known story.
MARKERS = {"arms": "ракета", "nato": "нато", "sanctions": "санкция", "sport": "матч"}


def known_articles() -> pd.DataFrame:
    """Return the test corpus as an articles table (as ``Corpus.articles`` has it)."""
    return pd.DataFrame(
        [
            {
                "id": art_id,
                "outlet": outlet,
                "published": pd.Timestamp(date),
                "language": language,
                "text": "\n".join(paras),
            }
            for art_id, outlet, date, language, _, paras in KNOWN
        ]
    )


KNOWN_TOPIC = {art_id: topic for art_id, _, _, _, topic, _ in KNOWN}


@pytest.fixture(scope="module")
def units() -> pd.DataFrame:
    return topic_units(known_articles())


@pytest.fixture(scope="module")
def model(units) -> TopicModel:
    return TopicModel(4).fit(units)


def main_topics(model: TopicModel) -> pd.DataFrame:
    """Return each paragraph's main topic with its known story and language."""
    weights = model.document_topics()
    main = weights.loc[weights.groupby(["article", "paragraph"])["weight"].idxmax()]
    main = main.assign(known=main["article"].map(KNOWN_TOPIC))
    return main.reset_index(drop=True)


# --------------------------------------------------------------------------- units


def test_units_are_lemmatized_paragraphs_with_offsets(units):
    assert len(units) == 32  # every paragraph of the test corpus has content
    articles = known_articles().set_index("id")
    for row in units.itertuples():
        assert articles.at[row.article, "text"][row.start : row.end] == row.text
    assert units["outlet"].tolist()[:4] == ["Moscow Ledger"] * 4
    assert set(units["language"]) == {"ru", "uk"}


@pytest.mark.parametrize(
    ("text", "language", "kept", "dropped"),
    [
        ("Министр заявил, что санкции против банков вступят в силу в понедельник.", "ru",
         ["санкция", "банк"], ["заявить", "понедельник"]),
        ("Міністр заявив, що санкції проти банків наберуть чинності у понеділок.", "uk",
         ["санкція", "банк"], ["заявити", "понеділок"]),
        ("В январе генсек НАТО сообщил о расширении альянса.", "ru",
         ["нато", "расширение", "альянс"], ["январь", "сообщить"]),
        ("У січні генсек НАТО повідомив про розширення альянсу.", "uk",
         ["нато", "розширення", "альянс"], ["січень", "повідомити"]),
    ],
)
def test_units_leave_out_reporting_verbs_and_calendar_words(text, language, kept, dropped):
    arts = pd.DataFrame({"id": ["a"], "language": [language], "text": [text]})
    lemmas = topic_units(arts)["lemmas"].iloc[0]
    assert all(word in lemmas for word in kept), lemmas
    assert not any(word in lemmas for word in dropped), lemmas


def test_units_drop_paragraphs_with_too_few_lemmas():
    arts = pd.DataFrame(
        {
            "id": ["a"],
            "language": ["ru"],
            "text": ["Реклама\nСанкции против крупных банков вступили в силу.\n12:05"],
        }
    )
    assert topic_units(arts)["paragraph"].tolist() == [1]
    assert topic_units(arts, min_lemmas=10).empty


# --------------------------------------------------------------------------- recovery


@pytest.mark.parametrize("known", sorted(MARKERS))
def test_each_known_topic_is_one_found_topic(model, known):
    main = main_topics(model)
    mine = main[main["known"] == known]
    found = mine["topic"].mode().iloc[0]
    # all eight paragraphs, Russian and Ukrainian, share one topic ...
    assert (mine["topic"] == found).all(), mine[["article", "paragraph", "topic"]]
    # ... which no other story's paragraph has ...
    others = main[main["known"] != known]
    assert not (others["topic"] == found).any()
    # ... and whose top terms name the story.
    terms = model.top_terms()
    assert MARKERS[known] in terms.loc[terms["topic"] == found, "term"].tolist()


@pytest.mark.parametrize(
    ("known", "language"), [(k, lang) for k in MARKERS for lang in ("ru", "uk")]
)
def test_both_languages_of_a_story_share_its_topic(model, known, language):
    main = main_topics(model)
    story = main[main["known"] == known]
    found = story["topic"].mode().iloc[0]
    mine = story[story["language"] == language]
    assert len(mine) == 4
    assert (mine["topic"] == found).all()


def test_labels_use_the_usual_written_form(model):
    terms = model.top_terms()
    forms = dict(zip(terms["term"], terms["form"], strict=True))
    assert forms["нато"] == "НАТО"  # an acronym keeps its capitals
    assert forms["матч"] == "матч"
    nato = terms.loc[terms["term"] == "нато", "label"].iloc[0]
    assert "НАТО" in nato.split(" · ")
    assert all(label.count(" · ") == 2 for label in model.labels_)


def test_same_input_gives_same_topics(units):
    first = TopicModel(4).fit(units)
    second = TopicModel(4).fit(units.copy())
    pd.testing.assert_frame_equal(first.summary(), second.summary())
    np.testing.assert_array_equal(first.weights_, second.weights_)
    lda_a = TopicModel(4, method="lda", random_state=3).fit(units)
    lda_b = TopicModel(4, method="lda", random_state=3).fit(units)
    pd.testing.assert_frame_equal(lda_a.document_topics(), lda_b.document_topics())


def test_lda_weights_are_shares(units):
    lda = TopicModel(4, method="lda").fit(units)
    np.testing.assert_allclose(lda.weights_.sum(axis=1), 1.0)
    assert lda.summary()["paragraphs"].sum() == len(units)


# --------------------------------------------------------------------------- choosing k


def test_selection_picks_the_number_of_known_topics(units):
    table = select_k(units)
    assert table["k"].tolist() == list(range(2, 9))
    assert table["chosen"].sum() == 1
    assert table.loc[table["chosen"], "k"].item() == 4
    assert table["coherence"].between(-1, 1).all()
    assert table["stability"].between(0, 1).all()
    assert table["coverage"].between(0, 1).all()
    expected = table["stability"] * (1 + table["coherence"]) / 2 * table["coverage"]
    np.testing.assert_allclose(table["score"], expected)


def test_fit_topics_auto_uses_the_chosen_k(units):
    model, table = fit_topics(units, "auto", ks=[3, 4, 5], n_seeds=3)
    assert model.n_topics == table.loc[table["chosen"], "k"].item()
    given, empty = fit_topics(units, 3)
    assert given.n_topics == 3 and empty.empty


@pytest.mark.parametrize(
    ("present", "languages", "expected"),
    [
        # always together → 1
        ([[1, 1], [1, 1], [0, 0], [0, 0]], None, 1.0),
        # never together → -1
        ([[1, 0], [1, 0], [0, 1], [0, 1]], None, -1.0),
        # independent: p(a, b) = p(a) p(b) → 0
        ([[1, 1], [1, 0], [0, 1], [0, 0]], None, 0.0),
        # a Russian and a Ukrainian term never share a paragraph, but each language on its own
        # has only one of them: no pair to score within a language
        ([[1, 0], [1, 0], [0, 1], [0, 1]], ["ru", "ru", "uk", "uk"], np.nan),
    ],
)
def test_npmi(present, languages, expected):
    value = coherence_npmi([[0, 1]], np.array(present), languages)[0]
    if np.isnan(expected):
        assert np.isnan(value)
    else:
        assert value == pytest.approx(expected, abs=1e-9)


def test_npmi_within_languages_averages_their_pairs():
    present = np.array([[1, 1, 0], [1, 1, 0], [0, 1, 1], [0, 0, 0]])
    # pooled: terms 0 and 2 never meet (-1); within "ru" (rows 0, 1) only 0 and 1 are present
    # and always together (p = 1 → 1); within "uk" (rows 2, 3) 1 and 2 always together
    pooled = coherence_npmi([[0, 1, 2]], present)[0]
    split = coherence_npmi([[0, 1, 2]], present, ["ru", "ru", "uk", "uk"])[0]
    assert pooled < 0.5
    assert split == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("reference", "others", "expected"),
    [
        ([[0, 1], [2, 3]], [[[0, 1], [2, 3]]], 1.0),
        ([[0, 1], [2, 3]], [[[2, 3], [0, 1]]], 1.0),  # order of topics does not matter
        ([[0, 1], [2, 3]], [[[4, 5], [6, 7]]], 0.0),
        ([[0, 1], [2, 3]], [[[0, 5], [2, 3]]], (1 / 3 + 1) / 2),
        ([[0, 1], [2, 3]], [[[0, 1], [2, 3]], [[4, 5], [6, 7]]], 0.5),  # runs are averaged
    ],
)
def test_stability(reference, others, expected):
    assert topic_stability(reference, others) == pytest.approx(expected)


# --------------------------------------------------------------------------- tables


def test_shares_by_outlet_follow_what_the_outlets_publish(model):
    shares = model.shares("outlet")
    assert list(shares.columns) == ["outlet", "topic", "label", "share", "paragraphs"]
    sums = shares.groupby("outlet")["share"].sum()
    np.testing.assert_allclose(sums, 1.0)
    sport = main_topics(model).query("known == 'sport'")["topic"].mode().iloc[0]
    sport_daily = shares[(shares["outlet"] == "Sport Daily") & (shares["topic"] == sport)]
    assert sport_daily["share"].item() > 0.8
    assert sport_daily["paragraphs"].item() == 8
    wire = shares[(shares["outlet"] == "Kyiv Wire") & (shares["topic"] == sport)]
    assert wire["share"].item() < 0.1


def test_shares_by_date_and_missing_outlets(units):
    dated = TopicModel(4).fit(units).shares("date")
    assert dated["date"].dt.strftime("%Y-%m-%d").unique().tolist() == [
        "2022-03-01", "2022-03-02", "2022-03-03", "2022-03-04",
    ]
    no_outlet = units.assign(outlet=[None] * 8 + units["outlet"].tolist()[8:])
    shares = TopicModel(4).fit(no_outlet).shares("outlet")
    missing = shares[shares["outlet"].isna()]
    assert len(missing) == 4 and (missing["paragraphs"] == 8).all()
    with pytest.raises(ValueError):
        TopicModel(4).fit(units).shares("weekday")


def test_representative_paragraphs_belong_to_their_topic(model, units):
    passages = model.representative(2)
    assert len(passages) == 8
    main = main_topics(model).set_index(["article", "paragraph"])["topic"]
    for row in passages.itertuples():
        assert main[(row.article, row.paragraph)] == row.topic
        assert units.set_index(["article", "paragraph"]).at[(row.article, row.paragraph), "text"] \
            == row.text
    assert passages.groupby("topic")["rank"].apply(list).tolist() == [[1, 2]] * 4
    assert (passages.groupby("topic")["weight"].apply(lambda w: w.is_monotonic_decreasing)).all()


def test_document_topics_are_tidy(model, units):
    weights = model.document_topics()
    assert list(weights.columns) == [
        "article", "paragraph", "start", "end", "outlet", "published", "language",
        "topic", "label", "weight",
    ]
    assert len(weights) == 4 * len(units)
    np.testing.assert_allclose(weights.groupby(["article", "paragraph"])["weight"].sum(), 1.0)
    summary = model.summary()
    assert summary["topic"].tolist() == [1, 2, 3, 4]
    assert summary["share"].is_monotonic_decreasing
    assert summary["paragraphs"].tolist() == [8, 8, 8, 8]


@pytest.mark.parametrize(
    ("options", "message"),
    [({"n_topics": 40}, "cannot fit 40 topics"), ({"method": "lsa"}, "unknown topic model")],
)
def test_bad_requests_are_refused(units, options, message):
    with pytest.raises(ValueError, match=message):
        TopicModel(**options).fit(units)


def test_seeds_give_a_small_deterministic_model(seeds):
    units = topic_units(seeds.articles)
    table = select_k(units)
    assert table["chosen"].sum() == 1
    k = table.loc[table["chosen"], "k"].item()
    model, _ = fit_topics(units, k)
    again, _ = fit_topics(topic_units(seeds.articles), k)
    pd.testing.assert_frame_equal(model.summary(), again.summary())
    assert set(model.shares("outlet")["outlet"]) == set(seeds.articles["outlet"])


def test_agreement_of_a_model_with_itself_and_with_lda(model, units):
    same = topic_agreement(model, TopicModel(4).fit(units))
    assert same["matched"].all()
    assert (same["topic_a"] == same["topic_b"]).all()
    assert same["paragraphs"].tolist() == [8, 8, 8, 8]
    lda = topic_agreement(model, TopicModel(4, method="lda").fit(units))
    assert lda["paragraphs"].sum() == len(units)
    assert lda["matched"].sum() == 4
    with pytest.raises(ValueError, match="different paragraphs"):
        topic_agreement(model, TopicModel(4).fit(units.iloc[:-1]))


@pytest.mark.parametrize(("by", "groups"), [("article", 8), ("language", 2)])
def test_shares_by_article_and_language(model, by, groups):
    shares = model.shares(by)
    assert shares[by].nunique() == groups
    np.testing.assert_allclose(shares.groupby(by)["share"].sum(), 1.0)
    assert shares.groupby(by)["paragraphs"].first().sum() == 32


def test_figures_have_titles_and_axis_labels(model, units):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from presslens.views.plots import topics as topic_plots

    table = select_k(units, ks=[3, 4], n_seeds=2)
    figures = [
        topic_plots.k_selection(table),
        topic_plots.top_terms(model.top_terms()),
        topic_plots.heatmap(model.document_topics()).figure,
        topic_plots.shares(model.shares("outlet")).figure,
        topic_plots.shares(model.shares("date")).figure,
    ]
    for fig in figures:
        axes = [ax for ax in fig.axes if ax.get_visible() and ax.get_label() != "<colorbar>"]
        titled = fig.get_suptitle() or all(ax.get_title() for ax in axes)
        assert titled
        assert all(ax.get_xlabel() for ax in axes)
        assert any(ax.get_ylabel() for ax in axes)
        plt.close(fig)
    labels = [t.get_text() for t in figures[1].axes[0].get_yticklabels()]
    assert labels == model.top_terms().query("topic == 1")["form"].tolist()
