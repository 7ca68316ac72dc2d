"""Score predictions against the gold: one tidy table per measure.

Every function takes the gold records and a prediction table whose columns follow presslens's
(``article``, ``start``, ``end`` as offsets into the article's clean text, and so on), so the same
scoring serves presslens and the peer.
"""

from __future__ import annotations

import datetime as dt
from difflib import SequenceMatcher

import pandas as pd

from benchmarks.quality.gold import find_key, gold_lines
from presslens.statements.names import name_key

#: Share of a labelled quotation that predictions must cover to find it, and share of a
#: predicted quotation that must lie inside labelled ones to be real.
OVERLAP = 0.6
#: Predicted quotations shorter than this are not labelled, so never counted as false.
MIN_WORDS = 4


def _day(value) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _covered(span: tuple[int, int], spans: list[tuple[int, int]]) -> int:
    """Count the characters of ``span`` covered by the union of ``spans``."""
    a, b = span
    marks = sorted((max(a, s), min(b, e)) for s, e in spans if s < b and e > a)
    total, reach = 0, a
    for s, e in marks:
        s = max(s, reach)
        if e > s:
            total += e - s
            reach = e
    return total


def _overlap(x: tuple[int, int], y: tuple[int, int]) -> int:
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


def locate_quotes(record: dict, text: str) -> list[tuple[dict, tuple[int, int] | None]]:
    """Find each labelled quotation of ``record`` in ``text`` (its key to its end words)."""
    out, pos = [], 0
    for quote in record.get("quotes", []):
        head = find_key(text, quote["key"], pos) or find_key(text, quote["key"])
        span = None
        if head:
            tail = find_key(text, quote.get("end") or quote["key"], head[0])
            span = (head[0], tail[1] if tail else head[1])
            pos = head[0] + 1
        out.append((quote, span))
    return out


def _str(value) -> str:
    return value if isinstance(value, str) else ""


def _speaker_ok(quote: dict, pred) -> bool:
    gold = (quote.get("speaker") or "unknown").strip()
    speaker, mention = _str(pred.speaker), _str(pred.speaker_mention)
    said = f"{speaker} {mention}".casefold().replace("ё", "е")
    if gold.casefold() == "unknown":
        return not mention.strip() or speaker in ("", "unknown")
    stems = [n.casefold().replace("ё", "е") for n in quote.get("stems") or [] if n.strip()]
    if any(n in said for n in stems) or _same_person(stems, getattr(pred, "speaker_id", None)):
        return True
    # Latin spellings differ by scheme (Ulyukaev, Ulyukayev): compare the surnames loosely
    surname = _latin_fold(gold.split()[-1])
    words = [_latin_fold(w) for w in speaker.split()]
    return any(SequenceMatcher(None, surname, w).ratio() >= 0.8 for w in words)


def _same_person(stems: list[str], speaker_id) -> bool:
    """Whether a Cyrillic stem of the labelled speaker is the surname key presslens gives the
    person (``лир`` of Лири in ``олир``): a foreign name written back in Latin letters from
    Cyrillic (Maykl O'Liri) is still the labelled O'Leary."""
    if not isinstance(speaker_id, str) or speaker_id == "unknown" or ":" in speaker_id:
        return False
    keys = [name_key(n) for n in stems]
    return any(len(k) >= 3 and k in speaker_id for k in keys)


def _latin_fold(word: str) -> str:
    """Fold the letters that Latin spellings of one Cyrillic name differ in (Usyk, Usik)."""
    return word.casefold().replace("y", "i").replace("j", "i").replace("kh", "h")


def score_quotes(records: list[dict], texts: dict[str, str], preds: pd.DataFrame) -> pd.DataFrame:
    """Score every labelled quotation: found, speaker right, said-on right.

    Returns
    -------
    pandas.DataFrame
        One row per labelled quotation: ``article``, ``language``, ``index``, ``key``,
        ``style``, ``cue``, ``located`` (found in the clean text at all), ``found``,
        ``gold_speaker``, ``speaker``, ``speaker_mention``, ``speaker_ok``,
        ``gold_said_on``, ``said_on``, ``said_on_ok``, ``cluster``.
    """
    rows = []
    by_article = {k: g for k, g in preds.groupby("article")} if len(preds) else {}
    for record in records:
        text = texts.get(record["id"], "")
        mine = by_article.get(record["id"], preds.iloc[0:0])
        spans = list(zip(mine["start"].astype(int), mine["end"].astype(int), strict=True))
        for i, (quote, span) in enumerate(locate_quotes(record, text)):
            row = {
                "article": record["id"], "language": record["language"], "index": i,
                "key": quote["key"], "style": quote.get("style"), "cue": quote.get("cue"),
                "located": span is not None, "found": False,
                "gold_speaker": quote.get("speaker"), "speaker": None, "speaker_mention": None,
                "speaker_ok": None, "gold_said_on": quote.get("said_on"), "said_on": None,
                "said_on_ok": None, "cluster": None,
            }
            if span is not None and span[1] > span[0]:
                need = OVERLAP * (span[1] - span[0])
                row["found"] = _covered(span, spans) >= need
            if row["found"]:
                best = max(range(len(spans)), key=lambda j: _overlap(span, spans[j]))
                pred = mine.iloc[best]
                row.update(speaker=pred.speaker, speaker_mention=pred.speaker_mention,
                           speaker_ok=_speaker_ok(quote, pred), said_on=_day(pred.said_on),
                           cluster=pred.cluster)
                if quote.get("said_on"):
                    row["said_on_ok"] = row["said_on"] == dt.date.fromisoformat(quote["said_on"])
            rows.append(row)
    return pd.DataFrame(rows)


