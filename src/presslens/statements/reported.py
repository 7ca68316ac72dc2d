"""The rules that find the statements of one article (see :mod:`presslens.statements.extract`).

A **direct** statement is a quotation with an attribution:

* after it: ``«…», — заявил он.`` / ``"…", - сказал Блинкен`` / ``«…», — передает слова
  Блинкена ТАСС`` (the medium relays, Blinken speaks);
* before it: ``Столтенберг заявил: «…»``, ``По словам Блинкена, «…»``, ``…, что «…»``;
* inside it: ``«…, — сказал он. — …»`` (one statement, the two parts joined);
* in the next sentence: ``«…». Об этом заявил …``, or in the previous one ending with a colon;
* a paragraph of dash-introduced speech: ``— …, — сказал Песков.``;
* a whole-sentence quotation right after another statement continues that speaker.

Quoted names of media and organisations, titles and short scare-quoted terms with no
attribution are not statements.

An **indirect** statement is reported speech: ``Столтенберг заявил, что …``, ``…, заявил
генсек НАТО``, ``По словам X, …``, ``О том, что …, заявил X``, ``Такое мнение высказал X``,
``X призвал … сделать …``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from presslens.corpus.lang import detect_language
from presslens.lexicon import read_json
from presslens.statements.attribution import Attribution, Context, attribute, cue_tokens
from presslens.statements.quotes import Quote, Sentence, quote_spans, split_sentences
from presslens.statements.speakers import find_people, find_roles, is_media
from presslens.text import _morph

__all__ = ["find_statements", "quote_kind"]

_DASH = "—–―\\-"  # for character classes: the hyphen escaped
_POST = re.compile(rf"^\s*[,.!?…]?\s*[{_DASH}]\s+")
_POST_COMMA = re.compile(r"^\s*,\s+")
_SPLIT = re.compile(
    rf"([,.!?…:])\s+[{_DASH}]\s+([^{_DASH}«»\"“”„]{{3,160}}?)([,.:])\s+[{_DASH}]\s+"
)
_ANAPHOR = re.compile(
    r"(?i)^(?:[^\s]+\s+){0,3}?(?:об\s+этом|о\s+том|это|так|такое|такую|такими|такой|эти"
    r"|про\s+це|це|таку|такі|такими|ці|так)\b"
)
_ANAPHOR_HEAD = re.compile(
    r"(?i)\s*(?:[—–-]\s*)?(?:об\s+этом|о\s+том|это|так|такое|такую|такой|такие|такими|эти|про\s+це"
    r"|це|так|таку|таке|такі|такими|ці)\b"
)
_THAT = re.compile(
    r"(?i)(?:,\s*|\s+)(?:(?:о\s+том|про\s+те|в\s+том|у\s+тому),\s*)?(что|чтобы|що|щоб)\b"
)
_ABOUT_THAT = re.compile(r"(?i)^(?:[^\s,]+\s+){0,2}?(?:о\s+том|про\s+те),\s*(?:что|що)\s+")
_BY_WORDS = re.compile(
    r"(?i)^(?:(?:по|за)\s+(?:его|её|ее|його|її|их|їх)?\s*(?:словам|словами|мнению|думку|даними"
    r"|данным|оценке|оцінкою)|со\s+слов|зі\s+слів|как\s+\w+|як\s+\w+)\b"
)
_WORD = re.compile(r"[^\W\d_]+")
_CALLS = frozenset(
    "призвать призывать закликати закликать потребовать требовать вимагати зажадати "
    "предложить пропонувати запропонувати".split()
)


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    data = read_json("statements_quotes.json")
    return frozenset(w.lower() for w in data["title_words"]) | {"читайте", "читать"}


@dataclass
class _Para:
    """One paragraph of an article, with its quotations and sentences."""

    text: str  # the whole article
    paragraphs: list[tuple[int, str]]  # (offset, line) of every paragraph
    index: int
    off: int
    line: str
    quotes: list[Quote]  # in order of their opening marks
    sents: list[Sentence]

    def __post_init__(self) -> None:
        self._opens = [q.open for q in self.quotes]
        self._reach = list(accumulate((q.inner_end for q in self.quotes), max))

    def quotes_opening(self, start: int, end: int) -> list[Quote]:
        """The quotations whose opening mark lies in ``[start, end)`` of the paragraph."""
        return self.quotes[bisect.bisect_left(self._opens, start) : bisect.bisect_left(
            self._opens, end)]

    def quotes_over(self, start: int, end: int) -> list[Quote]:
        """The quotations whose words overlap ``[start, end)`` of the paragraph."""
        lo = bisect.bisect_right(self._reach, start)
        hi = bisect.bisect_left(self._opens, end)
        return [q for q in self.quotes[lo:hi] if q.inner_start < end and q.inner_end > start]

    def next_sentence(self, s_index: int) -> tuple[str, int] | None:
        """Return the sentence after ``s_index`` (maybe in the next paragraph) and its offset."""
        if s_index + 1 < len(self.sents):
            s = self.sents[s_index + 1]
            return s.text, self.off + s.start
        if self.index + 1 < len(self.paragraphs):
            n_off, n_line = self.paragraphs[self.index + 1]
            first = split_sentences(n_line)
            if first:
                return first[0].text, n_off + first[0].start
        return None

    def prev_sentence(self, s_index: int) -> tuple[str, int] | None:
        """Return the sentence before ``s_index`` (maybe in the previous paragraph)."""
        if s_index > 0:
            s = self.sents[s_index - 1]
            return s.text, self.off + s.start
        if self.index > 0:
            p_off, p_line = self.paragraphs[self.index - 1]
            last = split_sentences(p_line)
            if last:
                return last[-1].text, p_off + last[-1].start
        return None


@dataclass
class _Statement:
    speaker_person: object
    speaker_mention: str | None
    role: str | None
    cue: str | None
    quote: str
    kind: str
    start: int
    end: int
    attribution: tuple[int, int] | None
    how: str


def _words(text: str) -> int:
    return len(_WORD.findall(text))


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
    prev = _WORD.findall(before[-60:].lower())
    if prev and (prev[-1] in _title_words() or (len(prev) > 1 and prev[-2] in _title_words())):
        return "title"
    return None


def _strip_relay_tail(text: str, language: str | None) -> str:
    """Cut ``, пишет «…»`` / ``, передает ТАСС`` off the end of reported content."""
    m = re.search(r",\s*(?:[—–-]\s*)?(?:как\s+|як\s+)?(\w+)\s+[^,]*$", text)
    if m:
        cues = cue_tokens(m.group(1), language)
        if cues and cues[0][3] == "relay":
            return text[: m.start()]
    return text


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:—–-"):
        end -= 1
    return start, end


def _make(attr: Attribution, quote: str, kind: str, start: int, end: int, span) -> _Statement:
    return _Statement(
        attr.person,
        attr.mention,
        attr.role,
        attr.cue,
        quote,
        kind,
        start,
        end,
        span,
        attr.how,
    )


def find_statements(text: str, language: str | None = None) -> list[dict]:
    """Find the statements of one article.

    Parameters
    ----------
    text : str
        The article's clean text (one paragraph per line).
    language : {"ru", "uk"} or None
        The article's language (detected when None).

    Returns
    -------
    list of dict
        One dict per statement, in text order, with keys ``person`` (a
        :class:`presslens.statements.speakers.Person` or None), ``speaker_mention``, ``role``,
        ``cue``, ``quote``, ``kind`` (``direct``/``indirect``), ``start``, ``end`` (offsets of the
        statement's words in ``text``), ``attribution`` (offsets of the attribution clause
        or None), ``how`` (``name``, ``pronoun``, ``role``, ``context``, ``none``) and
        ``mentions`` (``(key, offset)`` of every person named in the article).
    """
    language = language or detect_language(text) or "ru"
    people = sorted(find_people(text, language), key=lambda p: p.start)  # text order
    roles = find_roles(text, language)
    _give_roles(text, people, roles)
    paragraphs = []
    pos = 0
    for line in text.split("\n"):
        paragraphs.append((pos, line))
        pos += len(line) + 1
    para_quotes = [quote_spans(line) for _, line in paragraphs]
    inside = [
        (off + q.inner_start, off + q.inner_end)
        for (off, _), quotes in zip(paragraphs, para_quotes, strict=True)
        for q in quotes
    ]
    ctx = Context(people, roles, inside, language)

    found: list[_Statement] = []
    for p_index, (off, line) in enumerate(paragraphs):
        if not line.strip() or (found and off < max(st.end for st in found[-3:])):
            continue
        quotes = para_quotes[p_index]
        sents = split_sentences(line, quotes)
        para = _Para(text, paragraphs, p_index, off, line, quotes, sents)
        covered: list[tuple[int, int]] = []
        for s_index, sent in enumerate(sents):
            s_quotes = para.quotes_opening(sent.start, sent.end)
            for q_index in range(len(s_quotes)):
                st = _direct(para, s_index, s_quotes, q_index, ctx, found)
                if st is not None:
                    found.append(st)
                    covered.append((off + sent.start, off + sent.end))
        # dash-introduced speech, on one paragraph or running over several
        if _attribution_line(line, ctx.language):
            st = _quoted_above(para, ctx, found)
            if st is not None:
                found.append(st)
            continue
        st = (
            _dash_speech(line, off, ctx)
            or _dash_run(para, ctx)
            or _interview_turn(para, ctx, found)
            or (None if covered else _inline_dash(para, ctx))
        )
        if st is not None:
            found.append(st)
            covered.append((off, off + len(line)))
        taken = _Spans(covered)
        for s_index, sent in enumerate(sents):
            if taken.covers(off + sent.start):
                continue
            st = _indirect(para, s_index, ctx)
            if st is not None:
                found.append(st)
    found.sort(key=lambda s: s.start)
    for k in range(len(found) - 2, -1, -1):
        st, nxt = found[k], found[k + 1]
        if st.how == "next":  # take the speaker of the quotation it runs on into
            st.speaker_person, st.speaker_mention, st.role = (
                nxt.speaker_person,
                nxt.speaker_mention,
                nxt.role,
            )
            st.cue, st.attribution = nxt.cue, nxt.attribution
            st.how = "context"
    sources: list[re.Match] | None = None  # read once, when a statement needs them
    full_names: dict[str, list] = {}
    for p in people:
        if p.first:
            full_names.setdefault(p.key, []).append(p)
    for st in found:
        if st.how == "next":
            st.how = "none"
        if st.speaker_person is None and not st.speaker_mention:
            sources = list(_SOURCE.finditer(text)) if sources is None else sources
            _from_source(st, text, people, sources)
        _complete(st.speaker_person, full_names)
    out = []
    mentions = [(p.key, p.start) for p in people]
    first_roles: dict[str, str] = {}
    for p in people:
        if p.role and p.key not in first_roles:
            first_roles[p.key] = p.role
    for st in found:
        person = st.speaker_person
        role = st.role or (first_roles.get(person.key) if person is not None else None)
        out.append(
            {
                "person": st.speaker_person,
                "speaker_mention": st.speaker_mention,
                "role": role,
                "cue": st.cue,
                "quote": st.quote,
                "kind": st.kind,
                "start": st.start,
                "end": st.end,
                "attribution": st.attribution,
                "how": st.how,
                "mentions": mentions,
            }
        )
    return out


# `Об этом сообщает пресс-центр АТО.`, `Про це повідомляє ДТЕК.`, `з посиланням на прес-службу
# Генштабу`: the source an unattributed quotation (`— говорится в сообщении`) comes from.
_SOURCE = re.compile(
    r"(?i)(?:(?:об\s+этом|о\s+чем|о\s+чём|про\s+це)\s+(?:говорится|йдеться|сказано|"
    r"ідеться)\s+(?:в|у)\s+(?:сообщении|повідомленні|заявлении|заяві)|"
    r"(?:^|(?<=[.!?\n]\s)|(?<=\n))(?:повідомив|повідомила|повідомили|сообщил|сообщила|"
    r"сообщили|заявил|заявила|заявив|написал|написала|написав)|"
    r"(?:об\s+этом|о\s+чем|о\s+чём|про\s+це|как|як)\s+(?:\w+\s+)?"
    r"(?:сообща\w*|сообщил\w*|заяви\w*|повідом\w*|інформу\w*|информир\w*|пише|пишет|"
    r"написа\w*|рассказа\w*|розповіл\w*)|(?:со|з|із)\s+(?:ссылкой|посиланням)\s+на)"
    r"\s+(?:в\s+|у\s+)?(?P<src>[^.,:;!?\n«»\"“”]{2,80})"
)
_SOURCE_WORDS = 6
_SOURCE_TAIL = re.compile(
    r"(?i)\s+(?:в|у|на)\s+(?:эфир|ефір|интервью|інтерв|telegram|телеграм|facebook|фейсбук|"
    r"соцсет|соцмереж|комментари|коментар|сво|своєму|своем|заяв|сообщени|повідомлен)\w*.*$"
)
_SELF = frozenset("сам сама сами само сам. сама.".split())


def _from_source(st: _Statement, text: str, people, sources: list[re.Match]) -> None:
    """Give an unattributed statement the source the article named before it: the person
    named there, else the organisation as written (``how`` = ``organisation``)."""
    k = bisect.bisect_right([m.end() for m in sources], st.start)
    if not k:
        return
    m = sources[k - 1]
    a, b = m.span("src")
    named = [p for p in people if a <= p.start < b]
    if named:
        st.speaker_person, st.speaker_mention, st.how = (
            named[0],
            text[named[0].start : named[0].end],
            "source",
        )
        return
    src = _SOURCE_TAIL.sub("", m.group("src")).strip(" —–-")
    if not src or src.split()[0].lower() in _SELF:
        return  # «сообщил сам боксер»: the person the article is about, not an organisation
    st.speaker_mention, st.how = " ".join(src.split()[:_SOURCE_WORDS]), "organisation"


def _give_roles(text: str, people, roles) -> None:
    """Give a person the role written just before the name (``генсек НАТО Йенс
    Столтенберг``); a surname alone inherits the role given earlier with the same name."""
    by_end = sorted(roles, key=lambda r: r.end)
    ends = [r.end for r in by_end]
    for person in people:
        # the last role ending at most three characters before the name
        k = bisect.bisect_right(ends, person.start)
        for r in reversed(by_end[max(0, k - 3) : k]):
            if person.start - r.end <= 3 and text[r.end : person.start].strip(" ,") == "":
                person.role, person.role_key = r.text, r.key
                break
    last_role: dict[str, object] = {}  # the nearest earlier mention of a name with a role
    for person in sorted(people, key=lambda p: p.start):
        if person.role is None and person.key in last_role:
            other = last_role[person.key]
            person.role, person.role_key = other.role, other.role_key
        if person.role:
            last_role[person.key] = person


def _complete(person, full_names: dict[str, list]) -> None:
    """Give a surname alone the first name of the same person named elsewhere in the article
    (``full_names``: the people named with a first name, by surname key, in text order)."""
    if person is None or person.first:
        return
    full = full_names.get(person.key)
    if full:
        before = [p for p in full if p.start < person.start]
        source = (before or full)[-1]
        person.first, person.initial = source.first, source.initial


def _direct(para: _Para, s_index: int, s_quotes: list[Quote], q_index: int, ctx, found):
    """Attribute one quotation of a sentence; return a statement or None."""
    text, line, off = para.text, para.line, para.off
    sent = para.sents[s_index]
    q = s_quotes[q_index]
    inner = line[q.inner_start : q.inner_end]
    # the segment of the sentence that belongs to this quotation: up to the next quotation
    # that could be a statement (a quoted name, «Новой газете», stays in the attribution)
    later = [x for x in s_quotes[q_index + 1 :] if _words(line[x.inner_start : x.inner_end]) >= 3]
    seg_start = s_quotes[q_index - 1].end if q_index else sent.start
    seg_end = later[0].open if later else sent.end
    before = line[seg_start : q.open]
    after = line[q.end : seg_end]
    if quote_kind(inner, line[max(0, q.open - 60) : q.open]):
        return None
    q_start, q_end = _clean_span(text, off + q.inner_start, off + q.inner_end)
    quote_text = text[q_start:q_end]

    # split quote: «A, — сказал он. — B»
    m = _SPLIT.search(inner)
    if m:
        attr = attribute(m.group(2), off + q.inner_start + m.start(2), ctx)
        if attr is not None and attr.cue:
            part_a = inner[: m.start()] + (m.group(1) if m.group(1) in ".!?…" else "")
            part_b = inner[m.end() :]
            joined = f"{part_a.strip()} {part_b.strip()}".strip()
            span = (off + q.inner_start + m.start(2), off + q.inner_start + m.end(2))
            return _make(attr, joined, "direct", q_start, q_end, span)

    # a quoted fragment inside reported speech: «отметил, что ситуация «сложная, как …»»,
    # «По мнению X, … «…»»: the reported sentence's speaker said these words
    if _words(inner) >= 4 and before.strip(" —–-"):
        clause = line[sent.start : q.open]
        attr = attribute(clause, off + sent.start, ctx)
        if attr is not None and attr.cue and (attr.person is not None or attr.mention):
            span = (off + sent.start, off + q.open)
            return _make(attr, quote_text, "direct", q_start, q_end, span)
    # after: «…», — заявил он.
    pm = _POST.match(after) or _POST_COMMA.match(after)
    if pm:
        clause = after[pm.end() :]
        stop = re.search(rf"[.!?…]\s+[{_DASH}]\s+|[.!?…]\s*$|:\s", clause)
        clause = clause[: stop.start()] if stop else clause
        c_off = off + q.end + pm.end()
        attr = attribute(clause, c_off, ctx)
        if attr is not None and (
            _POST.match(after)
            or (_words(clause[: (attr.cue_start or 0) - c_off + 1]) <= 4 and _words(inner) >= 2)
        ):
            return _make(attr, quote_text, "direct", q_start, q_end, (c_off, c_off + len(clause)))

    # before: X заявил: «…» / По словам X, «…» / …, что «…»
    stripped = before.rstrip()
    runs_to_end = not after.strip(" .!?…")
    if (
        stripped.endswith(":")
        or (re.search(r"(?i)\b(что|що)\s*$", stripped) and runs_to_end)
        or (stripped.endswith(",") and _BY_WORDS.search(stripped.lstrip(" —–-")))
    ):
        b_off = off + seg_start
        attr = attribute(before, b_off, ctx, require_cue=not stripped.endswith(":"))
        if attr is not None and (attr.cue or attr.person is not None or attr.mention):
            if stripped.endswith(":") and not attr.cue and attr.how == "none":
                pass
            else:
                return _make(
                    attr, quote_text, "direct", q_start, q_end, (b_off, b_off + len(before))
                )

    # По словам X, … «…» (the quotation ends the sentence)
    if runs_to_end and _BY_WORDS.search(line[sent.start : q.open].lstrip(" —–-")):
        comma = line.find(",", sent.start, q.open)
        if comma > 0:
            b_off = off + sent.start
            attr = attribute(line[sent.start : comma], b_off, ctx, require_cue=False)
            if attr is not None and attr.how != "none":
                attr.cue = attr.cue or _BY_WORDS.search(line[sent.start : comma]).group(0)
                return _make(attr, quote_text, "direct", q_start, q_end, (b_off, off + comma))

    # headline: «…»: Столтенберг пригласил …
    if not before.strip(" —–-") and after.lstrip().startswith(":"):
        clause = after.lstrip()[1:]
        c_off = off + q.end + (len(after) - len(after.lstrip())) + 1
        attr = attribute(clause, c_off, ctx, require_cue=False)
        if attr is not None and attr.person is not None:
            return _make(attr, quote_text, "direct", q_start, q_end, (c_off, c_off + len(clause)))

    label = before.strip(" —–-")
    whole = (
        (not label or label.endswith(":") and _words(label) <= 3)
        and not after.strip(" .!?…,;")
        and q_index == 0
    )
    if not whole or _words(inner) < 3:
        return None
    # a quotation running on into the next paragraph, which opens with a quotation mark again
    # (the convention for multi-paragraph quotes): its speaker is the next quotation's
    if q.truncated and para.index + 1 < len(para.paragraphs):
        following = para.paragraphs[para.index + 1][1].lstrip(" —–-")
        if following[:1] in '«„“"':
            attr = Attribution(None, None, None, None, None, None, "next")
            return _make(attr, quote_text, "direct", q_start, q_end, None)
        # … or without opening again: it closes in a later paragraph, before its attribution
        # (then that is the statement) or at the paragraph's end (then the quotation is
        # longer, and its speaker is found as for one paragraph)
        st, run_end = _runs_on(para, para.off + q.inner_start, ctx)
        if st is not None:
            return st
        if run_end is not None:
            q_start, q_end = _clean_span(text, q_start, run_end)
            quote_text = " ".join(text[q_start:q_end].split())
    # next sentence: «…». Об этом заявил X.
    nxt = para.next_sentence(s_index)
    if nxt is not None:
        n_text, n_off = nxt
        if _ANAPHOR.search(n_text):
            attr = attribute(n_text, n_off, ctx)
            if attr is not None and attr.cue and attr.how != "none":
                return _make(
                    attr, quote_text, "direct", q_start, q_end, (n_off, n_off + len(n_text))
                )
    # previous sentence ending with a colon
    prev = para.prev_sentence(s_index)
    if prev is not None and prev[0].rstrip().endswith(":"):
        attr = attribute(prev[0], prev[1], ctx, require_cue=False)
        if attr is not None and attr.how != "none":
            return _make(
                attr, quote_text, "direct", q_start, q_end, (prev[1], prev[1] + len(prev[0]))
            )
    # the article's first statement, a quotation alone in its paragraph right after the lede
    # that names its speaker: «Президент УАФ Андрій Шевченко оцінив жеребкування …»
    if not found and prev is not None and s_index == 0 and not label and para.index > 0:
        attr = attribute(prev[0], prev[1], ctx, require_cue=False)
        if attr is not None and attr.how == "name" and attr.person is not None:
            span = (prev[1], prev[1] + len(prev[0]))
            return _make(attr, quote_text, "direct", q_start, q_end, span)
    # continuation of the previous statement (same or previous paragraph), or a quotation
    # standing alone as a paragraph, a few paragraphs after its speaker's last statement
    if found:
        last = found[-1]
        gap = text[last.end : q_start]
        # alone: the quotation opens its paragraph, maybe after a label (`Пряма мова:`)
        label = line[: q.open].strip(" —–-")
        alone = _words(inner) >= 4 and (not label or label.endswith(":") and _words(label) <= 3)
        known = last.speaker_person is not None or bool(last.speaker_mention)
        same_para = "\n" not in gap and known
        if (
            (gap.count("\n") <= 1 and last.kind == "direct")
            or (alone and gap.count("\n") <= 3 and known)
            or (same_para and not before.strip(" —–-") and _words(inner) >= 4)
        ):
            attr = Attribution(
                None, None, last.speaker_person, last.speaker_mention, None, last.role, "context"
            )
            return _make(attr, quote_text, "direct", q_start, q_end, last.attribution)
    # a quotation that is a whole paragraph, its speaker not named (voices from the street,
    # `«Ціни ростуть щодня, не встигаєш стежити».`): a statement of an unknown speaker
    if not label and _words(inner) >= 4 and q.open == line.find(line.strip()[:1]):
        none = Attribution(None, None, None, None, None, None, "none")
        return _make(none, quote_text, "direct", q_start, q_end, None)
    return None


# a paragraph that closes a quotation opened paragraphs before: `… гри", — сказав Клопп.`,
# or that ends it with no attribution: `… між собою».`
_CLOSER = re.compile(rf"^(?P<body>.*?\S)\s*[»\"”“]\s*[,.!?…]?\s*[{_DASH}]\s+(?P<clause>.+)$")
_CLOSE_AT_END = re.compile(r"^(?P<body>[^«„“\"]*?\S)\s*[»\"”“]\s*[.!?…]?\s*$")
_CLAUSE_STOP = re.compile(rf"[.!?…]\s+[{_DASH}]\s+|[.!?…]\s*$|:\s")
#: How many paragraphs a quotation may run over before its closing mark.
_RUN_ON = 8


def _closed_by(text: str, start: int, p_off: int, m: re.Match, ctx: Context):
    """Make the statement that runs from ``start`` to the ``body`` of a later paragraph
    (matched by ``m``), said by the attribution in its ``clause``; None without a cue."""
    clause = m.group("clause")
    stop = _CLAUSE_STOP.search(clause)
    clause = clause[: stop.start()] if stop else clause
    c_off = p_off + m.start("clause")
    attr = attribute(clause, c_off, ctx)
    if attr is None or not attr.cue:
        return None
    q_start, q_end = _clean_span(text, start, p_off + m.end("body"))
    quote = " ".join(text[q_start:q_end].split())
    return _make(attr, quote, "direct", q_start, q_end, (c_off, c_off + len(clause)))


def _runs_on(para: _Para, start: int, ctx: Context) -> tuple[_Statement | None, int | None]:
    """Follow a quotation left open at ``start`` into the paragraphs after it.

    Returns ``(statement, None)`` when a later paragraph closes it just before its
    attribution (``… гри", — сказав Клопп.``), ``(None, end)`` when one closes it with no
    attribution (``end`` is the offset of its last word), else ``(None, None)``: a new
    quotation, or none closing it, within :data:`_RUN_ON` paragraphs.
    """
    last = min(len(para.paragraphs), para.index + 1 + _RUN_ON)
    for p_off, p_line in para.paragraphs[para.index + 1 : last]:
        if p_line.lstrip(" —–-")[:1] in '«„“"':
            return None, None
        m = _CLOSER.match(p_line)
        if m is not None:
            return _closed_by(para.text, start, p_off, m, ctx), None
        m = _CLOSE_AT_END.match(p_line)
        if m is not None:
            return None, p_off + m.end("body")
        if _has_quotation(p_line):
            return None, None
    if last == len(para.paragraphs) and para.index + 1 < last:
        # the text ends inside the quotation, cut off mid-sentence: it runs to the end
        tail_off, tail = para.paragraphs[-1]
        if tail.strip() and not re.search(r"[.!?…»”\"]\s*$", tail):
            return None, tail_off + len(tail.rstrip())
    return None, None


def _has_quotation(line: str) -> bool:
    """Tell whether ``line`` holds a whole quotation of four words or more (a name or a
    scare quote, «Суспільне Спорт», does not count)."""
    return any(
        not q.truncated and _words(line[q.inner_start : q.inner_end]) >= 4
        for q in quote_spans(line)
    )


_DASH_SPEECH = re.compile(
    rf"^\s*[{_DASH}]\s+(?P<body>.+?)(?P<punct>[,.!?…])\s+[{_DASH}]\s+(?P<clause>.+)$"
)


def _dash_speech(line: str, off: int, ctx: Context):
    """Read a paragraph of dash-introduced speech: ``— …, — сказал Песков.``"""
    if _has_quotation(line):
        return None
    m = _DASH_SPEECH.match(line)
    if not m:
        return None
    clause = m.group("clause")
    stop = re.search(rf"[.!?…]\s+[{_DASH}]\s+|[.!?…]\s*$", clause)
    clause_text = clause[: stop.start()] if stop else clause
    c_off = off + m.start("clause")
    attr = attribute(clause_text, c_off, ctx)
    if attr is None or not attr.cue:
        return None
    start, end = _clean_span(line, m.start("body"), m.end("body"))
    body = line[start:end]
    if m.group("punct") in "!?…":
        end += 1
        body = line[start:end]
    rest = clause[stop.end() :] if stop and stop.group(0).strip(" .!?…") else ""
    if rest.strip():
        # «— A, — сказал он. — B»: the words after the attribution continue the speech
        r_start = m.start("clause") + stop.end()
        r_s, r_e = _clean_span(line, r_start, r_start + len(rest))
        body = f"{body} {line[r_s:r_e]}"
        end = r_e
    return _make(attr, body, "direct", off + start, off + end, (c_off, c_off + len(clause_text)))


_DASH_OPEN = re.compile(rf"^\s*[{_DASH}]\s+\S")
_DASH_CLOSE = re.compile(rf"^(?P<body>.+?)(?P<punct>[,.!?…])\s+[{_DASH}]\s+(?P<clause>.+)$")


def _dash_run(para: _Para, ctx: Context):
    """Read dash-introduced speech with its attribution elsewhere: after a paragraph ending
    with a colon (``Мер повідомив:`` / ``- …``), or at the end of a later paragraph that does
    not open with a dash (``– Всі навколо …`` … ``…знаєте, – заявив Зеленський.``)."""
    line, off, text = para.line, para.off, para.text
    if not _DASH_OPEN.match(line) or _has_quotation(line):
        return None
    start = off + _DASH_OPEN.match(line).end() - 1
    if para.index:
        p_off, p_line = para.paragraphs[para.index - 1]
        if p_line.rstrip().endswith(":"):
            sents = split_sentences(p_line)
            s = sents[-1] if sents else None
            attr = attribute(s.text, p_off + s.start, ctx, require_cue=False) if s else None
            if attr is not None and attr.how != "none":
                q_start, q_end = _clean_span(text, start, off + len(line))
                span = (p_off + s.start, p_off + s.end)
                return _make(attr, text[q_start:q_end], "direct", q_start, q_end, span)
    last = min(len(para.paragraphs), para.index + 1 + _RUN_ON)
    for p_off, p_line in para.paragraphs[para.index + 1 : last]:
        if _DASH_OPEN.match(p_line) or p_line.lstrip()[:1] in '«„“"':
            return None
        m = _DASH_CLOSE.match(p_line)
        if m is not None:
            return _closed_by(text, start, p_off, m, ctx)
    return None


_ATTRIBUTION_LINE = re.compile(rf"^\s*[{_DASH}]\s+(?P<verb>[^\W\d_]+)")


def _attribution_line(line: str, language: str | None) -> bool:
    """Tell whether a paragraph is only an attribution: ``– пояснив Труханов.`` (its verb in
    lower case, as an attribution after a dash is written; ``— Думаю, …`` is speech)."""
    m = _ATTRIBUTION_LINE.match(line)
    return (
        bool(m)
        and m.group("verb")[0].islower()
        and _words(line) <= 12
        and bool(cue_tokens(m.group("verb"), language))
    )


def _quoted_above(para: _Para, ctx: Context, found: list):
    """Read the paragraph above an attribution line as the quotation it attributes (a block
    quotation that lost its marks), unless a statement already covers it."""
    if not para.index:
        return None
    p_off, p_line = para.paragraphs[para.index - 1]
    if not p_line.strip() or (found and found[-1].end > p_off):
        return None
    m = _ATTRIBUTION_LINE.match(para.line)
    clause = para.line[m.start("verb") :].rstrip(" .")
    attr = attribute(clause, para.off + m.start("verb"), ctx)
    if attr is None or not attr.cue:
        return None
    q_start, q_end = _clean_span(para.text, p_off, p_off + len(p_line))
    span = (para.off + m.start("verb"), para.off + len(para.line))
    return _make(attr, para.text[q_start:q_end], "direct", q_start, q_end, span)


_MID_DASH = re.compile(rf"[.!?…]\s+[{_DASH}]\s+(?=[А-ЯЁІЇЄҐA-Z«„“\"])")


def _inline_dash(para: _Para, ctx: Context):
    """Read speech that a dash marks inside a paragraph: closed by its attribution with no
    opening dash (``Він помре скоро. І все закінчиться, — сказав Зеленський.``), or opened by
    a dash after a sentence naming its speaker (``X привітав працівників. – Маємо …``)."""
    line, off, text = para.line, para.off, para.text
    if _DASH_OPEN.match(line) or _has_quotation(line):
        return None
    m = _DASH_CLOSE.match(line)
    if m is not None and cue_tokens(m.group("clause").split(" ", 1)[0], ctx.language):
        st = _closed_by(text, off, off, m, ctx)
        if st is not None:
            return st
    mid = _MID_DASH.search(line)
    if mid is None:
        return None
    st = _dash_speech(line[mid.end() - 2 :], off + mid.end() - 2, ctx)
    if st is not None:
        return st
    sents = [x for x in split_sentences(line[: mid.start() + 1]) if x.text.strip()]
    if not sents:
        return None
    attr = attribute(sents[-1].text, off + sents[-1].start, ctx, require_cue=False)
    if attr is None or attr.how != "name" or attr.person is None:
        return None
    q_start, q_end = _clean_span(text, off + mid.end(), off + len(line))
    span = (off + sents[-1].start, off + sents[-1].end)
    return _make(attr, text[q_start:q_end], "direct", q_start, q_end, span)


def _interview_turn(para: _Para, ctx: Context, found: list):
    """Read one turn of an interview written as dash paragraphs with no attribution of its
    own: a question (ending with ``?``) is the interviewer's (speaker unknown); an answer is
    the speaker of the next attributed dash turn (``— …, — сказал Шевченко.``), or, after a
    question, of the article's last statement."""
    line, off, text = para.line, para.off, para.text
    if not _DASH_OPEN.match(line) or _has_quotation(line) or _words(line) < 4:
        return None
    start = off + _DASH_OPEN.match(line).end() - 1
    q_start, q_end = _clean_span(text, start, off + len(line))
    none = Attribution(None, None, None, None, None, None, "none")
    if line.rstrip().endswith("?"):
        return _make(none, text[q_start:q_end], "direct", q_start, q_end, None)
    last = min(len(para.paragraphs), para.index + 1 + _RUN_ON)
    for p_off, p_line in para.paragraphs[para.index + 1 : last]:
        if not _DASH_OPEN.match(p_line):
            break
        turn = _dash_speech(p_line, p_off, ctx)
        if turn is not None:
            attr = Attribution(
                turn.cue,
                None,
                turn.speaker_person,
                turn.speaker_mention,
                None,
                turn.role,
                "context",
            )
            return _make(attr, text[q_start:q_end], "direct", q_start, q_end, turn.attribution)
    prev = para.paragraphs[para.index - 1][1].rstrip() if para.index else ""
    # after a question, the guest: the speaker of the last statement that had one
    guest = next((st for st in reversed(found[-3:]) if st.speaker_person is not None), None)
    if prev.endswith("?") and guest is not None:
        who = guest
        attr = Attribution(
            None, None, who.speaker_person, who.speaker_mention, None, who.role, "context"
        )
        return _make(attr, text[q_start:q_end], "direct", q_start, q_end, who.attribution)
    # the article's first statement, an answer right after the lede that names its speaker:
    # «Головний тренер Іван Коваль оцінив гру команди.» then «— Ми готувалися …»
    if not found and para.index > 0:
        p_off, p_line = para.paragraphs[para.index - 1]
        attr = attribute(p_line, p_off, ctx)
        if attr is not None and attr.how == "name" and attr.person is not None:
            return _make(attr, text[q_start:q_end], "direct", q_start, q_end,
                         (p_off, p_off + len(p_line)))
    return None


class _Spans:
    """Spans of text, asked whether they cover a position (a bisection, not a scan)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self._starts = [a for a, _ in spans]
        self._reach = list(accumulate((b for _, b in spans), max))

    def covers(self, pos: int) -> bool:
        """Whether some span ``(a, b)`` has ``a <= pos < b``."""
        k = bisect.bisect_right(self._starts, pos)
        return k > 0 and self._reach[k - 1] > pos


def _indirect(para: _Para, s_index: int, ctx: Context):
    """Read reported speech in one sentence; return a statement or None."""
    text, off = para.text, para.off
    sent = para.sents[s_index]
    s_text = sent.text
    s_off = off + sent.start
    masked_text = s_text
    for q in para.quotes_over(sent.start, sent.end):
        a, b = max(q.inner_start, sent.start) - sent.start, min(q.inner_end, sent.end) - sent.start
        if a < b:
            masked_text = masked_text[:a] + "x" * (b - a) + masked_text[b:]
    cues = cue_tokens(masked_text, ctx.language)
    lang = ctx.language

    # По словам X, … / За словами X, … / Как заявил X, …
    bw = _BY_WORDS.search(s_text)
    if bw:
        comma = masked_text.find(",", bw.end())
        if comma > 0:
            attr = attribute(s_text[:comma], s_off, ctx, require_cue=False)
            if attr is not None and attr.how != "none" and (attr.cue or bw.group(0)):
                a, b = _clean_span(text, s_off + comma + 1, s_off + len(s_text))
                content = _strip_relay_tail(text[a:b], lang)
                b = a + len(content.rstrip(" ."))
                if _words(content) >= 3:
                    attr.cue = attr.cue or bw.group(0)
                    return _make(attr, text[a:b], "indirect", a, b, (s_off, s_off + comma))
    if not cues:
        return None

    # О том, что …, заявил X
    about = _ABOUT_THAT.search(masked_text)
    if about:
        for c_start, _, _, _ in cues:
            if c_start > about.end():
                attr = attribute(s_text[c_start:], s_off + c_start, ctx)
                if attr is not None and attr.how != "none":
                    a, b = _clean_span(text, s_off + about.end(), s_off + c_start)
                    return _make(
                        attr, text[a:b], "indirect", a, b, (s_off + c_start, s_off + len(s_text))
                    )
                break

    for c_start, c_end, word, _kind in cues:
        # X призвал … сделать …: a call, reported as what follows the verb
        if _morph.common_lemma(word, lang) in _CALLS:
            attr = attribute(s_text[:c_end], s_off, ctx)
            if attr is not None and attr.how != "none" and attr.mention_start is not None:
                a, b = _clean_span(text, s_off + c_end, s_off + len(s_text))
                if _words(text[a:b]) >= 3:
                    return _make(attr, text[a:b], "indirect", a, b, (s_off, s_off + c_end))
        # X заявил, что …
        that = _THAT.search(masked_text, c_end)
        if that and _words(masked_text[c_end : that.start()]) <= 12:
            attr = attribute(s_text[: that.start()], s_off, ctx)
            if attr is not None and attr.how != "none":
                a, b = _clean_span(text, s_off + that.end(), s_off + len(s_text))
                content = _strip_relay_tail(text[a:b], lang)
                b = a + len(content.rstrip(" ."))
                # «объяснил, что именно можно обсудить» asks a question; «что именно Украина
                # должна решать» reports one
                question = re.match(r"(?i)(?:именно|конкретно|саме)\s+(\w+)", text[a:b])
                if question:
                    found = _morph.parses(question.group(1), lang)
                    question = not found or found[0].pos not in ("NOUN", "NPRO", "ADJF", "PRTF")
                if _words(text[a:b]) >= 2 and not question:
                    return _make(attr, text[a:b], "indirect", a, b, (s_off, s_off + that.start()))
        # …, заявил X.
        lead = masked_text[:c_start].rstrip()
        if lead.endswith((",", "—", "–")) and _words(lead) >= 3:
            clause = s_text[c_start:]
            attr = attribute(clause, s_off + c_start, ctx)
            if attr is not None and attr.how != "none" and attr.mention_start is not None:
                a, b = _clean_span(text, s_off, s_off + len(lead))
                if text[a] in '«"“„' or "x" * 8 in masked_text[: len(lead)]:
                    continue
                return _make(
                    attr, text[a:b], "indirect", a, b, (s_off + c_start, s_off + len(s_text))
                )
        # Об этом / Такое мнение заявил X: the previous sentence is what was said
        head = masked_text[:c_start]
        anaphoric = _ANAPHOR_HEAD.match(head) and _words(head) <= 12
        if anaphoric or (
            _words(head) <= 2 and _ANAPHOR_HEAD.match(masked_text[c_end : c_end + 20].lstrip())
        ):
            prev = para.prev_sentence(s_index)
            attr = attribute(s_text, s_off, ctx)
            if prev is not None and attr is not None and attr.how != "none":
                p_text, p_off = prev
                if not quote_spans(p_text) and _words(p_text) >= 3 and not cue_tokens(p_text, lang):
                    a, b = _clean_span(text, p_off, p_off + len(p_text))
                    return _make(attr, text[a:b], "indirect", a, b, (s_off, s_off + len(s_text)))
    return None
