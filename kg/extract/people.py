"""People and their roles.

Patterns: an honorific or rank before a name ("Ms Salma Husna", "Pol. Maj.
Gen. …"); a name followed by a title ("X, Director for Y at Z", "X, the
RSO's Programme Manager", "X, New Zealand's Ambassador to …"); a title before
a name ("Assistant Director Emily Lyons", "RSO Co-Manager (Australia) David
Scott"); a name before a speech verb ("X then gave a presentation");
"X, who co-chairs Y". Later mentions by surname resolve to the same person.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import Lexicon, normalise
from .entities import SENTENCE_START_WORDS, Mention
from ..dates import MONTHS
from .text import Sentence, Token, phrase_pattern, tokenize
from .words import WORDS

__all__ = ["PersonMention", "find_people", "add_table_bodies"]

SPEECH_VERBS = frozenset(WORDS["speech_verbs"])
ADVERBS = frozenset(WORDS["adverbs"])
POST_NOMINALS = frozenset(WORDS["post_nominals"])
APPOSITIVE_CONNECTORS = {"at", "of", "for", "and", "in", "the", "to", "on", "with", "from", "a", "an"}
WHO_VERBS = WORDS["who_verbs"]
GROUP_WORDS = frozenset(WORDS["group_words"])
NOT_NAMES = frozenset(WORDS["not_names"])
ABSTRACT_ENDINGS = tuple(WORDS["abstract_noun_endings"])


@dataclass
class PersonMention:
    key: str
    name: str
    honorific: str | None
    sentence: int
    start: int
    end: int
    roles: list = field(default_factory=list)  # (title, org Mention or None)


def is_abstract_noun(word: str) -> bool:
    """ "Enforcement", "Engagement", "Partnership": a common noun's ending, never a name's ("Clement").

    >>> is_abstract_noun("Enforcement"), is_abstract_noun("Clement")
    (True, False)
    """
    return len(word) >= 8 and word.lower().endswith(ABSTRACT_ENDINGS)


def _is_name_token(t: Token, particles: set[str]) -> bool:
    if t.text in NOT_NAMES or t.text in POST_NOMINALS or is_abstract_noun(t.text):
        return False
    if t.text[:1].isupper() and t.text[:1].isalpha():
        return True
    return t.norm in particles


class _Patterns:
    def __init__(self, lexicon: Lexicon):
        p = lexicon.patterns
        self.particles = {normalise(x) for x in p.get("name_particles", [])}
        one = "(?:" + phrase_pattern(p.get("honorifics", []), " ") + ")"
        # honorifics may come several in a row: "Tan Sri Dato' Seri X", "H.E. Dr. Y"
        self.honorific = re.compile(r"(?<![\w.])(?:the\s+|The\s+)?(" + one + r"(?:\s+" + one + r")*)(?=\s)")
        titles = [[t.norm for t in tokenize(x)] for x in p.get("title_words", [])]
        self.title_first = {t[0] for t in titles}
        self.title_words = {t[0] for t in titles if len(t) == 1}
        self.title_heads = {t[-1] for t in titles}
        self.descriptive_titles = {normalise(x) for x in p.get("descriptive_titles", [])}
        # past forms that open a clause after a name as "-ed" forms do: "X, held a briefing"
        self.irregular_past = {f for pair in p.get("irregular_verbs", {}).values() for f in pair} - {"run", "put", "set"}
        self.lexicon = lexicon

    def is_honorific(self, name: str) -> bool:
        """Is a name nothing but honorifics ("Datuk Seri")?"""
        m = self.honorific.match(name + " ")
        return m is not None and m.end() >= len(name)

    def is_state_word(self, name: str) -> bool:
        """Is a name wholly a state's name or demonym ("Sri Lankan smuggling rings")?"""
        return bool(self.lexicon.state_by_form(name) or self.lexicon.state_by_demonym(name))


def not_name_words(lexicon: Lexicon) -> frozenset[str]:
    """Capitalised words that never make a person's name: title, organisation and event words."""
    def make() -> frozenset[str]:
        p = lexicon.patterns
        words = set(NOT_NAMES) | set(POST_NOMINALS)
        for phrase in [*p.get("title_words", []), *p.get("organisation_heads", {}), *p.get("event_triggers", {})]:
            words.update(w[:1].upper() + w[1:] for w in phrase.split())
        return frozenset(words)
    return lexicon.compiled("not_name_words", make)


def find_people(sentences: list[Sentence], mentions: list[Mention], lexicon: Lexicon,
                seeds: dict[int, list[tuple[int, int]]] | None = None) -> list[PersonMention]:
    """Person mentions with roles; each has a key shared by all mentions of one person.

    `seeds` are token spans per sentence known to be names (kg.extract.names); they take
    titles and bodies from the words around them like any name the rules find.
    """
    pats = lexicon.compiled("people", lambda: _Patterns(lexicon))
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    found: list[PersonMention] = []
    for si, s in enumerate(sentences):
        s = truecased(s)
        ents = by_sentence.get(si, [])
        taken = _token_mentions(s, ents)
        found.extend(_sentence_people(si, s, ents, taken, pats, (seeds or {}).get(si, ())))
    _add_group_titles(found, sentences, by_sentence, pats)
    _add_trailing_group_titles(found, sentences, by_sentence, pats)
    _share_coordinated_bodies(found, sentences)
    _resolve_bodies_referred_back(found, sentences, mentions)
    return _resolve_surnames(found)


