"""Scores that cannot flatter: decisions trained on some articles, scored on the others.

`cross_validate` analyses every annotated article once, then for each held-out part
trains the decision models on the rest (kg.train) and scores the held-out articles
(kg.evaluate), so no article is ever scored by a model that saw its gold file:

- leave one family out (a publisher and layout; kg.corpus) — the figure to improve;
- k folds by article (articles dealt to folds in a fixed order);
- in sample (trained and scored on everything) and the rules alone, shown for the gap.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .corpus import AnnotatedArticle
from .evaluate import CATEGORIES, Scores, score_article
from .extract.decisions import DecisionModels, decide
from .train import Examples, TrainSettings, fit_models, label_examples

__all__ = ["CvReport", "cross_validate", "fold_of"]


@dataclass
class CvReport:
    """Scores of each scheme (per category) and macro F1 per held-out family."""

    schemes: dict[str, Scores] = field(default_factory=dict)
    families: dict[str, tuple[int, float, float]] = field(default_factory=dict)  # n, held-out F1, in-sample F1

    def as_dict(self) -> dict:
        return {"schemes": {name: {"macro_f1": round(sc.macro_f1, 4),
                                   "categories": {c: [round(x, 4) for x in sc.prf(c)] for c in CATEGORIES}}
                            for name, sc in self.schemes.items()},
                "families": {f: {"articles": n, "held_out_macro_f1": round(h, 4), "in_sample_macro_f1": round(i, 4)}
                             for f, (n, h, i) in self.families.items()}}


def fold_of(index: int, folds: int) -> int:
    """Articles in stem order are dealt to folds in turn.

    >>> [fold_of(i, 5) for i in range(7)]
    [0, 1, 2, 3, 4, 0, 1]
    """
    return index % folds


def _score(corpus: list[AnnotatedArticle], models: DecisionModels | None, stems: set[str]) -> dict[str, Scores]:
    return {x.stem: score_article(x.gold, decide(x.analysed, models).to_gold()) for x in corpus if x.stem in stems}


def _held_out(corpus, examples: dict[str, Examples], parts: dict[str, str], settings) -> dict[str, Scores]:
    out: dict[str, Scores] = {}
    for part in sorted(set(parts.values())):
        test = {s for s, p in parts.items() if p == part}
        models, _ = fit_models((examples[x.stem] for x in corpus if x.stem not in test), settings)
        out.update(_score(corpus, models, test))
    return out


def _total(per_article: dict[str, Scores], stems) -> Scores:
    total = Scores()
    for s in stems:
        total.add(per_article[s])
    return total


def cross_validate(corpus: list[AnnotatedArticle], folds: int = 5,
                   settings: TrainSettings = TrainSettings()) -> CvReport:
    """Leave-one-family-out, k-fold, in-sample and rules-only scores of an analysed corpus."""
    examples = {x.stem: label_examples(x.analysed, x.gold) for x in corpus}
    stems = [x.stem for x in corpus]
    family = {x.stem: x.family for x in corpus}
    by_family = _held_out(corpus, examples, family, settings)
    by_fold = _held_out(corpus, examples, {s: str(fold_of(i, folds)) for i, s in enumerate(stems)}, settings)
    everything, _ = fit_models(examples.values(), settings)
    in_sample = _score(corpus, everything, set(stems))
    rules = _score(corpus, None, set(stems))
    report = CvReport({"leave one family out": _total(by_family, stems), f"{folds}-fold by article":
                       _total(by_fold, stems), "in sample": _total(in_sample, stems), "rules alone": _total(rules, stems)})
    for fam in sorted(set(family.values())):
        members = [s for s in stems if family[s] == fam]
        report.families[fam] = (len(members), _total(by_family, members).macro_f1, _total(in_sample, members).macro_f1)
    return report
