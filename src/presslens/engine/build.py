"""Process a big corpus in partitions, on this machine or on a Dask cluster, into an index.

The work is split so that every per-article stage runs on a partition of files, and only
small summaries travel to the coordinating process:

1. **read** (per partition): decode the files (:mod:`presslens.corpus.load`'s reader);
2. **ids** (coordinator): rename repeated ids, find identical raw texts, as ``load_corpus``;
3. **lines** (per partition): count short lines per outlet; the coordinator sums the counts
   into the set of lines repeated across an outlet (:func:`presslens.corpus.repeated_lines`);
4. **articles** (per partition): clean, detect languages, lemmatize
   (:func:`presslens.text.lemmatize`), find statements
   (:func:`presslens.statements.extract.statement_rows`: before speakers and clusters) and dated
   events (:func:`presslens.dates.find_dates`); write each table as one Parquet file per
   partition and return the document frequency of every term;
5. **TF-IDF** (coordinator, then per partition): the vocabulary and idf from the summed
   document frequencies, then each partition's rows, exactly as
   :class:`presslens.text.LemmaVectorizer` (bridged lemmas, sublinear tf, smooth idf, L2);
6. **neighbours** (per block of rows): the top-K cosine neighbours of every article with
   ``sparse_dot_topn``, a block of rows at a time, so memory stays O(N·K).
7. **corpus-wide** (coordinator, blocks on the workers): one speaker registry over every
   partition, statements linked across partitions in blocks of a speaker's days, events
   reconciled in blocks of days, echoes (:mod:`presslens.engine.indexlink`): the clusters, events
   and echoes of the loaded corpus.

``engine="local"`` runs the partitions one after the other in this process (the
single-process reference); ``engine="dask"`` runs them on a ``dask.distributed`` cluster: a
``LocalCluster`` on this machine by default, or the scheduler at ``scheduler`` (or the
``DASK_SCHEDULER_ADDRESS`` environment variable). On a remote cluster the corpus and the
output folder must be paths that every worker can read and write (a shared file system).
Both engines write the same index.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import math
import os
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp

from presslens import __version__
from presslens.corpus.clean import _n_words, normalize_line, repeated_lines
from presslens.corpus.index import (
    PARTITIONED,
    Laps,
    save_matrix,
    write_manifest,
    write_table,
)

__all__ = [
    "ENGINES",
    "OPTIONAL_STAGES",
    "IndexSummary",
    "build_index",
    "neighbors_blockwise",
    "partition_files",
]

#: The engines :func:`build_index` can run on.
ENGINES = ("local", "dask")
#: Stages of :func:`build_index` that can be left out.
OPTIONAL_STAGES = ("statements", "events")
#: Columns of ``Corpus.removed`` (as :func:`presslens.corpus.clean.removed_table`).
REMOVED_COLUMNS = ["article", "line", "text", "reason"]
#: Neighbour columns stored in the index.
NEIGHBOR_COLUMNS = ["article", "neighbor", "rank", "score", "row", "neighbor_row"]
#: Line-count thresholds of :func:`presslens.corpus.repeated_lines`: its defaults.
_DEFAULTS = inspect.signature(repeated_lines).parameters
_MIN_ARTICLES = _DEFAULTS["min_articles"].default
_MIN_SHARE = _DEFAULTS["min_share"].default
_MAX_WORDS = _DEFAULTS["max_words"].default


# --------------------------------------------------------------------------- partitions


def partition_files(root: str | Path, target_mb: float = 16.0) -> tuple[list[list], list]:
    """List the article files under ``root`` and group them into partitions of similar size.

    Parameters
    ----------
    root : str or pathlib.Path
        A corpus folder or file, as for :func:`presslens.corpus.load_corpus`.
    target_mb : float, default 16.0
        The size of a partition's files, in MB; a bigger file is a partition of its own.

    Returns
    -------
    tuple
        ``(partitions, skipped)``: lists of ``(path, relative path)`` in the order
        ``load_corpus`` reads them, and the ``(path, line, reason)`` of skipped files.
    """
    from presslens.corpus.load import _files

    skipped: list[tuple] = []
    files = _files(Path(root), skipped)
    parts: list[list] = [[]]
    size = 0.0
    for path, rel in files:
        mb = path.stat().st_size / 2**20
        if parts[-1] and size + mb > target_mb:
            parts.append([])
            size = 0.0
        parts[-1].append((path, rel))
        size += mb
    return [p for p in parts if p], skipped


def _read_part(files: list) -> dict:
    """Stage 1: decode the files of one partition (kept on the worker)."""
    from presslens.corpus.load import _read_file

    skipped: list[tuple] = []
    sources = []
    for path, rel in files:
        sources.extend(_read_file(Path(path), rel, skipped))
    summary = [
        (s.id, s.path, hashlib.sha1(s.raw.strip().encode("utf-8")).hexdigest(),
         s.fields.get("outlet"), s.fields.pop("_problem", None))
        for s in sources
    ]
    return {"sources": sources, "skipped": skipped, "summary": summary}


def _read_summary(part: dict) -> tuple[list, list]:
    return part["summary"], part["skipped"]


def _line_counts(part: dict, ids: list[str], outlets: list) -> tuple[dict, Counter]:
    """Stage 3: count the short lines of each outlet, once per article."""
    counts: dict[object, Counter] = {}
    sizes: Counter = Counter()
    for src, outlet in zip(part["sources"], outlets, strict=True):
        sizes[outlet] += 1
        norms = {
            normalize_line(line)
            for line in src.text.splitlines()
            if line.strip() and _n_words(line) <= _MAX_WORDS
        }
        counts.setdefault(outlet, Counter()).update(norms)
    return counts, sizes


def _repeated(counts: Iterable[tuple[dict, Counter]]) -> frozenset[str]:
    total: dict[object, Counter] = {}
    sizes: Counter = Counter()
    for part_counts, part_sizes in counts:
        sizes.update(part_sizes)
        for outlet, counter in part_counts.items():
            total.setdefault(outlet, Counter()).update(counter)
    return frozenset(
        norm
        for outlet, counter in total.items()
        for norm, n in counter.items()
        if norm and n >= _MIN_ARTICLES and n >= _MIN_SHARE * sizes[outlet]
    )


def _article_rows(part: dict, ids, meta, repeated, duplicate_of) -> tuple[list, list]:
    """Clean the sources of one partition into ``Corpus.articles`` rows (as load_corpus)."""
    from presslens.corpus.load import article_row

    rows, removed = [], []
    for src, art in zip(part["sources"], ids, strict=True):
        row, cleaned = article_row(src, art, meta.get(art), repeated, duplicate_of.get(art))
        rows.append(row)
        removed.extend((art, r.line, r.text, r.reason) for r in cleaned.removed)
    return rows, removed


def _process_part(part: dict, number: int, ids, meta, repeated, duplicate_of, out: str,
                  skip: tuple[str, ...] = ()) -> dict:
    """Stage 4: clean, lemmatize, find statements and events; write the partition's tables."""
    from presslens._gc import spared

    with spared():  # the worker's caches grow large: full collections would walk them
        return _process_part_body(part, number, ids, meta, repeated, duplicate_of, out, skip)


