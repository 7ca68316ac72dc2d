"""The speaker of an attribution clause (``— заявил генсек НАТО``).

An attribution clause is the stretch of text that tells who said a quotation: ``— сказал он``,
``Столтенберг заявил:``, ``По словам Блинкена,``, ``— передает слова Блинкена ТАСС``. This
module finds its speaker (its reporting verb, the *cue*, is found by
:mod:`presslens.statements.cues`):

* a named person, preferably one that can be the subject (nominative) of the verb;
* after ``слова``/``по словам``/``за словами`` the person in the genitive;
* a pronoun (он/она/він/вона, его/її after ``по словам``) resolved to the last person of the
  right gender named earlier in the article as a subject;
* a role noun (``генсек``, ``глава Госдепа``) resolved to the last person with a matching role;
* an organisation, with no person for the verb's subject (``сообщили в МИД``, ``Генеральний
  штаб ЗСУ повідомив``: :mod:`presslens.statements.organisations`);
* a medium (ТАСС, CNN, «Интерфакс-Украина», корреспондент) is never the speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presslens.statements.context import Context
from presslens.statements.cues import cue_tokens
from presslens.statements.organisations import PREPOSITIONS, organisation
from presslens.statements.roles import Role
from presslens.statements.speakers import PRONOUNS, Person
from presslens.statements.wordlists import is_media
from presslens.text import _morph

__all__ = ["Attribution", "Context", "attribute"]

_NOMINAL_RE = re.compile(
    r"(?i)\b(?:по\s+(?:словам|мнению|данным|оценке)|за\s+(?:словами|даними|оцінкою|думкою)"
    r"|со\s+слов|зі\s+слів|слова|слів|цитирует|цитує|пряма\s+мова|прямая\s+речь"
    # «…», — таке повідомлення з'явилося …: the message named right after the quotation
    r"|так(?:ое|ую|ие|е|у|і)\s+(?:сообщение|заявление|информаци\w*|повідомлення|заяв\w*"
    r"|інформаці\w*|допис\w*))\b"
)
_BY_PRONOUN = re.compile(
    r"(?i)\b(?:по|за)\s+(его|её|ее|його|її)\s+(?:словам|словами|мнению|думку|думкою|оценке"
    r"|оцінкою|данным|даними)\b"
    # «прозвучали ее первые заявления: «…»»: whose statement, before a colon
    r"|\b(его|её|ее|його|її)\s+(?:[^\W\d_]+\s+){0,2}(?:заявлени[еяй]|заяв[аиу]|обращение"
    r"|звернення)\s*:"
)


@dataclass
class Attribution:
    """The result of reading an attribution clause."""

    cue: str | None
    cue_start: int | None
    person: Person | None
    mention: str | None
    mention_start: int | None
    role: str | None
    how: str  # name / pronoun / role / none


_ROLE_TAIL_STOP = re.compile(r"[,.;:!?«»\"“”„()—–]")


def _names_role(clause: str, offset: int, role: Role, person: Person) -> bool:
    """Whether ``person`` is named right after ``role``, maybe after the rest of a long
    title in the genitive (``речник Інформаційно-аналітичного центру РНБО Андрій Лисенко``):
    at most eight words and no punctuation between but a quoted name."""
    if person.start < role.end:
        return False
    # (the quoted name of a company in the title: «гендиректор сервиса «Ценозавр» Калугин»)
    between = _QUOTED_NAME.sub(" ", clause[role.end - offset : person.start - offset])
    return not _ROLE_TAIL_STOP.search(between) and len(between.split()) <= 8


_QUOTED_NAME = re.compile(r"[«\"“„][^«»\"“”„,.;:!?]{1,40}[»\"”“]")


def _clause_people(ctx: Context, start: int, end: int) -> list[Person]:
    """People named in a clause, outside quotation marks (a speaker is never quoted), unless
    the clause itself stands inside the quotation (``«…, — сказал он. — …»``)."""
    inside = ctx._quoted(start)
    return [
        p
        for p in ctx.people_within(start, end)
        if p.end <= end
        and not is_media(p.text)
        and (inside or not ctx._quoted(p.start))
    ]


def _preceded_by_preposition(text: str, offset: int, pos: int) -> bool:
    before = text[: pos - offset].split()
    return bool(before) and before[-1].lower() in PREPOSITIONS


def attribute(
    clause: str, offset: int, ctx: Context, require_cue: bool = True, after_quote: bool = False
) -> Attribution | None:
    """Read the cue and the speaker of an attribution clause.

    Parameters
    ----------
    clause : str
        The clause text (e.g. ``"заявил в воскресенье генсек НАТО Йенс Столтенберг"``).
    offset : int
        The clause's offset in the article text (people and roles carry article offsets).
    ctx : Context
        The people, roles and quotations of the article.
    require_cue : bool, default True
        Return None when the clause has no reporting verb.
    after_quote : bool, default False
        The clause follows a quotation (``«…», — сообщила пресс-служба банка``): an
        organisation after a relay verb speaks there, not elsewhere.

    Returns
    -------
    Attribution or None
        The cue (may be None when not required), the speaker as a person (None when unknown),
        the mention as written and how it was found (``name``, ``pronoun``, ``role``, ``none``).
    """
    cues = cue_tokens(clause, ctx.language)
    nominal = _NOMINAL_RE.search(clause)
    if require_cue and not cues and not nominal and not _BY_PRONOUN.search(clause):
        return None
    cue = cues[0] if cues else None
    end = offset + len(clause)
    people = _clause_people(ctx, offset, end)
    roles = ctx.roles_within(offset, end)
    # 0. по его словам / за її словами: a pronoun in the genitive
    gen = _BY_PRONOUN.search(clause)
    if gen:
        k = 1 if gen.group(1) else 2
        return _pronoun_attr(ctx, (cue, gen), offset, gen.group(k), offset + gen.start(k))
    # 1. after слова / по словам / за словами: the person (or pronoun) that follows; after a
    # quoting verb, the person it cites
    found = (_after_nominal(clause, offset, ctx, (cue, nominal), people, roles) if nominal
             else None) or _cited((cue, nominal), offset, people)
    if found is not None:
        return found
    # 2. a subject: a nominative name, pronoun or role noun, nearest to the cue
    anchor = offset + (cue[0] if cue else (nominal.start() if nominal else 0))
    candidates = _subjects(clause, offset, anchor, people, roles)
    edge = _THAT.search(clause, cue[1]) if cue else None
    if edge:  # «адвокат X заявив, що Y відкликав …»: Y is the subject of what X reports
        candidates = [(d + (_REPORTED if (c.start() if how == "pronoun" else c.start - offset)
                            > edge.start() else 0), how, c) for d, how, c in candidates]
    if not candidates:
        return _no_subject(clause, offset, ctx, (cue, nominal), (require_cue, after_quote))
    candidates.sort(key=lambda c: c[0])
    _, how, item = candidates[0]
    if how == "name":
        return _name_attr((cue, nominal), offset, item)  # type: ignore[arg-type]
    if how == "pronoun":
        m = item  # type: ignore[assignment]
        return _pronoun_attr(ctx, (cue, nominal), offset, m.group(1), offset + m.start())
    return _role_attr(ctx, item, (cue, nominal), offset)  # type: ignore[arg-type]


def _after_nominal(clause: str, offset: int, ctx: Context, cues, people, roles):
    """Read the speaker right after ``слова``/``по словам``/``за словами``, or None."""
    cue, nominal = cues
    after = offset + nominal.end()
    following = [p for p in people if p.start >= after and p.start - after <= 40]
    if following:
        return _name_attr(cues, offset, following[0])
    m = re.match(r"\s*(его|её|ее|його|її)\b", clause[nominal.end() :], re.IGNORECASE)
    if m:
        return _pronoun_attr(ctx, cues, offset, m.group(1), after + m.start(1))
    role_after = [r for r in roles if r.start >= after and r.start - after <= 10]
    if role_after:  # the person named after a long title (цитує міністра … Олександра Ткаченка)
        named = [p for p in people if _names_role(clause, offset, role_after[0], p)]
        return (_name_attr(cues, offset, named[0]) if named
                else _role_attr(ctx, role_after[0], cues, offset))
    return _whose_words(clause[nominal.end() :], after, offset, ctx, cues)


def _cited(cues, offset: int, people) -> Attribution | None:
    """The person a quoting verb cites, named after it in an oblique case: «…», –
    процитировала журналистка Ульяну Супрун (the journalist relays, Suprun speaks)."""
    cue = cues[0]
    if cue is None or not _QUOTING.match(cue[2]):
        return None
    cited = [p for p in people if p.start >= offset + cue[1] and not p.nominative]
    return _name_attr(cues, offset, cited[0]) if cited else None


def _whose_words(rest: str, pos: int, offset: int, ctx: Context, cues) -> Attribution | None:
    """``слова спортсменки``, ``за словами тренера``: a common noun for a person in the
    genitive stands for the last person of its gender named."""
    m = _LOWER_WORD.match(rest.lstrip())
    reading = _person_noun(m.group(), ctx.language, "gent") if m and len(m.group()) >= 4 else None
    if reading is None:
        return None
    at = pos + len(rest) - len(rest.lstrip())
    person = ctx.antecedent(at, _gender(reading.tags))
    if person is None or not person.nominative:
        return None  # «слова жильца» after «мэра Куликова»: someone not named
    cue, nominal = cues
    return Attribution(_cue_text(cue, nominal), _cue_pos(cue, nominal, offset), person,
                       m.group(), at, None, "role")


def _subjects(clause: str, offset: int, anchor: int, people, roles) -> list[tuple]:
    """List the possible subjects (nominative names, pronouns, role nouns) by distance."""
    candidates: list[tuple[int, str, object]] = []
    for k, p in enumerate(people):
        if p.nominative and not _preceded_by_preposition(clause, offset, p.start) and not (
            k and _joined_to_oblique(clause, offset, people[k - 1], p)
        ):
            candidates.append((abs(p.start - anchor), "name", p))
    for m in re.finditer(r"(?<![\w-])(он|она|він|вона)(?![\w-])", clause, re.IGNORECASE):
        candidates.append((abs(offset + m.start() - anchor), "pronoun", m))
    for r in roles:
        if r.nominative and not _preceded_by_preposition(clause, offset, r.start):
            if any(_names_role(clause, offset, r, p) for p in people):
                continue  # the role is followed by the person's name: the name wins
            candidates.append((abs(r.start - anchor), "role", r))
    return candidates


_THAT = re.compile(r"(?i),\s*(?:что|що)\s")
_REPORTED = 10_000


#: «та», «і», «и», «й»: a name joined to the one before shares its case.
_AND = re.compile(r"\s*,?\s*(?:та|і|и|й)\s*$", re.IGNORECASE)


def _joined_to_oblique(clause: str, offset: int, before: Person, person: Person) -> bool:
    """Tell whether ``person`` is joined by «та»/«и» to a name in another case than the
    nominative (``ударами Андрія Ярмоленка та Едуардо Герреро``): a name that does not
    decline takes the case of the one it is joined to, and is no subject."""
    gap = clause[before.end - offset : person.start - offset]
    return not before.nominative and bool(_AND.fullmatch(gap))


def _no_subject(clause: str, offset: int, ctx: Context, cues, flags) -> Attribution:
    """Read a clause without a subject: a descriptor, an organisation, the last person named
    (``flags``: ``require_cue`` and ``after_quote`` of :func:`attribute`)."""
    cue, nominal = cues
    require_cue, after_quote = flags
    if cue is not None:
        found = _descriptor(clause, offset, cue, ctx)
        org = None if found is not None else organisation(clause, cue, ctx.language, after_quote)
        if org is not None:
            found = Attribution(cue[2], offset + cue[0], None, org[0], offset + org[1], None,
                                "organisation")
        if found is not None:
            return found
        rest = clause[cue[1] :]
        message = bool(_OWN_MESSAGE.match(rest))
        if (not rest.strip(" .,;!?…") or message) and cue[3] != "relay":
            # «…», — сказав| cut off after the verb: its subject is the last person named;
            # «…», — говорится в сообщении (of no one named): the last subject's message
            person = ctx.antecedent(offset + cue[0], None)
            near = person is not None and ctx.paragraph_of(person.start) >= ctx.paragraph_of(
                offset + cue[0]) - 1  # a message's author: named in this paragraph or the last
            if person is not None and (not message or person.nominative and near):
                return Attribution(cue[2], offset + cue[0], person, None, None, None, "pronoun")
    if cue is None and nominal is not None and nominal.group(0).lower().startswith("так"):
        # «…», — таке повідомлення (its author cut off or not named): the last subject's
        person = ctx.antecedent(offset + nominal.start(), None)
        if person is not None and person.nominative and ctx.paragraph_of(
                person.start) >= ctx.paragraph_of(offset) - 1:
            return Attribution(nominal.group(0), offset + nominal.start(), person, None, None,
                               None, "pronoun")
    if cue is None and not require_cue:
        return Attribution(None, None, None, None, None, None, "none")
    return Attribution(
        _cue_text(cue, nominal), _cue_pos(cue, nominal, offset), None, None, None, None, "none"
    )


#: «говорится в сообщении», «йдеться у дописі»: a message, and no one named after it.
_OWN_MESSAGE = re.compile(
    r"(?i)\s+(?:в|у|во)\s+(?:(?:его|её|ее|його|її)\s+)?(?:сообщени|заявлени|посте|публикаци|"
    r"обращени|повідомленн|заяві|дописі|публікаці|зверненн)\w*\s*[.,;!…]*\s*$"
)


def _name_attr(cues, offset: int, person: Person) -> Attribution:
    """The attribution to a person named in the clause (``cues``: the cue and the noun)."""
    cue, nominal = cues
    return Attribution(
        _cue_text(cue, nominal), _cue_pos(cue, nominal, offset), person, person.text,
        person.start, None, "name",
    )


def _pronoun_attr(ctx: Context, cues, offset: int, word: str, pos: int) -> Attribution:
    """The attribution to the pronoun ``word`` at ``pos``: the last person of its gender."""
    cue, nominal = cues
    gender = PRONOUNS[word.lower()]
    person = ctx.antecedent(pos, gender) or ctx.named_next(pos, gender)
    return Attribution(
        _cue_text(cue, nominal), _cue_pos(cue, nominal, offset), person, word, pos, None,
        "pronoun",
    )


_LOWER_WORD = re.compile(r"[а-яёіїєґ'’ʼ-]+")
_ANY_WORD = re.compile(r"[А-ЯЁІЇЄҐа-яёіїєґ'’ʼ-]+")
#: A relay verb whose object is the one quoted: «цитирует политика», «цитує міністра».
_QUOTING = re.compile(r"(?i)^(?:про)?цит")
#: How many words after the reporting verb its subject may stand.
_DESCRIPTOR_REACH = 3


def _descriptor(clause: str, offset: int, cue, ctx: Context) -> Attribution | None:
    """Read a common noun for a person as the subject (``— заявив українець``,
    ``— подчеркнула спортсменка``): it stands for the last person of its gender named."""
    relay = cue[3] == "relay"  # «передает корреспондент»: a reporter relays, never speaks …
    after = list(_LOWER_WORD.finditer(clause, cue[1]))[:_DESCRIPTOR_REACH]
    before = [] if relay else list(_ANY_WORD.finditer(clause, 0, cue[0]))[-2:][::-1]
    # … but «цитирует политика «Интерфакс»»: the one quoted is the object of the relay
    case = "accs" if relay and _QUOTING.match(cue[2]) else None if relay else "nomn"
    if case is None:
        return None
    for m in (after[:1] if relay else after) + before:
        if len(m.group()) < 3:
            continue
        # the subject: the first reading must be one; the object of «цитирует»: any reading
        reading = _person_noun(m.group(), ctx.language, case, first_only=case == "nomn")
        if reading is None:
            continue
        pos = offset + m.start()
        # the past verb tells the person's gender, the noun only when the verb does not: «—
        # огласил решение судья» (a noun of either gender), «— написала синоптик» (a post
        # named in the masculine, held by a woman)
        gender = _verb_gender(cue[2], ctx.language) or _gender(reading.tags)
        person = ctx.antecedent(pos, gender, strict=True)
        if person is None and ctx.antecedent(pos, None) is None:
            return None  # no one named before: the speaker may be named after
        # (only people of the other gender named before: someone the text does not name)
        return Attribution(cue[2], offset + cue[0], person, m.group(), pos, None, "role")
    return None


def _person_noun(word: str, language: str | None, case: str, first_only: bool = True):
    """The reading of ``word`` as a common noun for a person in ``case`` (спортсменка,
    тренера), not a name: the first such noun reading only, or any with ``first_only=False``;
    None when there is none."""
    nouns = [p for p in _morph.parses(word.lower(), language)
             if p.pos == "NOUN" and not {"Surn", "Name", "Patr"} & p.tags]
    return next((p for p in nouns[: 1 if first_only else None]
                 if {"anim", case} <= p.tags and not (case == "nomn" and "plur" in p.tags)),
                None)  # (юзери, users, are many: no one person)


def _verb_gender(verb: str, language: str | None) -> str | None:
    """The gender of a past-tense verb's subject (сказал → ``masc``), else None."""
    found = _morph.parses(verb.lower(), language)
    return _gender(found[0].tags) if found and "past" in found[0].tags else None


