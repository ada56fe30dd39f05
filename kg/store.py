"""The triple store: the only module that imports pyoxigraph.

An embedded Oxigraph store on disk (RocksDB) or in memory. Each article is
one named graph, replaced in a single SPARQL UPDATE transaction, so a crash
leaves the old graph or the new one, never half. Queries run over the union
of all named graphs.

The union is kept materialised in the default graph, inside the same
transaction as each graph change: Oxigraph's union-graph mode has to merge
every named graph for every triple pattern, which made joins 100-700 times
slower on disk than the same query over one graph (see bench/queries.py).

>>> store = GraphStore.in_memory()
>>> store.count_quads()
0
"""
from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from .query_guard import check_query
from .errors import QueryError, StoreError
from .namespaces import PREFIXES

__all__ = ["GraphStore", "RemoteStore", "RESULT_FORMATS", "RDF_FORMATS", "term", "serialize_results", "serialize_triples",
           "is_select", "is_boolean"]

RDF_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
               "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "xml": ox.RdfFormat.RDF_XML,
               "n3": ox.RdfFormat.N3, "jsonld": ox.RdfFormat.JSON_LD}
DATASET_FORMATS = {"nq", "trig", "jsonld"}
RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}


JOURNAL = "kg-loading.txt"


def _is_disk_full(exc: Exception) -> bool:
    """ENOSPC, whether the OS says it or RocksDB passes it on in its message."""
    return getattr(exc, "errno", None) == errno.ENOSPC or "No space left on device" in str(exc)


def _prefix_header() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def runnable_query(sparql: str) -> str:
    """`sparql` with PREFIX lines for the project prefixes it uses, so any endpoint can run it.

    >>> print(runnable_query("SELECT ?s WHERE { ?s a kg:Event }"))
    PREFIX kg: <https://w3id.org/baliprocess-kg/ontology#>
    SELECT ?s WHERE { ?s a kg:Event }
    """
    used = [p for p in PREFIXES if re.search(rf"(?<![\w-]){re.escape(p)}:", sparql)
            and not re.search(rf"PREFIX\s+{re.escape(p)}:", sparql, re.I)]
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in used) + sparql


