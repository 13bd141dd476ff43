"""Events: the CAMEO/PLOVER tables, trigger coding, arguments, modality, date and place."""
from __future__ import annotations

import re

import pytest

from sitrep.kb import cameo
from sitrep.records import Extraction, Place, Quote, Time

SEED_PUBLISHED = "2020-02-14"


def test_crosswalk_both_ways():
    assert cameo.to_plover("0311") == ("AGREE", None)
    assert cameo.to_plover("1712") == ("ASSAULT", "seize")
    assert cameo.to_plover("021")[0] == "REQUEST"  # appeals fold into REQUEST
    assert cameo.to_plover("010") is None  # plain statements are no PLOVER event
    assert cameo.plover_root("ACCUSE") == "11"
    assert "154" in cameo.plover_to_cameo("MOBILIZE")
    assert cameo.codebook()["190"].startswith("Use conventional military force")


def test_trigger_codes_in_context():
    w = lambda s: [(x, x) for x in s.split()]
    assert cameo.trigger_code("send", "VERB", after=w("more troops to the region")) == "154"
    assert cameo.trigger_code("strike", "NOUN", before=w("an air")) == "195"
    assert cameo.trigger_code("kill", "VERB", after=w("in a training accident")) == cameo.VETO
    assert cameo.trigger_code("say", "VERB") is None
    assert cameo.trigger_match("accuse", "VERB")[1] == "core"


def _found(parsed, **records):
    return Extraction(id=parsed.id, article=parsed.article, **records)


def _time(text, sub, value):
    s = text.index(sub)
    return Time(text=sub, span=(s, s + len(sub)), type="DATE", value=value)


def _run(parse, text, published=SEED_PUBLISHED, **records):
    from sitrep.extract.events import extract_events

    parsed = parse(text, published=published)
    return extract_events(parsed, _found(parsed, **records))


@pytest.mark.model
def test_seed_suspension_and_agreement_dates(parse):
    text = ("The alliance suspended the mission on January 6 as a result of the heightened tensions.\n\n"
            "NATO defense ministers agreed on Wednesday to expand the Western alliance's training mission in Iraq.")
    times = (_time(text, "January 6", "2020-01-06"), _time(text, "Wednesday", "2020-02-12"))
    events = _run(parse, text, times=times)
    susp = [v for v in events if v.trigger.text == "suspended"]
    assert susp and susp[0].date == "2020-01-06" and susp[0].date_basis == "sentence"
    assert susp[0].source and susp[0].source[0].text == "The alliance"
    agree = [v for v in events if v.type in ("AGREE", "COOPERATE")]
    assert agree and agree[0].date == "2020-02-12"
    assert any(a.code == "IGO" for a in agree[0].source)
    assert agree[0].modality == "planned"
    assert agree[0].cameo.startswith("03")


@pytest.mark.model
def test_killing_demand_and_deployment(parse):
    text = ("The two issues have collided in Iraq, where the US last month killed Iran's most powerful general, "
            "Qassem Suleimani. The ministers were responding to a demand by U.S. President Donald Trump for NATO "
            "to do more in the Middle East. He has sent more than 15,000 American troops to the Mideast since May.")
    events = _run(parse, text, times=(_time(text, "last month", "2020-01"),))
    kill = [v for v in events if v.type == "ASSAULT"]
    assert kill and kill[0].trigger.text == "killed" and kill[0].date == "2020-01"
    assert [a.code for a in kill[0].source] == ["USA"] and kill[0].target[0].code == "IRN"
    demand = [v for v in events if v.type == "REQUEST"]
    assert demand and demand[0].source[0].code == "USA" and demand[0].target[0].code == "IGO"
    # no date in its own sentence: the previous sentence's, and it says so
    assert demand[0].date == "2020-01" and demand[0].date_basis == "context"
    assert any(v.type == "MOBILIZE" and v.trigger.text == "sent" for v in events)


@pytest.mark.model
def test_modality(parse):
    text = ("Two diplomats said NATO might increase the force to 2,000 through a reassignment of troops. "
            "Israel did not attack the convoy. Egypt will host the talks. Rebels attacked the town.")
    events = _run(parse, text, published=None)
    by_trigger = {v.trigger.text: v for v in events}
    assert by_trigger["increase"].modality == "possible"
    assert by_trigger["attack"].modality == "negated"
    assert by_trigger["host"].modality == "planned"
    assert by_trigger["attacked"].modality == "asserted"
    assert by_trigger["attacked"].date is None and by_trigger["attacked"].date_basis is None


