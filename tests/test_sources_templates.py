"""The HTML reader on twelve page templates written for the tests: body, title and date of each."""
import json
from pathlib import Path

import pytest

from kg.sources import read_article

PAGES = Path(__file__).parent / "data" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text())
BODY = ["Officials from nine member states met in Suva",
        "Participants from Fiji, Samoa and Tonga shared",
        "The workshop closed with an agreement"]
NEVER = ["Home", "About us", "Copyright", "Related news", "Adelaide", "Advertisement", "thoughts on",
         "cookies", "newsletter", "Most read", "Police in three states"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sources_template_title_and_date(name):
    article = read_article(PAGES / f"{name}.html")
    assert (article.title, article.date) == (EXPECTED[name]["title"], EXPECTED[name]["date"])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sources_template_body_in_order(name):
    text = read_article(PAGES / f"{name}.html").text
    positions = [text.find(p) for p in BODY]
    assert -1 not in positions and positions == sorted(positions)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sources_template_body_without_boilerplate(name):
    text = read_article(PAGES / f"{name}.html").text
    assert [w for w in NEVER if w in text] == []


def test_sources_template_event_page_frame():
    article = read_article(PAGES / "event-page.html")
    assert (article.header_date, article.header_place) == ("10 - 12 June 2024", "Suva, Fiji")
