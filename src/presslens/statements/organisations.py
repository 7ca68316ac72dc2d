"""Organisations and countries as speakers: ``сообщили в РФ``, ``В Кремле заявили``,
``Генеральний штаб ЗСУ повідомив``.

:func:`organisation` reads, around a reporting verb with no person for its subject, the
organisation that speaks, as written (its head put in the nominative after ``в``/``у``).
"""

from __future__ import annotations

import re

from presslens.statements.wordlists import is_media
from presslens.text import _morph

__all__ = ["PREPOSITIONS", "WHEN", "organisation"]

#: Prepositions: a word after one is no subject (and «Про це» opens no organisation's name).
PREPOSITIONS = frozenset(
    "с со з із зі к ко у в во на о об про для от від перед после після при без между між "
    "против проти".split()
)

_ORG = r"(?:[А-ЯЁІЇЄҐA-Z][^\s,.;:!?«»\"]*)(?:\s+[А-ЯЁІЇЄҐA-Z][^\s,.;:!?«»\"]*){0,2}"
#: When a statement was made, between the verb and the organisation: «сообщили в среду в …».
WHEN = (r"(?:(?:в|у|во)\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье|"
        r"понеділок|вівторок|середу|четвер|п['’ʼ]ятницю|суботу|неділю)|сегодня|вчера|накануне|"
        r"сьогодні|вчора|напередодні)")
# «сообщили в РФ», «заявили в Кремле», «сообщили в среду в компании "Укрэнерго"» after the
# verb; «В Кремле заявили» before it
_ORG_AFTER = re.compile(
    rf"(?:\s+{WHEN})?\s+(?:в|у|во)\s+(?P<desc>(?:[а-яёіїєґ-]+\s+){{0,3}})"
    rf"(?:[«\"„“](?P<quoted>[^«»\"„“”]+)[»\"“”]|(?P<org>{_ORG}))"
)
#: The nouns that name an organisation before its quoted or capitalised name («в национальной
#: энергетической компании "Укрэнерго"», «у пресслужбі Міноборони»), …
_BODIES = frozenset(
    "компания компанія министерство міністерство ведомство відомство служба пресс-служба "
    "пресслужба прес-служба офис офіс штаб агентство управление управління департамент "
    "корпорация корпорація концерн банк администрация адміністрація правительство уряд "
    "комитет комітет совет рада фонд оператор госкомпания держкомпанія организация "
    "організація партия партія посольство центр инспекция інспекція авиакомпания "
    "авіакомпанія".split()
)
_ORG_HEADS = _BODIES | frozenset(
    # and a message of one: «говорится в заявлении МИД», «наголошується у повідомленні Генштабу»
    "сообщение заявление повідомлення заява релиз пресс-релиз реліз прес-реліз коммюнике "
    "комюніке обращение звернення телеграм-канал сайт страница сторінка".split()
)
_ORG_BEFORE = re.compile(
    rf"(?:^|\s)(?:[вуВУ]|[Вв]о)\s+(?:(?P<desc>[а-яёіїєґ-]+)\s+[«\"„“](?P<quoted>[^«»\"„“”]+)"
    rf"[»\"“”]|(?P<org>{_ORG}))\s+(?:\w+\s+)?$")
#: Institutions named by a common noun alone after an impersonal verb: «додали в театрі»,
#: «пояснили выбор в театре», «В ведомстве заявили».
_INSTITUTIONS = frozenset(
    "театр мэрия мерія полиция поліція больница лікарня университет університет суд "
    "прокуратура клуб федерация федерація ведомство відомство горсовет міськрада".split()
) | _BODIES
#: The body a channel or a page belongs to: «в Telegram-канале авиакомпании "Аэрофлот"».
_OWNER = re.compile(r"\s+(?P<desc>[а-яёіїєґ-]+)\s+[«\"„“](?P<quoted>[^«»\"„“”]+)[»\"“”]")
_PLACE_AFTER = re.compile(r"(?:\s+[а-яёіїєґ'’ʼ-]+){0,3}?\s+(?:в|у|во)\s+(?P<noun>[а-яёіїєґ-]+)\s*$")
_PLACE_BEFORE = re.compile(r"(?:^|\s)(?:[вуВУ]|[Вв]о)\s+(?P<noun>[а-яёіїєґ-]+)\s+$")


