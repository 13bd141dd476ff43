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
    ("May 3", "past", ("DATE", "2019-05-03")),
    ("March 3", "past", ("DATE", "2020-03-03")),  # weeks ahead: the past tense is the report's
    ("March 3", "present", ("DATE", "2020-03-03")),
    ("December 3", "present", ("DATE", "2019-12-03")),  # present: the nearest instance
    ("March 3", "future", ("DATE", "2020-03-03")),
    ("since May", None, ("DATE", "2019-05")),
    ("in May", "future", ("DATE", "2020-05")),
    ("May 1998", None, ("DATE", "1998-05")),
    ("2020", None, ("DATE", "2020")),
    ("fiscal 1998", None, ("DATE", "1998")),  # TimeBank's practice: the plain year
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
    ("a decade", ("DURATION", "P10Y")),  # ISO 8601 has no decade unit
    ("the last two weeks", ("DURATION", "P2W")),
    ("the past year", ("DURATION", "P1Y")),
    ("several months", ("DURATION", "PXM")),
    ("two and a half years", ("DURATION", "P2Y6M")),
    ("half an hour", ("DURATION", "PT30M")),
    ("a 10-year plan", ("DURATION", "P10Y")),
    ("more than a decade", ("DURATION", "P10Y")),
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
    assert got["Two years"] == "P2Y"  # "later" relates it to the reference, as "after" does: a signal
    assert got["The next day"] == "2020-02-15"  # a year is no reference for a day: the anchor is


def test_sentence_year_and_part_of_day_references():
    text = ("In fiscal 1990, the first quarter was weak. On Tuesday, rebels attacked; that night the army struck. "
            "He has led since 2014 and faces re-election in November.")
    got = {text[t.start:t.end]: t.value for t in find_timexes(text, anchor=FRI, tense=lambda i: None)}
    assert got["the first quarter"] == "1990-Q1"
    assert got["that night"] == "2020-02-11TNI"
    # a future clause points from the document date, not from the year in the sentence
    future = find_timexes(text, anchor=FRI, tense=lambda i: "future" if i > 100 else None)
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


def test_comparisons_take_the_quarter_they_compare():
    text = ("The bank lost money in the fourth quarter, against a profit a year ago. Revenue fell from the "
            "year-earlier quarter and from the year-ago third quarter. The 1997 first quarter was better.")
    got = {text[t.start:t.end]: t.value for t in find_timexes(text, anchor=FRI, tense=lambda i: "past")}
    assert got["the fourth quarter"] == "2019-Q4"
    assert got["a year ago"] == "2018-Q4"
    assert got["the year-earlier quarter"] == "2018-Q4"
    assert got["the year-ago third quarter"] == "2018-Q3"
    assert got["The 1997 first quarter"] == "1997-Q1"
    # with no quarter to compare, "a year ago" is the year before the document's
    assert norm("a year ago", "past") == ("DATE", "2019")


@pytest.mark.parametrize("expression, expected", [
    ("years ago", ("DATE", "PAST_REF")),
    ("decades earlier", ("DATE", "PAST_REF")),
    ("an hour and a half", ("DURATION", "PT1H30M")),
    ("a half-hour", ("DURATION", "PT30M")),
    ("a quarter-century", ("DURATION", "P25Y")),
    ("every September", ("SET", "XXXX-09")),
    ("each summer", ("SET", "XXXX-SU")),
    ("later that day", ("DATE", "2020-02-14")),  # nothing to point back to: the document's day
])
def test_vague_offsets_fractions_and_sets(expression, expected):
    assert norm(expression, "past") == expected


def test_narrative_next_unit_and_parts_of_day():
    text = "The dam was finished in May 1994. The next month it cracked. On Monday the convoy left in the evening."
    got = {text[t.start:t.end]: t.value for t in find_timexes(text, anchor=FRI, tense=lambda i: "past")}
    assert got["The next month"] == "1994-06"
    assert got["the evening"] == "2020-02-10TEV"
    assert norm("over the next month", "future") == ("DURATION", "P1M")


