"""Events: PLOVER type overrides, reported demands, conditional threats and argument rules."""
from __future__ import annotations

import pytest

from sitrep.kb import cameo
from sitrep.records import Extraction


def test_type_override_and_crosswalk_fixes():
    # CAMEO codes a resignation 0831 (CONCEDE in the crosswalk); PLOVER files it under RETREAT
    assert cameo.to_plover("0831>RETREAT:resign") == ("RETREAT", "resign")
    assert cameo.cameo_part("0831>RETREAT:resign") == "0831"
    assert cameo.trigger_code("resign", "VERB").startswith("0831>RETREAT")
    # easing a curfew or a state of emergency is a concession (PLOVER manual), not a retreat
    assert cameo.to_plover("0813")[0] == "CONCEDE" and cameo.to_plover("0814")[0] == "CONCEDE"
    assert cameo.to_plover("0841")[0] == "RETREAT"  # the release itself stays a retreat


def test_lexicon_readings_in_context():
    w = lambda s: [(x, x) for x in s.split()]
    assert cameo.to_plover(cameo.trigger_code("lift", "VERB", after=w("the curfew in the capital")))[0] == "CONCEDE"
    assert cameo.trigger_code("ease", "VERB", after=w("monetary policy")) is None or \
        cameo.to_plover(cameo.trigger_code("ease", "VERB", after=w("monetary policy")))[0] != "CONCEDE"
    # a formal charge, even one the police or a court brings, alleges a crime (PLOVER ACCUSE,
    # CAMEO 1121); the arrest that may come with it is the coercion
    assert cameo.trigger_code("charge", "VERB", before=w("the police"), after=w("him with murder")) == "1121"
    assert cameo.to_plover(cameo.trigger_code("arrest", "VERB", after=w("him for murder")))[0] == "COERCE"
    assert cameo.to_plover(cameo.trigger_code("charge", "VERB", before=w("the opposition"),
                                              after=w("the minister with corruption")))[0] == "ACCUSE"
    assert cameo.trigger_code("defend", "VERB", after=w("its decision against criticism")) == "052"
    assert cameo.trigger_code("pull out", "VERB", after=w("of the talks")) == "164"


def _events(parse, text):
    from sitrep.extract.events import extract_events

    parsed = parse(text)
    return extract_events(parsed, Extraction(id=parsed.id, article=parsed.article))


@pytest.mark.model
def test_reported_obligation_is_the_speakers_demand(parse):
    ev = _events(parse, "Iran said Iraq must release all prisoners of war.")
    assert [v.type for v in ev] == ["REQUEST"]
    assert ev[0].cameo.startswith("10") and ev[0].modality == "reported"
    assert ev[0].source[0].code == "IRN" and ev[0].target[0].code == "IRQ"
    ev = _events(parse, "Iran said it must defend itself.")  # one's own duty is no demand
    assert all(v.type != "REQUEST" for v in ev)


@pytest.mark.model
def test_conditional_and_negated_statements(parse):
    ev = _events(parse, "Hamas said it would pull its fighters out of the city unless Israel stopped the raids.")
    assert [v.type for v in ev] == ["THREATEN"]
    ev = _events(parse, "China said it could not accept the American proposal.")
    assert [v.type for v in ev] == ["REJECT"] and ev[0].modality != "negated"
    ev = _events(parse, "North Korea said it was not prepared to resume talks.")
    assert [v.type for v in ev] == ["REJECT"]


@pytest.mark.model
def test_halted_nominal_and_riot(parse):
    ev = _events(parse, "The United States stopped aid to Egypt.")
    assert [(v.type, v.modality) for v in ev] == [("SANCTION", "asserted")]
    ev = _events(parse, "Rioters attacked police stations in the capital.")
    assert [v.type for v in ev] == ["PROTEST"] and ev[0].cameo == "145"


@pytest.mark.model
def test_names_and_cause_adjuncts(parse):
    # a word of an organization's name is no event; a name in a "due to" adjunct no target
    assert not [v for v in _events(parse, "The Ministry of Humanitarian Aid opened an office.") if v.type == "AID"]
    ev = _events(parse, "NATO suspended the mission due to tensions between Iran and the United States.")
    assert ev and ev[0].type == "SANCTION" and not any(a.code for a in ev[0].target)


@pytest.mark.model
def test_seed_pronoun_sender_is_no_igo_official(seed_extraction):
    sent = [v for v in seed_extraction.events if v.type == "MOBILIZE" and v.trigger.text == "sent"]
    assert sent and sent[0].source[0].code == "USA"  # "he has sent 15,000 troops": Trump, not Stoltenberg
