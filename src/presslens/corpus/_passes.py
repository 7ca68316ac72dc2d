"""The passes of the cleaner over one article, each recording why it removes a line.

:func:`presslens.corpus.clean_text` reads the article into an :class:`Article` and runs the
passes in order: boilerplate wherever it stands, lists of related headlines, lines repeated
inside the article, the body's bounds and the vocabulary outside them, the byline, title and
stamped date above the body (:mod:`presslens.corpus._head`), fragments around it and captions
and subheadings inside it.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice

from presslens.corpus._classify import (
    cut_off_tail,
    foreign_lines,
    gated_reason,
    inner_reason,
    introduces,
    listed_under_colon,
    question_heading,
    signature,
    strict_reason,
    vocabulary_hits,
)
from presslens.corpus._rules import (
    ATTRIBUTION,
    AUTHOR_PREFIX,
    GATED_SHORT,
    GLUED_DATE,
    GOES_ON,
    HEADLINE_WORDS,
    PROSE_WORDS,
    ends_sentence,
    headline_like,
    is_body,
    n_words,
    normalize_line,
    sentences,
)


@dataclass
class Article:
    """One article being cleaned: its lines, the reason of each line removed so far, and what
    the passes found (the body's first and last lines, the repeated headline, the lede)."""

    lines: list[str]
    live: list[int]
    stripped: dict[int, str]
    n_words: dict[int, int]
    reason: dict[int, str] = field(default_factory=dict)
    first: int | None = None
    last: int | None = None
    headline: int | None = None
    lede: int | None = None
    pointed_lede: int | None = None  # the line a body opening «Об этом …» points back to
    related_block: bool = False
    _hits: dict[int, Counter[str]] = field(default_factory=dict)

    @classmethod
    def read(cls, lines: list[str]) -> Article:
        """Return the article of these lines (its non-empty lines stripped and counted)."""
        live = [i for i, line in enumerate(lines) if line.strip()]
        stripped = {i: lines[i].strip() for i in live}
        return cls(lines, live, stripped, {i: n_words(stripped[i]) for i in live})

    def kept(self) -> list[int]:
        """Return the non-empty lines not removed yet, in order."""
        return [i for i in self.live if i not in self.reason]

    def hits(self, i: int) -> Counter[str]:
        """Return the vocabulary hits of line ``i`` (found once)."""
        if i not in self._hits:
            self._hits[i] = vocabulary_hits(self.stripped[i].lower())
        return self._hits[i]

    def outside(self, i: int) -> bool:
        """Tell whether line ``i`` stands before or after the body."""
        return self.first is not None and (i < self.first or i > self.last)


def mark_boilerplate(art: Article, repeated: frozenset[str]) -> None:
    """Lines that are boilerplate wherever they stand; vocabulary on short lines."""
    for i in art.live:
        line, n = art.stripped[i], art.n_words[i]
        r = strict_reason(line, line.lower(), n, repeated)
        if not r and n <= max(GATED_SHORT.values()):
            r = gated_reason(line, n, art.hits(i), outside_body=False)
        if r:
            art.reason[i] = r


#: The header of a comment section: ``Комментарии (5)``, ``Коментарі``, ``Comments:``.
_COMMENTS_HEADER = re.compile(
    r"(?i)^\W*(?:комментари[иь]|коментар[іи]|comments?|обсуждение|обговорення)\W*(?:\d+\W*)?$"
)


def mark_foreign(art: Article) -> None:
    """Lines in Latin script alone in an article in Cyrillic are not its body."""
    for i in foreign_lines(art.stripped, art.n_words):
        art.reason.setdefault(i, "foreign script")


def mark_comments(art: Article) -> None:
    """Everything under a comment section's header, after the body, is readers' comments."""
    head = next((i for i in art.live[1:] if _COMMENTS_HEADER.match(art.stripped[i])), None)
    if head is None:
        return
    art.reason.setdefault(head, "comments")
    if not any(art.n_words[i] >= 8 and ends_sentence(art.stripped[i]) for i in art.live
               if i < head):
        return  # «Комментарии:» above the body: a counter's label, not the section under it
    for i in art.live:
        if i > head and i not in art.reason:
            art.reason[i] = "comments"


def mark_related_lists(art: Article) -> None:
    """Lists of related headlines: two or more headlines each followed by a timestamp, or
    two or more teasers in a row, each cut off with an ellipsis."""
    live, reason = art.live, art.reason
    # (a line ending with a full stop is a body sentence above a page's date, no headline)
    stamped = [
        j
        for pos, j in enumerate(live[:-1])
        if j not in reason and reason.get(live[pos + 1]) == "timestamp"
        and not art.stripped[j].endswith(".")
    ]
    teasers = _teaser_run(art)
    art.related_block = len(stamped) >= 2 or bool(teasers)
    for j in (stamped if len(stamped) >= 2 else []) + teasers + _recap_list(art):
        reason[j] = "related headline"


#: «Напомним:» / «Нагадаємо:» alone on a line: a label over links to earlier news.
_RECAP_LABEL = re.compile(r"(?i)^\W*(?:напомним|нагадаємо|напомню|нагадаю)\s*:\s*$")
#: A bullet opening a line under such a label: a link, whatever its length.
_BULLET = re.compile(r"^[•·*▪►-]\s")
#: At most this many lines under the label, to the end of the text: a list of links, not
#: a recap that goes on for paragraphs.
_RECAP_LINKS = 4


def _recap_list(art: Article) -> list[int]:
    """A recap label near the end of the text and the lines under it (links to earlier news,
    often bullets), when body sentences stand above it; or, under a «Статті до теми:» label,
    headlines to the end of the text, one of them a question."""
    live = [j for j in art.live if j not in art.reason or art.reason[j] == "read-also"]
    for pos in range(max(2, len(live) - 1 - 2 * _RECAP_LINKS), len(live) - 1):
        j, under = live[pos], live[pos + 1 :]
        if _RECAP_LABEL.match(art.stripped[j]) and len(under) <= _RECAP_LINKS:
            # (a paragraph of running text under the label is the recap itself: body)
            return [j] + [k for k in under if art.n_words[k] <= PROSE_WORDS
                          or _BULLET.match(art.stripped[k])]
        if art.reason.get(j) == "read-also" and art.stripped[j].endswith(":") and all(
            headline_like(art.stripped[k]) and not art.stripped[k].endswith(".") for k in under
        ):
            return under
    return []


def _teaser_run(art: Article) -> list[int]:
    """Runs of two or more lines cut off with an ellipsis: teasers of other articles."""
    runs: list[list[int]] = [[]]
    for j in art.live:
        line = art.stripped[j]
        if j not in art.reason and art.n_words[j] >= 5 and line.endswith(("…", "...")):
            runs[-1].append(j)
        elif j not in art.reason and runs[-1]:
            runs.append([])
    return [j for run in runs if len(run) >= 2 for j in run]


#: Words of a line long enough to be a sentence cut off by the scraper.
_LONG_LINE = 12


#: A line ending with «!» or «?» (maybe inside closing marks): a headline's ending, a lede's
#: seldom.
_EXCLAIMED = re.compile(r"[!?][»\"”“']?\s*$")


def _is_headline_copy(j: int, i: int, prose: list[int]) -> bool:
    """Tell whether line ``j``, repeated at ``i``, stands above the body: no sentence-like
    line but ``j`` before the repeat (a dek above the lede it repeats). ``prose`` holds the
    first sentence-like lines kept, in order (two are enough)."""
    return all(k >= i or k == j for k in prose[:2])


def _teasers(art: Article) -> list[tuple[int, str]]:
    """The first three lines kept that may be a teaser: five words or more, not pointing back
    (``Об этом … заявила …`` is the body whatever follows), with their folded text."""
    return [
        (j, normalize_line(art.lines[j]).rstrip(".!?…"))
        for j in art.kept()[:3]
        if art.n_words[j] >= 5 and not _POINTS_BACK.match(art.lines[j])
    ]


_TEASER_GROWTH = 1.25


def _teaser_of(i: int, norm: str, teasers: list[tuple[int, str]], art: Article) -> int | None:
    """The teaser above line ``i`` whose sentence opens its longer text ``norm``: «…
    поздравил верующих "с событием".» above «… "с событием" и поблагодарил …», a quarter
    longer at least (a lede is not a teaser of the same sentence with a word added)."""
    for j, head in teasers:
        longer = len(norm) > _TEASER_GROWTH * len(head)
        if j < i and j not in art.reason and longer and norm.startswith(head):
            return j
    return None


def mark_repeats(art: Article) -> None:
    """Lines repeated inside the article, including a whole body pasted again."""
    lines, stripped, reason = art.lines, art.stripped, art.reason
    seen_lines: dict[str, int] = {}
    seen_sentences: set[str] = set()
    teasers = _teasers(art)
    starts = {head[:8] for _, head in teasers}
    order = art.kept()
    prose = list(islice((k for k in order if is_body(stripped[k], art.n_words[k])), 2))
    for i in order:
        norm = normalize_line(lines[i])
        sents = sentences(lines[i])
        j = seen_lines.get(norm)
        # (a long line with no full stop too, unless the first line: a headline repeated)
        long_line = j is not None and art.n_words[i] >= _LONG_LINE and j != order[0]
        if j is not None and (ends_sentence(stripped[i]) or long_line) and _is_headline_copy(
            j, i, prose
        ):
            # a sentence above the body repeated as the lede: the first copy goes (as the
            # headline when there is none yet), the lede stays
            reason[j] = "title" if art.headline is None and j == art.kept()[0] else "duplicate line"
            art.headline = j if reason[j] == "title" else art.headline
            if _EXCLAIMED.search(stripped[i]) and headline_like(stripped[i]):
                reason[i] = "duplicate line"  # «… благодарит тебя, Джамала!» twice: no lede
                continue
            art.lede = i
            seen_sentences.update(sents)
        elif j is not None and art.n_words[i] >= 3:
            reason[i] = "duplicate line"
        elif len(sents) >= 2 and sum(s in seen_sentences for s in sents) >= 0.8 * len(sents):
            reason[i] = "repeated body"
        elif norm[:8] in starts and (teaser := _teaser_of(i, norm, teasers, art)) is not None:
            # a teaser above the body, the start of a body line written out in full later
            reason[teaser] = "duplicate line"
            seen_lines[norm] = i
        else:
            seen_lines[norm] = i
            seen_sentences.update(sents)


def body_anchor(art: Article, order: list[int]) -> int | None:
    """The first line of ``order`` that is sentence-like and carries no vocabulary at all;
    failing that (a text cut off before its first full stop, under a long menu), the first
    line longer than a headline that carries none."""
    def quiet(i: int) -> bool:
        return art.n_words[i] > PROSE_WORDS or not art.hits(i)

    found = next((i for i in order if is_body(art.stripped[i], art.n_words[i]) and quiet(i)),
                 None)
    if found is None:
        found = next((i for i in order if art.n_words[i] > HEADLINE_WORDS and quiet(i)), None)
    return found


def mark_outside_vocabulary(art: Article) -> None:
    """Find the body's bounds; trust the vocabulary on every line outside them."""
    art.first = body_anchor(art, art.kept())
    art.last = body_anchor(art, art.kept()[::-1])
    art.pointed_lede = _lede_before(art)  # «…» / «Об этом пишет …»: the line is body
    for i in art.kept():
        if i == art.pointed_lede:
            continue
        if art.outside(i) and art.n_words[i] <= 2 * PROSE_WORDS:  # longer lines are prose
            r = gated_reason(art.stripped[i], art.n_words[i], art.hits(i), outside_body=True)
            if r or (r := _interface_line(art.stripped[i], art.n_words[i])):
                art.reason[i] = r
            elif i > art.last and question_heading(art.stripped[i], art.n_words[i]):
                art.reason[i] = "related headline"  # «Що говорили про відставку?» after the body


#: A label of a video or a photo (``Видео:``), which may stand between two paragraphs.
_MEDIA_LABEL = re.compile(r"(?i)^\W*(?:видео|відео|фото|аудио|аудіо|video)\b")
#: A short line in Latin letters alone, in a Russian or Ukrainian page: interface text.
_LATIN_ONLY = re.compile(r"^[\W\d_]*[A-Za-z][A-Za-z\s'’.,!?:…-]*$")


def _interface_line(line: str, n: int) -> str | None:
    """Outside the body: a block's label ending with a colon (``Теги новостей:``), or a
    short line in Latin letters alone (``Leave a Reply``)."""
    if n <= 5 and line.endswith(":") and not _MEDIA_LABEL.match(line):
        return "section heading"  # (``Видео:`` may stand between paragraphs: left as it was)
    if n <= 5 and _LATIN_ONLY.match(line):
        return "navigation"
    return None


#: A body that opens by pointing back (``Об этом сообщает …``, ``Как передает X, об этом …``,
#: ``Це сталося …``): the line before it is the lede, whatever its punctuation.
_POINTS_BACK = re.compile(
    r"(?i)^\W*(?:(?:как|як)\s+(?:сообщ|переда|пиш|інформу|повідом)\w*[^,.]{0,60},\s*)?"
    r"(?:об\s+этом|о\s+чем|про\s+це|это\s+произошло|це\s+сталося)\b"
)


def _lede_before(art: Article) -> int | None:
    """The line just before the body when the body's first line points back to it."""
    first = art.first
    if first is None:
        return None
    before = [i for i in art.kept() if i < first]
    if not _POINTS_BACK.match(art.lines[first]) and before and art.n_words[before[-1]] >= 5:
        first = before.pop()  # «Про це … сказав, передає X» kept above the body's anchor
    if not _POINTS_BACK.match(art.lines[first]):
        return None
    if not before or art.n_words[before[-1]] < 5 or art.lines[before[-1]].rstrip().endswith(":"):
        return None
    return before[-1]


def mark_fragments(art: Article) -> None:
    """Short lines without sentence punctuation before or after the body; but the last line
    of a text cut off mid-sentence, straight after the body, is body."""
    first, last, reason = art.first, art.last, art.reason
    cut = cut_off_tail(art.lines, art.live, last, reason, art.n_words)
    reason.pop(cut, None)
    for i in art.kept():
        if not art.outside(i) or i in (cut, art.pointed_lede):
            continue
        line = art.lines[i].strip()
        if i > last and (GLUED_DATE.search(line) or _LEADING_DATE.match(line)):
            reason[i] = "related headline"  # its date glued after or written before it
            continue
        n = n_words(line)
        if i > last and n <= 6 and AUTHOR_PREFIX.match(line):
            reason[i] = "byline"  # `Подготовил: Сергей Дага` under the body
            continue
        if ends_sentence(line) or (n >= 5 and ATTRIBUTION.match(line)):
            continue  # «Как сообщал …, 20 июня Гройсман рассказал» without its period: body
        if _goes_on_from_above(art, i, line):
            continue  # «… в Харькове» / «будут построены …»: one sentence broken over two lines
        if cut is not None and i < cut and introduces(line, n):
            continue  # «… депутат відповів так:» before the line cut off: body
        if listed_under_colon(art.stripped, art.live, art.reason, art.n_words, i):
            continue  # «- сахар — 73,5 руб. за кг» in a list a body line introduces
        if i > last and art.related_block and n <= 25:
            reason[i] = "related headline"
        elif n <= 4 or (i > last and n <= 20 and not GOES_ON.search(line)) or (
            i < first and headline_like(line)
        ):
            reason[i] = "fragment"


#: A date opening a line: ``15.12.2025 Шопінг на руїнах: …`` (a related headline's stamp).
_LEADING_DATE = re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}\s+(?:\d{1,2}:\d{2}\s+)?[^\W\d_]")


