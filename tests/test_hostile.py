"""Hostile and broken inputs: each is named with its problem, the rest goes on, nothing hangs."""
import errno
import os
import time

import pytest
import pyoxigraph

from kg.errors import SourceError, StoreError
from kg.pipeline import extract_ntriples
from kg.rdf import article_iri
from kg.sources import read_article, read_articles
from kg.store import GraphStore, union_nquads

BODY = "The RSO convened a workshop in Bangkok on 3 May 2024."


def test_hostile_jsonl_field_of_wrong_type_fails_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"title": "t", "url": 5, "text": "%s"}\n{"title": "ok", "text": "%s"}\n' % (BODY, BODY))
    items = list(read_articles(path))
    assert [type(i).__name__ for i in items] == ["SourceError", "Article"]
    assert "'url' must be text" in str(items[0]) and f"{path}:1" in str(items[0])


def test_hostile_front_matter_field_of_wrong_type_is_named(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(f"---\ntitle: T\nurl: [1, 2]\n---\n{BODY}\n")
    with pytest.raises(SourceError, match="'url' must be text"):
        read_article(path)


def test_hostile_front_matter_aliases_are_refused_at_once(tmp_path):
    laughs = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    path = tmp_path / "laughs.md"
    path.write_text(f"---\ntitle: T\n{laughs}---\n{BODY}\n")
    started = time.perf_counter()
    with pytest.raises(SourceError, match="aliases"):
        read_article(path)
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize("separator", ["\\u2028", "\\u2029", "\\u0085", "\\u001c", "\\u001e"])
def test_hostile_line_separator_in_title_gives_parseable_nquads(tmp_path, separator):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"title": "Work%sshop", "text": "%s The%swork goes on."}\n' % (separator, BODY, separator))
    article = next(read_articles(path))
    ntriples, problem = extract_ntriples(article, "test")
    graph = article_iri(article.stem)
    quads = list(pyoxigraph.parse(union_nquads([(graph, ntriples)], with_union=False).encode(), format=pyoxigraph.RdfFormat.N_QUADS))
    assert (problem, len(quads)) == (None, len(ntriples.strip().split("\n")))


def test_hostile_fifo_is_named_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match="not a regular file"):
        read_article(fifo)


def test_hostile_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(f"Workshop\n\n{BODY}\n".encode("utf-16"))
    assert read_article(path).text == BODY


def test_hostile_extract_out_an_existing_file_is_a_clean_error(tmp_path):
    from click.testing import CliRunner
    from kg.cli import main
    (tmp_path / "a.txt").write_text(f"Workshop\n\n{BODY}\n")
    (tmp_path / "out").write_text("not a folder")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")])
    assert (result.exit_code, result.exception.__class__.__name__, "is a file" in result.output) == (1, "SystemExit", True)


def test_hostile_deeply_nested_query_is_refused_before_the_engine(built_store):
    from kg.errors import QueryError
    with pytest.raises(QueryError, match="nests groups 3000 deep"):
        built_store.query("SELECT * WHERE " + "{" * 3000 + "}" * 3000)


def test_hostile_service_is_off_by_default(built_store):
    from kg.errors import QueryError
    with pytest.raises(QueryError, match="SERVICE"):
        built_store.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")


def test_hostile_service_word_inside_a_string_is_no_call(built_store):
    variables, rows = built_store.select('SELECT ?x WHERE { BIND("SERVICE {" AS ?x) }')
    assert rows == [["SERVICE {"]]


def test_hostile_time_budget_stops_a_long_extraction():
    from kg.pipeline import TimeBudgetExceeded, time_budget
    with pytest.raises(TimeBudgetExceeded, match="budget of 0 s"):
        with time_budget(0.05):
            while True:
                pass


def test_hostile_long_run_without_full_stops_is_cut_into_bounded_sentences():
    from kg.extract.text import MAX_SENTENCE, split_sentences
    sentences = split_sentences("Mr. A, Ms. B and Dr. C of the Ministry of " * 2000)
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE + 200


def test_hostile_repeated_organisation_is_learnt_once():
    from kg.extract.gazetteer import Gazetteer
    gaz = Gazetteer()
    for n in range(500):
        gaz.add("Ministry of Ports", "org-pattern", {"n": n})
    assert len(gaz.root["ministry"]["of"]["ports"][None]) == 1


