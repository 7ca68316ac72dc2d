"""Separate an article's body from what the scraper left around it.

The cleaner works on lines, by the *shape* of boilerplate rather than the strings of
particular sites:

* vocabulary of prompts, navigation, comment widgets and captions in ru and uk
  (``resources/clean_vocabulary.json``), trusted more outside the body and on short lines;
* timestamps and the lists of related headlines they stamp;
* short lines without sentence punctuation before or after the body;
* lines repeated inside an article (a body pasted twice) or across a corpus.

Every removed line is recorded with its 1-based line number and a reason from
:data:`REASONS`, so that a user can audit what was dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from presslens.corpus.lang import detect_language
from presslens.corpus.metadata import plausible_year
from presslens.lexicon import read_json

REASONS: dict[str, str] = {
    "template": "an unrendered {{template}} placeholder",
    "ad": "an advertising label",
    "read-also": "a 'read also' / «Читайте також» link",
    "counter": "a stray number (views, comments, shares) or an exchange-rate/weather widget",
    "url": "a bare web address, image path or image markup",
    "punctuation": "a line of punctuation alone (a stray quotation mark, a separator)",
    "source": "a source credit (По материалам: …, Джерело: …)",
    "timestamp": "a line that is only a date or a time",
    "language switcher": "a language switcher such as 'UA / RU'",
    "section heading": "a short all-capitals heading of a site block ('ЕЩЕ ПО ТЕМЕ')",
    "navigation": "site navigation ('Предыдущий материал', 'Перейти на версию для ПК')",
    "prompt": "a subscribe, donate or social-media prompt",
    "comments": "a comment widget or moderation notice",
    "caption": "a photo caption or credit",
    "related headline": "a headline in a list of related or latest news",
    "duplicate line": "a line repeated earlier in the article",
    "repeated body": "a paragraph whose sentences all appeared earlier (a body pasted twice)",
    "byline": "the author's name and job title (moved to `author`)",
    "title": "the headline (moved to `title`)",
    "repeated title": "the headline repeated or truncated (an image alt text)",
    "fragment": "a short line without sentence punctuation before or after the body",
    "subheading": "a short line without sentence punctuation inside the body (a subheading)",
    "repeated across corpus": "a line found in many articles of the same outlet",
}

_VOCAB = read_json("clean_vocabulary.json")


def _compile(patterns: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


# Vocabulary is matched on lower-cased lines, without IGNORECASE, which is much faster.
_ALWAYS = {reason: _compile(pats, 0) for reason, pats in _VOCAB["always"].items()}
_GATED_ALL = re.compile(
    "|".join(
        f"(?P<{reason.replace('-', '_')}>{'|'.join(f'(?:{p})' for p in pats)})"
        for reason, pats in _VOCAB["gated"].items()
    )
)
_GATED_SHORT = {"navigation": 8, "prompt": 12, "comments": 12, "caption": 15, "source": 6}
_ROLE = _compile(_VOCAB["byline_roles"])
_MONTH = _compile(_VOCAB["months"])
_TS_WORD = _compile(_VOCAB["timestamp_words"])

_WORDS = re.compile(r"\w+")
_CLOSERS = "»\"”“'’)]"


def _ends_sentence(line: str) -> bool:
    """Whether the line ends as a sentence: with ``.``, ``!``, ``?`` or ``…``, maybe followed
    by closing marks and spaces (a test of its last characters, not a regex scan)."""
    return line.rstrip().rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…")


_ENDS_STOP = re.compile(r"[.…][»\"”“'’)\]]*\s*$")
# an exchange-rate or weather widget: `• USD 39.5`, `Харьков +17°С`
_TICKER = re.compile(
    r"^[•·*\s]*(?:(?:USD|EUR|GBP|RUB|UAH|PLN|CHF|BTC)\s*[\d.,]+|[^\W\d_]+\s+[+−-]?\d+\s*°\s*[CС]?)\s*$"
)
_ALNUM = re.compile(r"[^\W_]")
_IMAGE_MARKUP = re.compile(r"^\s*(?:<image|<img\b|!\[[^\]]*\]\()", re.I)
_URL_LINE = re.compile(r"^\s*\S*(?:https?:|www\.|%2F|\.(?:png|jpe?g|webp|gif)\b)\S*\s*$", re.I)
_COUNTER = re.compile(r"^[\d\s.,:/()+%-]{1,12}$")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_FULL_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
_LANG_CODE = r"(?:UA|RU|EN|UK|УКР|РУС|ENG|DE|PL|FR|УКР\.|РУС\.|ua|ru|en)"
_SWITCHER = re.compile(rf"^\s*{_LANG_CODE}(?:\s*[/|·•,-]?\s*{_LANG_CODE})+\s*$", re.IGNORECASE)
_NAME = re.compile(r"^[A-ZА-ЯЁІЇЄҐ][\w'’-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’.-]+){1,2}$")
_AUTHOR_PREFIX = re.compile(
    r"^\s*(?:автор|author|by)\s*[:—–-]?\s+([A-ZА-ЯЁІЇЄҐ][\w'’.-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’.-]+){0,3})"
    r"\s*$",
    re.IGNORECASE,
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…»\"”])\s+(?=[«\"“„A-ZА-ЯЁІЇЄҐ0-9—–-])")


@dataclass(frozen=True)
class Removal:
    """One removed line: its 1-based number in the raw text, its text and the reason."""

    line: int
    text: str
    reason: str


@dataclass
class Cleaned:
    """The result of :func:`clean_text`.

    Attributes
    ----------
    text : str
        The body, one paragraph per line, lines joined by ``"\\n"``.
    lines : list of int
        For each paragraph of ``text``, its 1-based line number in the raw text.
    title, author : str or None
        The headline and the byline, when the text has them.
    published : pandas.Timestamp or None
        A full date stamped above the body (a publication date), when there is one.
    removed : list of Removal
        Every removed line, in line order.
    """

    text: str
    lines: list[int]
    title: str | None = None
    author: str | None = None
    published: pd.Timestamp | None = None
    removed: list[Removal] = field(default_factory=list)


#: Lines asked about again and again while one article is cleaned (and headlines repeated
#: across a corpus) are folded and counted once.
_LINE_CACHE = 1 << 16


@lru_cache(maxsize=_LINE_CACHE)
def normalize_line(line: str) -> str:
    """Return a line folded for comparison: lower case, single spaces, no edge punctuation."""
    return " ".join(line.split()).strip(" -–—•·*|").lower()


@lru_cache(maxsize=_LINE_CACHE)
def _n_words(line: str) -> int:
    return len(_WORDS.findall(line))


def _is_timestamp(line: str) -> bool:
    if not (_TIME.search(line) or _DATE.search(line) or _MONTH.search(line)):
        return False
    if _stamped_label(line):
        return True
    rest = _DATE.sub(" ", line)
    rest = _TIME.sub(" ", rest)
    rest = _MONTH.sub(" ", rest)
    rest = _TS_WORD.sub(" ", rest)
    rest = re.sub(r"\b\d{1,4}\b|\b(?:г|гг|року|года|р|в|о|at|on)\b\.?", " ", rest, flags=re.I)
    if re.search(r"\w", rest):
        return False
    return bool(_TIME.search(line) or _DATE.search(line) or re.search(r"\d", line))


def _stamped_label(line: str) -> bool:
    """A time and a date with a few words of rubric or source around them:
    ``Общество 25.09.2025 14:42``, ``30 апреля 2019, 22:28 | Футбол | Оригинал статьи``."""
    dated = _DATE.search(line) or (_MONTH.search(line) and re.search(r"\b\d{1,2}\b", line))
    if not (_TIME.search(line) and dated) or _ends_sentence(line):
        return False
    rest = _MONTH.sub(" ", _TIME.sub(" ", _DATE.sub(" ", line)))
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 3


# a scraper's metadata in front of the first line: ` date 2025-08-07 Мэр заявил …`
_DATE_PREFIX = re.compile(r"^\s*(?:date|published|дата)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[T ][\d:]+)?\s+")


def _strip_date_prefix(lines: list[str]) -> tuple[int, str] | None:
    """Cut a date-stamp prefix off the first non-empty line; return its line and text."""
    i = next((k for k, line in enumerate(lines) if line.strip()), None)
    m = _DATE_PREFIX.match(lines[i]) if i is not None else None
    if m is None or not lines[i][m.end():].strip():
        return None
    lines[i] = lines[i][m.end():]
    return i, m.group(0).strip()


_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
#: Above the body, a line without sentence punctuation of at most this many words reads as a
#: headline, a subtitle or a label; a longer one as a lede that lost its full stop.
_HEADLINE_WORDS = 12


def _headline_like(line: str) -> bool:
    return len(_LETTER_WORD.findall(line)) <= _HEADLINE_WORDS and not line.endswith(":")


def _dated(line: str) -> bool:
    """Tell whether a line carries a time or a full date (a stamp, not a headline)."""
    return bool(_TIME.search(line) or _DATE.search(line) or (
        _MONTH.search(line) and re.search(r"\b\d{1,2}\b", line) and re.search(r"\b\d{4}\b", line)
    ))


def _stamp_date(line: str) -> pd.Timestamp | None:
    m = _FULL_DATE.search(line)
    if not m:
        return None
    if m.group(3):
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        year, month, day = int(m.group(4)), int(m.group(5)), int(m.group(6))
    if not plausible_year(year):
        return None  # a CMS's null date: 01.01.0001
    try:
        return pd.Timestamp(year=year, month=month, day=day)
    except ValueError:
        return None


def _is_heading(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return (
        len(letters) >= 4
        and all(ch.isupper() for ch in letters)
        and not _ends_sentence(line)
    )


def _is_body(line: str, n: int) -> bool:
    return (n >= 6 and bool(_ends_sentence(line))) or n >= 30


def _strict_reason(line: str, lower: str, n: int, repeated: frozenset[str]) -> str | None:
    """Reasons that hold wherever the line stands."""
    for reason, pattern in _ALWAYS.items():
        if pattern.search(lower):
            return reason
    if n <= 4 and (_COUNTER.match(line) or _TICKER.match(line)) and not _TIME.search(line):
        return "counter"
    if _URL_LINE.match(line) or _IMAGE_MARKUP.match(line):
        return "url"
    if not _ALNUM.search(line):
        return "punctuation"
    if _GLUED_DATE.search(line):
        return "related headline"
    if n <= 12 and _is_timestamp(line):
        return "timestamp"
    if n <= 8 and _SWITCHER.match(line):
        return "language switcher"
    if n <= 5 and _is_heading(line):
        return "section heading"
    if repeated and normalize_line(line) in repeated:
        return "repeated across corpus"
    return None


def _vocabulary_hits(lower: str) -> Counter[str]:
    """Count the vocabulary matches of each gated reason in a lower-cased line."""
    return Counter(m.lastgroup.replace("_", "-") for m in _GATED_ALL.finditer(lower))


#: A line of more words than this is running text wherever it stands: a word such as
#: «подписка» or «Facebook» inside it is part of a sentence, not a prompt.
_PROSE_WORDS = 20


def _gated_reason(line: str, n: int, hits: Counter[str], outside_body: bool) -> str | None:
    """Vocabulary reasons, trusted on short lines, outside the body, or on two hits.

    Never on a long sentence (more than :data:`_PROSE_WORDS` words): ``Об этом сообщила
    пресс-служба в Telegram`` inside a paragraph is body.
    """
    prose = _ends_sentence(line) and (n > _PROSE_WORDS or n > 14 and hits.total() == 1)
    if prose or n > 2 * _PROSE_WORDS:
        return None
    for reason, count in hits.items():
        short = n <= _GATED_SHORT[reason]
        if reason == "navigation" and short:
            return reason
        if outside_body or count >= 2 or (short and not _ENDS_STOP.search(line)):
            return reason
    return None


@lru_cache(maxsize=_LINE_CACHE)
def _sentences(line: str) -> tuple[str, ...]:
    return tuple(normalize_line(s) for s in _SENTENCE_SPLIT.split(line) if _n_words(s) >= 3)


_CUT_WORD = re.compile(r"[\w,;:\-–—«»„“”\"(’'ʼ]\s*$")


def _is_headline_copy(j: int, i: int, order: list[int], stripped: dict[int, str]) -> bool:
    """Tell whether line ``j``, repeated at ``i``, stands above the body: among the first
    three lines kept, with no other sentence-like line before the repeat."""
    return j in order[:3] and not any(
        _is_body(stripped[k], _n_words(stripped[k])) for k in order if k < i and k != j
    )


# a related headline with its date glued on: `…сесії28 січня 2026 р.`, `…новости07.06.2025`
_GLUED_DATE = re.compile(
    r"[^\W\d_]\d{1,2}(?:[./]\d{1,2}[./]\d{2,4}|\s+[^\W\d_]+\s+\d{4})\s*(?:р|г)?\.?\s*$"
)
_SUBHEADING_WORDS = 6
_LABELLED = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+)?:\s+\S")


#: Words that address the reader or the guest: a question with one of them is an interview's
#: or a prompt's, not a subheading's (``Що ви відчули?``, ``Вы уверены?``).
_SECOND_PERSON = re.compile(
    r"(?i)\b(?:вы|вас|вам|вами|ваш\w*|ты|тебя|тебе|тобой|твой|твоя|твое|твоё|ви|ти|тобі|"
    r"твій|твоя|твоє|\w+(?:ете|ёте|ите|єте|їте|ешь|ёшь|ишь|еш|єш|иш))\b"
)
_QUESTION_HEADING_WORDS = 14


def _question_heading(line: str, n: int) -> bool:
    """A short question on a line of its own, in the third person, that no dash or quotation
    mark opens: a subheading (``Хто ухвалюватиме рішення щодо мера?``)."""
    return (
        line.endswith("?")
        and 3 <= n <= _QUESTION_HEADING_WORDS
        and line[:1] not in "—–-«„“\"'"
        and line.count("?") == 1
        and not _SECOND_PERSON.search(line)
    )


def _inner_reason(line: str, n: int) -> str | None:
    """Why a line inside the body is not body: a caption (a name alone), a subheading (a
    short line without sentence punctuation, or a question in the third person), or a
    related headline (a longer line without sentence punctuation between paragraphs)."""
    if n <= 3 and _NAME.match(line):
        return "caption"
    if _question_heading(line, n):
        return "subheading"
    if (
        _ends_sentence(line)
        or line.endswith((":", ",", ";", "»", "”", "“", '"'))
        or line[:1] in "—–-«„“\"'"
        or _LABELLED.match(line)  # `Джерело: …`, `Деталі: …`: a labelled body line
    ):
        return None
    if n <= _SUBHEADING_WORDS:
        return "subheading"
    if len(_LETTER_WORD.findall(line)) <= _HEADLINE_WORDS:
        return "related headline"
    return None


_GOES_ON = re.compile(r"[,;]\s*$")
#: Reasons of lines that can stand between two paragraphs of a body.
_INLINE = frozenset({"caption", "ad", "counter", "url", "punctuation"})


def _cut_off_tail(lines, live, last, reason, n_words) -> int | None:
    """Return the line that ends the body cut off mid-sentence, if there is one.

    That is the first line after the last body line: it does not end as a sentence would,
    holds at least two words, and only boilerplate already recognised (a menu, a counter,
    an ad) follows it.
    """
    after = [i for i in live if last is not None and i > last]
    # lines that end as sentences straight after the last anchor are body anyway, and a photo
    # caption or an ad may stand inside the body
    def passed(i: int) -> bool:
        line = lines[i].strip()
        if reason.get(i) in _INLINE:
            return True
        if i in reason:
            return False
        # a sentence, a paragraph that goes on (ends with a comma), a short label (`Видео:`)
        return bool(_ends_sentence(line) or _GOES_ON.search(line) or n_words[i] <= 4)

    while after and passed(after[0]) and len(after) > 1:
        after = after[1:]
    if after and passed(after[0]) and _ends_sentence(lines[after[0]].strip()):
        return None
    if not after:
        return None
    tail, rest = after[0], after[1:]
    line = lines[tail].strip()
    long_line = n_words[tail] >= _PROSE_WORDS and reason.get(tail) in _GATED_SHORT
    if (tail in reason and not long_line) or not all(
        i in reason or (n_words[i] <= 4 and not _ends_sentence(lines[i])) for i in rest
    ):
        return None
    if n_words[tail] < 2 or _ends_sentence(line) or not _CUT_WORD.search(line):
        return None
    return tail


def clean_text(raw: str, repeated: frozenset[str] = frozenset()) -> Cleaned:
    """Separate the body of one article from its boilerplate.

    Parameters
    ----------
    raw : str
        The article as scraped (any line endings).
    repeated : frozenset of str, optional
        Normalized lines that recur across the corpus (see :func:`repeated_lines`);
        they are removed as ``"repeated across corpus"``.

    Returns
    -------
    Cleaned
        The clean text with the raw line number of each paragraph, the title,
        author and stamped publication date when found, and every removed line
        with its reason (one of :data:`REASONS`).

    Examples
    --------
    >>> c = clean_text("Реклама\\nГенсек НАТО заявил, что диалог возможен уже в январе.\\n7")
    >>> c.text
    'Генсек НАТО заявил, что диалог возможен уже в январе.'
    >>> [(r.line, r.reason) for r in c.removed]
    [(1, 'ad'), (3, 'counter')]
    """
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    stamp = _strip_date_prefix(lines)
    reason: dict[int, str] = {}
    live = [i for i, line in enumerate(lines) if line.strip()]

    def kept() -> list[int]:
        return [i for i in live if i not in reason]

    stripped = {i: lines[i].strip() for i in live}
    n_words = {i: _n_words(stripped[i]) for i in live}
    cache: dict[int, Counter[str]] = {}

    def hits(i: int) -> Counter[str]:
        if i not in cache:
            cache[i] = _vocabulary_hits(stripped[i].lower())
        return cache[i]

    # 1. Lines that are boilerplate wherever they stand; vocabulary on short lines.
    for i in live:
        line = stripped[i]
        r = _strict_reason(line, line.lower(), n_words[i], repeated)
        if not r and n_words[i] <= max(_GATED_SHORT.values()):
            r = _gated_reason(line, n_words[i], hits(i), outside_body=False)
        if r:
            reason[i] = r

    # 2. Lists of related headlines: two or more headlines each followed by a timestamp.
    stamped = [
        j
        for pos, j in enumerate(live[:-1])
        if j not in reason and reason.get(live[pos + 1]) == "timestamp"
    ]
    related_block = len(stamped) >= 2
    if related_block:
        for j in stamped:
            reason[j] = "related headline"

    # 3. Lines repeated inside the article, including a whole body pasted again.
    seen_lines: dict[str, int] = {}
    seen_sentences: set[str] = set()
    headline = lede = None
    for i in kept():
        norm = normalize_line(lines[i])
        sents = _sentences(lines[i])
        j = seen_lines.get(norm)
        if (
            j is not None
            and _ends_sentence(stripped[i])
            and _is_headline_copy(j, i, kept(), stripped)
        ):
            # a sentence above the body repeated as the lede: the first copy goes (as the
            # headline when there is none yet), the lede stays
            reason[j] = "title" if headline is None and j == kept()[0] else "duplicate line"
            headline = j if reason[j] == "title" else headline
            lede = i
            seen_sentences.update(sents)
        elif j is not None and n_words[i] >= 3:
            reason[i] = "duplicate line"
        elif len(sents) >= 2 and sum(s in seen_sentences for s in sents) >= 0.8 * len(sents):
            reason[i] = "repeated body"
        else:
            seen_lines[norm] = i
            seen_sentences.update(sents)

    # 4. The body: from the first to the last sentence-like line still kept that carries
    #    no boilerplate vocabulary at all.
    def anchors(order: list[int]) -> int | None:
        return next(
            (
                i
                for i in order
                if _is_body(stripped[i], n_words[i])
                and (n_words[i] > _PROSE_WORDS or not hits(i))
            ),
            None,
        )

    first = anchors(kept())
    last = anchors(kept()[::-1])

    def outside(i: int) -> bool:
        return first is not None and (i < first or i > last)

    for i in kept():
        if outside(i) and n_words[i] <= 2 * _PROSE_WORDS:  # longer lines are prose anyway
            r = _gated_reason(stripped[i], n_words[i], hits(i), outside_body=True)
            if r:
                reason[i] = r

    # 5. Byline and title above (or just below the top of) the body.
    author = None
    head = kept()[:12]
    for pos, i in enumerate(head):
        line = lines[i].strip()
        m = _AUTHOR_PREFIX.match(line)
        if m and _n_words(line) <= 6:
            author, reason[i] = m.group(1), "byline"
            break
        nxt = head[pos + 1] if pos + 1 < len(head) else None
        if (
            _NAME.match(line)
            and nxt is not None
            and _ROLE.search(lines[nxt])
            and _n_words(lines[nxt]) <= 8
        ):
            author, reason[i], reason[nxt] = line, "byline", "byline"
            break

    title = lines[headline].strip() if headline is not None else None
    published = None
    for i in kept() if first is not None and title is None else []:
        if i >= first:
            break
        line = lines[i].strip()
        if (
            3 <= len(_LETTER_WORD.findall(line)) <= 15
            and _n_words(line) <= 30
            and not line.startswith(("•", "·", "*"))
            and not _ENDS_STOP.search(line)
            and not line.endswith(":")
            and not _dated(line)
        ):
            title, reason[i] = line, "title"
            break
    for i in live:
        if reason.get(i) == "timestamp" and (first is None or i < first):
            published = _stamp_date(lines[i])
            if published is not None:
                break
    if stamp is not None:
        published = published if published is not None else _stamp_date(stamp[1])
    if title:
        norm_title = normalize_line(title).translate(_FOLD_MARKS)
        for i in kept():
            if len(stripped[i]) > 2 * len(title) + 10:
                continue  # far longer than the title: not a copy of its beginning
            stem = normalize_line(lines[i]).translate(_FOLD_MARKS).rstrip(".… ")
            if i != lede and len(stem) >= 10 and norm_title.startswith(stem):
                reason[i] = "repeated title"

    # 6. Short lines without sentence punctuation before or after the body; but the last
    #    line of a text cut off mid-sentence, straight after the body, is body.
    cut = _cut_off_tail(lines, live, last, reason, n_words)
    reason.pop(cut, None)
    for i in kept():
        if not outside(i) or i == cut:
            continue
        line = lines[i].strip()
        if i > last and _GLUED_DATE.search(line):
            reason[i] = "related headline"
            continue
        if _ends_sentence(line):
            continue
        n = _n_words(line)
        if i > last and related_block and n <= 25:
            reason[i] = "related headline"
        elif n <= 4 or (i > last and n <= 20 and not _GOES_ON.search(line)) or (
            i < first and _headline_like(line)
        ):
            reason[i] = "fragment"

    # 7. Inside the body: a person's name alone (a photo caption) and short lines without
    #    sentence punctuation (subheadings, block labels).
    for i in kept():
        if first is None or not first < i < last:
            continue
        r = _inner_reason(lines[i].strip(), n_words[i])
        if r:
            reason[i] = r

    body_lines = kept()
    return Cleaned(
        text="\n".join(_tidy(lines[i]) for i in body_lines),
        lines=[i + 1 for i in body_lines],
        title=title,
        author=author,
        published=published,
        removed=sorted(
            [Removal(i + 1, lines[i].strip(), reason[i]) for i in reason]
            + ([Removal(stamp[0] + 1, stamp[1], "timestamp")] if stamp else []),
            key=lambda r: r.line,
        ),
    )


# the same headline written with other quotation marks or dashes is the same headline
_FOLD_MARKS = str.maketrans("«»“”„‘’—–", "\"\"\"\"\"''--")
_ESCAPED_MARK = re.compile(r"\\([\"'])")
_SPACES = re.compile(r"[ \t\u00a0]+")


def _tidy(line: str) -> str:
    """Fold runs of spaces and undo a scraper's backslash escapes (``\\"`` is ``"``)."""
    return _SPACES.sub(" ", _ESCAPED_MARK.sub(r"\1", line)).strip()


