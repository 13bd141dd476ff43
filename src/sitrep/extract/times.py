"""Times: DATE, TIME, DURATION and SET expressions with TIMEX3 values (placeholder)."""
from __future__ import annotations


def extract_times(parsed, found):
    return ()
