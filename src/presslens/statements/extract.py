"""Statements: who said what, when, and who reported it.

:func:`find_statements` (from :mod:`presslens.statements.reported`) reads one article;
:func:`statements` reads a corpus: it dates each statement (``said_on``), gives each speaker one
canonical name across articles and languages (:mod:`presslens.statements.registry`), and links
statements that report the same utterance (``cluster``, :mod:`presslens.statements.linking`).
:func:`quoted_terms` lists the quotations that are not statements (media names, titles, scare
quotes).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

import pandas as pd

from presslens._gc import spared
from presslens.corpus.lang import detect_language
from presslens.dates import date_rows
from presslens.statements.cues import cue_tokens
from presslens.statements.linking import link_statements
from presslens.statements.paragraph import clean_span
from presslens.statements.quotes import quote_kind, quote_spans
from presslens.statements.registry import canonical_speakers
from presslens.statements.reported import find_statements

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


_DAY_KINDS = ("date", "weekday", "relative")
#: A sentence that says when the words before it were said: «Об этом он сказал 30 января.»
_POINTS_BACK = re.compile(r"(?i)^\W*(?:об\s+этом|о\s+чем|о\s+чём|про\s+це)\b")
#: The first non-empty line from an offset on (read in place, the text not copied).
_NEXT_LINE = re.compile(r"\s*([^\n]*)")
_GAP = 6
#: How many days before publication the lede's own day may be (the news of the last days).
_LEDE_DAYS = dt.timedelta(days=3)
_GAP_CHARS = " .,!?…»\"”“'\n"


class _DayIndex:
    """The dated mentions of one article indexed by position, so each statement finds its
    day in logarithmic time (an article of megabytes has thousands of statements and dates).
    """

    def __init__(self, text: str, dates: tuple[dict, ...], mentions: list[tuple[str, int]],
                 quoted: list[tuple[int, int]] = ()):
        days = [r for r in dates if r["kind"] in _DAY_KINDS and r["date_start"] is not None]
        self.text = text
        self.days = sorted(days, key=lambda r: r["start"])
        self.starts = [r["start"] for r in self.days]
        # the day rows whose sentence names each person, for the context rule
        by_key: dict[str, list[int]] = {}
        for key, pos in mentions:
            by_key.setdefault(key, []).append(pos)
        for positions in by_key.values():
            positions.sort()
        self.context: dict[str, list[dict]] = {}
        quoted = sorted(quoted)
        self._lede: tuple[dt.date | None, str] | None = None  # lede_day's answer, once read
        self.unquoted: set[int] = set()  # the positions of the days named outside quotations
        for row in self.days:
            k = bisect.bisect_right(quoted, (row["start"], float("inf"))) - 1
            if row["tense"] == "future" or (k >= 0 and row["start"] < quoted[k][1]):
                continue  # a day the speaker's own words name is no day of the saying
            self.unquoted.add(row["start"])
            sentence = row["sentence"]
            s_start = text.rfind(sentence, 0, row["start"] + len(sentence))
            if s_start < 0:
                continue
            for key, positions in by_key.items():
                k = bisect.bisect_left(positions, s_start)
                if k < len(positions) and positions[k] < s_start + len(sentence):
                    self.context.setdefault(key, []).append(row)

    def said_on(self, st: dict) -> tuple[dt.date | None, str]:
        """Take the day named in the attribution clause (``заявил в воскресенье``), if any."""
        if st["attribution"] is None:
            return None, ""
        a, b = st["attribution"]
        for row in self.days[bisect.bisect_left(self.starts, a) :]:
            if row["start"] >= b:
                break
            if row["end"] <= b and (row["end"] <= st["start"] or row["start"] >= st["end"]):
                return row["date_start"], f"attribution: {row['text']}"
        return None, ""

    def pointed_back(self, st: dict) -> tuple[dt.date | None, str]:
        """Take the day of the sentence right after the statement that points back to it
        (``…, что решение за каждым. Об этом он сказал в эфире 30 января.``)."""
        k = bisect.bisect_left(self.starts, st["end"])
        for row in self.days[k : k + 3]:
            sentence = row["sentence"]
            s_start = self.text.rfind(sentence, 0, row["start"] + len(sentence))
            gap = self.text[st["end"] : s_start] if s_start >= st["end"] else "x"
            if len(gap) <= _GAP and not gap.strip(_GAP_CHARS) and row["tense"] != "future" and (
                _POINTS_BACK.match(sentence)
            ):
                return row["date_start"], f"attribution: {row['text']}"
        return None, ""

    def lede_day(self, published: dt.date | None, language: str) -> tuple[dt.date | None, str]:
        """Take the day of a sentence of the first paragraph that reports speech (``Во вторник,
        30 сентября, мэр заявил …``) or dates the message the text quotes (``Про це йдеться у
        зверненні, оприлюдненому 12 жовтня``), or of a first paragraph the next one says was
        told (``Об этом заявил мэр …``): one day, at most three before publication (read once
        per article)."""
        if self._lede is None:
            self._lede = self._read_lede(published, language)
        return self._lede

    def _read_lede(self, published: dt.date | None, language: str) -> tuple[dt.date | None, str]:
        end = self.text.find("\n")
        end = len(self.text) if end < 0 else end
        # «Во вторник … ливень.» / «Об этом заявил мэр …»: the speech is of the lede's day
        after = _NEXT_LINE.match(self.text, end).group(1)
        told = _POINTS_BACK.match(after) is not None and any(
            kind == "speech" for *_, kind in cue_tokens(after, language))
        for row in self.days[: bisect.bisect_left(self.starts, end)]:
            day = row["date_start"]
            if (published is not None and row["tense"] != "future" and day == row["date_end"]
                    and dt.timedelta(0) < published - day <= _LEDE_DAYS
                    and row["start"] in self.unquoted and (told or _speech_after(row, language)
                                                           or _POINTS_BACK.match(row["sentence"]))):
                return day, f"lede: {row['text']}"
        return None, ""

    def context_date(self, st: dict) -> tuple[dt.date | None, str]:
        """Take the day from the last earlier sentence that names the same speaker
        (``Вчера министр выступил в парламенте. «…», — заявил он.``)."""
        person = st["person"]
        rows = self.context.get(person.key, []) if person is not None else []
        k = bisect.bisect_left([r["start"] for r in rows], st["start"]) if rows else 0
        if not k:
            return None, ""
        best = rows[k - 1]
        return best["date_start"], f"context: {best['text']}"


def _speech_after(row: dict, language: str) -> bool:
    """Tell whether a speech verb follows the date phrase in its sentence (``Во вторник мэр
    заявил``; not ``сообщил, что накануне …``, the day of what was reported)."""
    sentence = row["sentence"]
    at = sentence.find(row["text"])
    cues = cue_tokens(sentence, language)
    return at >= 0 and all(start > at for start, *_ in cues) and any(
        kind == "speech" for *_, kind in cues)


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
        index = _DayIndex(text, dates, found[0]["mentions"] if found else [],
                          [(st["start"], st["end"]) for st in found if st["kind"] == "direct"])
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
