"""The gazetteer: states, organisations, Bali Process bodies and places from `data/`.

Every surface form (name, alias, acronym, demonym) maps to one canonical entry.

>>> lex = load_lexicon()
>>> lex.state_by_form("Vietnam").iso3
'VNM'
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import LexiconError
from .resources import resource_dir

__all__ = ["StateEntry", "OrganisationEntry", "PlaceEntry", "Lexicon", "load_lexicon", "read_word_yaml",
           "normalise", "slugify", "DATA_DIR"]

DATA_DIR = resource_dir("data")


@lru_cache(maxsize=65536)
def normalise(text: str | None) -> str:
    """Fold case, accents and punctuation the way the reference scorer does.

    >>> normalise("The  Việt-Nam!")
    'viet nam'
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^0-9a-z]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def slugify(text: str, max_length: int = 80) -> str:
    """A safe, stable IRI segment: lowercase ASCII words joined by hyphens.

    >>> slugify("Ministry of Foreign Affairs (Indonesia)")
    'ministry-of-foreign-affairs-indonesia'
    """
    slug = normalise(text).replace(" ", "-")[:max_length].strip("-")
    return slug or "x"


@dataclass(frozen=True)
class StateEntry:
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    iso2: str
    iso3: str
    wikidata: str | None
    status: str | None  # member, observer or None
    region: str | None


@dataclass(frozen=True)
class OrganisationEntry:
    id: str
    name: str
    acronym: str | None
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    wikidata: str | None
    status: str | None

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name,) + ((self.acronym,) if self.acronym else ()) + self.aliases


@dataclass(frozen=True)
class PlaceEntry:
    name: str
    aliases: tuple[str, ...]
    country: str
    geonames: str | None


@dataclass
class Lexicon:
    states: list[StateEntry]
    organisations: list[OrganisationEntry]
    places: list[PlaceEntry]
    patterns: dict
    themes: dict
    _state_forms: dict = field(default_factory=dict, repr=False)
    _demonyms: dict = field(default_factory=dict, repr=False)
    _org_forms: dict = field(default_factory=dict, repr=False)
    _place_forms: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        for s in self.states:
            for form in (s.name, s.iso3) + s.aliases:
                self._state_forms.setdefault(normalise(form), s)
            for d in s.demonyms:
                self._demonyms.setdefault(normalise(d), s)
        for o in self.organisations:
            for form in o.forms:
                self._org_forms.setdefault(normalise(form), o)
        for p in self.places:
            for form in (p.name,) + p.aliases:
                self._place_forms.setdefault(normalise(form), p)

    def state_by_form(self, form: str) -> StateEntry | None:
        return self._state_forms.get(normalise(form))

    def state_by_demonym(self, form: str) -> StateEntry | None:
        return self._demonyms.get(normalise(form))

    def organisation_by_form(self, form: str) -> OrganisationEntry | None:
        return self._org_forms.get(normalise(form))

    def place_by_form(self, form: str) -> PlaceEntry | None:
        return self._place_forms.get(normalise(form))

    def compiled(self, name: str, make):
        """A value derived from this lexicon (compiled patterns), made once by `make()` and kept."""
        cache = self.__dict__.setdefault("_compiled", {})
        if name not in cache:
            cache[name] = make()
        return cache[name]


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (cell or "").split(";") if x.strip())


def _read_csv(path: Path, required: set[str]) -> list[dict]:
    try:
        with open(path, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read the lexicon file ({exc.strerror}); restore it from the repository") from exc
    if rows and not required <= set(rows[0]):
        raise LexiconError(f"{path}: missing columns {sorted(required - set(rows[0]))}")
    return rows


class _WordLoader(yaml.SafeLoader):
    """YAML with only `true` and `false` as booleans (as in YAML 1.2): in a word list, `on`, `no`
    and `yes` are words."""


_WordLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_WordLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                  list("tTfF"))


def read_word_yaml(text: str):
    """A YAML document of words and patterns.

    >>> read_word_yaml("stop: [of, on, no, yes]\\nstrict: true")
    {'stop': ['of', 'on', 'no', 'yes'], 'strict': True}
    """
    return yaml.load(text, Loader=_WordLoader)


def _read_yaml(path: Path) -> dict:
    try:
        return read_word_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: cannot read patterns ({exc})") from exc


def _organisation_id(row: dict) -> str:
    """Acronym where there is one, else the name, else (for long names) the shortest alias."""
    if row["acronym"]:
        return slugify(row["acronym"])
    if len(row["name"]) <= 40 or not _split(row["aliases"]):
        return slugify(row["name"])
    return slugify(min(_split(row["aliases"]), key=len))


@lru_cache(maxsize=4)
def load_lexicon(data_dir: Path | str = DATA_DIR) -> Lexicon:
    """Load the gazetteer and patterns from `data_dir` (cached per folder)."""
    data_dir = Path(data_dir)
    states = [StateEntry(r["name"], _split(r["aliases"]), _split(r["demonyms"]), r["iso2"], r["iso3"],
                         r["wikidata"] or None, r["bali_process"] or None, r["region"] or None)
              for r in _read_csv(data_dir / "states.csv", {"name", "aliases", "demonyms", "iso3"})]
    by_name = {s.name: s for s in states}
    orgs = []
    for r in _read_csv(data_dir / "organisations.csv", {"name", "acronym", "aliases", "kind"}):
        country = r["country"] or None
        if country and country not in by_name:
            raise LexiconError(f"{data_dir / 'organisations.csv'}: {r['name']!r} names unknown country {country!r}")
        orgs.append(OrganisationEntry(_organisation_id(r), r["name"], r["acronym"] or None, _split(r["aliases"]), r["kind"],
                                      country, r["wikidata"] or None, r["bali_process"] or None))
    places = [PlaceEntry(r["name"], _split(r["aliases"]), r["country"], r.get("geonames") or None)
              for r in _read_csv(data_dir / "places.csv", {"name", "country"})]
    return Lexicon(states, orgs, places, _read_yaml(data_dir / "patterns.yaml"),
                   _read_yaml(data_dir / "themes.yaml"))
