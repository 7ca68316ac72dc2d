"""The corpus as presslens holds it: :class:`Corpus`, its tables' columns and its error."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
TABLE_SUFFIXES = (".jsonl", ".csv")

ARTICLE_COLUMNS = [
    "id",
    "path",
    "outlet",
    "url",
    "published",
    "language",
    "title",
    "author",
    "text",
    "raw",
    "n_removed",
    "published_basis",
    "encoding",
    "n_chars_raw",
    "n_chars",
    "duplicate_of",
    "lines",
]
SKIPPED_COLUMNS = ["path", "line", "reason"]
PROBLEM_COLUMNS = ["path", "line", "problem", "action"]
DUPLICATE_COLUMNS = ["id", "duplicate_of", "path"]


class CorpusError(Exception):
    """The corpus path does not exist or holds no readable article."""


@dataclass
class Corpus:
    """A loaded corpus: the articles and the reports about what was dropped or doubtful.

    Attributes
    ----------
    root : pathlib.Path
        The folder or file that was loaded.
    articles : pandas.DataFrame
        One row per article, sorted by ``id``:

        - ``id``: the file stem (``<stem>-<row>`` for rows of a .jsonl/.csv file
          without an ``id`` column);
        - ``path``: the file, relative to ``root``;
        - ``outlet``, ``url``: from metadata, else the page (HTML) or the URL's host, else null;
        - ``published``: datetime64, from metadata, else the page, else a date stamped
          above the body; NaT when unknown;
        - ``language``: ``"ru"``/``"uk"``, from metadata, else detected; null if neither;
        - ``title``, ``author``: from metadata, else found by the cleaner; null if none;
        - ``text``: the clean body, one paragraph per line;
        - ``raw``: the text untouched (for HTML, the page);
        - ``n_removed``: how many lines the cleaner removed;
        - ``published_basis``: ``"metadata"``, ``"page"``, ``"text"`` or null;
        - ``encoding``: the encoding the file was read with;
        - ``n_chars_raw``, ``n_chars``: lengths of ``raw`` and ``text``;
        - ``duplicate_of``: the id of an earlier article with the same raw text, else null;
        - ``lines``: the raw line number of each paragraph of ``text``.
    removed : pandas.DataFrame
        Every removed line: ``article``, ``line``, ``text``, ``reason``
        (see :data:`presslens.corpus.clean.REASONS`).
    skipped : pandas.DataFrame
        Input that could not be read: ``path``, ``line`` (for a row of a table file,
        else null), ``reason``.
    problems : pandas.DataFrame
        Doubtful input that was still handled: ``path``, ``line``, ``problem``, ``action``.
    duplicates : pandas.DataFrame
        Articles whose raw text repeats an earlier one: ``id``, ``duplicate_of``, ``path``.
    """

    root: Path
    articles: pd.DataFrame
    removed: pd.DataFrame
    skipped: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=SKIPPED_COLUMNS))
    problems: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PROBLEM_COLUMNS))
    duplicates: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=DUPLICATE_COLUMNS)
    )
