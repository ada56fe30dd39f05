"""One explorer: the overview page (index.html) linking the actors network, the states network, the
timeline, the map, the charts and a profile of every state, organisation and person, each page
linking the others (a node opens its profile, a profile opens its timeline).
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .charts import write_charts
from .errors import KgError
from .facts import ExplorerFacts, read_facts
from .network import build_network, network_from_query, summarise
from .page import Nav, PageParts, asset, write_page
from .profile import PROFILE_KINDS, profile_name, write_profile
from .store import GraphStore
from .timeline import write_timeline
from .viz import write_html
from .worldmap import write_map

__all__ = ["PAGES", "VIEWS", "ExplorerResult", "build_explorer", "profile_links", "write_network_html",
           "write_profiles", "write_view"]

CO_PARTICIPATION = {"states", "organisations"}  # projections drawn in community colours

PAGES = (("Overview", "index.html"), ("Network", "network.html"), ("States", "states.html"),
         ("Timeline", "timeline.html"), ("Map", "map.html"), ("Charts", "charts.html"))
DESCRIPTIONS = {
    "network.html": "Every actor, event and place, linked by who organised, took part and where.",
    "states.html": "States linked by the events they shared, coloured by community.",
    "timeline.html": "Events on a time axis, a row per organiser or kind; filter by actor and theme.",
    "map.html": "States shaded by their events, event places sized by count, by year.",
    "charts.html": "Events per year by kind, and participation per state.",
}


@dataclass
class ExplorerResult:
    index: Path
    pages: list[Path]
    profiles: int


def _nav(current: str, prefix: str = "") -> Nav:
    return Nav(tuple((name, prefix + href) for name, href in PAGES), current)


def profile_links(facts: ExplorerFacts, prefix: str = "profiles/") -> dict[str, str]:
    """Each profiled actor's page address, relative to the explorer's folder."""
    return {iri: f"{prefix}{profile_name(iri)}.html" for iri, a in facts.actors.items() if a.kind in PROFILE_KINDS}


def write_network_html(store: GraphStore, output: Path, projection: str = "actors", focus: str | None = None,
                       depth: int = 1, since: str | None = None, until: str | None = None,
                       size_by: str = "pagerank", query: str | None = None, theme: str | None = None,
                       kind: str | None = None, title: str = "Bali Process knowledge graph", nav: Nav | None = None,
                       links: dict[str, str] | None = None) -> tuple[Path, str]:
    """A network page of a projection (or of a query's pairs) and its one-line summary;
    co-participation projections are coloured by community, the others by type."""
    if query:
        g = network_from_query(store, query)
        projection = "query"
    else:
        g = build_network(store, projection, since, until, focus, depth, theme, kind)
    s = summarise(g)
    summary = (f"{s['nodes']} nodes, {s['edges']} edges, {s['components']} components — projection "
               f"'{projection}'" + (f", focus {focus}" if focus else "") +
               (f", {since or '…'}–{until or '…'}" if since or until else "") +
               (f", theme {theme}" if theme else "") + (f", {kind} events" if kind else "") +
               (f"; {g.graph['undated_left_out']} undated events left out" if g.graph.get("undated_left_out") else ""))
    colour_by = "community" if projection in CO_PARTICIPATION else "type"
    path = write_html(g, output, title, summary, size_by=size_by, colour_by=colour_by, nav=nav, links=links)
    return path, summary


def _network_pages(store: GraphStore, out: Path, links: dict[str, str]) -> list[Path]:
    return [write_network_html(store, out / href, projection, title=f"Bali Process: {name.lower()}",
                               nav=_nav(name), links=links)[0]
            for name, href, projection in (("Network", "network.html", "actors"), ("States", "states.html", "states"))]


def _profiles(facts: ExplorerFacts, out: Path) -> list[Path]:
    links = profile_links(facts, prefix="")
    pages = []
    for iri in links:
        page, _ = write_profile(facts, iri, out / "profiles", nav=_nav("", "../"), links=links,
                                timeline=f"../timeline.html#actor={quote(iri, safe='')}")
        pages.append(page)
    return pages


def _index_body(facts: ExplorerFacts, links: dict[str, str], summary: str) -> str:
    cards = "".join(f'<li><a href="{href}">{html.escape(name)}</a> — {html.escape(DESCRIPTIONS[href])}</li>'
                    for name, href in PAGES[1:])
    groups = []
    for kind, title in (("state", "States"), ("organisation", "Organisations"), ("person", "People")):
        actors = sorted((a for a in facts.actors.values() if a.kind == kind), key=lambda a: a.label.casefold())
        items = "".join(f'<li><a href="{html.escape(links[a.iri])}">{html.escape(a.label)}</a></li>' for a in actors)
        groups.append(f'<section><h3>{title} ({len(actors)})</h3><ul class="profiles">{items}</ul></section>')
    return (f'<main class="page"><p>{html.escape(summary)}</p><h2>Views</h2><ul>{cards}</ul>'
            f'<h2>Profiles</h2><label>Find <input id="profile-filter" type="search" placeholder="name contains…"></label>'
            f'<div style="display:flex;gap:32px;flex-wrap:wrap">{"".join(groups)}</div></main>')


def build_explorer(store: GraphStore, out_dir: str | Path, summary: str = "") -> ExplorerResult:
    """Write every explorer page into `out_dir`; index.html links them all."""
    out = Path(out_dir)
    facts = read_facts(store)
    links = profile_links(facts)
    pages = _network_pages(store, out, links)
    pages.append(write_timeline(facts, out / "timeline.html", nav=_nav("Timeline"), links=links))
    pages.append(write_map(facts, out / "map.html", nav=_nav("Map")))
    pages.append(write_charts(facts, out / "charts.html", nav=_nav("Charts")))
    profiles = _profiles(facts, out)
    index = write_page(PageParts(title="Bali Process knowledge graph", body=_index_body(facts, links, summary),
                                 nav=_nav("Overview"), scripts=[asset("index.js")]), out / "index.html")
    return ExplorerResult(index, [index, *pages, *profiles], len(profiles))


VIEWS = {"timeline": write_timeline, "map": write_map, "charts": write_charts}


def write_view(store: GraphStore, view: str, path: str | Path) -> Path:
    """One page of the explorer on its own: the timeline, the map or the charts."""
    return VIEWS[view](read_facts(store), path)


def write_profiles(store: GraphStore, folder: str | Path, name: str | None = None) -> list[Path]:
    """The profile of the actor `name` (a label in any form the store knows, or an IRI), HTML and
    Markdown; without a name, every state's, organisation's and person's, linked to each other."""
    from .lookup import find_entity
    facts = read_facts(store)
    if name is None:
        links = profile_links(facts, prefix="")
        return [p for iri in links for p in write_profile(facts, iri, folder, links=links)]
    iri = find_entity(store, name)
    if iri not in facts.actors or facts.actors[iri].kind not in PROFILE_KINDS:
        raise KgError(f"{name!r} is not a state, an organisation or a person of the store; "
                      "profiles are written for those only")
    return list(write_profile(facts, iri, folder))
