"""The HTML network in real headless Chromium, opened from file:// with the network cut off."""
import re
import shutil

import networkx as nx
import pytest

from kg.report import write_network_html
from kg.viz import render_html

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not shutil.which("chromium") and not shutil.os.path.exists(CHROMIUM):
        pytest.fail("chromium is not installed: .ci/run installs it (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def open_offline(browser, path):
    context = browser.new_context()
    requests, errors = [], []
    context.route(re.compile(r"^(https?|wss?)://.*"), lambda route: (requests.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("window.kgNetwork !== undefined")
    return page, requests, errors


def test_viz_html_references_no_remote_asset(built_store, tmp_path):
    path, _ = write_network_html(built_store, tmp_path / "n.html")
    html = path.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "@import" not in html and not re.search(r"url\(\s*['\"]?https?:", html)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.html"]


def test_viz_page_works_offline_with_legend_and_nodes(built_store, browser, tmp_path):
    path, _ = write_network_html(built_store, tmp_path / "n.html")
    page, requests, errors = open_offline(browser, path)
    assert requests == [] and errors == []
    assert page.evaluate("window.kgNodes.length") > 50
    assert page.evaluate("window.kgEdges.length") > 50
    assert page.locator("#legend li").count() == 5


@pytest.fixture
def corpus_page(built_store, browser, tmp_path):
    """The corpus network page, opened offline, and its number of nodes shown at first."""
    path, _ = write_network_html(built_store, tmp_path / "n.html")
    page, _, _ = open_offline(browser, path)
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


def test_viz_hostile_labels_do_not_run(browser, tmp_path):
    g = nx.Graph()
    evil = '<img src=x onerror="window.pwned=1"></script><script>window.pwned=2</script>'
    g.add_node("a", label=evil, type="person", evidence=evil)
    g.add_node("b", label="<svg onload=window.pwned=3>", type="state")
    g.add_edge("a", "b", relation="<b>x</b>", weight=1)
    path = tmp_path / "evil.html"
    path.write_text(render_html(g, evil, evil), encoding="utf-8")
    page, requests, errors = open_offline(browser, path)
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


def test_viz_draws_a_select_query_of_pairs(built_store, browser, tmp_path):
    query = ("SELECT ?source ?target WHERE { ?e schema:organizer ?source ; kg:participant ?target . "
             "?target a kg:State }")
    path, summary = write_network_html(built_store, tmp_path / "q.html", query=query)
    page, requests, errors = open_offline(browser, path)
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
