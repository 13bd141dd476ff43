"""Speaker resolution on wire copy: "it said", "the company", "he" after an unnamed spokesman,
exact names, a speaker after its clause, Reuters' company brackets, anonymous sources.

Every article here is written for the test (no agency text)."""
from __future__ import annotations

import pytest

from sitrep.extract.quotes.marks import tidy_name, trim_marks


@pytest.fixture(scope="module")
def quotes(parse):
    from sitrep.extract import run_stages

    def run(text):
        found = run_stages(parse(text), stages=("times", "places", "entities", "quotes"))
        return found.quotes

    return run


def _said(quotes, text):
    """(speaker text, speaker name) of each quote, in order."""
    return [(q.speaker.text, q.speaker.name) if q.speaker else (None, None) for q in quotes(text)]


@pytest.mark.model
@pytest.mark.parametrize("text,speaker", [
    # the body that has been speaking, not the firm it deals with ...
    ("Halden Tools Inc said it would buy the pump maker Orvik Corp for 40 mln dlrs.\n\n"
     "Orvik makes pumps for the mining industry in Chile and Peru.\n\n"
     "It said the purchase would be paid for in cash.", ("It", "Halden Tools Inc")),
    # ... nor a person quoted since
    ("The Ferry Safety Board said river ferries would be inspected every year.\n\n"
     "Captain Ellen Marsh said the rules were overdue.\n\n"
     "It added that the first inspections would begin in May.", ("It", "The Ferry Safety Board")),
    # "the company" likewise: the bidder, not the target named last
    ("Halden Tools Inc said it agreed to acquire Orvik Corp for 40 mln dlrs.\n\n"
     "Orvik Corp makes pumps and had sales of 12 mln dlrs last year.\n\n"
     "The company said the purchase would be financed with cash.", ("The company", "Halden Tools Inc")),
    # no body spoke yet: the one the article is about, not the place
    ("In Lisbon, the Harbour Authority is reviewing safety rules for river ferries.\n\n"
     "It said new inspections would start next month.", ("It", "Harbour Authority")),
    # "he" after an unnamed spokesman is the spokesman, until someone else speaks
    ("Orvik Corp will close its plant in Dunmore, a company spokesman said.\n\n"
     "He said about 200 workers would lose their jobs.", ("He", "a company spokesman")),
    ("Orvik Corp will close its plant in Dunmore, a company spokesman said.\n\n"
     "Mayor Tom Keller said the town would suffer.\n\n"
     "He said the council would meet on Friday.", ("He", "Tom Keller")),
    # a company the model may take for a person is no "he"
    ("Coldwater Bancorp said its chief lender resigned.\n\n"
     "He said the bank would name a successor soon.", ("He", None)),
    # ... or once a person the model did not tag spoke, named with an honorific and an office
    ("A British minister said a tax on oils would raise the price of fish.\n\n"
     "Lord Belstead, a junior agriculture minister, told the House of Lords the tax was too high.\n\n"
     "He said revenue should not be raised by taxing the consumer.", ("He", "Belstead")),
    # "they" goes on from a "they" resolved before it
    ("Coffee trading was quiet in Hamburg last week, trade sources said.\n\n"
     "There was little demand for spot coffee, they said, adding that stocks were low.\n\n"
     "They said they expected Brazil to open registrations next week.", ("They", "trade sources")),
])
def test_the_speaker_of_the_last_quote(quotes, text, speaker):
    assert _said(quotes, text)[-1] == speaker


@pytest.mark.model
def test_a_name_is_matched_exactly_not_by_its_look_alike(quotes):
    # the entities stage joins "Reagan" to "Donald Regan" (one spelling apart); the speaker is Reagan
    got = _said(quotes, "Treasury Secretary Donald Regan met bankers on Monday.\n\n"
                        "President Reagan said the talks went well.")
    assert got[-1] == ("President Reagan", "Reagan")


@pytest.mark.model
@pytest.mark.parametrize("text,speaker", [
    ("The bonds carry a coupon of six pct and mature in 2012, said lead manager Harlow Securities Ltd.",
     "lead manager Harlow Securities Ltd"),
    ("Rising demand, low prices and a poor harvest could be sparking new interest in U.S. wheat, industry and "
     "government officials said.", "industry and government officials"),
    ("TLX Partners does not see any problems with its bid for Telex Corp, a Harlow Securities official advising "
     "the group said.", "a Harlow Securities official advising the group"),
    ("Continuous rebel raids endanger the oil boom, Francisco Chona, manager of the state oil company Ecopetrol "
     "said.", "Francisco Chona, manager of the state oil company Ecopetrol"),
    # an initial ends no sentence: the verb after the quotation is its cue
    ("\"The drop in prices reverses much of our progress,\" Kestrel chairman J. Howard Macklin said in a "
     "statement.", "Kestrel chairman J. Howard Macklin"),
])
def test_a_speaker_set_off_after_or_before_the_verb_is_found(quotes, text, speaker):
    found = quotes(text)
    assert found and found[0].speaker is not None and found[0].speaker.text.rstrip(".") == speaker
    assert speaker not in found[0].text  # the source is no part of what it said


