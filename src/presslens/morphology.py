"""The one pymorphy3 analyser per language, shared by every stage that reads word forms.

The cleaner asks it whether a short line tells what someone did; lemmas, dates and statements
ask it for lemmas, tenses and cases. Each dictionary is loaded once per process, on first use.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["analyzer"]


@lru_cache(maxsize=2)
def analyzer(language: str):
    """Return the shared pymorphy3 analyser for ``"ru"`` or ``"uk"``, created on first use.

    Every stage that needs grammemes (cleaning, statements, dates) asks this one analyser, so
    each dictionary is loaded once per process.
    """
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)
