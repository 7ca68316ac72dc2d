"""The one registry of language resources: every shipped file is listed, read by format."""

from __future__ import annotations

import pytest

from presslens.lexicon import RESOURCES, read_json, read_rows, read_words
from presslens.paths import resource


def test_every_resource_file_is_listed_and_every_listed_file_ships():
    shipped = {p.name for p in resource(".").iterdir() if p.is_file()}
    assert shipped == set(RESOURCES)


@pytest.mark.parametrize(
    ("read", "name", "holds"),
    [
        (read_words, "topics_stopwords.txt", "заявить"),
        (read_words, "speakers_media.txt", "ТАСС"),
        (lambda n: [r["surname"] for r in read_rows(n)], "speakers_names.csv", "Столтенберг"),
        (lambda n: [r["uk"] for r in read_rows(n)], "similarity_bridge_uk_ru.csv", "зустріч"),
        (lambda n: list(read_json(n)), "statements_cues.json", "uk"),
    ],
)
def test_each_reader_gives_entries_without_comments(read, name, holds):
    entries = list(read(name))
    assert holds in entries
    assert not any(str(e).startswith("#") for e in entries)
