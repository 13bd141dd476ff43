"""Sources and targets are actors named in the sentence: never objects, instruments or places."""
from __future__ import annotations

import pytest


def _events(parse, text, published="2020-02-14"):
    from sitrep.extract import run_stages

    return run_stages(parse(text, published=published)).events


def _dyads(parse, text, published="2020-02-14"):
    return [(v.type, [a.text for a in v.source], [a.text for a in v.target]) for v in _events(parse, text, published)]


@pytest.mark.model
def test_a_request_targets_who_made_it_not_the_request(parse):
    (v,) = _events(parse, "Romania's president refused a request from the justice minister.")
    assert v.type == "REJECT" and [a.text for a in v.target] == ["the justice minister"]


@pytest.mark.model
def test_an_embargo_on_sales_to_a_country_targets_the_country(parse):
    (v,) = _events(parse, "Washington lifted its embargo on arms sales to Vietnam.")
    assert [a.code for a in v.target] == ["VNM"]


@pytest.mark.model
def test_an_object_with_no_owner_is_no_target(parse):
    (v,) = _events(parse, "Baghdad rejected the referendum.")
    assert v.type == "REJECT" and v.target == ()


@pytest.mark.model
def test_the_person_named_in_apposition_is_the_target(parse):
    text = "The US last month killed Iran's most powerful general, Qassem Suleimani."
    (v,) = _events(parse, text)
    assert [a.text for a in v.target] == ["Qassem Suleimani"] and v.target[0].code == "IRN"


@pytest.mark.model
def test_a_place_in_front_of_a_title_gives_a_code_but_is_not_the_actor(parse):
    (v,) = _events(parse, "Calgary MLA Sandra Jansen was denouncing the party leadership.")
    assert v.source[0].text.endswith("Sandra Jansen") and v.source[0].code == "CAN"


@pytest.mark.model
def test_the_agent_of_a_participle_is_the_source(parse):
    (v,) = _events(parse, "Money donated by the Irish reached the Navajo Nation.")
    assert v.type == "AID" and v.source[0].code == "IRL"


@pytest.mark.model
def test_talks_between_two_sides_have_one_as_source_and_one_as_target(parse):
    (v,) = _events(parse, "Talks between the government and the rebels broke down on Monday.")
    assert [a.text for a in v.source] == ["the government"] and [a.text for a in v.target] == ["the rebels"]


@pytest.mark.model
def test_the_doers_own_troops_are_not_its_target(parse):
    (v,) = _events(parse, "Iraq declined to withdraw its troops from Kuwait.")
    assert [a.code for a in v.target] == ["KWT"]


@pytest.mark.model
def test_no_event_without_an_actor_who_does_it(parse):
    assert _events(parse, "Labour trouble threatens the beet crop.") == ()
    assert _events(parse, "The mission was suspended due to security concerns.") == ()


@pytest.mark.model
def test_a_dateline_is_no_actor(parse):
    (v,) = _events(parse, "ROME - Israeli Foreign Minister Shimon Peres met Palestinian officials.")
    assert not v.source[0].text.startswith("ROME") and v.source[0].code == "ISR"


@pytest.mark.model
def test_a_reporters_question_is_no_request(parse):
    assert _events(parse, "When asked about the talks, the minister smiled.") == ()


@pytest.mark.model
def test_a_place_is_coded_as_the_state_of_the_storys_day(parse):
    (v,) = _events(parse, "Moscow accused Washington of spying.", published="1987-03-04")
    assert v.source[0].code == "SUN"
    (v,) = _events(parse, "Moscow accused Washington of spying.", published="2020-03-04")
    assert v.source[0].code == "RUS"


@pytest.mark.model
def test_a_struck_place_stands_for_its_people(parse):
    (v,) = _events(parse, "Rebel fighters attacked a police station with Molotov cocktails.")
    assert [a.text for a in v.target] == ["a police station"]


