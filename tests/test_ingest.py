"""Ingest: idempotent by content, bad inputs listed with reasons, the good ones stored."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.api import ingest
from sitrep.store import Store

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parents[1]

ARTICLES = {
    "a.txt": "Border talks resume\n\nBy Ana Ruiz\nMarch 3, 2026\n\nDelegations from Armenia and Azerbaijan met "
             "in Geneva on Tuesday, a spokesman said.\n",
    "b.txt": "Aid convoy reaches town\n\nMarch 4, 2026\n\nA convoy of 40 trucks reached the town on Wednesday, "
             "the Red Cross said.\n",
}


def _folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    (d / "more").mkdir(parents=True)
    for name, text in ARTICLES.items():
        (d / name).write_text(text, encoding="utf-8")
    (d / "more" / "copy-of-a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (d / "bad-utf8.txt").write_bytes(b"Troops \xff\xfe moved north on Monday.")
    return d


def test_bad_files_are_listed_and_good_ones_stored(tmp_path):
    db = tmp_path / "s.duckdb"
    summary = ingest([_folder(tmp_path)], db=db)
    assert summary.added == 2  # the exact copy is the same article
    assert sorted(Path(r.where).name for r in summary.rejected) == ["bad-utf8.txt", "blob.txt", "empty.txt"]
    with Store(db) as store:
        assert store.counts()["articles"] == 2
        assert {r.code for r in store.rejected()} == {"E002", "E003", "E004"}


def test_ingest_twice_changes_nothing(tmp_path):
    db = tmp_path / "s.duckdb"
    folder = _folder(tmp_path)
    ingest([folder], db=db)
    with Store(db) as store:
        before = store.counts()
    second = ingest([folder], db=db)
    assert second.added == 0
    with Store(db) as store:
        after = store.counts()
    assert after == before


@pytest.mark.slow
def test_demo_corpus_ingest_is_idempotent(tmp_path):
    corpus = ROOT / "demo" / "corpus"
    if not any(corpus.glob("*.txt")):
        pytest.skip("demo corpus not written yet")
    db = tmp_path / "demo.duckdb"
    cmd = [sys.executable, "-m", "sitrep", "ingest", str(corpus), "--db", str(db)]
    subprocess.run(cmd, check=True, capture_output=True)
    with Store(db) as store:
        before = store.counts()
    subprocess.run(cmd, check=True, capture_output=True)
    with Store(db) as store:
        assert store.counts() == before
        assert before["articles"] >= 25


def test_store_memory_cap_doubles_when_a_batch_needs_more(tmp_path, monkeypatch):
    import sitrep.api

    monkeypatch.setattr(sitrep.api, "DUCKDB_MEMORY_MB", 1)  # too small for any batch
    db = tmp_path / "s.duckdb"
    assert ingest([ROOT / "demo" / "corpus"], db=db).added > 0
    with Store(db, read_only=True) as s:
        assert s.counts()["articles"] > 0
        assert s.query("SELECT count(*) AS n FROM dedup_sketches")[0]["n"] == s.counts()["articles"]


def test_a_new_store_connection_every_batch_keeps_settings_and_results(tmp_path, monkeypatch):
    import sitrep.api
    from sitrep.config import Options

    monkeypatch.setattr(sitrep.api, "RECONNECT_EVERY", 1)
    monkeypatch.setattr(sitrep.api, "DUCKDB_MEMORY_MB", 1)  # the doubled cap must survive a reconnect
    db = tmp_path / "s.duckdb"
    summary = ingest([_folder(tmp_path)], db=db, options=Options(batch_size=1))
    assert summary.added == 2 and summary.skipped_existing == 1
    with Store(db, read_only=True) as s:
        assert s.counts()["articles"] == 2 and len(s.rejected()) == 3


def test_extraction_batches_are_cut_by_characters_and_commits_by_count(tmp_path, monkeypatch):
    # spaCy's parse memory follows a batch's text; a commit's cost is mostly per batch
    import sitrep.api
    from sitrep.config import Options
    from sitrep.records import Document
    from sitrep.store import Store as _Store

    parsed, committed = [], []
    real_extract, real_add = sitrep.api._extract_batch, _Store.prepare_batch
    monkeypatch.setattr(sitrep.api, "_extract_batch",
                        lambda docs, *a, **k: parsed.append(len(docs)) or real_extract(docs, *a, **k))
    monkeypatch.setattr(_Store, "prepare_batch",
                        lambda self, pairs, *a, **k: committed.append(len(pairs)) or real_add(self, pairs, *a, **k))
    docs = [Document(id=str(i), text=f"Officials in Paris said {i} people were hurt on Monday. " * 3)
            for i in range(6)]
    size = len(docs[0].text)
    summary = sitrep.api.ingest_documents(docs, db=tmp_path / "s.duckdb",
                                          options=Options(batch_size=4, batch_chars=2 * size))
    assert summary.added == 6
    assert parsed == [2, 2, 2] and committed == [4, 2]


def test_the_loaded_model_is_frozen_out_of_the_collector_after_a_batch():
    import gc

    from sitrep.api import extract_text

    extract_text("Officials in Paris said on Monday that 12 people were hurt.")
    assert gc.get_freeze_count() > 0


def _docs(n: int):
    from sitrep.records import Document

    return [Document(id=str(i), text=f"Officials in Paris said {i} people were hurt on Monday.") for i in range(n)]


def test_batches_are_written_in_a_second_thread_and_progress_stays_in_the_caller(tmp_path, monkeypatch):
    import threading

    import sitrep.api
    from sitrep.config import Options
    from sitrep.store import Store as _Store

    committers, preparers, reporters = set(), set(), set()
    real_write, real_prepare = _Store.write_batch, _Store.prepare_batch
    monkeypatch.setattr(_Store, "write_batch", lambda self, *a, **k:
                        committers.add(threading.current_thread().name) or real_write(self, *a, **k))
    monkeypatch.setattr(_Store, "prepare_batch", lambda self, *a, **k:
                        preparers.add(threading.current_thread().name) or real_prepare(self, *a, **k))
    summary = sitrep.api.ingest_documents(_docs(5), db=tmp_path / "s.duckdb", options=Options(batch_size=2),
                                          progress=lambda n: reporters.add(threading.current_thread().name))
    assert summary.added == 5
    assert committers and all(name.startswith("sitrep-store") for name in committers)
    assert preparers == reporters == {threading.current_thread().name}


def test_a_failed_commit_stops_the_ingest_and_a_rerun_completes_it(tmp_path, monkeypatch):
    import sitrep.api
    from sitrep.config import Options
    from sitrep.store import Store as _Store

    calls = []
    real_write = _Store.write_batch

    def write_batch(self, *a, **k):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real_write(self, *a, **k)

    monkeypatch.setattr(_Store, "write_batch", write_batch)
    db = tmp_path / "s.duckdb"
    with pytest.raises(RuntimeError, match="disk full"):
        sitrep.api.ingest_documents(_docs(6), db=db, options=Options(batch_size=2))
    assert len(calls) == 2  # no batch commits after the one that failed
    with Store(db, read_only=True) as s:
        assert s.counts()["articles"] == 2
    monkeypatch.setattr(_Store, "write_batch", real_write)
    summary = sitrep.api.ingest_documents(_docs(6), db=db, options=Options(batch_size=2))
    assert (summary.added, summary.skipped_existing) == (4, 2)
    with Store(db, read_only=True) as s:
        assert s.counts()["articles"] == 6


@pytest.mark.model
def test_spacys_lemmatizer_cache_is_emptied_past_its_bound(monkeypatch):
    import sitrep.nlp.pipeline as pipeline
    from sitrep.api import extract_text
    from sitrep.nlp.pipeline import load_nlp

    cache = load_nlp().get_pipe("lemmatizer").cache
    monkeypatch.setattr(pipeline, "LEMMA_CACHE", 3)
    extract_text("Officials in Paris said on Monday that 12 people were hurt in clashes.")
    assert len(cache) <= 3
    words = extract_text("Rebels attacked the villages and burned the houses.").events
    assert words  # lemmas still come out right with the cache emptied


def test_the_ingest_connection_flushes_duckdbs_allocator_after_small_tasks(tmp_path, monkeypatch):
    # DuckDB's default (128 MB) is never reached by the ingest's queries, so what they freed stayed
    from sitrep.api import ingest_documents
    from sitrep.records import Rejected

    seen = []
    real = Store.known_hashes

    def known_hashes(self, hashes):
        seen.append(self.con.execute("SELECT current_setting('allocator_flush_threshold')").fetchone()[0])
        return real(self, hashes)

    monkeypatch.setattr(Store, "known_hashes", known_hashes)
    ingest_documents([Rejected(where="x", code="E001", reason="unreadable")], db=tmp_path / "s.duckdb")
    assert seen and set(seen) == {"3.8 MiB"}  # 4 MB (10^6 bytes) as DuckDB shows it


@pytest.mark.model
def test_an_article_dated_at_the_ends_of_the_calendar_is_stored_without_overflow(tmp_path):
    from sitrep.api import ingest_documents
    from sitrep.records import Document

    docs = [Document(id="early", text="Iran attacked Iraq on Monday.", published="0001-01-01"),
            Document(id="late", text="Rebels shelled the town of Kok-Tash overnight.", published="9999-12-31")]
    summary = ingest_documents(docs, db=tmp_path / "s.duckdb")
    assert summary.added == 2 and not summary.rejected