@pytest.mark.parametrize("damage", ["truncate", "garble", "empty"])
def test_hostile_damaged_store_file_is_a_clean_error(tmp_path, damage):
    from kg.errors import StoreError
    from kg.pipeline import ingest
    from kg.store import GraphStore
    (tmp_path / "a.txt").write_text(f"Workshop\n\n{BODY}\n")
    store = GraphStore.on_disk(tmp_path / "store")
    ingest([tmp_path / "a.txt"], store)
    del store
    victim = sorted((tmp_path / "store").glob("MANIFEST-*"))[0]
    data = victim.read_bytes()
    victim.write_bytes({"truncate": data[:len(data) // 2], "garble": bytes(b ^ 0x5A for b in data), "empty": b""}[damage])
    with pytest.raises(StoreError, match="is damaged .*RuntimeError: Corruption"):
        GraphStore.on_disk(tmp_path / "store")


def test_hostile_garbage_journal_is_a_clean_error(tmp_path):
    from kg.errors import StoreError
    from kg.store import JOURNAL, GraphStore
    GraphStore.on_disk(tmp_path / "store")
    (tmp_path / "store" / JOURNAL).write_text("> } ; DROP ALL ; <\n")
    with pytest.raises(StoreError, match="journal .* is damaged"):
        GraphStore.on_disk(tmp_path / "store")


def test_hostile_update_through_query_says_what_to_do(built_store):
    from kg.errors import QueryError
    with pytest.raises(QueryError, match=r"SPARQL update \(INSERT …\), and queries only read"):
        built_store.query("INSERT DATA { <urn:a> <urn:b> <urn:c> }")


class FullDisk:
    """A store engine whose writes fail as on a full disk (the named ones), the rest passed through."""

    def __init__(self, engine, failing: set[str]):
        self._engine, self._failing = engine, failing

    def __getattr__(self, name):
        if name in self._failing:
            def fail(*args, **kwargs):
                raise OSError(errno.ENOSPC, "IO error: No space left on device: While appending to file")
            return fail
        return getattr(self._engine, name)


def quad_count(path) -> int:
    store = GraphStore.on_disk(path)
    count = store.count_quads()
    del store
    return count


def graphs_for(*names: str) -> list[tuple[str, str]]:
    return [(f"https://example.org/graph/{n}", f"<https://example.org/{n}> <https://example.org/p> \"{n}\" .\n")
            for n in names]


def test_hostile_disk_full_in_a_bulk_load_is_named_and_keeps_the_store(tmp_path):
    store = GraphStore.on_disk(tmp_path / "s")
    store.add_graphs(graphs_for("a"))
    before = store.count_quads()
    store._store = FullDisk(store._store, {"bulk_load"})
    with pytest.raises(StoreError, match="the disk is full; free some space"):
        store.add_graphs(graphs_for("b", "c"))
    assert (store.count_quads(), (tmp_path / "s" / "kg-loading.txt").exists()) == (before, False)


def test_hostile_disk_full_while_dropping_a_failed_load_leaves_it_to_the_next_opening(tmp_path):
    store = GraphStore.on_disk(tmp_path / "s")
    store.add_graphs(graphs_for("a"))
    before = store.count_quads()
    store._store = FullDisk(store._store, {"bulk_load", "update"})
    with pytest.raises(StoreError, match="the journal .* stays"):
        store.add_graphs(graphs_for("b"))
    del store
    assert ((tmp_path / "s" / "kg-loading.txt").exists(), quad_count(tmp_path / "s"),
            (tmp_path / "s" / "kg-loading.txt").exists()) == (True, before, False)


def test_hostile_disk_full_when_opening_the_store_is_named(tmp_path, monkeypatch):
    def full(*args):
        raise OSError("IO error: No space left on device: While appending to file: 000043.sst")
    monkeypatch.setattr(pyoxigraph, "Store", full)
    with pytest.raises(StoreError, match="the disk is full"):
        GraphStore.on_disk(tmp_path / "s")


@pytest.mark.parametrize("tag", ["div", "span", "section"])
def test_hostile_html_nested_ten_thousand_deep_is_read(tmp_path, tag):
    path = tmp_path / "deep.html"
    path.write_text(f"<html><head><title>Deep page</title></head><body><h1>Deep page</h1>{f'<{tag}>' * 10000}"
                    f"<p>{BODY}</p>{f'</{tag}>' * 10000}</body></html>")
    assert read_article(path).text == BODY


def test_hostile_deeply_nested_front_matter_is_named(tmp_path):
    path = tmp_path / "deep.md"
    path.write_text(f"---\ntitle: {'[' * 20000}{']' * 20000}\n---\n{BODY}\n")
    with pytest.raises(SourceError, match="nests lists or mappings too deeply"):
        read_article(path)


def test_hostile_deeply_nested_jsonl_record_fails_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"title": %s}\n{"title": "ok", "text": "%s"}\n' % ("[" * 100000 + "]" * 100000, BODY))
    assert [type(i).__name__ for i in read_articles(path)] == ["SourceError", "Article"]


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_hostile_utf32_with_bom_is_read(tmp_path, codec):
    path = tmp_path / "a.txt"
    path.write_bytes(("\ufeffWorkshop\n\n" + BODY + "\n").encode(codec))
    assert (read_article(path).title, read_article(path).text) == ("Workshop", BODY)


def test_hostile_store_with_its_manifest_removed_is_named_damaged(tmp_path):
    store = GraphStore.on_disk(tmp_path / "s")
    store.add_graphs(graphs_for("a"))
    del store
    for manifest in (tmp_path / "s").glob("MANIFEST-*"):
        manifest.unlink()
    with pytest.raises(StoreError, match="is damaged or incomplete"):
        GraphStore.on_disk(tmp_path / "s")


def test_hostile_jsonl_error_names_line_and_column(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"title": "a", "text": "%s"}\n{"title": "b",, "text": "%s"}\n' % (BODY, BODY))
    errors = [str(i) for i in read_articles(path) if isinstance(i, SourceError)]
    assert errors == [f"{path}:2: not valid JSON (Expecting property name enclosed in double quotes at column 15)"]


def test_hostile_folder_that_cannot_be_listed_is_reported_and_the_rest_goes_on(tmp_path, monkeypatch):
    from kg.sources import iter_source_files
    (tmp_path / "ok.txt").write_text(f"Workshop\n\n{BODY}\n")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text(f"Workshop\n\n{BODY}\n")
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)
    monkeypatch.setattr(os, "scandir", scandir)
    found = [(type(f).__name__, str(f)) for f in iter_source_files([tmp_path])]
    assert found == [("PosixPath", str(tmp_path / "ok.txt")),
                     ("SourceError", f"{tmp_path / 'locked'}: cannot be read (Permission denied); skipped")]


def test_hostile_device_linked_as_text_is_named_not_read(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    with pytest.raises(SourceError, match="not a regular file"):
        read_article(tmp_path / "zero.txt")
