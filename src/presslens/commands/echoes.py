"""``presslens echoes DIR|INDEX``: which outlet carried a statement or passage after another."""

from __future__ import annotations

import argparse

from presslens.commands._common import add_command, stored_or_computed, write_frame

#: What ``--table`` can print.
TABLES = ("echoes", "summary", "carriers", "drift")


def _found(path: str):
    """``(echoes, statements)`` of an index or a folder, or ``(None, exit code)``."""
    found, code = stored_or_computed(
        path, "echoes", _stored, _computed, errors=(ValueError, KeyError)
    )
    return (None, code) if found is None else found


def _stored(index):
    """The echoes an index stored, with its statements' quotations."""
    return index.table("echoes"), index.table("statements", ["article", "start", "quote"])


def _computed(corpus):
    """The echoes of a loaded corpus, with its statements."""
    from presslens.findings import echoes
    from presslens.statements.extract import statements

    found = statements(corpus.articles)
    return echoes(corpus.articles, found), found


def run(args: argparse.Namespace) -> int:
    """Print the echoes (or one of their views) in the chosen format."""
    from presslens.findings import carriers, drift_table, echo_summary
    from presslens.findings.echoes import ECHO_COLUMNS

    found, extra = _found(args.corpus)
    if found is None:
        return extra
    if args.table == "summary":
        frame = echo_summary(found)
    elif args.table == "carriers":
        frame = carriers(found)
    elif args.table == "drift":
        frame = drift_table(found, extra)
    else:
        frame = found[ECHO_COLUMNS]
    frame = frame.astype(object).where(frame.notna(), None)
    write_frame(frame, args.format)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``echoes`` sub-command."""
    parser = add_command(
        subparsers,
        "echoes",
        run,
        help="list which outlets carried a statement or passage after another outlet had",
        description=(
            "One record per outlet that carried a statement (the same utterance: a cluster) "
            "or a passage (a paragraph reprinted or translated) after another outlet had: "
            "kind (statement|passage), key (the cluster id, or the first carrier's "
            "article#paragraph), source_article, source_outlet, source_published, "
            "source_start, source_end (the first carrier), article, outlet, published, start, "
            "end (the later one), lag_days (null when a date is missing), tie (true when both "
            "came out the same day: no direction is claimed), language_changed (a "
            "translation), score (0-1, how close the texts are) and drift (for a statement in "
            "the same language: words dropped -, added + or changed ~ against the first "
            "carrier's quotation). An echo is an order in time, not proof of copying. "
            "--table summary counts, for every two outlets, how often the second followed the "
            "first, with the median lag; --table carriers lists each first carrier and its "
            "followers; --table drift lists every word-level change. DIR may be an INDEX."
        ),
    )
    parser.add_argument("--table", choices=TABLES, default="echoes",
                        help="what to print (default: echoes, one row per later outlet)")
