"""The real-text scorer (benchmarks/quality) finds its keys and scores as documented."""

import io
import json
import re
import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo's benchmarks/ package

from benchmarks.quality import rebuild  # noqa: E402
from benchmarks.quality.gold import find_key, gold_lines  # noqa: E402
from benchmarks.quality.score import score_predictions, score_quotes  # noqa: E402

RAW = (
    "Мэр ушел в отставку\n"
    "12:30\n"
    "Мэр ушел в отставку\n"
    "«Я сделал все, что мог, для нашего города», — сказал мэр журналистам.\n"
    "Читайте также"
)
RECORD = {
    "id": "t01-ru", "language": "ru", "body_first": "Мэр ушел в отставку",
    "body_last": "сказал мэр журналистам.",
    "boilerplate": [{"key": "Мэр ушел в отставку", "kind": "title"},
                    {"key": "12:30", "kind": "timestamp"},
                    {"key": "Читайте также", "kind": "read-also"}],
    "quotes": [{"key": "Я сделал все, что", "end": "для нашего города", "speaker": "Petrov",
                "stems": ["Петров"], "said_on": None, "style": "guillemets",
                "cue": "verb-after"}],
}


@pytest.mark.parametrize(
    ("text", "key", "span"),
    [("Он сказал — «да»", "сказал - «да", (3, 15)), ("один  два\nтри", "два три", (6, 13)),
     ("нет", "да", None)],
)
def test_keys_are_found_across_spaces_dashes_and_quote_marks(text, key, span):
    assert find_key(text, key) == span


def test_a_headline_repeated_as_the_lede_is_boilerplate_once_and_body_once():
    labels = [(g.line, g.body, g.kind) for g in gold_lines(RAW, RECORD)]
    assert labels == [(1, False, "title"), (2, False, "timestamp"), (3, True, None),
                      (4, True, None), (5, False, "read-also")]


def test_a_quotation_is_found_when_predictions_cover_most_of_it():
    text = RAW.split("\n", 2)[2]
    start = text.index("Я сделал")
    end = text.index("»")
    half = start + (end - start) // 3
    preds = pd.DataFrame([
        {"article": "t01-ru", "start": start, "end": end, "speaker": "Oleg Petrov",
         "speaker_mention": "мэр", "said_on": None, "cluster": 0},
        {"article": "t01-ru", "start": 0, "end": half, "speaker": "unknown",
         "speaker_mention": None, "said_on": None, "cluster": 1},
    ])
    scored = score_quotes([RECORD], {"t01-ru": text}, preds)
    assert scored[["found", "speaker_ok"]].values.tolist() == [[True, True]]
    real = score_predictions([RECORD], {"t01-ru": text}, preds)
    # the second prediction lies mostly outside the labelled quotation: not real
    assert real["real"].tolist() == [True, False]


@pytest.mark.parametrize(
    ("speaker", "mention", "speaker_id", "ok"),
    [
        # a foreign name written back from Cyrillic: the person's key holds the labelled stem
        ("Maikl OLiri", "він", "олир", True),
        # another person, an organisation, nobody: never
        ("Ivan Petrov", "он", "петров", False),
        ("Ryanair", "Ryanair", "org:ryanair", False),
        ("unknown", None, "unknown", False),
    ],
)
def test_a_speaker_is_right_by_the_persons_key_as_well(speaker, mention, speaker_id, ok):
    from benchmarks.quality.score import _speaker_ok

    quote = {"speaker": "O'Leary", "stems": ["Лири", "Лірі"]}
    pred = pd.Series({"speaker": speaker, "speaker_mention": mention, "speaker_id": speaker_id})
    assert _speaker_ok(quote, pred) is ok


_CYRILLIC = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)


def _keys(record: dict) -> list[str]:
    """Every short key of a gold record (the texts themselves are never committed)."""
    return [record["body_first"], record["body_last"],
            *(b["key"] for b in record["boilerplate"]),
            *(q[part] for q in record["quotes"] for part in ("key", "end")),
            *(d["key"] for d in record["dates"])]


def test_the_committed_gold_holds_short_keys_only_never_article_text():
    from pathlib import Path

    from benchmarks.quality.gold import read_gold

    records, _ = read_gold(Path(__file__).parent.parent / "benchmarks" / "quality" / "gold")
    # more than 8 words, or a run of text glued without spaces (a page's address may be long)
    long = [(r["id"], k[:40]) for r in records for k in _keys(r)
            if len(k.split()) > 8 or any(len(_CYRILLIC.findall(w)) > 40 for w in k.split())]
    assert records and long == []


@pytest.mark.parametrize(
    ("excerpt", "saved"),
    [
        # the JSON string literal the search tool prints, decoded unchanged
        (json.dumps(RAW, ensure_ascii=False), True),
        (RAW, True),
        # the same address, another stored excerpt: most keys are not on it
        ("Мэр ушел в отставку\nМэр провел пресс-конференцию.", False),
    ],
)
def test_a_rebuilt_text_is_saved_only_when_the_records_keys_are_on_it(tmp_path, excerpt, saved):
    gold = tmp_path / "t.jsonl"
    gold.write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    texts = tmp_path / "texts"
    stdin = sys.stdin
    try:
        sys.stdin = io.StringIO(excerpt)
        code = rebuild.main(["--gold", str(gold), "--texts", str(texts), "save", "t01-ru"])
    finally:
        sys.stdin = stdin
    assert (code == 0) is saved
    assert (texts / "t01-ru.txt").exists() is saved
    if saved:
        assert (texts / "t01-ru.txt").read_text(encoding="utf-8") == RAW
        assert rebuild.missing_queries([RECORD | {"query": "q", "url": "u"}], texts) == []
    else:
        assert rebuild.missing_queries([RECORD | {"query": "q", "url": "u"}], texts) == [
            {"query": "q", "want": [{"id": "t01-ru", "url": "u"}]}]