def _gender(tags) -> str | None:
    """``masc`` or ``femn`` from a reading's tags, else None."""
    return "masc" if "masc" in tags else "femn" if "femn" in tags else None


def _role_attr(ctx: Context, role: Role, cues, offset: int) -> Attribution:
    """The attribution to a role noun: the person named before with a fitting role."""
    cue, nominal = cues
    gender = _verb_gender(cue[2], ctx.language) if cue is not None else None
    person = ctx.by_role(role, role.start, gender) or ctx.fitting(role, role.start)
    if person is None and not role.key[1]:  # a bare role noun: депутат, спикер
        person = ctx.described(role, _feminine(role, ctx.language))
    return Attribution(
        _cue_text(cue, nominal),
        _cue_pos(cue, nominal, offset),
        person,
        role.text,
        role.start,
        role.text,
        "role",
    )


def _feminine(role: Role, language: str | None) -> str | None:
    """``femn`` for a feminine role noun (очільниця, речниця), else None: a masculine post
    noun names women too."""
    found = _morph.parses(role.text.split()[0], language)[:1]
    return "femn" if found and _gender(found[0].tags) == "femn" else None


def _cue_text(cue, nominal) -> str | None:
    """The cue as written: the reporting verb, else the noun (``по словам``)."""
    if cue is not None:
        return cue[2]
    return nominal.group(0) if nominal else None


def _cue_pos(cue, nominal, offset: int) -> int | None:
    """The offset of the cue in the article."""
    if cue is not None:
        return offset + cue[0]
    return offset + nominal.start() if nominal else None
