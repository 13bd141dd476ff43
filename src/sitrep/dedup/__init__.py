"""Copy detection on ingest (placeholder: exact copies are already skipped by content hash)."""
from __future__ import annotations


def assign_copies(store, items):
    """For each new (hash, document, extraction): its cluster, the article it copies, the kind."""
    return {}


def dedup_lines(input_file):
    """One JSON line per document: {"id", "cluster", "sources"} (placeholder)."""
    return iter(())


def story_rows(db):
    return []
