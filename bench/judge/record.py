"""Merge judged parts of a sample, keep their labels in the repository, print the shares.

    python bench/judge/record.py events_before

reads ``bench/out/judge/<name>.part*.judged.jsonl``, writes ``bench/judge/<name>.labels.jsonl``
(article ids, offsets, the extractor's reading and the judges' labels; no article text) and
prints the share of events fully right, with no event, and right per field and per type.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT, ROOT, type_accepted  # noqa: E402

EVENT_KEEP = ("key", "article", "sentence_span", "trigger", "trigger_span", "type", "cameo", "modality", "event", "type_right",
              "source_right", "target_right", "modality_right", "correct_type", "ref_type", "note")
ACTOR_KEEP = ("span", "code", "sector")


def _offsets(row: dict, words) -> list | None:
    """Where the judge's words ("none", or an exact piece of the sentence) sit in the article:
    as whole words ("he" is not the end of "There"), the occurrence nearest the trigger."""
    if not words or words == "none":
        return None
    base, trigger = row["sentence_span"][0], row["trigger_span"][0]
    hits = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(words) + r"(?!\w)", row["sentence"])]
    if not hits:
        at = row["sentence"].find(words)
        hits = [at] if at >= 0 else []
    if not hits:
        return None
    at = min(hits, key=lambda h: abs(base + h - trigger))
    return [base + at, base + at + len(words)]


def label(row: dict) -> dict:
    out = {k: row.get(k) for k in EVENT_KEEP}
    for side in ("source", "target"):
        out[side] = [{k: a.get(k) for k in ACTOR_KEEP} for a in row[side]]
        for prefix in ("correct", "ref"):
            words = row.get(f"{prefix}_{side}")
            if words is not None:
                out[f"{prefix}_{side}"] = "none" if words == "none" else _offsets(row, words)
    return out


def type_right(r: dict) -> bool:
    """The judge's verdict, or the type the rubric correction accepts."""
    judged = r.get("correct_type") or r.get("ref_type")
    return bool(r["type_right"]) or bool(judged) and type_accepted(r["type"], judged, r["trigger"], r.get("cameo"))


def fully_right(r: dict) -> bool:
    return bool(r["event"] and type_right(r) and r["source_right"] and r["target_right"])


def summary(rows: list[dict]) -> str:
    n = len(rows)
    ev = [r for r in rows if r["event"]]
    lines = [f"events judged {n}, articles {len({r['article'] for r in rows})}",
             f"fully right {sum(map(fully_right, rows))} ({sum(map(fully_right, rows)) / n:.1%})",
             f"no event {n - len(ev)} ({(n - len(ev)) / n:.1%})"]
    lines.append(f"  type_right among events {sum(map(type_right, ev))}/{len(ev)} (judges' own verdict "
                 f"{sum(bool(r['type_right']) for r in ev)})")
    for f in ("source_right", "target_right", "modality_right"):
        lines.append(f"  {f} among events {sum(bool(r[f]) for r in ev)}/{len(ev)}")
    per = Counter(r["type"] for r in rows)
    ok = Counter(r["type"] for r in rows if fully_right(r))
    lines.append("  per type (fully right / emitted): " + ", ".join(f"{t} {ok[t]}/{c}" for t, c in per.most_common()))
    return "\n".join(lines)


QUOTE_KEEP = ("key", "article", "commit", "is_quote", "speaker_right", "correct_speaker", "note")


def quote_label(row: dict) -> dict:
    """A judged quote without article text: its offsets, the speaker's span and name, the verdicts."""
    out = {k: row.get(k) for k in QUOTE_KEEP}
    out["key"] = out["key"] or f"{row['article']}:{row['quote']['id']}"
    out["span"] = row["quote"]["span"]
    out["type"] = row["quote"]["type"]
    sp = row.get("speaker") or {}
    out["speaker_span"], out["speaker_name"] = sp.get("span"), sp.get("name")
    return out


def quote_summary(rows: list[dict]) -> str:
    n = len(rows)
    real = [r for r in rows if r["is_quote"]]
    right = sum(bool(r["speaker_right"]) for r in real)
    return (f"quotes judged {n}, articles {len({r['article'] for r in rows})}\n"
            f"real quotes {len(real)} ({len(real) / n:.1%}); right speakers {right}/{len(real)} "
            f"({right / max(1, len(real)):.1%})")


def main(argv=None) -> None:
    name = (argv or sys.argv[1:])[0]
    rows = [json.loads(line) for p in sorted(OUT.glob(f"{name}.part*.judged.jsonl"))
            for line in p.open(encoding="utf-8")]
    if not rows:
        sys.exit(f"no judged parts for {name} under {OUT}")
    quotes = name.startswith("quotes")
    full = OUT / f"{name}.jsonl"  # the judges never saw the CAMEO code; the full sample keeps it
    if not quotes and full.exists():
        cameo = {r["key"]: r.get("cameo") for r in map(json.loads, full.open(encoding="utf-8"))}
        for r in rows:
            r.setdefault("cameo", cameo.get(r["key"]))
    out = ROOT / "bench" / "judge" / f"{name}.labels.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(quote_label(r) if quotes else label(r), ensure_ascii=False) + "\n")
    print(quote_summary(rows) if quotes else summary(rows))


if __name__ == "__main__":
    main()
