"""Polite crawling: from page URLs, sitemaps, feeds or listing pages to the site's articles, in a web archive.

Politeness as web-archiving crawlers practise it: robots.txt is obeyed (user-agent token `kg`);
one request at a time, and at least `delay` seconds (or the site's Crawl-delay, if longer)
between the end of one request to a host and the start of the next; a User-Agent naming kg and
a contact; retries with exponential backoff on 429 and 5xx, honouring Retry-After; time-outs, a
size limit, few redirects and only to http(s); private and loopback addresses refused unless
allowed (the address is resolved once, checked, and connected to, so DNS cannot swap it).

Every response goes to the archive (kg.archive); a page already archived is asked for with
If-None-Match / If-Modified-Since, and a 304 or an identical payload is a revisit record.
"""
from __future__ import annotations

import ipaddress
import re
import socket
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import urllib3

from . import __version__
from .archive import ArchiveWriter, Exchange, Known, known_pages, now_iso, payload_digest
from .errors import FetchError, KgError, RobotsRefused
from .links import page_links, same_site, normal_url

__all__ = ["FetchOptions", "FetchReport", "Session", "fetch_site", "user_agent"]

ROBOTS_TOKEN = "kg"
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "application/pdf", "text/plain")
DISCOVERY_URL = re.compile(r"(^|/)(feed|rss|atom)(/|$)|sitemap[^/]*$|\.(xml|xml\.gz|rss|atom)$", re.I)
ACCEPT = "text/html,application/xhtml+xml,application/pdf,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"


@dataclass(frozen=True)
class FetchOptions:
    """How to crawl: which links are articles (`match`, a regular expression searched in the URL) and how politely."""

    contact: str | None = None       # an e-mail address or URL for the site's owner to reach you
    match: str | None = None
    delay: float = 1.0               # seconds between requests to one host (raised by Crawl-delay)
    timeout: float = 30.0            # seconds to connect, and for the whole response
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 3                 # further tries after a 429, a 5xx or a network failure
    backoff: float = 2.0             # first wait before a retry (doubled each time) without Retry-After
    max_wait: float = 300.0          # longest Retry-After or Crawl-delay honoured
    max_pages: int = 500             # sitemaps, feeds and listing pages read
    allow_private: bool = False
    dry_run: bool = False


@dataclass
class FetchReport:
    """What one crawl did; each list holds URLs (failures with their reason)."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    planned: list[tuple[str, str]] = field(default_factory=list)   # dry run: (url, "new" or "in the archive")
    discovery: list[str] = field(default_factory=list)             # sitemaps, feeds and listing pages read
    archive: Path | None = None

    @property
    def articles(self) -> list[str]:
        """The URLs whose current version is in the archive after this run."""
        return self.new + self.changed + self.unchanged

    def summary(self) -> str:
        if self.planned or (not self.articles and not self.archive):
            return (f"{len(self.planned)} articles would be fetched, {len(self.refused)} refused by robots.txt, "
                    f"{len(self.failed)} failed")
        return (f"{len(self.new)} new, {len(self.changed)} changed, {len(self.unchanged)} unchanged, "
                f"{len(self.refused)} refused by robots.txt, {len(self.failed)} failed")


@dataclass(frozen=True)
class Response:
    """A final response: the URL it came from, its status, headers (lower-case names) and decoded body."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    exchange: Exchange

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def user_agent(contact: str) -> str:
    return f"kg/{__version__} (Bali Process research crawler; +{contact})"


