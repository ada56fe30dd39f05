"""Document-level frames and roles by word class, each on phrasings written for the test
(none of them used to write the rules)."""
import pytest

from kg.extract import analyse_article, extract_article
from kg.extract.decisions import decide
from kg.model import Article

OPENING = "The RSO convened a regional workshop on border screening in Suva on 3 May 2024."


def article(text: str, header_date: str | None = None, header_place: str | None = None,
            title: str = "Border screening") -> Article:
    return Article("frame.txt", "frame", "txt", title, "2024-05-10", None, "Event", text, "f" * 64,
                   header_date=header_date, header_place=header_place)


def participants(text: str) -> set[str]:
    events = extract_article(article(text)).events
    return set(events[0].participants) if events else set()


@pytest.mark.parametrize("sentence", [
    "Joining the talks were Fiji, Samoa and Tonga.",
    "Those present represented Fiji, Samoa and Tonga.",
    "Delegates came from Fiji, Samoa and Tonga.",
    "Fiji, Samoa and Tonga were all in attendance.",
    "The participating delegations were those of Fiji, Samoa and Tonga.",
])
def test_extract_frame_attendance_list_takes_part(sentence):
    assert participants(f"{OPENING} {sentence}") >= {"Fiji", "Samoa", "Tonga"}


@pytest.mark.parametrize("sentence", [
    "Fiji, Samoa and Tonga signed a memorandum last year.",
    "Trade between Fiji, Samoa and Tonga has grown.",
])
def test_extract_frame_list_without_attendance_takes_no_part(sentence):
    assert participants(f"{OPENING} {sentence}") & {"Fiji", "Samoa", "Tonga"} == set()


def test_extract_frame_header_date_dates_the_event_the_body_names():
    x = extract_article(article("Officials met for the Third Regional Screening Workshop. Fiji and Samoa took part.",
                                header_date="12-14 June 2024", header_place="Suva, Fiji"))
    assert [(e.name, e.start, e.end) for e in x.events] == [("Third Regional Screening Workshop",
                                                             "2024-06-12", "2024-06-14")]


def test_extract_frame_header_place_is_the_place_of_the_event():
    x = extract_article(article("Officials gathered in Lautoka for a screening workshop led by the RSO.",
                                header_date="12 June 2024", header_place="Lautoka, Fiji"))
    assert [(e.place, p.country) for e in x.events for p in x.places] == [("Lautoka", "Fiji")]


def test_extract_frame_header_date_without_named_event_takes_the_title():
    x = extract_article(article("Officials gathered to compare notes on border screening.",
                                header_date="12 June 2024", title="Pacific screening workshop"))
    assert [(e.name, e.kind, e.start) for e in x.events] == [("Pacific screening workshop", "workshop", "2024-06-12")]


def test_extract_frame_dateline_places_the_event():
    x = extract_article(article("Lautoka, Fiji — A screening workshop led by the RSO opened on 12 June 2024."))
    assert [e.place for e in x.events] == ["Lautoka"]


def organisers(text: str) -> set[str]:
    events = extract_article(article(text)).events
    return set(events[0].organisers) if events else set()


def proposed_organisers(text: str) -> set[str]:
    """The organisers the rules propose, before the trained decision weighs them."""
    events = decide(analyse_article(article(text)), None).events
    return set(events[0].organisers) if events else set()


RSO = "Regional Support Office of the Bali Process"
UNODC = "United Nations Office on Drugs and Crime"


@pytest.mark.parametrize("text", [
    "A border screening workshop was put together by the RSO and UNODC in Suva on 3 May 2024.",
    "The RSO and UNODC co-convened a border screening workshop in Suva on 3 May 2024.",
    "A border screening workshop, staged by the RSO and UNODC, ran in Suva on 3 May 2024.",
    "The RSO and UNODC were co-hosts of a border screening workshop in Suva on 3 May 2024.",
    "A border screening workshop ran in Suva on 3 May 2024; the co-organisers were the RSO and UNODC.",
    "The RSO and UNODC spearheaded a border screening workshop in Suva on 3 May 2024.",
])
def test_extract_frame_organiser_verb_class_in_any_form(text):
    assert organisers(text) == {RSO, UNODC}