@pytest.mark.model
def test_every_actor_says_how_it_was_found(parse):
    (v,) = _events(parse, "Iran accused Iraq of shelling the border town.")
    assert v.source[0].basis == "parse"


@pytest.mark.model
def test_an_unnamed_attacker_is_no_source_but_the_attack_is_reported(parse):
    # the victims' nationality is not the attacker's, nor is "four people" the doer of wounding
    text = "Two Kyrgyz border guards were killed and four people wounded when shells hit the village."
    dyads = _dyads(parse, text)
    assert ("ASSAULT", [], ["Two Kyrgyz border guards"]) in dyads
    assert ("ASSAULT", [], ["four people"]) in dyads


@pytest.mark.model
def test_a_possessive_pronoun_on_an_act_is_the_clause_subject(parse):
    (v,) = _events(parse, "Nazarzoda repeated his demand that Kyrgyzstan lift its trade ban.")
    assert v.type == "REQUEST" and [a.text for a in v.source] == ["Nazarzoda"]


@pytest.mark.model
def test_an_ultimatum_received_is_not_made_by_who_receives_it(parse):
    assert "THREATEN" not in [t for t, _, _ in _dyads(parse, "Kyrgyzstan would not accept ultimatums.")]


@pytest.mark.model
def test_what_is_sent_is_not_the_target_where_it_goes_is(parse):
    text = "The Organization for Security and Co-operation in Europe sent a special envoy to Bishkek."
    (v,) = _events(parse, text)
    assert [a.code for a in v.source] == ["IGO"] and [a.text for a in v.target] == ["Bishkek"]


@pytest.mark.model
def test_who_is_a_person_never_the_place_in_their_title(parse):
    text = '"Nobody gains," said Dilshod Rahimov, deputy governor of the Sughd region, who hosted the meeting.'
    (v,) = _events(parse, text)
    assert [a.text for a in v.source] == ["Dilshod Rahimov"]


@pytest.mark.model
def test_positions_reinforced_are_no_target(parse):
    (v,) = _events(parse, "Both sides reinforced their positions near the border.")
    assert v.type == "MOBILIZE" and v.target == ()


@pytest.mark.model
def test_a_place_offered_as_a_venue_is_no_target(parse):
    (v,) = _events(parse, "Kazakhstan has offered Almaty as a venue for talks.")
    assert v.target == ()


@pytest.mark.model
def test_we_in_a_quote_takes_the_code_of_whom_the_speaker_speaks_for(parse):
    text = '"We hold Dushanbe responsible," said Colonel Erlan Mamytov, a spokesman for the Kyrgyz Defence Ministry.'
    (v,) = _events(parse, text)
    assert v.source[0].text == "We" and v.source[0].code == "KGZ" and v.source[0].basis == "speaker"


@pytest.mark.model
def test_a_name_in_the_reporting_clause_is_not_the_target(parse):
    text = ("Kyrgyzstan has called up 2,500 reservists for training, the Defence Ministry said on Friday, "
            "a day after Tajikistan was reported to have moved artillery.")
    (v,) = _events(parse, text)
    assert v.type == "MOBILIZE" and v.target == ()


@pytest.mark.model
def test_where_a_meeting_is_held_is_not_whom_it_concerns(parse):
    (v,) = _events(parse, "The committee had originally been due to meet in Vienna this week.")
    assert v.type == "CONSULT" and v.target == ()


@pytest.mark.model
def test_the_partner_of_talks_held_or_discussed_with_someone_is_the_target(parse):
    assert ("CONSULT", ["Chile"], ["international lending agencies"]) in _dyads(
        parse, "Chile will open talks next month with international lending agencies on its debts.")
    assert ("CONSULT", ["the government"], ["the World Bank"]) in _dyads(
        parse, "An official said the government was discussing the report with the World Bank.")


