"""The text of a PDF document in reading order, as paragraphs, by pdfminer.six.

pdfminer.six is used rather than pypdf because it gives each line's position and font size
after a layout analysis that orders text boxes (columns too): running headers and footers are
found by their place on the page and their repetition across pages, page numbers by their place
and form, and the title by its font size. Then broken words are joined ("traffick-" + "ing"),
lines become paragraphs, numbered paragraphs and list items ("1.", "(a)", "•") start their
own, and a paragraph cut by a page break is joined again.

A PDF without a text layer (a scan) raises `SourceError` saying so; a damaged one too.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTPage, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException
from pdfminer.utils import decode_text

from .errors import SourceError

__all__ = ["PdfText", "read_pdf"]

MARGIN = 0.12                 # the top and bottom bands of a page where running headers and footers live
MIN_TEXT = 20                 # fewer visible characters than this in the whole document: no text layer
PAGE_NUMBER = re.compile(r"^\W*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\W*$", re.I)
ITEM_START = re.compile(r"^(?:\(?\d{1,3}[.)]|\([a-z]{1,4}\)|[a-z][.)]|[•▪●◦‣∙·*–-])\s+\S", re.I)
SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
DOCUMENT_TITLE_JUNK = re.compile(r"^(?:untitled|microsoft word\b.*|document\d*|.*\.(?:docx?|pdf|indd|rtf))$", re.I)


@dataclass(frozen=True)
class PdfText:
    """A PDF's title, paragraphs in reading order and the date its metadata gives."""

    title: str
    paragraphs: tuple[str, ...]
    metadata_date: str | None
    pages: int


@dataclass(frozen=True)
class _Line:
    text: str
    page: int
    box: int
    top: float       # distance of the line's top from the page's top, as a share of the page height
    bottom: float    # likewise for the line's bottom
    size: float      # the line's largest font size


def read_pdf(where: str, data: bytes) -> PdfText:
    """The text of the PDF `data`; `where` names it in errors."""
    try:
        info = _metadata(data)
        lines, pages = _lines(data)
    except PDFPasswordIncorrect as exc:
        raise SourceError(where, "the PDF is protected by a password; save an unprotected copy") from exc
    except PDFEncryptionError as exc:
        raise SourceError(where, f"the PDF is encrypted in a way that cannot be read ({exc})") from exc
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError,
            RecursionError, OSError) as exc:
        raise SourceError(where, f"the PDF cannot be read ({type(exc).__name__}: {str(exc)[:100]}); it may be "
                                 "truncated or damaged: download it again") from exc
    if sum(len(line.text.replace(" ", "")) for line in lines) < MIN_TEXT:
        raise SourceError(where, f"scanned? no text layer in its {pages} page(s); run OCR on it "
                                 "(e.g. ocrmypdf) and ingest the result")
    body = _drop_running(lines)
    title = _good_title(info.get("Title")) or _title_from_page(body)
    return PdfText(title, tuple(_paragraphs(body)), _pdf_date(info.get("CreationDate") or info.get("ModDate")), pages)


def _metadata(data: bytes) -> dict[str, str]:
    """The document information dictionary as text (Title, CreationDate, …)."""
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    out: dict[str, str] = {}
    for info in document.info:
        for key, value in info.items():
            value = resolve1(value)
            if isinstance(value, bytes):
                value = decode_text(value)
            if isinstance(value, str) and value.strip():
                out[str(key)] = value.strip()
    return out


def _lines(data: bytes) -> tuple[list[_Line], int]:
    """Every horizontal text line, page by page, in the layout analysis's reading order."""
    lines: list[_Line] = []
    pages = 0
    box = 0
    for number, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams()), start=1):
        pages = number
        for element in _boxes(page):
            box += 1
            for line in element:
                if isinstance(line, LTTextLine) and line.get_text().strip():
                    lines.append(_line(line, number, box, page.height))
    return lines, pages


def _boxes(page: LTPage):
    return [element for element in page if isinstance(element, LTTextBox)]


def _line(line: LTTextLine, page: int, box: int, height: float) -> _Line:
    sizes = [round(char.size, 1) for char in line if isinstance(char, LTChar)]
    height = height or 1.0
    return _Line(" ".join(line.get_text().split()), page, box, 1 - line.y1 / height, 1 - line.y0 / height,
                 max(sizes) if sizes else 0.0)


def _in_margin(line: _Line) -> bool:
    return line.bottom <= MARGIN or line.top >= 1 - MARGIN


def _shape(text: str) -> str:
    """A line's text with its numbers blanked: "Page 2 of 5" and "Page 3 of 5" share one shape."""
    return re.sub(r"\d+", "#", text.casefold())


def _drop_running(lines: list[_Line]) -> list[_Line]:
    """The lines less running headers and footers (a margin line repeated on two or more pages) and page numbers."""
    pages_of = Counter(shape for shape in {(_shape(line.text), line.page) for line in lines if _in_margin(line)})
    repeated = Counter(shape for shape, _ in pages_of)
    return [line for line in lines
            if not (_in_margin(line) and (repeated[_shape(line.text)] >= 2 or PAGE_NUMBER.match(line.text)))]


def _good_title(title: str | None) -> str | None:
    title = " ".join((title or "").split())
    return title if title and not DOCUMENT_TITLE_JUNK.match(title) else None


def _title_from_page(lines: list[_Line]) -> str:
    """The first page's lines in the largest font, when it is larger than the body's."""
    first = [line for line in lines if line.page == 1 and line.top < 0.5]
    if not first:
        return ""
    body_size = Counter(line.size for line in lines).most_common(1)[0][0]
    largest = max(line.size for line in first)
    if largest <= body_size * 1.1:
        return ""
    return " ".join(line.text for line in first if line.size == largest)


def _join(previous: str, line: str) -> str:
    """Two lines of one paragraph: a word broken at the line end is joined ("traffick-" "ing")."""
    previous = previous.rstrip("\u00ad")
    if previous.endswith("-") and len(previous) > 1 and previous[-2].isalpha():
        return previous[:-1] + line if line[:1].islower() else previous + line
    return f"{previous} {line}"


def _box_paragraphs(lines: list[_Line]) -> list[str]:
    """The paragraphs of one text box: a numbered paragraph or list item starts a new one."""
    out: list[str] = []
    for line in lines:
        if out and not ITEM_START.match(line.text):
            out[-1] = _join(out[-1], line.text)
        else:
            out.append(line.text)
    return out


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Paragraphs in reading order; one cut by a page break is joined again."""
    out: list[str] = []
    last_page = 0
    for box in _group(lines):
        paragraphs = _box_paragraphs(box)
        page = box[0].page
        if out and page != last_page and not SENTENCE_END.search(out[-1]) and not ITEM_START.match(paragraphs[0]):
            out[-1] = _join(out[-1], paragraphs.pop(0))
        out.extend(paragraphs)
        last_page = page
    return out


def _group(lines: list[_Line]) -> list[list[_Line]]:
    groups: list[list[_Line]] = []
    for line in lines:
        if groups and groups[-1][-1].box == line.box:
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _pdf_date(value: str | None) -> str | None:
    """An ISO date from a PDF date ("D:20230210093000+07'00'").

    >>> _pdf_date("D:20230210093000+07'00'")
    '2023-02-10'
    """
    m = re.match(r"^(?:D:)?(\d{4})(\d{2})(\d{2})", value or "")
    if not m:
        return None
    year, month, day = map(int, m.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 and year > 1900 else None
