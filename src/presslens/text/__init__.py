"""Stage 2, the text: words, sentences, lemmas (ru/uk, pymorphy3) and lemma TF-IDF.

``_razdel`` (razdel's tokens with offsets) → ``nlp`` (tokens, stop words, lemmas, the lemma
cache) and ``_morph`` (the morphological tags later stages ask about) → ``vectorize`` (units,
the ru↔uk bridge, :class:`LemmaVectorizer`).
"""

from presslens.text.nlp import (
    STOP_WORDS,
    Token,
    lemma,
    lemmatize,
    load_lemma_cache,
    normalize_word,
    save_lemma_cache,
    sentences,
    tokenize,
)
from presslens.text.vectorize import LemmaVectorizer, bridge_form, split_units

__all__ = ["STOP_WORDS", "LemmaVectorizer", "Token", "bridge_form", "lemma", "lemmatize",
           "load_lemma_cache", "normalize_word", "save_lemma_cache", "sentences", "split_units",
           "tokenize"]
