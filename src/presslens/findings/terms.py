"""Which terms set an article or an outlet apart from the rest of the corpus."""

from __future__ import annotations

import pandas as pd
from sklearn.base import clone

from presslens.text import LemmaVectorizer, lemmatize, split_units

__all__ = ["TERM_COLUMNS", "distinctive_terms"]

#: Columns of :func:`distinctive_terms`.
TERM_COLUMNS = ["group", "rank", "term", "score", "count"]


def distinctive_terms(
    articles: pd.DataFrame,
    by: str = "article",
    n: int = 10,
    *,
    vectorizer: LemmaVectorizer | None = None,
) -> pd.DataFrame:
    """List the terms that set each article (or outlet) apart from the rest of the corpus.

    All the text of a group (one article, or every article of an outlet) is one document; a
    term's score is its TF-IDF weight in that document: frequent in the group, rare in the
    others.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles``.
    by : {"article", "outlet"}, default "article"
        The group. Articles without an outlet are grouped as ``"(unknown)"``.
    n : int, default 10
        Terms per group.
    vectorizer : LemmaVectorizer or None
        Its parameters are used; None: the defaults.

    Returns
    -------
    pandas.DataFrame
        One row per (group, term), sorted by ``group`` then ``rank``:

        - ``group`` (str): the article id or the outlet;
        - ``rank`` (int): 1 for the most distinctive;
        - ``term`` (str): the lemma (the most frequent spelling of a bridged term);
        - ``score`` (float): TF-IDF weight of the term in the group, 0–1;
        - ``count`` (int): occurrences of the term in the group.

    Raises
    ------
    ValueError
        When ``by`` is neither ``"article"`` nor ``"outlet"``.
    """
    if by not in ("article", "outlet"):
        raise ValueError(f"by must be 'article' or 'outlet', not {by!r}")
    units = split_units(articles, "paragraph")
    if by == "article":
        units["group"] = units["article"]
    else:
        outlet = articles.set_index("id")["outlet"]
        units["group"] = units["article"].map(outlet).fillna("(unknown)").astype(str)
    lemmas = [
        lemmatize(text, lang if isinstance(lang, str) else None)
        for text, lang in zip(units["text"], units["language"], strict=True)
    ]
    units["lemmas"] = lemmas
    grouped = units.groupby("group", sort=True)["lemmas"].sum()
    vec = clone(vectorizer) if vectorizer is not None else LemmaVectorizer()
    vec.set_params(char_ngrams=None)
    X = vec.fit_transform_lemmas(grouped.tolist())
    names = vec.get_feature_names_out()
    rows = []
    for g, group in enumerate(grouped.index):
        counts = pd.Series(vec._terms([grouped.iloc[g]])[0]).value_counts()
        row = X[g].tocoo()
        best = sorted(zip(row.data, row.col, strict=True), key=lambda p: (-p[0], names[p[1]]))
        for rank, (score, col) in enumerate(best[:n], start=1):
            rows.append((group, rank, str(vec.labels_[col]), round(float(score), 6),
                         int(counts.get(names[col], 0))))
    frame = pd.DataFrame(rows, columns=TERM_COLUMNS)
    return frame.astype({"rank": "int64", "score": "float64", "count": "int64"})
