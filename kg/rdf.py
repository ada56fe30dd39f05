"""Extractions as RDF: `to_graph(extraction)` is the only place dataclasses become triples.

Pure functions, no I/O. One article → one graph (stored as its own named
graph). Evidence: one `kg:Evidence` node per sentence, with the sentence, its
offsets in the cleaned body and `kg:supports` links to every entity, role and
event it attests (see ontology/README.md).
"""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from typing import TYPE_CHECKING

from .lexicon import Lexicon, load_lexicon, slugify
from .model import Extraction
from .namespaces import (DCTERMS, GRAPH_REFERENCE, KG, ORG, OWL, PREFIXES, PROV, RDF, RDFS, SCHEMA, SKOS, THEME,
                         WD, XSD, iri)
from .resolve import (actor_iri_key, event_keys, organisation_key, person_key, place_key, state_key)

if TYPE_CHECKING:
    from .archive import Provenance

__all__ = ["to_graph", "to_ntriples", "article_triples", "reference_graph", "article_iri", "new_graph",
           "provenance_triples", "EVENT_CLASSES", "ORG_CLASSES"]

EVENT_CLASSES = {"training": KG.Training, "workshop": KG.Workshop, "meeting": KG.Meeting,
                 "conference": KG.Conference, "webinar": KG.Webinar, "forum": KG.Forum, "dialogue": KG.Dialogue,
                 "visit": KG.Visit, "launch": KG.Launch, "programme": KG.Programme, "other": KG.OtherEvent}
ORG_CLASSES = {"government": KG.GovernmentBody, "intergovernmental": KG.IntergovernmentalOrganisation,
               "ngo": KG.NonGovernmentalOrganisation, "bali-process-body": KG.BaliProcessBody,
               "private-sector": KG.PrivateSectorBody, "academic": KG.AcademicInstitution,
               "other": KG.OtherOrganisation}


def new_graph(identifier: str | None = None) -> Graph:
    g = Graph(identifier=URIRef(identifier) if identifier else None)
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def article_iri(stem: str) -> str:
    return iri("article", slugify(stem, 120))


def provenance_triples(stem: str, source: "Provenance") -> list[tuple]:
    """PROV of an article read from a web archive: derived from a WARC record, itself captured from
    a URL at a time (prov:generatedAtTime) and kept in a WARC file."""
    record = URIRef(source.record_id)
    triples = [(URIRef(article_iri(stem)), PROV.wasDerivedFrom, record), (record, RDF.type, KG.WarcRecord),
               (record, PROV.generatedAtTime, Literal(source.fetched, datatype=XSD.dateTime)),
               (record, KG.warcFile, Literal(source.warc))]
    if _safe_iri(source.url):
        triples.append((record, SCHEMA.url, URIRef(source.url)))
    return triples


class _Triples(dict):
    """Triples in the order they were added, each once (a cheaper collector than an rdflib Graph)."""

    def __init__(self):
        super().__init__()
        self.evidence: dict[tuple[int, int], URIRef] = {}   # (start, end) -> evidence node already described

    def add(self, triple) -> None:
        self[triple] = None


def _evidence(g: _Triples, article: URIRef, stem: str, evidence, subject: URIRef) -> None:
    for ev in evidence:
        node = g.evidence.get((ev.start, ev.end))
        if node is None:
            node = g.evidence[(ev.start, ev.end)] = URIRef(iri("evidence", f"{slugify(stem, 120)}/{ev.start}-{ev.end}"))
            g.add((node, RDF.type, KG.Evidence))
            g.add((node, KG.sentence, Literal(ev.sentence)))
            g.add((node, KG.start, Literal(ev.start, datatype=XSD.integer)))
            g.add((node, KG.end, Literal(ev.end, datatype=XSD.integer)))
            g.add((node, PROV.wasDerivedFrom, article))
        g.add((node, KG.supports, subject))


def to_graph(extraction: Extraction, lexicon: Lexicon | None = None) -> Graph:
    """The RDF graph of one article's extraction."""
    g = new_graph(article_iri(extraction.article.stem))
    for triple in article_triples(extraction, lexicon):
        g.add(triple)
    return g