class GraphStore:
    """A named-graph store; open with `on_disk`, `in_memory` or `read_only`."""

    allow_service = False  # SPARQL SERVICE (fetching from other servers) is refused unless a caller opts in

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
            store = cls(ox.Store(str(path)), path)
            store.recover()
            store.ensure_union()
            return store
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreError(f"store {path} is busy: another process (an ingest, a query or `kg serve`) "
                                 "has it open; wait for it to finish, or share one store through "
                                 "`kg serve --writable` and --endpoint") from exc
            if _is_disk_full(exc):
                raise StoreError(f"store {path}: the disk is full; free some space and run again "
                                 "(the articles of an unfinished batch are dropped and added again)") from exc
            if (path / "CURRENT").exists():  # a store whose files are missing or unreadable
                raise StoreError(f"the store at {path} is damaged or incomplete ({str(exc)[:200]}); restore it "
                                 "from a backup (kg export) or build it again with `kg build`") from exc
            raise StoreError(f"cannot open store {path}: {exc}") from exc
        except (RuntimeError, UnicodeDecodeError, SyntaxError, ValueError) as exc:
            raise StoreError(f"the store at {path} is damaged ({type(exc).__name__}: {str(exc)[:200]}); "
                             "restore it from a backup (kg export) or build it again with `kg build`") from exc

    @classmethod
    def open_read_only(cls, path: str | Path) -> "GraphStore":
        """Open an existing store for reading.

        It takes the store's lock like a writer does: RocksDB gives no safe
        reader beside a writing process, so a query while an ingest runs gets
        a clear "store is busy" error instead of reading a store mid-change.
        """
        path = Path(path)
        if not (path / "CURRENT").exists():
            raise StoreError(f"no store at {path}; run `kg ingest` or `kg build` first")
        store = cls.on_disk(path)
        store.read_only = True
        return store

    # --- writing -------------------------------------------------------------------------
    def replace_graph(self, graph_iri: str, graph: Graph | str) -> int:
        """Replace the named graph `graph_iri` by `graph` (a Graph or N-Triples text) in one transaction.

        Returns the triple count.
        """
        self._check_writable()
        ntriples = graph if isinstance(graph, str) else graph.serialize(format="nt")
        try:
            self._store.update(replace_graph_update(graph_iri, ntriples))
        except (SyntaxError, OSError) as exc:
            raise StoreError(f"could not store graph {graph_iri}: {exc}") from exc
        return ntriples.count("\n") if isinstance(graph, str) else len(graph)

    def add_graphs(self, graphs: list[tuple[str, str]]) -> int:
        """Add new named graphs, given as (graph IRI, N-Triples text), and their share of the union.

        The bulk path for articles not yet in the store. On disk it uses Oxigraph's bulk
        loader (sorted files handed to RocksDB, 3-4 times faster than a transaction), which
        is not atomic by itself, so the batch is journalled first: the graph IRIs go to
        `kg-loading.txt` in the store folder, and the journal is removed once the load is
        done. A store opened with a journal left by a crash drops those graphs (see
        `recover`), so each article is still entirely in or entirely out, and a re-run adds
        them again. Returns the triple count.
        """
        self._check_writable()
        if not graphs:
            return 0
        data = union_nquads(graphs).encode("utf-8")
        journal = self._journal()
        try:
            if journal is None:
                self._store.load(data, format=ox.RdfFormat.N_QUADS)
            else:
                with open(journal, "w", encoding="utf-8") as fh:
                    fh.write("".join(f"{g}\n" for g, _ in graphs))
                    fh.flush()
                    os.fsync(fh.fileno())
                self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
                journal.unlink()
        except (SyntaxError, ValueError, OSError) as exc:
            raise self._failed_load(journal, graphs, exc) from exc
        return sum(nt.count("\n") for _, nt in graphs)

    def _failed_load(self, journal: Path | None, graphs: list[tuple[str, str]], exc: Exception) -> StoreError:
        """The error of a bulk load that failed, once its graphs are dropped again; where dropping
        them fails too (a full disk), the journal stays and the next opening of the store drops them."""
        what = f"could not store {len(graphs)} graphs ({graphs[0][0]} …)"
        reason = "the disk is full; free some space and run again" if _is_disk_full(exc) else str(exc)
        try:
            if journal is not None and journal.exists():
                self.recover()
        except (OSError, RuntimeError) as again:
            return StoreError(f"{what}: {reason}; the unfinished batch could not be dropped yet "
                              f"({str(again)[:120]}): the journal {journal} stays, and the next `kg ingest` "
                              "drops the batch and adds it again")
        return StoreError(f"{what}: {reason} (nothing of this batch was kept)")

    def _journal(self) -> Path | None:
        return self.path / JOURNAL if self.path is not None else None

    def recover(self) -> list[str]:
        """Drop the graphs of a bulk load that did not finish (named in the journal); returns their IRIs."""
        journal = self._journal()
        if journal is None or not journal.exists() or self.read_only:
            return []
        text = journal.read_text(encoding="utf-8", errors="replace")
        graphs = [line.strip() for line in text.split("\n") if line.strip()]
        for graph_iri in graphs:
            try:
                node = ox.NamedNode(graph_iri)  # a line that is no IRI is never pasted into an update
            except ValueError as exc:
                raise StoreError(f"the load journal {journal} is damaged (line {graph_iri[:80]!r} is no IRI); "
                                 "remove the file, then rebuild the articles it named (kg build)") from exc
            if self._store.contains_named_graph(node):
                self._store.remove_graph(node)
        # triples of the default graph that the interrupted load wrote and no named graph holds
        self._store.update("DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")
        self._store.flush()
        journal.unlink()
        return graphs

    def update(self, sparql: str) -> None:
        """Run a SPARQL UPDATE (the project prefixes declared) in one transaction."""
        self._check_writable()
        try:
            self._store.update(_prefix_header() + sparql)
        except (SyntaxError, OSError) as exc:
            raise StoreError(f"the update failed: {exc}") from exc

    def remove_graph(self, graph_iri: str) -> bool:
        self._check_writable()
        node = ox.NamedNode(graph_iri)
        if not self._store.contains_named_graph(node):
            return False
        self._store.update(remove_graph_update(graph_iri))
        return True

    def ensure_union(self) -> None:
        """Rebuild the default graph as the union of the named graphs if it is missing (older stores)."""
        if self.read_only or not any(True for _ in self._store.named_graphs()):
            return
        if any(True for _ in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())):
            return
        self._store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")

    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()

    def backup(self, target: str | Path) -> None:
        """A consistent copy of the store in `target` (a RocksDB checkpoint: cheap hard links)."""
        self._store.flush()
        self._store.backup(str(target))

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError("the store is open read-only; open it without --read-only to change it")

    # --- reading -------------------------------------------------------------------------
    def graph_value(self, graph_iri: str, predicate: str) -> str | None:
        """The first object of `predicate` inside named graph `graph_iri` (e.g. an article's digest)."""
        quads = self._store.quads_for_pattern(None, ox.NamedNode(predicate), None, ox.NamedNode(graph_iri))
        for q in quads:
            return str(q.object.value) if not isinstance(q.object, ox.Triple) else None
        return None

    def graphs_with_value(self, predicate: str, value: str) -> list[str]:
        quads = self._store.quads_for_pattern(None, ox.NamedNode(predicate), ox.Literal(value), None)
        return sorted({q.graph_name.value for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)})

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs())

    def count_quads(self) -> int:
        """Quads in the named graphs (the materialised union is not counted)."""
        solutions = self._store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(solutions, ox.QuerySolutions)
        for solution in solutions:
            return int(solution["n"].value)
        return 0

    def query(self, sparql: str, bindings: dict | None = None):
        """Run a SPARQL query over the union of the named graphs.

        `bindings` maps variable names to RDF terms (see `term`); they are
        substituted as terms, never pasted into the query text.
        """
        if bindings:
            sparql = bind_values(sparql, bindings)
        check_query(sparql, self.allow_service)
        try:
            return self._store.query(sparql, prefixes=dict(PREFIXES))
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
        kwargs: dict = {"prefixes": dict(PREFIXES)} if fmt in {"ttl", "turtle", "trig", "xml", "n3"} else {}
        if graph_iri is None and fmt in DATASET_FORMATS:
            quads = (q for q in self._store if not isinstance(q.graph_name, ox.DefaultGraph))
            return ox.serialize(quads, format=RDF_FORMATS[fmt], **kwargs) or b""
        # a triple syntax cannot keep named graphs: the union (the default graph), or one graph
        graph = ox.NamedNode(graph_iri) if graph_iri else ox.DefaultGraph()
        return self._store.dump(format=RDF_FORMATS[fmt], from_graph=graph, **kwargs) or b""


