"""The times scorer: TempEval-3 strict/relaxed spans and attribute scores."""
import pytest

from sitrep.evaluate.times import match_relaxed, score_pairs
from tests.conftest import shared_path


def t(s, e, typ="DATE", value="2020"):
    return {"span": [s, e], "type": typ, "value": value}


def test_relaxed_matching_is_one_to_one():
    assert match_relaxed([(0, 5), (6, 10)], [(0, 10)]) == [(0, 0)]  # the larger overlap wins
    assert match_relaxed([(0, 5)], [(5, 9)]) == []  # touching is not overlapping


def test_scores():
    gold = [t(0, 9, value="2020-02-12"), t(20, 30, "DURATION", "P3Y"), t(40, 44)]
    pred = [t(0, 9, value="2020-02-12"), t(16, 30, "DURATION", "P2Y"), t(50, 54)]
    s = score_pairs([(gold, pred)])
    assert s["strict.f1"] == pytest.approx(1 / 3)
    assert s["relaxed.precision"] == s["relaxed.recall"] == pytest.approx(2 / 3)
    assert s["type.accuracy"] == 1.0
    assert s["value.accuracy"] == 0.5
    # TempEval-3 attribute F1: relaxed F1 times attribute accuracy
    assert s["value.f1"] == pytest.approx(2 / 3 * 0.5)
    assert (s["n_gold"], s["n_pred"]) == (3, 3)


def test_empty():
    s = score_pairs([([], [])])
    assert s["relaxed.f1"] == 0.0 and s["n_gold"] == 0


@pytest.mark.model
def test_score_on_a_slice_of_timebank():
    from sitrep.evaluate.times import score

    s = score(shared_path("eval", "time", "timebank.jsonl"), limit=3)
    assert s["n_gold"] > 0 and 0.0 <= s["value.f1"] <= s["relaxed.f1"] <= 1.0
