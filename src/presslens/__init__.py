"""presslens: explore Russian and Ukrainian news coverage in notebooks.

The flow runs one way, one module per stage::

    load -> clean -> nlp -> vectorize -> similarity / topics / statements + dates
         -> timeline -> plots

Import what a notebook needs from the stage modules, e.g.
``from presslens.load import load_corpus``.
"""

__version__ = "0.1.0"