def _token_mentions(s: Sentence, mentions: list[Mention]) -> list[Mention | None]:
    """The mention each token of a sentence stands in, or None."""
    taken: list[Mention | None] = [None] * len(s.tokens)
    for m in mentions:
        for k in range(m.start, m.end):
            taken[k] = m
    return taken


REFERRED_BODY = re.compile(r"^(?:the\s+)?(?:(?P<qualifier>[a-z]+)\s+)?(?P<head>" + "|".join(WORDS["body_heads_referred_back"])
                           + r")['’]s\s+(?P<title>.+)$", re.I)


def _resolve_bodies_referred_back(found: list[PersonMention], sentences, mentions: list[Mention]) -> None:
    """ "X, the ministry's spokesman": the body is the one the article names with that head word
    (and qualifier: "the foreign ministry's"), the nearest before the person, else the nearest after."""
    orgs = [m for m in mentions if m.kind == "org"]
    for p in found:
        for i, (title, org) in enumerate(p.roles):
            m = REFERRED_BODY.match(title or "") if org is None else None
            if m is None:
                continue
            words = [w for w in (m.group("qualifier"), m.group("head")) if w]
            named = [o for o in orgs if all(w.lower() in o.name.lower() for w in words)]
            before = [o for o in named if (o.sentence, o.start) < (p.sentence, p.start)]
            chosen = before[-1] if before else (named[0] if named else None)
            if chosen is not None:
                p.roles[i] = (m.group("title"), chosen)


LOWER_IN_TITLES = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to",
                             "with"})


def truecased(s: Sentence) -> Sentence:
    """A line in capitals with its words capitalised as in prose, so that names read as names
    ("STATEMENT BY MR VOLKER TÜRK, ASSISTANT HIGH COMMISSIONER" → "Statement by Mr Volker Türk, …");
    offsets are kept. Any other sentence as it is.

    >>> truecased(Sentence("REMARKS BY MR JOHN ROE, HEAD OF THE DELEGATION", 0, 46, 0, ())).text
    'Remarks by Mr John Roe, Head of the Delegation'
    """
    words = re.findall(r"[^\W\d_]+", s.text)
    if len(words) < 2 or any(c.islower() for c in s.text):
        return s
    text = re.sub(r"[^\W\d_]+", lambda m: m.group().lower() if m.group().lower() in LOWER_IN_TITLES and m.start()
                  else m.group()[:1] + m.group()[1:].lower(), s.text)
    if len(text) != len(s.text):
        return s
    return Sentence(text, s.start, s.end, s.paragraph, tokenize(text, s.start))


def _share_coordinated_bodies(found: list[PersonMention], sentences) -> None:
    """Names joined only by commas and "and" share the body the last one is "of" ("Stephen Smith and
    Gordon Flake of the Perth USAsia Centre"): the phrase after a coordination qualifies all of it.
    A name with a title or body of its own keeps it."""
    by_sentence: dict[int, list[PersonMention]] = {}
    for p in found:
        by_sentence.setdefault(p.sentence, []).append(p)
    for si, people in by_sentence.items():
        toks = sentences[si].tokens
        people.sort(key=lambda p: p.start)
        for i in range(len(people) - 1, 0, -1):
            last = people[i]
            if not last.roles or last.roles[0][0] is not None or last.end >= len(toks) or \
                    toks[last.end].norm not in {"of", "from"}:
                continue
            for q in _coordinated_before(sentences[si], people, last):
                q.roles.append(last.roles[0])


def _coordinated_before(s: Sentence, people: list[PersonMention], p: PersonMention) -> list[PersonMention]:
    """The people of a sentence named right before `p` and joined to it ("A, B and p"), nearest
    first, up to the first one with a title or body of its own."""
    out: list[PersonMention] = []
    nxt = p
    for q in sorted((q for q in people if q.sentence == p.sentence and q.end <= p.start), key=lambda q: -q.start):
        if q.roles or not _joined(s, q, nxt):
            break
        out.append(q)
        nxt = q
    return out


def _joined(s: Sentence, a: PersonMention, b: PersonMention) -> bool:
    """Are two names joined by nothing but commas, "and" and the second one's honorific?"""
    gap = s.text[s.tokens[a.end - 1].end - s.start:s.tokens[b.start].start - s.start]
    if b.honorific:
        gap = gap.replace(b.honorific, " ", 1)
    return a.end < b.start and re.fullmatch(r"[\s,]*(?:and)?\s*", gap) is not None


