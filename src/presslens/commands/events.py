"""``presslens events DIR``: every dated mention, resolved to calendar days."""

from __future__ import annotations

import argparse

from presslens.commands._common import add_command, stored_or_computed, write_frame

#: The fields of the contract, in order.
COLUMNS = ["article", "text", "start", "end", "sentence", "basis"]
#: The columns of the index's events table the contract is made from.
STORED = ["article", "text", "date_start", "date_end", "sentence", "basis", "start"]


def _events(corpus):
    """The dated mentions of a loaded corpus."""
    from presslens.findings import events
    from presslens.statements.extract import statements

    # inside a quotation, a relative date is read from the day the words were said
    return events(corpus.articles, statements(corpus.articles, link=False))


def run(args: argparse.Namespace) -> int:
    """Print every dated mention of the corpus in the chosen format."""
    # an index's events were found as below, partition by partition
    found, code = stored_or_computed(
        args.corpus, "events", lambda index: index.table("events", STORED), _events
    )
    if found is None:
        return code
    # the contract's start/end are the first and last day, not character offsets
    frame = found.assign(start=found["date_start"], end=found["date_end"])[COLUMNS]
    write_frame(frame, args.format)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``events`` sub-command."""
    add_command(
        subparsers,
        "events",
        run,
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
