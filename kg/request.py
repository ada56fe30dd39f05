"""Reading a request to `kg serve` as the HTTP and SPARQL 1.1 protocols define it, once.

The request target (the path as sent, the query string decoded), media types (any case, with
parameters), forms and percent-encoding, the protocol parameters (`query`, `update`, the graph
URIs, the Graph Store's `graph` and `default`). kg.guard checks what this returns and builds
the engine's request from it, so the engine never reads the client's bytes in its own way.

>>> read_target("/query?query=ASK%7B%7D&default-graph-uri=urn%3Ag")
Target(path='/query', params=(('query', 'ASK{}'), ('default-graph-uri', 'urn:g')))
>>> read_media_type("Application/X-WWW-Form-URLEncoded ; Charset=\\"UTF-8\\"")
MediaType(name='application/x-www-form-urlencoded', params=(('charset', 'UTF-8'),))
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from .errors import KgError

__all__ = ["RequestError", "Head", "Target", "MediaType", "Query", "Update", "GraphStore", "Page", "Operation",
           "read_target", "read_media_type", "read_form", "read_protocol", "read_graph_store"]

MAX_FIELDS = 1000
TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
MEDIA_TYPE = re.compile(rf"[ \t]*({TOKEN}/{TOKEN})[ \t]*")
PARAMETER = re.compile(rf';[ \t]*(?:({TOKEN})=({TOKEN}|"(?:[^"\\]|\\.)*"))?[ \t]*')
BAD_PERCENT = re.compile(rb"%(?![0-9A-Fa-f]{2})")
TARGET = re.compile(r"/[\x21-\x22\x24-\x7e]*")  # printable ASCII but `#`; no scheme, no authority
FORM = "application/x-www-form-urlencoded"
BODY_TYPES = {"query": "application/sparql-query", "update": "application/sparql-update"}


class RequestError(KgError):
    """A request refused: `status` is the HTTP status to answer, the message says what to change."""

    def __init__(self, status: int, message: str, headers: tuple[tuple[str, str], ...] = ()):
        self.status, self.message, self.headers = status, message, headers
        super().__init__(message)


@dataclass(frozen=True)
class Head:
    """The request line and headers, as received."""
    method: str
    target: str
    headers: tuple[tuple[str, str], ...] = ()

    def header(self, name: str) -> str | None:
        """The one value of header `name`, None when absent; a repeated header is refused."""
        values = [v for k, v in self.headers if k.lower() == name.lower()]
        if len(values) > 1:
            raise RequestError(400, f"the header {name} is given {len(values)} times; give it once")
        return values[0].strip() if values else None


@dataclass(frozen=True)
class Target:
    """The path exactly as sent (never decoded: routes match it literally) and the decoded parameters."""
    path: str
    params: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class MediaType:
    """A media type, lower case, with its parameters (names lower case)."""
    name: str
    params: tuple[tuple[str, str], ...]

    def charset_ok(self) -> bool:
        return all(v.lower() == "utf-8" for k, v in self.params if k == "charset")


@dataclass(frozen=True)
class Query:
    """A SPARQL query and its dataset (SPARQL 1.1 Protocol, query operation); graph IRIs sorted, once each."""
    text: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Update:
    """A SPARQL update and its USING graphs (SPARQL 1.1 Protocol, update operation)."""
    text: str
    using_graphs: tuple[str, ...] = ()
    using_named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class GraphStore:
    """A Graph Store Protocol request: the whole dataset, one named graph or the default graph."""
    method: str
    graph: str | None = None
    default: bool = False
    media_type: str | None = None
    body: bytes = b""

    @property
    def writes(self) -> bool:
        return self.method in {"PUT", "POST", "DELETE"}


@dataclass(frozen=True)
class Page:
    """The query page or one of its files."""
    method: str
    path: str


Operation = Query | Update | GraphStore | Page


def read_target(target: str) -> Target:
    """The origin-form request target: its path as sent and its decoded query parameters."""
    if not TARGET.fullmatch(target):
        raise RequestError(400, "the request target must be a path from / in printable ASCII, without a fragment")
    path, _, query = target.partition("?")
    return Target(path, read_form(query.encode("ascii"), "the URL's query string"))


def read_form(encoded: bytes, where: str) -> tuple[tuple[str, str], ...]:
    """Name-value pairs of application/x-www-form-urlencoded text (`+` is a space; UTF-8 percent-encoding)."""
    pieces = [p for p in encoded.split(b"&") if p]
    if len(pieces) > MAX_FIELDS:
        raise RequestError(400, f"{where} has {len(pieces)} parameters; at most {MAX_FIELDS} are read")
    if BAD_PERCENT.search(encoded):
        raise RequestError(400, f"{where} has a '%' not followed by two hexadecimal digits; encode '%' as %25")
    try:
        return tuple((_unquote(name), _unquote(value)) for name, _, value in (p.partition(b"=") for p in pieces))
    except UnicodeDecodeError:
        raise RequestError(400, f"{where} is not UTF-8 once percent-decoded") from None


def _unquote(text: bytes) -> str:
    return unquote_to_bytes(text.replace(b"+", b" ")).decode("utf-8")


def read_media_type(value: str | None) -> MediaType:
    """`type/subtype; name=value …` (RFC 9110), any case, values quoted or not."""
    found = MEDIA_TYPE.match(value or "")
    if found is None:
        raise RequestError(415, f"the Content-Type {value!r} is not a media type; send e.g. {BODY_TYPES['query']}")
    params, pos = [], found.end()
    while pos < len(value or ""):
        param = PARAMETER.match(value or "", pos)
        if param is None:
            raise RequestError(415, f"the Content-Type {value!r} has a malformed parameter")
        if param.group(1):
            raw = param.group(2)
            params.append((param.group(1).lower(), re.sub(r"\\(.)", r"\1", raw[1:-1]) if raw[0] == '"' else raw))
        pos = param.end()
    return MediaType(found.group(1).lower(), tuple(params))


def read_protocol(head: Head, target: Target, body: bytes, kinds: frozenset[str]) -> Query | Update:
    """The query or update of a SPARQL 1.1 Protocol request (GET, form POST or direct POST), of one of `kinds`."""
    params = list(target.params)
    if head.method == "POST":
        media = read_media_type(head.header("Content-Type"))
        if not media.charset_ok():
            raise RequestError(415, "the request body must be UTF-8 (charset=utf-8)")
        direct = {v: k for k, v in BODY_TYPES.items() if k in kinds}.get(media.name)
        if media.name == FORM:
            params += read_form(body, "the form")
        elif direct:
            params.append((direct, _utf8(body)))
        else:
            takes = " or ".join([BODY_TYPES[k] for k in sorted(kinds)] + [FORM])
            raise RequestError(415, f"a POST here takes {takes}, not {media.name}")
    return _operation(head.method, params, kinds)


def _operation(method: str, params: list[tuple[str, str]], kinds: frozenset[str]) -> Query | Update:
    values = {k: [v for name, v in params if name == k] for k in ("query", "update")}
    given = [k for k, v in values.items() if v]
    if len(given) != 1 or given[0] not in kinds:
        wanted = " or ".join(f"'{k}'" for k in sorted(kinds))
        raise RequestError(400, f"the request must carry one {wanted} parameter (it has {given or 'none'})")
    kind = given[0]
    if kind == "update" and method != "POST":
        raise RequestError(400, "an update is sent with POST (a form or application/sparql-update), never GET")
    if len(values[kind]) > 1:
        raise RequestError(400, f"the request gives the '{kind}' parameter {len(values[kind])} times; give it once")
    graphs = {k: tuple(sorted({v for name, v in params if name == k})) for k in  # a dataset is a set
              ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")}
    if kind == "query":
        return Query(values["query"][0], graphs["default-graph-uri"], graphs["named-graph-uri"])
    return Update(values["update"][0], graphs["using-graph-uri"], graphs["using-named-graph-uri"])


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise RequestError(400, "the request body is not UTF-8") from None


def read_graph_store(head: Head, target: Target, body: bytes) -> GraphStore:
    """The Graph Store Protocol request on /store: `graph=IRI`, `default`, or neither (the whole dataset)."""
    graph = [v for k, v in target.params if k == "graph"]
    default = [v for k, v in target.params if k == "default"]
    if len(graph) + len(default) > 1:
        raise RequestError(400, "give one 'graph' parameter or one 'default' parameter, not both nor twice")
    if head.method not in {"PUT", "POST"}:
        return GraphStore(head.method, graph[0] if graph else None, bool(default))
    media = read_media_type(head.header("Content-Type"))
    if not media.charset_ok():
        raise RequestError(415, "the request body must be UTF-8 (charset=utf-8)")
    return GraphStore(head.method, graph[0] if graph else None, bool(default), media.name, body)
