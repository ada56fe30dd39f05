"""Affiliation candidates: the (person, body) pairs the rules leave open, on sentences written for the test."""
from kg.extract import analyse_article
from kg.extract.affiliations import affiliation_candidates
from kg.extract.decisions import DecisionModels, LinearModel, decide, load_models

from .test_extract import article


def candidates_of(text: str) -> dict[tuple[str, str], set[str]]:
    return {(c.person, c.organisation): set(c.features) for c in affiliation_candidates(analyse_article(article(text)))}


def test_affiliations_pair_the_rules_gave_is_no_candidate():
    assert candidates_of("Ms Mele Vaka, Director of the Fiji Immigration Department, opened the meeting.") == {}


def test_affiliations_table_row_pairs_the_delegate_with_the_body():
    feats = candidates_of("| Samoa Immigration Service | Samoa | Mr Tavita Leota |")
    assert {k: {"section=table", "gap_has=|", "order=body_before", "nearest_body"} <= f for k, f in feats.items()} == \
        {("tavita leota", "Samoa Immigration Service"): True}


def test_affiliations_body_in_the_next_cell_is_the_rules_pair():
    assert candidates_of("| Samoa | Mr Tavita Leota | Samoa Immigration Service |") == {}


def test_affiliations_bodies_listed_with_and_pair_with_no_one():
    assert candidates_of("Jane Doe, UNODC and IOM spoke at the opening.") == {}


def test_affiliations_people_between_are_a_feature():
    feats = candidates_of("For the Pacific Islands Forum, Ms Ana Vake and Mr Jone Rabuka took part.")
    assert {k: "gap_has=P" in f for k, f in feats.items()} == \
        {("ana vake", "Pacific Islands Forum"): False, ("jone rabuka", "Pacific Islands Forum"): True}


def test_affiliations_accepted_pair_becomes_a_role_without_title():
    analysis = analyse_article(article("For the Samoa Immigration Service, Mr Tavita Leota took part."))
    shipped = load_models()

    def roles(model: LinearModel) -> list:
        x = decide(analysis, DecisionModels({**shipped.models, "affiliation": model}))
        return [(p.name, [(r.title, r.organisation) for r in p.roles]) for p in x.people]

    assert (roles(LinearModel(-5.0, {})), roles(LinearModel(5.0, {}))) == \
        ([("Tavita Leota", [])], [("Tavita Leota", [(None, "Samoa Immigration Service")])])
