"""Bad input, crashes and concurrent use: nothing stored is lost, every problem is named."""
import os
import signal
import subprocess
import sys
import time

import pytest

from kg.errors import SourceError, StoreError
from kg.pipeline import ingest
from kg.sources import read_article, read_articles
from kg.store import GraphStore

from .conftest import ARTICLES, SEED

BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "blank.md": (b"   \n\t\n", "empty"),
    "scan.txt": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF"),
    "photo.html": (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    "archive.md": (b"\x1f\x8b\x08\x00\x00\x00", "gzip"),
    "nobody.html": (b"<html><body><nav>Home</nav><footer>(c)</footer></body></html>", "no article body"),
    "broken.md": (b"---\ntitle: [oops\n---\nText.", "front matter"),
    "notes.docx": (b"PK\x03\x04", "unknown suffix"),
}


def test_robustness_each_bad_input_is_named_and_the_rest_is_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, (data, _) in BAD_INPUTS.items():
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_bytes(SEED.read_bytes())
    (folder / "batch.jsonl").write_text('{"title": "T", "date": "2024-01-01", "text": "Thailand met."}\n'
                                        '{broken\n{"title": "no text"}\n', encoding="utf-8")
    report = ingest([folder, tmp_path / "missing-folder"], GraphStore.on_disk(tmp_path / "s"))
    problems = dict(report.failed)
    for name, (_, expected) in BAD_INPUTS.items():
        assert expected.lower() in problems[str(folder / name)].lower(), name
    assert any(k.endswith("batch.jsonl:2") for k in problems) and any(k.endswith("batch.jsonl:3") for k in problems)
    assert "no such file" in problems[str(tmp_path / "missing-folder")]
    assert len(report.added) == 2  # good.txt and the good JSONL line


def test_robustness_latin1_and_malformed_html_are_recovered(tmp_path):
    f = tmp_path / "old.html"
    f.write_bytes(b"<html><body><article><p>Delegates from Malaysia met in Penang \xe9t\xe9.<p>Second")
    a = read_article(f)
    assert "Malaysia" in a.text and a.notes


def test_robustness_article_without_date_is_kept(tmp_path):
    f = tmp_path / "undated.md"
    f.write_text("# A title\n\nThe RSO met officials from Fiji.", encoding="utf-8")
    a = read_article(f)
    assert a.date is None and any("no publication date" in n for n in a.notes)


def test_robustness_oversized_file_is_refused_quickly(tmp_path):
    from kg import sources
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:
        fh.truncate(sources.MAX_BYTES + 1)
    start = time.time()
    with pytest.raises(SourceError, match="over the"):
        read_article(f)
    assert time.time() - start < 5


def test_robustness_symlink_loop_is_reported(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_bytes(SEED.read_bytes())
    os.symlink(folder, folder / "loop")
    report = ingest([folder], GraphStore.on_disk(tmp_path / "s"))
    assert len(report.added) == 1
    assert any("loop" in problem for _, problem in report.failed)


def test_robustness_unreadable_file_is_reported(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    f = tmp_path / "secret.txt"
    f.write_bytes(SEED.read_bytes())
    f.chmod(0)
    with pytest.raises(SourceError, match="permission"):
        read_article(f)


def test_robustness_busy_store_is_a_clear_error(tmp_path):
    holder = GraphStore.on_disk(tmp_path / "s")
    with pytest.raises(StoreError, match="busy"):
        GraphStore.on_disk(tmp_path / "s")
    del holder


def _quads_by_graph(store: GraphStore) -> dict[str, int]:
    _, rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {g: int(n) for g, n in rows}


def _kill_ingests_and_check(store_dir, args: list[str], expected: dict, delays) -> None:
    """SIGKILL `kg ingest ARGS` after each delay; every graph must then be whole and the union agree."""
    for delay in delays:
        proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "ingest", *args, "--store", str(store_dir)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        store = GraphStore.on_disk(store_dir)
        for graph, count in _quads_by_graph(store).items():
            assert count == expected[graph], f"graph {graph} is half-written after SIGKILL at {delay}s"
        _, [[in_union]] = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        _, [[distinct]] = store.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
                                       "WHERE { GRAPH ?g { ?s ?p ?o } } }")
        assert in_union == distinct, "the union graph disagrees with the named graphs"
        del store


def test_robustness_sigkill_during_ingest_loses_nothing(tmp_path):
    reference = GraphStore.on_disk(tmp_path / "reference")
    ingest([ARTICLES], reference)
    expected = _quads_by_graph(reference)
    union = reference.count_quads()
    del reference
    store_dir = tmp_path / "killed"
    _kill_ingests_and_check(store_dir, [str(ARTICLES)], expected, (0.6, 1.2, 2.0))
    store = GraphStore.on_disk(store_dir)
    ingest([ARTICLES], store)
    assert _quads_by_graph(store) == expected
    assert store.count_quads() == union


def test_robustness_sigkill_during_bulk_loads_loses_nothing(tmp_path):
    from bench.synthetic import write_corpus
    write_corpus(tmp_path / "corpus", 240, seed=5, gold=False)
    articles = tmp_path / "corpus" / "articles"
    reference = GraphStore.on_disk(tmp_path / "reference")
    ingest([articles], reference, batch_size=5)
    expected = _quads_by_graph(reference)
    del reference
    store_dir = tmp_path / "killed"
    _kill_ingests_and_check(store_dir, [str(articles), "--batch-size", "5"], expected, (1.0, 1.8, 2.6))
    store = GraphStore.on_disk(store_dir)
    ingest([articles], store)
    assert _quads_by_graph(store) == expected


def test_robustness_lone_surrogate_in_jsonl_is_replaced(tmp_path):
    f = tmp_path / "escaped.jsonl"
    f.write_text('{"id": "a", "title": "Bad \\ud800 title", "date": "2024-01-01", "text": "Officials from Fiji met."}\n'
                 '{"id": "b", "title": "Good", "date": "2024-01-01", "text": "Officials from Samoa met."}\n',
                 encoding="utf-8")
    store = GraphStore.on_disk(tmp_path / "s")
    report = ingest([f], store)
    assert report.ok and len(report.added) == 2
    _, rows = store.select("SELECT ?t WHERE { ?a a kg:Article ; dcterms:title ?t }")
    assert sorted(r[0] for r in rows) == ["Bad \ufffd title", "Good"]


def test_robustness_large_jsonl_is_streamed(tmp_path):
    f = tmp_path / "many.jsonl"
    record = '{"title": "T%d", "date": "2024-01-01", "text": "Officials from Fiji met in Suva, Fiji. %s"}\n'
    with open(f, "w", encoding="utf-8") as fh:
        for i in range(20000):
            fh.write(record % (i, "x" * 900))
    assert f.stat().st_size > 16 * 1024 * 1024
    count = 0
    for item in read_articles(f):
        assert not isinstance(item, SourceError)
        count += 1
    assert count == 20000
