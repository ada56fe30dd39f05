"""Ingest: files → articles → extractions → named graphs in the store, with a report.

Idempotent: an unchanged article (same digest) is skipped; a changed one
replaces its graph in one transaction; the same article under another name
is skipped as a duplicate. Bad files are reported and the batch goes on.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef

from . import __version__
from .errors import KgError, SourceError
from .extract import extract_article
from .lexicon import DATA_DIR, load_lexicon
from .model import Article
from .namespaces import GRAPH_REFERENCE, KG
from .rdf import article_iri, reference_graph, to_graph
from .sources import iter_source_files, read_articles
from .store import GraphStore

__all__ = ["IngestReport", "ingest", "ensure_reference", "remove_article", "extractor_fingerprint"]


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)   # (path, duplicate of)
    failed: list[tuple[str, str]] = field(default_factory=list)       # (where, problem)
    notes: list[tuple[str, str]] = field(default_factory=list)        # (path, note)
    triples: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.replaced)} replaced, {len(self.unchanged)} unchanged, "
                f"{len(self.duplicates)} skipped as duplicates, {len(self.failed)} failed")


def ensure_reference(store: GraphStore) -> bool:
    """Load the reference graph (states, organisations, themes) unless it is current; True if loaded."""
    graph = reference_graph(load_lexicon())
    digest = hashlib.sha256(graph.serialize(format="nt", encoding="utf-8")).hexdigest()
    if store.graph_value(GRAPH_REFERENCE, str(KG.digest)) == digest:
        return False
    graph.add((URIRef(GRAPH_REFERENCE), KG.digest, Literal(digest)))
    store.replace_graph(GRAPH_REFERENCE, graph)
    return True


def extractor_fingerprint() -> str:
    """Changes whenever the code or the data that extraction depends on changes."""
    h = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")) + sorted(DATA_DIR.glob("*.*")):
        if path.suffix in {".py", ".csv", ".yaml"}:
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _ingest_article(store: GraphStore, article: Article, report: IngestReport, seen: dict[str, str],
                    fingerprint: str) -> None:
    graph_iri = article_iri(article.stem)
    stored = store.graph_value(graph_iri, str(KG.digest))
    if stored == article.digest and store.graph_value(graph_iri, str(KG.extractor)) == fingerprint:
        report.unchanged.append(article.path)
        seen[article.digest] = graph_iri
        return
    other = seen.get(article.digest) or next(
        (g for g in store.graphs_with_value(str(KG.digest), article.digest) if g != graph_iri), None)
    if other and other != graph_iri:
        report.duplicates.append((article.path, other.rsplit("/", 1)[-1]))
        return
    graph = to_graph(extract_article(article))
    graph.add((URIRef(graph_iri), KG.extractor, Literal(fingerprint)))
    report.triples += store.replace_graph(graph_iri, graph)
    (report.replaced if stored else report.added).append(article.path)
    seen[article.digest] = graph_iri


def ingest(paths: Iterable[str | Path], store: GraphStore,
           progress: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest every article under `paths` into `store`; never stops at a bad file."""
    report = IngestReport()
    ensure_reference(store)
    seen: dict[str, str] = {}
    fingerprint = extractor_fingerprint()
    for item in iter_source_files(paths):
        if isinstance(item, SourceError):
            report.failed.append((item.path, item.problem))
            continue
        for article in read_articles(item):
            if isinstance(article, SourceError):
                report.failed.append((article.path, article.problem))
                continue
            for note in article.notes:
                report.notes.append((article.path, note))
            try:
                _ingest_article(store, article, report, seen, fingerprint)
            except KgError as exc:
                report.failed.append((article.path, str(exc)))
        if progress:
            progress(str(item))
    store.flush()
    return report


def remove_article(store: GraphStore, stem_or_path: str) -> bool:
    """Remove an article's named graph; True if it was there."""
    stem = Path(stem_or_path).stem if "/" in stem_or_path or "." in Path(stem_or_path).name else stem_or_path
    return store.remove_graph(article_iri(stem))
