"""``presslens index DIR --out INDEX``: process a big corpus once, into an index folder.

Every command and notebook then accepts INDEX in place of DIR (``load_corpus(INDEX)``).
"""

from __future__ import annotations

import argparse
import json
import sys

from presslens.commands._common import fail


def run(args: argparse.Namespace) -> int:
    """Build the index and print a one-line JSON summary of it."""
    from presslens.corpus.load import CorpusError
    from presslens.engine.build import build_index

    try:
        summary = build_index(
            args.corpus,
            args.out,
            engine=args.engine,
            scheduler=args.scheduler,
            workers=args.workers,
            k=args.neighbors,
            skip=args.skip or (),
            progress=not args.no_progress,
        )
    except (CorpusError, ValueError, OSError) as exc:
        return fail(str(exc))
    print(json.dumps({
        "index": str(summary.root),
        "articles": summary.n_articles,
        "partitions": summary.n_partitions,
        "terms": summary.n_terms,
        "statements": summary.n_statements,
        "events": summary.n_events,
        "seconds": summary.seconds,
    }, ensure_ascii=False), file=sys.stdout)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``index`` sub-command."""
    from presslens.engine.build import ENGINES, OPTIONAL_STAGES

    parser = subparsers.add_parser(
        "index",
        help="process a corpus once into an index folder (Parquet + a sparse matrix)",
        description=(
            "Load, clean and lemmatize every article under DIR, find statements and dated "
            "events, compute TF-IDF and the top-K neighbours of every article, and write "
            "them to INDEX as Parquet tables, tfidf.npz and manifest.json. Any command or "
            "notebook then accepts INDEX in place of DIR. With --engine dask the work runs "
            "on a dask.distributed cluster: a LocalCluster on this machine, or the scheduler "
            "at --scheduler (default: $DASK_SCHEDULER_ADDRESS). Prints a JSON summary."
        ),
    )
    parser.add_argument("corpus", metavar="DIR", help="a folder of articles or one .jsonl/.csv")
    parser.add_argument("--out", required=True, metavar="INDEX", help="the index folder")
    parser.add_argument("--engine", choices=ENGINES, default="local",
                        help="local: this process (default); dask: a dask.distributed cluster")
    parser.add_argument("--scheduler", metavar="ADDRESS", default=None,
                        help="an existing Dask scheduler, e.g. tcp://10.0.0.5:8786 "
                        "(implies --engine dask)")
    parser.add_argument("--workers", type=int, default=None,
                        help="worker processes of the local Dask cluster (default: one per core)")
    parser.add_argument("--neighbors", type=int, default=10, metavar="K",
                        help="neighbours stored per article (default 10)")
    parser.add_argument("--skip", choices=OPTIONAL_STAGES, action="append",
                        help="leave a stage out (repeatable)")
    parser.add_argument("--no-progress", action="store_true",
                        help="no progress bar (it is only shown on a terminal anyway)")
    parser.set_defaults(func=_run_with_scheduler)


def _run_with_scheduler(args: argparse.Namespace) -> int:
    if args.scheduler:
        args.engine = "dask"
    return run(args)
