"""States, organisations and places: gazetteer matches plus language patterns.

Patterns (all from data/patterns.yaml where they can be data):
- acronym definitions, "Long Name (ACR)", make ACR a form of the entity;
- organisation heads ("Ministry of …", "… Police", "Embassy of … in …");
- a demonym or possessive before an organisation gives its country
  ("the Indonesian Ministry of Foreign Affairs", "Thailand's Department of …");
- country offices, "IOM Thailand", "International Justice Mission Thailand";
- a country inside an organisation name is not a state mention on its own;
- demonyms name a state only as actors ("Thai authorities");
- places: known cities, and "in X, <State>" for places the gazetteer lacks.
"""
from __future__ import annotations

from typing import Any

import re
from dataclasses import dataclass, field, replace

from ..lexicon import Lexicon, normalise
from .gazetteer import Gazetteer, Match
from .text import Sentence, Token, tokenize
from .words import WORDS

__all__ = ["Mention", "MentionFacts", "find_mentions", "add_listed_bodies"]

SENTENCE_START_WORDS = frozenset(WORDS["sentence_start_words"])
RIGHT_CONNECTORS = {"of", "for", "on", "against", "to", "and", "&"}
EMBASSY_HEADS = frozenset(WORDS["embassy_heads"])
HEAD_FIRST = frozenset(WORDS["head_first"])
DIRECTIONS = r"(?:north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest|central|centre|center)"
IN_DIRECTION_OF = re.compile(rf"\bin the {DIRECTIONS} of $", re.I)  # "in the south-east of <State>"


@dataclass
class MentionFacts:
    """What the text says of a mention beyond its lexicon entry (all optional)."""

    kind: str | None = None          # an organisation's kind, where the lexicon does not know it
    country: str | None = None       # the state an organisation or a place belongs to
    key: str | None = None           # a pattern organisation's key
    name: str | None = None          # a pattern organisation's full name ...
    short: str | None = None         # ... and its short form ("Ministry of X" of "Fiji's Ministry of X")
    parent: str | None = None        # the body an office belongs to ("UNODC's Regional Office")
    aliases: list[str] = field(default_factory=list)
    acronyms: dict[str, None] = field(default_factory=dict)  # acronyms the text defines, in order
    acronym_inside: str | None = None  # "Regional Support Office (RSO) of the Bali Process"
    acronym_of: str | None = None
    demonym: bool = False            # a state named by its demonym ("Thai authorities")
    in_name: bool = False            # inside an event's or a document's name ...
    owner: bool = False              # ... that it owns ("the RSO 2023 Border Forum")
    as_members: bool = False         # acts through its members ("Bali Process Member States")
    in_person: bool = False          # a word of a person's name ("Dr. Retna Sari"), not the place
    venue: bool = False              # a building or a hotel ("the Shangri-La Hotel")
    source: str | None = None        # "ner": proposed by a model; "list", "cue", "kind": how a run was
                                     # taken for a body (kg.extract.entities._run_mention)


@dataclass
class Mention:
    kind: str                 # state, org, place
    key: str                  # canonical key within the article
    name: str                 # surface form
    sentence: int             # sentence index
    start: int                # token index in the sentence
    end: int
    char_start: int
    char_end: int
    entry: Any = None         # lexicon entry when known (StateEntry, OrganisationEntry, PlaceEntry)
    facts: MentionFacts = field(default_factory=MentionFacts)


def _surface(tokens: tuple[Token, ...], i: int, j: int, text: str, offset: int) -> str:
    return text[tokens[i].start - offset:tokens[j - 1].end - offset]


class _Heads:
    def __init__(self, lexicon: Lexicon):
        heads = lexicon.patterns.get("organisation_heads", {})
        self.kinds = {" ".join(t.norm for t in tokenize(h)): kind for h, kind in heads.items()}
        self.max_len = max(len(h.split()) for h in heads) if heads else 1
        self.first = frozenset(k.split()[0] for k in self.kinds)
        cues = [re.escape(c) for c in WORDS["body_cues"]]
        # "with funding from X", "in partnership with X": what follows names a body
        self.body_cue = re.compile(r"\b(?:" + "|".join(cues) + r")\s+(?:the\s+)?$", re.I)
        # the kind of body before its name, in lower case: "the media group Emtek"
        self.body_kind = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in WORDS["body_kinds"]) + r")\s+(?=[A-Z])")
        self.body_cue_anywhere = re.compile(r"\b(?:" + "|".join(cues) + r")\b", re.I)
        members = lexicon.patterns.get("membership_words", {})
        self.members_before = frozenset(normalise(w) for w in members.get("before", []))
        self.members_after = frozenset(normalise(w) for w in members.get("after", []))
        self.member_adjectives = frozenset(normalise(w) for w in members.get("adjectives", []))
        self.member_groups = frozenset(normalise(w) for w in members.get("groups", []))
        self.title_first = frozenset(tokenize(t)[0].norm for t in lexicon.patterns.get("title_words", []))
        # last words of a title or a body, never of a place: "IOM Chief of Mission in Fiji"
        self.not_place = frozenset(k.split()[-1] for k in self.kinds) | frozenset(
            tokenize(t)[-1].norm for t in lexicon.patterns.get("title_words", []))
        # "Co-Chairs, Samoa thanks …": a salutation's role noun, plural too, is no place
        roles = self.not_place | frozenset(normalise(w) for w in lexicon.patterns.get("organiser_nouns", []))
        self.not_place = roles | frozenset(w + "s" for w in roles) | frozenset(
            normalise(w) for w in (lexicon.patterns.get("participant_cues") or {}).get("people_nouns", [])) | \
            frozenset(WORDS["salutation_words"])
        self.person_first = self.title_first | frozenset(
            tokenize(h)[0].norm for h in lexicon.patterns.get("honorifics", []) if tokenize(h))

    def at(self, tokens, i) -> tuple[int, str] | None:
        """(length, kind) of the longest head starting at token i, if capitalised."""
        if tokens[i].norm not in self.first or not tokens[i].text[:1].isupper():
            return None
        for n in range(min(self.max_len, len(tokens) - i), 0, -1):
            if not all(t.text[:1].isalpha() for t in tokens[i:i + n]):
                continue
            key = " ".join(t.norm for t in tokens[i:i + n])
            if key in self.kinds:
                return n, self.kinds[key]
        return None


