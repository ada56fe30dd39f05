"""Self-contained interactive HTML networks: the only module that imports pyvis.

pyvis builds the node and edge data (its Node and Edge option objects) and ships vis-network,
which the page inlines; what is drawn, and how, is ours (kg/assets/network.js): positions
computed in Python by ForceAtlas2 (kg.forces), labels only where they fit without overlapping
at the current zoom, colours by type or by community with a legend, edge widths by weight,
neighbours highlighted on click, search that zooms to the matches and their neighbours, and a
year range that filters every projection.
"""
from __future__ import annotations

import html
from collections import Counter
from pathlib import Path

import networkx as nx
import pyvis
from pyvis.edge import Edge
from pyvis.node import Node

from .forces import place_nodes
from .page import Nav, PageParts, asset, render_page

__all__ = ["STYLE", "PALETTE", "render_html", "write_html"]

STYLE = {  # node type -> (colour, vis-network shape); every shape draws its label below the node
    "state": ("#2b7bba", "dot"),
    "organisation": ("#e07b39", "square"),
    "person": ("#4daf4a", "triangleDown"),
    "event": ("#984ea3", "diamond"),
    "place": ("#a6761d", "triangle"),
    "other": ("#999999", "dot"),
}
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"]
OTHER_COMMUNITY = "#bab0ac"
LIB = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
SHAPE_SVG = {  # legend icons drawn as the nodes are
    "dot": '<circle cx="7" cy="7" r="6"/>', "square": '<rect x="1" y="1" width="12" height="12"/>',
    "diamond": '<polygon points="7,0 14,7 7,14 0,7"/>', "triangle": '<polygon points="7,1 13,13 1,13"/>',
    "triangleDown": '<polygon points="1,1 13,1 7,13"/>',
}


def _tooltip(d: dict) -> str:
    lines = [str(d.get("label", "")), f"type: {d.get('type', '')}"]
    for key, name in (("status", "Bali Process"), ("date", "date"), ("roles", "roles")):
        if d.get(key):
            lines.append(f"{name}: {d[key]}")
    if d.get("article"):
        lines.append(f"source: {d['article']}" + (f" ({d['article_date']})" if d.get("article_date") else ""))
    if d.get("evidence"):
        ev = str(d["evidence"])
        lines.append("“" + (ev if len(ev) <= 240 else ev[:237] + "…") + "”")
    if d.get("other_articles"):
        lines.append(f"also in {int(d.get('articles', 1)) - 1} other article(s)")
    return "\n".join(lines)


def activity_years(g: nx.Graph) -> tuple[dict, dict]:
    """The years each node and each edge is active in: an event's own year, an edge's `years` or
    its event's year, and for an actor the years of its edges."""
    def edge_years(u, v, d) -> set[str]:
        years = set(str(d.get("years", "")).split())
        for end in (u, v):
            if g.nodes[end].get("type") == "event" and g.nodes[end].get("year"):
                years.add(g.nodes[end]["year"])
        return years
    edges = {(u, v, d.get("relation", "")): edge_years(u, v, d) for u, v, d in g.edges(data=True)}
    nodes: dict = {n: ({d["year"]} if d.get("type") == "event" and d.get("year") else set())
                   for n, d in g.nodes(data=True)}
    for (u, v, _), years in edges.items():
        nodes[u] |= years
        nodes[v] |= years
    return nodes, edges


def _colours(g: nx.Graph, colour_by: str) -> tuple[dict, list[tuple[str, str, int]]]:
    """Each node's colour, and the legend's (colour, name, count) for communities."""
    if colour_by != "community":
        return {n: STYLE.get(d.get("type", "other"), STYLE["other"])[0] for n, d in g.nodes(data=True)}, []
    sizes = Counter(d.get("community", -1) for _, d in g.nodes(data=True))
    ranked = [c for c, _ in sizes.most_common(len(PALETTE)) if c != -1]
    colour = {c: PALETTE[i] for i, c in enumerate(ranked)}
    legend = []
    for c in ranked:
        members = sorted((n for n, d in g.nodes(data=True) if d.get("community") == c),
                         key=lambda n: -float(g.nodes[n].get("pagerank", 0) or 0))
        names = ", ".join(str(g.nodes[n].get("label", n)) for n in members[:3])
        legend.append((colour[c], names + (" …" if len(members) > 3 else ""), len(members)))
    if len(sizes) > len(ranked):
        legend.append((OTHER_COMMUNITY, "other communities", sum(v for c, v in sizes.items() if c not in colour)))
    return {n: colour.get(d.get("community", -1), OTHER_COMMUNITY) for n, d in g.nodes(data=True)}, legend


