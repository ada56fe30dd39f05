"""Extraction on a real Dask cluster (a local one, worker processes) gives the same store."""
import pytest

from kg.cluster import ClusterError, dask_executor
from kg.pipeline import ingest
from kg.store import GraphStore

from .conftest import ARTICLES, N_ARTICLES


def test_cluster_local_dask_ingest_matches_one_process(tmp_path, built_store):
    store = GraphStore.on_disk(tmp_path / "s")
    with dask_executor("local", workers=2) as executor:
        report = ingest([ARTICLES], store, executor=executor, workers=2, batch_size=7)
    assert report.ok and len(report.added) == N_ARTICLES
    assert set(store.dump("nq").splitlines()) == set(built_store.dump("nq").splitlines())


def test_cluster_unreachable_scheduler_is_a_clear_error():
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        with dask_executor("tcp://127.0.0.1:9", timeout="2s"):
            pass


def test_cluster_cli_ingest_on_a_local_dask_cluster(tmp_path):
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-m", "kg.cli", "ingest", str(ARTICLES), "--dask", "local", "--workers", "2",
                          "--store", str(tmp_path / "s")], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert f"{N_ARTICLES} added" in out.stdout
