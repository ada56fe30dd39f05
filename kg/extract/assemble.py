"""Mentions in, one `Extraction` out: one entry per actor, names and aliases, evidence."""
from __future__ import annotations

from typing import Any

import re
from dataclasses import dataclass, field

from ..lexicon import Lexicon, OrganisationEntry, normalise
from ..model import (Article, Event, Evidence, Extraction, FactEvidence, Organisation, Person, Place, Role, State)
from .entities import Mention
from .events import EventRecord
from .people import PersonMention
from .text import Sentence

__all__ = ["assemble", "build_registry", "Registry"]


def _evidence(sentences: list[Sentence], indices) -> tuple[Evidence, ...]:
    out = []
    for si in sorted(set(indices)):
        s = sentences[si]
        out.append(Evidence(s.text, s.start, s.end))
    return tuple(out)


def _canonical_org(m: Mention, lexicon: Lexicon) -> OrganisationEntry | None:
    """A pattern organisation that is a shortened form of a known one maps to it.

    Never across countries: "the Iraqi Ministry of Foreign Affairs" is not Indonesia's,
    even where the lexicon knows Indonesia's by the short form "Ministry of Foreign Affairs".
    """
    country = m.facts.country

    def same_country(entry: OrganisationEntry | None) -> OrganisationEntry | None:
        return entry if entry is None or not country or not entry.country or entry.country == country else None

    if m.entry is not None:
        return same_country(m.entry)
    name = normalise(m.facts.short or m.facts.name or m.name)
    if m.facts.parent:
        return None
    words = name.split()
    if len(words) < 4:
        return same_country(lexicon.organisation_by_form(name))
    for o in lexicon.organisations:
        for form in o.forms:
            nf = normalise(form)
            if (nf.startswith(name + " ") or nf == name) and same_country(o):
                return o
    return None


@dataclass
class _Actor:
    """One state, organisation or place of the article: its name, the forms the text uses, where."""

    name: str
    entry: Any = None  # the lexicon entry (StateEntry, OrganisationEntry) when known
    kind: str = "other"
    country: str | None = None
    forms: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    standalone: bool = False  # named on its own at least once, not only inside an event's name


@dataclass
class _PersonRecord:
    name: str
    honorific: str | None
    roles: list[tuple[str | None, str | None, int]] = field(default_factory=list)  # (title, body, sentence)
    sentences: list[int] = field(default_factory=list)


