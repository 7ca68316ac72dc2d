"""presslens.text._razdel applies razdel's token rules in one pass: same spans as razdel."""

import random

import pytest
import razdel

from presslens.text._razdel import token_spans


def _razdel(text: str) -> list[tuple[int, int]]:
    return [(t.start, t.stop) for t in razdel.tokenize(text)]


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("Он сказал: «Нет».", ["Он", "сказал", ":", "«", "Нет", "»", "."]),
        ("что-то и кое-где", ["что-то", "и", "кое-где"]),
        ("Росія–НАТО, м'ясо", ["Росія–НАТО", ",", "м", "'", "ясо"]),
        ("ставка 7,5% и 1/2 доли", ["ставка", "7,5", "%", "и", "1/2", "доли"]),
        ("Ну... Как?! Так :)", ["Ну", "...", "Как", "?!", "Так", ":)"]),
        ("snake_case и Yahoo!", ["snake_case", "и", "Yahoo!"]),
        ("15.12.2021 о 10:00", ["15.12.2021", "о", "10", ":", "00"]),
        ("Україна — ЄС", ["Україна", "—", "ЄС"]),
        ("abcабв x2", ["abc", "абв", "x", "2"]),
        ("", []),
    ],
)
def test_tokens_as_razdel_gives_them(text, tokens):
    spans = token_spans(text)
    assert [text[a:b] for a, b in spans] == tokens
    assert spans == _razdel(text)


def test_random_mixtures_match_razdel():
    alphabet = list("аЯёіїєґaZ19.,!?…:;()«»\"'’-—–_/\\*=%№ \n") + ["yahoo", ":-)", "--"]
    rnd = random.Random(7)
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 30))) for _ in range(3000)]
    mismatched = [t for t in texts if token_spans(t) != _razdel(t)]
    assert mismatched == []
