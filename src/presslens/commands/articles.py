"""``presslens articles DIR``: one record per article, with what the cleaner removed."""

from __future__ import annotations

import argparse

from presslens.commands._common import add_command, load_or_fail, write_frame
from presslens.corpus.model import ARTICLE_COLUMNS

#: The fields of the contract: the article's columns up to ``n_removed``, then ``removed``.
COLUMNS = [*ARTICLE_COLUMNS[: ARTICLE_COLUMNS.index("n_removed") + 1], "removed"]
#: The summary the table format shows.
TABLE_COLUMNS = [
    "id",
    "outlet",
    "published",
    "language",
    "n_chars_raw",
    "n_chars",
    "n_removed",
    "title",
]


def run(args: argparse.Namespace) -> int:
    """Print the corpus's articles in the chosen format."""
    corpus, code = load_or_fail(args.corpus)
    if corpus is None:
        return code
    frame = corpus.articles.copy()
    by_article = {
        art: [{"line": int(r.line), "text": r.text, "reason": r.reason} for r in grp.itertuples()]
        for art, grp in corpus.removed.groupby("article", sort=True)
    }
    frame["removed"] = [by_article.get(art, []) for art in frame["id"]]
    columns = COLUMNS if args.format != "table" else TABLE_COLUMNS
    write_frame(frame[columns], args.format)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``articles`` sub-command."""
    add_command(
        subparsers,
        "articles",
        run,
        help="list the articles of a corpus, cleaned, with what was removed",
        description=(
            "Load and clean every article under DIR and print one record per article: "
            "id, path, outlet, url, published (YYYY-MM-DD), language, title, author, the clean "
            "text, the raw text, n_removed and removed (a list of {line, text, reason}). "
            "The table format shows a summary. Unreadable files are skipped with a warning "
            "on stderr; a missing or empty DIR exits with code 2."
        ),
    )
