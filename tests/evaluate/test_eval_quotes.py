"""The quotes scorer: overlap matching by hand, then a small slice of the dev set."""
from __future__ import annotations

import json

import pytest

from sitrep.evaluate.quotes import _chars, _match, _overlap, _predictions, _speaker_right, convention_of, score
from sitrep.records import Extraction, Quote, Speaker
from tests.conftest import shared_path


def test_overlap_is_intersection_over_longer():
    assert _overlap(_chars([(0, 10)]), _chars([(5, 10)])) == 0.5
    assert _overlap(_chars([(0, 4), (8, 12)]), _chars([(0, 12)])) == pytest.approx(8 / 12)


def test_matching_is_one_to_one_best_first():
    preds = [_chars([(0, 10)]), _chars([(0, 9)])]
    golds = [_chars([(0, 10)])]
    assert _match(preds, golds, 0.3) == {0: 0}
    assert _match([_chars([(0, 2)])], golds, 0.3) == {}


def test_strict_speaker_wants_no_mention_for_a_floating_quote():
    named = Speaker(text="Chapman", span=(40, 47), name="Terry Chapman")

    def quote(speaker, floating=False):
        return Quote(id="q1", type="direct", text="x", span=(0, 10), speaker=speaker, floating=floating)

    assert _speaker_right({"speaker": [40, 47], "speaker_name": "Terry Chapman"}, quote(named))
    assert not _speaker_right({"speaker": [0, 5], "speaker_name": "Terry Chapman"}, quote(named))
    assert not _speaker_right({"speaker": [0, 5], "speaker_name": "Terry Chapman"}, quote(None))
    # a floating quote: the gold names no speaker in its sentence, nor may the prediction
    assert _speaker_right({"speaker": None, "speaker_name": "Terry Chapman"}, quote(named, floating=True))
    assert _speaker_right({"speaker": None, "speaker_name": None}, quote(None))
    assert not _speaker_right({"speaker": None, "speaker_name": "Terry Chapman"}, quote(named))


def test_relations_convention_joins_a_statement_and_adds_attributions():
    first = Quote(id="q1", type="direct", text="a", span=(0, 10))
    second = Quote(id="q2", type="direct", text="b", span=(20, 30), continues="q1")
    belief = Quote(id="a1", type="indirect", text="c", span=(40, 50))
    ex = Extraction(id="d", quotes=(first, second), attributions=(belief,))
    assert [(q.id, len(chars)) for q, chars in _predictions(ex, "quotes")] == [("q1", 10), ("q2", 10)]
    assert [(q.id, len(chars)) for q, chars in _predictions(ex, "relations")] == [("q1", 20), ("a1", 10)]


def test_convention_read_from_the_gold():
    ggt = [{"gold": {"quotes": [{"content": [0, 5]}]}}]
    polnear = [{"gold": {"quotes": [{"content": [0, 5]}], "quotes_excluded": []}}]
    assert convention_of(ggt) == "quotes" and convention_of(polnear) == "relations"


@pytest.mark.model
def test_score_on_dev_slice(tmp_path):
    src = shared_path("eval", "quotes", "polnear_dev.jsonl")
    with open(src, encoding="utf-8") as fh:
        lines = [next(fh) for _ in range(3)]
    path = tmp_path / "slice.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    scores = score(path)
    n_gold = sum(len(json.loads(line)["gold"]["quotes"]) for line in lines)
    assert scores["n_gold"] == n_gold and scores["n_rejected"] == 0
    for key in ("f1@0.3", "precision@0.3", "recall@0.3", "f1@0.8", "direct.f1@0.3", "indirect.f1@0.3"):
        assert 0.0 <= scores[key] <= 1.0
    assert scores["f1@0.3"] > 0.3
    assert scores["name_match"] is None  # PolNeAR resolves no names
    assert scores["convention"] == "relations" and 0.0 <= scores["speaker_span_match"] <= 1.0
