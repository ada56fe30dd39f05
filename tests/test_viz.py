"""The HTML network in real headless Chromium, opened from file:// with the network cut off."""
import re

import networkx as nx
import pytest

from kg.network import build_network
from kg.explorer import write_network_html
from kg.viz import PALETTE, STYLE, render_html



def test_viz_html_references_no_remote_asset(built_store, tmp_path):
    path, _ = write_network_html(built_store, tmp_path / "n.html")
    html = path.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "@import" not in html and not re.search(r"url\(\s*['\"]?https?:", html)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.html"]


def test_viz_page_works_offline_with_legend_and_nodes(built_store, open_page, tmp_path):
    path, _ = write_network_html(built_store, tmp_path / "n.html")
    page, requests, errors = open_page(path)
    assert requests == [] and errors == []
    assert page.evaluate("window.kgNodes.length") > 50
    assert page.evaluate("window.kgEdges.length") > 50
    assert page.locator("#legend li").count() == 5


@pytest.fixture
def corpus_page(built_store, open_page, tmp_path):
    """The corpus network page, opened offline, and its number of nodes shown at first."""
    path, _ = write_network_html(built_store, tmp_path / "n.html")
    page, _, _ = open_page(path)
    return page, page.evaluate("window.kgVisibleNodes()")


def visible(page) -> int:
    return page.evaluate("window.kgVisibleNodes()")


def test_viz_search_and_type_filter_change_visible_nodes(corpus_page):
    page, total = corpus_page
    page.fill("#search", "Thailand")
    assert 0 < visible(page) < total
    page.fill("#search", "")
    page.uncheck(".type-filter[value=state]")
    assert visible(page) < total


def test_viz_hostile_labels_do_not_run(open_page, tmp_path):
    g = nx.Graph()
    evil = '<img src=x onerror="window.pwned=1"></script><script>window.pwned=2</script>'
    g.add_node("a", label=evil, type="person", evidence=evil)
    g.add_node("b", label="<svg onload=window.pwned=3>", type="state")
    g.add_edge("a", "b", relation="<b>x</b>", weight=1)
    path = tmp_path / "evil.html"
    path.write_text(render_html(g, evil, evil), encoding="utf-8")
    page, requests, errors = open_page(path)
    page.hover("#network")
    assert page.evaluate("window.pwned === undefined")
    assert page.evaluate("window.kgNodes.length") == 2
    assert page.title() == evil


def test_viz_country_and_theme_filters_narrow_the_view(corpus_page):
    page, total = corpus_page
    page.select_option("#country", "Fiji")
    assert 0 < visible(page) < total
    page.select_option("#country", "")
    page.select_option("#theme", "people-smuggling")
    assert visible(page) < total


def test_viz_draws_a_select_query_of_pairs(built_store, open_page, tmp_path):
    query = ("SELECT ?source ?target WHERE { ?e schema:organizer ?source ; kg:participant ?target . "
             "?target a kg:State }")
    path, summary = write_network_html(built_store, tmp_path / "q.html", query=query)
    page, requests, errors = open_page(path)
    assert requests == [] and errors == []
    assert page.evaluate("window.kgEdges.length") > 10


def test_viz_click_shows_source_link_and_sentence(corpus_page):
    page, _ = corpus_page
    node = page.evaluate("window.kgNodes.get({filter: function (n) { return n.kgType === 'event' && n.kgSource }})[0].id")
    page.evaluate(f"window.kgNetwork.selectNodes([{node!r}]); "
                  f"window.kgNetwork.body.emitter.emit('click', {{nodes: [{node!r}], edges: []}}); null")
    assert page.locator("#details").is_visible()
    assert page.get_attribute("#d-source", "href").startswith("https://")
    assert page.text_content("#d-evidence")


