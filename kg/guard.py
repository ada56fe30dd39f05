"""The HTTP front of `kg serve`: each request is read once, checked, and rebuilt for Oxigraph.

- The Host header must name this server (a page on another site that rebinds its DNS name to
  127.0.0.1 sends its own name), and a request from another web page's Origin is refused
  (no cross-site forms): 403.
- Only known routes pass: GET|HEAD of the query page and its files, GET|POST /query and
  /sparql (the page's endpoint), POST /update, the Graph Store protocol on exactly /store.
  Paths match as sent, never decoded: another path is 404, another method 405.
- Writes (SPARQL Update, Graph Store PUT/POST/DELETE) need `Authorization: Bearer <token>`, a
  secret a web page cannot guess, and are refused altogether on a read-only server.
- The request is decoded once (kg.request), its query or update checked for size, nesting and
  SERVICE or LOAD (kg.query_guard), and the engine is sent a new request built from the checked
  values (`EngineRequest`): never the client's path, parameters or body.
- While the engine is down (kg.server restarts it) the answer is 503 with Retry-After.
"""
from __future__ import annotations

import hmac
import http.client
import json
import re
import sys
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Protocol
from urllib.parse import quote

from .errors import QueryError
from .query_guard import MAX_QUERY_BYTES, check_query, check_update
from .request import (GraphStore, Head, Operation, Page, Query, RequestError, Target, Update, read_graph_store,
                      read_protocol, read_target)

__all__ = ["GuardSettings", "EngineRequest", "EngineHandle", "admit", "decide", "make_guard", "ROUTES"]

MAX_BODY = 256 * 1024 * 1024  # an update or a Graph Store upload of one large graph, with the token
MAX_OPEN_BODY = 4 * 1024 * 1024  # any other request: a query of the largest size, percent-encoded
ENGINE_TIMEOUT = 3600
CLIENT_TIMEOUT = 120  # seconds a client may stay silent mid-request
MAX_DRAIN = 1024 * 1024  # the body of a refused request read before closing, when it is no larger
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
HOST_NAME = re.compile(r"(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?")
ACCEPT = re.compile(r"[\x20-\x7e]{1,2048}")
PAGES = ("/", "/yasgui.min.css", "/yasgui.min.js", "/logo.svg")  # what Oxigraph's query page loads
ROUTES: dict[str, tuple[str, ...]] = {**{page: ("GET", "HEAD") for page in PAGES},
                                      "/query": ("GET", "POST"), "/sparql": ("GET", "POST"), "/update": ("POST",),
                                      "/store": ("GET", "HEAD", "PUT", "POST", "DELETE")}
PROTOCOL_KINDS = {"/query": frozenset({"query"}), "/update": frozenset({"update"}),
                  "/sparql": frozenset({"query", "update"})}
NOT_PASSED_BACK = {"connection", "keep-alive", "proxy-authenticate", "trailers", "transfer-encoding", "upgrade",
                   "content-length", "server", "date"}
RETRY = (("Retry-After", "2"),)


@dataclass(frozen=True)
class GuardSettings:
    """What the guard lets through: the names it answers to, writes and their token, SERVICE."""
    host: str
    port: int
    writable: bool = False
    token: str | None = None
    allow_service: bool = False

    def host_ok(self, host: str | None) -> bool:
        if not host:
            return False
        if self.host in {"0.0.0.0", "::"}:
            return HOST_NAME.fullmatch(host) is not None
        names = LOOPBACK if self.host in LOOPBACK else {self.host}
        return host in {f"{name}:{self.port}" for name in names} or (self.port == 80 and host in names)

    def origin_ok(self, origin: str | None, host: str) -> bool:
        return origin is None or origin in {f"http://{host}", f"https://{host}"}

    def authorized(self, head: Head) -> bool:
        scheme, _, credential = (head.header("Authorization") or "").partition(" ")
        return bool(self.token) and scheme.lower() == "bearer" and \
            hmac.compare_digest(credential.strip().encode("utf-8"), (self.token or "").encode("utf-8"))


