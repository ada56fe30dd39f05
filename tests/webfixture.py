"""A fixture web site on 127.0.0.1 for the crawl tests, and the PDFs it serves (made with fpdf2).

The site has a robots.txt (Crawl-delay 0.1 s, /private/ forbidden), a sitemap index pointing at a
gzipped sitemap and a plain one, an RSS feed, a paginated listing, articles in three HTML layouts,
a two-page PDF statement, a 429 with Retry-After, a 500 then 200, a redirect loop, a page too
large, a slow page and a page that changes between runs. Every request is logged with its time.
"""
from __future__ import annotations

import gzip
import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CRAWL_DELAY = 0.1
STATEMENT_TITLE = "Co-Chairs' Statement: Bali Process Ad Hoc Group Senior Officials' Meeting"
STATEMENT_HEADER = "Bali Process Ad Hoc Group | Co-Chairs' Statement"
# each paragraph as the lines the PDF prints: "smug-" / "gling" is a word broken at a line end
STATEMENT_PAGES = [
    [["1. The Bali Process Ad Hoc Group Senior Officials' Meeting was held in Adelaide,",
      "Australia, on 10 February 2023, co-chaired by Indonesia and Australia."],
     ["2. Senior officials from Thailand, Malaysia, Fiji and Viet Nam took part, together with",
      "the International Organization for Migration (IOM) and UNHCR."],
     ["3. Members welcomed the work of the Regional Support Office of the Bali Process to",
      "combat people smug-"]],
    [["gling and trafficking in persons, including:"],
     ["(a) the consular training held in Jakarta;"],
     ["(b) the policy guide on following the money."],
     ["4. The Co-Chairs thanked Australia for hosting the meeting in Adelaide."]],
]
STATEMENT_PARAGRAPHS = [
    "1. The Bali Process Ad Hoc Group Senior Officials' Meeting was held in Adelaide, Australia, on 10 February "
    "2023, co-chaired by Indonesia and Australia.",
    "2. Senior officials from Thailand, Malaysia, Fiji and Viet Nam took part, together with the International "
    "Organization for Migration (IOM) and UNHCR.",
    "3. Members welcomed the work of the Regional Support Office of the Bali Process to combat people smuggling "
    "and trafficking in persons, including:",
    "(a) the consular training held in Jakarta;",
    "(b) the policy guide on following the money.",
    "4. The Co-Chairs thanked Australia for hosting the meeting in Adelaide.",
]


def statement_txt() -> str:
    """The statement as a .txt page scrape: title, date line, paragraphs."""
    return f"{STATEMENT_TITLE}\n10 February 2023\n\n" + "\n\n".join(STATEMENT_PARAGRAPHS) + "\n"


