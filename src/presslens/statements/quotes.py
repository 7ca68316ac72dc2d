"""Quotation marks and sentences that keep quotations whole.

* :func:`quote_spans` pairs the quotation marks of a paragraph: «…», „…“, “…”, "…" (a
  straight quote opens or closes by what stands around it), nested quotes inside outer ones,
  and a quote left open at the end of the paragraph (cut off) ends at the paragraph's end.
* :func:`split_sentences` splits a paragraph into sentences without breaking inside a
  quotation, so ``«Мы готовы. Это важно», — сказал он.`` is one sentence.
* :func:`quote_kind` tells the quotations that cannot be statements: names of media and
  organisations, and titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from presslens.lexicon import read_json
from presslens.statements.cues import is_cue
from presslens.statements.wordlists import is_media

__all__ = ["Quote", "Sentence", "quote_kind", "quote_spans", "split_sentences"]

_CLOSING_NEXT = set(".,;:!?)]}»”“—–-…/") | {"\n"}
_OPENING_PREV = set("([{—–-:/«„“") | {"\n"}
_ABBREVIATIONS = frozenset(
    """г гг т е им ст тыс млн млрд руб грн см др пр п ул д кв обл р рр вул просп англ
    нем франц о св чел ч мин сек долл стр рис тел. напр т.е т.д т.п ін інш див ред""".split()
)


@dataclass(frozen=True)
class Quote:
    """A quotation: ``open`` is the opening mark's offset, ``end`` the offset after the closing
    mark (or after the text when the quote is cut off); ``inner_start``/``inner_end`` bound
    the quoted words."""

    open: int
    end: int
    inner_start: int
    inner_end: int
    mark: str
    truncated: bool


@dataclass(frozen=True)
class Sentence:
    """A sentence of a paragraph with its offsets."""

    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _pairs() -> dict[str, str]:
    data = read_json("statements_quotes.json")
    return {a: b for a, b in data["pairs"]}


@lru_cache(maxsize=1)
def _mark_re() -> re.Pattern:
    """Match any quotation mark: only they move the pairing below."""
    pairs = _pairs()
    marks = set(pairs) | set(pairs.values()) | set('"“”„«»')
    return re.compile("[" + re.escape("".join(sorted(marks))) + "]")


def quote_spans(text: str) -> list[Quote]:
    """Find the top-level quotations of ``text``.

    Parameters
    ----------
    text : str
        A paragraph (quotes do not run across paragraphs).

    Returns
    -------
    list of Quote
        In text order; nested quotes are inside their outer quote and not listed apart.

    Examples
    --------
    >>> [text[q.inner_start:q.inner_end] for text in ['Он сказал: «Это „план“ Б».']
    ...  for q in quote_spans(text)]
    ['Это „план“ Б']
    """
    pairing = _Pairing(text)
    for found in _mark_re().finditer(text):
        _read_mark(pairing, found.start(), found.group())
    return pairing.finish()


class _Pairing:
    """The quotation marks of a paragraph being paired: the marks open and the quotes closed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[tuple[str, int]] = []  # (mark, offset) of the marks open
        self.out: list[Quote] = []

    def close_to(self, index: int, end: int) -> None:
        """Close the mark open at ``stack[index]`` (and those inside it) at ``end``."""
        mark, pos = self.stack[index]
        del self.stack[index:]
        if not self.stack:
            self.out.append(Quote(pos, end + 1, pos + 1, end, mark, False))

    def close_last(self, end: int) -> None:
        """Close the innermost mark open at ``end``, the outer ones too before an attribution."""
        self.close_to(len(self.stack) - 1, end)
        _close_all_before_attribution(self.text, end, self.stack, self.close_to)

    def finish(self) -> list[Quote]:
        """Return the quotations in text order, one left open ending at the paragraph's end,
        or at an attribution inside it (``«Це велика перемога, – заявив Президент.``)."""
        if self.stack:
            mark, pos = self.stack[0]
            end = len(self.text.rstrip())
            said = _said_inside(self.text, pos + 1, end)
            if said is not None:
                self.out.append(Quote(pos, said, pos + 1, said, mark, False))
            elif end > pos + 1:
                self.out.append(Quote(pos, end, pos + 1, end, mark, True))
        self.out.sort(key=lambda q: q.open)
        return self.out