LABEL_BOXES = """(function () {
  var net = window.kgNetwork, scale = net.getScale(), out = [];
  Object.keys(net.body.nodes).forEach(function (id) {
    var node = net.body.nodes[id];
    if (!node.options.label || node.options.hidden) return;
    var s = node.labelModule.size, a = net.canvasToDOM({x: s.left, y: s.top});
    out.push({id: id, l: a.x, t: a.y, r: a.x + s.width * scale, b: a.y + s.height * scale,
              px: node.labelModule.fontOptions.size * scale});
  });
  return out;
})()"""


@pytest.fixture
def settled_page(built_store, open_page, tmp_path):
    """Open a projection's page as a person would (1400x900) once its labels are placed."""
    def opener(projection: str = "actors"):
        path, _ = write_network_html(built_store, tmp_path / f"{projection}.html", projection=projection)
        page, requests, errors = open_page(path, ready="window.kgStable === true")
        return page
    return opener


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [(a["id"], b["id"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]]


def test_viz_first_view_draws_legible_labels_that_do_not_overlap(settled_page):
    page = settled_page("actors")
    boxes = page.evaluate(LABEL_BOXES)
    assert len(boxes) >= 12
    assert min(b["px"] for b in boxes) >= 11
    assert overlapping(boxes) == []


def test_viz_first_view_labels_the_most_central_node(settled_page):
    page = settled_page("actors")
    top = page.evaluate("window.kgNodes.get().sort(function (a, b) { return b.kgRank - a.kgRank; })[0].id")
    assert top in [b["id"] for b in page.evaluate(LABEL_BOXES)]


def test_viz_first_view_draws_no_edge_label(settled_page):
    page = settled_page("actors")
    drawn = page.evaluate("Object.values(window.kgNetwork.body.edges).filter(function (e) { return (e.options.label || '').trim(); }).length")
    assert drawn == 0


def test_viz_hovered_edge_shows_its_relation_until_left(settled_page):
    page = settled_page("actors")
    edge = page.evaluate("window.kgEdges.get({filter: function (e) { return e.kgRelation === 'organised'; }})[0].id")
    page.evaluate(f"window.kgNetwork.body.emitter.emit('hoverEdge', {{edge: {edge!r}}}); null")
    assert page.evaluate(f"window.kgNetwork.body.edges[{edge!r}].options.label") == "organised"
    page.evaluate(f"window.kgNetwork.body.emitter.emit('blurEdge', {{edge: {edge!r}}}); null")
    assert page.evaluate(f"window.kgNetwork.body.edges[{edge!r}].options.label.trim()") == ""


def test_viz_zooming_in_labels_more_nodes(settled_page):
    page = settled_page("actors")
    width, height = page.evaluate("[document.getElementById('network').clientWidth, document.getElementById('network').clientHeight]")
    centre = [b for b in page.evaluate(LABEL_BOXES)
              if width / 3 < (b["l"] + b["r"]) / 2 < 2 * width / 3 and height / 3 < b["t"] < 2 * height / 3]
    page.evaluate("window.kgNetwork.moveTo({scale: window.kgNetwork.getScale() * 3}); window.kgPlaceLabels(); null")
    after = page.evaluate(LABEL_BOXES)
    assert len(after) > len(centre)
    assert min(b["px"] for b in after) >= 11
    assert overlapping(after) == []


def test_viz_states_page_is_coloured_by_community(settled_page, built_store):
    page = settled_page("states")
    node_colours = set(page.evaluate("window.kgNodes.get().map(function (n) { return n.kgColour; })"))
    legend_colours = set(page.eval_on_selector_all("#legend li.community svg", "l => l.map(s => s.getAttribute('fill'))"))
    communities = {d["community"] for _, d in build_network(built_store, "states").nodes(data=True)}
    assert len(node_colours) == min(len(communities), len(PALETTE) + 1) > 1
    assert node_colours == legend_colours


def test_viz_search_keeps_indonesia_and_its_neighbours_in_view(settled_page):
    page = settled_page("actors")
    page.fill("#search", "Indonesia")
    inside = page.evaluate("""(function () {
      var net = window.kgNetwork, box = document.getElementById('network'), out = {};
      var shown = window.kgNodes.get({filter: function (n) { return !n.hidden; }});
      shown.forEach(function (n) { var p = net.canvasToDOM(net.getPosition(n.id));
        out[n.kgLabel] = p.x >= 0 && p.y >= 0 && p.x <= box.clientWidth && p.y <= box.clientHeight; });
      return out; })()""")
    neighbours = set(page.evaluate("""(function () {
      var id = window.kgNodes.get({filter: function (n) { return n.kgLabel === 'Indonesia'; }})[0].id, out = [];
      window.kgEdges.forEach(function (e) { if (e.from === id) out.push(e.to); if (e.to === id) out.push(e.from); });
      return out.map(function (m) { return window.kgNodes.get(m).kgLabel; }); })()"""))
    assert inside["Indonesia"] is True
    assert neighbours and neighbours <= set(inside)
    assert all(inside.values())


def test_viz_year_range_filters_the_states_projection(settled_page, built_store):
    page = settled_page("states")
    page.select_option("#year-from", "2024")
    page.select_option("#year-to", "2024")
    expected = build_network(built_store, "states", since="2024", until="2024").number_of_nodes()
    assert visible(page) == expected
    assert expected < page.evaluate("window.kgNodes.length")


def test_viz_year_range_hides_edges_of_other_years(settled_page):
    page = settled_page("states")
    page.select_option("#year-from", "2017")
    page.select_option("#year-to", "2017")
    years = page.evaluate("window.kgEdges.get({filter: function (e) { return !e.hidden; }}).map(function (e) { return e.kgYears; })")
    assert years and all("2017" in y for y in years)


def test_viz_legend_draws_the_shape_of_each_type(settled_page):
    page = settled_page("actors")
    legend = page.eval_on_selector_all("#legend li.type", "l => l.map(li => [li.textContent.trim(), li.querySelector('svg').dataset.shape])")
    shapes = page.evaluate("(function () { var out = {}; window.kgNodes.forEach(function (n) { out[n.kgType] = n.shape; }); return out; })()")
    assert dict(legend) == shapes
    assert {t: STYLE[t][1] for t in shapes} == shapes


def test_viz_click_highlights_neighbours_and_dims_the_rest(settled_page):
    page = settled_page("actors")
    result = page.evaluate("""(function () {
      var id = window.kgNodes.get({filter: function (n) { return n.kgLabel === 'Fiji'; }})[0].id, near = {};
      near[id] = true;
      window.kgEdges.forEach(function (e) { if (e.from === id) near[e.to] = true; if (e.to === id) near[e.from] = true; });
      window.kgNetwork.body.emitter.emit('click', {nodes: [id], edges: []});
      var lit = 0, dim = 0, wrong = 0;
      window.kgNodes.forEach(function (n) {
        var dimmed = n.color.background !== n.kgColour;
        if (near[n.id] && !dimmed) lit++; else if (!near[n.id] && dimmed) dim++; else wrong++;
      });
      return [lit, dim, wrong, Object.keys(near).length]; })()""")
    lit, dim, wrong, near = result
    assert (lit, wrong) == (near, 0) and dim > 0


def test_viz_page_uses_one_font(settled_page):
    page = settled_page("actors")
    fonts = page.evaluate("""(function () {
      var seen = {};
      document.querySelectorAll('body, header, #legend, #controls, select, input, button').forEach(function (el) {
        seen[getComputedStyle(el).fontFamily] = true; });
      seen[window.kgNetwork.body.nodes[window.kgLabelled()[0]].labelModule.fontOptions.face] = true;
      return Object.keys(seen); })()""")
    assert len({f.replace('"', "").replace(" ", "") for f in fonts}) == 1
