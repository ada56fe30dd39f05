"""How deep text nests in brackets: the one measure behind the guards on SPARQL queries
(kg.query_guard) and on YAML front matter (kg.sources), whose parsers overflow or slow down
on deep nesting.

>>> bracket_depth("{ ?s ?p [ ?o ] }", "{[", "}]"), bracket_depth("a] [b", "[", "]")
(2, 1)
"""
from __future__ import annotations

__all__ = ["bracket_depth"]


def bracket_depth(text: str, opening: str, closing: str) -> int:
    """The deepest nesting of the `opening` brackets (a closing one before any opening counts for nothing)."""
    depth = deepest = 0
    for ch in text:
        if ch in opening:
            depth += 1
            deepest = max(deepest, depth)
        elif ch in closing:
            depth = max(0, depth - 1)
    return deepest
