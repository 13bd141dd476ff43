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
