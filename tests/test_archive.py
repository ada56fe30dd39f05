"""The web archive: WARC records written by kg fetch, read by kg ingest like the same pages saved as files."""
from __future__ import annotations

import gzip
import urllib.request
from datetime import datetime

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from warcio.archiveiterator import ArchiveIterator

from kg.archive import count_captures, iter_captures, known_pages, warc_files
from kg.cli import main
from kg.errors import SourceError
from kg.fetch import FetchOptions, fetch_site
from kg.namespaces import DCTERMS, KG, PROV, RDF, SCHEMA
from kg.pipeline import ingest
from kg.rdf import article_iri
from kg.sources import read_articles, url_stem
from kg.store import GraphStore

from .webfixture import Site, SiteServer, statement_pdf

PAGES = ["/news/rso-consular-training", "/news/feed-only-article", "/news/listing-article", "/news/flaky",
         "/statements/co-chairs-statement.pdf"]
OPTIONS = FetchOptions(contact="researcher@example.org", delay=0.01, backoff=0.01, allow_private=True)


@pytest.fixture(scope="module")
def fetched(tmp_path_factory):
    """The same pages fetched into a WARC file and saved by hand as files (named after their URLs)."""
    archive, saved = tmp_path_factory.mktemp("archive"), tmp_path_factory.mktemp("saved")
    site = Site(pdf=statement_pdf())
    with SiteServer(site):
        report = fetch_site([site.base + p for p in PAGES], archive, OPTIONS)
        for path in PAGES:
            with urllib.request.urlopen(site.base + path) as response:  # noqa: S310 (loopback)
                suffix = ".pdf" if path.endswith(".pdf") else ".html"
                (saved / (url_stem(site.base + path) + suffix)).write_bytes(response.read())
    return site, report, saved


def _article_graph(store: GraphStore, stem: str) -> Graph:
    return Graph().parse(data=store.dump("nt", article_iri(stem)), format="nt")


def _without_provenance(graph: Graph) -> Graph:
    """The graph less where it was read from (file path; URL, WARC record and fetch time)."""
    records = set(graph.subjects(RDF.type, KG.WarcRecord))
    out = Graph()
    for s, p, o in graph:
        if s not in records and p not in (KG.sourcePath, PROV.wasDerivedFrom, DCTERMS.source):
            out.add((s, p, o))
    return out


def test_archive_ingest_gives_the_same_graphs_as_saved_files(fetched, tmp_path):
    _, report, saved = fetched
    from_files, from_warc = GraphStore.on_disk(tmp_path / "files"), GraphStore.on_disk(tmp_path / "warc")
    assert len(ingest([saved], from_files).added) == 5
    assert len(ingest([report.archive], from_warc).added) == 5
    for stem in ("rso-consular-training", "feed-only-article", "listing-article", "flaky", "co-chairs-statement"):
        warc, files = _article_graph(from_warc, stem), _article_graph(from_files, stem)
        assert len(files) > 20
        warc, files = _without_provenance(warc), _without_provenance(files)
        assert isomorphic(warc, files), (stem, set(warc) ^ set(files))


def test_archive_article_graph_records_url_fetch_time_and_record(fetched, tmp_path):
    site, report, _ = fetched
    store = GraphStore.on_disk(tmp_path / "s")
    ingest([report.archive], store)
    graph = _article_graph(store, "flaky")
    article = URIRef(article_iri("flaky"))
    record = graph.value(article, PROV.wasDerivedFrom)
    raw = next(r for r in ArchiveIterator(open(report.archive, "rb"))
               if r.rec_type == "response" and r.rec_headers.get_header("WARC-Target-URI").endswith("/news/flaky")
               and r.http_headers.get_statuscode() == "200")
    assert str(record) == raw.rec_headers.get_header("WARC-Record-ID").strip("<>")
    assert (record, RDF.type, KG.WarcRecord) in graph
    fetched = datetime.fromisoformat(raw.rec_headers.get_header("WARC-Date").replace("Z", "+00:00"))
    assert graph.value(record, PROV.generatedAtTime).toPython() == fetched
    assert graph.value(record, SCHEMA.url) == URIRef(site.base + "/news/flaky")
    assert str(graph.value(record, KG.warcFile)) == report.archive.name
    assert str(graph.value(article, KG.sourcePath)) == f"{report.archive}#{site.base}/news/flaky"


