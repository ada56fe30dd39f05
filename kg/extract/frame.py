"""The document-level event frame: what a page's layout says of its event, read once.

A page may print its event's date and place apart from the prose (`Article.header_date`,
`Article.header_place`) or open with a news dateline ("Colombo, Sri Lanka — …"). The frame
turns those into a date span and a place the body's events can take: the place's
occurrences in the body become place mentions (the layout says it is a place, whether or
not the gazetteer knows it), and an event the body names without a date of its own takes
the frame's dates.

>>> from kg.model import Article
>>> a = Article("a.txt", "a", "txt", "T", "2025-05-20", None, None, "Delegates met in Chiang Saen.", "0",
...             header_date="20-21 May 2025", header_place="Chiang Saen, Thailand")
>>> read_frame(a).start, read_frame(a).end, read_frame(a).place
('2025-05-20', '2025-05-21', 'Chiang Saen')
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..layout import read_dateline, read_frame_line
from ..lexicon import Lexicon, normalise
from ..model import Article
from ..dates import find_dates
from .entities import Mention, MentionFacts
from .text import Sentence

__all__ = ["DocumentFrame", "read_frame", "add_frame_places"]


@dataclass(frozen=True)
class DocumentFrame:
    """The date span and place the page's layout gives its event; `country` is the place's state."""

    start: str | None = None
    end: str | None = None
    place: str | None = None
    country: str | None = None


def _place_parts(text: str | None) -> tuple[str | None, str | None]:
    """ "Bangkok, Thailand (hybrid)" -> ("Bangkok", "Thailand")."""
    if not text:
        return None, None
    parts = [p.strip() for p in re.sub(r"\([^)]*\)", "", text).split(",") if p.strip()]
    if not parts:
        return None, None
    return parts[0], (parts[-1] if len(parts) > 1 else None)


def read_frame(article: Article) -> DocumentFrame:
    """The frame of `article`: header date span, header place, else the dateline's place."""
    start = end = None
    if article.header_date:
        spans = find_dates(article.header_date, article.year)
        if spans:
            start, end = spans[0].start, spans[-1].end
    place, country = _place_parts(article.header_place)
    if place is None:
        first = next((p for p in article.text.split("\n") if p.strip() and read_frame_line(p) is None), "")
        place, country = _place_parts(read_dateline(first))
    return DocumentFrame(start, end, place, country)


def add_frame_places(frame: DocumentFrame, sentences: list[Sentence], mentions: list[Mention],
                     lexicon: Lexicon) -> list[Mention]:
    """`mentions` with the frame's place added wherever the body names it and nothing else does."""
    if not frame.place or lexicon.state_by_form(frame.place):
        return mentions
    words = frame.place.split()
    folded = [normalise(w) for w in words]
    state = lexicon.state_by_form(frame.country) if frame.country else None
    known = lexicon.place_by_form(frame.place)
    country = known.country if known is not None else (state.name if state else None)
    added = []
    for si, s in enumerate(sentences):
        toks = s.tokens
        for i in range(len(toks) - len(words) + 1):
            if [normalise(t.text) for t in toks[i:i + len(words)]] != folded or not toks[i].is_cap:
                continue
            a, b = toks[i].start, toks[i + len(words) - 1].end
            if any(m.sentence == si and m.char_start < b and a < m.char_end for m in mentions):
                continue
            added.append(Mention("place", "place:" + normalise(known.name if known else frame.place),
                                 s.text[a - s.start:b - s.start],
                                 si, i, i + len(words), a, b, known, MentionFacts(country=country)))
    return mentions + added if added else mentions
