"""Actor profiles: one page per state, organisation and person (HTML, and Markdown beside it for
people who write papers): roles and titles over time, events organised and attended with their
dates, places and sources, the most frequent partners and a small ego network.

>>> profile_name("https://w3id.org/baliprocess-kg/state/IDN")
'state-IDN'
"""
from __future__ import annotations

import html
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .facts import Actor, Event, ExplorerFacts
from .page import Nav, PageParts, write_page

__all__ = ["Profile", "build_profile", "profile_name", "write_profile", "PROFILE_KINDS"]

PROFILE_KINDS = ("state", "organisation", "person")
PARTNERS = 12


def profile_name(iri: str) -> str:
    """The file name (without suffix) of an actor's profile."""
    tail = iri.split("baliprocess-kg/", 1)[-1] if "baliprocess-kg/" in iri else iri.rsplit("/", 1)[-1]
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in tail.replace("/", "-"))[:120]


@dataclass
class Profile:
    actor: Actor
    roles: list[tuple[str, str, str, str, str]]   # date, person or organisation, title, source title, url
    organised: list[Event]
    attended: list[Event]
    hosted: list[Event]
    partners: list[tuple[str, int]]               # IRI, events shared


def build_profile(facts: ExplorerFacts, iri: str) -> Profile:
    actor = facts.actors[iri]
    roles = [(r.source.date, facts.name(r.organisation if actor.kind == "person" else r.person), r.title,
              r.source.title, r.source.url)
             for r in facts.roles if iri in (r.person, r.organisation)]
    events = facts.events_of(iri)
    partners: Counter = Counter()
    for e in events:
        partners.update({a for a in e.organisers + e.participants if a != iri and a in facts.actors})
    return Profile(actor, sorted(set(roles)), [e for e in events if iri in e.organisers],
                   [e for e in events if iri in e.participants and iri not in e.organisers],
                   [e for e in events if iri in e.places],
                   sorted(partners.items(), key=lambda p: (-p[1], facts.name(p[0])))[:PARTNERS])


def _when(e: Event) -> str:
    return e.start + (f" – {e.end}" if e.end and e.end != e.start else "") if e.start else "undated"


def _link(facts: ExplorerFacts, iri: str, links: dict[str, str]) -> str:
    name = html.escape(facts.name(iri))
    return f'<a href="{html.escape(links[iri])}">{name}</a>' if iri in links else name


def _source_links(e: Event) -> str:
    return "; ".join(
        (f'<a href="{html.escape(s.url)}" rel="noopener noreferrer">{html.escape(s.title)}</a>'
         if s.url.startswith(("http://", "https://")) else html.escape(s.title)) for s in e.sources)


def _event_table(facts: ExplorerFacts, events: list[Event], links: dict[str, str], caption: str) -> str:
    if not events:
        return ""
    rows = "".join(f"<tr><td>{html.escape(_when(e))}</td><td>{html.escape(e.label)}</td>"
                   f"<td>{', '.join(_link(facts, p, links) for p in e.places)}</td><td>{_source_links(e)}</td></tr>"
                   for e in events)
    return (f"<h2>{html.escape(caption)} ({len(events)})</h2><table><thead><tr><th>When</th><th>Event</th>"
            f"<th>Where</th><th>Sources</th></tr></thead><tbody>{rows}</tbody></table>")


def ego_svg(facts: ExplorerFacts, profile: Profile, links: dict[str, str], size: int = 360) -> str:
    """The actor in the middle, its partners on a circle, lines as wide as the events shared."""
    if not profile.partners:
        return ""
    centre, radius = size / 2, size / 2 - 70
    top = max(n for _, n in profile.partners)
    parts = []
    for i, (iri, shared) in enumerate(profile.partners):
        angle = 2 * math.pi * i / len(profile.partners) - math.pi / 2
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        parts.append(f'<line x1="{centre:.1f}" y1="{centre:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="#999" '
                     f'stroke-width="{1 + 4 * shared / top:.1f}"><title>{shared} shared events</title></line>')
        label = html.escape(facts.name(iri)[:22])
        dot = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="#4e79a7"/>'
        text = f'<text x="{x:.1f}" y="{y + 18:.1f}" text-anchor="middle" font-size="11">{label}</text>'
        parts.append(f'<a href="{html.escape(links[iri])}">{dot}{text}</a>' if iri in links else dot + text)
    parts.append(f'<circle cx="{centre}" cy="{centre}" r="11" fill="#e15759"/>'
                 f'<text x="{centre}" y="{centre - 16}" text-anchor="middle" font-size="12" font-weight="600">'
                 f"{html.escape(profile.actor.label[:30])}</text>")
    return (f'<svg class="ego" width="{size}" height="{size}" viewBox="0 0 {size} {size}" role="img" '
            f'aria-label="partners of {html.escape(profile.actor.label)}">{"".join(parts)}</svg>')