@dataclass(frozen=True)
class EngineRequest:
    """The request the engine is sent, built from checked values only."""
    method: str
    target: str
    headers: tuple[tuple[str, str], ...]
    body: bytes = b""


class EngineHandle(Protocol):
    """The engine as the guard sees it (kg.server.Engine): its port while it runs."""

    def port(self) -> int | None: ...

    def lost(self) -> None: ...


def admit(head: Head, settings: GuardSettings) -> Target:
    """Host, origin, route and method; on a route that only writes, the write permission too."""
    host = head.header("Host")
    if not settings.host_ok(host):
        raise RequestError(403, f"this server does not answer to the host name {host!r}")
    if not settings.origin_ok(head.header("Origin"), host or ""):
        raise RequestError(403, "requests from other web pages are refused")
    target = read_target(head.target)
    methods = ROUTES.get(target.path)
    if methods is None:
        raise RequestError(404, f"nothing is served at {target.path!r}; queries go to /query, the query page is /")
    if head.method not in methods:
        raise RequestError(405, f"{target.path} takes {', '.join(methods)}, not {head.method}",
                           (("Allow", ", ".join(methods)),))
    if target.path == "/update" or (target.path == "/store" and head.method in {"PUT", "POST", "DELETE"}):
        permit_write(head, settings)
    return target


def permit_write(head: Head, settings: GuardSettings) -> None:
    """Refuse a write on a read-only server (403) or without the token (401)."""
    if not settings.writable:
        raise RequestError(403, "this server is read-only; start it with --writable to take writes")
    if not settings.authorized(head):
        raise RequestError(401, "writes need the header 'Authorization: Bearer <token>' that `kg serve --writable` "
                                "printed", (("WWW-Authenticate", "Bearer"),))


def decide(head: Head, body: bytes, settings: GuardSettings) -> EngineRequest:
    """What the engine is sent for this request; a `RequestError` says why nothing is."""
    target = admit(head, settings)
    operation = read_operation(head, target, body)
    check(operation, head, settings)
    return engine_request(operation, head)


def read_operation(head: Head, target: Target, body: bytes) -> Operation:
    """The operation an admitted request asks for."""
    if target.path in PAGES:
        return Page(head.method, target.path)
    if target.path == "/store":
        return read_graph_store(head, target, body)
    return read_protocol(head, target, body, PROTOCOL_KINDS[target.path])


def check(operation: Operation, head: Head, settings: GuardSettings) -> None:
    """Writes need the permission; queries and updates pass kg.query_guard."""
    try:
        if isinstance(operation, Query):
            if len(operation.text.encode("utf-8", "surrogatepass")) > MAX_QUERY_BYTES:
                raise RequestError(413, f"the query is over {MAX_QUERY_BYTES} bytes")
            check_query(operation.text, settings.allow_service)
        elif isinstance(operation, Update):
            permit_write(head, settings)
            check_update(operation.text, settings.allow_service)
        elif isinstance(operation, GraphStore) and operation.writes:
            permit_write(head, settings)
    except QueryError as exc:
        raise RequestError(400, str(exc)) from None


def engine_request(operation: Operation, head: Head) -> EngineRequest:
    """The canonical request for `operation`: one route, parameters encoded here, the body as checked."""
    headers: tuple[tuple[str, str], ...] = (("Host", head.header("Host") or ""),)
    accept = head.header("Accept")
    if accept and ACCEPT.fullmatch(accept):
        headers += (("Accept", accept),)
    if isinstance(operation, Page):
        return EngineRequest(operation.method, operation.path, headers)
    if isinstance(operation, Query):
        graphs = [("default-graph-uri", g) for g in operation.default_graphs] + \
                 [("named-graph-uri", g) for g in operation.named_graphs]
        return _direct_post("/query" + _encode(graphs), "application/sparql-query", operation.text, headers)
    if isinstance(operation, Update):
        graphs = [("using-graph-uri", g) for g in operation.using_graphs] + \
                 [("using-named-graph-uri", g) for g in operation.using_named_graphs]
        return _direct_post("/update" + _encode(graphs), "application/sparql-update", operation.text, headers)
    return _graph_store(operation, headers)


