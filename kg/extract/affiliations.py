"""Affiliation candidates: which body a person named in the article works for.

The rules give a person the bodies their title or apposition names ("X, Director of Y", "X of
Y", a portfolio title naming a ministry the article mentions); those are kept. Every other
pairing of a person with an organisation named in the same sentence (a list line or a table
row is a sentence) is a candidate that a trained model (kg.extract.decisions) accepts or not;
a person may hold several. A body coordinated with another by "and" is a list of actors, not an
employer, and pairs with no one. Features say what lies between the two names — their order and
distance, the words and punctuation in the gap (a function word as itself, a title word, a
capitalised word), whether another person or body stands between, whether either is the
other's nearest —, the dependency path that joins them, the line's section, how many people it
names, the body's type, and whether the rules gave the person another body.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..lexicon import normalise
from .candidates import sentence_section
from .document import Analysis
from .entities import Mention
from .people import PersonMention
from .syntax import ParsedSentence

__all__ = ["AffiliationCandidate", "affiliation_candidates", "GapWords"]

GAP_SYMBOLS = 6      # symbols of the gap kept in its shape feature
PATH_HOPS = 4        # dependency hops from either name to the word joining them


@dataclass(frozen=True)
class AffiliationCandidate:
    """A (person, body) pair for a trained model to accept or refuse."""

    person: str          # the person's registry key
    organisation: str    # the body's name as the registry gives it
    sentence: int        # the sentence that pairs them (the evidence)
    features: tuple[str, ...]


class GapWords:
    """What each word between two names stands for: title words, function words (data/patterns.yaml)."""

    FUNCTION = frozenset({"of", "from", "at", "for", "with", "in", "and", "the", "to", "by", "on", "as", "who",
                          "also", "its", "his", "her", "their", "based", "representing", "represented", "led",
                          "head", "heads", "chairs", "chaired", "joined", "a", "an"})

    def __init__(self, patterns: dict):
        titles = [normalise(x).split() for x in patterns.get("title_words") or []]
        self.titles = frozenset(w for t in titles for w in t if w not in self.FUNCTION)

    def symbol(self, text: str, norm: str) -> str:
        """One symbol per word of a gap.

        >>> g = GapWords({"title_words": ["Director General"]})
        >>> [g.symbol(t, t.lower()) for t in ["of", ",", "Director", "Bangkok", "spoke", "("]]
        ['of', ',', 'T', 'C', 'w', '(']
        """
        if not text[:1].isalnum():
            return text[:1]
        if norm in self.FUNCTION:
            return norm
        if norm in self.titles:
            return "T"
        return "C" if text[:1].isupper() else "w"


def _gap_shape(symbols: list[str]) -> str:
    """Runs of the same symbol collapse ("C C C" is one name); long gaps keep their ends.

    >>> _gap_shape(["of", "the"]), _gap_shape([",", "T", "T", ","]), _gap_shape([])
    ('of the', ', T ,', '')
    """
    out: list[str] = []
    for s in symbols:
        if not out or out[-1] != s or s not in {"C", "T", "w"}:
            out.append(s)
    if len(out) > GAP_SYMBOLS:
        out = out[:GAP_SYMBOLS // 2] + ["…"] + out[-GAP_SYMBOLS // 2:]
    return " ".join(out)


def _distance(n: int) -> str:
    return "0" if n == 0 else "1-2" if n <= 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


def _path(parse: ParsedSentence | None, a: tuple[int, int], b: tuple[int, int]) -> str:
    """The dependency relations from the body up to the word that joins it to the person, and down."""
    if parse is None:
        return "noparse"
    i, j = parse.head_of(*a), parse.head_of(*b)
    if i is None or j is None:
        return "noparse"
    toks = parse.tokens

    def up(k: int) -> list[int]:
        chain = [k]
        while toks[chain[-1]].head != chain[-1] and len(chain) <= PATH_HOPS:
            chain.append(toks[chain[-1]].head)
        return chain

    from_person, from_org = up(i), up(j)
    common = next((k for k in from_org if k in from_person), None)
    if common is None:
        return "far"
    org_side = [toks[k].dep for k in from_org[:from_org.index(common)]]
    person_side = [toks[k].dep for k in from_person[:from_person.index(common)]]
    joint = toks[common].lemma.lower() if toks[common].pos == "ADP" else toks[common].pos
    return ">".join(org_side) + "^" + joint + "^" + "<".join(reversed(person_side))


def _pair_features(analysis: Analysis, p: PersonMention, m: Mention, people: list[PersonMention],
                   orgs: list[Mention], words: GapWords) -> set[str]:
    toks = analysis.sentences[p.sentence].tokens
    after = m.start >= p.end
    lo, hi = (p.end, m.start) if after else (m.end, p.start)
    symbols = {k: words.symbol(toks[k].text, toks[k].norm) for k in range(lo, hi)}
    for q in people:
        symbols.update({k: "P" for k in range(max(lo, q.start), min(hi, q.end))})
    for o in orgs:
        symbols.update({k: "B" for k in range(max(lo, o.start), min(hi, o.end))})
    gap = [symbols[k] for k in range(lo, hi)]
    shape = _gap_shape(gap)
    feats = {"order=" + ("body_after" if after else "body_before"), "distance=" + _distance(max(0, hi - lo)),
             "gap=" + (shape if len(shape.split()) <= 4 else "long"), "gap_kind=" + _gap_kind(set(gap))}
    if gap:
        feats.add("gap_first=" + gap[0])
        feats.add("gap_last=" + gap[-1])
        feats.add("gap_ends=" + gap[0] + "…" + gap[-1])
    feats.update("gap_has=" + s for s in set(gap) if s in {"(", ")", ";", ":", "|", "-", "T", "P", "B", "w", "who", "of",
                                                          "from", "at", "for"})
    same_side = [o for o in orgs if (o.start >= p.end) == after]
    nearest = min(same_side, key=lambda o: abs(o.start - p.end) if after else abs(p.start - o.end))
    if nearest.start == m.start:
        feats.add("nearest_body")
    closest_person = min(people, key=lambda q: abs(m.start - q.end) if q.end <= m.start else abs(q.start - m.end))
    if closest_person is p:
        feats.add("nearest_person")
    feats.update(_listing(toks, m, orgs))
    if m.start <= min(x.start for x in people) and m.start <= min(o.start for o in orgs):
        feats.add("body_opens_line")
    if m.end >= max(x.end for x in people) and m.end >= max(o.end for o in orgs):
        feats.add("body_closes_line")
    sentence = analysis.sentences[p.sentence]
    a = (toks[p.start].start, toks[p.end - 1].end) if p.end <= len(toks) else (sentence.start, sentence.start)
    path = _path(analysis.parses.get(p.sentence), a, (m.char_start, m.char_end))
    feats.add("path=" + path)
    feats.add("joint=" + (path.split("^")[1] if path.count("^") == 2 else path))
    return feats


def _participle_between(toks, p: PersonMention, m: Mention) -> bool:
    """ "a song by Mara Lopez, written together with the IJM": a participle after the name opens a clause."""
    if m.start < p.end:
        return False
    words = [t for t in toks[p.end:m.start] if t.text[:1].isalpha()]
    return bool(words) and words[0].text.islower() and len(words[0].text) > 4 and words[0].text.endswith(("ed", "en"))


def _listing(toks, m: Mention, orgs: list[Mention]) -> list[str]:
    """ "UNODC and IOM": a body coordinated with another by "and" is one of a list, not someone's employer;
    "Immigration Bureau, Royal Thai Police": a body next to another by a comma may be its part."""
    out = []
    for o in orgs:
        if o.start == m.start:
            continue
        between = [t.norm for t in toks[m.end:o.start]] if o.start >= m.end else [t.norm for t in toks[o.end:m.start]]
        if between in (["and"], [",", "and"], ["or"]):
            out.append("body_listed_and")
        elif between == [","]:
            out.append("body_next_to_body")
    return out


def _gap_kind(symbols: set[str]) -> str:
    """What fills the gap between a person and a body, in one word.

    >>> _gap_kind(set()), _gap_kind({",", "T", "of", "the"}), _gap_kind({"P", ",", "and"}), _gap_kind({"w", ","})
    ('none', 'title', 'people', 'clause')
    """
    if not symbols:
        return "none"
    if "w" in symbols or "who" in symbols:
        return "clause"
    if "B" in symbols:
        return "bodies"
    if "P" in symbols:
        return "people" if symbols <= {"P", ",", "and", "T", "C", "(", ")"} else "people_other"
    if symbols <= {",", "|", "(", ")", "-", ":", "'"}:
        return "punctuation"
    if "T" in symbols:
        return "title"
    return "function" if not symbols & {"C"} else "names"


def affiliation_candidates(analysis: Analysis) -> list[AffiliationCandidate]:
    """Every (person, body) pair the article allows, with its features."""
    reg = analysis.registry
    words = analysis.lexicon.compiled("gap_words", lambda: GapWords(analysis.lexicon.patterns))
    people_in: dict[int, list[PersonMention]] = {}
    for p in analysis.people:
        if p.key in reg.persons:
            people_in.setdefault(p.sentence, []).append(p)
    orgs_in: dict[int, list[Mention]] = {}
    for m in analysis.mentions:
        if m.kind == "org" and reg.actor_name(m):
            orgs_in.setdefault(m.sentence, []).append(m)
    pairs: dict[tuple[str, str], tuple[int, set[str]]] = {}
    for si, people in people_in.items():
        for p in people:
            for m in orgs_in.get(si, []):
                key = (p.key, reg.actor_name(m) or "")
                feats = _pair_features(analysis, p, m, people, orgs_in[si], words)
                if "body_listed_and" in feats or _participle_between(analysis.sentences[si].tokens, p, m):
                    continue  # "Jane Doe, UNODC and IOM spoke": a list of actors; "X, written with Y": a clause
                feats.update({"section=" + sentence_section(analysis, si), "people=" + ("1" if len(people) == 1 else
                              "2-3" if len(people) <= 3 else "4+")})
                rec = reg.orgs.get(reg.key_of[id(m)])
                feats.add("type=" + (rec.kind if rec else "other"))
                first = pairs.setdefault(key, (si, set()))
                first[1].update(feats)
    out = []
    for (person, org), (si, feats) in pairs.items():
        roles = reg.persons[person].roles
        if any(o == org for _, o, _ in roles):
            continue  # the rules gave this pair: kept as they gave it
        if any(o for _, o, _ in roles):
            feats.add("rule_other_body")
        out.append(AffiliationCandidate(person, org, si, tuple(sorted(feats))))
    return out
