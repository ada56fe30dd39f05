"""Training the decision models from the gold corpus: the only module that imports scikit-learn.

Each article is analysed once (kg.extract.analyse_article); its candidates are labelled by
the corpus scoring rule against its gold file (an event's candidates only where the rules'
event matches a gold event); one L2-regularised logistic regression per decision is fitted
on binary features seen in at least `min_count` candidates. What the rules said
(`rule=…`) is entered at `rule_scale` rather than 1, so that its weight costs less to learn
than any other feature's: a model leaves the rules' choice only where the other features
agree against it across the training families. Deterministic: liblinear with a fixed seed,
candidates in article and feature order, weights rounded.

    kg train                      # writes kg/models/extraction.json from data/gold, data/articles

>>> round(sigmoid_inverse(0.5), 6)
0.0
"""
from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KgError
from .evaluate import entity_resolvers, match_events
from .extract.affiliations import affiliation_candidates
from .extract.candidates import entity_candidates, place_candidates, role_candidates
from .extract.decisions import DECISIONS, ENTITY_DECISIONS, DecisionModels, LinearModel, decide
from .extract.document import Analysis
from .lexicon import normalise

__all__ = ["Examples", "label_examples", "fit_models", "models_json", "corpus_hash", "TrainSettings", "TrainResult",
           "train_corpus",
           "sigmoid_inverse"]


CONSTANT_WHEN_UNIFORM = frozenset({*ENTITY_DECISIONS.values(), "affiliation"})
NAME_STOPWORDS = frozenset({"the", "of", "for", "and", "in", "on", "at"})


@dataclass(frozen=True)
class TrainSettings:
    c: float = 0.05           # inverse regularisation strength of the role models
    place_c: float = 0.2      # ... and of the place model
    min_count: int = 2        # a feature must occur in this many candidates
    entity_c: float = 0.5     # ... and of the person, organisation and place-name models
    rule_scale: float = 10.0  # the value of a rules' cue feature in the role models (a weaker penalty)
    affiliation_c: float = 0.5  # ... and of the affiliation model
    seed: int = 0

    def scale(self, decision: str, feature: str) -> float:
        role = decision != "place"
        return self.rule_scale if role and feature.startswith("rule=") and "&" not in feature else 1.0

    def strength(self, decision: str) -> float:
        if decision in ENTITY_DECISIONS.values():
            return self.entity_c
        if decision == "affiliation":
            return self.affiliation_c
        return self.place_c if decision == "place" else self.c


@dataclass
class Examples:
    """Labelled candidates of one article: (features, label) per decision."""

    rows: dict[str, list[tuple[tuple[str, ...], int]]] = field(default_factory=lambda: {d: [] for d in DECISIONS})


def sigmoid_inverse(p: float) -> float:
    return math.log(p / (1 - p))


def label_examples(analysis: Analysis, gold: dict) -> Examples:
    """The article's candidates labelled by its gold annotation (the scorer's matching rule)."""
    pred = decide(analysis, None).to_gold()
    g_ev, p_ev = gold.get("events") or [], pred.get("events") or []
    ev_map = match_events(g_ev, p_ev)
    actor_pred, actor_gold = entity_resolvers((gold.get("states") or []) + (gold.get("organisations") or []),
                                              (pred.get("states") or []) + (pred.get("organisations") or []))
    place_pred, place_gold = entity_resolvers(gold.get("places") or [], pred.get("places") or [])
    person_pred, person_gold = entity_resolvers(gold.get("people") or [], pred.get("people") or [])
    reg = analysis.registry
    out = Examples()
    gold_words = {kind: [set(normalise(n).split()) for e in gold.get(field) or [] for n in [e["name"], *(e.get("aliases") or [])]]
                  for kind, field in (("person", "people"), ("org", "organisations"), ("place", "places"))}
    for ec in entity_candidates(analysis):
        name = (reg.persons[ec.key] if ec.kind == "person" else (reg.orgs if ec.kind == "org" else reg.places)[ec.key]).name
        out.rows[ENTITY_DECISIONS[ec.kind]].append((ec.features, int(names_one(name, gold_words[ec.kind]))))
    for c in role_candidates(analysis):
        gi = ev_map.get(c.event)
        if gi is None:
            continue
        rec = reg.states.get(c.key) or reg.orgs.get(c.key)
        actor = actor_pred(rec.name) if rec else None
        for decision, fld in (("organiser", "organisers"), ("participant", "participants")):
            wanted = {actor_gold(n) for n in g_ev[gi].get(fld) or []}
            out.rows[decision].append((c.features, int(actor is not None and actor in wanted)))
    gold_bodies = {(person_gold(p["name"]), actor_gold(r["organisation"])) for p in gold.get("people") or []
                   for r in p.get("roles") or [] if r.get("organisation")}
    for ac in affiliation_candidates(analysis):
        pair = (person_pred(reg.persons[ac.person].name), actor_pred(ac.organisation))
        out.rows["affiliation"].append((ac.features, int(None not in pair and pair in gold_bodies)))
    for pc in place_candidates(analysis):
        gi = ev_map.get(pc.event)
        if gi is None:
            continue
        place = reg.places[pc.key].name if pc.key in reg.places else None
        gold_place = g_ev[gi].get("place")
        hit = place is not None and gold_place is not None and place_pred(place) is not None and \
            place_pred(place) == place_gold(gold_place)
        out.rows["place"].append((pc.features, int(hit)))
    return out


