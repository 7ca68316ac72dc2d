"""Tests for presslens.views.explore: filters, lemma search, highlighting and the static
fallback."""

from __future__ import annotations

import pandas as pd
import pytest

from presslens.views import explore
from presslens.views.display import ReadingTable
from presslens.views.explore import (
    Explorer,
    filter_statements,
    filter_timeline,
    highlight,
    live_frontend,
    name_form,
    search,
    speaker_names,
)

ARTICLES = pd.DataFrame(
    {
        "id": ["ru1", "uk1"],
        "outlet": ["Вести", None],
        "language": ["ru", "uk"],
        "text": [
            "Генсек НАТО Йенс Столтенберг заявил, что альянс готов к диалогу.\n"
            "Мэр Женевы встретил делегации.\n"
            "Россия требует гарантий безопасности.",
            "Сергій Рябков заявив, що Росія не піде на поступки.\n"
            "Переговори щодо гарантій безпеки тривали вісім годин.",
        ],
    }
)
STATEMENTS = pd.DataFrame(
    {
        "article": ["ru1", "ru1", "uk1", "uk1"],
        "speaker": ["Jens Stoltenberg", "unknown", "Sergei Ryabkov", "Sergei Ryabkov"],
        "outlet": ["Вести", "Вести", None, None],
        "language": ["ru", "ru", "uk", "uk"],
        "quote": [
            "альянс готов к диалогу",
            "мир возможен",
            "Росія не піде на поступки",
            "гарантії потрібні негайно",
        ],
        "kind": ["indirect", "direct", "indirect", "direct"],
        "said_on": pd.to_datetime(["2022-01-09", None, "2022-01-10", "2022-01-12"]),
        "start": [37, 200, 21, 300],
        "end": [59, 212, 46, 325],
    }
)


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ({}, [0, 1, 2, 3]),
        ({"speakers": ["Sergei Ryabkov"]}, [2, 3]),
        ({"speakers": []}, [0, 1, 2, 3]),
        ({"outlets": ["unknown"]}, [2, 3]),  # a missing outlet is "unknown"
        ({"outlets": ["Вести"], "speakers": ["Sergei Ryabkov"]}, []),
        ({"start": "2022-01-10"}, [2, 3]),  # inclusive; the undated statement is left out
        ({"end": "2022-01-10"}, [0, 2]),
        ({"start": "2022-01-10", "end": "2022-01-10"}, [2]),
        ({"end": pd.Timestamp("2022-01-12").date()}, [0, 2, 3]),
    ],
)
def test_filter_statements(choice, expected) -> None:
    kept = filter_statements(STATEMENTS, **choice)
    assert kept["quote"].tolist() == STATEMENTS["quote"].iloc[expected].tolist()
    assert list(kept.index) == list(range(len(expected)))


TIMELINE = pd.DataFrame(
    {
        "date": pd.to_datetime(["2022-01-09", "2022-01-10", "2022-01-12", "2022-01-20"]),
        "date_end": pd.to_datetime(["2022-01-09", "2022-01-13", "2022-01-12", "2022-01-20"]),
        "type": ["statement", "event", "statement", "event"],
        "outlet": ["Вести", "Вести", None, None],
        "speaker": ["Jens Stoltenberg", None, "Sergei Ryabkov", None],
        "text": ["готов к диалогу", "переговоры в Женеве", "гарантії", "засідання"],
        "disagreement": [False, True, False, False],
    }
)


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        ({}, [0, 1, 2, 3]),
        ({"speakers": ["Sergei Ryabkov"]}, [1, 2, 3]),  # events stay, as context
        ({"outlets": ["Вести"]}, [0, 1]),
        ({"start": "2022-01-11", "end": "2022-01-12"}, [1, 2]),  # the 10–13 event overlaps
        ({"start": "2022-01-14"}, [3]),
    ],
)
def test_filter_timeline(choice, expected) -> None:
    kept = filter_timeline(TIMELINE, **choice)
    assert kept["text"].tolist() == TIMELINE["text"].iloc[expected].tolist()


