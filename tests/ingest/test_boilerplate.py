"""Boilerplate lines: every pattern's own example is recognised, the article's lines are not."""
from __future__ import annotations

import pytest

from sitrep.ingest.boilerplate import boilerplate_kind, boilerplate_spans, in_spans, patterns
from sitrep.nlp.pipeline import ParsedArticle, article_for
from sitrep.records import Document


@pytest.mark.parametrize("pattern", patterns(), ids=lambda p: p.name)
def test_each_pattern_matches_its_example(pattern):
    assert pattern.pattern.search(pattern.example), pattern.example
    assert boilerplate_kind(pattern.example) is not None


@pytest.mark.parametrize("line", [
    "The minister said the talks would resume on Monday.",
    "“We’re the last resort,” he said. “That’s why it’s vital to work together.”",
    "Read the full report, the union urged its members on Friday.",
    "Warning shots were fired as the convoy approached the border.",
    "Share prices fell 3 per cent in early trading.",
    "Follow-up talks are planned for next week in Geneva (Switzerland).",
    "Senator Jane Doe (R-Iowa) said the bill would pass.",
    "Crowded hospitals an issue",
])
def test_lines_of_the_article_are_not_boilerplate(line):
    assert boilerplate_kind(line) is None


def test_spans_cover_whole_lines_after_the_header():
    text = ("WATCH: a teaser as the title\n\nThe body begins here.\n\n"
            "READ MORE: Budget won’t balance, minister says\n\nThe body goes on.\n\nDiscuss This Article")
    spans = boilerplate_spans(text, start=text.index("The body"))
    assert [text[s:e] for s, e in spans] == ["READ MORE: Budget won’t balance, minister says",
                                            "Discuss This Article"]
    assert in_spans(spans, spans[0][0]) and not in_spans(spans, text.index("goes on"))


def test_parsed_article_knows_its_boilerplate():
    text = "A body sentence that says something.\n\nOther reports by Click Lancashire\n"
    document = Document(id="d", text=text)
    parsed = ParsedArticle(document=document, article=article_for(document), doc=None)
    assert parsed.in_boilerplate(text.index("Other reports"))
    assert not parsed.in_boilerplate(0)