def node_sizes(g: nx.Graph, size_by: str) -> dict:
    """Each node's drawn radius in canvas units, its area growing with `size_by`."""
    values = {n: float(d.get(size_by, 0) or 0) for n, d in g.nodes(data=True)}
    top = max(values.values(), default=0.0) or 1.0
    return {n: round(5 + 17 * (v / top) ** 0.5, 2) for n, v in values.items()}


def _node_data(g: nx.Graph, positions: dict, colour: dict, size_by: str, links: dict) -> list[dict]:
    years, _ = activity_years(g)
    sizes = node_sizes(g, size_by)
    nodes = []
    for n, d in g.nodes(data=True):
        typ = d.get("type", "other")
        value = float(d.get(size_by, 0) or 0)
        node = Node(n, STYLE.get(typ, STYLE["other"])[1], label="", title=_tooltip(d),
                    color={"background": colour[n], "border": colour[n]}, size=sizes[n],
                    x=positions[n][0], y=positions[n][1]).options
        node.update({"kgType": typ, "kgYears": sorted(years[n]), "kgStatus": d.get("status", ""),
                     "kgIri": d.get("iri", n), "kgLabel": str(d.get("label", n)), "kgCountry": d.get("country", ""),
                     "kgThemes": d.get("themes", ""), "kgSource": d.get("source", ""),
                     "kgArticle": d.get("article", ""), "kgEvidence": d.get("evidence", ""),
                     "kgArticleDate": d.get("article_date", ""), "kgOthers": d.get("other_articles", ""),
                     "kgRoles": d.get("roles", ""), "kgRank": value, "kgColour": colour[n],
                     "kgProfile": links.get(d.get("iri", n), "")})
        nodes.append(node)
    return nodes


def _edge_data(g: nx.Graph) -> list[dict]:
    _, years = activity_years(g)
    edges: list[dict] = []
    seen = set()
    for u, v, d in g.edges(data=True):
        key = (u, v, d.get("relation", ""))
        if key in seen:
            continue
        seen.add(key)
        when = sorted(years[key])
        timeless = not when and d.get("relation") != "shared events" and all(
            g.nodes[end].get("type") != "event" for end in (u, v))  # "member of", "in": no event dates them
        title = f"{d.get('relation', '')} · weight {d.get('weight', 1)}" + (f" · {', '.join(when)}" if when else "")
        edges.append(Edge(u, v, directed=False, id=f"e{len(edges)}", value=d.get("weight", 1), title=title,
                          kgRelation=str(d.get("relation", "")), kgYears=when, kgTimeless=timeless).options)
    return edges


