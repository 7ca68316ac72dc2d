"""The head of an article above its body: the byline, the headline and the stamped date.

Run by :func:`presslens.corpus.clean_text` after the body's bounds are known (see
:mod:`presslens.corpus._passes`); each records why it removes a line.
"""

from __future__ import annotations

import re

import pandas as pd

from presslens.corpus._passes import Article, body_anchor
from presslens.corpus._rules import (
    AUTHOR_PREFIX,
    ENDS_STOP,
    FOLD_MARKS,
    LETTER_WORD,
    NAME,
    ROLE,
    dated,
    ends_sentence,
    n_words,
    normalize_line,
    stamp_date,
)

__all__ = ["find_byline", "find_published", "find_title", "mark_title_copies"]


def find_byline(art: Article) -> str | None:
    """Mark the byline near the top (a prefixed name, or a name over a job title); the author."""
    lines, reason = art.lines, art.reason
    head = art.kept()[:12]
    for pos, i in enumerate(head):
        line = lines[i].strip()
        m = AUTHOR_PREFIX.match(line)
        if m and n_words(line) <= 6:
            reason[i] = "byline"
            return m.group(1)
        nxt = head[pos + 1] if pos + 1 < len(head) else None
        if NAME.match(line) and nxt is not None and ROLE.search(lines[nxt]) and (
            n_words(lines[nxt]) <= 8
        ):
            reason[i], reason[nxt] = "byline", "byline"
            return line
    return None


def _title_like(line: str) -> bool:
    """Tell whether a line above the body reads as a headline (not a stamp, list or lede)."""
    return (
        3 <= len(LETTER_WORD.findall(line)) <= 15
        and n_words(line) <= 30
        and not line.startswith(("•", "·", "*"))
        and not ENDS_STOP.search(line)
        and not line.endswith(":")
        and not dated(line)
        and not _SOURCE_NAMED.search(line)  # «… электротранспорте. Об этом в»: a lede cut off
    )


def _stamped_headline(art: Article) -> int | None:
    """The line just above the body's timestamp, when it reads as a headline (no full stop,
    however long: ``Х: «…»`` / ``3 січня 2017 - 15:00`` / the lede)."""
    k = art.live.index(art.first) if art.first is not None else 0
    above = art.live[: k + 2]  # the lines above the body, its first and the one after it
    for pos, (a, b) in enumerate(zip(above, above[1:], strict=False)):
        if art.reason.get(b) == "timestamp" and a not in art.reason and (
                3 <= n_words(art.lines[a]) <= 30
                and (not ends_sentence(art.stripped[a]) or _opens_page(art, a, above[:pos], b))
                and not art.stripped[a].endswith(":")):
            if a == art.first:  # the headline was taken for the lede
                art.first = body_anchor(art, [i for i in art.kept() if i > b])
            return a
    return None


#: A year in a page's date stamp (``14 января 2021``, ``Четвер, 14 Липня, 2022``).
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


#: A sentence naming the source after the first (``… Про це мер повідомив у Telegram.``): a lede.
_SOURCE_NAMED = re.compile(r"[.!?…]\s+(?:Про це|Об этом|Як повідом|Как сообщ)")


def _opens_page(art: Article, line: int, before: list[int], stamp: int) -> bool:
    """Tell whether a line above a dated stamp is the first text of the page (nothing kept
    above it): the headline then, even written as a sentence (``Україні нема чого …
    обговорювати.`` over ``Четвер, 14 Липня, 2022``); a time alone is no page's stamp."""
    return (all(i in art.reason for i in before) and bool(_YEAR.search(art.stripped[stamp]))
            and not _SOURCE_NAMED.search(art.stripped[line]))


def find_title(art: Article) -> str | None:
    """Return the headline: the repeated one, else the first headline-like line above the body."""
    if art.headline is not None:
        return art.lines[art.headline].strip()
    stamped = _stamped_headline(art)
    if stamped is not None:
        art.reason[stamped] = "title"
        return art.lines[stamped].strip()
    for i in art.kept() if art.first is not None else []:
        if i >= art.first:
            break
        line = art.lines[i].strip()
        if _title_like(line):
            art.reason[i] = "title"
            return line
    return None


def find_published(art: Article, stamp: tuple[int, str] | None) -> pd.Timestamp | None:
    """Return the date of the first timestamp above the body, else of the date-stamp prefix."""
    published = None
    for i in art.live:
        if art.reason.get(i) == "timestamp" and (art.first is None or i < art.first):
            published = stamp_date(art.lines[i])
            if published is not None:
                break
    if stamp is not None:
        published = published if published is not None else stamp_date(stamp[1])
    return published


def mark_title_copies(art: Article, title: str | None) -> None:
    """Lines that repeat the headline or its beginning (an image's alt text), not the lede."""
    if not title:
        return
    norm_title = normalize_line(title).translate(FOLD_MARKS)
    for i in art.kept():
        if len(art.stripped[i]) > 2 * len(title) + 10:
            continue  # far longer than the title: not a copy of its beginning
        stem = normalize_line(art.lines[i]).translate(FOLD_MARKS).rstrip(".… ")
        if i != art.lede and len(stem) >= 10 and norm_title.startswith(stem):
            art.reason[i] = "repeated title"