def statement_pdf(title_in_metadata: bool = False) -> bytes:
    """The two-page statement: a running header, 'Page N of 2' footers, the title in a large font,
    the date on a line of its own, numbered paragraphs, a list, and a paragraph cut by the page break."""
    from fpdf import FPDF

    class Statement(FPDF):
        def header(self):
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, STATEMENT_HEADER, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(10)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Statement(format="A4")
    pdf.set_creation_date(__import__("datetime").datetime(2023, 3, 1, tzinfo=__import__("datetime").timezone.utc))
    if title_in_metadata:
        pdf.set_title(STATEMENT_TITLE)
    pdf.set_auto_page_break(False)
    for number, page in enumerate(STATEMENT_PAGES):
        pdf.add_page()
        if number == 0:
            pdf.set_font("Helvetica", "B", 16)
            pdf.multi_cell(0, 8, STATEMENT_TITLE, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
            pdf.set_font("Helvetica", size=11)
            pdf.cell(0, 5, "10 February 2023", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(6)
        pdf.set_font("Helvetica", size=11)
        for paragraph in page:
            for line in paragraph:
                pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(6)
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A page with shapes and no text: what a scan without OCR looks like to a reader."""
    from fpdf import FPDF
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(90, 90, 90)
    for i in range(12):
        pdf.rect(20, 20 + i * 12, 170, 6, style="F")
    return bytes(pdf.output())


def html_page(base: str, path: str, layout: str, title: str, date: str, paragraphs: list[str]) -> str:
    """An article page in one of three layouts (WordPress-like, news site with JSON-LD, plain)."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    canonical = f'<link rel="canonical" href="{base}{path}">'
    nav = '<nav><a href="/">Home</a> <a href="/news/">News</a></nav>'
    foot = "<footer>Copyright Regional Support Office. Privacy Policy.</footer>"
    if layout == "wordpress":
        return (f'<html><head><title>{title} | RSO</title>{canonical}<meta property="og:title" content="{title}">'
                f'<meta property="article:published_time" content="{date}T09:00:00+07:00"></head><body>{nav}'
                f'<div class="site-content"><article class="post"><h1 class="entry-title">{title}</h1>'
                f'<div class="entry-content">{body}</div></article><aside class="sidebar"><h3>Related</h3>'
                f'<a href="/news/other">Other news</a></aside></div>{foot}</body></html>')
    if layout == "jsonld":
        return (f'<html><head><title>{title}</title>{canonical}<script type="application/ld+json">'
                f'{{"@type": "NewsArticle", "headline": "{title}", "datePublished": "{date}"}}</script></head>'
                f'<body>{nav}<main><article><header><h1>{title}</h1></header>{body}</article></main>{foot}'
                f'</body></html>')
    return (f'<html><head><title>{title}</title>{canonical}</head><body>{nav}<div id="content"><h1>{title}</h1>'
            f'<div class="date">Posted on {date}</div>{body}</div>{foot}</body></html>')


ARTICLES = {
    "/news/rso-consular-training": ("wordpress", "Indonesia and the RSO hold a consular training", "2024-03-11", [
        "The Ministry of Foreign Affairs of Indonesia and the Regional Support Office of the Bali Process held a "
        "consular training in Jakarta on 11 March 2024.",
        "Officials from Thailand, Malaysia and Viet Nam took part in the training on trafficking in persons."]),
    "/news/feed-only-article": ("jsonld", "Fiji hosts a workshop on people smuggling", "2024-04-02", [
        "Fiji hosted a workshop on people smuggling in Suva on 2 April 2024, organised by the Regional Support "
        "Office of the Bali Process.",
        "Participants from Samoa, Tonga and Vanuatu discussed border management."]),
    "/news/listing-article": ("plain", "Thailand and Malaysia meet in Bangkok", "2024-05-06", [
        "Thailand and Malaysia held a bilateral meeting in Bangkok on 6 May 2024 on trafficking in persons.",
        "The International Organization for Migration also attended the meeting."]),
    "/news/retry-later": ("plain", "Viet Nam joins a dialogue on migrant smuggling", "2024-06-10", [
        "Viet Nam joined a dialogue on migrant smuggling organised by UNODC in Bangkok on 10 June 2024."]),
    "/news/flaky": ("jsonld", "Sri Lanka hosts a forum on trafficking", "2024-07-15", [
        "Sri Lanka hosted a forum on trafficking in persons in Colombo on 15 July 2024 with the Regional "
        "Support Office of the Bali Process."]),
    "/private/secret-meeting": ("plain", "A page robots.txt forbids", "2024-01-01", ["Nothing to see."]),
}
CHANGING = "/news/ministerial-declaration"


def changing_article(version: int) -> tuple[str, str, str, list[str]]:
    extra = [] if version == 1 else ["Ministers also agreed to meet again in Bangkok in 2026."]
    return ("wordpress", "Ministers adopt the Adelaide Declaration", "2023-02-10", [
        "Ministers of the Bali Process adopted the Adelaide Declaration on 10 February 2023 in Adelaide, Australia, "
        "co-chaired by Indonesia and Australia."] + extra)


@dataclass
class Hit:
    time: float
    path: str
    status: int
    headers: dict


@dataclass
class Site:
    """The running site: its base URL, the request log, and state the tests change."""

    base: str = ""
    log: list[Hit] = field(default_factory=list)
    version: int = 1
    pdf: bytes = b""
    counts: dict = field(default_factory=dict)
    slow_seconds: float = 1.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def paths(self, status: int | None = None) -> list[str]:
        return [h.path for h in self.log if status is None or h.status == status]


def _sitemap(base: str, paths: list[str]) -> bytes:
    urls = "".join(f"<url><loc>{p if p.startswith('http') else base + p}</loc></url>" for p in paths)
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f'{urls}</urlset>').encode()


def _routes(site: Site) -> dict:
    base = site.base
    return {
        "/robots.txt": ("text/plain", f"User-agent: *\nDisallow: /private/\nCrawl-delay: {CRAWL_DELAY}\n".encode()),
        "/sitemap_index.xml": ("application/xml", (
            f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f'<sitemap><loc>{base}/sitemap-news.xml.gz</loc></sitemap>'
            f'<sitemap><loc>{base}/sitemap-pages.xml</loc></sitemap>'
            f'<sitemap><loc>https://other.example/sitemap.xml</loc></sitemap></sitemapindex>').encode()),
        "/sitemap-news.xml.gz": ("application/gzip", gzip.compress(_sitemap(base, [
            "/news/rso-consular-training", CHANGING, "/private/secret-meeting", "/news/retry-later", "/news/flaky",
            "https://other.example/news/elsewhere"]), mtime=0)),
        "/sitemap-pages.xml": ("application/xml", _sitemap(base, [
            "/statements/co-chairs-statement.pdf", "/news/loop", "/news/huge", "/news/slow"])),
        "/feed.xml": ("application/rss+xml", (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>RSO news</title>'
            f'<item><title>A</title><link>{base}/news/rso-consular-training</link></item>'
            f'<item><title>B</title><link>{base}/news/feed-only-article</link></item></channel></rss>').encode()),
        "/news/": ("text/html", (
            '<html><body><ul><li><a href="/news/rso-consular-training">Training</a></li>'
            f'<li><a href="{CHANGING}">Declaration</a></li><li><a href="/about">About</a></li></ul>'
            '<a class="next page-numbers" href="/news/?page=2">Next</a></body></html>').encode()),
        "/news/?page=2": ("text/html", (
            '<html><body><a href="/news/listing-article">Listing article</a>'
            '<a href="/news/?page=1">Previous</a></body></html>').encode()),
    }


def _handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # quiet
            pass

        def do_GET(self):  # noqa: N802
            hit = Hit(time.monotonic(), self.path, 0, dict(self.headers))
            with site.lock:
                site.log.append(hit)
            try:
                hit.status = self._serve()
            except (BrokenPipeError, ConnectionResetError):
                hit.status = -1  # the client gave up (a time-out)

        def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **headers) -> int:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers.items():
                self.send_header(k.replace("_", "-"), v)
            self.end_headers()
            self.wfile.write(body)
            return status

        def _count(self) -> int:
            with site.lock:
                site.counts[self.path] = site.counts.get(self.path, 0) + 1
                return site.counts[self.path]

        def _serve(self) -> int:
            path = self.path
            routes = _routes(site)
            if path in routes:
                ctype, body = routes[path]
                return self._send(200, body, ctype)
            if path == "/news/retry-later" and self._count() == 1:
                return self._send(429, b"slow down", Retry_After="1")
            if path == "/news/flaky" and self._count() == 1:
                return self._send(500, b"oops")
            if path == "/news/loop":
                return self._send(302, b"", Location="/news/loop-again")
            if path == "/news/loop-again":
                return self._send(302, b"", Location="/news/loop")
            if path == "/news/huge":
                return self._send(200, b"<p>" + b"x" * 300_000 + b"</p>")
            if path == "/news/slow":
                time.sleep(site.slow_seconds)
                return self._send(200, b"<p>late</p>")
            if path == "/statements/co-chairs-statement.pdf":
                return self._conditional(site.pdf, "application/pdf")
            spec = changing_article(site.version) if path == CHANGING else ARTICLES.get(path)
            if spec is None:
                return self._send(404, b"not found")
            return self._conditional(html_page(site.base, path, *spec).encode(), "text/html; charset=utf-8")

        def _conditional(self, body: bytes, ctype: str) -> int:
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                return self._send(304, b"", ctype, ETag=etag)
            return self._send(200, body, ctype, ETag=etag, Last_Modified="Mon, 10 Feb 2025 09:00:00 GMT")

    return Handler


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # a client that hung up (time-out, size limit) is expected
        pass


class SiteServer:
    """Serves a `Site` on 127.0.0.1 (a free port) in a background thread."""

    def __init__(self, site: Site):
        self.site = site
        self.server = _QuietServer(("127.0.0.1", 0), _handler(site))
        site.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> Site:
        self.thread.start()
        return self.site

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
