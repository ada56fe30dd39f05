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
