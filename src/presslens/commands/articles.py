"""``presslens articles DIR``: one record per article, with what the cleaner removed."""

from __future__ import annotations

import argparse

from presslens.commands._common import add_corpus_argument, load_or_fail, write_frame

COLUMNS = [
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
    "removed",
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
    columns = (
        COLUMNS
        if args.format != "table"
        else [
            "id",
            "outlet",
            "published",
            "language",
            "n_chars_raw",
            "n_chars",
            "n_removed",
            "title",
        ]
    )
    write_frame(frame[columns], args.format)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``articles`` sub-command."""
    parser = subparsers.add_parser(
        "articles",
        help="list the articles of a corpus, cleaned, with what was removed",
        description=(
            "Load and clean every article under DIR and print one record per article: "
            "id, path, outlet, url, published (YYYY-MM-DD), language, title, author, the clean "
            "text, the raw text, n_removed and removed (a list of {line, text, reason}). "
            "The table format shows a summary. Unreadable files are skipped with a warning "
            "on stderr; a missing or empty DIR exits with code 2."
        ),
    )
    add_corpus_argument(parser)
    parser.set_defaults(func=run)
