"""Role and place candidates: what the parse says of each actor, on sentences written for the test."""
from kg.extract import analyse_article
from kg.extract.candidates import entity_candidates, place_candidates, role_candidates

from .test_extract import article


def features_of(text: str) -> dict[str, set[str]]:
    return {c.key: set(c.features) for c in role_candidates(analyse_article(article(text)))}


def test_candidates_negation_marks_each_listed_state():
    feats = features_of("Thailand and the United Arab Emirates could not attend the meeting in Bangkok "
                        "on 4 March 2024, which Fiji hosted.")
    assert {k: {"negated", "in_list"} <= f for k, f in feats.items()} == {"THA": True, "ARE": True, "FJI": False}


def test_candidates_passive_agent_of_an_organising_verb():
    feats = features_of("The workshop on border management was co-hosted by Australia and Indonesia in Bali "
                        "on 5 May 2023.")
    assert {k: "verb=organise|pobj:by|passive" in f for k, f in feats.items()} == {"AUS": True, "IDN": True}


def test_candidates_every_place_is_a_candidate_of_every_event():
    a = analyse_article(article("Delegates met in Colombo on 2 June 2022 for a workshop on trafficking. "
                                "Last year a similar workshop took place in Suva on 3 June 2021."))
    assert sorted((c.event, c.key) for c in place_candidates(a)) == \
        [(0, "place:colombo"), (0, "place:suva"), (1, "place:colombo"), (1, "place:suva")]


def test_candidates_role_noun_heading_a_list_and_words_beside_it_are_features():
    feats = features_of("I thank the Co-Chairs, Indonesia and Australia, for convening the conference in Bali "
                        "on 2 March 2009.")
    assert {k: {"list_head=organiser_noun", "right=organise"} <= f for k, f in feats.items()} == \
        {"IDN": True, "AUS": True}


def test_candidates_proposed_name_ending_in_a_facility_word_says_so():
    a = analyse_article(article("Undersecretary Bernard Olalia welcomed the delegates. The itinerary also took in "
                                "the repurposed Nasdake Building, which was shown to the delegates."))
    feats = {a.registry.persons[c.key].name: set(c.features) for c in entity_candidates(a) if c.kind == "person"}
    assert {name: "last_class=facility" in f for name, f in feats.items()} == \
        {"Nasdake Building": True, "Bernard Olalia": False}


def test_candidates_relative_clause_on_the_person_a_state_names_is_a_feature():
    feats = features_of("Fijian Foreign Minister Sam Vula, who co-chaired the conference with his Samoan counterpart, "
                        "said the meeting in Suva on 3 May 2024 had gone well.")
    assert {k: "clause=organise" in f for k, f in feats.items()} == {"FJI": True, "WSM": False}



def test_candidates_what_an_organising_verb_acts_on_is_a_feature():
    feats = features_of("Fiji and Samoa chaired the working group, and Tonga hosted the workshop in Suva on 3 May 2024.")
    assert {k: {f for f in v if "|theme=" in f and f.startswith("verb=organise")} for k, v in feats.items()} == \
        {"FJI": {"verb=organise|theme=other_noun"}, "WSM": {"verb=organise|theme=other_noun"},
         "TON": {"verb=organise|theme=event_noun"}}