def _add_group_titles(found: list[PersonMention], sentences, by_sentence, pats) -> None:
    """People listed after a plural title with its body ("the Bali Process Co-Chairs, X and Y") hold it."""
    for p in found:
        toks = sentences[p.sentence].tokens
        s = sentences[p.sentence]
        for k in range(p.start - 1, 0, -1):
            if toks[k].text not in {",", ":"}:
                continue
            # "the Co-Chairs, X and Y" or "the Co-Chairs then took the floor: X, …"
            h = k - 1
            if toks[k].text == ":":
                h = next((j for j in range(k - 1, max(0, k - 8), -1) if toks[j].norm.endswith("s") and
                          toks[j].norm[:-1] in pats.title_heads | pats.title_words), k - 1)
            head = toks[h]
            singular = head.norm[:-1] if head.norm.endswith("s") else None
            if singular and (singular in pats.title_heads or singular in pats.title_words):
                k = h + 1
                a = k - 1
                while a > 0 and (toks[a - 1].text[:1].isupper() or toks[a - 1].norm in GROUP_WORDS):
                    a -= 1  # "the RSO's two Co-Managers, X and Y"
                org = next((m for m in by_sentence.get(p.sentence, []) if m.kind == "org" and a <= m.start
                            and m.end <= k - 1), None)
                if org is not None:
                    first = org.end if all(t.norm == "the" for t in toks[a:org.start]) else a
                    while first < h and toks[first].norm in GROUP_WORDS:
                        first += 1
                    title = s.text[toks[first].start - s.start:head.end - s.start][:-1] if first < h + 1 else ""
                    title = title or s.text[toks[a].start - s.start:head.end - s.start][:-1]
                    if p.end + 2 < len(toks) and toks[p.end].text == "(" and toks[p.end + 2].text == ")":
                        title += f" ({toks[p.end + 1].text})"  # "the RSO Co-Managers, Ms. X (Australia) and …"
                    role = (title, org)
                    if all(r[1] is not org for r in p.roles):
                        p.roles.append(role)
                break


def _add_trailing_group_titles(found: list[PersonMention], sentences, by_sentence, pats) -> None:
    """People listed before a plural title of a body ("X (Australia) and Y (Indonesia), the two
    Co-Managers of the RSO, …") hold it."""
    for p in found:
        s, toks = sentences[p.sentence], sentences[p.sentence].tokens
        j = p.end
        while j < len(toks) and j - p.end < 16 and toks[j].text != "," and \
                (toks[j].text[:1].isupper() or toks[j].text in {"(", ")", "."} or toks[j].norm == "and"):
            j += 1
        k = j + 1
        while k < len(toks) and toks[k].norm in GROUP_WORDS | {"the"}:
            k += 1
        h = k
        while h < len(toks) and toks[h].text[:1].isupper():
            h += 1
        if j >= len(toks) or toks[j].text != "," or h == k or h + 1 >= len(toks) or toks[h].norm not in {"of", "at"}:
            continue
        head = toks[h - 1].norm
        if not (head.endswith("s") and (head[:-1] in pats.title_heads or head[:-1] in pats.title_words)):
            continue
        q = h + 1 + (toks[h + 1].norm == "the")
        org = next((m for m in by_sentence.get(p.sentence, []) if m.kind == "org" and m.start == q), None)
        if org is not None and all(r[1] is not org for r in p.roles):
            p.roles.append((s.text[toks[k].start - s.start:toks[h - 1].end - s.start][:-1], org))


def _in_name_place(taken, j, i, toks=()) -> bool:
    """A one-word town or state inside a name after its first word: "Fadli bin Hassan" (Hassan,
    India), "Ms Agnieszka Holland" (the Netherlands)."""
    m = taken[j]
    return m is not None and j > i and m.kind in {"place", "state"} and m.start == j and m.end == j + 1 \
        and not m.facts.demonym and not (j + 1 < len(toks) and toks[j + 1].text in {"'s", "’s"})


def _name_run(toks, i, taken, pats, max_tokens=6, through_places=False) -> int:
    """End of a run of name tokens starting at i (i when none); `through_places` also takes
    one-word place names after the first word (the caller marks them `in_person`)."""
    j = i
    while j < len(toks) and _words(toks, i, j, pats.particles) < max_tokens and \
            (taken[j] is None or (through_places and _in_name_place(taken, j, i, toks))) and _is_name_token(toks[j], pats.particles):
        if toks[j].norm in pats.particles:
            k = j
            while k < len(toks) and toks[k].norm in pats.particles:  # "van der Berg"
                k += 1
            if j == i or k >= len(toks) or not toks[k].text[:1].isupper():
                break
            j = k
            continue
        j += 1
        # middle initials and short given names: "Retno L.P. Marsudi", "John A. Smith", "Ma. Hellen B. De La Vega"
        if _initial(toks[j - 1]) and j + 1 < len(toks) \
                and toks[j].text == "." and taken[j + 1] is None and _is_name_token(toks[j + 1], pats.particles):
            j += 1
            continue
        # "Dato'" keeps its apostrophe as a separate token
        if j < len(toks) and toks[j].text in {"'", "’"} and j + 1 < len(toks) and toks[j + 1].text[:1].isupper():
            j += 1
    while j > i and toks[j - 1].norm in pats.particles:
        j -= 1
    return j


NAME_ABBREVIATIONS = frozenset(WORDS["name_abbreviations"])


def _initial(t) -> bool:
    """An initial or a given name written short, before its full stop ("L", "Ma", "Mohd")."""
    return (len(t.text) == 1 and t.text.isupper()) or (t.text[:1].isupper() and t.norm in NAME_ABBREVIATIONS)


