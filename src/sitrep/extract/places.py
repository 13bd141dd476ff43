"""places (placeholder)."""
from __future__ import annotations


def extract_places(parsed, found):
    return ()
