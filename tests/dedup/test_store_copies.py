"""Copies through the store: across batches and runs, re-clustering, story events, stories."""
from __future__ import annotations

import json

from sitrep.dedup import story_rows
from sitrep.query import events
from sitrep.records import ActorRef, Article, Document, Event, Extraction, TextSpan
from sitrep.store import Store
from tests.dedup.test_dedup import A, B, C, REWRITE, SAME_TOPIC, STITCHED


def _pair(doc_id, text, published="2022-03-10", event_day=None):
    ev = Event(id="v1", type="MOBILIZE", trigger=TextSpan("send", (0, 4)), sentence=(0, 10),
               source=(ActorRef("NATO", code="IGO"),), target=(ActorRef("Poland", code="POL"),),
               date=event_day or published)
    return (Document(id=doc_id, text=text, published=published),
            Extraction(id=doc_id, article=Article(published=published), events=(ev,)))


def _articles(db):
    with Store(db, read_only=True) as s:
        return {r["doc_id"]: r for r in s.query("SELECT doc_id, cluster, copy_of, copy_kind, sources, provenance "
                                               "FROM articles")}


def test_copies_across_runs_and_late_sources(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.add_batch([_pair("a", A), _pair("stitched", STITCHED), _pair("b", B)])
    with Store(db) as s:  # a new run: the index comes back from the store
        stats = s.add_batch([_pair("rewrite", REWRITE, "2022-03-11"), _pair("c", C),
                             _pair("other", SAME_TOPIC, "2022-03-11")])
    rows = _articles(db)
    assert stats["copies"] == 1
    assert rows["rewrite"]["copy_of"] is not None and rows["rewrite"]["cluster"] == rows["a"]["cluster"]
    assert rows["other"]["cluster"] != rows["a"]["cluster"] and rows["other"]["copy_of"] is None
    # the stitched article came first; its second source arrived in the later run
    assert rows["stitched"]["copy_kind"] == "stitched"
    assert len(json.loads(rows["stitched"]["sources"])) == 2
    assert json.loads(rows["other"]["provenance"])["agencies"] == ["AFP"]
    stories = {r["cluster"]: r for r in story_rows(db)}
    assert stories[rows["a"]["cluster"]]["n_articles"] == 2


def test_one_event_reported_twice_is_listed_once(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.add_batch([_pair("a", A, "2022-03-10"), _pair("b", B, "2022-03-11"), _pair("rewrite", REWRITE)])
        s.add_batch([_pair("c", C, "2022-03-20")])
    rows = events(db)
    assert len(rows) == 2  # a and b merged (a day apart); the copy adds nothing; c is ten days later
    first = [r for r in rows if r["doc_id"] == "a"][0]
    assert first["reports"] == 2