def _process_part_body(part: dict, number: int, ids, meta, repeated, duplicate_of, out: str,
                       skip: tuple[str, ...]) -> dict:
    from presslens.corpus.load import ARTICLE_COLUMNS
    from presslens.dates.mentions import dates_table
    from presslens.engine.indexlink import event_columns, store_people
    from presslens.statements.extract import statement_rows
    from presslens.text.nlp import lemmatize
    from presslens.text.vectorize import bridge_form

    rows, removed = _article_rows(part, ids, meta, repeated, duplicate_of)
    part["sources"] = []  # the decoded files are not needed again: free them early
    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    articles["published"] = pd.to_datetime(articles["published"])
    lemmas, df, labels = [], Counter(), Counter()
    for text, language in zip(articles["text"], articles["language"], strict=True):
        lang = language if isinstance(language, str) else None
        doc = lemmatize(text, lang) if text.strip() else []
        lemmas.append(doc)
        terms = [bridge_form(w) for w in doc]
        labels.update(zip(terms, doc, strict=True))
        df.update(set(terms))
    name = f"part-{number:05d}.parquet"
    root = Path(out)
    write_table(articles, root / "articles" / name)
    write_table(pd.DataFrame(removed, columns=REMOVED_COLUMNS), root / "removed" / name)
    write_table(pd.DataFrame({"article": articles["id"], "lemmas": lemmas}), root / "lemmas" / name)
    n_statements = n_events = 0
    found = None
    if "statements" not in skip:
        found = statement_rows(articles)
        write_table(store_people(found), root / "statements" / name)
        n_statements = len(found)
    if "events" not in skip:
        events = dates_table(articles)  # statements read the same dates: cached per text
        write_table(event_columns(events, articles, found), root / "events" / name)
        n_events = len(events)
    return {"lemmas": lemmas, "ids": list(articles["id"]), "df": df, "labels": labels,
            "n_statements": n_statements, "n_events": n_events}


