"""Ingest: files → articles → extractions → named graphs in the store, with a report.

Idempotent: an unchanged article (same digest) is skipped; a changed one
replaces its graph in one transaction; the same article under another name
is skipped as a duplicate. Bad files are reported and the batch goes on.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from . import __version__
from .errors import KgError, SourceError
from .extract import extract_article
from .lexicon import DATA_DIR, load_lexicon
from .model import Article
from .ner import DEFAULT_META
from .identity import EventIdentity
from .labels import refresh_labels
from .namespaces import GRAPH_LABELS, GRAPH_REFERENCE, KG, SKOS
from .rdf import article_iri, provenance_triples, reference_graph, to_ntriples
from .sources import iter_source_files, read_articles, read_capture

if TYPE_CHECKING:
    from .archive import Provenance
    from .fetch import FetchOptions, FetchReport
from .store import GraphStore, union_nquads

__all__ = ["IngestReport", "ingest", "ensure_reference", "remove_article", "extractor_fingerprint", "extract_ntriples",
           "extract_to_files", "fetch_and_ingest", "count_sources"]


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
    lines = sorted(graph.serialize(format="nt").splitlines())  # the same digest whatever the set order
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    if store.graph_value(GRAPH_REFERENCE, str(KG.digest)) == digest:
        return False
    graph.add((URIRef(GRAPH_REFERENCE), KG.digest, Literal(digest)))
    store.replace_graph(GRAPH_REFERENCE, graph)
    return True


def extractor_fingerprint() -> str:
    """Changes whenever the code, the data or the name model that extraction depends on changes."""
    h = hashlib.sha256(__version__.encode())
    h.update(json.dumps(DEFAULT_META, sort_keys=True).encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")) + sorted(DATA_DIR.glob("*.*")):
        if path.suffix in {".py", ".csv", ".yaml"}:
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


_NER: dict[str, object] = {}


def _ner(spec: str | None):
    """The NER proposer for `spec`, loaded once per process (workers load their own)."""
    if not spec:
        return None
    if spec not in _NER:
        from .ner import load_ner
        _NER[spec] = load_ner(spec)
    return _NER[spec]


ARTICLE_SECONDS = 120.0  # an article still being extracted after this is reported, not waited for


class TimeBudgetExceeded(KgError):
    """Extraction of one article ran past its time budget."""


@contextmanager
def time_budget(seconds: float):
    """Raise `TimeBudgetExceeded` in this block after `seconds` (on a process's main thread,
    where signals arrive; elsewhere the block runs unbounded)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(_signum, _frame):
        raise TimeBudgetExceeded(f"extraction ran past its budget of {seconds:.0f} s; the article is skipped "
                                 "(split it, or report it: extraction should take milliseconds)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_ntriples(article: Article, fingerprint: str, ner: str | None = None,
                     source: Provenance | None = None) -> tuple[str, str | None]:
    """One article's graph as N-Triples, or the problem: a pure function, run in worker processes.

    `ner` is an optional "spacy:MODEL" spec; `source` the web capture the article was read from.
    Returns (N-Triples, None) or ("", problem).
    """
    try:
        with time_budget(ARTICLE_SECONDS):
            extraction = extract_article(article, ner=_ner(ner))
        extra = [(URIRef(article_iri(article.stem)), KG.extractor, Literal(fingerprint))]
        if source is not None:
            extra += provenance_triples(article.stem, source)
        return to_ntriples(extraction, extra=extra), None
    except KgError as exc:
        return "", str(exc)
    except Exception as exc:  # a fault of the extractor on one article must not end the batch
        return "", (f"the extractor failed on this article ({type(exc).__name__}: {str(exc)[:200]}); "
                    "the other articles go on; please report this file with the message")


class _Extractor:
    """Runs `extract_ntriples` in this process, in a pool of worker processes, or on a given
    `concurrent.futures.Executor` (a Dask cluster's, see kg.cluster), in input order.

    At most `window` articles are in flight, so memory does not grow with the corpus.
    """

    def __init__(self, workers: int, fingerprint: str, executor: Executor | None = None, ner: str | None = None):
        self.fingerprint, self.ner = fingerprint, ner
        self.pool, self.own_pool = executor, False
        self.window = max(1, workers) * 16
        if executor is None and workers > 1:
            self.own_pool = True
            method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
            context = multiprocessing.get_context(method)
            if method == "forkserver":
                context.set_forkserver_preload(["kg.pipeline"])
            self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        self.pending: deque = deque()

    def submit(self, item) -> None:
        article, source = item[0], item[2]
        if self.pool is None:
            self.pending.append((item, extract_ntriples(article, self.fingerprint, self.ner, source)))
        else:
            self.pending.append((item, self.pool.submit(extract_ntriples, article, self.fingerprint, self.ner,
                                                        source)))

    def ready(self, flush: bool = False):
        """Finished items, oldest first: all of them with `flush`, else those past the window."""
        while self.pending and (flush or len(self.pending) > self.window):
            item, result = self.pending.popleft()
            yield item, (result if isinstance(result, tuple) else result.result())

    def close(self) -> None:
        if self.own_pool and self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


