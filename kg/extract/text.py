"""Sentences and tokens with character offsets into the article body."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass
from typing import NamedTuple

from .words import WORDS

__all__ = ["Token", "Sentence", "split_sentences", "tokenize", "norm_token", "phrase_pattern"]

TOKEN = re.compile(r"[^\W_]+(?:[-‐–][^\W_]+)*(?:['’](?![sS]\b)[^\W_]+)*|['’][sS]\b|[^\w\s]")
ABBREVIATIONS = frozenset(WORDS["abbreviations"])
BOUNDARY = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9À-Ý])")
BYLINE = re.compile(r"^[*_\s]*(?:" + "|".join(sorted((re.escape(c).replace(r"\ ", r"\s+") for c in WORDS["byline_cues"]),
                                                      key=len, reverse=True)) + r")\b\s*:?\s*(?P<rest>.+)$", re.I)
BYLINE_WORDS = frozenset(WORDS["byline_name_words"])


class Token(NamedTuple):
    """A word or punctuation token: its text, offsets and folded form (a tuple: cheap to make)."""

    text: str
    start: int
    end: int
    norm: str

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int
    tokens: tuple[Token, ...]


@lru_cache(maxsize=65536)
def norm_token(text: str) -> str:
    """Case- and accent-folded token; apostrophes and dashes made plain."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.casefold().replace("’", "'").replace("‐", "-").replace("–", "-")


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Word and punctuation tokens; a possessive 's is a token of its own.

    >>> [t.text for t in tokenize("Australia's Attorney-General's Department")]
    ['Australia', "'s", 'Attorney-General', "'s", 'Department']
    """
    make, norm = Token._make, norm_token
    return tuple([make((w, a + offset, b + offset, norm(w)))
                  for m in TOKEN.finditer(text) for w, (a, b) in ((m.group(), m.span()),)])


def _is_abbreviation(text: str, dot: int) -> bool:
    m = re.search(r"(\S+)$", text[max(0, dot - 64):dot])  # the word before the dot, not the whole text before it
    if not m:
        return False
    word = m.group(1).strip("(\"“‘").rstrip(".").casefold()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or bool(re.fullmatch(r"(\w\.)+\w", word))


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` (paragraphs separated by blank lines), with offsets.

    >>> [s.text for s in split_sentences("Mr. A spoke. Then B left.")]
    ['Mr. A spoke.', 'Then B left.']
    """
    out: list[Sentence] = []
    pos = 0
    for number, para in enumerate(re.split(r"\n\s*\n", text)):
        start = text.index(para, pos) if para else pos
        pos = start + len(para)
        if is_byline(para):
            stripped = para.rstrip()
            out.append(Sentence(stripped, start, start + len(stripped), number, ()))  # furniture: no tokens
            continue
        cut = 0
        for m in BOUNDARY.finditer(para):
            if para[m.start()] == "." and _is_abbreviation(para, m.start()):
                continue
            piece = para[cut:m.start() + 1 + len(m.group().rstrip()) - 1]
            out.extend(_sentences(piece, start + cut, number))
            cut = m.end()
        if para[cut:].strip():
            out.extend(_sentences(para[cut:], start + cut, number))
    return [s for s in out if s.text.strip()]


def is_byline(paragraph: str) -> bool:
    """A one-line credit: a byline cue, then names, commas, bars and the small words of names.

    >>> is_byline("By Staff Reporter | 23 July 2019"), is_byline("*By Jane Roe and Ali bin Abu*")
    (True, True)
    >>> is_byline("Editor: News Desk")
    True
    >>> is_byline("By 2025, the RSO had trained 300 officers."), is_byline("By the end of the week, delegates left.")
    (False, False)
    """
    if "\n" in paragraph.strip() or len(paragraph) > 200:
        return False
    m = BYLINE.match(re.split(r"\s[|•·]\s", paragraph.strip())[0])  # "By Staff Reporter | 23 July 2019"
    if m is None:
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w.'’-]*|\d+", m.group("rest"))]
    return bool(words) and all(w[:1].isupper() or w.lower() in BYLINE_WORDS for w in words)


MAX_SENTENCE = 1500  # characters: longer "sentences" (lists without full stops, pasted tables) are cut
CLAUSE_BREAK = re.compile(r"[;,:]\s+|\s+")


def _sentences(piece: str, start: int, paragraph: int) -> list[Sentence]:
    """`piece` as one sentence, or as pieces of at most MAX_SENTENCE characters cut after the
    last clause break (else word break) before the limit, so that work per sentence stays bounded.

    >>> [len(s.text) for s in _sentences("Fiji, Samoa and Tonga, " * 200, 0, 0)]
    [1494, 1494, 1609]
    """
    out = []
    while len(piece) > MAX_SENTENCE + 200:
        breaks = [m.end() for m in CLAUSE_BREAK.finditer(piece, 0, MAX_SENTENCE)]
        commas = [b for b, m in zip(breaks, CLAUSE_BREAK.finditer(piece, 0, MAX_SENTENCE)) if m.group()[0] in ";,:"]
        cut = (commas or breaks or [MAX_SENTENCE])[-1]
        out.append(_sentence(piece[:cut], start, paragraph))
        piece, start = piece[cut:], start + cut
    out.append(_sentence(piece, start, paragraph))
    return out


def _sentence(piece: str, start: int, paragraph: int) -> Sentence:
    stripped = piece.rstrip()
    return Sentence(stripped, start, start + len(stripped), paragraph, tokenize(stripped, start))


def phrase_pattern(phrases, space: str = r"\s+") -> str:
    r"""One regular expression matching any of `phrases`, longest first, written as a trie
    (Python's engine tries alternatives one by one; a trie shares their prefixes).
    Spaces inside a phrase become `space`.

    >>> phrase_pattern(["co-host", "co-hosted", "convened"])
    'co(?:\\-host(?:ed)?|nvened)'
    """
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [(space if ch == " " else re.escape(ch)) + emit(node[ch])
                for ch in sorted((k for k in node if k), key=lambda c: -_depth(node[c]))]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?" if len(alts) > 1 or len(body) > 1 else body + "?"
        return body

    return emit(trie)


def _depth(node: dict) -> int:
    return 1 + max((_depth(c) for k, c in node.items() if k), default=0)