class _Http:
    """Sends one GET to an address checked and pinned before connecting; reads within the limits."""

    def __init__(self, options: FetchOptions):
        self.options = options
        self.agent = user_agent(options.contact or "")
        self.pools: dict[tuple[str, str, int, str], urllib3.HTTPConnectionPool] = {}

    def send(self, url: str, headers: dict[str, str], kind: str) -> tuple[Exchange, dict[str, str], bytes]:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, "not an http(s) address")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        ip = self._address(url, parts.hostname, port)
        sent = {"Host": parts.netloc.rsplit("@", 1)[-1], "User-Agent": self.agent, "Accept": ACCEPT,
                "Accept-Encoding": "gzip, deflate", **headers}
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        fetched, start = now_iso(), time.monotonic()
        try:
            raw = self._pool(parts.scheme, parts.hostname, port, ip).urlopen(
                "GET", target, headers=sent, redirect=False, retries=False, preload_content=False,
                decode_content=False, assert_same_host=False)
            body = self._read(url, raw, start)
        except urllib3.exceptions.TimeoutError as exc:
            raise FetchError(url, f"timed out after {self.options.timeout:g} s", transient=True) from exc
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise FetchError(url, f"network error ({type(exc).__name__}: {str(exc)[:120]})", transient=True) from exc
        exchange = Exchange(url, tuple(sent.items()), raw.status, raw.reason or "", tuple(raw.headers.items()),
                            body, fetched, ip, kind)
        lower = {k.lower(): v for k, v in raw.headers.items()}
        return exchange, lower, _decoded(url, body, lower.get("content-encoding", ""), self.options.max_bytes)

    def _address(self, url: str, host: str, port: int) -> str:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise FetchError(url, f"the host {host} cannot be resolved ({exc}); check the address") from exc
        addresses = [str(info[4][0]) for info in infos]
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%")[0])
            if not ip.is_global and not self.options.allow_private:
                raise FetchError(url, f"{host} is at {address}, a private, loopback or reserved address; "
                                      "pass --allow-private to fetch from it")
        return addresses[0]

    def _pool(self, scheme: str, host: str, port: int, ip: str) -> urllib3.HTTPConnectionPool:
        key = (scheme, host, port, ip)
        if key not in self.pools:
            timeout = urllib3.Timeout(connect=self.options.timeout, read=self.options.timeout)
            if scheme == "https":
                self.pools[key] = urllib3.HTTPSConnectionPool(ip, port, timeout=timeout, maxsize=1, retries=False,
                                                              server_hostname=host, assert_hostname=host,
                                                              cert_reqs="CERT_REQUIRED")
            else:
                self.pools[key] = urllib3.HTTPConnectionPool(ip, port, timeout=timeout, maxsize=1, retries=False)
        return self.pools[key]

    def _read(self, url: str, raw, start: float) -> bytes:
        limit = self.options.max_bytes
        length = raw.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > limit:
            raw.close()
            raise FetchError(url, f"the response is {int(length):,} bytes, over the size limit of {limit:,} "
                                  "(--max-bytes)")
        chunks, size = [], 0
        for chunk in raw.stream(65536, decode_content=False):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raw.close()
                raise FetchError(url, f"the response is over the size limit of {limit:,} bytes (--max-bytes)")
            if time.monotonic() - start > self.options.timeout:
                raw.close()
                raise FetchError(url, f"timed out after {self.options.timeout:g} s (the response came too "
                                      "slowly)", transient=True)
        raw.release_conn()
        return b"".join(chunks)


