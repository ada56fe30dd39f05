"""Mentions in, one `Extraction` out: one entry per actor, names and aliases, evidence."""
from __future__ import annotations

import re

from ..lexicon import Lexicon, OrganisationEntry, normalise
from ..model import (Article, Event, Evidence, Extraction, Organisation, Person, Place, Role, State)
from .entities import Mention
from .events import EventRecord
from .people import PersonMention
from .text import Sentence

__all__ = ["assemble"]


def _evidence(sentences: list[Sentence], indices) -> tuple[Evidence, ...]:
    out = []
    for si in sorted(set(indices)):
        s = sentences[si]
        out.append(Evidence(s.text, s.start, s.end))
    return tuple(out)


def _canonical_org(m: Mention, lexicon: Lexicon) -> OrganisationEntry | None:
    """A pattern organisation that is a shortened form of a known one maps to it.

    Never across countries: "the Iraqi Ministry of Foreign Affairs" is not Indonesia's,
    even where the lexicon knows Indonesia's by the short form "Ministry of Foreign Affairs".
    """
    country = m.attrs.get("country")

    def same_country(entry: OrganisationEntry | None) -> OrganisationEntry | None:
        return entry if entry is None or not country or not entry.country or entry.country == country else None

    if m.entry is not None:
        return same_country(m.entry)
    name = normalise(m.attrs.get("short") or m.attrs.get("name") or m.name)
    if m.attrs.get("parent"):
        return None
    words = name.split()
    if len(words) < 4:
        return same_country(lexicon.organisation_by_form(name))
    for o in lexicon.organisations:
        for form in o.forms:
            nf = normalise(form)
            if (nf.startswith(name + " ") or nf == name) and same_country(o):
                return o
    return None


