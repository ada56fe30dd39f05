"""kg/extract/text.py: sentences, tokens and the trie-shaped phrase patterns."""
import re

from hypothesis import given, strategies as st

from kg.extract.text import phrase_pattern, split_sentences, tokenize

WORDS = st.text(alphabet="ab -.", min_size=1, max_size=6)


@given(st.lists(WORDS, min_size=1, max_size=8), WORDS)
def test_text_phrase_pattern_matches_exactly_the_phrases(phrases, other):
    pattern = re.compile(phrase_pattern(phrases, " "))
    assert all(pattern.fullmatch(p) for p in phrases)
    assert bool(pattern.fullmatch(other)) == (other in phrases)


def test_text_phrase_pattern_prefers_the_longest_phrase():
    pattern = re.compile(r"\b(" + phrase_pattern(["took", "took part", "co-host", "co-hosted"], r",?\s+") + r")\b")
    assert [m.group(1) for m in pattern.finditer("A co-hosted it and took, part; B took it.")] == \
        ["co-hosted", "took, part", "took"]


def test_text_abbreviations_and_initials_do_not_end_sentences():
    text = "Mr. John A. Smith met H.E. Retno L.P. Marsudi in Bangkok. Then they left."
    assert [s.text for s in split_sentences(text)] == ["Mr. John A. Smith met H.E. Retno L.P. Marsudi in Bangkok.",
                                                      "Then they left."]


def test_text_possessive_is_its_own_token():
    assert [t.text for t in tokenize("Fiji's Ministry")] == ["Fiji", "'s", "Ministry"]


def test_text_byline_paragraph_keeps_its_text_without_tokens():
    body = "Ministers met in Bali.\n\nBy Jane Roe and Ali bin Abu\n\nThey agreed a plan."
    assert [(s.text, len(s.tokens) > 0) for s in split_sentences(body)] == \
        [("Ministers met in Bali.", True), ("By Jane Roe and Ali bin Abu", False), ("They agreed a plan.", True)]


def test_text_sentence_opening_with_by_is_not_a_byline():
    assert all(s.tokens for s in split_sentences("By 2025, the RSO had trained 300 officers.\n\nBy the end, all left."))
