"""The benchmark suite: every figure next to a baseline measured in the same run.

    python bench/run.py                     # everything (about 30-40 minutes on 2 cores)
    python bench/run.py --quick             # smaller sizes, a few minutes
    python bench/run.py --only extraction,ingest

Sections (each also runs on its own, see the module named):
- extraction   articles/s per core against one regular-expression pass (bench/extraction.py)
- ingest       end-to-end articles/s and quads/s with 1 and 2 workers against raw
               pyoxigraph bulk loading of the same quads (bench/ingest.py)
- scale        store size on disk and peak memory at 1k, 10k and 100k articles (bench/ingest.py)
- queries      median latency of every catalogue query at about 100k, 1M and 5M triples,
               against the same query sent straight to pyoxigraph and against rdflib's
               in-memory engine where it finishes in time (bench/queries.py)
- html         network page generation and time to stable for 500, 2,000 and 10,000 nodes
               in headless Chromium, against pyvis's stock page (bench/network_page.py)
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import extraction, ingest, network_page, queries  # noqa: E402
from bench.synthetic import write_corpus  # noqa: E402

SECTIONS = ("extraction", "ingest", "scale", "queries", "html")
FULL = {"synthetic": 500, "ingest_articles": 3000, "scale": [1000, 10000, 100000],
        "triples": [100_000, 1_000_000, 5_000_000], "nodes": [500, 2000, 10000]}
QUICK = {"synthetic": 200, "ingest_articles": 600, "scale": [500, 2000],
         "triples": [100_000, 500_000], "nodes": [500, 2000]}
CORPUS_TRIPLES_PER_COPY = 4500  # triples in the bundled corpus' article graphs (one synthetic copy)


def run_extraction(cfg: dict) -> None:
    print("\n## Extraction (articles/s on one core; baselines: one regex pass, spaCy en_core_web_sm full pipeline)\n")
    sets = {"bundled corpus": extraction.load_articles(ROOT / "data" / "articles")}
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), cfg["synthetic"], gold=False)
        sets["synthetic"] = extraction.load_articles(Path(tmp) / "articles")
        print("| articles | n | extract/s | regex/s | extract time / regex time | spaCy sm/s | faster than spaCy |")
        print("|---|---|---|---|---|---|---|")
        for name, articles in sets.items():
            r = extraction.measure(articles)
            print(f"| {name} | {r['articles']} | {r['extract_per_s']:.0f} | {r['baseline_per_s']:.0f} | "
                  f"{r['ratio']:.0f}x | {r['spacy_per_s']:.1f} | {r['faster_than_spacy']:.1f}x |")


def run_ingest(cfg: dict) -> None:
    print(f"\n## Ingest ({cfg['ingest_articles']} synthetic articles; baseline: pyoxigraph bulk_load)\n")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_corpus(tmp / "corpus", cfg["ingest_articles"], gold=False)
        t = ingest.throughput_rows(tmp / "corpus" / "articles", tmp, [1, 2])
    ingest.print_throughput(t)


def run_scale(cfg: dict) -> None:
    print("\n## Scale (kg ingest --workers 2 in a child process)\n")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in cfg["scale"]:
            rows.append(ingest.scale_row(size, Path(tmp), 2))
    ingest.print_scale(rows)


def run_queries(cfg: dict) -> None:
    texts = [(q.name, queries.bound_text(q)) for q in queries.list_queries()]
    copies = [max(1, round(t / CORPUS_TRIPLES_PER_COPY)) for t in cfg["triples"]]
    with tempfile.TemporaryDirectory() as tmp:
        for label, store, nq, load_s in queries.store_sizes(Path(tmp), copies)[1:]:
            quads = store.count_quads()
            print(f"\n## Queries at {quads:,} triples (median ms of 3; baselines: the same query straight to "
                  f"pyoxigraph, and rdflib in memory)\n")
            rows = queries.latency_rows(store, nq, texts, 3, 150_000, 30.0)
            print("| query | kg ms | pyoxigraph ms | kg/pyoxigraph | rdflib ms | rdflib/kg |")
            print("|---|---|---|---|---|---|")
            for row in rows:
                rs, ratio = queries.format_rdflib(row, 30.0)
                print(f"| {row['query']} | {row['kg_ms']:.1f} | {row['pyoxigraph_ms']:.1f} | "
                      f"{row['kg_ms'] / row['pyoxigraph_ms']:.2f}x | {rs} | {ratio} |")
            ratios = [r["kg_ms"] / r["pyoxigraph_ms"] for r in rows]
            print(f"\nkg/pyoxigraph: median {statistics.median(ratios):.2f}x, worst {max(ratios):.2f}x "
                  f"(target ≤ 1.2x)")
            del store


def run_html(cfg: dict) -> None:
    print("\n## Network page in headless Chromium (baseline: pyvis's stock page, default physics)\n")
    print("| nodes | edges | generate s | MB | drawn ms | stable ms | pyvis stock generate s | pyvis stock stable ms |")
    print("|---|---|---|---|---|---|---|---|")
    for r in network_page.page_rows(cfg["nodes"]):
        stock_gen = f"{r['stock_generate_s']:.1f}" if "stock_generate_s" in r else "not run"
        print(f"| {r['nodes']:,} | {r['edges']:,} | {r['generate_s']:.1f} | {r['mb']:.1f} | {r['drawn_ms']:.0f} | "
              f"{r['stable_ms']:.0f} | {stock_gen} | {network_page.format_stock(r, 60.0)} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes (minutes, not half an hour)")
    ap.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated subset of {', '.join(SECTIONS)}")
    args = ap.parse_args()
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(chosen) - set(SECTIONS)
    if unknown:
        sys.exit(f"unknown section(s): {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    cfg = QUICK if args.quick else FULL
    runners = {"extraction": run_extraction, "ingest": run_ingest, "scale": run_scale, "queries": run_queries,
               "html": run_html}
    print(f"# kg benchmarks ({'quick' if args.quick else 'full'})")
    for name in SECTIONS:
        if name in chosen:
            runners[name](cfg)
            sys.stdout.flush()


if __name__ == "__main__":
    main()
