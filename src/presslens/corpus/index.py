"""Store a processed corpus on disk, to explore a big corpus without processing it again.

An index is a folder written by ``presslens index DIR --out INDEX`` (see
:mod:`presslens.engine.build`):

```
INDEX/manifest.json        what is inside: format, version, counts, parameters, tables
INDEX/articles/part-*.parquet    Corpus.articles (one row per article; sorted by id when read)
INDEX/removed/part-*.parquet     Corpus.removed
INDEX/lemmas/part-*.parquet      article, lemmas (list of str): content lemmas per article
INDEX/statements/part-*.parquet  presslens.statements.extract.statements over the whole corpus: one
                                 speaker registry, clusters linked across every partition
INDEX/events/part-*.parquet      article + presslens.dates.find_dates columns + outlet,
                                 language, description and event (reconciled across the index)
INDEX/event_groups.parquet       the events of two or more articles (reconcile_events's table)
INDEX/echoes.parquet             presslens.findings.echoes.echoes: who carried what after whom
INDEX/skipped.parquet  problems.parquet  duplicates.parquet   the load reports
INDEX/vocabulary.parquet   column, term, label, df, idf
INDEX/tfidf.npz            the TF-IDF matrix, one row per article in id order (scipy CSR)
INDEX/neighbors.parquet    article, neighbor, rank, score: top-K cosine neighbours
```

Only Parquet, JSON and ``.npz`` arrays are read back, the ``.npz`` with
``allow_pickle=False``: nothing from a user's folder is ever unpickled.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import scipy.sparse as sp

from presslens.corpus.model import Corpus

__all__ = [
    "FORMAT",
    "MANIFEST",
    "PARTITIONED",
    "VERSION",
    "Index",
    "is_index",
    "open_index",
    "read_corpus",
    "save_matrix",
    "write_manifest",
    "write_table",
]

#: The ``format`` field of every index manifest.
FORMAT = "presslens-index"
#: The layout version this module writes and reads.
VERSION = 1
#: The name of the manifest file.
MANIFEST = "manifest.json"
#: Tables written as one Parquet file per partition.
PARTITIONED = ("articles", "removed", "lemmas", "statements", "events")


def is_index(path: str | Path) -> bool:
    """Tell whether ``path`` is an index folder (it holds a presslens index manifest).

    Parameters
    ----------
    path : str or pathlib.Path
        Any path.

    Returns
    -------
    bool
        True when ``path/manifest.json`` exists and names the presslens index format.
    """
    manifest = Path(path) / MANIFEST
    if not manifest.is_file():
        return False
    try:
        return json.loads(manifest.read_text(encoding="utf-8")).get("format") == FORMAT
    except (ValueError, OSError, AttributeError):
        return False


def write_table(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write ``frame`` as one Parquet file (no index column), creating its folder.

    Parameters
    ----------
    frame : pandas.DataFrame
        Any tidy table.
    path : str or pathlib.Path
        The ``.parquet`` file.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False)
    pq.write_table(table, path, compression="zstd")
    return path


def save_matrix(matrix: sp.spmatrix, path: str | Path) -> Path:
    """Save a sparse matrix as CSR arrays in an uncompressed ``.npz`` (no pickled objects)."""
    path = Path(path)
    sp.save_npz(path, sp.csr_matrix(matrix), compressed=False)
    return path


def write_manifest(root: str | Path, fields: dict) -> Path:
    """Write ``manifest.json`` into ``root``: the format, version and ``fields``."""
    path = Path(root) / MANIFEST
    data = {"format": FORMAT, "version": VERSION, **fields}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def _read(path: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """Read a table (one Parquet file or a folder of parts) as ``load_corpus`` gives it:
    list columns (``lines``) as Python lists, not arrays. A damaged file is a ValueError
    naming it."""
    parts = sorted(path.glob("part-*.parquet")) if path.is_dir() else [path]
    if not parts:
        return pd.DataFrame(columns=columns or [])
    frames = []
    for part in parts:
        try:
            frames.append(pq.read_table(part, columns=columns).to_pandas())
        except (OSError, pa.ArrowException) as exc:
            raise ValueError(f"{part}: damaged index table ({exc})") from exc
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    for col in frame.columns:
        if frame[col].dtype == object and frame[col].map(_is_array).any():
            frame[col] = frame[col].map(lambda v: list(v) if _is_array(v) else v)
    return frame


def _is_array(value) -> bool:
    return isinstance(value, np.ndarray)


@dataclass(frozen=True)
class Index:
    """An index folder opened for reading; each table is read when asked for.

    Attributes
    ----------
    root : pathlib.Path
        The index folder.
    manifest : dict
        The parsed ``manifest.json``.
    """

    root: Path
    manifest: dict

    def table(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        """Read one table of the index (see the module docstring for the names).

        Parameters
        ----------
        name : str
            ``articles``, ``removed``, ``lemmas``, ``statements``, ``events``, ``skipped``,
            ``problems``, ``duplicates``, ``vocabulary``, ``neighbors``, ``event_groups`` or
            ``echoes``.
        columns : list of str, optional
            Read only these columns (e.g. leave out ``raw`` for a million articles).

        Returns
        -------
        pandas.DataFrame
            The table, sorted as documented for its name: articles by ``id``; lemmas,
            events and removed by article (then position); statements by article and
            ``start``; neighbors by article and rank; vocabulary by column.
        """
        path = self.root / name if name in PARTITIONED else self.root / f"{name}.parquet"
        if not path.exists():
            raise KeyError(f"the index has no table {name!r}")
        frame = _read(path, columns)
        keys = {
            "articles": ["id"],
            "removed": ["article", "line"],
            "lemmas": ["article"],
            "statements": ["article", "start"],
            "events": ["article", "start"],
            "neighbors": ["article", "rank"],
            "vocabulary": ["column"],
        }.get(name)
        if keys and all(k in frame.columns for k in keys) and len(frame):
            frame = frame.sort_values(keys, kind="stable").reset_index(drop=True)
        return frame

    def articles(self, columns: list[str] | None = None) -> pd.DataFrame:
        """Return the articles (``Corpus.articles`` columns), sorted by id."""
        return self.table("articles", columns)

    def tfidf(self) -> sp.csr_matrix:
        """Return the TF-IDF matrix: one L2-normalised row per article in id order."""
        with np.load(self.root / "tfidf.npz", allow_pickle=False) as data:
            fmt = data["format"].item()
            if fmt not in (b"csr", "csr"):
                raise ValueError(f"tfidf.npz: expected a CSR matrix, found {fmt!r}")
            shape = tuple(int(v) for v in data["shape"])
            return sp.csr_matrix((data["data"], data["indices"], data["indptr"]), shape=shape)

    def corpus(self) -> Corpus:
        """Return the index as a :class:`presslens.corpus.Corpus` (what ``load_corpus`` gives)."""
        return Corpus(
            root=self.root,
            articles=self.articles(),
            removed=self.table("removed"),
            skipped=self.table("skipped"),
            problems=self.table("problems"),
            duplicates=self.table("duplicates"),
        )


def open_index(path: str | Path) -> Index:
    """Open an index folder written by ``presslens index``.

    Parameters
    ----------
    path : str or pathlib.Path
        The index folder.

    Returns
    -------
    Index
        The opened index; tables are read on demand with :meth:`Index.table`.

    Raises
    ------
    ValueError
        When ``path`` is not an index, or was written by a newer layout version.
    """
    root = Path(path)
    if not is_index(root):
        raise ValueError(f"{root}: not a presslens index (no {MANIFEST} of format {FORMAT!r})")
    manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    if int(manifest.get("version", 0)) > VERSION:
        raise ValueError(f"{root}: index version {manifest['version']} is newer than {VERSION}")
    return Index(root, manifest)


def read_corpus(path: str | Path) -> Corpus:
    """Return the corpus stored in an index, as :func:`presslens.corpus.load_corpus` would.

    Parameters
    ----------
    path : str or pathlib.Path
        An index folder, as for :func:`open_index`.

    Returns
    -------
    Corpus
        ``articles`` (sorted by id), ``removed``, ``skipped``, ``problems`` and
        ``duplicates``, with the columns documented in :class:`presslens.corpus.load.Corpus`.
    """
    return open_index(path).corpus()


class Laps:
    """The seconds each stage of an index build took, in order: call :meth:`lap` at the end
    of every stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._clock = time.perf_counter()

    def lap(self, stage: str) -> None:
        """Record the time since the previous lap as ``stage``'s."""
        now = time.perf_counter()
        self.seconds[stage] = round(now - self._clock, 3)
        self._clock = now
