"""Lines that frame an article rather than tell it: an event's date and place lines, datelines.

Pages print an event's date and place apart from the prose in a few families of layout:
labelled fields ("Location: Perth  Date: 24 - 25 August 2017", "Venue: …", "When: …"),
a date and a place joined by a separator ("20-21 May 2025 • Bangkok, Thailand",
"Bangkok, Thailand | 14 - 16 May 2018"), and a news dateline before the first sentence
("JAKARTA, 5 March 2013 —", "Colombo, Sri Lanka —", "Bangkok (ANTARA) -").
Every reader passes its first paragraphs through `read_frame_line`; the extractor reads
the dateline itself, since it stays part of the first sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_dates

__all__ = ["Frame", "read_frame_line", "read_header_lines", "read_dateline", "dateline_end", "dateline_date"]

LABEL = re.compile(r"(?:^|(?<=\s)|(?<=[|•·])|(?<=[a-z])(?=[A-Z]))"  # "Location: Jakarta, IndonesiaDate: …"
                   r"((?i:venue city|event venue|location|venue|place|where|city|date|dates|when|event date))\s*:\s*")
PLACE_LABELS = {"location", "venue", "place", "where", "city", "venue city", "event venue"}
SEPARATOR = re.compile(r"\s+[—/]\s+|(?<!\d)\s+–\s+(?!\d)|\s*[•|·]\s*")
ANY_DASH = re.compile(r"\s+[—/–-]\s+|\s*[•|·]\s*")  # "28-31 October 2014 - Colombo", where no range is cut
PLACE_TEXT = re.compile(r"^(?:[A-Z][\w.'’-]*|of|de|la|and)(?:[ ,]+(?:[A-Z][\w.'’-]*|of|de|la|and))*$")
DATELINE = re.compile(r"^(?P<place>[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){0,3}(?:,\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3})?)"
                      r"\s*(?:\([A-Z][\w.]*\))?\s*(?P<rest>(?:[,(]|\s[—–-])\s*[^—–]{4,32}?)?\s*(?:—|–|--|-)\s+(?=[A-Z\"“‘])")
MAX_LINE = 200
TABLE_FIELD = re.compile(r"^\|\s*((?i:venue city|event venue|location|venue|place|where|city|date|dates|when|event date))\s*\|\s*(.+?)\s*\|$")


@dataclass(frozen=True)
class Frame:
    """The date and place an article's layout prints for its event (either may be missing)."""

    date: str | None = None
    place: str | None = None


