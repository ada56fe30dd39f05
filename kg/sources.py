"""Read article files into `Article`s: one reader per suffix.

Readers keep the title, date, URL, category and the article body only;
navigation, headers, footers, scripts, sidebars and "More News Articles"
teaser blocks are dropped. Bad input raises `SourceError` naming the file.

>>> article = read_article("data/articles/2024-03-11-indonesia-rso-consular-training.txt")
>>> article.date, article.category
('2024-03-11', 'Event')
"""
from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import lxml.etree
import lxml.html
import trafilatura
import yaml
from dateutil import parser as date_parser

from .errors import SourceError
from .extract.words import WORDS
from .layout import Frame, dateline_date, read_frame_line, read_header_lines
from .lexicon import slugify
from .model import Article
from .nesting import bracket_depth

__all__ = ["SUFFIXES", "MAX_BYTES", "read_article", "read_articles", "iter_source_files",
           "parse_date", "article_stem", "read_capture", "url_stem", "source_suffix"]

SUFFIXES = (".txt", ".html", ".htm", ".md", ".markdown", ".jsonl", ".pdf", ".warc", ".warc.gz")
MAX_BYTES = 16 * 1024 * 1024
PDF_MAX_BYTES = 64 * 1024 * 1024
TEASER_MARKERS = re.compile(r"^\s*(?:(More News Articles|Related (News|Articles|Posts|Stories)|Read more news|"
                            r"You may also like|Latest News|Other News|Read more|See also)\s*:?\s*$|"
                            r"(?:Share this|Share on|Tags|Reporter|Editor|Writer|Translator|Photo|Photographer|"
                            r"Media contacts?|Media enquiries|Copyright)\s*:)", re.I)
PAGE_LABELS = frozenset(WORDS["page_labels"])
DATE_LINE = re.compile(r"^\s*(?:(?:Posted|Published)(?:\s+on)?:?\s+)?"
                       r"(\d{1,2}\s+[A-Za-z]+\.?,?\s+\d{4}|[A-Za-z]+\.?\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2})"
                       r"(?:\s+by\s+[^|•·–]+?)?\s*(?:[|•·–-]\s*(.+?))?\s*$")
# "Jane Roe, The Daily, Nusa Dua | Tue, 03/29/2011": a byline, then the date after a bar
BYLINE_DATE = re.compile(r"^[^|•·]{3,160}?\s*[|•·]\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
                         r"(\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+[A-Za-z]+\.?,?\s+\d{4}|[A-Za-z]+\.?\s+\d{1,2},\s+\d{4})\s*$")
# "Media release | 14 April 2009 | AA 09/041": a page label, the date, maybe a reference number
LABELLED_DATE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{2,30}?)\s*[|•·]\s*(\d{1,2}\s+[A-Za-z]+\.?,?\s+\d{4}|"
                           r"[A-Za-z]+\.?\s+\d{1,2},\s+\d{4})\s*(?:[|•·]\s*[^|•·]{1,30})?\s*$")
BINARY_MAGIC = {b"\x89PNG": "a PNG image", b"%PDF": "a PDF document", b"\x1f\x8b": "gzip data",
                b"PK\x03\x04": "a ZIP archive", b"\xff\xd8\xff": "a JPEG image",
                b"GIF8": "a GIF image", b"\x7fELF": "an executable"}
BOILERPLATE_TAGS = ("script", "style", "noscript", "nav", "footer", "aside", "form", "iframe",
                    "svg", "button", "template", "header", "menu", "dialog")
BOILERPLATE_CLASS = re.compile(r"(^|[\s_-])(nav|menu|sidebar|widget|footer|share|social|breadcrumbs?|"
                               r"related|comments?|newsletter|cookie|banner|advert|skip-link|"
                               r"subscribe|masthead|site-header|entry-meta|tags|pagination)($|[\s_-])", re.I)
BLOCK_TAGS = {"p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt", "td", "figcaption"}


def parse_date(text: str | None) -> str | None:
    """An ISO date from a date or datetime string, or None.

    >>> parse_date("02 May 2024"), parse_date("2024-05-02T09:00:00+07:00")
    ('2024-05-02', '2024-05-02')
    """
    if not text or not str(text).strip():
        return None
    if isinstance(text, date):
        return text.isoformat()[:10]
    text = str(text).strip()
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})", text)
    try:
        if iso:
            return date(*map(int, iso.groups())).isoformat()
        return date_parser.parse(text, dayfirst=True, fuzzy=False).date().isoformat()
    except (ValueError, OverflowError):
        return None


