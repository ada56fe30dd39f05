"""The triple store: the only module that imports pyoxigraph.

An embedded Oxigraph store on disk (RocksDB) or in memory. Each article is
one named graph, replaced in a single SPARQL UPDATE transaction, so a crash
leaves the old graph or the new one, never half. Queries run over the union
of all named graphs.

>>> store = GraphStore.in_memory()
>>> store.count_quads()
0
"""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .errors import QueryError, StoreError
from .namespaces import PREFIXES

__all__ = ["GraphStore", "RESULT_FORMATS", "RDF_FORMATS", "term", "serialize_results", "serialize_triples",
           "is_select", "is_boolean"]

RDF_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
               "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "xml": ox.RdfFormat.RDF_XML,
               "n3": ox.RdfFormat.N3, "jsonld": ox.RdfFormat.JSON_LD}
DATASET_FORMATS = {"nq", "trig", "jsonld"}
RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}


def _prefix_header() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


class GraphStore:
    """A named-graph store; open with `on_disk`, `in_memory` or `read_only`."""

    def __init__(self, store: "ox.Store", path: Path | None = None, read_only: bool = False):
        self._store = store
        self.path = path
        self.read_only = read_only

    @classmethod
    def in_memory(cls) -> "GraphStore":
        return cls(ox.Store())

    @classmethod
    def on_disk(cls, path: str | Path) -> "GraphStore":
        path = Path(path)
        try:
            path.mkdir(parents=True, exist_ok=True)
            return cls(ox.Store(str(path)), path)
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreError(f"store {path} is busy: another kg process is writing to it; "
                                 "wait for it to finish (queries can still run with --read-only)") from exc
            raise StoreError(f"cannot open store {path}: {exc}") from exc

    @classmethod
    def open_read_only(cls, path: str | Path) -> "GraphStore":
        path = Path(path)
        if not path.exists():
            raise StoreError(f"no store at {path}; run `kg ingest` or `kg build` first")
        try:
            return cls(ox.Store.read_only(str(path)), path, read_only=True)
        except OSError as exc:
            raise StoreError(f"cannot open store {path} read-only: {exc}") from exc

    # --- writing -------------------------------------------------------------------------
    def replace_graph(self, graph_iri: str, graph: Graph) -> int:
        """Replace the named graph `graph_iri` by `graph` in one transaction; returns the triple count."""
        self._check_writable()
        data = graph.serialize(format="nt")
        update = f"DROP SILENT GRAPH <{graph_iri}> ;\nINSERT DATA {{ GRAPH <{graph_iri}> {{\n{data}\n}} }}"
        try:
            self._store.update(update)
        except (SyntaxError, OSError) as exc:
            raise StoreError(f"could not store graph {graph_iri}: {exc}") from exc
        return len(graph)

    def remove_graph(self, graph_iri: str) -> bool:
        self._check_writable()
        node = ox.NamedNode(graph_iri)
        if not self._store.contains_named_graph(node):
            return False
        self._store.update(f"DROP GRAPH <{graph_iri}>")
        return True

    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError("the store is open read-only; open it without --read-only to change it")

    # --- reading -------------------------------------------------------------------------
    def graph_value(self, graph_iri: str, predicate: str) -> str | None:
        """The first object of `predicate` inside named graph `graph_iri` (e.g. an article's digest)."""
        quads = self._store.quads_for_pattern(None, ox.NamedNode(predicate), None, ox.NamedNode(graph_iri))
        for q in quads:
            return q.object.value
        return None

    def graphs_with_value(self, predicate: str, value: str) -> list[str]:
        quads = self._store.quads_for_pattern(None, ox.NamedNode(predicate), ox.Literal(value), None)
        return sorted({q.graph_name.value for q in quads})

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs())

    def count_quads(self) -> int:
        return len(self._store)

    def query(self, sparql: str, bindings: dict | None = None, union: bool = True):
        """Run a SPARQL query over the union of the named graphs.

        `bindings` maps variable names to RDF terms (see `term`); they are
        substituted as terms, never pasted into the query text.
        """
        if bindings:
            sparql = bind_values(sparql, bindings)
        try:
            return self._store.query(sparql, prefixes=dict(PREFIXES), use_default_graph_as_union=union)
        except SyntaxError as exc:
            raise QueryError(f"the SPARQL query is not valid: {exc}") from exc
        except RuntimeError as exc:
            raise QueryError(f"the query failed: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"the store could not answer the query: {exc}") from exc

    def select(self, sparql: str, bindings: dict | None = None) -> tuple[list[str], list[list]]:
        """Variables and rows (Python values: str for IRIs and literals, None for unbound)."""
        result = self.query(sparql, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        variables = [v.value for v in result.variables]
        rows = [[(s[v].value if s[v] is not None else None) for v in variables] for s in result]
        return variables, rows

    def dump(self, fmt: str, graph_iri: str | None = None) -> bytes:
        """The whole store (or one named graph) in an RDF syntax."""
        if fmt not in RDF_FORMATS:
            raise StoreError(f"unknown RDF format {fmt!r}; use one of {', '.join(sorted(RDF_FORMATS))}")
        if graph_iri is None and fmt not in DATASET_FORMATS:
            # a triple syntax cannot keep named graphs: serialise their union
            return ox.serialize((q.triple for q in self._store), format=RDF_FORMATS[fmt],
                                prefixes=dict(PREFIXES)) or b""
        kwargs = {"from_graph": ox.NamedNode(graph_iri)} if graph_iri else {}
        if fmt in {"ttl", "turtle", "trig"}:
            kwargs["prefixes"] = dict(PREFIXES)
        return self._store.dump(format=RDF_FORMATS[fmt], **kwargs) or b""


def bind_values(sparql: str, bindings: dict) -> str:
    """The query with a VALUES block binding each variable to its term, inside the first WHERE.

    Terms are written in their escaped N-Triples form by pyoxigraph, so a value
    can never change the structure of the query.
    """
    names = [k for k in bindings if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", k)]
    if len(names) != len(bindings):
        raise QueryError("parameter names must be SPARQL variable names (letters, digits, _)")
    values = "VALUES (" + " ".join(f"?{k}" for k in names) + ") { (" + " ".join(str(bindings[k]) for k in names) + ") }"
    m = re.search(r"\bWHERE\s*\{", sparql, re.I)
    if not m:
        raise QueryError("a parameterised query needs a WHERE { … } clause")
    return sparql[:m.end()] + "\n  " + values + "\n" + sparql[m.end():]


def term(value, kind: str = "string"):
    """An RDF term for a parameter value: kind is iri, string, integer, decimal, date or boolean."""
    xsd = "http://www.w3.org/2001/XMLSchema#"
    if kind == "iri":
        return ox.NamedNode(str(value))
    datatypes = {"integer": "integer", "int": "integer", "decimal": "decimal", "date": "date", "boolean": "boolean",
                 "year": "integer"}
    if kind in datatypes:
        return ox.Literal(str(value), datatype=ox.NamedNode(xsd + datatypes[kind]))
    return ox.Literal(str(value))


def serialize_results(result, fmt: str) -> bytes:
    """SELECT/ASK results in a SPARQL results syntax (csv, tsv, json, xml)."""
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown result format {fmt!r}")
    return result.serialize(format=RESULT_FORMATS[fmt])


def serialize_triples(result, fmt: str) -> bytes:
    """CONSTRUCT/DESCRIBE results in an RDF syntax."""
    if fmt not in RDF_FORMATS:
        raise QueryError(f"unknown RDF format {fmt!r}")
    return ox.serialize(result, format=RDF_FORMATS[fmt], prefixes=dict(PREFIXES)) or b""


def is_select(result) -> bool:
    return isinstance(result, ox.QuerySolutions)


def is_boolean(result) -> bool:
    return isinstance(result, ox.QueryBoolean)
