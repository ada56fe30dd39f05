"""kg fetch against a fixture site on 127.0.0.1: discovery, politeness, robots.txt, retries, limits, re-runs."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.archive import latest_captures, warc_files
from kg.cli import main
from kg.errors import FetchError, KgError
from kg.fetch import FetchOptions, fetch_site, user_agent

from .webfixture import CHANGING, CRAWL_DELAY, Site, SiteServer, statement_pdf

OPTIONS = FetchOptions(contact="researcher@example.org", delay=0.05, timeout=0.4, max_bytes=200_000, retries=2,
                       backoff=0.05, allow_private=True)
ALLOWED = ["/news/rso-consular-training", CHANGING, "/news/retry-later", "/news/flaky",
           "/statements/co-chairs-statement.pdf", "/news/feed-only-article"]


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    """The fixture site crawled twice from its sitemap index and feed; the changing page changes in between."""
    archive = tmp_path_factory.mktemp("archive")
    site = Site(pdf=statement_pdf(), slow_seconds=0.6)
    with SiteServer(site):
        starts = [site.base + "/sitemap_index.xml", site.base + "/feed.xml"]
        first = fetch_site(starts, archive, OPTIONS)
        first_log = list(site.log)
        site.log.clear()
        site.version = 2
        second = fetch_site(starts, archive, OPTIONS)
    return site, archive, first, first_log, second


def _article_paths(hits, status):
    return sorted(h.path for h in hits if h.status == status and h.path.startswith(("/news/", "/statements/")))


def test_fetch_gets_every_allowed_article_once(crawl):
    site, _, first, log, _ = crawl
    assert sorted(u[len(site.base):] for u in first.new) == sorted(ALLOWED)
    assert _article_paths(log, 200) == sorted(ALLOWED + ["/news/huge"])
    assert [h.path for h in log].count("/news/rso-consular-training") == 1  # in the sitemap and the feed


def test_fetch_obeys_robots_txt(crawl):
    site, _, first, log, _ = crawl
    assert first.refused == [site.base + "/private/secret-meeting"]
    assert not [h for h in log if h.path.startswith("/private/")]
    assert log[0].path == "/robots.txt"


def test_fetch_keeps_the_crawl_delay_between_requests(crawl):
    _, _, _, log, _ = crawl
    gaps = [b.time - a.time for a, b in zip(log, log[1:])]
    assert min(gaps) >= CRAWL_DELAY - 0.002  # robots.txt's Crawl-delay 0.1 s beats --delay 0.05 s


def test_fetch_sends_a_user_agent_with_the_contact(crawl):
    _, _, _, log, _ = crawl
    assert {h.headers["User-Agent"] for h in log} == {user_agent("researcher@example.org")}
    assert "researcher@example.org" in user_agent("researcher@example.org")


def test_fetch_honours_retry_after_and_retries_a_500(crawl):
    _, _, _, log, _ = crawl
    tries = [h for h in log if h.path == "/news/retry-later"]
    assert [h.status for h in tries] == [429, 200] and tries[1].time - tries[0].time >= 1.0
    assert [h.status for h in log if h.path == "/news/flaky"] == [500, 200]


def test_fetch_reports_loop_size_and_time_out_with_reasons(crawl):
    site, _, first, _, _ = crawl
    reasons = {url[len(site.base):]: problem for url, problem in first.failed}
    assert set(reasons) == {"/news/loop", "/news/huge", "/news/slow"}
    assert reasons["/news/loop"].startswith("redirect loop (")
    assert reasons["/news/huge"] == "the response is 300,007 bytes, over the size limit of 200,000 (--max-bytes)"
    assert reasons["/news/slow"] == "timed out after 0.4 s"


def test_fetch_does_not_leave_the_site(crawl):
    _, _, first, log, _ = crawl
    assert not [u for u in first.new + first.refused if "other.example" in u]


def test_fetch_second_run_downloads_only_the_changed_page(crawl):
    site, _, _, _, second = crawl
    log = site.log
    assert _article_paths(log, 200) == ["/news/huge", CHANGING]  # the huge page is refused by its Content-Length
    assert _article_paths(log, 304) == sorted(set(ALLOWED) - {CHANGING})
    assert (len(second.new), second.changed, len(second.unchanged)) == (0, [site.base + CHANGING], 5)
    assert second.summary() == "0 new, 1 changed, 5 unchanged, 1 refused by robots.txt, 3 failed"


def test_fetch_conditional_request_sends_the_etag(crawl):
    site, _, _, _, _ = crawl
    hit = next(h for h in site.log if h.path == "/news/flaky")
    assert hit.headers["If-None-Match"].startswith('"') and hit.headers["If-Modified-Since"].endswith("GMT")


def test_fetch_archive_holds_one_file_per_run_and_the_newest_capture(crawl):
    site, archive, first, _, second = crawl
    files = warc_files(archive)
    assert [f.name for f in files] == sorted([first.archive.name, second.archive.name])
    newest = {c.url: c for c in latest_captures(files)}
    assert sorted(newest) == sorted(site.base + p for p in ALLOWED)
    assert b"meet again in Bangkok" in newest[site.base + CHANGING].body


def test_fetch_refuses_loopback_without_allow_private(tmp_path):
    site = Site(pdf=b"")
    with SiteServer(site):
        report = fetch_site([site.base + "/news/flaky"], tmp_path, FetchOptions(contact="me@example.org", delay=0.01))
    assert report.failed == [(site.base + "/news/flaky",
                              "the site's robots.txt cannot be read (127.0.0.1 is at 127.0.0.1, a private, loopback "
                              "or reserved address; pass --allow-private to fetch from it); the site is not crawled")]
    assert site.log == []


def test_fetch_needs_a_contact(tmp_path):
    with pytest.raises(KgError, match="give a contact"):
        fetch_site(["https://example.org/"], tmp_path, FetchOptions())


def test_fetch_refuses_a_non_http_start(tmp_path):
    with pytest.raises(FetchError, match="not an http"):
        fetch_site(["ftp://example.org/x"], tmp_path, FetchOptions(contact="me@example.org"))


def test_fetch_listing_pagination_with_match(tmp_path):
    site = Site(pdf=b"")
    options = FetchOptions(contact="me@example.org", delay=0.01, allow_private=True, match=r"/news/[a-z]")
    with SiteServer(site):
        report = fetch_site([site.base + "/news/"], tmp_path, options)
    assert report.new == [site.base + p for p in ("/news/rso-consular-training", CHANGING, "/news/listing-article")]
    assert report.discovery == [site.base + "/news/", site.base + "/news/?page=2"]


def test_fetch_dry_run_lists_and_fetches_no_article(tmp_path):
    site = Site(pdf=b"")
    with SiteServer(site):
        r = CliRunner().invoke(main, ["fetch", site.base + "/feed.xml", "--dry-run", "--archive", str(tmp_path),
                                      "--contact", "me@example.org", "--delay", "0.01", "--allow-private"])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines() == [f"would fetch {site.base}/news/rso-consular-training (new)",
                                     f"would fetch {site.base}/news/feed-only-article (new)",
                                     "fetch: 2 articles would be fetched, 0 refused by robots.txt, 0 failed"]
    assert [h.path for h in site.log] == ["/robots.txt", "/feed.xml"]
    assert list(tmp_path.iterdir()) == []


def test_fetch_cli_writes_the_archive_and_prints_the_summary(tmp_path):
    site = Site(pdf=b"")
    with SiteServer(site):
        r = CliRunner().invoke(main, ["fetch", site.base + "/news/flaky", site.base + "/private/secret-meeting",
                                      "--archive", str(tmp_path), "--contact", "me@example.org", "--delay", "0.01",
                                      "--backoff", "0.01", "--allow-private"])
    assert r.exit_code == 0, r.output
    archive = warc_files(tmp_path)[0]
    assert r.output.splitlines()[-1] == (f"fetch: 1 new, 0 changed, 0 unchanged, 1 refused by robots.txt, 0 failed; "
                                         f"wrote {archive}")
