"""Person names without an honorific, title or speech verb: statistical proposals, kept by context.

The rules find people by the words around them. A name that stands alone ("attended by
Jane Smith and Ahmad Karim", "Fuad Adriansyah (Indonesia)") is proposed by a statistical
NER model (kg.ner) that runs only on the sentences where a run of capitalised words is left
unexplained. A proposal is kept when it passes the lexicon (no state, organisation, place,
title or event word) and the article's own usage: none of its words is used in lower case
elsewhere in the article ("Human Trafficking"), and it never follows "in" or "at" (a place).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..lexicon import Lexicon
from .entities import Mention
from .people import PersonMention, is_abstract_noun, not_name_words
from .proposals import Proposal
from .text import Sentence, Token

__all__ = ["candidate_pieces", "name_seeds"]


def _is_cap(t: Token) -> bool:
    return t.text[:1].isupper() and t.text[:1].isalpha()


def _covered(sentences: list[Sentence], mentions: list[Mention], people: list[PersonMention]) -> set[tuple[int, int]]:
    """(sentence, token) pairs that a mention or a person already explains."""
    out = {(m.sentence, k) for m in mentions for k in range(m.start, m.end)}
    out |= {(p.sentence, k) for p in people for k in range(p.start, p.end)}
    return out


def candidate_pieces(sentences: list[Sentence], mentions: list[Mention], people: list[PersonMention],
                     lexicon: Lexicon) -> list[tuple[int, str]]:
    """(offset, text) of each sentence with two capitalised words in a row that nothing explains
    and that could be a name (no title, organisation or event word)."""
    covered = _covered(sentences, mentions, people)
    blocked = not_name_words(lexicon)

    def free(si: int, t: Token, k: int) -> bool:
        return _is_cap(t) and (si, k) not in covered and t.text not in blocked

    out = []
    for si, s in enumerate(sentences):
        toks = s.tokens
        if any(free(si, toks[k], k) and free(si, toks[k + 1], k + 1) for k in range(len(toks) - 1)):
            out.append((s.start, s.text))
    return out


def _listed_with_topics(toks: Sequence[Token], a: int, b: int) -> bool:
    """Is the span one item of a list whose next or previous item is a topic ("Law Enforcement,
    Victim Support and Border Management"): items of one list are of one kind."""
    def chunk(i: int, step: int) -> list[Token]:
        out = []
        while 0 <= i < len(toks) and _is_cap(toks[i]):
            out.append(toks[i])
            i += step
        return out
    after = chunk(b + 1, 1) if b < len(toks) and toks[b].norm in {",", "and", "or"} else []
    before = chunk(a - 2, -1) if a >= 2 and toks[a - 1].norm in {",", "and", "or"} else []
    return any(is_abstract_noun(t.text) for t in after + before)


def _place_follows(s: Sentence, b: int, mentions: list[Mention], si: int) -> bool:
    """ "Nusa Dua, Bali": a name followed by a comma and a place is a place of that place."""
    toks = s.tokens
    return b + 1 < len(toks) and toks[b].text == "," and any(
        m.sentence == si and m.kind == "place" and m.start == b + 1 for m in mentions)


def _used_otherwise(word: str, text: str) -> bool:
    """Is `word` written in lower case in the text, or after "in"/"at" (a place)?"""
    if len(word) > 2 and re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text):
        return True
    return bool(re.search(rf"\b(?:in|at)\s+{re.escape(word)}\b", text))


def name_seeds(text: str, sentences: list[Sentence], mentions: list[Mention], people: list[PersonMention],
               proposals: list[Proposal], lexicon: Lexicon) -> dict[int, list[tuple[int, int]]]:
    """Token spans per sentence of the PERSON proposals that pass the lexicon and the article's usage."""
    covered = _covered(sentences, mentions, people)
    blocked = not_name_words(lexicon)
    seeds: dict[int, list[tuple[int, int]]] = {}
    for prop in proposals:
        si = next((i for i, s in enumerate(sentences) if s.start <= prop.start and prop.end <= s.end), None)
        if si is None:
            continue
        toks = sentences[si].tokens
        a = next((k for k, t in enumerate(toks) if t.start == prop.start), None)
        b = next((k + 1 for k, t in enumerate(toks) if t.end == prop.end), None)
        if a is None or b is None or not 2 <= b - a <= 5 or any((si, k) in covered for k in range(a, b)):
            continue
        words = [t.text for t in toks[a:b]]
        name = " ".join(words)
        if not all(_is_cap(t) or t.text == "-" for t in toks[a:b]) or any(w in blocked for w in words) or \
                lexicon.state_by_form(name) or lexicon.organisation_by_form(name) or lexicon.place_by_form(name) or \
                any(_used_otherwise(w, text) or is_abstract_noun(w) for w in words) or _listed_with_topics(toks, a, b) \
                or _place_follows(sentences[si], b, mentions, si):
            continue
        seeds.setdefault(si, []).append((a, b))
        covered.update((si, k) for k in range(a, b))
    return seeds

