"""Opt-in RDFS inference: the subclass and subproperty closure as its own named graph.

A Working Group is a Bali Process body is an organisation: after
`infer_rdfs(store)`, `?x a org:Organization` finds it through
`rdfs:subClassOf` (and `owl:equivalentClass`) chains of ontology/kg.ttl.
"""
from __future__ import annotations


from rdflib import Graph

from .namespaces import BASE
from .store import GraphStore, remove_graph_update
from .resources import resource_dir

__all__ = ["GRAPH_ONTOLOGY", "GRAPH_INFERRED", "infer_rdfs"]

ONTOLOGY = resource_dir("ontology") / "kg.ttl"
GRAPH_ONTOLOGY = BASE + "graph/ontology"
GRAPH_INFERRED = BASE + "graph/inferred"

CLOSURE = f"""
INSERT {{ GRAPH <{GRAPH_INFERRED}> {{ ?x a ?super }} ?x a ?super }}
WHERE {{
  GRAPH ?g {{ ?x a ?class }}
  GRAPH <{GRAPH_ONTOLOGY}> {{ ?class (rdfs:subClassOf|owl:equivalentClass|^owl:equivalentClass)+ ?super }}
  FILTER(isIRI(?super) && ?super != ?class)
}} ;
INSERT {{ GRAPH <{GRAPH_INFERRED}> {{ ?s ?super ?o }} ?s ?super ?o }}
WHERE {{
  GRAPH <{GRAPH_ONTOLOGY}> {{ ?p rdfs:subPropertyOf+ ?super }}
  GRAPH ?g {{ ?s ?p ?o }}
}}
"""


def infer_rdfs(store: GraphStore) -> int:
    """Load the ontology and (re)compute the inferred graph; returns the number of inferred triples."""
    store.replace_graph(GRAPH_ONTOLOGY, Graph().parse(ONTOLOGY))
    # one transaction: drop the old closure (and its share of the union), insert the new one in both
    store.update(remove_graph_update(GRAPH_INFERRED) + " ;\n" + CLOSURE)
    _, rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH_INFERRED}> {{ ?s ?p ?o }} }}")
    return int(rows[0][0])
