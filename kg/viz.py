"""Self-contained interactive HTML networks: the only module that imports pyvis.

pyvis builds the node and edge data; the page is our own template with
vis-network (shipped inside the pyvis package) inlined, so one HTML file
works offline, loads nothing from the network and writes nothing beside it.
All article-derived text reaches the page as JSON data rendered as text,
never as markup.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

import pyvis
from pyvis.network import Network

__all__ = ["STYLE", "render_html", "write_html"]

STYLE = {  # node type -> (colour, vis-network shape)
    "state": ("#2b7bba", "dot"),
    "organisation": ("#e07b39", "box"),
    "person": ("#4daf4a", "ellipse"),
    "event": ("#984ea3", "diamond"),
    "place": ("#a6761d", "triangle"),
    "other": ("#999999", "dot"),
}
LIB = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
PHYSICS_LIMIT = 300  # above this many nodes the layout is precomputed and physics is off


def _tooltip(d: dict) -> str:
    lines = [d.get("label", ""), f"type: {d.get('type', '')}"]
    if d.get("status"):
        lines.append(f"Bali Process: {d['status']}")
    if d.get("year"):
        lines.append(f"year: {d['year']}")
    if d.get("roles"):
        lines.append(f"roles: {d['roles']}")
    if d.get("article"):
        lines.append(f"source: {d['article']}" + (f" ({d['article_date']})" if d.get("article_date") else ""))
    if d.get("source"):
        lines.append(d["source"])
    if d.get("evidence"):
        ev = d["evidence"]
        lines.append("“" + (ev if len(ev) <= 240 else ev[:237] + "…") + "”")
    if d.get("other_articles"):
        lines.append(f"also in {int(d.get('articles', 1)) - 1} other article(s)")
    return "\n".join(lines)


def _network_data(g, positions: dict | None, size_by: str) -> tuple[list, list, dict]:
    net = Network(directed=g.is_directed(), cdn_resources="in_line")
    values = [float(d.get(size_by, 0) or 0) for _, d in g.nodes(data=True)] or [0.0]
    top = max(values) or 1.0
    for n, d in g.nodes(data=True):
        typ = d.get("type", "other")
        colour, shape = STYLE.get(typ, STYLE["other"])
        extra = {}
        if positions and n in positions:
            extra = {"x": positions[n][0], "y": positions[n][1]}
        net.add_node(n, label=str(d.get("label", n))[:60], title=_tooltip(d), color=colour, shape=shape,
                     size=10 + 30 * (float(d.get(size_by, 0) or 0) / top), **extra)
        node = net.nodes[-1]
        node.update({"kgType": typ, "kgYear": d.get("year", ""), "kgStatus": d.get("status", ""),
                     "kgIri": d.get("iri", n), "kgLabel": str(d.get("label", n)), "kgCountry": d.get("country", ""),
                     "kgThemes": d.get("themes", ""), "kgSource": d.get("source", ""),
                     "kgArticle": d.get("article", ""), "kgEvidence": d.get("evidence", ""),
                     "kgArticleDate": d.get("article_date", ""), "kgOthers": d.get("other_articles", ""),
                     "kgRoles": d.get("roles", "")})
    seen = set()
    for u, v, d in g.edges(data=True):
        key = (u, v, d.get("relation"))
        if key in seen:
            continue
        seen.add(key)
        net.add_edge(u, v, label=d.get("relation", ""), value=d.get("weight", 1),
                     title=f"{d.get('relation', '')} (weight {d.get('weight', 1)})")
    physics = not positions
    large = bool(positions)
    options = {"physics": {"enabled": physics, "stabilization": {"enabled": physics, "iterations": 200},
                           "solver": "forceAtlas2Based"},
               # large graphs come with a computed layout: no layout pass in the browser, and edge
               # labels (still in each edge's tooltip) are not drawn, which costs most of the drawing
               "layout": {"improvedLayout": not large},
               "edges": {"font": {"size": 0 if large else 9, "align": "middle"}, "smooth": False,
                         "arrows": {"to": {"enabled": g.is_directed() and not large, "scaleFactor": 0.5}}},
               "interaction": {"hover": not large, "tooltipDelay": 120, "hideEdgesOnDrag": True,
                               "hideEdgesOnZoom": large},
               "nodes": {"font": {"size": 12}, "scaling": {"label": {"drawThreshold": 9 if large else 5}}}}
    return net.nodes, net.edges, options


def _json_for_script(data) -> str:
    """JSON that cannot close the <script> element it sits in."""
    return (json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _option_tags(values) -> str:
    return "".join(f'<option value="{html.escape(v)}">{html.escape(v)}</option>' for v in values)


def render_html(g, title: str, summary: str, positions: dict | None = None, size_by: str = "pagerank") -> str:
    """The whole page as one string."""
    nodes, edges, options = _network_data(g, positions, size_by)
    types = sorted({n["kgType"] for n in nodes})
    legend = "".join(
        f'<li><span class="swatch {html.escape(STYLE.get(t, STYLE["other"])[1])}" '
        f'style="background:{STYLE.get(t, STYLE["other"])[0]}"></span>{html.escape(t)} '
        f'<small>({html.escape(STYLE.get(t, STYLE["other"])[1])})</small></li>' for t in types)
    type_boxes = "".join(f'<label><input type="checkbox" class="type-filter" value="{html.escape(t)}" checked> '
                         f'{html.escape(t)}</label> ' for t in types)
    year_options = _option_tags(sorted({n["kgYear"] for n in nodes if n["kgYear"]}))
    country_options = _option_tags(sorted({n["kgCountry"] for n in nodes if n["kgCountry"]}))
    theme_options = _option_tags(sorted({t for n in nodes for t in n["kgThemes"].split()}))
    js = (LIB / "vis-network.min.js").read_text(encoding="utf-8")
    css = (LIB / "vis-network.css").read_text(encoding="utf-8") if (LIB / "vis-network.css").exists() else ""
    return PAGE.format(title=html.escape(title), summary=html.escape(summary), legend=legend, type_boxes=type_boxes,
                       year_options=year_options, country_options=country_options, theme_options=theme_options,
                       vis_js=js.replace("</script", "<\\/script"),
                       vis_css=css.replace("</style", "<\\/style"),
                       data=_json_for_script({"nodes": nodes, "edges": edges, "options": options}))


def write_html(g, path: str | Path, title: str, summary: str, positions: dict | None = None,
               size_by: str = "pagerank") -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(g, title, summary, positions, size_by), encoding="utf-8")
    return path


PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:;">
<title>{title}</title>
<style>{vis_css}</style>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0; display: flex; flex-direction: column; height: 100vh; }}
header {{ padding: 8px 14px; border-bottom: 1px solid #ddd; }}
header h1 {{ font-size: 18px; margin: 0 0 4px 0; }}
header p {{ margin: 0; color: #555; font-size: 13px; }}
#controls {{ display: flex; gap: 14px; flex-wrap: wrap; align-items: center; font-size: 13px; margin-top: 6px; }}
#main {{ flex: 1; display: flex; min-height: 0; }}
#network {{ flex: 1; }}
#legend {{ width: 170px; padding: 8px; border-left: 1px solid #ddd; font-size: 13px; }}
#legend ul {{ list-style: none; padding: 0; }}
#details {{ border-top: 1px solid #ddd; margin-top: 8px; padding-top: 6px; word-wrap: break-word; }}
#details blockquote {{ margin: 6px 0; font-style: italic; color: #444; }}
.swatch {{ display: inline-block; width: 12px; height: 12px; margin-right: 6px; border-radius: 6px; }}
.swatch.box {{ border-radius: 0; }}
div.vis-tooltip {{ white-space: pre-wrap; max-width: 420px; }}
</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p id="summary">{summary}</p>
<div id="controls">
<label>Search <input id="search" type="search" placeholder="name contains…"></label>
<span>Types: {type_boxes}</span>
<label>Year <select id="year"><option value="">all</option>{year_options}</select></label>
<label>Status <select id="status"><option value="">all</option><option value="member">member</option><option value="observer">observer</option></select></label>
<label>Country <select id="country"><option value="">all</option>{country_options}</select></label>
<label>Theme <select id="theme"><option value="">all</option>{theme_options}</select></label>
<span id="visible-count"></span>
</div>
</header>
<div id="main"><div id="network"></div>
<aside id="legend"><strong>Legend</strong><ul>{legend}</ul><p><small>Node size: centrality. Hover for details; click for the source.</small></p>
<div id="details" hidden><strong id="d-label"></strong><div id="d-type"></div><div id="d-roles"></div>
<blockquote id="d-evidence"></blockquote><a id="d-source" target="_blank" rel="noopener noreferrer"></a>
<div id="d-date"></div><div id="d-others"></div></div></aside></div>
<script id="graph-data" type="application/json">{data}</script>
<script>{vis_js}</script>
<script>
(function () {{
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("network");
  var network = new vis.Network(container, {{ nodes: nodes, edges: edges }}, data.options);
  window.kgNetwork = network; window.kgNodes = nodes; window.kgEdges = edges;
  window.kgStable = !data.options.physics.enabled;
  window.kgDrawn = false;
  network.once("afterDrawing", function () {{ window.kgDrawn = performance.now(); }});
  network.once("stabilizationIterationsDone", function () {{
    network.setOptions({{ physics: false }}); window.kgStable = true;
  }});
  function apply() {{
    var q = document.getElementById("search").value.toLowerCase();
    var year = document.getElementById("year").value;
    var status = document.getElementById("status").value;
    var country = document.getElementById("country").value;
    var theme = document.getElementById("theme").value;
    var types = Array.prototype.slice.call(document.querySelectorAll(".type-filter"))
      .filter(function (b) {{ return b.checked; }}).map(function (b) {{ return b.value; }});
    var updates = [], shown = 0;
    nodes.forEach(function (n) {{
      var ok = types.indexOf(n.kgType) >= 0 && (!q || n.kgLabel.toLowerCase().indexOf(q) >= 0)
        && (!year || n.kgType !== "event" || n.kgYear === year)
        && (!status || n.kgType !== "state" || n.kgStatus === status)
        && (!country || n.kgCountry === country)
        && (!theme || n.kgType !== "event" || (" " + n.kgThemes + " ").indexOf(" " + theme + " ") >= 0);
      if (ok) shown++;
      if (!!n.hidden === ok) updates.push({{ id: n.id, hidden: !ok }});  // only nodes whose state changes
    }});
    if (updates.length) nodes.update(updates);
    document.getElementById("visible-count").textContent = shown + " of " + nodes.length + " nodes shown";
  }}
  network.on("click", function (params) {{
    var box = document.getElementById("details");
    if (!params.nodes.length) {{ box.hidden = true; return; }}
    var n = nodes.get(params.nodes[0]);
    document.getElementById("d-label").textContent = n.kgLabel;
    document.getElementById("d-type").textContent = n.kgType + (n.kgCountry ? " · " + n.kgCountry : "");
    document.getElementById("d-roles").textContent = n.kgRoles || "";
    document.getElementById("d-evidence").textContent = n.kgEvidence || "";
    var a = document.getElementById("d-source");
    if (/^https?:\\/\\//.test(n.kgSource)) {{ a.href = n.kgSource; a.textContent = n.kgArticle || n.kgSource; }}
    else {{ a.removeAttribute("href"); a.textContent = n.kgArticle || ""; }}
    document.getElementById("d-date").textContent = n.kgArticleDate || "";
    document.getElementById("d-others").textContent = n.kgOthers ? "Also reported by: " + n.kgOthers : "";
    box.hidden = false;
  }});
  window.kgVisibleNodes = function () {{ return nodes.get({{ filter: function (n) {{ return !n.hidden; }} }}).length; }};
  ["search", "year", "status", "country", "theme"].forEach(function (id) {{ document.getElementById(id).addEventListener("input", apply); }});
  document.querySelectorAll(".type-filter").forEach(function (b) {{ b.addEventListener("change", apply); }});
  apply();
}})();
</script>
</body>
</html>
"""
