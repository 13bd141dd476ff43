#!/usr/bin/env python3
"""Run the evaluation gate: score every task on its dev file and compare with bench/floors.json.

    python bench/eval_gate.py            # exit 1 if any score is below its floor
    python bench/eval_gate.py --raise    # also raise floors that the current code beats
    python bench/eval_gate.py --task quotes --json
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sitrep.evaluate.gate import check, raise_floors

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--floors", type=Path, default=ROOT / "bench" / "floors.json")
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--task", action="append")
    ap.add_argument("--raise", dest="raise_", action="store_true", help="raise floors the code now beats")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--report", action="store_true", help="print every score, not only the gated ones")
    args = ap.parse_args()
    results, raw = check(args.floors, args.shared, tasks=args.task)
    if args.json:
        print(json.dumps(raw, indent=2))
    for r in results:
        print(f"{'ok  ' if r.ok else 'FAIL'} {r.task:7} {r.score:22} {r.value:.4f}  (floor {r.floor:.3f})")
    if args.report and not args.json:
        for task, scores in raw.items():
            print(f"\n{task}: " + ", ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}"
                                            for k, v in scores.items()))
    if args.raise_:
        raise_floors(args.floors, raw)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
