"""Optional NER: a real spaCy pipeline (blank English with an entity ruler, saved to disk) proposes names."""
import pytest

from kg.extract import extract_article
from kg.ner import NerError, load_ner
from kg.pipeline import ingest
from kg.store import GraphStore

from .test_extract import article, names

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def pipeline_dir(tmp_path_factory):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "ORG", "pattern": "Kasama Collective"},
        {"label": "PERSON", "pattern": "Ana Kovac"},
        {"label": "GPE", "pattern": "Sihanoukville"},
        {"label": "ORG", "pattern": "the Ministry of Foreign Affairs of Fiji"},
    ])
    path = tmp_path_factory.mktemp("spacy") / "pipeline"
    nlp.to_disk(path)
    return path


def test_ner_adds_an_organisation_the_rules_miss(pipeline_dir):
    text = "Delegates from Kasama Collective attended the workshop in Suva, Fiji on 3 May 2024."
    assert "Kasama Collective" not in names(extract_article(article(text)).organisations)
    x = extract_article(article(text), ner=load_ner(f"spacy:{pipeline_dir}"))
    assert "Kasama Collective" in names(x.organisations)
    assert "Kasama Collective" in x.events[0].participants


def test_ner_adds_a_person_and_a_place(pipeline_dir):
    x = extract_article(article("Ana Kovac joined the training in Sihanoukville, Cambodia on 3 May 2024."),
                        ner=load_ner(f"spacy:{pipeline_dir}"))
    assert "Ana Kovac" in names(x.people)
    assert "Sihanoukville" in names(x.places)


def test_ner_never_duplicates_what_the_rules_found(pipeline_dir):
    text = "The Ministry of Foreign Affairs of Fiji hosted the meeting in Suva, Fiji on 3 May 2024."
    rules = extract_article(article(text))
    merged = extract_article(article(text), ner=load_ner(f"spacy:{pipeline_dir}"))
    assert names(merged.organisations) == names(rules.organisations)


def test_ner_missing_model_is_a_clear_error():
    with pytest.raises(NerError, match="not installed"):
        load_ner("spacy:no_such_model_here")


def test_ner_unknown_engine_is_a_clear_error():
    with pytest.raises(NerError, match="use spacy:MODEL"):
        load_ner("stanza:en")


def test_ner_ingest_with_workers_uses_the_model(pipeline_dir, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: A\ndate: 2024-05-04\n---\n\nDelegates from Kasama Collective attended "
                                 "the workshop in Suva, Fiji on 3 May 2024.\n", encoding="utf-8")
    store = GraphStore.on_disk(tmp_path / "s")
    report = ingest([folder], store, workers=2, ner=f"spacy:{pipeline_dir}")
    assert report.ok
    _, rows = store.select("SELECT ?n WHERE { ?a kg:mentions ?o . ?o a ?class ; rdfs:label ?n }")
    assert ["Kasama Collective"] in rows