def assemble(article: Article, sentences: list[Sentence], mentions: list[Mention],
             people: list[PersonMention], events: list[EventRecord], lexicon: Lexicon) -> Extraction:
    states: dict[str, dict] = {}
    orgs: dict[str, dict] = {}
    places: dict[str, dict] = {}
    key_of: dict[int, str] = {}   # id(mention) -> entity key
    for m in mentions:
        if m.kind == "state":
            e = m.entry
            rec = states.setdefault(e.iso3, {"name": e.name if m.attrs.get("demonym") else m.name,
                                             "forms": [], "entry": e, "sentences": []})
            rec["forms"].append(m.name if not m.attrs.get("demonym") else e.name)
            rec["forms"].extend(m.attrs.get("acronyms", ()))
            rec["sentences"].append(m.sentence)
            key_of[id(m)] = e.iso3
        elif m.kind == "org":
            entry = _canonical_org(m, lexicon)
            key = entry.id if entry is not None else m.key
            rec = orgs.setdefault(key, {"name": entry.name if entry else _pattern_name(m),
                                        "forms": [], "entry": entry, "sentences": [],
                                        "kind": entry.kind if entry else m.attrs.get("kind", "other"),
                                        "country": entry.country if entry else m.attrs.get("country")})
            rec.setdefault("standalone", False)
            rec["standalone"] = rec["standalone"] or not m.attrs.get("in_name") or m.attrs.get("owner")
            rec["forms"].append(m.name)
            for extra in ("short", "name"):
                if m.attrs.get(extra):
                    rec["forms"].append(m.attrs[extra])
            rec["forms"].extend(m.attrs.get("aliases", ()))
            paren = re.search(r"\s*\(([A-Z][A-Za-z0-9\-/&]+)\)\s*", m.name)
            if paren and entry is None:
                # "UN Refugee Agency (UNHCR) Regional Bureau …" is also "UNHCR Regional Bureau …"
                rec["forms"].append(m.name[:paren.start()] + " " + m.name[paren.end():])
                rec["forms"].append(paren.group(1) + " " + m.name[paren.end():])
            rec["forms"].extend(m.attrs.get("acronyms", ()))
            if not rec["country"] and m.attrs.get("country"):
                rec["country"] = m.attrs["country"]
            rec["sentences"].append(m.sentence)
            key_of[id(m)] = key
        elif m.kind == "place":
            shouted = m.entry is not None and m.name.isupper()  # "MANILA, 25 November 2022 –"
            rec = places.setdefault(m.key, {"name": m.entry.name if shouted else m.name,
                                            "country": m.attrs.get("country"), "sentences": []})
            rec["sentences"].append(m.sentence)
            key_of[id(m)] = m.key
    # an organisation named only inside an event's or document's name is not listed
    for key in [k for k, r in orgs.items() if not r.get("standalone")]:
        orgs.pop(key)
    # a place that is also a state's or an organisation's name is not a place
    for key in [k for k, p in places.items() if lexicon.state_by_form(p["name"])]:
        places.pop(key)

    def aliases(name: str, forms) -> tuple[str, ...]:
        seen, out = {normalise(name)}, []
        for f in forms:
            f = re.sub(r"^(the|The)\s+", "", f.strip())
            if f and normalise(f) not in seen:
                seen.add(normalise(f))
                out.append(f)
        return tuple(out)

    state_objs = []
    for iso3, r in states.items():
        e = r["entry"]
        state_objs.append(State(r["name"], aliases(r["name"], [e.name, *e.aliases, *r["forms"]]), iso3,
                                _evidence(sentences, r["sentences"])))
    org_objs = []
    org_names: dict[str, str] = {}
    for key, r in orgs.items():
        e = r["entry"]
        forms = ([e.name] + ([e.acronym] if e.acronym else []) + list(e.aliases) if e else []) + r["forms"]
        org_objs.append(Organisation(r["name"], aliases(r["name"], forms), r["kind"], r["country"],
                                     e.id if e else None, _evidence(sentences, r["sentences"])))
        org_names[key] = r["name"]
    state_names = {iso3: r["name"] for iso3, r in states.items()}
    place_objs = [Place(r["name"], r["country"], _evidence(sentences, r["sentences"])) for r in places.values()]
    place_names = {k: r["name"] for k, r in places.items()}

    def actor_name(m: Mention) -> str | None:
        k = key_of.get(id(m))
        return org_names.get(k) or state_names.get(k)

    # people: one per key, roles merged
    persons: dict[str, dict] = {}
    for p in people:
        rec = persons.setdefault(p.key, {"name": p.name, "honorific": p.honorific, "roles": [], "sentences": []})
        if len(p.name) > len(rec["name"]):
            rec["name"] = p.name
        rec["honorific"] = rec["honorific"] or p.honorific
        rec["sentences"].append(p.sentence)
        for title, org in p.roles:
            org_name = actor_name(org) if org is not None else None
            if org is not None and org.kind == "state":
                org_name = None
            role = (_clean_title(title, lexicon), org_name)
            if role[0] and not role[1]:
                role = (role[0], _portfolio_body(role[0], org_names.values()))
            if role != (None, None) and role not in [x[:2] for x in rec["roles"]]:
                rec["roles"].append((role[0], role[1], p.sentence))
    person_objs = [Person(r["name"], r["honorific"],
                          tuple(Role(t, o, _evidence(sentences, [si])) for t, o, si in r["roles"]),
                          _evidence(sentences, r["sentences"])) for r in persons.values()]
    person_names = {k: r["name"] for k, r in persons.items()}

    themes = _themes(article, lexicon)
    event_objs = []
    for ev in events:
        organisers = _unique(actor_name(m) for m in ev.organisers)
        # the organisations of the people who spoke at or attended an event took part in it;
        # an organiser's own speakers do not make it a participant as well
        speakers_orgs = [org_name for p in ev.people for _, org_name, _ in persons[p.key]["roles"]
                         if org_name and org_name not in organisers]
        participants = _unique([actor_name(m) for m in ev.participants] + speakers_orgs)
        event_objs.append(Event(ev.name, ev.kind, ev.start, ev.end,
                                place_names.get(key_of.get(id(ev.place))) if ev.place is not None else None,
                                organisers, participants, _unique(person_names.get(p.key) for p in ev.people),
                                themes, _evidence(sentences, [ev.anchor] if ev.anchor is not None else [])))
    return Extraction(article, tuple(state_objs), tuple(org_objs), tuple(person_objs), tuple(place_objs),
                      tuple(event_objs))


