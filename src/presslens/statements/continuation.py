"""Quotations whose speaker comes from the statements before them, not from an attribution.

* :func:`continues`: a whole-sentence quotation continuing the previous statement's speaker;
* :func:`embedded`: a quoted fragment in the journalist's sentence right after a statement;
* :func:`unknown_voice`: a quotation that is a whole paragraph, no speaker named.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from presslens.statements.attribution import Attribution, Context, attribute
from presslens.statements.paragraph import LIST_ITEM, Statement, other_gender, words

if TYPE_CHECKING:
    from presslens.statements.direct import _Quotation

__all__ = ["continues", "embedded", "unknown_voice"]

#: How far (in characters) after a statement a quoted fragment may still be its speaker's.
_EMBEDDED_REACH = 200
_SENTENCE_END = re.compile(r"[.!?…]+(?=[\s»\"”]|$)")


def continues(qt: _Quotation, ctx: Context, found) -> Statement | None:
    """The previous statement's speaker: a continuation (same or previous paragraph), or a
    quotation standing alone as a paragraph a few paragraphs after its speaker's last one."""
    if not found:
        return None
    last = found[-1]
    gap = qt.para.text[last.end : qt.q_start]
    # alone: the quotation opens its paragraph, maybe after a label (`Пряма мова:`)
    label = qt.para.line[: qt.q.open].strip(" —–-")
    alone = words(qt.inner) >= 4 and (not label or label.endswith(":") and words(label) <= 3)
    known = last.speaker_person is not None or bool(last.speaker_mention)
    same_para = "\n" not in gap and known
    if (
        (gap.count("\n") <= 1 and (last.kind == "direct" or known))
        # (the items of a list, ``- посилення …``, are the speaker's list, not a new voice)
        or (alone and gap.count("\n") - len(LIST_ITEM.findall(gap)) <= 3 and known)
        or (same_para and not qt.before.strip(" —–-") and words(qt.inner) >= 4)
    ):
        if other_gender(qt.inner, last.speaker_person, ctx.language):
            return None  # «я тут навчалася» after a man's words: someone else speaks
        attr = Attribution(
            None, None, last.speaker_person, last.speaker_mention, None, last.role, "context"
        )
        return qt.said(attr, last.attribution)
    return None


def unknown_voice(qt: _Quotation, ctx: Context, found) -> Statement | None:
    """A quotation that is a whole paragraph, its speaker not named (voices from the street,
    `«Ціни ростуть щодня, не встигаєш стежити».`): a statement of an unknown speaker."""
    line, q = qt.para.line, qt.q
    # the label is the paragraph's text before the mark once the article has a statement
    label = (line[: q.open] if found else qt.before).strip(" —–-")
    # … or a short label of its own (`Дослівно: "…"`, `Цитата: «…»`)
    labelled = label.endswith(":") and words(label) <= 2 and label == line[: q.open].strip()
    if (not label or labelled) and words(qt.inner) >= 4 and (
        labelled or q.open == line.find(line.strip()[:1])
    ):
        return qt.said(Attribution(None, None, None, None, None, None, "none"), None)
    return None


def embedded(qt: _Quotation, ctx: Context, found) -> Statement | None:
    """A quoted fragment of four words or more, in lower case, inside the journalist's
    sentence right after one that reports speech (``Водночас інші АЕС, підкреслив Петро Котін,
    працюють. І не лише Енергоатом «постійно посилює захист …»``) or right after a statement:
    the words of that speaker."""
    if words(qt.inner) < 4 or not qt.inner[:1].islower():
        return None
    if qt.s_index:
        prev = qt.para.sents[qt.s_index - 1]
        attr = attribute(prev.text, qt.para.off + prev.start, ctx)
        if attr is not None and attr.cue and (attr.person is not None or attr.mention):
            return qt.said(attr, (qt.para.off + prev.start, qt.para.off + prev.end))
    if not found:
        return None
    last = found[-1]
    gap = qt.para.text[last.end : qt.q_start]
    # the statement ends the sentence before: no other sentence stands between them
    if gap.count("\n") > 1 or len(gap) > _EMBEDDED_REACH or len(_SENTENCE_END.findall(gap)) > 1:
        return None
    attr = Attribution(None, None, last.speaker_person, last.speaker_mention, None, last.role,
                       "context")
    return qt.said(attr, last.attribution)
