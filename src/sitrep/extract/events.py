"""events (placeholder)."""
from __future__ import annotations


def extract_events(parsed, found):
    return ()
