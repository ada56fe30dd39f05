"""Extraction speed against a floor: one regular-expression pass over the same text.

    python bench/extraction.py [--rounds 15] [--synthetic 300]

Rounds alternate between `extract_article` over every article and the baseline over
the same texts; the figures are the best round of each (the least disturbed by other
load on the machine) and the median of the per-round ratios.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract import extract_article  # noqa: E402
from kg.sources import iter_source_files, read_articles  # noqa: E402

CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:of|the|for|and)?\s*[A-Z][\w'’-]+)*")


def _seconds(func, articles) -> float:
    start = time.perf_counter()
    for a in articles:
        func(a)
    return time.perf_counter() - start


def measure(articles, rounds: int = 15) -> dict:
    """Articles/s of extraction and of the baseline (best round), and their median per-round ratio."""
    extract_article(articles[0])  # warm the gazetteer
    ours, floor, ratios = [], [], []
    for _ in range(rounds):
        a = _seconds(extract_article, articles)
        b = _seconds(lambda x: CAPITALISED.findall(x.text), articles)
        ours.append(a)
        floor.append(b)
        ratios.append(a / b)
    return {"articles": len(articles), "extract_per_s": len(articles) / min(ours),
            "baseline_per_s": len(articles) / min(floor), "ratio": statistics.median(ratios)}


def load_articles(folder: Path) -> list:
    return [a for f in iter_source_files([folder]) for a in read_articles(f)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--synthetic", type=int, default=0, help="also measure on this many synthetic articles")
    args = ap.parse_args()
    sets = {"bundled corpus": load_articles(ROOT / "data" / "articles")}
    if args.synthetic:
        from bench.synthetic import write_corpus
        tmp = Path(tempfile.mkdtemp())
        write_corpus(tmp, args.synthetic, gold=False)
        sets["synthetic"] = load_articles(tmp / "articles")
    print(f"{'articles':18s} {'n':>5s} {'extract/s (1 core)':>19s} {'baseline/s':>11s} {'ratio':>7s}")
    for name, articles in sets.items():
        r = measure(articles, args.rounds)
        print(f"{name:18s} {r['articles']:5d} {r['extract_per_s']:19.0f} {r['baseline_per_s']:11.0f} {r['ratio']:6.1f}x")


if __name__ == "__main__":
    main()