def _decode(path: Path, raw: bytes) -> tuple[str, tuple[str, ...]]:
    """Text of `raw`: UTF-8, else cp1252, else latin-1 (with a note saying so)."""
    if not raw.strip():
        raise SourceError(path, "the file is empty; nothing to read")
    for magic, what in BINARY_MAGIC.items():
        if raw.startswith(magic):
            hint = "name it .pdf" if magic == b"%PDF" else "convert it to .txt, .html or .md"
            raise SourceError(path, f"the file holds {what}, not text; {hint}")
    for bom, codec in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                       (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(codec.lower()), (f"decoded as {codec} (not UTF-8)",)
            except UnicodeDecodeError as exc:
                raise SourceError(path, f"the file starts as {codec} but is not valid {codec}") from exc
    if b"\x00" in raw[:8192]:
        raise SourceError(path, "the file holds binary data (NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), ("decoded as cp1252 (not UTF-8)",)
    except UnicodeDecodeError:
        return raw.decode("latin-1"), ("decoded as latin-1 (not UTF-8)",)


LINE_BREAKS = re.compile("[\u2028\u2029\u0085\x1c\x1d\x1e]")  # breaks a line for str.splitlines, not for N-Quads


def _clean(text: str) -> str:
    text = LINE_BREAKS.sub(" ", text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", ""))
    return re.sub(r"[ \t\r\f\v]+", " ", text).strip()


def _join(paragraphs: list[str]) -> str:
    return "\n\n".join(p for p in (_clean(x) for x in paragraphs) if p)


def _digest(title: str, text: str) -> str:
    return hashlib.sha256(f"{title}\n{text}".encode("utf-8")).hexdigest()


FRAME_LINES = 3  # how many opening paragraphs may be date and place lines
HEADER_LINES = 12  # how many opening lines may hold a statement's heading
RULE_LINE = re.compile(r"^\s*([-=_*~#])\1{3,}\s*$")


def _read_frame(paragraphs: list[str], frame: Frame, lines: tuple[str, ...] = ()) -> tuple[list[str], Frame]:
    """The body's paragraphs and the event frame their opening date and place lines print.

    Frame lines stay in the body, so that the facts they give have a sentence to cite; lines
    the page prints outside the article body (`lines`) are put before it.
    """
    kept = [p for p in (_clean(x) for x in paragraphs) if p]
    kept = [line for line in (_clean(x) for x in lines) if line and line not in kept] + kept
    date_, place = frame.date, frame.place
    for i, paragraph in enumerate(kept[:HEADER_LINES]):
        line = read_frame_line(paragraph)
        if i >= FRAME_LINES + len(lines) and not paragraph.startswith("|") and not (line and line.date and line.place):
            continue  # further down, only the rows of a fact table and lines of both place and date
        if line is not None:
            date_, place = date_ or line.date, place or line.place
    header = read_header_lines(kept[:HEADER_LINES])
    if header is not None:
        date_, place = date_ or header.date, place or header.place
    return kept, Frame(date_, place)


def _article(path: Path, fmt: str, title: str, date_: str | None, url: str | None,
             category: str | None, paragraphs: list[str], notes: tuple[str, ...], stem: str | None = None,
             frame: Frame = Frame(), frame_lines: tuple[str, ...] = ()) -> Article:
    title = _clean(title or "")
    paragraphs, frame = _read_frame([p for p in paragraphs if _clean(p) != title], frame, frame_lines)
    text = _join(paragraphs)
    if not text:
        raise SourceError(path, "no article body found (only navigation, headers or teasers)")
    date_ = date_ or next((d for d in map(dateline_date, paragraphs[:FRAME_LINES + 1]) if d), None)
    if not date_ and (date_ := file_name_date(stem or path.stem)):
        notes = notes + ("publication date taken from the file name",)
    if not date_:
        notes = notes + ("no publication date found; dates without a year are left open",)
    return Article(str(path), article_stem(stem or path.stem, str(path)), fmt, title, date_, url, category, text,
                   _digest(title, text), notes, frame.date, frame.place)


STEM_LENGTH = 100
NAME_DATE = re.compile(r"^((?:19|20)\d\d)[-_]?(0[1-9]|1[0-2])[-_]?(0[1-9]|[12]\d|3[01])(?!\d)")


def file_name_date(name: str) -> str | None:
    """The date a file's name starts with, as researchers name saved pages ("2024-03-11-rso-training").

    >>> file_name_date("2024-03-11-rso-training"), file_name_date("20240311_notes"), file_name_date("report-2024")
    ('2024-03-11', '2024-03-11', None)
    """
    m = NAME_DATE.match(name)
    return parse_date("-".join(m.groups())) if m else None


def article_stem(name: str, source: str) -> str:
    """The article's name in the graph: the file name where it is a faithful IRI segment, else
    its slug with a short digest of the source, so that no two sources share one.

    >>> article_stem("2024-03-11-rso-training", "a/2024-03-11-rso-training.txt")
    '2024-03-11-rso-training'
    >>> article_stem("東京", "a/東京.txt") != article_stem("ملف", "b/ملف.txt")
    True
    """
    slug = slugify(name, STEM_LENGTH)
    if slug == name.casefold() and len(name) <= STEM_LENGTH:
        return name
    return f"{slug}-{hashlib.sha256(source.encode('utf-8', 'surrogatepass')).hexdigest()[:10]}"


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank-line separated paragraphs; a line of its own stays a paragraph, and so do date and place
    lines wherever they stand ("Nusa Dua, Bali, Indonesia" above "14-15 April 2009", "Date: 1 June 2012 |
    Venue: Bali" over a bulletin's section); a rule of dashes breaks a paragraph."""
    out: list[str] = []
    current: list[str] = []
    header = read_header_lines(lines[:HEADER_LINES])
    width = max((len(line.rstrip()) for line in lines), default=0)
    for i, line in enumerate(lines):
        if RULE_LINE.match(line):  # "--------" between the sections of a bulletin: a break, not text
            if current:
                out.append(" ".join(current))
                current = []
            continue
        if (header is not None and " ".join(line.split()) in (header.place, header.date)) or (
                line.strip() and read_frame_line(line) is not None):
            if current:
                out.append(" ".join(current))
                current = []
            out.append(line.strip())
        elif not current and _is_heading(line, lines[i + 1] if i + 1 < len(lines) else "", width):
            out.append(line.strip())
        elif line.strip():
            current.append(line.strip())
        elif current:
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return out


HEADING_SHARE = 0.6  # of the text's longest line: a shorter line that opens a paragraph may be a heading
HEADING_END = re.compile(r"[.,;:!?\-–—(]$|\b(?:a|an|and|at|by|for|from|in|of|on|or|the|to|with)$", re.I)


def _is_heading(line: str, following: str, width: int) -> bool:
    """A short line over the first line of a paragraph, ending as no sentence does, is a heading of
    its own (">> 16 May: Annual meeting" over "On the Wednesday, the group met …"); a hard-wrapped
    line is as long as the text's others.

    >>> _is_heading(">> 16 May: Annual meeting", "On the Wednesday, the group met in Bangkok.", 90)
    True
    >>> _is_heading("The group met in Bangkok on", "Wednesday to review its plan.", 30)
    False
    """
    text, nxt = line.strip(), following.strip()
    return bool(text) and len(text) < HEADING_SHARE * width and (nxt[:1].isupper() or nxt[:1].isdigit()) \
        and not HEADING_END.search(text)


def _read_txt(path: Path, text: str, notes) -> Article:
    lines = text.splitlines()
    if lines and lines[0].lstrip().lower().startswith("you are reading"):
        lines = lines[1:]
    date_, category, start = None, None, 0
    for i, line in enumerate(lines[:6]):
        byline = BYLINE_DATE.match(line) if i else None
        if byline and parse_date(byline.group(1)):
            date_, start = parse_date(byline.group(1)), i + 1
            break
        labelled = LABELLED_DATE.match(line)
        if labelled and labelled.group(1).casefold() in PAGE_LABELS and parse_date(labelled.group(2)):
            date_, category, start = parse_date(labelled.group(2)), labelled.group(1), i + 1
            break
        m = DATE_LINE.match(line)
        if m and parse_date(m.group(1)):
            # "30 March, 2011 | Source: Ministry of …": a labelled field after the date is no category
            label = m.group(2) if m.group(2) and ":" not in m.group(2) else None
            date_, category, start = parse_date(m.group(1)), label, i + 1
            break
    before = [line.strip() for line in lines[:max(start - 1, 0)] if line.strip()]
    labels = [line for line in before if line.casefold().strip(" :") in PAGE_LABELS]
    if labels and len(labels) < len(before):  # "Title / Media release / date line": the label is no title
        before = [line for line in before if line not in labels]
        category = category or labels[0]
    body = lines[start:]
    while body and not body[0].strip():
        body = body[1:]
    if before:
        # "Title / date line / body" (a page copied from the top)
        title = before[-1]
        if body and body[0].strip() == title:
            body = body[1:]
    else:
        # "date line / title / body" (the RSO's layout)
        title = body[0].strip() if body else ""
        body = body[1:]
    for i, line in enumerate(body):
        if TEASER_MARKERS.match(line):
            body = body[:i]
            break
    return _article(path, "txt", title, date_, None, category, _paragraphs(body), notes)


MD_INLINE = [(re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""), (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
             (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"), (re.compile(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])"), r"\1"),
             (re.compile(r"`([^`]*)`"), r"\1")]


def _strip_markdown(line: str) -> str:
    line = re.sub(r"^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)", "", line)
    for pattern, repl in MD_INLINE:
        line = pattern.sub(repl, line)
    return line


FRONT_MATTER_BYTES = 64 * 1024


FRONT_MATTER_DEPTH = 16


def _nesting(block: str) -> int:
    r"""How deep YAML text nests, by brackets and by indentation in steps of two characters
    ("- " counts as indentation).

    >>> _nesting("title: [a, [b]]"), _nesting("tags:\n  - - x")
    (2, 3)
    """
    deepest = bracket_depth(block, "[{", "]}")
    for line in block.split("\n"):
        deepest = max(deepest, (len(line) - len(line.lstrip(" -"))) // 2)
    return deepest


def _front_matter(path: Path, block: str) -> dict:
    """The YAML front matter, refused when it is large or uses aliases (a few hundred bytes of
    aliases can expand to gigabytes)."""
    if len(block.encode("utf-8", "surrogatepass")) > FRONT_MATTER_BYTES:
        raise SourceError(path, f"the YAML front matter is over {FRONT_MATTER_BYTES // 1024} KiB; keep only "
                                "title, date, url and category there")
    if _nesting(block) > FRONT_MATTER_DEPTH:  # the YAML parser takes time in the square of the depth
        raise SourceError(path, "the YAML front matter nests lists or mappings too deeply; keep only "
                                "title, date, url and category there")
    if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(block, Loader=yaml.SafeLoader)):
        raise SourceError(path, "the YAML front matter uses aliases (*name); write the values out instead")
    try:
        return yaml.safe_load(block) or {}
    except RecursionError as exc:
        raise SourceError(path, "the YAML front matter nests lists or mappings too deeply; keep only "
                                "title, date, url and category there") from exc


def _read_md(path: Path, text: str, notes) -> Article:
    meta: dict = {}
    m = re.match(r"^---\s*\n(.*?)\n---\s*(\n|$)", text, re.S)
    if m:
        try:
            meta = _front_matter(path, m.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (line {mark.line + 2})" if mark else ""
            raise SourceError(path, f"the YAML front matter is malformed{where}; fix it or remove the --- block") from exc
        if not isinstance(meta, dict):
            raise SourceError(path, "the YAML front matter is not a mapping of keys to values")
        _check_fields(path, meta)
        text = text[m.end():]
    lines = text.splitlines()
    title = str(meta.get("title") or "")
    body_lines = []
    for line in lines:
        if TEASER_MARKERS.match(_strip_markdown(line)):
            break
        h1 = re.match(r"^#\s+(.+)$", line)
        if h1 and (not title or _clean(h1.group(1)) == _clean(title)):
            title = title or h1.group(1)
            continue
        # each list item and heading is a paragraph of its own
        if re.match(r"^\s{0,3}(#{1,6}\s|[-*+]\s|\d+[.)]\s)", line):
            body_lines.extend(["", _strip_markdown(line), ""])
        else:
            body_lines.append(_strip_markdown(line))
    published = next((meta[k] for k in ("date", "published", "pubDate", "publishDate", "date_published")
                      if meta.get(k)), None)
    return _article(path, "md", title, parse_date(published), meta.get("url") or meta.get("link"),
                    _category(meta), _paragraphs(body_lines), notes)


TEXT_FIELDS = ("title", "url", "link", "category", "id")


def _check_fields(where, record: dict) -> None:
    """Metadata fields hold text (a date may also be a YAML date; categories a list of text)."""
    for name in TEXT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise SourceError(where, f"the field {name!r} must be text, not {type(value).__name__} ({value!r:.40}); "
                                     "quote it or remove it")
    for name in ("date", "published", "pubDate", "publishDate", "date_published"):
        value = record.get(name)
        if value is not None and not isinstance(value, (str, date)):
            raise SourceError(where, f"the field {name!r} must be a date such as 2024-03-11, not {value!r:.40}")
    categories = record.get("categories")
    if categories is not None and not (isinstance(categories, str) or
                                       (isinstance(categories, list) and all(isinstance(c, str) for c in categories))):
        raise SourceError(where, "the field 'categories' must be text or a list of text")


def _category(meta: dict) -> str | None:
    """`category: Event`, or the first of `categories: [News, Publications]`."""
    value = meta.get("category") or meta.get("categories")
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value) if value else None


def _meta(doc, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            found = doc.xpath(f"//meta[@{attr}=$n]/@content", n=name)
            if found and found[0].strip():
                return found[0].strip()
    return None


VISIBLE_DATE = re.compile(r"\b(\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2})\b")


def _visible_date(doc) -> str | None:
    """A date printed in an element whose class or id says it is the date ("Posted on 15 March 2021")."""
    for el in doc.xpath("//*[contains(translate(@class, 'DATE', 'date'), 'date') or "
                        "contains(translate(@id, 'DATE', 'date'), 'date') or "
                        "contains(@class, 'published') or contains(@class, 'posted')]"):
        m = VISIBLE_DATE.search(el.text_content())
        if m and parse_date(m.group(1)):
            return parse_date(m.group(1))
    return None


def _text_blocks(element) -> list[str]:
    """Block-level texts of `element` in document order, without nesting twice."""
    blocks = []
    for el in element.iter():
        if not isinstance(el.tag, str) or el.tag not in BLOCK_TAGS:
            continue
        if any(isinstance(a.tag, str) and a.tag in BLOCK_TAGS for a in el.iterancestors()):
            continue
        text = el.text_content()
        if text.strip():
            blocks.append(text)
    return blocks


def _main_container(doc):
    """The element holding the article body: the block-richest candidate."""
    best, best_score = None, 0
    for el in doc.iter():
        if not isinstance(el.tag, str) or el.tag not in {"article", "main", "div", "section", "body"}:
            continue
        direct = sum(len(c.text_content()) for c in el if isinstance(c.tag, str) and c.tag in BLOCK_TAGS)
        if direct > best_score:
            best, best_score = el, direct
    return best


OUTSIDE_ARTICLE = re.compile(r"(^|[\s_-])(related|sidebar|widget|teaser|more-news|footer|nav|menu)($|[\s_-])", re.I)
FRAME_TAGS = ("p", "div", "span", "li", "dd", "time", "h2", "h3", "h4", "h5", "h6")


def _html_frame(doc) -> tuple[Frame, tuple[str, ...]]:
    """The first date and place lines printed outside the prose ("Location: Perth Date: …"), and their text."""
    date_, place, lines = None, None, []
    for el in doc.iter(*FRAME_TAGS):
        text = " ".join(el.text_content().split())
        if not text or len(text) > 200 or any(
                a.tag in ("aside", "nav", "footer") or OUTSIDE_ARTICLE.search(f"{a.get('class', '')} {a.get('id', '')}")
                for a in el.iterancestors() if isinstance(a.tag, str)):
            continue
        line = read_frame_line(text)
        if line is not None and (line.place or re.match(r"^\W*(?:event\s+)?(?:date|dates|when)\s*:", text, re.I)):
            if (line.date and not date_) or (line.place and not place):
                lines.append(text)
            date_, place = date_ or line.date, place or line.place
        if date_ and place:
            break
    return Frame(date_, place), tuple(lines)


def _linked_data(doc, key: str) -> str | None:
    """The first `key` in the page's JSON-LD blocks ("datePublished" of a NewsArticle)."""
    def find(node):
        if isinstance(node, dict):
            if isinstance(node.get(key), str):
                return node[key]
            node = list(node.values())
        if isinstance(node, list):
            return next((v for v in map(find, node) if v), None)
        return None

    for block in doc.xpath("//script[@type='application/ld+json']/text()"):
        try:
            found = find(json.loads(block))
        except (ValueError, RecursionError):
            continue  # not JSON, or nested past reading
        if found:
            return found
    return None


def _html_metadata(doc, path: Path) -> tuple[str | None, str | None, str | None, str | None]:
    """Title, publication date, URL and category from the page's metadata and markup."""
    title = (_meta(doc, "og:title", "twitter:title") or
             next((h.text_content() for h in doc.iter("h1")), None))
    date_ = parse_date(_meta(doc, "article:published_time", "datePublished", "date", "dc.date"))
    if not date_:
        date_ = parse_date(_linked_data(doc, "datePublished"))
    if not date_:
        times = doc.xpath("//time/@datetime")
        date_ = parse_date(times[0]) if times else None
    if not date_:
        date_ = _visible_date(doc)
    url = _meta(doc, "og:url") or next(iter(doc.xpath("//link[@rel='canonical']/@href")), None)
    return title, date_, url, _meta(doc, "article:section")


NEVER_BODY = ("script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "svg", "template",
              "menu", "dialog")


LAYOUT_BLOCKS = frozenset({"p", "div", "ul", "ol", "dl", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table"})
TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")


def _unwrap_layout_tables(doc) -> None:
    """Tables that lay out a page (a cell holding paragraphs, lists or headings) become plain
    blocks, so their text reads as prose and lists; a table of data (cells of text) stays one.

    >>> doc = lxml.html.fromstring("<div><table><tr><td><p>a</p><ul><li>b</li></ul></td></tr></table>"
    ...                            "<table><tr><td>x</td><td>y</td></tr></table></div>")
    >>> _unwrap_layout_tables(doc)
    >>> [el.tag for el in doc.iter()].count("table")
    1
    """
    for table in reversed(list(doc.iter("table"))):  # inner tables first
        own = [el for el in table.iter(*TABLE_PARTS) if el is table or (el.tag != "table" and _table_of(el) is table)]
        cells = [el for el in own if el.tag in {"td", "th"}]
        if any(d.tag in LAYOUT_BLOCKS and _table_of(d) is table for c in cells for d in c.iterdescendants()
               if isinstance(d.tag, str)):
            for el in own:
                el.tag = "div"


def _table_of(el):
    return next(el.iterancestors("table"), None)


def _main_text(doc) -> tuple[list[str], object]:
    """The article's paragraphs and metadata by trafilatura (a maintained main-text extractor,
    evaluated across many sites), given the page without the elements that are never the body
    and with its layout tables unwrapped; list items lose their bullet."""
    doc = copy.deepcopy(doc)
    for el in list(doc.iter(*NEVER_BODY)):
        if el.getparent() is not None:
            el.drop_tree()
    _unwrap_layout_tables(doc)
    found = trafilatura.bare_extraction(doc, with_metadata=True, include_comments=False,
                                        include_tables=True, deduplicate=False, favor_recall=True)
    body = (getattr(found, "text", None) if found is not None else None) or ""
    return [re.sub(r"^\s*[-*•]\s+", "", line) for line in body.split("\n")], found


# container elements whose end tag HTML requires, so their depth can be counted from the tags alone
CONTAINER_TAG = re.compile(r"<(/?)(?:div|span|section|article|main|font|center|blockquote|b|i|em|strong)\b[^>]*>", re.I)
NESTING_LIMIT = 200  # libxml2 stops reading a page nested past 256 levels


def _flatten_deep_nesting(text: str, limit: int = NESTING_LIMIT) -> str:
    """The page with container tags nested past `limit` levels dropped, their text kept: a page of
    10,000 nested <div>s would otherwise lose its body.

    >>> _flatten_deep_nesting("<div><div><p>x</p></div></div>", limit=1)
    '<div><p>x</p></div>'
    """
    depth = deepest = 0
    for m in CONTAINER_TAG.finditer(text):
        depth += -1 if m.group(1) else 1
        deepest = max(deepest, depth)
    if deepest <= limit:
        return text
    depth = 0

    def keep(m: re.Match) -> str:
        nonlocal depth
        if m.group(1):
            depth -= 1
            return m.group() if depth < limit else ""
        depth += 1
        return m.group() if depth <= limit else ""
    return CONTAINER_TAG.sub(keep, text)


def _read_html(path: Path, text: str, notes) -> Article:
    try:
        doc = lxml.html.document_fromstring(_flatten_deep_nesting(text))
    except (lxml.etree.ParserError, ValueError) as exc:
        raise SourceError(path, f"the HTML cannot be parsed ({exc})") from exc
    title, date_, url, category = _html_metadata(doc, path)
    frame, frame_lines = _html_frame(doc)
    paragraphs, found = _main_text(doc)
    if found is not None:  # trafilatura's Document
        title = title or getattr(found, "title", None)
        date_ = date_ or parse_date(getattr(found, "date", None))
        category = category or next(iter(getattr(found, "categories", None) or []), None)
    if not any(p.strip() for p in paragraphs):
        fallback_title, paragraphs = _fallback_blocks(doc)
        title = title or fallback_title
    title = title or next((t.text_content() for t in doc.iter("title")), "")
    for i, block in enumerate(paragraphs):
        if TEASER_MARKERS.match(block):
            paragraphs = paragraphs[:i]
            break
    return _article(path, "html", title, date_, url, category, paragraphs, notes, frame=frame,
                    frame_lines=frame_lines)


def _fallback_blocks(doc) -> tuple[str | None, list[str]]:
    """Our own reader, where trafilatura finds no text: boilerplate dropped by tag and class,
    then the block-richest container; a page without h1 is named by its own h2/h3."""
    for el in list(doc.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        cls = f"{el.get('class', '')} {el.get('id', '')}"
        if el.tag in BOILERPLATE_TAGS or el.tag == "h1" or BOILERPLATE_CLASS.search(cls):
            el.drop_tree()
    container = _main_container(doc)
    title = None
    if container is not None:
        heading = next((h for h in container.iter("h2", "h3") if 0 < len(h.text_content().strip()) < 200), None)
        if heading is not None:
            title = heading.text_content()
            heading.drop_tree()
    return title, (_text_blocks(container) if container is not None else [])


def _jsonl_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Lines of a JSONL file, read one at a time (any file size, bounded memory)."""
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if len(raw) > MAX_BYTES:
                raise SourceError(f"{path}:{number}", "the line is over the size limit for one article")
            try:
                yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield number, raw.decode("cp1252", errors="replace")


def _unicode(value):
    """A JSON string with its escaped lone surrogates ("\\ud800") made U+FFFD, so it can be written as UTF-8."""
    if not isinstance(value, str):
        return value
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _read_jsonl(path: Path, notes=()) -> Iterator[Article | SourceError]:
    for number, line in _jsonl_lines(path):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SourceError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield SourceError(where, "the record nests lists or objects too deeply; give title, date, url and "
                                     "text as plain values")
            continue
        if isinstance(record, dict):
            record = {k: _unicode(v) for k, v in record.items()}
        if not isinstance(record, dict) or not str(record.get("text") or "").strip():
            yield SourceError(where, "the record has no 'text'; each line needs title, date, url, text")
            continue
        try:
            _check_fields(where, record)
        except SourceError as exc:
            yield exc
            continue
        stem = record.get("id") or f"{path.stem}-{number}"
        paragraphs = re.split(r"\n\s*\n", str(record["text"]))
        try:
            yield _article(path, "jsonl", str(record.get("title") or ""), parse_date(record.get("date")),
                           record.get("url"), record.get("category"), paragraphs, notes,
                           stem=re.sub(r"[^\w.-]+", "-", str(stem)))
        except SourceError as exc:
            yield SourceError(where, exc.problem)


def source_suffix(path: str | Path) -> str:
    """The suffix that chooses the reader: ".warc.gz" for a compressed web archive, else the last one."""
    name = Path(path).name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else Path(name).suffix


DATE_ONLY = re.compile(r"^\W*(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
                       r"(\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+[A-Za-z]+\.?,?\s+\d{4}|[A-Za-z]+\.?\s+\d{1,2},\s+\d{4}|"
                       r"\d{4}-\d{2}-\d{2})\W*$")


def _printed_date(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """The date a document prints on a line of its own near its top, and the paragraphs without that line."""
    for i, paragraph in enumerate(paragraphs[:FRAME_LINES + 1]):
        m = DATE_ONLY.match(paragraph)
        found = parse_date(re.sub(r"^(\d{1,2})\s*[-–]\s*\d{1,2}", r"\1", m.group(1))) if m else None
        if found:
            return found, paragraphs[:i] + paragraphs[i + 1:]
    return None, paragraphs


def _read_pdf(path: Path, data: bytes, notes: tuple[str, ...] = (), stem: str | None = None) -> Article:
    """A PDF document (kg.pdf): its title, then the date printed at its top, in a dateline, or in its metadata."""
    from .pdf import read_pdf
    document = read_pdf(str(path), data)
    date_, paragraphs = _printed_date(list(document.paragraphs))
    date_ = date_ or next((d for d in map(dateline_date, paragraphs[:FRAME_LINES + 1]) if d), None)
    if not date_ and document.metadata_date:
        date_ = document.metadata_date
        notes = notes + ("the date is the PDF's creation date (none is printed on its first page)",)
    return _article(path, "pdf", document.title, date_, None, None, paragraphs, notes, stem=stem)


URL_SUFFIX = re.compile(r"\.(?:html?|php\d?|aspx?|jsp|pdf|txt|xhtml)$", re.I)
GENERIC_SEGMENT = re.compile(r"^(?:\d+|index|default|view|article|page|content|post|item|details?|show|read)$", re.I)


def url_stem(url: str) -> str:
    """An article's name from its URL: the last path segment without its suffix (with the one
    before it when that is a number or a generic word), and the query, if any.

    >>> url_stem("https://rso.baliprocess.net/news/rso-training.html"), url_stem("https://x.org/news/1234?p=2")
    ('rso-training', 'news-1234-p-2')
    """
    from urllib.parse import unquote, urlsplit
    parts = urlsplit(url)
    segments = [unquote(s) for s in parts.path.split("/") if s]
    if not segments:
        return slugify(parts.hostname or "home", STEM_LENGTH) or "home"
    name = URL_SUFFIX.sub("", segments[-1])
    if (GENERIC_SEGMENT.match(name) or not name) and len(segments) > 1:
        name = f"{segments[-2]}-{name}" if name else segments[-2]
    if parts.query:
        name = f"{name}-{parts.query}"
    return name if name == slugify(name, STEM_LENGTH) else slugify(name, STEM_LENGTH) or "page"


def read_capture(capture) -> Article:
    """The article in a web capture (a `kg.archive.Capture`), read like the file it would be saved as;
    named after its URL, and its URL kept when the page names none."""
    where = f"{capture.warc}#{capture.url}"
    name = url_stem(capture.url)
    suffix = {"application/pdf": ".pdf", "text/plain": ".txt"}.get(capture.content_type, ".html")
    try:
        if suffix == ".pdf":
            article = _read_pdf(Path(name + suffix), capture.body)
        else:
            text, notes = _decode(Path(name + suffix), capture.body)
            article = READERS[suffix](Path(name + suffix), text, notes)
    except SourceError as exc:
        raise SourceError(where, exc.problem) from exc
    return replace(article, path=where, stem=article_stem(name, capture.url), url=article.url or capture.url)


def _read_warc(path: Path) -> Iterator[Article | SourceError]:
    """Every article of one web archive file (the newest capture of each URL)."""
    from .archive import latest_captures
    for capture in latest_captures([path]):
        if isinstance(capture, SourceError):
            yield capture
            continue
        try:
            yield read_capture(capture)
        except SourceError as exc:
            yield exc


READERS = {".txt": _read_txt, ".html": _read_html, ".htm": _read_html, ".md": _read_md,
           ".markdown": _read_md}


def _load_text(path: Path) -> tuple[str, tuple[str, ...]]:
    return _decode(path, _load_bytes(path, MAX_BYTES))


def _load_bytes(path: Path, limit: int) -> bytes:
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise SourceError(path, "is not a regular file (a pipe, device or socket); save the article as a file")
        size = path.stat().st_size
        if size > limit:
            raise SourceError(path, f"the file is {size / 2**20:.0f} MiB, over the {limit // 2**20} MiB limit "
                                    "for one article; split it (a .jsonl file holds one article per line)")
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)  # the size may lie (/proc, a file still growing)
        if len(raw) > limit:
            raise SourceError(path, f"the file is over the {limit // 2**20} MiB limit for one article")
    except SourceError:
        raise
    except FileNotFoundError as exc:
        raise SourceError(path, "no such file") from exc
    except IsADirectoryError as exc:
        raise SourceError(path, "is a folder; pass it as a path to walk") from exc
    except PermissionError as exc:
        raise SourceError(path, "permission denied; make the file readable") from exc
    except OSError as exc:
        raise SourceError(path, f"cannot be read ({exc.strerror})") from exc
    return raw


def read_articles(path: str | Path) -> Iterator[Article | SourceError]:
    """Every article in one file; a `.jsonl` file may hold many.

    Problems are yielded as `SourceError`s so that one bad line does not stop
    the rest of the file.
    """
    path = Path(path)
    suffix = source_suffix(path)
    if suffix not in SUFFIXES:
        yield SourceError(path, f"unknown suffix {suffix or '(none)'!r}; use one of {', '.join(SUFFIXES)}")
        return
    try:
        if suffix == ".jsonl":
            if not path.exists():
                raise SourceError(path, "no such file")
            with open(path, "rb") as fh:
                head = fh.read(8192)
            _decode(path, head)  # empty or binary files are refused up front
            yield from _read_jsonl(path)
        elif suffix == ".pdf":
            yield _read_pdf(path, _load_bytes(path, PDF_MAX_BYTES))
        elif suffix in (".warc", ".warc.gz"):
            yield from _read_warc(path)
        else:
            text, notes = _load_text(path)
            yield READERS[suffix](path, text, notes)
    except SourceError as exc:
        yield exc
    except OSError as exc:
        yield SourceError(path, f"cannot be read ({exc.strerror or exc})")


def read_article(path: str | Path) -> Article:
    """The one article in `path`; raises `SourceError` when it cannot be read."""
    for item in read_articles(path):
        if isinstance(item, SourceError):
            raise item
        return item
    raise SourceError(path, "the file holds no article")


def iter_source_files(paths) -> Iterator[Path | SourceError]:
    """Files under `paths` (folders walked recursively, in sorted order).

    Missing paths and symlink loops are yielded as `SourceError`s.
    """
    for raw in paths:
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            yield SourceError(path, "no such file or folder")
            continue
        if path.is_symlink() and not path.exists():
            yield SourceError(path, "broken symbolic link (or a link loop)")
            continue
        if path.is_file():
            yield path
            continue
        seen: set[tuple[int, int]] = set()
        unreadable: list[OSError] = []
        for root, dirs, files in os.walk(path, followlinks=True, onerror=unreadable.append):
            while unreadable:  # a folder that cannot be listed is reported, not skipped silently
                exc = unreadable.pop()
                yield SourceError(exc.filename or root, f"cannot be read ({exc.strerror or exc}); skipped")
            st = os.stat(root)
            if (st.st_dev, st.st_ino) in seen:
                yield SourceError(root, "symbolic link loop; skipped")
                dirs[:] = []
                continue
            seen.add((st.st_dev, st.st_ino))
            dirs.sort()
            for name in sorted(files):
                file = Path(root) / name
                if name.startswith("."):
                    continue
                if file.is_symlink() and not file.exists():
                    yield SourceError(file, "broken symbolic link (or a link loop)")
                elif source_suffix(file) in SUFFIXES:
                    yield file
                else:
                    yield SourceError(file, f"unknown suffix {file.suffix or '(none)'!r}; skipped")
        for exc in unreadable:
            yield SourceError(exc.filename or path, f"cannot be read ({exc.strerror or exc}); skipped")
