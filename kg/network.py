"""Network projections of the knowledge graph: the only module that imports networkx.

Every projection is built from SPARQL results over the store, so a
researcher can reproduce any picture with a query.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from .errors import KgError
from .lexicon import load_lexicon
from .lookup import find_entity
from .store import GraphStore

__all__ = ["PROJECTIONS", "EventFilter", "build_network", "add_metrics", "summarise", "write_network", "write_metrics_csv", "network_from_query"]

TYPE_OF = {  # rdf:type local name -> node type
    "State": "state", "MemberState": "state", "ObserverState": "state",
    "GovernmentBody": "organisation", "IntergovernmentalOrganisation": "organisation",
    "NonGovernmentalOrganisation": "organisation", "BaliProcessBody": "organisation",
    "PrivateSectorBody": "organisation", "AcademicInstitution": "organisation", "OtherOrganisation": "organisation",
    "Person": "person", "Place": "place",
    "Training": "event", "Workshop": "event", "Meeting": "event", "Conference": "event", "Webinar": "event",
    "Forum": "event", "Dialogue": "event", "Visit": "event", "Launch": "event", "Programme": "event",
    "OtherEvent": "event", "Organization": "organisation", "Event": "event",
}
RELATIONS = {"https://schema.org/organizer": "organised", "https://w3id.org/baliprocess-kg/ontology#participant": "took part",
             "https://schema.org/attendee": "attended", "https://schema.org/location": "held in",
             "http://www.w3.org/ns/org#memberOf": "member of", "https://w3id.org/baliprocess-kg/ontology#country": "of country",
             "https://w3id.org/baliprocess-kg/ontology#inState": "in"}

NODES_QUERY = """
SELECT ?node (GROUP_CONCAT(DISTINCT STR(?t); separator=" ") AS ?type) (SAMPLE(COALESCE(?pl, ?rl)) AS ?label)
       (MIN(?d) AS ?date) (SAMPLE(?status) AS ?bp) (SAMPLE(?cl) AS ?country)
       (GROUP_CONCAT(DISTINCT STR(?theme); separator=" ") AS ?themes)
       (GROUP_CONCAT(DISTINCT ?role; separator="; ") AS ?roles) (SAMPLE(?k) AS ?kind)
