"""The language resources presslens ships, listed and read in one place.

Every word list, table and pattern file of ``presslens/resources/`` is named in
:data:`RESOURCES` with the stage that reads it, and read through :func:`read_json`,
:func:`read_words` or :func:`read_rows`: one reader per format, each file parsed once per
process. To change what a stage knows (a reporting verb, a month's spelling, a boilerplate
phrase), edit the file, not the code.
"""

from __future__ import annotations

import csv
import json
from functools import cache

from presslens.paths import resource

__all__ = ["RESOURCES", "read_json", "read_rows", "read_words"]

#: Every resource file and what reads it.
RESOURCES = {
    "clean_vocabulary.json": "corpus._rules: menus, prompts, bylines and captions to remove",
    "nlp_stopwords_extra.txt": "text.stopwords: stop words added to stopwordsiso's",
    "nlp_stopwords_keep.txt": "text.stopwords: words of news content kept although lists stop them",
    "similarity_bridge_uk_ru.csv": "text.bridge: Ukrainian → Russian lemmas of the ru↔uk bridge",
    "dates_words.json": "dates: months, weekdays, seasons, relative days and periods (ru/uk)",
    "statements_quotes.json": "statements.quotes: quotation mark pairs, title words",
    "statements_cues.json": "statements.cues: reporting verbs and nouns (ru/uk)",
    "speakers_roles.json": "statements.wordlists: role nouns (министр, речник …) and their forms",
    "speakers_media.txt": "statements.wordlists: media and organisations that are not people",
    "speakers_names.csv": "statements.names: English spellings of well-known people",
    "topics_stopwords.txt": "findings.topicunits: lemmas every news story uses",
}


@cache
def read_json(name: str) -> dict:
    """Return the JSON resource ``name``, parsed (cached: do not change the result)."""
    return json.loads(resource(name).read_text(encoding="utf-8"))


@cache
def read_words(name: str) -> tuple[str, ...]:
    """Return the entries of a one-per-line resource: ``#`` starts a comment, blanks are skipped."""
    lines = (line.split("#", 1)[0].strip()
             for line in resource(name).read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line)


@cache
def read_rows(name: str) -> tuple[dict[str, str], ...]:
    """Return the rows of a CSV resource as dicts; lines starting with ``#`` and blanks skipped."""
    lines = [line for line in resource(name).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    return tuple(csv.DictReader(lines))
