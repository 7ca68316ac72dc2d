"""Tests for the interactive charts: what a hover shows, the filters, offline and stable HTML."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from presslens.views.plots.chart import EMBEDDED, Chart, embed_plotly, wrap
from presslens.views.plots.similarity import heatmap_chart
from presslens.views.plots.timeline import timeline_chart
from presslens.views.plots.topics import topics_chart
from presslens.views.report_pages import embed_charts

TIMELINE = pd.DataFrame(
    {
        "date": pd.to_datetime(["2022-01-09", "2022-01-09", "2022-01-10", "2022-01-12"]),
        "date_end": pd.to_datetime(["2022-01-09", "2022-01-09", "2022-01-13", "2022-01-12"]),
        "type": ["statement", "statement", "event", "statement"],
        "article": ["ru1", "ru1", "ru1", "uk1"],
        "outlet": ["Вести", "Вести", "Вести", None],
        "speaker": ["Jens Stoltenberg", "Jens Stoltenberg", None, "Sergei Ryabkov"],
        "text": ["альянс готов к диалогу", "мы <не> уступим", "переговоры в Женеве",
                 "гарантії потрібні негайно"],
        "disagreement": [False, False, True, False],
    }
)  # fmt: skip


def _points(chart: Chart) -> list[tuple[str, str, str]]:
    """(trace name, x, hover text) of every point."""
    return [
        (trace["name"], x, text)
        for trace in chart.spec()["data"]
        for x, text in zip(trace.get("x", []), trace.get("hovertext", []), strict=True)
    ]


def test_timeline_hover_shows_quote_speaker_outlet_day() -> None:
    chart = timeline_chart(TIMELINE)
    points = _points(chart)
    assert [(name, x[:10]) for name, x, _ in points] == [
        ("unknown", "2022-01-12"),
        ("Вести", "2022-01-09"),
        ("Вести", "2022-01-09"),
        ("Вести: events", "2022-01-10"),
    ]
    hover = {name: text for name, _, text in points}
    assert hover["unknown"] == (
        "<b>Sergei Ryabkov</b><br>unknown · 2022-01-12<br>«гарантії потрібні негайно»"
    )
    assert "«мы &lt;не&gt; уступим»" in points[2][2], "quotes are escaped"
    assert "2022-01-10 to 2022-01-13" in hover["Вести: events"]
    assert "outlets give this event different days" in hover["Вести: events"]
    assert points[1][1] != points[2][1], "two statements of one day do not coincide"


def test_timeline_lanes_menu_and_labels() -> None:
    spec = timeline_chart(TIMELINE).spec()
    layout = spec["layout"]
    assert layout["yaxis"]["ticktext"] == ["Jens Stoltenberg", "Sergei Ryabkov", "dated events"]
    assert layout["xaxis"]["title"]["text"] == "day said (statements) or dated (events)"
    assert layout["yaxis"]["title"]["text"] == "speaker"
    (menu,) = layout["updatemenus"]
    labels = [b["label"] for b in menu["buttons"]]
    assert labels == ["speaker: all", "speaker: Jens Stoltenberg", "speaker: Sergei Ryabkov"]
    ryabkov = menu["buttons"][2]["args"][0]["hovertext"]
    assert [len(texts) for texts in ryabkov] == [1, 0], "per outlet trace: his one statement"
    events = {t["name"]: t for t in spec["data"] if t["name"].endswith("events")}
    assert events["Вести: events"]["marker"]["line"]["color"] == ["red"], "dates disagree"
    assert events["unknown: events"]["marker"]["line"]["color"] == []


@pytest.fixture(scope="module")
def seeds():
    from presslens.corpus.load import load_corpus
    from presslens.findings import TopicModel, article_matrix, similar_pairs, topic_units

    articles = load_corpus().articles
    units = topic_units(articles)
    weights = TopicModel(2).fit(units).document_topics()
    pairs = similar_pairs(articles, "paragraph", k=3)
    return articles, article_matrix(articles), pairs, units, weights


def test_heatmap_hover_shows_both_passages_and_terms(seeds) -> None:
    articles, matrix, pairs, _, _ = seeds
    (trace,) = heatmap_chart(matrix, articles, pairs).spec()["data"]
    n = len(articles)
    assert all(trace["z"][i][i] is None for i in range(n)), "the diagonal is blank"
    best = pairs.iloc[0]
    order = articles.sort_values(["published", "id"])["id"].tolist()
    i, j = order.index(best["a"]), order.index(best["b"])
    hover = trace["customdata"][i][j]
    assert f"best passage pair: {best['score']:.2f}" in hover
    flat = re.sub(r"<br>", " ", hover)
    assert " ".join(best["a_text"].split())[:60] in flat
    assert " ".join(best["b_text"].split())[:60] in flat
    assert ", ".join(best["terms"][:3]) in flat
    assert trace["text"][i][j] == f"{trace['z'][i][j]:.2f}"


def test_heatmap_outlet_menu_keeps_one_outlets_rows(seeds) -> None:
    articles, matrix, pairs, _, _ = seeds
    (menu,) = heatmap_chart(matrix, articles, pairs).spec()["layout"]["updatemenus"]
    by_label = {b["label"]: b["args"][0] for b in menu["buttons"]}
    assert len(by_label) == 1 + articles["outlet"].nunique()
    assert by_label["outlet: URA.RU"]["y"] == [["URA.RU · 2022-01-09"]]
    assert len(by_label["outlet: all"]["y"][0]) == len(articles)


def test_topics_chart_hover_shows_the_paragraph(seeds) -> None:
    _, _, _, units, weights = seeds
    spec = topics_chart(weights, units).spec()
    (trace,) = spec["data"]
    assert len(trace["y"]) == len(weights.drop_duplicates(["article", "paragraph"]))
    first = units.sort_values(["article", "paragraph"]).iloc[0]
    flat = trace["customdata"][0][0].replace("<br>", " ")
    assert " ".join(first["text"].split())[:50] in flat
    assert spec["layout"]["xaxis"]["title"]["text"] == "topic"


def test_chart_outputs_are_stable_and_offline() -> None:
    bundle = timeline_chart(TIMELINE)._repr_mimebundle_()
    assert set(bundle) == {"application/vnd.plotly.v1+json", "text/html", "text/plain"}
    assert bundle == timeline_chart(TIMELINE.copy())._repr_mimebundle_(), "no random ids"
    page = bundle["text/html"]
    assert re.search(r'id="presslens-chart-[0-9a-f]{12}"', page)
    assert "http://" not in page and "https://" not in page and "require(" not in page
    assert bundle["text/plain"].startswith("Interactive timeline: 3 statements of 2 speakers")
    assert bundle["application/vnd.plotly.v1+json"]["config"]["displaylogo"] is False


@pytest.mark.parametrize(
    ("text", "width", "limit", "expected"),
    [
        ("Мы <готовы> к диалогу", 12, 700, "Мы &lt;готовы&gt;<br>к диалогу"),
        ("раз два   три", 72, 700, "раз два три"),
        ("раз два три четыре", 72, 12, "раз два …"),
    ],
)
def test_wrap(text, width, limit, expected) -> None:
    assert wrap(text, width, limit) == expected


def test_embed_plotly_once_and_only_where_a_chart_is(tmp_path) -> None:
    chart = timeline_chart(TIMELINE).to_html_fragment()
    page = f"<html><head><title>x</title></head><body>{chart}</body></html>"
    embedded = embed_plotly(page)
    assert embedded.count(EMBEDDED) == 1 and embed_plotly(embedded) == embedded
    assert embedded.index("window.Plotly = Plotly") < embedded.index("</head>")
    plain = "<html><head></head><body><p>no chart</p></body></html>"
    assert embed_plotly(plain) == plain
    (tmp_path / "04-timeline.html").write_text(page, encoding="utf-8")
    (tmp_path / "01-corpus.html").write_text(plain, encoding="utf-8")
    assert embed_charts(tmp_path) == ["04-timeline.html"]
    assert embed_charts(tmp_path) == [], "already embedded"
