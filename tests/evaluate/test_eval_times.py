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


@pytest.mark.model
def test_rejected_documents_are_counted_not_silent(tmp_path, monkeypatch):
    import json

    from sitrep.evaluate import times as times_eval
    from sitrep.extract import times as times_stage

    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "d1", "text": "Rebels attacked on Friday.", "published": "2020-02-14",
                                "gold": {"times": [{"span": [19, 25], "type": "DATE", "value": "2020-02-14"}]}})
                    + "\n", encoding="utf-8")
    assert times_eval.score(gold)["n_rejected"] == 0

    def broken(*args, **kwargs):
        raise RuntimeError("a broken rule module")

    monkeypatch.setattr(times_stage, "find_timexes", broken)
    s = times_eval.score(gold)
    assert s["n_rejected"] == 1 and "broken rule module" in s["first_rejection"] and s["value.f1"] == 0.0
