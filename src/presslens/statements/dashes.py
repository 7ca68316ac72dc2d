"""Speech introduced by a dash, as Russian and Ukrainian print dialogue: ``— …, — сказал Песков.``

* one paragraph of dash speech closed by its attribution (:func:`dash_paragraph`);
* dash speech running over paragraphs, attributed by the paragraph above ending with a colon or
  by a later one (``– Всі навколо …`` … ``…знаєте, – заявив Зеленський.``);
* a dash inside a paragraph (``X привітав працівників. – Маємо …``);
* the turns of an interview (a question is the interviewer's, an answer the guest's);
* a paragraph that is only an attribution (``– пояснив Труханов.``), which attributes the
  paragraph above it (:func:`attribution_line`, :func:`quoted_above`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from presslens.statements.attribution import Attribution, Context, attribute
from presslens.statements.cues import cue_tokens
from presslens.statements.names import fold_letters
from presslens.statements.paragraph import (
    DASH,
    FIRST_PERSON,
    LIST_ITEM,
    RUN_ON,
    Paragraph,
    Statement,
    clean_span,
    closed_by,
    has_quotation,
    make,
    other_gender,
    unmarked_end,
    words,
)
from presslens.statements.quotes import split_sentences
from presslens.text import _morph

__all__ = ["attribution_line", "dash_paragraph", "quoted_above"]


def dash_paragraph(para: Paragraph, ctx: Context, found: list[Statement],
                   covered: bool) -> Statement | None:
    """Read the dash speech of a paragraph, if any.

    Parameters
    ----------
    para : Paragraph
        The paragraph.
    ctx : Context
        The people, roles and quotations of the article.
    found : list of Statement
        The statements found so far in the article.
    covered : bool
        Whether a direct statement was found in the paragraph (then a dash inside it is not
        read as speech).

    Returns
    -------
    Statement or None
    """
    if LIST_ITEM.match(para.line):
        return None  # «- посилення обороноздатності …»: an item of a list, no one's speech
    return _unmarked_run(para, _dash_speech(para.line, para.off, ctx) or _dash_run(para, ctx)
                         or _interview_turn(para, ctx, found) or _dash_after_report(para, ctx)) or (
        None if covered else _inline_dash(para, ctx) or _first_person_after_colon(para, ctx))


def _unmarked_run(para: Paragraph, st: Statement | None) -> Statement | None:
    """Run dash speech that fills its paragraph over the paragraphs after it that open with
    no dash and go on in the first person singular, as an answer over paragraphs is printed
    (``— Сложная игра …`` / ``Я просил ребят …``), to a new turn or the narrator."""
    line_end = para.off + len(para.line.rstrip(" .!?…"))
    if st is None or not _DASH_OPEN.match(para.line) or st.end < line_end - 1 or (
            st.quote.rstrip().endswith("?")):
        return st
    end = unmarked_end(para) or st.end
    if end == st.end:
        return st
    return replace(st, quote=para.text[st.start : end], end=end)


_DASH_SPEECH = re.compile(
    rf"^\s*[{DASH}]\s+(?P<body>.+?)(?P<punct>[,.!?…])\s+[{DASH}]\s+(?P<clause>.+)$"
)


def _dash_speech(line: str, off: int, ctx: Context):
    """Read a paragraph of dash-introduced speech: ``— …, — сказал Песков.``"""
    if has_quotation(line):
        return None
    m = _DASH_SPEECH.match(line)
    if not m:
        return None
    clause = m.group("clause")
    stop = re.search(rf"[.!?…]\s+[{DASH}]\s+|[.!?…]\s*$", clause)
    clause_text = clause[: stop.start()] if stop else clause
    c_off = off + m.start("clause")
    attr = attribute(clause_text, c_off, ctx)
    if attr is None or not attr.cue:
        return None
    start, end = clean_span(line, m.start("body"), m.end("body"))
    body = line[start:end]
    if m.group("punct") in "!?…":
        end += 1
        body = line[start:end]
    rest = clause[stop.end() :] if stop and stop.group(0).strip(" .!?…") else ""
    if rest.strip():
        # «— A, — сказал он. — B»: the words after the attribution continue the speech
        r_start = m.start("clause") + stop.end()
        r_s, r_e = clean_span(line, r_start, r_start + len(rest))
        body = f"{body} {line[r_s:r_e]}"
        end = r_e
    return make(attr, body, "direct", off + start, off + end, (c_off, c_off + len(clause_text)))


_DASH_OPEN = re.compile(rf"^\s*[{DASH}]\s+\S")
_DASH_CLOSE = re.compile(rf"^(?P<body>.+?)(?P<punct>[,.!?…])\s+[{DASH}]\s+(?P<clause>.+)$")
#: The same with the comma before the dash lost: the last dash of the paragraph.
_DASH_CLOSE_BARE = re.compile(
    rf"^(?P<body>.+[^\s,.!?…])\s+[{DASH}]\s+(?P<clause>(?:\S+\s+){{1,4}}\S+?)[.!]?\s*$")


def _dash_run(para: Paragraph, ctx: Context):
    """Read dash-introduced speech with its attribution elsewhere: after a paragraph ending
    with a colon (``Мер повідомив:`` / ``- …``), or at the end of a later paragraph that does
    not open with a dash (``– Всі навколо …`` … ``…знаєте, – заявив Зеленський.``)."""
    line, off, text = para.line, para.off, para.text
    if not _DASH_OPEN.match(line) or has_quotation(line):
        return None
    start = off + _DASH_OPEN.match(line).end() - 1
    if para.index:
        p_off, p_line = para.paragraphs[para.index - 1]
        if p_line.rstrip().endswith(":"):
            sents = split_sentences(p_line)
            s = sents[-1] if sents else None
            attr = attribute(s.text, p_off + s.start, ctx, require_cue=False) if s else None
            if attr is not None and attr.how != "none":
                q_start, q_end = clean_span(text, start, off + len(line))
                span = (p_off + s.start, p_off + s.end)
                return make(attr, text[q_start:q_end], "direct", q_start, q_end, span)
    last = min(len(para.paragraphs), para.index + 1 + RUN_ON)
    for p_off, p_line in para.paragraphs[para.index + 1 : last]:
        if _DASH_OPEN.match(p_line) or p_line.lstrip()[:1] in '«„“"':
            return None
        m = _DASH_CLOSE.match(p_line)
        if m is not None:
            return closed_by(text, start, p_off, m, ctx)
    return None


def _first_person_after_colon(para: Paragraph, ctx: Context):
    """A paragraph in the first person, with neither quotation marks nor a dash, under one
    ending with a colon that names its speaker (``… розповів, що сказав гравцям у перерві:``
    ``Я не кричав у перерві. …``): the speaker's words, their marks lost."""
    line = para.line
    if not para.index or not FIRST_PERSON.search(line):
        return None
    if has_quotation(line) or _DASH_OPEN.match(line):
        return None
    p_off, p_line = para.paragraphs[para.index - 1]
    sents = split_sentences(p_line) if p_line.rstrip().endswith(":") else []
    if not sents:
        return None
    s = sents[-1]
    attr = attribute(s.text, p_off + s.start, ctx, require_cue=False)
    if attr is None or attr.person is None:
        return None
    q_start, q_end = clean_span(para.text, para.off, para.off + len(line))
    span = (p_off + s.start, p_off + s.end)
    return make(attr, para.text[q_start:q_end], "direct", q_start, q_end, span)


