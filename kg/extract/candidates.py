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
from .events import EventRecord, event_owner, headline_subjects, seated

__all__ = ["Candidate", "EntityCandidate", "role_candidates", "place_candidates", "entity_candidates", "WordClasses",
           "sentence_section"]

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
        self.forms: dict[str, str] = {}  # inflected forms of every classed word, for text without a parse
        for table in (self.verb, self.noun):
            for lemma, cls in table.items():
                stem = lemma[:-1] if lemma.endswith("e") else lemma
                for form in (lemma, lemma + "s", lemma + "es", lemma + "d", lemma + "ed", stem + "ed", stem + "ing"):
                    self.forms.setdefault(form, cls)
        for word in (p.get("participant_cues") or {}).get("attendance_words", []):
            if " " not in word:
                self.forms.setdefault(word.lower(), "take_part")

    def in_text(self, tokens) -> set[str]:
        """The classes of the words of a sentence, read from its tokens' forms (no parse needed)."""
        return {self.forms[t.norm] for t in tokens if t.norm in self.forms} - {"other_verb", "other_noun"}

    def of_verb(self, lemma: str, text: str = "") -> str:
        """The class of a verb by its lemma, else by its inflected form ("co-hosted", whose lemma the
        lemmatizer may miss)."""
        found = self.verb.get(lemma.lower())
        if found is None and text:
            found = self.forms.get(text.lower())
        return found if found is not None and found in self.verb.values() else "other_verb"

    def of_noun(self, lemma: str) -> str:
        """The class of a noun, its plural too ("Co-Chairs", "hosts": the parser keeps a proper noun's form)."""
        low = lemma.lower()
        found = self.noun.get(low)
        if found is None and low.endswith("s"):
            found = self.noun.get(low[:-1])
        return found or "other_noun"


def _classes(analysis: Analysis) -> WordClasses:
    return analysis.lexicon.compiled("word_classes", lambda: WordClasses(analysis.lexicon))


def sentence_section(analysis: Analysis, si: int) -> str:
    """Where a sentence stands: the lead, a table row, a list line or the body."""
    s = analysis.sentences[si]
    line = s.text.lstrip()
    if "|" in s.text or "\t" in s.text:
        return "table"  # a table row is one wherever it stands
    if si == 0 or s.paragraph == 0:
        return "lead"
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
    if listed and toks[i].pos in {"NOUN", "PROPN"} and classes.of_noun(toks[i].lemma) != "other_noun":
        out.append("list_head=" + classes.of_noun(toks[i].lemma))  # "the Co-Chairs, Indonesia and Australia"
    out += _window_features(toks, i, classes)
    dep = toks[i].dep
    for t in toks:  # "Indonesia and Australia, our hosts": what the mention is called
        if t.head == i and t.dep == "appos" and t.pos in {"NOUN", "PROPN"}:
            out.append("called=" + classes.of_noun(t.lemma))
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
    out += _clause_features(toks, j, classes)
    for _ in range(MAX_HOPS):
        h = toks[j].head
        if h == j:
            break
        j = h
        if toks[j].pos in {"VERB", "AUX"}:
            verb = j
            break
        if toks[j].pos in {"NOUN", "PROPN"} and classes.of_noun(toks[j].lemma) != "other_noun":
            out.append("under=" + classes.of_noun(toks[j].lemma))  # "the two co-chairs, Minister X"
        out += _clause_features(toks, j, classes)
        path.append(toks[j].dep)
    out.append(prefix + "dep=" + dep)
    if verb is None:
        out.append(prefix + "verb=none")
        return out
    v = toks[verb]
    cls = classes.of_verb(v.lemma, v.text)
    passive = any(t.head == verb and t.dep in {"auxpass", "nsubjpass"} for t in toks) or dep == "nsubjpass" \
        or prep == "by" and v.text.endswith(("ed", "en", "t"))
    negated = any(t.head == verb and (t.dep == "neg" or t.lemma.lower() in classes.negation) for t in toks) or \
        any(t.lemma.lower() in classes.negation and toks[t.head].head == verb for t in toks) or \
        (toks[v.head].lemma.lower() in classes.negation if v.head != verb else False)
    voice = "passive" if passive else "active"
    role = dep if prep is None else f"{dep}:{prep}"
    theme = _verb_theme(toks, verb, classes)
    out += [prefix + f"verb={cls}", prefix + f"verb={cls}|{role}|{voice}", prefix + f"lemma={v.lemma.lower()}",
            prefix + "path=" + ">".join(path[:3]) + f">{cls}", prefix + f"verb={cls}|theme={theme}"]
    if negated:
        out += [prefix + "negated", prefix + f"negated|verb={cls}"]
    return out


