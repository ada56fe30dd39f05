"""A real Oxigraph server process on a free loopback port: catalogue queries over HTTP,
the query page, refused updates, and the same ingest over --endpoint as into the embedded store;
the guard against the issue's three doors (writes off the route, SERVICE, deep nesting) in every
encoding, and the supervised engine, killed and restarted (kg.server.Engine)."""
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from kg.errors import QueryError, StoreError
from kg.pipeline import ingest
from kg.queries import bind_parameters, list_queries, load_query
from kg.server import start_server
from kg.store import GraphStore, RemoteStore

from .conftest import ARTICLES, N_ARTICLES


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(port: int, seconds: float = 20) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


def running_server(store_dir, **options):
    """`kg serve` on a free port for the duration of a test: yields the port."""
    port = free_port()
    proc = start_server(store_dir, port=port, **options)
    try:
        wait_until_up(port)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()  # never leave a server behind, even one that fails its test
            proc.wait(10)


def stored(tmp_path_factory, name: str, paths) -> Path:
    """A store on disk holding the articles at `paths`, closed so that a server can take it."""
    store_dir = tmp_path_factory.mktemp(name) / "store"
    store = GraphStore.on_disk(store_dir)
    ingest(paths, store)
    del store
    return store_dir


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A read-only server on a copy of the built corpus store (shared: no test changes it)."""
    yield from running_server(stored(tmp_path_factory, "served", [ARTICLES]))



def test_server_answers_catalogue_queries_over_http(server, built_store):
    remote = RemoteStore(f"http://127.0.0.1:{server}/query")
    for q in list_queries():
        result = list(remote.query(q.text, bind_parameters(q, {}, remote)))
        assert result, q.name


def test_server_serves_the_query_page(server):
    page = urllib.request.urlopen(f"http://127.0.0.1:{server}/", timeout=5).read().decode("utf-8", "replace")
    assert "<html" in page.lower()


def test_server_refuses_updates_when_read_only(server):
    remote = RemoteStore(f"http://127.0.0.1:{server}/query")
    with pytest.raises((QueryError, StoreError)):
        remote.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    assert not bool(remote.query("ASK { <urn:a> <urn:b> <urn:c> }"))


def test_server_endpoint_ingest_matches_embedded(tmp_path, built_store):
    port = free_port()
    proc = start_server(tmp_path / "remote", port=port, writable=True, token="t0ken")
    try:
        wait_until_up(port)
        remote = RemoteStore(f"http://127.0.0.1:{port}/query", token="t0ken")
        report = ingest([ARTICLES], remote)
        assert report.ok and len(report.added) == N_ARTICLES
        assert remote.count_quads() == built_store.count_quads()
        for name in ("events-per-place", "state-pairs", "people-roles"):
            q = load_query(name)
            mine = sorted(map(str, (tuple(s) for s in built_store.select(q.text, bind_parameters(q, {}, built_store))[1])))
            theirs = sorted(map(str, (tuple(s) for s in remote.select(q.text, bind_parameters(q, {}, remote))[1])))
            assert mine == theirs, name
        again = ingest([ARTICLES], remote)
        assert len(again.unchanged) == N_ARTICLES
    finally:
        proc.terminate()
        proc.wait(10)


def test_server_kg_serve_serves_a_snapshot_while_ingest_goes_on(tmp_path):
    import sys
    store_dir = tmp_path / "store"
    store = GraphStore.on_disk(store_dir)
    ingest([ARTICLES / "2024-03-11-indonesia-rso-consular-training.txt"], store)
    del store
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store_dir), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(port)
        store = GraphStore.on_disk(store_dir)  # the served snapshot leaves the store free
        report = ingest([ARTICLES], store)
        assert len(report.added) == N_ARTICLES - 1
        remote = RemoteStore(f"http://127.0.0.1:{port}/query")
        assert len(remote.named_graphs()) == 3  # the snapshot: the reference and labels graphs and one article
        del store
    finally:
        proc.terminate()
        proc.wait(10)


def test_server_kg_serve_stopped_leaves_no_server_behind(tmp_path):
    import socket
    import sys
    store = GraphStore.on_disk(tmp_path / "store")
    ingest([ARTICLES / "2024-03-11-indonesia-rso-consular-training.txt"], store)
    del store
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(tmp_path / "store"),
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_up(port)
    proc.terminate()
    proc.wait(10)
    deadline = time.time() + 10
    while time.time() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) != 0:
                break
        time.sleep(0.2)
    else:
        raise AssertionError("the Oxigraph server outlived `kg serve`")


@pytest.fixture
def writable_server(tmp_path):
    yield from running_server(tmp_path / "w", writable=True, token="s3cret")


def post(port: int, path: str, body: bytes, headers: dict) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


INSERT = b"update=INSERT+DATA+%7B+%3Curn%3Aa%3E+%3Curn%3Ab%3E+%3Curn%3Ac%3E+%7D"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def test_server_write_without_token_is_refused(writable_server):
    assert post(writable_server, "/update", INSERT, FORM) == 401


def test_server_write_with_token_is_taken(writable_server):
    assert post(writable_server, "/update", INSERT, {**FORM, "Authorization": "Bearer s3cret"}) == 204


def test_server_cross_origin_form_post_is_refused(writable_server):
    headers = {**FORM, "Authorization": "Bearer s3cret", "Origin": "http://evil.example"}
    assert post(writable_server, "/update", INSERT, headers) == 403


def test_server_foreign_host_name_is_refused(writable_server):
    headers = {**FORM, "Authorization": "Bearer s3cret", "Host": "evil.example:80"}
    assert post(writable_server, "/update", INSERT, headers) == 403


def test_server_nested_query_is_refused_and_the_server_stays_up(server):
    query = ("SELECT * WHERE " + "{" * 3000 + "}" * 3000).encode()
    assert post(server, "/query", query, {"Content-Type": "application/sparql-query"}) == 400
    assert bool(RemoteStore(f"http://127.0.0.1:{server}/query").query("ASK { ?s ?p ?o }"))


def test_server_service_is_refused_by_default(server):
    query = b"SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    assert post(server, "/query", query, {"Content-Type": "application/sparql-query"}) == 400


def test_server_busy_store_is_refused_before_serving_is_announced(tmp_path):
    import sys
    store = GraphStore.on_disk(tmp_path / "busy")
    run = subprocess.run([sys.executable, "-m", "kg", "serve", "--store", str(tmp_path / "busy"),
                          "--port", str(free_port())], capture_output=True, text=True, timeout=60)
    del store
    assert (run.returncode, "busy" in run.stderr, "serving" in run.stderr) == (1, True, False)


def test_server_remote_store_backup_is_a_clean_error(server, tmp_path):
    with pytest.raises(StoreError, match="backed up by its server"):
        RemoteStore(f"http://127.0.0.1:{server}/query").backup(tmp_path / "copy")


def test_server_remote_store_ensure_union_keeps_the_union(server):
    remote = RemoteStore(f"http://127.0.0.1:{server}/query")
    remote.ensure_union()
    assert bool(remote.query("ASK { ?s a kg:Article }"))


def test_server_catalogue_queries_as_shown_run_at_the_endpoint(server):
    from kg.store import runnable_query
    statuses = {q.name: post(server, "/query", runnable_query(q.text).encode("utf-8"),
                             {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
                for q in list_queries()}
    assert statuses == {q.name: 200 for q in list_queries()}


# -- the guard against a real `kg serve`: the three doors of the issue and the supervised engine -------------

def send(port: int, method: str, path: str, body: bytes = b"", headers: dict | None = None):
    """(status, headers, body) of one request, the path sent exactly as given."""
    import http.client
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body or None, headers={"Host": f"127.0.0.1:{port}", **(headers or {})})
        answer = connection.getresponse()
        return answer.status, dict(answer.getheaders()), answer.read()
    finally:
        connection.close()


def answers(port: int) -> int:
    """The status of an ordinary query: 200 when the endpoint answers."""
    return send(port, "POST", "/query", b"ASK { ?s ?p ?o }", {"Content-Type": "application/sparql-query"})[0]


def engine_pid(server_pid: int) -> int:
    """The Oxigraph process `kg serve` (pid `server_pid`) runs now."""
    from pathlib import Path
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            name, rest = stat.read_text().rsplit(")", 1)
        except OSError:
            continue
        if int(rest.split()[1]) == server_pid and name.endswith("(oxigraph") and rest.split()[0] != "Z":
            return int(stat.parent.name)
    raise AssertionError(f"`kg serve` ({server_pid}) runs no engine")


def percent_all(text: str) -> str:
    """Every character percent-encoded, unreserved ones too (SERVICE becomes %53%45…)."""
    return "".join(f"%{b:02X}" for b in text.encode("utf-8"))


class Served:
    """A `kg serve` process started by a test, its port and its stderr."""

    def __init__(self, store_dir, log_path, *options: str, token: str | None = None):
        import os
        import sys
        self.port = free_port()
        self.log_path = log_path
        env = {**os.environ, **({"KG_WRITE_TOKEN": token} if token else {})}
        with open(log_path, "wb") as log:
            self.process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store_dir),
                                             "--port", str(self.port), *options], stdout=subprocess.DEVNULL,
                                            stderr=log, env=env)
        wait_until_up(self.port)

    def log(self) -> str:
        return self.log_path.read_text()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    """A store of one article (read it, do not change it)."""
    from .conftest import SEED
    return stored(tmp_path_factory, "small", [SEED])


def served(store_dir, tmp_path_factory, *options, token=None):
    server = Served(store_dir, tmp_path_factory.mktemp("log") / "stderr.txt", *options, token=token)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def small_server(small_store, tmp_path_factory):
    """A read-only `kg serve` of the small store, shared by the tests that leave it as it was."""
    yield from served(small_store, tmp_path_factory)


@pytest.fixture(scope="module")
def untouched_writable(tmp_path_factory):
    """A writable `kg serve` (token s3cret) of an empty store that no test writes to with the token."""
    yield from served(tmp_path_factory.mktemp("untouched") / "store", tmp_path_factory, "--writable", token="s3cret")


@pytest.fixture
def listener():
    """(port, connections received): a TCP listener on another loopback port, standing for any URL."""
    import threading
    hits: list[bytes] = []
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    sock.settimeout(0.2)
    done = threading.Event()

    def accept() -> None:
        while not done.is_set():
            try:
                connection, _ = sock.accept()
            except OSError:
                continue
            with connection:
                connection.settimeout(2)
                try:
                    hits.append(connection.recv(4096))
                except OSError:
                    hits.append(b"")

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield sock.getsockname()[1], hits
    done.set()
    thread.join(5)
    sock.close()


EVIL = ('<https://w3id.org/baliprocess-kg/article/evil> a <https://w3id.org/baliprocess-kg/ontology#Article> ; '
        '<https://w3id.org/baliprocess-kg/ontology#title> "pwned" .')
PWNED = 'ASK { { ?s ?p "pwned" } UNION { GRAPH ?g { ?s ?p "pwned" } } }'


def test_server_store_writes_off_the_route_or_without_token_are_refused(untouched_writable):
    port = untouched_writable.port
    update = "INSERT DATA { <urn:evil> <urn:evil> \"pwned\" }"
    form_update = ("update=" + percent_all(update)).encode()
    attempts = {
        ("POST", "/store/evil", "text/turtle"): 404,       # the first door
        ("PUT", "/storeX", "text/turtle"): 404,
        ("POST", "/store/", "text/turtle"): 404,
        ("POST", "//store", "text/turtle"): 404,
        ("POST", "/%73tore", "text/turtle"): 404,
        ("POST", "/store/../store", "text/turtle"): 404,
        ("POST", "/store;x", "text/turtle"): 404,
        ("POST", "/store?graph=urn%3Aevil", "TEXT/Turtle; charset=UTF-8"): 401,
        ("PUT", "/store?default", "text/turtle"): 401,
        ("PUT", "/store", "application/n-quads"): 401,
        ("DELETE", "/store", ""): 401,
        ("POST", "/update", "Application/SPARQL-Update"): 401,
        ("POST", "/sparql", "application/sparql-update;charset=utf-8"): 401,
        ("POST", "/sparql", "Application/X-WWW-Form-Urlencoded"): 401,
        ("POST", "/query", "application/x-www-form-urlencoded"): 400,
        ("GET", "/sparql?" + form_update.decode(), ""): 400,
        ("POST", "/update/", "application/sparql-update"): 404,
    }
    statuses = {}
    for (method, path, content_type) in attempts:
        body = form_update if "form" in content_type.lower() else \
            (update.encode() if "sparql-update" in content_type.lower() else EVIL.encode())
        statuses[(method, path, content_type)] = send(port, method, path, body if method != "GET" else b"",
                                                      {"Content-Type": content_type} if content_type else {})[0]
    assert statuses == attempts
    assert not bool(RemoteStore(f"http://127.0.0.1:{port}/query").query(PWNED))
    assert send(port, "GET", "/store?default", b"", {"Accept": "application/n-triples"})[0] == 200


def service_attempts(target: str) -> dict[tuple[str, str, str], tuple[bytes, int]]:
    """SERVICE <target> in every encoding: (method, path, content type) -> (body, expected status)."""
    query = f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}"
    trick = f'SELECT * WHERE {{ BIND(1 AS ?a) FILTER(?a<2)#>"""\nSERVICE <{target}> {{ ?s ?p ?o }}\n#"""\n}}'
    glued = f"SELECT * WHERE {{ ?a ?b 1SERVICE<{target}>{{ ?s ?p ?o }} }}"
    escaped = f"PREFIX ex: <http://e/> SELECT * WHERE {{ ?s ex:a\\#b ?o . SERVICE <{target}> {{ ?x ?y ?z }} }}"
    form = f"query={percent_all(query)}".encode()
    return {
        ("POST", "/query", "Application/x-www-form-urlencoded"): (form, 400),   # the second door
        ("POST", "/query", "application/x-www-form-urlencoded; charset=UTF-8"): (form, 400),
        ("POST", "/query", "APPLICATION/X-WWW-FORM-URLENCODED;Charset=\"utf-8\""): (form, 400),
        ("POST", "/query", "application/x-www-form-urlencoded "): (f"%71uery={percent_all(query)}".encode(), 400),
        ("GET", f"/query?query={percent_all(query)}", ""): (b"", 400),
        ("GET", f"/sparql?query={percent_all(query)}", ""): (b"", 400),
        ("POST", "/sparql", "Application/Sparql-Query"): (query.encode(), 400),
        ("POST", "/query", "application/sparql-query; charset=utf-8"): (trick.encode(), 400),
        ("POST", "/query", "application/sparql-query"): (glued.encode(), 400),
        ("POST", "/sparql", "application/x-www-form-urlencoded"): (f"query={percent_all(escaped)}".encode(), 400),
        ("POST", "/query", "text/plain"): (query.encode(), 415),
        ("POST", f"/query?query={percent_all(query)}", "application/sparql-query"): (b"ASK {}", 400),
        ("POST", "/query", "application/x-www-form-urlencoded"): (b"query=ASK%7B%7D&" + form, 400),
        ("POST", "/update", "application/sparql-update"): (
            f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}".encode(), 403),
        ("POST", "/sparql", "application/x-www-form-urlencoded "): (
            f"update={percent_all(f'LOAD <{target}>')}".encode(), 403),
    }


