"""Reporting verbs: the *cue* of a statement (``заявил``, ``сказав``, ``передает``).

A word is a cue when a ru+uk lexicon lists its lemma (``statements_cues.json``) and it is a
finite verb, a short adjective or a short participle (``уверена``). A cue is ``speech`` (the
subject speaks) or ``relay`` (the subject passes on someone else's words: ``передает ТАСС``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from presslens.lexicon import read_json
from presslens.text import _morph

__all__ = ["cue_tokens", "is_cue"]

_ADJECTIVE_CUES = frozenset("уверенный убежденный убеждённый переконаний впевнений певний".split())
# A word as a reporting verb can be written: a run of letters, maybe joined by an apostrophe
# (з'явився).
_CUE_WORD = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")


@lru_cache(maxsize=1)
def _cues() -> dict[str, frozenset[str]]:
    """The lemmas of the reporting verbs by kind (``speech``, ``relay``, ``nominal``)."""
    data = read_json("statements_cues.json")
    out: dict[str, set[str]] = {"speech": set(), "relay": set(), "nominal": set()}
    for lang in ("ru", "uk"):
        for kind in out:
            out[kind].update(w.replace("ё", "е") for w in data[lang][kind])
    out["speech"].update({"говориться", "йтися", "ітися"})
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=200_000)
def is_cue(word: str, language: str | None) -> str | None:
    """Tell whether ``word`` is a reporting verb; return ``"speech"``, ``"relay"``,
    ``"message"`` (an impersonal reflexive: отмечается, наголошувалося) or None.

    Only finite verbs, short adjectives, short participles (уверена) and perfective gerunds
    (``назвав его «…»``, ``наголосивши, що …``: the main clause's subject said it) count: an
    imperfective gerund such as ``коментуючи`` or an infinitive does not report a statement
    by itself.
    """
    if not word[:1].isalpha():
        return None
    found = _morph.parses(word.lower(), language)
    if not found:
        return None
    cues = _cues()
    for p in found[:2]:
        normal = p.normal.replace("ё", "е")
        if p.pos == "GRND" and "perf" in p.tags:
            # (the Ukrainian dictionary's normal form is the gerund itself: назвавши → назвати)
            normal = _UK_GERUND.sub(lambda m: "тися" if m.group(1) else "ти", normal)
        elif p.pos not in ("VERB", "ADJS", "PRTS") and normal not in _ADJECTIVE_CUES:
            continue
        if p.pos == "VERB" and "impr" in p.tags:
            continue
        if normal in cues["relay"]:
            return "relay"
        if normal in cues["speech"]:
            return "speech"
        if _message_passive(normal, p.tags, cues["speech"]):
            return "message"
    return None


_UK_GERUND = re.compile(r"вши(сь)?$")


def _message_passive(normal: str, tags, speech: frozenset[str]) -> bool:
    """«отмечается в сообщении», «наголошувалося в заяві»: a reporting verb's impersonal
    reflexive (third person singular, or neuter past) says what a message says."""
    return (normal.endswith(("ся", "сь")) and normal[:-2] in speech
            and ({"3per", "sing"} <= tags or {"past", "neut"} <= tags))


#: What a message's impersonal verb is followed by: «отмечается в сообщении», «наголошується у
#: заяві», «говорилось на сайте»; not «объясняется тем, что».
_MESSAGE = re.compile(
    r"(?i)\s+(?:(?:также|також|еще|ще|уже|вже)\s+)?(?:в|у|во|на)\s+(?:\w+\s+)?(?:сообщени|заявлени|"
    r"повідомлен|заяв|документ|релиз|реліз|письм|лист|текст|постанов|доклад|звіт|отчет|отчёт|"
    r"сайт|страниц|сторін|телеграм|telegram|facebook|публикаци|публікаці|коммюнике|комюніке|"
    r"обращени|зверненн|резолюци|резолюці|ответ|відповід|решени|рішенн|приговор|вирок|справк|"
    r"довідц|материал|матеріал|блог|канал|пресс-релиз|прес-реліз)"
)


#: A perfect gerund before «, что» / «, що» (``сказав, что``, ``наголосивши, що``).
_GERUND_THAT = re.compile(r"(?i)\b([^\W\d_]+(?:в|вши|вшись))\s*,\s*(?:что|що)\b")


@lru_cache(maxsize=20_000)
def _speech_gerund(word: str, language: str | None) -> bool:
    """Whether ``word`` is a gerund of a speech verb (сказав, подчеркнув, наголосивши: the
    Ukrainian dictionary keeps the gerund as its own lemma, so its verb is spelt out)."""
    low = word.lower()
    verbs = {p.normal.replace("ё", "е") for p in _morph.parses(low, language)[:2]
             if p.pos == "GRND"}
    if low.endswith("вши") and verbs:
        verbs.add(low[:-3] + "ти")  # наголосивши → наголосити
    return bool(verbs & _cues()["speech"])


def cue_tokens(text: str, language: str | None) -> list[tuple[int, int, str, str]]:
    """Return ``(start, end, word, kind)`` for every reporting verb in ``text``, and every
    gerund of one that introduces what was said (``отказалась, сказав, что …``)."""
    words = _CUE_WORD.findall(text)
    kinds = _morph.per_form("cue", language, words, lambda w: is_cue(w, language) or "")
    found = [
        (m.start(), m.end(), m.group(), "speech" if kind == "message" else kind)
        for m, kind in zip(_CUE_WORD.finditer(text), kinds, strict=True)
        if kind and (kind != "message" or _MESSAGE.match(text, m.end()))
    ]
    if "," in text:
        taken = {f[0] for f in found}
        found += [(m.start(1), m.end(1), m.group(1), "speech") for m in _GERUND_THAT.finditer(text)
                  if m.start(1) not in taken and _speech_gerund(m.group(1), language)]
        found.sort()
    return found

