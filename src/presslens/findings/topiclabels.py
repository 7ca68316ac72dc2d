"""What a fitted topic model says, as tables: labels, top terms, shares, representative paragraphs.

**Labels** are the top lemmas written in their most frequent surface form in the corpus
(нато → НАТО, санкция → санкций). Each table function takes a fitted
:class:`presslens.findings.TopicModel` and is documented on the method of the same name.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from presslens.findings.topicfit import Features
from presslens.findings.topicmeasures import top_indices
from presslens.findings.topicunits import PLACE_COLUMNS
from presslens.text import lemma, sentences, tokenize

if TYPE_CHECKING:
    from presslens.findings.topics import TopicModel

__all__ = ["REPRESENTATIVE_COLUMNS", "document_topics", "representative", "shares",
           "summary", "surface_forms", "top_terms", "topic_labels"]

Grouping = Literal["outlet", "date", "article", "language"]

#: Columns of :meth:`presslens.findings.TopicModel.representative`.
REPRESENTATIVE_COLUMNS = ["topic", "label", "rank", *PLACE_COLUMNS, "weight", "text"]


# --------------------------------------------------------------------------- labels


def surface_forms(units: pd.DataFrame, features: Features) -> dict[str, str]:
    """Map each feature to its most frequent surface form in the units.

    Forms are counted case-blind, and forms seen inside a sentence come first, so a capital
    that only opens a sentence does not make the label (Санкции → санкций); the spelling shown
    is the most frequent one inside sentences (НАТО, Столтенберг).
    """
    known = set(features.terms.tolist())
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    inside: dict[str, Counter[str]] = defaultdict(Counter)
    opening: dict[str, Counter[str]] = defaultdict(Counter)
    for text, language in zip(units["text"], units["language"], strict=True):
        starts = set(sentences(text)["start"].tolist()) | {0}
        for tok in tokenize(text):
            if sum(ch.isalpha() for ch in tok.text) < 2:
                continue
            initial = tok.start in starts
            term = features.feature(lemma(tok.text, language, sentence_start=initial))
            if term not in known:
                continue
            key = tok.text.lower()
            counts[term][key] += 1
            (opening if initial else inside)[key][tok.text] += 1
    out = {}
    for term, forms in counts.items():
        # the most frequent form among those seen inside a sentence, if any
        key = sorted(forms.items(), key=lambda item: (not inside[item[0]], -item[1], item[0]))[0][0]
        out[term] = _most_frequent(inside[key] or opening[key])
    return out


def _most_frequent(counter: Counter[str]) -> str:
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))[0][0]


def _surface(model: TopicModel, column: int) -> str:
    """The surface form of the term of ``column``."""
    term = model.terms_[column]
    return model.surface_.get(term, term)


def topic_labels(model: TopicModel) -> list[str]:
    """Return one label per topic: its three top terms in their usual surface form."""
    return [" · ".join(_surface(model, i) for i in idx)
            for idx in top_indices(model.components_, 3)]


# --------------------------------------------------------------------------- tables


def top_terms(model: TopicModel, n: int | None = None) -> pd.DataFrame:
    """The table of :meth:`presslens.findings.TopicModel.top_terms`."""
    rows = []
    for t, idx in enumerate(top_indices(model.components_, n or model.n_top)):
        total = float(model.components_[t].sum()) or 1.0
        for rank, col in enumerate(idx, start=1):
            rows.append(
                (
                    t + 1,
                    model.labels_[t],
                    rank,
                    str(model.features_.lemmas[col]),
                    _surface(model, col),
                    float(model.components_[t, col]) / total,
                )
            )
    return pd.DataFrame(rows, columns=["topic", "label", "rank", "term", "form", "weight"])


def document_topics(model: TopicModel) -> pd.DataFrame:
    """The table of :meth:`presslens.findings.TopicModel.document_topics`."""
    base = model.units_[PLACE_COLUMNS]
    k = model.n_topics
    frame = base.loc[base.index.repeat(k)].reset_index(drop=True)
    frame["topic"] = np.tile(np.arange(1, k + 1), len(base))
    frame["label"] = [model.labels_[t - 1] for t in frame["topic"]]
    frame["weight"] = model.weights_.reshape(-1)
    return frame.sort_values(["article", "paragraph", "topic"], kind="stable").reset_index(
        drop=True
    )


def summary(model: TopicModel) -> pd.DataFrame:
    """The table of :meth:`presslens.findings.TopicModel.summary`."""
    k = model.n_topics
    has_weight = model.weights_.sum(axis=1) > 0
    main = model.weights_.argmax(axis=1)
    total = float(model.weights_.sum()) or 1.0
    rows = []
    for t, idx in enumerate(top_indices(model.components_, model.n_top)):
        rows.append(
            (
                k,
                t + 1,
                model.labels_[t],
                ", ".join(_surface(model, c) for c in idx),
                float(model.weights_[:, t].sum()) / total,
                int(((main == t) & has_weight).sum()),
            )
        )
    return pd.DataFrame(rows, columns=["k", "topic", "label", "terms", "share", "paragraphs"])


def shares(model: TopicModel, by: Grouping = "outlet") -> pd.DataFrame:
    """The table of :meth:`presslens.findings.TopicModel.shares`."""
    column = {"outlet": "outlet", "date": "published", "article": "article"}.get(by, by)
    if column not in ("outlet", "published", "article", "language"):
        raise ValueError(f"cannot group topic shares by {by!r}")
    keep = model.weights_.sum(axis=1) > 0
    keys = model.units_.loc[keep, column]
    if by == "date":
        keys = pd.to_datetime(keys).dt.normalize()
    wide = pd.DataFrame(model.weights_[keep], columns=range(1, model.n_topics + 1))
    wide[by] = keys.to_numpy()
    grouped = wide.groupby(by, dropna=False, sort=True)
    table = grouped.mean().join(grouped.size().rename("paragraphs")).reset_index()
    long = table.melt(id_vars=[by, "paragraphs"], var_name="topic", value_name="share")
    long = long.astype({"topic": "int64", "paragraphs": "int64"})
    long["label"] = [model.labels_[t - 1] for t in long["topic"]]
    long = long.sort_values([by, "topic"], kind="stable", na_position="last")
    return long[[by, "topic", "label", "share", "paragraphs"]].reset_index(drop=True)


def representative(model: TopicModel, n: int = 3) -> pd.DataFrame:
    """The table of :meth:`presslens.findings.TopicModel.representative`."""
    raw = model.features_.tfidf @ model.components_.T if model.method == "nmf" else None
    units = model.units_
    rows = []
    for t in range(model.n_topics):
        share = model.weights_[:, t]
        density = np.asarray(raw[:, t]).ravel() if raw is not None else share
        for rank, r in enumerate(_ranked(units, share, density)[:n], start=1):
            u = units.loc[r]
            place = (u["article"], int(u["paragraph"]), int(u["start"]), int(u["end"]),
                     u["outlet"], u["published"], u["language"])
            rows.append((t + 1, model.labels_[t], rank, *place, float(share[r]), u["text"]))
    frame = pd.DataFrame(rows, columns=REPRESENTATIVE_COLUMNS)
    frame["published"] = pd.to_datetime(frame["published"])
    return frame


def _ranked(units: pd.DataFrame, share: np.ndarray, density: np.ndarray) -> list:
    """The rows with weight, by share, then density, then article and paragraph."""
    return sorted(
        np.flatnonzero(share > 0),
        key=lambda r: (
            -round(float(share[r]), 9),
            -round(float(density[r]), 9),
            units.at[r, "article"],
            int(units.at[r, "paragraph"]),
        ),
    )