class Registry:
    """The article's actors, one record per canonical key, with the key of every mention."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.states: dict[str, _Actor] = {}
        self.orgs: dict[str, _Actor] = {}
        self.places: dict[str, _Actor] = {}
        self.persons: dict[str, _PersonRecord] = {}
        self.key_of: dict[int, str] = {}  # id(mention) -> actor key

    def add(self, m: Mention) -> None:
        if m.kind == "state":
            e = m.entry
            rec = self.states.setdefault(e.iso3, _Actor(e.name if m.facts.demonym else m.name, e))
            rec.forms += [e.name if m.facts.demonym else m.name, *m.facts.acronyms]
            self._remember(m, rec, e.iso3)
        elif m.kind == "org":
            self._add_organisation(m)
        elif m.kind == "place":
            shouted = m.entry is not None and m.name.isupper()  # "MANILA, 25 November 2022 –"
            rec = self.places.setdefault(m.key, _Actor(m.entry.name if shouted else m.name, country=m.facts.country))
            self._remember(m, rec, m.key)

    def _remember(self, m: Mention, rec: _Actor, key: str) -> None:
        rec.sentences.append(m.sentence)
        self.key_of[id(m)] = key

    def _add_organisation(self, m: Mention) -> None:
        entry = _canonical_org(m, self.lexicon)
        key = entry.id if entry is not None else m.key
        rec = self.orgs.setdefault(key, _Actor(entry.name if entry else _pattern_name(m), entry,
                                               entry.kind if entry else m.facts.kind or "other",
                                               entry.country if entry else m.facts.country))
        rec.standalone = rec.standalone or not m.facts.in_name or m.facts.owner
        rec.forms += [m.name, *(f for f in (m.facts.short, m.facts.name) if f), *m.facts.aliases]
        paren = re.search(r"\s*\(([A-Z][A-Za-z0-9\-/&]+)\)\s*", m.name)
        if paren and entry is None:
            # "UN Refugee Agency (UNHCR) Regional Bureau …" is also "UNHCR Regional Bureau …"
            rec.forms += [m.name[:paren.start()] + " " + m.name[paren.end():], paren.group(1) + " " + m.name[paren.end():]]
        rec.forms += list(m.facts.acronyms)
        if not rec.country and m.facts.country:
            rec.country = m.facts.country
        self._remember(m, rec, key)

    def prune(self) -> None:
        """An organisation named only inside an event's or document's name is not listed; a place
        that is also a state's name is not a place."""
        for key in [k for k, r in self.orgs.items() if not r.standalone]:
            self.orgs.pop(key)
        for key in [k for k, p in self.places.items() if self.lexicon.state_by_form(p.name)]:
            self.places.pop(key)

    def without(self, persons: set[str], orgs: set[str], places: set[str]) -> "Registry":
        """A copy with those people, organisations and places dropped (and roles at dropped bodies)."""
        out = Registry(self.lexicon)
        out.states, out.key_of = self.states, self.key_of
        out.orgs = {k: r for k, r in self.orgs.items() if k not in orgs}
        out.places = {k: r for k, r in self.places.items() if k not in places}
        kept = {r.name for r in out.orgs.values()}
        dropped = {r.name for k, r in self.orgs.items() if k in orgs} - kept
        out.persons = {k: _PersonRecord(r.name, r.honorific, [x for x in r.roles if x[1] not in dropped], r.sentences)
                       for k, r in self.persons.items() if k not in persons}
        return out

    def with_bodies(self, bodies: dict[str, dict[str, int]]) -> "Registry":
        """A copy where each person also works for the bodies given ({person key: {body: evidence sentence}})."""
        out = Registry(self.lexicon)
        out.states, out.orgs, out.places, out.key_of = self.states, self.orgs, self.places, self.key_of
        for key, r in self.persons.items():
            added: list[tuple[str | None, str | None, int]] = [
                (None, o, si) for o, si in bodies.get(key, {}).items() if o not in {x[1] for x in r.roles}]
            out.persons[key] = _PersonRecord(r.name, r.honorific, r.roles + added, r.sentences)
        return out

    def actor_name(self, m: Mention | None) -> str | None:
        k = self.key_of.get(id(m), "") if m is not None else ""
        rec = self.orgs.get(k) or self.states.get(k)
        return rec.name if rec else None

    def place_name(self, m: Mention | None) -> str | None:
        rec = self.places.get(self.key_of.get(id(m), "")) if m is not None else None
        return rec.name if rec else None

    def add_person(self, p: PersonMention) -> None:
        """One record per person key, roles merged; a title without a body takes the body its
        portfolio names ("Minister of Home Affairs" at the article's "Ministry of Home Affairs")."""
        rec = self.persons.setdefault(p.key, _PersonRecord(p.name, p.honorific))
        if len(p.name) > len(rec.name):
            rec.name = p.name
        rec.honorific = rec.honorific or p.honorific
        rec.sentences.append(p.sentence)
        for title, org in p.roles:
            org_name = self.actor_name(org) if org is not None and org.kind != "state" else None
            role = (_clean_title(title, self.lexicon), org_name)
            if role[0] and not role[1]:
                role = (role[0], _portfolio_body(role[0], [r.name for r in self.orgs.values()]))
            if role != (None, None) and role not in [x[:2] for x in rec.roles]:
                rec.roles.append((role[0], role[1], p.sentence))