def union_nquads(graphs: list[tuple[str, str]], with_union: bool = True) -> str:
    """N-Quads of each graph's triples in its named graph and (`with_union`) in the default graph."""
    parts = []
    union: dict[str, None] = {}  # each triple once: articles share many (types, labels)
    for graph_iri, ntriples in graphs:
        suffix = f" <{graph_iri}> .\n"
        lines = [line for line in ntriples.split("\n") if line.endswith(".")]  # not splitlines: U+2028 is text
        parts.append("".join(line[:-1].rstrip() + suffix for line in lines))
        union.update(dict.fromkeys(lines))
    if with_union and union:
        parts.append("\n".join(union) + "\n")
    return "".join(parts)


def remove_graph_update(graph_iri: str) -> str:
    """Drop a named graph and the triples of the union that no other graph holds."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{graph_iri}>) }} }} ;\n"
            f"DROP SILENT GRAPH <{graph_iri}>")


def replace_graph_update(graph_iri: str, ntriples: str) -> str:
    """One UPDATE request: remove the old graph (and its share of the union), insert the new one in both."""
    return (remove_graph_update(graph_iri) + " ;\n"
            f"INSERT DATA {{ GRAPH <{graph_iri}> {{\n{ntriples}\n}} }} ;\n"
            f"INSERT DATA {{\n{ntriples}\n}}")


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


class RemoteStore(GraphStore):
    """A store behind a SPARQL 1.1 endpoint (Query and Update protocols).

    Works with Oxigraph server, Apache Jena Fuseki, GraphDB, Virtuoso or QLever:
    like the embedded store, every change also keeps the union of the named
    graphs in the default graph, so no server setting is needed. `query_url` takes SPARQL queries,
    `update_url` takes SPARQL updates (defaults: `<url>/query`, `<url>/update`
    when `url` ends in neither).
    """

    def __init__(self, url: str, update_url: str | None = None, timeout: float = 60.0, token: str | None = None):
        url = url.rstrip("/")
        if url.endswith("/query") or url.endswith("/sparql"):
            self.query_url = url
            self.update_url = update_url or (url[: -len("/query")] + "/update" if url.endswith("/query") else url)
        else:
            self.query_url, self.update_url = url + "/query", update_url or url + "/update"
        self.timeout = timeout
        self.token = token if token is not None else os.environ.get("KG_ENDPOINT_TOKEN")  # `kg serve`'s write token
        self.path = None
        self.read_only = False

    def _post(self, url: str, body: str, content_type: str, accept: str | None = None) -> bytes:
        import urllib.error
        import urllib.request
        headers = {"Content-Type": content_type}
        if accept:
            headers["Accept"] = accept
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(url, data=body.encode("utf-8"), headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:300]
            if exc.code in (401, 403):
                raise StoreError(f"{url} refused the request ({exc.code}): is the endpoint writable? {detail}") from exc
            raise QueryError(f"{url} answered {exc.code}: {detail}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"cannot reach the SPARQL endpoint {url}: {exc}; is the server running?") from exc

    def replace_graph(self, graph_iri: str, graph: Graph | str) -> int:
        ntriples = graph if isinstance(graph, str) else graph.serialize(format="nt")
        self._post(self.update_url, replace_graph_update(graph_iri, ntriples), "application/sparql-update")
        return ntriples.count("\n") if isinstance(graph, str) else len(graph)

    def add_graphs(self, graphs: list[tuple[str, str]]) -> int:
        """New named graphs and their union in one SPARQL UPDATE request (one transaction on the server)."""
        if not graphs:
            return 0
        named = "\n".join(f"GRAPH <{g}> {{\n{nt}\n}}" for g, nt in graphs)
        union = "\n".join(nt for _, nt in graphs)
        self._post(self.update_url, f"INSERT DATA {{\n{named}\n}} ;\nINSERT DATA {{\n{union}\n}}",
                   "application/sparql-update")
        return sum(nt.count("\n") for _, nt in graphs)

    def update(self, sparql: str) -> None:
        self._post(self.update_url, _prefix_header() + sparql, "application/sparql-update")

    def remove_graph(self, graph_iri: str) -> bool:
        if graph_iri not in self.named_graphs():
            return False
        self._post(self.update_url, remove_graph_update(graph_iri), "application/sparql-update")
        return True

    def flush(self) -> None:
        pass

    def ensure_union(self) -> None:
        """Rebuild the default graph as the union of the named graphs if it is missing."""
        if self.named_graphs() and not bool(self.query("ASK { ?s ?p ?o }")):
            self.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")

    def backup(self, target: str | Path) -> None:
        raise StoreError(f"a store behind an endpoint ({self.query_url}) is backed up by its server; "
                         f"`kg export --format nq --endpoint …` writes a copy of every named graph")

    def _select_rows(self, sparql: str) -> list[list]:
        _, rows = self.select(sparql)
        return rows

    def graph_value(self, graph_iri: str, predicate: str) -> str | None:
        rows = self._select_rows(f"SELECT ?o WHERE {{ GRAPH <{graph_iri}> {{ ?s <{predicate}> ?o }} }} LIMIT 1")
        return rows[0][0] if rows else None

    def graphs_with_value(self, predicate: str, value: str) -> list[str]:
        lit = ox.Literal(value)
        rows = self._select_rows(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s <{predicate}> {lit} }} }}")
        return sorted(r[0] for r in rows)

    def named_graphs(self) -> list[str]:
        return sorted(r[0] for r in self._select_rows("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"))

    def count_quads(self) -> int:
        rows = self._select_rows("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0][0]) if rows else 0

    def query(self, sparql: str, bindings: dict | None = None):
        if bindings:
            sparql = bind_values(sparql, bindings)
        check_query(sparql, self.allow_service)
        text = _prefix_header() + sparql
        kind = re.search(r"^\s*(?:(?:PREFIX|BASE)[^\n]*\n|#[^\n]*\n|\s)*(SELECT|ASK|CONSTRUCT|DESCRIBE)", sparql, re.I)
        verb = kind.group(1).upper() if kind else "SELECT"
        if verb in {"CONSTRUCT", "DESCRIBE"}:
            data = self._post(self.query_url, text, "application/sparql-query", "application/n-triples")
            return ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
        data = self._post(self.query_url, text, "application/sparql-query", "application/sparql-results+json")
        return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)

    def dump(self, fmt: str, graph_iri: str | None = None) -> bytes:
        if fmt not in RDF_FORMATS:
            raise StoreError(f"unknown RDF format {fmt!r}; use one of {', '.join(sorted(RDF_FORMATS))}")
        where = f"GRAPH <{graph_iri}> {{ ?s ?p ?o }} BIND(<{graph_iri}> AS ?g)" if graph_iri else "GRAPH ?g { ?s ?p ?o }"
        result = self.query(f"SELECT ?s ?p ?o ?g WHERE {{ {where} }}")
        quads = [ox.Quad(s["s"], s["p"], s["o"], s["g"]) for s in result]
        if fmt in DATASET_FORMATS and graph_iri is None:
            prefixes: dict = {"prefixes": dict(PREFIXES)} if fmt == "trig" else {}
            return ox.serialize(quads, format=RDF_FORMATS[fmt], **prefixes) or b""
        prefixes = {"prefixes": dict(PREFIXES)} if fmt in {"ttl", "turtle"} else {}
        return ox.serialize((q.triple for q in quads), format=RDF_FORMATS[fmt], **prefixes) or b""
