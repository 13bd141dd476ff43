"""Times: the TIMEX3 rules as pure functions (fast), then on parsed text (model)."""
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from sitrep.extract._timex_rules import find_timexes, normalise_timex

FRI = date(2020, 2, 14)  # the seed's publication date, a Friday


def norm(expression, tense=None, anchor=FRI):
    return normalise_timex(expression, anchor=anchor, tense=tense)


@pytest.mark.parametrize("expression, tense, expected", [
    ("Wednesday", "past", ("DATE", "2020-02-12")),
    ("Thursday", None, ("DATE", "2020-02-13")),
    ("Friday", "future", ("DATE", "2020-02-14")),  # same weekday: the day itself
    ("Monday", "future", ("DATE", "2020-02-17")),
    ("Monday", "past", ("DATE", "2020-02-10")),
    ("last Friday", None, ("DATE", "2020-02-07")),
    ("next Wednesday", None, ("DATE", "2020-02-19")),
    ("Wednesday morning", "past", ("TIME", "2020-02-12TMO")),
    ("Tuesday night", "past", ("TIME", "2020-02-11TNI")),
])
def test_weekdays(expression, tense, expected):
    assert norm(expression, tense) == expected


@pytest.mark.parametrize("expression, tense, expected", [
    ("January 6", None, ("DATE", "2020-01-06")),
    ("Jan. 6, 1998", None, ("DATE", "1998-01-06")),
    ("6 January 1998", None, ("DATE", "1998-01-06")),
    ("December 28", None, ("DATE", "2019-12-28")),  # nearest instance
    ("March 3", "past", ("DATE", "2019-03-03")),
    ("March 3", "future", ("DATE", "2020-03-03")),
    ("since May", None, ("DATE", "2019-05")),
    ("in May", "future", ("DATE", "2020-05")),
    ("May 1998", None, ("DATE", "1998-05")),
    ("2020", None, ("DATE", "2020")),
    ("fiscal 1998", None, ("DATE", "FY1998")),
    ("2019-11-05", None, ("DATE", "2019-11-05")),
    ("11/5/98", None, ("DATE", "1998-11-05")),
    ("the 1990s", None, ("DATE", "199")),
    ("the '80s", None, ("DATE", "198")),
    ("the 20th century", None, ("DATE", "19")),
    ("mid-1990s", None, ("DATE", "199")),
])
def test_calendar_dates(expression, tense, expected):
    assert norm(expression, tense) == expected


@pytest.mark.parametrize("expression, expected", [
    ("last month", ("DATE", "2020-01")),
    ("last year", ("DATE", "2019")),
    ("earlier this year", ("DATE", "2020")),
    ("this week", ("DATE", "2020-W07")),
    ("next month", ("DATE", "2020-03")),
    ("last weekend", ("DATE", "2020-W06-WE")),
    ("last summer", ("DATE", "2019-SU")),
    ("today", ("DATE", "2020-02-14")),
    ("yesterday", ("DATE", "2020-02-13")),
    ("tomorrow", ("DATE", "2020-02-15")),
    ("tonight", ("TIME", "2020-02-14TNI")),
    ("this morning", ("TIME", "2020-02-14TMO")),
    ("last night", ("TIME", "2020-02-13TNI")),
    ("two years ago", ("DATE", "2018")),
    ("three days ago", ("DATE", "2020-02-11")),
    ("the end of the year", ("DATE", "2020")),
    ("now", ("DATE", "PRESENT_REF")),
    ("currently", ("DATE", "PRESENT_REF")),
    ("recently", ("DATE", "PAST_REF")),
    ("the future", ("DATE", "FUTURE_REF")),
    ("the third quarter", ("DATE", "2019-Q3")),  # not begun yet in February: last year's
    ("the first quarter", ("DATE", "2020-Q1")),
    ("the fourth quarter of 1997", ("DATE", "1997-Q4")),
    ("the first half of next year", ("DATE", "2021-H1")),
])
def test_relative_dates(expression, expected):
    assert norm(expression) == expected


@pytest.mark.parametrize("expression, expected", [
    ("three years", ("DURATION", "P3Y")),
    ("24 hours", ("DURATION", "PT24H")),
    ("a decade", ("DURATION", "P1DE")),
    ("the last two weeks", ("DURATION", "P2W")),
    ("the past year", ("DURATION", "P1Y")),
    ("several months", ("DURATION", "PXM")),
    ("two and a half years", ("DURATION", "P2.5Y")),
    ("half an hour", ("DURATION", "PT30M")),
    ("a 10-year plan", ("DURATION", "P10Y")),
    ("more than a decade", ("DURATION", "P1DE")),
    ("every week", ("SET", "P1W")),
    ("weekly", ("SET", "P1W")),
    ("twice a year", ("SET", "P1Y")),
    ("$5 billion a year", ("SET", "P1Y")),
    ("every Monday", ("SET", "XXXX-WXX-1")),
    ("10 a.m.", ("TIME", "2020-02-14T10:00")),
    ("2:30 p.m. EST", ("TIME", "2020-02-14T14:30")),
    ("10 a.m. Wednesday", ("TIME", "2020-02-12T10:00")),
    ("noon", ("TIME", "2020-02-14T12:00")),
])
def test_durations_sets_and_clock_times(expression, expected):
    assert norm(expression, "past") == expected


