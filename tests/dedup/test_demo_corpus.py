"""The demo corpus holds deliberate copies: after ingest, events are listed (nearly) once each."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.api import ingest
from sitrep.query import events
from sitrep.store import Store

DEMO = Path(__file__).resolve().parents[2] / "demo" / "corpus"


@pytest.mark.model
def test_demo_corpus_duplication_factor_is_one(tmp_path):
    manifest = DEMO / "MANIFEST.json"
    if not manifest.is_file():
        pytest.skip("demo/corpus/MANIFEST.json not written yet")
    originals = {Path(m["file"]).stem for m in json.loads(manifest.read_text()) if m["kind"] == "original"}
    db = tmp_path / "demo.duckdb"
    ingest([DEMO], db=db)
    with Store(db, read_only=True) as store:
        keys = store.query("SELECT DISTINCT e.type, e.source_code, e.target_code, "
                           "substr(coalesce(e.date, a.published), 1, 10) AS day, a.doc_id "
                           "FROM events e JOIN articles a USING (article_id)")
    distinct = {(k["type"], k["source_code"], k["target_code"], k["day"]) for k in keys if k["doc_id"] in originals}
    listed = events(db)
    # copies and stitched sentences merge into their sources' events; what remains above 1.0
    # comes from the demo's free paraphrases (kept apart on purpose: two agencies' reports of
    # one event look the same) whose events the extractor resolves to other actors
    assert len(distinct) <= len(listed) <= 1.15 * len(distinct)