#: Dash speech with no attribution of its own: at least this many words, opening in capitals.
_REPORTED_DASH_WORDS = 8


def _dash_after_report(para: Paragraph, ctx: Context):
    """Dash speech that no attribution closes, under a paragraph in which a person reports
    (``Гендиректор … также отметил, что цены будут расти.`` / ``— В последние полгода …``):
    the reporting person goes on in their own words. A paragraph of running text, not a list
    item: it opens in capitals and holds a sentence end or runs to the end of the text."""
    line = para.line
    m = _DASH_OPEN.match(line)
    if not para.index or m is None or has_quotation(line) or not line[m.end() - 1].isupper():
        return None
    if words(line) < _REPORTED_DASH_WORDS or not (
            re.search(r"[.!?…]", line) or para.off + len(line) >= len(para.text.rstrip())):
        return None
    p_off, p_line = para.paragraphs[para.index - 1]
    if _DASH_OPEN.match(p_line) or has_quotation(p_line) or _DASH_CLOSE.match(p_line):
        return None  # (below speech closed by its attribution: a list, a new voice)
    for s in reversed(split_sentences(p_line)):
        attr = attribute(s.text, p_off + s.start, ctx)
        if attr is not None and attr.person is not None:
            q_start, q_end = clean_span(para.text, para.off + m.end() - 1, para.off + len(line))
            span = (p_off + s.start, p_off + s.end)
            return make(attr, para.text[q_start:q_end], "direct", q_start, q_end, span)
    return None


_ATTRIBUTION_LINE = re.compile(rf"^\s*[{DASH}]\s+(?P<verb>[^\W\d_]+)")


def attribution_line(line: str, language: str | None) -> bool:
    """Tell whether a paragraph is only an attribution: ``– пояснив Труханов.`` (its verb in
    lower case, as an attribution after a dash is written; ``— Думаю, …`` is speech)."""
    m = _ATTRIBUTION_LINE.match(line)
    return (
        bool(m)
        and m.group("verb")[0].islower()
        and words(line) <= 12
        and bool(cue_tokens(m.group("verb"), language))
    )


