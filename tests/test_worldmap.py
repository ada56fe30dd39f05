"""The map: projection, per-year counts, and the page redrawn by its year range."""
import pytest

from kg.facts import Actor, Event, ExplorerFacts, read_facts
from kg.worldmap import map_data, project, write_map

IDN, NRU, BKK = ("https://w3id.org/baliprocess-kg/state/IDN", "https://w3id.org/baliprocess-kg/state/NRU",
                 "https://w3id.org/baliprocess-kg/place/bangkok")


@pytest.fixture
def small_facts() -> ExplorerFacts:
    actors = {IDN: Actor(IDN, "Indonesia", "state", "member", "Indonesia", "IDN"),
              NRU: Actor(NRU, "Nauru", "state", "member", "Nauru", "NRU"),
              BKK: Actor(BKK, "Bangkok", "place", country="Thailand")}
    events = [Event("e1", "Forum", "2023-05-01", "2023-05-01", "forum", places=[BKK], participants=[IDN, NRU]),
              Event("e2", "Meeting", "2024-02-01", "2024-02-01", "meeting", places=[BKK], organisers=[IDN])]
    return ExplorerFacts(actors, events, [])


def test_worldmap_project_keeps_the_pacific_in_one_piece():
    west_of_dateline, east_of_dateline = project(179.0, -17.0), project(-179.0, -17.0)
    assert east_of_dateline[0] - west_of_dateline[0] == pytest.approx(2 * 5.8)


def test_worldmap_counts_events_per_state_and_year(small_facts):
    data = map_data(small_facts)
    assert data["states"]["IDN"]["years"] == {"2023": 1, "2024": 1}
    assert data["states"]["NRU"]["years"] == {"2023": 1}


def test_worldmap_marks_a_state_too_small_for_the_outlines(small_facts):
    data = map_data(small_facts)
    assert data["states"]["NRU"]["marker"] == project(166.925, -0.551)
    assert data["states"]["IDN"]["marker"] is None


def test_worldmap_places_event_places_with_coordinates(small_facts):
    [bangkok] = map_data(small_facts)["places"]
    assert (bangkok["name"], bangkok["years"], (bangkok["x"], bangkok["y"])) == \
        ("Bangkok", {"2023": 1, "2024": 1}, project(100.501, 13.754))


def test_worldmap_page_shades_states_and_redraws_by_year(built_store, open_page, tmp_path):
    from tests.conftest import keep_screenshot
    facts = read_facts(built_store)
    page, requests, errors = open_page(write_map(facts, tmp_path / "map.html"))
    keep_screenshot(page, "map")
    assert (requests, errors) == ([], [])
    counts = lambda: page.evaluate(  # noqa: E731
        "Object.fromEntries(Array.from(document.querySelectorAll('#countries [data-iso3]')).map(p => [p.dataset.iso3, +p.dataset.count]))")
    every_year = counts()
    assert every_year["IDN"] == len([e for e in facts.events if any(
        facts.actors.get(i) and facts.actors[i].iso3 == "IDN" for i in set(e.organisers + e.participants + e.places))])
    page.select_option("#year-from", "2017")
    page.select_option("#year-to", "2017")
    in_2017 = counts()
    assert 0 < in_2017["IDN"] < every_year["IDN"]
    assert in_2017["IDN"] == map_data(facts)["states"]["IDN"]["years"]["2017"]