def _words(toks, i: int, j: int, particles) -> int:
    """Words among tokens i..j, full stops and particles aside ("Retno L.P. Marsudi" is three words,
    "Ma. Hellen B. De La Vega" four)."""
    return sum(1 for t in toks[i:j] if t.text not in {".", "'", "’"} and t.norm not in particles)


def _token_at(toks, char) -> int | None:
    for k, t in enumerate(toks):
        if t.start >= char:
            return k
    return None


def _sentence_people(si, s: Sentence, ents, taken, pats: _Patterns, seeds=()) -> list[PersonMention]:
    """The people one sentence names: after an honorific, before a title or a speech verb, after a
    title, and the names proposed from outside the rules (`seeds`)."""
    reader = _PeopleReader(si, s, taken, pats)
    reader.read_honorifics()
    reader.read_names_then_titles()
    reader.read_titles_then_names(ents)
    reader.read_seeds(seeds)
    return reader.found


class _PeopleReader:
    """The person mentions of one sentence, each span read once (`used`)."""

    def __init__(self, si: int, s: Sentence, taken, pats: _Patterns):
        self.si, self.s, self.toks, self.taken, self.pats = si, s, s.tokens, taken, pats
        self.found: list[PersonMention] = []
        self.used: set[int] = set()

    def add(self, a: int, b: int, honorific, title_before=None) -> None:
        """A person named by tokens a..b, with the title before the name and the roles after it."""
        toks, s = self.toks, self.s
        if b <= a or any(k in self.used for k in range(a, b)) or any(t.text in POST_NOMINALS for t in toks[a:b]):
            return
        name = re.sub(r"\s+", " ", s.text[toks[a].start - s.start:toks[b - 1].end - s.start]).strip(" ,")
        if self.pats.is_state_word(name) or self.pats.is_honorific(name):
            return  # "Sri Lankan smuggling rings"; "Prime Minister Datuk Seri Najib": no name
        p = PersonMention(normalise(name), name, honorific, self.si, a, b)
        if title_before:
            p.roles.append(title_before)
        after = b
        while after < len(toks) and toks[after].text in POST_NOMINALS:  # "Julie Bishop MP, Minister …"
            after += 1
        roles_after = _roles_after(s, after, self.taken, self.pats)
        if p.roles and p.roles[-1][1] is None and roles_after and roles_after[0][0] is None:
            p.roles[-1] = (p.roles[-1][0], roles_after.pop(0)[1])  # "Undersecretary X of the Department of Y"
        p.roles.extend(roles_after)
        self.found.append(p)
        self.used.update(range(a, b))

    def read_honorifics(self) -> None:
        """"H.E. Dr. X", "Minister Counsellor Mr. X": an honorific, then the name."""
        toks, s, taken, pats = self.toks, self.s, self.taken, self.pats
        for m in pats.honorific.finditer(s.text):
            k = _token_at(toks, s.start + m.end())
            if k is None:
                continue
            while k < len(toks) and toks[k].text == ".":
                k += 1
            end = _name_run(toks, k, taken, pats, max_tokens=9, through_places=True)
            for j in range(k + 1, end):  # a name word that is also a town's name: "Dr. Retna Sari" (Sari, Iran)
                if _in_name_place(taken, j, k, toks):
                    taken[j].facts.in_person = True
                    taken[j] = None
            h = _token_at(toks, s.start + m.start())
            if end > k and h is not None and not _looks_like_title(toks, k, end, pats):
                title = self._title_before_honorific(h)
                self.add(k, end, m.group(1).strip(), title or _possessive_title_before(s, h, taken, pats, plain=True))

    def _title_before_honorific(self, h: int):
        """"Minister Counsellor Mr. X": the title words just before the honorific at token `h`."""
        toks, pats, a = self.toks, self.pats, h
        while a > 0 and toks[a - 1].text[:1].isupper() and self.taken[a - 1] is None and \
                (toks[a - 1].norm in pats.title_words or toks[a - 1].norm in pats.title_heads):
            a -= 1
        if a >= h:
            return None
        return self.s.text[toks[a].start - self.s.start:toks[h - 1].end - self.s.start], None

    def read_names_then_titles(self) -> None:
        """"X, Director of Y", "X said", "Y's Director, X, …": a name before a title or a speech verb."""
        toks, s, taken, pats = self.toks, self.s, self.taken, self.pats
        for i in range(len(toks)):
            end = self._plain_name_at(i)
            if end is None:
                continue
            nxt = toks[end] if end < len(toks) else None
            if nxt is not None and nxt.text == "," and end + 1 < len(toks) and _title_starts(toks, end + 1, taken, pats):
                self.add(i, end, None)
            elif nxt is not None and (nxt.norm in SPEECH_VERBS or (nxt.norm in ADVERBS and end + 1 < len(toks)
                                                                   and toks[end + 1].norm in SPEECH_VERBS)):
                self.add(i, end, None, _possessive_title_before(s, i, taken, pats))
            elif nxt is not None and nxt.text == "," and (role := _possessive_title_before(s, i, taken, pats)):
                self.add(i, end, None, role)

    def _plain_name_at(self, i: int) -> int | None:
        """The end of a run of two to four name words starting at token `i`, else None."""
        toks, taken, pats = self.toks, self.taken, self.pats
        if i in self.used or taken[i] is not None or not _is_name_token(toks[i], pats.particles):
            return None
        if i > 0 and (_is_name_token(toks[i - 1], pats.particles) and taken[i - 1] is None and (i - 1) not in self.used):
            return None  # not the start of a run
        if i > 1 and toks[i - 1].text == "." and _initial(toks[i - 2]):
            return None  # "Retno L.P. Marsudi": the run starts before the initials
        if toks[i].norm in SENTENCE_START_WORDS or toks[i].norm in pats.title_first:
            return None
        end = _name_run(toks, i, taken, pats, max_tokens=4)
        if end - i < 2 or _looks_like_title(toks, i, end, pats):
            return None
        if i > 1 and toks[i - 1].norm in {"for", "of", "on"} and toks[i - 2].text[:1].isupper():
            return None  # "Director-General for Multilateral Cooperation, Ambassador X": the rest of a title
        return end

    def read_titles_then_names(self, ents) -> None:
        """"Assistant Director Emily Lyons", "RSO Co-Manager (Australia) David Scott": a title, then the name."""
        toks, s, taken, pats = self.toks, self.s, self.taken, self.pats
        for i in range(1, len(toks)):
            if i in self.used or taken[i] is not None or not toks[i].text[:1].isupper():
                continue
            title_end = _before_brackets(toks, i)
            if title_end == 0 or toks[title_end - 1].norm not in pats.title_heads | pats.descriptive_titles:
                continue
            end = _name_run(toks, i, taken, pats, max_tokens=4, through_places=True)
            if end - i < 2 or _looks_like_title(toks, i, end, pats):
                continue
            for j in range(i + 1, end):  # "Minister Sim Ann": a name word that is also a town's name
                if _in_name_place(taken, j, i, toks):
                    taken[j].facts.in_person = True
                    taken[j] = None
            a = title_end - 1
            while a > 0 and (((toks[a - 1].text[:1].isupper() or taken[a - 1] is not None) and
                              toks[a - 1].norm not in SENTENCE_START_WORDS) or
                             (toks[a - 1].norm in {"of", "for"} and a > 1 and toks[a - 2].text[:1].isupper())):
                a -= 1  # "Senior Minister of State Sim Ann"
            org = next((m for m in ents if m.kind == "org" and a <= m.start and m.end <= i), None)
            title_text = s.text[toks[a].start - s.start:toks[i - 1].end - s.start] if a < i else None
            if org is not None and title_text:
                title_text = _strip_org(title_text, org, s) or title_text
            self.add(i, end, None, (title_text, org))

    def read_seeds(self, seeds) -> None:
        """Names proposed from outside the rules: a title before them, titled roles after them, and
        a body in brackets or after "of"/"from" ("Jane Doe (UNODC)", "Jane Doe of UNODC") or closed
        by a speech verb ("Jane Doe, UNODC, said"); a bare body after a comma may be the next item
        of a list."""
        for a, b in seeds:
            self.add(a, b, None, _possessive_title_before(self.s, a, self.taken, self.pats))
            bound = b < len(self.toks) and self.toks[b].norm in {"(", "of", "from"}
            if self.found and self.found[-1].start == a and not bound:
                self.found[-1].roles = [r for r in self.found[-1].roles
                                        if r[0] or (r[1] is not None and r[1].start == b + 1 and _speaks_next(self.toks, r[1]))]


