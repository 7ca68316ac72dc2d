"""Why one line of an article is not body, from the line alone and where it stands.

* :func:`strict_reason`: boilerplate wherever it stands (an ad label, a counter, a web
  address, a timestamp, a line repeated across the corpus, ...);
* :func:`gated_reason`: the vocabulary of prompts, navigation, comments and captions, trusted
  on short lines, outside the body, or on two hits;
* :func:`inner_reason`: a caption, a subheading or a related headline inside the body;
* :func:`cut_off_tail`: the last line of a text cut off mid-sentence, which is body;
* :func:`listed_under_colon`: the items of a list a body line introduces, which are body.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from presslens.corpus._rules import (
    ALNUM,
    ALWAYS,
    ATTRIBUTION,
    AUTHOR_PREFIX,
    COUNTER,
    ENDS_STOP,
    GATED_ALL,
    GATED_SHORT,
    GATED_TRIGGERS,
    GLUED_DATE,
    GOES_ON,
    HEADLINE_WORDS,
    IMAGE_MARKUP,
    LETTER_WORD,
    NAME,
    PROSE_WORDS,
    SWITCHER,
    TICKER,
    TIME,
    URL_LINE,
    ends_sentence,
    is_heading,
    is_timestamp,
    normalize_line,
    outlet_name,
)
from presslens.morphology import analyzer

#: A headline glued to its date is a headline: longer lines are not read for one.
_GLUED_WORDS = 40


def strict_reason(line: str, lower: str, n: int, repeated: frozenset[str]) -> str | None:
    """Reasons that hold wherever the line stands."""
    for reason, pattern in ALWAYS.items():
        m = pattern.search(lower)
        if m and not (reason == "read-also" and n > PROSE_WORDS and (
                lower[:m.start()].strip() or ends_sentence(line) and _INNER_STOP.search(line))):
            # «… — читайте в матеріалі …» ending a long paragraph is body, and so is a
            # paragraph of sentences a link's label and headline were glued in front of
            return reason
    if n <= 4 and (COUNTER.match(line) or TICKER.match(line)) and not TIME.search(line):
        return "counter"
    if URL_LINE.match(line) or IMAGE_MARKUP.match(line):
        return "url"
    if not ALNUM.search(line):
        return "punctuation"
    if n <= _GLUED_WORDS and GLUED_DATE.search(line):
        return "related headline"
    if n <= 12 and is_timestamp(line):
        return "timestamp"
    if n <= 8 and SWITCHER.match(line):
        return "language switcher"
    if n <= 5 and is_heading(line):
        return "section heading"
    if repeated and normalize_line(line) in repeated:
        return "repeated across corpus"
    return None


def vocabulary_hits(lower: str) -> Counter[str]:
    """Count the vocabulary matches of each gated reason in a lower-cased line (none when
    the line holds none of the strings every match needs: most lines, found fast)."""
    if GATED_TRIGGERS is not None and not any(t in lower for t in GATED_TRIGGERS):
        return Counter()
    return Counter(m.lastgroup.replace("_", "-") for m in GATED_ALL.finditer(lower))


_SOURCE_LABEL = re.compile(r"(?i)^\W*(?:джерело|источник)\s*:")


#: A sentence ending inside a line, the next one starting.
_INNER_STOP = re.compile(r"[.!?…][»\"”]?\s+[А-ЯЁІЇЄҐA-Z]")


def gated_reason(line: str, n: int, hits: Counter[str], outside_body: bool) -> str | None:
    """Vocabulary reasons, trusted on short lines, outside the body, or on two hits.

    Never on a long sentence (more than :data:`~presslens.corpus._rules.PROSE_WORDS` words):
    ``Об этом сообщила пресс-служба в Telegram`` inside a paragraph is body.
    """
    # (a long line cut off after a full sentence is prose too: «… на Донбасі. Про це голова
    # держави повідомив на своїй сторінці Facebook, передає» with no stop at its end)
    sentence = ends_sentence(line) or (n > PROSE_WORDS and bool(_INNER_STOP.search(line)))
    prose = sentence and (n > PROSE_WORDS or n > 14 and hits.total() == 1)
    if prose or n > 2 * PROSE_WORDS or (
            (ends_sentence(line) or n >= PROSE_WORDS) and ATTRIBUTION.match(line)):
        return None  # «Про це … написав у телеграм-каналі.»: the source of the news, body
    if not outside_body and ("source" in hits or _SOURCE_LABEL.match(line)):
        return None  # `Джерело: прокурор … у соцмережах` between paragraphs: whose news it is
    if set(hits) == {"prompt"} and ENDS_STOP.search(line) and reports_past(line):
        return None  # «Обращение к горожанам мэр разместил в Facebook.»: news, not a prompt
    for reason, count in hits.items():
        short = n <= GATED_SHORT[reason]
        if reason == "navigation" and short:
            return reason
        if outside_body or count >= 2 or (short and not ENDS_STOP.search(line)):
            return reason
    return None


def reports_past(line: str) -> bool:
    """Tell whether a line tells what someone did (a past-tense verb) without turning to the
    reader (an imperative: ``Подписывайтесь``, ``Стежте``), in either language."""
    words = [w.lower().replace("’", "'").replace("ʼ", "'") for w in LETTER_WORD.findall(line)]
    tags = [analyzer(lang).parse(w)[0].tag for w in words for lang in ("ru", "uk")]
    return any("past" in t and "VERB" in t for t in tags) and not any("impr" in t for t in tags)


_SUBHEADING_WORDS = 6
_LABELLED = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+)?:\s+\S")
#: Words that address the reader or the guest: a question with one of them is an interview's
#: or a prompt's, not a subheading's (``Що ви відчули?``, ``Вы уверены?``).
_SECOND_PERSON = re.compile(
    r"(?i)\b(?:вы|вас|вам|вами|ваш\w*|ты|тебя|тебе|тобой|твой|твоя|твое|твоё|ви|ти|тобі|"
    r"твій|твоя|твоє|\w+(?:ете|ёте|ите|єте|їте|ешь|ёшь|ишь|еш|єш|иш))\b"
)
_QUESTION_HEADING_WORDS = 14


def question_heading(line: str, n: int) -> bool:
    """A short question on a line of its own, in the third person, that no dash or quotation
    mark opens: a subheading (``Хто ухвалюватиме рішення щодо мера?``), also when it ends with
    a colon (``Что сказал Андрей Сибига:``)."""
    if line.endswith(":"):
        return n <= _QUESTION_COLON_WORDS and bool(_INTERROGATIVE.match(line))
    return (
        line.endswith("?")
        and 3 <= n <= _QUESTION_HEADING_WORDS
        and line[:1] not in "—–-«„“\"'"
        and line.count("?") == 1
        and not _SECOND_PERSON.search(line)
    )


_QUESTION_COLON_WORDS = 8
_INTERROGATIVE = re.compile(
    r"(?i)^(?:что|що|как|як|чому|почему|зачем|навіщо|кто|хто|где|де|когда|коли|сколько|"
    r"скільки|какие|які|какой|який|яка|какая|чем|чим|куда|куди|откуда|звідки)\s"
)


#: The signature of an embedded post: ``— Петро Порошенко (@poroshenko) 11 жовтня 2018 р.``,
#: ``Опубликовано Тимофеем Миловановым 3 февраля 2016 г.``
_SIGNATURE = re.compile(
    r"^\W*(?:[^()]{2,60}\(@\w+\)\s+\S*\s*\d|(?:Опубликовано|Опубліковано|Posted\s+by)\s+"
    r"(?:[А-ЯЁІЇЄҐA-Z][^\s\d]*\s+){1,3}(?:on\s+)?[^.!?\d]{0,12}\d[^.!?]{0,20}\d{4}\D{0,8}$)"
)
_SIGNATURE_WORDS = 14
#: A link at the end of a line (an embedded post's picture): the sentence ends before it.
_TRAILING_LINK = re.compile(r"\s+(?:https?://|www\.|pic\.twitter\.com/)\S+\s*$")


def signature(line: str, n: int) -> bool:
    """Whether a line is an embedded post's signature (its author and day), never body."""
    return n <= _SIGNATURE_WORDS and _SIGNATURE.match(line) is not None


