"""One way to find an entity by name, shared by every command that takes one (`--focus`,
`--param`, `kg explain`): its preferred label, any other label, an acronym or its IRI, with
case, accents and punctuation aside ("lao pdr", "Laos" and "LAO PDR" find the same state).
A name that matches nothing is an error that suggests the nearest names.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from .errors import KgError
from .lexicon import normalise
from .store import GraphStore

__all__ = ["NameNotFound", "EntityName", "entity_names", "find_entity"]

# every name of every entity (not articles, evidence or roles); rank 0 is the preferred label
NAMES_QUERY = """
SELECT DISTINCT ?x ?name ?rank WHERE {
  VALUES ?type { kg:State org:Organization schema:Person kg:Place schema:Event }
  ?x a ?type .
  { ?x skos:prefLabel ?name BIND(0 AS ?rank) } UNION { ?x rdfs:label|schema:name ?name BIND(1 AS ?rank) }
  UNION { ?x skos:altLabel|kg:acronym ?name BIND(2 AS ?rank) }
}
"""


class NameNotFound(KgError):
    """No entity has this name; the message lists the nearest names."""


@dataclass(frozen=True)
class EntityName:
    iri: str
    name: str
    rank: int  # 0 preferred label, 1 a label, 2 an alias or acronym


def entity_names(store: GraphStore) -> list[EntityName]:
    _, rows = store.select(NAMES_QUERY)
    return [EntityName(x, str(name), int(rank)) for x, name, rank in rows]


def find_entity(store: GraphStore, name: str, names: list[EntityName] | None = None) -> str:
    """The IRI of the entity called `name`; a preferred label wins over other labels, and these over
    aliases. An IRI is returned as it is."""
    if name.startswith(("http://", "https://")):
        return name
    names = entity_names(store) if names is None else names
    key = normalise(name)
    hits = sorted((n.rank, n.iri) for n in names if normalise(n.name) == key)
    if hits:
        return hits[0][1]
    preferred = sorted({n.name for n in names if n.rank == 0})
    near = difflib.get_close_matches(name, preferred, n=5, cutoff=0.6) or \
        [p for p in preferred if key and key in normalise(p)][:5]
    hint = f"; did you mean {', '.join(repr(n) for n in near)}?" if near else "; `kg query actor-timeline` lists actors"
    raise NameNotFound(f"nothing in the store is named {name!r}{hint}")
