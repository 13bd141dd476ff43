"""The dedup scorer: pair construction by hand, and a floor on a slice of the dev set."""
from __future__ import annotations

import json

from sitrep.evaluate import evaluate
from tests.conftest import shared_path

A = ("The central bank raised its main interest rate by a quarter point on Wednesday. Governor Maria Castillo "
     "said inflation was still well above the target. Markets had largely expected the decision.")
B = ("Floods in the north have forced more than 12,000 people from their homes, the ministry said. Heavy rain "
     "fell for four days across the river valley, cutting roads. Rescue teams used boats to reach villages.")


def _write(path, docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def test_pairs_and_stitched_sources(tmp_path):
    docs = [{"id": "a", "text": A, "gold": {"cluster": "c1", "sources": []}},
            {"id": "a2", "text": "By Staff\n\n" + A, "gold": {"cluster": "c1", "sources": []}},
            {"id": "b", "text": B, "gold": {"cluster": "c2", "sources": []}},
            {"id": "s", "text": A.split(". ")[0] + ". " + A.split(". ")[1] + ".\n\n" + B,
             "gold": {"cluster": "c3", "sources": ["a", "b"]}}]
    scores = evaluate("dedup", _write(tmp_path / "g.jsonl", docs))
    # gold pairs: a-a2, s-a, s-a2, s-b
    assert scores["gold_pairs"] == 4
    assert scores["pair_f1"] == 1.0 and scores["stitched_source_recall"] == 1.0


def test_floor_on_a_dev_slice(tmp_path):
    lines = shared_path("eval", "dedup", "reuters_dev.jsonl").read_text(encoding="utf-8").splitlines()[:500]
    scores = evaluate("dedup", _write(tmp_path / "slice.jsonl", [json.loads(x) for x in lines]))
    assert scores["pair_f1"] >= 0.95