def _speaks_next(toks, org: Mention | None) -> bool:
    """Does a speech verb follow the body ("Jane Doe, UNODC, said"): it closes her apposition."""
    if org is None:
        return False
    k = org.end + (1 if org.end < len(toks) and toks[org.end].text == "," else 0)
    return k < len(toks) and toks[k].norm in SPEECH_VERBS


def _before_brackets(toks, i: int) -> int:
    """Token `i`, or where the bracket just before it opens: "Co-Manager (Australia) David"."""
    if toks[i - 1].text != ")":
        return i
    k = i - 1
    while k > 0 and toks[k].text != "(":
        k -= 1
    return k


def _possessive_title_before(s: Sentence, k: int, taken, pats, plain: bool = False):
    """The role in "the RSO's Senior Adviser, [Ms] X" / "Fiji's Minister for Y, X", ending just before token k.

    Also "the Foreign Minister of Indonesia, X" and "the Australian Minister for Foreign Affairs, X".
    (title, organisation or state mention), or None when no such appositive precedes.
    """
    toks = s.tokens
    if k < 3 or toks[k - 1].text != ",":
        return None
    owner = taken[k - 2]
    if owner is not None and owner.kind in {"org", "state"} and owner.end == k - 1 and owner.start >= 2 \
            and not owner.facts.demonym:
        # "[the] Title of [the] Owner, X"
        q = owner.start - 1
        if toks[q].norm == "the":
            q -= 1
        if q >= 1 and toks[q].norm in {"of", "for", "to"}:
            a = _title_run_before(toks, q, taken, pats)
            if a is not None:  # a state stays in the title: "Foreign Minister of Malaysia"
                last = owner.end - 1 if owner.kind == "state" else q - 1
                return (s.text[toks[a].start - s.start:toks[last].end - s.start], owner)
    a = _title_run_before(toks, k - 1, taken, pats, allow_connectors=True)
    if a is not None and a >= 1 and taken[a - 1] is not None and taken[a - 1].kind == "state" \
            and taken[a - 1].facts.demonym and taken[a - 1].end == a:
        # "[the] Australian Minister for Foreign Affairs, X"
        return (s.text[toks[a].start - s.start:toks[k - 2].end - s.start], taken[a - 1])
    p = k - 2
    while p > 0 and toks[p].text not in {"'s", "’s"} and (toks[p].text[:1].isupper() or
                                                          toks[p].norm in {"of", "for", "and", "on", "to", "the"}):
        p -= 1
    if toks[p].text not in {"'s", "’s"} or p + 1 > k - 2 or toks[p + 1].norm not in pats.title_first:
        return _plain_title_before(s, k, a, taken) if plain else None
    owner = taken[p - 1]
    if owner is None or owner.kind not in {"org", "state"} or owner.end != p:
        return None
    title = s.text[toks[p + 1].start - s.start:toks[k - 2].end - s.start]
    return (title, owner)


