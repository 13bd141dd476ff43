"""HTTP views (placeholder)."""
from __future__ import annotations


def serve(db, *, host="127.0.0.1", port=8025):
    raise NotImplementedError