def _decoded(url: str, body: bytes, encoding: str, limit: int) -> bytes:
    """The body without its Content-Encoding (gzip or deflate), at most `limit` bytes."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity") or not body:
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"the response is encoded as {encoding!r}, which kg does not read")
    try:
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS)
        out = decoder.decompress(body, limit + 1)
    except zlib.error as exc:
        raise FetchError(url, f"the {encoding} body is damaged ({exc})") from exc
    if len(out) > limit:
        raise FetchError(url, f"the response is over the size limit of {limit:,} bytes once decompressed")
    return out


def _retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (seconds, or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _crawl_delay(robots: str) -> float:
    r"""The Crawl-delay of the group for `kg`, else of the group for `*` (fractions allowed, unlike urllib's).

    >>> _crawl_delay("User-agent: *\nCrawl-delay: 0.5\n\nUser-agent: kg\nCrawl-delay: 2")
    2.0
    """
    delays: dict[str, float] = {}
    agents: list[str] = []
    in_rules = False
    for line in robots.splitlines():
        key, _, value = line.split("#", 1)[0].partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            agents = [] if in_rules else agents
            agents.append(value.lower())
            in_rules = False
        elif key:
            in_rules = True
            if key == "crawl-delay":
                try:
                    delays.update({agent: float(value) for agent in agents})
                except ValueError:
                    continue
    return delays.get(ROBOTS_TOKEN, delays.get("*", 0.0))


class Session:
    """One request at a time; robots.txt, per-host delay, retries and redirects; every response archived."""

    def __init__(self, options: FetchOptions, writer: ArchiveWriter | None,
                 sleep: Callable[[float], None] = time.sleep):
        self.options, self.writer, self.sleep = options, writer, sleep
        self.http = _Http(options)
        self.ready_at: dict[str, float] = {}        # host -> when the next request may start
        self.crawl_delay: dict[str, float] = {}     # host -> its robots.txt Crawl-delay
        self.robots: dict[str, RobotFileParser | FetchError] = {}

    # politeness
    def _host(self, url: str) -> str:
        return (urlsplit(url).hostname or "").lower()

    def _wait(self, host: str) -> None:
        pause = self.ready_at.get(host, 0.0) - time.monotonic()
        if pause > 0:
            self.sleep(pause)

    def _hold(self, host: str, seconds: float) -> None:
        self.ready_at[host] = max(self.ready_at.get(host, 0.0), time.monotonic() + seconds)

    def _delay(self, host: str) -> float:
        return max(self.options.delay, min(self.crawl_delay.get(host, 0.0), self.options.max_wait))

    # robots.txt
    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets kg fetch `url` (fetched once per site); FetchError if it cannot be had."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.robots:
            self.robots[origin] = self._read_robots(origin)
        robots = self.robots[origin]
        if isinstance(robots, FetchError):
            raise FetchError(url, f"the site's robots.txt cannot be read ({robots.problem}); the site is not crawled")
        return robots.can_fetch(ROBOTS_TOKEN, url)

    def _read_robots(self, origin: str) -> RobotFileParser | FetchError:
        robots = RobotFileParser(origin + "/robots.txt")
        try:
            response = self._follow(origin + "/robots.txt", "robots", {}, check_robots=False)
        except FetchError as exc:
            return exc
        self.keep(response, "robots")
        if response.status == 200:
            robots.parse(response.body.decode("utf-8", "replace").splitlines())
        elif response.status in (401, 403) or response.status >= 500:
            return FetchError(origin + "/robots.txt", f"HTTP {response.status}")
        else:
            robots.parse([])  # no robots.txt (404 and the like): everything is allowed
        if response.status == 200:
            host = self._host(origin)
            self.crawl_delay[host] = _crawl_delay(response.body.decode("utf-8", "replace"))
            self._hold(host, self._delay(host))
        return robots

    # requests
    def get(self, url: str, kind: str, known: Known | None = None) -> Response:
        """The final response for `url` after redirects and retries; raises RobotsRefused or FetchError."""
        headers = {}
        if known and known.etag:
            headers["If-None-Match"] = known.etag
        if known and known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
        return self._follow(url, kind, headers)

    def _follow(self, url: str, kind: str, headers: dict[str, str], check_robots: bool = True) -> Response:
        chain = [url]
        for _ in range(self.options.max_redirects + 1):
            if check_robots and not self.allowed(url):
                raise RobotsRefused(url)
            response = self._try(url, kind, headers if url == chain[0] else {})
            location = response.headers.get("location")
            if response.status not in REDIRECT_STATUS or not location:
                return response
            self.keep(response, kind)
            target = normal_url(urljoin(url, location))
            if urlsplit(target).scheme not in ("http", "https"):
                raise FetchError(chain[0], f"redirects to {target}, not an http(s) address")
            if target in chain:
                raise FetchError(chain[0], f"redirect loop ({' -> '.join(chain + [target])})")
            chain.append(target)
            url = target
        raise FetchError(chain[0], f"more than {self.options.max_redirects} redirects ({' -> '.join(chain)})")

    def _try(self, url: str, kind: str, headers: dict[str, str]) -> Response:
        """One URL with retries: backoff, or the server's Retry-After, between tries."""
        host = self._host(url)
        for attempt in range(self.options.retries + 1):
            last = attempt == self.options.retries
            self._wait(host)
            try:
                exchange, lower, body = self.http.send(url, headers, kind)
            except FetchError as exc:
                self._hold(host, self._delay(host))
                if not exc.transient or last:
                    raise
                self._hold(host, self.options.backoff * 2 ** attempt)
                continue
            self._hold(host, self._delay(host))
            response = Response(url, exchange.status, lower, body, exchange)
            if exchange.status not in RETRY_STATUS or last:
                return response
            self.keep(response, kind)
            wait = _retry_after(lower.get("retry-after")) or self.options.backoff * 2 ** attempt
            if wait > self.options.max_wait:
                raise FetchError(url, f"HTTP {exchange.status}: the server asks to wait {wait:.0f} s "
                                      f"(Retry-After), longer than --max-wait {self.options.max_wait:g} s; try later")
            self._hold(host, wait)
        raise AssertionError("unreachable")

    def keep(self, response: Response, kind: str, known: Known | None = None) -> str:
        """Archive a response: "new", "changed", or "unchanged" (a revisit record) against `known`."""
        exchange = replace(response.exchange, kind=kind)
        if self.writer is None:
            return "new"
        digest = payload_digest(exchange.body)
        if known is not None and (exchange.status == 304 or digest == known.digest):
            self.writer.write_revisit(exchange, known, known.digest or digest)
            return "unchanged"
        self.writer.write(exchange)
        return "changed" if known is not None else "new"


@dataclass
class _Plan:
    articles: list[str] = field(default_factory=list)
    report: FetchReport = field(default_factory=FetchReport)


def _is_article_start(url: str, pattern: re.Pattern | None) -> bool:
    """A start URL is an article if it matches --match; without --match, if it does not look like a sitemap or feed."""
    return bool(pattern.search(url)) if pattern else not DISCOVERY_URL.search(urlsplit(url).path)


def _discover(session: Session, starts: list[str], pattern: re.Pattern | None, plan: _Plan) -> None:
    """Read the sitemaps, feeds and listing pages among `starts` (and the pages they lead to) for article links."""
    queue = deque(u for u in starts if not _is_article_start(u, pattern))
    plan.articles.extend(u for u in starts if _is_article_start(u, pattern))
    seen: set[str] = set()
    while queue and len(seen) < session.options.max_pages:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        try:
            response = session.get(url, "listing")
        except RobotsRefused:
            plan.report.refused.append(url)
            continue
        except FetchError as exc:
            plan.report.failed.append((url, exc.problem))
            continue
        _read_discovery(session, url, response, pattern, plan, queue)


def _read_discovery(session: Session, url: str, response: Response, pattern: re.Pattern | None, plan: _Plan,
                    queue: deque) -> None:
    if response.status != 200:
        session.keep(response, "listing")
        plan.report.failed.append((url, f"HTTP {response.status} {response.exchange.reason}".strip()))
        return
    try:
        found = page_links(response.url, response.body)
    except ValueError as exc:
        session.keep(response, "listing")
        plan.report.failed.append((url, str(exc)))
        return
    session.keep(response, found.kind)
    plan.report.discovery.append(url)
    if found.kind == "listing" and pattern is None:
        plan.report.failed.append((url, "an HTML page, not a sitemap or feed: give --match to choose its article "
                                        "links, or give the article's URL itself"))
        return
    for link in found.links:
        if same_site(link, url) and (pattern is None or pattern.search(link)) and link not in plan.articles:
            plan.articles.append(link)
    queue.extend(link for link in found.more if same_site(link, url))


def _fetch_article(session: Session, url: str, known: dict[str, Known], report: FetchReport) -> None:
    try:
        response = session.get(url, "article", known.get(url))
    except RobotsRefused:
        report.refused.append(url)
        return
    except FetchError as exc:
        report.failed.append((url, exc.problem))
        return
    previous = known.get(response.url)
    if response.status == 304 and previous is not None:
        session.keep(response, "article", previous)
        report.unchanged.append(response.url)
    elif response.status != 200:
        session.keep(response, "other")
        report.failed.append((url, f"HTTP {response.status} {response.exchange.reason}".strip()))
    elif response.content_type not in ARTICLE_TYPES:
        session.keep(response, "other")
        report.failed.append((url, f"not an article: the content type is {response.content_type or 'unknown'} "
                                   "(HTML, PDF or plain text expected)"))
    else:
        getattr(report, session.keep(response, "article", previous)).append(response.url)


def _check(options: FetchOptions, starts: list[str]) -> re.Pattern | None:
    if not options.contact or not options.contact.strip():
        raise KgError("give a contact (--contact you@example.org, or set KG_CONTACT): it goes in the User-Agent "
                      "so that site owners can reach you")
    for url in starts:
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            raise FetchError(url, "not an http(s) URL; give addresses such as https://example.org/news")
    try:
        return re.compile(options.match) if options.match else None
    except re.error as exc:
        raise KgError(f"--match {options.match!r} is not a valid regular expression ({exc})") from exc


def fetch_site(starts: Iterable[str], archive: Path, options: FetchOptions,
               progress: Callable[[str, int], None] | None = None) -> FetchReport:
    """Crawl from `starts` into a new WARC file in `archive`; a bad page never stops the crawl.

    `progress(url, total)` is called after each article. With `options.dry_run` nothing is
    archived and no article is fetched: `report.planned` lists what would be.
    """
    starts = [normal_url(u) for u in starts]
    pattern = _check(options, starts)
    known = known_pages(Path(archive))
    writer = None if options.dry_run else ArchiveWriter(Path(archive), {
        "http-header-user-agent": user_agent(options.contact or ""), "robots": "obey",
        "operator": options.contact or "", "description": "kg fetch: articles about the Bali Process"})
    plan = _Plan()
    session = Session(options, writer)
    try:
        _discover(session, starts, pattern, plan)
        for url in plan.articles:
            _plan_or_fetch(session, url, known, plan.report)
            if progress:
                progress(url, len(plan.articles))
    finally:
        if writer is not None:
            writer.close()
    plan.report.archive = writer.path if writer is not None and writer.path.exists() else None
    return plan.report


def _plan_or_fetch(session: Session, url: str, known: dict[str, Known], report: FetchReport) -> None:
    if not session.options.dry_run:
        _fetch_article(session, url, known, report)
        return
    try:
        if not session.allowed(url):
            report.refused.append(url)
            return
    except FetchError as exc:
        report.failed.append((url, exc.problem))
        return
    report.planned.append((url, "in the archive: a conditional request" if url in known else "new"))
