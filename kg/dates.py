"""Day-precise dates and date ranges in running text.

Forms: "21-23 February 2024", "over 7-10 November" (year from the article),
"13 – 26 September 2025", "from 23-24 May 2017", "between 20 November and
1 December", "20 November to 1 December 2023", "13 and 14 February 2020",
"on 6 September", "February 26-29, 2024", "March 30 to April 2, 2024", "2 October 2024",
"the 5th of March 2024", "the 3rd to the 5th of March 2024", "March 25-26", "Feb 27" (a
dateline: year from the article).

>>> [(d.start, d.end) for d in find_dates("held over 7-10 November", 2023)]
[('2023-11-07', '2023-11-10')]
>>> [(d.start, d.end) for d in find_dates("BANGKOK, March 25 (VNA) - the symposium, which ends on March 26", 2015)]
[('2015-03-25', '2015-03-25'), ('2015-03-26', '2015-03-26')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DateSpan", "find_dates", "find_nth_days", "find_weekdays", "find_relative_days"]

MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"], start=1)}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]
M = (r"(?P<{}>" + "|".join(MONTH_NAMES + [m.upper() for m in MONTH_NAMES]) +  # "MONDAY 5 DECEMBER" in a heading
     r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
D = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
Y = r"(?P<{}>(?:19|20)\d\d)"
DASH = r"\s*(?:-|–|—|to|until|till|through)\s*"

OF = r"\s+(?:of\s+)?"  # "5 March", "the 5th of March"
WD = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"  # "Tuesday 2 – Wednesday 3 July"
PATTERNS = [
    re.compile(rf"\b(?:between\s+)?{D.format('d1')}{OF}{M.format('m1')}(?:,?\s+{Y.format('y1')})?"
               rf"(?:{DASH}|\s+and\s+)(?:the\s+)?{WD}{D.format('d2')}{OF}{M.format('m2')}(?:,?\s+{Y.format('y2')})?\b"),
    re.compile(rf"\b{D.format('d1')}(?:{DASH}|\s+and\s+)(?:the\s+)?{WD}{D.format('d2')}{OF}{M.format('m1')}"
               rf"(?:,?\s+{Y.format('y1')})?\b"),
    re.compile(rf"\b(?:between\s+)?{M.format('m1')}\s+{D.format('d1')}(?:,?\s+{Y.format('y1')})?(?:{DASH}|\s+and\s+)"
               rf"{M.format('m2')}\s+{D.format('d2')},?\s+{Y.format('y2')}\b"),
    re.compile(rf"\b{M.format('m1')}\s+{D.format('d1')}(?:{DASH}|\s+and\s+){D.format('d2')}(?:,?\s+{Y.format('y1')})?\b"
               r"(?![:.]\d)"),
    re.compile(rf"\b{M.format('m1')}\s+{D.format('d1')}(?:,\s+{Y.format('y1')})?\b(?![:.]\d|,\s*\d)"),
    re.compile(rf"\b{D.format('d1')}{OF}{M.format('m1')}(?:,?\s+{Y.format('y1')})?\b"),
]


@dataclass(frozen=True)
class DateSpan:
    start: str
    end: str
    char_start: int
    char_end: int


DIGIT = re.compile(r"\d")


def _day(y, m, d) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str, default_year: int | None, offset: int = 0) -> list[DateSpan]:
    """Dates of day precision in `text`; a missing year is taken from `default_year`."""
    out: list[DateSpan] = []
    covered: list[tuple[int, int]] = []
    if not DIGIT.search(text):
        return out  # every form has a day number
    for pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in covered):
                continue
            g = m.groupdict()
            y2 = int(g["y2"]) if g.get("y2") else None
            y1 = int(g["y1"]) if g.get("y1") else None
            year_end = y2 or y1 or default_year
            if year_end is None:
                continue
            m1 = MONTHS[g["m1"].lower().rstrip(".")]
            m2 = MONTHS[g["m2"].lower().rstrip(".")] if g.get("m2") else m1
            d1 = int(g["d1"])
            d2 = int(g["d2"]) if g.get("d2") else d1
            year_start = y1 if (y1 and g.get("m2")) else (year_end - 1 if m1 > m2 else year_end)
            start, end = _day(year_start, m1, d1), _day(year_end, m2, d2)
            if start is None or end is None or end < start:
                continue
            covered.append((m.start(), m.end()))
            out.append(DateSpan(start.isoformat(), end.isoformat(), m.start() + offset, m.end() + offset))
    return sorted(out, key=lambda d: d.char_start)


WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = re.compile(r"\b(?:on|last|this|from)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


# the sentence speaks of what is to come: its weekday lies after publication
FUTURE = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:scheduled|set|due|expected|slated)\s+to|(?:is|are)\s+to\s+be|"
                    r"(?:is|are)\s+to\s+\w+|upcoming|next|"
                    r"(?:ends|opens|begins|starts|closes|concludes|resumes|continues)\s+(?:on\s+)?"
                    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b", re.I)
WEEKDAY_RANGE = re.compile(r"\b(?:from\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+"
                           r"(?:to|until|till|through|and)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# a verb of ending before the day: a meeting of several days ended on it ("wrapped up a three-day meeting on Thursday")
ENDING = re.compile(r"\b(?:ended|closed|concluded|wrapped\s+up|ends|closes|concludes|wraps\s+up)\b", re.I)
OPENING = re.compile(r"\b(?:opened|began|started|launched|kicked\s+off|opens|begins|starts)\b", re.I)


def find_weekdays(text: str, published: date, offset: int = 0) -> list[DateSpan]:
    """Days a news report names by weekday ("on Monday"): the latest such day on or before
    publication, or the next one on or after it where the sentence speaks of the future.

    >>> [d.start for d in find_weekdays("The course began on Monday.", date(2024, 8, 14))]
    ['2024-08-12']
    >>> [d.start for d in find_weekdays("Ministers are scheduled to open it on Monday.", date(2024, 8, 14))]
    ['2024-08-19']
    >>> [(d.start, d.end) for d in find_weekdays("Experts met from Tuesday to Thursday.", date(2024, 12, 5))]
    [('2024-12-03', '2024-12-05')]
    >>> [(d.start, d.end) for d in find_weekdays("They wrapped up a three-day meeting on Thursday.", date(2024, 12, 5))]
    [('2024-12-03', '2024-12-05')]
    >>> [(d.start, d.end) for d in find_weekdays("They on Wednesday concluded a two-day meeting.", date(2011, 5, 12))]
    [('2011-05-10', '2011-05-11')]
    >>> [d.start for d in find_weekdays("The conference ends on Thursday.", date(2002, 2, 27))]
    ['2002-02-28']
    """
    out = []
    ahead = bool(FUTURE.search(text))

    def day_of(name: str) -> date:
        target = WEEKDAYS.index(name.lower())
        if ahead:
            return published + timedelta(days=(target - published.weekday()) % 7)  # the day itself if it is today
        return published - timedelta(days=(published.weekday() - target) % 7)

    for m in WEEKDAY_RANGE.finditer(text):  # "from Tuesday to Thursday", "Monday to Tuesday"
        first, last = day_of(m.group(1)), day_of(m.group(2))
        if ahead and last < first:
            last += timedelta(days=7)
        elif not ahead and first > last:
            first -= timedelta(days=7)
        return [DateSpan(first.isoformat(), last.isoformat(), m.start() + offset, m.end() + offset)]
    for m in WEEKDAY.finditer(text):
        day = day_of(m.group(1))
        out.append(_with_length(text, m, day, offset))
    return out


def _with_length(text: str, m: re.Match, day: date, offset: int) -> DateSpan:
    """The day, or the meeting of several days the sentence names around it: one that ended on it
    ("wrapped up a three-day meeting on Thursday") or began on it ("opened a two-day workshop today")."""
    length = LENGTH.search(text)
    days = 0 if length is None else (NUMBERS.index(length.group(1).lower()) if length.group(1).isalpha()
                                     else int(length.group(1)) - 1)
    if days and (ENDING.search(text, 0, m.start()) or (ENDING.search(text) and not OPENING.search(text))):
        return DateSpan((day - timedelta(days=days)).isoformat(), day.isoformat(), m.start() + offset, m.end() + offset)
    return DateSpan(day.isoformat(), (day + timedelta(days=days)).isoformat(), m.start() + offset, m.end() + offset)


RELATIVE = re.compile(r"\b(today|yesterday|tomorrow|this morning|this afternoon|this evening|tonight)\b(?!['’]s)", re.I)
SHIFT = {"yesterday": -1, "tomorrow": 1}
LENGTH = re.compile(r"\b(two|three|four|five|2|3|4|5)[- ]day\b", re.I)


def find_relative_days(text: str, published: date, offset: int = 0) -> list[DateSpan]:
    """Days a news report names from its own date ("opened today", "met yesterday"); a "two-day"
    meeting named in the sentence runs on from that day.

    >>> [(d.start, d.end) for d in find_relative_days("IOM today opened a two-day workshop.", date(2012, 1, 12))]
    [('2012-01-12', '2012-01-13')]
    >>> find_relative_days("Today's challenges differ.", date(2012, 1, 12))
    []
    """
    return [_with_length(text, m, published + timedelta(days=SHIFT.get(m.group(1).lower(), 0)), offset)
            for m in RELATIVE.finditer(text)]


ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh"]
NUMBERS = ["one", "two", "three", "four", "five", "six", "seven"]
NTH_DAY = re.compile(r"\b(?:the\s+(?P<ordinal>" + "|".join(ORDINALS) + r")\s+day"
                     r"|[Dd]ay\s+(?P<number>" + "|".join(NUMBERS) + r"|[1-7])\b)", re.I)


def find_nth_days(text: str, first: date, last: date | None = None, offset: int = 0) -> list[DateSpan]:
    """Days an article counts within a dated span ("on the second day", "day two"), from its `first`
    day; a count past `last` is no day of the span.

    >>> [d.start for d in find_nth_days("On the second day, Fiji hosted a dialogue.", date(2025, 12, 1))]
    ['2025-12-02']
    """
    out = []
    for m in NTH_DAY.finditer(text):
        word = (m.group("ordinal") or m.group("number")).lower()
        n = ORDINALS.index(word) if word in ORDINALS else (NUMBERS.index(word) if word in NUMBERS else int(word) - 1)
        day = first + timedelta(days=n)
        if last is None or day <= last:
            out.append(DateSpan(day.isoformat(), day.isoformat(), m.start() + offset, m.end() + offset))
    return out
