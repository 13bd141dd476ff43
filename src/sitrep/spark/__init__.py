"""The same pipeline on PySpark: articles in (JSONL or Parquet), the store's tables out as Parquet.

Each partition runs ``sitrep.api.extract_pairs`` in a Python worker, which loads the spaCy
model once (``load_nlp`` is cached per process and Spark reuses its Python workers). Rows
are built by the functions the embedded store uses (``article_row``, ``flatten``), and the
column types come from the store's own DDL, so ``sitrep ingest --from-parquet`` loads the
output as it is.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator, Union

from ..config import Options
from ..errors import E, SitrepError

DOCUMENT_FIELDS = ("id", "text", "title", "published", "source", "url", "byline")
OUTPUT_TABLES = ("articles", "entities", "mentions", "quotes", "attributions", "events", "counts", "places",
                 "times", "rejected")

_SPARK_TYPES = {"VARCHAR": "string", "INTEGER": "int", "BIGINT": "bigint", "DOUBLE": "double",
                "BOOLEAN": "boolean", "TIMESTAMP": "timestamp"}


def table_ddl() -> dict[str, str]:
    """Spark DDL strings for every output table, read from the store's schema."""
    import duckdb

    from ..store.schema import SCHEMA

    con = duckdb.connect(":memory:")
    for ddl in SCHEMA:
        con.execute(ddl)
    out = {}
    for table in OUTPUT_TABLES:
        cols = con.execute("SELECT column_name, data_type FROM information_schema.columns "
                           "WHERE table_name = ? ORDER BY ordinal_position", [table]).fetchall()
        out[table] = ", ".join(f"`{name}` {_SPARK_TYPES[kind]}" for name, kind in cols)
    con.close()
    return out


def partition_rows(rows: Iterable, options: Options) -> Iterator[tuple[str, str]]:
    """(table, row as JSON) for every record of the articles in one partition."""
    from dataclasses import replace
    from datetime import datetime, timezone

    from ..api import extract_pairs
    from ..ingest.readers import content_hash
    from ..records import Document, Extraction
    from ..store.schema import article_row, flatten

    now = datetime.now(timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds")
    docs = (Document(**{k: row[k] for k in DOCUMENT_FIELDS}, path=row["path"]) for row in rows)
    # one worker process per executor core already: no process pool inside a task
    for doc, result in extract_pairs(docs, options=replace(options, n_process=1)):
        if not isinstance(result, Extraction):
            yield "rejected", json.dumps({"where": result.where, "code": result.code,
                                          "reason": result.reason, "at": now})
            continue
        h = content_hash(doc.text)
        yield "articles", json.dumps(article_row(h, doc, result, at=now))
        for table, recs in flatten(h, result, doc.text).items():
            for rec in recs:
                yield table, json.dumps(rec)


def _session(master: str, app: str = "sitrep"):
    import os
    import sys

    from pyspark.sql import SparkSession

    if master.startswith("local"):
        # local workers must run this interpreter (the one with sitrep and the model), not
        # whatever "python3" is first on PATH, which is PySpark's default
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master(master).appName(app)
             .config("spark.sql.shuffle.partitions", "4")
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.debug.maxToStringFields", "200")  # the events schema is wide
             .getOrCreate())
    spark.sparkContext.setLogLevel("WARN")
    return spark


def spark_ingest(input_path: Union[str, Path], output: Union[str, Path], *, options: Options = Options(),
                 master: str = "local[2]", partitions: int | None = None) -> dict[str, int]:
    """Extract every article under ``input_path`` on Spark; write one Parquet folder per table.

    ``input_path`` is a JSON Lines file or folder (FORMAT.md shape) or Parquet with the same
    columns. Articles with the same normalised text are extracted once (the lowest id wins),
    as on the embedded ingest. Returns the number of rows written per table.
    """
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise SitrepError(E.E014, package="pyspark", feature="spark-ingest", extra="spark") from exc
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    from ..ingest.readers import content_hash

    spark = _session(master)
    src = str(input_path)
    as_parquet = src.endswith(".parquet") or (Path(src).is_dir() and any(Path(src).glob("*.parquet")))
    schema = StructType([StructField(f, StringType()) for f in DOCUMENT_FIELDS])
    if as_parquet:
        frame = spark.read.parquet(src)
        frame = frame.select(*[(F.col(f) if f in frame.columns else F.lit(None)).cast("string").alias(f)
                               for f in DOCUMENT_FIELDS])
    else:
        frame = spark.read.schema(schema).json(src)
    # lines without text are dropped here (the embedded ingest records them as E006)
    frame = (frame.filter(F.col("text").isNotNull())
             .withColumn("id", F.coalesce(F.col("id"), F.sha1(F.col("text"))))
             .withColumn("path", F.input_file_name()))
    # exact copies (by the store's content hash) are extracted once: keep the lowest id
    keyed = frame.rdd.keyBy(lambda r: content_hash(r["text"]))
    unique = keyed.reduceByKey(lambda a, b: a if a["id"] <= b["id"] else b).values()
    if partitions:
        unique = unique.repartition(partitions)
    envelope = spark.createDataFrame(unique.mapPartitions(lambda rows: partition_rows(rows, options)),
                                     "table string, row string").persist()
    written = {}
    for table, ddl in table_ddl().items():
        rows = (envelope.filter(F.col("table") == table)
                .select(F.from_json("row", ddl, {"timestampFormat": "yyyy-MM-dd'T'HH:mm:ss"}).alias("r"))
                .select("r.*"))
        rows.write.mode("overwrite").parquet(str(Path(output) / table))
        written[table] = spark.read.parquet(str(Path(output) / table)).count()
    envelope.unpersist()
    return written
