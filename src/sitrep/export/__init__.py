"""Exports (placeholder)."""
from __future__ import annotations


def export(db, fmt, output, *, include_copies=False):
    return output
