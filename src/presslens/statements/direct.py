"""Direct speech: a quotation and the attribution that tells who said it.

:func:`direct` reads one quotation of a sentence; the attribution may stand

* after it: ``«…», — заявил он.`` / ``"…", - сказал Блинкен`` / ``«…», — передает слова
  Блинкена ТАСС`` (the medium relays, Blinken speaks);
* before it: ``Столтенберг заявил: «…»``, ``По словам Блинкена, «…»``, ``…, что «…»``;
* inside it: ``«…, — сказал он. — …»`` (one statement, the two parts joined);
* after it in a headline: ``«…»: Столтенберг пригласил …``;
* in the next sentence: ``«…». Об этом заявил …``, or in the previous one ending with a colon.

A quotation that is a whole sentence may run over several paragraphs, continue the previous
statement's speaker, or be a voice with no name. Quoted names of media and organisations,
titles and short scare-quoted terms with no attribution are not statements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presslens.statements.after import name_after, said_after
from presslens.statements.attribution import Attribution, Context, attribute
from presslens.statements.continuation import continues, embedded, unknown_voice
from presslens.statements.paragraph import (
    BY_WORDS,
    DASH,
    Paragraph,
    Statement,
    clean_span,
    make,
    other_gender,
    runs_on,
    unmarked_end,
    words,
)
from presslens.statements.quotes import Quote, Sentence, quote_kind, split_sentences

__all__ = ["direct"]

#: Sentences of the paragraph before a first quotation read for its speaker.
_LEDE_SENTENCES = 3
_SPLIT = re.compile(
    # (a hyphen inside a word, Корвін-Піотровський, is not the dash that ends the clause)
    rf"([,.!?…:])\s+[{DASH}]\s+((?:(?!\s[{DASH}])[^«»\"“”„]){{3,160}}?)([,.:])\s+[{DASH}]\s+"
)
_ANAPHOR = re.compile(
    r"(?i)^(?:[^\s]+\s+){0,3}?(?:об\s+этом|о\s+том|это|так|такое|такую|такими|такой|эти"
    r"|про\s+це|це|таку|такі|такими|ці|так)\b"
)


@dataclass
class _Quotation:
    """One quotation of a sentence and the text around it, as the rules below read it."""

    para: Paragraph
    s_index: int
    sent: Sentence
    q: Quote
    q_index: int
    inner: str  # the quoted words
    before: str  # the sentence's text before the opening mark (after an earlier quotation)
    after: str  # the sentence's text after the closing mark (before a later quotation)
    seg_start: int
    q_start: int  # the statement's offsets in the article
    q_end: int
    words: str  # the statement's words

    def said(self, attr: Attribution, span) -> Statement:
        """The statement of these words, said as ``attr`` reads it."""
        return make(attr, self.words, "direct", self.q_start, self.q_end, span)


def direct(para: Paragraph, s_index: int, s_quotes: list[Quote], q_index: int, ctx: Context,
           found: list[Statement]) -> Statement | None:
    """Attribute one quotation of a sentence; return a statement or None.

    Parameters
    ----------
    para : Paragraph
        The paragraph.
    s_index : int
        The sentence's index in the paragraph.
    s_quotes : list of Quote
        The quotations opening in the sentence.
    q_index : int
        The index of the quotation read in ``s_quotes``.
    ctx : Context
        The people, roles and quotations of the article.
    found : list of Statement
        The statements found so far in the article.

    Returns
    -------
    Statement or None
    """
    qt = _quotation(para, s_index, s_quotes, q_index)
    if qt is None:
        return None
    for rule in (_split_quote, _fragment, said_after, name_after, _said_before,
                 _by_words_first, _headline):
        st = rule(qt, ctx)
        if st is not None:
            return st
    if not _whole(qt):
        return embedded(qt, ctx, found)
    st = _run_on(qt, ctx)
    if st is not None:
        return st
    for whole_rule in (_next_sentence, _colon_before, _after_lede, continues, unknown_voice):
        st = whole_rule(qt, ctx, found)
        if st is not None:
            return st
    return None


def _quotation(para: Paragraph, s_index: int, s_quotes: list[Quote], q_index: int):
    """Read a quotation and its segment of the sentence; None for a name or a title."""
    line = para.line
    sent = para.sents[s_index]
    q = s_quotes[q_index]
    inner = line[q.inner_start : q.inner_end]
    # the segment of the sentence that belongs to this quotation: up to the next quotation
    # that could be a statement (a quoted name, «Новой газете», stays in the attribution)
    later = [x for x in s_quotes[q_index + 1 :] if words(line[x.inner_start : x.inner_end]) >= 3]
    seg_start = s_quotes[q_index - 1].end if q_index else sent.start
    seg_end = later[0].open if later else sent.end
    if quote_kind(inner, line[max(0, q.open - 60) : q.open]):
        return None
    q_start, q_end = clean_span(para.text, para.off + q.inner_start, para.off + q.inner_end)
    return _Quotation(para, s_index, sent, q, q_index, inner, line[seg_start : q.open],
                      line[q.end : seg_end], seg_start, q_start, q_end, para.text[q_start:q_end])


def _split_quote(qt: _Quotation, ctx: Context) -> Statement | None:
    """«A, — сказал он. — B»: the attribution inside the quotation, the two parts joined."""
    m = _SPLIT.search(qt.inner)
    if not m:
        return None
    base = qt.para.off + qt.q.inner_start
    attr = attribute(m.group(2), base + m.start(2), ctx)
    if attr is None or not attr.cue:
        return None
    part_a = qt.inner[: m.start()] + (m.group(1) if m.group(1) in ".!?…" else "")
    part_b = qt.inner[m.end() :]
    joined = f"{part_a.strip()} {part_b.strip()}".strip()
    span = (base + m.start(2), base + m.end(2))
    return make(attr, joined, "direct", qt.q_start, qt.q_end, span)


def _fragment(qt: _Quotation, ctx: Context) -> Statement | None:
    """A quoted fragment inside reported speech: «отметил, что ситуация «сложная, как …»»,
    «По мнению X, … «…»»: the reported sentence's speaker said these words."""
    if words(qt.inner) < 4 or not qt.before.strip(" —–-"):
        return None
    off, start = qt.para.off, qt.sent.start
    attr = attribute(qt.para.line[start : qt.q.open], off + start, ctx)
    if attr is not None and attr.cue and (attr.person is not None or attr.mention):
        return qt.said(attr, (off + start, off + qt.q.open))
    return None


