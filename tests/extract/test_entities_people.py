"""Entities: telling people apart who share a surname or a similar name."""
from __future__ import annotations

import pytest

from sitrep.extract.entities import _name, _same_person
from tests.extract.test_entities import _by_alias


def test_name_drops_titles_and_suffixes():
    assert _name("President Trump") == ("trump",)
    assert _name("Sen. Ted Cruz") == _name("Ted Cruz")
    assert _name("Martin Luther King Jr.") == _name("Martin Luther King")
    assert _name("King") == ("king",)  # a title word alone is a name


@pytest.mark.parametrize("a, b", [
    ("George W. Bush", "George Bush"), ("J. Smith", "John Smith"), ("Bill Clinton", "William Clinton"),
    ("Qassem Suleimani", "Qasem Soleimani"), ("Chuck Grassley", "Charles Grassley"),
    ("Francois Hollande", "François Hollande")])
def test_same_person(a, b):
    assert _same_person(_name(a), _name(b))


@pytest.mark.parametrize("a, b", [("Jeb Bush", "George W. Bush"), ("Bill Clinton", "Hillary Clinton"),
                                  ("Michelle Obama", "Michele Bachmann"), ("Michelle Obama", "Barack Obama"),
                                  ("George W. Bush", "George H.W. Bush"), ("Mario Rubio", "Marco Rubio")])
def test_different_people(a, b):
    assert not _same_person(_name(a), _name(b))


def _people(parse, text):
    from sitrep.extract import run_stages

    found = run_stages(parse(text, published="2015-12-15"), stages=["times", "places", "entities"])
    return [e for e in found.entities if e.kind == "person"]




@pytest.mark.model
def test_shared_surnames_stay_apart(parse):
    ents = _people(parse, "Michelle Obama spoke in Chicago on Monday. Michele Bachmann answered "
                          "her in Iowa. Barack Obama did not comment.")
    assert len({_by_alias(ents, n).id for n in ("Michelle Obama", "Michele Bachmann", "Barack Obama")}) == 3


@pytest.mark.model
def test_bare_surname_follows_the_last_full_name(parse):
    ents = _people(parse, "Bill Clinton campaigned in Ohio. Clinton told voters to be patient. "
                          "Later, Hillary Clinton spoke in Iowa. Clinton promised new jobs.")
    bill, hillary = _by_alias(ents, "Bill Clinton"), _by_alias(ents, "Hillary Clinton")
    assert bill.id != hillary.id
    assert len(bill.mentions) == 2 and len(hillary.mentions) == 2
    assert bill.mentions[1][0] < hillary.mentions[0][0] < hillary.mentions[1][0]


@pytest.mark.model
def test_bush_brothers(parse):
    ents = _people(parse, "Jeb Bush said his brother George W. Bush kept the country safe. "
                          "George Bush left office in 2009.")
    jeb, george = _by_alias(ents, "Jeb Bush"), _by_alias(ents, "George W. Bush")
    assert jeb.id != george.id and "George Bush" in george.aliases


@pytest.mark.model
def test_titled_surname_joins_full_name(parse):
    ents = _people(parse, "Donald Trump arrived in Florida on Friday. President Trump said the "
                          "talks went well, and Trump left on Saturday.")
    trump = _by_alias(ents, "Donald Trump")
    assert len(trump.mentions) == 3


@pytest.mark.model
def test_far_surname_goes_to_the_person_named_most(parse):
    filler = " Voters in the state were asked about jobs, schools and roads on Tuesday." * 6
    ents = _people(parse, "Hillary Clinton campaigned in Ohio. Clinton spoke about jobs. Bill Clinton "
                          "joined her on stage." + filler + " Clinton promised new jobs.")
    hillary = _by_alias(ents, "Hillary Clinton")
    assert len(hillary.mentions) == 3 and len(_by_alias(ents, "Bill Clinton").mentions) == 1


@pytest.mark.model
def test_kb_surname_is_not_a_namesake(parse):
    # the KB reads "Obama" in 2015 as Barack Obama: a far-off "Obama" is not Michelle Obama
    filler = " Guests at the dinner were asked about the menu, the music and the weather." * 6
    ents = _people(parse, "Michelle Obama hosted a dinner at the White House." + filler
                   + " Obama signed the bill in Washington on Friday.")
    assert len(_by_alias(ents, "Michelle Obama").mentions) == 1


@pytest.mark.model
def test_kb_surname_codes_a_bare_mention(parse):
    (obama,) = _people(parse, "Obama signed the bill on Friday, so the United States will fund the plan.")
    assert (obama.code, obama.sector) == ("USA", "GOV")
