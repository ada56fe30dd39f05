"""Events: dated activities with kind, dates, place, organisers, participants and people.

A sentence with a day-precise date and an event trigger ("training",
"meeting", "webinar", …) or event verb ("met", "convened", "launched")
makes an event; the same dates make one event. An article whose title names
an activity but gives no date yields one undated event. Organisers and
participants come from cue phrases (data/patterns.yaml) followed or
preceded by a list of actors ("co-hosted by A, B and C", "participants from
A, B, and C", "A and B co-chair").
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..lexicon import Lexicon, normalise
from ..model import Article
from ..dates import find_dates, find_nth_days, find_relative_days, find_weekdays
from ..layout import dateline_end, read_frame_line
from .entities import Mention
from .frame import DocumentFrame
from .people import PersonMention
from .text import Sentence, phrase_pattern
from .verbs import class_cues, forms
from .words import WORDS

__all__ = ["EventRecord", "find_events"]

POSSESSIVE_GAP = re.compile(r"^\s*['’]s?\s+$")
LIST_GAP = re.compile(r"^(?:[\s,;]|\band\b|\bas well as\b|\btogether with\b|\balong with\b|\bincluding\b|\bplus\b|"
                      r"\bthe\b|\bits\b|\btheir\b|\bfrom\b|\bof\b|\bby\b|&|\bboth\b|\bMember Organisations\b|"
                      r"\bgovernments?\s+of\b|"
                      r"\bMember States\b|\b(?:Co-)?Chairs?\b|\(\s*[\w\-–&/ ]{1,12}\s*\)|[()]|['’]s\b|–|—|"
                      r"\b(?-i:[A-Z][\w\-]*)['’]s\b)*$", re.I)  # "A and Australia's B": the state owns B
BEFORE_GAP = re.compile(r"^(?:\s|,|\(\s*[\w\-–&/ ]{1,12}\s*\)|\b(?:jointly|also|successfully|together|has|have|had|"
                        r"was|were|is|are|recently|both|each|then|officially|formally|proudly|who|all|pleased|"
                        r"glad|proud|honoured|honored|delighted|to|will|would|subsequently|later|further)\b)*$", re.I)
# "by two Bali Process groups: A and B", "by three agencies, namely A, B and C": a count of the list to come
COUNTED = r"(?:\b(?:two|three|four|five|six|seven|eight|nine|ten|several|both|\d+)\s+(?:[A-Z][\w\-]*\s+){0,4}" \
          r"[a-z]+s\b\s*[:,]?\s*(?:namely\b)?)"
COUNTED_LEAD = re.compile(r"\s*(?:the\s+)?" + COUNTED, re.I)
LEAD_GAP = re.compile(r"^(?:" + COUNTED + r"|\s|,|:|\||['’]s\b|\b(?-i:[A-Z][\w\-]*)\b|\b(?:the|a|an|and|of|from|were|was|are|is|membership|senior|government|law|enforcement|officials?|"
                      r"officers?|experts?|representatives?|delegates?|delegations?|participants?|members?|"
                      r"member|states?|organisations?|organizations?|agencies|partners?|colleagues|staff|"
                      r"counterparts|practitioners|policy|more|than|over|some|\d+)\b)*$", re.I)
RUN_VERBS = re.compile(r"\bto (run|host|deliver|organi[sz]e|conduct|co-host|hold|convene|facilitate)\b", re.I)


@dataclass
class EventRecord:
    name: str
    kind: str
    start: str | None
    end: str | None
    sentences: list[int] = field(default_factory=list)   # sentences assigned to the event
    anchor: int | None = None                            # the sentence that dates it
    place: Mention | None = None
    organisers: list[Mention] = field(default_factory=list)
    participants: list[Mention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)


class _Cues:
    def __init__(self, lexicon: Lexicon):
        p = lexicon.patterns
        triggers = p.get("event_triggers", {})
        self.trigger_kind = {k.lower(): v for k, v in triggers.items()}
        self.generic_name_words = frozenset(normalise(w) for w in p.get("generic_event_name_words", []))
        # "a press release", "told a news conference": the press's own furniture, never an activity reported
        press = "".join(f"(?<!\\b{re.escape(w)} )" for w in p.get("press_words", []))
        self.trigger = re.compile(r"\b" + press + "(" + phrase_pattern(t.lower() for t in triggers) + r")\b", re.I)
        # "delivered a virtual workshop": the object of the verb is an event, so its subject ran it
        event_nouns = [t for t in triggers if " " not in t and t.islower() and not t.endswith("ed")]
        self.event_object = re.compile(r"^\s*(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:"
                                       + phrase_pattern(event_nouns + ["series", "activities", "events"])
                                       + r")s?\b", re.I)
        self.verb = re.compile(r"\b(" + "|".join(re.escape(v) for v in p.get("event_verbs", [])) + r")\b", re.I)
        self.cues = []  # (regex, role, direction)
        for role, key in (("organiser", "organiser_cues"), ("participant", "participant_cues")):
            for direction in ("after", "before"):
                for cue in p.get(key, {}).get(direction, []):
                    self.cues.append((cue, role, direction))
        listed = {c[0].lower() for c in self.cues}
        for role, directions in class_cues(p).items():  # every form of each lemma of the verb classes
            for direction, generated in directions.items():
                for cue in generated:
                    if cue.lower() not in listed:
                        self.cues.append((cue, role, direction))
                        listed.add(cue.lower())
        self.cues.sort(key=lambda c: len(c[0]), reverse=True)
        # words of a cue may be split by a comma: "interventions were made, by A, B and C"
        self.cue_re = re.compile(r"\b(" + phrase_pattern((c[0].lower() for c in self.cues), r",?\s+") + r")\b", re.I)
        self.cue_info: dict[str, list[tuple[str, str]]] = {}
        for cue, role, direction in self.cues:
            self.cue_info.setdefault(cue.lower(), []).append((role, direction))
        org = p.get("organiser_cues", {})
        parts = "|".join(re.escape(w) for w in org.get("part_objects", []))
        # "Sessions were facilitated by …": those who ran a part of the event took part in it
        self.part_subject = re.compile(r"\b(?:" + parts + r")\s+(?:were|was|are|is)\s+(?:\w+ly\s+)?$", re.I)
        self.part_object = re.compile(r"^\s*(?:a|an|the|two|three|several|country|expert|panel|joint)?\s*(?:"
                                      + "|".join(re.escape(w) for w in org.get("part_objects", [])) + r")\b", re.I)
        self.with_cue = re.compile(r"\b(" + "|".join(re.escape(w) for w in org.get("with_cues", [])) +
                                   r")\b(?!\s+(?:the\s+)?(?:support|assistance|funding|participation|help)\b)", re.I)
        nouns = p.get("participant_cues", {}).get("people_nouns", [])
        delegation = p.get("participant_cues", {}).get("state_delegation", [])
        self.delegation = re.compile(r"^(?:['’]s)?\s+(?:" + "|".join(re.escape(w) for w in delegation) + r")\b", re.I)
        self.people_noun = re.compile(r"\b(?:" + phrase_pattern(n.lower() for n in nouns) + r")\b", re.I)
        # headlines speak in the present: "RSO runs regional workshop", "Fiji and IOM co-host dialogue"
        lemmas = p.get("verb_classes", {}).get("organise", []) + ["hold", "launch", "bring together", "gather"]
        irregular = p.get("irregular_verbs", {})
        headline = {form for lemma in lemmas for form in forms(lemma, irregular)[:3]}
        self.headline_verb = re.compile(r"(?<![\w-])(" + phrase_pattern(sorted(headline)) + r")\b", re.I)  # not "RSO-led"
        light = p.get("participant_cues", {})
        self.contribution = re.compile(r"\b(?:" + phrase_pattern(light.get("light_verbs", [])) + r")\s+(?:[\w-]+\s+){0,3}?(?:"
                                       + phrase_pattern(light.get("contribution_nouns", [])) + r")\b", re.I)
        attendance = p.get("participant_cues", {}).get("attendance_words", [])
        # "with A and B among the delegations", "with C as observers": a list that took part
        self.among = re.compile(r"\s+(?:among|as)\s+(?:the\s+)?(?:" + phrase_pattern(n.lower() for n in nouns + attendance)
                                + r")\b", re.I)
        self.attendance = re.compile(r"\b(?:" + phrase_pattern(w.lower() for w in attendance) + r")\b", re.I)


def _cue_name(matched: str) -> str:
    """The cue as listed in the patterns: "made, by" -> "made by"."""
    return re.sub(r",?\s+", " ", matched.lower())


def _kind_near(s: Sentence, char: int, cues: _Cues) -> str | None:
    """The kind of the trigger nearest the date; a specific kind wins over "other" ("event", "function")."""
    best = None
    for m in cues.trigger.finditer(s.text):
        kind = cues.trigger_kind[m.group(1).lower()]
        rank = (kind == "other", abs(s.start + m.start() - char))
        if best is None or rank < best[0]:
            best = (rank, kind)
    return best[1] if best else None


def _event_name(s: Sentence, cues: _Cues, title: str, names: Sequence[tuple[int, int]] = ()) -> str:
    """The capitalised name around a trigger ("the 18th Bali Process Steering Group meeting");
    a trigger inside an organisation's name (`names`, offsets in the text) names no event."""
    best = None
    for m in cues.trigger.finditer(s.text):
        if any(a <= s.start + m.start() < b for a, b in names):
            continue  # "the Asia Pacific Forum of National Human Rights Institutions"
        if m.group(1).islower() and m.group(1).endswith("ed"):
            launched = LAUNCHED.match(s.text[m.end():]) if m.group(1).lower() == "launched" else None
            if launched:  # "launched the Policy Guide on Identifying Victims" names the launch
                best = best or f"Launch of {launched.group(1)}"
            continue  # "X and Y launched a toolkit": a verb names no event; the title does
        left = s.text[:m.start()]
        lm = re.search(r"((?:(?:[A-Z0-9][\w'’\-]*|of|the|on|for|and|&|by(?=\s+[A-Z]))\s+)*)$", left)  # "… by Air course"
        right = s.text[m.end():]
        rm = re.match(r"((?:\s+(?:on|of|for|in|against)\s+(?:the\s+)?(?:[A-Z][\w'’\-]*|and|of|in|the|for|to)"
                      r"(?:\s+(?:[A-Z][\w'’\-]*|and|of|in|the|for|to|persons|people))*))?", right)
        before = FOR_THE.split(lm.group(1))[-1] if lm else ""  # "met in Suva for the X Workshop": X Workshop
        name = before + m.group(1) + (rm.group(1) if rm and rm.group(1) else "")
        name = DATE_IN_NAME.split(name)[-1]  # "Indonesia on 5 June 2024 for the 2024 RSO … Function"
        name = re.sub(r"^(?:(?:the|of|and|on|for|by|The|In|On|At|By)\s+)+", "", name.strip())
        name = re.sub(r"(?:\s+(?:the|of|and|on|for|in|to))+$", "", name)
        if len(name.split()) < 2:
            topic = EVENT_TOPIC.match(right)  # "a training on victim-centred investigations in Chiang Mai"
            if topic:
                name = f"{m.group(1)} {topic.group(1)} {topic.group(2)}"
        if len(name.split()) >= 2 and (best is None or len(name) > len(best)):
            best = name
    if best:
        return best[:1].upper() + best[1:]
    return title


