"""Locate the project's folders from the package, never from the working directory."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path | None:
    """Return the checkout that holds this package, or None for an installed copy.

    Returns
    -------
    pathlib.Path or None
        The folder with ``pyproject.toml`` and ``seeds/`` above ``src/presslens``.
    """
    for parent in _PACKAGE_DIR.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "seeds").is_dir():
            return parent
    return None


def seeds_dir() -> Path:
    """Return the bundled seed corpus folder.

    Raises
    ------
    FileNotFoundError
        When presslens is installed without its checkout (pass a corpus path instead).
    """
    root = project_root()
    if root is None:
        raise FileNotFoundError(
            "presslens is not running from its checkout, so seeds/ is not available; "
            "pass the path of a corpus folder instead"
        )
    return root / "seeds"


def resource(name: str) -> Path:
    """Return the path of a language resource shipped in ``presslens/resources``."""
    return _PACKAGE_DIR / "resources" / name
