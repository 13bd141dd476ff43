"""Events, round 3: demands read off more speech verbs and the mandative subjunctive,
allegations as accusations, announced cooperative acts as intent, and words that look
like triggers but are not acts (possessors, participles standing for people)."""
from __future__ import annotations

import pytest

from sitrep.kb import cameo
from sitrep.records import Extraction


def _events(parse, text):
    from sitrep.extract.events import extract_events

    parsed = parse(text)
    return extract_events(parsed, Extraction(id=parsed.id, article=parsed.article))


def _types(parse, text):
    return [v.type for v in _events(parse, text) if v.modality != "negated"]


def test_object_decides_withdrawal_and_dismissal():
    w = lambda s: [(x, x) for x in s.split()]
    code = lambda lemma, after: cameo.to_plover(cameo.trigger_code(lemma, "VERB", after=w(after)))[0]
    assert code("withdraw", "its support from the coalition government") == "SANCTION"
    assert code("withdraw", "the country from the treaty") == "SANCTION"
    assert code("withdraw", "from the town") == "RETREAT"
    assert code("dismiss", "an appeal from the opposition") == "REJECT"
    assert code("charge", "that the army had shelled the town") == "ACCUSE"
    assert code("call", "in troops to restore order") == "MOBILIZE"
    assert code("call", "on the army to restore order") == "REQUEST"
    assert code("launch", "a joint operation against smugglers") == "COOPERATE"
    assert code("halt", "work over unpaid wages") == "PROTEST"
    assert code("impose", "a veto on the resolution") == "REJECT"
    assert code("brush", "aside demands for an inquiry") == "REJECT"
    assert code("block", "the road to the airport") == "PROTEST"
    assert code("send", "a team of experts to investigate the attack") == "ACCUSE"
    assert code("send", "troops to the border") == "MOBILIZE"
    assert code("join", "the protest in the capital") == "PROTEST"
    assert code("capitulate", "to the demands") == "CONCEDE"
    assert code("dismiss", "international mediation efforts") == "REJECT"
    assert code("turn", "its back on the mediation") == "REJECT"
    assert code("take", "the government to court") == "ACCUSE"
    assert code("rally", "support against the president") == "ACCUSE"
    assert code("rally", "against the war") != "ACCUSE"
    assert code("supply", "weapons to the army") == "AID"
    assert code("forgive", "the debt of the poorest countries") == "AID"
    assert code("meet", "the demands of the strikers") == "CONCEDE"
    assert cameo.trigger_code("meet", "VERB", after=w("demand for its new phone")) == cameo.VETO
    n = lambda before: cameo.to_plover(cameo.trigger_code("protest", "NOUN", before=w(before)))[0]
    assert n("china lodged a formal") == "ACCUSE" and n("thousands joined the") == "PROTEST"
    assert cameo.to_plover(cameo.trigger_code("block", "VERB", before=w("riot police"), after=w("the road")))[0] \
        == "COERCE"


@pytest.mark.model
def test_demands_after_any_speech_verb_and_in_the_subjunctive(parse):
    assert _types(parse, "The minister stressed that Syria must hand over the weapons.") == ["REQUEST"]
    assert _types(parse, "The council declared that Libya must release the hostages.") == ["REQUEST"]
    assert _types(parse, "The United Nations insisted that Iraq comply with the resolutions.") == ["REQUEST"]
    assert _types(parse, "Officials said Iraq complied with the resolutions.") == ["CONCEDE"]


@pytest.mark.model
def test_an_allegation_is_the_accusation(parse):
    (v,) = _events(parse, "Pakistan alleged that India had sent troops across the border.")
    assert v.type == "ACCUSE" and v.source[0].code == "PAK" and v.target[0].code == "IND"


@pytest.mark.model
def test_announced_cooperative_act_is_intent(parse):
    assert _types(parse, "Japan will provide emergency aid to the flood victims.") == ["AGREE"]
    assert _types(parse, "Russia will withdraw its troops from the region.") == ["RETREAT"]
    assert _types(parse, "Egypt will host the talks.") == ["CONSULT"]
    assert _types(parse, "Japan provided emergency aid to the flood victims.") == ["AID"]


@pytest.mark.model
def test_no_act_in_possessors_or_participles_for_people(parse):
    assert _types(parse, "Medics evacuated the wounded from the battlefield.") == ["AID"]
    assert _types(parse, "Delegates reached an agreement on the meeting's second day.") == ["AGREE"]


@pytest.mark.model
def test_attempts_and_showing_are_not_requests_or_protests(parse):
    assert _types(parse, "Iran sought to expel the inspectors.") == ["SANCTION"]
    assert _types(parse, "The rebels sought help from Libya.") == ["REQUEST"]
    assert _types(parse, "The actions demonstrate the need for reform.") == []
    assert _types(parse, "Students demonstrated in front of the parliament.") == ["PROTEST"]


@pytest.mark.model
def test_alert_and_penalty_held_out_by_a_demand(parse):
    assert "MOBILIZE" in _types(parse, "Indian police went on full alert after the bombing.")
    assert _types(parse, "Washington said Tehran must free the sailors or face charges.") == ["REQUEST"]


@pytest.mark.model
def test_violence_by_a_crowd_described_is_a_riot(parse):
    assert _types(parse, "Youths angry at the verdict, throwing stones at police cars, said they would continue.") \
        == ["PROTEST"]


@pytest.mark.model
def test_absolute_clause_names_no_target(parse):
    text = "NATO suspended the training mission after the attack, with some Dutch troops moved to Jordan."
    (v,) = _events(parse, text)
    assert v.type == "SANCTION" and not any(a.code for a in v.target)


@pytest.mark.model
def test_claim_of_another_partys_hostile_act_accuses(parse):
    (v,) = _events(parse, "Iraq claimed that Iran has sent troops to the border.")
    assert v.type == "ACCUSE" and v.source[0].code == "IRQ" and v.target[0].code == "IRN"
    assert "ACCUSE" not in _types(parse, "Iraq claimed that its troops had shelled the rebel positions.")


@pytest.mark.model
def test_light_verb_means_its_object(parse):
    (v,) = _events(parse, "Japan lodged a protest with Beijing over the incident.")
    assert v.type == "ACCUSE" and v.source[0].code == "JPN" and v.target[0].code == "CHN"
    assert _types(parse, "The Security Council issued an ultimatum to Iraq.") == ["THREATEN"]
