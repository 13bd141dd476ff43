"""Handing freed memory back to the system between batches (glibc; elsewhere a no-op).

glibc keeps what a batch freed (spaCy's arrays, a query's result rows) inside its heap, so
a long run's RSS climbs to its largest batch and stays there. Measured on 800 Reuters
articles, extraction in one process: RSS 289-296 MB (peak 324) without a trim after each
batch, 262 MB (peak 262) with one, at the same CPU time. Lowering glibc's mmap threshold
instead (M_MMAP_THRESHOLD 128 KB) saved as much but cost 10-30% more CPU in page faults.
"""
from __future__ import annotations

import ctypes
from functools import lru_cache


@lru_cache(maxsize=1)
def _trim():
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, musl): nothing to do
        return None


def release_memory() -> None:
    """Return the C heap's free pages to the system; cheap (a few ms) once per batch."""
    trim = _trim()
    if trim is not None:
        trim(0)
