"""Summaries of a loaded corpus for the corpus notebook: sizes, removals, raw beside clean."""

from __future__ import annotations

import pandas as pd

from presslens.corpus.clean import REASONS, paragraphs
from presslens.corpus.load import Corpus


def overview(articles: pd.DataFrame) -> pd.DataFrame:
    """Summarise each article: where it comes from and how much cleaning kept.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles``.

    Returns
    -------
    pandas.DataFrame
        One row per article, sorted by ``published`` then ``id``: ``id``, ``outlet``,
        ``published`` (date), ``language``, ``n_paragraphs`` (in the clean text),
        ``n_chars_raw``, ``n_chars``, ``kept`` (share of characters kept, 0–1, two
        decimals) and ``n_removed`` (lines removed).
    """
    frame = articles[
        ["id", "outlet", "published", "language", "n_chars_raw", "n_chars", "n_removed"]
    ].copy()
    frame["published"] = frame["published"].dt.date
    frame["n_paragraphs"] = [len(t.split("\n")) if t else 0 for t in articles["text"]]
    frame["kept"] = (frame["n_chars"] / frame["n_chars_raw"].where(frame["n_chars_raw"] > 0)).round(
        2
    )
    columns = [
        "id",
        "outlet",
        "published",
        "language",
        "n_paragraphs",
        "n_chars_raw",
        "n_chars",
        "kept",
        "n_removed",
    ]
    return (
        frame[columns].sort_values(["published", "id"], na_position="last").reset_index(drop=True)
    )


def counts(articles: pd.DataFrame, column: str) -> pd.DataFrame:
    """Count articles by one column (``outlet``, ``language``, ``published`` …), unknowns included.

    Returns
    -------
    pandas.DataFrame
        ``<column>`` (with ``"(unknown)"`` for missing values) and ``articles``, sorted by
        the column's value.
    """
    values = articles[column]
    if column == "published":
        values = values.dt.strftime("%Y-%m-%d")
    values = values.astype(object).where(values.notna(), "(unknown)")
    table = values.value_counts().rename_axis(column).reset_index(name="articles")
    return table.sort_values(column).reset_index(drop=True)


def removed_by_reason(removed: pd.DataFrame) -> pd.DataFrame:
    """Count the removed lines of each article by reason, as a wide table for reading.

    Returns
    -------
    pandas.DataFrame
        Index ``reason`` (every reason that occurs, in the order of
        :data:`presslens.corpus.clean.REASONS`), one column per article id, and ``total``.
    """
    table = removed.pivot_table(
        index="reason", columns="article", values="line", aggfunc="count", fill_value=0
    )
    order = [r for r in REASONS if r in table.index]
    table = table.loc[order]
    table["total"] = table.sum(axis=1)
    table.columns.name = None
    return table


def line_audit(corpus: Corpus, article: str) -> pd.DataFrame:
    """Show one article's raw lines beside what the cleaner did with each.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    article : str
        The article id.

    Returns
    -------
    pandas.DataFrame
        One row per non-blank raw line: ``line`` (1-based), ``raw`` (the line),
        ``kept`` (bool), ``reason`` (why it was removed; empty when kept) and
        ``paragraph`` (its index in the clean text, or null when removed).
    """
    row = corpus.articles.set_index("id").loc[article]
    reasons = corpus.removed[corpus.removed["article"] == article].set_index("line")["reason"]
    para_of = {line: k for k, line in enumerate(row["lines"])}
    lines = row["raw"].replace("\r\n", "\n").replace("\r", "\n").split("\n")
    rows = [
        (n, text.strip(), n not in reasons.index, reasons.get(n, ""), para_of.get(n))
        for n, text in enumerate(lines, start=1)
        if text.strip()
    ]
    frame = pd.DataFrame(rows, columns=["line", "raw", "kept", "reason", "paragraph"])
    frame["paragraph"] = frame["paragraph"].astype("Int64")
    return frame


def foreign_paragraphs(articles: pd.DataFrame) -> pd.DataFrame:
    """List the paragraphs written in another language than their article.

    Returns
    -------
    pandas.DataFrame
        The rows of :func:`presslens.corpus.paragraphs` whose ``foreign`` is True, with the
        article's language added as ``article_language``.
    """
    paras = paragraphs(articles)
    lang = articles.set_index("id")["language"]
    found = paras[paras["foreign"]].copy()
    found["article_language"] = found["article"].map(lang)
    return found.reset_index(drop=True)