def _verb_theme(toks, verb: int, classes: WordClasses) -> str:
    """What a verb acts on, by the class of its noun: its object, the subject of its passive, or the noun
    a participle describes ("convened the Bali Process in 2002": a body, not an event; "the groups,
    chaired by A and B": groups; "hosted the third meeting": an event)."""
    kids = [t for t in toks if t.head == verb and t.dep in {"dobj", "nsubjpass"}]
    if kids:
        noun = kids[0]
    elif toks[verb].dep in {"acl", "relcl"} and toks[verb].head != verb:
        noun = toks[toks[verb].head]
    else:
        return "none"
    if noun.pos not in {"NOUN", "PROPN"}:
        return "pronoun" if noun.pos == "PRON" else "none"
    cls = classes.of_noun(noun.lemma)
    return "name" if cls == "other_noun" and noun.pos == "PROPN" else cls


def _clause_features(toks, j: int, classes: WordClasses) -> list[str]:
    """The class of a relative clause's verb on a word the mention heads or stands in ("Indonesian
    Foreign Minister X, who co-chaired the conference with …": X's state, through X, hosted)."""
    return ["clause=" + classes.of_verb(t.lemma, t.text) for t in toks
            if t.head == j and t.dep in {"relcl", "acl"} and t.pos in {"VERB", "AUX"}]


WINDOW = 6  # tokens either side of a mention (or of the list it stands in) read for role words


def _window_features(toks, first: int, classes: WordClasses) -> list[str]:
    """Role words near a mention or its coordinated list, whatever the parse made of them
    ("I thank the Co-Chairs, Indonesia and Australia, for convening", "A and B, our hosts")."""
    members = {first}
    for k, t in enumerate(toks):
        j, hops = k, 0
        while toks[j].dep == "conj" and toks[j].head != j and hops < 50:
            j, hops = toks[j].head, hops + 1
            if j == first:
                members.add(k)
                break
    lo, hi = min(members), max(members)
    out = set()
    for side, span in (("left", range(max(0, lo - WINDOW), lo)), ("right", range(hi + 1, min(len(toks), hi + 1 + WINDOW)))):
        for k in span:
            t = toks[k]
            cls = classes.of_verb(t.lemma, t.text) if t.pos in {"VERB", "AUX"} else \
                classes.of_noun(t.lemma) if t.pos in {"NOUN", "PROPN"} else None
            if cls and not cls.startswith("other_"):
                out.add(f"{side}={cls}")
    return sorted(out)


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
    headline = {reg.key_of.get(id(m)) for m in headline_subjects(analysis.article.title or "", analysis.mentions,
                                                                 analysis.lexicon)}
    out = []
    for ei, ev in enumerate(analysis.events):
        by_key = _mentions_by_key(analysis, ev)
        owner = event_owner(ev, analysis.sentences, analysis.mentions, analysis.lexicon)
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
            if key in headline:
                feats.add("rule=headline_subject")
            if owner is not None and reg.key_of.get(id(owner)) == key and ev.organisers == [owner]:
                feats.add("rule=event_owner")  # the event's only organiser, as the body it belongs to
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
        feats.update(_context_features(analysis, m.sentence, classes))
        feats.add("section=" + sentence_section(analysis, m.sentence))
        if m.facts.demonym:
            feats.add("demonym")
        if any(p.kind == "place" and p.sentence == m.sentence and 0 <= m.char_start - p.char_end <= 2
               for p in analysis.mentions):
            feats.add("country_of_place")  # "Bangkok, Thailand": where, not who
        if m.facts.in_name:
            feats.add("in_event_name")
        if m.facts.owner:
            feats.add("owns_event_name")
        feats.update(syntax_features(analysis.parses.get(m.sentence), m, classes))
    for r in sorted(said):
        feats.update(f"rule={r}&{f}" for f in list(feats) if f.startswith(("verb=", "negated", "section=")))
    return feats


INTRO_REACH = 12  # sentences back to the line a list hangs from


def _context_features(analysis: Analysis, si: int, classes: WordClasses) -> list[str]:
    """The role words of the line a mention's list hangs from ("The following attended as observers:"
    then a line per body), whatever the parse made of the list."""
    for back in range(si - 1, max(-1, si - INTRO_REACH), -1):
        if analysis.sentences[back].text.rstrip().endswith(":"):
            return ["intro=" + c for c in sorted(classes.in_text(analysis.sentences[back].tokens))]
        if sentence_section(analysis, back) != "list":
            break
    return []


