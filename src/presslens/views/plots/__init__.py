"""Figures for the notebooks, one module per analysis (corpus, similarity, topics, timeline).

Every figure has a title and axis labels in English, renders Cyrillic data with DejaVu Sans,
and reads well at notebook width.
"""
