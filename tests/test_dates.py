"""Date forms of kg/dates.py, one sentence per form (written for the test)."""
import pytest

from kg.dates import find_dates

FORMS = [
    ("The training ran over 21-23 February 2024.", 2020, ("2024-02-21", "2024-02-23")),
    ("It was held over 7-10 November in Suva.", 2023, ("2023-11-07", "2023-11-10")),
    ("The course ran 13 – 26 September 2025.", 2020, ("2025-09-13", "2025-09-26")),
    ("Officials met from 23-24 May 2017.", 2020, ("2017-05-23", "2017-05-24")),
    ("It took place between 20 November and 1 December.", 2022, ("2022-11-20", "2022-12-01")),
    ("Delegates met on 13 and 14 February 2020.", 2024, ("2020-02-13", "2020-02-14")),
    ("The visit was on 6 September.", 2021, ("2021-09-06", "2021-09-06")),
    ("The forum was held on Tuesday, 5th March 2024.", 2020, ("2024-03-05", "2024-03-05")),
    ("The dialogue ran February 26-29, 2024.", 2020, ("2024-02-26", "2024-02-29")),
    ("The meeting ran from March 30 to April 2, 2024.", 2020, ("2024-03-30", "2024-04-02")),
    ("The course ran from 29 November to 1 December 2022.", 2020, ("2022-11-29", "2022-12-01")),
    ("The webinar was held on 30 June–2 July 2023.", 2020, ("2023-06-30", "2023-07-02")),
    ("The review ran between 28 December 2023 and 3 January 2024.", 2020, ("2023-12-28", "2024-01-03")),
    ("JAKARTA, Aug 14 (Antara) - Officials met today.", 2019, ("2019-08-14", "2019-08-14")),
    ("The symposium, which runs March 25-26, opened in Bangkok.", 2015, ("2015-03-25", "2015-03-26")),
    ("The talks are set for October 3 and 4 in Colombo.", 2018, ("2018-10-03", "2018-10-04")),
]


@pytest.mark.parametrize("text, year, expected", FORMS, ids=[f[0][:40] for f in FORMS])
def test_dates_forms_give_start_and_end(text, year, expected):
    assert [(d.start, d.end) for d in find_dates(text, year)] == [expected]


def test_dates_year_from_the_article_when_the_text_has_none():
    assert find_dates("on 6 September", None) == []
    assert find_dates("on 6 September", 2019)[0].start == "2019-09-06"


def test_dates_impossible_day_is_not_a_date():
    assert find_dates("on 31 February 2024", 2024) == []


def test_dates_ordinal_of_month():
    assert [(d.start, d.end) for d in find_dates("held on the 5th of March 2024 in Dili", None)] == \
        [("2024-03-05", "2024-03-05")]


def test_dates_ordinal_range_of_month():
    assert [(d.start, d.end) for d in find_dates("from the 3rd to the 5th of March 2024", None)] == \
        [("2024-03-03", "2024-03-05")]



def test_dates_month_before_a_clock_time_is_no_date():
    assert find_dates("The session opened in May 10:30 local time.", 2020) == []


def test_dates_month_day_then_a_count_is_not_a_year():
    assert find_dates("By June 2, 400 delegates had registered.", 2020) == []


def test_dates_weekday_range_with_one_month():
    assert [(d.start, d.end) for d in find_dates("Tuesday 2 – Wednesday 3 July 2019", None)] == \
        [("2019-07-02", "2019-07-03")]


def test_dates_month_in_capitals_in_a_heading():
    assert [(d.start, d.end) for d in find_dates("TUESDAY 6 DECEMBER - AD HOC GROUP", 2022)] == \
        [("2022-12-06", "2022-12-06")]
