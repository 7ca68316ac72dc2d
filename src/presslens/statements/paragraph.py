"""What every statement rule reads and makes: a paragraph and a statement.

A :class:`Paragraph` is one line of the article with its quotations and sentences (and a way to
the sentences around it); a :class:`Statement` is what a rule found, made with :func:`make`
from an :class:`~presslens.statements.attribution.Attribution`. The helpers here are shared by
the direct (:mod:`~presslens.statements.direct`), dash (:mod:`~presslens.statements.dashes`)
and indirect (:mod:`~presslens.statements.indirect`) rules.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import accumulate

from presslens.statements.attribution import Attribution, Context, attribute
from presslens.statements.quotes import Quote, Sentence, quote_spans, split_sentences
from presslens.text import _morph

__all__ = [
    "BY_WORDS",
    "CLAUSE_STOP",
    "DASH",
    "FIRST_PERSON",
    "LIST_ITEM",
    "RUN_ON",
    "Paragraph",
    "Statement",
    "clean_span",
    "closed_by",
    "has_quotation",
    "make",
    "unmarked_end",
    "words",
]

DASH = "—–―\\-"  # for character classes: the hyphen escaped
#: ``По словам X,`` / ``За словами X,`` / ``Как заявил X,``: the speaker before the words.
BY_WORDS = re.compile(
    r"(?i)^(?:(?:по|за)\s+(?:его|её|ее|його|її|их|їх)?\s*(?:словам|словами|мнению|думку|даними"
    r"|данным|оценке|оцінкою)|со\s+слов|зі\s+слів|как\s+\w+|як\s+\w+)\b"
)
#: Where an attribution clause ends: a sentence end, or a dash that resumes the speech.
CLAUSE_STOP = re.compile(rf"[.!?…]\s+[{DASH}]\s+|[.!?…]\s*$|:\s")
#: How many paragraphs a quotation may run over before its closing mark.
RUN_ON = 8
_WORD = re.compile(r"[^\W\d_]+")


@dataclass
class Paragraph:
    """One paragraph of an article, with its quotations and sentences."""

    text: str  # the whole article
    paragraphs: list[tuple[int, str]]  # (offset, line) of every paragraph
    index: int
    off: int
    line: str
    quotes: list[Quote]  # in order of their opening marks
    sents: list[Sentence]

    def __post_init__(self) -> None:
        self._opens = [q.open for q in self.quotes]
        self._reach = list(accumulate((q.inner_end for q in self.quotes), max))

    def quotes_opening(self, start: int, end: int) -> list[Quote]:
        """The quotations whose opening mark lies in ``[start, end)`` of the paragraph."""
        return self.quotes[bisect.bisect_left(self._opens, start) : bisect.bisect_left(
            self._opens, end)]

    def quotes_over(self, start: int, end: int) -> list[Quote]:
        """The quotations whose words overlap ``[start, end)`` of the paragraph."""
        lo = bisect.bisect_right(self._reach, start)
        hi = bisect.bisect_left(self._opens, end)
        return [q for q in self.quotes[lo:hi] if q.inner_start < end and q.inner_end > start]

    def next_sentence(self, s_index: int) -> tuple[str, int] | None:
        """Return the sentence after ``s_index`` (maybe in the next paragraph) and its offset."""
        if s_index + 1 < len(self.sents):
            s = self.sents[s_index + 1]
            return s.text, self.off + s.start
        if self.index + 1 < len(self.paragraphs):
            n_off, n_line = self.paragraphs[self.index + 1]
            first = split_sentences(n_line)
            if first:
                return first[0].text, n_off + first[0].start
        return None

    def prev_sentence(self, s_index: int) -> tuple[str, int] | None:
        """Return the sentence before ``s_index`` (maybe in the previous paragraph)."""
        if s_index > 0:
            s = self.sents[s_index - 1]
            return s.text, self.off + s.start
        if self.index > 0:
            p_off, p_line = self.paragraphs[self.index - 1]
            last = split_sentences(p_line)
            if last:
                return last[-1].text, p_off + last[-1].start
        return None


@dataclass
class Statement:
    """A statement found: its speaker, cue, words, kind and offsets, and how it was found."""

    speaker_person: object
    speaker_mention: str | None
    role: str | None
    cue: str | None
    quote: str
    kind: str
    start: int
    end: int
    attribution: tuple[int, int] | None
    how: str


def words(text: str) -> int:
    """Count the words of ``text``."""
    return len(_WORD.findall(text))


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow ``[start, end)`` past spaces, dashes and punctuation at either end."""
    while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:—–-"):
        end -= 1
    return start, end


def make(attr: Attribution, quote: str, kind: str, start: int, end: int, span) -> Statement:
    """Make the statement of ``quote`` (at ``start``–``end``) said as ``attr`` reads it."""
    return Statement(
        attr.person,
        attr.mention,
        attr.role,
        attr.cue,
        quote,
        kind,
        start,
        end,
        span,
        attr.how,
    )


def has_quotation(line: str) -> bool:
    """Tell whether ``line`` holds a whole quotation of four words or more (a name or a
    scare quote, «Суспільне Спорт», does not count)."""
    return any(
        not q.truncated and words(line[q.inner_start : q.inner_end]) >= 4
        for q in quote_spans(line)
    )


