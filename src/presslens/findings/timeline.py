"""One timeline of statements and dated events, with the events outlets disagree on.

The dated events come in four steps, each in its own module:

* :mod:`~presslens.findings.events`: :func:`events` lists every dated mention of a corpus
  (:func:`presslens.dates.find_dates`), each with the words that describe what happened on
  that date (its stretch of the sentence);
* :mod:`~presslens.findings.reconcile`: :func:`reconcile_events` groups mentions of the same
  event across articles (alike words, dates within a week) and flags the groups whose articles
  give different days, such as two outlets dating one meeting differently;
* :mod:`~presslens.findings.publication`: :func:`publication_window` infers, for an article
  without a publication date, the window it must have been written in: after every dated event
  it reports in the past tense, before every one it announces in the future tense;
* here, :func:`timeline` joins statements and events into one table ordered by date.
"""

from __future__ import annotations

import pandas as pd

from presslens.findings.events import events
from presslens.findings.reconcile import reconcile_events

__all__ = ["DAY_KINDS", "TIMELINE_COLUMNS", "timeline"]

#: Columns of :func:`timeline`.
TIMELINE_COLUMNS = [
    "date",
    "date_end",
    "type",
    "article",
    "outlet",
    "speaker",
    "text",
    "cluster",
    "event",
    "disagreement",
    "basis",
]
#: Kinds of date mention precise to the day (the ones events are reconciled on).
DAY_KINDS = ("date", "range", "weekday", "relative")


def timeline(
    articles: pd.DataFrame,
    statements: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Join statements and dated events into one table ordered by date.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``corpus.articles``.
    statements : pandas.DataFrame, optional
        The table of :func:`presslens.statements.statements` (computed when None).
    mentions : pandas.DataFrame, optional
        The table of :func:`events` (computed when None); mentions of a day or a range of
        days are placed on the timeline, but not those inside a statement's attribution
        (``заявил в воскресенье`` dates the statement).

    Returns
    -------
    pandas.DataFrame
        One row per statement with a ``said_on`` and per dated event mention, sorted by
        ``date``, ``type``, ``article``, with columns:

        - ``date``, ``date_end`` (datetime64): the day said, or the event's first and last day;
        - ``type`` (str): ``statement`` or ``event``;
        - ``article`` (str), ``outlet`` (str or None);
        - ``speaker`` (str or None): the statement's canonical speaker;
        - ``text`` (str): the statement's words or the event's description;
        - ``cluster`` (Int64): the statement's utterance cluster;
        - ``event`` (Int64): the event's id (see :func:`reconcile_events`; missing for a
          range, which is not reconciled);
        - ``disagreement`` (bool): the event is dated differently by other articles;
        - ``basis`` (str): ``said_on_basis`` or the event date's basis.
    """
    if statements is None:
        from presslens.statements import statements as find_all

        statements = find_all(articles)
    if mentions is None:
        mentions = events(articles, statements)
    mentions, table = reconcile_events(_outside_attributions(mentions, statements))
    disputed = set(table.loc[table["disagreement"], "event"]) if len(table) else set()
    rows = _statement_rows(statements) + _event_rows(mentions, disputed)
    frame = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    frame["cluster"] = frame["cluster"].astype("Int64")
    frame["event"] = frame["event"].astype("Int64")
    frame["disagreement"] = frame["disagreement"].astype(bool)
    for col in ("date", "date_end"):
        frame[col] = pd.to_datetime(frame[col])
    return frame.sort_values(["date", "type", "article"], kind="stable").reset_index(drop=True)


def _outside_attributions(mentions: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """The mentions not inside a statement's attribution (``заявил в воскресенье`` dates the
    statement, not an event)."""
    if not {"attribution_start", "attribution_end"} <= set(statements.columns):
        return mentions
    spans = statements.dropna(subset=["attribution_start"])
    inside = pd.Series(False, index=mentions.index)
    for row in spans.itertuples(index=False):
        inside |= (
            (mentions["article"] == row.article)
            & (mentions["start"] >= row.attribution_start)
            & (mentions["end"] <= row.attribution_end)
        )
    return mentions[~inside]


def _statement_rows(statements: pd.DataFrame) -> list[dict]:
    """The timeline rows of the statements with a ``said_on`` day."""
    st = statements[statements["said_on"].notna()]
    return [
        {
            "date": r.said_on,
            "date_end": r.said_on,
            "type": "statement",
            "article": r.article,
            "outlet": r.outlet,
            "speaker": r.speaker,
            "text": r.quote,
            "cluster": r.cluster,
            "event": pd.NA,
            "disagreement": False,
            "basis": r.said_on_basis,
        }
        for r in st.itertuples(index=False)
    ]


def _event_rows(mentions: pd.DataFrame, disputed: set) -> list[dict]:
    """The timeline rows of the mentions of a day or a range of days."""
    ev = mentions[mentions["kind"].isin(DAY_KINDS) & mentions["date_start"].notna()]
    return [
        {
            "date": r.date_start,
            "date_end": r.date_end,
            "type": "event",
            "article": r.article,
            "outlet": r.outlet,
            "speaker": None,
            "text": r.description,
            "cluster": pd.NA,
            "event": r.event if r.event >= 0 else pd.NA,
            "disagreement": r.event in disputed,
            "basis": r.basis,
        }
        for r in ev.itertuples(index=False)
    ]
