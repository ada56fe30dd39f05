"""Extraction time per MB on hostile inputs beside a normal article, at two sizes: time must
grow linearly with the text (the same seconds per MB at both sizes).

    python bench/pathological.py [--sizes 64,256]   # KB
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract import extract_article  # noqa: E402
from kg.model import Article  # noqa: E402

INPUTS = {
    "normal article (baseline)": "The RSO and IOM convened a workshop in Suva on 3 May 2024 with Fiji and Samoa. ",
    "people of a ministry, no full stop": "Mr. A, Ms. B and Dr. C of the Ministry of ",
    "honorifics only": "Mr. ",
    "one sentence of lists": "the RSO and Fiji met Samoa and Tonga in Suva with IOM and ",
    "states joined by and": "Fiji and ",
    "a ministry of a ministry": "the Ministry of ",
    "commas only": ", ",
}


def seconds_per_mb(unit: str, kb: int) -> float:
    text = unit * (kb * 1024 // len(unit))
    article = Article("bench.txt", "bench", "txt", "Bench", "2024-05-10", None, None, text, "0" * 64)
    start = time.perf_counter()
    extract_article(article)
    return (time.perf_counter() - start) / (len(text) / 2**20)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="64,256", help="sizes in KB, comma-separated")
    sizes = [int(x) for x in ap.parse_args().sizes.split(",")]
    extract_article(Article("w.txt", "w", "txt", "W", None, None, None, "Warm up.", "0" * 64))
    print("| input | " + " | ".join(f"s/MB at {kb} KB" for kb in sizes) + " | growth | vs normal |")
    print("|---|" + "---|" * (len(sizes) + 2))
    normal = None
    for name, unit in INPUTS.items():
        figures = [seconds_per_mb(unit, kb) for kb in sizes]
        normal = normal or figures[-1]
        print(f"| {name} | " + " | ".join(f"{f:.1f}" for f in figures) +
              f" | {figures[-1] / figures[0]:.2f}x | {figures[-1] / normal:.1f}x |")


if __name__ == "__main__":
    main()
