from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from kg.namespaces import KG, SCHEMA
from kg.validate import validate_graph, validate_store


def test_validate_bundled_corpus_conforms(built_store):
    assert validate_store(built_store) == []


def test_validate_malformed_graph_is_reported():
    g = Graph()
    ev = URIRef("https://w3id.org/baliprocess-kg/event/bad")
    g.add((ev, RDF.type, SCHEMA.Event))
    g.add((ev, KG.eventKind, Literal("party")))
    violations = validate_graph(g)
    assert violations and all(v.focus == str(ev) for v in violations)


def test_validate_store_goes_batch_by_batch_and_names_the_article(tmp_path):
    from kg.pipeline import ingest
    from kg.rdf import article_iri
    from kg.store import GraphStore
    from .conftest import ARTICLES
    store = GraphStore.on_disk(tmp_path / "s")
    ingest(sorted(ARTICLES.glob("2024-0*.txt"))[:3], store)
    bad = "<https://w3id.org/baliprocess-kg/event/bad> <https://w3id.org/baliprocess-kg/ontology#eventKind> \"party\" .\n"
    store.add_graphs([(article_iri("bad-article"), bad + "<https://w3id.org/baliprocess-kg/event/bad> "
                       "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Event> .\n")])
    violations = validate_store(store, batch=2)
    assert {(v.focus, v.article) for v in violations} == {("https://w3id.org/baliprocess-kg/event/bad",
                                                           article_iri("bad-article"))}
