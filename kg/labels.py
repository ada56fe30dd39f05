"""One preferred label per entity, used by every output.

States and the organisations of the lexicon have theirs in the reference graph. Every other
entity (an event, a person, a place, an organisation the lexicon lacks) is labelled by each
article that mentions it, and articles differ ("Workshop in Nadi", "Regional Workshop on Border
Screening"). The labels graph gives each of them one `skos:prefLabel`: for events the most
specific name any article gives (the longest), for the others the name most articles use
(then the longest). The article's own names stay as `rdfs:label` and `skos:altLabel`.
"""
from __future__ import annotations

from rdflib import Literal

from .namespaces import GRAPH_LABELS, GRAPH_REFERENCE, SKOS
from .store import GraphStore

__all__ = ["refresh_labels", "preferred_labels"]

LABELS_QUERY = f"""
SELECT ?node ?label (COUNT(DISTINCT ?g) AS ?articles) (SAMPLE(?event) AS ?isEvent) WHERE {{
  GRAPH ?g {{ ?a a kg:Article ; kg:mentions ?node . ?node rdfs:label ?label .
             OPTIONAL {{ ?node a schema:Event BIND(true AS ?event) }} }}
  FILTER NOT EXISTS {{ GRAPH <{GRAPH_REFERENCE}> {{ ?node skos:prefLabel ?own }} }}
}} GROUP BY ?node ?label
"""


def preferred_labels(rows) -> dict[str, str]:
    """The preferred label of each node from (node, label, article count, is event) rows.

    >>> preferred_labels([("e", "Workshop in Nadi", 2, True), ("e", "Regional Screening Workshop", 1, True),
    ...                   ("p", "Jane Smith", 1, None), ("p", "Dr Jane Smith", 1, None), ("p", "J. Smith", 3, None)])
    {'e': 'Regional Screening Workshop', 'p': 'J. Smith'}
    """
    best: dict[str, tuple] = {}
    for node, label, articles, is_event in rows:
        key = (len(label),) if is_event else (int(articles), len(label))
        key = key + (label,)
        if node not in best or key > best[node]:
            best[node] = key
    return {node: key[-1] for node, key in sorted(best.items())}


def refresh_labels(store: GraphStore) -> int:
    """Rebuild the labels graph from the article graphs; returns the number of entities labelled."""
    _, rows = store.select(LABELS_QUERY)
    labels = preferred_labels(rows)
    ntriples = "".join(f"<{node}> <{SKOS.prefLabel}> {Literal(label).n3()} .\n" for node, label in labels.items())
    store.replace_graph(GRAPH_LABELS, ntriples)
    return len(labels)
