"""The shell every explorer page shares: one self-contained HTML file with our CSS, a bar of links
to the other pages, the page's data as JSON and its scripts inlined.

Nothing on a page is fetched: the Content-Security-Policy allows no source at all beyond the
page's own inline scripts and styles and data: images. Article-derived text reaches a page only
as JSON data that scripts write as text, or as HTML-escaped text written here.

>>> "<script" in json_for_script({"label": "</script><script>alert(1)</script>"})
False
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["CSP", "Nav", "PageParts", "asset", "json_for_script", "render_page", "write_page"]

ASSETS = Path(__file__).resolve().parent / "assets"
CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:;"


@dataclass(frozen=True)
class Nav:
    """Links to the explorer's pages, relative to the page they sit on; `current` is this page's name."""

    links: tuple[tuple[str, str], ...] = ()
    current: str = ""

    def html(self) -> str:
        if not self.links:
            return ""
        items = "".join(
            f'<a href="{html.escape(href)}"' + (' aria-current="page"' if name == self.current else "")
            + f">{html.escape(name)}</a>" for name, href in self.links)
        return f'<nav id="explorer-nav">{items}</nav>'


@dataclass
class PageParts:
    """What one page puts into the shell."""

    title: str
    body: str
    data: object = None
    scripts: list[str] = field(default_factory=list)
    nav: Nav = field(default_factory=Nav)
    summary: str = ""


def asset(name: str) -> str:
    """The text of a file in kg/assets (CSS, JavaScript), made safe to inline."""
    text = (ASSETS / name).read_text(encoding="utf-8")
    return text.replace("</script", "<\\/script").replace("</style", "<\\/style")


def json_for_script(data) -> str:
    """JSON that cannot close the <script> element it sits in."""
    return (json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_page(parts: PageParts) -> str:
    """The whole page as one string."""
    data = ("" if parts.data is None else
            f'<script id="page-data" type="application/json">{json_for_script(parts.data)}</script>\n')
    scripts = "".join(f"<script>{s}</script>\n" for s in parts.scripts)
    summary = f'<p id="summary">{html.escape(parts.summary)}</p>' if parts.summary else ""
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(parts.title)}</title>\n<style>{asset('explorer.css')}</style>\n</head>\n"
            f"<body>\n<header>{parts.nav.html()}<h1>{html.escape(parts.title)}</h1>{summary}</header>\n"
            f"{parts.body}\n{data}{scripts}</body>\n</html>\n")


def write_page(parts: PageParts, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_page(parts), encoding="utf-8")
    return path
