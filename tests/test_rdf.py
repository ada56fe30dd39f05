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


def _article(stem: str, text: str):
    from kg.model import Article
    return Article(f"{stem}.txt", stem, "txt", "Screening workshop", "2024-05-10", None, None, text, stem * 8)


STATEMENT_SENTENCES = """
SELECT ?relation ?object ?sentence WHERE {
  ?st a rdf:Statement ; rdf:predicate ?relation ; rdf:object ?object .
  ?e kg:supports ?st ; kg:sentence ?sentence .
} ORDER BY ?relation ?object ?sentence
"""


def test_rdf_each_fact_of_an_event_is_a_statement_its_sentence_supports():
    from kg.store import GraphStore
    text = ("A border screening workshop took place in Suva on 3 May 2024. It was convened by the RSO. "
            "Delegates came from Fiji and Samoa.")
    store = GraphStore.in_memory()
    store.add_graphs([(article_iri("a"), to_graph(extract_article(_article("a", text))).serialize(format="nt"))])
    rows = sorted((r.rsplit("/", 1)[-1].rsplit("#", 1)[-1], o.rsplit("/", 1)[-1], s)
                  for r, o, s in store.select(STATEMENT_SENTENCES)[1])
    assert rows == [("location", "suva", "A border screening workshop took place in Suva on 3 May 2024."),
                    ("organizer", "rso", "It was convened by the RSO."),
                    ("participant", "FJI", "Delegates came from Fiji and Samoa."),
                    ("participant", "WSM", "Delegates came from Fiji and Samoa."),
                    ("startDate", "2024-05-03", "A border screening workshop took place in Suva on 3 May 2024.")]


def test_rdf_two_articles_saying_one_fact_support_one_statement():
    from kg.store import GraphStore
    store = GraphStore.in_memory()
    for stem, text in (("a", "The RSO convened a border screening workshop in Suva on 3 May 2024."),
                       ("b", "On 3 May 2024 a border screening workshop in Suva was convened by the RSO.")):
        store.add_graphs([(article_iri(stem), to_graph(extract_article(_article(stem, text))).serialize(format="nt"))])
    _, rows = store.select("SELECT ?st (COUNT(DISTINCT ?a) AS ?n) WHERE { ?st a rdf:Statement ; "
                           "rdf:predicate schema:organizer . ?e kg:supports ?st ; prov:wasDerivedFrom ?a } GROUP BY ?st")
    assert [(st.rsplit("/", 1)[-1], int(n)) for st, n in rows] == [("2024-05-03-suva--organiser--rso", 2)]
