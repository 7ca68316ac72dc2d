"""``presslens similar DIR``: the most similar articles, paragraphs or sentences of a corpus."""

from __future__ import annotations

import argparse

from presslens.commands._common import (
    add_command,
    fail,
    linked_index,
    load_or_fail,
    write_frame,
)

ARTICLE_COLUMNS = ["a", "b", "score", "terms"]
PASSAGE_COLUMNS = ["a", "a_index", "a_text", "b", "b_index", "b_text", "score", "terms"]


def run(args: argparse.Namespace) -> int:
    """Print the most similar pairs of units from different articles."""
    from presslens.findings import similar_pairs

    if args.top < 1:
        return fail("--top must be at least 1")
    index = linked_index(args.corpus, "neighbors")
    stored_k = index.manifest["neighbors"]["k"] if index is not None else 0
    if args.level == "article" and args.top <= stored_k:
        try:  # the index's neighbours and TF-IDF matrix: nothing is computed again
            pairs = stored_article_pairs(index, args.top, args.min_score)
        except ValueError as exc:
            return fail(str(exc))
        write_frame(pairs[ARTICLE_COLUMNS], args.format)
        return 0
    corpus, code = load_or_fail(args.corpus)
    if corpus is None:
        return code
    try:
        pairs = similar_pairs(
            corpus.articles, level=args.level, k=args.top, min_score=args.min_score
        )
    except ValueError as exc:  # e.g. no article has a content word
        return fail(f"cannot compare the articles of {args.corpus}: {exc}")
    columns = ARTICLE_COLUMNS if args.level == "article" else PASSAGE_COLUMNS
    write_frame(pairs[columns], args.format)
    return 0


def stored_article_pairs(index, top: int, min_score: float, n_terms: int = 5):
    """The pairs ``similar_pairs(level="article")`` gives, from an index's tables."""
    import pandas as pd

    from presslens.findings.similarity import shared_terms

    nb = index.table("neighbors")
    nb = nb[(nb["rank"] <= top) & (nb["score"] > min_score)]
    best: dict[tuple[int, int], float] = {}
    for i, j, score in zip(nb["row"], nb["neighbor_row"], nb["score"], strict=True):
        key = (int(min(i, j)), int(max(i, j)))
        best[key] = max(score, best.get(key, 0.0))
    X = index.tfidf()
    labels = index.table("vocabulary")["label"].to_numpy()
    ids = index.articles(["id"])["id"].tolist()
    rows = [(ids[i], ids[j], round(float(s), 6), shared_terms(X, i, j, labels, n_terms))
            for (i, j), s in best.items()]
    frame = pd.DataFrame(rows, columns=["a", "b", "score", "terms"])
    frame["score"] = frame["score"].astype("float64")
    return frame.sort_values(["score", "a", "b"], ascending=[False, True, True],
                             kind="stable").reset_index(drop=True)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``similar`` sub-command."""
    parser = add_command(
        subparsers,
        "similar",
        run,
        help="list the most similar articles, paragraphs or sentences across articles",
        description=(
            "Compare the units of DIR (articles, paragraphs or sentences) by the cosine "
            "similarity of their lemma TF-IDF vectors, Russian and Ukrainian bridged, and print "
            "each unit's --top nearest units of other articles as pairs, highest score first: "
            "a, b (article ids), score (0-1) and terms (the shared lemmas that weigh most). "
            "At paragraph and sentence level a and b come with a_index/b_index (the unit's "
            "0-based index in its article) and a_text/b_text. Given an INDEX at article level "
            "(and --top no larger than its K), the pairs come from its stored neighbours."
        ),
    )
    parser.add_argument(
        "--level",
        choices=("article", "paragraph", "sentence"),
        default="article",
        help="the unit compared (default: article)",
    )
    parser.add_argument(
        "--top",
        metavar="K",
        type=int,
        default=3,
        help="nearest units kept per unit (default: 3)",
    )
    parser.add_argument(
        "--min-score",
        type=float,
        default=0.1,
        help="leave out pairs scoring at or below this (default: 0.1)",
    )
