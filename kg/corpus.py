"""The annotated corpus: each article with its gold file and its family, analysed once.

A family is a publisher and layout (`families.csv` beside the gold files: `article,family`);
an article that file does not list falls in the family of its source (kg.evaluate.source_group).
Cross-validation holds out one family at a time, so the figures say how extraction does on
a publisher it was not trained on.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from .errors import KgError
from .evaluate import source_group
from .extract import analyse_article
from .extract.document import Analysis
from .model import Article
from .sources import iter_source_files, read_articles

__all__ = ["AnnotatedArticle", "load_corpus", "corpus_files", "FAMILIES_FILE"]

FAMILIES_FILE = "families.csv"


@dataclass
class AnnotatedArticle:
    stem: str
    article: Article
    gold: dict
    family: str
    analysis: Analysis | None = None

    @property
    def analysed(self) -> Analysis:
        """The article's analysis; the corpus must have been loaded with `analyse=True`."""
        if self.analysis is None:
            raise KgError(f"{self.stem}: the article was loaded without its analysis")
        return self.analysis


def _families(gold_dir: Path) -> dict[str, str]:
    path = gold_dir / FAMILIES_FILE
    if not path.exists():
        return {}
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return {row["article"]: row["family"] for row in csv.DictReader(fh) if row.get("article")}
    except (OSError, KeyError, csv.Error) as exc:
        raise KgError(f"{path}: not a CSV of article,family rows ({exc})") from exc


def corpus_files(gold_dir: Path, articles_dir: Path) -> list[Path]:
    """The files a model trained on this corpus depends on (gold, families, articles)."""
    return sorted(Path(gold_dir).glob("*.json")) + sorted(Path(gold_dir).glob(FAMILIES_FILE)) + \
        [p for p in iter_source_files([articles_dir]) if isinstance(p, Path)]


def load_corpus(gold_dir: Path, articles_dir: Path, analyse: bool = True) -> list[AnnotatedArticle]:
    """Every article under `articles_dir` that has a gold file, in stem order, analysed once."""
    gold_dir, articles_dir = Path(gold_dir), Path(articles_dir)
    golds = {p.stem: p for p in gold_dir.glob("*.json")}
    if not golds:
        raise KgError(f"no gold files (*.json) in {gold_dir}")
    families = _families(gold_dir)
    out = []
    for item in iter_source_files([articles_dir]):
        if not isinstance(item, Path):
            continue
        for a in read_articles(item):
            if isinstance(a, KgError) or a.stem not in golds:
                continue
            try:
                gold = json.loads(golds[a.stem].read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise KgError(f"{golds[a.stem]}: not a readable gold file ({exc})") from exc
            out.append(AnnotatedArticle(a.stem, a, gold, families.get(a.stem) or source_group(a)))
    if not out:
        raise KgError(f"no article under {articles_dir} has a gold file in {gold_dir}")
    out.sort(key=lambda x: x.stem)
    if analyse:
        for x in out:
            x.analysis = analyse_article(x.article)
    return out
