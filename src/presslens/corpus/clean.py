"""Separate an article's body from what the scraper left around it.

The cleaner works on lines, by the *shape* of boilerplate rather than the strings of
particular sites:

* vocabulary of prompts, navigation, comment widgets and captions in ru and uk
  (``resources/clean_vocabulary.json``), trusted more outside the body and on short lines;
* timestamps and the lists of related headlines they stamp;
* short lines without sentence punctuation before or after the body;
* lines repeated inside an article (a body pasted twice) or across a corpus.

Every removed line is recorded with its 1-based line number and a reason from
:data:`REASONS`, so that a user can audit what was dropped.

:func:`clean_text` runs the passes of ``_passes`` over an article; ``_classify`` gives the
reason of one line, ``_rules`` holds the vocabulary and the patterns; ``repeated`` finds the
lines repeated across a corpus.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd

from presslens.corpus._head import find_byline, find_published, find_title, mark_title_copies
from presslens.corpus._passes import (
    Article,
    mark_boilerplate,
    mark_comments,
    mark_foreign,
    mark_fragments,
    mark_inner,
    mark_outside_vocabulary,
    mark_related_lists,
    mark_repeats,
    mark_teasers,
)
from presslens.corpus._rules import strip_date_prefix, tidy
from presslens.corpus.lang import detect_language

REASONS: dict[str, str] = {
    "template": "an unrendered {{template}} placeholder",
    "ad": "an advertising label",
    "disclaimer": "an editorial disclaimer, a copyright line or a legally required label "
    "(иноагент)",
    "read-also": "a 'read also' / «Читайте також» link",
    "counter": "a stray number (views, comments, shares) or an exchange-rate/weather widget",
    "url": "a bare web address, image path or image markup",
    "punctuation": "a line of punctuation alone (a stray quotation mark, a separator)",
    "source": "a source credit (По материалам: …, Джерело: …)",
    "timestamp": "a line that is only a date or a time",
    "language switcher": "a language switcher such as 'UA / RU'",
    "section heading": "a site block's heading: in capitals ('ЕЩЕ ПО ТЕМЕ'), or a short line "
    "ending with a colon outside the body ('Теги новостей:')",
    "navigation": "site navigation and interface text ('Предыдущий материал', 'Leave a Reply')",
    "prompt": "a subscribe, donate or social-media prompt",
    "comments": "a comment widget or moderation notice",
    "caption": "a photo caption or credit",
    "related headline": "a headline in a list of related or latest news",
    "duplicate line": "a line repeated earlier in the article",
    "repeated body": "a paragraph whose sentences all appeared earlier (a body pasted twice)",
    "byline": "the author's name and job title (moved to `author`)",
    "title": "the headline (moved to `title`)",
    "repeated title": "the headline repeated or truncated (an image alt text)",
    "fragment": "a short line without sentence punctuation before or after the body",
    "subheading": "a short line without sentence punctuation inside the body (a subheading)",
    "repeated across corpus": "a line found in many articles of the same outlet",
    "foreign script": "a line in Latin script alone in an article in Cyrillic (an English "
    "list of headlines, an embedded post, a post's original under its translation)",
}

@dataclass(frozen=True)
class Removal:
    """One removed line: its 1-based number in the raw text, its text and the reason."""

    line: int
    text: str
    reason: str


@dataclass
class Cleaned:
    """The result of :func:`clean_text`.

    Attributes
    ----------
    text : str
        The body, one paragraph per line, lines joined by ``"\\n"``.
    lines : list of int
        For each paragraph of ``text``, its 1-based line number in the raw text.
    title, author : str or None
        The headline and the byline, when the text has them.
    published : pandas.Timestamp or None
        A full date stamped above the body (a publication date), when there is one.
    removed : list of Removal
        Every removed line, in line order.
    """

    text: str
    lines: list[int]
    title: str | None = None
    author: str | None = None
    published: pd.Timestamp | None = None
    removed: list[Removal] = field(default_factory=list)


def clean_text(raw: str, repeated: frozenset[str] = frozenset()) -> Cleaned:
    """Separate the body of one article from its boilerplate.

    Parameters
    ----------
    raw : str
        The article as scraped (any line endings).
    repeated : frozenset of str, optional
        Normalized lines that recur across the corpus (see
        :func:`~presslens.corpus.repeated_lines`); they are removed as
        ``"repeated across corpus"``.

    Returns
    -------
    Cleaned
        The clean text with the raw line number of each paragraph, the title,
        author and stamped publication date when found, and every removed line
        with its reason (one of :data:`REASONS`).

    Examples
    --------
    >>> c = clean_text("Реклама\\nГенсек НАТО заявил, что диалог возможен уже в январе.\\n7")
    >>> c.text
    'Генсек НАТО заявил, что диалог возможен уже в январе.'
    >>> [(r.line, r.reason) for r in c.removed]
    [(1, 'ad'), (3, 'counter')]
    """
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    stamp = strip_date_prefix(lines)
    art = Article.read(lines)
    mark_boilerplate(art, repeated)
    mark_foreign(art)
    mark_comments(art)
    mark_related_lists(art)
    mark_repeats(art)
    mark_outside_vocabulary(art)
    author = find_byline(art)
    title = find_title(art)
    published = find_published(art, stamp)
    mark_title_copies(art, title)
    mark_fragments(art)
    mark_inner(art)
    mark_teasers(art)
    return _cleaned(art, stamp, title, author, published)


def _cleaned(art: Article, stamp: tuple[int, str] | None, title: str | None,
             author: str | None, published: pd.Timestamp | None) -> Cleaned:
    """The :class:`Cleaned` result: the lines kept, and every line removed with its reason."""
    lines, reason = art.lines, art.reason
    body_lines = art.kept()
    return Cleaned(
        text="\n".join(tidy(lines[i]) for i in body_lines),
        lines=[i + 1 for i in body_lines],
        title=title,
        author=author,
        published=published,
        removed=sorted(
            [Removal(i + 1, lines[i].strip(), reason[i]) for i in reason]
            + ([Removal(stamp[0] + 1, stamp[1], "timestamp")] if stamp else []),
            key=lambda r: r.line,
        ),
    )


def removed_table(article: str, removed: Iterable[Removal]) -> pd.DataFrame:
    """Return the removed lines of one article as a tidy table.

    Returns
    -------
    pandas.DataFrame
        Columns ``article`` (id), ``line`` (1-based line in the raw file),
        ``text`` (the line as it was) and ``reason`` (a key of :data:`REASONS`).
    """
    rows = [(article, r.line, r.text, r.reason) for r in removed]
    return pd.DataFrame(rows, columns=REMOVED_COLUMNS)


#: The columns of :func:`removed_table` and of ``Corpus.removed``.
REMOVED_COLUMNS = ["article", "line", "text", "reason"]


PARAGRAPH_COLUMNS = ["article", "paragraph", "line", "start", "end", "text", "language", "foreign"]


def paragraphs(articles: pd.DataFrame) -> pd.DataFrame:
    """Split each article's clean text into paragraphs, with offsets and language.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles``: needs ``id``, ``text``, ``language`` and ``lines``.

    Returns
    -------
    pandas.DataFrame
        One row per paragraph, sorted by article and paragraph:

        - ``article``: the article id;
        - ``paragraph``: 0-based index within the article;
        - ``line``: 1-based line number in the raw file;
        - ``start``, ``end``: character offsets into the article's clean ``text``;
        - ``text``: the paragraph;
        - ``language``: ``"ru"``/``"uk"`` detected on the paragraph, else the article's;
        - ``foreign``: True when the paragraph's detected language differs from the
          article's (a Ukrainian line inside a Russian article).
    """
    rows = []
    for art in articles.itertuples(index=False):
        start = 0
        lines = list(getattr(art, "lines", None) or [])
        for k, para in enumerate(art.text.split("\n") if art.text else []):
            end = start + len(para)
            detected = detect_language(para)
            language = detected or art.language
            foreign = bool(detected and art.language and detected != art.language)
            line = lines[k] if k < len(lines) else None
            rows.append((art.id, k, line, start, end, para, language, foreign))
            start = end + 1
    frame = pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)
    frame["line"] = frame["line"].astype("Int64")
    return frame
