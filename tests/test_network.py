import pytest

from kg.errors import KgError
from kg.network import PROJECTIONS, build_network, summarise


def test_network_actor_graph_has_typed_nodes(built_store):
    g = build_network(built_store)
    types = {d["type"] for _, d in g.nodes(data=True)}
    assert {"state", "organisation", "person", "event", "place"} <= types


def test_network_state_projection_weights_shared_events(built_store):
    g = build_network(built_store, "states")
    idn, tha = "https://w3id.org/baliprocess-kg/state/IDN", "https://w3id.org/baliprocess-kg/state/THA"
    assert g[idn][tha]["weight"] >= 2


@pytest.mark.parametrize("projection", list(PROJECTIONS))
def test_network_every_projection_has_metrics(built_store, projection):
    g = build_network(built_store, projection)
    assert g.number_of_nodes() > 0
    for _, d in g.nodes(data=True):
        assert {"degree", "pagerank", "betweenness", "community"} <= set(d)


def test_network_focus_is_an_ego_network(built_store):
    g = build_network(built_store, focus="Fiji", depth=1)
    assert "https://w3id.org/baliprocess-kg/state/FJI" in g
    assert summarise(g)["components"] == 1


def test_network_unknown_focus_is_an_error(built_store):
    with pytest.raises(KgError, match="nothing in the store is named 'Atlantis'"):
        build_network(built_store, focus="Atlantis")


@pytest.mark.parametrize("name", ["Lao PDR", "laos", "LAO PEOPLE'S DEMOCRATIC REPUBLIC"])
def test_network_focus_takes_any_name_of_the_actor(built_store, name):
    assert "https://w3id.org/baliprocess-kg/state/LAO" in build_network(built_store, focus=name)


def test_network_every_node_has_one_label_from_one_article(built_store):
    g = build_network(built_store)
    _, rows = built_store.select("SELECT ?n (COUNT(DISTINCT ?l) AS ?c) WHERE { ?n skos:prefLabel ?l } GROUP BY ?n "
                                 "HAVING (COUNT(DISTINCT ?l) > 1)")
    _, titles = built_store.select("SELECT ?t ?u WHERE { ?a a kg:Article ; dcterms:title ?t ; dcterms:source ?u }")
    url_of = dict((t, u) for t, u in titles)
    mismatched = [n for n, d in g.nodes(data=True) if d.get("source") and url_of.get(d.get("article")) != d["source"]]
    assert (rows, mismatched) == ([], [])


def test_network_theme_and_kind_filters_keep_matching_events(built_store):
    g = build_network(built_store, theme="people-smuggling")
    events = [d for _, d in g.nodes(data=True) if d["type"] == "event"]
    assert events and all("people-smuggling" in d["themes"].split() for d in events)
    g = build_network(built_store, kind="training")
    assert {d["kind"] for _, d in g.nodes(data=True) if d["type"] == "event"} == {"training"}


def test_network_unknown_theme_is_an_error_naming_the_known_ones(built_store):
    from kg.errors import KgError
    with pytest.raises(KgError, match="unknown theme 'nonsense'; use one of .*people-smuggling"):
        build_network(built_store, "actors", theme="nonsense")


def test_network_theme_keeps_only_its_events(built_store):
    g = build_network(built_store, "actors", theme="people-smuggling")
    themes = [{t.rsplit("/", 1)[-1] for t in d.get("themes", "").split()} for _, d in g.nodes(data=True)
              if d.get("type") == "event"]
    assert (len(themes) > 0, all("people-smuggling" in t for t in themes)) == (True, True)


STATE_EVENTS_2024 = """
SELECT DISTINCT ?event ?state WHERE {
  ?event schema:organizer|kg:participant ?state ; schema:startDate ?d . ?state a kg:State .
  FILTER(YEAR(?d) = 2024)
}
"""


def test_network_year_range_filters_the_events_before_the_states_projection(built_store):
    from itertools import combinations
    by_event: dict[str, set[str]] = {}
    for event, state in built_store.select(STATE_EVENTS_2024)[1]:
        by_event.setdefault(event, set()).add(state)
    expected: dict[tuple[str, str], int] = {}
    for states in by_event.values():
        for pair in combinations(sorted(states), 2):
            expected[pair] = expected.get(pair, 0) + 1
    g = build_network(built_store, "states", since="2024", until="2024")
    assert {tuple(sorted((u, v))): d["weight"] for u, v, d in g.edges(data=True)} == expected


@pytest.mark.parametrize("projection", ["states", "organisations"])
def test_network_shared_event_edges_carry_their_events_years_and_spell(built_store, projection):
    g = build_network(built_store, projection, since="2023", until="2024")
    edges = list(g.edges(data=True))
    assert edges and all(len(d["events"].split(";")) == d["weight"] and set(d["years"].split()) <= {"2023", "2024"}
                         and "2023-01-01" <= d["start"] <= d["end"] <= "2024-12-31" for _, _, d in edges)


def test_network_year_range_leaves_undated_events_out_and_counts_them(built_store):
    _, rows = built_store.select("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?a kg:mentions ?e } "
                                 "?e a schema:Event FILTER NOT EXISTS { ?e schema:startDate ?d } }")
    g = build_network(built_store, since="2000")
    undated = [n for n, d in g.nodes(data=True) if d["type"] == "event" and not d["year"]]
    assert (undated, g.graph["undated_left_out"]) == ([], int(rows[0][0]))
