"""Catalogue query latency: the embedded Oxigraph store against rdflib's in-memory SPARQL engine.

    python bench/queries.py [--sizes 20,170] [--rdflib-up-to 100000] [--repeat 3] [--rdflib-limit 20]

Builds the bundled corpus, then synthetic stores of N renamed copies of every
article graph (states, organisations and the reference graph stay shared, so
joins across copies are real; 170 copies ≈ 735k quads in the named graphs, 1.3M
with the union graph). Prints the median latency of every catalogue query through
kg's store, the same query sent straight to pyoxigraph (the ceiling), and rdflib's
in-memory engine on the same quads where the store is small enough to load
(`--rdflib-up-to` quads). rdflib runs in a child process stopped after
`--rdflib-limit` seconds per query ("> limit" in the table).
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.namespaces import PREFIXES  # noqa: E402
from kg.pipeline import ingest  # noqa: E402
from kg.queries import bind_parameters, list_queries  # noqa: E402
from kg.store import GraphStore  # noqa: E402

RENAMED = ("/article/", "/event/", "/person/", "/membership/", "/evidence/", "/place/")


def synthetic_nquads(store: GraphStore, copies: int) -> bytes:
    """N-Quads of `copies` renamed copies of every article graph plus the shared reference graph."""
    base = store.dump("nq").decode("utf-8").splitlines()
    out = []
    for line in base:
        if "/graph/reference" in line.rsplit(" ", 2)[-2]:
            out.append(line)
    article_lines = [l for l in base if "/graph/reference" not in l.rsplit(" ", 2)[-2]]
    for k in range(copies):
        for line in article_lines:
            for marker in RENAMED:
                line = line.replace(marker, f"{marker}c{k}-")
            out.append(line)
    return ("\n".join(out) + "\n").encode("utf-8")


def median_ms(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        func()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def _rdflib_worker(nquads: bytes, queries: list[tuple[str, str]], repeat: int, conn) -> None:
    from rdflib import Dataset
    ds = Dataset(default_union=True)
    ds.parse(data=nquads, format="nquads")
    conn.send(("loaded", None))
    for name, text in queries:
        try:
            t = median_ms(lambda: list(ds.query(text, initNs=PREFIXES)), repeat)
        except Exception:  # rdflib fails on some valid SPARQL (unbound GROUP_CONCAT inputs)
            t = float("nan")
        conn.send((name, t))
    conn.send(("done", None))


def rdflib_latencies(nquads: bytes, queries: list[tuple[str, str]], repeat: int, limit: float) -> dict:
    """Median ms per query in rdflib; None where a query ran past `limit` (the worker is restarted)."""
    out: dict = {}
    remaining = list(queries)
    while remaining:
        parent, child = mp.Pipe()
        proc = mp.Process(target=_rdflib_worker, args=(nquads, remaining, repeat, child), daemon=True)
        proc.start()
        if not parent.poll(900):
            proc.kill()
            break
        parent.recv()
        done = 0
        for name, _ in remaining:
            if not parent.poll(limit * repeat):
                out[name] = None
                done += 1
                break
            _, t = parent.recv()
            out[name] = t
            done += 1
        proc.kill()
        remaining = remaining[done:]
    return out


def bound_text(q, store) -> str:
    from kg.store import bind_values
    b = bind_parameters(q, {}, store)
    return bind_values(q.text, b) if b else q.text


def store_sizes(tmp: Path, copies_list: list[int]) -> list[tuple[str, GraphStore, bytes, float | None]]:
    """The bundled corpus store, then one store per number of renamed copies: (label, store, N-Quads, load s)."""
    import pyoxigraph
    small = GraphStore.on_disk(tmp / "small")
    ingest([ROOT / "data" / "articles"], small)
    sizes = [("bundled", small, small.dump("nq"), None)]
    for copies in copies_list:
        store = GraphStore.on_disk(tmp / f"x{copies}")
        data = synthetic_nquads(small, copies)
        t = time.perf_counter()
        store._store.bulk_load(data, format=pyoxigraph.RdfFormat.N_QUADS)
        store.ensure_union()
        elapsed = time.perf_counter() - t
        # the N-Quads are kept only for rdflib, which is not run on the large stores
        sizes.append((f"synthetic x{copies}", store, data if len(data) < 2**26 else b"", elapsed))
    return sizes


def latency_rows(store: GraphStore, nquads: bytes, texts: list[tuple[str, str]], repeat: int,
                 rdflib_up_to: int, rdflib_limit: float) -> list[dict]:
    """Per query: median ms through kg, straight to pyoxigraph, and in rdflib (None: past the limit; absent: not run)."""
    quads = store.count_quads()
    ours, direct = {}, {}
    for name, text in texts:
        # warm the caches once, then alternate kg and pyoxigraph so both see the same state
        list(store.query(text))
        kg_times, ox_times = [], []
        for _ in range(repeat):
            kg_times.append(median_ms(lambda: list(store.query(text)), 1))
            ox_times.append(median_ms(lambda: list(store._store.query(text, prefixes=dict(PREFIXES))), 1))
        ours[name], direct[name] = statistics.median(kg_times), statistics.median(ox_times)
    theirs = rdflib_latencies(nquads, texts, repeat, rdflib_limit) if quads <= rdflib_up_to else {}
    rows = []
    for name, _ in texts:
        row = {"query": name, "kg_ms": ours[name], "pyoxigraph_ms": direct[name]}
        if name in theirs:
            row["rdflib_ms"] = theirs[name]
        rows.append(row)
    return rows


def format_rdflib(row: dict, limit: float) -> tuple[str, str]:
    """(rdflib ms, rdflib/kg) as table cells."""
    if "rdflib_ms" not in row:
        return "not run", ""
    r = row["rdflib_ms"]
    if r is None:
        return f"> {limit * 1000:.0f}", f"> {limit * 1000 / row['kg_ms']:.0f}x"
    if r != r:
        return "error", "-"
    return f"{r:.1f}", f"{r / row['kg_ms']:.1f}x"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="20,170", help="comma-separated numbers of renamed corpus copies")
    ap.add_argument("--rdflib-up-to", type=int, default=100_000, help="largest store (quads) to load into rdflib")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rdflib-limit", type=float, default=30.0, help="seconds per rdflib query before giving up")
    args = ap.parse_args()
    texts: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        copies = [int(c) for c in args.sizes.split(",") if c.strip()]
        for label, store, nq, load_s in store_sizes(Path(tmp), copies):
            texts = texts or [(q.name, bound_text(q, store)) for q in list_queries()]
            print(f"\n## {label}: {store.count_quads():,} quads" + (f" (bulk load + union {load_s:.1f} s)" if load_s else ""))
            print(f"{'query':28s} {'kg ms':>9s} {'pyoxigraph ms':>14s} {'kg/pyox':>8s} {'rdflib ms':>11s} "
                  f"{'rdflib/kg':>10s}")
            for row in latency_rows(store, nq, texts, args.repeat, args.rdflib_up_to, args.rdflib_limit):
                rs, ratio = format_rdflib(row, args.rdflib_limit)
                print(f"{row['query']:28s} {row['kg_ms']:9.1f} {row['pyoxigraph_ms']:14.1f} "
                      f"{row['kg_ms'] / row['pyoxigraph_ms']:7.2f}x {rs:>11s} {ratio:>10s}")


if __name__ == "__main__":
    main()
