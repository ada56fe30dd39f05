"""The catalogue of research queries in ontology/queries/*.rq: list, show, run with typed parameters.

Each file starts with a comment header:

    # title: Events per member state
    # description: How many events each state took part in, per year.
    # param: year | integer | 2024

Parameter values become RDF terms substituted for the variables of the same
name; they are never pasted into the query text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import QueryError
from .lookup import find_entity
from .store import term
from .resources import resource_dir

__all__ = ["QUERY_DIR", "Parameter", "CatalogueQuery", "list_queries", "load_query", "is_catalogue_name",
           "bind_parameters"]

QUERY_DIR = resource_dir("ontology") / "queries"
PARAM_TYPES = {"string", "iri", "integer", "decimal", "date", "boolean", "year", "entity"}  # entity: a name, found by kg.lookup


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: str | None


@dataclass(frozen=True)
class CatalogueQuery:
    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    text: str
    path: Path


def _parse(path: Path) -> CatalogueQuery:
    text = path.read_text(encoding="utf-8")
    header = {"title": "", "description": ""}
    params = []
    for line in text.splitlines():
        m = re.match(r"^#\s*(title|description|param):\s*(.*)$", line)
        if not m:
            if line.strip() and not line.startswith("#"):
                break
            continue
        key, value = m.groups()
        if key == "param":
            parts = [p.strip() for p in value.split("|")]
            if len(parts) != 3 or parts[1] not in PARAM_TYPES:
                raise QueryError(f"{path}: a param line needs 'name | type | default' with type in "
                                 f"{sorted(PARAM_TYPES)}, got {value!r}")
            params.append(Parameter(parts[0], parts[1], parts[2] or None))
        else:
            header[key] = (header[key] + " " + value).strip()
    return CatalogueQuery(path.stem, header["title"] or path.stem, header["description"], tuple(params), text, path)


def list_queries(directory: Path = QUERY_DIR) -> list[CatalogueQuery]:
    return [_parse(p) for p in sorted(Path(directory).glob("*.rq"))]


CATALOGUE_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,80}")


def is_catalogue_name(text: str, directory: Path = QUERY_DIR) -> bool:
    """Is `text` the name of a catalogue query (not SPARQL, not a file)?

    >>> is_catalogue_name("state-pairs"), is_catalogue_name("SELECT * WHERE { ?s ?p ?o }")
    (True, False)
    """
    return bool(CATALOGUE_NAME.fullmatch(text)) and (Path(directory) / f"{text}.rq").exists()


def load_query(name: str, directory: Path = QUERY_DIR) -> CatalogueQuery:
    path = Path(directory) / f"{name}.rq"
    if not path.exists():
        names = ", ".join(q.name for q in list_queries(directory))
        raise QueryError(f"no catalogue query named {name!r}; `kg queries` lists them: {names}")
    return _parse(path)


def bind_parameters(query: CatalogueQuery, values: dict[str, str], store=None) -> dict:
    """RDF terms for the query's parameters: given values, else defaults. An `entity` parameter takes
    any name of an entity, found in `store` by `kg.lookup.find_entity`."""
    known = {p.name: p for p in query.parameters}
    unknown = set(values) - set(known)
    if unknown:
        raise QueryError(f"query {query.name!r} has no parameter {sorted(unknown)[0]!r}; "
                         f"it takes: {', '.join(known) or 'none'}")
    bindings = {}
    for p in query.parameters:
        value = values.get(p.name, p.default)
        if value is None or value == "":
            continue
        if p.type in {"integer", "year"} and not re.fullmatch(r"-?\d+", str(value)):
            raise QueryError(f"parameter {p.name!r} must be a whole number, got {value!r}")
        if p.type == "date" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
            raise QueryError(f"parameter {p.name!r} must be a date YYYY-MM-DD, got {value!r}")
        if p.type == "iri" and not re.fullmatch(r"[a-zA-Z][\w+.-]*:[^\s<>\"{}|\\^`]*", str(value)):
            raise QueryError(f"parameter {p.name!r} must be an IRI, got {value!r}")
        if p.type == "entity":
            if store is None:
                raise QueryError(f"parameter {p.name!r} names an entity; a store is needed to find it")
            bindings[p.name] = term(find_entity(store, str(value)), "iri")
            continue
        bindings[p.name] = term(value, p.type)
    return bindings