@pytest.mark.model
def test_a_joint_act_keeps_both_actors_as_its_source(parse):
    # PLOVER codes "X and Y agreed" with both as the source and no target (the GSR's convention)
    (v,) = _events(parse, "Canada and France agreed to refer the dispute to arbitration.")
    assert [a.code for a in v.source] == ["CAN", "FRA"] and v.target == ()


@pytest.mark.model
def test_what_is_agreed_is_no_party_to_the_agreement(parse):
    assert ("AGREE", ["France", "Yugoslavia"], []) in _dyads(
        parse, "France and Yugoslavia agreed to set up a joint economic commission.", "1987-03-04")
    assert ("AGREE", ["Both sides"], []) in _dyads(parse, "Both sides agreed that the working group would continue.")
    assert ("AGREE", ["Israel"], ["Lebanon"]) in _dyads(parse, "Israel agreed to withdraw its troops from Lebanon.")
    assert ("AGREE", ["The miners"], ["the government"]) in _dyads(
        parse, "The miners were willing to negotiate with the government.")


@pytest.mark.model
def test_a_town_named_near_the_act_does_not_do_it(parse):
    got = _dyads(parse, "Fort Lauderdale police spokesman Ott Cefkin said King was arrested on February 21.")
    assert all("Fort Lauderdale" not in src for _, src, _ in got)
    assert _dyads(parse, "Moscow rejected the proposal.") == [("REJECT", ["Moscow"], [])]


@pytest.mark.model
def test_a_meeting_a_speaker_addresses_is_aimed_at_the_body_that_holds_it(parse):
    got = _dyads(parse, "He told the Inter-American Development Bank annual meeting that Peru would keep its limit.")
    (consult,) = [(s, t) for ty, s, t in got if ty == "CONSULT"]
    assert consult == (["He"], ["Inter-American Development Bank"])
    got = _dyads(parse, "Canada and the EC told a GATT council meeting that the fee was illegal.")
    assert ("CONSULT", ["Canada", "the EC"], ["GATT"]) in got


@pytest.mark.model
def test_a_generic_actor_borrows_the_code_of_a_name_that_acts_before_one_that_is_acted_on(parse):
    got = _events(parse, "Sources in Lima confirmed that Peruvian fishing firms would ask Japan to raise prices "
                         "but said the government would not intervene in the dispute.")
    (v,) = [v for v in got if v.trigger.text == "intervene"]
    assert v.source[0].code == "PER"


@pytest.mark.model
def test_a_strike_in_protest_at_a_policy_targets_whose_policy_it_is(parse):
    assert ("PROTEST", ["The national executive"], ["the government's"]) in _dyads(
        parse, "The national executive of the union has proposed a general strike for July 15 in protest at the "
               "government's austerity program.")
    assert ("PROTEST", ["Belgian public employees"], ["government"]) in _dyads(
        parse, "A 24-hour strike by Belgian public employees protesting against a government pay offer disrupted transport.")


@pytest.mark.model
def test_the_antecedent_of_a_relative_object_is_the_target(parse):
    assert ("ACCUSE", ["Washington"], ["Iran"]) in _dyads(
        parse, "Diplomats said Iran, which Washington has accused of backing terrorism, had no such capacity.")
    assert ("REQUEST", ["We"], ["the international community"]) in _dyads(
        parse, '"We appeal to the international community for assistance," the president said.')


@pytest.mark.model
def test_a_conditional_threat_targets_who_must_meet_the_condition(parse):
    assert ("THREATEN", ["Argentine officials"], ["creditor banks"]) in _dyads(
        parse, "Argentine officials said they might halt debt payments if creditor banks did not agree to a new loan.")


@pytest.mark.model
def test_a_depot_or_a_bridge_is_a_place_an_attack_strikes(parse):
    assert _dyads(parse, "Rebels shelled the bridge.") == [("ASSAULT", ["Rebels"], ["the bridge"])]
    assert _dyads(parse, "Guerrillas attacked an army fuel depot.") == [
        ("ASSAULT", ["Guerrillas"], ["an army fuel depot"])]
