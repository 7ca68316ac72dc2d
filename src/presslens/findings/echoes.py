"""Who echoed whom: statements and passages followed from outlet to outlet.

An **echo** is an outlet carrying a statement or a passage that another outlet carried
earlier:

* ``statement``: both report the same utterance (one ``cluster`` of
  :func:`presslens.statements.statements`, in any language);
* ``passage``: a paragraph of one is a near-duplicate of a paragraph of the other (a reprint,
  or a translation; :mod:`presslens.findings.echopassages`).

For each statement or passage the **first carrier** is the article published first; every
other outlet's first article carrying it is one row, with the lag in days. Two articles of the
same day are a **tie** (``lag_days`` 0, ``tie`` true): no direction is claimed. A missing
publication date is never guessed: ``lag_days`` and ``tie`` are then null. An echo is a
sequence in time, not proof of copying: both outlets may have had it from a third source.

The table is summed up by :mod:`presslens.findings.echosummary`; a quotation's changes from one
outlet to the next are in :mod:`presslens.findings.echodrift`.
"""

from __future__ import annotations

from itertools import groupby

import pandas as pd

from presslens.findings.echodrift import drift_text
from presslens.findings.echopassages import passage_pairs, text_similarity

__all__ = ["ECHO_COLUMNS", "echoes"]

#: Columns of :func:`echoes`.
ECHO_COLUMNS = [
    "kind", "key",
    "source_article", "source_outlet", "source_published", "source_start", "source_end",
    "article", "outlet", "published", "start", "end",
    "lag_days", "tie", "language_changed", "score", "drift",
]  # fmt: skip


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
        drift = drift_text(source, text) if kind == "statement" and not changed else None
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
          :func:`~presslens.findings.echodrift.quote_drift`).
    """
    if statements is None:
        from presslens.statements import statements as find_all

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
