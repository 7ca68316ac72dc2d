"""Names in Latin letters: Ukrainian by the national standard, Russian as English news spells it."""

from __future__ import annotations

import pytest

from presslens.statements.names import transliterate


@pytest.mark.parametrize(
    ("name", "language", "latin"),
    [
        # Ukrainian, KMU 2010: every apostrophe alike, зг as zgh, capitals kept whole
        ("В'ячеслав Кириленко", "uk", "Viacheslav Kyrylenko"),
        ("Вʼячеслав Кириленко", "uk", "Viacheslav Kyrylenko"),
        ("В’ячеслав Кириленко", "uk", "Viacheslav Kyrylenko"),
        ("Остап Згурський", "uk", "Ostap Zghurskyi"),
        ("ЗІНЧЕНКО", "uk", "ZINCHENKO"),
        ("Юлія Свириденко", "uk", "Yuliia Svyrydenko"),
        # Russian, as English-language news spells it
        ("Сергей Рябков", "ru", "Sergey Ryabkov"),
        ("Алексей Навальный", "ru", "Aleksey Navalny"),
        ("Елена Ефимова", "ru", "Elena Efimova"),
        ("Григорий Щукин", "ru", "Grigoriy Shchukin"),
        # no language given: і/ї/є/ґ mean Ukrainian, anything else Russian
        ("Сергій Рябков", None, "Serhii Riabkov"),
        ("Ольга Зинченко", None, "Olga Zinchenko"),
    ],
)
def test_names_are_written_in_latin_letters_by_their_language(name, language, latin):
    assert transliterate(name, language) == latin
