"""The cleaner's line rules: its vocabulary, the patterns of boilerplate and the tests of one
line's shape (a sentence, a timestamp, a heading, a headline).

Nothing here looks at a line's neighbours: :mod:`presslens.corpus._classify` gives the reason
of one line, :mod:`presslens.corpus._passes` walks an article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import pandas as pd

from presslens.corpus._literals import triggers
from presslens.corpus.metadata import plausible_year
from presslens.lexicon import read_json, read_words

_VOCAB = read_json("clean_vocabulary.json")


def _compile(patterns: Iterable[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


class _Patterns:
    """Patterns of one reason, each tried the fast way: one anchored at ``^`` only at the
    start of the line, one opening with ``\\b`` and a letter from each place that letter
    stands (a scan for a literal start, not a try at every position of a long paragraph)."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self._anchored, self._bounded, self._other = [], [], []
        for p in patterns:
            if p.startswith("^"):
                self._anchored.append(re.compile(p))
            elif p.startswith("\\b") and p[2:3].isalpha():
                self._bounded.append(re.compile(p[2:]))
            else:
                self._other.append(re.compile(p))

    def search(self, lower: str) -> re.Match[str] | None:
        """Return the first match of any pattern in the lower-cased line, or None."""
        for p in self._anchored:
            if m := p.match(lower):
                return m
        for p in self._bounded:
            pos = 0
            while m := p.search(lower, pos):
                before = lower[m.start() - 1 : m.start()]
                if not (before.isalnum() or before == "_"):
                    return m
                pos = m.start() + 1
        for p in self._other:
            if m := p.search(lower):
                return m
        return None


# Vocabulary is matched on lower-cased lines, without IGNORECASE, which is much faster.
ALWAYS = {reason: _Patterns(pats) for reason, pats in _VOCAB["always"].items()}
GATED_ALL = re.compile(
    "|".join(
        f"(?P<{reason.replace('-', '_')}>{'|'.join(f'(?:{p})' for p in pats)})"
        for reason, pats in _VOCAB["gated"].items()
    )
)
#: Strings one of which a line holds if any gated pattern can match it (None: no first test).
GATED_TRIGGERS = triggers(p for pats in _VOCAB["gated"].values() for p in pats)
GATED_SHORT = {"navigation": 8, "prompt": 12, "comments": 12, "caption": 15, "source": 6}
ROLE = _compile(_VOCAB["byline_roles"])
#: A sentence that names the source of the news (``Об этом сообщил …``, ``Про це написав …``)
#: or recalls earlier news (``Напомним, …``, ``Как сообщал …``): running text, never a headline.
ATTRIBUTION = re.compile(
    r"(?i)^\W*(?:об этом|про це|как (?:сообщ|переда|пиш|информир|рассказ|заяв)|"
    r"як (?:повідом|переда|пиш|інформу|розповів|заяв)|по данным|за даними|"
    r"по (?:(?:его|её|ее|их) )?словам|за (?:(?:його|її|їх) )?словами|"
    r"напомним|нагада(?:ємо|ю)|ранее|раніше)\w*\b"
)
_MONTH = _compile(_VOCAB["months"])
_TS_WORD = _compile(_VOCAB["timestamp_words"])

_WORDS = re.compile(r"\w+")
_CLOSERS = "»\"”“'’)]"


def ends_sentence(line: str) -> bool:
    """Whether the line ends as a sentence: with ``.``, ``!``, ``?`` or ``…``, maybe followed
    by closing marks and spaces (a test of its last characters, not a regex scan)."""
    return line.rstrip().rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…")