FOR_THE = re.compile(r"(?:^|\s)for\s+(?:the|a|an)\s+")
NAME_JOIN = re.compile(r"^[\s,]*(?:\([^)]*\)[\s,]*)?(?:and|as well as|plus)\s+(?:(?:the|a|an|its|their)\s+)?$", re.I)


def _coordinated_names(s: Sentence, cues: _Cues, names: Sequence[tuple[int, int]] = ()) -> list[str]:
    """Two or more proper event names joined by "and" in one sentence ("a Regional Webinar on X (the
    Regional Webinar), and the Working Group's Eighth Annual Meeting"), each an event of its own."""
    found: list[tuple[int, int, str]] = []
    for m in cues.trigger.finditer(s.text):
        if not m.group(1)[:1].isupper() or any(a <= s.start + m.start() < b for a, b in names):
            continue
        lm = re.search(r"((?:(?:[A-Z0-9][\w'’\-]*|of|the|for|&)\s+)*)$", s.text[:m.start()])
        rm = re.match(r"(?:\s+(?:on|of|for|against)\s+(?:the\s+)?(?:[A-Z][\w'’\-]*|and|of|in|the|for|to)"
                      r"(?:\s+(?:[A-Z][\w'’\-]*|and|of|in|the|for|to|persons|people))*)?", s.text[m.end():])
        start = m.start() - (len(lm.group(1)) if lm else 0)  # both patterns match the empty string
        end = m.end() + (rm.end() if rm else 0)
        name = re.sub(r"^(?:(?:the|of|for|The)\s+)+", "", s.text[start:end]).strip()
        name = re.sub(r"(?:\s+(?:the|of|and|on|for|in|to))+$", "", name)
        words = set(normalise(name).split())
        if len(words) >= 2 and not any(words <= set(normalise(n).split()) for _, _, n in found):
            found.append((start, end, name))
    if len(found) < 2:
        return []
    joined = all(NAME_JOIN.match(s.text[a_end:b_start]) for (_, a_end, _), (b_start, _, _) in zip(found, found[1:]))
    return [n for _, _, n in found] if joined else []


DATE_IN_NAME = re.compile(r"\b\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+(?:January|February|March|April|May|June|July|August|"
                          r"September|October|November|December)(?:\s+\d{4})?\b")
LAUNCHED = re.compile(r"\s+((?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|on|for|and|in|to|the))*[\w'’-])")
# the lower-case topic after a trigger, up to where the sentence turns to place, time, people or a clause
EVENT_TOPIC = re.compile(r"\s+(on|about|against)\s+((?:the\s+)?[a-z][\w'’-]*(?:\s+(?!(?:in|at|from|with|which|that|"
                   r"who|held|hosted|co-hosted|organi[sz]ed|convened|over|between|during|attended|on\s+\d|for\s+\d|"
                   r"for\s+(?:more|over|some|about)\b)\b)[\w'’-]+){0,9})(?=\s*(?:[,.;:(]|\s(?:in|at|from|with|which|"
                   r"that|who|held|hosted|co-hosted|organi[sz]ed|convened|over|between|during|attended|on|for)\b|$))")
PARTICIPLES = frozenset(WORDS["participles"])
RUN_OBJECT_CUES = frozenset(WORDS["run_object_cues"])
PARTNER_CUES = frozenset(WORDS["partner_cues"])
FROM_OF = re.compile(r"\b(from|of)\b", re.I)
PLACES_IN = re.compile(r"\s+(?:[a-z][\w\-]*,?\s+){1,12}in\s+")
AMBIGUOUS_PARTNER_CUES = frozenset(WORDS["ambiguous_partner_cues"])
PARTNERS_INSIDE = re.compile(r",\s*(?:in partnership with|in collaboration with|in cooperation with|together with|"
                             r"jointly with|alongside|along with)\b", re.I)
PRONOUN_ORGANISER = re.compile(r"(?:^|[,;]\s+|\band\s+)(it|they)\s+(?:also\s+|then\s+|jointly\s+)?(?:hosted|co-hosted|"
                               r"convened|organi[sz]ed|co-organi[sz]ed|held|ran|delivered|conducted|led|launched)\b",
                               re.I)
# "That edition, organised with the same partners": the organisers of the event before
SAME_PARTNERS = re.compile(r"\b(?:with|by)\s+the\s+same\s+(?:partners|organi[sz]ers|hosts|co-hosts|co-organi[sz]ers)\b",
                           re.I)
# "one of five activities that the RSO and its partners delivered …; among the others were: …"
UMBRELLA = re.compile(r"\b(?:activities|events|initiatives|programmes|programs|sessions|trainings)\s+(?:that|which)\s+"
                      r"(?P<who>.{1,120}?)\s+(?:delivered|organi[sz]ed|held|hosted|ran|conducted|convened|"
                      r"implemented|co-hosted|co-organi[sz]ed)\b", re.I)
STRICT_LEAD = re.compile(r"^(?:" + COUNTED + r"|\s|\bthe\b|\bgovernments?\s+of\b|"
                         r"\b(?:two\s+)?(?:co-?)?chairs?\s+of\b)*$", re.I)  # "by the Co-Chairs of the Bali Process"
# "X, in partnership with Y and Z, hosted …": the partners sit between the subject and its verb
INTERJECTED_PARTNERS = re.compile(r"(?:,\s*|\s+)(?:in partnership with|in collaboration with|in cooperation with|together with|"
                                  r"jointly with|alongside|along with|with the support of|supported by)\s+(?:the\s+)?$", re.I)


NUMBERED = re.compile(r"\b(?:the\s+)?((?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|"
                      r"Ninth|Tenth|Eleventh|Twelfth|Thirteenth|Fourteenth|Fifteenth|Sixteenth|Seventeenth|"
                      r"Eighteenth|Nineteenth|Twentieth)\s+(?:[A-Z][\w'’\-]*\s+){0,8}?)", re.I)


def _numbered_names(s: Sentence, cues: _Cues) -> list[str]:
    """Two or more numbered events joined by "and" in one sentence, each with its own name."""
    names = []
    for m in cues.trigger.finditer(s.text):
        left = s.text[:m.end()]
        start = None
        for n in NUMBERED.finditer(left):
            start = n.start(1)
        if start is None or re.search(r"[,;]|\band\b", s.text[start:m.start()]):
            continue
        name = s.text[start:m.end()]
        rest = re.match(r"(\s+(?:of|on|for)\s+(?:the\s+)?(?:[A-Z][\w'’\-]*|of|on|for|in|and|the|\(|\))"
                        r"(?:\s+(?:[A-Z][\w'’\-()]*|of|in|for|the|persons|people))*)", s.text[m.end():])
        if rest and not re.search(r"\band\s+the\s+\d|\band\s+the\s+[A-Z][a-z]+th\b", rest.group(1)):
            name += rest.group(1)
        names.append(name.strip())
    if len(names) < 2:
        return []
    joined = all(re.search(r"\band\b", s.text[s.text.index(a) + len(a):s.text.index(b)])
                 for a, b in zip(names, names[1:]) if a in s.text and b in s.text)
    return names if joined else []


def _list_after(s: Sentence, pos: int, actors: list[Mention], strict: bool = False,
                limit: int | None = None) -> list[Mention]:
    """Actors listed right after `pos` (up to `limit`); with `strict` the list must start at once ("with the RSO")."""
    out: list[Mention] = []
    cursor, first = pos, True
    lead = STRICT_LEAD if strict else LEAD_GAP
    counted = COUNTED_LEAD.match(s.text, pos - s.start)
    if counted:
        cursor = s.start + counted.end()  # "by two Bali Process groups:": the count's words are not in the list
    for m in actors:
        if m.char_start < cursor:
            continue
        if limit is not None and m.char_start >= limit:
            break
        gap = s.text[cursor - s.start:m.char_start - s.start]
        if out and out[-1].kind == "state" and m.kind == "org" and POSSESSIVE_GAP.match(gap):
            out[-1] = m  # "by the Philippines' Inter-Agency Council …": the body, not its state
            cursor = m.char_end
        elif (first and lead.match(gap)) or (not first and LIST_GAP.match(gap)):
            out.append(m)
            cursor, first = m.char_end, False
        else:
            break
    return out


