"""The timeline page: events on a time axis, one row per organiser or per kind of event,
participants and sources on hover, filtered by actor and theme (kg/assets/timeline.js draws it).

>>> from kg.facts import Event, ExplorerFacts
>>> facts = ExplorerFacts({}, [Event("e1", "Forum", "2024-03-05", "2024-03-06", "forum")], [])
>>> timeline_data(facts, {})["events"][0]["start"]
'2024-03-05'
"""
from __future__ import annotations

import html
from pathlib import Path

from .facts import ExplorerFacts
from .page import Nav, PageParts, asset, write_page

__all__ = ["timeline_data", "write_timeline"]


def _names(facts: ExplorerFacts, iris: list[str]) -> list[dict]:
    return [{"iri": i, "name": facts.name(i)} for i in iris]


def timeline_data(facts: ExplorerFacts, links: dict[str, str]) -> dict:
    """The dated events with everything the page shows of them; `links` maps an IRI to its profile."""
    events = [{"iri": e.iri, "label": e.label, "start": e.start, "end": e.end or e.start, "kind": e.kind,
               "themes": list(e.themes), "places": _names(facts, e.places),
               "organisers": _names(facts, e.organisers), "participants": _names(facts, e.participants),
               "sources": [{"title": s.title, "url": s.url, "date": s.date} for s in e.sources]}
              for e in facts.events if e.start]
    actors = sorted({i for e in facts.events if e.start for i in e.organisers + e.participants},
                    key=lambda i: facts.name(i).casefold())
    return {"events": events, "undated": sum(1 for e in facts.events if not e.start),
            "actors": [{"iri": i, "name": facts.name(i)} for i in actors],
            "themes": sorted({t for e in events for t in e["themes"]}), "links": links}


def write_timeline(facts: ExplorerFacts, path: str | Path, nav: Nav | None = None,
                   links: dict[str, str] | None = None) -> Path:
    data = timeline_data(facts, links or {})
    summary = (f"{len(data['events'])} dated events"
               + (f"; {data['undated']} undated events are not drawn" if data["undated"] else ""))
    actors = "".join(f'<option value="{html.escape(a["iri"])}">{html.escape(a["name"])}</option>'
                     for a in data["actors"])
    themes = "".join(f'<option value="{html.escape(t)}">{html.escape(t)}</option>' for t in data["themes"])
    body = f"""<div class="controls" style="padding:0 16px">
<label>Rows <select id="rows"><option value="organiser">by organiser</option><option value="kind">by kind of event</option></select></label>
<label>Actor <select id="actor"><option value="">all</option>{actors}</select></label>
<label>Theme <select id="theme"><option value="">all</option>{themes}</select></label>
<span id="shown-count"></span></div>
<main class="page"><div id="timeline"></div><section id="event-details" hidden><h2 id="e-label"></h2>
<p id="e-when" class="muted"></p><p id="e-organisers"></p><p id="e-participants"></p><ul id="e-sources"></ul></section></main>
<div id="tip" class="tip" hidden></div>"""
    return write_page(PageParts(title="Bali Process events over time", summary=summary, body=body, data=data,
                                scripts=[asset("timeline.js")], nav=nav or Nav()), path)