def _read_mark(p: _Pairing, i: int, ch: str) -> None:
    """Open or close a quotation at the mark ``ch`` at offset ``i``."""
    text, stack = p.text, p.stack
    prev = text[i - 1] if i else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    closing = not prev.isspace() and (nxt.isspace() or nxt in _CLOSING_NEXT)
    if nxt == ">":
        return  # `">`: the end of an HTML attribute a scraper left behind, not a quotation
    if ch == '"':
        _straight_mark(p, i, prev, nxt, closing)
    elif ch == "“" and stack and (stack[-1][0] == "„" or stack[-1][0] == "“" and closing):
        # „…“, and “…“ closed by the opening mark (a common typing slip)
        p.close_last(i)
    elif ch == "”" and stack and stack[-1][0] in ("“", "„"):
        p.close_last(i)
    elif ch in _pairs() and ch not in ('"', "”"):
        stack.append((ch, i))
    else:
        _closing_mark(p, i, ch, closing)


#: The mark an open “ or „ expects, later in the paragraph: a straight quote before it is
#: inside the quotation (“слово" … ”), not its end.
_CLOSES_LATER = re.compile(r"[^“„”]*[”“]")


def _straight_mark(p: _Pairing, i: int, prev: str, nxt: str, closing: bool) -> None:
    """A straight quote opens or closes by what stands around it."""
    stack = p.stack
    opening = prev.isspace() or prev in _OPENING_PREV
    marks = [m for m, _ in stack]
    if stack and stack[-1][0] == '"' and closing:
        p.close_last(i)
    elif opening and not nxt.isspace():
        stack.append(('"', i))
    elif '"' in marks and closing:
        p.close_to(len(marks) - 1 - marks[::-1].index('"'), i)
    elif closing and stack and stack[-1][0] in "“„" and not _CLOSES_LATER.match(p.text, i + 1):
        p.close_last(i)  # “…": the marks mismatched, the straight one closing


def _closing_mark(p: _Pairing, i: int, ch: str, closing: bool) -> None:
    """Close the quotation that ``ch`` pairs with, or the innermost one: "…», «…”."""
    pairs = _pairs()
    closers = {pairs[m]: m for m, _ in p.stack}
    if ch in closers:
        marks = [m for m, _ in p.stack]
        p.close_to(len(marks) - 1 - marks[::-1].index(closers[ch]), i)
        _close_all_before_attribution(p.text, i, p.stack, p.close_to)
    elif ch in "»”" and p.stack and closing:
        # a quotation opened with one mark and closed with another: "…», «…”
        p.close_last(i)
    elif (ch in "»”" and not p.stack and len(p.out) == 1 and not p.text[: p.out[0].open].strip(
            " —–-") and _ATTRIBUTION_DASH.match(p.text, i + 1)):
        # «Олимпийский», спасибо!» — сказал он: a paragraph's quotation opening with a quoted
        # name shares its opening mark with it; the stray closing mark ends the whole quotation
        first = p.out.pop()
        p.out.append(Quote(first.open, i + 1, first.inner_start, i, first.mark, False))


_ATTRIBUTION_DASH = re.compile(r"\s*[,.!?…]?\s*[—–―-]\s+\w")
#: Punctuation, a dash and a word: where an attribution may follow the words quoted.
_DASH_WORD = re.compile(r"[,.!?…]\s*[—–―-]\s+([^\W\d_]+)")


def _said_inside(text: str, start: int, end: int) -> int | None:
    """Where a quotation left open ends at an attribution by a verb of speech, the closing
    mark lost (``«Я вважаю, що це велика перемога, – заявив Президент України.``), unless
    the words quoted resume after it."""
    for m in _DASH_WORD.finditer(text, start, end):
        if m.start() > start and "speech" in (is_cue(m.group(1), "ru"), is_cue(m.group(1), "uk")):
            if _RESUMED.search(text, m.end(), end):
                return None  # «…, — заявив він. — …»: the quotation goes on after it
            return m.start() + (text[m.start()] != ",")  # a full stop ends the words quoted
    return None


#: The words quoted resuming after an attribution: ``. — За два тижні …``.
_RESUMED = re.compile(r"[,.:]\s*[—–―-]\s")


