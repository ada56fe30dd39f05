"""One event across articles that date it differently: same place, overlapping dates, similar names."""
from kg.pipeline import ingest
from kg.store import GraphStore

COURSE = "The RSO ran the Regional Border Management by Air course in Jakarta from 3 to 7 June 2024."
SAME = "On 5 June 2024, officials in Jakarta joined the Workshop on Border Management by Air."
OTHER = "On 5 June 2024, experts met in Jakarta for a Roundtable on Illicit Financial Flows."

EVENTS = "SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e a schema:Event } } ORDER BY ?e"


def write(tmp_path, name: str, text: str):
    path = tmp_path / f"{name}.txt"
    path.write_text(f"{name}\n\n{text}\n", encoding="utf-8")
    return path


def events(store: GraphStore) -> list[str]:
    return [row[0].rsplit("/", 1)[1] for row in store.select(EVENTS)[1]]


def test_identity_later_report_with_another_start_joins_the_event_in_one_run(tmp_path):
    store = GraphStore.in_memory()
    ingest([write(tmp_path, "a", COURSE), write(tmp_path, "b", SAME)], store)
    assert events(store) == ["2024-06-03-jakarta"]


def test_identity_later_report_joins_the_stored_event_in_another_run(tmp_path):
    store = GraphStore.in_memory()
    ingest([write(tmp_path, "a", COURSE)], store)
    ingest([write(tmp_path, "b", SAME)], store)
    _, rows = store.select("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a kg:mentions "
                           "<https://w3id.org/baliprocess-kg/event/2024-06-03-jakarta> } }")
    assert (events(store), int(rows[0][0])) == (["2024-06-03-jakarta"], 2)


def test_identity_another_event_at_the_same_place_and_time_stays_apart(tmp_path):
    store = GraphStore.in_memory()
    ingest([write(tmp_path, "a", COURSE), write(tmp_path, "c", OTHER)], store)
    assert events(store) == ["2024-06-03-jakarta", "2024-06-05-jakarta"]


def test_identity_statements_follow_the_event(tmp_path):
    store = GraphStore.in_memory()
    ingest([write(tmp_path, "a", COURSE), write(tmp_path, "b", SAME)], store)
    _, rows = store.select("SELECT DISTINCT ?s WHERE { ?st a rdf:Statement ; rdf:subject ?s }")
    assert [r[0].rsplit("/", 1)[1] for r in rows] == ["2024-06-03-jakarta"]
