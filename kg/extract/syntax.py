"""The dependency parse as typed data: tokens with offsets into the article body, lemma,
part of speech and arcs, aligned with the article's own sentences (kg.ner.parse_sentences
makes them; nothing here imports spaCy)."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ParsedToken", "ParsedSentence"]


@dataclass(frozen=True)
class ParsedToken:
    """One token of the parse: offsets into the article body, lemma, coarse part of speech,
    dependency label, the index of its head within the sentence (its own index at the root) and
    the statistical recogniser's entity label ("PERSON", "ORG", "GPE", …; "" outside any name)."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    ent: str = ""


@dataclass(frozen=True)
class ParsedSentence:
    start: int
    end: int
    tokens: tuple[ParsedToken, ...]

    def covering(self, start: int, end: int) -> list[int]:
        """Indices of the tokens that overlap the characters [start, end)."""
        return [i for i, t in enumerate(self.tokens) if t.start < end and t.end > start]

    def head_of(self, start: int, end: int) -> int | None:
        """The syntactic head of the span [start, end): its token whose head lies outside it.

        >>> s = ParsedSentence(0, 9, (ParsedToken(0, 3, "The", "the", "DET", "det", 1),
        ...                           ParsedToken(4, 7, "RSO", "RSO", "PROPN", "ROOT", 1)))
        >>> s.head_of(0, 7)
        1
        """
        inside = self.covering(start, end)
        for i in inside:
            if self.tokens[i].head not in inside or self.tokens[i].head == i:
                return i
        return inside[-1] if inside else None

    def entity_of(self, start: int, end: int) -> str:
        """The recogniser's label of the span [start, end): its head token's, or "" for none."""
        i = self.head_of(start, end)
        return self.tokens[i].ent if i is not None else ""
