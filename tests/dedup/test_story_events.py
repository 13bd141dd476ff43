"""Story events of copied sentences: a stitched article's events join its sources' events by
sentence, whatever the extractor coded, and list nothing of their own."""
from __future__ import annotations

from sitrep.query import Filters, events
from sitrep.records import ActorRef, Article, Document, Event, Extraction, TextSpan
from sitrep.store import Store
from tests.dedup.test_dedup import B, C, SAME_TOPIC, STITCHED


def _event(text, n, sentence, trigger, type_, source=None, target=None):
    s = text.index(sentence)
    t = text.index(trigger, s)
    return Event(id=f"v{n}", type=type_, trigger=TextSpan(trigger, (t, t + len(trigger))),
                 sentence=(s, s + len(sentence)), source=(ActorRef("x", code=source),) if source else (),
                 target=(ActorRef("y", code=target),) if target else ())


def _pair(doc_id, text, published, *events):
    return (Document(id=doc_id, text=text, published=published),
            Extraction(id=doc_id, article=Article(published=published), events=events))


def test_stitched_events_join_their_sources_by_sentence(tmp_path):
    rate = "The central bank raised its main interest rate by a quarter point on Wednesday"
    boats = "Rescue teams used boats to reach villages cut off by the water."
    promise = "The government has promised emergency aid for farmers."
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.add_batch([_pair("b", B, "2022-03-10", _event(B, 1, rate, "raised", "RAISE", "GOV")),
                     _pair("c", C, "2022-03-10", _event(C, 1, boats, "used", "AID", "GOV", "CVL"))])
        s.add_batch([_pair("stitched", STITCHED, "2022-03-11",
                           # two readings of one copied sentence, one of them of another type
                           _event(STITCHED, 1, rate, "raised", "RAISE", "COP"),
                           _event(STITCHED, 2, rate, "rate", "CHANGE"),
                           _event(STITCHED, 3, boats, "used", "AID", "MIL", "CVL"),
                           # a copied sentence whose source has no event there
                           _event(STITCHED, 4, promise, "promised", "PROMISE", "GOV", "AGR"))])
        # a later independent report coded like the copy's reading must not join through it
        s.add_batch([_pair("d", SAME_TOPIC, "2022-03-11", _event(SAME_TOPIC, 1, SAME_TOPIC.split(".")[0],
                                                                   "backed", "PROMISE", "GOV", "AGR"))])
        rows = {(r["doc_id"], r["event_id"]): r for r in s.query(
            "SELECT a.doc_id, e.event_id, e.story_event, e.copied_from, a.copy_kind "
            "FROM events e JOIN articles a USING (article_id)")}
    assert rows[("stitched", "v1")]["copy_kind"] == "stitched"
    assert rows[("stitched", "v1")]["story_event"] == rows[("stitched", "v2")]["story_event"] == \
        rows[("b", "v1")]["story_event"]
    assert rows[("stitched", "v3")]["story_event"] == rows[("c", "v1")]["story_event"]
    assert all(rows[("stitched", f"v{k}")]["copied_from"] for k in range(1, 5))
    assert rows[("d", "v1")]["story_event"] != rows[("stitched", "v4")]["story_event"]
    assert sorted(r["doc_id"] for r in events(db)) == ["b", "c", "d"]
    assert len(events(db, Filters(include_copies=True))) == 4  # b, c (with their copies), d, stitched v4


def test_stitched_article_read_before_its_sources_lists_nothing_it_copied(tmp_path):
    rate = "The central bank raised its main interest rate by a quarter point on Wednesday"
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.add_batch([_pair("stitched", STITCHED, "2022-03-11", _event(STITCHED, 1, rate, "raised", "RAISE", "COP"))])
    assert [r["doc_id"] for r in events(db)] == ["stitched"]  # no source known yet: its own report
    with Store(db) as s:
        s.add_batch([_pair("b", B, "2022-03-10", _event(B, 1, rate, "raised", "RAISE", "GOV")),
                     _pair("c", C, "2022-03-10")])
    assert [r["doc_id"] for r in events(db)] == ["b"]
    with Store(db, read_only=True) as s:  # marked in the batch that made it stitched (one query for all)
        rows = s.query("SELECT e.copied_from, a.copy_kind FROM events e JOIN articles a USING (article_id) "
                       "WHERE a.doc_id = 'stitched'")
    assert rows == [{"copied_from": rows[0]["copied_from"], "copy_kind": "stitched"}] and rows[0]["copied_from"]