ENDS_STOP = re.compile(r"[.…][»\"”“'’)\]]*\s*$")
# an exchange-rate or weather widget: `• USD 39.5`, `Харьков +17°С`
TICKER = re.compile(
    r"^[•·*\s]*(?:(?:USD|EUR|GBP|RUB|UAH|PLN|CHF|BTC)\s*[\d.,]+|[^\W\d_]+\s+[+−-]?\d+\s*°\s*[CС]?)\s*$"
)
ALNUM = re.compile(r"[^\W_]")
IMAGE_MARKUP = re.compile(r"^\s*(?:<image|<img\b|!\[[^\]]*\]\()", re.I)
URL_LINE = re.compile(r"^\s*\S*(?:https?:|www\.|%2F|\.(?:png|jpe?g|webp|gif)\b)\S*\s*$", re.I)
COUNTER = re.compile(r"^[\d\s.,:/()+%-]{1,12}$")
TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_FULL_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
_LANG_CODE = r"(?:UA|RU|EN|UK|УКР|РУС|ENG|DE|PL|FR|УКР\.|РУС\.|ua|ru|en)"
SWITCHER = re.compile(rf"^\s*{_LANG_CODE}(?:\s*[/|·•,-]?\s*{_LANG_CODE})+\s*$", re.IGNORECASE)
NAME = re.compile(r"^[A-ZА-ЯЁІЇЄҐ][\w'’-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’.-]+){1,2}$")
AUTHOR_PREFIX = re.compile(
    r"^\s*(?:автор|author|by|подготовил|подготовила|підготував|підготувала)\s*[:—–-]?\s+"
    r"([A-ZА-ЯЁІЇЄҐ][\w'’.-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’.-]+){0,3})"
    r"\s*$",
    re.IGNORECASE,
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…»\"”])\s+(?=[«\"“„A-ZА-ЯЁІЇЄҐ0-9—–-])")
# a related headline with its date glued on: `…сесії28 січня 2026 р.`, `…новости07.06.2025`
GLUED_DATE = re.compile(
    r"[^\W\d_]\d{1,2}(?:[./]\d{1,2}[./]\d{2,4}|\s+[^\W\d_]+\s+\d{4})\s*(?:р|г)?\.?\s*$"
)
GOES_ON = re.compile(r"[,;]\s*$")
LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
#: Above the body, a line without sentence punctuation of at most this many words reads as a
#: headline, a subtitle or a label; a longer one as a lede that lost its full stop.
HEADLINE_WORDS = 12
#: A line of more words than this is running text wherever it stands: a word such as
#: «подписка» or «Facebook» inside it is part of a sentence, not a prompt.
PROSE_WORDS = 20

#: Lines asked about again and again while one article is cleaned (and headlines repeated
#: across a corpus) are folded and counted once.
_LINE_CACHE = 1 << 16


@lru_cache(maxsize=_LINE_CACHE)
def normalize_line(line: str) -> str:
    """Return a line folded for comparison: lower case, single spaces, no edge punctuation."""
    return " ".join(line.split()).strip(" -–—•·*|").lower()


@lru_cache(maxsize=_LINE_CACHE)
def n_words(line: str) -> int:
    """Count the words of a line."""
    return len(_WORDS.findall(line))


#: Three words or more (``n_words(s) >= 3``, without counting them all).
_THREE_WORDS = re.compile(r"\w+\W+\w+\W+\w")


@lru_cache(maxsize=_LINE_CACHE)
def sentences(line: str) -> tuple[str, ...]:
    """Return the sentences of a line of three words or more, each normalized."""
    return tuple(normalize_line(s) for s in _SENTENCE_SPLIT.split(line) if _THREE_WORDS.search(s))


def is_timestamp(line: str) -> bool:
    """Tell whether a line is only a date or a time (with a few stamp words around it)."""
    if not (TIME.search(line) or _DATE.search(line) or _MONTH.search(line)):
        return False
    if _stamped_label(line):
        return True
    rest = _DATE.sub(" ", _GLUED_YEAR.sub(r"\1 ", line))
    rest = TIME.sub(" ", rest)
    rest = _MONTH.sub(" ", rest)
    rest = _TS_WORD.sub(" ", rest)
    rest = re.sub(r"\b\d{1,4}\b|\b(?:г|гг|року|года|р|в|о|и|і|at|on)\b\.?", " ", rest, flags=re.I)
    if re.search(r"\w", rest):
        return False
    return bool(TIME.search(line) or _DATE.search(line) or re.search(r"\d", line))


#: A year with its «р.»/«г.» written on (``23 квітня 2018р.``).
_GLUED_YEAR = re.compile(r"\b(\d{4})(?=[рг]\.)")


