"""Extraction on a Dask cluster: the only module that imports dask.distributed.

Extraction is a pure function of one article, so it maps onto any cluster engine;
this module gives `kg ingest` a Dask executor. The driver (this process) reads the
files, decides what needs extracting and writes the results to the store (embedded,
or a SPARQL server through --endpoint); the cluster's workers extract.

>>> with dask_executor("local", workers=2) as executor:      # doctest: +SKIP
...     ingest(["corpus/"], store, executor=executor, workers=8)
"""
from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager

from .errors import KgError

__all__ = ["dask_executor", "ClusterError"]


class ClusterError(KgError):
    """The Dask cluster cannot be reached or started."""


@contextmanager
def dask_executor(address: str, workers: int = 2, timeout: str = "10s") -> Iterator[Executor]:
    """A concurrent.futures Executor on the Dask scheduler at `address` ("tcp://host:8786"),
    or on a local cluster of `workers` processes when `address` is "local".

    The workers import kg from their own environment: install it there too.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ClusterError("--dask needs Dask's distributed scheduler: pip install 'kg[cluster]'") from exc
    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
            client = Client(cluster)
        else:
            client = Client(address, timeout=timeout)
    except (OSError, TimeoutError, RuntimeError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}; is it running?") from exc
    try:
        yield client.get_executor(pure=False)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
