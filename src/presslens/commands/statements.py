"""``presslens statements DIR``: who said what, when, and who reported it."""

from __future__ import annotations

import argparse

from presslens.commands._common import (
    add_corpus_argument,
    fail,
    linked_index,
    load_or_fail,
    write_frame,
)
from presslens.statements.extract import STATEMENT_COLUMNS as COLUMNS


def run(args: argparse.Namespace) -> int:
    """Print every statement of the corpus in the chosen format."""
    from presslens.statements.extract import statements

    index = linked_index(args.corpus, "statements")
    if index is not None:  # the index's statements: speakers and clusters of the corpus
        try:
            frame = index.table("statements", COLUMNS)
        except ValueError as exc:  # a damaged table: one line
            return fail(str(exc))
    else:
        corpus, code = load_or_fail(args.corpus)
        if corpus is None:
            return code
        frame = statements(corpus.articles)[COLUMNS]
    frame = frame.astype({"speaker_mention": object, "role": object, "cue": object})
    frame = frame.where(frame.notna(), None)
    write_frame(frame, args.format)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``statements`` sub-command."""
    parser = subparsers.add_parser(
        "statements",
        help="list quotations and reported speech with speaker, cue and day said",
        description=(
            "Find every statement (direct quotation or reported speech) in the articles under "
            "DIR and print one record per statement: article, speaker (canonical Latin name "
            "or 'unknown'), speaker_mention (as written), role, cue (the reporting verb), "
            "quote, kind (direct/indirect), said_on (YYYY-MM-DD or null), said_on_basis, "
            "cluster (shared by statements reporting the same utterance), start and end "
            "(offsets into the article's clean text). Given an INDEX (presslens index), the "
            "statements it stored are printed, with the corpus's speakers and clusters."
        ),
    )
    add_corpus_argument(parser)
    parser.set_defaults(func=run)
