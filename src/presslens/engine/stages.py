"""The partition work of an index build: each task runs on one partition, where its files live.

``_read_part`` (decode), ``_line_counts`` (the short lines of each outlet), ``_process_part``
(clean, lemmatize, statements, events; write the partition's tables) and ``_tfidf_rows`` (the
partition's TF-IDF rows), each with the small summary that travels back to the coordinator;
and the blockwise neighbour search over the whole matrix.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp

from presslens.corpus.clean import REMOVED_COLUMNS
from presslens.corpus.index import write_table
from presslens.corpus.repeated import count_lines, frequent_lines
from presslens.corpus.sources import corpus_files, read_files, source_digest

__all__ = ["neighbors_blockwise", "partition_files"]


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
    skipped: list[tuple] = []
    files = corpus_files(Path(root), skipped)
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
    skipped: list[tuple] = []
    sources = read_files(files, skipped)
    summary = [
        (s.id, s.path, source_digest(s.raw), s.fields.get("outlet"), s.fields.pop("_problem", None))
        for s in sources
    ]
    return {"sources": sources, "skipped": skipped, "summary": summary}


def _read_summary(part: dict) -> tuple[list, list]:
    """What the coordinator needs of a read partition: its sources' summary and skipped files."""
    return part["summary"], part["skipped"]


def _line_counts(part: dict, ids: list[str], outlets: list) -> tuple[dict, Counter]:
    """Stage 3: count the short lines of each outlet, once per article."""
    return count_lines([src.text for src in part["sources"]], outlets)


def _repeated(counts: Iterable[tuple[dict, Counter]]) -> frozenset[str]:
    """The lines repeated across an outlet, from the line counts of every partition."""
    total: dict[object, Counter] = {}
    sizes: Counter = Counter()
    for part_counts, part_sizes in counts:
        sizes.update(part_sizes)
        for outlet, counter in part_counts.items():
            total.setdefault(outlet, Counter()).update(counter)
    return frequent_lines(total, sizes)


def _process_part(part: dict, number: int, ids, meta, repeated, duplicate_of, out: str,
                  skip: tuple[str, ...] = ()) -> dict:
    """Stage 4: clean, lemmatize, find statements and events; write the partition's tables."""
    from presslens._gc import spared

    with spared():  # the worker's caches grow large: full collections would walk them
        return _process_part_body(part, number, ids, meta, repeated, duplicate_of, out, skip)


def _process_part_body(part: dict, number: int, ids, meta, repeated, duplicate_of, out: str,
                       skip: tuple[str, ...]) -> dict:
    """Stage 4 without the collector: the partition's tables, and its lemma summary."""
    from presslens.corpus.load import articles_frame, clean_rows

    rows, removed = clean_rows(part["sources"], ids, meta, repeated, duplicate_of)
    part["sources"] = []  # the decoded files are not needed again: free them early
    articles = articles_frame(rows)
    lemmas, df, labels = _lemmas(articles)
    name = f"part-{number:05d}.parquet"
    root = Path(out)
    write_table(articles, root / "articles" / name)
    write_table(pd.DataFrame(removed, columns=REMOVED_COLUMNS), root / "removed" / name)
    write_table(pd.DataFrame({"article": articles["id"], "lemmas": lemmas}), root / "lemmas" / name)
    n_statements, n_events = _statements_and_events(articles, root, name, skip)
    return {"lemmas": lemmas, "ids": list(articles["id"]), "df": df, "labels": labels,
            "n_statements": n_statements, "n_events": n_events}


def _lemmas(articles: pd.DataFrame) -> tuple[list[list[str]], Counter, Counter]:
    """The lemmas of each article, the document frequency of each bridged term, and how
    often each (term, lemma) pair occurs (the term's label is its commonest lemma)."""
    from presslens.text import bridge_form, lemmatize

    lemmas, df, labels = [], Counter(), Counter()
    for text, language in zip(articles["text"], articles["language"], strict=True):
        lang = language if isinstance(language, str) else None
        doc = lemmatize(text, lang) if text.strip() else []
        lemmas.append(doc)
        terms = [bridge_form(w) for w in doc]
        labels.update(zip(terms, doc, strict=True))
        df.update(set(terms))
    return lemmas, df, labels


def _statements_and_events(articles: pd.DataFrame, root: Path, name: str,
                           skip: tuple[str, ...]) -> tuple[int, int]:
    """Find and write the partition's statements and dated events (unless skipped); count them."""
    from presslens.dates import dates_table
    from presslens.engine.indexlink import event_columns, store_people
    from presslens.statements.extract import statement_rows

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
    return n_statements, n_events


def _process_summary(result: dict) -> dict:
    """What the coordinator needs of a processed partition: all but its lemmas."""
    return {k: v for k, v in result.items() if k != "lemmas"}


def _term_counts(docs: list[list[str]], vocabulary: dict[str, int]) -> sp.csr_matrix:
    """The raw counts of each document's bridged terms, one row per document."""
    from presslens.text import bridge_form

    indptr, indices, data = [0], [], []
    for doc in docs:
        counts = Counter(vocabulary[t] for t in (bridge_form(w) for w in doc) if t in vocabulary)
        cols = sorted(counts)
        indices.extend(cols)
        data.extend(counts[c] for c in cols)
        indptr.append(len(indices))
    return sp.csr_matrix(
        (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64),
         np.asarray(indptr, dtype=np.int64)),
        shape=(len(docs), len(vocabulary)),
    )


def _tfidf_rows(result: dict, vocabulary: dict, idf: np.ndarray) -> sp.csr_matrix:
    """Stage 5: the TF-IDF rows of one partition, weighed with the corpus's idf as
    :class:`presslens.text.LemmaVectorizer` weighs (:mod:`presslens.text.weighting`)."""
    from presslens.text.weighting import weigh_counts

    if not result["lemmas"]:
        return sp.csr_matrix((0, len(idf)))
    return weigh_counts(_term_counts(result["lemmas"], vocabulary), idf)


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