def _process_summary(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "lemmas"}


def _tfidf_rows(result: dict, vocabulary: dict, idf: np.ndarray) -> sp.csr_matrix:
    """Stage 5: the TF-IDF rows of one partition (sublinear tf, idf, L2), as sklearn."""
    from presslens.text.vectorize import bridge_form

    indptr, indices, data = [0], [], []
    for doc in result["lemmas"]:
        counts = Counter(vocabulary[t] for t in (bridge_form(w) for w in doc) if t in vocabulary)
        cols = np.fromiter(sorted(counts), dtype=np.int64, count=len(counts))
        tf = np.fromiter((counts[c] for c in cols), dtype=np.float64, count=len(cols))
        values = (1.0 + np.log(tf)) * idf[cols]
        norm = math.sqrt(float(values @ values)) if len(values) else 0.0
        indices.append(cols)
        data.append(values / norm if norm else values)
        indptr.append(indptr[-1] + len(cols))
    n = len(result["lemmas"])
    if not n:
        return sp.csr_matrix((0, len(idf)))
    return sp.csr_matrix(
        (np.concatenate(data), np.concatenate(indices), np.asarray(indptr)), shape=(n, len(idf))
    )


# --------------------------------------------------------------------------- neighbours


def neighbors_blockwise(
    X: sp.spmatrix,
    k: int = 10,
    *,
    workers: int = 2,
    block_size: int = 4096,
    client=None,
) -> pd.DataFrame:
    """Find the top-``k`` cosine neighbours of every row, a block of rows at a time.

    :func:`presslens.findings.top_neighbors` (the one neighbour search), with the engine's
    defaults: memory O(N·K) beyond the matrix itself.

    Parameters
    ----------
    X : scipy.sparse matrix
        L2-normalised rows (the dot product of two rows is their cosine).
    k : int, default 10
        Neighbours per row.
    workers : int, default 2
        Threads of ``sparse_dot_topn`` when no ``client`` is given.
    block_size : int, default 4096
        Rows per block.
    client : distributed.Client, optional
        Run the blocks on this Dask cluster (the matrix is scattered to every worker once).

    Returns
    -------
    pandas.DataFrame
        One row per (row, neighbour), sorted by ``row`` then ``rank``: ``row`` (int),
        ``neighbor`` (int), ``rank`` (int, 1 = nearest), ``score`` (float, cosine > 0).
    """
    from presslens.findings.similarity import top_neighbors

    return top_neighbors(X, k, block_size=block_size, threads=workers, client=client)


# --------------------------------------------------------------------------- runners


class _Local:
    """Run partition tasks one after the other in this process."""

    name = "local"

    def __init__(self, workers: int | None = None):
        self.threads = workers or os.cpu_count() or 1

    def submit(self, fn: Callable, items: list[tuple], *args, progress=None) -> list:
        out = []
        for item in items:
            out.append(fn(*item, *args))
            if progress:
                progress(1)
        return out

    def gather(self, handles: list) -> list:
        return handles

    def map(self, fn: Callable, items: list[tuple]) -> list:
        return [fn(*item) for item in items]

    def release(self) -> None:
        pass

    def neighbors(self, X, k: int) -> pd.DataFrame:
        return neighbors_blockwise(X, k, workers=self.threads)

    def close(self) -> None:
        pass