def score_predictions(
    records: list[dict], texts: dict[str, str], preds: pd.DataFrame
) -> pd.DataFrame:
    """Score every predicted direct quotation: is it a labelled one?

    Returns
    -------
    pandas.DataFrame
        One row per predicted quotation of a labelled article: ``article``, ``start``, ``end``,
        ``quote``, ``n_words``, ``real`` (at least :data:`OVERLAP` of it lies inside labelled
        quotations), ``counted`` (real, or long enough to have been labelled).
    """
    rows = []
    for record in records:
        text = texts.get(record["id"], "")
        gold = [s for _, s in locate_quotes(record, text) if s is not None]
        mine = preds[preds["article"] == record["id"]]
        for p in mine.itertuples(index=False):
            span = (int(p.start), int(p.end))
            quote = text[span[0]:span[1]]
            real = span[1] > span[0] and _covered(span, gold) >= OVERLAP * (span[1] - span[0])
            n_words = len(quote.split())
            rows.append({"article": record["id"], "start": span[0], "end": span[1],
                         "quote": quote, "n_words": n_words, "real": real,
                         "counted": real or n_words >= MIN_WORDS})
    return pd.DataFrame(rows, columns=["article", "start", "end", "quote", "n_words", "real",
                                       "counted"])


def score_dates(records: list[dict], texts: dict[str, str], events: pd.DataFrame) -> pd.DataFrame:
    """Score every labelled dated mention: found, and resolved to the right first and last day.

    Returns
    -------
    pandas.DataFrame
        One row per labelled mention: ``article``, ``key``, ``kind``, ``gold_start``,
        ``gold_end``, ``located``, ``found``, ``text``, ``start``, ``end``, ``right``.
    """
    rows = []
    by_article = {k: g for k, g in events.groupby("article")} if len(events) else {}
    for record in records:
        text = texts.get(record["id"], "")
        mine = by_article.get(record["id"], events.iloc[0:0])
        pos = 0
        for date in record.get("dates", []):
            span = find_key(text, date["key"], pos) or find_key(text, date["key"])
            row = {"article": record["id"], "key": date["key"], "kind": date.get("kind"),
                   "gold_start": date["start"], "gold_end": date["end"],
                   "located": span is not None, "found": False, "text": None,
                   "start": None, "end": None, "right": False}
            if span is not None:
                pos = span[0] + 1
                hits = [e for e in mine.itertuples(index=False)
                        if _overlap(span, (int(e.start), int(e.end))) > 0]
                if hits:
                    best = max(hits, key=lambda e: _overlap(span, (int(e.start), int(e.end))))
                    start, end = _day(best.date_start), _day(best.date_end)
                    row.update(found=True, text=best.text, start=start, end=end,
                               right=(str(start), str(end)) == (date["start"], date["end"]))
            rows.append(row)
    return pd.DataFrame(rows)


def score_lines(records: list[dict], articles: pd.DataFrame, removed: pd.DataFrame) -> pd.DataFrame:
    """Score the cleaner on every non-empty raw line: body kept, boilerplate removed.

    Returns
    -------
    pandas.DataFrame
        One row per non-empty raw line: ``article``, ``line``, ``text``, ``body`` (gold),
        ``kind`` (gold boilerplate kind), ``kept`` (presslens kept it), ``reason`` (why
        presslens removed it), ``ok``.
    """
    rows = []
    arts = articles.set_index("id")
    reasons = {(r.article, int(r.line)): r.reason for r in removed.itertuples(index=False)}
    for record in records:
        if record["id"] not in arts.index:
            continue
        art = arts.loc[record["id"]]
        kept = {int(x) for x in art["lines"]}
        for g in gold_lines(art["raw"], record):
            is_kept = g.line in kept
            rows.append({"article": record["id"], "line": g.line, "text": g.text,
                         "body": g.body, "kind": g.kind, "kept": is_kept,
                         "reason": reasons.get((record["id"], g.line)),
                         "ok": is_kept == g.body})
    return pd.DataFrame(rows)


def score_pairs(pairs: list[dict], quotes: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Score the ru↔uk pairs: linked when both quotations fall in one cluster.

    Returns
    -------
    tuple of (pandas.DataFrame, int)
        One row per pair (``ru``, ``uk``, ``speaker``, ``found`` both, ``linked``), and the
        number of wrong links: pairs of found quotations in one cluster whose labelled
        speakers differ.
    """
    index = {(r.article, r.key): r for r in quotes.itertuples(index=False)}
    rows = []
    for p in pairs:
        a, b = index.get((p["ru"], p["ru_key"])), index.get((p["uk"], p["uk_key"]))
        found = bool(a is not None and b is not None and a.found and b.found)
        linked = found and a.cluster is not None and a.cluster == b.cluster
        rows.append({"ru": p["ru"], "uk": p["uk"], "speaker": p.get("speaker"),
                     "found": found, "linked": bool(linked)})
    hit = quotes[quotes["found"] & quotes["cluster"].notna()]
    wrong = 0
    for _, group in hit.groupby("cluster"):
        # (one person's Latin spellings, Psiuk and Psyuk, are one speaker)
        names = {_latin_fold(s) for s in group["gold_speaker"].dropna() if s != "unknown"}
        wrong += len(names) > 1
    return pd.DataFrame(rows, columns=["ru", "uk", "speaker", "found", "linked"]), wrong
