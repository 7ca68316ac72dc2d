"""Stage 2, the text: words, sentences, lemmas (ru/uk, pymorphy3) and lemma TF-IDF.

``tokens`` (tokens and sentences, razdel's rules applied by ``_razdel``) → ``stopwords`` →
``lemmas`` (content lemmas, one analysis per word form) → ``lemma_cache`` (those lemmas kept in a
Parquet file); ``_morph`` (the morphological tags later stages ask about); ``units`` (articles,
paragraphs or sentences) and ``bridge`` (the ru↔uk spelling) → ``vectorize``
(:class:`LemmaVectorizer`).
"""

from presslens.text.bridge import bridge_form
from presslens.text.lemma_cache import load_lemma_cache, save_lemma_cache
from presslens.text.lemmas import lemma, lemmatize
from presslens.text.stopwords import STOP_WORDS
from presslens.text.tokens import Token, normalize_word, sentences, tokenize
from presslens.text.units import split_units
from presslens.text.vectorize import LemmaVectorizer

__all__ = ["STOP_WORDS", "LemmaVectorizer", "Token", "bridge_form", "lemma", "lemmatize",
           "load_lemma_cache", "normalize_word", "save_lemma_cache", "sentences", "split_units",
           "tokenize"]
