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
   document frequencies, then each partition's rows, weighed as
   :class:`presslens.text.LemmaVectorizer` weighs (:mod:`presslens.text.weighting`: bridged
   lemmas, scikit-learn's sublinear tf, smooth idf, L2);
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

This module is the coordinator: :func:`build_index` runs the stages in order, the partition
tasks are in :mod:`presslens.engine.stages` and where they run in :mod:`presslens.engine.runners`.
"""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp

from presslens import __version__
from presslens.corpus.index import PARTITIONED, Laps, save_matrix, write_manifest, write_table
from presslens.engine.runners import make_runner
from presslens.engine.stages import (
    _line_counts,
    _process_part,
    _process_summary,
    _read_part,
    _read_summary,
    _repeated,
    _tfidf_rows,
    partition_files,
)

__all__ = ["ENGINES", "OPTIONAL_STAGES", "IndexSummary", "build_index"]

#: The engines :func:`build_index` can run on.
ENGINES = ("local", "dask")
#: Stages of :func:`build_index` that can be left out.
OPTIONAL_STAGES = ("statements", "events")
#: Neighbour columns stored in the index.
NEIGHBOR_COLUMNS = ["article", "neighbor", "rank", "score", "row", "neighbor_row"]


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
    from presslens.corpus.metadata import read_folder_metadata
    from presslens.engine.indexlink import link_index

    skip = _checked(engine, skip)
    root, out = Path(path), Path(out)
    _prepare(root, out)
    progress = progress and sys.stderr.isatty()
    laps = Laps()
    meta, problems = read_folder_metadata(root)
    parts_files, skipped = partition_files(root, target_mb)
    runner = make_runner(engine, scheduler, workers)
    try:
        bar, tick = _progress_bar(progress, 4 * len(parts_files), "presslens index")
        handles = runner.submit(_read_part, [(files,) for files in parts_files], progress=tick)
        summaries = runner.gather(runner.submit(_read_summary, [(h,) for h in handles]))
        for _summary, part_skipped in summaries:
            skipped.extend(part_skipped)
        laps.lap("read")
        ids = _Ids.of(summaries, meta, problems, skipped, root)
        laps.lap("ids")
        counts = runner.gather(runner.submit(
            _line_counts, list(zip(handles, ids.parts, ids.outlets, strict=True)), progress=tick))
        repeated = _repeated(counts)
        del counts
        laps.lap("repeated lines")
        numbered = [(h, n, p) for n, (h, p) in enumerate(zip(handles, ids.parts, strict=True))]
        results = runner.submit(_process_part, numbered, meta, repeated, ids.duplicate_of,
                                str(out), tuple(skip), progress=tick)
        del handles, numbered
        done = runner.gather(runner.submit(_process_summary, [(r,) for r in results]))
        laps.lap("articles, lemmas, statements, events")
        terms, blocks = _tfidf_blocks(runner, results, done, out, tick)
        del results
        X, article_ids = _save_tfidf(blocks, done, out)
        totals = {key: sum(r[key] for r in done) for key in ("n_statements", "n_events")}
        del blocks, done
        laps.lap("tfidf")
        _neighbours(runner, X, article_ids, k, out)
        laps.lap("neighbours")
        X = _Shape(X.shape, int(X.nnz))  # the matrix is on disk: free it for the corpus-wide stage
        runner.release()  # and the workers' memory the neighbour blocks left behind
        linked = link_index(out, skip, runner.map)
        laps.seconds.update(linked["seconds"])
        if bar is not None:
            bar.close()
    finally:
        runner.close()
    _write_reports(out, skipped, problems, ids.dups)
    summary = IndexSummary(out, len(article_ids), len(parts_files), len(terms),
                           totals["n_statements"], totals["n_events"], laps.seconds)
    _write_manifest(summary, root, runner.name, X, k, skip, linked)
    return summary


def _checked(engine: str, skip: Iterable[str]) -> tuple[str, ...]:
    """Check the engine's name and the stages to skip; return those, sorted."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    skip = tuple(sorted(set(skip)))
    if set(skip) - set(OPTIONAL_STAGES):
        raise ValueError(f"only {', '.join(OPTIONAL_STAGES)} can be skipped, not {skip!r}")
    return skip


def _prepare(root: Path, out: Path) -> None:
    """Check that the corpus exists; empty ``out`` if it is an index, refuse it if it holds
    anything else."""
    from presslens.corpus.index import is_index
    from presslens.corpus.model import CorpusError

    if not root.exists():
        raise CorpusError(f"{root}: no such file or folder")
    if out.exists() and any(out.iterdir()):
        if not is_index(out):
            raise ValueError(f"{out}: exists and is not a presslens index; not overwriting it")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def _progress_bar(enabled: bool, total: int, desc: str):
    """A tqdm bar on stderr and its update function, or ``(None, None)``."""
    if not enabled:
        return None, None
    from tqdm import tqdm

    bar = tqdm(total=total, desc=desc, unit="part", file=sys.stderr, leave=False)
    return bar, bar.update


@dataclass
class _Ids:
    """The article ids of every partition as ``load_corpus`` gives them (repeated ids renamed),
    the outlet of each, and the articles whose raw text an earlier one has."""

    parts: list[list[str]] = field(default_factory=list)
    outlets: list[list] = field(default_factory=list)
    duplicate_of: dict[str, str] = field(default_factory=dict)
    dups: list[tuple] = field(default_factory=list)

    @classmethod
    def of(cls, summaries: list, meta: dict, problems: list, skipped: list, root: Path) -> _Ids:
        """Stage 2: the ids of the read partitions; their problems added to ``problems``."""
        from presslens.corpus.load import (
            bad_date,
            find_duplicates,
            no_articles,
            orphan_rows,
            renamed_id,
        )

        ids, seen, digests = cls(), {}, []
        for summary, _ in summaries:
            ids.parts.append([])
            ids.outlets.append([])
            for art, rel, digest, outlet, problem in summary:
                if problem:
                    problems.append(bad_date(problem))
                art = renamed_id(seen, art, rel, problems)
                ids.parts[-1].append(art)
                ids.outlets[-1].append((meta.get(art) or {}).get("outlet") or outlet)
                digests.append((art, digest, rel))
        if not digests:
            raise no_articles(root, skipped, problems)
        problems.extend(orphan_rows(meta, seen))
        ids.duplicate_of, ids.dups = find_duplicates(digests)
        return ids


def _tfidf_blocks(runner, results: list, done: list[dict], out: Path, tick) -> tuple[list, list]:
    """Stage 5: the vocabulary and idf of the summed document frequencies (written as the
    ``vocabulary`` table), then the TF-IDF rows of every partition; the terms and the blocks."""
    from presslens.text.weighting import smooth_idf

    df: Counter = Counter()
    labels: Counter = Counter()
    for r in done:
        df.update(r["df"])
        labels.update(r["labels"])
    terms = sorted(df)
    vocabulary = {t: i for i, t in enumerate(terms)}
    n_docs = sum(len(r["ids"]) for r in done)
    dfs = np.fromiter((df[t] for t in terms), dtype=np.float64, count=len(terms))
    idf = smooth_idf(dfs, n_docs)
    write_table(pd.DataFrame({"column": np.arange(len(terms), dtype=np.int64), "term": terms,
                              "label": _labels(terms, labels), "df": dfs.astype(np.int64),
                              "idf": idf}),
                out / "vocabulary.parquet")
    del labels, df
    blocks = runner.gather(runner.submit(_tfidf_rows, [(r,) for r in results], vocabulary, idf,
                                         progress=tick))
    return terms, blocks


def _labels(terms: list[str], labels: Counter) -> list[str]:
    """The label of each term: its commonest lemma (the first in order on a tie)."""
    best: dict[str, tuple[int, str]] = {}
    for (term, lemma), n in labels.items():
        cur = best.get(term)
        if cur is None or (-n, lemma) < (-cur[0], cur[1]):
            best[term] = (n, lemma)
    return [best[t][1] for t in terms]


def _save_tfidf(blocks: list, done: list[dict], out: Path) -> tuple[sp.csr_matrix, list[str]]:
    """Stack the partitions' rows in article id order and save them; the matrix and the ids."""
    ids = [a for r in done for a in r["ids"]]
    order = np.argsort(np.asarray(ids, dtype=object), kind="stable")
    X = sp.vstack(blocks, format="csr")[order] if blocks else sp.csr_matrix((0, 0))
    save_matrix(X, out / "tfidf.npz")
    return X, [ids[i] for i in order]


def _neighbours(runner, X: sp.csr_matrix, ids: list[str], k: int, out: Path) -> None:
    """Stage 6: the top-``k`` neighbours of every article, written as ``neighbors``."""
    runner.release()
    nb = runner.neighbors(X, k)
    id_array = np.asarray(ids, dtype=object)
    nb.insert(0, "article", id_array[nb["row"].to_numpy()])
    nb.insert(1, "neighbor_id", id_array[nb["neighbor"].to_numpy()])
    nb = nb.rename(columns={"neighbor": "neighbor_row"}).rename(
        columns={"neighbor_id": "neighbor"})
    write_table(nb[NEIGHBOR_COLUMNS], out / "neighbors.parquet")


def _write_reports(out: Path, skipped: list, problems: list, dups: list) -> None:
    """Write the load reports (``skipped``, ``problems``, ``duplicates``) and log them."""
    from presslens.corpus.load import log_reports, report_frames

    for name, frame in report_frames(skipped, problems, dups).items():
        write_table(frame, out / f"{name}.parquet")
    log_reports(skipped, problems, dups)


class _Shape(NamedTuple):
    """What the manifest keeps of the TF-IDF matrix."""

    shape: tuple[int, int]
    nnz: int


def _write_manifest(summary: IndexSummary, root: Path, engine: str, X: _Shape, k: int,
                    skip: tuple[str, ...], linked: dict) -> None:
    """Write the index's ``manifest.json``: what is inside and how it was made."""
    write_manifest(summary.root, {
        "presslens": __version__,
        "source": str(root),
        "engine": engine,
        "n_articles": summary.n_articles,
        "n_partitions": summary.n_partitions,
        "n_terms": summary.n_terms,
        "n_statements": summary.n_statements,
        "n_events": summary.n_events,
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
        "seconds": summary.seconds,
    })
