"""End-to-end ingest against the ceiling: raw pyoxigraph bulk loading of the same quads.

    python bench/ingest.py [--articles 2000] [--workers 1,2] [--sizes 1000,10000,100000]

Throughput: a synthetic corpus (bench/synthetic.py, all four formats) is ingested
into fresh on-disk stores with 1 and 2 worker processes. The same run times
extraction alone (reading, extraction and N-Triples in one process) and pyoxigraph's
`bulk_load` of the quads the ingest wrote (its article graphs, no union), so
"ingest minus extraction" can be set against the bare cost of loading.

Scale (`--sizes`): each size is ingested by `kg ingest` in a child process, which
reports its peak resident memory, its time and the store's size on disk.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import write_corpus  # noqa: E402
from kg.pipeline import extract_ntriples, extractor_fingerprint, ingest  # noqa: E402
from kg.sources import iter_source_files, read_articles  # noqa: E402
from kg.store import GraphStore  # noqa: E402


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def extraction_seconds(articles_dir: Path) -> tuple[int, float]:
    """(articles, seconds) to read, extract and write N-Triples for every article, in this process."""
    fingerprint = extractor_fingerprint()
    start = time.perf_counter()
    n = 0
    for f in iter_source_files([articles_dir]):
        for article in read_articles(f):
            extract_ntriples(article, fingerprint)
            n += 1
    return n, time.perf_counter() - start


def throughput_rows(articles_dir: Path, tmp: Path, workers_list: list[int]) -> dict:
    """Ingest with each number of workers, extraction alone, and the raw bulk load of the same quads."""
    import pyoxigraph as ox
    n, extract_s = extraction_seconds(articles_dir)
    runs = []
    quads_nq = b""
    for workers in workers_list:
        path = tmp / f"ingest-{workers}"
        store = GraphStore.on_disk(path)
        start = time.perf_counter()
        report = ingest([articles_dir], store, workers=workers)
        elapsed = time.perf_counter() - start
        quads = store.count_quads()
        if not quads_nq:
            quads_nq = store.dump("nq")
        runs.append({"workers": workers, "seconds": elapsed, "articles": len(report.added), "quads": quads})
        del store
        shutil.rmtree(path)
    raw = ox.Store(str(tmp / "raw"))
    start = time.perf_counter()
    raw.bulk_load(quads_nq, format=ox.RdfFormat.N_QUADS)
    raw.flush()
    bulk_s = time.perf_counter() - start
    del raw
    shutil.rmtree(tmp / "raw")
    return {"articles": n, "extract_s": extract_s, "bulk_load_s": bulk_s, "runs": runs}


CHILD = """
import json, sys, time
from pathlib import Path
from kg.pipeline import ingest
from kg.store import GraphStore
store = GraphStore.on_disk(sys.argv[2])
start = time.perf_counter()
report = ingest([sys.argv[1]], store, workers=int(sys.argv[3]))
elapsed = time.perf_counter() - start
status = Path("/proc/self/status").read_text()
peak_kb = int(status.split("VmHWM:")[1].split()[0])  # this process's peak; ru_maxrss can carry the parent's
print(json.dumps({"seconds": elapsed, "added": len(report.added), "failed": len(report.failed),
                  "quads": store.count_quads(), "peak_mb": peak_kb / 1024}))
"""


def scale_row(size: int, tmp: Path, workers: int, seed: int = 7) -> dict:
    """Generate `size` articles, ingest them in a child process; time, peak memory and store size."""
    corpus = tmp / f"corpus-{size}"
    start = time.perf_counter()
    write_corpus(corpus, size, seed=seed, gold=False)
    generate_s = time.perf_counter() - start
    store = tmp / f"store-{size}"
    out = subprocess.run([sys.executable, "-c", CHILD, str(corpus / "articles"), str(store), str(workers)],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    row = json.loads(out.stdout.strip().splitlines()[-1])
    row.update(size=size, generate_s=generate_s, store_mb=folder_bytes(store) / 2**20,
               corpus_mb=folder_bytes(corpus / "articles") / 2**20)
    shutil.rmtree(corpus)
    shutil.rmtree(store)
    return row


def print_throughput(t: dict) -> None:
    """The throughput figures as a Markdown table."""
    quads = t["runs"][0]["quads"]
    print("| what | seconds | articles/s | quads/s |")
    print("|---|---|---|---|")
    print(f"| extraction alone (read, extract, N-Triples; 1 core) | {t['extract_s']:.1f} | "
          f"{t['articles'] / t['extract_s']:.0f} | |")
    for r in t["runs"]:
        print(f"| kg ingest, {r['workers']} worker{'s' if r['workers'] > 1 else ''} | {r['seconds']:.1f} | "
              f"{r['articles'] / r['seconds']:.0f} | {r['quads'] / r['seconds']:.0f} |")
    print(f"| baseline: pyoxigraph bulk_load of the same {quads:,} quads | {t['bulk_load_s']:.1f} | | "
          f"{quads / t['bulk_load_s']:.0f} |")
    one = next((r for r in t["runs"] if r["workers"] == 1), None)
    if one:
        print(f"\n(ingest − extraction) / bulk_load = {(one['seconds'] - t['extract_s']) / t['bulk_load_s']:.2f}x "
              "(target ≤ 2x; ingest also writes the union graph, about twice the quads)")


def print_scale(rows: list[dict]) -> None:
    """The scale figures as a Markdown table."""
    print("| articles | corpus MB | quads | ingest s | articles/s | store MB | peak MB (main process) |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['size']:,} | {r['corpus_mb']:.1f} | {r['quads']:,} | {r['seconds']:.0f} | "
              f"{r['added'] / r['seconds']:.0f} | {r['store_mb']:.0f} | {r['peak_mb']:.0f} |")
    if len(rows) >= 2:
        print(f"\npeak memory at {rows[-1]['size']:,} / at {rows[-2]['size']:,} articles: "
              f"{rows[-1]['peak_mb'] / rows[-2]['peak_mb']:.2f}x (target ≤ 1.5x)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000, help="synthetic articles for the throughput run")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--sizes", default="", help="e.g. 1000,10000,100000 for the memory and store-size runs")
    ap.add_argument("--scale-workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_corpus(tmp / "corpus", args.articles, gold=False)
        print_throughput(throughput_rows(tmp / "corpus" / "articles", tmp,
                                         [int(w) for w in args.workers.split(",")]))
        if args.sizes:
            print()
            print_scale([scale_row(int(s), tmp, args.scale_workers) for s in args.sizes.split(",")])


if __name__ == "__main__":
    main()
