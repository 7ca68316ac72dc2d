"""The units of topic modelling: lemmatized paragraphs, without the words every story uses.

Units are the paragraphs of the clean text (:func:`presslens.corpus.paragraphs`), reduced to
their content lemmas (:func:`presslens.text.lemmatize`) minus the words every story uses
(reporting verbs, calendar words: ``resources/topics_stopwords.txt``); paragraphs with fewer
than ``min_lemmas`` lemmas ("Реклама", a dateline) are left out.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from presslens.corpus import paragraphs
from presslens.lexicon import read_words
from presslens.text import bridge_form, lemmatize, normalize_word

__all__ = ["PLACE_COLUMNS", "UNIT_COLUMNS", "topic_stop_words", "topic_units"]

#: Where a unit is: its paragraph, its offsets, and its article's outlet, date and language.
PLACE_COLUMNS = ["article", "paragraph", "start", "end", "outlet", "published", "language"]
#: Columns of :func:`topic_units`.
UNIT_COLUMNS = [*PLACE_COLUMNS, "text", "lemmas"]


@lru_cache(maxsize=1)
def topic_stop_words() -> frozenset[str]:
    """Return the lemmas left out of topic models (reporting verbs, calendar words), bridged.

    Returns
    -------
    frozenset of str
        The entries of ``resources/topics_stopwords.txt`` written with
        :func:`presslens.text.bridge_form`, so they match both languages.
    """
    words = {bridge_form(normalize_word(line)) for line in read_words("topics_stopwords.txt")}
    return frozenset(words)


def topic_units(articles: pd.DataFrame, min_lemmas: int = 3) -> pd.DataFrame:
    """Turn articles into the units of topic modelling: lemmatized paragraphs.

    Parameters
    ----------
    articles : pandas.DataFrame
        ``Corpus.articles`` (needs ``id``, ``text``, ``language``; ``outlet``, ``published``
        and ``lines`` are used when present).
    min_lemmas : int, default 3
        Paragraphs with fewer content lemmas are left out.

    Returns
    -------
    pandas.DataFrame
        One row per kept paragraph, sorted by article and paragraph, with columns:

        - ``article`` (str): the article id;
        - ``paragraph`` (int): 0-based index of the paragraph in the article;
        - ``start``, ``end`` (int): offsets into the article's clean ``text``;
        - ``outlet`` (str or None): the article's outlet;
        - ``published`` (datetime64): the article's date, NaT when unknown;
        - ``language`` (str or None): the paragraph's language, ``"ru"``/``"uk"``;
        - ``text`` (str): the paragraph;
        - ``lemmas`` (list of str): its content lemmas, in order.

    Examples
    --------
    >>> import pandas as pd
    >>> arts = pd.DataFrame({"id": ["a"], "language": ["ru"],
    ...                      "text": ["Реклама\\nСанкции против банков вступили в силу."]})
    >>> topic_units(arts)[["paragraph", "lemmas"]].to_dict("records")
    [{'paragraph': 1, 'lemmas': ['санкция', 'банк', 'вступить', 'сила']}]
    """
    paras = paragraphs(articles)
    meta = pd.DataFrame(
        {
            "article": articles["id"].astype(str),
            "outlet": articles["outlet"] if "outlet" in articles else None,
            "published": pd.to_datetime(articles["published"])
            if "published" in articles
            else pd.NaT,
        }
    )
    meta["outlet"] = meta["outlet"].astype(object).where(meta["outlet"].notna(), None)
    units = paras.merge(meta, on="article", how="left")
    stop = topic_stop_words()
    units["lemmas"] = [
        [lem for lem in lemmatize(text, language) if bridge_form(lem) not in stop]
        for text, language in zip(units["text"], units["language"], strict=True)
    ]
    units = units[units["lemmas"].map(len) >= min_lemmas]
    units = units.sort_values(["article", "paragraph"], kind="stable").reset_index(drop=True)
    units["published"] = pd.to_datetime(units["published"])
    units["language"] = units["language"].astype(object).where(units["language"].notna(), None)
    return units[UNIT_COLUMNS].astype({"paragraph": "int64", "start": "int64", "end": "int64"})
