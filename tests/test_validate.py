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
