"""One event across articles.

Event IRIs are made per article from the start date and place (kg.resolve), so two reports of
one event agree when they give the same start. Where they do not ("the course ran 3-7 June" in
one, "on 5 June, the course …" in another), an article's event is the event another article
already reported when both are at the same place, their dates overlap and their names share
most of their distinctive words. This runs as articles are written: the later report takes the
IRI of the first (its own dates stay as it gives them).

>>> a = EventSketch("e/a", "2024-06-03", "2024-06-07", "p/jakarta", frozenset({"border", "management", "air"}))
>>> b = EventSketch("e/b", "2024-06-05", "2024-06-05", "p/jakarta", frozenset({"border", "management"}))
>>> same_event(a, b), same_event(a, EventSketch("e/c", "2024-06-05", None, "p/jakarta", frozenset({"experts"})))
(True, False)
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import load_lexicon, normalise
from .namespaces import BASE, RDFS, SCHEMA
from .store import GraphStore, term

__all__ = ["EventSketch", "EventIdentity", "same_event"]

EVENT_TRIPLE = re.compile(r'^<(' + re.escape(BASE) + r'event/[^>]+)> <([^>]+)> (.+) \.$')
PREDICATES = {str(SCHEMA.startDate): "start", str(SCHEMA.endDate): "end", str(SCHEMA.location): "place",
              str(RDFS.label): "name"}

STORED_QUERY = """
SELECT DISTINCT ?event ?start ?end ?name WHERE {
  GRAPH ?g { ?event schema:location ?place ; schema:startDate ?start ; rdfs:label ?name .
             OPTIONAL { ?event schema:endDate ?e0 } }
  FILTER(?g != ?graph)
  BIND(COALESCE(?e0, ?start) AS ?end)
  FILTER(?start <= ?last && ?end >= ?first)
}
"""


@dataclass(frozen=True)
class EventSketch:
    """What identity needs of an event: IRI, dates, place IRI and the distinctive words of its name."""

    iri: str
    start: str | None
    end: str | None
    place: str | None
    words: frozenset[str]


def same_event(a: EventSketch, b: EventSketch) -> bool:
    """Same place, overlapping dates, and at least two distinctive name words shared that make
    two thirds of the shorter name's."""
    if not (a.place and a.place == b.place and a.start and b.start):
        return False
    if a.start > (b.end or b.start) or b.start > (a.end or a.start):
        return False
    common = a.words & b.words
    return len(common) >= 2 and len(common) / min(len(a.words), len(b.words)) >= 2 / 3


class EventIdentity:
    """Gives each article's events the IRI of the same event reported earlier (in the store, or
    earlier in this run)."""

    def __init__(self, store: GraphStore):
        self.store = store
        self.generic = frozenset(normalise(w) for w in load_lexicon().patterns.get("generic_event_name_words", []))
        self.seen: dict[str, list[EventSketch]] = {}  # place IRI -> events written in this run

    def resolve(self, graph_iri: str, ntriples: str) -> str:
        """The article's N-Triples with each event that another report already named renamed to it."""
        for event in self._sketches(ntriples):
            same = next((o for o in self._candidates(graph_iri, event) if o.iri != event.iri and same_event(event, o)),
                        None)
            if same is None:
                if event.place:
                    self.seen.setdefault(event.place, []).append(event)
                continue
            ntriples = _rename(ntriples, event.iri, same.iri)
        return ntriples

    def _words(self, names) -> frozenset[str]:
        return frozenset(w for n in names for w in normalise(n).split() if w not in self.generic)

    def _sketches(self, ntriples: str) -> list[EventSketch]:
        facts: dict[str, dict[str, list[str]]] = {}
        for line in ntriples.split("\n"):
            m = EVENT_TRIPLE.match(line)
            if m and m.group(2) in PREDICATES:
                value = m.group(3)
                value = value[1:-1] if value.startswith("<") else value.split('"')[1] if '"' in value else value
                facts.setdefault(m.group(1), {}).setdefault(PREDICATES[m.group(2)], []).append(value)
        return [EventSketch(iri, min(f["start"]), max(f.get("end") or f["start"]),
                            next(iter(f.get("place", [])), None), self._words(f.get("name", [])))
                for iri, f in facts.items() if f.get("start")]

    def _candidates(self, graph_iri: str, event: EventSketch) -> list[EventSketch]:
        if not event.place or not event.start:
            return []
        _, rows = self.store.select(STORED_QUERY, {"place": term(event.place, "iri"), "graph": term(graph_iri, "iri"),
                                                   "first": term(event.start, "date"),
                                                   "last": term(event.end or event.start, "date")})
        stored: dict[str, tuple[str, str, list[str]]] = {}
        for iri, start, end, name in rows:
            prev = stored.setdefault(iri, (start, end, []))
            prev[2].append(name)
        return self.seen.get(event.place, []) + [EventSketch(iri, s, e, event.place, self._words(names))
                                                 for iri, (s, e, names) in sorted(stored.items())]


def _rename(ntriples: str, old: str, new: str) -> str:
    """The event's IRI and its statements' IRIs (kg.rdf) renamed."""
    old_key, new_key = old.rsplit("/", 1)[1], new.rsplit("/", 1)[1]
    return ntriples.replace(f"<{old}>", f"<{new}>").replace(f"/statement/{old_key}--", f"/statement/{new_key}--")
