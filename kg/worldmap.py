"""The map page: member and observer states shaded by the events they took part in, event places
as points sized by count, a year range that redraws both (kg/assets/map.js).

Country outlines are Natural Earth's 1:110m admin-0 countries (public domain), as packaged by
the npm package world-atlas 2.0.2 (ISC licence), decoded once into data/maps/countries.json
(scripts/make_map.py). Coordinates of places and capitals are GeoNames' (CC BY 4.0), in
data/coordinates.csv (scripts/make_coordinates.py). The projection is equirectangular, centred
on the Pacific so that its island states are not cut in two.

>>> project(100.5, 13.75)
(437.9, 245.0)
"""
from __future__ import annotations

import csv
import html
import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .errors import KgError
from .facts import ExplorerFacts
from .page import Nav, PageParts, asset, write_page
from .resources import resource_dir

__all__ = ["project", "map_data", "write_map"]

WEST, EAST, NORTH, SOUTH = 25.0, 200.0, 56.0, -50.0   # the window: Türkiye to Samoa, Mongolia to New Zealand
PIXELS_PER_DEGREE = 5.8


def project(lon: float, lat: float) -> tuple[float, float]:
    """(x, y) in the map's pixels of a longitude and latitude (west of 25°W counts from 335°E on)."""
    if lon < -25:
        lon += 360
    return round((lon - WEST) * PIXELS_PER_DEGREE, 1), round((NORTH - lat) * PIXELS_PER_DEGREE, 1)


def _inside(lon: float, lat: float) -> bool:
    x, y = project(lon, lat)
    return 0 <= x <= (EAST - WEST) * PIXELS_PER_DEGREE and 0 <= y <= (NORTH - SOUTH) * PIXELS_PER_DEGREE


def _ring_path(ring: list[list[float]]) -> str:
    lons = [p[0] for p in ring]
    crosses = max(lons) > 150 and min(lons) < -150
    shift = 360 if crosses or sum(lons) / len(lons) < -25 else 0
    points = [((lon + shift if (crosses and lon < 0) or (not crosses and shift) else lon), lat) for lon, lat in ring]
    xs = [(lon - WEST) * PIXELS_PER_DEGREE for lon, _ in points]
    if max(xs) < 0 or min(xs) > (EAST - WEST) * PIXELS_PER_DEGREE:
        return ""
    return "M" + "L".join(f"{(lon - WEST) * PIXELS_PER_DEGREE:.1f},{(NORTH - lat) * PIXELS_PER_DEGREE:.1f}"
                          for lon, lat in points) + "Z"


@lru_cache(maxsize=1)
def _outlines() -> dict[str, str]:
    path = resource_dir("data") / "maps" / "countries.json"
    try:
        shapes = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise KgError(f"{path}: cannot read the country outlines ({exc}); reinstall kg") from exc
    return {iso3: "".join(_ring_path(r) for polygon in polygons for r in polygon) for iso3, polygons in shapes.items()}


@lru_cache(maxsize=1)
def _coordinates() -> dict[tuple[str, str, str], tuple[float, float]]:
    with open(resource_dir("data") / "coordinates.csv", newline="", encoding="utf-8") as fh:
        return {(r["kind"], r["name"], r["country"]): (float(r["longitude"]), float(r["latitude"]))
                for r in csv.DictReader(fh)}


def map_data(facts: ExplorerFacts) -> dict:
    """Per state its events per year; per place with coordinates its events per year and position."""
    states: dict[str, dict] = {}
    places: dict[str, dict] = {}
    for e in facts.events:
        year = e.year or "undated"
        for iri in set(e.organisers + e.participants + e.places):
            actor = facts.actors.get(iri)
            if actor and actor.kind == "state" and actor.iso3:
                entry = states.setdefault(actor.iso3, {"name": actor.label, "status": actor.status, "years": Counter()})
                entry["years"][year] += 1
        for iri in e.places:
            actor = facts.actors.get(iri)
            where = actor and _coordinates().get(("place", actor.label, actor.country))
            if actor and actor.kind == "place" and where:
                x, y = project(*where)
                entry = places.setdefault(iri, {"name": actor.label, "country": actor.country, "x": x, "y": y,
                                                "years": Counter()})
                entry["years"][year] += 1
    for iso3, entry in states.items():
        where = _coordinates().get(("capital", entry["name"], entry["name"]))
        entry["marker"] = project(*where) if where and not _outlines().get(iso3) and _inside(*where) else None
    years = sorted({y for d in list(states.values()) + list(places.values()) for y in d["years"]} - {"undated"})
    return {"states": {k: {**v, "years": dict(v["years"])} for k, v in states.items()},
            "places": [{**v, "years": dict(v["years"])} for v in places.values()],
            "years": years, "unplaced": sum(1 for e in facts.events if not e.places),
            "outside": sorted(v["name"] for k, v in states.items() if not _outlines().get(k) and not v["marker"])}


def _svg(data: dict) -> str:
    width, height = (EAST - WEST) * PIXELS_PER_DEGREE, (NORTH - SOUTH) * PIXELS_PER_DEGREE
    paths = "".join(f'<path d="{d}" data-iso3="{html.escape(iso3)}" class="country'
                    + (' tracked' if iso3 in data["states"] else "") + '"/>'
                    for iso3, d in sorted(_outlines().items()) if d)
    markers = "".join(f'<circle cx="{s["marker"][0]}" cy="{s["marker"][1]}" r="5" data-iso3="{html.escape(iso3)}" '
                      f'class="country tracked small-state"/>' for iso3, s in sorted(data["states"].items()) if s["marker"])
    return (f'<svg id="map" viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label="map of events" '
            f'style="width:100%;max-width:{width:.0f}px;background:#eef4fa">'
            f'<g id="countries">{paths}{markers}</g><g id="places"></g></svg>')


def write_map(facts: ExplorerFacts, path: str | Path, nav: Nav | None = None) -> Path:
    data = map_data(facts)
    years = "".join(f'<option value="{y}">{y}</option>' for y in data["years"])
    body = f"""<div class="controls" style="padding:0 16px">
<label>Years <select id="year-from"><option value="">first</option>{years}</select></label>
<label>to <select id="year-to"><option value="">last</option>{years}</select></label>
<span id="map-count"></span></div>
<main class="page"><div style="display:flex;gap:20px;flex-wrap:wrap;align-items:flex-start">{_svg(data)}
<aside id="map-legend" style="min-width:220px"><strong>States</strong>: shaded by the events they organised,
took part in or hosted<div id="scale"></div><strong>Places</strong>: circles sized by the events held there
<table id="outside"><caption class="muted">Outside the window</caption><tbody></tbody></table>
<p class="muted"><small>Outlines: Natural Earth 1:110m (public domain) via world-atlas; places: GeoNames (CC BY 4.0).
{data["unplaced"]} events name no place.</small></p></aside></div></main>
<div id="tip" class="tip" hidden></div>"""
    summary = f"{len(data['states'])} states and {len(data['places'])} places with events"
    return write_page(PageParts(title="Where the Bali Process meets", summary=summary, body=body, data=data,
                                scripts=[asset("map.js")], nav=nav or Nav()), path)
