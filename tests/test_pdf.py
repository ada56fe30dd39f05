"""PDF documents: text in reading order without running headers, footers or page numbers (kg.pdf)."""
from __future__ import annotations

import pytest

from kg.errors import SourceError
from kg.extract import extract_article
from kg.pdf import read_pdf
from kg.pipeline import ingest
from kg.sources import read_article
from kg.store import GraphStore

from .webfixture import STATEMENT_HEADER, STATEMENT_PARAGRAPHS, STATEMENT_TITLE, scanned_pdf, statement_pdf, statement_txt


@pytest.fixture(scope="module")
def statement(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    (folder / "statement.pdf").write_bytes(statement_pdf())
    (folder / "statement.txt").write_text(statement_txt(), encoding="utf-8")
    return folder


def test_pdf_statement_title_date_and_numbered_paragraphs(statement):
    article = read_article(statement / "statement.pdf")
    assert (article.title, article.date, article.format) == (STATEMENT_TITLE, "2023-02-10", "pdf")
    assert article.text.split("\n\n") == STATEMENT_PARAGRAPHS


def test_pdf_drops_running_header_footer_and_page_numbers(statement):
    text = read_article(statement / "statement.pdf").text
    assert STATEMENT_HEADER not in text and "Page 1" not in text and "of 2" not in text


def test_pdf_joins_a_word_broken_at_a_line_end_and_a_paragraph_cut_by_the_page(statement):
    paragraph = read_article(statement / "statement.pdf").text.split("\n\n")[2]
    assert paragraph.endswith("to combat people smuggling and trafficking in persons, including:")


def test_pdf_is_extracted_like_the_same_text_as_txt(statement):
    pdf, txt = read_article(statement / "statement.pdf"), read_article(statement / "statement.txt")
    assert (pdf.text, pdf.title, pdf.date, pdf.digest) == (txt.text, txt.title, txt.date, txt.digest)
    assert extract_article(pdf).to_gold() == extract_article(txt).to_gold()


def test_pdf_metadata_title_and_creation_date():
    document = read_pdf("x.pdf", statement_pdf(title_in_metadata=True))
    assert (document.title, document.metadata_date, document.pages) == (STATEMENT_TITLE, "2023-03-01", 2)


def test_pdf_without_text_layer_is_named_as_such(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(scanned_pdf())
    with pytest.raises(SourceError) as caught:
        read_article(path)
    assert str(caught.value) == (f"{path}: scanned? no text layer in its 1 page(s); run OCR on it (e.g. ocrmypdf) "
                                 "and ingest the result")


def test_pdf_broken_file_is_a_clear_error_and_the_batch_goes_on(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(statement_pdf()[:900])
    (tmp_path / "scan.pdf").write_bytes(scanned_pdf())
    (tmp_path / "statement.pdf").write_bytes(statement_pdf())
    report = ingest([tmp_path], GraphStore.on_disk(tmp_path / "store"))
    assert report.added == [str(tmp_path / "statement.pdf")]
    problems = dict(report.failed)
    assert problems[str(tmp_path / "broken.pdf")].startswith("the PDF cannot be read (")
    assert problems[str(tmp_path / "broken.pdf")].endswith("it may be truncated or damaged: download it again")
    assert problems[str(tmp_path / "scan.pdf")].startswith("scanned? no text layer")
