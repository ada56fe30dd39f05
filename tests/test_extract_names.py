"""People named without an honorific, title or speech verb: statistical proposals kept by
the lexicon and by the article's usage (sentences written for the test)."""
import pytest

from kg.extract import extract_article
from kg.model import Article


def article(text: str) -> Article:
    return Article("names.txt", "names", "txt", "Names", "2024-05-10", None, "Event", text, "n" * 64)


@pytest.mark.parametrize("text, expected", [
    ("The session on screening was attended by Jane Smith and Ahmad Karim.", {"Jane Smith", "Ahmad Karim"}),
    ("Fuad Adriansyah (Indonesia) briefed the meeting on the work plan.", {"Fuad Adriansyah"}),
    ("A practical module on open-source intelligence was run by Lynn Dudenhöfer.", {"Lynn Dudenhöfer"}),
    ("Salman Alfarisi formally opened the workshop in Bali.", {"Salman Alfarisi"}),
])
def test_extract_names_without_honorific_are_people(text, expected):
    assert {p.name for p in extract_article(article(text)).people} == expected


def test_extract_names_title_after_dash_attaches():
    x = extract_article(article("Bill Laidlaw, Programme Coordinator at the RSO, welcomed the guests."))
    assert [(p.name, [(r.title, r.organisation) for r in p.roles]) for p in x.people] == [
        ("Bill Laidlaw", [("Programme Coordinator", "Regional Support Office of the Bali Process")])]


def test_extract_names_words_used_in_lower_case_are_no_name():
    text = ("Delegates discussed Migrant Smuggling and Forced Criminality at length. "
            "Migrant smuggling and forced criminality remain priorities for the region.")
    assert extract_article(article(text)).people == ()


@pytest.mark.parametrize("text", [
    "The Co-Chairs welcomed progress in three areas: Law Enforcement, Victim Support and Border Management.",
    "Officials from Thailand reviewed Regional Engagement and Stakeholder Partnership under the plan.",
    "The workshop closed with a session on Capacity Development led by the RSO.",
])
def test_extract_names_abstract_nouns_are_no_name(text):
    assert extract_article(article(text)).people == ()


@pytest.mark.parametrize("text", [
    "Jane Doe (UNODC) described the new screening guide.",
    "Delegates then heard from Jane Doe of UNODC on screening.",
    "Jane Doe, UNODC, noted that screening had improved.",
])
def test_extract_names_body_bound_to_a_proposed_name_is_her_affiliation(text):
    x = extract_article(article(text))
    assert [(p.name, [(r.title, r.organisation) for r in p.roles]) for p in x.people] == [
        ("Jane Doe", [(None, "United Nations Office on Drugs and Crime")])]


def test_extract_names_body_listed_after_a_proposed_name_is_no_affiliation():
    x = extract_article(article("Jane Doe, UNODC and IOM spoke at the opening."))
    assert [(p.name, p.roles) for p in x.people] == [("Jane Doe", ())]


@pytest.mark.parametrize("text", [
    "Officials flew to Tanjung Benoa, Bali for the talks.",
    "Correspondent, Sanur Kaja, Bali | Ministers met today.",
])
def test_extract_names_name_followed_by_its_place_is_no_person(text):
    assert extract_article(article(text)).people == ()


def test_extract_names_rules_alone_when_asked():
    x = extract_article(article("The session was attended by Jane Smith and Ahmad Karim."), names=None)
    assert x.people == ()


def roles(text: str) -> dict[str, list[tuple[str | None, str | None]]]:
    return {p.name: [(r.title, r.organisation) for r in p.roles] for p in extract_article(article(text)).people}


def test_extract_names_plural_title_after_a_list_of_people():
    text = ("Mr. Tom Brown (Fiji) and Ms. Anna Lee (Samoa), the two Co-Managers of the Regional Support Office, "
            "welcomed the delegates.")
    office = "Regional Support Office of the Bali Process"
    assert roles(text) == {"Tom Brown": [("Co-Manager", office)], "Anna Lee": [("Co-Manager", office)]}


def test_extract_names_possessive_plural_title_before_a_list_of_people():
    text = "The RSO's two Co-Managers, Mr. Tom Brown and Ms. Anna Lee, welcomed the delegates."
    office = "Regional Support Office of the Bali Process"
    assert roles(text) == {"Tom Brown": [("Co-Manager", office)], "Anna Lee": [("Co-Manager", office)]}


def test_extract_names_relative_clauses_give_a_role_at_each_body():
    text = ("Dr. Ana Lee, who founded and chairs the Pacific Screening Network and who also co-founded the "
            "Island Safety Foundation, spoke on 3 May 2024.")
    assert roles(text) == {"Ana Lee": [("Founder and Chair", "Pacific Screening Network"),
                                       ("Co-Founder", "Island Safety Foundation")]}


@pytest.mark.parametrize("text, expected", [
    ("Indonesian Foreign Minister Retno L.P. Marsudi closed the session.", "Retno L.P. Marsudi"),
    ("Sri Lanka's delegate M. G. V. Kariyawasam spoke on returns.", "M. G. V. Kariyawasam"),
    ("Undersecretary Ma. Hellen B. De La Vega welcomed the guests.", "Ma. Hellen B. De La Vega"),
    ("The Honourable YB Dato' Lee Chee Leong declared the workshop open.", "Lee Chee Leong"),
])
def test_extract_names_initials_short_given_names_and_particles_stay_in_the_name(text, expected):
    assert [p.name for p in extract_article(article(text)).people] == [expected]


def test_extract_names_town_word_after_a_title_is_part_of_the_name():
    x = extract_article(article("Senior Minister of State Sim Ann spoke for Singapore."))
    assert ([p.name for p in x.people], [p.name for p in x.places]) == (["Sim Ann"], [])


@pytest.mark.parametrize("text, expected", [
    ("Remarks by Filippo Grandi, United Nations High Commissioner for Refugees, to the Pacific Returns Dialogue in "
     "Suva on 3 May 2024.", ["Filippo Grandi"]),  # a speaker beside a body, not one of a list of bodies
    ("Ms Ana Vake opened the Pacific Returns Dialogue in Suva on 3 May 2024.\n\nShare this page | Print Related: "
     "Pacific border news", ["Ana Vake"]),  # page furniture names no one
])
def test_extract_names_people_of_a_page(text, expected):
    assert [p.name for p in extract_article(article(text)).people] == expected
