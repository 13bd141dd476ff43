"""The Parquet layout the Spark runner writes loads into the store; no Spark or model needed."""
from __future__ import annotations

import pytest

from sitrep.records import Document, Entity, Extraction, Quote, Rejected


def _write_tables(folder, pairs, rejected=()):
    """Parquet folders as Spark writes them, built with the store's own row functions."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from sitrep.ingest.readers import content_hash
    from sitrep.store.schema import RECORD_TABLES, article_row, flatten

    rows = {t: [] for t in ("articles", *RECORD_TABLES)}
    for doc, ex in pairs:
        h = content_hash(doc.text)
        rows["articles"].append(article_row(h, doc, ex))
        for table, recs in flatten(h, ex, doc.text).items():
            rows[table].extend(recs)
    rows["rejected"] = [{"where": r.where, "code": r.code, "reason": r.reason, "at": None} for r in rejected]
    for table, recs in rows.items():
        if recs:
            (folder / table).mkdir(parents=True)
            pq.write_table(pa.Table.from_pylist(recs), folder / table / "part-0.parquet")


def test_table_ddl_covers_every_store_column():
    from sitrep.spark import OUTPUT_TABLES, table_ddl

    ddl = table_ddl()
    assert set(ddl) == set(OUTPUT_TABLES)
    assert ddl["events"].startswith("`article_id` string, `ord` int")
    assert "`geonameid` bigint" in ddl["places"]


def test_load_parquet_round_trip_and_idempotent(tmp_path):
    from sitrep.api import ingest_parquet
    from sitrep.store import Store

    text = "Ana Silva said: \"We will return.\""
    doc = Document(id="a", text=text)
    ex = Extraction(id="a", entities=(Entity(id="E1", name="Ana Silva", kind="person", mentions=((0, 9),)),),
                    quotes=(Quote(id="Q1", type="direct", text="We will return.", span=(17, 32)),))
    other = Document(id="b", text="Nothing happened.")
    _write_tables(tmp_path / "out", [(doc, ex), (other, Extraction(id="b"))],
                  [Rejected(where="x.jsonl:3", code="E006", reason="no text")])
    db = tmp_path / "s.duckdb"
    first = ingest_parquet(tmp_path / "out", db=db)
    assert (first.read, first.added) == (2, 2)
    second = ingest_parquet(tmp_path / "out", db=db)
    assert (second.added, second.skipped_existing) == (0, 2)
    with Store(db, read_only=True) as store:
        ids = {r["doc_id"]: r["article_id"] for r in store.query("SELECT article_id, doc_id FROM articles")}
        assert store.extraction(ids["a"]) == ex
        assert store.counts()["mentions"] == 1
        assert len(store.rejected()) == 1


def test_load_parquet_without_articles_is_an_error(tmp_path):
    from sitrep.errors import SitrepError
    from sitrep.store import Store

    (tmp_path / "empty").mkdir()
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(SitrepError, match="E001"):
        store.load_parquet(tmp_path / "empty")
