import importlib.util
import json
import pytest

from kg.evaluate import CATEGORIES, evaluate_dirs

from .conftest import GOLD, ROOT

SCORER = ROOT.parent / "shared" / "corpus" / "score.py"


def test_evaluate_perfect_prediction_scores_one(tmp_path):
    total, _ = evaluate_dirs(GOLD, GOLD)
    assert total.macro_f1 == 1.0


def test_evaluate_missing_prediction_scores_zero_recall(tmp_path):
    total, per = evaluate_dirs(GOLD, tmp_path)
    assert total.prf("states")[1] == 0.0 and len(per) == len(list(GOLD.glob("*.json")))


@pytest.mark.skipif(not SCORER.exists(), reason="the reference scorer is in ../shared (not in this checkout)")
def test_evaluate_agrees_with_reference_scorer(tmp_path):
    from kg.extract import extract_article
    from kg.sources import read_article
    pred = tmp_path / "pred"
    pred.mkdir()
    for f in sorted((ROOT / "data" / "articles").iterdir()):
        a = read_article(f)
        (pred / f"{a.stem}.json").write_text(json.dumps(extract_article(a).to_gold()), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("score", SCORER)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    ours, _ = evaluate_dirs(GOLD, pred)
    total = {c: [0, 0, 0] for c in CATEGORIES}
    for gf in sorted(GOLD.glob("*.json")):
        counts = score.score_article(json.loads(gf.read_text()), json.loads((pred / gf.name).read_text()))
        for c in CATEGORIES:
            for i in range(3):
                total[c][i] += counts[c][i]
    assert {c: total[c] for c in CATEGORIES} == {c: ours.counts[c] for c in CATEGORIES}


def test_evaluate_lists_missed_and_spurious_event_places_and_dates():
    from kg.evaluate import score_article
    gold = {"places": [{"name": "Suva"}, {"name": "Apia"}],
            "events": [{"name": "Pacific Returns Dialogue", "start": "2024-05-03", "end": "2024-05-03", "place": "Suva"}]}
    pred = {"places": [{"name": "Suva"}, {"name": "Apia"}],
            "events": [{"name": "Pacific Returns Dialogue", "start": "2024-05-03", "end": "2024-05-04", "place": "Apia"}]}
    sc = score_article(gold, pred)
    assert (sc.missed["event_places"], sc.spurious["event_places"], sc.missed["event_dates"],
            sc.spurious["event_dates"]) == (["Pacific Returns Dialogue: Suva"], ["Pacific Returns Dialogue: Apia"],
                                            ["Pacific Returns Dialogue: 2024-05-03..2024-05-03"],
                                            ["Pacific Returns Dialogue: 2024-05-03..2024-05-04"])