@pytest.mark.model
def test_quoted_event_links_quote_and_place(parse):
    text = 'Police in Baghdad arrested twelve protesters. "The army shelled our village," he said.'
    s = text.index('"The army')
    quote = Quote(id="q1", type="direct", text=text[s + 1:text.index(',"')], span=(s, text.index(',"') + 2))
    b = text.index("Baghdad")
    place = Place(text="Baghdad", span=(b, b + 7), geonameid=98182, name="Baghdad", country="IRQ")
    events = _run(parse, text, quotes=(quote,), places=(place,))
    arrest = next(v for v in events if v.type == "COERCE")
    assert arrest.place.geonameid == 98182 and arrest.place_basis == "sentence"
    assert arrest.date == SEED_PUBLISHED and arrest.date_basis == "publication"
    shell = next(v for v in events if v.type == "ASSAULT")
    assert shell.quote == "q1" and shell.modality == "reported"
    assert shell.place_basis == "context"


@pytest.mark.model
def test_the_dateline_place_yields_to_the_sentence_s_own(parse):
    text = "BAGHDAD (Reuters) - Militants attacked an army base in northern Iraq.\n\nPolice arrested 12 protesters."
    b, i = text.index("BAGHDAD"), text.index("Iraq")
    places = (Place(text="BAGHDAD", span=(b, b + 7), geonameid=98182, name="Baghdad", country="IRQ"),
              Place(text="Iraq", span=(i, i + 4), geonameid=99237, name="Iraq", country="IRQ", part="north"))
    attack, bomb = _run(parse, text, places=places)
    assert (attack.place.geonameid, attack.place.part) == (99237, "north")
    assert bomb.place.name == "Iraq" and bomb.place_basis == "context"
    alone = _run(parse, "BAGHDAD (Reuters) - Police arrested 12 protesters.", places=places[:1])
    assert alone[0].place.geonameid == 98182  # with no other place, the dateline's stands in


def _at(text, name, gid, nth=0):
    s = [m.start() for m in re.finditer(rf"\b{name}\b", text)][nth]
    return Place(text=name, span=(s, s + len(name)), geonameid=gid, name=name)


@pytest.mark.model
def test_a_place_that_qualifies_or_acts_is_no_venue(parse):
    text = ("Allies contributed to USA military efforts in Iraq. The issues collided in Iraq, where the US "
            "killed a general. Russia attacked Ukraine. The US-led coalition sent troops.")
    places = (_at(text, "USA", 1), _at(text, "Iraq", 2), _at(text, "Iraq", 2, 1), _at(text, "US", 1, 0),
              _at(text, "Russia", 3), _at(text, "Ukraine", 4), _at(text, "US", 1, 1))
    got = {v.trigger.text: v for v in _run(parse, text, places=places)}
    assert got["contributed"].place.geonameid == 2  # not "USA military efforts"
    assert got["killed"].place.geonameid == 2  # not the US, which killed
    assert got["attacked"].place.geonameid == 4  # force used on a country is used in it
    assert got["sent"].place_basis == "context"  # "US-led" says whose coalition, not where
    text = "Kyrgyzstan was ready to talk."
    ready = _run(parse, text, places=(_at(text, "Kyrgyzstan", 5),))
    assert ready[0].trigger.text == "ready" and ready[0].place is None  # the copula's subject acts
    text = "Rebels demanded that Burundi's government grant the majority more rights."
    demand = _run(parse, text, places=(_at(text, "Burundi", 6).replace(country="BDI"),))
    # "Burundi's" is no venue, yet it still says whose rebels these are
    assert demand and demand[0].place is None and demand[0].source[0].code == "BDI"
    text = "Sen. Charles Grassley (R-Iowa) said he would offer a compromise."
    offer = _run(parse, text, places=(_at(text, "Iowa", 6),))
    assert offer and all(v.place is None for v in offer)  # the senator's state, not where he offers


@pytest.mark.model
def test_nested_triggers_fold_into_their_governor(parse):
    events = _run(parse, "Iran threatened to attack American bases in the region.")
    assert [v.type for v in events] == ["THREATEN"]
    assert events[0].source[0].code == "IRN"


@pytest.mark.model
def test_seed_article_events(seed_extraction):
    rec = seed_extraction
    types = {v.type for v in rec.events}
    assert {"ASSAULT", "REQUEST", "MOBILIZE"} <= types and types & {"AGREE", "COOPERATE"}
    for v in rec.events:
        assert v.type in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@pytest.mark.model
@pytest.mark.parametrize("text", ["", "...", "\n\n\n", "attack", "“Killed”—by whom?", "A " * 300, "Kill kill kill."])
def test_odd_text_never_raises(parse, text):
    for v in _run(parse, text, published=None):
        assert v.sentence[0] <= v.trigger.span[0] < v.trigger.span[1] <= v.sentence[1]


def test_content_refines_generic_codes():
    from sitrep.extract.events.coding import refine_code as _refine

    assert _refine("030", "0874") == "035"  # agree to withdraw: intent to yield
    assert _refine("100", "042") == "106"  # demand a meeting
    assert _refine("130", "190") == "138"  # threaten force
    assert _refine("0356", "190") == "0356"  # already specific
    assert _refine("030", None) == "030"
    assert _refine("030", "190") == "138"  # vowed to attack: a threat
    assert _refine("030", "190", mutual=True) == "030"  # agreed to fight together: not a threat


