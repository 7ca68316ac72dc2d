"""Role phrases and how they name people: ``генсек НАТО``, ``глава Госдепа США``.

* :func:`find_roles` finds role phrases (``генсек НАТО``, ``глава Госдепа США``, ``заступник
  міністра закордонних справ РФ``) from a lexicon of role nouns by lemma
  (:func:`presslens.statements.wordlists.role_words`);
* :func:`role_key` gives a role one key across cases, languages and synonyms (post,
  organisations), and :func:`role_matches` scores whether a role noun fits a person's role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from presslens.statements.names import fold_letters
from presslens.statements.speakers import CAP_WORD, name_token, qualifies
from presslens.statements.wordlists import norm, role_words
from presslens.text import _morph, tokenize

__all__ = ["Role", "find_roles", "role_key", "role_matches", "unique_post"]

_AND = frozenset("и і й та".split())
_ABBR = re.compile(r"^[А-ЯЁІЇЄҐA-Z]{2,}(?:-[А-ЯЁІЇЄҐA-Z0-9]+)?$")


@dataclass
class Role:
    """A role phrase: offsets, its words (the post put in the nominative when the text has
    another case: генсеком НАТО → генсек НАТО), and its key (post, organisations)."""

    start: int
    end: int
    text: str
    key: tuple[str, tuple[str, ...]]
    nominative: bool


def role_key(
    head: str, modifier: str | None, orgs: list[str], words: list[str] | None = None
) -> tuple[str, tuple[str, ...]]:
    """Return the key of a role: the folded post lemma and the folded organisation words.

    ``words`` are the lemmas after the head; with ``глава``/``голова``/``председатель`` a word
    listed in the resource's ``compounds`` names the post (глава Госдепа → ``госсекретарь``,
    председатель Верховной Рады → ``спикер``).
    """
    data = role_words()
    fold = data["fold"]
    post = fold.get(f"{modifier} {head}") if modifier else None
    post = post or fold.get(head, head)
    orgs = [norm(o) for o in orgs]
    if post in ("глава", "председатель"):
        for word in [*(words or []), *orgs]:
            if norm(word) in data["compounds"]:
                post = data["compounds"][norm(word)]
                orgs = [o for o in orgs if o != norm(word)]
                break
    return post, tuple(sorted({fold_letters(o) for o in orgs}))


def find_roles(text: str, language: str | None = None) -> list[Role]:
    """Find role phrases (``генсек НАТО``, ``глава Госдепа``, ``генеральний секретар``).

    Parameters
    ----------
    text : str
        Any text.
    language : {"ru", "uk"} or None
        The dictionary used to read the words.

    Returns
    -------
    list of Role
        In text order, each with its offsets, its words as written and its key.
    """
    data = role_words()
    tokens = tokenize(text)
    out: list[Role] = []
    words = [t.text for t in tokens]
    found = _morph.per_form("role head", language, words, lambda w: _role_head(w, language) or "")
    heads = [(i, h) for i, h in enumerate(found) if h]
    after = 0  # the first token after the last role phrase found
    for i, head in heads:
        if i < after or (i + 1 < len(tokens) and qualifies(
                tokens[i].text, tokens[i + 1].text, language, animate=False)):
            continue  # уповноважена установа: an adjective of a thing, not a post
        tok = tokens[i]
        begin = i
        modifier = None
        while (
            begin > 0
            and norm(_morph.common_lemma(tokens[begin - 1].text, language)) in data["mods_set"]
        ):
            begin -= 1
            modifier = norm(_morph.common_lemma(tokens[begin].text, language))
        j, orgs, words = _complements(tokens, i, language)
        # a post written as listed (головком) is its nominative, whatever the dictionary reads
        nominative = norm(tok.text) == head or _morph.can_be_case(tok.text, language, "nomn")
        written = text[tokens[begin].start : tokens[j].end]
        if not nominative:
            # генеральным секретарем НАТО → генеральный секретарь НАТО
            words_in = [_morph.nominative(t.text, language) for t in tokens[begin : i + 1]]
            written = " ".join(words_in) + text[tok.end : tokens[j].end]
        out.append(
            Role(
                start=tokens[begin].start,
                end=tokens[j].end,
                text=written,
                key=role_key(head, modifier, orgs, words),
                nominative=nominative,
            )
        )
        after = j + 1
    return out


def _complements(tokens, i: int, language: str | None) -> tuple[int, list[str], list[str]]:
    """Read what follows the role noun at ``i``: its organisations (НАТО, Госдепа) and the
    lemmas of its genitive complements (міністр культури та інформаційної політики); return
    the index of the phrase's last token with both lists."""
    j = i
    orgs: list[str] = []
    words: list[str] = []
    while j + 1 < len(tokens) and j - i < 6:
        nxt = tokens[j + 1]
        word = nxt.text
        if _ABBR.match(word):
            orgs.append(word)
        elif CAP_WORD.match(word) and (
            name_token(nxt, language, False) in (None, "maybe")
            or (
                j + 2 < len(tokens)
                and name_token(tokens[j + 2], language, False) == "first"
                and not _morph.name_reading(word, language)
            )
        ):
            orgs.append(_morph.common_lemma(word, language))
        elif word[:1].isalpha() and word.islower() and _genitive(
                word, language, 99 if _adjective_genitive(tokens[j].text, language) else 3):
            words.append(_morph.common_lemma(word, language))
        elif not (word in _AND and words and j + 2 < len(tokens)
                  and tokens[j + 2].text.islower() and _genitive(tokens[j + 2].text, language)):
            break  # (міністр культури та інформаційної політики: one post)
        j += 1
    return j, orgs, words


