"""Extractors: one module each, one public function from a parsed article to records.

Every extractor has the signature ``extract_x(parsed: ParsedArticle, found: Extraction)``
and returns a tuple of records, or, for a stage that yields two kinds at once (quotes and
attributions), a dict of them by field. ``found`` holds what the earlier stages produced, so a
later extractor (events) can use an earlier one's records (entities, places, times,
quotes) without recomputing them. The order below is the dependency order.
"""
from __future__ import annotations

from typing import Callable, Iterable

from ..records import Extraction

# (field of Extraction, "module:function"): imported lazily so that one slow or broken
# extractor does not make ``import sitrep`` slow or broken
STAGES: tuple[tuple[str, str], ...] = (
    ("times", "sitrep.extract.times:extract_times"),
    ("places", "sitrep.extract.places:extract_places"),
    ("entities", "sitrep.extract.entities:extract_entities"),
    ("quotes", "sitrep.extract.quotes:extract_statements"),  # quotes and attributions
    ("counts", "sitrep.extract.counts:extract_counts"),
    ("events", "sitrep.extract.events:extract_events"),
)
STAGE_NAMES = tuple(name for name, _ in STAGES)

_loaded: dict[str, Callable] = {}


def stage_function(name: str) -> Callable:
    if name not in _loaded:
        import importlib

        target = dict(STAGES)[name]
        module, func = target.split(":")
        _loaded[name] = getattr(importlib.import_module(module), func)
    return _loaded[name]


def run_stages(parsed, *, stages: Iterable[str] | None = None, timings: dict | None = None) -> Extraction:
    """Run the extractors in order over one parsed article."""
    import time

    wanted = set(stages) if stages is not None else set(STAGE_NAMES)
    found = Extraction(id=parsed.id, article=parsed.article)
    for name in STAGE_NAMES:
        if name not in wanted:
            continue
        t0 = time.perf_counter()
        records = stage_function(name)(parsed, found)
        fields = records if isinstance(records, dict) else {name: records}
        found = found.replace(**{field: tuple(recs) for field, recs in fields.items()})
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
    return found
