"""Checks SPARQL passes before it reaches an engine: size, nesting depth, SERVICE (and LOAD).

Oxigraph's parser recurses on nested groups (and on runs of `!` and quoted triples `<< … >>`),
so a few kilobytes of `{` overflow its stack and end the process; SERVICE makes the engine fetch any URL (server-side request forgery), and so
does LOAD in an update. Both are refused here with a clear error, SERVICE unless asked for.

The text is read as the engine's lexer reads it: strings (with their escapes), comments up
to either line end, `\\`-escapes in prefixed names. One thing only the grammar decides: whether
`<` opens an IRI or compares (`FILTER(?a<1)#>`); every such `<` is read both ways, a word or an
opening bracket counts when any reading sees it, a closing bracket only when every reading does.
Keywords need no space before or after them (`1SERVICE<…>{` is a call), so none is assumed.

>>> check_query("SELECT * WHERE { ?s ?p ?o }")
>>> check_query("SELECT * WHERE " + "{" * 500 + "}" * 500)
Traceback (most recent call last):
...
kg.errors.QueryError: the query nests groups 500 deep; at most 64 are allowed
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import QueryError
from .nesting import bracket_depth

__all__ = ["check_query", "check_update", "read_sparql", "SparqlText", "MAX_QUERY_BYTES", "MAX_DEPTH"]

MAX_QUERY_BYTES = 1024 * 1024
MAX_DEPTH = 64

NESTING = re.compile(r"[{}()\[\]!]|<<|>>")
OPENING = {"{", "(", "[", "<<"}
STOP = re.compile(r"""[<"'#\\\r\n]""")  # where the lexer may change mode (or readings may meet: line ends)
IRI = re.compile(r'<[^<>"{}|^`\x00-\x20]*+>')  # Oxigraph also takes \u escapes inside: `\` is allowed
COMMENT = re.compile(r"#[^\r\n]*+")
STRINGS = {
    "'": (re.compile(r"'''(?:(?:''|')?+(?:[^'\\]|\\[\s\S]))*+'''"), re.compile(r"'(?:[^'\\\r\n]|\\[^\r\n])*+'")),
    '"': (re.compile(r'"""(?:(?:""|")?+(?:[^"\\]|\\[\s\S]))*+"""'), re.compile(r'"(?:[^"\\\r\n]|\\[^\r\n])*+"')),
}
# a variable (?service), a prefixed or blank-node name (ex:a-service) holds the word; anything else may not
INSIDE_A_NAME = re.compile(r"(?:[?$]\w*|:[\w-]*)\Z")
# what may follow SERVICE or LOAD in a call: SILENT, a variable, an IRI or a prefixed name (comments between)
CALL_FOLLOWS = re.compile(r"(?:\s|#[^\r\n]*)*+[<?$:\w]")
UPDATE = re.compile(r"^\s*(?:(?:PREFIX\s+[\w.-]*:|BASE)\s*)*(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
                    re.I)


@dataclass(frozen=True)
class SparqlText:
    """A query or update as the engine may read it: per character, whether some reading sees it
    (`seen`) and whether some reading hides it in a string, comment or IRI (`hidden`)."""
    text: str
    seen: bytearray
    hidden: bytearray

    def depth(self) -> int:
        """The nesting the parser meets, or at least half of it (a `!` before a bracket counts with it):
        brackets, quoted triples `<< >>` and runs of `!`, measured by kg.nesting."""
        marks, run, last_bang = [], 0, -1
        for found in NESTING.finditer(self.text):
            token, at, end = found.group(), found.start(), found.end()
            if token == "!" and self.seen[at]:
                if run and not self._between_is_blank(last_bang + 1, at):
                    marks.append(")" * run)
                    run = 0
                marks.append("(")
                run, last_bang = run + 1, at
            elif token in OPENING and all(self.seen[at:end]):
                marks.append("(")
            elif token not in OPENING and token != "!" and not any(self.hidden[at:end]):
                marks.append(")")
        return bracket_depth("".join(marks), "(", ")")

    def _between_is_blank(self, start: int, end: int) -> bool:
        """Whether a reading may see only spaces and `(` in text[start:end] (hiding the rest in comments,
        strings or IRIs): then `!` … `!` nest, as in `!(!x)`."""
        gap = self.text[start:end]
        return not gap.strip(" \t\r\n(") or \
            all(ch.isspace() or ch == "(" or self.hidden[start + i] for i, ch in enumerate(gap))

    def calls(self, word: str) -> bool:
        """Whether `word` (SERVICE, LOAD) may be read as a keyword followed by its target."""
        for found in re.finditer(re.escape(word), self.text, re.I):
            start, end = found.span()
            if all(self.seen[start:end]) and INSIDE_A_NAME.search(self.text, max(0, start - 256), start) is None \
                    and CALL_FOLLOWS.match(self.text, end):
                return True
        return False

    def certain(self) -> str:
        """The text every reading sees (the rest blanked)."""
        return "".join(" " if hidden else ch for ch, hidden in zip(self.text, self.hidden))


