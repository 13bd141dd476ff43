"""The store's copy index pages earlier articles in per batch: same decisions, bounded memory."""
from __future__ import annotations

import json

import pytest

from sitrep.dedup import CopyIndex, Sketch, paged
from sitrep.dedup.index import NUMERIC, StoredSketch, sentence_similarity
from sitrep.ingest.readers import content_hash
from sitrep.records import Document, Extraction
from sitrep.store import Store
from tests.dedup.test_dedup import DOCS

# a copy of a copy, an exact copy arriving in a later run, an article read before its original
MORE = [("a2", DOCS[0][1] + "\n\nThe story was updated."), ("exact2", DOCS[2][1] + " "),
        ("b-lead", DOCS[1][1].split("\n\n")[0])]
BATCHES = [DOCS[:3], DOCS[3:5], MORE[2:], DOCS[5:8], MORE[:2], DOCS[8:]]


def _reference(batches) -> dict[str, tuple]:
    """The in-memory index fed the same batches: its latest decision for each article."""
    index, out = CopyIndex(), {}
    for batch in batches:
        new = {index.add(content_hash(t), t) for _, t in batch}
        for i, d in index.decide(new).items():
            out[index.ids[i]] = (d.cluster, d.copy_of, d.kind, sorted(d.sources))
    return out


def _stored(db) -> dict[str, tuple]:
    with Store(db, read_only=True) as s:
        return {r["article_id"]: (r["cluster"], r["copy_of"], r["copy_kind"], sorted(json.loads(r["sources"])))
                for r in s.query("SELECT article_id, cluster, copy_of, copy_kind, sources FROM articles")}


def _ingest(db, batches, reopen_every=2):
    for k in range(0, len(batches), reopen_every):  # a new Store is a new run
        with Store(db) as s:
            for batch in batches[k:k + reopen_every]:
                s.add_batch([(Document(id=i, text=t), Extraction(id=i)) for i, t in batch])
                index = s._copy_index
                # between batches only the article count and a bounded cache stay in memory
                assert not index.buckets and not index.shingle_docs
                assert len(index.sketches) <= paged.KEEP + len(batch)


@pytest.mark.parametrize("keep", [0, 2, 1000])
def test_paged_index_decides_like_the_in_memory_one(tmp_path, monkeypatch, keep):
    monkeypatch.setattr(paged, "KEEP", keep)
    _ingest(tmp_path / "s.duckdb", BATCHES)
    got, want = _stored(tmp_path / "s.duckdb"), _reference(BATCHES)
    assert got == want
    kinds = {v[2] for v in got.values()}
    assert {"exact", "stitched"} <= kinds and kinds & {"near", "rewrite"}


def test_store_written_before_the_lookup_tables_is_upgraded(tmp_path):
    db = tmp_path / "s.duckdb"
    _ingest(db, BATCHES[:3], reopen_every=3)
    with Store(db) as s:  # as an older version left it: sketches and links only
        for sql in ("DELETE FROM dedup_bands", "DELETE FROM dedup_shingles", "DELETE FROM dedup_sentences",
                    "DELETE FROM meta WHERE key = 'dedup_lookups'", "UPDATE dedup_sketches SET exact_of = NULL",
                    "UPDATE dedup_links SET a_pos = NULL, b_pos = NULL"):
            s.con.execute(sql)
    _ingest(db, BATCHES[3:], reopen_every=3)
    assert _stored(db) == _reference(BATCHES)


def test_stored_sketch_decodes_one_sentence_or_all():
    sk = Sketch.of("NATO agreed on Wednesday to expand its training mission in Iraq. "
                   "The ministers met in Brussels for two days. Some 200 Canadian troops are there.")
    stored = StoredSketch(sk.to_bytes())
    assert [stored.sentence(k) for k in range(len(sk.sents))] == sk.sents
    assert [stored.sentence_len(k) for k in range(len(sk.sents))] == [len(s) for s in sk.sents]
    assert stored.sents == sk.sents and stored.to_bytes() == sk.to_bytes()


def test_similarity_under_the_floor_is_zero_and_above_it_unchanged():
    a = {1, 2, 3, 4 | NUMERIC}
    low, same, other_figure = {1, 5, 6, 7}, {1, 2, 3, 4 | NUMERIC, 8}, {1, 2, 3, 9 | NUMERIC}
    assert sentence_similarity(a, low) == pytest.approx(1 / 7)
    assert sentence_similarity(a, low, floor=0.5) == 0.0
    assert sentence_similarity(a, same, floor=0.5) == sentence_similarity(a, same) == pytest.approx(0.8)
    assert sentence_similarity(a, other_figure, floor=0.5) == sentence_similarity(a, other_figure) == 0.0


def _chain(n: int) -> CopyIndex:
    """Articles 0..n-1, each sharing one sentence of its five with the next: every link could
    make a part (1/5 of an article), none a copy."""
    index = CopyIndex()
    for i in range(n):
        index.add(f"d{i}", sketch=Sketch([(1000 * i + k, 1000 * i + k + 1, 7, 8 + k) for k in range(5)]),
                  key=f"k{i}", match=False)
    for i in range(n - 1):
        index.add_link(i, i + 1, {4: 1.0}, {0: 1.0})
    return index


def test_a_new_article_re_decides_its_neighbours_not_the_whole_chain():
    # a chain of weak links once pulled every article into each batch's decisions, a set that
    # grew with the store (2,300 of 12,000 Reuters articles)
    index = _chain(50)
    assert index._component({49}) == {48, 49}
    assert set(index.decide({49})) == {48, 49}
    assert index.decide({49}) == {i: d for i, d in index.decide().items() if i in (48, 49)}


def test_a_new_connection_between_batches_decides_the_same(tmp_path):
    # ingest opens a new DuckDB connection every few batches (Store.reconnect), to keep
    # DuckDB's native memory flat. The copy index moves to the new connection (rebuilding it
    # scanned whole tables); after a failed batch (abandon) it is made anew from the store
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        for k, batch in enumerate(BATCHES):
            s.add_batch([(Document(id=i, text=t), Extraction(id=i)) for i, t in batch])
            index = s._copy_index
            if k % 2:
                s.abandon()
            s.reconnect()
            kept = s.__dict__.get("_copy_index")
            assert (kept is None) if k % 2 else (kept is index and index.con is s.con)
    assert _stored(db) == _reference(BATCHES)
