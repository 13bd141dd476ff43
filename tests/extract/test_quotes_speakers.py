"""Role-noun speakers ("the minister") linked to the person named earlier with that title."""
from __future__ import annotations

import pytest

from sitrep.extract.quotes.marks import bare as _bare
from sitrep.extract.quotes.resolve import same_office as _same_office, title_words as _title_words


def test_title_words_spell_out_abbreviations():
    assert _title_words("NATO Secretary-General") == ["nato", "secretary-general"]
    assert _title_words("Vermont Sen.") == ["vermont", "senator"]
    assert _title_words("Canada's defence minister") == ["canada", "defence", "minister"]


@pytest.mark.parametrize("title,head,mods,fits", [
    ("U.S. President", "president", set(), True),
    ("Vice President", "president", set(), False),  # "the president" is not the vice president
    ("President", "president", {"vice"}, False),
    ("Defence Minister", "minister", {"defence"}, True),
    ("Foreign Minister", "minister", {"defence"}, False),
    ("Canada's defence minister", "minister", set(), True),
    ("NATO Secretary-General", "secretary-general", {"secretary"}, True),
    ("NATO Secretary-General", "general", set(), False),
    ("Iran's most powerful general", "general", set(), True),
])
def test_same_office(title, head, mods, fits):
    assert _same_office(title, head, mods, [], None) is fits


def test_bare_name_keeps_final_s():
    assert [_bare(n) for n in ("Sanders", "Sanders’", "Obama's", "Harris,", "Clinton''")] == [
        "Sanders", "Sanders", "Obama", "Harris", "Clinton"]


@pytest.fixture(scope="module")
def speakers(parse):
    from sitrep.extract import run_stages

    def run(text):
        found = run_stages(parse(text), stages=("times", "places", "entities", "quotes"))
        ids = {e.name: e.id for e in found.entities}
        return [(q.speaker.text, q.speaker.name, q.speaker.entity) for q in found.quotes if q.speaker], ids

    return run


@pytest.mark.model
def test_role_nouns_link_to_the_titled_person(speakers):
    got, ids = speakers(
        "Defence Minister Harjit Sajjan said the mission would resume soon.\n\n"
        "NATO Secretary-General Jens Stoltenberg said the alliance would train more troops.\n\n"
        "The minister said Canada would keep its troops in Iraq.\n\n"
        "\"We will do it step by step,\" the secretary-general said.")
    assert ("The minister", "Harjit Sajjan", ids["Harjit Sajjan"]) in got
    assert ("the secretary-general", "Jens Stoltenberg", ids["Jens Stoltenberg"]) in got


@pytest.mark.model
def test_latest_holder_of_the_office_wins(speakers):
    got, ids = speakers(
        "Foreign Minister Anna Berg said the talks had failed.\n\n"
        "Later, Defence Minister Carl Holm said the troops would stay.\n\n"
        "The minister said the decision was final.")
    assert ("The minister", "Carl Holm", ids["Carl Holm"]) in got


@pytest.mark.model
def test_other_offices_and_countries_do_not_link(speakers):
    got, _ = speakers(
        "Vice President Joe Biden said the deal was good.\n\n"
        "The president said the deal was bad.\n\n"
        "U.S. President Barack Obama said the talks would go on.\n\n"
        "The French president said the talks were over.")
    by_text = {text: name for text, name, _ in got}
    assert by_text["The president"] != "Joe Biden"
    assert by_text["The French president"] != "Barack Obama"


@pytest.mark.model
def test_pronoun_speaker_links_its_entity(speakers):
    got, ids = speakers(
        "NATO Secretary-General Jens Stoltenberg declined to comment.\n\n"
        "\"We are going to look at what we can do,\" he said.")
    assert ("he", "Jens Stoltenberg", ids["Jens Stoltenberg"]) in got


def _names(speakers, text):
    got, _ = speakers(text)
    return [name for _, name, _ in got]


@pytest.mark.model
def test_pronoun_agrees_in_gender(speakers):
    names = _names(speakers, "Andrew Scheer spoke to supporters in Calgary on Monday.\n\n"
                             "Michelle Rempel wrote on Twitter that the minister was a coward.\n\n"
                             "“We will win the next election,” he said.")
    assert names[-1] == "Andrew Scheer"


@pytest.mark.model
def test_pronoun_skips_a_person_mentioned_in_passing(speakers):
    names = _names(speakers, "Darian Lonechild said she wrote to police after the death of Maria Lopez.\n\n"
                             "“I wanted answers about what happened,” she said.")
    assert names[-1] == "Darian Lonechild"


@pytest.mark.model
@pytest.mark.parametrize("text,name", [
    ("Amanda Nunes won the title on Saturday.\n\n“Nothing was going to stop me tonight,” Nunes said.", "Amanda Nunes"),
    ("Dr. Matthew Bowes said the two drugs together were deadly.", "Matthew Bowes"),
    ("His father, Ernie LeBlanc, said the pills were sold on the street.", "Ernie LeBlanc"),
])
def test_a_person_is_named_in_full_without_titles(speakers, text, name):
    assert _names(speakers, text)[-1] == name


@pytest.mark.model
@pytest.mark.parametrize("text,name", [
    ("Caleb Jones, a rookie defenceman, scored twice on Friday.\n\n"
     "“I was lucky tonight,” the rookie defenceman said.", "Caleb Jones"),
    ("Mohammad Al Mnajer, 32, works in a furniture factory.\n\n"
     "The 32-year-old labourer said the work was hard but steady.", "Mohammad Al Mnajer"),
])
def test_a_description_links_to_the_person_so_described(speakers, text, name):
    assert _names(speakers, text)[-1] == name


@pytest.mark.model
@pytest.mark.parametrize("text,name", [
    ("Some experts say the deal will fail before the summer.", "Some experts"),
    ("The commission said the police board had failed the city.", "The commission"),
    ("Procter & Gamble reported higher sales on Tuesday.\n\nThe company said its profit would rise.",
     "Procter & Gamble"),
    ("A statement from the European Union said the detentions were arbitrary.", "the European Union"),
])
def test_bodies_and_sources_keep_the_phrase_that_names_them(speakers, text, name):
    assert _names(speakers, text)[-1] == name
