"""Stage 4, statements: who said what, and the same utterance across articles.

``quotes`` (quotation marks and sentences) → ``speakers`` (people, roles, names) →
``attribution`` (a reporting verb and its speaker around a quotation) → ``reported`` (direct
and indirect speech) → ``registry`` (one canonical speaker across articles) → ``linking`` and
``corpuslink`` (the same utterance in memory and on an index) → ``extract`` (the table).
"""

from presslens.statements.extract import STATEMENT_COLUMNS, finish_statements, statements

__all__ = ["STATEMENT_COLUMNS", "finish_statements", "statements"]
