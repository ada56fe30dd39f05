"""Training: the decision models are data, written deterministically from the gold corpus."""
import json

import pytest

from kg.errors import KgError
from kg.extract.decisions import MODEL_PATH, read_models
from kg.train import Examples, TrainSettings, fit_models, train_corpus

from .conftest import ARTICLES, GOLD


def test_train_shipped_model_is_what_kg_train_writes(tmp_path):
    out = tmp_path / "extraction.json"
    train_corpus(GOLD, ARTICLES, out)
    assert out.read_bytes() == MODEL_PATH.read_bytes()


def test_train_records_the_corpus_and_its_features():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    used = {f for m in data["models"].values() for f in m["weights"]}
    assert (data["format"], len(data["corpus_sha256"]), used <= set(data["features"])) == \
        ("kg decision models 1", 64, True)


def _examples(rows):
    ex = Examples()
    for decision in ex.rows:
        ex.rows[decision] = list(rows)
    return ex


def test_train_fit_is_deterministic():
    rows = [(("rule=org", "type=state"), 1), (("rule=none", "type=state"), 0), (("rule=org",), 1),
            (("rule=none",), 0)] * 3
    first, _ = fit_models([_examples(rows)], TrainSettings(min_count=1))
    second, _ = fit_models([_examples(rows)], TrainSettings(min_count=1))
    assert first == second


def test_train_learns_the_cue_that_separates_labels():
    rows = [(("rule=org",), 1), (("rule=none",), 0)] * 5
    models, _ = fit_models([_examples(rows)], TrainSettings(min_count=1))
    assert (models.p("organiser", ("rule=org",)) > 0.5, models.p("organiser", ("rule=none",)) < 0.5) == (True, True)


def test_train_one_kind_of_label_is_an_error():
    with pytest.raises(KgError, match="only one kind of labelled candidate"):
        fit_models([_examples([(("rule=org",), 1)] * 4)], TrainSettings(min_count=1))


def test_train_written_models_read_back(tmp_path):
    out = tmp_path / "m.json"
    train_corpus(GOLD, ARTICLES, out)
    assert read_models(out) == read_models(MODEL_PATH)
