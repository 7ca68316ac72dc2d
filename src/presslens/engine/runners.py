"""Where the partition tasks of an index build run: in this process, or on a Dask cluster.

Both runners give the same calls: ``submit`` tasks over items (results kept where they ran),
``gather`` them, ``map`` a function and collect its results, ``release`` the workers' memory,
``neighbors`` of a TF-IDF matrix and ``close``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

import numpy as np
import pandas as pd

from presslens.engine.stages import neighbors_blockwise

__all__ = ["make_runner"]


def make_runner(engine: str, scheduler: str | None, workers: int | None):
    """Return the runner of ``engine`` (``"local"`` or ``"dask"``)."""
    return _Dask(scheduler, workers) if engine == "dask" else _Local(workers)


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
