"""Synthetic Bali Process articles with their ground truth, for benchmarks at any size.

    python bench/synthetic.py --articles 10000 --seed 7 --out /tmp/synthetic

Writes `articles/` (a mix of `.txt` page scrapes with a teaser block, `.html`
saved pages with navigation and footer, `.md` with YAML front matter, and
`.jsonl` files of many records) and `gold/<stem>.json` in the corpus format
(`../shared/corpus/FORMAT.md`). The same seed gives the same files, byte for byte.

The text uses the language of real articles, not their wording: honorifics and
ranks, titles before and after names, acronym definitions and later uses,
demonym bodies ("the Thai Ministry of Justice"), lists of states, every date
form of the corpus, organiser verbs (hosted, co-hosted, convened, co-chaired,
organised, in partnership with) and participant cues (participants from,
delegates from, representatives of, took part). Teaser blocks, navigation and
footers name other states and bodies, which must never become facts.
"""
from __future__ import annotations

import argparse
import csv
import html
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
FORMATS = ("txt", "html", "md", "jsonl")
# the adjective a body's name takes where the first demonym is a noun ("New Zealander")
ADJECTIVES = {"New Zealand": "New Zealand", "Philippines": "Philippine", "Myanmar": "Myanmar",
              "Solomon Islands": "Solomon Islands", "Papua New Guinea": "Papua New Guinea", "Kiribati": "Kiribati",
              "Vanuatu": "Vanuatu", "United States": "United States", "Hong Kong SAR": "Hong Kong",
              "Macau SAR": "Macau", "Timor-Leste": "Timorese", "Lao PDR": "Lao", "Nepal": "Nepalese"}
WITH_ARTICLE = {"Philippines", "Solomon Islands", "United States", "United Arab Emirates", "Maldives"}
JSONL_RECORDS_PER_FILE = 500

GIVEN = {"f": ["Siti", "Nguyen Thi", "Maria", "Anjali", "Kanya", "Sarah", "Mei Ling", "Farida", "Leilani",
               "Ayesha", "Dewi", "Hana", "Ratna", "Grace", "Malalai", "Priya", "Sopheap", "Elena"],
         "m": ["Ahmad", "Somchai", "Rajesh", "Tomasi", "Budi", "James", "Hiroshi", "Kamal", "Tran Van",
               "Rahim", "Sione", "Arjun", "Bounmy", "Daniel", "Wei", "Farhan", "Joseph", "Karim"]}
FAMILY = ["Wibowo", "Rattanakorn", "Pham", "Santos", "Qureshi", "Fonoti", "Karunaratne", "Haddad",
          "Tanaka", "Mendoza", "Sharif", "Phommachanh", "Bakri", "Lindqvist", "Osei", "Suryani",
          "Chaudhry", "Mahmud", "Taufa", "Keomany", "Halloran", "Ibrahim", "Navarro", "Kaewmanee"]
HONORIFICS = {"f": ["Ms", "Ms.", "Mrs", "Dr", "Dr.", "H.E.", "Ambassador", "Police Colonel"],
              "m": ["Mr.", "Mr", "Dr", "Dr.", "H.E.", "Ambassador", "Police Colonel", "Brigadier General"]}
TITLES = ["Director-General", "Deputy Director-General", "Director", "Deputy Director", "Senior Officer",
          "Head of Division", "Assistant Secretary", "Chief of Mission", "Programme Manager",
          "Senior Legal Adviser"]
PORTFOLIOS = ["Foreign Affairs", "Home Affairs", "Justice", "Labour", "Social Welfare", "Interior"]
AGENCIES = ["National Police", "Immigration Department", "Maritime Agency", "Border Agency"]
KINDS = {"training": "training", "workshop": "workshop", "meeting": "meeting", "conference": "conference",
         "webinar": "webinar", "forum": "forum", "dialogue": "dialogue", "roundtable": "meeting"}
TOPICS = ["identifying victims of trafficking in persons", "countering people smuggling at sea",
          "online scam centres and forced criminality", "border management at airports",
          "the protection of migrants in vulnerable situations", "financial investigations into human trafficking",
          "statelessness and civil registration", "technology and artificial intelligence in trafficking cases",
          "disaster displacement and planning", "irregular migration by sea"]