def _subject_is_body(s: Sentence, start: int, actors: list[Mention]) -> bool:
    """Is the subject of the passive at `start` an organisation (not the event)?"""
    before = s.text[:start].rstrip()
    relative = re.search(r",?\s*\b(?:which|that|who)\s+(?:is|are|was|were|has been|have been)$", before, re.I)
    if relative:
        # "the meeting, which was chaired by …": the antecedent just before the relative pronoun
        head = before[:relative.start()].rstrip(" ,")
        return any(a.kind == "org" and a.char_end - s.start == len(head) for a in actors)
    subject = [a for a in actors if a.kind == "org" and a.char_end - s.start <= len(before)]
    if not subject:
        return False
    last = subject[-1]
    between = s.text[last.char_end - s.start:len(before)]
    return "," in between or len(between.split()) <= 2


CLAUSE_START = re.compile(r"(?:^|[—–:]\s*|\s-\s*)$")  # a sentence, or a dateline's text, begins here
UNTIL = re.compile(r"\b(?:until|till|through|to|(?:ends|closes|concludes|wraps\s+up)(?:\s+on)?)\s+$", re.I)
DIGIT = re.compile(r"\d")
SINCE = re.compile(r"\bsince\s+(?:the\s+[\w-]+\s+of\s+)?$", re.I)
SPOKEN_ON = re.compile(r"\b(?:said|says|told|tells)(?:\s+(?!on\b|at\b|in\b)[\w'’]+){0,2}\s+$", re.I)
EVENT_PRONOUN = re.compile(r"\b(?:it|which|that|this|these|they|each|all|both)\s*$", re.I)


def _subject_is_event(s: Sentence, start: int, cues: _Cues) -> bool:
    """Can the subject of the passive at `start` be the event? Its clause names an activity or
    refers back with a pronoun ("the workshop was led by", "which were run by"); "observer
    status was held by" and "the roles are held by" are about something else."""
    clause = re.split(r"[,;:—–(]", s.text[:start])[-1]
    return not clause.strip() or bool(cues.trigger.search(clause) or EVENT_PRONOUN.search(clause)
                                      or cues.verb.search(clause))


def _relative_on_body(s: Sentence, start: int, actors: list[Mention]) -> bool:
    """Is the list inside "…, which A and B co-chair" whose antecedent is a body, not the event?"""
    before = s.text[:start - s.start]
    m = re.search(r"(?:,\s*)?\b(which|that|who|whom)\s*$", before, re.I)
    if not m:
        return False
    head = before[:m.start()].rstrip(" ,")
    return any(a.kind == "org" and 0 <= (s.start + len(head)) - a.char_end <= 2 for a in actors) or \
        bool(re.search(r"(Group|Force|Taskforce|Process|Office|Forum|Mechanism)$", head))


# an aside between a subject and its verb: "the RSO and Malaysia — Malaysia being the Lead Shepherd — convened"
ASIDE = re.compile(r"\s[—–]\s[^—–]{1,160}?\s[—–]\s|\s\([^()]{1,160}\)")
# when, between a subject and its verb: "Indonesia and Australia on Tuesday led …"
TEMPORAL = re.compile(r"\b(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                      r"on\s+\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+(?:\s+\d{4})?|today|yesterday|"
                      r"(?:this|last|earlier this|later this)\s+(?:week|month|year))\b,?")
# verbs that join a subject to an organiser verb after them: "came together to convene", "worked together to host"
JOINING = re.compile(r"\b(?:came|come|worked|work|joined forces|teamed up|partnered)\s+(?:together\s+)?(?=to\b|$)", re.I)


def _list_before(s: Sentence, pos: int, actors: list[Mention]) -> list[Mention]:
    out, cursor, first, separate = [], pos, True, False
    asides = [(s.start + a.start(), s.start + a.end()) for a in ASIDE.finditer(s.text, 0, pos - s.start)]
    for m in reversed(actors):
        if m.char_end > cursor or any(a <= m.char_start < b for a, b in asides):
            continue
        gap = TEMPORAL.sub(" ", JOINING.sub(" ", ASIDE.sub(" ", s.text[m.char_end - s.start:cursor - s.start])))
        if first and BEFORE_GAP.match(gap):
            # "…, and the JCLEC also provided support": "also" marks a clause of its own,
            # so the list does not run on past the comma before its subject
            separate = bool(re.search(r"\balso\b", gap, re.I))
        elif first or not LIST_GAP.match(gap) or (separate and "," in gap):
            break
        out.append(m)
        cursor, first = m.char_start, False
    if out and _relative_on_body(s, out[-1].char_start, actors):
        return []  # "the Working Group, which Australia and Indonesia co-chair"
    return list(reversed(out))


PASSIVE_BY = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:jointly\s+|also\s+)?(?:hosted|co-hosted|convened|"
                        r"organi[sz]ed|co-organi[sz]ed|led|co-led|chaired|co-chaired|run|conducted|held|facilitated|"
                        r"delivered|coordinated)\b[^.;]*?\bby\b", re.I)
PERSON_OF = re.compile(r"\b[A-Z][a-z]+\s+([A-Z][\w'’-]+)\s+(?:of|from)\s+(?:the\s+)?$")


@dataclass
class _SentenceRoles:
    """What the cues of one sentence give, as they are read: organisers, participants, partners
    whose role waits on the organisers, and the character spans of the cues already read."""

    organisers: list[Mention] = field(default_factory=list)
    participants: list[Mention] = field(default_factory=list)
    partnered: list[Mention] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)

    def read(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.spans)

    def add(self, role: str, found: list[Mention]) -> None:
        (self.organisers if role == "organiser" else self.participants).extend(found)


def _roles_in_sentence(s: Sentence, actors: list[Mention], cues: _Cues) -> tuple[list[Mention], list[Mention]]:
    """The organisers and participants one sentence names, by passive, cue, delegation, people noun,
    role apposition and attendance list."""
    r = _SentenceRoles()
    _passive_roles(s, actors, cues, r)
    for m in cues.cue_re.finditer(s.text):
        _cue_roles(s, m, actors, cues, r)
    for m in cues.contribution.finditer(s.text):  # "A and B provided expert input": they took part
        if not r.read(m.start()):
            r.participants.extend(a for a in _list_before(s, s.start + m.start(), actors) if a not in r.organisers)
            r.spans.append((m.start(), m.end()))
    # "the Australian delegation", "Indonesia's delegates": the state took part
    r.participants.extend(a for a in actors if a.kind == "state" and cues.delegation.match(s.text[a.char_end - s.start:])
                          and not NO_BEFORE.search(s.text[:a.char_start - s.start]))  # "no Sri Lankan delegation"
    for m in cues.people_noun.finditer(s.text):
        where = _people_noun_from(s, m)
        if where is not None and not r.read(where.start()):
            # "co-chaired by the Foreign Ministers of A and B": organisers, not participants as well
            r.participants.extend(a for a in _participants_after(s, where.end(), actors) if a not in r.organisers)
    # "the RSO, together with UNODC and IOM, launched …": partners of an organiser organise
    r.participants.extend(a for a in r.partnered if a not in r.organisers)
    r.organisers.extend(a for a in _role_apposition(s, actors) if a not in r.organisers)
    for m in ROLE_NOUN_LIST.finditer(s.text):  # "I thank the Co-Chairs, Indonesia and Australia, for …"
        r.organisers.extend(a for a in _list_after(s, s.start + m.end(), actors, strict=True) if a not in r.organisers)
    for m in LIST_ROLE_NOUN.finditer(s.text):  # "… to Indonesia and Australia, our two Co-Chairs, for …"
        r.organisers.extend(a for a in _list_before(s, s.start + m.start(), actors) if a not in r.organisers)
    for m in THANKS.finditer(s.text):  # "thanking the Governments of Indonesia and Australia for bringing us together"
        found = _list_after(s, s.start + m.end(), actors)
        if found and THANKED_FOR.match(s.text[found[-1].char_end - s.start:]):
            r.organisers.extend(a for a in found if a not in r.organisers)
    for m in IN_THE_CHAIR.finditer(s.text):  # "… met online again, with Australia and IOM in the chair"
        r.organisers.extend(a for a in _list_after(s, s.start + m.end(), actors, strict=True) if a not in r.organisers)
    r.participants.extend(_attendance_lists(s, actors, r.organisers, r.participants, cues))
    return r.organisers, r.participants


def _passive_roles(s: Sentence, actors: list[Mention], cues: _Cues, r: _SentenceRoles) -> None:
    """"A Dialogue was convened in Manila on 2 October by A and B": the passive, words between."""
    for m in PASSIVE_BY.finditer(s.text):
        if _subject_is_body(s, m.start(), actors) or not _subject_is_event(s, m.start(), cues):
            continue  # "IACAT, the body that …, is chaired by the Department of Justice"
        if cues.part_subject.search(s.text[:m.start() + len(m.group().split()[0]) + 1]):
            r.participants.extend(_list_after(s, s.start + m.end(), actors))  # "Sessions were led by"
            r.spans.append((m.start(), m.end()))
            continue
        r.organisers.extend(_list_after(s, s.start + m.end(), actors, strict=True))
        r.spans.append((m.end() - 2, m.end()))


def _cue_roles(s: Sentence, m: re.Match, actors: list[Mention], cues: _Cues, r: _SentenceRoles) -> None:
    """The roles one cue gives: to the list after it or before it, by its class and direction."""
    cue = _cue_name(m.group(1))
    if r.read(m.start()):
        return
    r.spans.append((m.start(), m.end()))
    for role, direction in cues.cue_info.get(cue, []):
        found = (_after_cue(s, m, cue, role, actors) if direction == "after"
                 else _before_cue(s, m, cue, role, actors, cues, r))
        if found is None:
            continue
        role, mentions = found
        if role != "organiser" and cue in AMBIGUOUS_PARTNER_CUES:
            r.partnered.extend(mentions)  # decided once the sentence's organisers are known
        else:
            r.add(role, mentions)