def _plain_title_before(s: Sentence, k: int, a: int | None, taken):
    """ "led by Additional Director General Immigration, Mr. X": a bare title before the comma."""
    toks = s.tokens
    if a is None:
        return None
    r = a
    while r > 0 and taken[r - 1] is None and toks[r - 1].is_cap and toks[r - 1].norm not in SENTENCE_START_WORDS:
        r -= 1
    if r >= 1 and taken[r - 1] is None and not toks[r - 1].is_cap \
            and toks[r - 1].text not in {"'", "’", "'s", "’s"} and all(taken[x] is None for x in range(r, k - 1)):
        return (s.text[toks[r].start - s.start:toks[k - 2].end - s.start], None)
    return None


def _title_run_before(toks, j, taken, pats, allow_connectors=False) -> int | None:
    """Start of a capitalised job title ending just before token j ("Foreign Minister", "Minister for
    Foreign Affairs" with connectors), or None when the run does not start with a title word."""
    a = j
    while a > 0 and taken[a - 1] is None and (toks[a - 1].text[:1].isupper() or (
            allow_connectors and toks[a - 1].norm in {"of", "for", "and"} and a - 1 > 0)):
        a -= 1
    while a < j and toks[a].norm in {"of", "for", "and"}:
        a += 1
    for start in range(a, j):
        if toks[start].norm in pats.title_first:
            return start
    return None


def _looks_like_title(toks, a, b, pats) -> bool:
    words = [t.norm for t in toks[a:b]]
    return any(w in pats.title_words for w in words) or any(t.text in NOT_NAMES for t in toks[a:b])


def _title_starts(toks, k, taken, pats) -> bool:
    """Does a job title start at token k? ("Director …", "the RSO's …", "Australia's Ambassador …")."""
    j = k
    if j < len(toks) and toks[j].norm in {"former", "acting", "outgoing", "incoming", "then"}:
        return True
    if j < len(toks) and toks[j].norm in {"the", "a", "an"}:
        j += 1
    if j < len(toks) and toks[j].norm in pats.title_first:
        return True
    if j + 2 < len(toks) and toks[j].text.isalpha() and toks[j].text.islower() and toks[j + 1].text in {"'s", "’s"} \
            and toks[j + 2].norm in pats.title_first:
        return True  # "X, the ministry's spokesman": a body referred back to, then the title
    if j < len(toks) and taken[j] is not None:
        m = taken[j]
        after = m.end
        if after < len(toks) and toks[after].text in {"'s", "’s"}:
            after += 1
        if after < len(toks) and (toks[after].norm in pats.title_first or toks[after].norm in {"former", "acting"}):
            return True
        # "New Zealand's Irregular Migration Officer to …": a title word before the next comma
        k = after
        while k < len(toks) and k - after < 6 and toks[k].text[:1].isupper() and toks[k].text != ",":
            if toks[k].norm in pats.title_heads or toks[k].norm in pats.title_words:
                return True
            k += 1
    return False


def _strip_org(title: str, org: Mention, s: Sentence) -> str:
    text = re.sub(re.escape(org.name), " ", title, flags=re.I)  # a line in capitals is read truecased
    text = re.sub(r"\(\s*[A-Z][A-Z0-9\-/&]+\s*\)", " ", text)  # "(DFAT)" after the organisation
    text = re.sub(r"^\s*(the\s+)?['’]s\s+", "", text)
    text = re.sub(r"\s+(at|of|for|with|from|in)\s+(the\s+)?$", "", text.strip())
    text = re.sub(r"^(the|a|an)\s+", "", text.strip(" ,"))
    text = re.sub(r"\s+(at|of|for|with|from|in)(\s+the)?$", "", text)
    return re.sub(r"\s+", " ", text).strip(" ,")