def _close_all_before_attribution(text: str, i: int, stack: list, close_to) -> None:
    """Close the outer quotations too when the mark at ``i`` is followed by an attribution
    dash: ``«… об’єднання “За Зеленського”, — заявив він`` shares one closing mark. A dash
    with no punctuation before it may be a copula inside the outer quotation (``«…, «Російська
    Федерація» – це ж одна назва …»``): then the outer one closes later, if its mark follows."""
    m = _ATTRIBUTION_DASH.match(text, i + 1)
    if not stack or not m:
        return
    outer = _pairs()[stack[0][0]]
    if not re.match(r"\s*[,.!?…]", m.group()) and outer in text[m.end() :]:
        return
    close_to(0, i)


def mask_quotes(text: str, quotes: list[Quote]) -> str:
    """Return ``text`` with the quoted words replaced by ``x`` (same length).

    The first quoted character is kept, so a quotation that opens a sentence still shows
    its capital letter to the sentence splitter.
    """
    pieces, done = [], 0
    for q in sorted(quotes, key=lambda q: q.inner_start):
        a, b = max(q.inner_start + 1, done), q.inner_end
        if a < b:
            pieces += [text[done:a], _NOT_NEWLINE.sub("x", text[a:b])]
            done = b
    return "".join([*pieces, text[done:]])


_NOT_NEWLINE = re.compile(r"[^\n]")


_BOUNDARY = re.compile(r"[.!?…]+[»”“\"')]*(?=\s+(?:[«„“\"(—–-]\s*)*[A-ZА-ЯЁІЇЄҐ0-9])|\n")


def _word_before(text: str, end: int) -> str:
    """Return the last run of word characters in ``text[:end]`` (skipping what follows it)."""
    k = end
    while k > 0 and not _WORD_CHAR.match(text[k - 1]):
        k -= 1
    j = k
    while j > 0 and _WORD_CHAR.match(text[j - 1]):
        j -= 1
    return text[j:k]


_WORD_CHAR = re.compile(r"\w")


def split_sentences(text: str, quotes: list[Quote] | None = None) -> list[Sentence]:
    """Split a paragraph into sentences, never inside a quotation.

    Parameters
    ----------
    text : str
        A paragraph.
    quotes : list of Quote, optional
        Its quotations (found with :func:`quote_spans` when not given).

    Returns
    -------
    list of Sentence
        In text order, stripped of surrounding spaces; the offsets point into ``text``.
    """
    if quotes is None:
        quotes = quote_spans(text)
    masked = mask_quotes(text, quotes)
    cuts = [0]
    for m in _BOUNDARY.finditer(masked):
        if m.group(0) == "\n":
            cuts.append(m.end())
            continue
        word = _word_before(masked, m.start() + 1)
        if masked[m.start()] == "." and (
            word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())
        ):
            continue
        cuts.append(m.end())
    cuts.append(len(text))
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        chunk = text[a:b]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if trail > lead:
            out.append(Sentence(a + lead, a + trail, text[a + lead : a + trail]))
    return out


_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    """Words after which a quotation is a title (статья, книга, програма, читайте …)."""
    data = read_json("statements_quotes.json")
    return frozenset(w.lower() for w in data["title_words"]) | {"читайте", "читать"}


def quote_kind(inner: str, before: str) -> str | None:
    """Say why a quotation cannot be a statement: ``name``, ``title`` or None.

    Parameters
    ----------
    inner : str
        The quoted words.
    before : str
        The text just before the opening mark.

    Returns
    -------
    str or None
        ``"name"`` for a medium or organisation («Интерфакс-Украина»), ``"title"`` after a
        word such as статья/книга/програма («…» in ``читайте в статье «…»``), else None.
    """
    if is_media(inner):
        return "name"
    # (only the words of its own sentence: «… отмену неготовностью спектакля. «…»» is speech)
    prev = _WORD.findall(_SENTENCE_END.split(before[-60:])[-1].lower())
    if prev and (prev[-1] in _title_words() or (len(prev) > 1 and prev[-2] in _title_words())):
        if before.rstrip().endswith(":") and len(prev) > 1 and prev[-2] in _AT:
            return None  # «сказала на конференции: «…»»: where it was said, then the words
        return "title"
    return None


_AT = frozenset("на в во у".split())
_SENTENCE_END = re.compile(r"[.!?…]\s+")