def closed_by(text: str, start: int, p_off: int, m: re.Match, ctx: Context) -> Statement | None:
    """Make the statement that runs from ``start`` to the ``body`` of a later paragraph
    (matched by ``m``), said by the attribution in its ``clause``; None without a cue."""
    clause = m.group("clause")
    stop = CLAUSE_STOP.search(clause)
    clause = clause[: stop.start()] if stop else clause
    c_off = p_off + m.start("clause")
    attr = attribute(clause, c_off, ctx, after_quote=True)
    if attr is None or not attr.cue:
        return None
    q_start, q_end = clean_span(text, start, p_off + m.end("body"))
    quote = " ".join(text[q_start:q_end].split())
    return make(attr, quote, "direct", q_start, q_end, (c_off, c_off + len(clause)))


_I_PAST = re.compile(r"(?i)(?<!\w)я\s+(\w+)(?:\s+(\w+))?")


def other_gender(inner: str, person, language: str | None) -> bool:
    """Whether the speaker's own past-tense verb (``я навчалася``, ``я сказал``) has the other
    gender than ``person``'s."""
    if person is None or not (getattr(person, "gender", None) and person.first):
        return False  # a surname alone (Петрова) may read as either gender
    for m in _I_PAST.finditer(inner):
        for word in filter(None, m.groups()):
            if _morph.verb_tense(word, language) == "past":
                said = _morph.gender(word, language)
                return said is not None and said != person.gender
    return False


# a paragraph that closes a quotation opened paragraphs before: `… гри", — сказав Клопп.`,
# or that ends it with no attribution: `… між собою».`
CLOSER = re.compile(rf"^(?P<body>.*?\S)\s*[»\"”“]\s*[,.!?…]?\s*[{DASH}]\s+(?P<clause>.+)$")
CLOSE_AT_END = re.compile(r"^(?P<body>[^«„“\"]*?\S)\s*[»\"”“]\s*[.!?…]?\s*$")


def runs_on(para: Paragraph, start: int, ctx: Context) -> tuple[Statement | None, int | None]:
    """Follow a quotation left open at ``start`` into the paragraphs after it.

    Returns ``(statement, None)`` when a later paragraph closes it just before its
    attribution (``… гри", — сказав Клопп.``), ``(None, end)`` when one closes it with no
    attribution (``end`` is the offset of its last word), else ``(None, None)``: a new
    quotation, or none closing it, within :data:`RUN_ON` paragraphs.
    """
    last = min(len(para.paragraphs), para.index + 1 + RUN_ON)
    for p_off, p_line in para.paragraphs[para.index + 1 : last]:
        if p_line.lstrip(" —–-")[:1] in '«„“"':
            return None, None
        m = CLOSER.match(p_line)
        if m is not None:
            st = closed_by(para.text, start, p_off, m, ctx)
            if st is not None or any(mark in m.group("body") for mark in '«„“"'):
                return st, None
            # `… для победы", – сказ` (the verb cut off): the quotation ends at its mark
            return None, p_off + m.end("body")
        m = CLOSE_AT_END.match(p_line)
        if m is not None:
            return None, p_off + m.end("body")
        if has_quotation(p_line):
            return None, None
    if last == len(para.paragraphs) and para.index + 1 < last:
        # the text ends inside the quotation, cut off mid-sentence: it runs to the end
        tail_off, tail = para.paragraphs[-1]
        if tail.strip() and not re.search(r"[.!?…»”\"]\s*$", tail):
            return None, tail_off + len(tail.rstrip())
    return None, None


#: A dash opening a line in lower case: a list's item (speech opens with a capital letter).
LIST_ITEM = re.compile(rf"^\s*[{DASH}•]\s*[a-zа-яёіїєґ]", re.MULTILINE)
#: The first person singular: the speaker's own voice (a narrator may say «ми», the country).
_FIRST_SINGULAR = re.compile(
    r"(?i)(?<![^\W\d_])(?:я|мне|мені|меня|мене|мой|моя|моё|мое|мои|мій|моє|мої)(?![^\W\d_])"
)
_ATTRIBUTED = re.compile(rf"[,.!?…»\"”]\s+[{DASH}]\s+\S")


def unmarked_end(para: Paragraph) -> int | None:
    """The end of the paragraphs after ``para`` that go on, with no dash, quotation or
    attribution of their own, in the first person singular: speech left open in ``para``
    running over them, as an answer over paragraphs is printed (``— Сложная игра …`` /
    ``Я просил ребят …``); None when the next paragraph does not."""
    end = None
    for p_off, p_line in para.paragraphs[para.index + 1 : para.index + 1 + RUN_ON]:
        if not p_line.strip():
            continue
        if (p_line.lstrip()[:1] in f"{DASH}«„“\"" or has_quotation(p_line)
                or _ATTRIBUTED.search(p_line) or not _FIRST_SINGULAR.search(p_line)):
            break
        end = clean_span(para.text, p_off, p_off + len(p_line))[1]
    return end


#: A pronoun of the first person: reported speech keeps none (he said he would …); «нас»,
#: «наш» (us, our: the country) stay in a journalist's paraphrase.
FIRST_PERSON = re.compile(
    r"(?i)(?<![^\W\d_])(?:я|мы|ми|мне|мені|меня|мене|мой|моя|моё|мое|мои|мій|моє|мої)"
    r"(?![^\W\d_])"
)
