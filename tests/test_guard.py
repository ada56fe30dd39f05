"""kg.guard and kg.query_guard: the guard reads a request once and sends the engine what it checked.

The properties generate a request in the encodings the HTTP and SPARQL 1.1 protocols allow (GET,
form POST, direct POST; media types in any case with parameters; any character percent-encoded,
names too; parameters in any order, between URL and body) and assert that the guard decides as
on the canonical request. No engine is needed: a recording HTTP server stands in for it.
"""
import http.client
import json
import random
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import QueryError
from kg.guard import ROUTES, EngineRequest, GuardSettings, decide, make_guard
from kg.query_guard import check_query, check_update
from kg.request import Head, RequestError

HOST = "127.0.0.1:7878"
WRITABLE = GuardSettings("127.0.0.1", 7878, writable=True, token="s3cret")
READ_ONLY = GuardSettings("127.0.0.1", 7878)
TOKEN = ("Authorization", "Bearer s3cret")
FORM = "application/x-www-form-urlencoded"
RAW_IN_QUERY = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$'()*,;:@/?")
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(head: Head, body: bytes = b"", guard: GuardSettings = WRITABLE) -> EngineRequest | tuple[int, str]:
    """The guard's decision: the engine's request, or (status, message)."""
    try:
        return decide(head, body, guard)
    except RequestError as exc:
        return exc.status, exc.message


def headers(*pairs: tuple[str, str], rnd: random.Random | None = None) -> tuple[tuple[str, str], ...]:
    """Host first; header names in any case when `rnd` is given."""
    pairs = (("Host", HOST), *pairs)
    if rnd is None:
        return pairs
    return tuple(("".join(c.upper() if rnd.random() < 0.5 else c.lower() for c in k), v) for k, v in pairs)


# -- encodings ---------------------------------------------------------------------------------------------

def percent(rnd: random.Random, text: str) -> str:
    """`text` for a URL query or a form: each character raw where allowed, else (or by chance) %XX in
    either case; a space as + or %20."""
    out = []
    for ch in text:
        hexed = "".join(f"%{b:02X}" for b in ch.encode("utf-8"))
        choices = [hexed, hexed.lower()] + ([ch] if ch in RAW_IN_QUERY else []) + (["+"] if ch == " " else [])
        out.append(rnd.choice(choices))
    return "".join(out)


def form(rnd: random.Random, params: list[tuple[str, str]]) -> str:
    pairs = [f"{percent(rnd, k)}={percent(rnd, v)}" for k, v in params]
    rnd.shuffle(pairs)
    return "&".join(pairs + [""] * rnd.randint(0, 1))  # a trailing & is allowed


def media_type(rnd: random.Random, name: str) -> str:
    cased = "".join(c.upper() if rnd.random() < 0.5 else c for c in name)
    parameter = rnd.choice(["", "; charset=utf-8", ";charset=UTF-8", ' ; Charset="utf-8"', "\t;\tcharset=Utf-8 ",
                            "; charset=utf-8; profile=x", ";"])
    return rnd.choice(["", " "]) + cased + parameter


def protocol_variant(rnd: random.Random, path: str, kind: str, text: str,
                     graphs: list[tuple[str, str]], extra: tuple = ()) -> tuple[Head, bytes]:
    """One encoding of a query or update with its graph parameters, GET (queries), form or direct POST."""
    ways = ["form", "direct"] + (["get"] if kind == "query" else [])
    way = rnd.choice(ways)
    if way == "get":
        return Head("GET", f"{path}?{form(rnd, [(kind, text)] + graphs)}", headers(*extra, rnd=rnd)), b""
    split = [way == "direct" or rnd.random() < 0.5 for _ in graphs]
    in_url = [g for g, url in zip(graphs, split) if url]
    in_body = [g for g, url in zip(graphs, split) if not url]
    target = f"{path}?{form(rnd, in_url)}" if in_url else path
    if way == "form":
        content, body = media_type(rnd, FORM), form(rnd, [(kind, text)] + in_body).encode("ascii")
    else:
        content, body = media_type(rnd, f"application/sparql-{kind}"), text.encode("utf-8")
    return Head("POST", target, headers(("Content-Type", content), *extra, rnd=rnd)), body


