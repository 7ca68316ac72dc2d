"""Precision and recall of statements on a hand-labelled set of ru and uk news paragraphs.

``tests/labelled_quotes.jsonl`` holds short articles written for this test (not taken from
seeds/), each with every statement a reader would list: the words, the speaker (as the text
names them, or ``unknown``), the kind and the day it was said. Styles covered: «…», “…”,
„…“, "…", nested quotes, quotes split by their attribution, dash-introduced speech, colon
and ``По словам`` openers, attribution in the next or the previous sentence, pronoun and
role-noun speakers, media relaying (``передает слова X ТАСС``), two people with one surname,
names in the sentence that are not the speaker, a quote cut off at the end of the text, and
negatives (media names, titles, scare quotes).

A predicted statement matches a labelled one in the same article when their words overlap
(Dice coefficient of word sets >= 0.6); each label matches at most one prediction.

Articles are marked ``split``:

* ``dev`` (69 articles, 103 direct quotes): used while writing the rules;
* ``heldout`` (12 articles, 22 direct quotes): written after the rules and run once; the
  first run gave direct precision 1.00, recall 0.95, speaker 0.90, said_on 0.90; the general
  fixes it showed were then made (short participle cues such as «уверена», a surname the
  dictionary reads as a common noun after a first name — Лиз Трасс, generic role nouns such
  as «лидер», the day named earlier in a sentence about the speaker);
* ``heldout2`` (10 articles, 21 direct quotes): written after those fixes and not used to
  change anything; first run: direct precision 1.00, recall 1.00, speaker 1.00, said_on 0.95.

The test prints the figures of every split.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from presslens.statements.extract import statements
from presslens.statements.names import name_key
from presslens.statements.registry import same_first_name

LABELS = Path(__file__).with_name("labelled_quotes.jsonl")
_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> set[str]:
    return {w.lower().replace("ё", "е") for w in _WORD.findall(text)}


def _dice(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return 2 * len(wa & wb) / (len(wa) + len(wb))


def _same_speaker(gold: str, speaker_id: str) -> bool:
    if gold == "unknown":
        return speaker_id == "unknown"
    if speaker_id == "unknown":
        return False
    parts = gold.split()
    key, _, first = speaker_id.partition("|")
    if name_key(parts[-1]) != key:
        return False
    return not first or len(parts) < 2 or same_first_name(parts[0], first)


@pytest.fixture(scope="module")
def labelled():
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    articles = pd.DataFrame(
        {
            "id": [r["id"] for r in rows],
            "text": [r["text"] for r in rows],
            "language": [r["language"] for r in rows],
            "published": pd.to_datetime([r["published"] for r in rows]),
            "outlet": [None] * len(rows),
        }
    )
    predicted = statements(articles, link=False)
    gold = pd.DataFrame(
        [
            dict(s, article=r["id"], language=r["language"], split=r["split"])
            for r in rows
            for s in r["statements"]
        ]
    )
    split = dict(zip((r["id"] for r in rows), (r["split"] for r in rows), strict=True))
    predicted["split"] = predicted["article"].map(split)
    return predicted, gold


def _match(predicted: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    pairs = []
    for article, g in gold.groupby("article"):
        p = predicted[predicted["article"] == article]
        scored = sorted(
            (
                (_dice(pq, gq), pi, gi)
                for pi, pq in zip(p.index, p["quote"], strict=True)
                for gi, gq in zip(g.index, g["quote"], strict=True)
            ),
            reverse=True,
        )
        used_p, used_g = set(), set()
        for score, pi, gi in scored:
            if score >= 0.6 and pi not in used_p and gi not in used_g:
                used_p.add(pi)
                used_g.add(gi)
                pairs.append((pi, gi))
    return pairs


def evaluate(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float]:
    """Return precision, recall and speaker/date accuracy (direct quotes and all statements)."""
    out = {}
    for name, p, g in (
        ("direct", predicted[predicted["kind"] == "direct"], gold[gold["kind"] == "direct"]),
        ("all", predicted, gold),
    ):
        pairs = _match(p, g)
        out[f"{name}_precision"] = len(pairs) / max(len(p), 1)
        out[f"{name}_recall"] = len(pairs) / max(len(g), 1)
        out[f"{name}_speaker"] = sum(
            _same_speaker(g.at[gi, "speaker"], p.at[pi, "speaker_id"]) for pi, gi in pairs
        ) / max(len(pairs), 1)
        out[f"{name}_said_on"] = sum(
            p.at[pi, "said_on"] == pd.Timestamp(g.at[gi, "said_on"]) for pi, gi in pairs
        ) / max(len(pairs), 1)
        out[f"{name}_n_gold"] = len(g)
        out[f"{name}_n_predicted"] = len(p)
    for lang in ("ru", "uk"):
        g = gold[(gold["language"] == lang) & (gold["kind"] == "direct")]
        p = predicted[(predicted["language"] == lang) & (predicted["kind"] == "direct")]
        pairs = _match(p, g)
        out[f"direct_{lang}_precision"] = len(pairs) / max(len(p), 1)
        out[f"direct_{lang}_recall"] = len(pairs) / max(len(g), 1)
    return out


def test_labelled_set_is_large_and_bilingual(labelled):
    _, gold = labelled
    direct = gold[gold["kind"] == "direct"]
    assert len(direct) >= 100
    assert set(direct["language"]) == {"ru", "uk"}
    assert direct["language"].value_counts().min() >= 40


def _report(name: str, scores: dict) -> None:
    print(f"\n[{name}]")
    for key, value in scores.items():
        print(f"{key:>24}: {value:.3f}" if isinstance(value, float) else f"{key:>24}: {value}")


@pytest.mark.parametrize("split", ["heldout", "heldout2"])
def test_precision_and_recall_on_heldout(labelled, split):
    predicted, gold = labelled
    scores = evaluate(predicted[predicted["split"] == split], gold[gold["split"] == split])
    _report(split, scores)
    assert scores["direct_n_gold"] >= 20
    assert scores["direct_precision"] >= 0.90
    assert scores["direct_recall"] >= 0.90
    assert scores["direct_speaker"] >= 0.85
    assert scores["all_said_on"] >= 0.85


def test_precision_and_recall(labelled):
    predicted, gold = labelled
    scores = evaluate(predicted, gold)
    _report("all", scores)
    assert scores["direct_precision"] >= 0.90
    assert scores["direct_recall"] >= 0.90
    assert scores["direct_speaker"] >= 0.90
    assert scores["direct_said_on"] >= 0.90
    assert scores["all_precision"] >= 0.85
    assert scores["all_recall"] >= 0.85
    assert scores["all_speaker"] >= 0.85
    for lang in ("ru", "uk"):
        assert scores[f"direct_{lang}_precision"] >= 0.85
        assert scores[f"direct_{lang}_recall"] >= 0.85
