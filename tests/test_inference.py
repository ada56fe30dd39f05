from kg.inference import infer_rdfs
from kg.pipeline import ingest
from kg.store import GraphStore

from .conftest import SEED

ASK_ACTOR = "ASK { <https://w3id.org/baliprocess-kg/org/wg-tip> a kg:Actor }"
ASK_EVENT = "ASK { <https://w3id.org/baliprocess-kg/event/2024-02-21-bangkok> a kg:Event }"


def test_inference_adds_subclass_closure(tmp_path):
    store = GraphStore.on_disk(tmp_path / "s")
    ingest([SEED], store)
    assert not bool(store.query(ASK_ACTOR)) and not bool(store.query(ASK_EVENT))
    assert infer_rdfs(store) > 0
    assert bool(store.query(ASK_ACTOR)) and bool(store.query(ASK_EVENT))


def test_inference_adds_subproperty_closure(tmp_path):
    store = GraphStore.on_disk(tmp_path / "s")
    ingest([SEED], store)
    infer_rdfs(store)
    assert bool(store.query("ASK { ?a schema:mentions ?x }"))