def _goes_on_from_above(art: Article, i: int, line: str) -> bool:
    """Tell whether line ``i`` opens in lower case right under a kept line that ends no
    sentence: the rest of that line's sentence."""
    k = bisect.bisect_left(art.live, i)  # the live lines are in order
    above = art.live[k - 1] if k else None
    return (line[:1].islower() and above is not None and above not in art.reason
            and not ends_sentence(art.stripped[above]))


def mark_teasers(art: Article) -> None:
    """A teaser cut off with an ellipsis right under a related headline is that headline's."""
    for pos, j in enumerate(art.live[:-1]):
        k = art.live[pos + 1]
        if (art.reason.get(j) == "related headline" and k not in art.reason
                and art.n_words[k] >= 5 and art.stripped[k].endswith(("…", "..."))):
            art.reason[k] = "related headline"


def mark_inner(art: Article) -> None:
    """Inside the body: a person's name alone (a photo caption) and short lines without
    sentence punctuation (subheadings, block labels)."""
    for i in art.kept():
        line = art.lines[i].strip()
        if art.first is not None and i == art.last and signature(line, art.n_words[i]):
            art.reason[i] = "caption"  # the signature of a post embedded at the body's end
        if art.first is None or not art.first < i < art.last:
            continue
        r = inner_reason(line, art.n_words[i])
        if r:
            art.reason[i] = r
