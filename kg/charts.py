"""Charts of the Bali Process: events per year by kind, and participation per state.

The only module that imports Altair and vl-convert. Altair writes each chart as a Vega-Lite
specification; vl-convert (Vega's own renderer, bundled in the wheel, no browser or network)
draws it as SVG, which the page inlines and which is also written beside it for papers.
Vega's browser runtime would need `unsafe-eval` under the pages' Content-Security-Policy;
drawn SVG needs no script at all. Each chart has its figures in a table beneath.
"""
from __future__ import annotations

import html
from collections import Counter
from pathlib import Path

from .facts import ExplorerFacts
from .page import Nav, PageParts, write_page

__all__ = ["chart_tables", "write_charts"]

TOP_STATES = 30
FONT = "system-ui, DejaVu Sans, sans-serif"  # the explorer's one font


def chart_tables(facts: ExplorerFacts) -> tuple[list[dict], list[dict]]:
    """Rows of the two charts: (year, kind, events) and (state, status, organised, took part)."""
    per_year = Counter((e.year, e.kind) for e in facts.events if e.year)
    years = [{"year": y, "kind": k, "events": n} for (y, k), n in sorted(per_year.items())]
    organised: Counter = Counter()
    attended: Counter = Counter()
    for e in facts.events:
        for iri in set(e.organisers):
            organised[iri] += 1
        for iri in set(e.participants) - set(e.organisers):
            attended[iri] += 1
    states = [a for a in facts.actors.values() if a.kind == "state" and (organised[a.iri] or attended[a.iri])]
    states.sort(key=lambda a: (-(organised[a.iri] + attended[a.iri]), a.label))
    rows = [{"state": a.label, "status": a.status or "other", "organised": organised[a.iri],
             "took part": attended[a.iri]} for a in states[:TOP_STATES]]
    return years, rows


def _svg(chart) -> str:
    import vl_convert
    return vl_convert.vegalite_to_svg(chart.configure(font=FONT).to_dict())


def _year_chart(rows: list[dict]):
    import altair as alt
    first, last = int(rows[0]["year"]), int(rows[-1]["year"])
    every_year = [str(y) for y in range(first, last + 1)]  # years without events keep their place
    return (alt.Chart(alt.Data(values=rows)).mark_bar()
            .encode(x=alt.X("year:O", title="Year", scale=alt.Scale(domain=every_year)),
                    y=alt.Y("events:Q", title="Events", stack="zero"),
                    color=alt.Color("kind:N", title="Kind of event", scale=alt.Scale(scheme="tableau10")))
            .properties(width=620, height=260, title="Events per year, by kind"))


def _state_chart(rows: list[dict]):
    import altair as alt
    long = [{"state": r["state"], "status": r["status"], "role": role, "events": r[role]}
            for r in rows for role in ("organised", "took part") if r[role]]
    order = [r["state"] for r in rows]
    return (alt.Chart(alt.Data(values=long)).mark_bar()
            .encode(y=alt.Y("state:N", sort=order, title=None), x=alt.X("events:Q", title="Events", stack="zero"),
                    color=alt.Color("role:N", title="Role", scale=alt.Scale(range=["#e15759", "#4e79a7"])))
            .properties(width=520, height=max(120, 16 * len(rows)), title="Participation per state"))


def _table(rows: list[dict]) -> str:
    if not rows:
        return "<p>No event is recorded yet.</p>"
    head = "".join(f"<th>{html.escape(k)}</th>" for k in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in r.values()) + "</tr>" for r in rows)
    return f"<details><summary>Figures</summary><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></details>"


def write_charts(facts: ExplorerFacts, path: str | Path, nav: Nav | None = None) -> Path:
    """The charts page, and each chart as an SVG file beside it (`charts-<name>.svg`)."""
    path = Path(path)
    years, states = chart_tables(facts)
    sections = []
    for name, rows, chart in (("events-per-year", years, _year_chart), ("participation-per-state", states,
                                                                        _state_chart)):
        svg = _svg(chart(rows)) if rows else ""
        if svg:
            path.parent.mkdir(parents=True, exist_ok=True)
            (path.parent / f"charts-{name}.svg").write_text(svg, encoding="utf-8")
        sections.append(f'<section class="chart" id="{name}">{svg}{_table(rows)}</section>')
    summary = (f"{sum(r['events'] for r in years)} dated events; the {len(states)} states most often at events"
               if years else "no events yet")
    return write_page(PageParts(title="Bali Process in figures", summary=summary,
                                body=f'<main class="page">{"".join(sections)}</main>', nav=nav or Nav()), path)