def test_server_service_in_any_encoding_is_refused_and_fetches_nothing(small_server, listener):
    listener_port, hits = listener
    attempts = service_attempts(f"http://127.0.0.1:{listener_port}/sparql")
    statuses = {key: send(small_server.port, key[0], key[1], body, {"Content-Type": key[2]} if key[2] else {})[0]
                for key, (body, _) in attempts.items()}
    time.sleep(0.5)
    assert (statuses, hits) == ({key: status for key, (_, status) in attempts.items()}, [])
    assert answers(small_server.port) == 200


def test_server_service_when_allowed_reaches_the_listener(small_store, tmp_path_factory, listener):
    """The control of the test above: the listener does see a SERVICE call the server lets through."""
    listener_port, hits = listener
    server = Served(small_store, tmp_path_factory.mktemp("log") / "stderr.txt", "--allow-service")
    try:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener_port}/sparql> {{ ?s ?p ?o }} }}"
        send(server.port, "POST", "/query", query.encode(), {"Content-Type": "application/sparql-query"})
    finally:
        server.stop()
    assert len(hits) == 1 and hits[0].startswith((b"GET /sparql", b"POST /sparql"))


def test_server_percent_encoded_deep_braces_leave_the_engine_up(small_server):
    port, engine = small_server.port, engine_pid(small_server.process.pid)
    deep = b"query=SELECT+*+WHERE+" + b"%7B" * 50000 + b"%7D" * 50000   # the third door: 300 KB
    trick = "SELECT * WHERE { BIND(1 AS ?a) FILTER(?a<(" + "(" * 50000 + "1" + ")" * 50000 + ")>?a) }"
    nots = "SELECT * WHERE { FILTER(" + "!" * 50000 + "true) }"
    statuses = [
        send(port, "GET", "/query?query=" + percent_all(nots), b"")[0],  # over http.server's 64 KiB request line
        send(port, "POST", "/query", nots.encode(), {"Content-Type": "application/sparql-query"})[0],
        send(port, "POST", "/query", deep, {"Content-Type": "Application/x-www-form-urlencoded"})[0],
        send(port, "POST", "/sparql", deep, {"Content-Type": "application/x-www-form-urlencoded;charset=utf-8"})[0],
        send(port, "POST", "/query", trick.encode(), {"Content-Type": "application/sparql-query"})[0],
        send(port, "POST", "/query", b"query=" + percent_all(trick).encode(),
             {"Content-Type": "APPLICATION/X-WWW-FORM-URLENCODED"})[0],
    ]
    assert (statuses, answers(port), engine_pid(small_server.process.pid)) == ([414, 400, 400, 400, 400, 400], 200,
                                                                              engine)


