"""Copy detection: exact, near, rewritten and stitched copies; stories; provenance.

``assign_copies`` runs inside ``Store.prepare_batch`` (the index persists in the store),
``dedup_lines`` serves ``sitrep dedup`` on a JSON Lines file without the spaCy model,
``story_rows`` lists the clusters for ``sitrep stories``.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator, Union

from .index import CopyIndex, Decision, Sketch, exact_key
from .provenance import provenance
from .stories import assign_copies, story_rows

__all__ = ["CopyIndex", "Decision", "Sketch", "assign_copies", "dedup_lines", "exact_key", "provenance",
           "story_rows"]


def dedup_lines(input_file: Union[str, Path]) -> Iterator[str]:
    """One JSON line per document of a JSON Lines file, in input order:
    ``{"id", "cluster", "sources", "kind", "copy_of"}``; ``sources`` only for stitched documents.

    The file is streamed once to index it (memory: the sketches, not the texts), then the
    decisions are made over all links, so a copy read before its original still joins it.
    """
    from ..ingest.readers import read_jsonl_file
    from ..records import Document

    index = CopyIndex()
    for item in read_jsonl_file(Path(input_file)):
        if isinstance(item, Document):
            index.add(item.id, item.text)
    decisions = index.decide()
    for i, doc_id in index.ids.items():
        d = decisions[i]
        yield json.dumps({"id": doc_id, "cluster": d.cluster, "sources": d.sources, "kind": d.kind,
                          "copy_of": d.copy_of})