def _after_cue(s: Sentence, m: re.Match, cue: str, role: str, actors: list[Mention]):
    """(role, actors) of the list after a cue ("hosted by A and B"); None where the passive's
    subject is a body, not the event ("IACAT, the body that …, is chaired by the Department")."""
    auxiliary = cue.split()[0] in {"is", "are", "was", "were"}
    if (auxiliary or re.search(r"\b(is|are|was|were)\s+$", s.text[:m.start()], re.I)) and \
            _subject_is_body(s, m.start() + (len(cue.split()[0]) if auxiliary else 0), actors):
        return None
    found = (_list_after(s, s.start + m.end(), actors) if role == "organiser"
             else _participants_after(s, m.end(), actors))
    if role == "organiser" and cue in PARTNER_CUES and found:
        found = _list_before(s, s.start + m.start(), actors) + found  # "X partnered with Y"
    if cue == "joined" and not RUN_VERBS.search(s.text):
        role = "participant"
    return role, found


# "The RSO, with support from Canada, delivered": the verb's subject stands before the supporter
SUPPORTER_ASIDE = re.compile(r",\s*(?:" + phrase_pattern(WORDS["supporter_cues"]) + r")\s+[^,;]{2,80},\s*$", re.I)
# "Fiji and Samoa, the two co-chairs of the group, are holding": an apposition between the list and its verb
ROLE_ASIDE = re.compile(r",\s*(?:the|its|their|both|our)\s+[^,;:.()]{2,80},\s*(?:(?:are|is|was|were|have|has|had|will|"
                        r"would|jointly|also|together|then)\s+)*$", re.I)
COLON_AFTER = re.compile(r"\s*:\s*\S")
NEGATED_BEFORE = re.compile(r"\b(?:not|never|n['’]t|unable\s+to|failed\s+to)\s+(?:\w+ly\s+)?(?:be\s+)?$", re.I)
NEGATED_NEAR = re.compile(r"\b(?:not|never|n['’]t|unable\s+to|failed\s+to|no)\s+(?:\w+\s+){0,2}$", re.I)
NO_BEFORE = re.compile(r"\b(?:no|neither|nor)\s+(?:the\s+)?$", re.I)
HELD_CLAUSE = re.compile(r"[.;]|,\s*(?:and|but|while|which|for)\b")
RAN_CLAUSE = re.compile(r"[.;]|,\s*(?:and|but|while|which)\b")


def _before_cue(s: Sentence, m: re.Match, cue: str, role: str, actors: list[Mention], cues: _Cues,
                r: _SentenceRoles):
    """(role, actors) of the list before a verb cue ("A and B co-hosted"), with the partners named
    around it; None for a participle after a comma that names no one ("…, held over 26-27 July")."""
    if COLON_AFTER.match(s.text[m.end():]):  # "Fifteen countries sent representatives: A, B and C"
        return role, _list_after(s, s.start + m.end() + s.text[m.end():].index(":") + 1, actors)
    if NEGATED_BEFORE.search(s.text[:m.start()]):  # "Thailand and the UAE could not attend"
        return None
    supporter = SUPPORTER_ASIDE.search(s.text[:m.start()])
    aside = supporter or ROLE_ASIDE.search(s.text[:m.start()])
    found = _list_before(s, s.start + (aside.start() if aside else m.start()), actors)
    person = found and role != "organiser" and PERSON_OF.search(s.text[:found[0].char_start - s.start])
    if person and not cues.people_noun.fullmatch(person.group(1)):
        found = []  # "Mr Bob Lee of the RSO spoke": the person speaks; their body counts through them
    partners = _partners_around(s, m, found, r)
    if re.search(r",\s*$", s.text[:m.start()]) and cue in PARTICIPLES and not partners and not (aside and found):
        # "…, held from 3 to 7 June with the ABF and JCLEC": those it was held with organised it
        if role == "organiser" and not cues.part_object.match(s.text[m.end():]):
            return "organiser", _with_list(s, m, actors, cues, r, HELD_CLAUSE)
        return None
    role = _verb_cue_role(s, m, cue, role, cues)
    if role == "organiser" and found:
        if partners:
            found = _list_before(s, s.start + partners.start(), actors) + found
        found = found + _with_list(s, m, actors, cues, r, RAN_CLAUSE)  # "X ran the course together with Y"
    return role, found


def _partners_around(s: Sentence, m: re.Match, found: list[Mention], r: _SentenceRoles):
    """"X, in partnership with Y, hosted" / "the RSO, together with UNODC and IOM, launched": the
    partners' phrase before the verb (not a participant cue as well)."""
    if not found:
        return None
    first = found[0].char_start - s.start
    inside = PARTNERS_INSIDE.search(s.text, first, m.start())
    if inside:
        r.spans.append((inside.start(), inside.end()))
    return INTERJECTED_PARTNERS.search(s.text, 0, first) or inside


def _verb_cue_role(s: Sentence, m: re.Match, cue: str, role: str, cues: _Cues) -> str:
    """The role a verb gives by what follows it: "joined" with "to run" organises, "delivered a
    workshop" organises, "led a discussion" (a part of the event) takes part."""
    rest = s.text[m.end():]
    if cue == "joined":
        role = "organiser" if RUN_VERBS.search(s.text) else "participant"
    if role == "participant" and cue in RUN_OBJECT_CUES and cues.event_object.match(rest):
        role = "organiser"
    if role == "organiser" and cues.part_object.match(rest):
        role = "participant"
    return role


def _with_list(s: Sentence, m: re.Match, actors: list[Mention], cues: _Cues, r: _SentenceRoles,
               clause_end: re.Pattern) -> list[Mention]:
    """The actors a "with" phrase names in the clause after the verb at `m`."""
    clause = clause_end.split(s.text[m.end():])[0]
    w = cues.with_cue.search(clause)
    if not w:
        return []
    r.spans.append((m.end() + w.start(), m.end() + w.end()))
    found = _list_after(s, s.start + m.end() + w.end(), actors, strict=True, limit=s.start + m.end() + len(clause))
    if found and cues.among.match(s.text[found[-1].char_end - s.start:]):
        return []  # "with Malaysia and Indonesia among the delegations": those took part, a cue tells
    return found


def _people_noun_from(s: Sentence, noun: re.Match) -> re.Match | None:
    """"Officers working in law enforcement from A, B and C": the "from"/"of" after a people noun
    (within 90 characters) that opens a list of those who took part."""
    if noun.group()[:1].isupper() and not CLAUSE_START.search(s.text[:noun.start()]):
        return None  # "X, Senior Officer of the Ministry": a job title, not people taking part
    m = FROM_OF.search(s.text, noun.end(), noun.end() + 94)
    if m is None or any(c in s.text[noun.end():m.start()] for c in ".;:"):
        return None
    gap = s.text[noun.end():m.start()].split()
    if gap and (gap[0].endswith("ed") or (m.group().strip().lower().startswith("of") and len(gap) > 2)):
        return None  # "Ministers welcomed the work of X": the noun is a subject; "of" belongs to a nearer noun
    return m


# "X and Y, in their role as Senior Official Co-Chairs, …": the role of this event, unless it is
# a standing role of a body ("as Co-Chair of the Bali Process")
ROLE_APPOSITION = re.compile(
    r",\s*(?:in\s+(?:their|its|his|her)\s+(?:role|capacity)\s+as|acting\s+as|as)\s+(?:the\s+)?"
    r"(?:(?:meeting|workshop|event|forum|conference|dialogue|session)['’]s\s+)?"
    r"(?:[A-Z][\w'’-]*\s+){0,5}(?:[Cc]o-?[Cc]hairs?|[Cc]o-?[Hh]osts?|[Hh]osts?|Chairs?|Convenors?|Conveners?|"
    r"(?:Co-)?[Oo]rgani[sz]ers?)\b"
    r"(?!\s+of\s+(?!(?:the\s+)?(?:meeting|workshop|event|forum|conference|dialogue|session)\b))")


ROLE_NOUN_LIST = re.compile(r"(?:^\s*|\b(?:the|our|its|their)\s+(?:two\s+|joint\s+)?)(?:co-?chairs|co-?hosts|hosts|"
                            r"organi[sz]ers|convenors|conveners)\s*[,:]\s*", re.I)


LIST_ROLE_NOUN = re.compile(r",\s*(?:(?:the|our|its|their)\s+(?:[\w'’-]+\s+){0,3}?)?(?:co-?chairs|co-?hosts|hosts|"
                            r"organi[sz]ers|convenors|conveners)\b", re.I)  # "A and B, the forum's permanent co-chairs"
THANKS = re.compile(r"\b(?:thank|thanks|thanking|grateful\s+to|gratitude\s+to|appreciation\s+to)\b", re.I)
THANKED_FOR = re.compile(r"^[\s,]*(?:\([^)]*\)[\s,]*)?for\s+(?:\w+ly\s+)?(?:hosting|co-hosting|convening|organi[sz]ing|"
                         r"co-chairing|chairing|bringing\s+us\s+(?:all\s+)?together|inviting\s+us|(?:their|its)\s+"
                         r"(?:hospitality|invitation|leadership|warm\s+welcome))\b", re.I)
IN_THE_CHAIR = re.compile(r"\bwith\s+(?=.{3,80}?\s+in\s+the\s+(?:chair|co-?chairs['’]?\s+seats)\b)", re.I)


def _role_apposition(s: Sentence, actors: list[Mention]) -> list[Mention]:
    """The actors before an apposition that gives them the organiser role of this event."""
    m = ROLE_APPOSITION.search(s.text)
    return _list_before(s, s.start + m.start(), actors) if m else []


def _actor_lists(s: Sentence, actors: list[Mention]) -> list[list[Mention]]:
    """The actors of the sentence grouped into coordinated lists ("A, B and C", "A and the B")."""
    lists: list[list[Mention]] = []
    for m in sorted(actors, key=lambda a: a.char_start):
        gap = s.text[lists[-1][-1].char_end - s.start:m.char_start - s.start] if lists else ""
        if lists and gap and LIST_GAP.match(gap):
            lists[-1].append(m)
        else:
            lists.append([m])
    return lists