def wait_for_answer(port: int, seconds: float = 30) -> list[tuple[int, str | None]]:
    """(status, Retry-After) of ordinary queries until one is answered."""
    seen: list[tuple[int, str | None]] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, headers, _ = send(port, "POST", "/query", b"ASK { ?s ?p ?o }",
                                  {"Content-Type": "application/sparql-query"})
        seen.append((status, headers.get("Retry-After")))
        if status == 200:
            return seen
        time.sleep(0.1)
    raise AssertionError(f"no answer within {seconds} s: {seen[-3:]}")


def kill_engine(server: Served) -> int:
    import os
    import signal
    engine = engine_pid(server.process.pid)
    os.kill(engine, signal.SIGKILL)
    return engine


def test_server_killed_engine_is_restarted_on_the_snapshot(small_store, tmp_path_factory):
    server = Served(small_store, tmp_path_factory.mktemp("log") / "stderr.txt")
    try:
        killed = kill_engine(server)
        seen = wait_for_answer(server.port)
        restarted = engine_pid(server.process.pid)
        remote = RemoteStore(f"http://127.0.0.1:{server.port}/query")
        graphs = len(remote.named_graphs())
    finally:
        server.stop()
    assert seen[0] == (503, "2") and set(seen[:-1]) == {(503, "2")} and seen[-1] == (200, None)
    assert restarted != killed and graphs == 3  # the reference and labels graphs and the one article
    assert "the SPARQL engine stopped (killed by signal 9); restarting it on the same store" in server.log()
    assert "the SPARQL engine is back" in server.log()


