from rdflib import Graph
from rdflib.namespace import RDFS

from kg.namespaces import KG
from kg.queries import QUERY_DIR
from kg.store import GraphStore

from .conftest import ROOT


def test_ontology_files_parse_and_every_term_is_documented():
    g = Graph().parse(ROOT / "ontology" / "kg.ttl")
    Graph().parse(ROOT / "ontology" / "shapes.ttl")
    terms = [s for s in set(g.subjects()) if str(s).startswith(str(KG))]
    assert terms
    for t in terms:
        assert g.value(t, RDFS.label) is not None and g.value(t, RDFS.comment) is not None, t


def test_ontology_namespace_matches_closed_vocabulary():
    g = Graph().parse(ROOT / "ontology" / "kg.ttl")
    declared = {str(s)[len(str(KG)):] for s in g.subjects() if str(s).startswith(str(KG))}
    for name in ["Training", "participant", "supports", "Evidence", "MemberState"]:
        assert name in declared and getattr(KG, name)


def test_ontology_every_query_file_parses():
    store = GraphStore.in_memory()
    for path in QUERY_DIR.glob("*.rq"):
        store.query(path.read_text(encoding="utf-8"))