def _types(parse, text):
    return [(v.type, v.cameo) for v in _run(parse, text, published=None) if v.modality != "negated"]


@pytest.mark.model
def test_one_event_per_governing_clause(parse):
    # complements and purpose clauses fold into the governing event: one event, not three
    events = _run(parse, "Egypt decided to release 20 prisoners to encourage talks with Hamas.", published=None)
    assert len(events) == 1 and events[0].modality == "planned"
    # an event in a relative clause describing an actor gives way to the main clause's
    assert [t for t, _ in _types(parse, "The rebels who attacked the convoy agreed to a ceasefire.")] == ["AGREE"]
    # "said it would" states intent (CAMEO 03) or threatens (13); "will not" refuses (12)
    assert _types(parse, "Japan said it would send aid to the Philippines.") == [("AGREE", "033")]
    assert [t for t, _ in _types(parse, "Iran vowed to retaliate against Israel.")] == ["THREATEN"]
    assert [t for t, _ in _types(parse, "Israel said it would not withdraw its troops from the Golan Heights.")] \
        == ["REJECT"]


@pytest.mark.model
def test_noun_event_with_its_own_agent_stands_beside_the_main_one(parse):
    head = "EU foreign ministers agreed on Monday to extend sanctions on Syria, the bloc's foreign policy chief said, "
    tail = "responding to a demand by French President Emmanuel Macron for Germany to do more in Africa."
    events = _run(parse, head + tail, published=None)
    assert [v.type for v in events] == ["AGREE", "REQUEST"]
    demand = events[1]
    assert demand.trigger.text == "demand" and demand.modality == "asserted"
    assert [a.code for a in demand.source] == ["FRA"] and [a.code for a in demand.target] == ["DEU"]
    # without an agent of its own the noun event still gives way to the main clause's
    events = _run(parse, head + "responding to a demand for Germany to do more in Africa.", published=None)
    assert [v.type for v in events] == ["AGREE"]


@pytest.mark.model
def test_follow_up_lexicon(parse):
    cases = {"The UN encouraged Sudan to allow aid into Darfur.": "REQUEST",
             "More than 10,000 people took part in a demonstration in Berlin.": "PROTEST",
             "Serbia offered an apology to Bosnia.": "SUPPORT",
             "Thailand declared martial law.": "COERCE",
             "Sudan accepted the deployment of UN peacekeepers in Darfur.": "RETREAT",
             "The government allowed the opposition to hold rallies.": "CONCEDE",
             "Demonstrators clashed with police in Athens.": "PROTEST"}
    for text, want in cases.items():
        assert [t for t, _ in _types(parse, text)] == [want], text
    assert _types(parse, "Kuwait offered its condolences to Egypt.") == []
    assert _types(parse, "Pakistan denied the accusation.") == []  # a denial, not an accusation


@pytest.mark.model
def test_adjective_triggers_and_refined_codes(parse):
    events = _run(parse, "France was highly critical of the Israeli raid on Gaza. "
                         "The rebels agreed to withdraw their fighters from the town.")
    crit = next(v for v in events if v.trigger.text == "critical")
    assert crit.type == "ACCUSE" and crit.source[0].code == "FRA" and crit.target[0].code == "ISR"
    agree = next(v for v in events if v.type == "AGREE")
    assert agree.cameo == "035" and agree.modality == "planned"


def test_pronoun_points_back_to_the_nearest_fitting_entity():
    from sitrep.extract.events.actors import resolve_pronoun
    from sitrep.records import Entity

    ents = (Entity(id="e1", name="Jens Stoltenberg", kind="person", mentions=((0, 16),), code="IGO"),
            Entity(id="e2", name="Iraq", kind="place", mentions=((30, 34),), code="IRQ"),
            Entity(id="e3", name="Esper", kind="person", mentions=((40, 45),), code="USA"))
    assert resolve_pronoun("he", 38, ents).id == "e1"
    assert resolve_pronoun("He", 60, ents).id == "e3"
    assert resolve_pronoun("they", 60, ents) is None  # a place is not "they"
    assert resolve_pronoun("we", 60, ents) is None


@pytest.mark.model
def test_a_date_inside_a_noun_phrase_dates_neither_the_event_nor_the_story(parse):
    text = ("The foreign minister rejected a proposal to use colonial maps from 1958 as the basis for the border. "
            "The rebels attacked a police post near the river.")
    events = _run(parse, text, published="2026-03-09", times=(_time(text, "1958", "1958"),))
    assert events and all(v.date != "1958" for v in events), [(v.trigger.text, v.date) for v in events]
