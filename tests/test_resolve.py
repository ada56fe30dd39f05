from kg.model import Article, Event, Extraction
from kg.resolve import event_keys


def extraction(*events: Event) -> Extraction:
    article = Article("a.txt", "a", "txt", "T", "2024-06-10", None, None, "text", "0" * 64)
    return Extraction(article, (), (), (), (), events)


def test_resolve_one_event_whatever_kind_an_article_calls_it():
    course = event_keys(extraction(Event("Border Management by Air course", "training", "2024-06-03", "2024-06-07",
                                         "Jakarta")))
    workshop = event_keys(extraction(Event("Workshop on Border Management", "workshop", "2024-06-03", "2024-06-07",
                                           "Jakarta")))
    assert course == workshop == ["2024-06-03-jakarta"]


def test_resolve_events_of_one_article_on_one_day_and_place_stay_apart():
    keys = event_keys(extraction(Event("19th Steering Group Meeting", "meeting", "2025-05-20", None, "Bangkok"),
                                 Event("18th Senior Officials' Meeting", "meeting", "2025-05-20", None, "Bangkok")))
    assert keys == ["2025-05-20-bangkok", "2025-05-20-bangkok-2"]
