"""Time presslens's stages against baselines, in one process, at several corpus sizes.

For each size N (default 1k, 10k, 100k articles) the harness generates a corpus once
(:mod:`benchmarks.generate`, cached in ``--work``), then times, in this process:

* ``load``: :func:`presslens.corpus.load_corpus` (decode, clean, metadata, language);
* ``tfidf plain``: scikit-learn ``TfidfVectorizer`` on the clean texts, no lemmas — the floor;
* ``tfidf lemmas``: :class:`presslens.text.LemmaVectorizer`, its lemma caches cleared first;
  then again with the forms known in process (warm), then from a persisted lemma cache
  (:func:`presslens.text.save_lemma_cache`, the in-process caches cleared);
* ``lemmas no cache``: pymorphy3 ``parse`` on every token (razdel), no cache — on a sample;
* ``neighbours``: top-10 cosine neighbours of every article with
  :func:`presslens.findings.top_neighbors`, with :mod:`presslens.engine.build`'s blockwise
  neighbours on 2 processes, with ``sparse_dot_topn`` (2 threads, whole matrix), and with
  scikit-learn ``NearestNeighbors(metric="cosine", algorithm="brute")`` (on a sample of
  queries above 10k, scaled up);
* ``statements``: :func:`presslens.statements.statements` — on a sample above 5k articles.

``--stages`` picks the stages after ``load`` (all by default).

Each stage reports seconds, docs/s, MB/s (of clean text) and the peak resident memory of the
process while it ran. Sampled stages are marked and scaled to N. The markdown table goes to
``--results`` (default ``benchmarks/results.md``) and the raw figures to a JSON file beside it.

Run ``make bench`` (1k, 10k, 100k) or ``make bench-small`` (1k, 10k), or
``python -m benchmarks.run --sizes 1000 10000 --work /tmp/bench``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import psutil
import scipy.sparse as sp

from benchmarks.generate import write_corpus

HERE = Path(__file__).resolve().parent


class PeakMemory:
    """Sample this process's resident memory in a thread and keep the peak (MB)."""

    def __init__(self, interval: float = 0.02):
        self.interval = interval
        self.peak = 0.0
        self._stop = threading.Event()
        self._proc = psutil.Process()

    def _run(self) -> None:
        while not self._stop.is_set():
            rss = self._proc.memory_info().rss
            for child in self._proc.children(recursive=True):
                try:
                    rss += child.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, rss / 2**20)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


@dataclass
class Row:
    """One timed stage at one size."""

    n: int
    stage: str
    method: str
    seconds: float
    docs: int
    mb: float
    peak_mb: float
    sampled: bool = False
    note: str = ""
    loadavg: float = 0.0

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else float("nan")

    @property
    def mb_per_s(self) -> float:
        return self.mb / self.seconds if self.seconds else float("nan")


def timed(fn, *args, **kwargs):
    """Call ``fn`` and return ``(result, seconds, peak resident MB)``."""
    gc.collect()
    with PeakMemory() as mem:
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        seconds = time.perf_counter() - start
    return result, seconds, mem.peak


def _mb(texts) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 2**20


def corpus_dir(work: Path, n: int) -> Path:
    """Return the generated corpus of ``n`` articles in ``work``, writing it the first time."""
    root = work / f"corpus-{n}"
    if not (root / "metadata.csv").is_file():
        write_corpus(root, n)
    return root


def lemmas_without_cache(texts: list[str], languages: list[str]) -> list[list[str]]:
    """Lemmatize every token with pymorphy3 ``parse``, no cache: the naive baseline."""
    import pymorphy3
    import razdel

    morph = {lang: pymorphy3.MorphAnalyzer(lang=lang) for lang in ("ru", "uk")}
    out = []
    for text, lang in zip(texts, languages, strict=True):
        m = morph["uk" if lang == "uk" else "ru"]
        out.append([m.parse(t.text)[0].normal_form for t in razdel.tokenize(text)
                    if t.text.isalpha()])
    return out


def _clear_lemma_caches() -> None:
    from presslens.text import _razdel, lemmas, stopwords, tokens

    for module in (tokens, stopwords, lemmas, _razdel):
        for name in dir(module):
            fn = getattr(module, name)
            if hasattr(fn, "cache_clear") and name not in ("analyzer", "_load_stop_words"):
                fn.cache_clear()


#: Stages after ``load`` (always timed); ``neighbours`` needs the ``tfidf`` matrix.
STAGES = ("tfidf", "neighbours", "statements")