def _roles_after(s: Sentence, j: int, taken, pats) -> list:
    """Roles in the appositive after a name: ", Director for X at Y, and recent Z secondee"."""
    toks = s.tokens
    k = j
    roles: list[tuple[str | None, Mention | None]] = []
    # "X of the RSO"
    if k < len(toks) and toks[k].norm in {"of", "from"}:
        q = k + 1 + (1 if k + 1 < len(toks) and toks[k + 1].norm == "the" else 0)
        if q < len(toks) and taken[q] is not None and taken[q].kind == "org" and taken[q].start == q:
            return [(None, taken[q])]
    # "Ms X (Ministry of Manpower, Indonesia)"
    if k < len(toks) and toks[k].text == "(":
        close = next((c for c in range(k + 1, min(k + 16, len(toks))) if toks[c].text == ")"), None)
        org = next((taken[q] for q in range(k + 1, close or k) if taken[q] is not None and taken[q].kind == "org"),
                   None)
        if close is not None and org is not None:
            title_words = [t for t in toks[k + 1:org.start] if t.norm in pats.title_words | pats.title_heads]
            title = s.text[toks[k + 1].start - s.start:toks[org.start - 1].end - s.start] if title_words else None
            return [(_strip_org(title, org, s) if title else None, org)]
    # ", who co-chairs the WG-TIP"
    if k < len(toks) and toks[k].text != ",":
        return roles
    # "X, created together with …": a participle starts a clause, not a title
    if k + 1 < len(toks) and toks[k + 1].text[:1].islower() and toks[k + 1].norm not in pats.title_words and (
            (toks[k + 1].norm.endswith(("ed", "en")) and len(toks[k + 1].norm) > 4) or toks[k + 1].norm in pats.irregular_past):
        return roles
    end = k + 1
    while end < len(toks):
        t = toks[end]
        if t.text in {".", ";", "“", "\"", ":", "|"}:
            break
        if t.text == "," and end + 2 < len(toks) and toks[end + 1].norm in {"on", "in", "from", "over", "at"} \
                and (toks[end + 2].text[:1].isdigit() or toks[end + 2].norm in MONTHS):
            break  # ", on 3 May 2024": the sentence goes on after the appositive
        if t.text == "," and end + 1 < len(toks):
            n = toks[end + 1]
            if n.text[:1].islower() and n.norm not in APPOSITIVE_CONNECTORS:
                break
            if n.norm == "and" and end + 2 < len(toks) and toks[end + 2].text[:1].isupper() \
                    and taken[end + 2] is None and toks[end + 2].norm not in pats.title_first:
                break
        if t.norm == "and" and _person_follows(toks, end + 1, taken, pats):
            break
        if t.norm == "and" and toks[end - 1].text == ",":
            # "X, Title, and the Title of Y, [Hon.] Z": the next person's title comes first
            c = next((c for c in range(end + 1, min(end + 14, len(toks))) if toks[c].text == ","), None)
            if c is not None and _person_follows(toks, c + 1, taken, pats):
                break
        if t.norm in {"who", "which"}:
            break
        end += 1
    span = toks[k + 1:end]
    if end + 1 < len(toks) and toks[end].text == "," and toks[end + 1].norm == "who":
        end += 1
    if span:
        roles.extend(_segments_to_roles(s, k + 1, end, taken, pats))
    if end < len(toks) and toks[end].text == "|" and (not roles or roles[-1][1] is None):
        org = _cell_body(toks, end, taken)  # "| Mr X, Assistant Director | Directorate of … |"
        if org is not None:
            roles[-1:] = [(roles[-1][0] if roles else None, org)]
    if end < len(toks) and toks[end].norm == "who":
        roles.extend(_who_roles(toks, end, taken))
    return roles


def add_table_bodies(sentences: list[Sentence], mentions: list[Mention], people: list[PersonMention]) -> None:
    """People in a table row whose next cell opens with a body work for it, and so does everyone
    named with them in their cell ("| X and Y | Special Branch, Royal Malaysian Police |"); run once
    every body is found, bodies listed among others included."""
    for p in people:
        s = sentences[p.sentence]
        if p.end >= len(s.tokens) or s.tokens[p.end].text != "|":
            continue
        org = _cell_body(s.tokens, p.end, _token_mentions(s, [m for m in mentions if m.sentence == p.sentence]))
        if org is None:
            continue
        if p.roles and p.roles[-1][1] is None:
            p.roles[-1] = (p.roles[-1][0], org)  # "| Deputy Superintendent X | Special Branch |"
        elif all(o is not org for _, o in p.roles):
            p.roles.append((None, org))
        for q in _coordinated_before(s, people, p):  # "| Susan Egan and Andrew Holmes | NZ Immigration Service |"
            q.roles.append((None, org))


def _cell_body(toks, bar: int, taken) -> Mention | None:
    """The body that opens the table cell after the bar at `bar`, if one does."""
    q = bar + 1 + (1 if bar + 1 < len(toks) and toks[bar + 1].norm == "the" else 0)
    m = taken[q] if q < len(toks) else None
    return m if m is not None and m.kind == "org" and m.start == q else None