# My own development set: news-style sentences written for sitrep, annotated by hand per the TimeML
# 1.2.1 guidelines and TIDES 2005 values (the eval corpora are for measuring only).
# (document date, sentence, expression, type, value); expression None: no time expression at all.
DEV = [
    ("1998-02-13", "Rebels attacked the town on Tuesday, officials said Thursday.", "Tuesday", "DATE", "1998-02-10"),
    ("1998-02-13", "Rebels attacked the town on Tuesday, officials said Thursday.", "Thursday", "DATE", "1998-02-12"),
    ("1998-02-13", "The envoy will arrive in Nairobi on Monday.", "Monday", "DATE", "1998-02-16"),
    ("1998-02-13", "The talks are scheduled to resume Tuesday.", "Tuesday", "DATE", "1998-02-17"),
    ("1998-02-13", "The government said it would hold elections in March.", "March", "DATE", "1998-03"),
    ("1998-02-13", "The plant was closed in November.", "November", "DATE", "1997-11"),
    ("1998-02-13", "Exports have risen sharply over the past three years.", "the past three years", "DURATION", "P3Y"),
    ("1998-02-13", "Prices fell for the last six months.", "the last six months", "DURATION", "P6M"),
    ("1998-02-13", "The company was founded two years ago.", "two years ago", "DATE", "1996"),
    ("1998-02-13", "The strike began three days ago.", "three days ago", "DATE", "1998-02-10"),
    ("1998-02-13", "Unemployment has fallen this year.", "this year", "DATE", "1998"),
    ("1998-02-13", "Sales rose 4 percent this month.", "this month", "DATE", "1998-02"),
    ("1998-02-13", "Such attacks have become rarer in recent years.", "recent years", "DURATION", "PXY"),
    ("1998-02-13", "Profit in the current quarter is expected to fall.", "the current quarter", "DATE", "1998-Q1"),
    ("1998-02-13", "The bank posted a loss in the fourth quarter, compared with a profit a year earlier.",
     "a year earlier", "DATE", "1996-Q4"),
    ("1998-02-13", "The bank posted a loss in the fourth quarter, compared with a profit a year ago.",
     "a year ago", "DATE", "1996-Q4"),
    ("1998-02-13", "Net income fell in the fourth quarter from the year-earlier quarter.",
     "the year-earlier quarter", "DATE", "1996-Q4"),
    ("1998-02-13", "The minister resigned earlier this month.", "earlier this month", "DATE", "1998-02"),
    ("1998-02-13", "The factory closed late last year.", "late last year", "DATE", "1997"),
    ("1998-02-13", "The troops withdrew last summer.", "last summer", "DATE", "1997-SU"),
    ("1998-02-13", "Shelling continued overnight, and the army attacked again this morning.", "this morning", "TIME",
     "1998-02-13TMO"),
    ("1998-02-13", "Gunmen struck on Wednesday night.", "Wednesday night", "TIME", "1998-02-11TNI"),
    ("1998-02-13", "The president is now in Geneva.", "now", "DATE", "PRESENT_REF"),
    ("1998-02-13", "The talks lasted more than three years.", "more than three years", "DURATION", "P3Y"),
    ("1998-02-13", "The conflict has lasted for decades.", "decades", "DURATION", "PXY"),
    ("1998-02-13", "The search may take several days.", "several days", "DURATION", "PXD"),
    ("1998-02-13", "The city grew rapidly in the 1990s.", "the 1990s", "DATE", "199"),
    ("1998-02-13", "Leaders discussed the challenges of the 21st century.", "the 21st century", "DATE", "20"),
    ("1998-02-13", "The company was sold in 1985. A year later it closed.", "A year", "DURATION", "P1Y"),
    ("1998-02-13", "The dam was finished in May 1994. The next month it cracked.", "The next month", "DATE", "1994-06"),
    ("1998-02-13", "Talks broke down on Jan. 5. The same day, shelling resumed.", "The same day", "DATE", "1998-01-05"),
    ("1998-02-13", "The deal was signed in 1995. That year the economy grew.", "That year", "DATE", "1995"),
    ("1998-02-13", "The meeting lasted an hour and a half.", "an hour and a half", "DURATION", "PT1H30M"),
    ("1998-02-13", "He ruled for a quarter-century.", "a quarter-century", "DURATION", "P25Y"),
    ("1998-02-13", "The dictator was ousted years ago.", "years ago", "DATE", "PAST_REF"),
    ("1998-02-13", "The fighting flared again earlier in the day.", "the day", "DATE", "1998-02-13"),
    ("1998-02-13", "The council meets every September.", "every September", "SET", "XXXX-09"),
    ("1998-02-13", "The fund pays $5 million a year.", "a year", "SET", "P1Y"),
    ("1998-02-13", "Profit rose in the 1997 fourth quarter.", "the 1997 fourth quarter", "DATE", "1997-Q4"),
    ("1998-02-13", "On Monday the convoy left; it was attacked in the evening.", "the evening", "TIME",
     "1998-02-09TEV"),
    ("1998-02-13", "The former president was not charged.", None, None, None),
]


@pytest.mark.model
def test_development_set(parse):
    from sitrep.extract.times import extract_times

    wrong = []
    for dct, sentence, expression, typ, value in DEV:
        got = {t.text: (t.type, t.value) for t in extract_times(parse(sentence, published=dct), None)}
        if (got.get(expression) != (typ, value)) if expression else got:
            wrong.append((sentence, expression, got))
    assert not wrong


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


def _values(text, tense=None, anchor=FRI):
    return {text[t.start:t.end]: (t.type, t.value) for t in find_timexes(text, anchor=anchor, tense=lambda i: tense)}


