"""Dated events: every dated mention of a corpus, with the words that describe what happened.

:func:`events` lists every dated mention (:func:`presslens.dates.find_dates`), each with its
description: the stretch of its sentence up to the neighbouring date phrases
(:func:`describe`). Inside a direct quotation said on another day than the article came out, a
relative phrase (``завтра``) is read from the day it was said.
"""

from __future__ import annotations

import pandas as pd

from presslens.dates import find_dates

__all__ = ["EVENT_COLUMNS", "describe", "events"]

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
        found["description"] = describe(found, {art.id: art.text})
        frames.append(found)
    if not frames:
        return pd.DataFrame(columns=EVENT_COLUMNS)
    frame = pd.concat(frames, ignore_index=True)[EVENT_COLUMNS]
    return frame.sort_values(["article", "start"], kind="stable").reset_index(drop=True)


def describe(found: pd.DataFrame, texts: dict[str, str]) -> list[str]:
    """Return the description of every date phrase, as :func:`events` does.

    Parameters
    ----------
    found : pandas.DataFrame
        :func:`presslens.dates.dates_table` rows (``article``, ``start``, ``end``,
        ``sentence``), in article then text order.
    texts : dict of str to str
        Each article's clean text.

    Returns
    -------
    list of str
        The words of each phrase's sentence up to the neighbouring date phrases.
    """
    out = [""] * len(found)
    groups: dict[tuple[str, str], list[int]] = {}
    arts, sents = found["article"].tolist(), found["sentence"].tolist()
    starts, ends = found["start"].tolist(), found["end"].tolist()
    for pos, key in enumerate(zip(arts, sents, strict=True)):
        groups.setdefault(key, []).append(pos)
    for (art, sentence), rows in groups.items():
        text = texts.get(art) or ""
        base = text.rfind(sentence, 0, int(starts[rows[0]]) + len(sentence))
        offsets = [(int(starts[p]) - base, int(ends[p]) - base) for p in rows]
        for k, pos in enumerate(rows):
            out[pos] = _phrase_description(sentence, offsets, k)
    return out


def _phrase_description(sentence: str, offsets: list[tuple[int, int]], index: int) -> str:
    """Return the stretch of ``sentence`` between the neighbouring date phrases."""
    start = offsets[index - 1][1] if index else 0
    end = offsets[index + 1][0] if index + 1 < len(offsets) else len(sentence)
    a, b = offsets[index]
    return (sentence[start:a] + " " + sentence[b:end]).strip(" ,;.–—-")
