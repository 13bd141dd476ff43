#!/usr/bin/env python3
"""How much time copy detection adds to ingest.

Dedup alone: N Reuters articles stored in batches of 32 with empty extractions, on an empty
store; the time spent in ``assign_copies`` (sketching, paging in the copy index, sentence
matching, decisions, provenance, the rows it writes) and in the whole ``add_batch`` (which
also writes those rows and the articles).
Parse + extract: a smaller sample through ``extract_documents`` (the spaCy pipeline and every
extractor), scaled to N per article, since a full ingest of 5,000 articles takes long on a
shared machine. Prints CPU seconds (fair on a busy machine) and wall seconds, and the
ratio dedup / (parse + extract) in CPU time.

usage: bench/dedup_bench.py [--n 5000] [--sample 200] [--corpus ../shared/corpora/reuters21578.jsonl]
"""
from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from itertools import islice
from pathlib import Path

import sitrep.dedup
from sitrep.api import extract_documents
from sitrep.ingest.readers import read_jsonl_file
from sitrep.records import Document, Extraction
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--sample", type=int, default=200)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/corpora/reuters21578.jsonl"))
    args = ap.parse_args()
    docs = [d for d in islice(read_jsonl_file(Path(args.corpus)), args.n) if isinstance(d, Document)]

    spent = {"wall": 0.0, "cpu": 0.0}
    assign = sitrep.dedup.assign_copies

    def timed(*a, **k):  # add_batch imports it from sitrep.dedup on each call
        t, c = time.perf_counter(), time.process_time()
        try:
            return assign(*a, **k)
        finally:
            spent["wall"] += time.perf_counter() - t
            spent["cpu"] += time.process_time() - c

    sitrep.dedup.assign_copies = timed
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        store.con.execute("SET threads = 1")  # as during ingest
        c0 = time.process_time()
        copies = 0
        for k in range(0, len(docs), 32):
            copies += store.add_batch([(d, Extraction(id=d.id)) for d in docs[k:k + 32]])["copies"]
        store_cpu = time.process_time() - c0
        dedup, dedup_cpu = spent["wall"], spent["cpu"]
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the model loads

    sample = docs[: args.sample]
    for _ in extract_documents(docs[-1:]):  # load the model outside the timing
        pass
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in extract_documents(sample):
        pass
    scale = len(docs) / max(1, len(sample))
    extract, extract_cpu = (time.perf_counter() - t0) * scale, (time.process_time() - c0) * scale
    print(json.dumps({"articles": len(docs), "copies_found": copies, "dedup_cpu_s": round(dedup_cpu, 2),
                      "dedup_wall_s": round(dedup, 2), "add_batch_cpu_s": round(store_cpu, 2),
                      "peak_rss_mb_after_dedup": round(rss_mb),
                      "extract_sample": len(sample),
                      "parse_extract_cpu_s_scaled": round(extract_cpu, 2),
                      "parse_extract_wall_s_scaled": round(extract, 2),
                      "dedup_over_extract_cpu": round(dedup_cpu / extract_cpu, 4)}, indent=1))


if __name__ == "__main__":
    main()
