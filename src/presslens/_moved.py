"""Keep the module paths of presslens before the stage packages importable, with a warning.

``from presslens.load import load_corpus`` (the path of the first notebooks) still works: the
old name is an alias of the module's new home (``presslens.corpus.load``), with the same
objects, and a :class:`DeprecationWarning` that names the new path.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys
import types
import warnings

#: Old module (under ``presslens.``) → its home now.
MOVED = {
    "decode": "corpus.decode", "metadata": "corpus.metadata", "lang": "corpus.lang",
    "clean": "corpus.clean", "load": "corpus.load", "index": "corpus.index",
    "overview": "corpus.overview", "nlp": "text", "vectorize": "text.vectorize",
    "dates": "dates", "quotes": "statements.quotes", "speakers": "statements.speakers",
    "attribution": "statements.attribution", "reported": "statements.reported",
    "registry": "statements.registry", "linking": "statements.linking",
    "corpuslink": "statements.corpuslink", "similarity": "findings",
    "topics": "findings", "echoes": "findings", "timeline": "findings",
    "corpusevents": "findings.corpusevents", "engine": "engine",
    "indexlink": "engine.indexlink", "display": "views.display", "explore": "views.explore",
    "report": "views.report", "plots": "views.plots",
}
_PREFIX = "presslens."


class _Alias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Find ``presslens.<old>`` and load it as a copy of the names of its new home."""

    def find_spec(self, fullname, path=None, target=None):
        return importlib.util.spec_from_loader(fullname, self) if _home(fullname) else None

    def create_module(self, spec):
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        new = _home(module.__name__)
        warnings.warn(f"{module.__name__} is now {new}: import from there",
                      DeprecationWarning, stacklevel=2)
        home = importlib.import_module(new)
        module.__dict__.update({k: v for k, v in vars(home).items()
                                if not k.startswith("__") or k in ("__all__", "__doc__")})
        if hasattr(home, "__path__"):
            module.__path__ = []  # a package: its old submodules are found here too


def _home(fullname: str) -> str | None:
    """The new name of an old module path (``presslens.plots.timeline`` too), else None."""
    if not fullname.startswith(_PREFIX):
        return None
    head, _, rest = fullname.removeprefix(_PREFIX).partition(".")
    if MOVED.get(head) in (None, head):
        return None
    return _PREFIX + MOVED[head] + (f".{rest}" if rest else "")


def install() -> None:
    """Put the alias finder on ``sys.meta_path`` (once)."""
    if not any(isinstance(f, _Alias) for f in sys.meta_path):
        sys.meta_path.append(_Alias())
