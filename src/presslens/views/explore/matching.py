"""Find the words of a query in statements and paragraphs, and mark the matches in HTML.

:func:`search` finds a word or a lemma (``заявить`` finds «заявил», «заявив» finds «заявила»)
in the statements and in the paragraphs of the articles, with the offsets of every match, and
finds a speaker's statements by the speaker's name (:func:`name_form`, :func:`speaker_names`);
:func:`highlight` marks the matches in HTML and :func:`results_html` shows the results.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from functools import lru_cache

import pandas as pd

from presslens.corpus.clean import paragraphs
from presslens.statements.names import name_key, transliterate
from presslens.text import lemma, normalize_word, tokenize
from presslens.views.display import reading_table

__all__ = ["SEARCH_COLUMNS", "highlight", "name_form", "results_html", "search", "speaker_names"]

#: Columns of :func:`search`.
SEARCH_COLUMNS = [
    "kind",
    "article",
    "outlet",
    "speaker",
    "paragraph",
    "start",
    "end",
    "text",
    "matches",
    "n_matches",
    "found_by",
]


@lru_cache(maxsize=200_000)
def _forms(word: str, language: str) -> frozenset[str]:
    """Return the forms a word is found by: its normalized spelling and its lemmas."""
    lemmas = {lemma(word, language), lemma(word.lower(), language)}
    return frozenset({normalize_word(word), *lemmas})


def _slot_spans(text: str, language: str, wanted: list[frozenset[str]]) -> list[list]:
    """Return, for each word of the query, the spans of the words of ``text`` that match it."""
    spans: list[list[tuple[int, int]]] = [[] for _ in wanted]
    for token in tokenize(text):
        if not any(ch.isalnum() for ch in token.text):
            continue
        forms = _forms(token.text, language)
        for index, query in enumerate(wanted):
            if forms & query:
                spans[index].append((token.start, token.end))
    return spans


def _find(text: str, language: str, wanted: list[frozenset[str]]) -> list[tuple[int, int]]:
    """Return the spans of the words of ``text`` matching every one of ``wanted`` (or [])."""
    spans = _slot_spans(text, language, wanted)
    if not all(spans):
        return []
    return sorted(span for found in spans for span in found)


@lru_cache(maxsize=50_000)
def name_form(word: str) -> str:
    """Return the Latin key a name is known by, in any case form, language or script.

    Examples
    --------
    >>> [name_form(w) for w in ("Столтенберга", "Столтенберг", "Stoltenberg", "Блінкена")]
    ['stoltenberg', 'stoltenberg', 'stoltenberg', 'blinken']
    """
    return transliterate(name_key(word)).lower()


def speaker_names(statements: pd.DataFrame) -> dict[str, frozenset[str]]:
    """Return the name forms of every speaker: the words of its Latin name and of its mentions.

    Parameters
    ----------
    statements : pandas.DataFrame
        The table of :func:`presslens.statements.statements` (``speaker``; ``speaker_mention``
        and ``how`` when present: only mentions by name count, never a pronoun or a role).

    Returns
    -------
    dict of str to frozenset of str
        Canonical speaker → the :func:`name_form` of each word naming it (words of three
        letters or more). ``unknown`` has none.
    """
    names: dict[str, set[str]] = {}
    mentions = statements.get("speaker_mention", pd.Series(None, index=statements.index))
    how = statements.get("how", pd.Series("name", index=statements.index))
    for speaker, mention, kind in zip(statements["speaker"], mentions, how, strict=True):
        if not isinstance(speaker, str) or speaker == "unknown":
            continue
        words = speaker.split()
        if kind == "name" and isinstance(mention, str):
            words += mention.split()
        forms = names.setdefault(speaker, set())
        forms.update(name_form(w) for w in words if sum(c.isalpha() for c in w) >= 3)
    return {speaker: frozenset(forms) for speaker, forms in names.items()}


def _found_by(names: bool, words: bool) -> str:
    return "speaker and words" if names and words else "speaker" if names else "words"


def _statement_row(st, slots, by_language, names) -> tuple | None:
    """The search row of one statement, or None when some query word finds nothing."""
    lang = "uk" if st.language == "uk" else "ru"
    spans = _slot_spans(st.quote, lang, by_language[lang])
    forms = names.get(st.speaker, frozenset())
    named = [any(name_form(a) in forms for a in slot) for slot in slots]
    if not all(s or n for s, n in zip(spans, named, strict=True)):
        return None
    found = sorted(span for slot in spans for span in slot)
    return ("statement", st.article, st.outlet, st.speaker, pd.NA, int(st.start), int(st.end),
            st.quote, found, len(found), _found_by(any(named), bool(found)))  # fmt: skip


def _query_slots(query: str) -> list[list[str]]:
    """Split a query into words, each a list of alternatives (``Россия|Росія``)."""
    slots = []
    for part in query.split():
        alternatives = [
            token.text
            for alternative in part.split("|")
            for token in tokenize(alternative)
            if any(ch.isalnum() for ch in token.text)
        ]
        if alternatives:
            slots.append(alternatives)
    return slots



def search(
    articles: pd.DataFrame,
    statements: pd.DataFrame | None,
    query: str,
    where: Sequence[str] = ("statement", "passage"),
) -> pd.DataFrame:
    """Find a word or a lemma in the statements and the paragraphs of a corpus.

    A word of the text matches a word of the query when they are spelt alike (case, ё/е and
    apostrophes aside) or share a lemma in the text's language, so ``заявить`` finds
    «заявил» and «заявила», and ``Столтенберг`` finds «Столтенберга». With several words in
    the query, a statement or paragraph must contain every one of them; ``|`` gives
    alternatives for one word, e.g. ``Россия|Росія`` to search both languages' spelling
    (lemmas are compared within the text's language only).

    A statement is also found by its speaker's name: a word of the query that names the
    speaker, in any case form, language or script (``Столтенберга``, ``Столтенберг``,
    ``Stoltenberg``; see :func:`name_form`), finds every statement of that speaker, whether
    or not the quotation contains the name. With several words, each must name the speaker
    or be found in the quotation (``Stoltenberg гарантия``: his statements about guarantees).

    Parameters
    ----------
    articles : pandas.DataFrame
        ``corpus.articles`` (columns ``id``, ``text``, ``language``, ``outlet``).
    statements : pandas.DataFrame or None
        The table of :func:`presslens.statements.statements`; None searches the paragraphs
        only.
    query : str
        One or more words (``|`` between alternatives); an empty query finds nothing.
    where : sequence of {"statement", "passage"}
        What to search.

    Returns
    -------
    pandas.DataFrame
        One row per matching statement or paragraph, statements first, then by ``article``
        and ``start``, with columns:

        - ``kind`` (str): ``statement`` or ``passage``;
        - ``article`` (str), ``outlet`` (str or None);
        - ``speaker`` (str or None): the statement's canonical speaker (None for passages);
        - ``paragraph`` (Int64): the paragraph's index in its article (missing for
          statements);
        - ``start``, ``end`` (int): the statement's or paragraph's offsets in the article's
          clean text;
        - ``text`` (str): the statement's words or the paragraph;
        - ``matches`` (list of (int, int)): the matching words' offsets into ``text``;
        - ``n_matches`` (int): how many words match;
        - ``found_by`` (str): ``words`` (the text holds the query's words), ``speaker`` (the
          query names the statement's speaker) or ``speaker and words``.
    """
    slots = _query_slots(query)
    rows: list[tuple] = []
    if slots:
        by_language = _query_forms(slots)
        if "statement" in where and statements is not None and len(statements):
            rows += _statement_rows(statements, slots, by_language)
        if "passage" in where:
            rows += _passage_rows(articles, by_language)
    return _results_frame(rows)


def _query_forms(slots: list[list[str]]) -> dict[str, list[frozenset[str]]]:
    """Return, per language, the forms each word of the query is found by."""
    return {
        lang: [frozenset().union(*(_forms(a, lang) for a in slot)) for slot in slots]
        for lang in ("ru", "uk")
    }


def _statement_rows(statements: pd.DataFrame, slots, by_language) -> list[tuple]:
    """Return the search rows of the statements the query finds."""
    names = speaker_names(statements)
    rows = []
    for st in statements.itertuples(index=False):
        row = _statement_row(st, slots, by_language, names)
        if row is not None:
            rows.append(row)
    return rows


def _passage_rows(articles: pd.DataFrame, by_language) -> list[tuple]:
    """Return the search rows of the paragraphs holding every word of the query."""
    outlet = articles.set_index("id")["outlet"]
    rows = []
    for par in paragraphs(articles).itertuples(index=False):
        lang = "uk" if par.language == "uk" else "ru"
        spans = _find(par.text, lang, by_language[lang])
        if spans:
            rows.append(
                ("passage", par.article, outlet.get(par.article), None, par.paragraph,
                 int(par.start), int(par.end), par.text, spans, len(spans), "words")
            )  # fmt: skip
    return rows


def _results_frame(rows: list[tuple]) -> pd.DataFrame:
    """Return the search rows as the table of :func:`search`, statements first."""
    frame = pd.DataFrame(rows, columns=SEARCH_COLUMNS)
    frame["paragraph"] = frame["paragraph"].astype("Int64")
    frame["outlet"] = frame["outlet"].astype(object).where(frame["outlet"].notna(), None)
    frame["speaker"] = frame["speaker"].astype(object).where(frame["speaker"].notna(), None)
    order = frame["kind"].map({"statement": 0, "passage": 1})
    frame = frame.assign(_order=order).sort_values(["_order", "article", "start"], kind="stable")
    return frame.drop(columns="_order").reset_index(drop=True)


def highlight(text: str, spans: Iterable[tuple[int, int]], tag: str = "mark") -> str:
    """Return ``text`` as HTML with each span wrapped in ``<mark>`` (or another tag).

    Parameters
    ----------
    text : str
        Plain text.
    spans : iterable of (int, int)
        Offsets into ``text``, end exclusive; overlapping spans are merged.
    tag : str, default "mark"
        The HTML element that marks a match.

    Returns
    -------
    str
        The text, HTML-escaped, with the matches marked.

    Examples
    --------
    >>> highlight("Лавров заявил <нет>", [(7, 13)])
    'Лавров <mark>заявил</mark> &lt;нет&gt;'
    """
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, at = [], 0
    for start, end in merged:
        out.append(html.escape(text[at:start]))
        out.append(f"<{tag}>{html.escape(text[start:end])}</{tag}>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def _shorten(text: str, spans: list[tuple[int, int]], width: int) -> tuple[str, list]:
    """Cut a long text to ``width`` characters around its first match."""
    if len(text) <= width:
        return text, spans
    first = spans[0][0] if spans else 0
    begin = max(0, min(first - width // 3, len(text) - width))
    end = begin + width
    cut = [(s - begin, e - begin) for s, e in spans if s >= begin and e <= end]
    prefix = "…" if begin else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix)
    return prefix + text[begin:end] + suffix, [(s + shift, e + shift) for s, e in cut]


def results_html(found: pd.DataFrame, max_rows: int, width: int = 300) -> str:
    """Return the results of :func:`search` as HTML: a count, then the first rows, marked."""
    if found.empty:
        return "<p><em>No statement or passage matches.</em></p>"
    counts = found["kind"].value_counts()
    head = (
        f"<p>{counts.get('statement', 0)} statements and {counts.get('passage', 0)} passages "
        f"match; the first {min(max_rows, len(found))} are shown.</p>"
    )
    shown = found.head(max_rows)
    texts = []
    for row in shown.itertuples(index=False):
        text, spans = _shorten(row.text, list(row.matches), width)
        texts.append(highlight(text, spans))
    speakers = [
        f'<mark class="speaker">{html.escape(s)}</mark>' if "speaker" in by
        else html.escape(s or "")
        for s, by in zip(shown["speaker"], shown["found_by"], strict=True)
    ]  # fmt: skip
    table = reading_table(
        shown.assign(text=texts, speaker=speakers), "text",
        ["speaker", "outlet", "kind", "found_by", "article"], markup=["text", "speaker"],
    )  # fmt: skip
    return head + table._repr_html_()
