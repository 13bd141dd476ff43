"""Copy detection on a tiny hand-written set: every kind of copy, and two same-topic reports."""
from __future__ import annotations

import json

import pytest

from sitrep.dedup import CopyIndex, dedup_lines, provenance
from sitrep.dedup.normalise import content_tokens, sentences

A = """NATO leaders agreed on Thursday to send 1,500 more troops to the alliance's eastern flank, officials said.

The decision was taken at a summit in Brussels after two days of talks. Secretary-General Jens Stoltenberg said the US-led force would be ready by March.

Poland and Lithuania had asked for the extra troops after Russian exercises near their borders. Warsaw welcomed the move and said it would host a new headquarters.

The alliance also approved a 20 percent rise in its joint budget. Several members have yet to meet the target of spending two percent of output on defence."""

EXACT = A.upper().replace(",", "")
BOILER = "By Anna Abbott, Staff Writer\n\n" + A + "\n\nRead more stories like this in our daily newsletter."
REWRITE = """North Atlantic Treaty Organisation leaders agreed on Thursday to send 1500 additional soldiers to the alliance's eastern flank, authorities stated.

The decision was made at a summit in Brussels after two days of negotiations. Secretary-General Jens Stoltenberg stated the USA -led force would be ready by March.

Poland and Lithuania had requested the extra soldiers after Russian exercises close to their borders. Warsaw welcomed the move and stated it would host a new headquarters.

The alliance additionally approved a 20 pct increase in its joint budget. Several members have yet to meet the target of spending two percent of output on defence."""
REORDERED = """The alliance also approved a 20 percent rise in its joint budget. Poland and Lithuania had asked for the extra troops after Russian exercises near their borders.

Secretary-General Jens Stoltenberg said the US-led force would be ready by March. NATO leaders agreed on Thursday to send 1,500 more troops to the alliance's eastern flank, officials said.

The decision was taken at a summit in Brussels after two days of talks."""
# another agency on the same summit: the same names and topic words, its own sentences
SAME_TOPIC = """BRUSSELS (AFP) - Alliance heads of government meeting in Brussels on Thursday backed a plan to reinforce NATO's eastern members with extra battalions.

Stoltenberg told reporters the reinforcements were a defensive answer to Russian military drills. Diplomats said Poland had pushed hardest for the deployment, while Germany urged caution.

Budget talks dragged into the night before members settled on higher common funding."""
B = """The central bank raised its main interest rate by a quarter point on Wednesday, the third increase this year.

Governor Maria Castillo said inflation was still well above the target and further moves could not be ruled out. Markets had largely expected the decision.

The currency strengthened against the dollar after the announcement, while bond yields climbed to a two-year high. Economists said the bank was likely to pause in the summer."""
C = """Floods in the north of the country have forced more than 12,000 people from their homes, the emergency ministry said on Monday.

Heavy rain fell for four days across the river valley, cutting roads and destroying crops. Rescue teams used boats to reach villages cut off by the water.

The government has promised emergency aid for farmers. Forecasters expect the rain to ease by the end of the week."""
STITCHED = " ".join(sentences(B)[:2]) + "\n\n" + " ".join(sentences(C)[2:5])

DOCS = [("a", A), ("b", B), ("exact", EXACT), ("boiler", BOILER), ("rewrite", REWRITE), ("stitched", STITCHED),
        ("reordered", REORDERED), ("same-topic", SAME_TOPIC), ("c", C)]


def _lines(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in DOCS), encoding="utf-8")
    return {d["id"]: d for d in map(json.loads, dedup_lines(path))}


def test_normalisation_folds_acronyms_countries_numbers_and_synonyms():
    a = content_tokens("NATO's troops rose 1,500 in the U.S.-led push, officials said.")
    b = content_tokens("North Atlantic Treaty Organisation’s soldiers climbed 1500 in the USA -led push, "
                       "authorities stated.")
    assert a == b


def test_every_kind_of_copy_joins_the_original(tmp_path):
    out = _lines(tmp_path)
    assert list(out) == [i for i, _ in DOCS]  # input order
    for doc in ("exact", "boiler", "rewrite", "reordered"):
        assert out[doc]["cluster"] == "a", doc
    assert out["exact"]["kind"] == "exact"
    assert out["boiler"]["kind"] == "near"
    assert out["rewrite"]["kind"] == "rewrite"


def test_same_topic_reports_stay_apart(tmp_path):
    out = _lines(tmp_path)
    assert out["same-topic"]["cluster"] == "same-topic"
    assert out["b"]["cluster"] != out["c"]["cluster"]


def test_stitched_article_reports_each_source(tmp_path):
    out = _lines(tmp_path)
    assert out["stitched"]["kind"] == "stitched"
    assert out["stitched"]["cluster"] == "stitched"
    assert sorted(out["stitched"]["sources"]) == ["b", "c"]


def test_stitched_before_its_sources_is_still_found():
    index = CopyIndex()
    for i, t in [("stitched", STITCHED), ("b", B), ("c", C)]:
        index.add(i, t)
    d = index.decide()
    assert d[0].kind == "stitched" and sorted(d[0].sources) == ["b", "c"]
    assert d[1].cluster == "b" and d[2].cluster == "c"


def test_truncated_lead_read_before_the_original_joins_it():
    index = CopyIndex()
    index.add("lead", " ".join(sentences(B)[:2]))
    index.add("b", B)
    assert index.decide()[1].cluster == "lead"


def test_provenance_signals():
    p = provenance("By Anna Abbott, Staff Writer\n\nTORONTO (Reuters) - The minister told AFP. "
                   "The Canadian Press reported it.\n\nOther reports by Grace Holloway")
    assert p["agencies"] == ["Reuters", "AFP", "The Canadian Press"]
    assert p["byline"].startswith("Anna Abbott") and p["generic_byline"]
    assert p["footers"] == ["Other reports by Grace Holloway"]
    assert provenance("The AP test was in the map.")["agencies"] == []


@pytest.mark.parametrize("text", ["", "   ", "Short.", "\n\n\n", "1 2 3 4 5 6 7 8", "é" * 50])
def test_odd_texts_never_raise(text):
    index = CopyIndex()
    index.add("x", text)
    index.add("y", text + " more")
    index.decide()
