"""Where each node of a network is drawn: ForceAtlas2, computed before a page is written.

The forces are ForceAtlas2's (Jacomy et al. 2014): nodes repel in proportion to their degrees,
edges pull linearly, gravity keeps components
together, and each node's speed adapts to how much it swings. networkx's own
`forceatlas2_layout` compares every pair of nodes (25 s for 2,000 nodes) and the fast ports
are GPL-licensed, so this module computes repulsion exactly up to EXACT_LIMIT nodes and past it
on a grid (particle-mesh: masses spread on a grid, convolved with the force kernel by FFT,
read back at each node, plus the exact push of close pairs), which keeps 10,000 nodes to seconds.

>>> import networkx as nx
>>> positions = place_nodes(nx.path_graph(["a", "b", "c"]))
>>> sorted(positions) == ["a", "b", "c"]
True
"""
from __future__ import annotations

import networkx as nx
import numpy as np
from scipy.signal import fftconvolve
from scipy.spatial import cKDTree

__all__ = ["place_nodes"]

EXACT_LIMIT = 300    # up to this many nodes every pair's repulsion is computed
SPACING = 50.0       # canvas units from a node to its nearest neighbour (the median)
REPULSION = 2.0      # ForceAtlas2's scaling ratio
GRAVITY = 1.0
LABEL_ROOM = 6.0    # canvas units kept free around a node for its label
MAX_STEP = 10.0     # ForceAtlas2's cap on one node's move in one pass (its units, before scaling)


def _iterations(n: int) -> int:
    """More passes for small graphs, where they are cheap and the eye sees every node."""
    return int(min(300, max(80, 200_000 / max(n, 1))))


