"""The project namespace as a closed vocabulary (it matches ontology/kg.ttl), plus prefixes.

A misspelled term fails at import time instead of minting a stray IRI:

>>> KG.Training
rdflib.term.URIRef('https://w3id.org/baliprocess-kg/ontology#Training')
"""
from rdflib import Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, ClosedNamespace

__all__ = ["BASE", "KG", "THEME", "ORG", "SCHEMA", "WD", "PREFIXES", "GRAPH_REFERENCE", "GRAPH_LABELS", "iri",
           "DCTERMS", "FOAF", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD"]

BASE = "https://w3id.org/baliprocess-kg/"

KG = ClosedNamespace(BASE + "ontology#", [
    # classes
    "Article", "Actor", "State", "MemberState", "ObserverState", "Organisation", "GovernmentBody",
    "IntergovernmentalOrganisation", "NonGovernmentalOrganisation", "BaliProcessBody", "PrivateSectorBody",
    "AcademicInstitution", "OtherOrganisation", "Place", "Event", "Training", "Workshop", "Meeting",
    "Conference", "Webinar", "Forum", "Dialogue", "Visit", "Launch", "Programme", "OtherEvent", "Evidence",
    "BaliProcessStatus", "WarcRecord",
    # individuals
    "Member", "Observer",
    # properties
    "iso2", "iso3", "acronym", "kind", "country", "baliProcessStatus", "region", "inState", "participant",
    "theme", "mentions", "supports", "sentence", "start", "end", "digest", "sourcePath", "sourceFormat",
    "category", "title", "eventKind", "extractor", "warcFile",
])
THEME = Namespace(BASE + "theme/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
GRAPH_REFERENCE = BASE + "graph/reference"
GRAPH_LABELS = BASE + "graph/labels"  # one skos:prefLabel for each entity the reference graph does not name

PREFIXES = {"kg": str(KG), "kgt": str(THEME), "org": str(ORG), "schema": str(SCHEMA), "wd": str(WD),
            "rdf": str(RDF), "rdfs": str(RDFS), "owl": str(OWL), "skos": str(SKOS), "xsd": str(XSD),
            "prov": str(PROV), "dcterms": str(DCTERMS), "foaf": str(FOAF)}


def iri(kind: str, key: str) -> str:
    """The IRI of an entity of `kind` (state, org, person, place, event, article, …) with slug `key`."""
    return f"{BASE}{kind}/{key}"