def _nesting_features(ms: list[Mention], places: list[Mention]) -> set[str]:
    """ "Nusa Dua, Bali": the place named first is the one inside the other; "the Westin, Nusa Dua": a
    venue, then the town it stands in."""
    out = set()
    for m in ms:
        for other in places:
            if other.sentence != m.sentence or other is m:
                continue
            if 0 <= other.char_start - m.char_end <= 2:
                out.add("venue_before_town" if m.facts.venue else "inside_next_place")
            elif 0 <= m.char_start - other.char_end <= 2:
                out.add("town_after_venue" if other.facts.venue else "contains_previous_place")
    return out


def place_candidates(analysis: Analysis) -> list[Candidate]:
    """Every (event, place) pair of the article, with its features."""
    reg, classes = analysis.registry, _classes(analysis)
    places = [m for m in analysis.mentions if m.kind == "place" and reg.place_name(m)]
    if not places:
        return []
    order: dict[str, int] = {}
    for m in sorted(places, key=lambda m: (m.sentence, m.char_start)):
        if "venue_before_town" not in _nesting_features([m], places):  # "the Novotel Hotel, Suva" is one place
            order.setdefault(reg.key_of[id(m)], len(order))
    frame_place = normalise(analysis.frame.place or "")
    out = []
    for ei, ev in enumerate(analysis.events):
        rule_key = reg.key_of.get(id(ev.place)) if ev.place is not None else None
        other_rule = {reg.key_of.get(id(e.place)) for i, e in enumerate(analysis.events) if i != ei and e.place}
        in_event = set(ev.sentences) | ({ev.anchor} if ev.anchor is not None else set())
        # the event's own sentences name no place, but where a body sits ("the RSO, based in Bangkok")
        placeless = not any(m.sentence in in_event and not seated(analysis.sentences[m.sentence], m) for m in places)
        for key, rank in order.items():
            ms = [m for m in places if reg.key_of[id(m)] == key]
            if all("venue_before_town" in _nesting_features([m], places) for m in ms):
                continue  # "at the Novotel Hotel, Suva": the town named with a venue is the event's place
            feats = {"rule=place" if key == rule_key else "rule=none", "first_place" if rank == 0 else "later_place",
                     "places=" + ("1" if len(order) == 1 else "several"),
                     "events=" + ("one" if len(analysis.events) == 1 else "several")}
            if key in other_rule:
                feats.add("rule_other_event")
            if frame_place and any(normalise(m.name) == frame_place for m in ms):
                feats.add("frame")
                if placeless:
                    feats.add("frame&placeless_event")  # "KUALA LUMPUR: …" over sections that name no town
            if any(m.facts.venue for m in ms):
                feats.add("venue")
            feats.update(_nesting_features(ms, places))
            inside = [m for m in ms if m.sentence in in_event]
            feats.add("in_event" if inside else "outside_event")
            if any(m.sentence == ev.anchor for m in ms):
                feats.add("in_anchor")
            for m in inside:
                feats.add("section=" + sentence_section(analysis, m.sentence))
                feats.update(syntax_features(analysis.parses.get(m.sentence), m, classes))
            if rule_key == key:
                feats.update("rule=place&" + f for f in list(feats) if f.startswith(("prep=", "verb=", "section=", "outside_event", "rule_other_event")))
            first = min(inside or ms, key=lambda m: (m.sentence, m.char_start))
            rep = ev.place if rule_key == key and ev.place is not None else first
            out.append(Candidate(ei, key, rep, tuple(sorted(feats))))
    return out


@dataclass(frozen=True)
class EntityCandidate:
    """A person, organisation or place the rules or the name model proposed, for a trained model
    to keep or drop; what the lexicon knows, and a body named right after a cue only bodies follow
    or after the kind of body it is, is kept without a decision."""

    kind: str                       # "person", "org" or "place"
    key: str                        # its registry key
    features: tuple[str, ...]


class NameWords:
    """The classes a word of a proposed name can belong to, from data/patterns.yaml and the lexicon."""

    def __init__(self, lexicon: Lexicon):
        p = lexicon.patterns
        last = lambda phrases: frozenset(normalise(x).split()[-1] for x in phrases if normalise(x))  # noqa: E731
        self.classes: tuple[tuple[str, frozenset[str]], ...] = (("body_head", last(p.get("organisation_heads") or {})),
                        ("venue_head", last(p.get("venue_heads") or [])),
                        ("event_word", last(p.get("event_triggers") or {})),
                        ("title_word", last(p.get("title_words") or [])),
                        ("honorific", frozenset(normalise(x).rstrip(".") for x in p.get("honorifics") or [])),
                        ("facility", frozenset(normalise(x) for x in
                                               (p.get("feature_classes") or {}).get("facility_words", []))))
        self.lexicon = lexicon

    def of(self, word: str) -> str:
        w = normalise(word)
        for name, words in self.classes:
            if w in words:
                return name
        if self.lexicon.state_by_form(w) or self.lexicon.state_by_demonym(w):
            return "state_word"
        if len(w) >= 8 and w.endswith(("tion", "ment", "ship", "ness", "ity", "ices", "ance", "ence", "ism")):
            return "abstract"
        return "other"


