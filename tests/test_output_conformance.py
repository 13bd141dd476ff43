"""`sitrep extract --input F --format jsonl` on every eval file: one conforming line per document.

CI runs a slice of each file (the first documents); bench/conformance.py runs every document.
"""
from __future__ import annotations

import json
import subprocess
import sys
from itertools import islice

import pytest

from sitrep.evaluate.conformance import problems
from tests.conftest import shared_path

EVAL_FILES = ["quotes/polnear_train.jsonl", "quotes/polnear_dev.jsonl", "quotes/polnear_test.jsonl",
              "events/plover_gsr.jsonl", "events/ngec_synthetic_train.jsonl", "geo/lgl.jsonl",
              "geo/geowebnews.jsonl", "time/timebank.jsonl", "time/aquaint.jsonl"]
PER_FILE = 6


@pytest.mark.model
@pytest.mark.slow
def test_extract_cli_output_conforms_on_every_eval_file(tmp_path):
    inputs, texts = [], {}
    for rel in EVAL_FILES:
        src = shared_path("eval", rel)
        dst = tmp_path / rel.replace("/", "__")
        with open(src, encoding="utf-8") as fh:
            lines = list(islice(fh, PER_FILE))
        dst.write_text("".join(lines), encoding="utf-8")
        for line in lines:
            doc = json.loads(line)
            texts[doc["id"]] = doc["text"]
        inputs.append(str(dst))
    out = subprocess.run([sys.executable, "-m", "sitrep", "extract", *inputs, "--format", "jsonl"],
                         capture_output=True, text=True, check=True)
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in records] == list(texts), "one record per document, in input order"
    bad = {r["id"]: p for r in records if (p := problems(r, texts[r["id"]]))}
    assert not bad, json.dumps(bad, indent=1)[:3000]
