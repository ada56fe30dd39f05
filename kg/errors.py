"""Errors of the kg library; each message says what to fix.

The CLI turns every `KgError` into a clean exit with its message.
"""

__all__ = ["KgError", "SourceError", "LexiconError", "StoreError", "QueryError", "ExportError", "FetchError",
           "RobotsRefused"]


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


class FetchError(KgError):
    """A web page could not be fetched, or may not be; the message names the URL and the problem."""

    def __init__(self, url: str, problem: str, transient: bool = False):
        self.url, self.problem, self.transient = url, problem, transient
        super().__init__(f"{url}: {problem}")


class RobotsRefused(FetchError):
    """The site's robots.txt forbids fetching the URL."""

    def __init__(self, url: str):
        super().__init__(url, "refused by robots.txt")