def _aliases(name: str, forms) -> tuple[str, ...]:
    seen, out = {normalise(name)}, []
    for f in forms:
        f = re.sub(r"^(the|The)\s+", "", f.strip())
        if f and normalise(f) not in seen:
            seen.add(normalise(f))
            out.append(f)
    return tuple(out)


def build_registry(mentions: list[Mention], people: list[PersonMention], lexicon: Lexicon) -> Registry:
    """The article's actors, places and people, one record each, with the key of every mention."""
    reg = Registry(lexicon)
    for m in mentions:
        reg.add(m)
    reg.prune()
    for p in people:
        reg.add_person(p)
    return reg


def assemble(article: Article, sentences: list[Sentence], reg: Registry, events: list[EventRecord],
             lexicon: Lexicon, speakers_take_part: bool = True) -> Extraction:
    """The article's states, organisations, people, places and events, each once, with evidence.

    With `speakers_take_part`, the bodies of an event's speakers take part in it (the rule);
    trained decisions weigh them as candidates instead and pass False.
    """
    states = tuple(State(r.name, _aliases(r.name, [r.entry.name, *r.entry.aliases, *r.forms]), iso3,
                         _evidence(sentences, r.sentences)) for iso3, r in reg.states.items())
    orgs = tuple(Organisation(r.name, _aliases(r.name, _entry_forms(r.entry) + r.forms), r.kind, r.country,
                              r.entry.id if r.entry else None, _evidence(sentences, r.sentences))
                 for r in reg.orgs.values())
    people_out = tuple(Person(r.name, r.honorific, tuple(Role(t, o, _evidence(sentences, [si])) for t, o, si in r.roles),
                              _evidence(sentences, r.sentences)) for r in reg.persons.values())
    places = tuple(Place(r.name, r.country, _evidence(sentences, r.sentences)) for r in reg.places.values())
    themes = _themes(article, lexicon)
    return Extraction(article, states, orgs, people_out, places,
                      tuple(_event(ev, reg, themes, sentences, speakers_take_part) for ev in events))


def _entry_forms(e) -> list[str]:
    return [e.name] + ([e.acronym] if e.acronym else []) + list(e.aliases) if e else []


def _event(ev: EventRecord, reg: Registry, themes: tuple[str, ...], sentences: list[Sentence],
           speakers_take_part: bool = True) -> Event:
    """An event with its actors by name; the bodies of the people who spoke at or attended it took
    part in it, except an organiser's own speakers. Each organiser, participant, place and date keeps
    the sentence that says it."""
    facts: list[FactEvidence] = []

    def said(relation: str, value: str | None, sentence: int | None) -> str | None:
        if value and sentence is not None:
            facts.append(FactEvidence(relation, value, _evidence(sentences, [sentence])[0]))
        return value

    organisers = _unique(said("organiser", reg.actor_name(m), m.sentence) for m in ev.organisers)
    speakers_orgs = [said("participant", org_name, p.sentence) for p in ev.people if speakers_take_part
                     for _, org_name, _ in reg.persons[p.key].roles if org_name and org_name not in organisers]
    participants = _unique([said("participant", reg.actor_name(m), m.sentence) for m in ev.participants]
                           + speakers_orgs)
    people = _unique(reg.persons[p.key].name if p.key in reg.persons else None for p in ev.people)
    place = said("place", reg.place_name(ev.place), ev.place.sentence if ev.place is not None else None)
    said("date", ev.start, ev.anchor)
    return Event(ev.name, ev.kind, ev.start, ev.end, place, organisers, participants, people,
                 themes, _evidence(sentences, [ev.anchor] if ev.anchor is not None else []), tuple(_unique_facts(facts)))


def _unique_facts(facts: list[FactEvidence]) -> list[FactEvidence]:
    """Each (relation, value, sentence) once, in the order the text gives them."""
    seen, out = set(), []
    for f in facts:
        key = (f.relation, f.value, f.evidence.start)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