def organisation(
    clause: str, cue, language: str | None, after_quote: bool = False
) -> tuple[str, int] | None:
    """Read the organisation that speaks through the reporting verb ``cue`` (``(start, end,
    word, kind)`` in ``clause``), no person being its subject. After a quotation
    (``after_quote``), one after a relay verb speaks too: ``«…», – повідомили в
    «Укрзалізниці»``, ``«…», – сообщила пресс-служба банка``.

    Returns
    -------
    tuple of (str, int) or None
        The organisation as written (``в Кремле`` → ``Кремль``) and its offset in ``clause``.
    """
    return (_after_in(clause, cue, language, after_quote) or _subject(clause, cue, language)
            or _subject_after(clause, cue, language, after_quote))


def _after_in(clause: str, cue, language: str | None, after_quote: bool) -> tuple[str, int] | None:
    """An organisation or a country after «в»/«у» next to an impersonal verb: ``сообщили
    в РФ``, ``В Кремле заявили``, ``у МЗС наголосили``."""
    m = _ORG_AFTER.match(clause, cue[1])
    if m is not None and (m.group("desc") or m.group("quoted")) and not _headed(
            m.group("desc"), language) and not (after_quote and _quoted_by_plural(cue, m)):
        m = None
    m = m or _ORG_BEFORE.search(clause, 0, cue[0]) or _long_name(clause, cue, language)
    if m is not None and m.groupdict().get("quoted") and m.group("desc") and not _headed(
            m.group("desc"), language, _INSTITUTIONS | _ORG_HEADS):
        m = None  # «в романі "…" написав»: a title, no one who speaks
    if m is None:
        return _institution(clause, cue, language)
    if m.groupdict().get("quoted"):
        name = m.group("quoted").strip()
        if not m.group("desc"):  # «повідомили в «Укрзалізниці»»: the name itself declines
            first, *rest = name.split()
            name = " ".join([_morph.nominative(first, language), *rest])
        return name, m.start("quoted")
    owner = _OWNER.match(clause, m.end("org"))
    if owner and _headed(owner.group("desc"), language, _INSTITUTIONS):
        return owner.group("quoted").strip(), owner.start("quoted")  # (its name, not its channel)
    words = m.group("org").split()
    # the head noun in the nominative (в Кремле → Кремль), the rest as written
    keep = words[0].isupper() or any(c.isupper() for c in words[0][1:])  # МЗС, УкрГМЦ
    head = words[0] if keep else _morph.nominative(words[0], language)
    return " ".join([head, *words[1:]]), m.start("org")


def _quoted_by_plural(cue, m: re.Match) -> bool:
    """A quoted name alone after an impersonal plural verb (``«…», – повідомили в
    «Укрзалізниці»``): the company speaks (a quoted name after a person's verb may be a
    title: ``рассказал в «Вечернем Урганте»``)."""
    return (bool(m.group("quoted")) and not m.group("desc") and cue[2].lower().endswith("ли")
            and not is_media(m.group("quoted")))


#: «У Міністерстві охорони здоровʼя повідомили»: a capitalised head and words in the genitive.
_ORG_BEFORE_LONG = re.compile(
    r"(?:^|\s)(?:[вуВУ]|[Вв]о)\s+(?P<org>[А-ЯЁІЇЄҐ][^\s,.;:!?«»\"]*(?:\s+[а-яёіїєґʼ'’-]+){1,3})\s+$"
)


def _long_name(clause: str, cue, language: str | None) -> re.Match | None:
    """An organisation's name of a capitalised head and lower-case words in the genitive
    right before the verb (``В Министерстве иностранных дел заявили``)."""
    m = _ORG_BEFORE_LONG.search(clause, 0, cue[0])
    if m is None or not all(_genitive(w, language) for w in m.group("org").split()[1:]):
        return None
    return m


def _genitive(word: str, language: str | None) -> bool:
    """Whether ``word`` reads as a noun or adjective that may be in the genitive (охорони,
    дел, здоровʼя)."""
    found = _morph.parses(word.lower(), language)
    return bool(found) and found[0].pos in ("NOUN", "ADJF") and any(
        "gent" in p.tags for p in found if p.pos == found[0].pos)


def _headed(desc: str, language: str | None, heads: frozenset[str] = _ORG_HEADS) -> bool:
    """Whether the words before a name end with an organisation's noun (``в компании``); a
    quoted name needs one (``в "Укрэнерго"`` alone may be a title)."""
    words = desc.split()
    return bool(words) and _morph.common_lemma(words[-1], language) in heads


def _institution(clause: str, cue, language: str | None) -> tuple[str, int] | None:
    """An institution named by its common noun alone next to an impersonal plural verb:
    ``«…», – додали в театрі``, ``В ведомстве заявили`` (the noun in the nominative)."""
    if not cue[2].lower().endswith("ли"):
        return None
    m = _PLACE_AFTER.match(clause, cue[1]) or _PLACE_BEFORE.search(clause, 0, cue[0])
    lemma = _morph.common_lemma(m.group("noun"), language) if m else None
    return (lemma, m.start("noun")) if lemma in _INSTITUTIONS else None