def _edge_arrays(g: nx.Graph, index: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    weights: dict[tuple[int, int], float] = {}
    for u, v, d in g.edges(data=True):
        if u == v:
            continue
        key = (min(index[u], index[v]), max(index[u], index[v]))
        weights[key] = weights.get(key, 0.0) + float(d.get("weight", 1) or 1)
    if not weights:
        return np.zeros(0, int), np.zeros(0, int), np.zeros(0)
    pairs = np.array(list(weights), dtype=int)
    return pairs[:, 0], pairs[:, 1], np.array(list(weights.values()))


def _exact_repulsion(pos: np.ndarray, mass: np.ndarray) -> np.ndarray:
    delta = pos[:, None, :] - pos[None, :, :]
    dist2 = (delta ** 2).sum(-1) + 1e-9
    np.fill_diagonal(dist2, np.inf)
    factor = REPULSION * mass[:, None] * mass[None, :] / dist2
    return (delta * factor[..., None]).sum(1)


def _grid_repulsion(pos: np.ndarray, mass: np.ndarray) -> np.ndarray:
    """Repulsion from a mass grid convolved with the kernel r/|r|^2, plus exact pushes within a cell."""
    size = int(min(256, max(32, 2 * np.sqrt(len(pos)))))
    low, high = pos.min(0), pos.max(0)
    cell = max(float((high - low).max()) / (size - 1), 1e-6)
    cells = np.floor((pos - low) / cell).astype(int).clip(0, size - 1)
    grid = np.zeros((size, size))
    np.add.at(grid, (cells[:, 0], cells[:, 1]), mass)
    offsets = np.arange(-size + 1, size) * cell
    dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
    r2 = dx ** 2 + dy ** 2
    r2[size - 1, size - 1] = np.inf
    field_x = fftconvolve(grid, dx / r2, mode="same")
    field_y = fftconvolve(grid, dy / r2, mode="same")
    force = REPULSION * mass[:, None] * np.stack([field_x[cells[:, 0], cells[:, 1]],
                                                  field_y[cells[:, 0], cells[:, 1]]], axis=1)
    pairs = cKDTree(pos).query_pairs(cell, output_type="ndarray")
    if len(pairs):
        i, j = pairs[:, 0], pairs[:, 1]
        delta = pos[i] - pos[j]
        push = delta * (REPULSION * mass[i] * mass[j] / ((delta ** 2).sum(1) + 1e-9))[:, None]
        np.add.at(force, i, push)
        np.subtract.at(force, j, push)
    return force


def _forces(pos: np.ndarray, mass: np.ndarray, edges: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    force = _exact_repulsion(pos, mass) if len(pos) <= EXACT_LIMIT else _grid_repulsion(pos, mass)
    source, target, weight = edges
    pull = (pos[source] - pos[target]) * weight[:, None]
    np.subtract.at(force, source, pull)
    np.add.at(force, target, pull)
    distance = np.sqrt((pos ** 2).sum(1)) + 1e-9
    return force - GRAVITY * mass[:, None] * pos / distance[:, None]


def _settle(pos: np.ndarray, mass: np.ndarray, edges, iterations: int) -> np.ndarray:
    """ForceAtlas2's adaptive speed: a global speed from swinging against traction, capped per node."""
    previous = np.zeros_like(pos)
    speed = 1.0
    for _ in range(iterations):
        force = _forces(pos, mass, edges)
        swing = np.sqrt(((force - previous) ** 2).sum(1))
        traction = np.sqrt(((force + previous) ** 2).sum(1)) / 2
        total_swing, total_traction = float((mass * swing).sum()), float((mass * traction).sum())
        speed = min(1.5 * speed, total_traction / max(total_swing, 1e-9)) if total_swing else speed
        node_speed = speed / (1 + speed * np.sqrt(swing))
        step = force * node_speed[:, None]
        length = np.sqrt((step ** 2).sum(1)) + 1e-9
        pos = pos + step * np.minimum(1.0, MAX_STEP / length)[:, None]
        previous = force
    return pos


def _component_layout(g: nx.Graph, nodes: list, seed: int) -> np.ndarray:
    index = {n: i for i, n in enumerate(nodes)}
    edges = _edge_arrays(g.subgraph(nodes), index)
    mass = 1.0 + np.bincount(np.concatenate([edges[0], edges[1]]), minlength=len(nodes)).astype(float)
    pos = np.random.default_rng(seed).uniform(-1, 1, (len(nodes), 2)) * 4 * np.sqrt(len(nodes))
    if len(nodes) > 1:
        pos = _settle(pos, mass, edges, _iterations(len(nodes)))
    return pos - (pos.min(0) + pos.max(0)) / 2


def _unit(pos: np.ndarray) -> float:
    """The median distance from a node to its nearest neighbour (1 for a lone node)."""
    if len(pos) < 2:
        return 1.0
    distance, _ = cKDTree(pos).query(pos, k=2)
    return float(np.median(distance[:, 1])) or 1.0


def _pack(blocks: list[np.ndarray], gap: float) -> list[np.ndarray]:
    """The largest component at the centre, the others in rows beneath it, left to right."""
    main = blocks[0]
    low, high = main.min(0), main.max(0)
    width = max(float(high[0] - low[0]), sum(float(np.ptp(b[:, 0])) + gap for b in blocks[1:]) ** 0.5 * 4)
    x, y, row_height, out = low[0], high[1] + 2 * gap, 0.0, [main]
    for block in blocks[1:]:
        size = np.ptp(block, axis=0)
        if x + size[0] > low[0] + width and x > low[0]:
            x, y, row_height = low[0], y + row_height + gap, 0.0
        out.append(block - block.min(0) + np.array([x, y]))
        x += float(size[0]) + gap
        row_height = max(row_height, float(size[1]))
    return out


def _separate(pos: np.ndarray, radius: np.ndarray, passes: int = 40) -> np.ndarray:
    """Push apart nodes whose discs (plus room for a label below) overlap, as ForceAtlas2's
    'prevent overlap' does at the end of a layout."""
    room = radius + LABEL_ROOM
    for _ in range(passes):
        pairs = cKDTree(pos).query_pairs(2 * float(room.max()), output_type="ndarray")
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = pos[i] - pos[j]
        distance = np.sqrt((delta ** 2).sum(1)) + 1e-9
        overlap = room[i] + room[j] - distance
        hit = overlap > 0
        if not hit.any():
            break
        push = delta[hit] / distance[hit][:, None] * (overlap[hit] / 2)[:, None]
        np.add.at(pos, i[hit], push)
        np.subtract.at(pos, j[hit], push)
    return pos


def place_nodes(g: nx.Graph, seed: int = 7, radius: dict | None = None) -> dict[str, tuple[float, float]]:
    """Each node's (x, y) in canvas units: every connected component laid out on its own, the
    largest in the middle and the rest packed beneath it, nodes about SPACING units apart and,
    given each node's drawn `radius`, none overlapping another."""
    simple = g.to_undirected() if g.is_directed() else g
    components = sorted((sorted(c, key=str) for c in nx.connected_components(simple)), key=lambda c: (-len(c), str(c[0])))
    if not components:
        return {}
    blocks = [_component_layout(simple, c, seed) for c in components]
    unit = _unit(blocks[0]) if len(blocks[0]) > 1 else 1.0
    blocks = [b * (SPACING / unit) for b in blocks]
    if radius:
        blocks = [_separate(b, np.array([float(radius.get(n, 0)) for n in c])) for b, c in zip(blocks, components)]
    blocks = _pack(blocks, gap=SPACING)
    return {n: (round(float(x), 2), round(float(y), 2))
            for nodes, block in zip(components, blocks) for n, (x, y) in zip(nodes, block)}
