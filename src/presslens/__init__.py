"""presslens: explore Russian and Ukrainian news coverage in notebooks.

The packages are the stages of the flow, each importing only the ones before it::

    corpus → text → dates → statements → findings → engine → views → cli/commands

Import from a stage package (``from presslens.corpus import load_corpus``) or from here: the
names below are read from their stage when first used, so ``import presslens`` stays light.
See ``docs/architecture.md``.
"""

from __future__ import annotations

import importlib

from presslens import _moved

__version__ = "0.1.0"

#: The public API: each name and the stage package that holds it (``statements``, ``timeline``
#: and ``echoes`` are also module names, so they are imported from their stage).
PUBLIC = {
    "Corpus": "corpus", "load_corpus": "corpus", "clean_text": "corpus", "open_index": "corpus",
    "LemmaVectorizer": "text", "lemmatize": "text", "tokenize": "text",
    "dates_table": "dates",
    "article_matrix": "findings", "similar_pairs": "findings", "top_neighbors": "findings",
    "fit_topics": "findings", "events": "findings", "reconcile_events": "findings",
    "publication_window": "findings",
    "build_index": "engine",
    "reading_table": "views", "Explorer": "views", "search": "views",
}
__all__ = ["__version__", *sorted(PUBLIC)]


_moved.install()  # the module paths before the stage packages still import, with a warning


def __getattr__(name: str):
    if name in PUBLIC:
        return getattr(importlib.import_module(f"presslens.{PUBLIC[name]}"), name)
    raise AttributeError(f"module 'presslens' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(PUBLIC))
