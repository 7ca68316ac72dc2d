"""``presslens events DIR``: every dated mention, resolved to calendar days."""

from __future__ import annotations

import argparse

from presslens.commands._common import (
    add_corpus_argument,
    fail,
    linked_index,
    load_or_fail,
    write_frame,
)

#: The fields of the contract, in order.
COLUMNS = ["article", "text", "start", "end", "sentence", "basis"]


def run(args: argparse.Namespace) -> int:
    """Print every dated mention of the corpus in the chosen format."""
    from presslens.findings.timeline import events
    from presslens.statements.extract import statements

    index = linked_index(args.corpus, "events")
    if index is not None:  # the index's events, found as below, partition by partition
        try:
            found = index.table("events", ["article", "text", "date_start", "date_end",
                                           "sentence", "basis", "start"])
        except ValueError as exc:  # a damaged table: one line
            return fail(str(exc))
    else:
        corpus, code = load_or_fail(args.corpus)
        if corpus is None:
            return code
        # inside a quotation, a relative date is read from the day the words were said
        found = events(corpus.articles, statements(corpus.articles, link=False))
    # the contract's start/end are the first and last day, not character offsets
    frame = found.assign(start=found["date_start"], end=found["date_end"])[COLUMNS]
    write_frame(frame, args.format)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``events`` sub-command."""
    parser = subparsers.add_parser(
        "events",
        help="list dated mentions resolved against the publication date",
        description=(
            "Find every date phrase in the articles under DIR (12 января, 10-13 января, "
            "15 грудня, в воскресенье, сегодня, на следующей неделе, в декабре, 1975 года) "
            "and print one record per phrase: article, text (as written), start and end "
            "(the first and last day, YYYY-MM-DD, equal for one day; null when it cannot be "
            "resolved), sentence, and basis (what the date was resolved from: the publication "
            "date, or, inside a quotation, the day it was said)."
        ),
    )
    add_corpus_argument(parser)
    parser.set_defaults(func=run)
