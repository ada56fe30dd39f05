"""Exports: RDF syntaxes of the store, and network formats for Gephi, Cytoscape and pandas."""
from __future__ import annotations

from pathlib import Path

from .errors import ExportError
from .network import EventFilter, build_network, write_network
from .store import GraphStore

__all__ = ["RDF_EXPORT_FORMATS", "NETWORK_FORMATS", "export_store", "written_files"]

RDF_EXPORT_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "xml")
NETWORK_FORMATS = ("graphml", "gexf", "csv", "json", "cytoscape")


def export_store(store: GraphStore, fmt: str, out: str | Path, projection: str = "actors",
                 view: EventFilter = EventFilter()) -> Path:
    """Write the store as RDF (`ttl`, `nt`, `nq`, `trig`, `jsonld`, `xml`) or a network format; a network
    holds the events `view` keeps (a year range, a theme, a kind), and a GEXF carries their dates as spells
    for Gephi's timeline. RDF exports are the whole store."""
    out = Path(out)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    if fmt in RDF_EXPORT_FORMATS:
        if view.active:
            raise ExportError(f"--since, --until, --theme and --kind cut networks; an {fmt} export is the whole "
                              "store (select a part with `kg query` and a CONSTRUCT instead)")
        out.write_bytes(store.dump(fmt))
    elif fmt in NETWORK_FORMATS:
        write_network(build_network(store, projection, view.since, view.until, theme=view.theme, kind=view.kind),
                      str(out), fmt)
    else:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(RDF_EXPORT_FORMATS + NETWORK_FORMATS)}")
    return out


def written_files(fmt: str, out: str | Path) -> list[Path]:
    """The files an export to `out` writes: one, or a nodes and an edges table for csv.

    >>> [p.name for p in written_files("csv", "states.csv")]
    ['states.nodes.csv', 'states.edges.csv']
    """
    out = Path(out)
    if fmt == "csv":
        stem = out.with_suffix("")
        return [Path(f"{stem}.nodes.csv"), Path(f"{stem}.edges.csv")]
    return [out]
