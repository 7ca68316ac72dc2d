"""Stage 4, statements: who said what, and the same utterance across articles.

``wordlists`` (role nouns, media names) → ``quotes`` (quotation marks and sentences) →
``names`` (surname keys, Latin names) → ``speakers`` (people named in the text) → ``roles``
(role phrases) → ``cues`` (reporting verbs) → ``context`` (an article's people and roles) →
``attribution`` (the speaker of an attribution clause) → ``paragraph`` (what the rules read and
make) → ``after``, ``direct``, ``dashes``, ``indirect`` (the rules) → ``reported`` (the walk
over an article's paragraphs) → ``registry`` (one canonical speaker across articles) →
``linking`` and ``corpuslink`` (the same utterance in memory and on an index) → ``saidon``
(the day each was said) → ``extract`` (the table).
"""

from presslens.statements.extract import STATEMENT_COLUMNS, finish_statements, statements

__all__ = ["STATEMENT_COLUMNS", "finish_statements", "statements"]
