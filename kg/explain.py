"""`kg explain`: an entity's facts and the sentences behind them."""
from __future__ import annotations

from dataclasses import dataclass, field

from .lookup import find_entity
from .store import GraphStore, term

__all__ = ["Explanation", "explain_entity"]

FACTS = """
SELECT DISTINCT ?direction ?p ?other (SAMPLE(COALESCE(?pl, ?rl)) AS ?label) WHERE {
  { ?x ?p ?other BIND("out" AS ?direction) } UNION { ?other ?p ?x BIND("in" AS ?direction) }
  FILTER(?p NOT IN (kg:supports, kg:mentions, skos:altLabel, skos:hiddenLabel, rdf:subject, rdf:object))
  OPTIONAL { ?other skos:prefLabel ?pl } OPTIONAL { ?other rdfs:label ?rl }
} GROUP BY ?direction ?p ?other ORDER BY ?direction ?p ?label
"""
# the reified statements (kg.rdf) about the entity, as subject or object, and each sentence that says them
STATEMENTS = """
SELECT ?relation ?event (SAMPLE(?el) AS ?eventLabel) ?other (SAMPLE(COALESCE(?ol, STR(?other))) AS ?otherLabel)
       ?date ?title ?sentence WHERE {
  ?st a rdf:Statement ; rdf:subject ?event ; rdf:predicate ?relation ; rdf:object ?other .
  FILTER(?event = ?x || ?other = ?x)
  ?e kg:supports ?st ; kg:sentence ?sentence ; prov:wasDerivedFrom ?a .
  ?a dcterms:title ?title . OPTIONAL { ?a dcterms:date ?date }
  OPTIONAL { ?event skos:prefLabel ?el } OPTIONAL { ?other skos:prefLabel ?ol }
} GROUP BY ?relation ?event ?other ?date ?title ?sentence ORDER BY ?eventLabel ?relation ?otherLabel ?date
"""
EVIDENCE = """
SELECT DISTINCT ?date ?title ?sentence WHERE {
  { ?e kg:supports ?x } UNION { ?e kg:supports ?m . ?m org:member|org:organization ?x }
  ?e kg:sentence ?sentence ; prov:wasDerivedFrom ?a .
  ?a dcterms:title ?title . OPTIONAL { ?a dcterms:date ?date }
} ORDER BY ?date
"""


@dataclass
class Explanation:
    iri: str
    facts: list[tuple[str, str, str, str]]   # direction, predicate, other, label
    evidence: list[tuple[str, str, str]]     # date, article title, sentence
    statements: list[tuple[str, str, str, str, str, str, str, str]] = field(default_factory=list)
    # relation, event, event label, other, other label, article date, article title, sentence


def explain_entity(store: GraphStore, name_or_iri: str) -> Explanation:
    node = find_entity(store, name_or_iri)
    x = term(node, "iri")
    _, facts = store.select(FACTS, {"x": x})
    _, evidence = store.select(EVIDENCE, {"x": x})
    _, statements = store.select(STATEMENTS, {"x": x})
    return Explanation(node, [tuple(r) for r in facts], [tuple(r) for r in evidence], [tuple(r) for r in statements])
