"""The main job and its summary: build the store, the TriG export and the explorer's pages."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .explorer import ExplorerResult, build_explorer
from .export import export_store
from .network import build_network, network_from_query, summarise
from .pipeline import IngestReport, ingest
from .store import GraphStore
from .viz import write_html

__all__ = ["BuildResult", "build", "write_network_html", "store_summary"]

CO_PARTICIPATION = {"states", "organisations"}  # projections drawn in community colours

COUNTS_QUERY = """
SELECT ?type (COUNT(DISTINCT ?x) AS ?n) WHERE {
  GRAPH ?g { ?a a kg:Article ; kg:mentions ?x . ?x a ?t . }
  VALUES (?t ?type) { (kg:State "states") (org:Organization "organisations") (schema:Person "people")
                      (kg:Place "places") (schema:Event "events") }
} GROUP BY ?type ORDER BY ?type
"""


@dataclass
class BuildResult:
    report: IngestReport
    trig: Path
    explorer: ExplorerResult
    summary: str


def store_summary(store: GraphStore) -> str:
    _, rows = store.select("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?g { ?a a kg:Article } }")
    articles = rows[0][0]
    _, counts = store.select(COUNTS_QUERY)
    entities = ", ".join(f"{n} {t}" for t, n in counts)
    return f"{articles} articles, {store.count_quads()} quads in {len(store.named_graphs())} graphs; entities: {entities}"


def write_network_html(store: GraphStore, output: Path, projection: str = "actors", focus: str | None = None,
                       depth: int = 1, since: str | None = None, until: str | None = None,
                       size_by: str = "pagerank", query: str | None = None, theme: str | None = None,
                       kind: str | None = None) -> tuple[Path, str]:
    if query:
        g = network_from_query(store, query)
        projection = "query"
    else:
        g = build_network(store, projection, since, until, focus, depth, theme, kind)
    s = summarise(g)
    summary = (f"{s['nodes']} nodes, {s['edges']} edges, {s['components']} components — projection "
               f"'{projection}'" + (f", focus {focus}" if focus else "") +
               (f", {since or '…'}–{until or '…'}" if since or until else "") +
               (f", theme {theme}" if theme else "") + (f", {kind} events" if kind else "") +
               (f"; {g.graph['undated_left_out']} undated events left out" if g.graph.get("undated_left_out") else ""))
    colour_by = "community" if projection in CO_PARTICIPATION else "type"
    path = write_html(g, output, "Bali Process knowledge graph", summary, size_by=size_by, colour_by=colour_by)
    return path, summary


def build(articles: Path, store_path: Path, out_dir: Path, workers: int = 1) -> BuildResult:
    store = GraphStore.on_disk(store_path)
    report = ingest([articles], store, workers=workers)
    trig = export_store(store, "trig", Path(out_dir) / "graph.trig")
    summary = store_summary(store)
    return BuildResult(report, trig, build_explorer(store, out_dir, summary), summary)
