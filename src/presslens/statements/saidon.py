"""The day each statement was said: the day its attribution names, the day a sentence after it
points back to, the speaker's earlier day, a day named beside the speaker, or the lede's day.

:class:`DayIndex` holds one article's dated mentions by position, so each statement finds its
day in logarithmic time; :mod:`presslens.statements.extract` falls back to the publication day.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from presslens.statements.cues import cue_tokens
from presslens.text import _morph

__all__ = ["DayIndex"]

_DAY_KINDS = ("date", "weekday", "relative")
#: A sentence that says when the words before it were said: «Об этом он сказал 30 января.»
_POINTS_BACK = re.compile(r"(?i)^\W*(?:об\s+этом|о\s+чем|о\s+чём|про\s+це)\b")
#: The first non-empty line from an offset on (read in place, the text not copied).
_NEXT_LINE = re.compile(r"\s*([^\n]*)")
_GAP = 6
#: How many days before publication the lede's own day may be (the news of the last days).
_LEDE_DAYS = dt.timedelta(days=3)
_GAP_CHARS = " .,!?…»\"”“'\n"


class DayIndex:
    """The dated mentions of one article indexed by position, so each statement finds its
    day in logarithmic time (an article of megabytes has thousands of statements and dates).
    """

    def __init__(self, text: str, dates: tuple[dict, ...], mentions: list[tuple[str, int]],
                 quoted: list[tuple[int, int]] = (), language: str = "ru"):
        days = [r for r in dates if r["kind"] in _DAY_KINDS and r["date_start"] is not None]
        self.text, self.language = text, language
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
            if _dates_a_noun(text, row, language):
                continue  # «обнародованные 12 декабря записи»: not a day anyone spoke
            sentence = row["sentence"]
            s_start = text.rfind(sentence, 0, row["start"] + len(sentence))
            if s_start < 0:
                continue
            if _POINTS_BACK.match(sentence):  # «Також Х відкинув … Про це мер заявив 15 жовтня»
                s_start, sentence = _with_paragraph_before(text, s_start, sentence)
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
            if row["end"] <= b and (row["end"] <= st["start"] or row["start"] >= st["end"]) and (
                    not _dates_a_noun(self.text, row, self.language)):
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


def _with_paragraph_before(text: str, start: int, sentence: str) -> tuple[int, str]:
    """Widen a sentence that points back (``Про це мер заявив 15 жовтня``) to the start of its
    paragraph, where the person it speaks of is named."""
    p_start = text.rfind("\n", 0, start) + 1
    return p_start, text[p_start : start + len(sentence)]


_WORD_BEFORE = re.compile(r"([^\W\d_]+) +$")
_WORD_AFTER = re.compile(r" +([^\W\d_]+)")


def _dates_a_noun(text: str, row: dict, language: str) -> bool:
    """Tell whether a participle before the day and a noun right after it make the day that
    noun phrase's (``Комментируя обнародованные 12 декабря записи, он сказал``: the day the
    recordings came out, not the day of the saying)."""
    before = _WORD_BEFORE.search(text, max(0, row["start"] - 30), row["start"])
    after = _WORD_AFTER.match(text, row["end"])
    if before is None or after is None:
        return False
    first = _morph.parses(before.group(1).lower(), language)
    then = _morph.parses(after.group(1).lower(), language)
    return bool(first and then) and first[0].pos in {"PRTF", "ADJF"} and then[0].pos == "NOUN"


def _speech_after(row: dict, language: str) -> bool:
    """Tell whether a speech verb follows the date phrase in its sentence (``Во вторник мэр
    заявил``; not ``сообщил, что накануне …``, the day of what was reported)."""
    sentence = row["sentence"]
    at = sentence.find(row["text"])
    cues = cue_tokens(sentence, language)
    return at >= 0 and all(start > at for start, *_ in cues) and any(
        kind == "speech" for *_, kind in cues)
