"""Events, round 2: refusals from negated assent and disavowed intent, content of vows,
announced halts, and lexicon readings that depend on the object."""
from __future__ import annotations

import pytest

from sitrep.kb import cameo
from sitrep.records import Extraction


def _events(parse, text):
    from sitrep.extract.events import extract_events

    parsed = parse(text)
    return extract_events(parsed, Extraction(id=parsed.id, article=parsed.article))


def _types(parse, text):
    return [v.type for v in _events(parse, text)]


def test_object_decides_the_reading():
    w = lambda s: [(x, x) for x in s.split()]
    code = lambda lemma, after: cameo.to_plover(cameo.trigger_code(lemma, "VERB", after=w(after)))[0]
    assert code("withdraw", "its ambassador from the capital") == "SANCTION"  # not a pull-back of forces
    assert code("withdraw", "from the town") == "RETREAT"
    assert code("block", "access to opposition websites") == "COERCE"
    assert code("block", "the main road to the airport") == "PROTEST"
    assert code("lift", "the ban on the opposition party") == "CONCEDE"
    assert code("lift", "the ban on beef imports") == "RETREAT"  # economic sanctions eased: 085
    assert code("hand", "over power to a civilian government") == "CONCEDE"
    assert code("rule out", "any talks") == "REJECT"
    assert cameo.trigger_code("come", "VERB", after=w("to power in 2010")) == cameo.VETO


@pytest.mark.model
def test_refusals(parse):
    assert _types(parse, "Iran did not accept the European proposal.") == ["REJECT"]
    assert _types(parse, "Israel said it had no intention of withdrawing from the Golan Heights.") == ["REJECT"]
    assert _types(parse, "Syria ruled out any negotiations with the rebels.") == ["REJECT"]
    assert _types(parse, "Iraq said it would not comply with the resolution.") == ["REJECT"]
    # a negated hostile act stays a negated event, not a refusal
    assert [v.modality for v in _events(parse, "The army did not attack the town.")] == ["negated"]


@pytest.mark.model
def test_vow_content_and_announced_halt(parse):
    assert _types(parse, "The president vowed to crush the rebellion.") == ["THREATEN"]
    ev = _events(parse, "Washington announced the suspension of aid to Egypt.")
    assert [v.type for v in ev] == ["SANCTION"] and ev[0].cameo == "162"
    assert _types(parse, "Prosecutors charged the former minister with corruption.") == ["ACCUSE"]


@pytest.mark.model
def test_threat_forms(parse):
    assert _types(parse, "Iran said it would not hesitate to use force against any aggressor.") == ["THREATEN"]
    ev = _events(parse, "The army told residents to leave the area or face arrest.")
    assert [v.type for v in ev] == ["THREATEN"] and ev[0].cameo == "137"
    assert _types(parse, "Pakistan said it would cut off supplies to NATO forces.") == ["THREATEN"]


@pytest.mark.model
def test_official_protest_and_clash_with_crowd(parse):
    # a state's protest is an official complaint (CAMEO 114); its people's is a demonstration
    ev = _events(parse, "Beijing protested to Washington over the arms sale to Taiwan.")
    assert [(v.type, v.cameo) for v in ev] == [("ACCUSE", "114")]
    assert _types(parse, "Thousands of Egyptians protested in Cairo.") == ["PROTEST"]
    ev = _events(parse, "Police clashed with demonstrators in the capital.")
    assert [(v.type, v.cameo) for v in ev] == [("PROTEST", "145")]


@pytest.mark.model
def test_voiced_concern_disapproves_of_the_act(parse):
    ev = _events(parse, "The United States expressed concern over the arrest of the opposition leader.")
    assert [(v.type, v.cameo) for v in ev] == [("ACCUSE", "110")]
    assert _types(parse, "Britain said it was deeply concerned about the violence.") == ["ACCUSE"]


@pytest.mark.model
def test_phrasal_verb_falls_back_to_its_verb(parse):
    # PETRARCH knows "call up" only by a bare default; the verb's own entry codes the call-up
    ev = _events(parse, "Egypt called up its reserves.")
    assert [(v.type, v.cameo) for v in ev] == [("MOBILIZE", "154")]
    assert _types(parse, "The government beefed up security around the embassy.") == ["MOBILIZE"]
