"""entities (placeholder)."""
from __future__ import annotations


def extract_entities(parsed, found):
    return ()
