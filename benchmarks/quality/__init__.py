"""Real-text quality: presslens measured on real articles labelled by hand.

``python -m benchmarks.quality GOLD TEXTS_DIR`` loads the texts named by the gold file (see
``LABELLING.md``), runs the functions the CLI runs (``load_corpus``, ``statements``, ``events``)
and prints recall, precision, speaker, said-on, event-date, boilerplate, body and cross-language
figures, broken down by pattern, with the misses listed; beside them, the same figures for a peer
assembled from natasha and direct-speech-extractor-ru when that extra is installed.
"""
