"""The ru↔uk bridge: Russian and Ukrainian lemmas written so the same word falls together.

1. A Ukrainian lemma whose Russian counterpart is spelled differently is mapped to it with the
   lexicon in ``resources/similarity_bridge_uk_ru.csv`` (зустріч → встреча, безпека →
   безопасность, Харків → Харьков);
2. every lemma, Russian or Ukrainian, is then written in a shared spelling
   (:func:`bridge_form`): the front vowels и і ї ы е є э ё become one letter, ґ becomes г, soft
   signs, hard signs and apostrophes go, doubled letters are written once, and the infinitive
   endings -ть/-ти and -ться/-тися agree, and so do the verbs in -овать/-ировать and -увати
   (-ювати) and their nouns; Ukrainian дж and Russian жд after a vowel are written ж
   (проходження / прохождение, відчуження / отчуждение), the Ukrainian prefixes під-/від-
   before a consonant под-/от- (підписати / подписать), and -ический -ічний. So Блинкен and
   Блінкен, Россия and Росія, заявить and заявити, решение and рішення, прогнозировать and
   прогнозувати fall together.
"""

from __future__ import annotations

import re
from functools import lru_cache

from presslens.lexicon import read_rows
from presslens.text.tokens import normalize_word

__all__ = ["bridge_form", "bridge_lexicon", "bridged_stop_words"]

_FRONT_VOWELS = str.maketrans({ch: "и" for ch in "иіїыеєэё"} | {"ґ": "г"})
_DROPPED = re.compile(r"[ьъ'’ʼ`]")
_DOUBLED = re.compile(r"(\w)\1+")
_CYRILLIC = re.compile(r"[а-яёіїєґ]")
_LOAN_VERB = re.compile(r"(?:иро|ю|о)ва(ти|тися|ня)$")
#: The Ukrainian prefixes під- and від- before a consonant, written as the Russian под- and от-.
_UK_PREFIX = re.compile(r"^(?:під|від)(?=[бвгґджзклмнпрстфхцчшщ])")
_PREFIXES = {"під": "под", "від": "от"}
#: The Russian жд after a vowel, written as the Ukrainian ж.
_VOWEL_ZHD = re.compile(r"(?<=[аеиоуыэюяёієї])жд")
#: The Russian adjectives in -ический after the vowels are folded (-ичиский).
_ICAL = re.compile(r"ичиский$")


@lru_cache(maxsize=1)
def bridge_lexicon() -> dict[str, str]:
    """Return the Ukrainian → Russian lemma lexicon of the ru↔uk bridge.

    Returns
    -------
    dict of str to str
        Ukrainian lemma → Russian lemma, both normalised with
        :func:`presslens.text.normalize_word`.
    """
    return {normalize_word(row["uk"].strip()): normalize_word(row["ru"].strip())
            for row in read_rows("similarity_bridge_uk_ru.csv")}


@lru_cache(maxsize=200_000)
def bridge_form(lemma: str) -> str:
    """Write a Russian or Ukrainian lemma in the spelling shared by both languages.

    Parameters
    ----------
    lemma : str
        A lemma from :func:`presslens.text.lemma` (lower case).

    Returns
    -------
    str
        The bridged form: the lexicon's Russian lemma for a listed Ukrainian word, під-/від-
        before a consonant as под-/от-, then the front vowels (и і ї ы е є э ё) as и, ґ as г,
        ь ъ and apostrophes dropped, дж and жд after a vowel as ж, doubled letters once, the
        infinitive endings -ть/-ти and -ться/-тися/-тись unified, the ending -ние written
        like the Ukrainian -ння, -ический as -ічний and -овать as -увати.

    Examples
    --------
    >>> bridge_form("блинкен") == bridge_form("блінкен")
    True
    >>> bridge_form("россия") == bridge_form("росія")
    True
    >>> bridge_form("заявить") == bridge_form("заявити")
    True
    >>> bridge_form("безпека") == bridge_form("безопасность")
    True
    """
    word = normalize_word(lemma)
    if not _CYRILLIC.search(word):
        return word  # Latin names and words are shared by both languages as they are
    word = bridge_lexicon().get(word, word)
    if word.startswith("йе"):
        word = word[1:]  # Йенс / Єнс
    word = _UK_PREFIX.sub(lambda m: _PREFIXES[m.group()], word)  # підписати / подписать
    word = re.sub(r"(ться|тись|тися)$", "тися", word)
    word = re.sub(r"ть$", "ти", word)
    word = word.replace("дж", "ж")  # проходження / прохождение, народження / рождение
    word = _VOWEL_ZHD.sub("ж", word)  # відчуження / отчуждение
    word = re.sub(r"([нт])ие$", r"\1\1я", word)  # решение / рішення, развитие
    word = re.sub(r"ой$", "ий", word) if len(word) > 4 else word  # другой / другий
    word = _DOUBLED.sub(r"\1", _DROPPED.sub("", word.translate(_FRONT_VOWELS)))
    word = _ICAL.sub("ичний", word)  # логистический / логістичний
    # verbs in -овать / -увати and their nouns: атаковать / атакувати, прогнозировать /
    # прогнозувати, локализовать / локалізувати, финансирование / фінансування
    return _LOAN_VERB.sub(r"ува\1", word)


@lru_cache(maxsize=1)
def bridged_stop_words() -> frozenset[str]:
    """Return the stop words of both languages in their bridged spelling.

    A word that is a stop word in one language only (место, делать) and its counterpart in
    the other (місце, робити) have the same bridged form, so both can be left out alike.

    Returns
    -------
    frozenset of str
        :func:`bridge_form` of every word of :data:`presslens.text.stopwords.STOP_WORDS`.
    """
    from presslens.text.stopwords import STOP_WORDS

    return frozenset(map(bridge_form, STOP_WORDS))
