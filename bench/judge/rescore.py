"""Re-score the installed code's events on a labelled dev sample, without new judging.

    python bench/judge/rescore.py events_dev1

extracts the sample's articles again and reads each emitted event against the judges'
reference for its trigger (``ref_type``, ``ref_source``, ``ref_target``: offsets in the
article): type right when it is the reference type, an actor right when it overlaps the
reference words (or both are empty). Events at triggers nobody judged are counted apart
and listed with ``--show-new``. Codes are not checked here; the judged samples check them.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, by_id, type_accepted  # noqa: E402


def _overlaps(actors, ref) -> bool | None:
    if ref is None:
        return None
    if ref == "none":
        return not actors
    return any(a.span and a.span[0] < ref[1] and ref[0] < a.span[1] for a in actors)


def judge(v, lab: dict) -> dict:
    """The labels an emitted event gets: the judge's own verdict where the event is as the judge
    saw it (same type, same actor spans), else the reference reading of its trigger."""
    if not lab["event"]:
        return {"event": False}
    if v.type == lab["type"] and lab.get("type_right") is not None:
        ok_type = bool(lab["type_right"]) or type_accepted(v.type, lab.get("correct_type") or lab.get("ref_type"),
                                                          v.trigger.text, v.cameo)
    else:
        ok_type = type_accepted(v.type, lab.get("ref_type") or lab.get("correct_type") or lab["type"], v.trigger.text,
                                v.cameo)
    out = {"event": True, "type": ok_type}
    for side in ("source", "target"):
        same = [tuple(a.span) if a.span else None for a in getattr(v, side)] == \
            [tuple(a["span"]) if a["span"] else None for a in lab[side]]
        if same and lab.get(f"{side}_right") is not None:
            out[side] = bool(lab[f"{side}_right"])
            continue
        ok = _overlaps(getattr(v, side), lab.get(f"ref_{side}"))
        out[side] = bool(ok) if ok is not None else False
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("name")
    ap.add_argument("--show-new", action="store_true")
    ap.add_argument("--show-wrong", action="store_true")
    ap.add_argument("--min-confidence", type=float, default=None)
    args = ap.parse_args(argv)
    from sitrep.api import extract_documents
    from sitrep.records import Document

    labels = {}
    for line in (ROOT / "bench" / "judge" / f"{args.name}.labels.jsonl").open(encoding="utf-8"):
        lab = json.loads(line)
        labels[lab["key"]] = lab
    docs = by_id({lab["article"] for lab in labels.values()})
    inputs = [Document(id=d["id"], text=d["text"], title=d["title"], published=d["published"], source=d["source"])
              for d in docs.values()]
    n = Counter()
    by_basis = {side: defaultdict(lambda: [0, 0]) for side in ("source", "target")}
    emitted_keys = set()
    for ex in extract_documents(inputs):
        text = docs[ex.id]["text"]
        for v in ex.events:
            if args.min_confidence is not None and (v.confidence or 0) < args.min_confidence:
                continue
            key = f"{ex.id}:{v.trigger.span[0]}"
            emitted_keys.add(key)
            lab = labels.get(key)
            if lab is None:
                n["unjudged"] += 1
                if args.show_new:
                    s, e = v.sentence
                    print(f"NEW {key} {v.type} {v.trigger.text!r} {[a.text for a in v.source]} -> "
                          f"{[a.text for a in v.target]} | {text[s:e][:200]!r}")
                continue
            j = judge(v, lab)
            n["judged"] += 1
            n["no_event"] += not j["event"]
            full = j["event"] and j["type"] and j["source"] and j["target"]
            n["fully_right"] += full
            for f in ("type", "source", "target"):
                n[f"{f}_right"] += bool(j.get(f))
            for side in ("source", "target"):
                if j["event"]:
                    basis = next((a.basis for a in getattr(v, side)), None) or "none"
                    by_basis[side][basis][0] += bool(j[side])
                    by_basis[side][basis][1] += 1
            n["events"] += j["event"]
            if args.show_wrong and not full:
                s, e = v.sentence
                ref = {k: lab.get(k) for k in ("ref_type", "ref_source", "ref_target")}
                ref = {k: (text[r[0]:r[1]] if isinstance(r, list) else r) for k, r in ref.items()}
                print(f"WRONG {key} {v.type} {v.trigger.text!r} {[a.text for a in v.source]} -> "
                      f"{[a.text for a in v.target]} REF {ref} | {text[s:e][:160]!r}")
    true_events = {k for k, lab in labels.items() if lab["event"]}
    lost = len(true_events - emitted_keys)
    j = n["judged"] or 1
    print(f"judged emitted {n['judged']} (+{n['unjudged']} at unjudged triggers): fully right {n['fully_right']} "
          f"({n['fully_right'] / j:.1%}), no event {n['no_event']} ({n['no_event'] / j:.1%}); among events type "
          f"{n['type_right']}/{n['events']} source {n['source_right']}/{n['events']} target "
          f"{n['target_right']}/{n['events']}; judged true events no longer emitted {lost}/{len(true_events)}")
    for side, counts in by_basis.items():
        print(f"  {side} right by basis: " + ", ".join(f"{b} {r}/{t}" for b, (r, t) in sorted(counts.items())))


if __name__ == "__main__":
    main()