def _attendance_lists(s: Sentence, actors: list[Mention], organisers: list[Mention],
                      participants: list[Mention], cues: _Cues) -> list[Mention]:
    """In a sentence that speaks of attendance, a list of two or more actors that no cue gave a role,
    and that holds no organiser, took part, whatever the word order."""
    found = cues.attendance.search(s.text)
    if not found or NEGATED_NEAR.search(s.text[:found.start()]):  # "A and B could not attend", "did not send delegations"
        return []
    assigned = {id(m) for m in organisers} | {id(m) for m in participants}
    out: list[Mention] = []
    for group in _actor_lists(s, actors):
        if len(group) >= 2 and not any(id(m) in {id(o) for o in organisers} for m in group):
            out.extend(m for m in group if id(m) not in assigned)
    return out


def _participants_after(s: Sentence, pos: int, actors: list[Mention]) -> list[Mention]:
    """The list after a participant cue at `pos` (offset in the sentence), also past a short
    phrase ending in "in": "delegates from international airport hubs in A, B and C"."""
    found = _list_after(s, s.start + pos, actors)
    if not found:
        where = PLACES_IN.match(s.text, pos)
        if where:
            found = _list_after(s, s.start + where.end(), actors, strict=True)
    return found


def find_events(article: Article, sentences: list[Sentence], mentions: list[Mention],
                people: list[PersonMention], lexicon: Lexicon, frame: DocumentFrame = DocumentFrame()) -> list[EventRecord]:
    """The article's events: dated ones, then the frame's, else the activity it is about;
    then each event's sentences, organisers, participants, people and place."""
    cues = lexicon.compiled("events", lambda: _Cues(lexicon))
    title_trigger = cues.trigger.search(article.title or "")
    title_kind = cues.trigger_kind[title_trigger.group(1).lower()] if title_trigger else None
    events = _dated_events(article, sentences, mentions, cues, title_kind, frame)
    _frame_events(frame, events, sentences, cues, article, mentions, title_kind)
    events = merge_continued_events(events, article.title or "")
    if not events:
        undated = _undated_subject_event(article, sentences, cues, title_trigger, title_kind)
        if undated is not None:
            undated.organisers.extend(_title_subjects(article.title or "", mentions, cues.headline_verb))
            events.append(undated)
    if not events:
        return []
    _assign_sentences(events, sentences, mentions, cues, article.title or "")
    actors = [m for m in mentions if m.kind in {"state", "org"} and not m.facts.as_members]
    _fill_roles(events, sentences, mentions, actors, people, cues)
    _inherit_organisers(events, sentences, actors)
    _headline_organisers(article.title or "", events, mentions, cues)
    _owning_bodies(events, sentences, actors, cues)
    _frame_place(frame, events, mentions)
    _share_places(events)
    return events


def _sentence_dates(si: int, s: Sentence, year: int | None, published: date | None,
                    span: tuple[date, date] | None) -> list:
    """The dates a sentence gives: day-precise forms, else a day counted within the span talked
    about ("on the second day"), else weekdays or days named from publication ("began … on Monday",
    "opened today"); a dateline's date is the report's, not an event's."""
    spans = find_dates(s.text, year, offset=s.start)
    if si == 0 and (line_end := dateline_end(s.text)):
        spans = [d for d in spans if d.char_start - s.start >= line_end]
    if len(spans) == 1 and _release_line(s.text[:spans[0].char_start - s.start] + s.text[spans[0].char_end - s.start:]):
        return []  # "Media release, 23 October 2017": the day of the release, not of an event
    if not spans and span:
        spans = find_nth_days(s.text, span[0], span[1], offset=s.start)
    if not spans and published:
        spans = find_weekdays(s.text, published, offset=s.start) or find_relative_days(s.text, published, s.start)
    return spans


YEAR_AFTER = re.compile(r"^,?\s+(?:of\s+)?(?P<which>last|next|the\s+previous|the\s+following)\s+year\b")
YEAR_SHIFT = {"last": -1, "next": 1, "the previous": -1, "the following": 1}


PAGE_LABELS = frozenset(normalise(w) for w in WORDS["page_labels"])


def _release_line(rest: str) -> bool:
    """Is what a line holds besides its date only a page label ("Media release, ")?"""
    return normalise(re.sub(r"[^\w\s]", " ", rest)) in PAGE_LABELS


def _publication_year(d, s: Sentence, published: date | None) -> tuple[str, str]:
    """A date without a year is of the year it is said to be in ("on March 30 last year"), else
    of the publication's; one more than 200 days after publication is last year's."""
    if re.search(r"(19|20)\d\d", s.text[d.char_start - s.start:d.char_end - s.start]):
        return d.start, d.end
    said = YEAR_AFTER.match(s.text[d.char_end - s.start:])
    if said:
        shift = YEAR_SHIFT[" ".join(said.group("which").split())]
        return _shift_year(d.start, shift), _shift_year(d.end, shift)
    if published and date.fromisoformat(d.start) > published + timedelta(days=200):
        return _shift_year(d.start, -1), _shift_year(d.end, -1)
    return d.start, d.end


def _dated_events(article: Article, sentences: list[Sentence], mentions: list[Mention], cues: _Cues,
                  title_kind: str | None, frame: DocumentFrame) -> list[EventRecord]:
    """An event for each date span a sentence with an activity word or event verb gives; one
    sentence may name several ("the 18th X meeting and the 17th Y meeting took place over 2-3 May")."""
    published = date.fromisoformat(article.date) if article.date else None
    events: list[EventRecord] = []
    by_dates: dict[tuple, EventRecord] = {}
    span = (date.fromisoformat(frame.start), date.fromisoformat(frame.end or frame.start)) if frame.start else None
    for si, s in enumerate(sentences):
        spans = _sentence_dates(si, s, article.year, published, span)
        for d in spans:
            if SPOKEN_ON.search(s.text[:d.char_start - s.start]) or SINCE.search(s.text[:d.char_start - s.start]):
                continue  # "told reporters on Tuesday": the day of a statement; "since the events of 11 …": a time
            if events and UNTIL.search(s.text[:d.char_start - s.start]) and d.start == d.end:
                _extend_to(events[-1], d.end, si)  # "the course, which runs until 16 August"
                continue
            start, end = _publication_year(d, s, published)
            verb = cues.verb.search(s.text)
            if not (cues.trigger.search(s.text) or verb):
                named = _section_event(si, sentences, cues)
                if named is None:
                    continue
                si_named, verb = named  # "12-13 February 2019 · Bangkok" over a section: the section's event
                for ev in _events_dated_by(si_named, sentences[si_named], d, (start, end), verb, article, mentions,
                                           cues, title_kind):
                    ev.sentences.insert(0, si)
                    ev.anchor = si
                    by_dates.setdefault((start, end), ev)
                    events.append(ev)
                continue
            if (start, end) in by_dates:
                by_dates[(start, end)].sentences.append(si)
                continue
            found = _events_dated_by(si, s, d, (start, end), verb, article, mentions, cues, title_kind)
            if len(found) == len(spans) > 1:  # "the X (10 March) and the Y (30 March)": each its own date
                found = [found[spans.index(d)]]
            if all(ev.name == article.title for ev in found) and \
                    not _name_unnamed(found, events, si, s, d, (start, end), verb is not None, cues):
                continue
            for ev in found:
                by_dates.setdefault((start, end), ev)
                events.append(ev)
            if not frame.start and start != end:
                span = (date.fromisoformat(start), date.fromisoformat(end))
    return events


def _name_unnamed(found: list[EventRecord], events: list[EventRecord], si: int, s: Sentence, d,
                  dates: tuple[str, str], has_verb: bool, cues: _Cues) -> bool:
    """For events a sentence dates but names only by the headline: False where the sentence is a
    day of an event already dated ("The talks ended on Wednesday"; in a speech, "the decision of
    Ministers today") and joins it; else True, with a later event named by the sentence's own
    common words ("followed a senior officials' meeting on Tuesday"), since the headline names
    the article's first event."""
    start, end = dates
    within = [ev for ev in events if ev.start and ev.start <= start and end <= (ev.end or ev.start)]
    common = _common_name(s, d.char_start, cues) if events else None
    if not within and events and common is None and not has_verb and \
            not DIGIT.search(s.text[d.char_start - s.start:d.char_end - s.start]):
        within = events
    if within:
        within[-1].sentences.append(si)
        return False
    for ev in found:
        ev.name = common or ev.name
    return True


SECTION_REACH = 2  # sentences after a section's date line that may name its event
DATE_HEADING = re.compile(r"^(?:(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN|Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)"
                          r"(?:DAY|day),?\s+)?\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+[A-Za-z]+(?:\s+\d{4})?\s*[-–—:|]\s*[^.]{3,80}$")


def _section_event(si: int, sentences: list[Sentence], cues: _Cues):
    """For a line that is only a date (and place) inside the body, or a heading that opens with a date
    ("TUESDAY 6 DECEMBER - AD HOC GROUP"), the first sentence of the section it heads that names an
    activity, with its verb; else None."""
    frame = read_frame_line(sentences[si].text)
    if (frame is None or frame.date is None) and not DATE_HEADING.match(sentences[si].text):
        return None
    for k in range(si + 1, min(len(sentences), si + 1 + SECTION_REACH)):
        if read_frame_line(sentences[k].text) is not None:
            return None
        if cues.trigger.search(sentences[k].text):
            return k, cues.verb.search(sentences[k].text)
    return None


COMMON_NAME = re.compile(r"(?<![\w'’-])(?:an?)\s+((?:[a-z][\w'’-]*\s+){1,3})$")
NOT_MODIFIERS = frozenset({"a", "an", "the", "its", "their", "this", "that", "these", "those", "our", "his", "her",
                           "at", "in", "on", "of", "for", "to", "by", "with", "from", "and", "or", "was", "were",
                           "is", "are", "had", "has", "have", "held", "followed", "after", "before", "during"})


