"""Statements: who said what, when, and who reported it.

:func:`find_statements` (from :mod:`presslens.statements.reported`) reads one article;
:func:`statements` reads a corpus: it dates each statement (``said_on``), gives each speaker one
canonical name across articles and languages (:mod:`presslens.statements.registry`), and links
statements that report the same utterance (``cluster``, :mod:`presslens.statements.linking`).
:func:`quoted_terms` lists the quotations that are not statements (media names, titles, scare
quotes).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from presslens._gc import spared
from presslens.corpus.lang import detect_language
from presslens.dates import date_rows
from presslens.statements.linking import link_statements
from presslens.statements.paragraph import clean_span
from presslens.statements.quotes import quote_kind, quote_spans
from presslens.statements.registry import canonical_speakers
from presslens.statements.reported import find_statements
from presslens.statements.saidon import DayIndex

__all__ = [
    "STATEMENT_COLUMNS",
    "find_statements",
    "finish_statements",
    "quoted_terms",
    "statement_rows",
    "statements",
]

#: Columns of the CLI contract, in order.
STATEMENT_COLUMNS = [
    "article",
    "speaker",
    "speaker_mention",
    "role",
    "cue",
    "quote",
    "kind",
    "said_on",
    "said_on_basis",
    "cluster",
    "start",
    "end",
]

#: Further columns of :func:`statements`, after the contract's.
EXTRA_COLUMNS = [
    "outlet",
    "language",
    "speaker_id",
    "how",
    "attribution_start",
    "attribution_end",
]


# --------------------------------------------------------------------------- said on


def _published(value) -> dt.date | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return pd.Timestamp(value).date()


# --------------------------------------------------------------------------- corpus


def statements(articles: pd.DataFrame, link: bool = True) -> pd.DataFrame:
    """Find every statement in a corpus, with canonical speakers and linked utterances.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``corpus.articles`` (columns ``id``, ``text``, ``language``, ``published``,
        ``outlet``).
    link : bool, default True
        Link statements that report the same utterance (the ``cluster`` column); when
        False every statement is its own cluster.

    Returns
    -------
    pandas.DataFrame
        One row per statement, sorted by ``article`` and ``start``, with columns:

        - ``article`` (str): the article id;
        - ``speaker`` (str): the canonical Latin display name; for an organisation (``how``
          ``organisation``: ``говорится в сообщении`` after ``Об этом сообщает пресс-центр``)
          its name as written; else ``"unknown"``;
        - ``speaker_mention`` (str or None): the speaker as written (a name, pronoun or
          role noun);
        - ``role`` (str or None): the speaker's role as the article gives it;
        - ``cue`` (str or None): the reporting verb as written;
        - ``quote`` (str): the statement's words;
        - ``kind`` (str): ``direct`` or ``indirect``;
        - ``said_on`` (datetime64): the day it was said (NaT when unknown);
        - ``said_on_basis`` (str): ``attribution: <date phrase>`` (the attribution names
          the day, or the sentence right after the words points back to them: ``Об этом он
          сказал 30 января``), ``context: <date phrase>`` (an earlier sentence naming the speaker
          does), ``earlier attribution: <date phrase>`` (the speaker's earlier statement in
          the article), ``lede: <date phrase>`` (a reporting sentence of the first paragraph
          names a day of the last three before publication), ``published`` or ``unknown``;
        - ``cluster`` (int): shared by statements that report the same utterance;
        - ``start``, ``end`` (int): offsets of the statement in the article's clean text;
        - ``outlet`` (str or None), ``language`` (str), ``speaker_id`` (str), ``how``
          (str: ``name``, ``pronoun``, ``role``, ``context``, ``source`` (the person the
          article named as its source), ``organisation`` or ``none``);
        - ``attribution_start``, ``attribution_end`` (Int64, may be missing): offsets of the
          attribution clause (``— заявил в воскресенье генсек НАТО``).
    """

    return finish_statements(statement_rows(articles), link)


def statement_rows(articles: pd.DataFrame) -> pd.DataFrame:
    """Find the statements of each article, dated, before speakers are made canonical.

    Parameters
    ----------
    articles : pandas.DataFrame
        As for :func:`statements`.

    Returns
    -------
    pandas.DataFrame
        One row per statement, in article order then text order: the columns of
        :func:`statements` but ``speaker``, ``speaker_id`` and ``cluster``, plus ``person``
        (:class:`presslens.statements.speakers.Person` or None). Empty (no columns) without
        statements.
    """
    with spared():
        rows = _rows(articles)
    return pd.DataFrame(rows)


def finish_statements(frame: pd.DataFrame, link: bool = True, linker=None) -> pd.DataFrame:
    """Give the statements found article by article canonical speakers, and link them.

    :func:`statements` is ``finish_statements`` over the rows of every article; an index
    (:mod:`presslens.engine.build`) finds the rows partition by partition, then calls this once
    over all of them, so speakers and clusters are the corpus's, not a partition's.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per statement as found in its article: the columns of :func:`statements`
        but ``speaker``, ``speaker_id`` and ``cluster``, plus ``person`` (an object with
        ``key``, ``first``, ``surname`` and ``nominative``, or None).
    link : bool, default True
        Link statements that report the same utterance.
    linker : callable, optional
        Computes the clusters from the frame (default
        :func:`presslens.statements.linking.link_statements`;
        :func:`presslens.statements.corpuslink.link_blocked` gives the same clusters in blocks).

    Returns
    -------
    pandas.DataFrame
        As :func:`statements`.
    """
    if frame.empty:
        return pd.DataFrame(columns=STATEMENT_COLUMNS + EXTRA_COLUMNS)
    ids, names = canonical_speakers(frame)
    frame["speaker_id"] = ids
    frame["speaker"] = names
    org = frame["how"].eq("organisation")
    frame.loc[org, "speaker"] = frame.loc[org, "speaker_mention"]
    frame.loc[org, "speaker_id"] = "org:" + frame.loc[org, "speaker_mention"].str.lower()
    frame["said_on"] = pd.to_datetime(frame["said_on"])
    frame = frame.drop(columns=["person"]).sort_values(["article", "start"], kind="stable")
    frame = frame.reset_index(drop=True)
    frame["cluster"] = (linker or link_statements)(frame) if link else range(len(frame))
    frame["cluster"] = frame["cluster"].astype("int64")
    for col in ("attribution_start", "attribution_end"):
        frame[col] = frame[col].astype("Int64")
    return frame[STATEMENT_COLUMNS + EXTRA_COLUMNS]


def _rows(articles: pd.DataFrame) -> list[dict]:
    """One dict per statement of every article, dated, speakers not yet canonical."""
    rows = []
    for art in articles.itertuples(index=False):
        text = art.text or ""
        language = getattr(art, "language", None) or detect_language(text) or "ru"
        if not isinstance(language, str):
            language = detect_language(text) or "ru"
        published = _published(getattr(art, "published", None))
        outlet = getattr(art, "outlet", None)
        last_date: dict[str, tuple[dt.date, str]] = {}
        found = find_statements(text, language)
        dates = date_rows(text, published, language) if found else ()
        index = DayIndex(text, dates, found[0]["mentions"] if found else [],
                          [(st["start"], st["end"]) for st in found if st["kind"] == "direct"],
                          language)
        for st in found:
            person = st["person"]
            said, basis = index.said_on(st)
            if said is None:
                said, basis = index.pointed_back(st)
            pkey = person.key if person is not None else None
            if said is not None and pkey:
                last_date[pkey] = (said, basis.split(": ", 1)[1])
            elif pkey and pkey in last_date:
                # the day the speaker's earlier words were said, before any other day the
                # article names beside the speaker
                said, basis = last_date[pkey][0], f"earlier attribution: {last_date[pkey][1]}"
            if said is None:
                said, basis = index.context_date(st)
            if said is None:
                said, basis = index.lede_day(published, language)
            if said is None:
                said, basis = published, "published" if published is not None else "unknown"
            if said is not None and published is not None and said > published:
                # a day after publication is what was announced, never when it was said
                said, basis = published, "published"
            rows.append(
                {
                    "article": art.id,
                    "person": person,
                    "speaker_mention": st["speaker_mention"],
                    "role": st["role"],
                    "cue": st["cue"],
                    "quote": st["quote"],
                    "kind": st["kind"],
                    "said_on": said,
                    "said_on_basis": basis,
                    "start": st["start"],
                    "end": st["end"],
                    "outlet": outlet if isinstance(outlet, str) else None,
                    "language": language,
                    "how": st["how"],
                    "attribution_start": st["attribution"][0] if st["attribution"] else None,
                    "attribution_end": st["attribution"][1] if st["attribution"] else None,
                }
            )
    return rows


def quoted_terms(text: str) -> pd.DataFrame:
    """List the quotations of ``text`` that are not statements, with why.

    Parameters
    ----------
    text : str
        An article's clean text.

    Returns
    -------
    pandas.DataFrame
        One row per quotation that :func:`find_statements` does not report, with columns
        ``text`` (str), ``start``, ``end`` (int offsets of the quoted words) and ``kind``
        (``name`` for media and organisations, ``title`` for titles, ``term`` otherwise).
    """
    spans = {(s["start"], s["end"]) for s in find_statements(text) if s["kind"] == "direct"}
    rows = []
    pos = 0
    for line in text.split("\n"):
        for q in quote_spans(line):
            a, b = clean_span(text, pos + q.inner_start, pos + q.inner_end)
            if any(x <= a and b <= y for x, y in spans):
                continue
            kind = quote_kind(line[q.inner_start : q.inner_end], line[max(0, q.open - 60) : q.open])
            rows.append({"text": text[a:b], "start": a, "end": b, "kind": kind or "term"})
        pos += len(line) + 1
    return pd.DataFrame(rows, columns=["text", "start", "end", "kind"])
