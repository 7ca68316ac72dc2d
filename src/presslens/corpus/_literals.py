"""The words a regular expression cannot match without: a fast first test of a line.

The cleaner's gated vocabulary is one large alternation, tried at every position of every short
line (about 60 µs a line). Nine lines in ten hold none of it. :func:`required_literals` reads a
pattern's syntax tree and returns strings one of which every match contains (``подпис`` for
``\\bподпис(?:ывайтесь|ка)\\b``); a line that holds none of any pattern's strings cannot match,
and the regular expression is not run on it.

The syntax tree comes from the standard library's private ``re._parser`` (Python 3.11 and
later). When it cannot be read, or a pattern yields nothing, the first test is switched off and
every line is searched as before: the result never depends on it, only the time.
"""

from __future__ import annotations

from collections.abc import Iterable

try:  # the standard library's own parser of regular expressions (private, Python ≥ 3.11)
    import re._constants as _c
    import re._parser as _p
except ImportError:  # pragma: no cover - a Python whose re module is laid out otherwise
    _c = _p = None

__all__ = ["required_literals", "triggers"]


def required_literals(pattern: str) -> frozenset[str] | None:
    """Return lower-cased strings one of which every match of ``pattern`` contains.

    Parameters
    ----------
    pattern : str
        A regular expression.

    Returns
    -------
    frozenset of str or None
        The most selective such set found (its shortest string the longest), or None when
        none can be read (a match may hold no fixed string: ``\\d+``).
    """
    if _p is None:
        return None
    try:
        found = _required(list(_p.parse(pattern)))
    except Exception:  # noqa: BLE001 - any change in the private parser: no first test
        return None
    return frozenset(s.lower() for s in found) if found else None


def triggers(patterns: Iterable[str]) -> tuple[str, ...] | None:
    """The strings of all ``patterns`` together (longest first), or None when one yields none."""
    out: set[str] = set()
    for pattern in patterns:
        found = required_literals(pattern)
        if found is None:
            return None
        out |= found
    return tuple(sorted(out, key=lambda s: (-len(s), s)))


def _required(items: list) -> set[str] | None:
    """The strings one of which a match of the sequence ``items`` contains, or None."""
    options: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is _c.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append({run})
            run = ""
        found = _required_item(op, av)
        if found:
            options.append(found)
    if run:
        options.append({run})
    return max(options, key=lambda s: (min(map(len, s)), -len(s))) if options else None


def _required_item(op, av) -> set[str] | None:
    """The strings one item of a sequence requires: a group, a choice, a character set of
    plain characters, or an item repeated at least once; None for anything else."""
    if op is _c.SUBPATTERN:
        return _required(list(av[-1]))
    if op is _c.BRANCH:
        branches = [_required(list(b)) for b in av[1]]
        return set().union(*branches) if all(branches) else None
    if op is _c.IN and av and all(o is _c.LITERAL for o, _ in av):
        return {chr(c) for _, c in av}
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] >= 1:
        return _required(list(av[2]))
    return None
