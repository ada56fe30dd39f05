"""Links a crawl follows: the entries of a sitemap (or sitemap index, gzipped or not), the items of an
RSS or Atom feed, and the article and next-page links of a listing page. Pure functions of the bytes.

>>> found = page_links("https://x.org/news", b"<a href='/news/a-1'>A</a><a rel='next' href='?page=2'>Next</a>")
>>> found.kind, found.links, found.more
('listing', ('https://x.org/news/a-1',), ('https://x.org/news?page=2',))
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.etree
import lxml.html

__all__ = ["Found", "page_links", "same_site", "normal_url"]

NEXT_TEXT = {"next", "next page", "next »", "next ›", "»", "›", "older posts", "older entries", "older", "more",
             "load more", "next >", ">"}
MAX_XML = 50 * 1024 * 1024  # a sitemap holds at most 50 MB uncompressed


@dataclass(frozen=True)
class Found:
    """What a discovery page gives: its kind, candidate article links and further pages to read."""

    kind: str                      # sitemap, feed, listing
    links: tuple[str, ...]
    more: tuple[str, ...] = ()


def normal_url(url: str) -> str:
    """The URL without its fragment, with a path of at least "/"."""
    url = urldefrag(url.strip())[0]
    parts = urlsplit(url)
    return url if parts.path else parts._replace(path="/").geturl()


def _site(url: str) -> tuple[str, int | None]:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    return host.removeprefix("www."), parts.port


def same_site(url: str, other: str) -> bool:
    """Same host (with or without "www.") and port."""
    return urlsplit(url).scheme in ("http", "https") and _site(url) == _site(other)


def _gunzip(data: bytes) -> bytes:
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        out = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, MAX_XML)
    except zlib.error as exc:
        raise ValueError(f"the gzip data is damaged ({exc})") from exc
    return out


def _xml_root(data: bytes):
    parser = lxml.etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        return lxml.etree.fromstring(data, parser)
    except lxml.etree.XMLSyntaxError:
        return None


def _local(root, path: str) -> list[str]:
    return [" ".join(str(v).split()) for v in root.xpath(path) if str(v).strip()]


def _xml_links(url: str, root) -> Found | None:
    name = lxml.etree.QName(root).localname.lower()
    if name == "urlset":
        return Found("sitemap", tuple(_local(root, "//*[local-name()='url']/*[local-name()='loc']/text()")))
    if name == "sitemapindex":
        return Found("sitemap", (), tuple(_local(root, "//*[local-name()='sitemap']/*[local-name()='loc']/text()")))
    if name in ("rss", "rdf"):
        return Found("feed", tuple(_local(root, "//*[local-name()='item']/*[local-name()='link']/text()")))
    if name == "feed":
        hrefs = _local(root, "//*[local-name()='entry']/*[local-name()='link']"
                             "[not(@rel) or @rel='alternate']/@href")
        return Found("feed", tuple(urljoin(url, h) for h in hrefs))
    return None


def _next_links(doc) -> list[str]:
    found = doc.xpath("//link[@rel='next']/@href | //a[@rel='next']/@href | "
                      "//a[contains(concat(' ', normalize-space(@class), ' '), ' next ')]/@href | "
                      "//*[contains(concat(' ', normalize-space(@class), ' '), ' next ')]/a/@href")
    for a in doc.iter("a"):
        if " ".join(a.text_content().split()).casefold() in NEXT_TEXT and a.get("href"):
            found.append(a.get("href"))
    return found


def _unique(urls) -> tuple[str, ...]:
    return tuple(dict.fromkeys(urls))


def page_links(url: str, data: bytes) -> Found:
    """The links of the sitemap, feed or HTML listing page `data` fetched from `url`, made absolute."""
    data = _gunzip(data)
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if head.startswith(b"<?xml") or re.match(rb"<(urlset|sitemapindex|rss|feed|rdf:rdf)\b", head):
        root = _xml_root(data)
        found = _xml_links(url, root) if root is not None else None
        if found is not None:
            return Found(found.kind, _unique(map(normal_url, found.links)), _unique(map(normal_url, found.more)))
    try:
        doc = lxml.html.document_fromstring(data)
    except (lxml.etree.ParserError, ValueError):
        return Found("listing", ())
    doc.make_links_absolute(url, resolve_base_href=True, handle_failures="discard")
    more = _unique(normal_url(h) for h in _next_links(doc))
    links = _unique(normal_url(h) for h in doc.xpath("//a/@href") if not h.startswith(("mailto:", "javascript:")))
    return Found("listing", tuple(link for link in links if link not in more), more)
