"""Extraction speed beside two baselines over the same article texts, in one run: a floor
(one regular-expression pass) and a ceiling to stay well under (spaCy's `en_core_web_sm`
full pipeline: tagger, parser, NER, lemmatizer).

    python bench/extraction.py [--rounds 15] [--synthetic 300]

Rounds alternate between `extract_article` over every article and each baseline over the
same texts; the figures are the best round of each (the least disturbed by other load on
the machine) and the median of the per-round ratios. The default extraction (which parses
the sentences holding candidates) must be at least as fast as the full spaCy pipeline (1.0x).

`--workers N` also times extraction in a pool of N worker processes (as `kg ingest --workers`
runs it) against one worker over the same articles, each pool warmed first: the scaling ratio.
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


def _spacy_pipeline():
    import spacy
    from kg.ner import DEFAULT_MODEL
    return spacy.load(DEFAULT_MODEL)


def measure(articles, rounds: int = 15) -> dict:
    """Articles/s of extraction, of the regex floor and of spaCy's full pipeline (best round each),
    and the median per-round ratios (extraction time / floor time, spaCy time / extraction time)."""
    nlp = _spacy_pipeline()
    extract_article(articles[0])  # warm the gazetteer and the name model
    nlp(articles[0].text)
    ours, floor, full, floor_ratios, spacy_ratios = [], [], [], [], []
    for _ in range(rounds):
        a = _seconds(extract_article, articles)
        b = _seconds(lambda x: CAPITALISED.findall(x.text), articles)
        c = _seconds(lambda x: nlp(x.text), articles)
        ours.append(a)
        floor.append(b)
        full.append(c)
        floor_ratios.append(a / b)
        spacy_ratios.append(c / a)
    return {"articles": len(articles), "extract_per_s": len(articles) / min(ours),
            "baseline_per_s": len(articles) / min(floor), "spacy_per_s": len(articles) / min(full),
            "ratio": statistics.median(floor_ratios), "faster_than_spacy": statistics.median(spacy_ratios)}


def _extract_count(article) -> int:
    return len(extract_article(article).events)


def _warm() -> None:
    extract_article(load_articles(ROOT / "data" / "articles")[0])


def _pool_seconds(articles, workers: int) -> float:
    """Seconds to extract `articles` in a warmed pool of `workers` processes."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_warm) as pool:
        list(pool.map(_extract_count, articles[:workers]))  # every worker started and warm
        start = time.perf_counter()
        list(pool.map(_extract_count, articles, chunksize=4))
        return time.perf_counter() - start


def measure_workers(articles, workers: int, rounds: int = 3) -> dict:
    """Articles/s with one worker and with `workers` (best of `rounds` each), and their ratio."""
    one = min(_pool_seconds(articles, 1) for _ in range(rounds))
    many = min(_pool_seconds(articles, workers) for _ in range(rounds))
    return {"articles": len(articles), "one_per_s": len(articles) / one, "many_per_s": len(articles) / many,
            "speedup": one / many}


def load_articles(folder: Path) -> list:
    return [a for f in iter_source_files([folder]) for a in read_articles(f)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--synthetic", type=int, default=0, help="also measure on this many synthetic articles")
    ap.add_argument("--workers", type=int, default=0, help="also time a pool of this many worker processes")
    args = ap.parse_args()
    sets = {"bundled corpus": load_articles(ROOT / "data" / "articles")}
    if args.synthetic:
        from bench.synthetic import write_corpus
        tmp = Path(tempfile.mkdtemp())
        write_corpus(tmp, args.synthetic, gold=False)
        sets["synthetic"] = load_articles(tmp / "articles")
    print(f"{'articles':18s} {'n':>5s} {'extract/s (1 core)':>19s} {'regex/s':>8s} {'vs regex':>9s} "
          f"{'spaCy sm/s':>11s} {'faster than spaCy':>18s}")
    for name, articles in sets.items():
        r = measure(articles, args.rounds)
        print(f"{name:18s} {r['articles']:5d} {r['extract_per_s']:19.0f} {r['baseline_per_s']:8.0f} "
              f"{r['ratio']:8.1f}x {r['spacy_per_s']:11.1f} {r['faster_than_spacy']:17.1f}x")
    if args.workers > 1:
        articles = sets["bundled corpus"] * 3  # long enough that start-up is amortised
        w = measure_workers(articles, args.workers)
        print(f"\n{'workers':18s} {'n':>5s} {'1 worker/s':>11s} {f'{args.workers} workers/s':>12s} {'speed-up':>9s}")
        print(f"{'bundled corpus x3':18s} {w['articles']:5d} {w['one_per_s']:11.1f} {w['many_per_s']:12.1f} "
              f"{w['speedup']:8.2f}x")


if __name__ == "__main__":
    main()