def quoted_above(para: Paragraph, ctx: Context, found: list):
    """Read the paragraph above an attribution line as the quotation it attributes (a block
    quotation that lost its marks), unless a statement already covers it."""
    if not para.index:
        return None
    p_off, p_line = para.paragraphs[para.index - 1]
    if not p_line.strip() or (found and found[-1].end > p_off):
        return None
    m = _ATTRIBUTION_LINE.match(para.line)
    clause = para.line[m.start("verb") :].rstrip(" .")
    attr = attribute(clause, para.off + m.start("verb"), ctx)
    if attr is None or not attr.cue:
        return None
    q_start, q_end = clean_span(para.text, p_off, p_off + len(p_line))
    span = (para.off + m.start("verb"), para.off + len(para.line))
    return make(attr, para.text[q_start:q_end], "direct", q_start, q_end, span)


_MID_DASH = re.compile(rf"[.!?…]\s+[{DASH}]\s+(?=[А-ЯЁІЇЄҐA-Z«„“\"])")


def _inline_dash(para: Paragraph, ctx: Context):
    """Read speech that a dash marks inside a paragraph: closed by its attribution with no
    opening dash (``Він помре скоро. І все закінчиться, — сказав Зеленський.``), or opened by
    a dash after a sentence naming its speaker (``X привітав працівників. – Маємо …``)."""
    line, off, text = para.line, para.off, para.text
    if _DASH_OPEN.match(line) or has_quotation(line):
        return None
    m = _DASH_CLOSE.match(line)
    cues = cue_tokens(m.group("clause").split(" ", 1)[0], ctx.language) if m else []
    if not cues and (bare := _DASH_CLOSE_BARE.match(line)) is not None:
        # ``… жителей - сообщил Кличко.``: the comma lost, a short credit of speech
        cues = [c for c in cue_tokens(bare.group("clause").split(" ", 1)[0], ctx.language)
                if c[3] in ("speech", "relay")]
        m = bare
    if cues:
        st = closed_by(text, off, off, m, ctx)
        # «…на брифінгу, – повідомляє gazeta.ua»: a medium relays the news, no one speaks
        if st is not None and not (cues[0][3] == "relay" and st.speaker_mention is None):
            return st
    mid = _MID_DASH.search(line)
    if mid is None:
        return None
    st = _dash_speech(line[mid.end() - 2 :], off + mid.end() - 2, ctx)
    if st is not None:
        return st
    sents = [x for x in split_sentences(line[: mid.start() + 1]) if x.text.strip()]
    if not sents:
        return None
    attr = attribute(sents[-1].text, off + sents[-1].start, ctx, require_cue=False)
    if attr is None or attr.how != "name" or attr.person is None:
        return None
    q_start, q_end = clean_span(text, off + mid.end(), off + len(line))
    span = (off + sents[-1].start, off + sents[-1].end)
    return make(attr, text[q_start:q_end], "direct", q_start, q_end, span)


def _interview_turn(para: Paragraph, ctx: Context, found: list):
    """Read one turn of an interview written as dash paragraphs with no attribution of its
    own: a question (ending with ``?``) is the interviewer's (speaker unknown); an answer is
    the speaker of the next attributed dash turn (``— …, — сказал Шевченко.``), or, after a
    question, of the article's last statement."""
    line, off, text = para.line, para.off, para.text
    if not _DASH_OPEN.match(line) or has_quotation(line) or words(line) < 4:
        return None
    start = off + _DASH_OPEN.match(line).end() - 1
    q_start, q_end = clean_span(text, start, off + len(line))
    none = Attribution(None, None, None, None, None, None, "none")
    if line.rstrip().endswith("?"):
        return make(none, text[q_start:q_end], "direct", q_start, q_end, None)
    last = min(len(para.paragraphs), para.index + 1 + RUN_ON)
    for p_off, p_line in para.paragraphs[para.index + 1 : last]:
        if not _DASH_OPEN.match(p_line):
            break
        turn = _dash_speech(p_line, p_off, ctx)
        if turn is not None:
            attr = Attribution(
                turn.cue,
                None,
                turn.speaker_person,
                turn.speaker_mention,
                None,
                turn.role,
                "context",
            )
            return make(attr, text[q_start:q_end], "direct", q_start, q_end, turn.attribution)
    prev = para.paragraphs[para.index - 1][1].rstrip() if para.index else ""
    # after a question, the guest: the speaker of the last statement that had one
    guest = next((st for st in reversed(found[-3:]) if st.speaker_person is not None), None)
    if prev.endswith("?") and guest is not None:
        who = guest
        attr = Attribution(
            None, None, who.speaker_person, who.speaker_mention, None, who.role, "context"
        )
        return make(attr, text[q_start:q_end], "direct", q_start, q_end, who.attribution)
    if prev.endswith("?") and (addressed := _addressed(para, ctx)) is not None:
        attr = Attribution(None, None, addressed, addressed.text, None, None, "context")
        return make(attr, text[q_start:q_end], "direct", q_start, q_end, None)
    # the article's first statement, an answer right after the lede that names its speaker:
    # «Головний тренер Іван Коваль оцінив гру команди.» then «— Ми готувалися …»
    if not found and para.index > 0:
        p_off, p_line = para.paragraphs[para.index - 1]
        attr = attribute(p_line, p_off, ctx)
        if attr is not None and attr.how == "name" and attr.person is not None:
            return make(attr, text[q_start:q_end], "direct", q_start, q_end,
                         (p_off, p_off + len(p_line)))
    return _own_voice(para, ctx, found, q_start, q_end)


