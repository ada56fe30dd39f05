"""The Python API for notebooks and scripts: open a store, run a catalogue query or your own,
get rows, a pandas DataFrame or a networkx graph, explain an entity.

>>> from kg import api
>>> store = api.build_store(["data/articles/2024-03-11-indonesia-rso-consular-training.txt"])
>>> api.rows(store, "top-organisers")[0]
['actor', 'name', 'events']
>>> api.find(store, "kemlu")
'https://w3id.org/baliprocess-kg/org/kemlu'

`dataframe()` needs pandas (`pip install 'kg[notebook]'`); everything else is in the base install.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from .errors import KgError
from .explain import Explanation, explain_entity
from .lookup import find_entity
from .network import build_network
from .pipeline import ingest
from .queries import bind_parameters, is_catalogue_name, load_query
from .store import GraphStore, RemoteStore

__all__ = ["open_store", "build_store", "rows", "dataframe", "network", "explain", "find"]

def open_store(path: str | Path = "outputs/store", endpoint: str | None = None) -> GraphStore:
    """The store `kg build` wrote (read only), or a SPARQL endpoint (`kg serve`'s /query URL)."""
    return RemoteStore(endpoint) if endpoint else GraphStore.open_read_only(path)


def build_store(articles: Iterable[str | Path], path: str | Path | None = None) -> GraphStore:
    """A store of `articles` (files or folders): in memory, or on disk at `path`. Bad files are
    skipped, as `kg ingest` does; their problems raise one KgError listing them all."""
    store = GraphStore.on_disk(path) if path is not None else GraphStore.in_memory()
    report = ingest(list(articles), store)
    if report.failed:
        raise KgError("; ".join(f"{where}: {problem}" for where, problem in report.failed))
    return store


def _text_and_bindings(store: GraphStore, query: str, params: dict[str, Any]) -> tuple[str, dict | None]:
    if is_catalogue_name(query):
        cq = load_query(query)
        return cq.text, bind_parameters(cq, {k: str(v) for k, v in params.items()}, store)
    if params:
        raise KgError("parameters are for catalogue queries (see `kg queries`); write values into your own query")
    return query, None


def rows(store: GraphStore, query: str, **params: Any) -> list[list]:
    """The header, then the rows, of a SELECT: a catalogue query by name (`kg queries` lists them,
    with their parameters) or SPARQL text."""
    text, bindings = _text_and_bindings(store, query, params)
    variables, found = store.select(text, bindings)
    return [list(variables)] + [list(r) for r in found]


def dataframe(store: GraphStore, query: str, **params: Any):
    """The result of a SELECT as a pandas DataFrame, one column per variable."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise KgError("dataframe() needs pandas: pip install 'kg[notebook]'") from exc
    header, *body = rows(store, query, **params)
    return pd.DataFrame(body, columns=header)


def network(store: GraphStore, projection: str = "actors", since: str | None = None, until: str | None = None,
            theme: str | None = None, kind: str | None = None, focus: str | None = None, depth: int = 1):
    """A networkx graph of a projection (`kg viz --projection`), cut like the CLI's views."""
    return build_network(store, projection, since, until, focus, depth, theme, kind)


def explain(store: GraphStore, name: str) -> Explanation:
    """An entity's facts and the sentences behind them (any of its names, or its IRI)."""
    return explain_entity(store, name)


def find(store: GraphStore, name: str) -> str:
    """The IRI of the entity with this name (any of its names; suggestions when none matches)."""
    return find_entity(store, name)
