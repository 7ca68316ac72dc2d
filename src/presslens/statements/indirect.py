"""Indirect (reported) speech in one sentence.

:func:`indirect` reads ``Столтенберг заявил, что …``, ``…, заявил генсек НАТО``, ``По словам X,
…``, ``О том, что …, заявил X``, ``Такое мнение высказал X`` (the previous sentence is what was
said) and ``X призвал … сделать …`` (a call). Quotations inside the sentence are masked: their
words are the direct rules' (:mod:`presslens.statements.direct`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presslens.statements.attribution import Context, attribute
from presslens.statements.cues import cue_tokens
from presslens.statements.paragraph import (
    BY_WORDS,
    FIRST_PERSON,
    Paragraph,
    Statement,
    clean_span,
    make,
    words,
)
from presslens.statements.quotes import quote_spans
from presslens.text import _morph

__all__ = ["indirect"]

_ANAPHOR_HEAD = re.compile(
    r"(?i)\s*(?:[—–-]\s*)?(?:об\s+этом|о\s+том|это|так|такое|такую|такой|такие|такими|эти|про\s+це"
    r"|це|так|таку|таке|такі|такими|ці)\b"
)
_THAT = re.compile(
    r"(?i)(?:,\s*|\s+)(?:(?:о\s+том|про\s+те|в\s+том|у\s+тому),\s*)?(что|чтобы|що|щоб)\b"
    r"|:\s+(?=[^\W_])"  # В МЗС наголосили: Україна …, without quotation marks
)
_ABOUT_THAT = re.compile(r"(?i)^(?:[^\s,]+\s+){0,2}?(?:о\s+том|про\s+те),\s*(?:что|що)\s+")
_CALLS = frozenset(
    "призвать призывать закликати закликать потребовать требовать вимагати зажадати "
    "предложить пропонувати запропонувати".split()
)


@dataclass
class _Sentence:
    """One sentence as the rules below read it: its words, offset and quotations masked."""

    para: Paragraph
    s_index: int
    text: str  # the sentence as written
    off: int  # its offset in the article
    masked: str  # the sentence with quoted words replaced by x
    language: str | None

    def said(self, attr, a: int, b: int, span, kind: str = "indirect") -> Statement:
        """The statement of the article's ``[a, b)``, said as ``attr`` reads it."""
        return make(attr, self.para.text[a:b], kind, a, b, span)


def indirect(para: Paragraph, s_index: int, ctx: Context) -> Statement | None:
    """Read reported speech in one sentence; return a statement or None.

    Parameters
    ----------
    para : Paragraph
        The paragraph.
    s_index : int
        The sentence's index in the paragraph.
    ctx : Context
        The people, roles and quotations of the article.

    Returns
    -------
    Statement or None
    """
    s = _sentence(para, s_index, ctx)
    cues = cue_tokens(s.masked, ctx.language)
    st = _by_words(s, ctx)
    if st is not None or not cues:
        return st
    st = _about_that(s, cues, ctx)
    if st is not None:
        return st
    for cue in cues:
        st = _call(s, cue, ctx) or _that_clause(s, cue, ctx)
        if st is not None:
            return st
        st = _said_after(s, cue, ctx)
        if st is False:
            continue
        st = st or _anaphoric(s, cue, ctx)
        if st is not None:
            return st
    return None


def _sentence(para: Paragraph, s_index: int, ctx: Context) -> _Sentence:
    """Read sentence ``s_index`` of ``para`` with the words of its quotations masked."""
    sent = para.sents[s_index]
    masked = sent.text
    for q in para.quotes_over(sent.start, sent.end):
        a, b = max(q.inner_start, sent.start) - sent.start, min(q.inner_end, sent.end) - sent.start
        if a < b:
            masked = masked[:a] + "x" * (b - a) + masked[b:]
    return _Sentence(para, s_index, sent.text, para.off + sent.start, masked, ctx.language)


def _strip_relay_tail(text: str, language: str | None) -> str:
    """Cut ``, пишет «…»`` / ``, передает ТАСС`` off the end of reported content."""
    m = re.search(r",\s*(?:[—–-]\s*)?(?:как\s+|як\s+)?(\w+)\s+[^,]*$", text)
    if m:
        cues = cue_tokens(m.group(1), language)
        if cues and cues[0][3] == "relay":
            return text[: m.start()]
    return text


def _by_words(s: _Sentence, ctx: Context) -> Statement | None:
    """По словам X, … / За словами X, … / Как заявил X, …"""
    bw = BY_WORDS.search(s.text)
    if not bw:
        return None
    comma = s.masked.find(",", bw.end())
    if comma <= 0:
        return None
    attr = attribute(s.text[:comma], s.off, ctx, require_cue=False)
    if attr is None or attr.how == "none" or not (attr.cue or bw.group(0)):
        return None
    a, b = clean_span(s.para.text, s.off + comma + 1, s.off + len(s.text))
    content = _strip_relay_tail(s.para.text[a:b], s.language)
    b = a + len(content.rstrip(" ."))
    if words(content) < 3:
        return None
    attr.cue = attr.cue or bw.group(0)
    return s.said(attr, a, b, (s.off, s.off + comma))


