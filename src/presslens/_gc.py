"""Keep Python's cycle collector off the long-lived objects while a corpus is processed.

The lemma, parse and token caches hold millions of objects; every full collection walks all of
them although none can be freed, and on a big corpus that costs more than the analysis itself.
:func:`spared` moves the objects alive on entry to the collector's permanent generation
(``gc.freeze``) for the duration of a loop, then hands them back: new garbage is still
collected as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["spared"]


@contextmanager
def spared() -> Iterator[None]:
    """Run the body with the objects alive on entry exempt from garbage collection."""
    if gc.get_freeze_count():  # an outer caller already froze them
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
