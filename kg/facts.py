"""What the explorer's pages draw, read from the store once into typed records: actors, events
(dates, places, organisers, participants, the articles that report them) and people's roles
(dated by the article that states them).

>>> Event("e", "Workshop", "2024-03-05", "2024-03-06", "workshop").year
'2024'
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .namespaces import GRAPH_REFERENCE
from .network import TYPE_OF
from .store import GraphStore

__all__ = ["Actor", "Event", "Role", "Source", "ExplorerFacts", "read_facts"]


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    date: str


@dataclass(frozen=True)
class Actor:
    iri: str
    label: str
    kind: str          # state, organisation, person, place
    status: str = ""   # member or observer, for states
    country: str = ""  # the state an organisation or a place belongs to
    iso3: str = ""


@dataclass
class Event:
    iri: str
    label: str
    start: str
    end: str
    kind: str
    themes: tuple[str, ...] = ()
    places: list[str] = field(default_factory=list)
    organisers: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    @property
    def year(self) -> str:
        return self.start[:4]


@dataclass(frozen=True)
class Role:
    person: str
    organisation: str
    title: str
    source: Source


@dataclass
class ExplorerFacts:
    actors: dict[str, Actor]
    events: list[Event]
    roles: list[Role]

    def events_of(self, iri: str) -> list[Event]:
        """The events an actor organised, took part in or was the place of, oldest first."""
        return [e for e in self.events if iri in e.organisers or iri in e.participants or iri in e.places]

    def name(self, iri: str) -> str:
        return self.actors[iri].label if iri in self.actors else iri.rsplit("/", 1)[-1]


ACTORS_QUERY = f"""
SELECT ?x (GROUP_CONCAT(DISTINCT STR(?t); separator=" ") AS ?types) (SAMPLE(COALESCE(?pl, ?rl)) AS ?label)
       (SAMPLE(?st) AS ?status) (SAMPLE(?cl) AS ?country) (SAMPLE(?code) AS ?iso3)
WHERE {{
  GRAPH ?g {{ ?a a kg:Article ; kg:mentions ?x . ?x a ?t . OPTIONAL {{ ?x rdfs:label ?rl }} }}
  FILTER NOT EXISTS {{ GRAPH ?h {{ ?x a schema:Event }} }}
  OPTIONAL {{ ?x skos:prefLabel ?pl }}
  OPTIONAL {{ ?x (kg:country|kg:inState) ?c . GRAPH <{GRAPH_REFERENCE}> {{ ?c skos:prefLabel ?cl }} }}
  OPTIONAL {{ GRAPH <{GRAPH_REFERENCE}> {{ ?x kg:baliProcessStatus/rdfs:label ?st }} }}
  OPTIONAL {{ GRAPH <{GRAPH_REFERENCE}> {{ ?x kg:iso3 ?code }} }}
}} GROUP BY ?x
"""
EVENTS_QUERY = """
SELECT ?e (SAMPLE(COALESCE(?pl, ?rl)) AS ?label) (MIN(STR(?s)) AS ?start) (MAX(STR(?en)) AS ?end)
       (SAMPLE(?k) AS ?kind) (GROUP_CONCAT(DISTINCT STR(?th); separator=" ") AS ?themes)
WHERE {
  GRAPH ?g { ?e a schema:Event . OPTIONAL { ?e rdfs:label ?rl } OPTIONAL { ?e schema:startDate ?s }
             OPTIONAL { ?e schema:endDate ?en } OPTIONAL { ?e kg:eventKind ?k } OPTIONAL { ?e kg:theme ?th } }
  OPTIONAL { ?e skos:prefLabel ?pl }
} GROUP BY ?e
"""
LINKS_QUERY = """
SELECT DISTINCT ?e ?p ?o WHERE {
  VALUES ?p { schema:organizer kg:participant schema:attendee schema:location }
  GRAPH ?g { ?e a schema:Event ; ?p ?o }
}
"""
EVENT_SOURCES_QUERY = """
SELECT DISTINCT ?e ?title ?url ?date WHERE {
  GRAPH ?g { ?a a kg:Article ; kg:mentions ?e . ?e a schema:Event .
             OPTIONAL { ?a dcterms:title ?title } OPTIONAL { ?a dcterms:source ?url } OPTIONAL { ?a dcterms:date ?date } }
}
"""
ROLES_QUERY = """
SELECT DISTINCT ?person ?org ?title ?atitle ?url ?date WHERE {
  GRAPH ?g { ?m org:member ?person ; org:organization ?org . OPTIONAL { ?m org:role/rdfs:label ?title }
             ?a a kg:Article . OPTIONAL { ?a dcterms:title ?atitle } OPTIONAL { ?a dcterms:source ?url }
             OPTIONAL { ?a dcterms:date ?date } }
}
"""
RELATION = {"https://schema.org/organizer": "organisers", "https://w3id.org/baliprocess-kg/ontology#participant":
            "participants", "https://schema.org/attendee": "participants", "https://schema.org/location": "places"}


def _kind(types: str) -> str:
    for iri in types.split():
        kind = TYPE_OF.get(iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1])
        if kind and kind != "event":
            return kind
    return ""


def _actors(store: GraphStore) -> dict[str, Actor]:
    _, rows = store.select(ACTORS_QUERY)
    actors = {}
    for iri, types, label, status, country, iso3 in rows:
        kind = _kind(types or "")
        if kind:
            actors[iri] = Actor(iri, label or iri.rsplit("/", 1)[-1], kind, status or "",
                                country or (label if kind == "state" else "") or "", iso3 or "")
    return actors


def _events(store: GraphStore) -> list[Event]:
    _, rows = store.select(EVENTS_QUERY)
    events = {e: Event(e, label or e.rsplit("/", 1)[-1], start or "", end or start or "", kind or "other",
                       tuple(sorted(t.rsplit("/", 1)[-1] for t in (themes or "").split())))
              for e, label, start, end, kind, themes in rows}
    _, links = store.select(LINKS_QUERY)
    for e, p, o in sorted(links):
        if e in events and o not in getattr(events[e], RELATION[p]):
            getattr(events[e], RELATION[p]).append(o)
    _, sources = store.select(EVENT_SOURCES_QUERY)
    for e, title, url, date in sorted(sources, key=lambda r: (r[0], r[3] or "", r[1] or "")):
        if e in events:
            events[e].sources.append(Source(title or "", url or "", date or ""))
    return sorted(events.values(), key=lambda e: (e.start or "9999", e.label))


def read_facts(store: GraphStore) -> ExplorerFacts:
    """Every actor, event and role the store holds, in the records the explorer's pages draw."""
    _, rows = store.select(ROLES_QUERY)
    roles = [Role(person, org, title or "", Source(atitle or "", url or "", date or ""))
             for person, org, title, atitle, url, date in rows]
    roles.sort(key=lambda r: (r.source.date, r.person, r.organisation, r.title))
    return ExplorerFacts(_actors(store), _events(store), roles)
