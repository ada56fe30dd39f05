"""The explorer: every page written, linked both ways, and opened offline in Chromium."""
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from kg.explorer import PAGES, build_explorer
from kg.facts import read_facts
from tests.conftest import keep_screenshot


@pytest.fixture(scope="module")
def explorer(built_store, tmp_path_factory):
    return build_explorer(built_store, tmp_path_factory.mktemp("explorer"), "summary line")


def local_links(page: Path) -> list[str]:
    hrefs = re.findall(r'href="([^"]+)"', page.read_text(encoding="utf-8"))
    return [h for h in hrefs if not urlparse(h).scheme]


def test_explorer_writes_every_view_and_a_profile_per_actor(explorer, built_store):
    folder = explorer.index.parent
    facts = read_facts(built_store)
    actors = [a for a in facts.actors.values() if a.kind in ("state", "organisation", "person")]
    assert sorted(p.name for p in folder.glob("*.html")) == sorted(href for _, href in PAGES)
    assert explorer.profiles == len(actors) == len(list((folder / "profiles").glob("*.html")))
    assert len(list((folder / "profiles").glob("*.md"))) == len(actors)


def test_explorer_every_local_link_resolves(explorer):
    broken = []
    for page in explorer.pages:
        for href in local_links(page):
            target = (page.parent / unquote(href.split("#")[0])).resolve()
            if not target.exists():
                broken.append((page.name, href))
    assert broken == []


def test_explorer_index_links_every_view_and_profile(explorer):
    links = set(local_links(explorer.index))
    assert {href for _, href in PAGES} <= links
    assert {f"profiles/{p.name}" for p in (explorer.index.parent / "profiles").glob("*.html")} <= links


def test_explorer_network_nodes_open_existing_profiles(explorer, open_page):
    page, _, _ = open_page(explorer.index.parent / "network.html")
    hrefs = page.evaluate("window.kgNodes.get().map(function (n) { return n.kgProfile; }).filter(Boolean)")
    assert hrefs and all((explorer.index.parent / h).exists() for h in hrefs)


@pytest.mark.parametrize("name", ["index.html", "network.html", "states.html", "timeline.html", "map.html",
                                  "charts.html", "profiles/state-IDN.html"])
def test_explorer_page_opens_offline_without_errors(explorer, open_page, name):
    page, requests, errors = open_page(explorer.index.parent / name, ready="document.readyState === 'complete'")
    page.wait_for_timeout(300)
    keep_screenshot(page, "explorer-" + name.replace("/", "-").removesuffix(".html"))
    assert (requests, errors) == ([], [])
    assert page.locator("#explorer-nav a").count() == len(PAGES)


def test_explorer_index_filter_narrows_the_profiles(explorer, open_page):
    page, _, _ = open_page(explorer.index)
    page.fill("#profile-filter", "indonesia")
    shown = page.eval_on_selector_all("ul.profiles li:not([hidden])", "l => l.map(x => x.textContent)")
    assert shown and all("indonesia" in s.lower() for s in shown)