class _Dask:
    """Run partition tasks on a Dask cluster; results stay on the workers until gathered."""

    name = "dask"

    def __init__(self, scheduler: str | None, workers: int | None):
        from distributed import Client, LocalCluster

        address = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS")
        if address:
            self.cluster = None
            self.client = Client(address)
        else:
            n = workers or os.cpu_count() or 1
            self.cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                        dashboard_address=None, memory_limit=0)
            self.client = Client(self.cluster)

    def submit(self, fn: Callable, items: list[tuple], *args, progress=None) -> list:
        from distributed import wait

        # scatter([a]): a dict or a set given alone would be scattered item by item.
        shared = [self.client.scatter([a], broadcast=True)[0] if _big(a) else a for a in args]
        futures = [self.client.submit(fn, *item, *shared, pure=False) for item in items]
        if progress:
            from distributed import as_completed

            for _ in as_completed(futures):
                progress(1)
        wait(futures)
        return futures

    def gather(self, handles: list) -> list:
        return self.client.gather(handles)

    def map(self, fn: Callable, items: list[tuple]) -> list:
        """Run ``fn(*item)`` for every item on the cluster; the results in order."""
        futures = [self.client.submit(fn, *item, pure=False) for item in items]
        return self.client.gather(futures)

    def release(self) -> None:
        """Restart the workers of our own LocalCluster, to hand their memory back."""
        if self.cluster is not None:
            nanny = logging.getLogger("distributed.nanny")
            level = nanny.level
            nanny.setLevel(logging.ERROR)  # "still alive after 4.0 seconds, killing": expected
            try:
                self.client.restart()
            finally:
                nanny.setLevel(level)

    def neighbors(self, X, k: int) -> pd.DataFrame:
        return neighbors_blockwise(X, k, client=self.client)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _big(value) -> bool:
    return isinstance(value, dict | frozenset | set | np.ndarray) and len(value) > 1000


@dataclass
class IndexSummary:
    """What :func:`build_index` did: counts and the seconds each stage took."""

    root: Path
    n_articles: int
    n_partitions: int
    n_terms: int
    n_statements: int
    n_events: int
    seconds: dict


def _progress_bar(enabled: bool, total: int, desc: str):
    if not enabled:
        return None, None
    from tqdm import tqdm

    bar = tqdm(total=total, desc=desc, unit="part", file=sys.stderr, leave=False)
    return bar, bar.update


