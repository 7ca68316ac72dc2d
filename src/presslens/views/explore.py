"""Filter statements and search the coverage, with ipywidgets in JupyterLab.

* :func:`filter_statements` and :func:`filter_timeline` keep the rows of chosen speakers and
  outlets within a date range.
* :func:`search` finds a word or a lemma (``заявить`` finds «заявил», «заявив» finds «заявила»)
  in the statements and in the paragraphs of the articles, with the offsets of every match;
  :func:`highlight` marks the matches in HTML.
* :class:`Explorer` puts both behind controls: pick speakers, outlets and a date range and the
  timeline and the statements table update; type a word and the matching statements and
  passages appear with the match highlighted. With no live JupyterLab attached (nbval,
  nbconvert, papermill: no widget can be seen there), :meth:`Explorer.show` prints the same
  views once, for its initial choices, as static, deterministic output.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from collections.abc import Iterable, Sequence
from functools import lru_cache

import pandas as pd

from presslens.corpus.clean import paragraphs
from presslens.statements.speakers import name_key, transliterate
from presslens.text.nlp import lemma, normalize_word, tokenize
from presslens.views.display import reading_table

__all__ = [
    "SEARCH_COLUMNS",
    "Explorer",
    "filter_statements",
    "filter_timeline",
    "highlight",
    "live_frontend",
    "name_form",
    "search",
    "speaker_names",
]

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
#: Columns of the statements table the explorer shows.
STATEMENT_VIEW = ["quote", "speaker", "outlet", "said_on", "kind", "article"]


def live_frontend() -> bool:
    """Tell whether a live JupyterLab (or Notebook) front end runs this kernel.

    A kernel started by a Jupyter server for an open notebook has ``JPY_SESSION_NAME`` in its
    environment; nbval, nbconvert and papermill start kernels without it. Setting
    ``PRESSLENS_STATIC=1`` forces the static output.

    Returns
    -------
    bool
        True when widgets can be seen and used.
    """
    if os.environ.get("PRESSLENS_STATIC") == "1":
        return False
    return bool(os.environ.get("JPY_SESSION_NAME"))


def _day(value) -> pd.Timestamp | None:
    if value is None or (not isinstance(value, str | dt.date) and pd.isna(value)):
        return None
    return pd.Timestamp(value).normalize()


def _within(
    dates: pd.Series, start, end, ends: pd.Series | None = None
) -> pd.Series:
    """Flag the rows whose day (or day span) overlaps ``[start, end]``; NaT never does."""
    first, last = _day(start), _day(end)
    ends = dates if ends is None else ends.fillna(dates)
    keep = pd.Series(True, index=dates.index)
    if first is not None:
        keep &= ends >= first
    if last is not None:
        keep &= dates <= last
    if first is not None or last is not None:
        keep &= dates.notna()
    return keep


def _chosen(values: pd.Series, chosen: Iterable[str] | None) -> pd.Series:
    chosen = list(chosen or [])
    if not chosen:
        return pd.Series(True, index=values.index)
    return values.fillna("unknown").isin(chosen)


def filter_statements(
    statements: pd.DataFrame,
    speakers: Iterable[str] | None = None,
    outlets: Iterable[str] | None = None,
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
) -> pd.DataFrame:
    """Keep the statements of chosen speakers and outlets said within a date range.

    Parameters
    ----------
    statements : pandas.DataFrame
        The table of :func:`presslens.statements.statements` (columns ``speaker``,
        ``outlet``, ``said_on`` at least).
    speakers, outlets : iterable of str or None
        The canonical speakers and the outlets to keep; None or empty keeps all. A missing
        outlet is matched by ``"unknown"``.
    start, end : str, datetime.date or None
        The first and last day (inclusive); None leaves that side open. When a bound is set,
        statements with no known day (``said_on`` NaT) are left out.

    Returns
    -------
    pandas.DataFrame
        The kept rows with all the input's columns, in the input's order, index reset.
    """
    keep = (
        _chosen(statements["speaker"], speakers)
        & _chosen(statements["outlet"], outlets)
        & _within(statements["said_on"], start, end)
    )
    return statements[keep].reset_index(drop=True)


def filter_timeline(
    table: pd.DataFrame,
    speakers: Iterable[str] | None = None,
    outlets: Iterable[str] | None = None,
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
) -> pd.DataFrame:
    """Keep the timeline rows of chosen speakers and outlets within a date range.

    Dated events have no speaker: they are kept whatever the speakers chosen, as the context
    of the statements, but filtered by outlet and date like the statements.

    Parameters
    ----------
    table : pandas.DataFrame
        The table of :func:`presslens.findings.timeline` (columns ``date``, ``date_end``,
        ``type``, ``outlet``, ``speaker``).
    speakers, outlets : iterable of str or None
        As in :func:`filter_statements`.
    start, end : str, datetime.date or None
        As in :func:`filter_statements`; an event spanning several days is kept when its
        span overlaps the range.

    Returns
    -------
    pandas.DataFrame
        The kept rows with all the input's columns, in the input's order, index reset.
    """
    by_speaker = _chosen(table["speaker"], speakers) | (table["type"] == "event")
    keep = (
        by_speaker
        & _chosen(table["outlet"], outlets)
        & _within(table["date"], start, end, table.get("date_end"))
    )
    return table[keep].reset_index(drop=True)


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
        by_language = {
            lang: [frozenset().union(*(_forms(a, lang) for a in slot)) for slot in slots]
            for lang in ("ru", "uk")
        }
        if "statement" in where and statements is not None and len(statements):
            names = speaker_names(statements)
            for st in statements.itertuples(index=False):
                row = _statement_row(st, slots, by_language, names)
                if row is not None:
                    rows.append(row)
        if "passage" in where:
            outlet = articles.set_index("id")["outlet"]
            for par in paragraphs(articles).itertuples(index=False):
                lang = "uk" if par.language == "uk" else "ru"
                spans = _find(par.text, lang, by_language[lang])
                if spans:
                    rows.append(
                        ("passage", par.article, outlet.get(par.article), None, par.paragraph,
                         int(par.start), int(par.end), par.text, spans, len(spans), "words")
                    )  # fmt: skip
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


def _results_html(found: pd.DataFrame, max_rows: int, width: int = 300) -> str:
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


class Explorer:
    """Controls to filter statements and search the coverage, with a static fallback.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``corpus.articles``.
    statements : pandas.DataFrame
        The table of :func:`presslens.statements.statements`.
    timeline : pandas.DataFrame
        The table of :func:`presslens.findings.timeline`.
    max_rows : int, default 15
        Rows shown in the statements table and in the search results.

    Attributes
    ----------
    speakers_, outlets_ : list of str
        The choices offered, sorted (``unknown`` last among the speakers).
    first_day_, last_day_ : datetime.date or None
        The range of days on the timeline.
    """

    def __init__(
        self,
        articles: pd.DataFrame,
        statements: pd.DataFrame,
        timeline: pd.DataFrame,
        max_rows: int = 15,
    ) -> None:
        self.articles = articles
        self.statements = statements
        self.timeline = timeline
        self.max_rows = max_rows
        names = statements["speaker"].dropna().unique().tolist()
        self.speakers_ = sorted(names, key=lambda s: (s == "unknown", s))
        outlets = set(articles["outlet"].fillna("unknown")) | set(
            statements["outlet"].fillna("unknown")
        )
        self.outlets_ = sorted(outlets)
        days = pd.concat([timeline["date"], timeline["date_end"]]).dropna()
        self.first_day_ = days.min().date() if len(days) else None
        self.last_day_ = days.max().date() if len(days) else None

    # ------------------------------------------------------------- the views

    def statements_view(self, **choice) -> pd.DataFrame:
        """Return the statements table for a choice of speakers, outlets, start and end.

        Returns
        -------
        pandas.DataFrame
            Columns ``quote``, ``speaker``, ``outlet``, ``said_on``, ``kind``, ``article`` of
            :func:`filter_statements` (the quotation first, for reading), sorted by
            ``said_on`` (unknown last), ``article``, then position in the article.
        """
        kept = filter_statements(self.statements, **choice)
        kept = kept.sort_values(["said_on", "article", "start"], kind="stable", na_position="last")
        return kept[STATEMENT_VIEW].reset_index(drop=True)

    def search_view(self, query: str, **choice) -> pd.DataFrame:
        """Search the chosen statements and the paragraphs of the chosen outlets.

        Parameters
        ----------
        query : str
            As in :func:`search`.
        **choice
            ``speakers``, ``outlets``, ``start``, ``end`` as in :func:`filter_statements`;
            paragraphs are kept by outlet only (they have no speaker or day said).

        Returns
        -------
        pandas.DataFrame
            The table of :func:`search`.
        """
        outlets = choice.get("outlets")
        articles = self.articles[_chosen(self.articles["outlet"], outlets)]
        return search(articles, filter_statements(self.statements, **choice), query)

    def timeline_figure(self, **choice):
        """Draw the timeline of a choice (see :func:`filter_timeline`), or None when empty.

        Returns
        -------
        presslens.views.plots.chart.Chart or None
            :func:`presslens.views.plots.timeline.timeline_chart` of the kept rows: hover a point
            to read the statement.
        """
        from presslens.views.plots.timeline import timeline_chart

        kept = filter_timeline(self.timeline, **choice)
        if kept.empty:
            return None
        return timeline_chart(kept)

    def _summary(self, speakers, outlets, start, end, query) -> str:
        parts = [
            f"speakers: {', '.join(speakers) if speakers else 'all'}",
            f"outlets: {', '.join(outlets) if outlets else 'all'}",
            f"days: {start or self.first_day_} to {end or self.last_day_}",
        ]
        if query:
            parts.append(f"search: «{query}»")
        return html.escape(" · ".join(parts))

    # ------------------------------------------------------------- display

    def show(
        self,
        speakers: Sequence[str] = (),
        outlets: Sequence[str] = (),
        start: str | dt.date | None = None,
        end: str | dt.date | None = None,
        query: str = "",
        interactive: bool | None = None,
    ) -> None:
        """Display the controls, or, with no live front end, the views once as static output.

        Parameters
        ----------
        speakers, outlets : sequence of str
            The initial choice (empty: all).
        start, end : str, datetime.date or None
            The initial date range (None: the whole timeline).
        query : str
            The initial search.
        interactive : bool or None
            True: widgets; False: static output; None: widgets only when
            :func:`live_frontend` says a live JupyterLab is attached.
        """
        if interactive is None:
            interactive = live_frontend()
        choice = {"speakers": list(speakers), "outlets": list(outlets), "start": start,
                  "end": end}  # fmt: skip
        if interactive:
            from IPython.display import display

            display(self.widget(**choice, query=query))
        else:
            self.show_static(**choice, query=query)

    def show_static(self, speakers=(), outlets=(), start=None, end=None, query="") -> None:
        """Display the filtered timeline, statements table and search results once."""
        from IPython.display import HTML, display

        choice = {"speakers": list(speakers), "outlets": list(outlets), "start": start,
                  "end": end}  # fmt: skip
        summary = self._summary(**choice, query=query)
        display(
            HTML(
                "<p><strong>Static view</strong> (no live JupyterLab attached: open the "
                f"notebook in JupyterLab to change the choice). {summary}</p>"
            )
        )
        figure = self.timeline_figure(**choice)
        if figure is not None:
            display(figure)
        table = self.statements_view(**choice)
        display(HTML(f"<p>{len(table)} statements; the first {min(self.max_rows, len(table))} "
                     "are shown.</p>"))  # fmt: skip
        display(reading_table(table, "quote", max_rows=self.max_rows))
        if query:
            display(HTML(_results_html(self.search_view(query, **choice), self.max_rows)))

    def widget(self, speakers=(), outlets=(), start=None, end=None, query=""):
        """Build the controls and their views as one ipywidgets box.

        Returns
        -------
        ipywidgets.VBox
            Speaker and outlet lists, two date pickers and a search box above three views
            (timeline, statements, search results, one under the other) that update on every
            change.
        """
        import ipywidgets as w
        from IPython.display import HTML, display

        rows = min(8, max(len(self.speakers_), len(self.outlets_), 2))
        pick_speakers = w.SelectMultiple(
            options=self.speakers_, value=tuple(speakers), rows=rows, description="Speakers"
        )
        pick_outlets = w.SelectMultiple(
            options=self.outlets_, value=tuple(outlets), rows=rows, description="Outlets"
        )
        first = w.DatePicker(description="From", value=_as_date(start) or self.first_day_)
        last = w.DatePicker(description="To", value=_as_date(end) or self.last_day_)
        box = w.Text(value=query, description="Search", placeholder="a word or a lemma",
                     continuous_update=False)  # fmt: skip
        reset = w.Button(description="Show all", tooltip="clear the speakers and outlets")
        summary = w.HTML()
        timeline_out, table_out, search_out = w.Output(), w.Output(), w.Output()

        def choice() -> dict:
            # The whole range picked is no range: statements with no known day stay in.
            start = None if first.value in (None, self.first_day_) else first.value
            end = None if last.value in (None, self.last_day_) else last.value
            return {"speakers": list(pick_speakers.value), "outlets": list(pick_outlets.value),
                    "start": start, "end": end}  # fmt: skip

        def refresh(_=None) -> None:
            current = choice()
            summary.value = f"<p>{self._summary(**current, query=box.value)}</p>"
            with timeline_out:
                timeline_out.clear_output(wait=True)
                figure = self.timeline_figure(**current)
                if figure is None:
                    display(HTML("<p><em>Nothing on the timeline for this choice.</em></p>"))
                else:
                    display(figure)
            with table_out:
                table_out.clear_output(wait=True)
                table = self.statements_view(**current)
                display(HTML(f"<p>{len(table)} statements.</p>"))
                display(reading_table(table, "quote", max_rows=self.max_rows))
            refresh_search(current=current)

        def refresh_search(_=None, current=None) -> None:
            current = current or choice()
            summary.value = f"<p>{self._summary(**current, query=box.value)}</p>"
            with search_out:
                search_out.clear_output(wait=True)
                if box.value.strip():
                    found = self.search_view(box.value, **current)
                    display(HTML(_results_html(found, self.max_rows)))
                else:
                    display(HTML("<p><em>Type a word or a lemma and press Enter.</em></p>"))

        def show_all(_=None) -> None:
            pick_speakers.value, pick_outlets.value = (), ()
            first.value, last.value = self.first_day_, self.last_day_

        for control in (pick_speakers, pick_outlets, first, last):
            control.observe(refresh, names="value")
        box.observe(refresh_search, names="value")
        reset.on_click(show_all)
        refresh()
        controls = w.HBox([pick_speakers, pick_outlets, w.VBox([first, last, box, reset])])
        views = []
        for title, out in (
            ("Timeline", timeline_out),
            ("Statements", table_out),
            ("Search", search_out),
        ):
            views += [w.HTML(f"<h4>{title}</h4>"), out]
        return w.VBox([controls, summary, *views])


def _as_date(value) -> dt.date | None:
    day = _day(value)
    return None if day is None else day.date()