def test_past_reference_and_discourse_now():
    assert _values("In the past he was mayor.") == {"the past": ("DATE", "PAST_REF")}
    assert _values("Over the past three years it grew.") == {"the past three years": ("DURATION", "P3Y")}
    assert _values("Now, the hard part begins.") == {}  # a discourse marker, not the present
    assert _values("It is over now, she said.") == {"now": ("DATE", "PRESENT_REF")}
    assert _values("Until now, no one knew.") == {"now": ("DATE", "PRESENT_REF")}


def test_recurring_days_and_parts_of_days():
    assert norm("Friday nights") == ("SET", "XXXX-WXX-5TNI")
    assert norm("every Sunday morning") == ("SET", "XXXX-WXX-7TMO")
    assert norm("every day") == ("SET", "P1D")


def test_untensed_weekday_after_the_document_date_is_tomorrow():
    assert norm("Saturday") == ("DATE", "2020-02-15")  # not six days ago
    assert norm("Saturday", "past") == ("DATE", "2020-02-08")
    assert norm("Sunday") == ("DATE", "2020-02-09")


def test_weekday_in_the_week_the_sentence_is_about():
    # "last week" is 2020-W06 (Feb 3-9): its Tuesday, not this week's
    assert _values("Last week, on Tuesday, the board met.", "past")["Tuesday"] == ("DATE", "2020-02-04")
    assert _values("This week, on Tuesday, the board met.", "past")["Tuesday"] == ("DATE", "2020-02-11")
    # another sentence: the document's week again
    assert _values("Last week was calm. On Tuesday the board met.", "past")["Tuesday"] == ("DATE", "2020-02-11")


def test_clock_time_takes_the_day_the_story_is_at():
    got = _values("The convoy left on Tuesday. It reached the border at 10 a.m.", "past")
    assert got["10 a.m."] == ("TIME", "2020-02-11T10:00")
    assert _values("It reached the border at 10 a.m.", "past")["10 a.m."] == ("TIME", "2020-02-14T10:00")


def test_reported_period_and_its_comparisons():
    text = ("Third-quarter profit rose 5 percent. Revenue in the latest period fell from the same period a year "
            "earlier, and costs beat year-earlier levels.")
    got = _values(text, "past")
    assert got["Third-quarter"] == ("DATE", "2019-Q3")
    assert got["the latest period"] == ("DATE", "2019-Q3")
    assert got["the same period"] == ("DATE", "2018-Q3")
    assert got["year-earlier"] == ("DATE", "2018-Q3")
    assert _values("Costs beat year-earlier levels.", "past")["year-earlier"] == ("DATE", "2019")


def test_last_year_as_a_comparison_point():
    text = "Net income in the third quarter was $5 million, compared with $4.5 million, or 8 cents a share, last year."
    assert _values(text, "past")["last year"] == ("DATE", "2018-Q3")
    assert _values("Third-quarter sales fell from last year.", "past")["last year"] == ("DATE", "2018-Q3")
    # not a comparison: the calendar year before the document's
    assert _values("Third-quarter sales fell. Last year, the firm lost money.", "past")["Last year"] == ("DATE", "2019")
    assert _values("Sales fell from last year.", "past")["last year"] == ("DATE", "2019")


def test_the_quarter_is_the_article_s_quarter_however_far_back():
    filler = "The chief executive declined to comment on the figures or on the outlook for the business. " * 5
    text = f"Profit in the third quarter rose. {filler}In the quarter, sales rose."
    assert _values(text, "past")["the quarter"] == ("DATE", "2019-Q3")


@pytest.mark.model
def test_tense_of_scheduled_events_and_reduced_relatives(parse):
    from sitrep.extract.times import extract_times

    def got(sentence):
        return {t.text: t.value for t in extract_times(parse(sentence, published="2020-02-14"), None)}

    assert got("The vote was scheduled for Tuesday.") == {"Tuesday": "2020-02-18"}
    assert got("The accord signed in May has collapsed.") == {"May": "2019-05"}


@pytest.mark.model
def test_tense_of_arrangements_deadlines_and_past_plans(parse):
    from sitrep.extract.times import extract_times

    def got(sentence):  # 2020-02-14 is a Friday
        return {t.text: t.value for t in extract_times(parse(sentence, published="2020-02-14"), None)}

    assert got("The prosecutor has scheduled a news conference Thursday.") == {"Thursday": "2020-02-20"}
    assert got("Protesters planned a large demonstration on Saturday.") == {"Saturday": "2020-02-15"}
    assert got("On Wednesday, the government planned to pay the families.") == {"Wednesday": "2020-02-12"}
    assert got("The agency has given the family until 9 a.m. Tuesday to sign.") == {"9 a.m. Tuesday": "2020-02-18T09:00"}
    assert got("The offer had been due to expire Thursday evening.") == {"Thursday evening": "2020-02-13TEV"}
    assert got("The stock is to resume trading in Paris Tuesday.") == {"Tuesday": "2020-02-18"}
