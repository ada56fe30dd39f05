"""The synthetic corpus generator of bench/: deterministic, every format, gold consistent with the scorer."""
import json

from bench.synthetic import write_corpus
from kg.evaluate import CATEGORIES, evaluate_predictions
from kg.sources import SourceError, iter_source_files, read_articles


def files(root):
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_synthetic_same_seed_writes_same_bytes(tmp_path):
    write_corpus(tmp_path / "a", 12, seed=3)
    write_corpus(tmp_path / "b", 12, seed=3)
    assert files(tmp_path / "a") == files(tmp_path / "b")


def test_synthetic_other_seed_writes_other_articles(tmp_path):
    write_corpus(tmp_path / "a", 4, seed=3)
    write_corpus(tmp_path / "b", 4, seed=4)
    assert files(tmp_path / "a") != files(tmp_path / "b")


def test_synthetic_writes_every_format_with_one_gold_per_article(tmp_path):
    counts = write_corpus(tmp_path, 8, seed=1)
    assert counts == {"txt": 2, "html": 2, "md": 2, "jsonl": 2}
    suffixes = {p.suffix for p in (tmp_path / "articles").iterdir()}
    assert suffixes == {".txt", ".html", ".md", ".jsonl"}
    assert len(list((tmp_path / "gold").glob("*.json"))) == 8


def test_synthetic_articles_read_back_without_teasers(tmp_path):
    write_corpus(tmp_path, 8, seed=2)
    articles = [a for f in iter_source_files([tmp_path / "articles"]) for a in read_articles(f)]
    assert not [a for a in articles if isinstance(a, SourceError)]
    assert len(articles) == 8
    assert not any("More News" in a.text or " open a " in a.text for a in articles)


def test_synthetic_gold_scores_itself_perfectly(tmp_path):
    """The generator's gold is consistent with the scoring rule (synthetic articles measure speed,
    not accuracy: they share the phrasings the rules were written with)."""
    write_corpus(tmp_path, 12, seed=11)
    gold = {p.stem: json.loads(p.read_text()) for p in (tmp_path / "gold").glob("*.json")}
    total, _ = evaluate_predictions(tmp_path / "gold", gold)
    assert {c: total.prf(c)[2] for c in CATEGORIES} == {c: 1.0 for c in CATEGORIES}