def _common_name(s: Sentence, char: int, cues: _Cues) -> str | None:
    """The new activity a sentence speaks of in common words, nearest the date ("followed a senior
    officials' meeting on Tuesday": "Senior officials' meeting"), else None; "the two-day meeting"
    is one named before.

    >>> from kg.extract.text import split_sentences
    >>> from kg.lexicon import load_lexicon
    >>> s = split_sentences("The session followed a senior officials' meeting at the venue on Tuesday.")[0]
    >>> _common_name(s, s.start + 60, _Cues(load_lexicon()))
    "Senior officials' meeting"
    """
    best = None
    for m in cues.trigger.finditer(s.text):
        if not m.group(1).islower() or m.group(1).endswith("ed"):
            continue
        left = COMMON_NAME.search(s.text[:m.start()])
        words = left.group(1).split() if left else []
        if not words or any(w.lower() in NOT_MODIFIERS for w in words):
            continue
        name = " ".join(words + [m.group(1)])
        distance = abs(s.start + m.start() - char)
        if best is None or distance < best[0]:
            best = (distance, name[:1].upper() + name[1:])
    return best[1] if best else None


def _events_dated_by(si: int, s: Sentence, d, dates: tuple[str, str], verb, article: Article,
                     mentions: list[Mention], cues: _Cues, title_kind: str | None) -> list[EventRecord]:
    """The events a sentence names for one of its dates: its numbered or coordinated names, else one."""
    kind = _kind_near(s, d.char_start, cues) or (
        "launch" if verb and verb.group(1).lower() in {"launched", "released", "announced", "published"}
        else (title_kind or "meeting"))
    org_spans = [(m.char_start, m.char_end) for m in mentions if m.sentence == si and m.kind == "org"]
    names = _numbered_names(s, cues) or _coordinated_names(s, cues, org_spans) or \
        [_event_name(s, cues, article.title, org_spans)]
    out = []
    for name in names:
        trigger = cues.trigger.search(name)
        out.append(EventRecord(name, cues.trigger_kind[trigger.group(1).lower()] if trigger and len(names) > 1
                               else kind, dates[0], dates[1], [si], si))
    return out


