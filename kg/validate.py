"""SHACL validation of the store against ontology/shapes.ttl (pyshacl)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

from .namespaces import GRAPH_LABELS, GRAPH_REFERENCE
from .store import GraphStore
from .resources import resource_dir

__all__ = ["SHAPES", "Violation", "validate_store", "validate_graph"]

SHAPES = resource_dir("ontology") / "shapes.ttl"


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    article: str | None


def validate_graph(data: Graph, shapes: Path | Graph = SHAPES) -> list[Violation]:
    """Violations of the shapes in one graph."""
    import pyshacl
    shapes_graph = shapes if isinstance(shapes, Graph) else Graph().parse(shapes)
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none", allow_warnings=True)
    if conforms:
        return []
    out = []
    for result in report.subjects(predicate=None, object=SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        out.append(Violation(str(focus), str(path) if path else "", str(message), None))
    return out


def _graph(store: GraphStore, graph_iri: str) -> Graph:
    return Graph().parse(data=store.dump("nt", graph_iri), format="nt")


def validate_store(store: GraphStore, batch: int = 50) -> list[Violation]:
    """Validate graph by graph: the reference graph, then the article graphs `batch` at a time with
    the reference beside them (the states and bodies they point at), so that memory holds one batch
    whatever the size of the store; each violation names an article that holds its focus."""
    shapes = Graph().parse(SHAPES)
    reference = _graph(store, GRAPH_REFERENCE)
    out = validate_graph(reference, shapes)
    articles = [g for g in store.named_graphs() if g not in (GRAPH_REFERENCE, GRAPH_LABELS)]
    for i in range(0, len(articles), batch):
        data = Graph()
        where: dict[str, str] = {}  # subject IRI -> the article graph that holds it
        for graph_iri in articles[i:i + batch]:
            for triple in _graph(store, graph_iri):
                data.add(triple)
                where.setdefault(str(triple[0]), graph_iri)
        for v in validate_graph(data + reference, shapes):
            found = Violation(v.focus, v.path, v.message, where.get(v.focus))
            if found not in out:
                out.append(found)
    return out