WHERE {
  GRAPH ?g { ?a a kg:Article ; kg:mentions ?node . ?node a ?t . OPTIONAL { ?node rdfs:label ?rl } }
  OPTIONAL { ?node skos:prefLabel ?pl }
  OPTIONAL { ?node schema:startDate ?d }
  OPTIONAL { ?node kg:theme ?theme }
  OPTIONAL { ?node kg:eventKind ?k }
  OPTIONAL { ?m org:member ?node ; org:role/rdfs:label ?role }
  OPTIONAL { ?node (kg:country|kg:inState|schema:location/kg:inState) ?c .
             GRAPH <https://w3id.org/baliprocess-kg/graph/reference> { ?c skos:prefLabel ?cl } }
  OPTIONAL { GRAPH <https://w3id.org/baliprocess-kg/graph/reference> {
             ?node kg:baliProcessStatus/rdfs:label ?status ; skos:prefLabel ?own } }
} GROUP BY ?node
"""
# each article that mentions a node, with its title, address, date and the first sentence it says it in
SOURCES_QUERY = """
SELECT ?node ?title ?url ?date (MIN(CONCAT(SUBSTR(STR(1000000000 + ?start), 2), "\\t", ?sentence)) AS ?first)
WHERE {
  GRAPH ?g { ?a a kg:Article ; kg:mentions ?node .
             OPTIONAL { ?a dcterms:title ?title } OPTIONAL { ?a dcterms:source ?url } OPTIONAL { ?a dcterms:date ?date }
             OPTIONAL { ?e kg:supports ?node ; kg:sentence ?sentence ; kg:start ?start } }
} GROUP BY ?node ?a ?title ?url ?date
"""
EDGES_QUERY = """
SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?p { schema:organizer kg:participant schema:attendee schema:location org:memberOf kg:country kg:inState }
  GRAPH ?g { ?a a kg:Article ; kg:mentions ?s . ?s ?p ?o . }
}
"""
EVENT_ACTORS_QUERY = """
SELECT DISTINCT ?event ?actor ?role WHERE {
  VALUES ?p { schema:organizer kg:participant }
  GRAPH ?g { ?event ?p ?actor . }
  BIND(IF(?p = schema:organizer, "organiser", "participant") AS ?role)
}
"""


def _type(iris: str) -> str:
    """The node type from the space-separated rdf:types of a node."""
    for iri in (iris or "").split():
        local = iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if local in TYPE_OF:
            return TYPE_OF[local]
    return "other"


def _sources(store: GraphStore) -> dict[str, dict]:
    """Per node, the article that first reported it (earliest date, then title) as one source: its
    title, address, date and sentence together; the titles of the others that mention it too."""
    _, rows = store.select(SOURCES_QUERY)
    by_node: dict[str, list[tuple]] = {}
    for node, title, url, date, first in rows:
        sentence = first.split("\t", 1)[1] if first else ""
        by_node.setdefault(node, []).append((date or "9999", title or "", url or "", sentence))
    out = {}
    for node, articles in by_node.items():
        articles.sort()
        date, title, url, sentence = articles[0]
        out[node] = {"article": title, "source": url, "evidence": sentence, "article_date": date.replace("9999", ""),
                     "articles": len(articles), "other_articles": "; ".join(a[1] for a in articles[1:])}
    return out


def _full(store: GraphStore) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    sources = _sources(store)
    _, rows = store.select(NODES_QUERY)
    for node, typ, label, date, status, country, themes, roles, kind in rows:
        node_type = _type(typ)
        if node_type == "state" and not country:
            country = label
        g.add_node(node, label=label or node.rsplit("/", 1)[-1], type=node_type, iri=node, year=(date or "")[:4],
                   date=date or "", status=status or "", country=country or "",
                   themes=" ".join(t.rsplit("/", 1)[-1] for t in (themes or "").split()),
                   roles=roles or "", kind=kind or "", **sources.get(node, {}))
    _, rows = store.select(EDGES_QUERY)
    for s, p, o in rows:
        if s in g and o in g:
            g.add_edge(s, o, key=p, relation=RELATIONS.get(p, p), weight=1)
    return g


def _co_participation(store: GraphStore, full: nx.MultiDiGraph, node_type: str) -> nx.Graph:
    """Actors of one type linked by the events of the view they share; each edge carries its count,
    the events, their years and its first and last date (a spell for Gephi's timeline)."""
    _, rows = store.select(EVENT_ACTORS_QUERY)
    by_event: dict[str, set[str]] = {}
    for event, actor, _role in rows:
        if event in full and actor in full and full.nodes[actor]["type"] == node_type:
            by_event.setdefault(event, set()).add(actor)
    g = nx.Graph()
    for event, actors in sorted(by_event.items()):
        when = full.nodes[event].get("date", "")
        for a in actors:
            g.add_node(a, **full.nodes[a])
            _widen_spell(g.nodes[a], when)
        for a, b in combinations(sorted(actors), 2):
            if not g.has_edge(a, b):
                g.add_edge(a, b, weight=0, relation="shared events", events="", years="")
            edge = g[a][b]
            edge["weight"] += 1
            edge["events"] = ";".join(filter(None, [edge["events"], event]))
            edge["years"] = " ".join(sorted(set(edge["years"].split()) | ({when[:4]} if when else set())))
            _widen_spell(edge, when)
    return g


def _widen_spell(data: dict, when: str) -> None:
    """Stretch a node's or an edge's start and end (ISO dates) to take in `when`."""
    if not when:
        return
    data["start"] = min(data.get("start") or when, when)
    data["end"] = max(data.get("end") or when, when)


def _bipartite(store: GraphStore, full: nx.MultiDiGraph, node_type: str) -> nx.Graph:
    g = nx.Graph()
    _, rows = store.select(EVENT_ACTORS_QUERY)
    for event, actor, role in rows:
        if actor in full and event in full and full.nodes[actor]["type"] == node_type:
            g.add_node(actor, **full.nodes[actor])
            g.add_node(event, **full.nodes[event])
            g.add_edge(actor, event, relation=role, weight=1)
    return g


def _affiliations(store: GraphStore, full: nx.MultiDiGraph) -> nx.Graph:
    g = nx.Graph()
    for s, o, data in full.edges(data=True):
        if data["relation"] == "member of":
            g.add_node(s, **full.nodes[s])
            g.add_node(o, **full.nodes[o])
            g.add_edge(s, o, relation="member of", weight=1)
    return g


PROJECTIONS = {
    "actors": ("every actor, event and place with typed edges", lambda store, full: full),
    "states": ("states linked by the events they share, weighted by count",
               lambda store, full: _co_participation(store, full, "state")),
    "organisations": ("organisations linked by the events they share",
                      lambda store, full: _co_participation(store, full, "organisation")),
    "organisation-event": ("organisations and the events they organised or joined",
                           lambda store, full: _bipartite(store, full, "organisation")),
    "affiliations": ("people and the organisations they work for (no dates: time filters do not apply)",
                     lambda store, full: _affiliations(store, full)),
}


def network_from_query(store: GraphStore, sparql: str) -> nx.Graph:
    """A network from a query: a CONSTRUCT result (IRI objects become edges), or a SELECT of ?source ?target
    (with optional ?relation, ?weight, ?sourceLabel, ?targetLabel)."""
    from .store import is_select
    result = store.query(sparql)
    g = nx.Graph()
    if is_select(result):
        names = [v.value for v in result.variables]
        if not {"source", "target"} <= set(names):
            raise KgError("a SELECT query for a network must return ?source and ?target")
        for row in result:
            s, t = row["source"], row["target"]
            if s is None or t is None:
                continue
            def label(var, term):
                return row[var].value if var in names and row[var] is not None else term.value.rsplit("/", 1)[-1]
            g.add_node(s.value, label=label("sourceLabel", s), type="other", iri=s.value)
            g.add_node(t.value, label=label("targetLabel", t), type="other", iri=t.value)
            rel = row["relation"].value if "relation" in names and row["relation"] is not None else ""
            w = float(row["weight"].value) if "weight" in names and row["weight"] is not None else 1.0
            g.add_edge(s.value, t.value, relation=rel.rsplit("/", 1)[-1].rsplit("#", 1)[-1], weight=w)
    else:
        types, labels = {}, {}
        for triple in result:
            s, p, o = triple.subject, triple.predicate, triple.object
            if p.value.endswith("22-rdf-syntax-ns#type"):
                types[s.value] = _type(o.value)
            elif p.value.endswith("rdf-schema#label"):
                labels[s.value] = o.value
            elif hasattr(o, "value") and type(o).__name__ == "NamedNode":
                g.add_edge(s.value, o.value, relation=RELATIONS.get(p.value, p.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]),
                           weight=1)
        for n in g.nodes:
            g.nodes[n].update(label=labels.get(n, n.rsplit("/", 1)[-1]), type=types.get(n, "other"), iri=n)
    add_metrics(g)
    return g