def test_extract_frame_standing_role_in_present_organises_nothing():
    text = ("A border screening workshop ran in Suva on 3 May 2024. "
            "Indonesia co-chairs the Bali Process and the RSO holds such events each year.")
    assert organisers(text) == set()


def test_extract_frame_two_proper_names_joined_are_two_events():
    x = extract_article(article("On 3 May 2024 the RSO convened a Regional Screening Webinar (the Webinar) "
                                "and the Fifth Pacific Border Dialogue in Suva."))
    assert [(e.name, e.kind, e.start) for e in x.events] == [("Regional Screening Webinar", "webinar", "2024-05-03"),
                                                            ("Fifth Pacific Border Dialogue", "dialogue", "2024-05-03")]


def test_extract_frame_second_name_of_one_event_is_no_event():
    x = extract_article(article("On 3 May 2024 the RSO convened the Pacific Border Dialogue, held in Suva "
                                "and known as the Suva Dialogue."))
    assert [e.name for e in x.events] == ["Pacific Border Dialogue"]


def test_extract_frame_events_named_together_share_the_sentences_after():
    x = extract_article(article("On 3 May 2024 the RSO held the First Screening Workshop and the Second Border "
                                "Dialogue in Suva. Delegates came from Fiji, Samoa and Tonga."))
    assert [set(e.participants) >= {"Fiji", "Samoa", "Tonga"} for e in x.events] == [True, True]


def test_extract_frame_aside_between_subject_and_verb():
    text = ("The RSO and UNODC — UNODC being the lead agency on smuggling — came together to convene "
            "a border screening workshop in Suva on 3 May 2024.")
    assert organisers(text) == {RSO, UNODC}


def test_extract_frame_weekday_and_until_give_the_span():
    x = extract_article(Article("w.txt", "w", "txt", "Course", "2024-08-14", None, None,
                                "Officers from Fiji and Samoa began a course on screening in Suva on Monday. "
                                "The course, which runs until 16 August, is led by the RSO.", "w" * 64))
    assert [(e.start, e.end) for e in x.events] == [("2024-08-12", "2024-08-16")]


def test_extract_frame_dateline_date_is_no_event_and_people_noun_opens_the_text():
    x = extract_article(Article("d.txt", "d", "txt", "Course", "2024-08-14", None, None,
                                "SUVA, 14 August 2024 (Pacific Wire) - Investigators from Fiji, Samoa and Tonga "
                                "met for a screening course on Monday.", "d" * 64))
    assert [(e.start, set(e.participants)) for e in x.events] == [("2024-08-12", {"Fiji", "Samoa", "Tonga"})]


def test_extract_frame_venue_is_a_place_not_an_organisation():
    x = extract_article(article("Ministers met at the Grand Pacific Hotel in Suva on 3 May 2024 for a dialogue."))
    assert ({p.name for p in x.places}, {o.name for o in x.organisations}) == ({"Grand Pacific Hotel", "Suva"}, set())


def test_extract_frame_title_before_in_state_is_no_place():
    x = extract_article(article("Ana Lee, IOM Chief of Mission in Fiji, opened a dialogue in Suva on 3 May 2024."))
    assert {p.name for p in x.places} == {"Suva"}


def test_extract_frame_table_of_delegations_takes_part():
    text = ("The RSO convened a border screening workshop in Suva on 3 May 2024.\n\n| Delegation | Agency |\n\n"
            "|---|---|\n\n| Fiji | Immigration Department |\n\n| Samoa | Ministry of Police |")
    assert participants(text) >= {"Fiji", "Samoa"}


def test_extract_frame_time_between_subject_and_verb():
    assert organisers("The RSO and UNODC on Tuesday led a border screening workshop in Suva on 3 May 2024.") == \
        {RSO, UNODC}


def test_extract_frame_undated_report_names_its_activity():
    x = extract_article(Article("u.txt", "u", "txt", "Regional talks on smuggling", None, None, None,
                                "Fiji and Samoa on Tuesday led a regional workshop on maritime smuggling in Suva.",
                                "u" * 64))
    assert [(e.name, e.kind, e.start, set(e.organisers)) for e in x.events] == [
        ("Workshop on maritime smuggling", "workshop", None, {"Fiji", "Samoa"})]


