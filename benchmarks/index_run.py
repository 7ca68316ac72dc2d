"""Time ``presslens index`` end to end on a generated corpus, with the memory of every process.

The command runs as a child process; the resident memory of it and of all its descendants
(the Dask scheduler and workers) is summed every 0.2 s and the peak kept. Appends one row to
``--results`` (markdown) and prints it.

Run ``python -m benchmarks.index_run --n 100000 --engine dask`` (the corpus is generated in
``--work`` the first time).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

import psutil

from benchmarks.run import corpus_dir

HERE = Path(__file__).resolve().parent


def run_index(corpus: Path, out: Path, engine: str, extra: list[str]) -> tuple[float, float, dict]:
    """Run ``presslens index`` and return ``(seconds, peak MB of the process tree, summary)``."""
    cmd = [sys.executable, "-m", "presslens.cli", "index", str(corpus), "--out", str(out),
           "--engine", engine, "--no-progress", *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    peak = 0.0
    while proc.poll() is None:
        try:
            rss = root.memory_info().rss
            for child in root.children(recursive=True):
                try:
                    rss += child.memory_info().rss
                except psutil.Error:
                    pass
            peak = max(peak, rss / 2**20)
        except psutil.Error:
            pass
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    out_text = proc.stdout.read() if proc.stdout else ""
    if proc.returncode:
        raise SystemExit(f"presslens index failed with exit code {proc.returncode}")
    return seconds, peak, json.loads(out_text.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Run the timing from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--engine", choices=["local", "dask"], default="dask")
    parser.add_argument("--work", default="/tmp/bench")
    parser.add_argument("--skip", action="append", default=[], choices=["statements", "events"])
    parser.add_argument("--results", default=str(HERE / "results-index.md"))
    args = parser.parse_args(argv)
    work = Path(args.work)
    corpus = corpus_dir(work, args.n)
    out = work / f"index-{args.n}-{args.engine}"
    extra = [a for s in args.skip for a in ("--skip", s)]
    seconds, peak, summary = run_index(corpus, out, args.engine, extra)
    stages = ", ".join(f"{k} {v:.0f} s" for k, v in summary["seconds"].items())
    skipped = ", ".join(args.skip) or "none"
    row = (f"| {args.n:,} | {args.engine} | {skipped} | {seconds / 60:.1f} | "
           f"{args.n / seconds:.0f} | {peak / 1024:.2f} | {summary['statements']:,} | "
           f"{summary['events']:,} | {stages} |")
    results = Path(args.results)
    if not results.exists():
        results.write_text(
            "| N | engine | stages skipped | minutes | articles/s | peak memory, all processes "
            "(GB) | statements | events | seconds by stage |\n"
            "|---:|---|---|---:|---:|---:|---:|---:|---|\n", encoding="utf-8")
    with open(results, "a", encoding="utf-8") as fh:
        fh.write(row + "\n")
    print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
