"""A real Oxigraph server process on a free loopback port: catalogue queries over HTTP,
the query page, refused updates, and the same ingest over --endpoint as into the embedded store."""
import socket
import subprocess
import time
import urllib.error
import urllib.request

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


@pytest.fixture
def server(tmp_path_factory):
    """A read-only server on a copy of the built corpus store."""
    store_dir = tmp_path_factory.mktemp("served") / "store"
    store = GraphStore.on_disk(store_dir)
    ingest([ARTICLES], store)
    del store
    yield from running_server(store_dir)



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
