"""Actor profiles: what a profile holds, its Markdown twin, and the page in Chromium."""
import pytest

from kg.facts import Actor, Event, ExplorerFacts, Role, Source, read_facts
from kg.profile import build_profile, profile_markdown, profile_name, write_profile

A, B, C = "https://w3id.org/baliprocess-kg/state/AAA", "https://w3id.org/baliprocess-kg/org/b", \
    "https://w3id.org/baliprocess-kg/person/c"


@pytest.fixture
def small_facts() -> ExplorerFacts:
    actors = {A: Actor(A, "Avalon", "state", "member"), B: Actor(B, "Bureau | of B", "organisation", country="Avalon"),
              C: Actor(C, "Cara Doe", "person")}
    events = [Event("e1", "Forum", "2023-05-01", "2023-05-02", "forum", organisers=[A], participants=[B, C],
                    sources=[Source("Forum report", "https://example.org/f", "2023-05-03")]),
              Event("e2", "Workshop", "2024-01-10", "2024-01-10", "workshop", organisers=[B], participants=[A])]
    roles = [Role(C, B, "Director", Source("Forum report", "https://example.org/f", "2023-05-03"))]
    return ExplorerFacts(actors, events, roles)


def test_profile_name_is_the_iri_path():
    assert profile_name("https://w3id.org/baliprocess-kg/person/cara-doe") == "person-cara-doe"


def test_profile_splits_events_by_role(small_facts):
    p = build_profile(small_facts, A)
    assert ([e.iri for e in p.organised], [e.iri for e in p.attended]) == (["e1"], ["e2"])


def test_profile_partners_are_counted_by_shared_events(small_facts):
    assert build_profile(small_facts, A).partners == [(B, 2), (C, 1)]


def test_profile_person_lists_roles_with_the_date_they_were_stated(small_facts):
    assert build_profile(small_facts, C).roles == [("2023-05-03", "Bureau | of B", "Director", "Forum report",
                                                     "https://example.org/f")]


def test_profile_markdown_escapes_table_pipes(small_facts):
    text = profile_markdown(small_facts, build_profile(small_facts, C))
    assert "| 2023-05-03 | Bureau \\| of B | Director | Forum report |" in text
    assert text.startswith("# Cara Doe\n")


def test_profile_writes_html_and_markdown_side_by_side(small_facts, tmp_path):
    html, markdown = write_profile(small_facts, A, tmp_path)
    assert (html.name, markdown.name) == ("state-AAA.html", "state-AAA.md")


def test_profile_page_of_indonesia_links_its_timeline_and_partners(built_store, open_page, tmp_path):
    from tests.conftest import keep_screenshot
    facts = read_facts(built_store)
    iri = "https://w3id.org/baliprocess-kg/state/IDN"
    links = {i: f"{profile_name(i)}.html" for i in facts.actors}
    html, _ = write_profile(facts, iri, tmp_path, links=links, timeline="../timeline.html#actor=x")
    page, requests, errors = open_page(html, ready="document.readyState === 'complete'")
    keep_screenshot(page, "profile-indonesia")
    assert (requests, errors) == ([], [])
    assert page.get_attribute("#timeline-link", "href") == "../timeline.html#actor=x"
    organised = page.locator("h2", has_text="Events organised").text_content()
    assert organised == f"Events organised ({len(build_profile(facts, iri).organised)})"
    assert page.locator("svg.ego a").count() == len(build_profile(facts, iri).partners)
