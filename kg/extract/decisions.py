"""Trained decisions: linear models over candidate features choose roles and places.

A model is data: `kg/models/extraction.json`, written by `kg train` (kg.train) from the gold
corpus, reviewed like code, read here as plain JSON (weights by feature name, a bias and
the corpus hash and feature list it was trained on). No pickle, no executable content.

- `organiser` and `participant`: the probability that a role candidate organised / took
  part in its event (accepted at 0.4 and 0.5, independently: an organiser listed among those
  attending also takes part);
- `place`: the probability that a place candidate is its event's place; an event takes the
  most probable one at or above 0.5, or none;
- `affiliation`: the probability that a person works for a body named with them, where the
  rules gave no such role (each pair accepted at 0.4, independently: a person may hold several);
- `person`, `organisation` and `place_name`: the probability that a name the rules or the name
  model proposed (and the lexicon does not know) is a person, a body or a place; one below 0.5
  is dropped before the roles and places are decided.

>>> m = LinearModel(bias=-1.0, weights={"rule=org": 3.0})
>>> round(m.probability(("rule=org",)), 3), round(m.probability(()), 3)
(0.881, 0.269)
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from ..errors import KgError
from ..model import Extraction
from .affiliations import AffiliationCandidate, affiliation_candidates
from .assemble import Registry, assemble
from .candidates import Candidate, entity_candidates, place_candidates, role_candidates
from .document import Analysis

__all__ = ["LinearModel", "DecisionModels", "ModelError", "load_models", "decide", "keep_entities", "MODEL_PATH", "DECISIONS",
           "ENTITY_DECISIONS"]

MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "extraction.json"
DECISIONS = ("organiser", "participant", "place", "affiliation", "person", "organisation", "place_name")
ENTITY_DECISIONS = {"person": "person", "org": "organisation", "place": "place_name"}
THRESHOLD = 0.5
ORGANISER_THRESHOLD = 0.4  # organisers are rarer than the rest: a lower bar, chosen by leave-one-family-out scores
AFFILIATION_THRESHOLD = 0.4  # likewise for a body the rules did not give a person
ENTITY_THRESHOLD = 0.5  # a proposed name is dropped below this


class ModelError(KgError):
    """The decision model file is missing or not of the expected form."""


@dataclass(frozen=True)
class LinearModel:
    bias: float
    weights: dict[str, float] = field(default_factory=dict)

    def probability(self, features: tuple[str, ...]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@dataclass(frozen=True)
class DecisionModels:
    models: dict[str, LinearModel]
    corpus_sha256: str = ""
    articles: int = 0

    def p(self, decision: str, features: tuple[str, ...]) -> float:
        return self.models[decision].probability(features)


def read_models(path: Path) -> DecisionModels:
    """The models in a JSON file written by `kg train`."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        models = {name: LinearModel(float(m["bias"]), {str(k): float(v) for k, v in m["weights"].items()})
                  for name, m in data["models"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ModelError(f"{path}: not a decision model written by `kg train` ({exc}); run `kg train` again") from exc
    missing = [d for d in DECISIONS if d not in models]
    if missing:
        raise ModelError(f"{path}: no model for {', '.join(missing)}; run `kg train` again")
    return DecisionModels(models, str(data.get("corpus_sha256", "")), int(data.get("articles", 0)))


@lru_cache(maxsize=1)
def load_models() -> DecisionModels:
    """The models shipped with kg (loaded once)."""
    return read_models(MODEL_PATH)


def decide(analysis: Analysis, models: DecisionModels | None) -> Extraction:
    """The article's extraction with each event's organisers, participants and place chosen by
    `models` from the candidates; with None, as the rules gave them."""
    a = analysis
    if models is None:
        return assemble(a.article, a.sentences, a.registry, a.events, a.lexicon)
    a = keep_entities(a, models)
    a = replace(a, registry=_decide_affiliations(affiliation_candidates(a), models, a.registry))
    events = [replace(ev, organisers=[], participants=[], place=None) for ev in a.events]
    _decide_roles(role_candidates(a), models, events)
    _decide_places(place_candidates(a), models, events)
    return assemble(a.article, a.sentences, a.registry, events, a.lexicon, speakers_take_part=False)


def keep_entities(analysis: Analysis, models: DecisionModels) -> Analysis:
    """The analysis without the proposed people, bodies and places the models reject."""
    dropped: dict[str, set[str]] = {"person": set(), "org": set(), "place": set()}
    for c in entity_candidates(analysis):
        if models.p(ENTITY_DECISIONS[c.kind], c.features) < ENTITY_THRESHOLD:
            dropped[c.kind].add(c.key)
    if not any(dropped.values()):
        return analysis
    registry = analysis.registry.without(dropped["person"], dropped["org"], dropped["place"])
    events = [replace(ev, people=[p for p in ev.people if p.key in registry.persons]) for ev in analysis.events]
    return replace(analysis, registry=registry, events=events)


def _decide_roles(candidates: list[Candidate], models: DecisionModels, events) -> None:
    for c in candidates:
        if models.p("organiser", c.features) >= ORGANISER_THRESHOLD:
            events[c.event].organisers.append(c.mention)
        if models.p("participant", c.features) >= THRESHOLD:
            events[c.event].participants.append(c.mention)


def _decide_places(candidates: list[Candidate], models: DecisionModels, events) -> None:
    best: dict[int, tuple[float, Candidate]] = {}
    for c in candidates:
        p = models.p("place", c.features)
        if p >= THRESHOLD and (c.event not in best or p > best[c.event][0]):
            best[c.event] = (p, c)
    for ei, (_, c) in best.items():
        events[ei].place = c.mention


def _decide_affiliations(candidates: list[AffiliationCandidate], models: DecisionModels, registry: Registry) -> Registry:
    accepted: dict[str, dict[str, int]] = {}
    for c in candidates:
        if models.p("affiliation", c.features) >= AFFILIATION_THRESHOLD:
            accepted.setdefault(c.person, {})[c.organisation] = c.sentence
    return registry.with_bodies(accepted)