@pytest.mark.model
@pytest.mark.parametrize("text,name", [
    ("Castlebar Holdings Ltd <CSTL.L> said it had no comment on the report.", "Castlebar Holdings Ltd"),
    ("Lead underwriters <Harlow Securities Ltd> and Kemble Bank <KEMB> said the offering of two mln shares is "
     "under way.", "Lead underwriters Harlow Securities Ltd and Kemble Bank"),
    # a company by its whole name, without its description
    ("Major tanker operator Kestrel Line Ltd said it will raise seven billion yen.", "Kestrel Line Ltd"),
    ("North American Plastics Inc said it received a new credit line.", "North American Plastics Inc"),
    ("N-K Resources Inc said it found gold.", "N-K Resources Inc"),
    ("Banca Rurale del Piave SpA said its profits rose.", "Banca Rurale del Piave SpA"),
    # the company a fragment of its name belongs to ("Corp", cut by the parser)
    ("Earlier today, Carl Icahn dropped his bid to take Trans World Airlines Inc <TWA> private and Dart Group Corp "
     "<DARTA.O> said it abandoned plans to acquire Dayton Hudson Corp <DH>.", "Dart Group Corp"),
])
def test_a_company_is_named_without_brackets_ticker_or_description(quotes, text, name):
    assert _said(quotes, text)[0][1] == name


@pytest.mark.parametrize("name,tidy", [
    ("Bond Corp Holdings Ltd <BONA.S", "Bond Corp Holdings Ltd"),
    ("<Derwent Mills Ltd>", "Derwent Mills Ltd"),
    ("Forber and Platel Inc>", "Forber and Platel Inc"),
    ("Citicorp <CCI>", "Citicorp"),
    ("AT&T", "AT&T"),
])
def test_tidy_name(name, tidy):
    assert tidy_name(name) == tidy


def test_trim_marks_drops_a_trailing_ticker_and_brackets():
    text = "Castlebar Holdings Ltd <CSTL.L> said"
    assert text[slice(*trim_marks(text, 0, 31))] == "Castlebar Holdings Ltd"
    assert text[slice(*trim_marks(text, 0, 26))] == "Castlebar Holdings Ltd"


@pytest.mark.model
def test_sources_close_to_someone_are_not_that_someone(quotes):
    got = _said(quotes, "Sources close to Finance Minister Anton Varga said the state bank would be sold in May.\n\n"
                        "Two anonymous diplomats said the sale would be delayed.")
    assert got[0] == ("Sources close to Finance Minister Anton Varga", None)
    assert got[1] == ("Two anonymous diplomats", "Two anonymous diplomats")


@pytest.mark.model
def test_the_terms_of_a_deal_are_no_source(quotes):
    assert quotes("According to the terms of the deal, Halden will pay 20 dlrs a share.") == ()


@pytest.mark.model
def test_a_nickname_in_brackets_is_no_name(quotes):
    got = _said(quotes, "Commissioner Walter K. (Walt) Brennan told Reuters the outlook was better.\n\n"
                        "\"The industry has seen the bottom,\" he added.")
    assert [name for _, name in got] == ["Walter K. Brennan", "Walter K. Brennan"]


@pytest.mark.model
def test_a_reporting_clause_ending_the_sentence_is_no_content_of_the_verb_before_it(quotes):
    found = quotes("As a result of the losses, the board proposed cancelling the dividend, the statement added.")
    assert [(q.text, q.speaker.text) for q in found] == [
        ("As a result of the losses, the board proposed cancelling the dividend", "the statement")]


@pytest.mark.model
def test_they_are_people_or_a_body_not_a_statement(quotes):
    said = _said(quotes, "The statement said prices would rise.\n\nThey said demand was strong.")
    assert said[-1] == ("They", None)
    said = _said(quotes, "The union said the strike would go on.\n\nThey said members voted to stay out.")
    assert said[-1] == ("They", "The union")


def test_trim_marks_drops_leading_spaces_and_brackets_anywhere_in_the_text():
    text = "MADRID - <Orvik Pumps SA> said"
    assert text[slice(*trim_marks(text, 8, 24))] == "Orvik Pumps SA"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "<Halden Tools Inc> said it was cutting the rate on its store card to 15.9 pct from 18.6 pct.",
    "OSLO, March 3 - <Halden Tools Inc> said it was cutting the rate on its store card to 15.9 pct.",
    "OSLO, March 3 - Halden Tools Inc said it was cutting the rate on its store card to 15.9 pct.",
])
def test_a_company_in_reuters_brackets_or_after_a_dateline_is_the_speaker(quotes, text):
    assert _said(quotes, text) == [("Halden Tools Inc", "Halden Tools Inc")]
