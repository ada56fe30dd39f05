"""The HTTP front of `kg serve`: every request is checked before it reaches Oxigraph.

- The Host header must name this server (a page on another site that rebinds its DNS name
  to 127.0.0.1 sends its own name): otherwise 403.
- A request from a web page carries its Origin: one that is not this server is refused (403),
  so no page can post a form or a script to the endpoint (CSRF).
- Writes (SPARQL Update, Graph Store PUT/POST/DELETE) need `Authorization: Bearer <token>`,
  a secret a web page cannot guess, and are refused altogether on a read-only server.
- Queries are checked for size, nesting depth and SERVICE (kg.query_guard) before the engine
  sees them: a deeply nested query would overflow its stack, SERVICE would fetch any URL.
Everything else (the query page at /, query results) passes through unchanged.
"""
from __future__ import annotations

import hmac
import http.client
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from .errors import QueryError
from .query_guard import MAX_QUERY_BYTES, check_query

__all__ = ["GuardSettings", "make_guard"]

MAX_BODY = 256 * 1024 * 1024  # a Graph Store upload of one large graph
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailers",
              "transfer-encoding", "upgrade", "host", "content-length"}
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


class GuardSettings:
    """What the guard lets through: the names it answers to, the backend, writes and their token."""

    def __init__(self, host: str, port: int, backend_port: int, writable: bool, token: str | None,
                 allow_service: bool = False):
        self.port, self.backend_port = port, backend_port
        self.writable, self.token, self.allow_service = writable, token, allow_service
        names = LOOPBACK if host in LOOPBACK else {host}
        self.hosts = {f"{name}:{port}" for name in names} | (set(names) if port == 80 else set())
        self.any_host = host in {"0.0.0.0", "::"}

    def host_ok(self, host: str | None) -> bool:
        return bool(host) and (self.any_host or host in self.hosts)

    def origin_ok(self, origin: str | None, host: str) -> bool:
        return origin is None or origin in {f"http://{host}", f"https://{host}"}


def _is_write(method: str, path: str) -> bool:
    route = urlsplit(path).path.rstrip("/")
    return route.endswith("/update") or (route.endswith("/store") and method in {"PUT", "POST", "DELETE"})


def _query_text(method: str, path: str, content_type: str, body: bytes) -> str | None:
    """The SPARQL query a request carries (GET ?query=, a form, or a sparql-query body)."""
    if urlsplit(path).path.rstrip("/").endswith("/query") or "query=" in urlsplit(path).query:
        found = parse_qs(urlsplit(path).query).get("query")
        if found:
            return found[0]
        if method == "POST" and content_type.startswith("application/x-www-form-urlencoded"):
            found_form = parse_qs(body.decode("utf-8", "replace")).get("query")
            return found_form[0] if found_form else None
        if method == "POST":
            return body.decode("utf-8", "replace")
    return None


def make_guard(settings: GuardSettings, bind: tuple[str, int]) -> ThreadingHTTPServer:
    """A threading HTTP server on `bind` that checks each request and forwards it to the backend."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args) -> None:  # quiet: Oxigraph's own log is enough
            pass

        def refuse(self, status: int, message: str) -> None:
            data = json.dumps({"error": message}).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def handle_any(self) -> None:
            host = self.headers.get("Host")
            if not settings.host_ok(host):
                return self.refuse(403, f"this server does not answer to the host name {host!r}")
            if not settings.origin_ok(self.headers.get("Origin"), host or ""):
                return self.refuse(403, "requests from other web pages are refused")
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                return self.refuse(413, f"the request body is over {MAX_BODY // 2**20} MiB")
            body = self.rfile.read(length) if length else b""
            if _is_write(self.command, self.path):
                if not settings.writable:
                    return self.refuse(403, "this server is read-only; start it with --writable to take writes")
                given = self.headers.get("Authorization", "")
                if not settings.token or not hmac.compare_digest(given, f"Bearer {settings.token}"):
                    return self.refuse(401, "writes need the header 'Authorization: Bearer <token>' "
                                            "that `kg serve --writable` printed")
            else:
                query = _query_text(self.command, self.path, self.headers.get("Content-Type", ""), body)
                if query is not None:
                    if len(query) > MAX_QUERY_BYTES:
                        return self.refuse(413, "the query is over the size limit")
                    try:
                        check_query(query, settings.allow_service)
                    except QueryError as exc:
                        return self.refuse(400, str(exc))
            self.forward(body)

        def forward(self, body: bytes) -> None:
            backend = http.client.HTTPConnection("127.0.0.1", settings.backend_port, timeout=3600)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP | {"authorization"}}
            try:
                backend.request(self.command, self.path, body=body or None, headers=headers)
                answer = backend.getresponse()
                data = answer.read()
            except OSError as exc:
                return self.refuse(502, f"the SPARQL engine did not answer: {exc}")
            finally:
                backend.close()
            self.send_response(answer.status, answer.reason)
            for key, value in answer.getheaders():
                if key.lower() not in HOP_BY_HOP:
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = handle_any

    server = ThreadingHTTPServer(bind, Handler)
    server.daemon_threads = True
    return server
