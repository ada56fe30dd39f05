"""Date and place lines and datelines, in layouts the readers meet."""
import pytest

from kg.layout import Frame, read_dateline, read_frame_line, read_header_lines


@pytest.mark.parametrize("line, frame", [
    ("Location: Perth Date: 24 - 25 August 2017", Frame("24 - 25 August 2017", "Perth")),
    ("Venue: Hotel Borobudur, Jakarta", Frame(None, "Hotel Borobudur, Jakarta")),
    ("When: 3 March 2019 | Where: Suva, Fiji", Frame("3 March 2019", "Suva, Fiji")),
    ("Event date: 12 October 2022", Frame("12 October 2022", None)),
    ("20-21 May 2025 • Bangkok, Thailand", Frame("20-21 May 2025", "Bangkok, Thailand")),
    ("29 – 30 September 2025 • Bangkok, Thailand", Frame("29 – 30 September 2025", "Bangkok, Thailand")),
    ("Colombo, Sri Lanka | 13 February 2020", Frame("13 February 2020", "Colombo, Sri Lanka")),
    ("Dili · March 4-6, 2019", Frame("March 4-6, 2019", "Dili")),
    ("28-31 October 2014 - Colombo, Sri Lanka", Frame("28-31 October 2014", "Colombo, Sri Lanka")),
    ("Suva, Fiji | Monday 3 - Tuesday 4 June 2024", Frame("Monday 3 - Tuesday 4 June 2024", "Suva, Fiji")),
    ("14 November 2011", Frame("14 November 2011", None)),
])
def test_layout_frame_line_gives_date_and_place(line, frame):
    assert read_frame_line(line) == frame


@pytest.mark.parametrize("line", [
    "The workshop was held in Bangkok on 3 May 2024.",
    "Officials from Fiji | Samoa | Tonga attended.",
    "Date of the next meeting to be confirmed",
    "",
])
def test_layout_prose_is_no_frame_line(line):
    assert read_frame_line(line) is None


@pytest.mark.parametrize("paragraph, place", [
    ("Colombo, Sri Lanka — The third meeting opened today.", "Colombo, Sri Lanka"),
    ("JAKARTA, 5 March 2013 - Officials from ten states met.", "JAKARTA"),
    ("Bangkok (ANTARA) - Thai police said on Monday.", "Bangkok"),
    ("Port Moresby – Delegates gathered for a workshop.", "Port Moresby"),
])
def test_layout_dateline_gives_place(paragraph, place):
    assert read_dateline(paragraph) == place


@pytest.mark.parametrize("paragraph", [
    "The RSO - with IOM - ran a course.",
    "In Bangkok - the capital - officials met.",
    "Officials met in Bali.",
])
def test_layout_sentence_is_no_dateline(paragraph):
    assert read_dateline(paragraph) is None


@pytest.mark.parametrize("paragraph, iso", [
    ("COLOMBO, 14 August 2024 (Lanka News) - Investigators met.", "2024-08-14"),
    ("Dili, Timor-Leste, March 4, 2019 — Officials gathered.", "2019-03-04"),
    ("Colombo, Sri Lanka — The meeting opened.", None),
])
def test_layout_dateline_date(paragraph, iso):
    from kg.layout import dateline_date
    assert dateline_date(paragraph) == iso


def test_layout_labels_glued_together():
    assert read_frame_line("Location: Jakarta, IndonesiaDate: 13 October 2017") == \
        Frame("13 October 2017", "Jakarta, Indonesia")


def test_layout_dateline_with_dashes_around_the_date():
    from kg.layout import dateline_date
    paragraph = "Bangkok, Thailand – 20 November 2024 – Prosecutors completed a course."
    assert (read_dateline(paragraph), dateline_date(paragraph)) == ("Bangkok, Thailand", "2024-11-20")


def test_layout_places_then_a_date_on_one_line_are_a_frame_line():
    assert read_frame_line("Nusa Dua, Bali, Indonesia, 29-30 March 2011") == \
        Frame("29-30 March 2011", "Nusa Dua, Bali, Indonesia")


def test_layout_place_line_above_a_date_line_is_a_heading():
    assert read_header_lines(["Regional Forum on Returns", "Suva, Fiji", "Tuesday, 7 May 2024"]) == \
        Frame("Tuesday, 7 May 2024", "Suva, Fiji")


def test_layout_places_then_a_weekday_and_date_are_a_frame_line():
    assert read_frame_line("Nusa Dua, Bali, Indonesia, Tuesday 7 August 2018") == \
        Frame("Tuesday 7 August 2018", "Nusa Dua, Bali, Indonesia")