def repeated_lines(
    texts: Iterable[str],
    groups: Iterable[object] | None = None,
    min_articles: int = 3,
    min_share: float = 0.2,
    max_words: int = 25,
) -> frozenset[str]:
    """Find lines that recur across many articles of the same outlet: site boilerplate.

    Parameters
    ----------
    texts : iterable of str
        The raw articles.
    groups : iterable, optional
        The outlet of each article (None for unknown); lines are counted per outlet.
    min_articles : int, default 3
        A line must appear in at least this many articles of one outlet ...
    min_share : float, default 0.2
        ... and in at least this share of them.
    max_words : int, default 25
        Longer lines are never boilerplate: reprinted paragraphs must survive.

    Returns
    -------
    frozenset of str
        Normalized lines (see :func:`normalize_line`).
    """
    counts: dict[object, Counter[str]] = {}
    sizes: Counter[object] = Counter()
    groups = groups if groups is not None else iter(lambda: None, 0)
    for text, group in zip(texts, groups, strict=False):
        sizes[group] += 1
        norms = {
            normalize_line(line)
            for line in text.splitlines()
            if line.strip() and _n_words(line) <= max_words
        }
        counts.setdefault(group, Counter()).update(norms)
    found = set()
    for group, counter in counts.items():
        for norm, n in counter.items():
            if norm and n >= min_articles and n >= min_share * sizes[group]:
                found.add(norm)
    return frozenset(found)


