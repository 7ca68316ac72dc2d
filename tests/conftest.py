"""Shared fixtures: the seed corpus, loaded once, and a writer of small corpora on disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from presslens.corpus.load import Corpus, load_corpus


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    """The bundled seed corpus."""
    return load_corpus()


@pytest.fixture
def write_corpus(tmp_path: Path) -> Callable[[dict[str, bytes | str]], Path]:
    """Write ``{relative name: content}`` into a fresh folder and return the folder.

    ``str`` content is written as UTF-8; ``bytes`` as they are.
    """

    def write(files: dict[str, bytes | str]) -> Path:
        root = tmp_path / "corpus"
        root.mkdir(exist_ok=True)
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            data = content.encode("utf-8") if isinstance(content, str) else content
            path.write_bytes(data)
        return root

    return write


@pytest.fixture
def cleaned_as() -> Callable[[str], tuple[int, list[str]]]:
    """How the cleaner leaves a raw text: the number of lines kept, and the reason of every
    line removed, in order."""
    from presslens.corpus.clean import clean_text

    def read(raw: str) -> tuple[int, list[str]]:
        cleaned = clean_text(raw)
        return len(cleaned.lines), [r.reason for r in cleaned.removed]

    return read


@pytest.fixture
def cleaned_lines() -> Callable[[str], tuple[list[int], list[tuple[int, str]]]]:
    """How the cleaner leaves a raw text, line by line: the raw line numbers kept, and each
    line removed with its reason, in order."""
    from presslens.corpus.clean import clean_text

    def read(raw: str) -> tuple[list[int], list[tuple[int, str]]]:
        cleaned = clean_text(raw)
        return cleaned.lines, [(r.line, r.reason) for r in cleaned.removed]

    return read


@pytest.fixture
def direct() -> Callable[[str, str], list[dict]]:
    """The direct statements (quotations) found in a text of one language, in text order."""
    from presslens.statements.reported import find_statements

    def read(text: str, language: str) -> list[dict]:
        return [s for s in find_statements(text, language) if s["kind"] == "direct"]

    return read


@pytest.fixture
def speaker_keys() -> Callable[[list[dict]], list[str | None]]:
    """Each statement's speaker: the person's key, else the mention as written (None)."""

    def keys(found: list[dict]) -> list[str | None]:
        return [s["person"].key if s["person"] else s["speaker_mention"] for s in found]

    return keys


@pytest.fixture
def statements_of() -> Callable[..., object]:
    """The statements table (``presslens statements``, unlinked) of articles given as
    ``(text, language)`` pairs, all published on ``published``."""
    import pandas as pd

    from presslens.statements import statements

    def table(texts: list[tuple[str, str]], published: str):
        arts = pd.DataFrame([{"id": f"a{k}", "text": text, "language": language, "outlet": "o",
                              "published": pd.Timestamp(published), "title": None}
                             for k, (text, language) in enumerate(texts)])
        return statements(arts, link=False)

    return table