def _stamped_label(line: str) -> bool:
    """A time and a date with a few words of rubric or source around them:
    ``Общество 25.09.2025 14:42``, ``30 апреля 2019, 22:28 | Футбол | Оригинал статьи``."""
    dated = _DATE.search(line) or (_MONTH.search(line) and re.search(r"\b\d{1,2}\b", line))
    if not (TIME.search(line) and dated) or ends_sentence(line):
        return False
    rest = _MONTH.sub(" ", TIME.sub(" ", _DATE.sub(" ", line)))
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 3


# a scraper's metadata in front of the first line: ` date 2025-08-07 Мэр заявил …`
_DATE_PREFIX = re.compile(
    r"^\s*(?:date|published|дата)\s*:?\s*\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?\s+"
)


def strip_date_prefix(lines: list[str]) -> tuple[int, str] | None:
    """Cut a date-stamp prefix off the first non-empty line; return its line and text."""
    i = next((k for k, line in enumerate(lines) if line.strip()), None)
    m = _DATE_PREFIX.match(lines[i]) if i is not None else None
    if m is None or not lines[i][m.end():].strip():
        return None
    lines[i] = lines[i][m.end():]
    return i, m.group(0).strip()


def headline_like(line: str) -> bool:
    """Tell whether a line is short enough for a headline and does not announce a list, or
    is a longer headline that credits its words to someone after a dash."""
    n = len(LETTER_WORD.findall(line))
    return (n <= HEADLINE_WORDS and not line.endswith(":")) or (
        n <= _CREDITED_WORDS and bool(_CREDITED.search(line)))


#: A headline that credits its words to someone after a dash, with no stop at its end: ``…
#: мають до вересня вийти в офлайн - заступник міністра освіти Винницький`` (no closing
#: quotation mark before the dash: that would close a quotation in the body).
_CREDITED = re.compile(
    r"[^\s»\"”“'’.!?…]\s+[–—-]\s+(?:[а-яіїєґё'’.-]+\s+){0,6}"
    r"[А-ЯІЇЄҐЁ][а-яіїєґё'’-]+(?:\s+[А-ЯІЇЄҐЁ][а-яіїєґё'’-]+)?$"
)
_CREDITED_WORDS = 30


def dated(line: str) -> bool:
    """Tell whether a line carries a time or a full date (a stamp, not a headline)."""
    return bool(TIME.search(line) or _DATE.search(line) or (
        _MONTH.search(line) and re.search(r"\b\d{1,2}\b", line) and re.search(r"\b\d{4}\b", line)
    ))


def stamp_date(line: str) -> pd.Timestamp | None:
    """Return the full numeric date a line carries, when it is a plausible one."""
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


def is_heading(line: str) -> bool:
    """Tell whether a line is in capitals (four letters or more) and not a sentence."""
    letters = [ch for ch in line if ch.isalpha()]
    return (
        len(letters) >= 4
        and all(ch.isupper() for ch in letters)
        and not ends_sentence(line)
    )


def is_body(line: str, n: int) -> bool:
    """Tell whether a line of ``n`` words reads as body: a sentence of six words, or long."""
    return (n >= 6 and bool(ends_sentence(line))) or n >= 30


# the same headline written with other quotation marks or dashes is the same headline
FOLD_MARKS = str.maketrans("«»“”„‘’—–", "\"\"\"\"\"''--")
_ESCAPED_MARK = re.compile(r"\\([\"'])")
_SPACES = re.compile(r"[ \t\u00a0]+")


def tidy(line: str) -> str:
    """Fold runs of spaces and undo a scraper's backslash escapes (``\\"`` is ``"``)."""
    if "\\" in line:
        line = _ESCAPED_MARK.sub(r"\1", line)
    if "  " in line or "\t" in line or "\u00a0" in line:
        line = _SPACES.sub(" ", line)
    return line.strip()


@lru_cache(maxsize=1)
def _outlets() -> frozenset[str]:
    return frozenset(" ".join(w.lower().split()) for w in read_words("speakers_media.txt"))


def outlet_name(line: str) -> bool:
    """Whether a line is only a news outlet's name (``Українська правда`` under the body)."""
    return " ".join(line.lower().split()).strip(" .«»\"") in _outlets()
