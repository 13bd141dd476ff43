"""Counts: values, qualifiers, counted objects, actors and places."""
from __future__ import annotations

import pytest

from sitrep.extract.counts import _number_value


@pytest.mark.parametrize("words, value", [
    (["2,000"], 2000), (["1.5", "million"], 1_500_000), (["two", "dozen"], 24),
    (["a", "dozen"], 12), (["twenty-five"], 25), (["one", "hundred", "and", "twenty"], 120),
    (["3", "billion"], 3e9), (["seven"], 7),
])
def test_number_value(words, value):
    assert _number_value(words) == value


@pytest.mark.parametrize("words", [["many"], ["the"], []])
def test_not_a_number(words):
    assert _number_value(words) is None


def _counts(parse, text):
    from sitrep.extract import run_stages

    parsed = parse(text, published="2020-02-14")
    counts = run_stages(parsed, stages=["times", "places", "entities", "counts"]).counts
    for c in counts:
        assert parsed.text[c.span[0]:c.span[1]] == c.text
    return counts


@pytest.mark.model
def test_qualified_count_with_actor_and_place(parse):
    (count,) = _counts(parse, "Up to 300 Iraqi soldiers were killed near Mosul, officials said.")
    assert (count.value, count.approx, count.qualifier) == (300, True, "up to")
    assert count.object == "soldiers"
    assert (count.actor.code, count.actor.sector) == ("IRQ", "MIL")
    assert count.place.name == "Mosul"


@pytest.mark.model
def test_words_and_plural_scales(parse):
    (count,) = _counts(parse, "Police arrested two dozen protesters in Paris on Monday.")
    assert (count.value, count.object, count.actor.sector) == (24, "protesters", "OPP")
    (count,) = _counts(parse, "Hundreds of protesters marched in Baghdad.")
    assert (count.value, count.qualifier, count.approx) == (100, "more than", True)


@pytest.mark.model
def test_not_counts(parse):
    text = ("A man aged 45 and a 30-year-old woman paid $5 million, 20 percent of the total, "
            "over three days. The 2020 election was held on 3 November. He came first.")
    assert _counts(parse, text) == ()


@pytest.mark.model
def test_seed(seed_extraction):
    counts = {c.value: c for c in seed_extraction.counts}
    special = counts[200]
    assert special.text == "roughly 200 Canadian special forces"
    assert (special.approx, special.object) == (True, "special forces")
    assert (special.actor.code, special.actor.sector) == ("CAN", "MIL")
    assert special.place.name == "Iraq"
    assert counts[2000].object == "force"
    troops = counts[15000]
    assert (troops.approx, troops.qualifier, troops.object) == (True, "more than", "troops")
    assert (troops.actor.code, troops.actor.sector) == ("USA", "MIL")
    assert "Mideast" in troops.place.name or "Middle East" in troops.place.name
    assert counts[3].object == "bases"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "", "   \n\n ", "12 12 12 12", "$$$ %%% 1,2,3", "One. Two. Three.", "Ü" * 200,
    "NATO NATO NATO the alliance the alliance", "- -Iran -- 2,000,000,000,000 troops",
    "hundreds of", "a dozen", "Mr. \u2019s 's",
])
def test_hostile_text_never_raises(parse, text):
    from sitrep.extract import run_stages

    parsed = parse(text)
    found = run_stages(parsed, stages=["times", "places", "entities", "counts"])
    for entity in found.entities:
        for s, e in entity.mentions:
            assert parsed.text[s:e] in entity.aliases
    for count in found.counts:
        assert parsed.text[count.span[0]:count.span[1]] == count.text


@pytest.mark.model
def test_names_partitives_and_measures_are_not_counts(parse):
    text = ("Kentucky reached the Final Four on Sunday. One of the players scored. "
            "The quake measured 4.2 on Monday, and the river rose 41 feet.")
    assert _counts(parse, text) == ()


@pytest.mark.model
def test_object_drops_the_actor_words(parse):
    (count,) = _counts(parse, "Fighting killed 25 Turkish-backed Syrian militiamen near Afrin.")
    assert (count.value, count.object) == (25, "militiamen")
    (count,) = _counts(parse, "The closure cost hundreds of thousands of jobs in Ohio.")
    assert (count.value, count.qualifier, count.object) == (100_000, "more than", "jobs")


@pytest.mark.model
def test_a_place_inside_a_company_name_is_no_count_s_place(parse):
    (count,) = _counts(parse, "Some 200 workers at Atlantic Richfield Co were laid off.")
    assert count.place is None  # not the Atlantic Ocean
