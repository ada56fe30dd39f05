"""The document model: an article analysed once, read by every later stage.

An `Analysis` holds the sentences and tokens, the mentions the lexicon and patterns give,
the people, the rules' events with their candidate roles and places, the registry of actors
(one record per canonical key) and the dependency parse of every sentence that holds a
candidate. Trained decisions (kg.extract.decisions) read it; cross-validation keeps one
per article and decides again for each fold without analysing twice.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import Lexicon
from ..model import Article
from .syntax import ParsedSentence
from .assemble import Registry
from .entities import Mention
from .events import EventRecord
from .frame import DocumentFrame
from .people import PersonMention
from .text import Sentence

__all__ = ["Analysis", "parse_candidate_sentences"]


@dataclass
class Analysis:
    article: Article
    lexicon: Lexicon
    sentences: list[Sentence]
    frame: DocumentFrame
    mentions: list[Mention]
    people: list[PersonMention]
    events: list[EventRecord]
    registry: Registry
    parses: dict[int, ParsedSentence]   # sentence index -> parse (sentences with candidates only)


def parse_candidate_sentences(sentences: list[Sentence], mentions: list[Mention],
                              people: list[PersonMention], events: list[EventRecord],
                              parser) -> dict[int, ParsedSentence]:
    """The parse of each sentence of an event that names a state, organisation, place or person,
    and of each sentence naming a person, or a body or place the lexicon does not know."""
    in_events = {si for ev in events for si in ev.sentences} | {ev.anchor for ev in events if ev.anchor is not None}
    held = {m.sentence for m in mentions} | {p.sentence for p in people}
    unknown = {p.sentence for p in people} | {m.sentence for m in mentions if m.kind != "state" and m.entry is None}
    wanted = sorted((in_events & held) | unknown)
    if not wanted or parser is None:
        return {}
    parsed = parser([(sentences[si].start, sentences[si].text) for si in wanted])
    return dict(zip(wanted, parsed))