def _html_body(facts: ExplorerFacts, p: Profile, links: dict[str, str], timeline: str) -> str:
    a = p.actor
    facts_line = " · ".join(filter(None, [a.kind, f"Bali Process {a.status}" if a.status else "",
                                           a.country if a.kind != "state" else ""]))
    out = [f'<main class="page"><p class="muted">{html.escape(facts_line)}</p>']
    if timeline:
        out.append(f'<p><a id="timeline-link" href="{html.escape(timeline)}">Timeline of {html.escape(a.label)}</a></p>')
    if p.roles:
        who = "Organisation" if a.kind == "person" else "Person"
        rows = "".join(f"<tr><td>{html.escape(d)}</td><td>{html.escape(o)}</td><td>{html.escape(t)}</td>"
                       f"<td>{html.escape(s)}</td></tr>" for d, o, t, s, _ in p.roles)
        out.append(f"<h2>Roles and titles</h2><table><thead><tr><th>Stated on</th><th>{who}</th><th>Title</th>"
                   f"<th>Source</th></tr></thead><tbody>{rows}</tbody></table>")
    out.append(_event_table(facts, p.organised, links, "Events organised"))
    out.append(_event_table(facts, p.attended, links, "Events attended"))
    out.append(_event_table(facts, p.hosted, links, "Events held here"))
    if p.partners:
        items = "".join(f"<li>{_link(facts, i, links)} ({n})</li>" for i, n in p.partners)
        out.append(f"<h2>Most frequent partners</h2><div style='display:flex;gap:24px;flex-wrap:wrap'>"
                   f"<ol>{items}</ol>{ego_svg(facts, p, links)}</div>")
    if not (p.roles or p.organised or p.attended or p.hosted):
        out.append("<p>No event or role of this actor is recorded yet.</p>")
    return "".join(out) + "</main>"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def profile_markdown(facts: ExplorerFacts, p: Profile) -> str:
    a = p.actor
    lines = [f"# {a.label}", "", f"{a.kind}" + (f", Bali Process {a.status}" if a.status else "")
             + (f", {a.country}" if a.country and a.kind != "state" else ""), ""]
    if p.roles:
        lines += ["## Roles and titles", "", "| Stated on | Who | Title | Source |", "|---|---|---|---|"]
        lines += [f"| {d} | {_cell(o)} | {_cell(t)} | {_cell(s)} |" for d, o, t, s, _ in p.roles] + [""]
    for caption, events in (("Events organised", p.organised), ("Events attended", p.attended),
                            ("Events held here", p.hosted)):
        if events:
            lines += [f"## {caption} ({len(events)})", "", "| When | Event | Where | Sources |", "|---|---|---|---|"]
            lines += [f"| {_when(e)} | {_cell(e.label)} | {_cell(', '.join(facts.name(x) for x in e.places))} | "
                      + "; ".join(f"[{_cell(s.title)}]({s.url})" if s.url else _cell(s.title) for s in e.sources) + " |"
                      for e in events] + [""]
    if p.partners:
        lines += ["## Most frequent partners", ""] + [f"1. {facts.name(i)} ({n} shared event{'s' if n > 1 else ''})"
                                                  for i, n in p.partners]
    return "\n".join(line.replace("\n", " ") for line in lines).rstrip() + "\n"


def write_profile(facts: ExplorerFacts, iri: str, folder: str | Path, nav: Nav | None = None,
                  links: dict[str, str] | None = None, timeline: str = "") -> tuple[Path, Path]:
    """The actor's profile as `<name>.html` and `<name>.md` in `folder`; `links` maps IRIs to
    the other profiles' addresses, `timeline` is the address of the timeline page."""
    folder = Path(folder)
    p = build_profile(facts, iri)
    name = profile_name(iri)
    page = write_page(PageParts(title=p.actor.label, body=_html_body(facts, p, links or {}, timeline),
                                nav=nav or Nav()), folder / f"{name}.html")
    markdown = folder / f"{name}.md"
    markdown.write_text(profile_markdown(facts, p), encoding="utf-8")
    return page, markdown
