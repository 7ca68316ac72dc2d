"""Names a verb of speech or a first name vouches for: a capitalised word right after
``сказал`` is a surname (``— сказал Усик``), a first name alone ending the clause is a person
known by one name (``— зазначила Джамала.``), a surname in «-ой» after a man's first name is his
own in the nominative (``Оксен Лисовой``); and a word alone that a role noun follows is no
one's name (``розповів Стику прес-секретар …``)."""

from __future__ import annotations

import re

from presslens.statements.cues import is_cue
from presslens.statements.names import name_key
from presslens.statements.wordlists import norm, role_words
from presslens.text import Token, _morph

__all__ = ["named_by_cue", "one_name_after_cue", "role_after", "settle_forms"]


def named_by_cue(tokens: list[Token], kinds: list[str | None], language: str | None) -> set[str]:
    """A capitalised common noun right after a reporting verb (``— сказал Усик``, not
    ``зазначив Олімпійський чемпіон``) is a surname though the text never names it in full."""
    return {name_key(tokens[i].text) for i in range(1, len(tokens)) if kinds[i] == "maybe"
            and tokens[i].start == tokens[i - 1].end + 1
            and is_cue(tokens[i - 1].text, language) == "speech"
            and _morph.parses(tokens[i].text.lower(), language)[0].pos == "NOUN"}


_NEXT_WORD = re.compile(r"\s+([^\W\d_][\w'’ʼ-]*)")


def role_after(text: str, end: int) -> bool:
    """Whether a role noun follows at ``end`` (``розповів Стику прес-секретар …``): a word
    alone before it is no one's name (the one spoken to, a medium), the role's holder speaks."""
    m = _NEXT_WORD.match(text, end)
    return m is not None and norm(m.group(1)) in role_words()["heads_set"]


#: How many lower-case words (a role: «завідувач відділення») may stand between a verb of
#: speech and a name alone.
_ROLE_GAP = 4


def one_name_after_cue(tokens: list[Token], kinds: list[str | None],
                        language: str | None) -> set[int]:
    """The offsets of first names alone that end a clause after a verb of speech (``—
    зазначила Джамала.``, ``– каже завідувач відділення Олександр.``): a person known by one
    name, as the article calls them."""
    out = set()
    for i in [i for i, k in enumerate(kinds) if k == "first" and i]:
        after = tokens[i + 1].text if i + 1 < len(tokens) else "."
        if after not in ".,;!?–—-" or kinds[i - 1] is not None:
            continue
        for j in range(i - 1, max(i - 2 - _ROLE_GAP, -1), -1):
            word = tokens[j].text
            if not (word.isalpha() and word.islower()):
                break
            if is_cue(word, language) == "speech":
                out.add(tokens[i].start)
                break
    return out


def adjectival_surnames(people: list, governed) -> list:
    """Read a surname in «-ой» after a man's first name (``Оксен Лисовой``) as an adjectival
    surname in the nominative, not a woman's in an oblique case (Лисовой, of Лисова); so the
    same form alone elsewhere in the text (``— сказал Лисовой``), unless a preposition
    governs it (``governed(start)``). Returns ``people``, changed in place."""
    forms = {p.tokens[-1].text for p in people if len(p.tokens) > 1 and p.gender == "masc"
             and p.tokens[-1].text.endswith("ой")}
    for p in people:
        if p.tokens[-1].text in forms and not governed(p.tokens[0].start):
            p.nominative = p.nominative or len(p.tokens) == 1 or _first_nominative(p)
            p.gender, p.surname = "masc", p.tokens[-1].text
    return people


def _first_nominative(p) -> bool:
    """Whether the first word of a full name reads in the nominative (Оксен, not Оксена)."""
    return p.first is not None and p.first == p.tokens[0].text


def settle_forms(people: list, known_by_one: set[int], governed) -> list:
    """Settle what the text tells of its names' forms: a name right after a verb of speech
    is its subject (``— говорит Джамала``, whatever the dictionary reads); an adjectival
    surname in «-ой» after a man's first name (:func:`adjectival_surnames`). Returns
    ``people``, changed in place."""
    for p in people:
        p.nominative = p.nominative or p.tokens[0].start in known_by_one
    return adjectival_surnames(people, governed)