def _found(frame: pd.DataFrame) -> list[tuple[str, str, list[str]]]:
    return [
        (row.kind, row.article, [row.text[s:e] for s, e in row.matches])
        for row in frame.itertuples(index=False)
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # a lemma finds its forms, in the text's own language ...
        ("заявити", [("passage", "uk1", ["заявив"])]),
        ("заявит", [("passage", "ru1", ["заявил"])]),
        ("заявлять", []),  # the imperfective verb is another lemma
        # ... and "заявить", "заявила" are words of both languages (uk: future, past)
        ("заявить", [("passage", "ru1", ["заявил"]), ("passage", "uk1", ["заявив"])]),
        ("заявила", [("passage", "ru1", ["заявил"]), ("passage", "uk1", ["заявив"])]),
        # a speaker's name, in any case form or script, finds the speaker's statements too
        ("Столтенберга", [("statement", "ru1", []), ("passage", "ru1", ["Столтенберг"])]),
        ("Stoltenberg", [("statement", "ru1", [])]),
        ("Рябкова", [("statement", "uk1", []), ("statement", "uk1", []),
                     ("passage", "uk1", ["Рябков"])]),
        ("Stoltenberg альянс", [("statement", "ru1", ["альянс"])]),  # his words on the alliance
        ("Stoltenberg мир", []),  # «мир» is another speaker's word
        ("Jens", [("statement", "ru1", [])]),  # a first name of the display name
        # case, and statements before passages
        (
            "альянс",
            [("statement", "ru1", ["альянс"]), ("passage", "ru1", ["альянс"])],
        ),
        # Ukrainian forms of one lemma
        (
            "гарантія",
            [("statement", "uk1", ["гарантії"]), ("passage", "uk1", ["гарантій"])],
        ),
        # alternatives: both spellings of Russia
        (
            "Россия|Росія",
            [
                ("statement", "uk1", ["Росія"]),
                ("passage", "ru1", ["Россия"]),
                ("passage", "uk1", ["Росія"]),
            ],
        ),
        # every word of the query must be there; all of them are marked
        ("гарантия безопасность", [("passage", "ru1", ["гарантий", "безопасности"])]),
        ("гарантия диалог", []),
        # no false friends: мир (peace) is not мэр (mayor), and nothing is not a query
        ("мир", [("statement", "ru1", ["мир"])]),
        ("", []),
        (" , ", []),
    ],
)
def test_search(query, expected) -> None:
    assert _found(search(ARTICLES, STATEMENTS, query)) == expected


@pytest.mark.parametrize(
    ("query", "found_by"),
    [
        ("Столтенберг", ["speaker"]),
        ("альянс", ["words"]),
        ("Stoltenberg альянс", ["speaker and words"]),
    ],
)
def test_search_says_how_a_statement_was_found(query, found_by) -> None:
    found = search(ARTICLES, STATEMENTS, query, where=("statement",))
    assert found["found_by"].tolist() == found_by


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Столтенберга", "stoltenberg"),
        ("Столтенбергу", "stoltenberg"),
        ("Stoltenberg", "stoltenberg"),
        ("Блінкена", "blinken"),  # Ukrainian
        ("Блинкен", "blinken"),
        ("Рябкова", "ryabkov"),
    ],
)
def test_name_form(word, expected) -> None:
    assert name_form(word) == expected


def test_speaker_names_use_names_never_pronouns() -> None:
    frame = pd.DataFrame(
        {
            "speaker": ["Jens Stoltenberg", "Jens Stoltenberg", "unknown", None],
            "speaker_mention": ["Столтенберга", "он", "источник", None],
            "how": ["name", "pronoun", "unknown", None],
        }
    )
    assert speaker_names(frame) == {"Jens Stoltenberg": frozenset({"jens", "stoltenberg"})}


def test_search_columns_and_offsets() -> None:
    found = search(ARTICLES, STATEMENTS, "переговоры|переговори")
    assert list(found.columns) == explore.SEARCH_COLUMNS
    (row,) = found.itertuples(index=False)
    text = ARTICLES.set_index("id").loc["uk1", "text"]
    assert (row.kind, row.paragraph, row.outlet, row.speaker) == ("passage", 1, None, None)
    assert text[row.start : row.end] == row.text
    assert row.n_matches == 1 and row.text[slice(*row.matches[0])] == "Переговори"


