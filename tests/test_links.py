"""Links a crawl follows, from sitemaps, feeds and listing pages (kg.links)."""
import gzip

from kg.links import page_links, same_site

BASE = "https://rso.example.org"


def test_links_sitemap_index_gives_sitemaps_to_read():
    data = (b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b'<sitemap><loc>https://rso.example.org/news.xml.gz</loc></sitemap></sitemapindex>')
    found = page_links(BASE + "/sitemap.xml", data)
    assert (found.kind, found.links, found.more) == ("sitemap", (), (BASE + "/news.xml.gz",))


def test_links_gzipped_sitemap_gives_its_urls():
    data = gzip.compress(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> '
                         b'https://rso.example.org/news/a#top </loc></url></urlset>')
    assert page_links(BASE + "/news.xml.gz", data).links == (BASE + "/news/a",)


def test_links_atom_feed_gives_entry_links():
    data = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>'
            b'<link rel="alternate" href="/news/b"/><link rel="edit" href="/edit/b"/></entry></feed>')
    found = page_links(BASE + "/feed.atom", data)
    assert (found.kind, found.links) == ("feed", (BASE + "/news/b",))


def test_links_xml_entities_are_not_expanded():
    data = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<urlset><url><loc>https://rso.example.org/&x;</loc></url></urlset>')
    assert all("root:" not in link for link in page_links(BASE + "/s.xml", data).links)


def test_links_same_site_ignores_www_but_not_the_port():
    assert same_site("https://www.rso.example.org/a", BASE + "/b")
    assert not same_site("https://rso.example.org:8443/a", BASE + "/b")
    assert not same_site("mailto:x@rso.example.org", BASE)
