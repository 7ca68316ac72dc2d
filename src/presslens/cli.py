"""The ``presslens`` command line: one sub-command per analysis, over the library's functions.

Each sub-command lives in ``presslens/commands/<name>.py`` and exposes
``register(subparsers)``; this module only collects them.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys

from presslens import __version__, commands


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="presslens",
        description=(
            "Explore Russian and Ukrainian news coverage: load and clean articles, "
            "find similar passages, topics, statements and dated events."
        ),
    )
    parser.add_argument("--version", action="version", version=f"presslens {__version__}")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="do not print warnings about skipped input"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"presslens.commands.{info.name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit code (0 ok, 2 bad input)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    log = logging.getLogger("presslens")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("presslens: warning: %(message)s"))
    log.handlers = [handler]
    log.setLevel(logging.ERROR if args.quiet else logging.WARNING)
    log.propagate = False
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # e.g. `presslens articles seeds | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