def _who_roles(toks, w: int, taken) -> list:
    """Roles in the relative clauses after a name: "who founded and chairs Fortescue Metals Group and
    who also founded the Walk Free Foundation" gives a role at each body; a new name ends them."""
    roles, i = [], w
    while i < len(toks) and toks[i].text not in {".", ";"}:
        if toks[i].norm == "and" and i + 1 < len(toks) and toks[i + 1].text[:1].isupper() and \
                taken[i + 1] is None and toks[i - 1].text == ",":
            break  # ", and Eddy Sariaatmadja, founder of …": the next person
        if toks[i].norm != "who":
            i += 1
            continue
        verbs, j = [], i + 1
        while j < len(toks) and (toks[j].norm in WHO_VERBS or toks[j].norm in {"and", "also", "now", "currently"}):
            if toks[j].norm in WHO_VERBS:
                verbs.append(WHO_VERBS[toks[j].norm])
            j += 1
        q = j + (1 if j < len(toks) and toks[j].norm == "the" else 0)
        if verbs and q < len(toks) and taken[q] is not None and taken[q].kind == "org":
            roles.append((" and ".join(dict.fromkeys(verbs)), taken[q]))
        i = max(j, i + 1)
    return roles


def _person_follows(toks, k, taken, pats) -> bool:
    """Does another person start at k? ("… and Lara Franzen, Counsellor …", "… and Minister Mr. X")."""
    if k >= len(toks):
        return False
    words = "".join(t.text if t.text == "." else " " + t.text for t in toks[k:k + 5]).strip()
    if pats.honorific.match(words):
        return True
    if taken[k] is not None or toks[k].norm in pats.title_first or toks[k].norm == "the":
        return False
    j = k
    while j < len(toks) and toks[j].text[:1].isupper() and taken[j] is None:
        j += 1
    if any(t.text in NOT_NAMES or t.norm in pats.title_words for t in toks[k:j]):
        return False  # "…, Citizenship and Multicultural Affairs, …": the rest of a title
    return j - k >= 2 and (j >= len(toks) or toks[j].text in {",", "("})


def _segments_to_roles(s: Sentence, a: int, b: int, taken, pats) -> list:
    toks = s.tokens
    # split at ", " and " and " into segments
    segments, cur = [], a
    for k in range(a, b):
        if toks[k].text == "," or (toks[k].norm == "and" and taken[k] is None and k + 1 < b and (toks[k + 1].norm in pats.title_first
                                                                          or toks[k + 1].norm in {"recent", "former"}
                                                                          or (taken[k + 1] is not None))):
            if k > cur:
                segments.append((cur, k))
            cur = k + 1
    if b > cur:
        segments.append((cur, b))
    roles: list = []
    for x, y in segments:
        if _next_person_or_clause(toks, x, y, taken, pats):
            break  # "Penny Wong, attorney-general Mark Dreyfus, and …": the next person, not a title
        orgs = []
        seen = set()
        for k in range(x, y):
            m = taken[k]
            if m is not None and m.kind == "org" and id(m) not in seen:
                orgs.append(m)
                seen.add(id(m))
        if orgs and orgs[-1].end < y and toks[orgs[-1].end].text[:1].islower() and \
                toks[orgs[-1].end].norm not in {"of", "for", "in", "at", "and", "to", "on"} | pats.title_words | pats.title_heads:
            y = orgs[-1].end  # "Deputy Director-General of Thai Customs delivered remarks": the clause goes on
        text = s.text[toks[x].start - s.start:toks[y - 1].end - s.start]
        has_title = any(t.norm in pats.title_words or t.norm in pats.title_heads for t in toks[x:y])
        if orgs:
            org = orgs[-1]
            title = _strip_org(text, org, s) if has_title else None
            if not has_title and roles and roles[-1][1] is None:
                roles[-1] = (roles[-1][0], org)
                continue
            roles.append((title or None, org))
        elif has_title:
            roles.append((re.sub(r"^(the|a|an)\s+", "", text), None))
        elif roles and roles[-1][1] is None and roles[-1][0]:
            roles[-1] = (roles[-1][0] + ", " + text, None)  # "Acting Regional Director, Mekong"
    return roles


CLAUSE_WORDS = frozenset({"have", "has", "had", "is", "are", "was", "were", "will", "would", "met", "said"})


def _next_person_or_clause(toks, x: int, y: int, taken, pats) -> bool:
    """Does a segment of an apposition end in another person's name ("attorney-general Mark
    Dreyfus") or hold a verb ("… have met with their counterparts")?"""
    if any(t.norm in CLAUSE_WORDS for t in toks[x:y]):
        return True
    tail = toks[max(x, y - 2):y]
    return (y - x >= 3 and len(tail) == 2 and all(_is_cap_name(t, pats) for t in tail)
            and all(taken[k] is None for k in range(y - 2, y))
            and (toks[y - 3].norm in pats.title_words or toks[y - 3].norm in pats.title_heads))


def _is_cap_name(t: Token, pats) -> bool:
    return t.text[:1].isupper() and t.text[:1].isalpha() and t.norm not in pats.title_words | pats.title_heads \
        and t.text not in NOT_NAMES


def _resolve_surnames(found: list[PersonMention]) -> list[PersonMention]:
    """Give "Ms Husna" the key of "Salma Husna" when the article names her in full."""
    full = [p for p in found if len(p.key.split()) >= 2]
    for p in found:
        if len(p.key.split()) == 1:
            match = next((f for f in full if f.key.split()[-1] == p.key or f.key.split()[0] == p.key), None)
            if match is not None:
                p.key, p.name = match.key, match.name
                if not p.honorific:
                    p.honorific = match.honorific
    return found