def read_sparql(text: str) -> SparqlText:
    """Lex `text` in every reading of `<`; readings that reach the same place go on as one."""
    seen, hidden = bytearray(len(text)), bytearray(len(text))
    todo: list[int] = [0]
    met: set[int] = set()
    while todo:
        _read_from(text, todo.pop(), seen, hidden, todo, met)
    return SparqlText(text, seen, hidden)


def _mark(mask: bytearray, start: int, end: int) -> None:
    end = min(end, len(mask))
    mask[start:end] = b"\x01" * (end - start)


def _read_from(text: str, pos: int, seen: bytearray, hidden: bytearray, todo: list, met: set) -> None:
    """One reading from `pos` until it ends or meets a place another reading has been."""
    while pos < len(text):
        stop = STOP.search(text, pos)
        at = stop.start() if stop else len(text)
        _mark(seen, pos, at)
        if stop is None or at in met:
            return
        met.add(at)
        ch = text[at]
        end = _token(text, at, ch) if ch in "<\"'#" else None
        if end is None:
            end = at + (2 if ch == "\\" else 1)
            _mark(seen, at, end)
        else:
            _mark(hidden, at, end)
            if ch == "<":  # or a comparison: read on from the next character as well
                seen[at] = 1
                todo.append(at + 1)
        pos = end


def _token(text: str, at: int, ch: str) -> int | None:
    """The end of the comment, string or IRI starting at `at`, or None when none starts there."""
    if ch == "#":
        return COMMENT.match(text, at).end()  # type: ignore[union-attr]
    if ch == "<":
        found = IRI.match(text, at)
    else:
        long, short = STRINGS[ch]
        found = long.match(text, at) or short.match(text, at)
    return found.end() if found else None


def _check_depth(read: SparqlText, what: str) -> None:
    depth = read.depth()
    if depth > MAX_DEPTH:
        raise QueryError(f"the {what} nests groups {depth} deep; at most {MAX_DEPTH} are allowed")


def check_query(sparql: str, allow_service: bool = False) -> None:
    """Raise `QueryError` for a query too large, nested too deep, or calling SERVICE (unless allowed)."""
    size = len(sparql.encode("utf-8", "surrogatepass"))
    if size > MAX_QUERY_BYTES:
        raise QueryError(f"the query is {size} bytes; at most {MAX_QUERY_BYTES} are allowed")
    read = read_sparql(sparql)
    _check_depth(read, "query")
    update = UPDATE.match(read.certain())
    if update:
        raise QueryError(f"this is a SPARQL update ({update.group(1).upper()} …), and queries only read; change "
                         "the store with `kg ingest` or `kg remove`, or send updates to `kg serve --writable`")
    if not allow_service and read.calls("SERVICE"):
        raise QueryError("the query calls SERVICE, which fetches data from other servers; "
                         "it is off unless asked for (--allow-service)")


def check_update(sparql: str, allow_service: bool = False) -> None:
    """Raise `QueryError` for an update nested too deep, or fetching with SERVICE or LOAD (unless allowed)."""
    read = read_sparql(sparql)
    _check_depth(read, "update")
    for word in ("SERVICE", "LOAD"):
        if not allow_service and read.calls(word):
            raise QueryError(f"the update calls {word}, which fetches data from other servers; "
                             "it is off unless asked for (--allow-service)")
