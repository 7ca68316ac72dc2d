"""Lines repeated across many articles of one outlet: the site's boilerplate.

:func:`repeated_lines` finds them in one pass; the engine counts the lines partition by
partition with :func:`count_lines` and sums the counts into :func:`frequent_lines`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from presslens.corpus._rules import n_words, normalize_line

#: Lines longer than this many words are never boilerplate: reprinted paragraphs must survive.
MAX_WORDS = 25
#: A line is boilerplate in at least this many articles of one outlet ...
MIN_ARTICLES = 3
#: ... and in at least this share of them.
MIN_SHARE = 0.2


def count_lines(
    texts: Iterable[str], groups: Iterable[object], max_words: int = MAX_WORDS
) -> tuple[dict[object, Counter[str]], Counter[object]]:
    """Count the articles each short line appears in, per outlet.

    Parameters
    ----------
    texts : iterable of str
        The raw articles.
    groups : iterable
        The outlet of each article (None for unknown).
    max_words : int, default 25
        Longer lines are not counted.

    Returns
    -------
    tuple
        ``(counts, sizes)``: for each outlet, the number of its articles each normalized line
        (see :func:`presslens.corpus._rules.normalize_line`) appears in; and the number of its
        articles.
    """
    counts: dict[object, Counter[str]] = {}
    sizes: Counter[object] = Counter()
    for text, group in zip(texts, groups, strict=False):
        sizes[group] += 1
        norms = {
            normalize_line(line)
            for line in text.splitlines()
            if line.strip() and n_words(line) <= max_words
        }
        counts.setdefault(group, Counter()).update(norms)
    return counts, sizes


def frequent_lines(
    counts: dict[object, Counter[str]],
    sizes: Counter[object],
    min_articles: int = MIN_ARTICLES,
    min_share: float = MIN_SHARE,
) -> frozenset[str]:
    """Return the lines counted in enough articles of one outlet (see :func:`count_lines`)."""
    return frozenset(
        norm
        for group, counter in counts.items()
        for norm, n in counter.items()
        if norm and n >= min_articles and n >= min_share * sizes[group]
    )


def repeated_lines(
    texts: Iterable[str],
    groups: Iterable[object] | None = None,
    min_articles: int = MIN_ARTICLES,
    min_share: float = MIN_SHARE,
    max_words: int = MAX_WORDS,
) -> frozenset[str]:
    """Find lines that recur across many articles of the same outlet: site boilerplate.

    Parameters
    ----------
    texts : iterable of str
        The raw articles.
    groups : iterable, optional
        The outlet of each article (None for unknown); lines are counted per outlet.
    min_articles : int, default 3
        A line must appear in at least this many articles of one outlet ...
    min_share : float, default 0.2
        ... and in at least this share of them.
    max_words : int, default 25
        Longer lines are never boilerplate: reprinted paragraphs must survive.

    Returns
    -------
    frozenset of str
        Normalized lines (see :func:`presslens.corpus._rules.normalize_line`).
    """
    groups = groups if groups is not None else iter(lambda: None, 0)
    counts, sizes = count_lines(texts, groups, max_words)
    return frequent_lines(counts, sizes, min_articles, min_share)