WEEKDAY = re.compile(r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+")
WEEKDAY_BEFORE = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+$")


def _is_date(text: str) -> bool:
    """A date and nothing else ("14-15 April 2009", "Tuesday, 7 August 2018")."""
    text = WEEKDAY.sub("", text)
    found = find_dates(text, 2000)
    return bool(found) and found[0].char_start <= 2 and found[-1].char_end >= len(text.rstrip(" .,")) - 1


def _is_place(text: str) -> bool:
    return 0 < len(text) <= 60 and bool(PLACE_TEXT.match(text)) and not _is_date(text)


def _labelled(line: str) -> Frame | None:
    labels = list(LABEL.finditer(line))
    if not labels or line[:labels[0].start()].strip(" |•·-"):
        return None  # a label opens the line: "Title … Location: X" is no frame line
    date_, place = None, None
    for here, after in zip(labels, labels[1:] + [None]):
        value = line[here.end():after.start() if after else len(line)].strip(" |•·,;")
        if not value:
            continue
        if here.group(1).lower() in PLACE_LABELS:
            place = place or value
        elif _is_date(value) or find_dates(value, 2000):
            date_ = date_ or value
    if date_ is None and place is None:
        return None
    return Frame(date_, place)


def _separated(line: str) -> Frame | None:
    for separator in (SEPARATOR, ANY_DASH):
        parts = [p.strip() for p in separator.split(line) if p.strip()]
        if not 2 <= len(parts) <= 3:
            continue
        dates = [p for p in parts if _is_date(p)]
        places = [p for p in parts if _is_place(p)]
        if len(dates) == 1 and len(places) == len(parts) - 1:
            return Frame(dates[0], ", ".join(places))
    return None


def read_frame_line(line: str) -> Frame | None:
    """The date and place a line of its own prints for the event, or None for a line of prose.

    >>> read_frame_line("20-21 May 2025 • Bangkok, Thailand")
    Frame(date='20-21 May 2025', place='Bangkok, Thailand')
    >>> read_frame_line("28-31 October 2014 - Colombo, Sri Lanka")
    Frame(date='28-31 October 2014', place='Colombo, Sri Lanka')
    >>> read_frame_line("Location: Perth Date: 24 - 25 August 2017")
    Frame(date='24 - 25 August 2017', place='Perth')
    >>> read_frame_line("| Venue | Bangkok, Thailand |")
    Frame(date=None, place='Bangkok, Thailand')
    >>> read_frame_line("The meeting was held in Bangkok on 3 May 2024.") is None
    True
    """
    line = " ".join(line.split())
    if not line or len(line) > MAX_LINE:
        return None
    line = TABLE_FIELD.sub(r"\1: \2", line)  # "| Venue | Bangkok, Thailand |": a field of a fact table
    return _labelled(line) or _separated(line) or _place_then_date(line) or (Frame(line, None) if _is_date(line) else None)


def _place_then_date(line: str) -> Frame | None:
    """ "Nusa Dua, Bali, Indonesia, 29-30 March 2011": places, then the date, and nothing else.

    >>> _place_then_date("Nusa Dua, Bali, Indonesia, 29-30 March 2011")
    Frame(date='29-30 March 2011', place='Nusa Dua, Bali, Indonesia')
    >>> _place_then_date("Nusa Dua, Bali, Indonesia, Tuesday 7 August 2018")
    Frame(date='Tuesday 7 August 2018', place='Nusa Dua, Bali, Indonesia')
    >>> _place_then_date("Officials met, 29 March 2011") is None
    True
    """
    found = find_dates(line, 2000)
    if not found or found[-1].char_end < len(line.rstrip(" .")) - 1:
        return None
    cut = found[0].char_start
    weekday = WEEKDAY_BEFORE.search(line[:cut])
    cut = weekday.start() if weekday else cut  # "…, Indonesia, Tuesday 7 August 2018"
    place, when = line[:cut].rstrip(" ,–-"), line[cut:].strip(" .")
    return Frame(when, place) if _is_place_list(place) and _is_date(when) else None


def _is_place_list(line: str) -> bool:
    """ "Nusa Dua, Bali, Indonesia": a line of two or three capitalised place names and nothing else."""
    parts = [p.strip() for p in line.split(",")]
    return 2 <= len(parts) <= 3 and len(line) <= 60 and all(
        p and len(p.split()) <= 3 and PLACE_TEXT.match(p) and p[:1].isupper() for p in parts)


def read_header_lines(lines: list[str]) -> Frame | None:
    """The frame a statement's heading prints as a place line above a date line ("Nusa Dua, Bali,
    Indonesia" / "14-15 April 2009"), or None.

    >>> read_header_lines(["Third Regional Conference", "Nusa Dua, Bali, Indonesia", "14-15 April 2009"])
    Frame(date='14-15 April 2009', place='Nusa Dua, Bali, Indonesia')
    >>> read_header_lines(["Delegates met in Bali.", "14 April 2009"]) is None
    True
    """
    for place, when in zip(lines, lines[1:]):
        place, when = " ".join(place.split()), " ".join(when.split())
        if _is_place_list(place) and when and _is_date(when):
            return Frame(when, place)
    return None


def _dateline(paragraph: str):
    m = DATELINE.match(paragraph)
    if m is None or re.match(r"^(The|A|An|In|On|At|This|It)\b", m.group("place")):
        return None
    return m


def dateline_end(paragraph: str) -> int | None:
    """Where the dateline that opens `paragraph` ends (None without one): its date is the report's."""
    m = _dateline(paragraph)
    return m.end() if m else None


def dateline_date(paragraph: str, default_year: int | None = None) -> str | None:
    """The ISO date a news dateline gives, or None.

    >>> dateline_date("COLOMBO, 14 August 2024 (Lanka News) - Investigators met.")
    '2024-08-14'
    >>> dateline_date("Bangkok, Thailand (18 June 2021) - Officials met.")
    '2021-06-18'
    """
    m = _dateline(paragraph)
    found = find_dates(m.group("rest") or "", default_year) if m else []
    return found[0].start if found else None


def read_dateline(paragraph: str) -> str | None:
    """The place of a news dateline that opens a paragraph, or None.

    >>> read_dateline("Colombo, Sri Lanka — The third meeting was held in Colombo.")
    'Colombo, Sri Lanka'
    >>> read_dateline("JAKARTA, 5 March 2013 - Officials met today.")
    'JAKARTA'
    >>> read_dateline("The RSO - with IOM - ran a course.") is None
    True
    """
    m = _dateline(paragraph)
    return m.group("place") if m else None