PORTFOLIO = re.compile(r"\b(?:Minister|Secretary|Under-?Secretary|Director-General|Director General)\s+(?:of|for)\s+"
                       r"(?P<portfolio>[A-Z][\w'’-]*(?:\s+(?:and|of|for|&)?\s*[A-Z][\w'’-]*)*)$")


def _portfolio_body(title: str, organisations) -> str | None:
    """"Permanent Secretary of Home Affairs and Immigration" works at the article's
    "Ministry of Home Affairs and Immigration" (or Department of …), where the article names one."""
    m = PORTFOLIO.search(title)
    if not m:
        return None
    portfolio = normalise(m.group("portfolio"))
    for name in organisations:
        n = normalise(name)
        if n in {f"ministry of {portfolio}", f"department of {portfolio}", f"ministry for {portfolio}"}:
            return name
    return None


def _clean_title(title: str | None, lexicon: Lexicon) -> str | None:
    """"Australia's Ambassador to …" → "Ambassador to …"; "recent RSO secondee" → "secondee"."""
    if not title:
        return None
    title = re.sub(r"\s+", " ", title).strip(" ,;")
    m = re.match(r"^(?:the\s+)?(.+?)['’]s\s+(.+)$", title)
    heads = lexicon.patterns.get("organisation_heads", {})
    if m and (lexicon.state_by_form(m.group(1)) or lexicon.organisation_by_form(m.group(1)) or m.group(1) in heads):
        title = m.group(2)  # "the Ministry's legal adviser": the body was named before
    first, _, rest = title.partition(" ")
    if rest and (lexicon.state_by_demonym(first) or first.lower() in {"recent", "former", "then"} and
                 first.lower() != "former"):
        title = rest
    return title[:1].upper() + title[1:] if title else None


def _pattern_name(m: Mention) -> str:
    """A pattern organisation's name: "Fiji's Ministry of X" is named "Ministry of X"."""
    name, short = m.attrs.get("name", m.name), m.attrs.get("short")
    if short and re.search(r"['’]s\s", name[: len(name) - len(short) + 3]):
        return short
    return name


def _unique(names) -> tuple[str, ...]:
    out = []
    for n in names:
        if n and n not in out:
            out.append(n)
    return tuple(out)


def _theme_patterns(lexicon: Lexicon) -> tuple[tuple, dict[str, set[str]]]:
    """One regex of every trigger term, and the themes each term stands for.

    All-capital terms (acronyms such as TIP) match case-sensitively, the rest in any case.
    """
    themes_of: dict[str, set[str]] = {}
    for slug, theme in (lexicon.themes or {}).items():
        for term in theme.get("terms", []):
            themes_of.setdefault(term if term.isupper() else term.casefold(), set()).add(slug)
    terms = sorted(themes_of, key=len, reverse=True)
    acronyms = [re.escape(t) for t in terms if t.isupper()]
    words = [re.escape(t) for t in terms if not t.isupper()]
    return (re.compile(r"\b(" + "|".join(words) + r")\b"),  # matched against case-folded text
            re.compile(r"\b(" + "|".join(acronyms) + r")\b") if acronyms else None), themes_of


def _themes(article: Article, lexicon: Lexicon) -> tuple[str, ...]:
    """Theme slugs whose trigger terms occur in the title or at least twice in the body."""
    pattern, themes_of = lexicon.compiled("themes", lambda: _theme_patterns(lexicon))

    words, acronyms = pattern

    def count(text: str) -> dict[str, int]:
        hits: dict[str, int] = {}
        found = [m.group(1) for m in words.finditer((text or "").casefold())]
        if acronyms is not None:
            found += [m.group(1) for m in acronyms.finditer(text or "")]
        for term in found:
            for slug in themes_of.get(term, ()):
                hits[slug] = hits.get(slug, 0) + 1
        return hits

    in_title, in_body = count(article.title), count(article.text)
    return tuple(slug for slug in (lexicon.themes or {}) if in_title.get(slug) or in_body.get(slug, 0) >= 2)