def removed_table(article: str, removed: Iterable[Removal]) -> pd.DataFrame:
    """Return the removed lines of one article as a tidy table.

    Returns
    -------
    pandas.DataFrame
        Columns ``article`` (id), ``line`` (1-based line in the raw file),
        ``text`` (the line as it was) and ``reason`` (a key of :data:`REASONS`).
    """
    rows = [(article, r.line, r.text, r.reason) for r in removed]
    return pd.DataFrame(rows, columns=REMOVED_COLUMNS)


#: The columns of :func:`removed_table` and of ``Corpus.removed``.
REMOVED_COLUMNS = ["article", "line", "text", "reason"]


PARAGRAPH_COLUMNS = ["article", "paragraph", "line", "start", "end", "text", "language", "foreign"]


def paragraphs(articles: pd.DataFrame) -> pd.DataFrame:
    """Split each article's clean text into paragraphs, with offsets and language.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles``: needs ``id``, ``text``, ``language`` and ``lines``.

    Returns
    -------
    pandas.DataFrame
        One row per paragraph, sorted by article and paragraph:

        - ``article``: the article id;
        - ``paragraph``: 0-based index within the article;
        - ``line``: 1-based line number in the raw file;
        - ``start``, ``end``: character offsets into the article's clean ``text``;
        - ``text``: the paragraph;
        - ``language``: ``"ru"``/``"uk"`` detected on the paragraph, else the article's;
        - ``foreign``: True when the paragraph's detected language differs from the
          article's (a Ukrainian line inside a Russian article).
    """
    rows = []
    for art in articles.itertuples(index=False):
        start = 0
        lines = list(getattr(art, "lines", None) or [])
        for k, para in enumerate(art.text.split("\n") if art.text else []):
            end = start + len(para)
            detected = detect_language(para)
            language = detected or art.language
            foreign = bool(detected and art.language and detected != art.language)
            line = lines[k] if k < len(lines) else None
            rows.append((art.id, k, line, start, end, para, language, foreign))
            start = end + 1
    frame = pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)
    frame["line"] = frame["line"].astype("Int64")
    return frame
