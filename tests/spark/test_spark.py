"""The Spark runner gives the same records as a local run, through Parquet and back into the store."""
from __future__ import annotations

import itertools
import shutil

import pytest

from tests.conftest import shared_path

pytestmark = [pytest.mark.spark, pytest.mark.slow, pytest.mark.model]


@pytest.fixture(scope="module")
def spark_ready():
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install sitrep[spark])")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime on PATH: PySpark needs Java 17 or later")


def test_spark_records_equal_local_run(spark_ready, tmp_path):
    from click.testing import CliRunner

    from sitrep.api import extract_documents
    from sitrep.cli import main
    from sitrep.ingest.readers import read_jsonl_file
    from sitrep.spark import spark_ingest
    from sitrep.store import Store

    corpus = shared_path("corpora", "reuters21578.jsonl")
    src = tmp_path / "articles.jsonl"
    with open(corpus, encoding="utf-8") as fh:
        src.write_text("".join(itertools.islice(fh, 50)), encoding="utf-8")
    out = tmp_path / "out"
    written = spark_ingest(src, out, master="local[2]", partitions=2)

    local = {r.id: r for r in extract_documents(read_jsonl_file(src))}
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(main, ["ingest", "--from-parquet", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        rows = store.query("SELECT article_id, doc_id FROM articles")
        assert len(rows) == written["articles"]
        # the corpus opens with an exact copy: both runs extract it once
        assert 45 <= len(rows) <= 50
        for row in rows:
            assert store.extraction(row["article_id"]) == local[row["doc_id"]], row["doc_id"]
        for table, n in written.items():
            assert store.counts()[table] == n, table
            parquet_cols = [d[0] for d in store.con.execute(
                f"SELECT * FROM read_parquet('{out / table}/*.parquet') LIMIT 0").description]
            store_cols = [d[0] for d in store.con.execute(f"SELECT * FROM {table} LIMIT 0").description]
            assert parquet_cols == store_cols, table
    again = CliRunner().invoke(main, ["ingest", "--from-parquet", str(out), "--db", str(db)])
    assert f"added 0, already stored {len(rows)}" in again.output