def test_server_killed_engine_of_a_writable_server_keeps_what_was_written(tmp_path):
    server = Served(tmp_path / "store", tmp_path / "stderr.txt", "--writable", token="s3cret")
    try:
        remote = RemoteStore(f"http://127.0.0.1:{server.port}/query", token="s3cret")
        remote.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
        kill_engine(server)
        wait_for_answer(server.port)
        kept = bool(remote.query("ASK { <urn:a> <urn:b> <urn:c> }"))
        remote.update("INSERT DATA { <urn:a> <urn:b> <urn:d> }")
        written_after = bool(remote.query("ASK { <urn:a> <urn:b> <urn:d> }"))
    finally:
        server.stop()
    assert (kept, written_after) == (True, True)


LISTEN = ("import socket, sys, time; s = socket.socket(); s.bind(('127.0.0.1', int(sys.argv[1]))); s.listen(); "
          "time.sleep(float(sys.argv[2]))")


def test_server_engine_restarts_a_dead_engine_and_logs_it():
    import os
    import signal
    import sys
    from kg.server import Engine
    messages: list[str] = []
    engine = Engine(lambda port: [sys.executable, "-c", LISTEN, str(port), "60"], log=messages.append)
    engine.start()
    try:
        engine.watch(on_give_up=messages.append, tick=0.05)
        first_pid, first_port = engine.pid(), engine.port()
        os.kill(first_pid, signal.SIGKILL)
        deadline = time.monotonic() + 20
        while engine.pid() == first_pid or engine.port() is None:
            assert time.monotonic() < deadline, messages
            time.sleep(0.05)
        with socket.create_connection(("127.0.0.1", engine.port()), timeout=5):
            pass
    finally:
        engine.stop()
    assert first_port is not None and engine.failure is None
    assert messages[0] == ("the SPARQL engine stopped (killed by signal 9); restarting it on the same store "
                           "(restart 1 of at most 5 within 60 s); requests meanwhile get 503")
    assert messages[1].startswith("the SPARQL engine is back (pid ")