def _said_before(qt: _Quotation, ctx: Context) -> Statement | None:
    """The attribution before the quotation: X заявил: «…» / По словам X, «…» / …, что «…»."""
    before = qt.before
    stripped = before.rstrip()
    colon = stripped.endswith(":")
    if not (
        colon
        or (re.search(r"(?i)\b(что|що)\s*$", stripped) and not qt.after.strip(" .!?…"))
        or (stripped.endswith(",") and BY_WORDS.search(stripped.lstrip(" —–-")))
    ):
        return None
    b_off = qt.para.off + qt.seg_start
    attr = attribute(before, b_off, ctx, require_cue=not colon)
    if attr is None or not (attr.cue or attr.person is not None or attr.mention):
        return None
    if colon and not attr.cue and attr.how == "none":
        return None
    return qt.said(attr, (b_off, b_off + len(before)))


def _by_words_first(qt: _Quotation, ctx: Context) -> Statement | None:
    """По словам X, … «…»: the quotation ends a sentence that opens with whose words they are."""
    line, start = qt.para.line, qt.sent.start
    if qt.after.strip(" .!?…") or not BY_WORDS.search(line[start : qt.q.open].lstrip(" —–-")):
        return None
    comma = line.find(",", start, qt.q.open)
    if comma <= 0:
        return None
    b_off = qt.para.off + start
    attr = attribute(line[start:comma], b_off, ctx, require_cue=False)
    if attr is None or attr.how == "none":
        return None
    attr.cue = attr.cue or BY_WORDS.search(line[start:comma]).group(0)
    return qt.said(attr, (b_off, qt.para.off + comma))


def _headline(qt: _Quotation, ctx: Context) -> Statement | None:
    """A headline: «…»: Столтенберг пригласил …"""
    after = qt.after
    if qt.before.strip(" —–-") or not after.lstrip().startswith(":"):
        return None
    clause = after.lstrip()[1:]
    c_off = qt.para.off + qt.q.end + (len(after) - len(after.lstrip())) + 1
    attr = attribute(clause, c_off, ctx, require_cue=False)
    if attr is not None and attr.person is not None:
        return qt.said(attr, (c_off, c_off + len(clause)))
    return None


def _whole(qt: _Quotation) -> bool:
    """Whether the quotation is its sentence (maybe after a short label) of three words or more."""
    label = qt.before.strip(" —–-")
    whole = (
        (not label or label.endswith(":") and words(label) <= 3)
        and (not qt.after.strip(" .!?…,;") or _cut_after(qt))
        and qt.q_index == 0
    )
    return whole and words(qt.inner) >= 3


_CUT_CLAUSE = re.compile(rf"\s*[,.!?…]?\s*[{DASH}]\s+[^\W\d_]{{1,8}}\s*")


def _cut_after(qt: _Quotation) -> bool:
    """Whether the text ends in the quotation's attribution, cut off (``«…» — ска``)."""
    last = qt.para.index == len(qt.para.paragraphs) - 1
    return last and bool(_CUT_CLAUSE.fullmatch(qt.after)) and (
        qt.para.line.rstrip().endswith(qt.after.rstrip())
    )