def inner_reason(line: str, n: int) -> str | None:
    """Why a line inside the body is not body: a caption (a name alone), a subheading (a
    short line without sentence punctuation, or a question in the third person), or a
    related headline (a longer line without sentence punctuation between paragraphs)."""
    if (n <= 3 and NAME.match(line)) or signature(line, n):
        return "caption"
    if question_heading(line, n):
        return "subheading"
    if (
        ends_sentence(line)
        or ("/" in line and ends_sentence(_TRAILING_LINK.sub("", line)))  # `… pic.twitter.com/…`
        or line.endswith((":", ",", ";", "»", "”", "“", '"'))
        or line[:1] in "—–-«„“\"'"
        or _LABELLED.match(line)  # `Джерело: …`, `Деталі: …`: a labelled body line
        or (n >= 3 and ATTRIBUTION.match(line))  # `Об этом сообщает <link cut off>`
    ):
        return None
    if n <= _SUBHEADING_WORDS:
        return "subheading"
    if len(LETTER_WORD.findall(line)) <= HEADLINE_WORDS:
        return "related headline"
    return None


#: Words a line cut off mid-sentence has at least, when more lines follow it: a scraper cuts
#: the text at its end, so a short unfinished line before a prompt is a related headline.
_CUT_BEFORE_MORE = 8
_CUT_WORD = re.compile(r"[\w,;:\-–—«»„“”\"(’'ʼ]\s*$")
#: One word cut off that can only open running text: a quotation's first word, or the start
#: of «Напомним»/«Нагадаємо» (``"Поддержк``, ``Напомн``), never a menu's or a headline's.
_RUNNING_WORD = re.compile(
    r"^(?:[«\"„“][А-ЯЁІЇЄҐA-Z]\w*|(?i:напом|нагад)\w*)$")
