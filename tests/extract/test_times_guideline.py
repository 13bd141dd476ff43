"""Times: TIMEX3 guideline cases added after the TempEval-3 error counts (own sentences, no model)."""
from datetime import date

import pytest

from sitrep.extract._timex_rules import duration, find_timexes, normalise_timex

FRI = date(2020, 2, 14)


def _found(text, tense=None):
    return {text[t.start:t.end]: (t.type, t.value) for t in find_timexes(text, anchor=FRI, tense=lambda i: tense)}


@pytest.mark.parametrize("n, unit, expected", [
    (1.5, "day", "P1DT12H"),
    (0.5, "day", "PT12H"),
    (1.5, "hour", "PT1H30M"),
    (1.5, "minute", "PT1M30S"),
    (2.5, "year", "P2Y6M"),
    (1.5, "week", "P1.5W"),  # half a week is no whole number of days: kept as a fraction
    (2, "decade", "P20Y"),
    (None, "decade", "PXY"),
    (1, "century", "P100Y"),
])
def test_fractions_go_to_the_next_unit_and_decades_to_years(n, unit, expected):
    assert duration(n, unit) == expected


@pytest.mark.parametrize("expression, expected", [
    ("4 1/2 hours", ("DURATION", "PT4H30M")),
    ("a day and a half", ("DURATION", "P1DT12H")),
    ("two more weeks", ("DURATION", "P2W")),
    ("three straight days", ("DURATION", "P3D")),
    ("several more months", ("DURATION", "PXM")),
    ("nine o'clock", ("TIME", "2020-02-14T09:00")),
    ("7 in the evening", ("TIME", "2020-02-14T19:00")),
    ("6 in the morning", ("TIME", "2020-02-14T06:00")),
    ("11 at night", ("TIME", "2020-02-14T23:00")),
    ("March last year", ("DATE", "2019-03")),
    ("June 5 next year", ("DATE", "2021-06-05")),
    ("October of this year", ("DATE", "2020-10")),
])
def test_guideline_expressions(expression, expected):
    assert normalise_timex(expression, anchor=FRI, tense="past") == expected


def test_later_is_a_signal_outside_a_duration():
    got = _found("The ceasefire collapsed three days later.", "past")
    assert got == {"three days": ("DURATION", "P3D")}


def test_vague_lengths_written_as_adjectives():
    got = _found("A decades-old border dispute flared after a weeks-long standoff.")
    assert got == {"decades-old": ("DURATION", "PXY"), "weeks-long": ("DURATION", "PXW")}


def test_that_same_day_points_back():
    got = _found("Rebels took the town on March 3, 2019. That same day the army withdrew.", "past")
    assert got["That same day"] == ("DATE", "2019-03-03")


def test_daily_basis_is_a_set_but_a_daily_is_a_paper():
    assert _found("Convoys are searched on a daily basis.") == {"daily": ("SET", "P1D")}
    assert _found("He told a daily newspaper.") == {}


def test_a_number_with_a_clock_word_needs_the_clock_word():
    assert _found("Police arrested 9 in the raid.") == {}


@pytest.mark.parametrize("expression, expected", [
    ("a year and a half ago", ("DATE", "2018-08")),  # 18 months back, at month granularity
    ("half a year ago", ("DATE", "2019-08")),
    ("early spring", ("DATE", "2019-SP")),
])
def test_fractional_offsets_and_modified_seasons(expression, expected):
    assert normalise_timex(f"It happened in {expression}.", anchor=FRI, tense="past") == expected


def test_each_end_of_a_year_range_is_a_year():
    assert _found("Output fell over the 2010-2015 period.") == {"2010": ("DATE", "2010"), "2015": ("DATE", "2015")}
    assert _found("Call 2010-1234 today.", "present") == {"today": ("DATE", "2020-02-14")}


def test_a_unit_after_a_length_is_a_rate():
    got = _found("Shops open 24 hours a day, seven days a week.")
    assert got["a day"] == ("SET", "P1D") and got["a week"] == ("SET", "P1W")
