"""The project's own scorers, one module per task, each ``score(gold_path, *, options)``.

A scorer returns a flat ``dict`` of named scores (plus counts); ``render_scores`` prints it.
The same numbers feed the evaluation gate (``bench/floors.json``) and BENCHMARKS.md.
"""
from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Iterator

from ..errors import E, SitrepError

TASKS = ("quotes", "events", "places", "times", "dedup")


def read_gold(path: str | Path, task: str) -> Iterator[dict]:
    """Gold documents of one task, streamed; each keeps its ``gold`` for the scorer."""
    path = Path(path)
    if not path.is_file():
        raise SitrepError(E.E008, path=str(path))
    found = False
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                doc = json.loads(line)
                gold = doc.get("gold") or {}
                if task in gold or (task == "dedup" and "cluster" in gold):
                    found = True
                yield doc
    if not found:
        raise SitrepError(E.E013, path=str(path), task=task)


def evaluate(task: str, gold_path: str | Path, **kwargs) -> dict:
    """Scores of sitrep on one gold file for one task."""
    if task not in TASKS:
        raise SitrepError(E.E012, what="task", value=task, choices=", ".join(TASKS))
    module = importlib.import_module(f"sitrep.evaluate.{task}")
    return module.score(gold_path, **kwargs)


def render_scores(task: str, gold_path: str | Path, scores: dict) -> str:
    lines = [f"sitrep eval {task} {gold_path}"]
    width = max((len(k) for k in scores), default=0)
    for k, v in scores.items():
        lines.append(f"  {k.ljust(width)}  {v:.4f}" if isinstance(v, float) else f"  {k.ljust(width)}  {v}")
    return "\n".join(lines) + "\n"
