"""Write data/maps/countries.json: every country's outline, keyed by ISO 3166-1 alpha-3 code.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/make_map.py package/countries-110m.json   # needs `pip install -e ".[places]"`

The shapes are Natural Earth's 1:110m admin-0 countries (public domain) as packaged in
TopoJSON by the npm package world-atlas 2.0.2 (ISC licence, Mike Bostock). TopoJSON's shared
arcs are decoded into plain rings of [longitude, latitude] rounded to 0.01 degree; the
ISO numeric code of each shape is turned into the alpha-3 code data/states.csv uses.
"""
import json
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parent.parent / "data" / "maps" / "countries.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The absolute coordinates of every arc (TopoJSON stores quantised deltas)."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * scale[0] + translate[0], 2), round(y * scale[1] + translate[1], 2)))
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def main(path: str) -> None:
    topology = json.loads(Path(path).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    shapes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        country = pycountry.countries.get(numeric=geometry.get("id", ""))
        if country is None or "arcs" not in geometry:
            continue  # disputed areas without an ISO code (N. Cyprus, Somaliland, Kosovo)
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        shapes[country.alpha_3] = [[ring(r, arcs) for r in polygon] for polygon in polygons]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(shapes, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    print(f"wrote {len(shapes)} countries to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
