"""One timeline of statements and dated events, with the events outlets disagree on.

* :func:`events` lists every dated mention of a corpus (:func:`presslens.dates.find_dates`),
  each with the words that describe what happened on that date (its stretch of the sentence).
* :func:`reconcile_events` groups mentions of the same event across articles (alike words,
  dates within a week) and flags the groups whose articles give different days, such as two
  outlets dating one meeting differently.
* :func:`publication_window` infers, for an article without a publication date, the window it
  must have been written in: after every dated event it reports in the past tense, before
  every one it announces in the future tense.
* :func:`timeline` joins statements and events into one table ordered by date.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from presslens.dates.mentions import DateMention, find_dates, resolve_mention
from presslens.text.vectorize import LemmaVectorizer

__all__ = [
    "EVENT_COLUMNS",
    "TIMELINE_COLUMNS",
    "event_vectors",
    "events",
    "publication_window",
    "reconcile_events",
    "timeline",
]

#: Columns of :func:`events`.
EVENT_COLUMNS = [
    "article",
    "outlet",
    "language",
    "text",
    "start",
    "end",
    "kind",
    "date_start",
    "date_end",
    "tense",
    "basis",
    "sentence",
    "description",
]
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
#: Kinds reconciled across articles (a range spans several events, so it is left out).
SINGLE_DAY_KINDS = ("date", "weekday", "relative")


def _description(sentence: str, offsets: list[tuple[int, int]], index: int) -> str:
    """Return the stretch of ``sentence`` between the neighbouring date phrases."""
    start = offsets[index - 1][1] if index else 0
    end = offsets[index + 1][0] if index + 1 < len(offsets) else len(sentence)
    a, b = offsets[index]
    return (sentence[start:a] + " " + sentence[b:end]).strip(" ,;.–—-")


#: Kinds of date phrase read from a reference day: inside a quotation the reference is the
#: day the words were said, not the day the article came out.
_FROM_REFERENCE = ("relative", "weekday", "period")


def _said_on_spans(statements: pd.DataFrame | None) -> dict[str, list[tuple[int, int, object]]]:
    """The direct quotations of each article said on another day than it was published:
    ``{article: [(start, end, said_on), …]}``."""
    if statements is None or statements.empty:
        return {}
    direct = statements[(statements["kind"] == "direct") & statements["said_on"].notna()]
    out: dict[str, list[tuple[int, int, object]]] = {}
    for r in direct.itertuples(index=False):
        out.setdefault(r.article, []).append((int(r.start), int(r.end), r.said_on.date()))
    return out


def _from_said_on(found: pd.DataFrame, art, spans, language: str | None) -> pd.DataFrame:
    """Resolve the relative phrases inside a quotation from the day it was said (``завтра``
    in words said on 30 September is 1 October, whatever day the article came out)."""
    published = pd.Timestamp(art.published).date() if pd.notna(art.published) else None
    for start, end, said_on in spans:
        if said_on == published:
            continue
        inside = found["start"].between(start, end - 1) & found["kind"].isin(_FROM_REFERENCE)
        if not inside.any():
            continue
        again = find_dates(art.text or "", said_on, language).set_index("start")
        for idx in found.index[inside]:
            row = again.loc[found.at[idx, "start"]]
            for col in ("date_start", "date_end"):
                found.at[idx, col] = row[col]
            found.at[idx, "basis"] = f"relative to the day it was said ({said_on.isoformat()})"
    return found


def events(articles: pd.DataFrame, statements: pd.DataFrame | None = None) -> pd.DataFrame:
    """List every dated mention in a corpus.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``corpus.articles`` (columns ``id``, ``text``, ``published``, ``language``,
        ``outlet``).
    statements : pandas.DataFrame, optional
        The corpus's :func:`presslens.statements.statements`: a relative phrase (``вчера``,
        ``в пятницу``, ``на этой неделе``) inside a direct quotation is then read from the
        day the quotation was said (``said_on``) rather than the publication day.

    Returns
    -------
    pandas.DataFrame
        One row per date phrase, sorted by ``article`` and ``start``, with columns:

        - ``article`` (str), ``outlet`` (str or None), ``language`` (str or None);
        - ``text`` (str): the date phrase as written;
        - ``start``, ``end`` (int): its offsets in the article's clean text;
        - ``kind`` (str): ``date``, ``range``, ``month``, ``year``, ``weekday``, ``relative``
          or ``period`` (see :func:`presslens.dates.find_dates`);
        - ``date_start``, ``date_end`` (datetime64): the first and last day (NaT when
          unresolved);
        - ``tense`` (str or None): the tense of the nearest verb;
        - ``basis`` (str): what the date was resolved from;
        - ``sentence`` (str): the sentence the phrase is in;
        - ``description`` (str): the words of the sentence around the phrase, up to the
          neighbouring date phrases (what happened on that date).
    """
    frames = []
    said = _said_on_spans(statements)
    for art in articles.itertuples(index=False):
        language = art.language if isinstance(art.language, str) else None
        found = find_dates(art.text or "", art.published, language)
        if found.empty:
            continue
        found = found.copy()
        if art.id in said:
            found = _from_said_on(found, art, said[art.id], language)
        found.insert(0, "article", art.id)
        found.insert(1, "outlet", art.outlet if isinstance(art.outlet, str) else None)
        found.insert(2, "language", language)
        descriptions = []
        for _, group in found.groupby("sentence", sort=False):
            s_text = group["sentence"].iloc[0]
            base = (art.text or "").rfind(s_text, 0, int(group["start"].iloc[0]) + len(s_text))
            offsets = [
                (int(a) - base, int(b) - base)
                for a, b in zip(group["start"], group["end"], strict=True)
            ]
            for k, idx in enumerate(group.index):
                descriptions.append((idx, _description(s_text, offsets, k)))
        found["description"] = pd.Series(dict(descriptions))
        frames.append(found)
    if not frames:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    frame = pd.concat(frames, ignore_index=True)[EVENT_COLUMNS]
    return frame.sort_values(["article", "start"], kind="stable").reset_index(drop=True)


def event_vectors(mentions: pd.DataFrame, rows: list):
    """TF-IDF vectors of the descriptions of ``mentions.loc[rows]`` (lemmas and character
    3-5-grams, so that ru and uk descriptions meet), or None when they hold no word."""
    units = pd.DataFrame(
        {
            "article": mentions.loc[rows, "article"].astype(str).tolist(),
            "index": range(len(rows)),
            "start": 0,
            "end": mentions.loc[rows, "description"].str.len().tolist(),
            "text": mentions.loc[rows, "description"].tolist(),
            "language": mentions.loc[rows, "language"].tolist(),
        }
    )
    try:
        return LemmaVectorizer(char_ngrams=(3, 5), char_weight=0.3).fit_transform(units)
    except ValueError:  # no word at all
        return None


def reconcile_events(
    mentions: pd.DataFrame, threshold: float = 0.25, max_days: int = 7
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Group mentions of the same event across articles and flag date disagreements.

    Mentions of single days from different articles are grouped, most alike pairs first,
    when their descriptions are alike (cosine similarity of
    :class:`presslens.text.LemmaVectorizer` vectors >= ``threshold``, and every pair in
    the group >= half of it), each article appears once per group, and the days are at most
    ``max_days`` apart. Ranges (``10-13 января``) span several events and stay apart.

    Parameters
    ----------
    mentions : pandas.DataFrame
        The table of :func:`events`.
    threshold : float, default 0.25
        The smallest similarity of two descriptions of one event.
    max_days : int, default 7
        The largest gap between two days given for one event.

    Returns
    -------
    tuple of pandas.DataFrame
        ``(mentions, table)``. ``mentions`` is the input with an ``event`` column (int, -1 for
        mentions that are not day-precise or not resolved). ``table`` has one row per event
        mentioned by two or more articles, sorted by ``event``, with columns ``event`` (int),
        ``description`` (str, the first mention's words), ``n_articles`` (int), ``outlets``
        (str, comma-separated), ``dates`` (str: each distinct day or range with the articles
        giving it, e.g. ``2022-01-10: 004_…; 2022-01-12: 002_…``), ``date`` (datetime64: the
        day most articles give, the earliest on a tie) and ``disagreement`` (bool: the
        articles give different days).
    """
    out = mentions.copy()
    out["event"] = -1
    usable = out[out["kind"].isin(SINGLE_DAY_KINDS) & out["date_start"].notna()].index.tolist()
    columns = ["event", "description", "n_articles", "outlets", "dates", "date", "disagreement"]
    if len(usable) < 2:
        return out, pd.DataFrame(columns=columns)
    matrix = event_vectors(out, usable)
    if matrix is None:
        return out, pd.DataFrame(columns=columns)
    sim = np.asarray((matrix @ matrix.T).todense())
    parent = list(range(len(usable)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    arts = out.loc[usable, "article"].tolist()
    days = pd.to_datetime(out.loc[usable, "date_start"]).tolist()
    members = {i: [i] for i in range(len(usable))}
    pairs = sorted(
        ((sim[i, j], i, j) for i in range(len(usable)) for j in range(i + 1, len(usable))),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for score, i, j in pairs:
        if score < threshold:
            break
        a, b = find(i), find(j)
        if a == b:
            continue
        joined = members[a] + members[b]
        # every two mentions of one event: other articles, alike enough, days close
        if len({arts[k] for k in joined}) < len(joined):
            continue
        if any(sim[x, y] < threshold / 2 for x in members[a] for y in members[b]):
            continue
        if max(days[k] for k in joined) - min(days[k] for k in joined) > pd.Timedelta(
            days=max_days
        ):
            continue
        parent[b] = a
        members[a] = joined
    roots: dict[int, int] = {}
    for k, idx in enumerate(usable):
        root = find(k)
        if root not in roots:
            roots[root] = len(roots)
        out.at[idx, "event"] = roots[root]
    return out, _event_table(out)


def _event_table(out: pd.DataFrame) -> pd.DataFrame:
    """The table of :func:`reconcile_events`: one row per event of two or more articles."""
    columns = ["event", "description", "n_articles", "outlets", "dates", "date", "disagreement"]
    rows = []
    for event, group in out[out["event"] >= 0].groupby("event", sort=True):
        if group["article"].nunique() < 2:
            continue
        spans = group.apply(
            lambda r: (
                r["date_start"].strftime("%Y-%m-%d")
                + (
                    ""
                    if r["date_end"] == r["date_start"]
                    else "/" + r["date_end"].strftime("%Y-%m-%d")
                )
            ),
            axis=1,
        )
        by_span = {
            span: sorted(set(group.loc[spans == span, "article"])) for span in sorted(set(spans))
        }
        counts = sorted(by_span.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        rows.append(
            {
                "event": int(event),
                "description": group["description"].iloc[0],
                "n_articles": int(group["article"].nunique()),
                "outlets": ", ".join(sorted({o for o in group["outlet"] if isinstance(o, str)})),
                "dates": "; ".join(f"{span}: {', '.join(a)}" for span, a in by_span.items()),
                "date": pd.Timestamp(counts[0][0].split("/")[0]),
                "disagreement": len(by_span) > 1,
            }
        )
    table = pd.DataFrame(rows, columns=columns)
    return table.reset_index(drop=True)


def publication_window(articles: pd.DataFrame) -> pd.DataFrame:
    """Infer when each article without a publication date must have been written.

    A dated mention reported in the past tense must lie before publication; one announced in
    the future tense must lie after it. A day and month without a year take the year that
    puts them nearest to a reference day: the article's own full dates (the earliest day it
    announces, else the latest it reports), else the median publication date of the corpus's
    dated articles; without either they are not used.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``corpus.articles``.

    Returns
    -------
    pandas.DataFrame
        One row per article whose ``published`` is unknown, sorted by ``article``, with
        columns ``article`` (str), ``earliest`` and ``latest`` (datetime64, NaT when open),
        ``n_mentions`` (int: dated mentions used) and ``basis`` (str: the phrases used with
        their tense, or why there is no window).
    """
    known = pd.to_datetime(articles["published"]).dropna()
    corpus_reference = known.sort_values().iloc[len(known) // 2].date() if len(known) else None
    rows = []
    for art in articles.itertuples(index=False):
        if pd.notna(art.published):
            continue
        language = art.language if isinstance(art.language, str) else None
        found = find_dates(art.text or "", None, language)
        reference = _reference_day(found) or corpus_reference
        earliest, latest, used = None, None, []
        for row in found.itertuples(index=False):
            first, last = row.date_start, row.date_end
            if pd.isna(first) and reference is not None and row.kind in ("date", "range", "month"):
                mention = DateMention(
                    row.text,
                    row.start,
                    row.end,
                    row.kind,
                    day=_int(row.day),
                    month=_int(row.month),
                    day2=None,
                    month2=None,
                )
                if row.kind == "range":
                    continue
                first, last, _ = resolve_mention(mention, reference, None)
                first, last = pd.Timestamp(first), pd.Timestamp(last)
            if pd.isna(first) or row.tense not in ("past", "future"):
                continue
            if row.tense == "past":
                earliest = last if earliest is None else max(earliest, last)
            else:
                latest = first if latest is None else min(latest, first)
            used.append(f"{row.text} ({row.tense})")
        rows.append(
            {
                "article": art.id,
                "earliest": earliest,
                "latest": latest,
                "n_mentions": len(used),
                "basis": "; ".join(used) if used else "no dated mention with a tense",
            }
        )
    frame = pd.DataFrame(rows, columns=["article", "earliest", "latest", "n_mentions", "basis"])
    for col in ("earliest", "latest"):
        frame[col] = pd.to_datetime(frame[col])
    return frame.sort_values("article").reset_index(drop=True)


def _reference_day(found: pd.DataFrame) -> dt.date | None:
    """Return the day the article's own full dates point to: the earliest day announced in
    the future tense, else the latest day reported in the past tense."""
    full = found[found["kind"].isin(("date", "range")) & found["date_start"].notna()]
    future = full[full["tense"] == "future"]
    if len(future):
        return future["date_start"].min().date()
    past = full[full["tense"] == "past"]
    if len(past):
        return past["date_end"].max().date()
    return None


def _int(value) -> int | None:
    return None if pd.isna(value) else int(value)


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
        from presslens.statements.extract import statements as find_all

        statements = find_all(articles)
    if mentions is None:
        mentions = events(articles, statements)
    if {"attribution_start", "attribution_end"} <= set(statements.columns):
        # a date in an attribution (заявил в воскресенье) dates the statement, not an event
        spans = statements.dropna(subset=["attribution_start"])
        inside = pd.Series(False, index=mentions.index)
        for row in spans.itertuples(index=False):
            inside |= (
                (mentions["article"] == row.article)
                & (mentions["start"] >= row.attribution_start)
                & (mentions["end"] <= row.attribution_end)
            )
        mentions = mentions[~inside]
    mentions, table = reconcile_events(mentions)
    disputed = set(table.loc[table["disagreement"], "event"]) if len(table) else set()
    st = statements[statements["said_on"].notna()]
    rows = [
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
    ev = mentions[mentions["kind"].isin(DAY_KINDS) & mentions["date_start"].notna()]
    rows += [
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
    frame = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    frame["cluster"] = frame["cluster"].astype("Int64")
    frame["event"] = frame["event"].astype("Int64")
    frame["disagreement"] = frame["disagreement"].astype(bool)
    for col in ("date", "date_end"):
        frame[col] = pd.to_datetime(frame[col])
    return frame.sort_values(["date", "type", "article"], kind="stable").reset_index(drop=True)
