import csv
import json

import networkx as nx
import pytest
from rdflib import Dataset, Graph

from kg.errors import ExportError
from kg.export import export_store
from kg.network import EventFilter, build_network


@pytest.mark.parametrize("fmt,parser", [("ttl", "turtle"), ("nt", "nt"), ("xml", "xml")])
def test_export_rdf_parses_back(built_store, tmp_path, fmt, parser):
    out = export_store(built_store, fmt, tmp_path / f"g.{fmt}")
    assert len(Graph().parse(out, format=parser)) > 1000


def test_export_jsonld_keeps_every_quad(built_store, tmp_path):
    out = export_store(built_store, "jsonld", tmp_path / "g.jsonld")
    ds = Dataset()
    ds.parse(out, format="json-ld")
    assert sum(1 for _ in ds.quads()) == built_store.count_quads()


def test_export_trig_keeps_named_graphs(built_store, tmp_path):
    out = export_store(built_store, "trig", tmp_path / "g.trig")
    ds = Dataset()
    ds.parse(out, format="trig")
    assert len({c for _, _, _, c in ds.quads()}) == len(built_store.named_graphs())


def test_export_graphml_and_gexf_read_back(built_store, tmp_path):
    g = build_network(built_store)
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        back = reader(export_store(built_store, fmt, tmp_path / f"n.{fmt}"))
        assert back.number_of_nodes() == g.number_of_nodes()
        node = next(iter(back.nodes(data=True)))[1]
        assert {"label", "type", "pagerank"} <= set(node)


def test_export_csv_nodes_and_edges(built_store, tmp_path):
    g = build_network(built_store)
    export_store(built_store, "csv", tmp_path / "n.csv")
    with open(tmp_path / "n.nodes.csv", encoding="utf-8") as fh:
        nodes = list(csv.DictReader(fh))
    with open(tmp_path / "n.edges.csv", encoding="utf-8") as fh:
        edges = list(csv.DictReader(fh))
    assert len(nodes) == g.number_of_nodes() and edges and "relation" in edges[0]


def test_export_cytoscape_and_node_link_json(built_store, tmp_path):
    cy = json.loads(export_store(built_store, "cytoscape", tmp_path / "c.json").read_text())
    nl = json.loads(export_store(built_store, "json", tmp_path / "n.json").read_text())
    assert cy["elements"]["nodes"] and nl["nodes"] and nl["edges"]


def test_export_gexf_is_dynamic_with_event_spells(built_store, tmp_path):
    import xml.etree.ElementTree as ET
    out = export_store(built_store, "gexf", tmp_path / "states.gexf", "states", EventFilter(since="2024"))
    graph = ET.parse(out).getroot().find("{http://www.gexf.net/1.2draft}graph")
    edges = graph.findall(".//{http://www.gexf.net/1.2draft}edge")
    assert (graph.get("mode"), graph.get("timeformat"), all(e.get("start", "") >= "2024" for e in edges)) == \
        ("dynamic", "date", True)


def test_export_rdf_with_a_time_filter_is_refused(built_store, tmp_path):
    with pytest.raises(ExportError, match="whole store"):
        export_store(built_store, "trig", tmp_path / "g.trig", view=EventFilter(since="2024"))
