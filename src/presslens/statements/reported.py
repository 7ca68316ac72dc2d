"""The statements of one article: the paragraph walk that runs every rule.

:func:`find_statements` reads an article paragraph by paragraph. In each, the direct rules
(:mod:`presslens.statements.direct`) read every quotation, the dash rules
(:mod:`presslens.statements.dashes`) the speech that a dash introduces, and the indirect rules
(:mod:`presslens.statements.indirect`) the sentences no statement covers yet. Then a quotation
that runs into the next one takes its speaker, a statement with no speaker takes the source the
article named before it (``Об этом сообщает пресс-центр АТО``), and a surname alone takes the
first name given elsewhere in the article.

A **direct** statement is a quotation with an attribution (``«…», — заявил он.``); an
**indirect** statement is reported speech (``Столтенберг заявил, что …``).
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

from presslens.corpus.lang import detect_language
from presslens.statements.attribution import Context
from presslens.statements.dashes import attribution_line, dash_paragraph, quoted_above
from presslens.statements.direct import direct
from presslens.statements.indirect import indirect
from presslens.statements.organisations import WHEN
from presslens.statements.paragraph import Paragraph, Statement, other_gender
from presslens.statements.quotes import Quote, quote_spans, split_sentences
from presslens.statements.roles import Role, find_roles, role_words
from presslens.statements.speakers import find_people
from presslens.statements.wordlists import is_media

__all__ = ["find_statements"]

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
    paragraphs = _paragraphs(text)
    para_quotes = [quote_spans(line) for _, line in paragraphs]
    ctx = Context(people, roles, _inside_quotes(paragraphs, para_quotes), language,
                  [off for off, _ in paragraphs], text)
    found: list[Statement] = []
    for p_index, (off, line) in enumerate(paragraphs):
        if not line.strip() or (found and off < max(st.end for st in found[-3:])):
            continue
        quotes = para_quotes[p_index]
        sents = split_sentences(line, quotes)
        _read_paragraph(Paragraph(text, paragraphs, p_index, off, line, quotes, sents), ctx, found)
    found.sort(key=lambda s: s.start)
    _run_into_next(found)
    _fill_speakers(found, text, people, language)
    return _rows(found, people)


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """Return ``(offset, line)`` of every paragraph (line) of ``text``."""
    paragraphs = []
    pos = 0
    for line in text.split("\n"):
        paragraphs.append((pos, line))
        pos += len(line) + 1
    return paragraphs


def _inside_quotes(paragraphs: list[tuple[int, str]], para_quotes: list[list[Quote]]):
    """Return the article offsets of the words of every quotation, in text order."""
    return [
        (off + q.inner_start, off + q.inner_end)
        for (off, _), quotes in zip(paragraphs, para_quotes, strict=True)
        for q in quotes
    ]


def _read_paragraph(para: Paragraph, ctx: Context, found: list[Statement]) -> None:
    """Add the statements of one paragraph to ``found``: direct, dash, then indirect speech."""
    off, line = para.off, para.line
    covered: list[tuple[int, int]] = []
    for s_index, sent in enumerate(para.sents):
        s_quotes = para.quotes_opening(sent.start, sent.end)
        for q_index in range(len(s_quotes)):
            st = direct(para, s_index, s_quotes, q_index, ctx, found)
            if st is not None:
                found.append(st)
                covered.append((off + sent.start, off + sent.end))
    # dash-introduced speech, on one paragraph or running over several
    if attribution_line(line, ctx.language):
        st = quoted_above(para, ctx, found)
        if st is not None:
            found.append(st)
        return
    st = dash_paragraph(para, ctx, found, bool(covered))
    if st is not None:
        found.append(st)
        covered.append((off, off + len(line)))
    taken = _Spans(covered)
    for s_index, sent in enumerate(para.sents):
        if taken.covers(off + sent.start):
            continue
        st = indirect(para, s_index, ctx)
        if st is not None:
            found.append(st)


def _run_into_next(found: list[Statement]) -> None:
    """Give a quotation that runs on into the next one (``how`` = ``next``) its speaker."""
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


def _fill_speakers(found: list[Statement], text: str, people, language: str) -> None:
    """Give a statement with no speaker the source named before it, a surname its first name."""
    sources: list[re.Match] | None = None  # read once, when a statement needs them
    full_names: dict[str, list] = {}
    for p in people:
        if p.first:
            full_names.setdefault(p.key, []).append(p)
    last_org: Statement | None = None  # the last statement an organisation made
    prev: Statement | None = None
    for st in found:
        if st.how == "next":
            st.how = "none"
        if _subject_left_out(st, prev, text):
            # «Він написав: «…». Також заявив: «…»»: the verb's subject is the speaker before
            st.speaker_person, st.speaker_mention, st.role = (
                prev.speaker_person, prev.speaker_mention, prev.role)
            st.how = "context" if prev.speaker_mention else st.how
        elif st.speaker_person is None and not st.speaker_mention:
            sources = list(_SOURCE.finditer(text)) if sources is None else sources
            _from_source(st, text, people, sources, language)
        if st.speaker_person is None and not st.speaker_mention and last_org is not None and (
                _PLURAL_CUE.search(st.cue or "") and st.start - last_org.end < _ORG_REACH):
            # «…», — пояснили / йдеться в повідомленні (no one named): the organisation that
            # spoke last
            st.speaker_mention, st.how = last_org.speaker_mention, "organisation"
        last_org = st if st.how == "organisation" else last_org
        prev = st
        _complete(st.speaker_person, full_names)


def _subject_left_out(st: Statement, prev: Statement | None, text: str) -> bool:
    """Tell whether ``st`` has a singular reporting verb with no subject, in the paragraph of
    the statement before it (whose speaker it then is)."""
    return (
        prev is not None and st.speaker_person is None and not st.speaker_mention
        and bool(st.cue) and not _PLURAL_CUE.search(st.cue)
        and prev.end <= st.start and "\n" not in text[prev.end : st.start]
    )


#: A reporting verb in the plural (пояснили, зазначають, отмечают): said by «they»; or of a
#: message (йдеться, говорится, отмечается в сообщении): said by whoever issued it.
_PLURAL_CUE = re.compile(
    r"(?i)(?:ли|ют|ят|уть|ють|ять)(?:ся|сь)?$|^(?:йдеться|ідеться)$"
    r"|(?:ет|ит|ёт)ся$|(?:єть|еть|ить|іть)ся$|ло(?:сь|ся)$"  # отмечается, наголошувалося
)
#: How far (in characters) an organisation's plural «they» reaches.
_ORG_REACH = 1500


def _rows(found: list[Statement], people) -> list[dict]:
    """Return the statements as dicts, a speaker's role defaulting to the first one given."""
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
    r"ідеться)\s+(?:в|у)\s+(?:сообщении|повідомленні|заявлении|заяві|комментарии|коментарі|"
    r"отчете|звіті|обзоре|огляді|релизе|релізі)|"
    r"(?:^|(?<=[.!?\n]\s)|(?<=\n))(?:повідомив|повідомила|повідомили|сообщил|сообщила|"
    r"сообщили|заявил|заявила|заявив|написал|написала|написав)|"
    r"(?:(?:об\s+этом|о\s+чем|о\s+чём|про\s+це)\s+(?:[^.!?\n«»\"“”]{1,40}?\s+)?|(?:как|як)\s+(?:\w+\s+)?)"
    r"(?:сообща\w*|сообщил\w*|заяви\w*|повідом\w*|інформу\w*|информир\w*|пише|пишет|"
    r"написа\w*|рассказа\w*|розповіл\w*)|(?:со|з|із)\s+(?:ссылкой|посиланням)\s+на|"
    r"(?:^|(?<=\n))(?:джерело|источник)\s*:)"
    r"\s+(?:в\s+|у\s+)?(?P<src>[^.,:;!?\n«»\"“”]{2,80})"
)
_SOURCE_WORDS = 6
#: What a message is about, after its author: «НБУ щодо даних Держстату».
_SOURCE_ABOUT = re.compile(r"(?i)\s+(?:щодо|относительно|касательно|про|о|об)\s+")
_WHERE_SAID = (r"(?:эфир|ефір|интервью|інтерв|telegram|телеграм|facebook|фейсбук|соцсет|соцмереж|"
               r"комментари|коментар|сво|своєму|своем|заяв|сообщени|повідомлен)")
