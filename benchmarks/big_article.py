"""``python -m benchmarks.big_article``: statements on one very long article.

One huge file in a corpus of a million must not stall a run. This times
:func:`presslens.statements.statements` on one article made of the seeds repeated, as many
paragraphs (``--mb 1``) or as one single line (``--single-line``), and prints the seconds, the
statements found and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import time

import pandas as pd

from presslens.corpus.load import load_corpus
from presslens.statements.extract import statements


def big_article(megabytes: float, single_line: bool) -> str:
    """Repeat the seed bodies until the text is ``megabytes`` long."""
    unit = "\n".join(load_corpus().articles["text"])
    if single_line:
        unit = unit.replace("\n", " ")
    times = max(1, int(megabytes * 1024 * 1024 / len(unit.encode("utf-8"))))
    return (" " if single_line else "\n").join([unit] * times)


def main(argv: list[str] | None = None) -> int:
    """Time statements on one big article and print the figures."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.big_article")
    parser.add_argument("--mb", type=float, default=1.0, help="the article's size in MB")
    parser.add_argument("--single-line", action="store_true", help="the whole text on one line")
    args = parser.parse_args(argv)
    text = big_article(args.mb, args.single_line)
    articles = pd.DataFrame([{"id": "big", "text": text, "language": "ru", "outlet": None,
                              "published": pd.Timestamp("2022-01-10")}])
    start = time.perf_counter()
    found = statements(articles, link=False)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    shape = "one line" if args.single_line else "paragraphs"
    print(f"{len(text.encode('utf-8')) / 2**20:.1f} MB ({shape}): {len(found)} statements "
          f"in {seconds:.1f} s, peak memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