def _shape(word: str) -> str:
    """A word's shape: each run of capitals, small letters or digits as one character.

    >>> [_shape(w) for w in ["Kariyawasam", "M.", "UNODC", "L.P.", "al-Hussein"]]
    ['Xx', 'X.', 'X', 'X.X.', 'x-Xx']
    """
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


def _name_features(name: str, words: NameWords) -> list[str]:
    toks = name.replace(",", " ").split()
    if not toks:
        return ["words=0"]
    n = len(toks)
    out = ["words=" + (str(n) if n < 4 else "4+"), "first_shape=" + _shape(toks[0]), "last_shape=" + _shape(toks[-1]),
           "last=" + normalise(toks[-1]), "last_class=" + words.of(toks[-1]), "first_class=" + words.of(toks[0]),
           "last_suffix=" + normalise(toks[-1])[-3:]]
    if any(t[:1].islower() for t in toks[1:-1]):
        out.append("inner_lower")
    if any(words.of(t) == "state_word" for t in toks):
        out.append("has_state_word")
    if words.lexicon.state_by_form(name) or words.lexicon.state_by_demonym(name):
        out.append("whole=state_word")
    if any(len(t.rstrip(".")) == 1 for t in toks):
        out.append("has_initial")
    return out


def _parse_features(analysis: Analysis, si: int, start: int, end: int) -> list[str]:
    parse = analysis.parses.get(si)
    if parse is None:
        return ["noparse"]
    i = parse.head_of(start, end)
    if i is None:
        return ["noparse"]
    t = parse.tokens[i]
    ents = {parse.tokens[k].ent for k in parse.covering(start, end)} - {""}
    return ["ner=" + (t.ent or "none"), "pos=" + t.pos, "dep=" + t.dep, "ner_any=" + "+".join(sorted(ents))]


# named right after "with funding from" or "the charity", or proposed by the recogniser a researcher chose
# with --ner (never seen in training, where no --ner runs): kept like the lexicon's
FIRM_SOURCES = {"cue", "kind", "ner"}


def entity_candidates(analysis: Analysis) -> list[EntityCandidate]:
    """Every person, and every organisation and place the lexicon does not know, with its features."""
    reg = analysis.registry
    words = analysis.lexicon.compiled("name_words", lambda: NameWords(analysis.lexicon))
    out: list[EntityCandidate] = []
    by_person: dict[str, list] = {}
    for p in analysis.people:
        by_person.setdefault(p.key, []).append(p)
    for key, person in reg.persons.items():
        feats = set(_name_features(person.name, words))
        feats.add("honorific" if person.honorific else "no_honorific")
        feats.add("titled" if any(t for t, _, _ in person.roles) else "untitled")
        if any(o for _, o, _ in person.roles):
            feats.add("body")
        feats.add("mentions=" + ("1" if len(person.sentences) == 1 else "2+"))
        for p in by_person.get(key, []):
            toks = analysis.sentences[p.sentence].tokens
            if p.start < len(toks) and p.end <= len(toks):
                feats.update(_parse_features(analysis, p.sentence, toks[p.start].start, toks[p.end - 1].end))
        out.append(EntityCandidate("person", key, tuple(sorted(feats))))
    people = {normalise(p.name) for p in reg.persons.values()} | {normalise(p.name) for p in analysis.people}
    for kind, records in (("org", reg.orgs), ("place", reg.places)):
        mentions: dict[str, list[Mention]] = {}
        for m in analysis.mentions:
            if m.kind == kind and reg.key_of.get(id(m)) in records:
                mentions.setdefault(reg.key_of[id(m)], []).append(m)
        for key, rec in records.items():
            ms = mentions.get(key, [])
            if rec.entry is not None or any(m.entry is not None or m.facts.source in FIRM_SOURCES for m in ms):
                continue
            feats = set(_name_features(rec.name, words))
            feats.add("mentions=" + ("1" if len(ms) == 1 else "2+"))
            if normalise(rec.name) in people:
                feats.add("also_person")  # "Abdul Rahim" listed among bodies is the official named elsewhere
            for m in ms:
                feats.add("source=" + (m.facts.source or "pattern"))
                if m.facts.acronyms:
                    feats.add("acronym")
                if m.facts.venue:
                    feats.add("venue")
                if m.facts.country:
                    feats.add("country")
                feats.update(_parse_features(analysis, m.sentence, m.char_start, m.char_end))
            out.append(EntityCandidate(kind, key, tuple(sorted(feats))))
    return out
