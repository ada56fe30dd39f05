"""ForceAtlas2 positions: deterministic, components packed, nodes apart, linked nodes close."""
import math

import networkx as nx
import numpy as np

from kg.forces import SPACING, place_nodes


def distance(a, b) -> float:
    return math.dist(a, b)


def test_forces_same_graph_same_positions():
    g = nx.barabasi_albert_graph(120, 2, seed=3)
    assert place_nodes(g) == place_nodes(g)


def test_forces_place_every_node_once():
    g = nx.relabel_nodes(nx.path_graph(5), {i: f"n{i}" for i in range(5)})
    g.add_node("alone")
    assert sorted(place_nodes(g)) == ["alone", "n0", "n1", "n2", "n3", "n4"]


def test_forces_linked_nodes_lie_closer_than_others():
    g = nx.connected_caveman_graph(6, 8)
    pos = place_nodes(g)
    linked = np.mean([distance(pos[u], pos[v]) for u, v in g.edges])
    others = np.mean([distance(pos[u], pos[v]) for u in g for v in g if u < v and not g.has_edge(u, v)])
    assert linked < others / 2


def test_forces_communities_stay_apart():
    g = nx.connected_caveman_graph(4, 10)
    pos = place_nodes(g)
    centres = [np.mean([pos[n] for n in range(c * 10, c * 10 + 10)], axis=0) for c in range(4)]
    spread = max(np.std([pos[n] for n in range(c * 10, c * 10 + 10)], axis=0).max() for c in range(4))
    assert min(distance(a, b) for i, a in enumerate(centres) for b in centres[i + 1:]) > 2 * spread


def test_forces_given_radii_no_two_nodes_overlap():
    g = nx.star_graph(40)
    radius = {n: 30.0 if n == 0 else 8.0 for n in g}
    pos = place_nodes(g, radius=radius)
    gaps = [distance(pos[u], pos[v]) - radius[u] - radius[v] for u in g for v in g if u < v]
    assert min(gaps) >= -0.5


def test_forces_smaller_components_sit_below_the_largest():
    g = nx.disjoint_union(nx.complete_graph(12), nx.path_graph(3))
    pos = place_nodes(g)
    largest_bottom = max(pos[n][1] for n in range(12))
    assert min(pos[n][1] for n in range(12, 15)) > largest_bottom


def test_forces_nearest_neighbours_are_about_spacing_apart():
    g = nx.barabasi_albert_graph(300, 2, seed=5)
    pos = np.array(list(place_nodes(g).values()))
    nearest = [np.sort(np.linalg.norm(pos - p, axis=1))[1] for p in pos]
    assert abs(float(np.median(nearest)) - SPACING) < 1.0


def test_forces_lay_out_large_graphs_on_the_grid():
    g = nx.barabasi_albert_graph(3000, 2, seed=7)
    pos = place_nodes(g)
    assert len(pos) == 3000 and len(set(pos.values())) == 3000
    hub = max(g.degree, key=lambda d: d[1])[0]
    centre = np.mean(list(pos.values()), axis=0)
    assert distance(pos[hub], centre) < np.median([distance(p, centre) for p in pos.values()])
