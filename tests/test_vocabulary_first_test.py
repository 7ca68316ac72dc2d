"""The cleaner's fast first test of a line against its gated vocabulary: the strings every
match needs, read from each pattern, and the same hits with the test as without it."""

from collections import Counter

import pytest

from presslens.corpus._classify import vocabulary_hits
from presslens.corpus._literals import required_literals, triggers
from presslens.corpus._rules import _VOCAB, GATED_ALL, GATED_TRIGGERS


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        # a literal run, the longest of those a match needs
        (r"\bподпис(?:ывайтесь|ка)\b", {"подпис"}),
        # a choice at the top: one of its branches
        (r"^\s*(фото|photo)\b", {"фото", "photo"}),
        # the most selective of several required parts
        (r"(оставить|написать)\s+(комментари|коментар)\w*", {"оставить", "написать"}),
        # a character set of plain characters, and an item repeated at least once
        (r"^\s*[←⟵]", {"←", "⟵"}),
        (r"(?:ab)+x", {"ab"}),
        # lower-cased: lines are searched lower-cased
        (r"Telegram", {"telegram"}),
        # nothing fixed: no first test
        (r"\d+\s*\w*", None),
        (r"(?:слово)?\s+", None),
        (r"[^а-я]+", None),
    ],
)
def test_required_literals(pattern, expected):
    found = required_literals(pattern)
    assert (None if found is None else set(found)) == expected


def test_every_gated_pattern_has_a_first_test():
    """A change in the standard library's parser switches the first test off; say so."""
    assert GATED_TRIGGERS is not None
    assert triggers(p for pats in _VOCAB["gated"].values() for p in pats) == GATED_TRIGGERS
    assert triggers([r"\d+"]) is None


@pytest.mark.parametrize(
    "line",
    [
        "Подписывайтесь на наш Telegram-канал, чтобы первыми узнавать новости",
        "Підписуйтесь на нашу сторінку у Facebook",
        "Фото: пресс-служба городского совета",
        "Читать все комментарии (12)",
        "Залиште коментар",
        "← Предыдущая статья",
        "Следующая статья →",
        "© 2025 Все права защищены",
        "Мэр города рассказал о ремонте дорог в этом году.",
        "Президент провів зустріч із прем'єр-міністром у Києві.",
        "",
    ],
)
def test_the_first_test_keeps_every_hit(line):
    lower = line.lower()
    full = Counter(m.lastgroup.replace("_", "-") for m in GATED_ALL.finditer(lower))
    assert vocabulary_hits(lower) == full
    if full:
        assert any(t in lower for t in GATED_TRIGGERS)

