"""Quotes and speakers: each quoting convention, hostile mark soup, and the seed article."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from sitrep.extract.quotes.marks import quote_segments
from sitrep.records import Extraction


def _segments(text, **kw):
    return [[text[s:e] for s, e in chain] for chain in quote_segments(text, **kw)]


def test_straight_and_curly_marks():
    assert _segments('He said "one two" and “three four”.') == [["one two"], ["three four"]]


def test_open_quote_continues_in_next_paragraph():
    text = '"First part of it.\n\n"Second part," she said.'
    assert _segments(text) == [["First part of it.", "Second part,"]]


def test_open_quote_without_continuation_ends_with_paragraph():
    assert _segments('He said "never closed\n\nNext paragraph.') == [["never closed"]]


def test_single_quotes_only_in_headline():
    text = "Deal 'very positive,' minister says\n\nThe minister's view."
    assert _segments(text, single_spans=((0, 35),)) == [["very positive,"]]
    assert _segments(text) == []


def test_nyt_double_apostrophes():
    assert _segments("''We finally may see it,'' he said.") == [["We finally may see it,"]]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(['"', "“", "”", "'", "‘", "’", "«", "»", ":", "—", "''", "\n", "\n\n", " ",
                                 "word", "Said", "he said", "."]), max_size=40))
def test_mark_soup_never_raises(pieces):
    text = "".join(pieces)
    for chain in quote_segments(text, single_spans=((0, len(text)),)):
        for s, e in chain:
            assert 0 <= s < e <= len(text)


@pytest.fixture(scope="module")
def statements_of(parse):
    from sitrep.extract.quotes import extract_statements

    def run(text):
        parsed = parse(text)
        return extract_statements(parsed, Extraction(id="t", article=parsed.article))

    return run


@pytest.fixture(scope="module")
def quotes_of(statements_of):
    return lambda text: statements_of(text)["quotes"]


@pytest.mark.model
@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(['"', "“", "”", "'", "‘", "«", "»", ":", " — ", "\n", "\n\n", " ",
                                 "Smith", " said ", "the minister", "according to", "told Reuters", "."]),
                max_size=30))
def test_extractor_on_mark_soup(quotes_of, pieces):
    text = "".join(pieces)
    for q in quotes_of(text):
        assert 0 <= q.span[0] <= q.span[1] <= len(text)
        if q.speaker and q.speaker.span:
            assert 0 <= q.speaker.span[0] <= q.speaker.span[1] <= len(text)


@pytest.mark.model
def test_split_quote_is_a_quote_per_piece(quotes_of):
    first, second = quotes_of('"We will act quickly," Stoltenberg said Thursday, "and we will not wait for anyone."')
    assert (first.text, second.text) == ("We will act quickly,", "and we will not wait for anyone.")
    assert first.speaker.text == "Stoltenberg" and first.cue.text == "said" and not first.floating
    # the second piece goes on from the first: no cue of its own, the same speaker
    assert second.continues == first.id and second.floating and second.cue is None
    assert second.speaker.text == "Stoltenberg"


@pytest.mark.model
def test_colon_introduced_quote(quotes_of):
    (q,) = quotes_of('The minister said: "We will not accept any delay in the talks."')
    assert q.type == "direct" and q.speaker.text == "The minister" and q.speaker.kind == "title"


@pytest.mark.model
def test_dash_attributed_quote(quotes_of):
    (q,) = quotes_of('"Peace will only come through talks and patience." — Maria Lopez')
    assert q.speaker.name == "Maria Lopez"


@pytest.mark.model
def test_indirect_with_and_without_that(quotes_of):
    for text in ("Officials said that the border would reopen on Monday.",
                 "Officials said the border would reopen on Monday."):
        (q,) = quotes_of(text)
        assert q.type == "indirect" and q.text.startswith("the border")
        assert q.speaker.kind == "collective"


@pytest.mark.model
def test_inverted_and_according_to(quotes_of):
    (q,) = quotes_of("The talks collapsed late on Friday, said the foreign minister.")
    assert q.text.startswith("The talks collapsed") and q.speaker.text == "the foreign minister"
    (q,) = quotes_of("According to the Pentagon, three soldiers were wounded in the attack.")
    assert q.speaker.text == "the Pentagon" and q.cue.text == "According to"
    assert q.text.startswith("three soldiers")


@pytest.mark.model
def test_mixed_quote(quotes_of):
    (q,) = quotes_of('Stoltenberg told reporters the mission would restart "as soon as possible".')
    assert q.type == "mixed" and q.speaker.text == "Stoltenberg"


@pytest.mark.model
def test_verbless_quote_takes_previous_speaker(quotes_of):
    text = ('"We are ready to help our partners in the region," Jane Smith said. '
            'The plan has two stages. "In the first stage we will train local forces and advisers."')
    quotes = quotes_of(text)
    assert all(q.speaker and q.speaker.name == "Jane Smith" for q in quotes)


@pytest.mark.model
def test_nested_attribution_stays_inside_the_outer_one(quotes_of):
    (q,) = quotes_of("The senator said he believes the bill will pass before the summer recess.")
    assert q.cue.text == "said" and q.text.startswith("he believes")


@pytest.mark.model
def test_noun_cue_takes_its_by_agent_as_speaker(quotes_of):
    quotes = quotes_of("The ministers met on Monday, responding to a demand by French President Emmanuel Macron "
                       "for Germany to do more in Africa.")
    (q,) = [q for q in quotes if "Germany" in q.text]
    assert q.cue.text == "demand" and q.speaker.text.endswith("Emmanuel Macron")
    assert q.text == "for Germany to do more in Africa"


@pytest.mark.model
def test_reporting_participle_ends_the_content(quotes_of):
    quotes = quotes_of('He says he would release his tax returns on Friday, calling them "very boring tax returns".')
    first = next(q for q in quotes if q.cue and q.cue.text == "says")
    assert first.text.endswith("on Friday")


@pytest.mark.model
def test_quotes_with_their_own_verbs_stay_apart(quotes_of):
    quotes = quotes_of('"Some people feel the change will come at once," she said. '
                       '"If he wins, things will really explode," she said.')
    assert len(quotes) == 2 and not any(q.continues or q.floating for q in quotes)
    run = quotes_of('"They sue," he said.\xa0"Everybody sues, right?"')
    assert [q.text for q in run] == ["They sue,", "Everybody sues, right?"]
    assert run[1].continues == run[0].id and run[1].floating


@pytest.mark.model
def test_quote_paragraph_without_cue_floats_on_the_speaker_before(quotes_of):
    text = ('“The long hours come from the shortage,” said Terry Chapman of the union.\n\n'
            '“They are stuck at hospitals for hours.”\n\n'
            'The province said the system works.\n\n'
            'The minister visited a hospital.\n\n'
            '“Nobody answered the phone for a whole day.”')
    quotes = quotes_of(text)
    stuck = next(q for q in quotes if q.text.startswith("They are stuck"))
    assert stuck.floating and stuck.continues is None and stuck.cue is None
    assert stuck.speaker.name == "Terry Chapman"
    # a paragraph of the writer's own between: no one's quote to float on
    assert not any(q.text.startswith("Nobody") and q.speaker for q in quotes)


@pytest.mark.model
def test_transcript_turn_runs_over_paragraphs(quotes_of):
    text = ("TAPPER: Thank you for joining us today on the show.\n\nHow do you see the race now?\n\n"
            "FALLIN: I think the whole nation needs to work together now.\n\n"
            "TAPPER: And what about the convention next week?\n\n"
            "FALLIN: We will all be there to support the nominee.")
    quotes = quotes_of(text)
    tapper = next(q for q in quotes if q.speaker and q.speaker.text == "TAPPER")
    assert tapper.text.endswith("race now?")
    assert any(q.speaker and q.speaker.text == "FALLIN" and q.text.startswith("I think") for q in quotes)


@pytest.mark.model
def test_section_heads_of_a_digest_are_no_speakers(quotes_of):
    text = ("Markets fell on Tuesday as investors waited for the talks.\n\n"
            "ENERGY: Benchmark crude oil fell 42 cents to $51.69 per barrel in electronic trading.\n\n"
            "CURRENCIES: The dollar rose to 108.78 yen from 108.69 late Tuesday.\n\n"
            "** WINNER: Olivia Colman, The Favourite")
    assert quotes_of(text) == ()


@pytest.mark.model
def test_seed_quotes(seed_extraction):
    quotes = seed_extraction.quotes
    by_text = {q.text: q for q in quotes}
    title = by_text["very positive,"]
    assert title.speaker.name == "Sajjan"
    sajjan = next(q for q in quotes if q.text.startswith("As you know"))
    assert sajjan.speaker.name == "Sajjan" and sajjan.medium == "The Canadian Press"
    stolt = [q for q in quotes if q.speaker and q.speaker.name and q.speaker.name.endswith("Stoltenberg")]
    assert len(stolt) >= 4
    he = next(q for q in quotes if q.text.startswith("We are going to look"))
    assert he.speaker.text == "he" and he.speaker.kind == "pronoun" and he.speaker.name.endswith("Stoltenberg")
    first = next(q for q in quotes if q.text.startswith("In the first instance"))
    assert first.speaker.name.endswith("Stoltenberg")
    assert any(q.speaker and q.speaker.name == "Esper" for q in quotes)
    diplomats = next(q for q in quotes if q.speaker and q.speaker.text == "Two anonymous diplomats")
    assert diplomats.speaker.kind == "anonymous" and diplomats.medium == "Reuters"
    for q in quotes:
        assert seed_extraction and 0 <= q.span[0] < q.span[1]


@pytest.mark.model
def test_runaway_clause_is_looked_at_only_near_its_head(parse):
    from sitrep.extract.quotes.cues import MAX_PHRASE, subtree

    parsed = parse('Smith said "more" ' * 400)  # no sentence ends: one clause under the first verb
    root = max(parsed.doc, key=lambda t: t.right_edge.i - t.left_edge.i)
    assert root.right_edge.i - root.left_edge.i > MAX_PHRASE
    assert len(subtree(root)) == MAX_PHRASE



@pytest.mark.model
@pytest.mark.parametrize("text,cue", [
    ("Researchers found that the drug was safe for most patients.", "found"),
    ("She hopes the deal will hold through the winter.", "hopes"),
    ("The company plans to open three new stores next year.", "plans"),
    ("The minister believes the talks will succeed.", "believes"),
])
def test_beliefs_plans_and_findings_are_attributions(statements_of, text, cue):
    got = statements_of(text)
    assert got["quotes"] == ()
    assert [a.cue.text for a in got["attributions"]] == [cue]


@pytest.mark.model
def test_the_object_of_a_stance_verb_is_no_quote(statements_of):
    got = statements_of("The Tories dismissed the maternity pay plan on Tuesday.")
    assert got["quotes"] == ()


@pytest.mark.model
@pytest.mark.parametrize("text,content,speaker", [
    ("Police urged residents to stay indoors during the storm.", "to stay indoors", "Police"),
    ("She called the new tax a rookie mistake by the council.", "a rookie mistake", "She"),
])
def test_what_a_speech_verb_asks_or_calls_is_a_quote(statements_of, text, content, speaker):
    (q,) = statements_of(text)["quotes"]
    assert q.text.startswith(content) and q.speaker.text == speaker


@pytest.mark.model
def test_source_parsed_as_object_of_a_trailing_speech_verb(statements_of):
    text = "The driver was taken to hospital with minor injuries, reported the Missouri State Highway Patrol."
    (q,) = statements_of(text)["quotes"]
    assert q.text.startswith("The driver was taken") and "Patrol" not in q.text
    assert q.speaker.text == "the Missouri State Highway Patrol"


@pytest.mark.model
def test_a_quotation_ends_the_clause_its_cue_opens(quotes_of):
    quotes = quotes_of("Mara picked up the flower and shouted, “Oh, it’s my rose,” which is when Tess began to cry.")
    (q,) = [q for q in quotes if "rose" in q.text]
    assert q.type == "direct" and q.text.startswith("Oh") and "Tess" not in q.text


@pytest.mark.model
def test_quote_after_a_sentence_ending_in_a_colon_is_its_subjects(quotes_of):
    text = ('The council met on Monday.\n\nAnn Lee, the city’s health officer, was blunt: '
            '“We are not ready for this outbreak and we never were.”')
    (q,) = quotes_of(text)
    assert q.speaker.name == "Ann Lee" and q.cue is None and not q.floating