class _Writer:
    """Writes article graphs to the store: new ones in batches (one transaction each), changed ones alone."""

    def __init__(self, store: GraphStore, report: IngestReport, batch_size: int):
        self.store, self.report, self.batch_size = store, report, batch_size
        self.batch: list[tuple[Article, str, str]] = []   # (article, graph IRI, N-Triples)
        self.in_flight: dict[str, str] = {}                # digest -> graph IRI, not yet in the store
        self.identity = EventIdentity(store)

    def write(self, article: Article, replaced: bool, ntriples: str) -> None:
        graph_iri = article_iri(article.stem)
        ntriples = self.identity.resolve(graph_iri, ntriples)  # one event across articles (kg.identity)
        if not replaced:
            self.batch.append((article, graph_iri, ntriples))
            if len(self.batch) >= self.batch_size:
                self.flush()
            return
        try:
            self.report.triples += self.store.replace_graph(graph_iri, ntriples)
            self.report.replaced.append(article.path)
        except KgError as exc:
            self.report.failed.append((article.path, str(exc)))
        self.in_flight.pop(article.digest, None)

    def flush(self) -> None:
        if not self.batch:
            return
        batch, self.batch = self.batch, []
        try:
            self.report.triples += self.store.add_graphs([(g, nt) for _, g, nt in batch])
            self.report.added.extend(a.path for a, _, _ in batch)
        except KgError as exc:
            if len(batch) == 1:
                self.report.failed.append((batch[0][0].path, str(exc)))
            else:  # one bad graph must not cost the others: write them one by one
                for item in batch:
                    self.batch = [item]
                    self.flush()
        for a, _, _ in batch:
            self.in_flight.pop(a.digest, None)


def _articles(paths, report: IngestReport, progress,
              urls: Iterable[str] | None = None) -> Iterator[tuple[Article, Provenance | None]]:
    """Every readable article under `paths` with the web capture it came from, if any; the unreadable
    ones go to the report. Web archives are read last, together: the newest capture of each URL
    (only of `urls`, if given) across all of them."""
    from .archive import is_warc
    warcs: list[Path] = []
    for item in iter_source_files(paths):
        if isinstance(item, SourceError):
            report.failed.append((item.path, item.problem))
        elif is_warc(item):
            warcs.append(item)
        else:
            yield from _checked(read_articles(item), report)
            if progress:
                progress(str(item))
    if warcs:
        yield from _captured(warcs, report, progress, urls)


def _checked(items: Iterable[Article | SourceError], report: IngestReport) -> Iterator[tuple[Article, None]]:
    for article in items:
        if isinstance(article, SourceError):
            report.failed.append((article.path, article.problem))
            continue
        for note in article.notes:
            report.notes.append((article.path, note))
        yield article, None


def _captured(warcs: list[Path], report: IngestReport, progress,
              urls: Iterable[str] | None) -> Iterator[tuple[Article, Provenance]]:
    from .archive import latest_captures
    for capture in latest_captures(warcs, urls):
        if isinstance(capture, SourceError):
            report.failed.append((capture.path, capture.problem))
            continue
        try:
            article = read_capture(capture)
        except SourceError as exc:
            report.failed.append((exc.path, exc.problem))
        else:
            report.notes.extend((article.path, note) for note in article.notes)
            yield article, capture.provenance
        if progress:
            progress(capture.url)


def count_sources(paths: Iterable[str | Path]) -> int:
    """How many steps `ingest` reports to its progress callback: one a file, one a capture of a web archive."""
    from .archive import count_captures, is_warc
    files = [p for p in iter_source_files(paths) if not isinstance(p, SourceError)]
    return sum(1 for p in files if not is_warc(p)) + count_captures(p for p in files if is_warc(p))


def _needs_extraction(store: GraphStore, article: Article, fingerprint: str, writer: _Writer,
                      report: IngestReport) -> bool | None:
    """None if the article is skipped (unchanged or a duplicate), else whether it replaces a stored graph."""
    graph_iri = article_iri(article.stem)
    stored = store.graph_value(graph_iri, str(KG.digest))
    source = store.graph_value(graph_iri, str(KG.sourcePath)) if stored is not None else None
    if source and source != article.path and Path(source).exists():
        report.failed.append((article.path, f"another file, {source}, is stored under the same name "
                                            f"({article.stem!r}); rename one of them, or `kg remove` the other first"))
        return None
    if stored == article.digest and store.graph_value(graph_iri, str(KG.extractor)) == fingerprint:
        report.unchanged.append(article.path)
        return None
    other = writer.in_flight.get(article.digest) or next(
        (g for g in store.graphs_with_value(str(KG.digest), article.digest) if g != graph_iri), None)
    if other and other != graph_iri:
        report.duplicates.append((article.path, other.rsplit("/", 1)[-1]))
        return None
    if graph_iri in writer.in_flight.values():
        report.failed.append((article.path, f"another article in this run has the same name ({article.stem!r}); "
                                            "rename one of them"))
        return None
    writer.in_flight[article.digest] = graph_iri
    return stored is not None


