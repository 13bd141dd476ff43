#!/usr/bin/env python3
"""Run `sitrep extract` over every document of every eval file and check each record against OUTPUT.md.

    python bench/conformance.py [--shared ../shared] [--processes 2]
Prints per file: documents, records, records with problems (and the first few problems).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from sitrep.api import extract_pairs
from sitrep.config import Options
from sitrep.evaluate.conformance import problems
from sitrep.ingest.readers import read_inputs
from sitrep.records import Rejected

ROOT = Path(__file__).resolve().parents[1]
FILES = ["quotes/polnear_train.jsonl", "quotes/polnear_dev.jsonl", "quotes/polnear_test.jsonl",
         "events/plover_gsr.jsonl", "events/ngec_synthetic_train.jsonl", "geo/lgl.jsonl",
         "geo/geowebnews.jsonl", "time/timebank.jsonl", "time/aquaint.jsonl"]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--processes", type=int, default=1)
    args = ap.parse_args()
    failed = 0
    for rel in FILES:
        t0 = time.perf_counter()
        n = n_bad = n_rej = 0
        first: list[str] = []
        for doc, result in extract_pairs(read_inputs([args.shared / "eval" / rel]),
                                         options=Options(n_process=args.processes)):
            n += 1
            if isinstance(result, Rejected):
                n_rej += 1
                first.append(result.reason)
                continue
            rec = json.loads(json.dumps(result.to_dict()))
            p = problems(rec, doc.text, doc_id=doc.id)
            if p:
                n_bad += 1
                first.extend(p[:2])
        failed += n_bad + n_rej
        print(f"{rel:40} docs {n:5}  rejected {n_rej}  with problems {n_bad}  {time.perf_counter() - t0:6.1f}s")
        for line in first[:3]:
            print("   ", line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
