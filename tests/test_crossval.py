"""Cross-validation: no article is scored by a model trained on its own gold file."""
import shutil

import pytest

import kg.crossval as crossval
from kg.corpus import load_corpus

from .conftest import ARTICLES, GOLD

FAMILIES = {"A": ["2010-06-07-ahg-workshop-protection-resettlement-repatriation-bali",
                  "2011-03-09-fourth-ahg-senior-officials-bali", "2015-05-06-ninth-ahg-senior-officials-wellington"],
            "B": ["2019-02-12-second-teg-rr-meeting-bangkok", "2019-07-23-bali-process-ahg-senior-officials-da-nang",
                  "2020-11-10-from-the-rso-tipwg-sixth-annual-meeting"],
            "C": ["2023-02-11-un-agencies-welcome-adelaide-commitments",
                  "2023-08-23-gabf-tech-forum-bali", "2025-12-03-dmw-hosts-bali-process-study-visit"]}


def write_small_corpus(root):
    """Nine annotated articles of three families under root/gold and root/articles."""
    (root / "gold").mkdir()
    (root / "articles").mkdir()
    rows = ["article,family"]
    for fam, stems in FAMILIES.items():
        for stem in stems:
            shutil.copy(GOLD / f"{stem}.json", root / "gold")
            shutil.copy(next(ARTICLES.glob(f"{stem}.*")), root / "articles")
            rows.append(f"{stem},{fam}")
    (root / "gold" / "families.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root / "gold", root / "articles"


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    return load_corpus(*write_small_corpus(tmp_path_factory.mktemp("corpus")))


def test_crossval_folds_deal_articles_in_turn():
    assert [crossval.fold_of(i, 3) for i in range(7)] == [0, 1, 2, 0, 1, 2, 0]


def test_crossval_corpus_reads_families(small_corpus):
    assert {x.stem: x.family for x in small_corpus} == {s: f for f, stems in FAMILIES.items() for s in stems}


def test_crossval_held_out_article_never_trained_on(small_corpus, monkeypatch):
    fit, decide = crossval.fit_models, crossval.decide
    stem_of = {}
    trained_on = {}
    alive = []  # every model kept, so that no id is reused by a later one
    scored = []

    def recording_label(analysis, gold):
        ex = crossval_label(analysis, gold)
        stem_of[id(ex)] = analysis.article.stem
        return ex

    def recording_fit(examples, settings):
        examples = list(examples)
        models, vocab = fit(examples, settings)
        trained_on[id(models)] = {stem_of[id(ex)] for ex in examples}
        alive.append(models)
        return models, vocab

    def recording_decide(analysis, models):
        scored.append((analysis.article.stem, id(models) if models is not None else None))
        return decide(analysis, models)

    crossval_label = crossval.label_examples
    monkeypatch.setattr(crossval, "label_examples", recording_label)
    monkeypatch.setattr(crossval, "fit_models", recording_fit)
    monkeypatch.setattr(crossval, "decide", recording_decide)
    crossval.cross_validate(small_corpus, folds=3)
    everyone = {x.stem for x in small_corpus}
    held_out = [(s, trained_on[m]) for s, m in scored if m is not None and trained_on[m] != everyone]
    assert (sorted(s for s, _ in held_out), any(s in t for s, t in held_out)) == \
        (sorted([*everyone, *everyone]), False)


def test_crossval_reports_every_scheme_and_family(small_corpus):
    report = crossval.cross_validate(small_corpus, folds=3)
    assert (sorted(report.schemes), sorted(report.families), [n for n, _, _ in report.families.values()]) == \
        (["3-fold by article", "in sample", "leave one family out", "rules alone"], ["A", "B", "C"], [3, 3, 3])