def ingest(paths: Iterable[str | Path], store: GraphStore, progress: Callable[[str], None] | None = None,
           workers: int = 1, batch_size: int = 100, executor: Executor | None = None,
           ner: str | None = None, urls: Iterable[str] | None = None) -> IngestReport:
    """Ingest every article under `paths` into `store`; never stops at a bad file.

    `workers` > 1 runs extraction in that many processes (or, with `executor`, keeps
    that many times 16 articles in flight on it); new articles are written `batch_size`
    at a time, each batch all or nothing. Files are read one at a time and at most a
    few batches are held, whatever the corpus size. `ner` ("spacy:MODEL") adds a statistical
    model's names to the rules' (kg.ner). Web archives (`.warc`, `.warc.gz`) give the newest
    capture of each article URL (only of `urls`, if given), with its provenance.
    """
    report = IngestReport()
    ensure_reference(store)
    _ner(ner)  # a missing model is one clear error before any work
    fingerprint = extractor_fingerprint() + (f"+{ner}" if ner else "")
    extractor = _Extractor(workers, fingerprint, executor, ner)
    writer = _Writer(store, report, batch_size)

    def drain(flush: bool = False) -> None:
        for (article, replaced, _source), (ntriples, problem) in extractor.ready(flush):
            if problem:
                report.failed.append((article.path, problem))
                writer.in_flight.pop(article.digest, None)
            else:
                writer.write(article, replaced, ntriples)

    try:
        for article, source in _articles(paths, report, progress, urls):
            replaced = _needs_extraction(store, article, fingerprint, writer, report)
            if replaced is None:
                continue
            extractor.submit((article, replaced, source))
            drain()
        drain(flush=True)
        writer.flush()
    finally:
        extractor.close()
    if report.added or report.replaced or not store.graph_value(GRAPH_LABELS, str(SKOS.prefLabel)):
        refresh_labels(store)
    store.flush()
    return report


def extract_to_files(paths: Iterable[str | Path], out_dir: Path, fmt: str = "json",
                     ner: str | None = None) -> tuple[int, list[tuple[str, str]]]:
    """One file per article in `out_dir`: the gold-format JSON, or ("nq") its named graph as N-Quads,
    with each event that an earlier article of the run reported under that article's IRI, as
    `kg ingest` stores it (kg.identity), so that bulk loaders get the same graphs.

    Returns the number written and the (file, problem) of each failure.
    """
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise KgError(f"--out {out_dir} is a file; give a folder for the per-article files")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KgError(f"--out {out_dir}: cannot make the folder ({exc.strerror or exc})") from exc
    report = IngestReport()
    fingerprint = extractor_fingerprint() + (f"+{ner}" if ner else "")
    model = _ner(ner)
    identity = EventIdentity(GraphStore.in_memory()) if fmt == "nq" else None
    written = 0
    for article, source in _articles(paths, report, None):
        if identity is not None:
            ntriples, problem = extract_ntriples(article, fingerprint, ner, source)
            if problem:
                report.failed.append((article.path, problem))
                continue
            graph = article_iri(article.stem)
            text = union_nquads([(graph, identity.resolve(graph, ntriples))], with_union=False)
        else:
            text = json.dumps(extract_article(article, ner=model).to_gold(), indent=2, ensure_ascii=False)
        (out_dir / f"{article.stem}.{fmt}").write_text(text, encoding="utf-8")
        written += 1
    return written, report.failed


def fetch_and_ingest(urls: Iterable[str], paths: Iterable[str | Path], store: GraphStore, archive: Path,
                     options: FetchOptions, fetch_progress: Callable[[str, int], None] | None = None,
                     **ingest_options) -> tuple[FetchReport, IngestReport]:
    """Fetch the articles `urls` lead to into the web archive `archive` (kg.fetch), then ingest them
    (their newest captures, changed or not) with the files under `paths`."""
    from .archive import warc_files
    from .fetch import FetchReport, fetch_site
    urls, paths = list(urls), list(paths)
    fetched = fetch_site(urls, archive, options, fetch_progress) if urls else FetchReport()
    report = ingest(paths, store, **ingest_options) if paths else IngestReport()
    if fetched.articles:
        web = ingest(warc_files(Path(archive)), store, urls=fetched.articles, **ingest_options)
        for name in ("added", "replaced", "unchanged", "duplicates", "failed", "notes"):
            getattr(report, name).extend(getattr(web, name))
        report.triples += web.triples
    return fetched, report


def remove_article(store: GraphStore, stem_or_path: str) -> bool:
    """Remove an article's named graph; True if it was there."""
    stem = Path(stem_or_path).stem if "/" in stem_or_path or "." in Path(stem_or_path).name else stem_or_path
    removed = store.remove_graph(article_iri(stem))
    if removed:
        refresh_labels(store)
    return removed