def canonical(kind: str, text: str, graphs: list[tuple[str, str]], extra: tuple = ()) -> tuple[Head, bytes]:
    """The same request as the guard sends it on: a direct POST, parameters encoded once, in order."""
    params = "&".join(f"{k}={quote(v, safe='')}" for k, v in sorted(graphs, key=lambda g: g[0]))
    path = "/query" if kind == "query" else "/update"
    return Head("POST", f"{path}?{params}" if params else path,
                headers(("Content-Type", f"application/sparql-{kind}"), *extra)), text.encode("utf-8")


QUERIES = st.one_of(st.sampled_from([
    "SELECT * WHERE { ?s ?p ?o }",
    'SELECT ?x WHERE { BIND("a&b=c+d%20 é #" AS ?x) }',
    "ASK { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "ASK { ?a ?b 1SERVICE<http://127.0.0.1:9/>{} }",
    "SELECT * WHERE " + "{" * 200 + "}" * 200,
    'SELECT * WHERE { BIND(1 AS ?a) FILTER(?a<2)#>"""\nSERVICE <http://127.0.0.1:9/> {}\n#"""\n}',
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
]), st.text(max_size=40))
UPDATES = st.sampled_from([
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "INSERT DATA { " + "[ <urn:p> " * 100 + "1" + " ]" * 100 + " }",
])
GRAPH_IRIS = st.sampled_from(["urn:g", "http://example.org/g?a=1&b=2+3", "https://w3id.org/x#é", "urn:a b"])
GRAPHS = st.lists(st.tuples(st.sampled_from(["default-graph-uri", "named-graph-uri"]), GRAPH_IRIS), max_size=3)
USING = st.lists(st.tuples(st.sampled_from(["using-graph-uri", "using-named-graph-uri"]), GRAPH_IRIS), max_size=2)


@PROPERTY
@given(QUERIES, GRAPHS, st.sampled_from(["/query", "/sparql"]), st.randoms(use_true_random=False))
def test_guard_decides_a_query_in_any_encoding_as_its_canonical_form(query, graphs, path, rnd):
    accept = ("Accept", "application/sparql-results+json")
    assert outcome(*protocol_variant(rnd, path, "query", query, graphs, (accept,))) == \
        outcome(*canonical("query", query, graphs, (accept,)))


@PROPERTY
@given(UPDATES, USING, st.sampled_from(["/update", "/sparql"]), st.sampled_from([(), (TOKEN,)]),
       st.sampled_from([WRITABLE, READ_ONLY]), st.randoms(use_true_random=False))
def test_guard_decides_an_update_in_any_encoding_as_its_canonical_form(update, using, path, token, guard, rnd):
    assert outcome(*protocol_variant(rnd, path, "update", update, using, token), guard=guard) == \
        outcome(*canonical("update", update, using, token), guard=guard)


@PROPERTY
@given(st.sampled_from(["GET", "HEAD", "PUT", "POST", "DELETE"]), st.one_of(st.none(), GRAPH_IRIS),
       st.sampled_from([(), (TOKEN,)]), st.sampled_from([WRITABLE, READ_ONLY]), st.randoms(use_true_random=False))
def test_guard_decides_a_graph_store_request_in_any_encoding_as_its_canonical_form(method, graph, token, guard, rnd):
    target = "default" if graph is None else "graph"
    value = "" if graph is None else graph
    variant = f"{percent(rnd, target)}={percent(rnd, value)}" if value or rnd.random() < 0.5 else percent(rnd, target)
    canonical_target = f"/store?graph={quote(graph, safe='')}" if graph else "/store?default"
    body, typed = b"<urn:a> <urn:b> <urn:c> .", method in {"PUT", "POST"}
    variant_head = Head(method, f"/store?{variant}", headers(
        *((("Content-Type", media_type(rnd, "application/n-triples")),) if typed else ()), *token, rnd=rnd))
    canonical_head = Head(method, canonical_target,
                          headers(*((("Content-Type", "application/n-triples"),) if typed else ()), *token))
    assert outcome(variant_head, body, guard) == outcome(canonical_head, body, guard)


def path_variant(rnd: random.Random, path: str) -> str:
    """A path that names the same resource to a lenient reader, but is not the route as written."""
    at = rnd.randrange(len(path))
    return rnd.choice([
        path[:at] + f"%{ord(path[at]):02x}" + path[at + 1:], path[:at] + f"%{ord(path[at]):02X}" + path[at + 1:],
        path.upper() if path.upper() != path else path + "/", path + "/", "/" + path, path + "/.", "/." + path,
        "/x/.." + path, "/%2e%2e" + path, path + ";x", path + "/evil", path + "X", path + "%00", path + "%2F",
        path.replace("/", "\\", 1),
    ])


@PROPERTY
@given(st.sampled_from(sorted(ROUTES)), st.sampled_from(["GET", "POST", "PUT"]), st.randoms(use_true_random=False))
def test_guard_never_forwards_a_path_that_is_not_a_route_as_written(path, method, rnd):
    variant = path_variant(rnd, path)
    decision = outcome(Head(method, variant + "?query=ASK%7B%7D", headers(("Content-Type", "text/turtle"), TOKEN)),
                       b"<urn:a> <urn:b> <urn:c> .")
    assert decision in [(404, f"nothing is served at {variant!r}; queries go to /query, the query page is /"),
                        (400, "the request target must be a path from / in printable ASCII, without a fragment")]


# -- the three doors of the issue, decided without a server ------------------------------------------------

def test_guard_store_subpath_write_is_unknown_path():
    turtle = ("Content-Type", "text/turtle")
    assert outcome(Head("POST", "/store/evil", headers(turtle)), b"<urn:a> <urn:b> <urn:c> .")[0] == 404
    assert outcome(Head("PUT", "/storeX", headers(turtle)), b"<urn:a> <urn:b> <urn:c> .")[0] == 404


def test_guard_mixed_case_form_with_encoded_service_is_read_and_refused():
    body = b"query=SELECT+*+WHERE+%7B+%53ERVICE+%3Chttp%3A%2F%2F127.0.0.1%3A9%2F%3E+%7B+%3Fs+%3Fp+%3Fo+%7D+%7D"
    decision = outcome(Head("POST", "/query", headers(("Content-Type", "Application/x-www-form-urlencoded"))), body,
                       READ_ONLY)
    assert decision == (400, "the query calls SERVICE, which fetches data from other servers; "
                             "it is off unless asked for (--allow-service)")


def test_guard_percent_encoded_deep_braces_are_refused():
    body = b"query=SELECT+*+WHERE+" + b"%7B" * 50000 + b"%7D" * 50000
    decision = outcome(Head("POST", "/query", headers(("Content-Type", "Application/x-www-form-urlencoded"))), body,
                       READ_ONLY)
    assert len(body) > 300_000 and decision == (400, "the query nests groups 50000 deep; at most 64 are allowed")


# -- routes, writes, the canonical request -----------------------------------------------------------------

@pytest.mark.parametrize("method, path, status", [
    ("GET", "/update", 405), ("DELETE", "/query", 405), ("POST", "/", 405), ("OPTIONS", "/store", 405),
    ("GET", "/favicon.ico", 404), ("GET", "/store/x", 404), ("GET", "/QUERY", 404),
])
def test_guard_routes_are_an_allow_list(method, path, status):
    assert outcome(Head(method, path, headers()))[0] == status


def test_guard_wrong_method_names_the_allowed_ones():
    with pytest.raises(RequestError) as caught:
        decide(Head("PUT", "/query", headers()), b"", WRITABLE)
    assert (caught.value.status, caught.value.headers) == (405, (("Allow", "GET, POST"),))


@pytest.mark.parametrize("guard, token, status", [(READ_ONLY, (TOKEN,), 403), (WRITABLE, (), 401),
                                                  (WRITABLE, (("Authorization", "Bearer wrong"),), 401)])
def test_guard_writes_need_a_writable_server_and_the_token(guard, token, status):
    put = Head("PUT", "/store?default", headers(("Content-Type", "text/turtle"), *token))
    assert outcome(put, b"", guard)[0] == status


def test_guard_read_only_server_still_reads_the_graph_store():
    assert outcome(Head("GET", "/store?graph=urn%3Ag", headers()), b"", READ_ONLY) == \
        EngineRequest("GET", "/store?graph=urn%3Ag", (("Host", HOST),))


def test_guard_foreign_host_and_origin_are_refused():
    assert outcome(Head("GET", "/", (("Host", "evil.example:7878"),)))[0] == 403
    assert outcome(Head("GET", "/", headers(("Origin", "http://evil.example"))))[0] == 403
    assert outcome(Head("GET", "/", (("Host", HOST), ("Host", HOST))))[0] == 400


def test_guard_builds_the_engine_request_from_checked_values_only():
    head = Head("GET", "/sparql?junk=1&%71uery=ASK+%7B%7D&named-graph-uri=urn%3An",
                headers(("Cookie", "a=b"), ("Accept", "text/csv"), TOKEN, ("X-Forwarded-For", "1.2.3.4")))
    assert outcome(head) == EngineRequest("POST", "/query?named-graph-uri=urn%3An", (
        ("Host", HOST), ("Accept", "text/csv"), ("Content-Type", "application/sparql-query")), b"ASK {}")


def test_guard_update_with_token_goes_to_update_without_the_token():
    head = Head("POST", "/sparql", headers(("Content-Type", "application/x-www-form-urlencoded"), TOKEN))
    assert outcome(head, b"update=CLEAR+ALL&using-graph-uri=urn%3Au") == EngineRequest(
        "POST", "/update?using-graph-uri=urn%3Au", (("Host", HOST), ("Content-Type", "application/sparql-update")),
        b"CLEAR ALL")


# -- kg.query_guard: the query as the engine's lexer reads it ----------------------------------------------

@pytest.mark.parametrize("query", [
    'SELECT * WHERE { BIND(1 AS ?a) FILTER(?a<2)#>"""\n SERVICE <http://127.0.0.1:9/> { ?x ?y ?z }\n#"""\n}',
    "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:a\\#b ?o . SERVICE <http://127.0.0.1:9/> { ?x ?y ?z } }",
    "SELECT * WHERE { BIND('''x\\''' \"\"\" ''' AS ?q) SERVICE <http://127.0.0.1:9/> {} #\"\"\"\n}",
    "SELECT * WHERE { ?a ?b 1SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?a ?b trueSERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICEsilent<http://127.0.0.1:9/>{ ?s ?p ?o } }",
    "SELECT * WHERE { # a comment ends at a carriage return\r SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE # the target on the next line\n <http://127.0.0.1:9/> { ?s ?p ?o } }",
])
def test_query_guard_finds_service_where_the_engine_would(query):
    with pytest.raises(QueryError, match="calls SERVICE"):
        check_query(query)


def test_query_guard_counts_brackets_behind_a_less_than_that_looks_like_an_iri():
    query = "SELECT * WHERE { BIND(1 AS ?a) FILTER(?a<(" + "(" * 3000 + "1" + ")" * 3000 + ")>?a) }"
    with pytest.raises(QueryError, match="nests groups 3003 deep"):
        check_query(query)


@pytest.mark.parametrize("query, depth", [
    ("SELECT * WHERE { FILTER(" + "! #\n" * 100 + "true) }", 102),
    ("SELECT * WHERE { FILTER(" + "!(" * 40 + "true" + ")" * 40 + ") }", 82),
    ("SELECT * WHERE { " + "<< " * 100 + "<a:s> <a:p> <a:o>" + " >> <a:p> <a:o>" * 100 + " }", 101),
])
def test_query_guard_counts_what_the_parser_nests_without_brackets(query, depth):
    with pytest.raises(QueryError, match=f"nests groups {depth} deep"):
        check_query(query)


@pytest.mark.parametrize("query", [
    'SELECT ?x WHERE { BIND("SERVICE {" AS ?x) }',
    "SELECT * WHERE { " + "FILTER(!BOUND(?a) && ?a != ?b) " * 100 + "}",
    "SELECT * WHERE { << <a:s> <a:p> <a:o> >> <a:q> ?o . ?s ?p <<( <a:s> <a:p> <a:o> )>> }",
    "SELECT ?service WHERE { ?service a <http://example.org/Service> }",
    "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:my-service ?o }",
    "SELECT * WHERE { ?s <http://www.w3.org/ns/sparql-service-description#endpoint> ?o . FILTER(?o < 3 && ?o > 1) }",
    "SELECT * WHERE { ?s ?p ?o # SERVICE <http://x/> {}\n }",
    "SELECT * WHERE { <http://x/service/1> ?p ?o }",
    "SELECT * WHERE " + "{" * 64 + "}" * 64,
])
def test_query_guard_lets_ordinary_queries_through(query):
    check_query(query)


def test_query_guard_update_may_not_load_or_call_service_unless_allowed():
    with pytest.raises(QueryError, match="calls LOAD"):
        check_update("LOAD <http://127.0.0.1:9/data.ttl> INTO GRAPH <urn:g>")
    check_update("LOAD <http://127.0.0.1:9/data.ttl>", allow_service=True)
    check_update('INSERT DATA { <urn:a> <urn:b> "download SERVICE {" }')


# -- the guard over HTTP, with a recording stand-in for the engine -----------------------------------------

class Recorder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: list = []

    def log_message(self, *args):
        pass

    def do_any(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        Recorder.seen.append((self.command, self.path, sorted((k.lower(), v) for k, v in self.headers.items()), body))
        data = json.dumps({"head": {}, "boolean": True}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_any


class FakeEngine:
    def __init__(self, port):
        self.engine_port, self.losses = port, 0

    def port(self):
        return self.engine_port

    def lost(self):
        self.losses += 1


def serving(server) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return thread


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def guarded():
    """(guard port, fake engine, recorded requests): the guard before a recording server, on loopback."""
    Recorder.seen = []
    backend = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    serving(backend)
    engine = FakeEngine(backend.server_address[1])
    port = free_port()
    guard = make_guard(GuardSettings("127.0.0.1", port, writable=True, token="s3cret"), ("127.0.0.1", port), engine)
    serving(guard)
    yield port, engine, Recorder.seen
    for server in (guard, backend):
        server.shutdown()
        server.server_close()


def ask(port: int, method: str, path: str, body: bytes = b"", extra: dict | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body or None, headers={"Host": f"127.0.0.1:{port}", **(extra or {})})
        answer = connection.getresponse()
        return answer.status, dict(answer.getheaders()), answer.read()
    finally:
        connection.close()


def test_guard_sends_the_engine_a_request_of_its_own(guarded):
    port, _, seen = guarded
    status, _, body = ask(port, "POST", "/query?default-graph-uri=urn%3Ag",
                          b"%71uery=ASK+%7B%7D&junk&named-graph-uri=urn%3An",
                          {"Content-Type": "Application/X-WWW-Form-URLEncoded; Charset=UTF-8", "Cookie": "a=b",
                           "Authorization": "Bearer s3cret", "Accept": "application/sparql-results+json"})
    assert (status, json.loads(body)) == (200, {"head": {}, "boolean": True})
    assert seen == [("POST", "/query?default-graph-uri=urn%3Ag&named-graph-uri=urn%3An", [
        ("accept", "application/sparql-results+json"), ("accept-encoding", "identity"),
        ("content-length", "6"), ("content-type", "application/sparql-query"), ("host", f"127.0.0.1:{port}")],
        b"ASK {}")]


def test_guard_answers_503_with_retry_after_while_the_engine_restarts(guarded):
    port, engine, seen = guarded
    engine.engine_port = None
    status, answer_headers, _ = ask(port, "GET", "/query?query=ASK%7B%7D")
    assert (status, answer_headers["Retry-After"], seen) == (503, "2", [])


def test_guard_answers_503_and_reports_an_engine_that_does_not_answer(guarded):
    port, engine, _ = guarded
    engine.engine_port = free_port()  # nothing listens there
    status, answer_headers, _ = ask(port, "GET", "/query?query=ASK%7B%7D")
    assert (status, answer_headers["Retry-After"], engine.losses) == (503, "2", 1)


def test_guard_refusal_closes_the_connection_so_a_body_is_never_read_as_a_request(guarded):
    port, _, seen = guarded
    smuggled = f"GET /query?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        client.sendall(f"POST /store/evil HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                       f"Content-Length: {len(smuggled)}\r\n\r\n".encode() + smuggled)
        answer = b""
        while chunk := client.recv(65536):
            answer += chunk
    assert (answer.count(b"HTTP/1.1 "), answer.startswith(b"HTTP/1.1 404"), seen) == (1, True, [])


def test_guard_chunked_body_is_refused(guarded):
    port, _, seen = guarded
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        client.sendall(f"POST /query HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nTransfer-Encoding: chunked\r\n"
                       "Content-Type: application/sparql-query\r\n\r\n6\r\nASK {}\r\n0\r\n\r\n".encode())
        answer = client.recv(65536)
    assert (answer.split(b"\r\n")[0], seen) == (b"HTTP/1.1 411 Length Required", [])


def test_guard_head_of_the_query_page_passes_as_head(guarded):
    port, _, seen = guarded
    status, _, body = ask(port, "HEAD", "/")
    assert (status, body, [(m, p) for m, p, _, _ in seen]) == (200, b"", [("HEAD", "/")])


def test_guard_reads_the_target_as_sent_not_as_http_server_folds_it(guarded):
    port, _, seen = guarded
    status, _, _ = ask(port, "GET", "//query?query=ASK%7B%7D")
    assert (status, seen) == (404, [])
