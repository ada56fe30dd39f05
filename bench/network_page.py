"""HTML network size and speed: generation time, and time until the page is drawn and stable in Chromium.

    python bench/network_page.py [--sizes 500,2000,10000] [--baseline-limit 60]

For each size a scale-free graph of typed nodes is written by kg's writer (metrics,
ForceAtlas2 layout in Python and the page: "generate s") and opened from file:// in
headless Chromium (Debian's, driven by Playwright) at 1400x900: "stable" is when the
page has drawn and placed its labels. The baseline is pyvis's stock page for the same
graph (from_nx, generate_html) with its default physics, timed until vis-network
reports the stabilisation done (capped at --baseline-limit seconds).
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.network import add_metrics  # noqa: E402
from kg.viz import write_html  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
TYPES = ["state", "organisation", "person", "event", "place"]


def synthetic_graph(n: int) -> nx.Graph:
    g = nx.barabasi_albert_graph(n, 2, seed=7)
    rng = random.Random(7)
    g = nx.relabel_nodes(g, {i: f"n{i}" for i in g.nodes})
    for node in g.nodes:
        g.nodes[node].update(label=f"Node {node}", type=rng.choice(TYPES), year=str(rng.choice([2023, 2024])))
    for u, v in g.edges:
        g[u][v].update(relation="took part", weight=1)
    return g


def time_page(browser, path: Path, limit: float, stock: bool = False) -> tuple[float, float]:
    """(ms to first drawing, ms until stable) for the page at `path`."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    if stock:
        page.add_init_script("""
          window.addEventListener('load', function () {
            var t0 = performance.now();
            var wait = setInterval(function () {
              if (window.network) { clearInterval(wait);
                window.network.once('afterDrawing', function () { window.kgDrawn = performance.now(); });
                window.network.once('stabilizationIterationsDone', function () { window.kgStableAt = performance.now(); });
                window.network.once('stabilized', function () { window.kgStableAt = window.kgStableAt || performance.now(); });
              } }, 5);
          });""")
    start = time.perf_counter()
    page.goto(path.as_uri())
    drawn = wait(page, "window.kgDrawn", start, limit)
    stable = wait(page, "window.kgStableAt" if stock else "window.kgStable === true", start, limit)
    page.close()
    return drawn, stable


def wait(page, expression: str, start: float, limit: float) -> float:
    """ms from `start` until `expression` holds (inf past `limit` s); polled from Python, since
    the pages' Content-Security-Policy forbids the string evaluation of Playwright's own wait."""
    while not page.evaluate(f"!!({expression})"):
        if time.perf_counter() - start > limit:
            return float("inf")
        page.wait_for_timeout(20)
    return (time.perf_counter() - start) * 1000


def page_rows(sizes: list[int], baseline_limit: float = 60.0, stock_up_to: int = 2000) -> list[dict]:
    """Per size: nodes, edges, generation s, MB, ms to drawn and to stable, and pyvis stock's ms to stable."""
    from playwright.sync_api import sync_playwright
    from pyvis.network import Network
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS, headless=True)
        for n in sizes:
            g = synthetic_graph(n)
            t = time.perf_counter()
            add_metrics(g)
            out = write_html(g, Path(tmp) / f"kg{n}.html", "bench", f"{n} nodes")
            gen = time.perf_counter() - t
            drawn, stable = time_page(browser, out, 120)
            row = {"nodes": n, "edges": g.number_of_edges(), "generate_s": gen, "mb": out.stat().st_size / 2**20,
                   "drawn_ms": drawn, "stable_ms": stable}
            if n <= stock_up_to:
                t = time.perf_counter()
                net = Network(cdn_resources="in_line")
                net.from_nx(g)
                stock = Path(tmp) / f"stock{n}.html"
                stock.write_text(net.generate_html(), encoding="utf-8")
                row["stock_generate_s"] = time.perf_counter() - t
                row["stock_stable_ms"] = time_page(browser, stock, baseline_limit, stock=True)[1]
            rows.append(row)
        browser.close()
    return rows


def format_stock(row: dict, limit: float) -> str:
    if "stock_stable_ms" not in row:
        return "not run"
    value = row["stock_stable_ms"]
    return f"> {limit * 1000:.0f}" if value == float("inf") else f"{value:.0f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="500,2000,10000")
    ap.add_argument("--baseline-limit", type=float, default=60.0)
    args = ap.parse_args()
    print(f"{'nodes':>6s} {'edges':>6s} {'generate s':>11s} {'MB':>5s} {'drawn ms':>9s} {'stable ms':>10s} "
          f"{'stock generate s':>17s} {'stock stable ms':>16s}")
    for r in page_rows([int(x) for x in args.sizes.split(",")], args.baseline_limit):
        stock_gen = f"{r['stock_generate_s']:.2f}" if "stock_generate_s" in r else "not run"
        print(f"{r['nodes']:6d} {r['edges']:6d} {r['generate_s']:11.2f} {r['mb']:5.1f} {r['drawn_ms']:9.0f} "
              f"{r['stable_ms']:10.0f} {stock_gen:>17s} {format_stock(r, args.baseline_limit):>16s}")


if __name__ == "__main__":
    main()