def build_index(
    path: str | Path,
    out: str | Path,
    *,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    k: int = 10,
    target_mb: float = 16.0,
    skip: Iterable[str] = (),
    progress: bool = False,
) -> IndexSummary:
    """Process every article under ``path`` and write an index to ``out``.

    Parameters
    ----------
    path : str or pathlib.Path
        A corpus folder or file, as for :func:`presslens.corpus.load_corpus`.
    out : str or pathlib.Path
        The index folder; replaced if it is already an index, refused if it holds other files.
    engine : {"local", "dask"}, default "local"
        ``local``: this process; ``dask``: a ``dask.distributed`` cluster.
    scheduler : str, optional
        The address of an existing Dask scheduler (``tcp://host:8786``); default: the
        ``DASK_SCHEDULER_ADDRESS`` environment variable, else a ``LocalCluster``.
    workers : int, optional
        Worker processes of the ``LocalCluster``, or threads of the neighbour search with the
        local engine (default: one per core).
    k : int, default 10
        Neighbours stored per article.
    target_mb : float, default 16.0
        Partition size in MB of files.
    skip : iterable of str, default ()
        Optional stages to leave out: ``"statements"``, ``"events"``; their tables are then
        absent from the index (and listed under ``skipped_stages`` in the manifest).
    progress : bool, default False
        Show a progress bar on stderr (only when stderr is a terminal).

    Returns
    -------
    IndexSummary
        Counts and the seconds each stage took.

    Raises
    ------
    presslens.corpus.load.CorpusError
        When ``path`` does not exist or holds no readable article.
    ValueError
        For an unknown engine, or an ``out`` folder that is not empty and not an index.
    """
    from presslens.corpus.index import is_index
    from presslens.corpus.load import CorpusError, _frame, _report
    from presslens.corpus.metadata import METADATA_NAME, Problem, read_metadata
    from presslens.engine.indexlink import link_index

    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    skip = tuple(sorted(set(skip)))
    if set(skip) - set(OPTIONAL_STAGES):
        raise ValueError(f"only {', '.join(OPTIONAL_STAGES)} can be skipped, not {skip!r}")
    root, out = Path(path), Path(out)
    if not root.exists():
        raise CorpusError(f"{root}: no such file or folder")
    if out.exists() and any(out.iterdir()):
        if not is_index(out):
            raise ValueError(f"{out}: exists and is not a presslens index; not overwriting it")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    progress = progress and sys.stderr.isatty()
    laps = Laps()
    lap, seconds = laps.lap, laps.seconds

    meta, problems = {}, []
    if root.is_dir() and (root / METADATA_NAME).is_file():
        meta, problems = read_metadata(root / METADATA_NAME)
    parts_files, skipped = partition_files(root, target_mb)
    runner = _Dask(scheduler, workers) if engine == "dask" else _Local(workers)
    try:
        bar, tick = _progress_bar(progress, 4 * len(parts_files), "presslens index")
        handles = runner.submit(_read_part, [(files,) for files in parts_files], progress=tick)
        summaries = runner.gather(runner.submit(_read_summary, [(h,) for h in handles]))
        for _summary, part_skipped in summaries:
            skipped.extend(part_skipped)
        lap("read")

        # ids, duplicates and problems, as load_corpus
        seen: dict[str, int] = {}
        part_ids: list[list[str]] = []
        outlets: list[list] = []
        digests: list[tuple[str, str, str]] = []
        for summary, _ in summaries:
            ids, outs = [], []
            for art, rel, digest, outlet, problem in summary:
                if problem:
                    p_rel, p_line, msg = problem
                    problems.append(Problem(p_rel, p_line, msg, "published left empty"))
                n = seen.get(art, 0)
                seen[art] = n + 1
                if n:
                    new = f"{art}~{n + 1}"
                    problems.append(Problem(rel, None, f"id {art!r} is used by another file",
                                            f"renamed {new}"))
                    art = new
                ids.append(art)
                outs.append((meta.get(art) or {}).get("outlet") or outlet)
                digests.append((art, digest, rel))
            part_ids.append(ids)
            outlets.append(outs)
        if not digests:
            _report(skipped, problems)
            what = f"{len(skipped)} file(s) skipped" if skipped else "the folder is empty"
            raise CorpusError(f"{root}: no readable articles ({what})")
        for art, rec in meta.items():
            if art not in seen:
                problems.append(Problem(METADATA_NAME, rec["line"],
                                        f"id {art!r} has no article file", "row ignored"))
        first: dict[str, str] = {}
        duplicate_of: dict[str, str] = {}
        dups = []
        for art, digest, rel in sorted(digests):
            orig = first.setdefault(digest, art)
            if orig != art:
                duplicate_of[art] = orig
                dups.append((art, orig, rel))
        dups.sort()
        lap("ids")

        counts = runner.gather(runner.submit(
            _line_counts, list(zip(handles, part_ids, outlets, strict=True)), progress=tick))
        repeated = _repeated(counts)
        del counts
        lap("repeated lines")

        numbered = [(h, i, ids) for i, (h, ids) in enumerate(zip(handles, part_ids, strict=True))]
        results = runner.submit(_process_part, numbered, meta, repeated, duplicate_of, str(out),
                                tuple(skip), progress=tick)
        del handles, numbered
        done = runner.gather(runner.submit(_process_summary, [(r,) for r in results]))
        lap("articles, lemmas, statements, events")

        df: Counter = Counter()
        labels: Counter = Counter()
        for r in done:
            df.update(r["df"])
            labels.update(r["labels"])
        terms = sorted(df)
        vocabulary = {t: i for i, t in enumerate(terms)}
        n_docs = sum(len(r["ids"]) for r in done)
        dfs = np.fromiter((df[t] for t in terms), dtype=np.float64, count=len(terms))
        idf = np.log((1.0 + n_docs) / (1.0 + dfs)) + 1.0
        best: dict[str, tuple[int, str]] = {}
        for (term, lemma), n in labels.items():
            cur = best.get(term)
            if cur is None or (-n, lemma) < (-cur[0], cur[1]):
                best[term] = (n, lemma)
        write_table(pd.DataFrame({"column": np.arange(len(terms), dtype=np.int64), "term": terms,
                                  "label": [best[t][1] for t in terms],
                                  "df": dfs.astype(np.int64), "idf": idf}),
                    out / "vocabulary.parquet")
        del labels, best, df
        blocks = runner.gather(runner.submit(_tfidf_rows, [(r,) for r in results], vocabulary,
                                             idf, progress=tick))
        del results
        ids = [a for r in done for a in r["ids"]]
        order = np.argsort(np.asarray(ids, dtype=object), kind="stable")
        X = sp.vstack(blocks, format="csr")[order] if blocks else sp.csr_matrix((0, 0))
        ids = [ids[i] for i in order]
        save_matrix(X, out / "tfidf.npz")
        n_statements = sum(r["n_statements"] for r in done)
        n_events = sum(r["n_events"] for r in done)
        del blocks, done, vocabulary, idf
        lap("tfidf")

        runner.release()
        nb = runner.neighbors(X, k)
        id_array = np.asarray(ids, dtype=object)
        nb.insert(0, "article", id_array[nb["row"].to_numpy()])
        nb.insert(1, "neighbor_id", id_array[nb["neighbor"].to_numpy()])
        nb = nb.rename(columns={"neighbor": "neighbor_row"}).rename(
            columns={"neighbor_id": "neighbor"})
        write_table(nb[NEIGHBOR_COLUMNS], out / "neighbors.parquet")
        lap("neighbours")
        del nb  # the matrix scattered for the neighbours is released with its futures
        linked = link_index(out, skip, runner.map)
        seconds.update(linked["seconds"])
        if bar is not None:
            bar.close()
    finally:
        runner.close()

    write_table(_frame(skipped, ["path", "line", "reason"]), out / "skipped.parquet")
    write_table(_frame([(p.path, p.line, p.problem, p.action) for p in problems],
                       ["path", "line", "problem", "action"]), out / "problems.parquet")
    write_table(pd.DataFrame(dups, columns=["id", "duplicate_of", "path"]),
                out / "duplicates.parquet")
    _report(skipped, problems, dups)
    write_manifest(out, {
        "presslens": __version__,
        "source": str(root),
        "engine": runner.name,
        "n_articles": len(ids),
        "n_partitions": len(parts_files),
        "n_terms": len(terms),
        "n_statements": n_statements,
        "n_events": n_events,
        "tfidf": {"shape": list(X.shape), "nnz": int(X.nnz), "sublinear_tf": True,
                  "bridge": True, "norm": "l2", "rows": "articles in id order"},
        "neighbors": {"k": k, "metric": "cosine"},
        "tables": [t for t in PARTITIONED if t not in skip]
        + ["skipped", "problems", "duplicates", "vocabulary", "neighbors", "echoes"]
        + ([] if "events" in skip else ["event_groups"]),
        "linked": True,
        "n_clusters": linked["n_clusters"],
        "n_event_groups": linked["n_event_groups"],
        "n_echoes": linked["n_echoes"],
        "skipped_stages": list(skip),
        "seconds": seconds,
    })
    return IndexSummary(out, len(ids), len(parts_files), len(terms), n_statements, n_events,
                        seconds)
