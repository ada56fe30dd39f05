"""Extraction speed beside two baselines over the same article texts, in one run: a floor
(one regular-expression pass) and a ceiling to stay well under (spaCy's `en_core_web_sm`
full pipeline: tagger, parser, NER, lemmatizer).

    python bench/extraction.py [--rounds 15] [--synthetic 300]

Rounds alternate between `extract_article` over every article and each baseline over the
same texts; the figures are the best round of each (the least disturbed by other load on
the machine) and the median of the per-round ratios. The default extraction (which parses
the sentences holding candidates) must be at least as fast as the full spaCy pipeline (1.0x).
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
    print(f"{'articles':18s} {'n':>5s} {'extract/s (1 core)':>19s} {'regex/s':>8s} {'vs regex':>9s} "
          f"{'spaCy sm/s':>11s} {'faster than spaCy':>18s}")
    for name, articles in sets.items():
        r = measure(articles, args.rounds)
        print(f"{name:18s} {r['articles']:5d} {r['extract_per_s']:19.0f} {r['baseline_per_s']:8.0f} "
              f"{r['ratio']:8.1f}x {r['spacy_per_s']:11.1f} {r['faster_than_spacy']:17.1f}x")


if __name__ == "__main__":
    main()
