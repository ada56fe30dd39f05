import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.errors import QueryError
from kg.extract import extract_article
from kg.rdf import article_iri, to_graph
from kg.sources import read_article
from kg.store import GraphStore, term

from .conftest import SEED


def test_store_replace_graph_is_whole(tmp_path):
    store = GraphStore.on_disk(tmp_path / "s")
    g = to_graph(extract_article(read_article(SEED)))
    store.replace_graph(article_iri(SEED.stem), g)
    store.replace_graph(article_iri(SEED.stem), g)
    assert store.count_quads() == len(g)


def test_store_query_returns_expected_actors(built_store):
    _, rows = built_store.select(
        "SELECT DISTINCT ?l WHERE { ?e schema:organizer ?o . ?o skos:prefLabel ?l } ORDER BY ?l")
    labels = {r[0] for r in rows}
    assert "Regional Support Office of the Bali Process" in labels
    assert "Ministry of Foreign Affairs of the Republic of Indonesia" in labels


def test_store_bound_values_cannot_change_the_query(built_store):
    hostile = 'Indonesia" } } ; DROP ALL ; SELECT * { ?s ?p ?o'
    _, rows = built_store.select("SELECT ?s WHERE { ?s rdfs:label ?name }", {"name": term(hostile)})
    assert rows == []
    assert built_store.count_quads() > 0


def test_store_bad_sparql_is_a_query_error():
    with pytest.raises(QueryError, match="not valid"):
        GraphStore.in_memory().query("SELEC nothing")


def test_store_trig_export_round_trips(built_store, tmp_path):
    data = built_store.dump("trig")
    ds = Dataset()
    ds.parse(data=data, format="trig")
    assert len(ds) == built_store.count_quads() or sum(1 for _ in ds.quads()) == built_store.count_quads()
    graph_iri = article_iri(SEED.stem)
    one = Graph().parse(data=built_store.dump("nt", graph_iri), format="nt")
    again = Graph().parse(data=one.serialize(format="turtle"), format="turtle")
    assert len(one) > 100 and isomorphic(one, again)


def test_store_union_keeps_triples_another_graph_holds():
    from rdflib import Literal, URIRef
    store = GraphStore.in_memory()
    shared = (URIRef("urn:x"), URIRef("urn:p"), Literal("shared"))
    only_a = (URIRef("urn:x"), URIRef("urn:p"), Literal("only a"))
    a, b = Graph(), Graph()
    a.add(shared), a.add(only_a), b.add(shared)
    store.replace_graph("urn:g:a", a)
    store.replace_graph("urn:g:b", b)
    store.remove_graph("urn:g:a")
    _, rows = store.select("SELECT ?o WHERE { <urn:x> <urn:p> ?o }")
    assert rows == [["shared"]]
    assert store.count_quads() == 1


def _graphs_and_union(store: GraphStore) -> tuple[dict, int, int]:
    _, rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    _, [[union]] = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    _, [[distinct]] = store.select("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o "
                                   "WHERE { GRAPH ?g { ?s ?p ?o } } }")
    return {g: int(n) for g, n in rows}, int(union), int(distinct)


def test_store_add_graphs_writes_named_graphs_and_union(tmp_path):
    store = GraphStore.on_disk(tmp_path / "s")
    nt = to_graph(extract_article(read_article(SEED))).serialize(format="nt")
    store.add_graphs([("https://example.org/g1", nt), ("https://example.org/g2", nt)])
    graphs, union, distinct = _graphs_and_union(store)
    assert graphs["https://example.org/g1"] == graphs["https://example.org/g2"] == nt.count("\n") - nt.count("\n\n")
    assert union == distinct
    assert not (tmp_path / "s" / "kg-loading.txt").exists()


def test_store_interrupted_bulk_load_is_dropped_on_open(tmp_path):
    import pyoxigraph as ox
    from kg.store import union_nquads
    store = GraphStore.on_disk(tmp_path / "s")
    nt = to_graph(extract_article(read_article(SEED))).serialize(format="nt")
    store.add_graphs([("https://example.org/kept", nt)])
    # a crash half-way through a batch: the journal names two graphs, half of one batch's quads are in
    (tmp_path / "s" / "kg-loading.txt").write_text("https://example.org/a\nhttps://example.org/b\n")
    quads = union_nquads([("https://example.org/a", nt), ("https://example.org/b", nt)]).splitlines()
    store._store.bulk_load("\n".join(quads[: len(quads) // 3]).encode(), format=ox.RdfFormat.N_QUADS)
    del store
    reopened = GraphStore.on_disk(tmp_path / "s")
    graphs, union, distinct = _graphs_and_union(reopened)
    assert set(graphs) == {"https://example.org/kept"}
    assert union == distinct
    assert not (tmp_path / "s" / "kg-loading.txt").exists()