EVENT_KINDS = ("training", "workshop", "meeting", "conference", "webinar", "forum", "dialogue", "visit", "launch",
               "programme", "other")


def _check_filters(theme: str | None, kind: str | None) -> None:
    """A theme or an event kind that no event can have is a mistake to report, not an empty picture."""
    themes = sorted(load_lexicon().themes or {})
    if theme and theme not in themes:
        raise KgError(f"unknown theme {theme!r}; use one of {', '.join(themes)}")
    if kind and kind not in EVENT_KINDS:
        raise KgError(f"unknown event kind {kind!r}; use one of {', '.join(EVENT_KINDS)}")


@dataclass(frozen=True)
class EventFilter:
    """The events a view keeps: a year range, a theme, an event kind. Under a year range an undated
    event cannot be placed in time and is left out, in every projection and export alike."""

    since: str | None = None
    until: str | None = None
    theme: str | None = None
    kind: str | None = None

    @property
    def active(self) -> bool:
        return any((self.since, self.until, self.theme, self.kind))

    def keeps(self, event: dict) -> bool:
        year = event.get("year")
        if (self.since or self.until) and not year:
            return False
        if year and ((self.since and year < self.since[:4]) or (self.until and year > self.until[:4])):
            return False
        if self.theme and self.theme not in event.get("themes", "").split():
            return False
        return not (self.kind and event.get("kind") != self.kind)


def build_network(store: GraphStore, projection: str = "actors", since: str | None = None,
                  until: str | None = None, focus: str | None = None, depth: int = 1,
                  theme: str | None = None, kind: str | None = None) -> nx.Graph:
    """A named projection of the events a filter keeps (a year range, a theme, an event kind), or an
    actor's neighbourhood in it. The graph's `undated_left_out` counts the undated events a year range
    leaves out."""
    if projection not in PROJECTIONS:
        raise KgError(f"unknown projection {projection!r}; use one of {', '.join(PROJECTIONS)}")
    _check_filters(theme, kind)
    view = EventFilter(since, until, theme, kind)
    full = _full(store)
    events = [n for n, d in full.nodes(data=True) if d["type"] == "event"]
    dropped = [n for n in events if not view.keeps(full.nodes[n])]
    undated = sum(1 for n in dropped if not full.nodes[n].get("year"))
    full.remove_nodes_from(dropped)
    for n in events:
        if n in full and full.nodes[n].get("date"):
            full.nodes[n]["start"] = full.nodes[n]["date"]
    g = PROJECTIONS[projection][1](store, full)
    if view.active and projection == "actors":
        g.remove_nodes_from([n for n in list(g.nodes) if g.degree(n) == 0 and g.nodes[n].get("type") != "event"])
    g.graph.update(since=since or "", until=until or "", undated_left_out=undated if (since or until) else 0)
    if focus:
        centre = find_entity(store, focus)
        if centre not in g:
            raise KgError(f"{focus!r} is in the store but not in the {projection} network"
                          + (" for these filters" if view.active else "") + "; try another projection")
        g = nx.ego_graph(g.to_undirected() if g.is_directed() else g, centre, radius=depth)
    add_metrics(g)
    return g


