from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg.extract import extract_article
from kg.namespaces import KG, OWL, WD
from kg.rdf import article_iri, reference_graph, to_graph
from kg.sources import read_article

from .conftest import SEED


def test_rdf_state_iris_use_iso_alpha3():
    g = to_graph(extract_article(read_article(SEED)))
    assert (URIRef("https://w3id.org/baliprocess-kg/state/VNM"), None, None) in g


def test_rdf_every_fact_has_evidence_with_sentence():
    g = to_graph(extract_article(read_article(SEED)))
    supported = set(g.objects(None, KG.supports))
    for node in g.objects(URIRef(article_iri(SEED.stem)), KG.mentions):
        assert node in supported
    for ev in g.subjects(KG.supports, None):
        assert g.value(ev, KG.sentence) is not None


def test_rdf_is_deterministic():
    x = extract_article(read_article(SEED))
    assert isomorphic(to_graph(x), to_graph(x))


def test_rdf_reference_links_wikidata():
    g = reference_graph()
    assert (URIRef("https://w3id.org/baliprocess-kg/state/IDN"), OWL.sameAs, WD.Q252) in g
    assert (URIRef("https://w3id.org/baliprocess-kg/state/CAN"), KG.baliProcessStatus, KG.Observer) in g


def test_rdf_turtle_round_trip_is_isomorphic():
    g = to_graph(extract_article(read_article(SEED)))
    back = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert isomorphic(g, back)


def test_rdf_ntriples_text_is_the_same_graph():
    from kg.rdf import to_ntriples
    x = extract_article(read_article(SEED))
    assert isomorphic(Graph().parse(data=to_ntriples(x), format="nt"), to_graph(x))
