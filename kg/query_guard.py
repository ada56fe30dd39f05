"""Checks a SPARQL query passes before it reaches an engine: size, nesting depth, SERVICE.

Oxigraph's parser recurses on nested groups, so a few kilobytes of `{` overflow its stack and
end the process; SERVICE makes the engine fetch any URL (server-side request forgery). Both are
refused here with a clear error, SERVICE unless the caller asks for it.

>>> check_query("SELECT * WHERE { ?s ?p ?o }")
>>> check_query("SELECT * WHERE " + "{" * 500 + "}" * 500)
Traceback (most recent call last):
...
kg.errors.QueryError: the query nests groups 500 deep; at most 64 are allowed
"""
from __future__ import annotations

import re

from .errors import QueryError
from .nesting import bracket_depth

__all__ = ["check_query", "MAX_QUERY_BYTES", "MAX_DEPTH"]

MAX_QUERY_BYTES = 1024 * 1024
MAX_DEPTH = 64
STRINGS_AND_COMMENTS = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|'
                                  r"<[^<>\"{}|^`\\\s]*>|#[^\n]*")
SERVICE = re.compile(r"\bSERVICE\b", re.I)
# applied to the text without IRIs, strings and comments: each PREFIX or BASE is one keyword and a name
UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+[\w.-]*:|BASE)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
                    re.I)


def check_query(sparql: str, allow_service: bool = False) -> None:
    """Raise `QueryError` for a query too large, nested too deep, or calling SERVICE (unless allowed)."""
    size = len(sparql.encode("utf-8", "surrogatepass"))
    if size > MAX_QUERY_BYTES:
        raise QueryError(f"the query is {size} bytes; at most {MAX_QUERY_BYTES} are allowed")
    bare = STRINGS_AND_COMMENTS.sub(" ", sparql)
    depth = bracket_depth(bare, "{([", "})]")
    if depth > MAX_DEPTH:
        raise QueryError(f"the query nests groups {depth} deep; at most {MAX_DEPTH} are allowed")
    update = UPDATE.match(bare)
    if update:
        raise QueryError(f"this is a SPARQL update ({update.group(1).upper()} …), and queries only read; change "
                         "the store with `kg ingest` or `kg remove`, or send updates to `kg serve --writable`")
    if not allow_service and SERVICE.search(bare):
        raise QueryError("the query calls SERVICE, which fetches data from other servers; "
                         "it is off unless asked for (--allow-service)")
