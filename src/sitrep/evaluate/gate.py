"""The evaluation gate: a floor per task and score, which a change may raise but never silently lower.

Floors live in ``bench/floors.json``: ``{name: {"gold": path under ../shared, "floors": {score: value}}}``,
the name being the task's unless the entry says ``"task"`` (a second gold file of one task).
``check`` scores each task once and returns the scores below their floors (trafilatura's eval gate).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from . import evaluate

# scores are rounded before comparison so that float noise never fails a gate
TOLERANCE = 0.0005


@dataclass(frozen=True)
class GateResult:
    task: str
    score: str
    value: float
    floor: float

    @property
    def ok(self) -> bool:
        return self.value + TOLERANCE >= self.floor


def load_floors(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def check(floors_path: Path, shared: Path, *, tasks: list[str] | None = None) -> tuple[list[GateResult], dict]:
    """Every gated score with its floor, and the raw scores by task."""
    floors = load_floors(floors_path)
    results, raw = [], {}
    for task, spec in floors.items():
        if tasks and task not in tasks:
            continue
        scores = evaluate(spec.get("task", task), shared / spec["gold"])
        raw[task] = scores
        for name, floor in spec["floors"].items():
            results.append(GateResult(task, name, float(scores.get(name, float("nan"))), float(floor)))
    return results, raw


def raise_floors(floors_path: Path, raw: dict, *, margin: float = 0.005) -> dict:
    """New floors: each old floor raised to (score - margin) when the score has improved; never lowered."""
    floors = load_floors(floors_path)
    for task, scores in raw.items():
        for name, floor in floors[task]["floors"].items():
            value = scores.get(name)
            if isinstance(value, (int, float)) and value - margin > floor:
                floors[task]["floors"][name] = round(value - margin, 3)
    Path(floors_path).write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    return floors