def _direct_post(target: str, media_type: str, text: str, headers: tuple[tuple[str, str], ...]) -> EngineRequest:
    return EngineRequest("POST", target, headers + (("Content-Type", media_type),), text.encode("utf-8"))


def _graph_store(operation: GraphStore, headers: tuple[tuple[str, str], ...]) -> EngineRequest:
    target = "/store" + (_encode([("graph", operation.graph)]) if operation.graph is not None else
                         "?default" if operation.default else "")
    if operation.media_type is None:
        return EngineRequest(operation.method, target, headers)
    return EngineRequest(operation.method, target, headers + (("Content-Type", operation.media_type),), operation.body)


def _encode(params: list[tuple[str, str]]) -> str:
    return "?" + "&".join(f"{name}={quote(value, safe='')}" for name, value in params) if params else ""


def make_guard(settings: GuardSettings, bind: tuple[str, int], engine: EngineHandle) -> ThreadingHTTPServer:
    """A threading HTTP server on `bind` that answers each request through `decide` and `engine`."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = CLIENT_TIMEOUT
        unread = 0  # bytes of the current request's body not read yet

        def log_message(self, *args) -> None:  # quiet: refusals are answered, not logged
            pass

        def handle_any(self) -> None:
            words = self.requestline.split()  # the target as sent: http.server folds a leading // of self.path
            head = Head(self.command, words[1] if len(words) == 3 else self.path, tuple(self.headers.items()))
            length = self.headers.get("Content-Length", "0")
            self.unread = int(length) if length.isascii() and length.isdigit() else 0
            try:
                admit(head, settings)
                request = decide(head, self.read_body(head), settings)
            except RequestError as exc:
                return self.refuse(exc.status, exc.message, exc.headers)
            self.forward(request)

        def read_body(self, head: Head) -> bytes:
            if head.header("Transfer-Encoding") is not None:
                raise RequestError(411, "send the body with a Content-Length (no Transfer-Encoding)")
            length = head.header("Content-Length") or "0"
            if not re.fullmatch(r"[0-9]{1,12}", length):
                raise RequestError(400, f"the Content-Length {length!r} is not a number of bytes")
            limit = MAX_BODY if settings.authorized(head) else MAX_OPEN_BODY
            if int(length) > limit:
                raise RequestError(413, f"the request body is over {limit // 2**20} MiB")
            body = self.rfile.read(int(length)) if int(length) else b""
            self.unread = 0
            if len(body) < int(length):
                raise RequestError(400, "the request body ended before its Content-Length")
            return body

        def refuse(self, status: int, message: str, headers: tuple[tuple[str, str], ...] = ()) -> None:
            data = json.dumps({"error": message}).encode("utf-8")
            self.close_connection = True  # a body left unread must not be read as the next request
            if 0 < self.unread <= MAX_DRAIN:  # read a small one, so closing does not reset the answer away
                self.rfile.read(self.unread)
            self.send_response(status)
            for key, value in (("Content-Type", "application/json"), ("Connection", "close"), *headers):
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def forward(self, request: EngineRequest) -> None:
            port = engine.port()
            if port is None:
                return self.refuse(503, "the SPARQL engine is restarting; try again in a few seconds", RETRY)
            backend = http.client.HTTPConnection("127.0.0.1", port, timeout=ENGINE_TIMEOUT)
            try:
                backend.request(request.method, request.target, body=request.body or None,
                                headers=dict(request.headers))
                answer = backend.getresponse()
                data = answer.read()
            except (OSError, http.client.HTTPException):
                engine.lost()
                return self.refuse(503, "the SPARQL engine did not answer; it is restarted if it stopped, "
                                        "try again in a few seconds", RETRY)
            finally:
                backend.close()
            self.send_response(answer.status, answer.reason)
            for key, value in answer.getheaders():
                if key.lower() not in NOT_PASSED_BACK:
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = handle_any
        do_OPTIONS = do_PATCH = do_TRACE = do_CONNECT = handle_any

    server = QuietServer(bind, Handler)
    server.daemon_threads = True
    return server


class QuietServer(ThreadingHTTPServer):
    """A client that hangs up or stalls ends its own request, without a traceback on stderr."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)