#: An organisation named as the subject before its verb, up to a preposition or punctuation:
#: «Генеральний штаб ЗСУ [на початку доби] повідомив», «Пресс-служба банка сообщила».
_ORG_SUBJECT = re.compile(
    r"^\s*(?P<org>[А-ЯЁІЇЄҐA-Z][^\s,.;:!?«»\"]*(?:\s+(?!(?:в|у|во|на|за|під|под|про|о|об|по|с|"
    r"со|з|із|зі|від|от|для|после|після|перед|при|до|ще|еще|также|також|вже|уже)\b)"
    r"[^\s,.;:!?«»\"]+){0,5})"
)


def _subject(clause: str, cue, language: str | None) -> tuple[str, int] | None:
    """Read an organisation named as the subject before the verb (``Генеральний штаб ЗСУ
    повідомив``, ``НБУ сообщил``): the words opening the clause while they read as a name's
    (capitalised, or a noun or adjective in the nominative or genitive), an abbreviation or a
    thing at its head (not a person, not a time: ``Сегодня утром`` is no one)."""
    m = _ORG_SUBJECT.match(clause[: cue[0]])
    if m is None:
        return None
    words: list[str] = []
    for w in m.group("org").split():
        if words and w.islower() and not _noun_phrase_word(w, language):
            break  # «Пресс-служба банка утром сообщила»: the subject ends before «утром»
        words.append(w)
    head = words[0]
    if not (_ABBREVIATION.match(head) or _noun_phrase_word(head, language)) or not (
            _ABBREVIATION.match(head) or any(_thing(w, language) for w in words[:2])):
        return None
    return " ".join(words), m.start("org")


def _subject_after(
    clause: str, cue, language: str | None, after_quote: bool
) -> tuple[str, int] | None:
    """Read an organisation named as the subject after a verb of speech that opens a
    quotation's attribution (``«…», – відповіла пресслужба Fozzy Group``): an organisation's
    noun in the nominative at its head (:data:`_ORG_HEADS`), then its name."""
    relayed = not (after_quote and _TELLING.match(cue[2]))
    if clause[: cue[0]].strip(" ,–—-") or (cue[3] != "speech" and relayed):
        return None  # «Об этом сообщила пресс-служба …» names whose news it is
    m = _HEAD_AFTER.match(clause, cue[1])
    head = None if m is None else _morph.common_lemma(m.group("head"), language)
    if head not in _ORG_HEADS or (cue[3] != "speech" and head in _MEDIUM_HEADS):
        return None  # «…», – сообщает агентство …: a medium relays
    if not _thing(m.group("head"), language):
        return None  # «… в службе»: not the subject
    words = [m.group("head")]
    for w in m.group("name").split():
        if w.islower() and not _noun_phrase_word(w, language):
            break  # «пресслужба банку на запитання»: the name ends before «на»
        words.append(w)
    return " ".join(words), m.start("head")


#: Relay verbs that an organisation speaks by (``«…», – сообщила пресс-служба банка``),
#: unlike ``передает``, ``пишет``, ``цитирует``.
_TELLING = re.compile(r"(?i)^(?:сообщ|повідом|информир|інформу)")
#: Heads of a medium's name: after a relay verb it passes on someone else's words.
_MEDIUM_HEADS = frozenset(
    "агентство телеграм-канал сайт страница сторінка сообщение повідомлення".split())

#: After the verb: a lower-case noun and up to four words of a name.
_HEAD_AFTER = re.compile(
    r"\s+(?P<head>[а-яёіїєґ][а-яёіїєґ'’-]+)(?P<name>(?:\s+[^\s,.;:!?]+){0,4})"
)


_ABBREVIATION = re.compile(r"^[А-ЯЁІЇЄҐA-Z]{2,}$")


def _noun_phrase_word(word: str, language: str | None) -> bool:
    """Whether ``word`` reads first as a noun or adjective in the nominative or genitive."""
    if word.lower() in PREPOSITIONS:
        return False  # «Про це …» (the dictionary reads «про» as a noun first)
    found = _morph.parses(word.lower(), language)[:1]
    return bool(found) and found[0].pos in ("NOUN", "ADJF") and bool(
        {"nomn", "gent"} & found[0].tags)


def _thing(word: str, language: str | None) -> bool:
    """Whether ``word`` reads first as a thing in the nominative (штаб, служба, банк)."""
    found = _morph.parses(word.lower(), language)[:1]
    return bool(found) and found[0].pos == "NOUN" and {"inan", "nomn"} <= found[0].tags