def _about_that(s: _Sentence, cues, ctx: Context) -> Statement | None:
    """О том, что …, заявил X: the first cue after ``о том, что``."""
    about = _ABOUT_THAT.search(s.masked)
    if not about:
        return None
    for c_start, _, _, _ in cues:
        if c_start > about.end():
            attr = attribute(s.text[c_start:], s.off + c_start, ctx)
            if attr is not None and attr.how != "none":
                a, b = clean_span(s.para.text, s.off + about.end(), s.off + c_start)
                return s.said(attr, a, b, (s.off + c_start, s.off + len(s.text)))
            break
    return None


def _call(s: _Sentence, cue, ctx: Context) -> Statement | None:
    """X призвал … сделать …: a call, reported as what follows the verb."""
    _, c_end, word, _ = cue
    if _morph.common_lemma(word, s.language) not in _CALLS:
        return None
    attr = attribute(s.text[:c_end], s.off, ctx)
    if attr is None or attr.how == "none" or attr.mention_start is None:
        return None
    a, b = clean_span(s.para.text, s.off + c_end, s.off + len(s.text))
    if words(s.para.text[a:b]) >= 3:
        return s.said(attr, a, b, (s.off, s.off + c_end))
    return None


def _that_clause(s: _Sentence, cue, ctx: Context) -> Statement | None:
    """X заявил, что …"""
    c_end = cue[1]
    that = _THAT.search(s.masked, c_end)
    if not that or words(s.masked[c_end : that.start()]) > 12:
        return None
    attr = attribute(s.text[: that.start()], s.off, ctx)
    if attr is None or attr.how == "none":
        return None
    text = s.para.text
    a, b = clean_span(text, s.off + that.end(), s.off + len(s.text))
    content = _strip_relay_tail(text[a:b], s.language)
    b = a + len(content.rstrip(" ."))
    if words(text[a:b]) >= 2 and not _asks(text[a:b], s.language):
        return s.said(attr, a, b, (s.off, s.off + that.start()))
    return None


def _asks(content: str, language: str | None) -> bool:
    """Whether a that-clause asks a question: «объяснил, что именно можно обсудить» does,
    «что именно Украина должна решать» reports one."""
    question = re.match(r"(?i)(?:именно|конкретно|саме)\s+(\w+)", content)
    if not question:
        return False
    found = _morph.parses(question.group(1), language)
    return not found or found[0].pos not in ("NOUN", "NPRO", "ADJF", "PRTF")


def _said_after(s: _Sentence, cue, ctx: Context) -> Statement | None | bool:
    """…, заявил X: the words before the cue. False when they are a quotation (the direct
    rules read it): then this cue is done with."""
    c_start = cue[0]
    lead = s.masked[:c_start].rstrip()
    if not lead.endswith((",", "—", "–")) or words(lead) < 3:
        return None
    attr = attribute(s.text[c_start:], s.off + c_start, ctx)
    if attr is None or attr.how == "none" or attr.mention_start is None:
        return None
    a, b = clean_span(s.para.text, s.off, s.off + len(lead))
    if s.para.text[a] in '«"“„' or "x" * 8 in s.masked[: len(lead)]:
        return False
    # «Я добьюсь того, что …, отметил мэр»: the speaker's own words, their marks lost
    kind = "direct" if FIRST_PERSON.search(s.para.text[a:b]) else "indirect"
    return s.said(attr, a, b, (s.off + c_start, s.off + len(s.text)), kind)


def _anaphoric(s: _Sentence, cue, ctx: Context) -> Statement | None:
    """Об этом / Такое мнение заявил X: the previous sentence is what was said."""
    c_start, c_end = cue[0], cue[1]
    head = s.masked[:c_start]
    anaphoric = _ANAPHOR_HEAD.match(head) and words(head) <= 12
    if not anaphoric and not (
        words(head) <= 2 and _ANAPHOR_HEAD.match(s.masked[c_end : c_end + 20].lstrip())
    ):
        return None
    prev = s.para.prev_sentence(s.s_index)
    attr = attribute(s.text, s.off, ctx)
    if prev is None or attr is None or attr.how == "none":
        return None
    p_text, p_off = prev
    if quote_spans(p_text) or words(p_text) < 3 or cue_tokens(p_text, s.language):
        return None
    a, b = clean_span(s.para.text, p_off, p_off + len(p_text))
    return s.said(attr, a, b, (s.off, s.off + len(s.text)))
