"""quotes (placeholder)."""
from __future__ import annotations


def extract_quotes(parsed, found):
    return ()
