"""The main job and its summary: build the store, the TriG export and the explorer's pages."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .explorer import ExplorerResult, build_explorer
from .export import export_store
from .pipeline import IngestReport, ingest
from .store import GraphStore

__all__ = ["BuildResult", "build", "store_summary"]

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


def build(articles: Path, store_path: Path, out_dir: Path, workers: int = 1) -> BuildResult:
    store = GraphStore.on_disk(store_path)
    report = ingest([articles], store, workers=workers)
    trig = export_store(store, "trig", Path(out_dir) / "graph.trig")
    summary = store_summary(store)
    return BuildResult(report, trig, build_explorer(store, out_dir, summary), summary)
