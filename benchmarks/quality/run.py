"""Run presslens on the labelled texts, exactly as the CLI does, and the peer beside it."""

from __future__ import annotations

import csv
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from presslens.corpus.load import load_corpus
from presslens.findings import events
from presslens.statements.extract import statements


@dataclass
class Output:
    """What one tool found: clean texts, direct quotations, dated mentions, and the corpus."""

    texts: dict[str, str]
    quotes: pd.DataFrame  # article, start, end, speaker, speaker_mention, said_on, cluster
    events: pd.DataFrame  # article, text, start, end, date_start, date_end
    articles: pd.DataFrame | None = None
    removed: pd.DataFrame | None = None


def corpus_folder(records: list[dict], texts_dir: Path, into: Path) -> list[str]:
    """Copy the labelled texts into ``into`` with a ``metadata.csv``; return the missing ids."""
    missing = []
    rows = []
    for r in records:
        source = texts_dir / f"{r['id']}.txt"
        if not source.exists():
            missing.append(r["id"])
            continue
        shutil.copyfile(source, into / source.name)
        rows.append([r["id"], r.get("outlet") or "", r.get("url") or "",
                     r.get("published") or "", r.get("language") or ""])
    with open(into / "metadata.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "outlet", "url", "published", "language"])
        writer.writerows(rows)
    return missing


def run_presslens(records: list[dict], texts_dir: Path) -> tuple[Output, list[str]]:
    """Load, clean and extract as ``presslens articles|statements|events`` do."""
    with tempfile.TemporaryDirectory(prefix="presslens-quality-") as tmp:
        missing = corpus_folder(records, Path(texts_dir), Path(tmp))
        corpus = load_corpus(tmp)
    arts = corpus.articles
    found = statements(arts)
    direct = found[found["kind"] == "direct"].reset_index(drop=True)
    texts = dict(zip(arts["id"], arts["text"], strict=True))
    return Output(texts, direct, events(arts, found), arts, corpus.removed), missing