@pytest.mark.parametrize("title, expected", [
    ("RSO runs border screening workshop in Suva", {RSO}),
    ("RSO and UNODC stage screening workshop", {RSO, UNODC}),
    ("UNODC co-hosts a workshop on border screening", {UNODC}),
])
def test_extract_frame_headline_subject_organises(title, expected):
    x = extract_article(article("Officers from Fiji and Samoa attended a border screening workshop in Suva on "
                                "3 May 2024. Material from the RSO and UNODC was used.", title=title))
    assert set(x.events[0].organisers) == expected


def test_extract_frame_hyphenated_led_in_headline_organises_nothing():
    x = extract_article(article("Officials met at a screening workshop in Suva on 3 May 2024 with UNODC.",
                                title="RSO-led panel at screening workshop"))
    assert x.events[0].organisers == ()


def test_extract_frame_output_is_the_same_whatever_the_hash_seed(tmp_path):
    import os
    import subprocess
    import sys
    from .conftest import ARTICLES
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        subprocess.run([sys.executable, "-m", "kg", "extract", str(ARTICLES), "--format", "json", "--out", str(out)],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append({p.name: p.read_text() for p in sorted(out.glob("*.json"))})
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("sentence", [
    "The RSO and UNODC, in their capacity as co-hosts, opened the session.",
    "The RSO and UNODC, acting as Co-Chairs of the meeting, opened the session.",
    "The RSO and UNODC, as the workshop's Co-Organisers, opened the session.",
])
def test_extract_frame_role_apposition_organises(sentence):
    assert organisers(f"A border screening workshop ran in Suva on 3 May 2024. {sentence}") == {RSO, UNODC}


def test_extract_frame_standing_role_apposition_organises_nothing():
    text = ("A border screening workshop ran in Suva on 3 May 2024. "
            "UNODC, as Co-Chair of the Pacific Screening Network, opened the session.")
    assert organisers(text) == set()


def test_extract_frame_place_line_wins_over_places_the_body_names():
    x = extract_article(article("Investigators met for a four-day workshop in Lautoka that followed earlier "
                                "workshops in Suva and Apia.", header_date="12-15 June 2024", header_place="Lautoka, Fiji"))
    assert [(e.start, e.place) for e in x.events] == [("2024-06-12", "Lautoka")]


@pytest.mark.parametrize("sentence", ["Suva, Fiji, hosted a border screening workshop on 3 May 2024.",
                                      "Suva was the venue of a border screening workshop on 3 May 2024."])
def test_extract_frame_place_that_hosts_is_the_event_place(sentence):
    assert [e.place for e in extract_article(article(sentence)).events] == ["Suva"]


IOM = "International Organization for Migration"
AHG = "Bali Process Ad Hoc Group"


@pytest.mark.parametrize("sentence", [
    "Members of the Steering Group and the Ad Hoc Group came together in Suva on 3 May 2024 for a workshop.",
    "On 3 May 2024 the members of the Ad Hoc Group and of the Steering Group met in Suva for a workshop.",
    "A workshop in Suva on 3 May 2024 brought together members of the Steering Group and the Ad Hoc Group.",
])
def test_extract_frame_members_of_a_body_are_not_the_body(sentence):
    assert participants(sentence) == set()


@pytest.mark.parametrize("text", [
    "A border screening workshop in Suva on 3 May 2024 was put on by two agencies: IOM and UNODC.",
    "A border screening workshop was hosted in Suva on 3 May 2024 by two organisations, IOM and UNODC.",
    "On 3 May 2024 a border screening workshop in Suva was convened by several partners: IOM and UNODC.",
])
def test_extract_frame_counted_group_before_the_organisers(text):
    assert organisers(text) == {IOM, UNODC}


@pytest.mark.parametrize("sentence", [
    "Presenters from IOM and UNODC covered document fraud.",
    "Facilitators from IOM and UNODC guided the group work.",
    "Moderators from IOM and UNODC kept the panels to time.",
])
def test_extract_frame_people_noun_from_bodies_takes_part(sentence):
    assert participants(f"{OPENING} {sentence}") >= {IOM, UNODC}


@pytest.mark.parametrize("sentence", [
    "The private sector was represented by IOM and UNODC.",
    "The United Nations were represented by IOM and UNODC.",
    "Civil society is represented by IOM and UNODC.",
])
def test_extract_frame_represented_by_takes_part(sentence):
    assert participants(f"{OPENING} {sentence}") >= {IOM, UNODC}


LINKED = ("On 3-4 May 2024 officials met in Suva for two linked meetings: the Fifth Screening Workshop and the "
          "Second Border Dialogue. The Fifth Screening Workshop came first, with Fiji attending. The Second Border "
          "Dialogue followed, with Samoa attending. ")


@pytest.mark.parametrize("sentence", [
    "Both meetings were co-chaired by Australia and Indonesia.",
    "Across the two days, Australia and Indonesia acted as co-chairs.",
    "The two meetings were hosted by Australia and Indonesia.",
])
def test_extract_frame_reference_to_both_events_returns_to_both(sentence):
    x = extract_article(article(LINKED + sentence))
    assert [set(e.organisers) for e in x.events] == [{"Australia", "Indonesia"}] * 2


@pytest.mark.parametrize("sentence", [
    "On the second day, Fiji and Samoa co-hosted a border dialogue.",
    "Day two saw Fiji and Samoa co-host a border dialogue.",
    "The second day of the week brought a border dialogue co-hosted by Fiji and Samoa.",
])
def test_extract_frame_nth_day_counts_from_the_frame_start(sentence):
    x = extract_article(article("The Fifth Screening Workshop opened the week. " + sentence,
                                header_date="3-7 May 2024", header_place="Suva, Fiji"))
    assert [(e.start, set(e.organisers)) for e in x.events if e.start == "2024-05-04"] == \
        [("2024-05-04", {"Fiji", "Samoa"})]


def test_extract_frame_words_of_an_organisation_name_do_not_switch_the_event():
    x = extract_article(article(
        "The RSO convened a border screening workshop in Suva on 3 May 2024. Fiji took part. "
        "The Asia Dialogue on Forced Migration also attended. Members agreed a statement for the "
        "Pacific Consultation on Safe Migration, held in Apia on 6 June 2024."))
    assert [("Asia Dialogue on Forced Migration" in e.participants) for e in x.events] == [True, False]


HOME_AFFAIRS = "Department of Home Affairs"


@pytest.mark.parametrize("text", [
    "The RSO and Australia's Department of Home Affairs were co-hosts of a workshop in Suva on 3 May 2024.",
    "On 3 May 2024 the RSO and Australia's Department of Home Affairs co-hosted a workshop in Suva.",
    "A workshop in Suva on 3 May 2024 was organised by Australia's Department of Home Affairs and the RSO.",
])
def test_extract_frame_possessive_state_inside_a_list_of_organisers(text):
    assert organisers(text) == {RSO, HOME_AFFAIRS}


def test_extract_frame_bare_head_of_a_new_name_refers_to_no_other_body():
    x = extract_article(article(
        "The RSO convened a border screening workshop in Suva on 3 May 2024. Industry was represented by "
        "the Pacific Screening Group. The Working Group's Eighth Annual Meeting followed on 4 May 2024."))
    assert [(e.organisers, e.participants) for e in x.events] == [((RSO,), ("Pacific Screening Group",)), ((), ())]


@pytest.mark.parametrize("text", [
    "The RSO opened a workshop in Suva on 3 May 2024, which was chaired by Fiji and Samoa.",
    "A workshop, which was co-hosted by Fiji and Samoa, took place in Suva on 3 May 2024.",
    "Officials met in Suva on 3 May 2024 for a workshop that was convened by Fiji and Samoa.",
])
def test_extract_frame_relative_passive_names_the_event_organisers(text):
    assert organisers(text) == {"Fiji", "Samoa"}


@pytest.mark.parametrize("sentence, names", [
    ("Delegates came from IOM, Harbour Watch and Fiji.", {"Harbour Watch"}),
    ("Industry was represented by Lumen Pay and Meridian Freight, and IOM also attended.",
     {"Lumen Pay", "Meridian Freight"}),
    ("Presenters from UNODC, the Coral Rights Network (CRN) and Samoa took up the agenda.", {"Coral Rights Network"}),
])
def test_extract_frame_unknown_name_listed_beside_known_actors_is_an_organisation(sentence, names):
    # the candidates the rules make; whether the trained models keep a name seen once is measured by `kg eval --cv`
    x = extract_article(article(f"{OPENING} {sentence}"), models=None)
    assert ({o.name for o in x.organisations} & names, set(x.events[0].participants) & names) == (names, names)


@pytest.mark.parametrize("sentence", [
    "Jane Smith and Fiji's delegates spoke on the first day.",
    "Officials met in Suva, Nadi and Lautoka with IOM.",
    "The Workshop on Screening and the RSO Border Forum followed in June.",
    "On Monday and Tuesday, IOM and UNODC led the sessions.",
])
def test_extract_frame_listed_names_that_are_no_bodies_stay_out(sentence):
    x = extract_article(article(f"{OPENING} {sentence}"))
    assert {o.name for o in x.organisations} <= {RSO, IOM, UNODC}


@pytest.mark.parametrize("text", [
    "Fiji's Minister for Foreign Affairs, the Hon Jane Lee, and Samoa's Minister for Justice, Dr Tom Faleolo, "
    "co-chaired a border screening workshop in Suva on 3 May 2024.",
    "A border screening workshop in Suva on 3 May 2024 was co-chaired by Fiji's Permanent Secretary, Mr Jone Vatu, "
    "and Samoa's Attorney-General, Ms Ana Tuala.",
    "Chairing the border screening workshop in Suva on 3 May 2024 were Ms Jane Lee, Fiji's Permanent Secretary for "
    "Justice, and Mr Tom Faleolo, Samoa's Attorney-General.",
])
def test_extract_frame_co_chairs_given_as_people_count_through_their_possessive_state(text):
    assert organisers(text) == {"Fiji", "Samoa"}


@pytest.mark.parametrize("sentence, name", [
    ("The workshop ran with funding from Coral Trust Fund.", "Coral Trust Fund"),
    ("The sessions were supported by Harbour Watch.", "Harbour Watch"),
    ("It was held in partnership with Lumen Pay.", "Lumen Pay"),
])
def test_extract_frame_unknown_name_after_a_role_cue_is_an_organisation(sentence, name):
    x = extract_article(article(f"{OPENING} {sentence}"))
    assert name in {o.name for o in x.organisations}


@pytest.mark.parametrize("sentence, body", [
    ("Tom Reyes, founder of the logistics company Meridian Freight, spoke for the private sector.", "Meridian Freight"),
    ("Ana Lima, who heads the charity Harbour Watch, opened the session.", "Harbour Watch"),
    ("The media group Lumen Pay sent Ms Rita Oh, its chief executive.", "Lumen Pay"),
])
def test_extract_frame_name_after_a_kind_of_body_is_an_organisation(sentence, body):
    x = extract_article(article(f"{OPENING} {sentence}"))
    assert body in {o.name for o in x.organisations}


WG_TIP = "Bali Process Working Group on Trafficking in Persons"


@pytest.mark.parametrize("text, expected", [
    ("Delegates from Fiji and Samoa met in Suva on 4 June 2024 for the Annual Meeting of the Working Group on "
     "Trafficking in Persons.", {WG_TIP}),
    ("On 12 March 2024 officials gathered in Bangkok for the first Regional Workshop of the RSO.", {RSO}),
    ("The Border Forum of the Bali Process Regional Support Office took place in Bangkok on 5 March 2024.", {RSO}),
])
def test_extract_frame_body_owning_the_event_is_proposed_as_organiser(text, expected):
    assert proposed_organisers(text) == expected


def test_extract_frame_body_owning_the_event_yields_to_a_named_host():
    assert organisers("Indonesia hosted the Annual Meeting of the Working Group on Trafficking in Persons in Bali "
                      "on 5 May 2024.") == {"Indonesia"}


@pytest.mark.parametrize("text", [
    "The RSO ran a course in Bangkok on 3 June 2024. UNODC and IOM provided expert input throughout.",
    "The RSO ran a course in Bangkok on 3 June 2024. UNODC and IOM offered practical insights on screening.",
    "The RSO ran a course in Bangkok on 3 June 2024, where UNODC and IOM gave presentations on screening.",
])
def test_extract_frame_light_verb_of_contribution_takes_part(text):
    assert participants(text) == {UNODC, "International Organization for Migration"}


def test_extract_frame_known_acronym_names_the_body_behind_a_variant_name():
    x = extract_article(article("Experts of the United Nations Refugees Agency (UNHCR) spoke in Bangkok on 3 June 2024."))
    assert [o.name for o in x.organisations] == ["Office of the United Nations High Commissioner for Refugees"]


@pytest.mark.parametrize("text, place", [
    ("Fiji and Samoa co-chaired a regional dialogue on 4 June 2024, Apia, Samoa, on border management.", "Apia"),
    ("Officials met on 12 March 2024, Bangkok, to review the plan.", "Bangkok"),
    ("The workshop opened on 2nd October 2023, Colombo, Sri Lanka, with forty officers.", "Colombo"),
])
def test_extract_frame_place_right_after_the_date_is_the_events(text, place):
    assert extract_article(article(text)).events[0].place == place


@pytest.mark.parametrize("text, expected", [
    ("The conference was held in Bali on 3 May 2024. Indonesian Foreign Minister Ann Loe and Australian Foreign "
     "Minister Jane Roe co-chaired the conference.", {"Indonesia", "Australia"}),
    ("The forum was held in Perth on 3 May 2024. Australia's Foreign Minister Jane Roe chaired the forum with "
     "Ann Loe, Thailand's Foreign Minister.", {"Australia", "Thailand"}),
    ("The conference was held in Bali on 3 May 2024. Jane Roe co-chaired the conference with Indonesian foreign "
     "minister Ann Loe.", {"Indonesia"}),
])
def test_extract_frame_co_chairs_given_as_people_count_through_the_state_before_their_title(text, expected):
    assert organisers(text) == expected


@pytest.mark.parametrize("text, organiser, supporter", [
    ("The RSO, with support from the Government of Canada, delivered a course in Colombo on 3 June 2024.",
     RSO, "Canada"),
    ("UNODC, funded by Japan, ran a workshop in Dili on 3 June 2024.", UNODC, "Japan"),
    ("IOM, supported by UNHCR, hosted a dialogue in Manila on 3 June 2024.",
     "International Organization for Migration", "Office of the United Nations High Commissioner for Refugees"),
])
def test_extract_frame_supporter_set_off_by_commas_leaves_the_subject_organising(text, organiser, supporter):
    event = extract_article(article(text)).events[0]
    assert (event.organisers, event.participants) == ((organiser,), (supporter,))


@pytest.mark.parametrize("text, expected", [
    ("The Technical Experts Group met online on 3 June 2024 under the chairmanship of Sri Lanka.", {"Sri Lanka"}),
    ("Under the leadership of New Zealand and Viet Nam, the group held its meeting in Hanoi on 3 June 2024.",
     {"New Zealand", "Viet Nam"}),
    ("The course, which ran in Dhaka on 3 June 2024, was a joint effort of the RSO and UNODC.", {RSO, UNODC}),
])
def test_extract_frame_noun_phrase_of_leadership_organises(text, expected):
    assert organisers(text) == expected


@pytest.mark.parametrize("text", [
    "Thailand hosted the forum in Bangkok on 3 June 2024, with Malaysia and Indonesia among the delegations.",
    "Thailand hosted the forum in Bangkok on 3 June 2024 with Malaysia and Indonesia as observers.",
    "Thailand hosted the forum in Bangkok on 3 June 2024, with Malaysia and Indonesia among the participants.",
])
def test_extract_frame_with_list_of_attendees_takes_part_not_organises(text):
    event = extract_article(article(text)).events[0]
    assert (event.organisers, set(event.participants)) == (("Thailand",), {"Malaysia", "Indonesia"})


@pytest.mark.parametrize("text, place", [
    ("The RSO convened a roundtable at the Shangri-La Hotel, Bangkok, from 3 to 4 June 2024.", "Bangkok"),
    ("The RSO ran a workshop at the Novotel Hotel, Suva, on 3 June 2024.", "Suva"),
    ("Held in the Fijian capital, Suva, on 3-4 June 2024, the workshop was organised by the RSO.", "Suva"),
])
def test_extract_frame_place_after_a_venue_or_a_capital_is_the_events(text, place):
    assert extract_article(article(text)).events[0].place == place
