"""What an article says about people, for resolving pronouns and role nouns in attributions.

:class:`Context` holds the people and role phrases of an article in text order, where its
quotations and paragraphs lie, and answers the questions :mod:`presslens.statements.attribution`
asks of them: who is named in a span, who was the last subject of a gender, whose role fits a
role noun.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from presslens.statements.roles import Role, role_matches, unique_post
from presslens.statements.speakers import Person
from presslens.statements.wordlists import is_media, role_words

__all__ = ["Context"]


#: «За словами Смілянського» / «По словам Петренко»: whose words, named in the genitive.
_WORDS_OF = re.compile(r"(?i)\b(?:по|за)\s+словам(?:и)?\s+$")


@dataclass
class Context:
    """What the article says about people, for resolving pronouns and role nouns."""

    people: list[Person]
    roles: list[Role]
    inside_quotes: list[tuple[int, int]]
    language: str | None
    paragraph_starts: list[int] = field(default_factory=list)  # offsets, in text order
    text: str = ""  # the article's text

    def _quoted(self, pos: int) -> bool:
        # the spans are top-level quotations: in text order and disjoint
        k = bisect.bisect_right(self.inside_quotes, (pos, float("inf"))) - 1
        return k >= 0 and pos < self.inside_quotes[k][1]

    def __post_init__(self) -> None:
        self._ends = [p.end for p in self.people]  # people are in text order
        self._starts = [p.start for p in self.people]
        self._role_starts = [r.start for r in self.roles]  # roles too
        self._by_role_key: dict[str, list[Person]] = {}  # people with a role, outside quotes
        for p in self.people:
            if p.role_key is not None and not self._quoted(p.start):
                self._by_role_key.setdefault(p.role_key, []).append(p)
        self._role_key_starts = {k: [p.start for p in v] for k, v in self._by_role_key.items()}
        # a surname that shows no gender (Савченко) has that of the same person named in full
        self._key_gender = {p.key: p.gender for p in self.people if p.gender}

    def people_within(self, start: int, end: int) -> list[Person]:
        """The people whose mention lies inside ``[start, end)``, found by position."""
        lo = bisect.bisect_left(self._starts, start)
        return [p for p in self.people[lo : self._upto(end)] if p.start >= start]

    def roles_within(self, start: int, end: int) -> list[Role]:
        """The role nouns that lie inside ``[start, end)``, found by position."""
        lo = bisect.bisect_left(self._role_starts, start)
        hi = bisect.bisect_right(self._role_starts, end)
        return [r for r in self.roles[lo:hi] if r.end <= end]

    def paragraph_of(self, pos: int) -> int:
        """The index of the paragraph that holds offset ``pos`` (0 when unknown)."""
        return max(bisect.bisect_right(self.paragraph_starts, pos) - 1, 0)

    def _upto(self, before: int) -> int:
        """How many people end at or before ``before``."""
        return bisect.bisect_right(self._ends, before)

    def antecedent(self, before: int, gender: str | None, strict: bool = False) -> Person | None:
        """Return the last person named before ``before`` as a subject, of the right gender
        (else of unknown gender, else of any case, else of any gender unless ``strict``),
        searching back from ``before``."""
        last_fit = last_subject = last_any = loose = None
        gendered = gender in ("masc", "femn")
        for p in reversed(self.people[: self._upto(before)]):
            if p.end > before or self._quoted(p.start) or is_media(p.text):
                continue
            shown = p.gender or self._key_gender.get(p.key)
            fits = not gendered or shown in (gender, None)
            if fits and p.nominative and (not gendered or shown == gender):
                return p
            if fits and p.nominative and loose is None:
                loose = p  # of unknown gender: only when no one of the gender was named
            if fits and last_fit is None:
                last_fit = p
            if p.nominative and last_subject is None:
                last_subject = p
            if last_any is None:
                last_any = p
        return loose or last_fit or (None if strict else last_subject or last_any)

    def named_next(self, after: int, gender: str | None) -> Person | None:
        """Return the person a text that names no one before ``after`` names next as a
        subject, of the right gender, within four lines (``"…", – сказав він.`` opening an
        excerpt, then ``Митрополит Епіфаній додав …``); None when someone was named before."""
        if self._upto(after):
            return None
        last = self.paragraph_of(after) + 4  # (two paragraphs with blank lines between)
        for p in self.people[self._upto(after):]:
            if self.paragraph_of(p.start) > last:
                return None
            # (a surname alone shows no sure gender: Марченко reads as a woman's)
            shown = self._key_gender.get(p.key) if p.first else None
            subject = p.nominative or bool(_WORDS_OF.search(self.text, max(0, p.start - 16),
                                                            p.start))
            if subject and not self._quoted(p.start) and not is_media(p.text) and (
                    gender is None or shown in (gender, None)):
                return p
        return None

    def fitting(self, role: Role, before: int) -> Person | None:
        """Return the last person named before ``before`` whose own role does not contradict
        the role noun (for ``добавил министр`` after a name given without that role)."""
        if not unique_post(role.key):
            return None
        candidates = [
            p
            for p in self.people
            if p.end <= before
            and not self._quoted(p.start)
            and not is_media(p.text)
            and (p.role_key is None or role_matches(role.key, p.role_key))
        ]
        subjects = [p for p in candidates if p.nominative]
        pool = subjects or candidates
        return pool[-1] if pool else None

    def described(self, role: Role, gender: str | None) -> Person | None:
        """Return the person a role noun left unmatched stands for (``— відповів депутат``
        after the deputy was named without the post): the last subject named before, else,
        for a post held by one person, the first subject named after (``— сказала очільниця
        уряду``, then ``— сказала Свириденко``); never one whose own role contradicts it."""
        def fits(p: Person) -> bool:
            return (p.role_key is None or role_matches(role.key, p.role_key) > 0) and (
                gender is None or p.gender in (gender, None))

        person = self.antecedent(role.start, gender)
        if person is not None and person.nominative and fits(person):
            return person
        if not unique_post(role.key) or role.key[0] in role_words()["generic_set"]:
            return None
        after = [p for p in self.people[self._upto(role.end):]
                 if p.nominative and not self._quoted(p.start) and not is_media(p.text)]
        return next((p for p in after if fits(p)), None)

    def by_role(self, role: Role, before: int, gender: str | None = None) -> Person | None:
        """Return the person named before ``before`` whose role fits the role noun best, of
        the ``gender`` of the verb when it shows one (``— заявив президент`` after «з
        президенткою Єврокомісії»: the man)."""
        best, best_score = None, 0
        for key, people in self._by_role_key.items():
            score = role_matches(role.key, key)
            k = bisect.bisect_left(self._role_key_starts[key], before) if score else 0
            fit = next((p for p in reversed(people[:k]) if self._gender_fits(p, gender)), None)
            if fit and (score, fit.start) > (best_score, best.start if best else -1):
                best, best_score = fit, score
        return best

    def _gender_fits(self, p: Person, gender: str | None) -> bool:
        shown = p.gender or self._key_gender.get(p.key)
        return gender is None or shown in (gender, None)
