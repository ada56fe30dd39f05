"""Errors of the kg library; each message says what to fix.

The CLI turns every `KgError` into a clean exit with its message.
"""

__all__ = ["KgError", "SourceError", "LexiconError", "StoreError", "QueryError", "ExportError"]


class KgError(Exception):
    """Base of every error the library raises on purpose."""


class SourceError(KgError):
    """An article file could not be read; the message names the file and the problem."""

    def __init__(self, path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class LexiconError(KgError):
    """A lexicon file in data/ is missing or malformed."""


class StoreError(KgError):
    """The store cannot be opened, read or written."""


class QueryError(KgError):
    """A SPARQL query is malformed or cannot be run."""


class ExportError(KgError):
    """An export format or destination is not usable."""