#: A label's colon, then a headline of three words or more (``Читайте також: Унаслідок …``).
_HEADLINE_AFTER_LABEL = re.compile(r":\s*\S+(?:\s+\S+){2}")
#: Reasons of lines that can stand between two paragraphs of a body.
_INLINE = frozenset({"caption", "ad", "counter", "url", "punctuation"})


#: Words of a line that ends with a colon and introduces what follows (``… відповів так:``).
INTRODUCES_WORDS = 6


def introduces(line: str, n: int) -> bool:
    """Whether a line of ``n`` words introduces the next one: a sentence ending with a colon."""
    return n >= INTRODUCES_WORDS and line.rstrip().endswith(":")


#: An item of a list: a dash, a bullet or a number opening a line.
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•·*]|\d{1,2}[.)])\s+\S")


def listed_under_colon(lines, live: list[int], reason, n_words, i: int) -> bool:
    """Whether line ``i`` is an item of a list that a kept line of the body introduces with
    a colon (``… подготовили список цен:``), the items between them kept too, or the line
    that introduces one (``lines``: stripped; ``live``: the non-empty lines, in order)."""
    if not _LIST_ITEM.match(lines[i]):
        k = bisect.bisect_right(live, i)
        return introduces(lines[i], n_words[i]) and k < len(live) and bool(
            _LIST_ITEM.match(lines[live[k]]))
    for j in reversed(live[: bisect.bisect_left(live, i)]):
        if j in reason:
            return False
        if not _LIST_ITEM.match(lines[j]):
            return introduces(lines[j], n_words[j])
    return False


