"""The timeline page in headless Chromium: events on rows, filters, hover and details."""
import pytest

from kg.facts import Event, ExplorerFacts, Source, read_facts
from kg.timeline import timeline_data, write_timeline
from tests.conftest import keep_screenshot


@pytest.fixture(scope="module")
def facts(built_store):
    return read_facts(built_store)


@pytest.fixture
def timeline_page(facts, open_page, tmp_path):
    path = write_timeline(facts, tmp_path / "timeline.html")
    return open_page(path)


def test_timeline_data_leaves_out_undated_events_and_counts_them():
    facts = ExplorerFacts({}, [Event("a", "Forum", "2024-03-05", "2024-03-06", "forum"),
                               Event("b", "Visit", "", "", "visit")], [])
    data = timeline_data(facts, {})
    assert [e["iri"] for e in data["events"]] == ["a"]
    assert data["undated"] == 1


def test_timeline_page_draws_every_dated_event_offline(timeline_page, facts):
    page, requests, errors = timeline_page
    keep_screenshot(page, "timeline")
    dated = [e for e in facts.events if e.start]
    drawn = set(page.eval_on_selector_all(".event-mark", "m => m.map(x => x.dataset.iri)"))
    assert drawn == {e.iri for e in dated}
    assert (requests, errors) == ([], [])


def test_timeline_rows_by_kind_give_one_row_per_kind(timeline_page, facts):
    page, _, _ = timeline_page
    page.select_option("#rows", "kind")
    rows = page.eval_on_selector_all(".row-label", "r => r.map(x => x.textContent)")
    assert sorted(rows) == sorted({e.kind for e in facts.events if e.start})


def test_timeline_actor_filter_keeps_that_actors_events(timeline_page, facts):
    page, _, _ = timeline_page
    fiji = "https://w3id.org/baliprocess-kg/state/FJI"
    page.select_option("#actor", fiji)
    drawn = set(page.eval_on_selector_all(".event-mark", "m => m.map(x => x.dataset.iri)"))
    assert drawn == {e.iri for e in facts.events if e.start and fiji in e.organisers + e.participants}


def test_timeline_theme_filter_keeps_that_themes_events(timeline_page, facts):
    page, _, _ = timeline_page
    page.select_option("#theme", "people-smuggling")
    drawn = set(page.eval_on_selector_all(".event-mark", "m => m.map(x => x.dataset.iri)"))
    assert drawn == {e.iri for e in facts.events if e.start and "people-smuggling" in e.themes}


def test_timeline_address_preselects_an_actor(facts, open_page, tmp_path):
    path = write_timeline(facts, tmp_path / "timeline.html")
    page, _, _ = open_page(path.as_uri() + "#actor=https%3A%2F%2Fw3id.org%2Fbaliprocess-kg%2Fstate%2FFJI")
    assert page.input_value("#actor") == "https://w3id.org/baliprocess-kg/state/FJI"


ON_TOP = """iri => { const m = document.querySelector(`.event-mark[data-iri="${iri}"]`); m.scrollIntoView();
  const r = m.getBoundingClientRect(); return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === m; }"""


def uncovered(page, events):
    """The first of `events` whose mark no later mark covers (events days apart share pixels)."""
    return next(e for e in events if page.evaluate(ON_TOP, e.iri))


def test_timeline_hover_shows_participants_and_sources_as_text(timeline_page, facts):
    page, _, _ = timeline_page
    event = uncovered(page, [e for e in facts.events if e.start and e.participants and e.sources])
    page.hover(f'.event-mark[data-iri="{event.iri}"]')
    tip = page.text_content("#tip")
    assert tip.startswith(event.label) and "Took part: " in tip and event.sources[0].title in tip


def test_timeline_click_lists_sources_with_their_links(timeline_page, facts):
    page, _, _ = timeline_page
    event = uncovered(page, [e for e in facts.events if e.start and any(s.url for s in e.sources)])
    page.click(f'.event-mark[data-iri="{event.iri}"]')
    hrefs = page.eval_on_selector_all("#e-sources a", "a => a.map(x => x.getAttribute('href'))")
    assert hrefs == [s.url or None for s in event.sources]


def test_timeline_hostile_titles_stay_text(open_page, tmp_path):
    evil = '<img src=x onerror="window.pwned=1">'
    facts = ExplorerFacts({}, [Event("a", evil, "2024-03-05", "2024-03-05", "forum",
                                     sources=[Source(evil, "javascript:window.pwned=2", "2024-03-05")])], [])
    page, _, errors = open_page(write_timeline(facts, tmp_path / "t.html"))
    page.click(".event-mark")
    assert page.evaluate("window.pwned === undefined")
    assert page.get_attribute("#e-sources a", "href") is None