def test_server_engine_gives_up_on_a_crash_loop():
    import sys
    import threading
    from kg.server import Engine
    messages: list[str] = []
    gave_up = threading.Event()
    engine = Engine(lambda port: [sys.executable, "-c", LISTEN, str(port), "0.3"], max_restarts=2, window=60,
                    log=messages.append)
    engine.start()
    try:
        engine.watch(on_give_up=lambda message: gave_up.set(), tick=0.05)
        assert gave_up.wait(30), messages
    finally:
        engine.stop()
    assert engine.failure is not None and engine.failure.startswith(
        "the SPARQL engine stopped 3 times within 60 s (last: exit code 0); kg serve stops.")
    assert (engine.port(), messages[-1]) == (None, engine.failure)


def test_server_query_page_and_its_endpoint_pass_the_allow_list(small_server):
    port = small_server.port
    files = {path: send(port, "GET", path)[0] for path in ("/", "/yasgui.min.js", "/yasgui.min.css", "/logo.svg")}
    page = {"Origin": f"http://127.0.0.1:{port}", "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8",
            "Accept": "application/sparql-results+json,*/*;q=0.9"}
    status, _, body = send(port, "POST", "/sparql", b"query=ASK+%7B+%3Fs+%3Fp+%3Fo+%7D", page)
    assert (files, status, body) == ({"/": 200, "/yasgui.min.js": 200, "/yasgui.min.css": 200, "/logo.svg": 200},
                                     200, b'{"head":{},"boolean":true}')
