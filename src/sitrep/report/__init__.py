"""The situation report (placeholder)."""
from __future__ import annotations


def situation_report(db, filters, *, fmt: str = "md") -> str:
    return ""
