"""Extraction speed against a floor: one regular-expression pass over the same text.

    python bench/extraction.py [--repeat 20]

Prints articles/s on one core for `extract_article` and for the baseline, and their ratio.
"""
from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from kg.extract import extract_article
from kg.sources import read_article

ROOT = Path(__file__).resolve().parent.parent
CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:of|the|for|and)?\s*[A-Z][\w'’-]+)*")


def rate(func, articles, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for a in articles:
            func(a)
    return repeat * len(articles) / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    articles = [read_article(p) for p in sorted((ROOT / "data" / "articles").iterdir())]
    extract_article(articles[0])  # warm the gazetteer
    ours = rate(extract_article, articles, args.repeat)
    floor = rate(lambda a: CAPITALISED.findall(a.text), articles, args.repeat)
    print(f"{'what':38s} {'articles/s':>12s}")
    print(f"{'extract_article (1 core)':38s} {ours:12.0f}")
    print(f"{'baseline: one regex pass':38s} {floor:12.0f}")
    print(f"ratio baseline/extract: {floor / ours:.1f}x")


if __name__ == "__main__":
    main()
