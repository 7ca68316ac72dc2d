"""The tense of the verb a date phrase belongs to: the side of the publication date it points to.

A past-tense verb looks back (``15 грудня Росія оприлюднила`` in an article of 26 January is the
previous December), a future-tense verb looks ahead; an infinitive nearer than any finite verb
carries the date itself (``решил провести 9 июня``).

:func:`eve_of` tells «накануне матча» (the eve of an event, no day of its own) from
«накануне вечером» (the day before).
"""

from __future__ import annotations

import re

from presslens.text import _morph, tokenize

__all__ = ["EVE", "eve_of", "tense_near"]


def tense_near(text: str, start: int, end: int, language: str | None) -> str | None:
    """Return the tense of the finite verb nearest to ``text[start:end]``.

    Parameters
    ----------
    text : str
        The sentence (or any span) around the date phrase.
    start, end : int
        Offsets of the date phrase in ``text``.
    language : {"ru", "uk"} or None
        The dictionary to read verbs with.

    Returns
    -------
    str or None
        ``"past"``, ``"future"`` or ``"present"``; ``будет``/``буде`` + infinitive counts as
        future; ``"infinitive"`` when an infinitive stands nearer than any finite verb
        (``решил провести 9 июня``: the date is the infinitive's, not the finite verb's);
        None when the sentence has no verb.
    """
    if _SCHEDULED.search(text, max(0, start - 40), start):
        return "future"  # «выборы назначены на 25 мая»: set for that day
    best: tuple[int, str, int] | None = None
    tokens = tokenize(text)
    tenses = _morph.per_form("tense or infinitive", language, [t.text for t in tokens],
                             lambda w: _tense_or_infinitive(w, language))
    for k, (tok, tense) in enumerate(zip(tokens, tenses, strict=True)):
        if tok.start >= start and tok.end <= end:
            continue
        if not tok.text[:1].isalpha() or tok.text[:1].isupper() and tok.start > 0:
            continue
        if not tense or tok.text.lower() in _DISCOURSE:
            continue  # «Напомним, 24 января …»: the reminder is no verb of the event
        if tense == "past" and _PURPOSE.search(text, 0, tok.start):
            tense = "future"  # «щоб восени захворюваність не зростала»: a wish, not the past
        a, b = (tok.end, start) if tok.end <= start else (end, tok.start)
        if _SPEECH_EDGE.search(text, a, b) or "\n" in text[a:b]:
            continue  # the reporting verb outside a quotation (or paragraph) does not date it
        if tok.end <= start and _CLAUSE_EDGE.search(text, a, b):
            continue  # «додав, що до зими …»: the reporting verb does not date what it reports
        # a verb across a comma (`з 1 червня, повідомили …`) counts only when none is nearer
        distance = b - a + (_ACROSS_COMMA if "," in text[a:b] else 0)
        if best is None or distance < best[0] or (distance == best[0] and tense == "infinitive"):
            best = (distance, tense, k)
    # an infinitive nearer than any finite verb carries the date (``решил провести 9 июня``,
    # ``продлить до 15 июля``): its time is not the finite verb's, so no tense is read; so
    # does one right after a present-tense verb (``має закінчитись``, ``может начаться``)
    if best and best[1] == "present" and best[2] + 1 < len(tenses) and (
        tenses[best[2] + 1] == "infinitive"
    ):
        return "infinitive"
    return best[1] if best else None


_ACROSS_COMMA = 10_000
_DISCOURSE = frozenset(
    "напомним напомню нагадаємо нагадаю отметим зазначимо добавим додамо уточним уточнимо".split()
)
# a day something is set for: «назначены на 25 мая», «призначені на 25 травня»
_SCHEDULED = re.compile(
    r"(?i)(?:назначен|запланирован|перенесен|намечен|призначен|заплановано|заплановані|"
    r"перенесено|перенесені|намічен)\w*\s+на\s*$"
)
# a past form after «щоб/чтобы» in the same clause is the subjunctive: it points ahead
_PURPOSE = re.compile(r"(?i)\b(?:щоб|щоби|чтобы|чтоб)\s[^,.;:!?«»\"]*$")
# a reporting verb's clause ends where what it reports begins: `заявил, что`, `додав, що`
_CLAUSE_EDGE = re.compile(r"(?i),\s*(?:что|чтобы|що|щоб)\s")
# where quoted or dash speech meets its attribution: `…", – сказав`, `…, – заявил`, `…» —`
_SPEECH_EDGE = re.compile(r"[»”\"]\s*[,.!?…]?\s*[—–-]\s|[,.!?…]\s+[—–]\s")


def _tense_or_infinitive(word: str, language: str | None) -> str:
    """Return the tense of ``word`` as a verb, ``"infinitive"``, or ``""`` (no verb)."""
    tense = _morph.verb_tense(word, language)
    if tense:
        return tense
    return "infinitive" if _morph.is_infinitive(word, language) else ""


#: «накануне» / «напередодні»: the day before, or the eve of what they govern.
EVE = frozenset({"накануне", "напередодні"})
_NEXT_WORD = re.compile(r" +([^\W\d_]+)")


def eve_of(text: str, end: int, language: str) -> bool:
    """Tell whether the word after «накануне» is a genitive noun phrase it governs
    (накануне заседания, напередодні новорічних свят), not the sentence going on
    (накануне вечером, Накануне Верховная рада, напередодні у Києві)."""
    m = _NEXT_WORD.match(text, end)
    if m is None:
        return False
    found = _morph.parses(m.group(1), language)
    other = {"VERB", "ADVB", "PREP", "CONJ", "PRCL", "INFN", "GRND", "PRTS"}
    # «заседания» may be a plural nominative, never a singular one: «Верховная», «издание» are;
    # and a name is the subject (Накануне Ломаченко провел …)
    return bool(found) and any("gent" in p.tags for p in found) and all(
        p.pos not in other and not ("nomn" in p.tags and "plur" not in p.tags)
        and not p.tags & _morph.NAME_TAGS for p in found)
