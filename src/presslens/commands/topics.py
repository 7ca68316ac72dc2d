"""``presslens topics DIR``: what a corpus is about, topic by topic."""

from __future__ import annotations

import argparse

from presslens.commands._common import add_command, fail, load_or_fail, write_frame

TABLES = ("topics", "selection", "outlets", "dates", "passages", "weights")


def _k(value: str) -> int | str:
    if value == "auto":
        return value
    try:
        k = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number or 'auto', not {value!r}"
        ) from None
    if k < 1:
        raise argparse.ArgumentTypeError("the number of topics must be at least 1")
    return k


def run(args: argparse.Namespace) -> int:
    """Fit the topic model and print the chosen table."""
    from presslens.findings import fit_topics, select_k, topic_units

    corpus, code = load_or_fail(args.corpus)
    if corpus is None:
        return code
    units = topic_units(corpus.articles)
    if len(units) < 3:
        return fail(f"only {len(units)} paragraph(s) with content: too few for topics")
    try:
        if args.table == "selection":
            write_frame(select_k(units, method=args.method), args.format)
            return 0
        model, _ = fit_topics(units, args.k, method=args.method)
    except ValueError as exc:
        return fail(str(exc))
    if args.table == "topics":
        frame = model.summary()
    elif args.table == "outlets":
        frame = model.shares("outlet")
    elif args.table == "dates":
        frame = model.shares("date")
    elif args.table == "passages":
        frame = model.representative(args.passages)
    else:
        frame = model.document_topics()
    write_frame(frame, args.format)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``topics`` sub-command."""
    parser = add_command(
        subparsers,
        "topics",
        run,
        help="find the topics of a corpus (NMF or LDA over lemmatized paragraphs)",
        description=(
            "Model the paragraphs of DIR (their content lemmas, Russian and Ukrainian bridged) "
            "as topics and print one table. By default (--table topics) one row per topic: "
            "k (the number of topics), topic (1..k, largest first), label (the three top terms "
            "in their usual written form), terms (the top ten, comma-separated), share (the "
            "topic's share of all paragraphs, 0-1) and paragraphs (how many paragraphs have it "
            "as their main topic). With --k auto (the default) k is chosen from 2-8 by "
            "coherence, stability across seeds and coverage; --table selection prints that "
            "measurement: method, k, coherence, stability, coverage, smallest, score, chosen. "
            "--table outlets/dates print each topic's share per outlet or per publication day "
            "(outlet|date, topic, label, share, paragraphs); --table passages the most "
            "representative paragraphs of each topic (topic, label, rank, article, paragraph, "
            "start, end, outlet, published, language, weight, text); --table weights every "
            "paragraph's weight for every topic (article, paragraph, start, end, outlet, "
            "published, language, topic, label, weight). Results are deterministic. On a few "
            "articles topics are fragile: check --table selection before trusting them."
        ),
    )
    parser.add_argument(
        "--k",
        type=_k,
        default="auto",
        metavar="K|auto",
        help="number of topics, or auto to choose it from 2-8 (default: auto)",
    )
    parser.add_argument(
        "--method",
        choices=("nmf", "lda"),
        default="nmf",
        help="nmf (deterministic, default) or lda (fixed random_state)",
    )
    parser.add_argument(
        "--table",
        choices=TABLES,
        default="topics",
        help="what to print (default: topics, one row per topic)",
    )
    parser.add_argument(
        "--passages",
        type=int,
        default=3,
        metavar="N",
        help="paragraphs per topic with --table passages (default: 3)",
    )
