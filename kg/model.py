"""Frozen dataclasses that carry an article through the pipeline.

`Extraction` has exactly the shape of a gold file (see data/gold and
FORMAT.md of the corpus); `Evidence` records which sentence says what.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Article", "Evidence", "FactEvidence", "State", "Organisation", "Role", "Person", "Place", "Event",
           "Extraction"]


@dataclass(frozen=True)
class Article:
    """One article read from a file: metadata and the cleaned body text."""

    path: str
    stem: str
    format: str
    title: str
    date: str | None
    url: str | None
    category: str | None
    text: str
    digest: str
    notes: tuple[str, ...] = ()
    header_date: str | None = None    # the event's date as the page prints it apart from the prose
    header_place: str | None = None   # ... and its place ("Location: Perth", "20-21 May 2025 • Bangkok")

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None


@dataclass(frozen=True)
class Evidence:
    """A sentence of the article body: the text and its character offsets."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class State:
    name: str
    aliases: tuple[str, ...] = ()
    iso3: str | None = None
    evidence: tuple[Evidence, ...] = field(default=(), compare=False)

    def to_gold(self) -> dict:
        return {"name": self.name, "aliases": list(self.aliases)}


@dataclass(frozen=True)
class Organisation:
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "other"
    country: str | None = None
    lexicon_id: str | None = None
    evidence: tuple[Evidence, ...] = field(default=(), compare=False)

    def to_gold(self) -> dict:
        out = {"name": self.name, "aliases": list(self.aliases), "kind": self.kind}
        if self.country:
            out["country"] = self.country
        return out


@dataclass(frozen=True)
class Role:
    title: str | None
    organisation: str | None
    evidence: tuple[Evidence, ...] = field(default=(), compare=False)

    def to_gold(self) -> dict:
        return {"title": self.title, "organisation": self.organisation}


@dataclass(frozen=True)
class Person:
    name: str
    honorific: str | None = None
    roles: tuple[Role, ...] = ()
    evidence: tuple[Evidence, ...] = field(default=(), compare=False)

    def to_gold(self) -> dict:
        return {"name": self.name, "honorific": self.honorific,
                "roles": [r.to_gold() for r in self.roles]}


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None = None
    evidence: tuple[Evidence, ...] = field(default=(), compare=False)

    def to_gold(self) -> dict:
        return {"name": self.name, "country": self.country}


@dataclass(frozen=True)
class FactEvidence:
    """The sentence that says one fact of an event: who organised it (`organiser`), who took part
    (`participant`), where (`place`) or when (`date`); `value` is the actor's or place's name or the date."""

    relation: str
    value: str
    evidence: Evidence


@dataclass(frozen=True)
class Event:
    name: str
    kind: str = "other"
    start: str | None = None
    end: str | None = None
    place: str | None = None
    organisers: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = field(default=(), compare=False)
    facts: tuple[FactEvidence, ...] = field(default=(), compare=False)

    def to_gold(self) -> dict:
        return {"name": self.name, "kind": self.kind, "start": self.start, "end": self.end,
                "place": self.place, "organisers": list(self.organisers),
                "participants": list(self.participants), "people": list(self.people)}


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article, in the gold-file shape."""

    article: Article
    states: tuple[State, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    people: tuple[Person, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()

    def to_gold(self) -> dict:
        """The gold-file JSON object (FORMAT.md) for this extraction."""
        return {
            "article": {"title": self.article.title, "date": self.article.date,
                        "category": self.article.category},
            "states": [s.to_gold() for s in self.states],
            "organisations": [o.to_gold() for o in self.organisations],
            "people": [p.to_gold() for p in self.people],
            "places": [p.to_gold() for p in self.places],
            "events": [e.to_gold() for e in self.events],
        }
