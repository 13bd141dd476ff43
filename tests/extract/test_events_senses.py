"""What is an event at all, and of which type: acts by actors, not commerce, conditions or other senses."""
from __future__ import annotations

import pytest


def _events(parse, text, published="1987-03-04"):
    from sitrep.extract import run_stages

    return run_stages(parse(text, published=published)).events


def _types(parse, text):
    return [v.type for v in _events(parse, text)]


@pytest.mark.model
def test_commerce_between_firms_is_no_event(parse):
    assert _events(parse, "<Merrill Lynch and Co> offered 48.50 dlrs cash per share for the company.") == ()
    assert _types(parse, "Texaco Inc sued Pennzoil Co in a Texas court.") == ["ACCUSE"]


@pytest.mark.model
def test_an_act_in_a_condition_is_no_event(parse):
    assert _events(parse, "If Congress and the administration fail to agree, the deficit will grow.") == ()


@pytest.mark.model
def test_words_in_another_sense_are_no_events(parse):
    for text in ("Liberal imports would help reduce the surplus.", "Domestic demand for oil rose.",
                 "The ministry released a statement on Monday.", "The minister conceded that growth had slowed.",
                 "Labour trouble threatens the beet crop."):
        assert _events(parse, text) == (), text


@pytest.mark.model
def test_criticising_a_policy_is_an_accusation_not_force(parse):
    (v,) = _events(parse, "The union leader attacked the wage freeze.")
    assert v.type == "ACCUSE" and v.cameo == "111"
    assert _types(parse, "Rebels attacked the town.") == ["ASSAULT"]


@pytest.mark.model
def test_sanctions_and_duties_are_sanctions(parse):
    (v,) = _events(parse, "Canada slapped a duty on U.S. corn imports.")
    assert v.type == "SANCTION" and [a.code for a in v.target] == ["USA"]


@pytest.mark.model
def test_a_called_off_meeting_is_no_sanction(parse):
    assert "SANCTION" not in _types(parse, "The meeting with Japan had been postponed.")


@pytest.mark.model
def test_what_is_talked_about_is_no_target(parse):
    (v,) = _events(parse, "Camdessus and Alfonsin discussed Argentina's economy.")
    assert v.type == "CONSULT" and v.target == ()


@pytest.mark.model
def test_a_gathering_names_who_gathers_and_a_place_in_front_is_where(parse):
    (v,) = _events(parse, "Stoltenberg told a meeting of the GATT council that trade was suffering.")
    assert [a.text for a in v.source] == ["Stoltenberg"] and [a.text for a in v.target] == ["the GATT council"]
    assert _events(parse, "The Venice summit will discuss debt.") == ()


@pytest.mark.model
def test_a_coordinated_act_is_not_negated_by_its_neighbour(parse):
    ev = _events(parse, "Kyrgyzstan suspended all trade with Tajikistan and banned imports of Tajik fruit.")
    assert all(v.modality == "asserted" for v in ev) and "SANCTION" in [v.type for v in ev]


@pytest.mark.model
def test_officials_are_not_coded_by_the_city_they_speak_in(parse):
    (v,) = _events(parse, "A spokesperson for the organisation in Vienna urged both governments to show restraint.")
    assert v.source[0].code != "AUT"


@pytest.mark.model
def test_we_is_not_replaced_by_the_speaker(parse):
    (v,) = _events(parse, '"We will attack the rebels," the minister said.')
    assert v.source[0].text == "We"


@pytest.mark.model
def test_a_request_for_comment_is_no_request(parse):
    assert _types(parse, "The border service did not respond to requests for comment.") == []


@pytest.mark.model
def test_a_threat_not_repeated_is_negated(parse):
    (v,) = _events(parse, "Nazarzoda did not repeat an earlier threat to close the airspace to Kyrgyz airlines.")
    assert v.type == "THREATEN" and v.modality == "negated"


@pytest.mark.model
def test_words_after_a_participle_phrase_are_not_its_object(parse):
    # the truce belongs to "replaces": signing the agreement is no ceasefire
    text = "The agreement, signed by the two foreign ministers, replaces the truce agreed last month."
    assert [v.mode for v in _events(parse, text)] != ["ceasefire"]


@pytest.mark.model
def test_fighting_seen_or_not_seen_is_no_act_of_the_witness(parse):
    assert _events(parse, "Drivers said they passed two checkpoints and saw no fighting.") == ()


@pytest.mark.model
def test_an_executive_leaving_a_firm_is_business_news(parse):
    assert _events(parse, "Textron Inc said E. Paul Casey resigned as vice-chairman and a director.") == ()
    assert _types(parse, "Defence Minister Yitzhak Rabin resigned.") == ["RETREAT"]