def _options(g: nx.Graph) -> dict:
    large = g.number_of_nodes() > 2000
    return {"physics": {"enabled": False}, "layout": {"improvedLayout": False},
            "edges": {"smooth": False, "color": {"color": "rgba(110,110,110,0.35)", "highlight": "#333",
                                                 "hover": "#333"},
                      "scaling": {"min": 1, "max": 8}, "font": {"face": "system-ui, DejaVu Sans, sans-serif",
                                                                 "size": 12, "strokeWidth": 3},
                      "arrows": {"to": {"enabled": g.is_directed(), "scaleFactor": 0.4}}},
            "nodes": {"borderWidth": 1, "font": {"face": "system-ui, DejaVu Sans, sans-serif", "size": 14,
                                                  "color": "#222", "strokeWidth": 3, "strokeColor": "#fff"}},
            "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                            "hideEdgesOnZoom": large}}


def _legend(g: nx.Graph, nodes: list[dict], community_legend: list) -> str:
    types = sorted({n["kgType"] for n in nodes})
    def icon(shape: str, colour: str) -> str:
        return (f'<svg width="14" height="14" viewBox="0 0 14 14" fill="{html.escape(colour)}" '
                f'data-shape="{html.escape(shape)}">{SHAPE_SVG.get(shape, SHAPE_SVG["dot"])}</svg>')
    grey = "#888" if community_legend else None
    shapes = "".join(f'<li class="type">{icon(STYLE.get(t, STYLE["other"])[1], grey or STYLE.get(t, STYLE["other"])[0])}'
                     f"{html.escape(t)}</li>" for t in types)
    out = f"<strong>Shapes</strong><ul>{shapes}</ul>" if community_legend else f"<strong>Types</strong><ul>{shapes}</ul>"
    if community_legend:
        rows = "".join(f'<li class="community">{icon("dot", c)}<span>{html.escape(name)} ({count})</span></li>'
                       for c, name, count in community_legend)
        out += f"<strong>Communities</strong> <small>(Louvain)</small><ul>{rows}</ul>"
    return out


def _option_tags(values) -> str:
    return "".join(f'<option value="{html.escape(v)}">{html.escape(v)}</option>' for v in values)


def _body(nodes: list[dict], legend: str, size_by: str) -> str:
    types = sorted({n["kgType"] for n in nodes})
    years = sorted({y for n in nodes for y in n["kgYears"]})
    type_boxes = "".join(f'<label><input type="checkbox" class="type-filter" value="{html.escape(t)}" checked> '
                         f"{html.escape(t)}</label> " for t in types)
    countries = _option_tags(sorted({n["kgCountry"] for n in nodes if n["kgCountry"]}))
    themes = _option_tags(sorted({t for n in nodes for t in n["kgThemes"].split()}))
    first = f'<option value="">first</option>{_option_tags(years)}'
    last = f'<option value="">last</option>{_option_tags(years)}'
    return f"""<div class="controls" id="controls">
<label>Search <input id="search" type="search" placeholder="name contains…"></label>
<span>Types: {type_boxes}</span>
<label>Years <select id="year-from">{first}</select></label><label>to <select id="year-to">{last}</select></label>
<label>Status <select id="status"><option value="">all</option><option value="member">member</option><option value="observer">observer</option></select></label>
<label>Country <select id="country"><option value="">all</option>{countries}</select></label>
<label>Theme <select id="theme"><option value="">all</option>{themes}</select></label>
<button id="reset" type="button">Reset view</button>
<span id="visible-count"></span>
</div>
<div id="main"><div id="network"></div>
<aside id="legend">{legend}<p><small>Node size: {html.escape(size_by.replace("_", " "))}; edge width: weight.
Labels show where they fit: zoom in for more. Click a node to highlight its neighbours.</small></p>
<div id="details" hidden><strong id="d-label"></strong><div id="d-type"></div><div id="d-roles"></div>
<blockquote id="d-evidence"></blockquote><a id="d-source" target="_blank" rel="noopener noreferrer"></a>
<div id="d-date"></div><div id="d-others"></div><a id="d-profile"></a></div></aside></div>"""


def render_html(g: nx.Graph, title: str, summary: str, positions: dict | None = None, size_by: str = "pagerank",
                colour_by: str = "type", nav: Nav | None = None, links: dict | None = None) -> str:
    """The whole page as one string. `links` maps a node's IRI to its profile page's address."""
    positions = positions if positions is not None else place_nodes(g, radius=node_sizes(g, size_by))
    colour, community_legend = _colours(g, colour_by)
    nodes = _node_data(g, positions, colour, size_by, links or {})
    edges = _edge_data(g)
    vis_css = (LIB / "vis-network.css").read_text(encoding="utf-8") if (LIB / "vis-network.css").exists() else ""
    body = f"<style>{vis_css.replace('</style', '')}</style>" + _body(nodes, _legend(g, nodes, community_legend), size_by)
    vis_js = (LIB / "vis-network.min.js").read_text(encoding="utf-8").replace("</script", "<\\/script")
    return render_page(PageParts(title=title, summary=summary, body=body, nav=nav or Nav(),
                                 data={"nodes": nodes, "edges": edges, "options": _options(g)},
                                 scripts=[vis_js, asset("network.js")]))


def write_html(g: nx.Graph, path: str | Path, title: str, summary: str, positions: dict | None = None,
               size_by: str = "pagerank", colour_by: str = "type", nav: Nav | None = None,
               links: dict | None = None) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(g, title, summary, positions, size_by, colour_by, nav, links), encoding="utf-8")
    return path
