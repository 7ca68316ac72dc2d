"""Stage 1, the corpus: read files in any encoding, attach metadata, clean, detect the language.

``decode`` (bytes to text) → ``sources`` (the files of a corpus, read) → ``metadata``
(metadata.csv, dates) → ``lang`` (ru/uk) → ``clean`` (the body, with every removed line and
why: the passes of ``_passes``, the reasons of one line in ``_classify``, the vocabulary and
patterns in ``_rules``; ``repeated`` finds the lines repeated across an outlet) → ``load`` (a
folder, file or index to a :class:`Corpus`); ``model`` holds the :class:`Corpus` and its
columns, ``index`` reads and writes an on-disk index (Parquet, npz, JSON), ``overview``
summarises a loaded corpus.
"""

from presslens.corpus.clean import REASONS, clean_text, paragraphs
from presslens.corpus.decode import UndecodableError, decode_bytes
from presslens.corpus.index import Index, is_index, open_index, read_corpus
from presslens.corpus.lang import detect_language
from presslens.corpus.load import load_articles, load_corpus
from presslens.corpus.metadata import read_metadata
from presslens.corpus.model import ARTICLE_COLUMNS, Corpus, CorpusError
from presslens.corpus.overview import (
    counts,
    foreign_paragraphs,
    line_audit,
    overview,
    removed_by_reason,
)
from presslens.corpus.repeated import repeated_lines

__all__ = ["ARTICLE_COLUMNS", "REASONS", "Corpus", "CorpusError", "Index", "UndecodableError",
           "clean_text", "counts", "decode_bytes", "detect_language", "foreign_paragraphs",
           "is_index", "line_audit",
           "load_articles", "load_corpus", "open_index", "overview", "paragraphs", "read_corpus",
           "read_metadata", "removed_by_reason", "repeated_lines"]
