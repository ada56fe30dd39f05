"""One identity per actor: stable, readable IRIs from whatever form an article uses.

>>> from kg.model import Organisation
>>> organisation_key(Organisation("Indonesian Ministry of Foreign Affairs", ("KEMLU",), lexicon_id="kemlu"))
'kemlu'
"""
from __future__ import annotations


from .lexicon import Lexicon, load_lexicon, normalise, slugify
from .model import Extraction, Organisation, Person, Place, State

__all__ = ["state_key", "organisation_key", "person_key", "place_key", "event_keys", "actor_iri_key"]


def state_key(state: State, lexicon: Lexicon | None = None) -> str:
    if state.iso3:
        return state.iso3
    entry = (lexicon or load_lexicon()).state_by_form(state.name)
    return entry.iso3 if entry else slugify(state.name)


def _country_iso3(country: str | None, lexicon: Lexicon) -> str | None:
    entry = lexicon.state_by_form(country) if country else None
    return entry.iso3 if entry else None


def organisation_key(org: Organisation, lexicon: Lexicon | None = None) -> str:
    """Lexicon id where known; else the shortest multi-word form plus the country's ISO code."""
    lexicon = lexicon or load_lexicon()
    if org.lexicon_id:
        return org.lexicon_id
    for form in (org.name,) + org.aliases:
        entry = lexicon.organisation_by_form(form)
        if entry is not None and (entry.country or None) == (org.country or None):
            return entry.id
    iso3 = _country_iso3(org.country, lexicon)
    forms = [f for f in (org.name,) + org.aliases if len(f.split()) >= 2 and not f.isupper()]
    # drop a leading demonym or possessive ("Australian …", "Fiji's …") when a shorter form exists
    base = min(forms, key=len) if forms else org.name
    key = slugify(base)
    return f"{key}--{iso3.lower()}" if iso3 and not key.endswith(iso3.lower()) else key


def person_key(person: Person) -> str:
    return slugify(person.name)


def place_key(place: Place) -> str:
    return slugify(place.name)


def event_keys(extraction: Extraction) -> list[str]:
    """Keys for the events of one extraction: start date and place, e.g. '2024-02-21-bangkok'.

    The same event reported by two articles gets the same key, whatever kind each article calls
    it ("the course" in one, "the workshop" in the other); events of one article on the same day
    and place are told apart by a number. An undated event is the article's own.
    """
    keys: list[str] = []
    for ev in extraction.events:
        if ev.start:
            key = "-".join(x for x in (ev.start, slugify(ev.place) if ev.place else "") if x)
        else:
            key = f"{slugify(extraction.article.stem, 60)}-{slugify(ev.kind)}"
        base, n = key, 2
        while key in keys:
            key, n = f"{base}-{n}", n + 1
        keys.append(key)
    return keys


def actor_iri_key(name: str, extraction: Extraction, lexicon: Lexicon | None = None) -> tuple[str, str] | None:
    """("state"|"org", key) of an actor named in an event's organisers or participants."""
    lexicon = lexicon or load_lexicon()
    target = normalise(name)
    for s in extraction.states:
        if target in {normalise(s.name)} | {normalise(a) for a in s.aliases}:
            return "state", state_key(s, lexicon)
    for o in extraction.organisations:
        if target in {normalise(o.name)} | {normalise(a) for a in o.aliases}:
            return "org", organisation_key(o, lexicon)
    return None