def _run_on(qt: _Quotation, ctx: Context) -> Statement | None:
    """Follow a quotation left open into the next paragraphs (lengthening ``qt`` when it closes
    there with no attribution); return the statement when its speaker is known there."""
    para, q = qt.para, qt.q
    if not q.truncated or para.index + 1 >= len(para.paragraphs):
        return None
    # a quotation running on into the next paragraph, which opens with a quotation mark again
    # (the convention for multi-paragraph quotes): its speaker is the next quotation's
    following = para.paragraphs[para.index + 1][1].lstrip(" —–-")
    if following[:1] in '«„“"':
        return qt.said(Attribution(None, None, None, None, None, None, "next"), None)
    # … or without opening again: it closes in a later paragraph, before its attribution
    # (then that is the statement) or at the paragraph's end (then the quotation is
    # longer, and its speaker is found as for one paragraph)
    st, run_end = runs_on(para, para.off + q.inner_start, ctx)
    if st is None and run_end is None:
        run_end = unmarked_end(para)  # never closed: on while the speaker says «я»
    if st is None and run_end is not None:
        qt.q_start, qt.q_end = clean_span(para.text, qt.q_start, run_end)
        qt.words = " ".join(para.text[qt.q_start : qt.q_end].split())
    return st


def _next_sentence(qt: _Quotation, ctx: Context, found) -> Statement | None:
    """The next sentence names the speaker: «…». Об этом заявил X."""
    nxt = qt.para.next_sentence(qt.s_index)
    if nxt is None or not _ANAPHOR.search(nxt[0]):
        return None
    n_text, n_off = nxt
    attr = attribute(n_text, n_off, ctx)
    if attr is not None and attr.cue and attr.how != "none":
        return qt.said(attr, (n_off, n_off + len(n_text)))
    return None


def _colon_before(qt: _Quotation, ctx: Context, found) -> Statement | None:
    """The previous sentence, ending with a colon, names the speaker; or, in the same
    paragraph, a sentence giving the source just before (``Об этом он написал в Facebook.
    «…»``) or reporting a person's speech (``Для цього, зазначив Головком, він здійснив
    поїздку. «…»``)."""
    prev = qt.para.prev_sentence(qt.s_index)
    if prev is None:
        return None
    colon = prev[0].rstrip().endswith(":")
    if not colon and not qt.s_index:
        return None
    attr = attribute(prev[0], prev[1], ctx, require_cue=not colon)
    if attr is None or attr.how == "none":
        return None
    if colon or (attr.cue and (_ANAPHOR.search(prev[0]) or attr.person is not None)):
        return qt.said(attr, (prev[1], prev[1] + len(prev[0])))
    return None


def _after_lede(qt: _Quotation, ctx: Context, found) -> Statement | None:
    """The article's first statement, a quotation alone in its paragraph right after the lede
    that names its speaker: «Президент УАФ Андрій Шевченко оцінив жеребкування …»."""
    if found or qt.s_index != 0 or qt.before.strip(" —–-") or qt.para.index <= 0:
        return None
    p_off, p_line = qt.para.paragraphs[qt.para.index - 1]
    sents = split_sentences(p_line)
    # the sentence just before names the speaker; an earlier one of that paragraph, only
    # with a reporting verb (`Ребров отметил самоотдачу игроков. Благодаря этому …`)
    for k, s in enumerate(reversed(sents[-_LEDE_SENTENCES:])):
        attr = attribute(s.text, p_off + s.start, ctx, require_cue=k > 0)
        if attr is not None and (attr.how == "name" and attr.person is not None
                                 or attr.how == "organisation" and attr.cue):
            return qt.said(attr, (p_off + s.start, p_off + s.end))
    if 1 < qt.para.index <= _LEDE_REACH:
        return _lede_subject(qt, ctx)
    return None


#: The paragraph a first quotation may stand in and still be the lede's subject's words.
_LEDE_REACH = 3


def _lede_subject(qt: _Quotation, ctx: Context) -> Statement | None:
    """A first quotation a paragraph or two after the lede, no one named as a subject in
    between: the words of the person the lede's first sentence is about (``Легкоатлетка
    Ярослава Магучих обновила рекорд.`` … ``«У меня было ощущение …»``)."""
    p_off, p_line = qt.para.paragraphs[0]
    first = split_sentences(p_line)[:1]
    if not first:
        return None
    s = first[0]
    attr = attribute(s.text, p_off + s.start, ctx, require_cue=False)
    person = attr.person if attr is not None and attr.how == "name" else None
    if person is None or not person.nominative or other_gender(qt.inner, person, ctx.language):
        return None
    return qt.said(attr, (p_off + s.start, p_off + s.end))
