"""Events across articles, date disagreements, publication windows and the joined timeline."""

import pandas as pd
import pytest

from presslens.findings import events, publication_window, reconcile_events, timeline
from presslens.findings.timeline import TIMELINE_COLUMNS


def _articles(rows):
    return pd.DataFrame(
        {
            "id": [r[0] for r in rows],
            "outlet": [r[1] for r in rows],
            "published": pd.to_datetime([r[2] for r in rows]),
            "language": [r[3] for r in rows],
            "text": [r[4] for r in rows],
        }
    )


MEETING = _articles(
    [
        (
            "a",
            "Outlet A",
            "2022-01-08",
            "ru",
            "Переговоры России и США по безопасности пройдут 10 января в Женеве.",
        ),
        (
            "b",
            "Outlet B",
            "2022-01-08",
            "ru",
            "Переговоры между Россией и США по безопасности состоятся 12 января в Женеве.",
        ),
        (
            "c",
            "Outlet C",
            "2022-01-11",
            "uk",
            "10 січня у Женеві відбулися переговори Росії та США щодо безпеки.",
        ),
        (
            "d",
            "Outlet D",
            "2022-01-08",
            "ru",
            "Чемпионат по шахматам в Москве откроется 12 января.",
        ),
    ]
)


def test_events_have_descriptions_and_offsets():
    found = events(MEETING)
    assert found["text"].tolist() == ["10 января", "12 января", "10 січня", "12 января"]
    for row in found.itertuples(index=False):
        text = MEETING.set_index("id").at[row.article, "text"]
        assert text[row.start : row.end] == row.text
        assert row.text not in row.description
    assert found.loc[2, "date_start"] == pd.Timestamp("2022-01-10")


def test_disagreement_on_the_day_of_one_meeting_is_flagged():
    mentions, table = reconcile_events(events(MEETING))
    assert len(table) == 1
    row = table.iloc[0]
    assert row["n_articles"] == 3
    assert bool(row["disagreement"])
    assert row["date"] == pd.Timestamp("2022-01-10")  # two articles against one
    assert row["dates"] == "2022-01-10: a, c; 2022-01-12: b"
    # the chess tournament on 12 January is another event
    chess = mentions[mentions["article"] == "d"]["event"].iloc[0]
    assert chess != row["event"]


def test_agreeing_articles_are_not_flagged():
    agree = MEETING[MEETING["id"].isin(["a", "c"])]
    _, table = reconcile_events(events(agree))
    assert table["disagreement"].tolist() == [False]


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        (
            "15 декабря Россия опубликовала проект. Переговоры пройдут 10 января 2022 года.",
            "2021-12-15",
            "2022-01-10",
        ),
        ("9 січня 2022 року відбувся перший раунд переговорів.", "2022-01-09", None),
        ("Сегодня министр выступил в парламенте.", None, None),
    ],
)
def test_publication_window(text, earliest, latest):
    arts = _articles([("x", None, None, "ru" if "Сег" in text or "дек" in text else "uk", text)])
    window = publication_window(arts)
    assert len(window) == 1
    row = window.iloc[0]
    got = [None if pd.isna(v) else v.strftime("%Y-%m-%d") for v in (row.earliest, row.latest)]
    assert got == [earliest, latest]


def test_publication_window_skips_dated_articles():
    assert publication_window(MEETING).empty


def test_timeline_joins_statements_and_events():
    arts = _articles(
        [
            (
                "a",
                "Outlet A",
                "2022-01-09",
                "ru",
                "«Прорыва не будет», — заявил в воскресенье Энтони Блинкен.\n"
                "Переговоры России и США пройдут 10 января в Женеве.",
            ),
            (
                "b",
                "Outlet B",
                "2022-01-09",
                "ru",
                "Переговоры между Россией и США состоятся 12 января в Женеве.",
            ),
        ]
    )
    table = timeline(arts)
    assert list(table.columns) == TIMELINE_COLUMNS
    assert table["type"].tolist() == ["statement", "event", "event"]
    assert table.loc[0, "speaker"] == "Antony Blinken"
    assert table.loc[0, "date"] == pd.Timestamp("2022-01-09")
    assert table["disagreement"].tolist() == [False, True, True]
    assert table["date"].is_monotonic_increasing
