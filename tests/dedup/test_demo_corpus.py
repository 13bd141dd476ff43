"""The demo corpus holds deliberate copies, rewrites and a stitched article: they add no events.

Duplication factor = events listed by ``sitrep.query.events`` over the whole corpus, divided
by the events listed over its originals alone (MANIFEST.json kind "original"), both stores
holding the same extraction records. Copies, rewrites and the stitched article's copied
sentences must merge into their sources' events, so the factor is exactly 1.0.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.api import ingest
from sitrep.query import events
from sitrep.records import Document
from sitrep.store import Store

DEMO = Path(__file__).resolve().parents[2] / "demo" / "corpus"


@pytest.mark.model
@pytest.mark.slow
def test_demo_corpus_duplication_factor_is_one(tmp_path):
    manifest = json.loads((DEMO / "MANIFEST.json").read_text())
    kinds = {Path(m["file"]).stem: m for m in manifest}
    everything, originals = tmp_path / "all.duckdb", tmp_path / "originals.duckdb"
    ingest([DEMO], db=everything)
    with Store(everything, read_only=True) as store:
        ids = {r["doc_id"]: r["article_id"] for r in store.query("SELECT doc_id, article_id FROM articles")}
        found = {r["doc_id"]: r for r in store.query("SELECT doc_id, copy_of, copy_kind, sources FROM articles")}
        # the originals alone, with the very same extraction records, in the same order
        records = [store.extraction(aid) for aid in store.article_ids()]
        pairs = [(Document(id=ex.id, text=store.text(ids[ex.id])), ex) for ex in records
                 if kinds[ex.id]["kind"] == "original"]
    with Store(originals) as store:
        store.add_batch(pairs)
    doc_of = {aid: doc for doc, aid in ids.items()}
    for doc, m in kinds.items():  # the detector sees what the manifest says
        if m["kind"] in ("copy", "rewrite"):
            assert doc_of.get(found[doc]["copy_of"]) == Path(m["copies"][0]).stem, doc
        elif m["kind"] == "stitched":
            assert sorted(doc_of[a] for a in json.loads(found[doc]["sources"])) == \
                sorted(Path(f).stem for f in m["copies"]), doc
        else:
            assert found[doc]["copy_of"] is None and found[doc]["copy_kind"] is None, doc
    listed, distinct = events(everything), events(originals)
    assert len(pairs) == sum(m["kind"] == "original" for m in manifest)
    assert len(listed) == len(distinct) > 0
