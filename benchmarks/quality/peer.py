"""The peer: what a user would assemble from today's Russian tools.

Quotations from ``direct-speech-extractor-ru``, the speaker as the nearest natasha ``PER`` span,
dates from natasha's ``DatesExtractor`` with a missing year or month taken from the publication
day, all run on the same clean texts presslens reads. Both are an optional extra
(``pip install -r benchmarks/quality/peer.lock``), never in presslens's runtime.
"""

from __future__ import annotations

import calendar
import datetime as dt
import inspect
import warnings

import pandas as pd

from benchmarks.quality.run import Output


def available() -> bool:
    """Tell whether the peer's packages are installed."""
    try:
        _load()
    except ImportError:
        return False
    return True


def _load():
    if not hasattr(inspect, "getargspec"):  # pymorphy2, natasha's dependency, predates 3.11
        inspect.getargspec = inspect.getfullargspec
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import natasha  # noqa: F401
        from direct_speech_extractor_ru import Extractor  # noqa: F401
    return natasha, Extractor


def _quote_spans(text: str, extractor) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for piece in extractor(text).direct_speech():
        piece = piece.strip().strip("«»\"“”„–—- ,.")
        at = text.find(piece, pos) if piece else -1
        if at < 0:
            continue
        spans.append((at, at + len(piece)))
        pos = at + len(piece)
    return spans


def _nearest(span: tuple[int, int], people: list) -> str | None:
    if not people:
        return None
    def gap(p) -> int:
        return max(span[0] - p.stop, p.start - span[1], 0)
    return min(people, key=gap).text


def _days(fact, published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    year = fact.year or (published.year if published else None)
    if year is None or not 1 <= year <= 9999:
        return None, None
    if fact.month and fact.day:
        try:
            day = dt.date(year, fact.month, fact.day)
        except ValueError:
            return None, None
        return day, day
    if fact.month:
        last = calendar.monthrange(year, fact.month)[1]
        return dt.date(year, fact.month, 1), dt.date(year, fact.month, last)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def run_peer(base: Output) -> Output:
    """Run the peer on presslens's clean texts (so cleaning is not part of the comparison)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pymorphy2 imports the deprecated pkg_resources
        return _run(base)


def _run(base: Output) -> Output:
    natasha, extractor = _load()
    emb = natasha.NewsEmbedding()
    segmenter, ner = natasha.Segmenter(), natasha.NewsNERTagger(emb)
    dates = natasha.DatesExtractor(natasha.MorphVocab())
    published = dict(zip(base.articles["id"], base.articles["published"], strict=True))
    quotes, found = [], []
    for aid, text in base.texts.items():
        pub = published.get(aid)
        pub = None if pd.isna(pub) else pd.Timestamp(pub).date()
        doc = natasha.Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(ner)
        people = [s for s in doc.spans if s.type == "PER"]
        for start, end in _quote_spans(text, extractor):
            name = _nearest((start, end), people)
            quotes.append({"article": aid, "start": start, "end": end, "speaker": name,
                           "speaker_mention": name, "said_on": pub, "cluster": None})
        for m in dates(text):
            first, last = _days(m.fact, pub)
            found.append({"article": aid, "text": text[m.start:m.stop], "start": m.start,
                          "end": m.stop, "date_start": first, "date_end": last})
    return Output(
        base.texts,
        pd.DataFrame(quotes, columns=["article", "start", "end", "speaker", "speaker_mention",
                                      "said_on", "cluster"]),
        pd.DataFrame(found, columns=["article", "text", "start", "end", "date_start",
                                     "date_end"]),
        base.articles,
    )
