"""PySpark runner (placeholder)."""
from __future__ import annotations


def spark_ingest(input_path, output, *, options, master="local[2]"):
    raise NotImplementedError