def test_search_passages_only() -> None:
    found = search(ARTICLES, None, "альянс")
    assert found["kind"].tolist() == ["passage"]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        ("Лавров заявил", [(7, 13)], "Лавров <mark>заявил</mark>"),
        ("a<b> c", [(0, 1)], "<mark>a</mark>&lt;b&gt; c"),
        ("НАТО и НАТО", [(7, 11), (0, 4)], "<mark>НАТО</mark> и <mark>НАТО</mark>"),
        ("гарантії", [(0, 4), (2, 8)], "<mark>гарантії</mark>"),  # overlaps merge
        ("без совпадений", [], "без совпадений"),
    ],
)
def test_highlight(text, spans, expected) -> None:
    assert highlight(text, spans) == expected


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, False),  # nbval, nbconvert, papermill
        ({"JPY_SESSION_NAME": "05-explore.ipynb"}, True),  # a kernel of a Jupyter server
        ({"JPY_SESSION_NAME": "05-explore.ipynb", "PRESSLENS_STATIC": "1"}, False),
    ],
)
def test_live_frontend(monkeypatch, env, expected) -> None:
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.delenv("PRESSLENS_STATIC", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert live_frontend() is expected


@pytest.fixture
def explorer() -> Explorer:
    return Explorer(ARTICLES, STATEMENTS, TIMELINE, max_rows=2)


def test_explorer_choices(explorer) -> None:
    assert explorer.speakers_ == ["Jens Stoltenberg", "Sergei Ryabkov", "unknown"]
    assert explorer.outlets_ == ["unknown", "Вести"]
    assert (str(explorer.first_day_), str(explorer.last_day_)) == ("2022-01-09", "2022-01-20")


def test_statements_view_sorted_by_day(explorer) -> None:
    view = explorer.statements_view(speakers=["Sergei Ryabkov", "unknown"])
    assert list(view.columns) == explore.STATEMENT_VIEW
    assert view["quote"].tolist() == [
        "Росія не піде на поступки",
        "гарантії потрібні негайно",
        "мир возможен",  # no known day: last
    ]


def test_show_static_is_deterministic(monkeypatch, explorer) -> None:
    import IPython.display
    import matplotlib

    matplotlib.use("Agg")
    shown: list = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs: shown.extend(objs))
    monkeypatch.setenv("JPY_SESSION_NAME", "")
    explorer.show(speakers=["Sergei Ryabkov"], query="гарантия|гарантія")
    html = [o.data for o in shown if isinstance(o, IPython.display.HTML)]
    tables = [o for o in shown if isinstance(o, ReadingTable)]
    assert "Static view" in html[0] and "speakers: Sergei Ryabkov" in html[0]
    assert any(type(o).__name__ == "Chart" for o in shown), "the timeline is drawn"
    assert tables[0].frame["quote"].tolist() == [
        "Росія не піде на поступки",
        "гарантії потрібні негайно",
    ]
    assert list(tables[0].frame.columns)[:2] == ["quote", "speaker"], "the quote first"
    assert "1 statements and 2 passages match; the first 2 are shown" in html[-1]
    assert "<mark>гарантії</mark>" in html[-1] and "<mark>гарантий</mark>" in html[-1]
    first = [o._repr_html_() if hasattr(o, "_repr_html_") else o.data for o in shown]
    shown.clear()
    explorer.show(speakers=["Sergei Ryabkov"], query="гарантия|гарантія")
    again = [o._repr_html_() if hasattr(o, "_repr_html_") else o.data for o in shown]
    assert first == again


def test_widget_updates_on_a_choice(explorer) -> None:
    import matplotlib

    matplotlib.use("Agg")
    box = explorer.widget(query="альянс")
    controls, summary = box.children[0], box.children[1]
    speakers, outlets = controls.children[0], controls.children[1]
    assert speakers.options == ("Jens Stoltenberg", "Sergei Ryabkov", "unknown")
    assert "speakers: all" in summary.value and "альянс" in summary.value
    speakers.value = ("Sergei Ryabkov",)
    assert "speakers: Sergei Ryabkov" in summary.value
    outlets.value = ("Вести",)
    assert "outlets: Вести" in summary.value


def test_widget_whole_range_keeps_undated_statements(explorer, monkeypatch) -> None:
    import matplotlib

    matplotlib.use("Agg")
    seen: list[dict] = []
    original = Explorer.statements_view

    def spy(self, **choice):
        seen.append(choice)
        return original(self, **choice)

    monkeypatch.setattr(Explorer, "statements_view", spy)
    box = explorer.widget()
    first, last = box.children[0].children[2].children[:2]
    assert (seen[-1]["start"], seen[-1]["end"]) == (None, None)
    assert len(original(explorer, **seen[-1])) == 4, "the undated statement is shown"
    first.value = pd.Timestamp("2022-01-10").date()
    assert str(seen[-1]["start"]) == "2022-01-10" and seen[-1]["end"] is None
    assert len(original(explorer, **seen[-1])) == 2


def test_search_view_keeps_the_chosen_outlets(explorer) -> None:
    everything = explorer.search_view("гарантия|гарантія")
    assert everything["article"].tolist() == ["uk1", "ru1", "uk1"]
    only = explorer.search_view("гарантия|гарантія", outlets=["Вести"])
    assert only["kind"].tolist() == ["passage"] and only["article"].tolist() == ["ru1"]
