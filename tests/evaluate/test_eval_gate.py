"""The evaluation gate: each task's dev score must stay at or above its floor in bench/floors.json."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.evaluate import evaluate
from tests.conftest import shared_path

FLOORS = json.loads((Path(__file__).resolve().parents[2] / "bench" / "floors.json").read_text())


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("task", sorted(FLOORS))
def test_score_at_or_above_floor(task):
    spec = FLOORS[task]
    scores = evaluate(spec.get("task", task), shared_path(*spec["gold"].split("/")))
    below = {name: (round(scores.get(name, float("nan")), 4), floor) for name, floor in spec["floors"].items()
             if not scores.get(name, float("nan")) + 0.0005 >= floor}
    assert not below, f"{task}: score below its floor (score, floor): {below}"
