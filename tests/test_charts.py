"""Charts: the figures behind them, and the page of drawn SVG."""
from kg.charts import chart_tables, write_charts
from kg.facts import Actor, Event, ExplorerFacts, read_facts

A, B = "https://w3id.org/baliprocess-kg/state/AAA", "https://w3id.org/baliprocess-kg/state/BBB"


def small_facts() -> ExplorerFacts:
    actors = {A: Actor(A, "Avalon", "state", "member"), B: Actor(B, "Brigadoon", "state", "observer")}
    events = [Event("e1", "Forum", "2023-05-01", "2023-05-01", "forum", organisers=[A], participants=[A, B]),
              Event("e2", "Meeting", "2023-07-01", "2023-07-01", "meeting", participants=[B]),
              Event("e3", "Meeting", "2025-01-01", "2025-01-01", "meeting", participants=[A])]
    return ExplorerFacts(actors, events, [])


def test_charts_count_events_per_year_and_kind():
    years, _ = chart_tables(small_facts())
    assert years == [{"year": "2023", "kind": "forum", "events": 1}, {"year": "2023", "kind": "meeting", "events": 1},
                     {"year": "2025", "kind": "meeting", "events": 1}]


def test_charts_count_a_state_that_organised_and_attended_once():
    _, states = chart_tables(small_facts())
    assert states == [{"state": "Avalon", "status": "member", "organised": 1, "took part": 1},
                      {"state": "Brigadoon", "status": "observer", "organised": 0, "took part": 2}]


def test_charts_keep_years_without_events_on_the_axis(tmp_path):
    write_charts(small_facts(), tmp_path / "charts.html")
    svg = (tmp_path / "charts-events-per-year.svg").read_text(encoding="utf-8")
    assert ">2024<" in svg


def test_charts_page_is_drawn_svg_without_script(built_store, open_page, tmp_path):
    from tests.conftest import keep_screenshot
    path = write_charts(read_facts(built_store), tmp_path / "charts.html")
    html = path.read_text(encoding="utf-8")
    assert "<script" not in html and html.count("<svg") == 2
    page, requests, errors = open_page(path, ready="document.readyState === 'complete'")
    keep_screenshot(page, "charts")
    assert (requests, errors) == ([], [])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["charts-events-per-year.svg",
                                                           "charts-participation-per-state.svg", "charts.html"]