def to_ntriples(extraction: Extraction, lexicon: Lexicon | None = None, extra=()) -> str:
    """The same triples as `to_graph` (plus `extra` ones) as N-Triples text, without building a Graph.

    >>> to_ntriples(extraction).count("\\n") == len(to_graph(extraction))  # doctest: +SKIP
    True
    """
    triples = article_triples(extraction, lexicon)
    for t in extra:
        triples.add(t)
    return "".join(f"{_nt_term(s)} {_nt_term(p)} {_nt_term(o)} .\n" for s, p, o in triples)


NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nt_term(term) -> str:
    """A term in N-Triples: IRIs here are built by `iri` or checked by `_safe_iri`, so only literals need escaping."""
    if isinstance(term, Literal):
        text = '"' + str(term).translate(NT_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        return f"{text}^^<{term.datatype}>" if term.datatype else text
    return f"<{term}>"


class _ArticleGraph:
    """The triples of one article as they are written, with the nodes of its actors by name."""

    def __init__(self, extraction: Extraction, lexicon: Lexicon):
        self.x, self.lexicon, self.g = extraction, lexicon, _Triples()
        self.art = URIRef(article_iri(extraction.article.stem))
        self.orgs: dict[str, URIRef] = {}
        self.places: dict[str, URIRef] = {}
        self.people: dict[str, URIRef] = {}

    def add(self, triple) -> None:
        self.g.add(triple)

    def evidence(self, evidence, subject: URIRef) -> None:
        _evidence(self.g, self.art, self.x.article.stem, evidence, subject)

    def mention(self, node: URIRef, evidence) -> None:
        self.add((self.art, KG.mentions, node))
        self.evidence(evidence, node)

    def named(self, node: URIRef, name: str) -> None:
        """The article's name of an entity; the preferred label is the labels graph's (kg.labels)."""
        self.add((node, RDFS.label, Literal(name)))
        self.add((node, SKOS.altLabel, Literal(name)))


def article_triples(extraction: Extraction, lexicon: Lexicon | None = None) -> _Triples:
    """The triples of one article's extraction, in a stable order, without duplicates."""
    w = _ArticleGraph(extraction, lexicon or load_lexicon())
    _article(w)
    _states(w)
    _organisations(w)
    _places(w)
    _people(w)
    _events(w)
    return w.g


def _article(w: _ArticleGraph) -> None:
    a, art = w.x.article, w.art
    w.add((art, RDF.type, KG.Article))
    w.add((art, RDFS.label, Literal(a.title or a.stem)))
    w.add((art, DCTERMS.title, Literal(a.title or a.stem)))
    if a.date:
        w.add((art, DCTERMS.date, Literal(a.date, datatype=XSD.date)))
    if a.url:
        w.add((art, DCTERMS.source, URIRef(a.url) if _safe_iri(a.url) else Literal(a.url)))
    if a.category:
        w.add((art, KG.category, Literal(a.category)))
    w.add((art, KG.digest, Literal(a.digest)))
    w.add((art, KG.sourcePath, Literal(a.path)))
    w.add((art, KG.sourceFormat, Literal(a.format)))


def _states(w: _ArticleGraph) -> None:
    for s in w.x.states:
        node = URIRef(iri("state", state_key(s, w.lexicon)))
        w.add((node, RDF.type, KG.State))
        w.named(node, s.name)
        for alias in s.aliases:
            w.add((node, SKOS.altLabel, Literal(alias)))
        w.mention(node, s.evidence)


def _organisations(w: _ArticleGraph) -> None:
    for o in w.x.organisations:
        node = URIRef(iri("org", organisation_key(o, w.lexicon)))
        w.orgs[o.name] = node
        w.add((node, RDF.type, ORG_CLASSES.get(o.kind, KG.OtherOrganisation)))
        w.add((node, RDF.type, ORG.Organization))
        w.named(node, o.name)
        w.add((node, KG.kind, Literal(o.kind)))
        for alias in o.aliases:
            w.add((node, SKOS.altLabel, Literal(alias)))
        country = w.lexicon.state_by_form(o.country) if o.country else None
        if country:
            w.add((node, KG.country, URIRef(iri("state", country.iso3))))
        w.mention(node, o.evidence)


def _places(w: _ArticleGraph) -> None:
    for p in w.x.places:
        node = URIRef(iri("place", place_key(p)))
        w.places[p.name] = node
        w.add((node, RDF.type, KG.Place))
        w.named(node, p.name)
        country = w.lexicon.state_by_form(p.country) if p.country else None
        if country:
            w.add((node, KG.inState, URIRef(iri("state", country.iso3))))
        w.mention(node, p.evidence)


def _people(w: _ArticleGraph) -> None:
    for p in w.x.people:
        key = person_key(p)
        node = URIRef(iri("person", key))
        w.people[p.name] = node
        w.add((node, RDF.type, SCHEMA.Person))
        w.named(node, p.name)
        w.add((node, SCHEMA.name, Literal(p.name)))
        if p.honorific:
            w.add((node, SCHEMA.honorificPrefix, Literal(p.honorific)))
        w.mention(node, p.evidence)
        for role in p.roles:
            _role(w, key, node, role)


def _role(w: _ArticleGraph, key: str, node: URIRef, role) -> None:
    """A title at a body as an org:Membership node, which the sentence that says so supports."""
    org_node = w.orgs.get(role.organisation) if role.organisation else None
    if org_node is None:
        if role.title:
            w.add((node, SCHEMA.jobTitle, Literal(role.title)))
            w.evidence(role.evidence, node)
        return
    ms = URIRef(iri("membership", f"{key}--{org_node.split('/')[-1]}--{slugify(role.title or 'member', 60)}"))
    w.add((ms, RDF.type, ORG.Membership))
    w.add((ms, ORG.member, node))
    w.add((ms, ORG.organization, org_node))
    w.add((node, ORG.memberOf, org_node))
    if role.title:
        r = URIRef(iri("role", slugify(role.title, 80)))
        w.add((ms, ORG.role, r))
        w.add((r, RDF.type, ORG.Role))
        w.add((r, RDFS.label, Literal(role.title)))
    w.evidence(role.evidence, ms)


def _events(w: _ArticleGraph) -> None:
    for ev, key in zip(w.x.events, event_keys(w.x)):
        node = URIRef(iri("event", key))
        w.add((node, RDF.type, EVENT_CLASSES.get(ev.kind, KG.OtherEvent)))
        w.add((node, RDF.type, SCHEMA.Event))
        w.named(node, ev.name)
        w.add((node, KG.eventKind, Literal(ev.kind)))
        if ev.start:
            w.add((node, SCHEMA.startDate, Literal(ev.start, datatype=XSD.date)))
        if ev.end:
            w.add((node, SCHEMA.endDate, Literal(ev.end, datatype=XSD.date)))
        if ev.place and ev.place in w.places:
            w.add((node, SCHEMA.location, w.places[ev.place]))
        for prop, names in ((SCHEMA.organizer, ev.organisers), (KG.participant, ev.participants)):
            for name in names:
                target = actor_iri_key(name, w.x, w.lexicon)
                if target:
                    w.add((node, prop, URIRef(iri(*target))))
        for name in ev.people:
            if name in w.people:
                w.add((node, SCHEMA.attendee, w.people[name]))
        for theme in ev.themes:
            w.add((node, KG.theme, THEME[theme]))
        w.add((node, SCHEMA.subjectOf, w.art))
        w.mention(node, ev.evidence)
        _statements(w, node, key, ev)


FACT_PREDICATES = {"organiser": SCHEMA.organizer, "participant": KG.participant, "place": SCHEMA.location,
                   "date": SCHEMA.startDate}


def _statements(w: _ArticleGraph, node: URIRef, key: str, ev) -> None:
    """Each fact of the event as a reified statement (rdf:Statement) that the sentence saying it
    supports; one statement IRI per fact, so the articles that say the same support the same node."""
    for fact in ev.facts:
        obj: URIRef | Literal | None
        if fact.relation == "date":
            obj = Literal(fact.value, datatype=XSD.date)
        elif fact.relation == "place":
            obj = w.places.get(fact.value)
        else:
            target = actor_iri_key(fact.value, w.x, w.lexicon)
            obj = URIRef(iri(*target)) if target else None
        if obj is None:
            continue
        stmt = URIRef(iri("statement", f"{key}--{fact.relation}--{slugify(str(obj).rsplit('/', 1)[-1], 80)}"))
        w.add((stmt, RDF.type, RDF.Statement))
        w.add((stmt, RDF.subject, node))
        w.add((stmt, RDF.predicate, FACT_PREDICATES[fact.relation]))
        w.add((stmt, RDF.object, obj))
        w.evidence((fact.evidence,), stmt)


def _safe_iri(url: str) -> bool:
    return url.startswith(("http://", "https://")) and not any(c in url for c in ' <>"{}|\\^`')


def reference_graph(lexicon: Lexicon | None = None) -> Graph:
    """Reference knowledge from data/: states, their Bali Process status, organisations, themes."""
    lexicon = lexicon or load_lexicon()
    g = new_graph(GRAPH_REFERENCE)
    g.add((KG.Member, RDF.type, KG.BaliProcessStatus))
    g.add((KG.Member, RDFS.label, Literal("member")))
    g.add((KG.Observer, RDF.type, KG.BaliProcessStatus))
    g.add((KG.Observer, RDFS.label, Literal("observer")))
    for s in lexicon.states:
        node = URIRef(iri("state", s.iso3))
        g.add((node, RDF.type, KG.State))
        if s.status == "member":
            g.add((node, RDF.type, KG.MemberState))
            g.add((node, KG.baliProcessStatus, KG.Member))
        elif s.status == "observer":
            g.add((node, RDF.type, KG.ObserverState))
            g.add((node, KG.baliProcessStatus, KG.Observer))
        g.add((node, RDFS.label, Literal(s.name)))
        g.add((node, SKOS.prefLabel, Literal(s.name)))
        for alias in s.aliases:
            g.add((node, SKOS.altLabel, Literal(alias)))
        for d in s.demonyms:
            g.add((node, SKOS.hiddenLabel, Literal(d)))
        g.add((node, KG.iso2, Literal(s.iso2)))
        g.add((node, KG.iso3, Literal(s.iso3)))
        if s.region:
            g.add((node, KG.region, Literal(s.region)))
        if s.wikidata:
            g.add((node, OWL.sameAs, WD[s.wikidata]))
    for o in lexicon.organisations:
        node = URIRef(iri("org", o.id))
        g.add((node, RDF.type, ORG_CLASSES.get(o.kind, KG.OtherOrganisation)))
        g.add((node, RDF.type, ORG.Organization))
        g.add((node, RDFS.label, Literal(o.name)))
        g.add((node, SKOS.prefLabel, Literal(o.name)))
        g.add((node, KG.kind, Literal(o.kind)))
        if o.acronym:
            g.add((node, KG.acronym, Literal(o.acronym)))
        for alias in o.aliases:
            g.add((node, SKOS.altLabel, Literal(alias)))
        country = lexicon.state_by_form(o.country) if o.country else None
        if country is not None:
            g.add((node, KG.country, URIRef(iri("state", country.iso3))))
        if o.wikidata:
            g.add((node, SCHEMA.sameAs, WD[o.wikidata]))
        if o.status == "member":
            g.add((node, KG.baliProcessStatus, KG.Member))
        elif o.status == "observer":
            g.add((node, KG.baliProcessStatus, KG.Observer))
    scheme = THEME["scheme"]
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, RDFS.label, Literal("Bali Process themes")))
    for slug, theme in (lexicon.themes or {}).items():
        c = THEME[slug]
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.inScheme, scheme))
        g.add((c, SKOS.prefLabel, Literal(theme.get("label", slug))))
        g.add((c, RDFS.label, Literal(theme.get("label", slug))))
    return g
