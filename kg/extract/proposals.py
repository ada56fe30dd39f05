"""Entity proposals from a statistical NER model, merged into the rule-based mentions.

A proposal is (label, start, end) in characters of the article body, with the
labels PERSON, ORG, GPE/LOC. The rules stay in charge: a proposal that overlaps
anything the rules found is dropped; the rest become organisation, state, place
or person mentions, so the event rules can use them like any other. The model
only adds names the lexicon and the patterns missed.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..lexicon import Lexicon, normalise
from .entities import Mention, MentionFacts
from .people import PersonMention
from .text import Sentence

__all__ = ["Proposal", "merge_mentions", "merge_people"]

LABELS = {"PERSON": "person", "PER": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}


class Proposal(NamedTuple):
    label: str
    start: int
    end: int


def _locate(sentences: list[Sentence], start: int, end: int) -> tuple[int, int, int] | None:
    """(sentence, first token, end token) covering the characters exactly, or None."""
    for si, s in enumerate(sentences):
        if s.start <= start and end <= s.end:
            a = next((i for i, t in enumerate(s.tokens) if t.start == start), None)
            b = next((i + 1 for i, t in enumerate(s.tokens) if t.end == end), None)
            return (si, a, b) if a is not None and b is not None and a < b else None
    return None


def _free(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return all(end <= a or b <= start for a, b in taken)


def merge_mentions(text: str, sentences: list[Sentence], mentions: list[Mention], proposals: list[Proposal],
                   lexicon: Lexicon) -> list[Mention]:
    """`mentions` plus the ORG and GPE/LOC proposals that nothing found by the rules overlaps, in text order."""
    taken = [(m.char_start, m.char_end) for m in mentions]
    added = []
    for p in proposals:
        kind = LABELS.get(p.label)
        if kind not in {"org", "place"} or not _free(p.start, p.end, taken):
            continue
        name = re.sub(r"^(?:the|The)\s+", "", text[p.start:p.end]).strip()
        start = p.end - len(name)
        where = _locate(sentences, start, p.end)
        if where is None or not name[:1].isupper():
            continue
        si, a, b = where
        if kind == "org":
            entry = lexicon.organisation_by_form(name)
            m = Mention("org", entry.id if entry else "org:" + normalise(name), name, si, a, b, start, p.end, entry,
                        MentionFacts(kind=entry.kind if entry else "other", source="ner"))
        elif (state := lexicon.state_by_form(name)) is not None:
            m = Mention("state", state.iso3, name, si, a, b, start, p.end, state, MentionFacts(source="ner"))
        else:
            m = Mention("place", "place:" + normalise(name), name, si, a, b, start, p.end, None,
                        MentionFacts(source="ner"))
        added.append(m)
        taken.append((start, p.end))
    return sorted(mentions + added, key=lambda m: m.char_start)


def merge_people(sentences: list[Sentence], mentions: list[Mention], people: list[PersonMention],
                 proposals: list[Proposal]) -> list[PersonMention]:
    """`people` plus the PERSON proposals of two words or more that overlap nothing already found."""
    taken = [(m.char_start, m.char_end) for m in mentions]
    for p in people:
        toks = sentences[p.sentence].tokens
        taken.append((toks[p.start].start, toks[p.end - 1].end))
    known = {p.key for p in people}
    added = []
    for prop in proposals:
        if LABELS.get(prop.label) != "person" or not _free(prop.start, prop.end, taken):
            continue
        where = _locate(sentences, prop.start, prop.end)
        if where is None:
            continue
        si, a, b = where
        s = sentences[si]
        name = s.text[s.tokens[a].start - s.start:s.tokens[b - 1].end - s.start]
        if len(name.split()) < 2 or normalise(name) in known:
            continue
        added.append(PersonMention(normalise(name), name, None, si, a, b))
        taken.append((prop.start, prop.end))
        known.add(normalise(name))
    return people + added