def bench_size(n: int, work: Path, sample: int, stmt_sample: int, workers: int,
               stages: tuple[str, ...] = STAGES) -> list[Row]:
    """Time ``load`` and ``stages`` on the generated corpus of ``n`` articles."""
    from presslens.corpus.load import load_corpus

    root = corpus_dir(work, n)
    rows: list[Row] = []

    def add(stage, method, seconds, docs, mb, peak, sampled=False, note=""):
        row = Row(n, stage, method, seconds, docs, mb, peak, sampled, note, os.getloadavg()[0])
        rows.append(row)
        print(f"[{n}] {stage:<16} {method:<42} {seconds:9.2f} s {row.docs_per_s:9.1f} docs/s "
              f"peak {peak:7.0f} MB {note}", flush=True)

    corpus, sec, peak = timed(load_corpus, root)
    articles = corpus.articles
    mb = _mb(articles["text"].tolist())
    raw_mb = sum(f.stat().st_size for f in root.rglob("*.txt")) / 2**20
    add("load", "presslens load_corpus", sec, n, mb, peak, note=f"{raw_mb:.0f} MB raw")
    if "tfidf" in stages or "neighbours" in stages:
        X = _tfidf_stage(n, articles, mb, sample, add)
        if "neighbours" in stages:
            _neighbours_stage(n, X, mb, workers, add)
        del X
    if "statements" in stages:
        _statements_stage(n, articles, mb, stmt_sample, add)
    del corpus, articles
    gc.collect()
    return rows


def _tfidf_stage(n: int, articles, mb: float, sample: int, add) -> sp.csr_matrix:
    """The floor, presslens's lemmatized TF-IDF and the uncached pymorphy3 baseline."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from presslens.text.vectorize import LemmaVectorizer

    texts = articles["text"].tolist()
    _, sec, peak = timed(TfidfVectorizer().fit_transform, texts)
    add("tfidf", "scikit-learn TfidfVectorizer (floor)", sec, n, mb, peak)
    floor = sec

    _clear_lemma_caches()
    vec = LemmaVectorizer()
    X, sec, peak = timed(vec.fit_transform, articles)
    add("tfidf", "presslens LemmaVectorizer", sec, n, mb, peak, note=f"{sec / floor:.1f}× floor")
    _lemma_cache_rows(n, articles, X, mb, floor, add)

    k = min(n, sample)
    part = articles.iloc[:k]
    _, sec, peak = timed(lemmas_without_cache, part["text"].tolist(), part["language"].tolist())
    scale = n / k
    add("tfidf", "pymorphy3 per token, no cache", sec * scale, n, mb, peak, k < n,
        f"{sec * scale / floor:.0f}× floor" + (f"; {k} docs, scaled" if k < n else ""))
    return X.tocsr().astype(np.float64)


def _lemma_cache_rows(n: int, articles, X, mb: float, floor: float, add) -> None:
    """LemmaVectorizer again with the forms known in process, then from a persisted cache."""
    import tempfile

    from presslens.text import LemmaVectorizer, save_lemma_cache

    Y, sec, peak = timed(LemmaVectorizer().fit_transform, articles)
    add("tfidf", "presslens LemmaVectorizer, warm (in process)", sec, n, mb, peak,
        note=f"{sec / floor:.2f}× floor; same matrix: {(X != Y).nnz == 0}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lemmas.parquet"
        start = time.perf_counter()
        forms = save_lemma_cache(path)
        saved = time.perf_counter() - start
        size = path.stat().st_size / 2**20
        _clear_lemma_caches()
        Y, sec, peak = timed(LemmaVectorizer(lemma_cache=path).fit_transform, articles)
    add("tfidf", "presslens LemmaVectorizer, persisted lemma cache", sec, n, mb, peak,
        note=f"{sec / floor:.2f}× floor; {forms:,} forms, {size:.1f} MB, saved in {saved:.1f} s; "
        f"same matrix: {(X != Y).nnz == 0}")


def _neighbours_stage(n: int, X: sp.csr_matrix, mb: float, workers: int, add) -> None:
    """Top-10 neighbours: presslens's two ways, sparse_dot_topn and scikit-learn brute force."""
    from sklearn.neighbors import NearestNeighbors
    from sparse_dot_topn import sp_matmul_topn

    from presslens.engine.stages import neighbors_blockwise
    from presslens.findings.similarity import top_neighbors

    _, sec, peak = timed(top_neighbors, X, 10, threads=workers)
    add("neighbours", f"presslens similarity.top_neighbors, {workers} threads", sec, n, mb, peak)

    _, sec, peak = timed(neighbors_blockwise, X, 10, workers=workers)
    add("neighbours", f"presslens engine.neighbors_blockwise, {workers} threads", sec, n,
        mb, peak)

    _, sec, peak = timed(sp_matmul_topn, X, X.T.tocsr(), top_n=11, threshold=0.0, n_threads=2)
    add("neighbours", "sparse_dot_topn, 2 threads", sec, n, mb, peak)

    q = min(n, 10_000)
    nn = NearestNeighbors(n_neighbors=11, metric="cosine", algorithm="brute").fit(X)
    _, sec, peak = timed(nn.kneighbors, X[:q])
    add("neighbours", "scikit-learn NearestNeighbors brute", sec * n / q, n, mb, peak, q < n,
        f"{q} queries, scaled" if q < n else "")