def _scan(tokens, gaz: Gazetteer) -> list[Match]:
    out, i = [], 0
    own, base = (gaz.root, gaz.base.root) if hasattr(gaz, "base") else (gaz.root, gaz.root)
    n = len(tokens)
    while i < n:
        norm = tokens[i].norm
        if norm not in base and norm not in own:
            i += 1
            continue
        found = gaz.match(tokens, i)
        if found:
            out.extend(found)
            i = found[0].end
        else:
            i += 1
    return out


def _is_name_token(t: Token) -> bool:
    return t.text[:1].isupper() or (t.text[:1].isdigit() and len(t.text) <= 4 and t.text[-2:] in {"st", "nd", "rd", "th"})


def find_mentions(sentences: list[Sentence], lexicon: Lexicon, gaz: Gazetteer, text: str) -> list[Mention]:
    """All state, organisation and place mentions of an article, in text order."""
    heads = lexicon.compiled("heads", lambda: _Heads(lexicon))
    actor_nouns = lexicon.compiled("actor_nouns",
                          lambda: {normalise(n) for n in lexicon.patterns.get("state_actor_nouns", [])})
    gaz = gaz.layered()
    # two passes: the first finds acronym definitions and pattern organisations,
    # the second sees them as known forms everywhere in the article (only sentences
    # holding the first word of a learnt form are read again)
    per_sentence = [_sentence_mentions(si, s, gaz, heads, actor_nouns, lexicon) for si, s in enumerate(sentences)]
    _learn_forms([m for ms in per_sentence for m in ms], sentences, gaz)
    learnt = set(gaz.root)
    if learnt:
        for si, s in enumerate(sentences):
            if any(t.norm in learnt for t in s.tokens):
                per_sentence[si] = _sentence_mentions(si, s, gaz, heads, actor_nouns, lexicon)
    venues = lexicon.compiled("venue_heads", lambda: tuple(normalise(v) for v in
                                                          lexicon.patterns.get("venue_heads", [])))
    return [_as_venue(m, sentences[m.sentence], venues) for ms in per_sentence for m in ms]


def _as_venue(m: Mention, s: Sentence, venues: tuple[str, ...]) -> Mention:
    """A pattern organisation named like a venue ("the Bali International Convention Centre") is a
    place; with "in <known place>" after it, it lies in that place's country."""
    if m.kind != "org" or m.entry is not None or not normalise(m.name).endswith(venues):
        return m
    toks = s.tokens
    a = m.start
    while a > 0 and toks[a - 1].text[:1].isupper() and toks[a - 1].norm not in SENTENCE_START_WORDS:
        a -= 1  # the venue's own first words that the organisation pattern left out ("Bali")
    name = s.text[toks[a].start - s.start:m.char_end - s.start]
    return Mention("place", "place:" + normalise(name), name, m.sentence, a, m.end, toks[a].start, m.char_end,
                   None, MentionFacts(venue=True))


def _learn_forms(mentions: list[Mention], sentences: list[Sentence], gaz: Gazetteer) -> None:
    for m in mentions:
        toks = sentences[m.sentence].tokens
        if m.kind == "org" and m.entry is None:
            gaz.add(m.name, "org-pattern", m.facts)
            if m.facts.short and len(m.facts.short.split()) > 1:  # "Group" alone names no one body
                gaz.add(m.facts.short, "org-pattern", m.facts)
        acronym = _acronym_after(toks, m.end) or m.facts.acronym_inside
        if acronym and m.kind in {"org", "state"}:
            m.facts.acronyms[acronym] = None
            if m.kind == "org":
                target = m.entry if m.entry is not None else m.facts
                kind = "org" if m.entry is not None else "org-pattern"
                gaz.add(acronym, kind, target)
                m.facts.acronym_of = acronym


LONG_FORM_CONNECTORS = {"and", "of", "for", "on", "the", "in", "&", "against", "to"}


PORTFOLIO_HEADS = frozenset(WORDS["portfolio_heads"])
PORTFOLIO_WORDS = frozenset(WORDS["portfolio_words"])  # "Foreign Ministry": a title's first word that also names a body
NOT_BODY_FIRST_WORDS = frozenset(normalise(w) for w in WORDS["not_body_words"])


def _portfolio_list_end(toks, c: int, taken) -> int | None:
    """End of ", Productivity and Industrial Relations" at the comma c, where the portfolios go on to an
    "and" and stop before a word that is not capitalised; None when the words are known names (a list)."""
    def words_after(k: int) -> int:
        """End of 1-3 capitalised words no known name covers, after token k (k + 1 when none)."""
        n = k + 1
        while n < len(toks) and taken[n] is None and toks[n].is_cap and n - k <= 3:
            n += 1
        return n

    k = c
    while k < len(toks) and toks[k].text == ",":
        n = words_after(k)
        if n == k + 1 or n >= len(toks):
            return None
        k = n
        if toks[k].norm == "and":
            n = words_after(k)
            if n == k + 1 or (n < len(toks) and (toks[n].is_cap or taken[n] is not None)):
                return None
            return n
    return None


