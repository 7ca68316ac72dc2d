"""Keep the content lemma of every word form in a Parquet file, for other processes.

Each distinct (word form, language) pair is analysed once per process (the tables of
:mod:`presslens.text.lemmas`); :func:`save_lemma_cache` and :func:`load_lemma_cache` keep those
tables in a file, valid for the installed dictionaries and the lemma rules
(:func:`lemma_cache_key`), so another process need not analyse the forms again.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from pathlib import Path

# the per-form tables of lemmas.py are what the file holds
from presslens.text.lemmas import _MAX_FORMS, LEMMA_RULES_VERSION, _FormLemmas
from presslens.text.stopwords import STOP_WORDS

__all__ = ["lemma_cache_key", "load_lemma_cache", "save_lemma_cache"]

_CACHE_META = b"presslens.lemma_cache"
_CACHE_COLUMNS = ("language", "form", "inside", "initial")


def lemma_cache_key() -> dict[str, str]:
    """Return what a persisted lemma cache is valid for.

    Returns
    -------
    dict of str to str
        The installed versions of ``pymorphy3``, ``pymorphy3-dicts-ru`` and
        ``pymorphy3-dicts-uk``, :data:`presslens.text.lemmas.LEMMA_RULES_VERSION`, and a digest
        of :data:`presslens.text.STOP_WORDS` (a stop word has no content lemma). A cache file
        written under another key is ignored.
    """
    from importlib.metadata import PackageNotFoundError, version

    key = {}
    for package in ("pymorphy3", "pymorphy3-dicts-ru", "pymorphy3-dicts-uk"):
        try:
            key[package] = version(package)
        except PackageNotFoundError:
            key[package] = ""
    key["presslens-lemma-rules"] = str(LEMMA_RULES_VERSION)
    key["stop-words"] = hashlib.sha256("\n".join(sorted(STOP_WORDS)).encode()).hexdigest()[:16]
    return key


def save_lemma_cache(path: str | Path) -> int:
    """Write every content lemma known to this process to a Parquet file.

    The file holds one row per (language, word form as written) with its lemma inside a
    sentence and at the start of one (``""``: no content lemma), and the
    :func:`lemma_cache_key` in its schema metadata. It is written to a temporary file first,
    then renamed, so a reader never sees half a file.

    Parameters
    ----------
    path : str or pathlib.Path
        The file to write (its folder must exist).

    Returns
    -------
    int
        The number of forms written.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns: dict[str, list[str]] = {name: [] for name in _CACHE_COLUMNS}
    for language in ("ru", "uk"):
        fixed = _FormLemmas.fixed[language]
        positional = _FormLemmas.positional[language]
        columns["language"] += [language] * (len(fixed) + len(positional))
        columns["form"] += [*fixed, *positional]
        lemmas = list(fixed.values())
        columns["inside"] += lemmas + [pair[0] for pair in positional.values()]
        columns["initial"] += lemmas + [pair[1] for pair in positional.values()]
    schema = pa.schema([(name, pa.string()) for name in _CACHE_COLUMNS],
                       metadata={_CACHE_META: json.dumps(lemma_cache_key()).encode()})
    table = pa.table(columns, schema=schema)
    path = Path(path)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    pq.write_table(table, partial, compression="zstd")
    os.replace(partial, path)
    _remember(path, table.num_rows)
    return table.num_rows


def _remember(path: Path, forms: int) -> None:
    """Note that every form of the cache file ``path`` is in this process's tables."""
    stat = path.stat()
    _FormLemmas.files[str(path.resolve())] = (stat.st_mtime_ns, stat.st_size, forms)


def load_lemma_cache(path: str | Path) -> int:
    """Read a lemma cache written by :func:`save_lemma_cache` into this process's tables.

    Only a file written under the same :func:`lemma_cache_key` is used; a missing file gives 0,
    and a file of another key, or one that is not a lemma cache, is ignored with a warning
    (never an error). The file is read as Parquet columns of text: nothing is unpickled.

    Parameters
    ----------
    path : str or pathlib.Path
        The file.

    Returns
    -------
    int
        The number of forms read (0 when the file is missing or ignored). A file this process
        has read or written, unchanged since, is not read again.

    Warns
    -----
    UserWarning
        When the file exists but is unreadable, not a lemma cache, or of another key.
    """
    path = Path(path)
    if not path.is_file():
        return 0
    stat = path.stat()
    known = _FormLemmas.files.get(str(path.resolve()))
    if known is not None and known[:2] == (stat.st_mtime_ns, stat.st_size):
        return known[2]  # read (or written) by this process already, and unchanged since
    table = _read_cache(path)
    if table is None:
        return 0
    room = max(0, _MAX_FORMS - _FormLemmas.size())
    if room >= table.num_rows:
        _remember(path, table.num_rows)
    table = table.slice(0, room)
    _merge_cache(table)
    return table.num_rows


def _merge_cache(table) -> None:
    """Add the rows of a cache table to the tables of :class:`_FormLemmas`."""
    import pyarrow.compute as pc

    same = pc.equal(table.column("inside"), table.column("initial"))
    for language in ("ru", "uk"):
        mine = pc.equal(table.column("language"), language)
        rows = table.filter(pc.and_(mine, same))
        _FormLemmas.fixed[language].update(
            zip(rows.column("form").to_pylist(), rows.column("inside").to_pylist(), strict=True)
        )
        rows = table.filter(pc.and_(mine, pc.invert(same)))
        pairs = zip(rows.column("inside").to_pylist(), rows.column("initial").to_pylist(),
                    strict=True)
        _FormLemmas.positional[language].update(
            zip(rows.column("form").to_pylist(), pairs, strict=True)
        )


def _read_cache(path: Path):
    """Return the table of a valid cache file at ``path``, or None with a warning."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
        stored = json.loads((schema.metadata or {}).get(_CACHE_META, b"null"))
        if stored != lemma_cache_key():
            warnings.warn(f"{path}: a lemma cache of other dictionaries or rules ({stored}), "
                          "ignored", stacklevel=3)
            return None
        table = pq.read_table(path, columns=list(_CACHE_COLUMNS))
    except (OSError, ValueError, pa.ArrowException) as error:
        warnings.warn(f"{path}: not a readable lemma cache ({error}), ignored", stacklevel=3)
        return None
    strings = all(pa.types.is_string(table.schema.field(c).type) for c in _CACHE_COLUMNS)
    nulls = sum(table.column(c).null_count for c in _CACHE_COLUMNS)
    if not strings or nulls or not pc.all(
        pc.is_in(table.column("language"), pa.array(["ru", "uk"]))
    ).as_py():
        warnings.warn(f"{path}: not a lemma cache (columns), ignored", stacklevel=3)
        return None
    return table
