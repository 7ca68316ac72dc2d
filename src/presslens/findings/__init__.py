"""Stage 5, findings: what the articles share, what they are about, and when.

``similarity`` (articles and passages alike, neighbours) · ``topics`` (NMF topics) ·
``timeline`` (dated events, their reconciliation, the timeline) and ``corpusevents`` (the same
on an index) · ``echoes`` (who carried a statement or passage first, who followed).
"""

from presslens.findings.echoes import carriers, drift_table, echo_summary, echoes
from presslens.findings.similarity import (
    align_passages,
    article_matrix,
    distinctive_terms,
    near_duplicates,
    nearest_articles,
    shared_terms,
    similar_pairs,
    top_neighbors,
)
from presslens.findings.timeline import events, publication_window, reconcile_events, timeline
from presslens.findings.topics import TopicModel, fit_topics, select_k, topic_agreement, topic_units

__all__ = ["TopicModel", "align_passages", "article_matrix", "carriers", "distinctive_terms",
           "drift_table", "echo_summary", "echoes", "events", "fit_topics", "near_duplicates",
           "nearest_articles", "publication_window", "reconcile_events", "select_k",
           "shared_terms", "similar_pairs", "timeline", "top_neighbors", "topic_agreement",
           "topic_units"]