#: A question opening with the name it addresses: «— Роман Геннадьевич, …?», «– Пане Василю, …?»
_ADDRESS = re.compile(
    rf"^\s*[{DASH}]\s+(?:(?:[Пп]ане|[Пп]ані|[Гг]осподин|[Гг]оспожа)\s+)?"
    r"([А-ЯЁІЇЄҐ][а-яёіїєґ'’]{2,})(?:\s+[А-ЯЁІЇЄҐ][а-яёіїєґ]+(?:ич|на))?\s*,"
)


def _addressed(para: Paragraph, ctx: Context):
    """The guest of an interview that a question above addresses by first name (``— Роман
    Геннадьевич, …?`` after «поговорили с Романом Кравченко»): the one person the article
    names in full with that first name, else None."""
    for _, line in reversed(para.paragraphs[: para.index]):
        m = _ADDRESS.match(line) if line.rstrip().endswith("?") else None
        if m is None:
            continue
        stem = fold_letters(m.group(1))[:4]
        named: dict = {}
        for p in ctx.people:  # (the first mention of each: the name in full)
            if p.first and len(p.tokens) > 1 and fold_letters(p.first)[:4] == stem:
                named.setdefault(p.key, p)
        return next(iter(named.values())) if len(named) == 1 else None
    return None


#: Words of a speaker's own voice: dash speech says «я», «мы», «нам» (a dashed list does not).
_FIRST_PERSON = re.compile(
    r"(?i)(?<!\w)(?:я|мы|мне|меня|нам|нас|наш\w*|ми|мені|мене|наш\w*|нам|нас)(?!\w)"
)


def _opens_in_first_person(body: str, language: str | None) -> bool:
    """Whether the first word is a verb in the first person singular (``Вылетаю в область``;
    not the author's «Зазначимо, що …»)."""
    m = re.match(r"[^\W\d_]+", body)
    found = _morph.parses(m.group().lower(), language) if m else ()
    return bool(found) and found[0].pos == "VERB" and {"1per", "sing"} <= found[0].tags


def _own_voice(para: Paragraph, ctx: Context, found: list, q_start: int, q_end: int):
    """A dash paragraph in the first person with no attribution at all: speech. Its speaker is
    the person the sentence just above names as its subject, when the article has no statement
    yet (``Главный тренер Иван Коваль оценил игру.`` / ``— Мы выдержали план …``), else unknown."""
    body = para.text[q_start:q_end]
    if words(body) < 6 or not body[:1].isupper() or not (
            _FIRST_PERSON.search(body) or _opens_in_first_person(body, ctx.language)):
        return None
    if re.search(rf"\?\s*[{DASH}]\s", body):
        return None  # «— Какими критериями вы руководствуетесь? — спрашиваю я»: a question
    span = None
    attr = Attribution(None, None, None, None, None, None, "none")
    if not found and para.index > 0:
        p_off, p_line = para.paragraphs[para.index - 1]
        last = split_sentences(p_line)[-1:]
        named = [attribute(s.text, p_off + s.start, ctx, require_cue=False) for s in last]
        if named and named[0] is not None and named[0].how == "name" and named[0].person:
            attr, span = named[0], (p_off + last[0].start, p_off + last[0].end)
    elif found and para.index > 0 and found[-1].speaker_person is not None and (
            found[-1].start >= para.paragraphs[para.index - 1][0]):
        # «Як наголосив Костянтин Бриль, …» / «— В останній день року я …»: the speaker of the
        # paragraph above goes on
        who = found[-1]
        if not other_gender(body, who.speaker_person, ctx.language):
            attr = Attribution(None, None, who.speaker_person, who.speaker_mention, None,
                               who.role, "context")
            span = who.attribution
    return make(attr, body, "direct", q_start, q_end, span)

