"""Trained decisions: the model file is read strictly and applied to candidates."""
import json

import pytest

from kg.extract import analyse_article
from kg.extract.decisions import DecisionModels, LinearModel, ModelError, decide, load_models, read_models

from .test_extract import article


def test_decisions_probability_is_logistic():
    m = LinearModel(bias=0.0, weights={"a": 2.0})
    assert (m.probability(()), round(m.probability(("a",)), 4), round(m.probability(("a", "unknown")), 4)) == \
        (0.5, 0.8808, 0.8808)


def test_decisions_unreadable_file_is_a_model_error(tmp_path):
    path = tmp_path / "m.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="not a decision model written by `kg train`"):
        read_models(path)


def test_decisions_missing_decision_is_named(tmp_path):
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"models": {"organiser": {"bias": 0, "weights": {}}}}), encoding="utf-8")
    with pytest.raises(ModelError, match="no model for participant, place"):
        read_models(path)


def test_decisions_model_takes_the_organiser_and_participants():
    text = ("The Regional Support Office hosted a workshop on victim identification in Bangkok on 4 March 2024. "
            "Officials from Fiji, Nepal and Sri Lanka attended the workshop.")
    x = decide(analyse_article(article(text)), load_models())
    ev = x.events[0]
    assert (sorted(ev.organisers), sorted(ev.participants), ev.place) == \
        (["Regional Support Office of the Bali Process"], ["Fiji", "Nepal", "Sri Lanka"], "Bangkok")


def test_decisions_person_the_model_rejects_is_dropped():
    text = ("Undersecretary Bernard Olalia welcomed the delegates. The itinerary also took in the repurposed "
            "Nasdake Building, which was shown to the delegates.")
    shipped, analysis = load_models(), analyse_article(article(text))

    def people(person_model: LinearModel) -> list[str]:
        return [p.name for p in decide(analysis, DecisionModels({**shipped.models, "person": person_model})).people]

    assert (people(LinearModel(3.0, {})), people(LinearModel(3.0, {"last_class=facility": -10.0}))) == \
        (["Bernard Olalia", "Nasdake Building"], ["Bernard Olalia"])