PORTFOLIO = re.compile(r"\b(?:Minister|Secretary|Under-?Secretary|Director-General|Director General)\s+(?:of|for)\s+"
                       r"(?P<portfolio>[A-Z][\w'’-]*(?:\s+(?:and|of|for|&)?\s*[A-Z][\w'’-]*)*)$")


def _portfolio_body(title: str, organisations) -> str | None:
    """"Permanent Secretary of Home Affairs and Immigration" works at the article's
    "Ministry of Home Affairs and Immigration" (or Department of …), where the article names one."""
    m = PORTFOLIO.search(title)
    if not m:
        return None
    portfolio = normalise(m.group("portfolio"))
    for name in organisations:
        n = normalise(name)
        if n in {f"ministry of {portfolio}", f"department of {portfolio}", f"ministry for {portfolio}"}:
            return name
    return None


def _clean_title(title: str | None, lexicon: Lexicon) -> str | None:
    """"Australia's Ambassador to …" → "Ambassador to …"; "recent RSO secondee" → "secondee"."""
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip(" ,;")
    m = re.match(r"^(?:the\s+)?(.+?)['’]s\s+(.+)$", title)
    heads = lexicon.patterns.get("organisation_heads", {})
    if m and (lexicon.state_by_form(m.group(1)) or lexicon.organisation_by_form(m.group(1)) or m.group(1) in heads):
        title = m.group(2)  # "the Ministry's legal adviser": the body was named before
    first, _, rest = title.partition(" ")
    if rest and (lexicon.state_by_demonym(first) or first.lower() in {"recent", "former", "then"} and
                 first.lower() != "former"):
        title = rest
    return title[:1].upper() + title[1:] if title else None


def _pattern_name(m: Mention) -> str:
    """A pattern organisation's name: "Fiji's Ministry of X" is named "Ministry of X"."""
    name, short = (m.facts.name or m.name), m.facts.short
    if short and re.search(r"['’]s\s", name[: len(name) - len(short) + 3]):
        return short
    return name


def _unique(names) -> tuple[str, ...]:
    out = []
    for n in names:
        if n and n not in out:
            out.append(n)
    return tuple(out)


def _theme_patterns(lexicon: Lexicon) -> tuple[tuple, dict[str, set[str]]]:
    """One regex of every trigger term, and the themes each term stands for.

    All-capital terms (acronyms such as TIP) match case-sensitively, the rest in any case.
    """
    themes_of: dict[str, set[str]] = {}
    for slug, theme in (lexicon.themes or {}).items():
        for term in theme.get("terms", []):
            themes_of.setdefault(term if term.isupper() else term.casefold(), set()).add(slug)
    terms = sorted(themes_of, key=len, reverse=True)
    acronyms = [re.escape(t) for t in terms if t.isupper()]
    words = [re.escape(t) for t in terms if not t.isupper()]
    return (re.compile(r"\b(" + "|".join(words) + r")\b"),  # matched against case-folded text
            re.compile(r"\b(" + "|".join(acronyms) + r")\b") if acronyms else None), themes_of


def _themes(article: Article, lexicon: Lexicon) -> tuple[str, ...]:
    """Theme slugs whose trigger terms occur in the title or at least twice in the body."""
    pattern, themes_of = lexicon.compiled("themes", lambda: _theme_patterns(lexicon))

    words, acronyms = pattern

    def count(text: str) -> dict[str, int]:
        hits: dict[str, int] = {}
        found = [m.group(1) for m in words.finditer((text or "").casefold())]
        if acronyms is not None:
            found += [m.group(1) for m in acronyms.finditer(text or "")]
        for term in found:
            for slug in themes_of.get(term, ()):
                hits[slug] = hits.get(slug, 0) + 1
        return hits

    in_title, in_body = count(article.title), count(article.text)
    return tuple(slug for slug in (lexicon.themes or {}) if in_title.get(slug) or in_body.get(slug, 0) >= 2)
