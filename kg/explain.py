"""`kg explain`: an entity's facts and the sentences behind them."""
from __future__ import annotations

from dataclasses import dataclass

from .errors import KgError
from .store import GraphStore, term

__all__ = ["Explanation", "explain_entity"]

FIND = """
SELECT DISTINCT ?x WHERE { ?x rdfs:label|skos:altLabel|schema:name|kg:acronym ?name . }
"""
FIND_CI = """
SELECT DISTINCT ?x WHERE { ?x rdfs:label|skos:altLabel|schema:name|kg:acronym ?l . FILTER(LCASE(STR(?l)) = LCASE(?name)) }
"""
FACTS = """
SELECT DISTINCT ?direction ?p ?other (SAMPLE(?l) AS ?label) WHERE {
  { ?x ?p ?other BIND("out" AS ?direction) } UNION { ?other ?p ?x BIND("in" AS ?direction) }
  FILTER(?p NOT IN (kg:supports, kg:mentions, skos:altLabel, skos:hiddenLabel))
  OPTIONAL { ?other rdfs:label ?l }
} GROUP BY ?direction ?p ?other ORDER BY ?direction ?p ?label
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


def explain_entity(store: GraphStore, name_or_iri: str) -> Explanation:
    if name_or_iri.startswith(("http://", "https://")):
        node = name_or_iri
    else:
        _, rows = store.select(FIND, {"name": term(name_or_iri)})
        if not rows:
            _, rows = store.select(FIND_CI, {"name": term(name_or_iri)})
        if not rows:
            raise KgError(f"nothing in the store is named {name_or_iri!r}; try `kg query actor-timeline` "
                          "or a full IRI")
        node = rows[0][0]
    x = term(node, "iri")
    _, facts = store.select(FACTS, {"x": x})
    _, evidence = store.select(EVIDENCE, {"x": x})
    return Explanation(node, [tuple(r) for r in facts], [tuple(r) for r in evidence])
