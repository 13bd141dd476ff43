"""The quotes scorer: overlap matching by hand, then a small slice of the dev set."""
from __future__ import annotations

import json

import pytest

from sitrep.evaluate.quotes import _chars, _match, _overlap, score
from tests.conftest import shared_path


def test_overlap_is_intersection_over_longer():
    assert _overlap(_chars([(0, 10)]), _chars([(5, 10)])) == 0.5
    assert _overlap(_chars([(0, 4), (8, 12)]), _chars([(0, 12)])) == pytest.approx(8 / 12)


def test_matching_is_one_to_one_best_first():
    preds = [_chars([(0, 10)]), _chars([(0, 9)])]
    golds = [_chars([(0, 10)])]
    assert _match(preds, golds, 0.3) == {0: 0}
    assert _match([_chars([(0, 2)])], golds, 0.3) == {}


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
