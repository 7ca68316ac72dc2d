"""``presslens statements DIR``: who said what, when, and who reported it."""

from __future__ import annotations

import argparse

from presslens.commands._common import add_command, stored_or_computed, write_frame
from presslens.statements.extract import STATEMENT_COLUMNS as COLUMNS


def _statements(corpus):
    """The statements of a loaded corpus, in the contract's columns."""
    from presslens.statements.extract import statements

    return statements(corpus.articles)[COLUMNS]


def run(args: argparse.Namespace) -> int:
    """Print every statement of the corpus in the chosen format."""
    # an index's statements carry the speakers and clusters of the whole corpus
    frame, code = stored_or_computed(
        args.corpus, "statements", lambda index: index.table("statements", COLUMNS), _statements
    )
    if frame is None:
        return code
    frame = frame.astype({"speaker_mention": object, "role": object, "cue": object})
    frame = frame.where(frame.notna(), None)
    write_frame(frame, args.format)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``statements`` sub-command."""
    add_command(
        subparsers,
        "statements",
        run,
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