def _statements_stage(n: int, articles, mb: float, stmt_sample: int, add) -> None:
    """Statements of the last ``stmt_sample`` articles, scaled to N.

    The sample is taken from the end of the corpus: a smaller generated corpus is the start of
    a bigger one, so the last articles are texts this process has not read at an earlier size.
    Above the sample size, 1,000 other articles are read first (not timed) to load pymorphy3's
    dictionaries and fill the per-word caches, as a long run has them; the per-text caches are
    then cleared. Timed twice: extraction alone (``link=False``: statements, dates, canonical
    speakers: the per-article work the engine spreads over its workers), then with the
    cross-article linking of statements that report the same utterance.
    """
    from presslens.dates import date_rows
    from presslens.statements.extract import statements
    from presslens.text import tokens

    k = min(n, stmt_sample)
    if n > k:
        statements(articles.iloc[: min(1_000, n - k)], link=False)
    date_rows.cache_clear()
    tokens._tokenize.cache_clear()
    sample = articles.iloc[n - k :]
    scaled = f"; last {k} docs, scaled" if k < n else ""
    warm = "; 1,000 other docs read first" if n > k else ""
    _, sec, peak = timed(statements, sample, link=False)
    add("statements", "presslens statements, extraction (link=False)", sec * n / k, n, mb,
        peak, k < n, f"{k / sec:.0f} articles/s, 1 core{scaled}{warm}")
    date_rows.cache_clear()
    tokens._tokenize.cache_clear()
    _, sec, peak = timed(statements, sample)
    add("statements", "presslens statements, with linking", sec * n / k, n, mb, peak, k < n,
        f"{k / sec:.0f} articles/s, 1 core{scaled}; per-word caches warm")


def markdown(rows: list[Row]) -> str:
    """Return the rows as a README-ready markdown table."""
    lines = [
        "| N | stage | method | time (s) | docs/s | MB/s | peak RSS (MB) | load avg | note |",
        "|---:|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        mark = " *" if r.sampled else ""
        lines.append(
            f"| {r.n:,} | {r.stage} | {r.method} | {r.seconds:,.1f}{mark} | {r.docs_per_s:,.0f} "
            f"| {r.mb_per_s:,.2f} | {r.peak_mb:,.0f} | {r.loadavg:.1f} | {r.note} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--work", default="/tmp/bench", help="where generated corpora go")
    parser.add_argument("--results", default=str(HERE / "results.md"))
    parser.add_argument("--sample", type=int, default=1_000,
                        help="docs for the uncached pymorphy3 baseline")
    parser.add_argument("--statements-sample", type=int, default=5_000)
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES),
                        help="stages after load (neighbours also times tfidf)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    for n in args.sizes:
        rows += bench_size(n, work, args.sample, args.statements_sample, args.workers,
                           tuple(args.stages))
    sizes = " ".join(str(s) for s in args.sizes)
    header = (
        f"Machine: {os.cpu_count()} cores, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB, Python {platform.python_version()}, "
        f"{platform.system()}. Reproduce: `python -m benchmarks.run --sizes {sizes}`. "
        "`*`: measured on a sample and scaled to N. Load avg: the machine's 1-minute load "
        "average when the stage ended (other jobs share the 2 cores).\n\n"
    )
    out = Path(args.results)
    out.write_text(header + markdown(rows), encoding="utf-8")
    out.with_suffix(".json").write_text(
        json.dumps([asdict(r) for r in rows], indent=1) + "\n", encoding="utf-8"
    )
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
