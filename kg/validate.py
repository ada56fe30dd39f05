"""SHACL validation of the store against ontology/shapes.ttl (pyshacl)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.namespace import SH

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


def validate_graph(data: Graph, shapes: Path = SHAPES) -> list[Violation]:
    """Violations of the shapes in `data` (one graph: the union of the store)."""
    import pyshacl
    conforms, report, _ = pyshacl.validate(data, shacl_graph=Graph().parse(shapes), inference="none",
                                           allow_warnings=True)
    if conforms:
        return []
    out = []
    for result in report.subjects(predicate=None, object=SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        out.append(Violation(str(focus), str(path) if path else "", str(message), None))
    return out


def validate_store(store: GraphStore) -> list[Violation]:
    """Validate the union of all named graphs; each violation names an article that mentions its focus."""
    ds = Dataset()
    ds.parse(data=store.dump("nq"), format="nquads")
    union = Graph()
    where: dict[str, str] = {}
    for s, p, o, c in ds.quads((None, None, None, None)):
        union.add((s, p, o))
        if c is not None and "/article/" in str(c):
            where.setdefault(str(s), str(c))
    return [Violation(v.focus, v.path, v.message, where.get(v.focus)) for v in validate_graph(union)]