_SOURCE_TAIL = re.compile(rf"(?i)\s+(?:в|у|на)\s+{_WHERE_SAID}\w*.*$")
#: «повідомила в інтерв'ю Elle»: where it was said opens the source, not who said it.
_WHERE_FIRST = re.compile(rf"(?i){_WHERE_SAID}")
#: «повідомила на Facebook Державна служба …»: the platform first, then who posted there.
_PLATFORM_FIRST = re.compile(
    r"(?i)^(?:на|у|в)\s+(?:facebook|фейсбуці|фейсбуке|telegram|телеграмі|телеграме|twitter|"
    r"твітері|твиттере|instagram|інстаграмі|инстаграме|x)\s+(?=[А-ЯЁІЇЄҐA-Z])"
)
_LATIN = re.compile(r"[A-Za-z][\w .&-]*")
#: A medium citing the source: «… із посиланням на», «… со ссылкой на».
_VIA = re.compile(r"(?i),?\s+(?:із|з|со|с)\s+(?:посиланням|ссылкой)\s+на\s+")
#: A day after the source: «… (ДСНС) в вівторок, 28 квітня».
_SOURCE_WHEN = re.compile(rf"(?i)\s+{WHEN}\b")
_SELF = frozenset("сам сама сами само сам. сама.".split())
# the first word of where something was said (на брифинге, під час, во время; «в ходе» and
# «у ході» reach here as «ходе», «ході»: the pattern reads the «в», «у» before the source)
_WHERE = frozenset({"на", "під", "при", "після", "перед", "во", "ходе", "ході"})