LOUVAIN_LIMIT = 5000  # past this many nodes communities come from fast label propagation (Louvain: 7 s at 10,000)


def add_metrics(g: nx.Graph) -> None:
    """Degree, weighted degree, betweenness, PageRank and community (Louvain; fast label
    propagation past LOUVAIN_LIMIT nodes) as node attributes."""
    if g.number_of_nodes() == 0:
        return
    simple = nx.Graph()
    simple.add_nodes_from(g.nodes)
    for u, v, d in g.edges(data=True):
        w = d.get("weight", 1)
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += w
        else:
            simple.add_edge(u, v, weight=w)
    n, m = simple.number_of_nodes(), simple.number_of_edges()
    # exact up to 500 nodes; past that from sampled sources, fewer as the graph grows (a bounded cost)
    sources = None if n <= 500 else max(32, min(200, 1_000_000 // (n + m)))
    betweenness = nx.betweenness_centrality(simple, k=sources, seed=7)
    pagerank = nx.pagerank(simple, weight="weight")
    communities = (nx.community.louvain_communities(simple, weight="weight", seed=7) if n <= LOUVAIN_LIMIT
                   else nx.community.fast_label_propagation_communities(simple, weight="weight", seed=7))
    community = {n: i for i, c in enumerate(communities) for n in c}
    for n in g.nodes:
        g.nodes[n]["degree"] = simple.degree(n)
        g.nodes[n]["weighted_degree"] = simple.degree(n, weight="weight")
        g.nodes[n]["betweenness"] = round(betweenness.get(n, 0.0), 6)
        g.nodes[n]["pagerank"] = round(pagerank.get(n, 0.0), 6)
        g.nodes[n]["community"] = community.get(n, -1)


def summarise(g: nx.Graph) -> dict:
    u = g.to_undirected() if g.is_directed() else g
    return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
            "density": round(nx.density(u), 6) if g.number_of_nodes() > 1 else 0.0,
            "components": nx.number_connected_components(u) if g.number_of_nodes() else 0}


def write_network(g: nx.Graph, path: str, fmt: str) -> None:
    """Write a network as graphml, gexf, json (node-link), cytoscape (Cytoscape.js JSON) or csv."""
    import csv
    import json
    from pathlib import Path

    simple = nx.DiGraph(g) if g.is_directed() else nx.Graph(g)
    if fmt == "graphml":
        nx.write_graphml(simple, path)
    elif fmt == "gexf":
        nx.write_gexf(simple, path)
    elif fmt == "json":
        Path(path).write_text(json.dumps(nx.node_link_data(simple, edges="edges"), indent=1), encoding="utf-8")
    elif fmt == "cytoscape":
        Path(path).write_text(json.dumps(nx.cytoscape_data(simple), indent=1), encoding="utf-8")
    elif fmt == "csv":
        base = Path(path)
        stem = base.with_suffix("")
        node_cols = sorted({k for _, d in simple.nodes(data=True) for k in d})
        with open(f"{stem}.nodes.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["id"] + node_cols)
            for n, d in simple.nodes(data=True):
                w.writerow([n] + [d.get(c, "") for c in node_cols])
        edge_cols = sorted({k for _, _, d in simple.edges(data=True) for k in d})
        with open(f"{stem}.edges.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["source", "target"] + edge_cols)
            for u, v, d in simple.edges(data=True):
                w.writerow([u, v] + [d.get(c, "") for c in edge_cols])
    else:
        raise KgError(f"unknown network format {fmt!r}; use graphml, gexf, json, cytoscape or csv")


def write_metrics_csv(g: nx.Graph, path) -> None:
    """One row per node: IRI, label, type and every metric."""
    import csv
    cols = ["label", "type", "degree", "weighted_degree", "betweenness", "pagerank", "community"]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["iri"] + cols)
        for n, d in g.nodes(data=True):
            w.writerow([n] + [d.get(c, "") for c in cols])
