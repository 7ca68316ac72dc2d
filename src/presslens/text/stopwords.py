"""Stop words of Russian and Ukrainian, read once when the module is imported.

The union of two maintained lists for both languages (``stopwordsiso`` and ``stop_words``),
minus the news content words those lists happen to contain (Россия, война, страна …;
``resources/nlp_stopwords_keep.txt``), plus a handful of prepositions both lists miss (щодо,
относительно …; ``resources/nlp_stopwords_extra.txt``).
"""

from __future__ import annotations

from presslens.lexicon import read_words
from presslens.text.tokens import normalize_word

__all__ = ["STOP_WORDS"]


def _read_list(name: str) -> frozenset[str]:
    """The normalised words of one word list of the lexicon."""
    return frozenset(normalize_word(line) for line in read_words(name))


def _load_stop_words() -> frozenset[str]:
    """Both maintained lists for both languages, plus the extra words, minus the kept ones."""
    import stop_words
    import stopwordsiso

    words: set[str] = set()
    for code, name in (("ru", "russian"), ("uk", "ukrainian")):
        words.update(stopwordsiso.stopwords(code))
        words.update(stop_words.get_stop_words(name))
    extra = _read_list("nlp_stopwords_extra.txt")
    keep = _read_list("nlp_stopwords_keep.txt")
    return (frozenset(normalize_word(w) for w in words if w.strip()) | extra) - keep


#: Stop words of Russian and Ukrainian (normalised with :func:`normalize_word`).
STOP_WORDS: frozenset[str] = _load_stop_words()
