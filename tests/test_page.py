"""The page shell: one file, no source beyond itself, data that cannot break out of its script."""
import json
import re

from kg.page import CSP, Nav, PageParts, json_for_script, render_page


def test_page_json_cannot_close_its_script():
    text = json_for_script({"label": "</script><script>alert(1)</script>\u2028&"})
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text) == {"label": "</script><script>alert(1)</script>\u2028&"}


def test_page_escapes_title_and_summary():
    html = render_page(PageParts(title="<b>x</b>", summary="a & <i>b</i>", body=""))
    assert "<title>&lt;b&gt;x&lt;/b&gt;</title>" in html
    assert '<p id="summary">a &amp; &lt;i&gt;b&lt;/i&gt;</p>' in html


def test_page_forbids_every_outside_source():
    html = render_page(PageParts(title="t", body=""))
    assert f'content="{CSP}"' in html
    assert CSP.startswith("default-src 'none';") and "unsafe-eval" not in CSP


def test_page_nav_marks_the_current_page():
    nav = Nav((("Overview", "index.html"), ("Map", "map.html")), "Map")
    assert nav.html() == ('<nav id="explorer-nav"><a href="index.html">Overview</a>'
                          '<a href="map.html" aria-current="page">Map</a></nav>')


def test_page_without_nav_draws_none():
    assert not re.search(r"<nav", render_page(PageParts(title="t", body="")))
