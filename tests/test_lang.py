import pytest

from presslens.corpus.lang import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Міністр заявив, що переговори тривають, але прориву не буде.", "uk"),
        ("Министр заявил, что переговоры продолжаются, но прорыва не будет.", "ru"),
        ("Єнс Столтенберг наголосив: Альянс не відмовиться від своїх принципів.", "uk"),
        ("Это всё, что известно на сегодня.", "ru"),
        ("Він сказав це вчора.", "uk"),
        ("Она сказала это вчера.", "ru"),
        ("НАТО", None),  # an acronym says nothing
        ("Financial Times, CNN, 2022", None),  # no Cyrillic at all
        ("", None),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected
