"""Longest-match lookup of known surface forms over tokens (a token trie).

Each surface form maps to a `(kind, key)` target: kind is ``state``,
``demonym``, ``org`` or ``place``; key is the lexicon entry.
"""
from __future__ import annotations

from typing import Any

import re
from dataclasses import dataclass

from ..lexicon import Lexicon, normalise
from .text import Token, tokenize
from .words import WORDS

__all__ = ["Gazetteer", "Match"]

ACRONYM = re.compile(r"^[A-Z0-9&/\-.]+$|^[A-Z][a-z]?[A-Z][A-Za-z0-9\-]*$")


@dataclass(frozen=True)
class Match:
    kind: str
    entry: Any  # a StateEntry, OrganisationEntry or PlaceEntry, or the MentionFacts of a learnt organisation
    start: int  # token index
    end: int    # token index, exclusive
    form: str


class Gazetteer:
    """A token trie of surface forms; `add` more forms per article, `match` at a position."""

    def __init__(self):
        self.root: dict = {}

    def add(self, form: str, kind: str, entry) -> None:
        form = re.sub(r"^(the|The)\s+", "", form.strip())
        tokens = tokenize(form)
        if not tokens:
            return
        node = self.root
        for t in tokens:
            node = node.setdefault(t.norm, {})
        targets = node.setdefault(None, [])
        acronym = bool(ACRONYM.match(form)) and len(form) > 1
        for i, (k, e, f, a) in enumerate(targets):
            if k == kind == "org-pattern" and f == form:
                return  # one article's organisation learnt once, however often it is named
            if k == kind and e is entry:
                if f != form and a and not acronym:
                    targets[i] = (k, e, form, acronym)  # "Kemlu" beside "KEMLU": match any case
                return
        targets.append((kind, entry, form, acronym))

    def layered(self) -> "LayeredGazetteer":
        """This gazetteer plus an empty layer for one article's own forms."""
        return LayeredGazetteer(self)

    def match(self, tokens: tuple[Token, ...], i: int) -> list[Match]:
        """Targets of the longest form that starts at token `i` (respecting case rules)."""
        node, best, j = self.root, [], i
        while j < len(tokens) and tokens[j].norm in node:
            node = node[tokens[j].norm]
            j += 1
            if None in node:
                surface = tokens[i:j]
                found = [Match(kind, entry, i, j, form) for kind, entry, form, acronym in node[None]
                         if _case_ok(surface, form, acronym)]
                if found:
                    best = found
        return best


def _case_ok(surface: tuple[Token, ...], form: str, acronym: bool) -> bool:
    if acronym:
        return "".join(t.text for t in surface) == "".join(t.text for t in tokenize(form))
    first = surface[0].text[:1]
    return first.isupper() or first.isdigit() or not form[:1].isupper()


class LayeredGazetteer(Gazetteer):
    """A shared base gazetteer and an article's own layer; the longest match of the two wins."""

    def __init__(self, base: Gazetteer):
        super().__init__()
        self.base = base

    def layered(self) -> "LayeredGazetteer":
        return self

    def match(self, tokens: tuple[Token, ...], i: int) -> list[Match]:
        own = super().match(tokens, i)
        shared = self.base.match(tokens, i)
        if not own:
            return shared
        if not shared:
            return own
        if own[0].end != shared[0].end:
            return own if own[0].end > shared[0].end else shared
        return shared + [m for m in own if m.kind != "org-pattern" or
                         not any(s.kind == "org" for s in shared)]


def build_gazetteer(lexicon: Lexicon) -> Gazetteer:
    """The gazetteer of every state, demonym, organisation and place in `lexicon`."""
    gaz = Gazetteer()
    for s in lexicon.states:
        for form in (s.name,) + s.aliases:
            if form.isupper() and len(form) <= 3 and form not in {"USA", "US", "UAE", "PRC", "ROK", "PNG", "UK", "DPRK"}:
                continue
            gaz.add(form, "state", s)
        for d in s.demonyms:
            gaz.add(d, "demonym", s)
    series = {normalise(n) for n in WORDS["meeting_series"]}
    for o in lexicon.organisations:
        if normalise(o.name) in series:
            continue  # "the Bali Process Ministerial Conference": a meeting the articles report, not an actor
        for form in o.forms:
            gaz.add(form, "org", o)
            # "UN Refugee Agency" is also written "United Nations Refugee Agency"
            if form.startswith("UN "):
                gaz.add("United Nations " + form[3:], "org", o)
    for p in lexicon.places:
        for form in (p.name,) + p.aliases:
            gaz.add(form, "place", p)
    return gaz
