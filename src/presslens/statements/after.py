"""The attribution after a quotation: ``«…», — заявил он.``, ``"…", - Петро Порошенко.``

Read by :func:`presslens.statements.direct.direct` on each quotation of a sentence:

* a clause with a reporting verb after a dash or a comma (:func:`said_after`), also in the next
  paragraph when the quotation's own ends with the dash (``«…», -`` / ``зазначив голова ОВА``),
  and a verb outside the list in the place of one (``— уклав він``, ``— завершив експерт``);
* a name alone after the dash, with no verb (:func:`name_after`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from presslens.statements.attribution import Attribution, Context, attribute
from presslens.statements.paragraph import CLAUSE_STOP, DASH, Statement, words
from presslens.statements.wordlists import is_media
from presslens.text import _morph

if TYPE_CHECKING:
    from presslens.statements.direct import _Quotation

__all__ = ["name_after", "said_after"]

# (a long dash may lose its space in a scrape: «…», —пишет Аваков)
_POST = re.compile(rf"^\s*[,.!?…]?\s*(?:[{DASH}]\s+|[—–―](?=[а-яёіїєґ]))")
_POST_COMMA = re.compile(r"^\s*,\s+")
#: A quotation's paragraph ends with the dash before its attribution (``«…», -``).
_POST_END = re.compile(rf"^\s*[,.!?…]?\s*[{DASH}]\s*$")
#: Words of a name (and a role before it) standing alone after a quotation.
_NAME_AFTER_WORDS = 6


def said_after(qt: _Quotation, ctx: Context) -> Statement | None:
    """The attribution after the quotation: «…», — заявил он."""
    after = qt.after
    pm = _POST_END.match(after) or _POST.match(after) or _POST_COMMA.match(after)
    if not pm:
        return None
    clause = after[pm.end() :]
    c_off = qt.para.off + qt.q.end + pm.end()
    if not clause.strip() and _POST_END.match(after):
        clause, c_off = _clause_below(qt, clause, c_off)
    stop = CLAUSE_STOP.search(clause)
    clause = clause[: stop.start()] if stop else clause
    attr = attribute(clause, c_off, ctx, after_quote=True)
    if attr is None and _POST.match(after):
        attr = _any_verb(clause, c_off, ctx)
    if attr is not None and (
        _POST.match(after) or _POST_END.match(after)
        or (words(clause[: (attr.cue_start or 0) - c_off + 1]) <= 4 and words(qt.inner) >= 2)
    ):
        return qt.said(attr, (c_off, c_off + len(clause)))
    return None


#: The opening of a paragraph that goes on with an attribution: stray markup the scraper left
#: (``">``), then a word in lower case.
_GOES_ON_BELOW = re.compile(r"^[^\w«»„“”]{0,3}(?=[а-яёіїєґ])")


def _clause_below(qt: _Quotation, clause: str, c_off: int) -> tuple[str, int]:
    """The attribution of a quotation whose paragraph ends with its dash (``«…», -``): the
    next paragraph when it opens in lower case (``зазначив голова ОВА …``)."""
    para = qt.para
    if para.index + 1 >= len(para.paragraphs):
        return clause, c_off
    n_off, n_line = para.paragraphs[para.index + 1]
    m = _GOES_ON_BELOW.match(n_line)
    return (n_line[m.end() :], n_off + m.end()) if m else (clause, c_off)


#: A verb and its subject right after a quotation and a dash: «…», — уклав він.
_VERB_SUBJECT = re.compile(r"^(?P<verb>[а-яёіїєґ'’ʼ]+)\s+(?=[А-ЯЁІЇЄҐа-яёіїєґ])")


def _any_verb(clause: str, c_off: int, ctx: Context) -> Attribution | None:
    """A verb outside the list of reporting verbs in the place of one, right after a
    quotation and a dash, with a person after it (``«…», — уклав він``, ``— резюмировал
    Петров``): the attribution still, its verb the cue."""
    m = _VERB_SUBJECT.match(clause)
    found = _morph.parses(m.group("verb"), ctx.language)[:1] if m else []
    if not found or found[0].pos != "VERB" or found[0].tags & {"impr", "infn"}:
        return None
    attr = attribute(clause, c_off, ctx, require_cue=False, after_quote=True)
    if attr is None or attr.person is None or attr.how not in ("name", "pronoun", "role"):
        return None
    if (not clause[m.end()].isupper() if attr.how == "name"
            else attr.mention_start != c_off + m.end()):
        return None  # a name after the verb, a pronoun or a role noun right after it
    return replace(attr, cue=m.group("verb"), cue_start=c_off)


def name_after(qt: _Quotation, ctx: Context) -> Statement | None:
    """A name alone after the quotation, no verb: «…», — Петро Порошенко."""
    pm = _POST.match(qt.after)
    if not pm:
        return None
    clause = qt.after[pm.end() :]
    name = clause.rstrip(" .!?…")
    c_off = qt.para.off + qt.q.end + pm.end()
    people = [p for p in ctx.people_within(c_off, c_off + len(name))
              if p.end == c_off + len(name) and not is_media(p.text)]
    if not people or clause[len(name) :].strip(" .!?…") or words(name) > _NAME_AFTER_WORDS:
        return None
    attr = Attribution(None, None, people[-1], people[-1].text, people[-1].start, None, "name")
    return qt.said(attr, (c_off, c_off + len(name)))