def test_extent_follows_timeml():
    text = "He left on Friday, about three years after the 1990s, and will return in the coming weeks."
    got = {text[t.start:t.end] for t in find_timexes(text, anchor=FRI)}
    assert {"Friday", "about three years", "the 1990s"} <= got
    assert not any(g.startswith(("on ", "in ")) for g in got)


def test_reference_time_for_anaphora():
    text = "In 1985, the firm moved in March. Two years later it closed. The next day, it was sold."
    got = {text[t.start:t.end]: t.value for t in find_timexes(text, anchor=FRI)}
    assert got["March"] == "1985-03"
    assert got["Two years later"] == "1987-03"  # at the reference's granularity
    assert got["The next day"] == "2020-02-15"  # a year is no reference for a day: the anchor is


def test_sentence_year_and_part_of_day_references():
    text = ("In fiscal 1990, the first quarter was weak. On Tuesday, rebels attacked; that night the army struck. "
            "He has led since 2014 and faces re-election in November.")
    got = {text[t.start:t.end]: t.value for t in find_timexes(text, anchor=FRI, tense=lambda i: None)}
    assert got["the first quarter"] == "1990-Q1"
    assert got["that night"] == "2020-02-11TNI"
    # a future clause points from the document date, not from the year in the sentence
    future = find_timexes(text, anchor=FRI, tense=lambda i: "present" if i > 100 else None)
    assert [t.value for t in future if text[t.start:t.end] == "November"] == ["2020-11"]


@pytest.mark.parametrize("expression, expected", [
    ("Christmas", ("DATE", "2019-12-25")),
    ("Thanksgiving 1998", ("DATE", "1998-11-26")),
    ("this past weekend", ("DATE", "2020-W06-WE")),
    ("0700 GMT", ("TIME", "2020-02-14T07:00")),
])
def test_holidays_and_wire_times(expression, expected):
    assert norm(expression) == expected


def test_without_anchor_relative_values_stay_unresolved():
    assert norm("Wednesday", anchor=None) == ("DATE", "XXXX-WXX-3")
    assert norm("January 6", anchor=None) == ("DATE", "XXXX-01-06")
    assert norm("last month", anchor=None) == ("DATE", None)
    assert norm("January 6, 1998", anchor=None) == ("DATE", "1998-01-06")
    assert norm("three years", anchor=None) == ("DURATION", "P3Y")


def test_not_time_expressions():
    for text in ("May I ask?", "Theresa May said.", "the fall of Rome", "1998 people came", "a 10-year-old boy",
                 "the future of NATO", "a weekly newspaper", "about 1800 protesters", "a second blast"):
        assert [t for t in find_timexes(text, anchor=FRI) if t.type != "DURATION" or "old" not in text] == [], text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 -/:.,'aAmMpPdyYsWTthe") + ["May", "Friday", "year", "last ",
                                                                              "ago", "the ", "of "])).map("".join))
def test_never_raises_and_spans_index_text(text):
    for t in find_timexes(text, anchor=FRI):
        assert 0 <= t.start < t.end <= len(text)


@pytest.mark.model
def test_seed_times(seed_extraction, seed_text):
    got = {(t.text, t.value) for t in seed_extraction.times}
    assert {("January 6", "2020-01-06"), ("Wednesday", "2020-02-12"), ("last month", "2020-01"),
            ("May", "2019-05"), ("Thursday", "2020-02-13"), ("2020", "2020")} <= got
    # "after he meets ... on Friday" in a Friday article: that same Friday
    assert ("Friday", "2020-02-14") in got
    for t in seed_extraction.times:
        assert seed_text[t.span[0]:t.span[1]] == t.text
    assert not any(t.text == "February 14, 2020" for t in seed_extraction.times)  # the date line


@pytest.mark.model
def test_tense_points_weekdays(parse):
    from sitrep.extract.times import extract_times

    parsed = parse("The minister said on Monday that talks will resume on Wednesday. "
                   "She is expected to visit Paris on Tuesday.", published="2020-02-14")
    got = {t.text: t.value for t in extract_times(parsed, None)}
    assert got == {"Monday": "2020-02-10", "Wednesday": "2020-02-19", "Tuesday": "2020-02-18"}


@pytest.mark.model
def test_unknown_publication_date(parse):
    from sitrep.extract.times import extract_times

    got = {t.text: t.value for t in extract_times(parse("Talks ended on Wednesday, a year after 1998."), None)}
    assert got == {"Wednesday": "XXXX-WXX-3", "a year": "P1Y", "1998": "1998"}