def _from_source(st: Statement, text: str, people, sources: list[re.Match],
                 language: str) -> None:
    """Give an unattributed statement the source the article named before it: the person
    named there, else the organisation as written (``how`` = ``organisation``)."""
    k = bisect.bisect_right([m.end() for m in sources], st.start)
    if not k:
        return
    m = sources[k - 1]
    a, b = m.start(), m.end("src")  # «Об этом Джули Дэвис написала в X»: the subject too
    named = [p for p in people if a <= p.start < b]
    if named and other_gender(st.quote, named[0], language):
        return  # «я тут навчалася» in an article a man's office reported: someone else speaks
    if named:
        st.speaker_person, st.speaker_mention, st.how = (
            named[0],
            text[named[0].start : named[0].end],
            "source",
        )
        return
    src = _SOURCE_TAIL.sub("", _PLATFORM_FIRST.sub("", m.group("src"))).strip(" —–-")
    src = _SOURCE_ABOUT.split(src)[0]  # «в коментарі НБУ щодо даних …»: the НБУ
    src = _SOURCE_WHEN.split(src)[0]  # «… ДСНС в вівторок»: when, not who
    src = _VIA.split(src)[-1]  # «TrueUA із посиланням на СБУ»: the СБУ
    if (not src or src.split()[0].lower() in _SELF | _WHERE or _WHERE_FIRST.match(src)
            or (is_media(src) and not _LATIN.fullmatch(src))):
        # «сообщил сам боксер»: the person the article is about; «заявил на брифинге», «в
        # своем Facebook»: where it was said, not who said it; «сообщает ТАСС»: a medium
        # relays (a name in Latin letters, NASA, may be the organisation that speaks)
        return
    st.speaker_mention, st.how = " ".join(src.split()[:_SOURCE_WORDS]), "organisation"


def _give_roles(text: str, people, roles) -> None:
    """Give a person the role written just before the name (``генсек НАТО Йенс
    Столтенберг``); a surname alone inherits the role given earlier with the same name."""
    by_end = sorted(roles, key=lambda r: r.end)
    ends = [r.end for r in by_end]
    by_start = sorted(roles, key=lambda r: r.start)
    starts = [r.start for r in by_start]
    for person in people:
        # the last role ending at most three characters before the name
        k = bisect.bisect_right(ends, person.start)
        for n in range(k - 1, max(k - 3, 0) - 1, -1):
            r = by_end[n]
            if person.start - r.end <= 3 and text[r.end : person.start].strip(" ,") == "":
                post = by_end[n - 1] if n else None
                if post is not None and r.key[0] in role_words()["generic_set"] and (
                        not text[post.end : r.start].strip()):
                    # Головнокомандувач ЗСУ генерал Олександр Сирський: the post, not the rank
                    r = Role(post.start, r.end, f"{post.text} {r.text}", post.key, post.nominative)
                person.role, person.role_key = r.text, r.key
                break
        if person.role is None:
            _role_after(text, person, by_start, starts)
    last_role: dict[str, object] = {}  # the nearest earlier mention of a name with a role
    for person in sorted(people, key=lambda p: p.start):
        if person.role is None and person.key in last_role:
            other = last_role[person.key]
            person.role, person.role_key = other.role, other.role_key
        if person.role:
            last_role[person.key] = person


def _role_after(text: str, person, by_start: list, starts: list[int]) -> None:
    """A role set off by a comma right after the name (``Мария Захарова, представитель МИД
    РФ, заявила``): the person's role (``by_start``: the roles by their start, ``starts``)."""
    k = bisect.bisect_right(starts, person.end)
    r = by_start[k] if k < len(by_start) else None
    if r is not None and r.start - person.end <= 3 and text[person.end : r.start].strip() == ",":
        person.role, person.role_key = r.text, r.key


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

