"""Tell Russian from Ukrainian text by the letters and the words of each language.

Only Cyrillic ru/uk are told apart; anything else is ``None``. The evidence is:

* letters found in one language only (uk: і ї є ґ; ru: ы э ъ ё);
* frequent function words that exist in one language only (uk: що, це, від …;
  ru: что, это, от …).
"""

from __future__ import annotations

import re

RU_LETTERS = frozenset("ыэъё")
UK_LETTERS = frozenset("іїєґ")

# Function words that occur in one language only (lower case).
RU_WORDS = frozenset(
    "что это как его ее её она они был была были будет также только если когда уже "
    "или тоже этот эта эти чтобы который которая которые которых нет очень сейчас "
    "после между однако сказал заявил отметил более может можно нужно через".split()
)
UK_WORDS = frozenset(
    "що це як його її вона вони був була були буде також лише якщо коли вже або теж "
    "цей ця ці щоб який яка які яких немає дуже зараз після між проте сказав заявив "
    "зазначив більш може можна потрібно через від та із зі для на до".split()
) - {"на", "до", "для", "через", "може"}

_WORD = re.compile(r"[а-яёіїєґ'’ʼ]+", re.IGNORECASE)
_CYRILLIC = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)


def language_scores(text: str) -> tuple[float, float]:
    """Score the evidence for Russian and for Ukrainian in ``text``.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    tuple of float
        ``(ru, uk)``: one point per language-specific letter, three per
        language-specific function word.
    """
    lower = text.lower()
    ru = sum(lower.count(ch) for ch in RU_LETTERS)
    uk = sum(lower.count(ch) for ch in UK_LETTERS)
    for word in _WORD.findall(lower):
        if word in RU_WORDS:
            ru += 3
        elif word in UK_WORDS:
            uk += 3
    return float(ru), float(uk)


def detect_language(text: str, min_evidence: float = 2.0) -> str | None:
    """Detect whether ``text`` is Russian (``"ru"``) or Ukrainian (``"uk"``).

    Parameters
    ----------
    text : str
        A paragraph or a whole article.
    min_evidence : float, default 2.0
        The smallest lead one language must have over the other.

    Returns
    -------
    str or None
        ``"ru"``, ``"uk"``, or ``None`` when the text has no Cyrillic or the
        evidence is too thin (a name, a number, a short heading).

    Examples
    --------
    >>> detect_language("Генсек НАТО заявив, що Альянс готовий до діалогу.")
    'uk'
    >>> detect_language("Генсек НАТО заявил, что Альянс готов к диалогу.")
    'ru'
    """
    if not _CYRILLIC.search(text):
        return None
    ru, uk = language_scores(text)
    if uk - ru >= min_evidence:
        return "uk"
    if ru - uk >= min_evidence:
        return "ru"
    return None