def _role_head(word: str, language: str | None) -> str | None:
    """Return the role noun ``word`` is a form of (генсека → генсек), or None."""
    if not word[:1].isalpha():
        return None
    data = role_words()
    written = norm(word)
    if written in data["heads_set"]:
        return written
    if written[:3] not in _head_prefixes():
        return None  # no role noun starts so: spare the dictionary
    lem = norm(_morph.common_lemma(word, language))
    return lem if lem in data["heads_set"] else None


@lru_cache(maxsize=1)
def _head_prefixes() -> frozenset[str]:
    """First three letters of every role noun (nouns keep them through their cases)."""
    return frozenset(h[:3] for h in role_words()["heads_set"])


def _genitive(word: str, language: str | None, reach: int = 3) -> bool:
    """Whether ``word`` may be a noun or adjective in the genitive (центру reads first as a
    dative, but after a role noun it is the genitive: речник центру); ``reach``: how many of
    its readings to try (all of them after an adjective in the genitive: інформаційної
    політики)."""
    found = _morph.parses(word, language)[:reach]
    if not found or found[0].pos not in ("NOUN", "ADJF"):
        return False  # в, на: a preposition first, whatever else it may be
    return any(p.pos in ("NOUN", "ADJF") and "gent" in p.tags for p in found)


def _adjective_genitive(word: str, language: str | None) -> bool:
    """Whether ``word`` is an adjective in the genitive (the noun after it agrees)."""
    return word.islower() and any(p.pos == "ADJF" and "gent" in p.tags
                                  for p in _morph.parses(word, language)[:3])


def unique_post(key: tuple[str, tuple[str, ...]]) -> bool:
    """Tell whether a role names a post held by one person at a time (or fits anyone)."""
    data = role_words()
    return key[0] in data["unique_set"] or key[0] in data["generic_set"]


def role_matches(mention: tuple[str, tuple[str, ...]], person: tuple[str, tuple[str, ...]]) -> int:
    """Score how well a role mention fits a person's role.

    0: another post, or the same post of another country; 1: the same post; 2: the same post
    and a shared organisation. A generic noun (дипломат, лидер) fits anyone (1), and a head
    (глава, очільник) fits anyone who heads something (мэр, губернатор, начальник ОВА).
    """
    data = role_words()
    if mention[0] in data["generic_set"]:
        return 1
    if mention[0] != person[0] and not (
        mention[0] == "глава" and person[0] in data["leads_set"]  # очільник області: the head
    ):
        return 0
    if set(mention[1]) & set(person[1]):
        return 2
    countries_m = {o for o in mention[1] if _is_country(o)}
    countries_p = {o for o in person[1] if _is_country(o)}
    if countries_m and countries_p:
        return 0  # министр Украины is not глава МИД РФ
    return 1


_COUNTRY_ABBREVIATIONS = frozenset("рф сша фрг ес кнр рб оае оаэ снд сср ссср".split())


def _is_country(org: str) -> bool:
    if org in _COUNTRY_ABBREVIATIONS:
        return True
    return any("Geox" in p.tags for p in _morph.parses(org.capitalize(), "ru")[:2]) or any(
        "Geox" in p.tags for p in _morph.parses(org.capitalize(), "uk")[:2]
    )
