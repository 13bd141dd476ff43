"""sitrep: news reports to structured, source-traceable event data.

    >>> import sitrep
    >>> ex = sitrep.extract_text("NATO suspended the mission on January 6.", published="2020-02-14")
    >>> [e.type for e in ex.events]
"""
from __future__ import annotations

from .api import extract_documents, extract_paths, extract_text, ingest, ingest_documents
from .config import Options
from .errors import E, SitrepError
from .records import (Article, Count, Document, Entity, Event, Extraction, Place, Quote, Rejected,
                      Time)

__version__ = "0.1.0"

__all__ = [
    "Article", "Count", "Document", "E", "Entity", "Event", "Extraction", "Options", "Place", "Quote",
    "Rejected", "SitrepError", "Time", "extract_documents", "extract_paths", "extract_text", "ingest",
    "ingest_documents",
]