def _long_form_start(toks, a: int, b: int, acronym: str) -> int | None:
    """Token where the long form of `acronym` starts, for a name ending at b, looking back from a
    over capitalised words and connectors (Schwartz & Hearst's rule: the acronym's characters are
    found right to left in the long form, its first character starting a word)."""
    k = a
    while k > 0 and a - k < len(acronym) + 3 and (toks[k - 1].is_cap or toks[k - 1].norm in LONG_FORM_CONNECTORS):
        k -= 1
    for start in range(k, a + 1):  # the longest form the acronym spells
        if toks[start].is_cap and toks[start].norm != "the" and toks[start].text[:1].lower() == acronym[0].lower() \
                and _spells(acronym, " ".join(t.text for t in toks[start:b])):
            return start
    return None


def _spells(acronym: str, long: str) -> bool:
    s, l = len(acronym) - 1, len(long) - 1
    while s >= 0:
        c = acronym[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while l >= 0 and (long[l].lower() != c or (s == 0 and l > 0 and long[l - 1].isalnum())):
            l -= 1
        if l < 0:
            return False
        l -= 1
        s -= 1
    return True


def _acronym_after(tokens, j) -> str | None:
    """ACR in "Long Name (ACR)" right after token j."""
    if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")":
        cand = tokens[j + 1].text
        if re.fullmatch(r"[A-Z][A-Za-z0-9&\-/]*", cand) and sum(c.isupper() for c in cand) >= 2:
            return cand
    return None


def _sentence_mentions(si, s: Sentence, gaz, heads: _Heads, actor_nouns, lexicon) -> list[Mention]:
    """The state, organisation and place mentions of one sentence: known names first, then names
    grown around organisation heads, then the states and places outside organisations."""
    toks = s.tokens
    matches = _scan(toks, gaz)
    taken: list[Match | None] = [None] * len(toks)  # token -> match covering it
    for m in matches:
        for k in range(m.start, m.end):
            taken[k] = m
    orgs = _known_orgs(si, s, matches)
    _head_orgs(si, s, heads, taken, orgs)
    _long_forms_of_acronyms(si, s, orgs, matches)
    _national_bodies(si, s, matches, orgs)
    _country_offices(si, s, orgs, taken)
    _bracketed_countries(toks, orgs, taken)
    out = orgs + _states_and_places(si, s, matches, orgs, taken, actor_nouns, heads)
    out.extend(m for m in _pattern_places(si, s, taken, out) if s.tokens[m.end - 1].norm not in heads.not_place)
    out.sort(key=lambda m: (m.start, -m.end))
    out = _drop_acronym_definitions(out, toks)
    out = _named_by_kind(si, s, out, heads)
    _mark_as_members(out, toks, heads)
    return out


def _known_orgs(si, s: Sentence, matches) -> list[Mention]:
    """Organisations of the gazetteer and forms learnt in the first pass; not those inside an
    event's name after an ordinal ("the 8th Bali Process Ministerial Conference")."""
    orgs: list[Mention] = []
    for m in matches:
        if m.kind not in {"org", "org-pattern"}:
            continue
        instance = _is_instance(s.tokens, m.start, m.end)
        if instance == "ordinal":
            continue
        if m.kind == "org":
            facts = MentionFacts(in_name=True, owner=instance == "owner") if instance else None
            orgs.append(_org_mention(si, s, m.start, m.end, m.entry, m.entry.id, m.entry.kind, m.entry.country,
                                     facts=facts))
        else:
            a = replace(m.entry)
            if instance:
                a.in_name, a.owner = True, instance == "owner"
            orgs.append(_org_mention(si, s, m.start, m.end, None, a.key, a.kind, a.country, facts=a))
    return orgs


def _head_orgs(si, s: Sentence, heads: _Heads, taken, orgs: list[Mention]) -> None:
    """Organisation names grown around a head word ("Ministry", "Office") not inside a known one."""
    toks, i = s.tokens, 0
    while i < len(toks):
        h = heads.at(toks, i)
        if h is None or (taken[i] is not None and taken[i].kind in {"org", "org-pattern"}):
            i += 1
            continue
        if i >= 2 and toks[i - 1].norm == "of" and toks[i - 2].norm in TITLE_OF:
            i += h[0]  # "Chief of Mission", "Head of Office": a job title, not an organisation
            continue
        span = _expand_org(toks, i, i + h[0], taken, heads)
        if span and toks[i].norm in SUBUNIT_HEADS and span[1] + 1 < len(toks) and \
                toks[span[1]].norm in {"at", "within"} and \
                (toks[span[1] + 1].text[:1].isupper() or toks[span[1] + 1].norm == "the"):
            i = span[1]  # "the Humanitarian Division at the Department of …": part of a job title
            continue
        if span and span[1] - span[0] > h[0]:
            _add_pattern_org(si, s, span, h[1], orgs)
            i = max(i + 1, span[1])
        else:
            i += h[0]


def _add_pattern_org(si, s: Sentence, span, kind: str, orgs: list[Mention]) -> None:
    """The organisation of tokens a..b in place of the known ones inside it; an international
    body's own office is named after it ("UNODC's Regional Office for Southeast Asia")."""
    toks, text, off = s.tokens, s.text, s.start
    a, b, country, short_from = span
    name = _surface(toks, a, b, text, off)
    inner = [o for o in orgs if a <= o.start and o.end <= b]
    for o in inner:
        orgs.remove(o)
    if _overlaps(orgs, a, b):
        return
    short = _surface(toks, short_from, b, text, off) if short_from > a else None
    key = "pattern:" + normalise(short or name)
    facts = MentionFacts(key=key, kind=kind, country=country, short=short, name=name)
    owner = next((o for o in inner if o.entry is not None and o.entry.kind in INTERNATIONAL_KINDS
                  and o.end + 1 < b and toks[o.end].text in {"'s", "’s"}), None)
    if owner is not None:
        name = f"{owner.name} {_surface(toks, owner.end + 1, b, text, off)}"
        key, kind, country = "pattern:" + normalise(name), owner.entry.kind, None
        facts = MentionFacts(key=key, kind=kind, name=name, parent=owner.entry.id)
    orgs.append(_org_mention(si, s, a, b, None, key, kind, country, facts=facts))


def _long_forms_of_acronyms(si, s: Sentence, orgs: list[Mention], matches) -> None:
    """A pattern name that stops short of what its acronym spells:
    "Australian Transaction Reports and Analysis Centre (AUSTRAC)", not "Analysis Centre"."""
    toks = s.tokens
    for o in list(orgs):
        acronym = _acronym_after(toks, o.end) if o.entry is None else None
        a = _long_form_start(toks, o.start, o.end, acronym) if acronym else None
        if a is None or a >= o.start or _overlaps([x for x in orgs if x is not o], a, o.start):
            continue
        orgs.remove(o)
        name = _surface(toks, a, o.end, s.text, s.start)
        key = "pattern:" + normalise(name)
        country = o.facts.country or next((m.entry.name for m in matches if m.kind in {"state", "demonym"}
                                           and a <= m.start and m.end <= o.start), None)
        orgs.append(_org_mention(si, s, a, o.end, None, key, o.facts.kind or "other", country,
                                 facts=replace(o.facts, key=key, country=country, short=None, name=name)))


def _national_bodies(si, s: Sentence, matches, orgs: list[Mention]) -> None:
    """Head-first national bodies ("Immigration New Zealand") and governments named with "Royal"
    and a demonym ("Royal Thai Government")."""
    toks = s.tokens
    for m in matches:
        a, b = None, None
        if m.kind == "state" and m.start > 0 and toks[m.start - 1].norm in HEAD_FIRST and toks[m.start - 1].is_cap:
            a, b = m.start - 1, m.end
        elif m.kind == "demonym" and m.start > 0 and toks[m.start - 1].text == "Royal" and m.end < len(toks) \
                and toks[m.end].text == "Government":
            a, b = m.start - 1, m.end + 1
        if a is None or b is None or _overlaps(orgs, a, b):
            continue
        name = _surface(toks, a, b, s.text, s.start)
        key = "pattern:" + normalise(name)
        orgs.append(_org_mention(si, s, a, b, None, key, "government", m.entry.name,
                                 facts=MentionFacts(key=key, kind="government", country=m.entry.name, name=name)))


def _country_offices(si, s: Sentence, orgs: list[Mention], taken) -> None:
    """Country offices: "IOM Thailand", "International Justice Mission – Thailand", "IOM (IOM) Thailand";
    "International Organization for Migration (IOM) Pakistan" is also "IOM Pakistan"."""
    toks = s.tokens
    for o in list(orgs):
        if o.entry is None or o.entry.kind not in {"intergovernmental", "ngo", "other", "private-sector"}:
            continue
        j = o.end + (1 if o.end < len(toks) and toks[o.end].text in {"-", "–", "—"} else 0)
        if _acronym_after(toks, j):
            j += 3
        st = taken[j] if j < len(toks) else None
        if st is None or st.kind != "state" or st.start != j:
            continue
        orgs.remove(o)
        name = f"{_surface(toks, o.start, o.end, s.text, s.start)} {_surface(toks, st.start, st.end, s.text, s.start)}"
        key = f"{o.entry.id}@{st.entry.iso3}"
        forms = list(dict.fromkeys([f"{f} {st.entry.name}" for f in o.entry.forms] +
                                   [f"{o.entry.acronym} {a}" for a in st.entry.aliases if o.entry.acronym]))
        orgs.append(_org_mention(si, s, o.start, st.end, None, key, o.entry.kind, st.entry.name,
                                 facts=MentionFacts(key=key, kind=o.entry.kind, country=st.entry.name,
                                                    name=name, aliases=forms, parent=o.entry.id)))


def _bracketed_countries(toks, orgs: list[Mention], taken) -> None:
    """"(Ministry of Manpower, Indonesia)": a national body with its state after a comma, in brackets."""
    for o in orgs:
        st = taken[o.end + 1] if o.end + 2 < len(toks) and toks[o.end].text == "," else None
        if st is not None and st.kind == "state" and st.start == o.end + 1 and st.end < len(toks) \
                and toks[st.end].text == ")" and o.start > 0 and toks[o.start - 1].text == "(" \
                and not o.facts.country:
            o.facts.country = st.entry.name


def _states_and_places(si, s: Sentence, matches, orgs: list[Mention], taken, actor_nouns, heads) -> list[Mention]:
    """States, demonyms that stand for a state's actors, and places, outside every organisation."""
    toks, out = s.tokens, []
    for m in matches:
        if any(o.start <= m.start and m.end <= o.end for o in orgs):
            continue  # a state or a place inside an organisation's name
        if m.kind == "state" and m.end < len(toks) and toks[m.end].norm in {"$", "dollar", "dollars"}:
            continue  # "US$ 2 million": a currency
        if m.kind == "state":
            if m.end < len(toks) and toks[m.end].text in {"'s", "’s"} and _possessive_org_follows(toks, m.end + 1, orgs):
                continue
            out.append(_mention(si, s, "state", m.entry.iso3, m.start, m.end, m.entry))
        elif m.kind == "demonym" and _demonym_is_actor(toks, m.end, actor_nouns, taken, heads.title_first):
            out.append(_mention(si, s, "state", m.entry.iso3, m.start, m.end, m.entry, facts=MentionFacts(demonym=True)))
        elif m.kind == "place":
            nxt = toks[m.end] if m.end < len(toks) else None
            end = m.end
            if nxt is not None and nxt.text in PLACE_SUFFIXES and taken[m.end] is None:
                end += 1  # "Songkhla Province", "Manus Island"
            elif nxt is not None and nxt.text[:1].isupper() and taken[m.end] is None:
                continue  # part of a longer name: "Adelaide Strategy"
            out.append(_mention(si, s, "place", "place:" + normalise(m.entry.name), m.start, end, m.entry,
                                facts=MentionFacts(country=m.entry.country)))
    return out


def _stems(name: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z]{3,}", name.lower())} - {"the", "and", "for"}


def _variant_of_known(long_form: Mention, acronym: Mention) -> bool:
    """Is a name the rules grew a variant of the known body its bracketed acronym names: two words
    in common with one of its forms, and no other country?"""
    entry = acronym.entry
    if long_form.entry is not None or entry is None or acronym.kind != "org":
        return False
    if long_form.facts.country and entry.country and long_form.facts.country != entry.country:
        return False
    return any(len(_stems(long_form.name) & _stems(form)) >= 2 for form in entry.forms)


def _drop_acronym_definitions(mentions: list[Mention], toks) -> list[Mention]:
    """"Regional Support Office (RSO)": the parenthesised acronym is not a second mention."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and m.start >= 1 and toks[m.start - 1].text == "(" and m.end < len(toks)
                and toks[m.end].text == ")" and prev.end == m.start - 1 and prev.kind == m.kind):
            if _variant_of_known(prev, m):  # "United Nations Refugees Agency (UNHCR)": a known body in other words
                out[-1] = replace(m, start=prev.start, end=prev.end, char_start=prev.char_start,
                                  char_end=prev.char_end, name=prev.name)
                out[-1].facts.acronyms[m.name] = None
                continue
            prev.facts.acronyms[m.name] = None
            continue
        if (prev is not None and prev.kind == "org" and m.kind in {"org", "state"}
                and _of_after_acronym(toks, prev.end, m.start) and _acronym_after(toks, prev.end)):
            # "Regional Support Office (RSO) of the Bali Process": the rest of the first name
            if m.kind == "state" and not prev.facts.country:
                prev.facts.country = m.entry.name
            prev.facts.acronym_inside = _acronym_after(toks, prev.end)
            prev.end, prev.char_end = m.end, m.char_end
            continue
        out.append(m)
    return out


LIST_SEPARATOR = re.compile(r"^\s*(?:,\s*(?:and\s+|as well as\s+)?|and\s+|as well as\s+)(?:the\s+)?$")
NAME_RUN = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’&-]*)(?:\s+(?:(?:of|for|on|against)\s+)?[A-Z][\w'’&-]*)*"
                      r"(?:\s+\([A-Z][\w&-]{1,12}\))?")


def add_listed_bodies(sentences: list[Sentence], mentions: list[Mention], people: list, lexicon: Lexicon):
    """(mentions, people) with the names listed beside known actors (see `_list_members`) as
    organisations. A person the text gives no honorific or title, listed among bodies ("IOM, Harbour
    Watch and Fiji"), is taken for a body; acronyms the text defines for something else ("Joint
    Periods of Action (JPoA)") and demonyms are no bodies."""
    heads = lexicon.compiled("heads", lambda: _Heads(lexicon))
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    firm: dict[int, list[tuple[int, int]]] = {}
    for p in people:
        toks = sentences[p.sentence].tokens
        said_by = SPEECH_BY.search(sentences[p.sentence].text[:toks[p.start].start - sentences[p.sentence].start])
        if p.honorific or p.roles or said_by:  # "Remarks by Filippo Grandi, United Nations High Commissioner …"
            firm.setdefault(p.sentence, []).append((toks[p.start].start, toks[p.end - 1].end))
    known = {a for m in mentions for a in m.facts.acronyms} | {m.name for m in mentions if m.kind == "org"}
    not_bodies = {a for s in sentences for a in DEFINED_ACRONYM.findall(s.text) if a not in known}
    out: list[Mention] = []
    for si, s in enumerate(sentences):
        found = by_sentence.get(si, [])
        if any(m.kind in {"state", "org"} for m in found) or heads.body_cue_anywhere.search(s.text):
            found = _list_members(si, s, found, heads, firm.get(si, []), not_bodies, lexicon)
        out.extend(found)
    bodies = {(m.sentence, m.start, m.end) for m in out if m.facts.source in {"list", "cue", "kind"}}
    kept = [p for p in people if not any(si == p.sentence and a < p.end and p.start < b for si, a, b in bodies)]
    return out, kept


SPEECH_BY = re.compile(r"\b(?:remarks|statement|speech|address|message|keynote|presentation|briefing|interview)"
                       r"\s+(?:\w+\s+)?(?:by|from|with)\s+$", re.I)
DEFINED_ACRONYM = re.compile(r"\(([A-Z][A-Za-z-]{1,11})\)")


def _named_by_kind(si, s: Sentence, mentions: list[Mention], heads: _Heads) -> list[Mention]:
    """A name right after the kind of body it is ("the media group Emtek", "the charity Harbour
    Watch"; `body_kinds` in data/words.yaml) is an organisation."""
    found = list(mentions)
    for m in heads.body_kind.finditer(s.text):
        run = NAME_RUN.match(s.text, m.end())
        if run and _may_be_body(s, run, found, heads):
            found.append(_run_mention(si, s, run, "kind"))
    return sorted(found, key=lambda x: (x.start, -x.end)) if len(found) > len(mentions) else mentions


def _list_members(si, s: Sentence, mentions: list[Mention], heads: _Heads, people: list[tuple[int, int]],
                  not_bodies: set[str], lexicon: Lexicon) -> list[Mention]:
    """Names listed beside known actors are actors too: "Meta and Match Group", "UNHCR, Geutanyoe
    Malaysia and the Arakan Project". A run of capitalised words that no mention covers becomes an
    organisation where a list separator joins it to a known state or organisation (or to a name
    found so; a list is read out in both directions), or where a cue that only bodies follow comes
    right before it ("with funding from X", `body_cues` in data/words.yaml). Runs that are job titles, event or document
    names, or start a sentence are left alone."""
    found = sorted(mentions, key=lambda m: m.char_start)
    runs = [r for r in NAME_RUN.finditer(s.text) if _may_be_body(s, r, found, heads) and
            sum(c.isalpha() for c in r.group()) > 1 and  # "H.E.": an honorific's letter names no body
            r.group() not in not_bodies and not lexicon.state_by_demonym(r.group()) and
            not any(a < s.start + r.end() and s.start + r.start() < b for a, b in people)]
    added: list[Mention] = []
    changed = True
    while changed:
        changed = False
        actors = sorted((m for m in found + added if m.kind in {"state", "org"}), key=lambda m: m.char_start)
        for r in runs:
            a, b = s.start + r.start(), s.start + r.end()
            if any(m.char_start < b and a < m.char_end for m in added):
                continue
            cued = bool(heads.body_cue.search(s.text, 0, r.start()))
            beside = any(LIST_SEPARATOR.match(s.text[b - s.start:m.char_start - s.start]) for m in actors
                         if m.char_start >= b) or \
                any(LIST_SEPARATOR.match(s.text[m.char_end - s.start:a - s.start]) for m in actors if m.char_end <= a)
            if beside or cued:
                added.append(_run_mention(si, s, r, "cue" if cued else "list"))
                changed = True
    return sorted(mentions + added, key=lambda m: (m.start, -m.end)) if added else mentions


def _may_be_body(s: Sentence, r: re.Match, found: list[Mention], heads: _Heads) -> bool:
    """A run that no mention overlaps, not at the start of the sentence, not a title, an event or
    document name, a month or a weekday."""
    a, b = s.start + r.start(), s.start + r.end()
    if r.start() == 0 or any(m.char_start < b and a < m.char_end for m in found):
        return False
    words = [w.strip("().") for w in r.group().split()]
    last = normalise(words[-1]) if not words[-1].isupper() else ""
    return not (normalise(words[0]) in heads.title_first or last in NAME_SUFFIX_WORDS or ORDINAL.match(words[0]) or
                normalise(words[0]) in NOT_BODY_FIRST_WORDS or normalise(r.group()) in NOT_BODY_FIRST_WORDS)


def _run_mention(si, s: Sentence, r: re.Match, source: str) -> Mention:
    """The organisation a run of capitalised words names; `source` says how it was found: "list"
    (beside known actors), "cue" (after a cue only bodies follow), "kind" (after the kind of body)."""
    name = re.sub(r"\s+\([^)]*\)$", "", r.group())
    a = next(k for k, t in enumerate(s.tokens) if t.start - s.start >= r.start())
    b = a
    while b < len(s.tokens) and s.tokens[b].end - s.start <= r.start() + len(name):
        b += 1
    key = "pattern:" + normalise(name)
    return _org_mention(si, s, a, b, None, key, "other", None,
                        facts=MentionFacts(key=key, kind="other", name=name, source=source))


def _mark_as_members(mentions: list[Mention], toks, heads: _Heads) -> None:
    """Bodies named for their members act through them, not as themselves: "Bali Process Member
    States", "the Bali Process family", "members of the Steering Group and the Ad Hoc Group"."""
    before, previous = False, None
    for m in mentions:
        if m.kind != "org":
            continue
        words = [t.norm for t in toks[max(0, m.start - 4):m.start]]
        while words and words[-1] in {"the", "of"}:
            words.pop()
        gap: list[str] = [t.norm for t in toks[previous.end:m.start]] if previous is not None else []
        joined = before and set(gap) <= {"and", "of", "the", ","} and "and" in gap
        before = joined or (bool(words) and words[-1] in heads.members_before)
        after = toks[m.end].norm if m.end < len(toks) else ""
        following = toks[m.end + 1].norm if m.end + 1 < len(toks) else ""
        if before or after in heads.members_after or (after in heads.member_adjectives and
                                                      following in heads.member_groups):
            m.facts.as_members = True
        previous = m


def _of_after_acronym(toks, a: int, b: int) -> bool:
    """Tokens a..b are "(ACR) of [the]"."""
    words = [t.text for t in toks[a:b]]
    return len(words) in {4, 5} and words[0] == "(" and words[2] == ")" and words[3] == "of" and \
        (len(words) == 4 or words[4] in {"the", "The"})


ORDINAL = re.compile(r"^(\d+(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                     r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
                     r"nineteenth|twentieth)$", re.I)
NAME_SUFFIX_WORDS = frozenset(WORDS["name_suffix_words"])


def _is_instance(toks, a, b) -> str | None:
    """Is the organisation name part of an event's or a document's name?

    "the 8th Bali Process Ministerial Conference", "the Bali Process Regional
    Workshop on …": an ordinal before it, or capitalised words after it that end
    in an event or document word.
    """
    if a > 0 and ORDINAL.match(toks[a - 1].text):
        return "ordinal"
    k = b
    if k < len(toks) and toks[k].text in {"'s", "’s"}:
        k += 1
    while k < len(toks) and k - b < 6 and (toks[k].text[:1].isupper() or toks[k].text[:1].isdigit()):
        k += 1
    if k > b and toks[k - 1].norm in NAME_SUFFIX_WORDS:
        # the capitalised run after the name ends in an event or document word; with a year or a
        # possessive ("the RSO 2023 Border Forum", "2024 RSO Members' …", "the RSO's Workshop")
        # the organisation owns the event and stands on its own
        year_next = b < len(toks) and re.fullmatch(r"(19|20)\d\d", toks[b].text)
        year_before = a > 0 and re.fullmatch(r"(19|20)\d\d", toks[a - 1].text)
        possessive = b < len(toks) and toks[b].text in {"'s", "’s"}
        return "owner" if (year_next or year_before or possessive) else "name"
    return None


def _possessive_org_follows(toks, j, orgs) -> bool:
    return any(o.start == j for o in orgs)


def _demonym_is_actor(toks, j, actor_nouns, taken, title_first=frozenset()) -> bool:
    """"Thai authorities", "Indonesian and Malaysian agencies", "Indonesian Director-General"."""
    k = j
    if k < len(toks) and toks[k].norm in title_first and (
            toks[k].text[:1].isupper() or any(t.text[:1].isupper() for t in toks[k + 1:k + 4])):
        return True  # "Indonesian Director-General", "Indonesian foreign minister Ann Loe" (news style)
    while k + 1 < len(toks) and toks[k].norm in {"and", ","} and taken[k + 1] is not None and taken[k + 1].kind == "demonym":
        k = taken[k + 1].end
    for n in (2, 1):
        if k + n <= len(toks) and normalise(" ".join(t.text for t in toks[k:k + n])) in actor_nouns:
            return True
    return False


def _expand_org(toks, i, j, taken, heads: _Heads):
    """Grow an organisation name around the head toks[i:j]; (start, end, country, short_start)."""
    b = _grow_right(toks, i, j, taken, heads)
    left = _grow_left(toks, i, taken, heads)
    if left is None:
        return None
    a, country, short_from = left
    if country is None:
        for k in range(i, b):
            m = taken[k]
            if m is not None and m.kind == "state":
                country = m.entry.name
    while a < i and toks[a].norm == "the":  # "The Bali Process Technical Experts Group …" at a sentence start
        a += 1
    # a name ending in a connector or holding only the head is no name
    if b - a < 2 and not (a < i):
        return None
    return a, b, country, short_from


def _grow_right(toks, i, j, taken, heads: _Heads) -> int:
    """The end of the name to the right of its head: "of the Republic of Indonesia", "for Migration",
    "to ASEAN", "in Bangkok" (embassies), a list of portfolios."""
    head_norm = normalise(" ".join(t.text for t in toks[i:j]))
    b = j
    while b < len(toks):
        t = toks[b]
        if t.norm in RIGHT_CONNECTORS:
            end = _connected_words_end(toks, b, taken, heads)
            if end is None:
                break
            b = end
            continue
        if t.text == "," and b > j and head_norm in PORTFOLIO_HEADS:
            end = _portfolio_list_end(toks, b, taken)
            if end is not None:
                b = end  # "Ministry of Employment, Productivity and Industrial Relations"
                continue
        if t.norm == "in" and head_norm in EMBASSY_HEADS and b + 1 < len(toks) and taken[b + 1] is not None \
                and taken[b + 1].kind in {"place", "state"}:
            b = taken[b + 1].end
            continue
        break
    return b


def _connected_words_end(toks, b: int, taken, heads: _Heads) -> int | None:
    """The end of the name words after the connector at `b` ("of", "and" …), None where they start
    another name ("… and the Federal Bureau …", "University of X and Professor Y")."""
    t, k = toks[b], b + 1
    while k < len(toks) and toks[k].norm == "the":
        k += 1
    joins = t.norm in {"and", "&"}
    if joins and (not _joins_name(toks, k, taken, heads) or (k < len(toks) and toks[k].norm in heads.person_first)):
        return None
    if k >= len(toks) or not _is_name_token(toks[k]):
        return None
    if joins and taken[k] is not None and taken[k].kind in {"state", "org", "place"}:
        return None
    hk = heads.at(toks, k)
    if joins and hk and (toks[k - 1].norm == "the" or (k + hk[0] < len(toks) and toks[k + hk[0]].norm in {"of", "for"})):
        return None  # "the Ministry of X and the Department of Y": two organisations
    end = k
    while end < len(toks) and (_is_name_token(toks[end]) or toks[end].text in {"'s", "’s"}):
        if toks[end].text in {"'s", "’s"} and end + 1 < len(toks) and toks[end + 1].norm in heads.title_first:
            break  # "the Ministry of Justice's Senior Adviser": the title is not part of the name
        end += 1
    return end


def _grow_left(toks, i, taken, heads: _Heads):
    """(start, country, short_start) of the name to the left of its head: capitalised words,
    possessives inside names, demonyms and state names; None where a job title comes first."""
    a, short_from, country = i, i, None
    while a > 0:
        t = toks[a - 1]
        if t.text in {"'s", "’s"} and a - 2 >= 0:
            prev = taken[a - 2]
            if prev is not None and prev.kind == "state":
                return prev.start, prev.entry.name, a  # "Thailand's Department of ..."
            if _is_name_token(toks[a - 2]) and toks[a - 2].norm not in SENTENCE_START_WORDS:
                a -= 2  # "Attorney-General's Department"
                continue
            break
        m = taken[a - 1]
        if t.text == ")" and a - 3 >= 0 and toks[a - 3].text == "(" and taken[a - 4] is not None \
                and taken[a - 4].kind in {"org", "org-pattern"}:
            a = taken[a - 4].start  # "the UN Refugee Agency (UNHCR) Regional Bureau for …"
            continue
        if m is None and (not _is_name_token(t) or t.norm in SENTENCE_START_WORDS):
            break
        if m is None and t.norm in heads.title_first and t.norm not in PORTFOLIO_WORDS:
            return None  # "led by Additional Director General Immigration, Mr. X": a job title
        if m is not None and m.kind in {"state", "demonym"}:
            country, a = m.entry.name, m.start
            short_from = a if m.kind == "state" else m.end
            continue
        if m is not None and m.kind in {"org", "org-pattern"}:
            a = m.start
            continue
        if m is not None and m.kind == "place":
            break
        a -= 1
    return a, country, short_from


def _joins_name(toks, k, taken, heads) -> bool:
    """After "and": does the capitalised run at k continue this name ("… for Asia and the Pacific")?

    Not when it holds a known state or organisation or an organisation head of its own.
    """
    j = k
    while j < len(toks) and (_is_name_token(toks[j]) or toks[j].norm in {"of", "for", "on", "the"}):
        if taken[j] is not None and taken[j].kind in {"state", "org", "org-pattern", "demonym"}:
            return False
        h = heads.at(toks, j)
        if h and (toks[j - 1].norm == "the" or (j + h[0] < len(toks) and toks[j + h[0]].norm in {"of", "for"})):
            return False  # "… and the Department of Y": a second organisation
        j += 1
    return j > k


def _overlaps(orgs, a, b) -> bool:
    return any(not (b <= o.start or o.end <= a) for o in orgs)


def _org_mention(si, s, a, b, entry, key, kind, country, facts: MentionFacts | None = None) -> Mention:
    toks = s.tokens
    name = s.text[toks[a].start - s.start:toks[b - 1].end - s.start]
    facts = facts or MentionFacts()
    facts.kind = facts.kind or kind
    facts.country = facts.country if facts.country is not None else country
    return Mention("org", key, name, si, a, b, toks[a].start, toks[b - 1].end, entry, facts)


def _mention(si, s, kind, key, a, b, entry, facts: MentionFacts | None = None) -> Mention:
    toks = s.tokens
    name = s.text[toks[a].start - s.start:toks[b - 1].end - s.start]
    return Mention(kind, key, name, si, a, b, toks[a].start, toks[b - 1].end, entry, facts or MentionFacts())


TITLE_OF = frozenset(WORDS["title_of"])
SUBUNIT_HEADS = frozenset(WORDS["subunit_heads"])

INTERNATIONAL_KINDS = {"intergovernmental", "ngo", "other"}
PLACE_SUFFIXES = frozenset(WORDS["place_suffixes"])
PLACE_PREPOSITIONS = frozenset(WORDS["place_prepositions"])


def _cap_run_before(toks, j, taken) -> int | None:
    """Start of a run of 1-3 capitalised, unknown tokens ending at j (exclusive)."""
    a = j
    while a > 0 and j - a < 4:
        t = toks[a - 1]
        if taken[a - 1] is not None:
            break
        if t.text[:1].isupper() or (t.text in {"'s", "’s"} and a - 2 >= 0 and toks[a - 2].text[:1].isupper()):
            a -= 1
            continue
        break
    if a == j or j - a > 3:
        return None
    if toks[a].text in {"'s", "’s"}:
        return None
    if a > 0 and toks[a - 1].norm not in PLACE_PREPOSITIONS and toks[a - 1].text not in {","}:
        return None
    return a


def _pattern_places(si, s: Sentence, taken, found: list[Mention]) -> list[Mention]:
    """Places the gazetteer lacks: "in Penang, Malaysia", "Aceh and North Sumatra in Indonesia"."""
    toks, out = s.tokens, []
    states = [m for m in found if m.kind == "state" and not m.facts.demonym]
    known = {(m.start, m.end) for m in found}
    # "in Nusa Dua, Bali", "at Hat Yai, Songkhla": a place inside a known place of that country
    for pl in (m for m in found if m.kind == "place" and m.entry is not None):
        j = pl.start
        if j >= 3 and toks[j - 1].text == ",":
            a = _cap_run_before(toks, j - 1, taken)
            if a is not None and a > 0 and toks[a - 1].norm in {"in", "at"} and (a, j - 1) not in known \
                    and toks[a].norm not in SENTENCE_START_WORDS:
                out.append(_mention(si, s, "place", "place:" + normalise(_surface(toks, a, j - 1, s.text, s.start)),
                                    a, j - 1, None, facts=MentionFacts(country=pl.entry.country)))
    for st in states:
        j = st.start
        if st.end < len(toks) and toks[st.end].text in {"'s", "’s"}:
            continue
        # "X, <State>"  or  "X in <State>"  or "X in the south-east of <State>"
        if j >= 2 and toks[j - 1].text == ",":
            ends = [j - 1]
        elif j >= 2 and toks[j - 1].norm == "in":
            ends = [j - 1]
        else:
            before = max(0, toks[j].start - s.start - 40)  # the phrase is short: read only the words before
            m = IN_DIRECTION_OF.search(s.text, before, toks[j].start - s.start)
            ends = []
            if m:
                k = next((k for k, t in enumerate(toks) if t.start - s.start == m.start()), None)
                if k is not None:
                    ends = [k]
        for end in ends:
            a = _cap_run_before(toks, end, taken)
            if a is None or (a, end) in known:
                continue
            if toks[a].norm in SENTENCE_START_WORDS:
                continue
            out.append(_mention(si, s, "place", "place:" + normalise(_surface(toks, a, end, s.text, s.start)), a,
                                end, None, facts=MentionFacts(country=st.entry.name)))
            # "Aceh and North Sumatra in Indonesia"
            if a >= 2 and toks[a - 1].norm == "and":
                b2 = a - 1
                a2 = _cap_run_before(toks, b2, taken)
                if a2 is not None and toks[a2].norm not in SENTENCE_START_WORDS:
                    out.append(_mention(si, s, "place", "place:" + normalise(_surface(toks, a2, b2, s.text, s.start)),
                                        a2, b2, None, facts=MentionFacts(country=st.entry.name)))
    return out
