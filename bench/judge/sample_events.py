"""Write a sample of sitrep's events on Reuters politics articles for careful readers to judge.

    python bench/judge/sample_events.py --split held-out --events 240 --tag before

picks politics/conflict articles of the split in a fixed shuffled order, extracts them with
the installed code, keeps at most ``--per-article`` events of each (a fixed random choice)
until ``--events`` are taken, and writes ``bench/out/judge/events_<tag>.jsonl``: one event a
line with its sentence and paragraph, and empty judgement fields (README.md gives the rubric).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT, context, political  # noqa: E402

JUDGEMENT = {"event": None, "type_right": None, "source_right": None, "target_right": None,
             "modality_right": None, "correct_type": None, "correct_source": None, "correct_target": None,
             "note": None}
# the dev split is labelled for training and re-scoring: judges also write the reference reading
REFERENCE = {"ref_type": None, "ref_source": None, "ref_target": None}
HIDDEN = ("confidence", "cameo")  # judges never see how sure the extractor was


def actor(a) -> dict:
    return {"text": a.text, "span": list(a.span) if a.span else None, "code": a.code, "sector": a.sector}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", choices=("held-out", "dev"), default="held-out")
    ap.add_argument("--events", type=int, default=240)
    ap.add_argument("--per-article", type=int, default=6)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--tag", required=True)
    ap.add_argument("--parts", type=int, default=3, help="files for separate judges")
    ap.add_argument("--skip", type=Path, action="append", default=[],
                    help="a sample file whose events (by key) are not taken again")
    ap.add_argument("--min-confidence", type=float, default=None,
                    help="judge only events at or above this confidence (default: what extract emits)")
    args = ap.parse_args(argv)

    from sitrep.api import extract_documents
    from sitrep.records import Document

    rng = random.Random(args.seed)
    rows: list[dict] = []
    skip = {json.loads(line)["key"] for p in args.skip for line in p.open(encoding="utf-8")}
    extra = REFERENCE if args.split == "dev" else {}
    docs = political(args.split, args.seed)
    for start in range(0, len(docs), 16):
        group = docs[start:start + 16]
        inputs = [Document(id=d["id"], text=d["text"], title=d["title"], published=d["published"],
                           source=d["source"]) for d in group]
        for d, ex in zip(group, extract_documents(inputs)):
            events = [v for v in getattr(ex, "events", ()) if f"{d['id']}:{v.trigger.span[0]}" not in skip
                      and (args.min_confidence is None or (v.confidence or 0) >= args.min_confidence)]
            if len(events) > args.per_article:
                events = sorted(rng.sample(events, args.per_article), key=lambda v: v.trigger.span)
            for v in events:
                s, e = v.sentence
                rows.append({"key": f"{d['id']}:{v.trigger.span[0]}", "article": d["id"], "title": d["title"],
                             "published": d["published"], "context": context(d["text"], s, e),
                             "sentence": d["text"][s:e], "sentence_span": [s, e],
                             "trigger": v.trigger.text, "trigger_span": list(v.trigger.span),
                             "type": v.type, "cameo": v.cameo, "modality": v.modality,
                             "source": [actor(a) for a in v.source], "target": [actor(a) for a in v.target],
                             "confidence": v.confidence, **JUDGEMENT, **extra})
        if len(rows) >= args.events:
            break
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"events_{args.tag}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    for k in range(args.parts):
        with (OUT / f"events_{args.tag}.part{k + 1}.jsonl").open("w", encoding="utf-8") as fh:
            for r in rows[k * len(rows) // args.parts:(k + 1) * len(rows) // args.parts]:
                fh.write(json.dumps({f: v for f, v in r.items() if f not in HIDDEN}, ensure_ascii=False) + "\n")
    print(f"{len(rows)} events from {len({r['article'] for r in rows})} articles -> {path}")


if __name__ == "__main__":
    main()