NAME_FILLER = frozenset({"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "the", "to", "with"})
CONTINUED_GAP_DAYS = 2   # an event dated again within this many days of its end goes on
HEADLINE_SHARE = 0.7     # of an event's name in the headline, for the headline's event to be the same one
HEADLINE_SHARE_OVERLAP = 0.5  # ... where their dates overlap


def _content_words(name: str) -> set[str]:
    return set(normalise(name).split()) - NAME_FILLER


def _same_activity(a: str, b: str, title: str, share: float = 0.7) -> bool:
    """Do two event names speak of one activity? They are the same name, or one is the headline's and
    `share` of the other's words are in it.

    >>> _same_activity("Workshop on Borders", "Workshop on borders", "")
    True
    >>> t = "Third Regional Conference on Smuggling closes with new pledges"
    >>> _same_activity(t, "Third Regional Conference on Smuggling", t), _same_activity("Fourth Forum", "Third Forum", "")
    (True, False)
    """
    if normalise(a) == normalise(b):
        return True
    headline = normalise(title)
    other = b if normalise(a) == headline else a if normalise(b) == headline else None
    if other is None:
        return False
    words = _content_words(other)
    return bool(words) and len(words & _content_words(title)) >= share * len(words)


def merge_continued_events(events: list[EventRecord], title: str) -> list[EventRecord]:
    """One event for an activity the text dates day by day ("opened on Monday … closed on Tuesday",
    the headline's event and the body's): events of one name, or the headline's and one it names,
    whose dates meet or lie within two days of each other become one, spanning both, named as the
    body names it (the headline need hold only half the body's name where their dates overlap)."""
    out: list[EventRecord] = []
    for ev in sorted(events, key=lambda e: (e.start or "9999", e.end or "9999")):
        prev = next((o for o in reversed(out) if o.start and ev.start and o.end and
                     date.fromisoformat(ev.start) - date.fromisoformat(o.end) <= timedelta(days=CONTINUED_GAP_DAYS)
                     and _same_activity(o.name, ev.name, title,
                                        HEADLINE_SHARE_OVERLAP if ev.start <= o.end else HEADLINE_SHARE)), None)
        if prev is None:
            out.append(ev)
            continue
        if normalise(prev.name) == normalise(title) and normalise(ev.name) != normalise(title):
            prev.name, prev.kind = ev.name, ev.kind
        prev.end = max(prev.end or "", ev.end or "") or None
        prev.sentences.extend(si for si in ev.sentences if si not in prev.sentences)
        prev.organisers.extend(ev.organisers)
        prev.participants.extend(ev.participants)
        prev.place = prev.place or ev.place
    order = {id(e): i for i, e in enumerate(events)}
    return sorted(out, key=lambda e: order[id(e)])


def _extend_to(ev: EventRecord, end: str, si: int) -> None:
    if ev.end and end > ev.end:
        ev.end = end
    ev.sentences.append(si)


def _fill_roles(events: list[EventRecord], sentences: list[Sentence], mentions: list[Mention],
                actors: list[Mention], people: list[PersonMention], cues: _Cues) -> None:
    """Each event's organisers and participants from its sentences and lists, its people and its place."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in actors:
        by_sentence.setdefault(m.sentence, []).append(m)
    roles: dict[int, tuple] = dict(_roles_in_lists(sentences, by_sentence, cues))
    for ev in events:
        for si in sorted(set(ev.sentences)):
            if si not in by_sentence and si not in roles:
                continue  # no actor in the sentence: nothing to assign
            if si not in roles:
                roles[si] = _roles_in_sentence(sentences[si], by_sentence[si], cues)
            org, part = roles[si]
            ev.organisers.extend(org)
            ev.participants.extend(part)
        # an organisation that names the event ("the RSO 2023 Border Forum", "the RSO's Workshop") organises it
        ev.organisers.extend(m for m in mentions if m.kind == "org" and m.facts.owner and
                             m.sentence in ev.sentences and _names_event(sentences[m.sentence], m, ev, cues))
        ev.organisers.extend(_chairs_given_as_people(ev, sentences, mentions, people))
        ev.place = _event_place(ev, mentions, sentences)
        keys = set()
        for p in people:
            if p.sentence in ev.sentences and p.key not in keys:
                ev.people.append(p)
                keys.add(p.key)


def headline_subjects(title: str, mentions: list[Mention], lexicon: Lexicon) -> list[Mention]:
    """The actors a headline gives as the subjects of its organising verb ("RSO and IOM convene …")."""
    cues = lexicon.compiled("events", lambda: _Cues(lexicon))
    return _title_subjects(title, mentions, cues.headline_verb) if cues.headline_verb.search(title) else []


def _headline_organisers(title: str, events: list[EventRecord], mentions: list[Mention], cues: _Cues) -> None:
    """The subjects of a headline's organiser verb ("RSO runs regional technical workshop …")
    organise the event of the kind the headline names after the verb, else the article's first."""
    verb = cues.headline_verb.search(title)
    subjects = _title_subjects(title, mentions, cues.headline_verb) if verb else []
    if not subjects or verb is None:
        return
    noun = cues.trigger.search(title, verb.end())
    kind = cues.trigger_kind[noun.group(1).lower()] if noun else None
    target = next((ev for ev in events if ev.kind == kind), None) if kind else events[0]
    if target is not None:
        target.organisers.extend(m for m in subjects if m not in target.organisers)


OF_THE = re.compile(r"\bof\s+(?:the\s+)?$")


def _owning_bodies(events: list[EventRecord], sentences: list[Sentence], actors: list[Mention], cues: _Cues) -> None:
    """An event the text gives no organiser for, named as a body's own ("the Eleventh Annual Meeting
    of the WG-TIP", "the Alumni Day and Border Forum of the RSO"), is organised by that body."""
    for ev in events:
        if not ev.organisers:
            owner = _owner(ev, sentences, actors, cues)
            if owner is not None:
                ev.organisers.append(owner)


def _owner(ev: EventRecord, sentences: list[Sentence], actors: list[Mention], cues: _Cues) -> Mention | None:
    if ev.anchor is None:
        return None
    s = sentences[ev.anchor]
    for m in (a for a in actors if a.sentence == ev.anchor and a.kind == "org"):
        before = s.text[:m.char_start - s.start]
        of = OF_THE.search(before)
        last = re.search(r"([\w-]+)\s*$", before[:of.start()]) if of else None
        if last and last.group(1).lower() in cues.trigger_kind:
            return m
    return None


def event_owner(ev: EventRecord, sentences: list[Sentence], mentions: list[Mention], lexicon: Lexicon) -> Mention | None:
    """The body whose own event the dating sentence names ("the Annual Meeting of the WG-TIP"), or None."""
    cues = lexicon.compiled("events", lambda: _Cues(lexicon))
    return _owner(ev, sentences, [m for m in mentions if m.kind in {"state", "org"} and not m.facts.as_members], cues)


def _frame_events(frame: DocumentFrame, events: list[EventRecord], sentences: list[Sentence], cues: _Cues,
                  article: Article, mentions: list[Mention], title_kind: str | None) -> None:
    """The events the body names first, where none has the frame's date, take that date
    ("20-21 May 2025 • Bangkok" above "two linked meetings: the 19th X Meeting and the 18th Y Meeting");
    with no event named in the body, the title names it."""
    if not frame.start or any(ev.start == frame.start for ev in events):
        return
    taken = {normalise(ev.name) for ev in events}
    anchors = {ev.anchor for ev in events}
    for si, s in enumerate(sentences):
        if si in anchors or not cues.trigger.search(s.text):
            continue
        spans = [(m.char_start, m.char_end) for m in mentions if m.sentence == si and m.kind == "org"]
        names = [n for n in (_numbered_names(s, cues) or [_event_name(s, cues, "", spans)])
                 if n and normalise(n) not in taken]
        if names:
            for i, name in enumerate(names):
                trigger = cues.trigger.search(name)
                kind = cues.trigger_kind[trigger.group(1).lower()] if trigger else _kind_near(s, s.start, cues)
                events.insert(i, EventRecord(name, kind or title_kind or "meeting", frame.start, frame.end, [si], si))
            return
    events.insert(0, EventRecord(article.title, title_kind or "meeting", frame.start, frame.end, [0], 0))


def _frame_place(frame: DocumentFrame, events: list[EventRecord], mentions: list[Mention]) -> None:
    """The frame's place is the place of the events on its date (the page's own date and place line
    says so, whatever other places the body names), else of the first event when it has none."""
    if not frame.place or not events:
        return
    name = normalise(frame.place)
    place = next((m for m in mentions if m.kind == "place" and normalise(m.name) == name), None)
    if place is None:
        return
    for ev in events:
        if (frame.start and ev.start == frame.start) or (not frame.start and ev is events[0] and ev.place is None):
            ev.place = place


def _inherit_organisers(events: list[EventRecord], sentences: list[Sentence], actors: list[Mention]) -> None:
    """Organisers the text gives by reference: "organised with the same partners" (those of the
    event before), and the activities a body "delivered" listed after it says so."""
    ordered = sorted(events, key=lambda e: e.anchor if e.anchor is not None else -1)
    for i, ev in enumerate(ordered):
        if ev.organisers:
            continue
        before = [e for e in ordered[:i] if e.organisers]
        if not before:
            continue
        if any(SAME_PARTNERS.search(sentences[si].text) for si in set(ev.sentences)):
            ev.organisers.extend(before[-1].organisers)
        elif ev.anchor is not None and (pronoun := PRONOUN_ORGANISER.search(sentences[ev.anchor].text)):
            # "A week later, it convened a roundtable": the body that ran the event before
            last = before[-1].organisers
            ev.organisers.extend(last[:1] if pronoun.group(1).lower() == "it" else last)
    for si, s in enumerate(sentences):
        m = UMBRELLA.search(s.text)
        if not m:
            continue
        who = [a for a in actors if a.sentence == si and
               s.start + m.start("who") <= a.char_start and a.char_end <= s.start + m.end("who")]
        for ev in ordered:
            if who and ev.anchor is not None and si < ev.anchor <= si + 4:
                ev.organisers.extend(a for a in who if a not in ev.organisers)


def _roles_in_lists(sentences: list[Sentence], by_sentence: dict[int, list[Mention]], cues: _Cues):
    """Roles given as a list under a line ending in a colon:
    "Officials from the following countries took part:" then one actor per line (bullets)."""
    for si, s in enumerate(sentences):
        if TABLE_ROW.match(s.text):
            yield from _roles_in_table(si, sentences, by_sentence, cues)
            continue
        if not s.text.rstrip().endswith(":"):
            continue
        role = None
        for m in cues.cue_re.finditer(s.text):
            for r, _ in cues.cue_info.get(_cue_name(m.group(1)), []):
                role = r
        if role is None and (cues.people_noun.search(s.text) or re.search(r"\bfollowing\b", s.text, re.I)):
            role = "participant"
        if role is None:
            continue
        items: list[Mention] = []
        for sj in range(si + 1, len(sentences)):
            if sj not in by_sentence or not _list_item(sentences[sj]):
                break
            items.extend(by_sentence[sj])
        if items:
            org, part = _roles_in_sentence(s, by_sentence.get(si, []), cues) if si in by_sentence else ([], [])
            yield si, ((org + items, part) if role == "organiser" else (org, part + items))


def _list_item(s: Sentence) -> bool:
    """A line of a list: short, or a bullet, or an item ending in a semicolon ("- the states of A, B and C;")."""
    text = s.text.strip()
    return len(s.tokens) <= 12 or text[:1] in "-•*–" or text.endswith((";", "; and", "; or"))


TABLE_ROW = re.compile(r"^\s*\|")
TABLE_HEADER_WORDS = re.compile(r"\b(?:countr(?:y|ies)|states?|members?|organi[sz]ations?)\b", re.I)


def _roles_in_table(si: int, sentences: list[Sentence], by_sentence: dict[int, list[Mention]], cues: _Cues):
    """A table whose header row speaks of attendance ("| Delegation | Agency |", "| Participating
    country |") lists participants, one or more actors per row."""
    header = sentences[si].text
    if si in by_sentence or not (cues.attendance.search(header) or TABLE_HEADER_WORDS.search(header)):
        return
    if si > 0 and TABLE_ROW.match(sentences[si - 1].text):
        return  # a row, not the header
    items: list[Mention] = []
    for sj in range(si + 1, len(sentences)):
        if not TABLE_ROW.match(sentences[sj].text):
            break
        items.extend(by_sentence.get(sj, []))
    if items:
        yield si, ([], items)


# past tense only: "who co-chairs the WG-TIP" is the chair of a body, not of the event
CHAIR_VERB = re.compile(r"(?<!who )(?<!which )\b(?:co-chaired|chaired|jointly chaired)\b(?!\s+by)"
                        # "X, who co-hosted the April 28-30 gathering with Y": a relative clause on the event itself
                        r"|\bwho\s+(?:co-chaired|chaired|co-hosted|hosted)(?=\s+(?:the|this|that)\s+(?:[\w'’-]+\s+){0,4}?"
                        r"(?:conference|meeting|gathering|talks|forum|workshop|dialogue|session|symposium|consultation)s?\b)",
                        re.I)
# "the co-chairs were", "chaired by"; "thanked the two co-chairs, Australian Foreign Minister X and …",
# "Madam Co-Chairs, Her Excellency X, …": the people named after it chaired
CHAIR = re.compile(r"\b(?:chairing|co-chairing|chaired by|co-chaired by|chairs were|co-chairs were|co-chairs,)", re.I)


def _chairs_given_as_people(ev: EventRecord, sentences: list[Sentence], mentions: list[Mention],
                            people: list[PersonMention]) -> list[Mention]:
    """Co-chairs named only as people count through their organisation, or their state where the
    text gives only the state ("Chairing the meeting were Ambassador X, Australia's …, and Y, Indonesian …")."""
    out: list[Mention] = []
    addressed = _addressed_as_chairs(sentences)
    for si in sorted(set(ev.sentences)):
        s = sentences[si]
        cue, after = CHAIR.search(s.text) or (re.match("", s.text) if si in addressed else None), True
        if not cue:
            # "X, Minister for … of Indonesia, and Y, Australia's Minister …, co-chaired the conference"
            cue, after = CHAIR_VERB.search(s.text), False
            if not cue:
                continue
        limit = len(s.tokens) if after else next(
            (i for i, t in enumerate(s.tokens) if t.start - s.start >= cue.start()), len(s.tokens))
        # "X co-chaired the conference with Y": the one it was chaired with is a co-chair too
        partner = None if after else re.match(r"[^.;]*?\bwith\b", s.text[cue.end():])
        here = sorted((p for p in people if p.sentence == si and
                       (s.tokens[p.start].start - s.start > cue.start() if after else
                        p.end <= limit or (partner and s.tokens[p.start].start - s.start >= cue.end() + partner.end()))),
                      key=lambda p: p.start)
        for i, p in enumerate(here):
            # the person's own description first ("Ambassador X, Australia's Ambassador to …"), else a
            # possessive title just before the name ("Australia's Minister for Foreign Affairs, the Hon X")
            last = len(s.tokens) if p.end > limit else limit  # a partner after "with" is described to the end
            end = here[i + 1].start if i + 1 < len(here) else last
            begin = here[i - 1].end if i else 0
            actors = [m for m in mentions if m.sentence == si and m.kind in {"state", "org"}]
            nxt = here[i + 1].start if i + 1 < len(here) else None
            own = [m for m in actors if p.end <= m.start < end and (not _possessive(s, m) or _apposition(s, p.end, m))
                   and not (nxt is not None and _describes_next(s, m, nxt))] or \
                [m for m in actors if begin <= m.start and m.end <= p.start
                 and (_possessive(s, m) or _describes_next(s, m, p.start))][-1:]
            if own:
                out.append(own[0])
                continue
            orgs = [org for _, org in p.roles if org is not None and org.kind == "org"]
            if orgs:
                out.append(orgs[0])
    return out


ADDRESS_CHAIRS = re.compile(r"^\W*(?:(?:Madam|Mister|Mr\.?|Distinguished|Honourable|Dear|Excellencies,?)\s+)*"
                            r"Co-?Chairs?\W*$", re.I)
ADDRESS_REACH = 3  # lines after a "Co-Chairs," line that may name them


def _addressed_as_chairs(sentences: list[Sentence]) -> set[int]:
    """The lines a speech addresses its co-chairs in: those right after a line that is only
    "Co-Chairs," ("Co-Chairs, / Senator X, Minister for Foreign Affairs of Australia, / Y, …")."""
    out: set[int] = set()
    for si, s in enumerate(sentences):
        if ADDRESS_CHAIRS.match(s.text):
            out.update(range(si + 1, min(len(sentences), si + 1 + ADDRESS_REACH)))
    return out


def _describes_next(s: Sentence, m: Mention, name_start: int) -> bool:
    """Is `m` a demonym or a possessive opening the title right before a name ("Australian Foreign
    Minister Jane Roe", "Indonesia's foreign minister Ann Loe"): it is that person's state?"""
    between = s.tokens[m.end:name_start]
    return (m.facts.demonym or _possessive(s, m)) and len(between) <= 5 and \
        all(t.text[:1].isalpha() and t.norm not in {"and", "or", "with"} for t in between if t.text not in {"'s", "’s"})


def _apposition(s: Sentence, end: int, m: Mention) -> bool:
    """Does `m` open an apposition to the name ending at token `end` ("Lynn Bell, Australia's Ambassador")?"""
    return [t.norm for t in s.tokens[end:m.start]] in ([","], [",", "the"])


def _possessive(s: Sentence, m: Mention) -> bool:
    """Is the mention followed by "'s" ("Australia's Minister …")?"""
    return m.end < len(s.tokens) and s.tokens[m.end].text in {"'s", "’s"}


def _share_places(events: list[EventRecord], days: int = 7) -> None:
    """An event with no place of its own that happens within a week of a placed one in the same
    article (a side meeting, a workshop the same week) is taken to be held there too."""
    placed = [e for e in events if e.place is not None and e.start]
    for ev in events:
        if ev.place is not None or not ev.start:
            continue
        start = date.fromisoformat(ev.start)
        near = [e for e in placed if abs((date.fromisoformat(e.start or "") - start).days) <= days]
        if near:
            ev.place = near[0].place


TOPIC = re.compile(r"\b(?:to (?:discuss|address|examine|explore|tackle|strengthen|consider)|on|about)\s+(.+)$", re.I)


def _undated_subject_event(article: Article, sentences: list[Sentence], cues: _Cues, title_trigger,
                           title_kind: str | None) -> EventRecord | None:
    """The activity an article is about when it gives no date for it.

    Its name runs from the trigger word in the title ("… join RSO and IOM Roundtable on X"
    → "Roundtable on X"); with only an event verb in the title ("RSO convenes actors to
    discuss X"), it is the trigger noun the body capitalises plus the title's topic.
    """
    title = article.title or ""
    if title_trigger is not None:
        best = next((si for si, s in enumerate(sentences) if cues.trigger.search(s.text)), 0)
        word = title_trigger.group(1)
        if word[:1].isupper() and re.match(r"\s+(on|of|for|against)\s", title[title_trigger.end():]):
            name = title[title_trigger.start():]  # "… Roundtable on preventing X"
        else:
            name = _event_name(sentences[best], cues, title) if sentences else title
        if len(set(normalise(name).split()) - cues.generic_name_words) < 2:
            name = title
        if title_kind in {None, "other"}:  # "Regional talks on X": the body's activity word says more
            title_kind = _kind_near(sentences[best], sentences[best].start, cues) if sentences else title_kind
        return EventRecord(name, title_kind or "meeting", None, None, [best], best)
    verb = cues.headline_verb.search(title)
    if not verb:
        return _first_reported_event(sentences, cues)
    for si, s in enumerate(sentences):
        for m in cues.trigger.finditer(s.text):
            word = m.group(1)
            if word[:1].isupper() and m.start() > 0:  # "the Dialogue": the body names the activity
                topic = TOPIC.search(title[verb.end():])
                name = f"{word} on {topic.group(1)}" if topic else title
                return EventRecord(name, cues.trigger_kind[word.lower()], None, None, [si], si)
    return None


def _first_reported_event(sentences: list[Sentence], cues: _Cues, within: int = 3) -> EventRecord | None:
    """The activity the opening sentences report with an activity noun and an event verb ("Indonesia
    and Australia on Tuesday led a two-day regional workshop on X"), when nothing dates it."""
    for si, s in enumerate(sentences[:within]):
        nouns = [m for m in cues.trigger.finditer(s.text) if not m.group(1).lower().endswith("ed")]
        if nouns and (cues.verb.search(s.text) or cues.cue_re.search(s.text)):
            kind = cues.trigger_kind[nouns[0].group(1).lower()]
            return EventRecord(_event_name(s, cues, nouns[0].group(1).capitalize()), kind, None, None, [si], si)
    return None


def _names_event(s: Sentence, m: Mention, ev: EventRecord, cues: _Cues) -> bool:
    """Does the capitalised run after the organisation end in a trigger of this event's kind?"""
    rest = s.text[m.char_end - s.start:]
    run = re.match(r"^(?:['’]s)?((?:\s+[A-Z0-9][\w'’\-]*)+)", rest)
    if not run:
        return False
    last = run.group(1).split()[-1].lower().rstrip("'’s") or ""
    kind = cues.trigger_kind.get(last) or cues.trigger_kind.get(run.group(1).split()[-1].lower())
    return kind == ev.kind


def _title_subjects(title: str, mentions: list[Mention], verb_re: re.Pattern) -> list[Mention]:
    """Actors before the title's event verb ("RSO and IOM convene …"), as the body names them."""
    verb = verb_re.search(title)
    if not verb or not title[:verb.start()].strip():
        return []
    parts = [normalise(p) for p in re.split(r",|\band\b|&", title[:verb.start()]) if p.strip()]
    out = []
    for part in parts:
        for m in mentions:
            if m.kind not in {"org", "state"}:
                continue
            forms = {normalise(m.name)} | {normalise(a) for a in m.facts.acronyms}
            if m.entry is not None and hasattr(m.entry, "forms"):
                forms |= {normalise(f) for f in m.entry.forms}
            if part in forms:
                out.append(m)
                break
    return out


def _shift_year(iso: str, delta: int) -> str:
    d = date.fromisoformat(iso)
    try:
        return d.replace(year=d.year + delta).isoformat()
    except ValueError:
        return d.replace(year=d.year + delta, day=28).isoformat()


# "both meetings", "across the two days", "all three workshops": the events named together, again
GROUP_REFERENCE = re.compile(r"\b(?:both(?:\s+the)?|the\s+(?:two|three|four|five)|all\s+(?:the\s+)?(?:two|three|four|five))"
                             r"\s+(?:[\w-]+\s+)?[a-z]+s\b", re.I)


def _outside_organisations(s: Sentence, orgs: list[Mention]) -> str:
    """The sentence with the names of its organisations blanked: "the Asia Dialogue on Forced
    Migration" names no dialogue."""
    text = s.text
    for m in orgs:
        a, b = m.char_start - s.start, m.char_end - s.start
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _assign_sentences(events: list[EventRecord], sentences: list[Sentence], mentions: list[Mention],
                      cues: _Cues, title: str = "") -> None:
    """Each sentence goes to the event it dates or names, else to the events last talked about.

    Events dated or named by one sentence ("two linked meetings: the 19th X and the 18th Y") share
    the sentences after it until one of them is named on its own, and again where a sentence speaks
    of them together ("both meetings", "across the two days"); a sentence names an event when it
    holds an activity word and two of the event's own name words, stop words aside ("senior
    officials of A and B" does not name the "Senior Officials' Meeting").
    """
    by_anchor: dict[int | None, list[EventRecord]] = {}
    for ev in events:
        by_anchor.setdefault(ev.anchor, []).append(ev)
    # a later event that only borrows the headline's words is named by no sentence: they tell the first one's
    name_words = {id(ev): set() if i and ev.name == title else set(normalise(ev.name).split()) - cues.generic_name_words
                  for i, ev in enumerate(events)}
    orgs: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.kind == "org":
            orgs.setdefault(m.sentence, []).append(m)
    current = by_anchor.get(events[0].anchor, events[:1])
    together = current if len(current) > 1 else None
    for si, s in enumerate(sentences):
        if si in by_anchor:
            current = by_anchor[si]
            together = current if len(current) > 1 else together
        else:
            text = _outside_organisations(s, orgs.get(si, []))
            if together and GROUP_REFERENCE.search(text):
                current = together
            elif cues.trigger.search(text):
                words = set(normalise(text).split())
                named = [ev for ev in events if len(name_words[id(ev)] & words) >= 2]
                if len(named) == 1:
                    current = named
        for ev in current:
            if si not in ev.sentences:
                ev.sentences.append(si)


def _other_year(s: Sentence, ev: EventRecord) -> bool:
    """Does the sentence name a year the event is not of ("The ministers last met in Bali in 2011")?"""
    years = {int(d[:4]) for d in (ev.start, ev.end) if d}
    named = {int(y) for y in YEAR.findall(s.text)}
    return bool(years and named) and not named & years


YEAR = re.compile(r"\b((?:19|20)\d\d)\b(?![-–]\d)")


def seated(s: Sentence, m: Mention) -> bool:
    """Is the place named as where a body sits ("the RSO, based in Bangkok")?"""
    return BASED_IN.search(s.text[:m.char_start - s.start]) is not None


def _event_place(ev: EventRecord, mentions: list[Mention], sentences: list[Sentence]) -> Mention | None:
    places = [m for m in mentions if m.kind == "place"]
    for si in [ev.anchor] + sorted(set(ev.sentences)):
        if si is not None and si != ev.anchor and _other_year(sentences[si], ev):
            continue
        for m in places:
            if m.sentence == si:
                before = sentences[si].text[:m.char_start - sentences[si].start]
                after = sentences[si].text[m.char_end - sentences[si].start:]
                if seated(sentences[si], m):
                    continue  # "the RSO, based in Bangkok": where a body sits, not where the event is
                if re.search(r"\b(in|at)\s*$", before, re.I) or PLACE_HOSTS.match(after) or DATE_THEN.search(before) \
                        or VENUE_THEN.search(before):
                    return m
    return None


BASED_IN = re.compile(r"\b(?:" + "|".join(WORDS["seat_words"]) + r")\s+(?:in|at)\s*$", re.I)
# "met on 13 October 2017, Jakarta, Indonesia": a place right after the date is where
DATE_THEN = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?,?\s+(?:19|20)\d\d,\s*$")
# "at the Shangri-La Hotel, Bangkok", "in the Maldivian capital, Malé": the place after a venue or a capital
VENUE_THEN = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,5}(?:[A-Z][\w'’.-]*|capital|city),\s*$")
# "Sydney, Australia, hosted the fifth meeting", "Bangkok was the venue": a place that hosts is the place
PLACE_HOSTS = re.compile(r"^(?:,\s*[A-Z][\w'’ -]{1,40},)?\s+(?:hosted|played host|was the venue|was host)\b")
