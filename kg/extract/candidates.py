"""Candidates and their features: what the trained decisions choose from.

The rules propose generously; every judgement is left to a model:

- a **role candidate** is an (event, actor) pair for each state or organisation named in a
  sentence of the event, cited by a rule, or the body of one of its speakers; the models
  say whether it organised the event and whether it took part;
- a **place candidate** is an (event, place) pair for each place of the article; the model
  scores each, and the event takes the best one that it accepts.

Features are names (binary indicators): what the rules said, the actor's type, where the
sentence stands (lead, list line, table row, a sentence shared by several events), and what
the dependency parse says of each mention: its relation (after climbing a coordinated list
to its first member), the preposition that governs it, the governing verb's class
(`feature_classes` and `verb_classes` in data/patterns.yaml), its voice and negation, and
the path of relations up to that verb.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import Lexicon, normalise
from .syntax import ParsedSentence
from .document import Analysis
from .entities import Mention
from .events import EventRecord

__all__ = ["Candidate", "role_candidates", "place_candidates", "WordClasses"]

MAX_HOPS = 6


@dataclass(frozen=True)
class Candidate:
    """An (event, actor) or (event, place) pair for a trained model to accept or refuse."""

    event: int                      # index of the event in the analysis
    key: str                        # the actor's or place's registry key
    mention: Mention                # the mention that stands for it (its sentence is the evidence)
    features: tuple[str, ...]


class WordClasses:
    """Lemma → class for verbs and nouns, from data/patterns.yaml (compiled once per lexicon)."""

    def __init__(self, lexicon: Lexicon):
        p = lexicon.patterns
        self.verb: dict[str, str] = {}
        for cls, lemmas in (p.get("verb_classes") or {}).items():
            for lemma in lemmas:
                self.verb.setdefault(lemma.lower(), cls)
        for cls, lemmas in (p.get("feature_classes") or {}).get("verbs", {}).items():
            for lemma in lemmas:
                self.verb.setdefault(lemma.lower(), cls)
        self.noun: dict[str, str] = {}
        for lemma in p.get("organiser_nouns") or []:
            self.noun[lemma.lower()] = "organiser_noun"
        for lemma in (p.get("participant_cues") or {}).get("people_nouns", []):
            self.noun.setdefault(lemma.lower(), "people_noun")
        for cls, lemmas in (p.get("feature_classes") or {}).get("nouns", {}).items():
            for lemma in lemmas:
                self.noun.setdefault(lemma.lower(), cls)
        for trigger in p.get("event_triggers") or {}:
            if " " not in trigger:
                self.noun.setdefault(trigger.lower(), "event_noun")
        self.negation = frozenset(w.lower() for w in (p.get("feature_classes") or {}).get("negation", []))

    def of_verb(self, lemma: str) -> str:
        return self.verb.get(lemma.lower(), "other_verb")

    def of_noun(self, lemma: str) -> str:
        return self.noun.get(lemma.lower(), "other_noun")


def _classes(analysis: Analysis) -> WordClasses:
    return analysis.lexicon.compiled("word_classes", lambda: WordClasses(analysis.lexicon))


def _section(analysis: Analysis, si: int) -> str:
    s = analysis.sentences[si]
    line = s.text.lstrip()
    if si == 0 or s.paragraph == 0:
        return "lead"
    if "|" in s.text or "\t" in s.text:
        return "table"
    if line[:1] in "-•*–" or (len(s.tokens) < 14 and not any(t.text.islower() and len(t.text) > 3 for t in s.tokens)):
        return "list"
    return "body"


def syntax_features(parse: ParsedSentence | None, m: Mention, classes: WordClasses, prefix: str = "") -> list[str]:
    """What the parse says of one mention: relation, preposition, governing verb, voice, negation, path."""
    if parse is None:
        return [prefix + "noparse"]
    i = parse.head_of(m.char_start, m.char_end)
    if i is None:
        return [prefix + "noparse"]
    toks = parse.tokens
    out = []
    listed = False
    while toks[i].dep == "conj" and toks[i].head != i:  # "A, B and C attended": C stands where A does
        i, listed = toks[i].head, True
    if listed or any(t.dep == "conj" and t.head == i for t in toks):
        out.append("in_list")
    dep = toks[i].dep
    prep = None
    path = [dep]
    j = i
    if dep == "pobj" or dep == "pcomp":
        j = toks[i].head
        prep = toks[j].lemma.lower()
        out.append(f"prep={prep}")
        head = toks[toks[j].head]
        if head.pos in {"NOUN", "PROPN"}:
            out.append(f"prep={prep}|noun={classes.of_noun(head.lemma)}")
        path.append(toks[j].dep)
    elif dep == "appos" or dep == "compound" or dep == "poss":
        head = toks[toks[i].head]
        out.append(f"{dep}|noun={classes.of_noun(head.lemma)}")
    verb = None
    for _ in range(MAX_HOPS):
        h = toks[j].head
        if h == j:
            break
        j = h
        if toks[j].pos in {"VERB", "AUX"}:
            verb = j
            break
        path.append(toks[j].dep)
    out.append(prefix + "dep=" + dep)
    if verb is None:
        out.append(prefix + "verb=none")
        return out
    v = toks[verb]
    cls = classes.of_verb(v.lemma)
    passive = any(t.head == verb and t.dep in {"auxpass", "nsubjpass"} for t in toks) or dep == "nsubjpass" \
        or prep == "by" and v.text.endswith(("ed", "en", "t"))
    negated = any(t.head == verb and (t.dep == "neg" or t.lemma.lower() in classes.negation) for t in toks) or \
        any(t.lemma.lower() in classes.negation and toks[t.head].head == verb for t in toks) or \
        (toks[v.head].lemma.lower() in classes.negation if v.head != verb else False)
    voice = "passive" if passive else "active"
    role = dep if prep is None else f"{dep}:{prep}"
    out += [prefix + f"verb={cls}", prefix + f"verb={cls}|{role}|{voice}", prefix + f"lemma={v.lemma.lower()}",
            prefix + "path=" + ">".join(path[:3]) + f">{cls}"]
    if negated:
        out += [prefix + "negated", prefix + f"negated|verb={cls}"]
    return out


def _mentions_by_key(analysis: Analysis, ev: EventRecord) -> dict[str, list[Mention]]:
    reg = analysis.registry
    in_event = set(ev.sentences) | ({ev.anchor} if ev.anchor is not None else set())
    out: dict[str, list[Mention]] = {}
    for m in analysis.mentions:
        if m.kind in {"state", "org"} and m.sentence in in_event and reg.actor_name(m) and not m.facts.as_members:
            out.setdefault(reg.key_of[id(m)], []).append(m)
    return out


def role_candidates(analysis: Analysis) -> list[Candidate]:
    """Every (event, actor) pair the article allows, with its features."""
    reg, classes = analysis.registry, _classes(analysis)
    title = normalise(analysis.article.title or "")
    shared = _shared_sentences(analysis.events)
    n_events = "one" if len(analysis.events) == 1 else "several"
    out = []
    for ei, ev in enumerate(analysis.events):
        by_key = _mentions_by_key(analysis, ev)
        said: dict[str, set[str]] = {}
        for role, found in (("org", ev.organisers), ("part", ev.participants)):
            for m in found:
                if reg.actor_name(m):
                    key = reg.key_of[id(m)]
                    by_key.setdefault(key, []).append(m)
                    said.setdefault(key, set()).add(role)
        speakers: dict[str, Mention] = {}
        for p in ev.people:
            for _, org in p.roles:
                if org is not None and org.kind == "org" and reg.actor_name(org):
                    speakers.setdefault(reg.key_of[id(org)], org)
        for key, org in speakers.items():
            by_key.setdefault(key, []).append(org)
        for key, ms in by_key.items():
            feats = _role_features(analysis, ev, key, ms, said.get(key, set()), key in speakers, title, shared,
                                   classes)
            feats.add("events=" + n_events)
            out.append(Candidate(ei, key, _representative(ms, said.get(key, set()), ev), tuple(sorted(feats))))
    return out


def _representative(ms: list[Mention], said: set[str], ev: EventRecord) -> Mention:
    cited = [m for m in ev.organisers + ev.participants if m in ms]
    return cited[0] if cited else min(ms, key=lambda m: (m.sentence, m.char_start))


def _shared_sentences(events: list[EventRecord]) -> set[int]:
    seen: dict[int, int] = {}
    for ev in events:
        for si in set(ev.sentences):
            seen[si] = seen.get(si, 0) + 1
    return {si for si, n in seen.items() if n > 1}


def _role_features(analysis: Analysis, ev: EventRecord, key: str, ms: list[Mention], said: set[str],
                   speaker: bool, title: str, shared: set[int], classes: WordClasses) -> set[str]:
    reg = analysis.registry
    rec = reg.states.get(key) or reg.orgs.get(key)
    feats = {"rule=" + "+".join(sorted(said)) if said else "rule=none"}
    feats.add("type=state" if key in reg.states else f"type={rec.kind if rec else 'other'}")
    if speaker:
        feats.add("speaker_body")
    in_event = [m for m in ms if m.sentence in set(ev.sentences) or m.sentence == ev.anchor]
    feats.add("mentions=" + ("0" if not in_event else "1" if len(in_event) == 1 else "2" if len(in_event) == 2
                             else "3+"))
    if rec is not None and any(normalise(f) and normalise(f) in title for f in rec.forms):
        feats.add("in_title")
    if any(m.sentence == ev.anchor for m in ms):
        feats.add("in_anchor")
    if any(m.sentence in shared for m in in_event) and not any(m.sentence not in shared for m in in_event):
        feats.add("only_shared_sentences")
    for m in in_event:
        feats.add("section=" + _section(analysis, m.sentence))
        if m.facts.demonym:
            feats.add("demonym")
        if m.facts.in_name:
            feats.add("in_event_name")
        if m.facts.owner:
            feats.add("owns_event_name")
        feats.update(syntax_features(analysis.parses.get(m.sentence), m, classes))
    for r in sorted(said):
        feats.update(f"rule={r}&{f}" for f in list(feats) if f.startswith(("verb=", "negated", "section=")))
    return feats


def place_candidates(analysis: Analysis) -> list[Candidate]:
    """Every (event, place) pair of the article, with its features."""
    reg, classes = analysis.registry, _classes(analysis)
    places = [m for m in analysis.mentions if m.kind == "place" and reg.place_name(m)]
    if not places:
        return []
    order: dict[str, int] = {}
    for m in sorted(places, key=lambda m: (m.sentence, m.char_start)):
        order.setdefault(reg.key_of[id(m)], len(order))
    frame_place = normalise(analysis.frame.place or "")
    out = []
    for ei, ev in enumerate(analysis.events):
        rule_key = reg.key_of.get(id(ev.place)) if ev.place is not None else None
        other_rule = {reg.key_of.get(id(e.place)) for i, e in enumerate(analysis.events) if i != ei and e.place}
        in_event = set(ev.sentences) | ({ev.anchor} if ev.anchor is not None else set())
        for key, rank in order.items():
            ms = [m for m in places if reg.key_of[id(m)] == key]
            feats = {"rule=place" if key == rule_key else "rule=none", "first_place" if rank == 0 else "later_place",
                     "places=" + ("1" if len(order) == 1 else "several"),
                     "events=" + ("one" if len(analysis.events) == 1 else "several")}
            if key in other_rule:
                feats.add("rule_other_event")
            if frame_place and any(normalise(m.name) == frame_place for m in ms):
                feats.add("frame")
            if any(m.facts.venue for m in ms):
                feats.add("venue")
            inside = [m for m in ms if m.sentence in in_event]
            feats.add("in_event" if inside else "outside_event")
            if any(m.sentence == ev.anchor for m in ms):
                feats.add("in_anchor")
            for m in inside:
                feats.add("section=" + _section(analysis, m.sentence))
                feats.update(syntax_features(analysis.parses.get(m.sentence), m, classes))
            if rule_key == key:
                feats.update("rule=place&" + f for f in list(feats) if f.startswith(("prep=", "verb=", "section=")))
            first = min(inside or ms, key=lambda m: (m.sentence, m.char_start))
            rep = ev.place if rule_key == key and ev.place is not None else first
            out.append(Candidate(ei, key, rep, tuple(sorted(feats))))
    return out