def names_one(name: str, gold_words: list[set[str]]) -> bool:
    """Whether `name` names one of the gold entities, whatever the words it leaves out or adds
    ("P. Marsudi" for "Retno L.P. Marsudi"): the entity decisions say what a name is, not where it ends.

    >>> names_one("Department of Foreign Affairs", [{"department", "of", "foreign", "affairs", "of", "indonesia"}])
    True
    >>> names_one("Good Practices", [{"retno", "marsudi"}])
    False
    """
    words = set(normalise(name).split()) - NAME_STOPWORDS
    return bool(words) and any(words <= g or (g - NAME_STOPWORDS) <= words for g in gold_words if g - NAME_STOPWORDS)


def fit_models(examples: Iterable[Examples], settings: TrainSettings = TrainSettings(),
               corpus_sha256: str = "", articles: int = 0) -> tuple[DecisionModels, list[str]]:
    """One logistic regression per decision over `examples`; the models and the feature list."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    examples = list(examples)
    counts: dict[str, int] = {}
    for ex in examples:
        for rows in ex.rows.values():
            for feats, _ in rows:
                for f in feats:
                    counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= settings.min_count)
    index = {f: i for i, f in enumerate(vocab)}
    models = {}
    for decision in DECISIONS:
        scales = np.array([settings.scale(decision, f) for f in vocab])
        rows = [r for ex in examples for r in ex.rows[decision]]
        labels = np.array([y for _, y in rows])
        if len(set(labels.tolist())) < 2 and decision in CONSTANT_WHEN_UNIFORM:
            # every proposed name of this kind was right, or every extra body wrong (or there was none)
            accept = bool(labels[0]) if len(labels) else decision in ENTITY_DECISIONS.values()
            models[decision] = LinearModel(4.0 if accept else -4.0, {})
            continue
        if len(set(labels.tolist())) < 2:
            raise KgError(f"no training data for the {decision} decision: the gold corpus gives "
                          f"{'no' if not len(labels) else 'only one kind of'} labelled candidate")
        data, cols, ptr = [], [], [0]
        for feats, _ in rows:
            idx = sorted({index[f] for f in feats if f in index})
            cols += idx
            data += [float(scales[i]) for i in idx]
            ptr.append(len(cols))
        x = csr_matrix((np.array(data), np.array(cols, dtype=np.int64), np.array(ptr)), shape=(len(rows), len(vocab)))
        clf = LogisticRegression(C=settings.strength(decision), solver="liblinear", random_state=settings.seed, max_iter=1000)
        clf.fit(x, labels)
        weights = {vocab[i]: round(float(w * scales[i]), 6) for i, w in enumerate(clf.coef_[0]) if abs(w) >= 1e-6}
        models[decision] = LinearModel(round(float(clf.intercept_[0]), 6), weights)
    return DecisionModels(models, corpus_sha256, articles), vocab


def models_json(models: DecisionModels, vocab: Sequence[str], settings: TrainSettings) -> str:
    """The models as the reviewed text file kg ships (sorted keys: the same models give the same bytes)."""
    data = {
        "format": "kg decision models 1",
        "corpus_sha256": models.corpus_sha256,
        "articles": models.articles,
        "settings": {"c": settings.c, "place_c": settings.place_c, "entity_c": settings.entity_c,
                     "affiliation_c": settings.affiliation_c,
                     "min_count": settings.min_count, "rule_scale": settings.rule_scale,
                     "seed": settings.seed,
                     "learner": "scikit-learn LogisticRegression (liblinear, L2)"},
        "features": list(vocab),
        "models": {name: {"bias": m.bias, "weights": dict(sorted(m.weights.items()))}
                   for name, m in sorted(models.models.items())},
    }
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def corpus_hash(files: Iterable[Path]) -> str:
    """SHA-256 over the names and bytes of the gold and article files, in name order."""
    h = hashlib.sha256()
    for f in sorted(files, key=lambda p: p.name):
        h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


@dataclass(frozen=True)
class TrainResult:
    path: Path
    articles: int
    candidates: dict[str, int]
    features: int
    corpus_sha256: str


def train_corpus(gold_dir: Path, articles_dir: Path, out: Path,
                 settings: TrainSettings = TrainSettings()) -> TrainResult:
    """Train every decision model from the annotated corpus and write them to `out` (JSON)."""
    from .corpus import corpus_files, load_corpus
    corpus = load_corpus(gold_dir, articles_dir)
    sha = corpus_hash(corpus_files(gold_dir, articles_dir))
    examples = [label_examples(x.analysed, x.gold) for x in corpus]
    models, vocab = fit_models(examples, settings, sha, len(corpus))
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(models_json(models, vocab, settings), encoding="utf-8")
    except OSError as exc:
        raise KgError(f"{out}: cannot write the models ({exc.strerror or exc})") from exc
    counts = {d: sum(len(ex.rows[d]) for ex in examples) for d in DECISIONS}
    return TrainResult(out, len(corpus), counts, len(vocab), sha)
