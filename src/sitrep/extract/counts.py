"""counts (placeholder)."""
from __future__ import annotations


def extract_counts(parsed, found):
    return ()
