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
    with pytest.raises(KgError, match="no node named"):
        build_network(built_store, focus="Atlantis")


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
