"""Stage 5, findings: what the articles share, what they are about, and when.

* similarity: ``similarity`` (the article matrix, nearest articles, the one neighbour search) →
  ``passages`` (similar pairs, two articles aligned, near-duplicates) · ``terms`` (distinctive
  terms);
* topics: ``topicunits`` (lemmatized paragraphs) → ``topicmeasures`` (coherence, stability,
  coverage, agreement) → ``topicfit`` (NMF/LDA, choosing k) → ``topiclabels`` (labels and the
  tables) → ``topics`` (:class:`TopicModel`, :func:`fit_topics`);
* dated events: ``events`` (dated mentions and their descriptions) → ``reconcile`` (one event
  across articles, the dates they disagree on) → ``corpusevents`` (the same on an index, in
  blocks of days) · ``publication`` (when an undated article was written) · ``timeline``
  (statements and events in one table);
* echoes: ``echopassages`` (paragraphs carried by two articles) · ``echodrift`` (how a
  quotation changed) → ``echoes`` (who carried a statement or passage first, who followed) →
  ``echosummary`` (outlet by outlet, statement by statement).
"""

from presslens.findings.echodrift import drift_table
from presslens.findings.echoes import echoes
from presslens.findings.echosummary import carriers, echo_summary
from presslens.findings.events import events
from presslens.findings.passages import align_passages, near_duplicates, similar_pairs
from presslens.findings.publication import publication_window
from presslens.findings.reconcile import reconcile_events
from presslens.findings.similarity import (
    article_matrix,
    nearest_articles,
    shared_terms,
    top_neighbors,
)
from presslens.findings.terms import distinctive_terms
from presslens.findings.timeline import timeline
from presslens.findings.topicfit import select_k
from presslens.findings.topicmeasures import topic_agreement
from presslens.findings.topics import TopicModel, fit_topics
from presslens.findings.topicunits import topic_units

__all__ = ["TopicModel", "align_passages", "article_matrix", "carriers", "distinctive_terms",
           "drift_table", "echo_summary", "echoes", "events", "fit_topics", "near_duplicates",
           "nearest_articles", "publication_window", "reconcile_events", "select_k",
           "shared_terms", "similar_pairs", "timeline", "top_neighbors", "topic_agreement",
           "topic_units"]