QUOTES = ["Cooperation across borders is the only answer to crimes that ignore them.",
          "Victims must be at the centre of everything we do.",
          "No single country can address these challenges alone.",
          "Practical tools matter more than new declarations."]
FILLER = ["The agenda covered legal frameworks, case studies and practical exercises.",
          "Sessions drew on recent investigations and on lessons from the region.",
          "The discussions will inform the next steps of regional cooperation.",
          "Officials shared good practice and the challenges they face in their daily work."]


@dataclass
class Org:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    acronym: str | None = None
    lead: str = ""          # how the first mention reads ("the Thai Ministry of Justice")


@dataclass
class Person:
    name: str
    honorific: str
    gender: str
    title: str
    org: Org


def load_states() -> list[dict]:
    with open(DATA / "states.csv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["bali_process"] == "member"]
    return [{"name": r["name"], "aliases": [a for a in r["aliases"].split(";") if a],
             "demonym": ADJECTIVES.get(r["name"], r["demonyms"].split(";")[0]),
             "of": ("the " if r["name"] in WITH_ARTICLE else "") + r["name"]} for r in rows if r["demonyms"]]


def load_international() -> list[Org]:
    with open(DATA / "organisations.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    orgs = []
    for r in rows:
        if r["kind"] in {"intergovernmental", "ngo"} and r["acronym"] and "/" not in r["acronym"]:
            orgs.append(Org(r["name"], r["kind"], [r["acronym"]], None, r["acronym"]))
    return orgs


def load_cities(states: list[dict]) -> dict[str, list[str]]:
    names = {s["name"] for s in states}
    cities: dict[str, list[str]] = {}
    with open(DATA / "places.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["country"] in names and int(r["population"] or 0) >= 300_000 and r["name"].isascii():
                cities.setdefault(r["country"], []).append(r["name"])
    return cities


def _capitalised(text: str) -> str:
    """A sentence start: "the RSO" -> "The RSO" (the rest unchanged)."""
    return text[:1].upper() + text[1:]


class Writer:
    """Generates one article and its gold annotation at a time (deterministic from the seed)."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.states = load_states()
        self.cities = load_cities(self.states)
        self.hosts = [s for s in self.states if s["name"] in self.cities]
        self.international = load_international()
        self.rso = Org("Regional Support Office of the Bali Process", "bali-process-body",
                       ["RSO", "Bali Process Regional Support Office"], None, "RSO")

    # --- actors ---------------------------------------------------------------------------
    def national_body(self, state: dict) -> Org:
        rng = self.rng
        if rng.random() < 0.6:
            portfolio = rng.choice(PORTFOLIOS)
            name = f"Ministry of {portfolio} of {state['of']}"
            demonym_form = f"{state['demonym']} Ministry of {portfolio}"
            lead = rng.choice([f"the {demonym_form}", f"the {name}"])
            return Org(name, "government", [demonym_form, f"Ministry of {portfolio}"], state["name"], None, lead)
        agency = rng.choice(AGENCIES)
        name = f"{state['demonym']} {agency}"
        return Org(name, "government", [], state["name"], None, f"the {name}")

    def person(self, org: Org) -> Person:
        gender = self.rng.choice("fm")
        name = f"{self.rng.choice(GIVEN[gender])} {self.rng.choice(FAMILY)}"
        title = "Co-Manager" if org is self.rso else self.rng.choice(TITLES)
        return Person(name, self.rng.choice(HONORIFICS[gender]), gender, title, org)

    # --- text pieces ----------------------------------------------------------------------
    @staticmethod
    def listing(items: list[str]) -> str:
        if len(items) == 1:
            return items[0]
        if len(items) == 2:
            return f"{items[0]} and {items[1]}"
        return ", ".join(items[:-1]) + ", and " + items[-1]

    def mention(self, org: Org, seen: set[str]) -> str:
        """First mention defines the acronym; later ones use it."""
        if org.name in seen:
            return org.acronym or (org.lead or f"the {org.name}")
        seen.add(org.name)
        if org.acronym:
            return f"the {org.name} ({org.acronym})"
        return org.lead or f"the {org.name}"

    def date_phrase(self, start: date, end: date, article_year: int) -> str:
        """A date range in one of the corpus' forms."""
        rng = self.rng
        m1, m2 = MONTHS[start.month - 1], MONTHS[end.month - 1]
        year = "" if start.year == article_year and rng.random() < 0.3 else f" {end.year}"
        if start == end:
            return rng.choice([f"on {start.day} {m1}{year}", f"on {start.day} {m1} {start.year}"])
        if start.month == end.month:
            return rng.choice([f"from {start.day}-{end.day} {m2}{year}", f"over {start.day}-{end.day} {m2}{year}",
                               f"on {start.day} – {end.day} {m2} {end.year}"] +
                              ([f"on {start.day} and {end.day} {m2} {end.year}"] if end.day - start.day == 1 else []))
        return f"between {start.day} {m1} and {end.day} {m2} {end.year}"

    # --- one article ------------------------------------------------------------------------
    def article(self, index: int) -> tuple[dict, dict]:
        rng = self.rng
        seen: set[str] = set()
        host = rng.choice(self.hosts)
        city = rng.choice(self.cities[host["name"]])
        kind_word = rng.choice(list(KINDS))
        topic = rng.choice(TOPICS)
        start = date(rng.randint(2016, 2025), rng.randint(1, 12), rng.randint(1, 24))
        end = start + timedelta(days=rng.choice([0, 1, 2, 2, 3, 4]))
        published = end + timedelta(days=rng.randint(2, 30))

        body_orgs: list[Org] = []
        host_body = self.national_body(host)
        partner = rng.choice(self.international)
        organisers = [host_body, self.rso] + ([partner] if rng.random() < 0.4 else [])
        others = rng.sample([s for s in self.states if s["name"] != host["name"]], rng.randint(3, 8))
        participant_states = [host] + others
        extra_orgs = [o for o in rng.sample(self.international, 2) if o not in organisers]
        people = [self.person(host_body), self.person(self.rso)]
        while people[1].name == people[0].name:  # two people of one name would be one person to a reader
            people[1] = self.person(self.rso)
        mentioned_states = [host] + others

        when = self.date_phrase(start, end, published.year)
        sentences = []
        variant = rng.randrange(6)
        org_list = self.listing([self.mention(o, seen) for o in organisers]) if variant != 3 else ""
        if variant == 0:
            sentences.append(f"{_capitalised(when)}, {org_list} co-hosted a {kind_word} on {topic} "
                             f"in {city}, {host['name']}.")
        elif variant == 1:
            sentences.append(f"{_capitalised(org_list)} convened a regional {kind_word} on {topic} "
                             f"in {city}, {host['name']} {when}.")
        elif variant == 2:
            sentences.append(f"A {kind_word} on {topic} was organised by {org_list} in {city}, "
                             f"{host['name']} {when}.")
        elif variant == 4:
            sentences.append(f"The {kind_word} on {topic}, co-hosted by {org_list}, was held in {city}, "
                             f"{host['name']} {when}.")
        elif variant == 5:
            sentences.append(f"{_capitalised(org_list)} jointly delivered a {kind_word} on {topic} "
                             f"in {city}, {host['name']} {when}.")
        else:
            lead, rest = organisers[0], organisers[1:]
            first = self.mention(lead, seen)
            sentences.append(f"{_capitalised(first)}, in partnership with "
                             f"{self.listing([self.mention(o, seen) for o in rest])}, hosted a {kind_word} on {topic} "
                             f"in {city}, {host['name']} {when}.")
        body_orgs.extend(organisers)

        state_names = self.listing([s["name"] for s in participant_states])
        n = rng.randint(15, 80)
        sentences.append(rng.choice([
            f"More than {n} participants from {state_names} attended the {kind_word}.",
            f"Delegates from {state_names} took part in the {kind_word}.",
            f"Officials from {state_names} engaged in {n} hours of sessions.",
            f"The {kind_word} brought together representatives of {state_names}.",
            f"{_capitalised(state_names)} sent delegations to the {kind_word}.",
        ]))
        if extra_orgs:
            sentences.append(f"Representatives of {self.listing([self.mention(o, seen) for o in extra_orgs])} "
                             f"also joined the discussions.")
            body_orgs.extend(extra_orgs)
        sentences.append(rng.choice(FILLER))

        speaker, manager = people
        quote = rng.choice(QUOTES)
        pronoun = "her" if speaker.gender == "f" else "his"
        sentences.append(rng.choice([
            f"In {pronoun} opening remarks, {speaker.honorific} {speaker.name}, {speaker.title} at "
            f"{self.mention(speaker.org, seen)}, said: “{quote}”",
            f"{_capitalised(self.mention(speaker.org, seen))}’s {speaker.title}, "
            f"{speaker.honorific} {speaker.name}, opened the {kind_word}: “{quote}”",
            f"{speaker.honorific} {speaker.name}, {speaker.title} of {self.mention(speaker.org, seen)}, welcomed "
            f"the participants. “{quote}”",
        ]))
        surname = speaker.name.split()[-1]
        sentences.append(f"{speaker.honorific if speaker.honorific in ('Mr.', 'Mr', 'Ms', 'Ms.', 'Mrs', 'Dr', 'Dr.') else 'Mr.' if speaker.gender == 'm' else 'Ms'} "
                         f"{surname} added that the {kind_word} builds on earlier commitments.")
        sentences.append(f"Closing the {kind_word}, {manager.honorific} {manager.name}, RSO Co-Manager, thanked "
                         f"{host['of']} for hosting it.")

        paragraphs = [" ".join(sentences[:2]), " ".join(sentences[2:4]), " ".join(sentences[4:])]
        title = f"{host['demonym']} authorities and RSO hold {kind_word} on {topic}"
        stem = f"{published.isoformat()}-synthetic-{index:06d}"
        gold = self.gold(title, published, body_orgs, mentioned_states, people, city, host, kind_word, topic,
                         start, end, organisers, participant_states, extra_orgs)
        return {"stem": stem, "title": title, "date": published, "paragraphs": paragraphs,
                "category": "Event"}, gold

    def gold(self, title, published, orgs, states, people, city, host, kind_word, topic, start, end,
             organisers, participant_states, extra_orgs) -> dict:
        def org_entry(o: Org) -> dict:
            entry = {"name": o.name, "aliases": o.aliases, "kind": o.kind}
            if o.country:
                entry["country"] = o.country
            return entry
        unique_orgs = list({o.name: o for o in orgs}.values())
        return {
            "article": {"title": title, "date": published.isoformat(), "category": "Event"},
            "states": [{"name": s["name"], "aliases": s["aliases"]} for s in states],
            "organisations": [org_entry(o) for o in unique_orgs],
            "people": [{"name": p.name, "honorific": p.honorific,
                        "roles": [{"title": p.title, "organisation": p.org.name}]} for p in people],
            "places": [{"name": city, "country": host["name"]}],
            "events": [{"name": f"{kind_word.capitalize()} on {topic}", "kind": KINDS[kind_word],
                        "start": start.isoformat(), "end": end.isoformat(), "place": city,
                        "organisers": [o.name for o in organisers],
                        "participants": [s["name"] for s in participant_states] + [o.name for o in extra_orgs],
                        "people": [p.name for p in people]}],
        }

    def teasers(self) -> list[tuple[str, str]]:
        """Titles and dates of other articles: they name states and bodies that are not facts here."""
        out = []
        for _ in range(3):
            s = self.rng.choice(self.hosts)
            o = self.rng.choice(self.international)
            d = date(self.rng.randint(2016, 2025), self.rng.randint(1, 12), self.rng.randint(1, 28))
            out.append((f"{o.name} and {s['name']} open a {self.rng.choice(list(KINDS))} in "
                        f"{self.rng.choice(self.cities[s['name']])}", f"{d.day} {MONTHS[d.month - 1]} {d.year}"))
        return out


def render_txt(a: dict, teasers) -> str:
    d = a["date"]
    lines = [f"You are reading: {a['title']}", f"{d.day} {MONTHS[d.month - 1]} {d.year} | {a['category']}",
             a["title"], ""]
    for p in a["paragraphs"]:
        lines += [p, ""]
    lines.append("More News Articles")
    for t, when in teasers:
        lines += [t, f"{t[:60]}...", when]
    return "\n".join(lines) + "\n"


def render_html(a: dict, teasers) -> str:
    e = html.escape
    nav = "".join(f"<li><a href='/news/{i}'>{e(t)}</a></li>" for i, (t, _) in enumerate(teasers))
    body = "".join(f"<p>{e(p)}</p>" for p in a["paragraphs"])
    aside = "".join(f"<div class='teaser'><h3>{e(t)}</h3><span>{w}</span></div>" for t, w in teasers)
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{e(a['title'])} | RSO</title>"
            f"<meta property='og:title' content='{e(a['title'])}'>"
            f"<meta property='article:published_time' content='{a['date'].isoformat()}'>"
            f"<meta property='article:section' content='{a['category']}'>"
            f"<script>window.dataLayer=[{{'page':'news'}}];</script></head><body>"
            f"<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/members'>Member States</a></li>"
            f"{nav}</ul></nav></header><main><article><h1>{e(a['title'])}</h1>"
            f"<time datetime='{a['date'].isoformat()}'>{a['date'].isoformat()}</time>{body}</article>"
            f"<aside class='related'><h2>Related News</h2>{aside}</aside></main>"
            f"<footer><p>Regional Support Office of the Bali Process, Bangkok, Thailand</p></footer></body></html>\n")


def render_md(a: dict, teasers) -> str:
    front = (f"---\ntitle: {json.dumps(a['title'])}\ndate: {a['date'].isoformat()}\n"
             f"url: https://example.org/news/{a['stem']}\ncategory: {a['category']}\n---\n\n")
    body = "\n\n".join(a["paragraphs"])
    more = "\n".join(f"- [{t}](https://example.org/news/{i})" for i, (t, _) in enumerate(teasers))
    return front + f"# {a['title']}\n\n{body}\n\n## More News Articles\n\n{more}\n"


def jsonl_record(a: dict) -> str:
    return json.dumps({"id": a["stem"], "title": a["title"], "date": a["date"].isoformat(),
                       "url": f"https://example.org/news/{a['stem']}", "category": a["category"],
                       "text": "\n\n".join(a["paragraphs"])}, ensure_ascii=False)


def write_corpus(out: Path, articles: int, seed: int = 7, formats: tuple[str, ...] = FORMATS,
                 gold: bool = True) -> dict[str, int]:
    """Write `articles` synthetic articles (cycling through `formats`) and their gold under `out`."""
    writer = Writer(seed)
    art_dir, gold_dir = out / "articles", out / "gold"
    art_dir.mkdir(parents=True, exist_ok=True)
    if gold:
        gold_dir.mkdir(parents=True, exist_ok=True)
    counts = dict.fromkeys(formats, 0)
    jsonl_fh, jsonl_file = None, 0
    try:
        for i in range(articles):
            a, truth = writer.article(i)
            fmt = formats[i % len(formats)]
            teasers = writer.teasers()
            if fmt == "jsonl":
                if jsonl_fh is None or counts["jsonl"] % JSONL_RECORDS_PER_FILE == 0:
                    if jsonl_fh:
                        jsonl_fh.close()
                    jsonl_fh = open(art_dir / f"batch-{jsonl_file:05d}.jsonl", "w", encoding="utf-8")
                    jsonl_file += 1
                jsonl_fh.write(jsonl_record(a) + "\n")
            else:
                render = {"txt": render_txt, "html": render_html, "md": render_md}[fmt]
                (art_dir / f"{a['stem']}.{fmt}").write_text(render(a, teasers), encoding="utf-8")
            counts[fmt] += 1
            if gold:
                (gold_dir / f"{a['stem']}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1),
                                                            encoding="utf-8")
    finally:
        if jsonl_fh:
            jsonl_fh.close()
    return counts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--formats", default=",".join(FORMATS), help="comma-separated subset of txt,html,md,jsonl")
    ap.add_argument("--no-gold", action="store_true")
    args = ap.parse_args(argv)
    formats = tuple(f for f in args.formats.split(",") if f)
    unknown = set(formats) - set(FORMATS)
    if unknown:
        sys.exit(f"unknown format(s) {', '.join(sorted(unknown))}; use txt, html, md, jsonl")
    counts = write_corpus(args.out, args.articles, args.seed, formats, not args.no_gold)
    print(f"wrote {args.articles} articles to {args.out / 'articles'} "
          f"({', '.join(f'{v} {k}' for k, v in counts.items())})" + ("" if args.no_gold else f", gold in {args.out / 'gold'}"))


if __name__ == "__main__":
    main()