@pytest.mark.model
def test_agreeing_to_buy_or_negotiating_a_sale_is_a_trade(parse):
    assert _events(parse, "Greece has agreed to buy 27,000 tonnes of Spanish corn for spot shipment.") == ()
    assert _events(parse, "The bank said it is negotiating the sale of its German unit.") == ()
    assert _types(parse, "Iran agreed to sell oil to Syria.") == ["AGREE"]


@pytest.mark.model
def test_market_demand_and_dangers_are_no_claims_or_threats(parse):
    for text in ("Consumer demand rose sharply.", "Owners may reactivate old vessels to meet current demand.",
                 "The threat to oil shipments in the Gulf has grown."):
        assert _events(parse, text) == (), text
    assert _types(parse, "Iran's threat to close the strait alarmed Washington.") == ["THREATEN"]


@pytest.mark.model
def test_not_ruling_out_is_no_refusal_and_a_year_starting_is_no_act(parse):
    assert _events(parse, "Stoltenberg said he could not rule out central bank intervention.") == ()
    assert _events(parse, "The government adopted a budget for the fiscal year starting April 1.") == ()


@pytest.mark.model
def test_talks_about_a_stake_are_a_trade(parse):
    assert _events(parse, "The shipping group said it held preliminary talks about a minority stake in the airline.") == ()


@pytest.mark.model
def test_an_illness_or_a_speech_after_a_meeting_is_no_act(parse):
    assert _events(parse, "The trade envoy suffered a mild heart attack, his office said.") == ()
    assert _types(parse, "The minister was speaking after a meeting with the governor.") != ["CONSULT"] * 2
    assert "CONSULT" not in [v.type for v in _events(parse, "Speaking after talks with the lenders, Ortiz said "
                                                            "payments would resume.") if v.trigger.text == "Speaking"]


@pytest.mark.model
def test_leaving_a_post_in_a_firm_is_business_news(parse):
    assert _events(parse, "Halloran quit as president of Norvik Pumps Inc in October.") == ()


@pytest.mark.model
def test_a_law_or_a_programme_does_nothing_whatever_names_it(parse):
    for text in ("The Harlan-Moss law calls for a balanced budget by 1991.",
                 "The U.N. Program calls for 12 billion dlrs of investment in the region.",
                 "Negotiators completed the text of a draft treaty calling for the removal of missiles."):
        assert _events(parse, text) == (), text


@pytest.mark.model
def test_what_a_document_says_is_its_makers_act(parse):
    (v,) = [v for v in _events(parse, "The Kurdish rebel party issued a declaration demanding that the Turkish "
                                      "government release its leader.") if v.type == "REQUEST"]
    assert [a.text for a in v.source] and "declaration" not in v.source[0].text
    (v,) = [v for v in _events(parse, "A party statement said the government should cut taxes.") if v.type == "REQUEST"]
    assert v.source and "statement" in v.source[0].text


@pytest.mark.model
def test_a_firm_of_a_country_is_still_a_firm(parse):
    assert _events(parse, "Spain's Minas del Norte S.A. has agreed with Algerian producer Enofar to set a "
                          "minimum price for mercury sales.") == ()


@pytest.mark.model
def test_a_person_who_agrees_shares_a_view(parse):
    assert _events(parse, "Senior economist David Morgan agreed.") == ()
    assert _events(parse, "Paul Mandel, an economist at the bank, agreed.") == ()
    assert _types(parse, "Iran agreed.") == ["AGREE"]


@pytest.mark.model
def test_a_strike_called_or_gone_on_to_press_for_pay_is_a_protest(parse):
    assert _types(parse, "Dock workers called a three-day strike to press for higher wages.") == ["PROTEST"]
    assert _types(parse, "Miners went on strike to demand higher pay.") == ["PROTEST"]
    assert _types(parse, "The minister called on the rebels to lay down their arms.") == ["REQUEST"]


@pytest.mark.model
def test_a_loan_from_a_development_bank_is_aid(parse):
    assert _types(parse, "The World Bank has lent Kenya 300 mln dlrs.") == ["AID"]


@pytest.mark.model
def test_a_warning_of_a_consequence_is_no_threat(parse):
    assert _types(parse, "The finance minister warned that a tax increase would hurt economic growth.") == ["ACCUSE"]
    assert _events(parse, "Port authorities warned it was essential to recover the remaining drums.") == ()
    assert _types(parse, "Israel warned it would retaliate.") == ["THREATEN"]


@pytest.mark.model
def test_declines_in_output_tenders_and_offered_posts_are_no_acts(parse):
    for text in ("Production by the subsidiaries declined to 341 mln barrels last year.",
                 "The minister would consider a counter proposal, but declined to be more specific.",
                 "Pakistan rejected offers at its tender for 12,000 tonnes of palm oil.",
                 "Kohl would have preferred to offer the post to a member of his party."):
        assert _events(parse, text) == (), text
    assert _types(parse, "Iraq declined to attend the talks.") == ["REJECT"]
