"""Property tests: arbitrary text never crashes extraction, IRIs or the HTML writer."""
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.extract import extract_article
from kg.lexicon import slugify
from kg.model import Article
from kg.rdf import to_graph
from kg.page import json_for_script

HOSTILE = st.sampled_from(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
                           '" } ; DROP ALL ; {', "\u202eevil\u202c", "a\u200bb", "e\u0301", "🙂", "x" * 500,
                           "Mr. ", "Ministry of ", "(ACR)", "21-23 February 2024", "Viet Nam", "\\", "'", "\n\n"])
TEXT = st.lists(st.one_of(st.text(min_size=0, max_size=40), HOSTILE), max_size=30).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, TEXT)
def test_properties_extraction_always_gives_valid_rdf(title, body):
    article = Article("p.txt", "prop-article", "txt", title, "2024-01-01", None, None, body or "x", "0" * 64)
    extraction = extract_article(article)
    json.dumps(extraction.to_gold())
    g = to_graph(extraction)
    back = Graph().parse(data=g.serialize(format="nt"), format="nt")
    assert len(back) == len(g)


@given(st.text())
def test_properties_slugs_are_safe_iri_segments(text):
    slug = slugify(text)
    assert re.fullmatch(r"[a-z0-9-]+", slug) and slug == slugify(text)


@given(st.text())
def test_properties_script_json_cannot_close_the_script(text):
    encoded = json_for_script({"label": text})
    assert "<" not in encoded and ">" not in encoded
    assert json.loads(encoded)["label"] == text