def cut_off_tail(lines, live, last, reason, n_words) -> int | None:
    """Return the line that ends the body cut off mid-sentence, if there is one.

    That is the first line after the last body line: it does not end as a sentence would,
    holds at least two words, and only boilerplate already recognised (a menu, a counter,
    an ad) follows it.
    """
    after = [i for i in live if last is not None and i > last]
    # lines that end as sentences straight after the last anchor are body anyway, and a photo
    # caption or an ad may stand inside the body
    def passed(i: int, nxt: int | None) -> bool:
        line = lines[i].strip()
        if reason.get(i) in _INLINE or (reason.get(i) == "read-also"
                                         and _HEADLINE_AFTER_LABEL.search(line)):
            return True  # (a link with its headline, «Читайте також: …», inside the body)
        if reason.get(i) == "section heading" and line.endswith(":"):
            return nxt is not None and nxt not in reason  # `Що передувало:` over the text
        if i in reason:
            return False
        # a sentence, a paragraph that goes on (ends with a comma), a short label (`Видео:`),
        # a sentence introducing the next line when that line is text (`… відповів так:`)
        return bool(ends_sentence(line) or GOES_ON.search(line) or n_words[i] <= 4
                    or (introduces(line, n_words[i]) and nxt is not None and nxt not in reason))

    while after and len(after) > 1 and passed(after[0], after[1]):
        after = after[1:]
    if after and passed(after[0], None) and ends_sentence(lines[after[0]].strip()):
        return None
    if not after:
        return None
    tail, rest = after[0], after[1:]
    line = lines[tail].strip()
    long_line = n_words[tail] >= PROSE_WORDS and reason.get(tail) in GATED_SHORT and not any(
        p.search(line.lower()) for p in ALWAYS.values()  # a site's prompt at any length stays
    )
    if (tail in reason and not long_line) or not all(
        i in reason or (n_words[i] <= 4 and not ends_sentence(lines[i])) for i in rest
    ):
        return None
    if (n_words[tail] < 2 and not _RUNNING_WORD.match(line)) or ends_sentence(line) or (
            not _CUT_WORD.search(line)):
        return None
    if AUTHOR_PREFIX.match(line) or outlet_name(line):
        return None  # a byline or the outlet's name under the body, not a sentence cut off
    if rest and n_words[tail] < _CUT_BEFORE_MORE:
        return None  # a short line with a prompt or a menu after it: a headline, not a cut
    return tail


_CYRILLIC_LETTER = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)
_LATIN_WORD = re.compile(r"(?<![^\W\d_])[a-z]{2,}(?![^\W\d_])", re.IGNORECASE)
#: Latin words a line needs, with no Cyrillic letter, to be in another script than its article.
_FOREIGN_WORDS = 4
#: Lines of prose in Cyrillic (eight words or more) that make an article one in Cyrillic.
_CYRILLIC_LINES = 3


def foreign_lines(lines: dict[int, str], n_words: dict[int, int]) -> list[int]:
    """The lines (by index) in Latin script alone (an English list of headlines, an embedded
    post) of an article written in Cyrillic (three lines of eight words or more hold Cyrillic
    letters, or two with more words than the Latin lines)."""
    latin = [i for i, line in lines.items() if not _CYRILLIC_LETTER.search(line)
             and len(_LATIN_WORD.findall(line)) >= _FOREIGN_WORDS]
    if not latin:
        return []
    prose = [i for i, line in lines.items() if n_words[i] >= 8 and _CYRILLIC_LETTER.search(line)]
    if len(prose) >= _CYRILLIC_LINES:
        return latin
    # a short article: two paragraphs of Cyrillic prose outweighing the Latin lines (a post
    # quoted in its English original under its translation)
    more = sum(n_words[i] for i in prose) > sum(n_words[i] for i in latin)
    return latin if len(prose) >= 2 and more else []
