"""Who echoed whom: statements and passages followed from outlet to outlet.

An **echo** is an outlet carrying a statement or a passage that another outlet carried
earlier:

* ``statement``: both report the same utterance (one ``cluster`` of
  :func:`presslens.statements.statements`, in any language);
* ``passage``: a paragraph of one is a near-duplicate of a paragraph of the other (a reprint,
  or a translation): their bridged content lemmas (:func:`presslens.text.bridge_form`)
  have a cosine of at least :data:`PASSAGE_SIMILARITY`. Passages are compared only between
  articles that are each other's nearest neighbours (top-K, article cosine at least
  :data:`CANDIDATE_SIMILARITY`), so the cost grows as N·K.

For each statement or passage the **first carrier** is the article published first; every
other outlet's first article carrying it is one row, with the lag in days. Two articles of the
same day are a **tie** (``lag_days`` 0, ``tie`` true): no direction is claimed. A missing
publication date is never guessed: ``lag_days`` and ``tie`` are then null. An echo is a
sequence in time, not proof of copying: both outlets may have had it from a third source.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from itertools import groupby

import pandas as pd

from presslens.text.nlp import lemmatize
from presslens.text.vectorize import bridge_form, split_units

__all__ = [
    "CANDIDATE_SIMILARITY",
    "ECHO_COLUMNS",
    "PASSAGE_SIMILARITY",
    "carriers",
    "drift_table",
    "echo_summary",
    "echoes",
    "passage_pairs",
    "quote_drift",
    "text_similarity",
]

#: Columns of :func:`echoes`.
ECHO_COLUMNS = [
    "kind", "key",
    "source_article", "source_outlet", "source_published", "source_start", "source_end",
    "article", "outlet", "published", "start", "end",
    "lag_days", "tie", "language_changed", "score", "drift",
]  # fmt: skip
#: Smallest cosine of bridged content lemmas for two paragraphs to be one passage.
PASSAGE_SIMILARITY = 0.6
#: Smallest article cosine (the index's neighbours) for two articles' paragraphs to be compared:
#: above what articles on one topic share (on the generated corpus 99 % of neighbour pairs
#: are below 0.35; reprints score above 0.8).
CANDIDATE_SIMILARITY = 0.4
#: Paragraphs with fewer content lemmas (headings, captions) are not passages.
MIN_LEMMAS = 8

_WORD = re.compile(r"\S+")


# --------------------------------------------------------------------------- similarity


def _bag(text: str, language: str | None) -> Counter:
    lang = language if isinstance(language, str) else None
    return Counter(bridge_form(w) for w in lemmatize(text, lang))


def _cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    dot = sum(n * b[t] for t, n in a.items() if t in b)
    norm = math.sqrt(sum(n * n for n in a.values()) * sum(n * n for n in b.values()))
    return round(dot / norm, 6)


def text_similarity(a: str, b: str, language_a: str | None, language_b: str | None) -> float:
    """Return how close two texts are, across Russian and Ukrainian.

    Parameters
    ----------
    a, b : str
        The texts.
    language_a, language_b : str or None
        Their languages (``ru``/``uk``).

    Returns
    -------
    float
        The cosine (0-1, six decimals) of their bridged content-lemma counts: 1 for the same
        lemmas in the same proportions, 0 with none in common. It depends on the two texts only.
    """
    return _cosine(_bag(a, language_a), _bag(b, language_b))


# --------------------------------------------------------------------------- drift


def quote_drift(source: str, text: str) -> pd.DataFrame:
    """Compare a later quotation with the first carrier's, word by word, as written.

    Parameters
    ----------
    source : str
        The first carrier's words.
    text : str
        The later carrier's words (same language).

    Returns
    -------
    pandas.DataFrame
        One row per change, in text order: ``op`` (``added``, ``dropped`` or ``changed``),
        ``source_words`` and ``words`` (str, as written; empty for an addition or a drop),
        ``source_start``, ``source_end``, ``start``, ``end`` (int: character offsets of the
        change in ``source`` and in ``text``). Empty when the words are the same.
    """
    return pd.DataFrame(_drift_ops(source, text), columns=["op", "source_words", "words",
                                                           "source_start", "source_end",
                                                           "start", "end"])


def _drift_ops(source: str, text: str) -> list[tuple]:
    """The rows of :func:`quote_drift` as tuples."""
    wa, wb = list(_WORD.finditer(source)), list(_WORD.finditer(text))
    matcher = difflib.SequenceMatcher(None, [m.group() for m in wa], [m.group() for m in wb],
                                      autojunk=False)
    rows = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        op = {"replace": "changed", "delete": "dropped", "insert": "added"}[tag]
        s0 = wa[i1].start() if i1 < i2 else (wa[i1 - 1].end() if i1 else 0)
        s1 = wa[i2 - 1].end() if i1 < i2 else s0
        t0 = wb[j1].start() if j1 < j2 else (wb[j1 - 1].end() if j1 else 0)
        t1 = wb[j2 - 1].end() if j1 < j2 else t0
        rows.append((op, source[s0:s1], text[t0:t1], s0, s1, t0, t1))
    return rows


def _drift_text(source: str, text: str) -> str:
    """The changes of :func:`quote_drift` in one line: ``-dropped +added ~old→new``."""
    marks = {"dropped": "-{0}", "added": "+{1}", "changed": "~{0}→{1}"}
    return "; ".join(marks[op].format(a, b) for op, a, b, *_ in _drift_ops(source, text))


# --------------------------------------------------------------------------- passages


def _neighbours(articles: pd.DataFrame, k: int) -> pd.DataFrame:
    from presslens.findings.similarity import top_neighbors
    from presslens.text.vectorize import LemmaVectorizer

    X = LemmaVectorizer().fit_transform(articles)
    hood = top_neighbors(X, k)
    ids = articles["id"].to_numpy()
    return pd.DataFrame({"article": ids[hood["row"]], "neighbor": ids[hood["neighbor"]],
                         "rank": hood["rank"], "score": hood["score"]})


def passage_pairs(
    articles: pd.DataFrame,
    neighbors: pd.DataFrame | None = None,
    *,
    k: int = 10,
    candidate: float = CANDIDATE_SIMILARITY,
    threshold: float = PASSAGE_SIMILARITY,
) -> pd.DataFrame:
    """Find paragraphs carried by two articles (reprinted or translated).

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles`` (``id``, ``text``, ``language``).
    neighbors : pandas.DataFrame, optional
        Article neighbours (``article``, ``neighbor``, ``score``), e.g. an index's; computed
        (top ``k`` by lemma TF-IDF cosine) when None.
    k : int, default 10
        Neighbours per article when they are computed.
    candidate : float, default CANDIDATE_SIMILARITY
        Smallest article cosine for two articles' paragraphs to be compared.
    threshold : float, default PASSAGE_SIMILARITY
        Smallest paragraph similarity (:func:`text_similarity`).

    Returns
    -------
    pandas.DataFrame
        One row per pair of paragraphs, sorted by ``a``, ``a_index``, ``b``, ``b_index``
        (``a`` < ``b``): ``a``, ``a_index``, ``a_start``, ``a_end``, ``b``, ``b_index``,
        ``b_start``, ``b_end`` (article ids, paragraph indexes of
        :func:`presslens.text.split_units` and offsets into the clean text) and
        ``score`` (float).
    """
    columns = ["a", "a_index", "a_start", "a_end", "b", "b_index", "b_start", "b_end", "score"]
    if neighbors is None:
        neighbors = _neighbours(articles, k) if len(articles) > 1 else pd.DataFrame(
            columns=["article", "neighbor", "score"])
    close = neighbors[neighbors["score"] >= candidate]
    pairs = sorted({(min(a, b), max(a, b)) for a, b in
                    zip(close["article"], close["neighbor"], strict=True) if a != b})
    if not pairs:
        return pd.DataFrame(columns=columns)
    wanted = sorted({a for pair in pairs for a in pair})
    units = split_units(articles[articles["id"].isin(wanted)], "paragraph")
    bags = [_bag(t, lang) for t, lang in zip(units["text"], units["language"], strict=True)]
    matrix = _unit_rows(bags)
    by_article: dict[str, list[int]] = {}
    for row, (art, bag) in enumerate(zip(units["article"], bags, strict=True)):
        if sum(bag.values()) >= MIN_LEMMAS:
            by_article.setdefault(art, []).append(row)
    found = []
    for a, b in pairs:
        ra, rb = by_article.get(a, []), by_article.get(b, [])
        if not ra or not rb:
            continue
        block = (matrix[ra] @ matrix[rb].T).toarray()
        for x, y in zip(*(block >= threshold - 1e-9).nonzero(), strict=True):
            found.append((ra[x], rb[y], round(float(block[x, y]), 6)))
    cols = units[["article", "index", "start", "end"]].to_numpy().tolist()
    out = [(*cols[i], *cols[j], score) for i, j, score in found]
    return pd.DataFrame(out, columns=columns)


def _unit_rows(bags: list[Counter]):
    """The L2-normalised count rows of ``bags`` (one column per term)."""
    import numpy as np
    import scipy.sparse as sp

    vocab: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for bag in bags:
        for term, n in bag.items():
            indices.append(vocab.setdefault(term, len(vocab)))
            data.append(float(n))
        indptr.append(len(indices))
    matrix = sp.csr_matrix((np.asarray(data), np.asarray(indices, dtype=np.int64),
                            np.asarray(indptr)), shape=(len(bags), max(len(vocab), 1)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    return sp.diags(1.0 / norms) @ matrix


# --------------------------------------------------------------------------- echoes


def _carriers_of_passages(pairs: pd.DataFrame) -> pd.DataFrame:
    """One row per paragraph of a passage group (connected pairs), with its group."""
    from presslens.statements.corpuslink import components

    nodes: dict[tuple[str, int], tuple[int, int]] = {}
    for side in ("a", "b"):
        for art, idx, s, e in zip(pairs[side], pairs[f"{side}_index"], pairs[f"{side}_start"],
                                  pairs[f"{side}_end"], strict=True):
            nodes[(art, int(idx))] = (int(s), int(e))
    keys = sorted(nodes)
    pos = {key: n for n, key in enumerate(keys)}
    links = [(pos[(a, int(i))], pos[(b, int(j))]) for a, i, b, j in
             zip(pairs["a"], pairs["a_index"], pairs["b"], pairs["b_index"], strict=True)]
    groups = components(len(keys), links)
    return pd.DataFrame({
        "group": groups,
        "article": [k[0] for k in keys],
        "index": [k[1] for k in keys],
        "start": [nodes[k][0] for k in keys],
        "end": [nodes[k][1] for k in keys],
    })


def _first_per_outlet(group) -> list[tuple]:
    """Each outlet's first carrier, from records sorted by day (unknown last), article id and
    position; an article without an outlet counts as an outlet of its own."""
    seen, firsts = set(), []
    for rec in group:
        outlet = rec[2] if isinstance(rec[2], str) else f"\0{rec[1]}"
        if outlet not in seen:
            seen.add(outlet)
            firsts.append(rec)
    return firsts


def _rows_of(kind: str, key: str, firsts: list[tuple], texts: dict) -> list[tuple]:
    _, art0, outlet0, day0, lang0, start0, end0 = firsts[0]
    source = texts[(art0, start0, end0)]
    rows = []
    for _, art, outlet, day, lang, start, end in firsts[1:]:
        lag = int((day - day0).days) if pd.notna(day0) and pd.notna(day) else None
        changed = isinstance(lang0, str) and isinstance(lang, str) and lang0 != lang
        text = texts[(art, start, end)]
        drift = _drift_text(source, text) if kind == "statement" and not changed else None
        rows.append((kind, key, art0, outlet0, day0, start0, end0, art, outlet, day, start, end,
                     lag, None if lag is None else lag == 0, changed,
                     text_similarity(source, text, lang0, lang), drift))
    return rows


def _echo_rows(kind: str, carriers: pd.DataFrame, texts: dict) -> list[tuple]:
    frame = carriers.sort_values(["key", "published", "article", "start"], na_position="last",
                                 kind="stable")
    records = zip(frame["key"], frame["article"], frame["outlet"], frame["published"],
                  frame["language"], frame["start"].astype(int), frame["end"].astype(int),
                  strict=True)
    rows = []
    for key, group in groupby(records, key=lambda rec: rec[0]):
        firsts = _first_per_outlet(group)
        if len(firsts) > 1:
            rows.extend(_rows_of(kind, str(key), firsts, texts))
    return rows


def _statement_carriers(found: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    multi = found[found.duplicated("cluster", keep=False)]
    frame = multi[["cluster", "article", "start", "end", "quote", "language"]].rename(
        columns={"cluster": "key"})
    return frame.join(meta[["outlet", "published"]], on="article")


def _passage_carriers(pairs: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    nodes = _carriers_of_passages(pairs)
    nodes = nodes.join(meta[["outlet", "published", "language"]], on="article")
    first = (nodes.sort_values(["published", "article", "index"], na_position="last",
                               kind="stable").drop_duplicates("group"))
    names = {g: f"{a}#{i}" for g, a, i in zip(first["group"], first["article"],
                                               first["index"], strict=True)}
    return nodes.assign(key=nodes["group"].map(names))


def echoes(
    articles: pd.DataFrame,
    statements: pd.DataFrame | None = None,
    neighbors: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """List every outlet that carried a statement or a passage after another outlet had.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles`` (``id``, ``outlet``, ``published``, ``language``, ``text``).
    statements : pandas.DataFrame, optional
        :func:`presslens.statements.statements` of these articles (found when None).
    neighbors : pandas.DataFrame, optional
        Article neighbours (``article``, ``neighbor``, ``score``), e.g. an index's table;
        computed when None.

    Returns
    -------
    pandas.DataFrame
        One row per (statement or passage, later outlet), sorted by ``kind``, ``key``,
        ``published``, ``article``, with columns :data:`ECHO_COLUMNS`:

        - ``kind`` (str): ``statement`` (the same ``cluster``) or ``passage`` (reprint or
          translation of a paragraph);
        - ``key`` (str): the cluster id, or the first carrier's ``article#paragraph``;
        - ``source_article``, ``source_outlet``, ``source_published``: the first carrier
          (the earliest article; without any date, the first by id);
        - ``source_start``, ``source_end`` (int): the statement's or paragraph's offsets in
          the first carrier's clean text;
        - ``article``, ``outlet``, ``published``, ``start``, ``end``: the later carrier, the
          first article of its outlet to carry it;
        - ``lag_days`` (Int64): days after the first carrier; null when a date is missing;
        - ``tie`` (boolean): true when both came out on the same day (no direction is
          claimed); null when a date is missing;
        - ``language_changed`` (bool): the later one is in the other language;
        - ``score`` (float): :func:`text_similarity` of the two texts;
        - ``drift`` (str or None): for a statement in the same language, the words the later
          outlet dropped (``-``), added (``+``) or changed (``~old→new``) against the first
          carrier's quotation, ``; ``-separated; empty when identical (see
          :func:`quote_drift`).
    """
    if statements is None:
        from presslens.statements.extract import statements as find_all

        statements = find_all(articles)
    meta = articles.set_index("id")
    meta = meta.assign(published=pd.to_datetime(meta["published"]).dt.normalize())
    texts_of = dict(zip(articles["id"], articles["text"], strict=True))
    rows = []
    if len(statements):
        carriers = _statement_carriers(statements, meta)
        texts = {(a, int(s), int(e)): q for a, s, e, q in
                 zip(carriers["article"], carriers["start"], carriers["end"], carriers["quote"],
                     strict=True)}
        rows += _echo_rows("statement", carriers, texts)
    pairs = passage_pairs(articles, neighbors)
    if len(pairs):
        carriers = _passage_carriers(pairs, meta)
        texts = {(a, int(s), int(e)): (texts_of.get(a) or "")[int(s):int(e)] for a, s, e in
                 zip(carriers["article"], carriers["start"], carriers["end"], strict=True)}
        rows += _echo_rows("passage", carriers, texts)
    return _echo_frame(rows)


def _echo_frame(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=ECHO_COLUMNS)
    for col in ("source_published", "published"):
        frame[col] = pd.to_datetime(frame[col])
    frame = frame.astype({"lag_days": "Int64", "tie": "boolean", "language_changed": bool,
                          "score": float, "source_start": "int64", "source_end": "int64",
                          "start": "int64", "end": "int64"})
    # None, not NaN, where no drift is given (a translation, or a passage)
    frame["drift"] = pd.Series([r[-1] for r in rows], dtype=object, index=frame.index)
    return frame.sort_values(["kind", "key", "published", "article"], na_position="last",
                             kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- views


def echo_summary(found: pd.DataFrame) -> pd.DataFrame:
    """Count, for every two outlets, how often the second carried what the first had first.

    Parameters
    ----------
    found : pandas.DataFrame
        The table of :func:`echoes`.

    Returns
    -------
    pandas.DataFrame
        One row per (``source_outlet``, ``outlet``) pair seen, sorted by ``followed``
        (descending) then the names: ``followed`` (int: echoes a day or more later),
        ``ties`` (int: the same day), ``undated`` (int: a date missing), ``statements`` and
        ``passages`` (int: echoes of each kind, all three timings), ``median_lag_days``
        (float: over the later ones; NaN without any).
    """
    columns = ["source_outlet", "outlet", "followed", "ties", "undated", "statements",
               "passages", "median_lag_days"]
    if found.empty:
        return pd.DataFrame(columns=columns)
    frame = found.assign(
        source_outlet=found["source_outlet"].fillna("(no outlet)"),
        outlet=found["outlet"].fillna("(no outlet)"),
        followed=found["lag_days"].fillna(0).gt(0),
        ties=found["tie"].fillna(False).astype(bool),
        undated=found["lag_days"].isna(),
        statements=found["kind"].eq("statement"),
        passages=found["kind"].eq("passage"),
        later=found["lag_days"].where(found["lag_days"].fillna(0).gt(0)).astype(float),
    )
    table = frame.groupby(["source_outlet", "outlet"], sort=True).agg(
        followed=("followed", "sum"), ties=("ties", "sum"), undated=("undated", "sum"),
        statements=("statements", "sum"), passages=("passages", "sum"),
        median_lag_days=("later", "median"),
    ).reset_index()
    table = table.astype({c: "int64" for c in columns[2:7]})
    return table.sort_values(["followed", "source_outlet", "outlet"],
                             ascending=[False, True, True], kind="stable")[columns] \
        .reset_index(drop=True)


def carriers(found: pd.DataFrame) -> pd.DataFrame:
    """Summarise each echoed statement or passage: its first carrier and who followed.

    Parameters
    ----------
    found : pandas.DataFrame
        The table of :func:`echoes`.

    Returns
    -------
    pandas.DataFrame
        One row per (``kind``, ``key``), sorted by ``source_published`` then ``kind`` and
        ``key``: ``source_article``, ``source_outlet``, ``source_published``,
        ``n_outlets`` (int: the first carrier's outlet and every later one), ``followers``
        (str: the later outlets in order, each with its lag, ``Outlet (+2 d)``, ``(same
        day)`` or ``(date unknown)``), ``first_lag_days`` and ``last_lag_days`` (Int64).
    """
    columns = ["kind", "key", "source_article", "source_outlet", "source_published",
               "n_outlets", "followers", "first_lag_days", "last_lag_days"]
    rows = []
    for (kind, key), group in found.groupby(["kind", "key"], sort=True):
        first = group.iloc[0]
        lags = group["lag_days"].dropna()
        rows.append((kind, key, first["source_article"], first["source_outlet"],
                     first["source_published"], len(group) + 1,
                     ", ".join(_follower(o, lag) for o, lag in
                               zip(group["outlet"], group["lag_days"], strict=True)),
                     lags.min() if len(lags) else pd.NA, lags.max() if len(lags) else pd.NA))
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame.astype({"first_lag_days": "Int64", "last_lag_days": "Int64"})
    frame["source_published"] = pd.to_datetime(frame["source_published"])
    return frame.sort_values(["source_published", "kind", "key"], na_position="last",
                             kind="stable").reset_index(drop=True)


def _follower(outlet, lag) -> str:
    name = outlet if isinstance(outlet, str) else "(no outlet)"
    if pd.isna(lag):
        return f"{name} (date unknown)"
    return f"{name} (same day)" if lag == 0 else f"{name} (+{int(lag)} d)"


def drift_table(found: pd.DataFrame, statements: pd.DataFrame) -> pd.DataFrame:
    """List the word-level changes of every same-language statement echo, for highlighting.

    Parameters
    ----------
    found : pandas.DataFrame
        The table of :func:`echoes`.
    statements : pandas.DataFrame
        The statements it was computed from (``article``, ``start``, ``end``, ``quote``).

    Returns
    -------
    pandas.DataFrame
        One row per change: ``key``, ``source_article``, ``source_outlet``, ``article``,
        ``outlet``, ``lag_days``, then the columns of :func:`quote_drift` with offsets moved
        into each article's clean text (``source_start`` … ``end``), plus ``source_quote``
        and ``quote`` (the two quotations).
    """
    head = ["key", "source_article", "source_outlet", "article", "outlet", "lag_days"]
    columns = head + ["op", "source_words", "words", "source_start", "source_end", "start",
                      "end", "source_quote", "quote"]
    quotes = {(a, int(s)): q for a, s, q in
              zip(statements["article"], statements["start"], statements["quote"], strict=True)}
    same = found[(found["kind"] == "statement") & ~found["language_changed"]]
    frames = []
    for rec in same.itertuples(index=False):
        a = quotes.get((rec.source_article, int(rec.source_start)), "")
        b = quotes.get((rec.article, int(rec.start)), "")
        changes = quote_drift(a, b)
        if changes.empty:
            continue
        changes[["source_start", "source_end"]] += int(rec.source_start)
        changes[["start", "end"]] += int(rec.start)
        for col in head:
            changes[col] = getattr(rec, col)
        frames.append(changes.assign(source_quote=a, quote=b))
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]