def test_archive_records_request_response_and_fetch_time(fetched):
    _, report, _ = fetched
    records = []
    for r in ArchiveIterator(open(report.archive, "rb")):
        records.append((r.rec_type, r.rec_headers, r.http_headers, r.content_stream().read()))
    assert records[0][0] == "warcinfo"
    kinds = [(kind, warc.get_header("WARC-Kg-Kind")) for kind, warc, _, _ in records[1:3]]
    assert kinds == [("request", "robots"), ("response", "robots")]
    _, warc, http, body = next(r for r in records if r[0] == "response" and r[1].get_header("WARC-Target-URI")
                               .endswith(".pdf"))
    request = next(r for r in records if r[0] == "request"
                   and r[1].get_header("WARC-Concurrent-To") == warc.get_header("WARC-Record-ID"))
    assert request[2].get_header("User-Agent").endswith("+researcher@example.org)")
    assert http.get_header("Content-Type") == "application/pdf" and body == statement_pdf()
    assert warc.get_header("WARC-Date").endswith("Z") and warc.get_header("WARC-IP-Address") == "127.0.0.1"


def test_archive_known_pages_give_the_validators(fetched):
    site, report, _ = fetched
    known = known_pages(report.archive.parent)
    assert sorted(known) == sorted(site.base + p for p in PAGES)
    assert known[site.base + "/news/flaky"].etag.startswith('"')


def test_archive_truncated_warc_is_named_and_the_batch_goes_on(fetched, tmp_path):
    _, report, saved = fetched
    data = report.archive.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 3000])
    items = list(iter_captures(cut))
    errors = [i for i in items if isinstance(i, SourceError)]
    assert len(items) - len(errors) >= 3
    assert len(errors) == 1 and errors[0].path == str(cut) and "truncated or damaged" in errors[0].problem
    store = GraphStore.on_disk(tmp_path / "s")
    result = ingest([cut, saved / "flaky.html"], store)
    assert [path for path, _ in result.failed] == [str(cut)]
    assert len(result.added) >= 3


def test_archive_plain_warc_and_count(fetched, tmp_path):
    _, report, _ = fetched
    plain = tmp_path / "plain.warc"
    with gzip.open(report.archive, "rb") as fh:  # a .warc.gz is a series of gzip members
        plain.write_bytes(fh.read())
    assert count_captures([plain]) == 5
    assert sorted(a.stem for a in read_articles(plain)) == sorted(
        ["rso-consular-training", "feed-only-article", "listing-article", "flaky", "co-chairs-statement"])


def test_archive_cli_ingest_of_urls_fetches_then_ingests(tmp_path):
    site = Site(pdf=statement_pdf())
    args = ["--archive", tmp_path / "archive", "--store", tmp_path / "store", "--contact", "me@example.org",
            "--delay", "0.01", "--allow-private"]
    with SiteServer(site):
        first = CliRunner().invoke(main, ["ingest", site.base + "/feed.xml", *map(str, args)])
        site.log.clear()
        second = CliRunner().invoke(main, ["ingest", site.base + "/feed.xml", *map(str, args)])
    assert first.exit_code == 0, first.output
    assert "fetch: 2 new, 0 changed, 0 unchanged, 0 refused by robots.txt, 0 failed" in first.output
    assert "ingest: 2 added, 0 replaced, 0 unchanged" in first.output
    assert "fetch: 0 new, 0 changed, 2 unchanged" in second.output
    assert "ingest: 0 added, 0 replaced, 2 unchanged" in second.output
    assert len(warc_files(tmp_path / "archive")) == 2
    assert "fetching" not in first.output and "ingesting" not in first.output  # progress bars only on a TTY
