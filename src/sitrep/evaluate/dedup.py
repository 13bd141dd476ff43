"""Scorer for dedup (placeholder)."""
from __future__ import annotations


def score(gold_path, **kwargs) -> dict:
    return {}
