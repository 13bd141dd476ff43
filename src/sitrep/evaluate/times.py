"""Scorer for times, as TempEval-3 scores TIMEX3 (UzZaman et al. 2013).

- strict: a predicted span counts only if it equals a gold span exactly.
- relaxed: a predicted and a gold expression match if their spans overlap; pairs are
  made one-to-one, greedily by largest overlap, so one long prediction cannot claim
  two gold expressions.
- type/value accuracy: of the relaxed pairs, the share whose type/value string agrees
  (``value.accuracy.DATE`` etc.: the same, split by the gold type).
- type/value F1: TempEval-3's attribute F1. Its attribute precision is (relaxed pairs with
  the right attribute) / n_pred and recall that count / n_gold, which makes the F1
  exactly ``relaxed.f1 * accuracy``; that product is what is reported.
Scores are micro-averaged over all expressions of the file.
"""
from __future__ import annotations

import dataclasses

from ..config import Options
from ..records import Document
from . import read_gold


def _prf(tp_pred: int, tp_gold: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match_relaxed(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of overlapping spans, largest overlap first."""
    overlaps = sorted(((min(g[1], p[1]) - max(g[0], p[0]), gi, pi)
                       for gi, g in enumerate(gold) for pi, p in enumerate(pred)
                       if min(g[1], p[1]) > max(g[0], p[0])), reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in overlaps:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def score_pairs(items) -> dict:
    """Scores from (gold times, predicted times) pairs, each time a dict with span, type, value."""
    n_gold = n_pred = strict = relaxed = type_ok = value_ok = 0
    by_type: dict[str, list[int]] = {}  # gold type -> [relaxed pairs, right values]
    for gold, pred in items:
        gspans = [tuple(g["span"]) for g in gold]
        pspans = [tuple(p["span"]) for p in pred]
        n_gold += len(gold)
        n_pred += len(pred)
        strict += len(set(gspans) & set(pspans))
        for gi, pi in match_relaxed(gspans, pspans):
            relaxed += 1
            type_ok += gold[gi]["type"] == pred[pi]["type"]
            right = (gold[gi].get("value") or None) == (pred[pi].get("value") or None)
            value_ok += right
            counts = by_type.setdefault(gold[gi]["type"], [0, 0])
            counts[0] += 1
            counts[1] += right
    out: dict = {}
    for name, hits in (("strict", strict), ("relaxed", relaxed)):
        p, r, f = _prf(hits, hits, n_pred, n_gold)
        out |= {f"{name}.precision": p, f"{name}.recall": r, f"{name}.f1": f}
    relaxed_f1 = out["relaxed.f1"]
    for name, ok in (("type", type_ok), ("value", value_ok)):
        acc = ok / relaxed if relaxed else 0.0
        out |= {f"{name}.accuracy": acc, f"{name}.f1": relaxed_f1 * acc}
    for kind in sorted(by_type):
        out[f"value.accuracy.{kind}"] = by_type[kind][1] / by_type[kind][0]
    return out | {"n_gold": n_gold, "n_pred": n_pred, "n_relaxed": relaxed}


def predict(gold_docs: list[dict], *, options: Options = Options(), rejected: list | None = None
            ) -> list[list[dict]]:
    """sitrep's times for each gold document (gold stripped, only the times stage run); documents
    the pipeline rejected get no times and are appended to ``rejected``."""
    from ..api import extract_documents
    from ..records import Rejected

    fields = {f.name for f in dataclasses.fields(Document)}
    docs = [Document(**{k: v for k, v in d.items() if k in fields}) for d in gold_docs]
    results = list(extract_documents(docs, options=dataclasses.replace(options, stages=("times",))))
    if rejected is not None:
        rejected.extend(r for r in results if isinstance(r, Rejected))
    return [[t.to_dict() for t in getattr(r, "times", ())] for r in results]


def score(gold_path, *, options: Options = Options(), limit: int | None = None) -> dict:
    """TempEval-3 style scores of sitrep's times against a gold file (``limit``: first N documents).
    ``n_rejected`` counts documents the pipeline rejected (scored as predicting nothing): a broken
    rule module once scored 0.0 here without a word."""
    gold_docs = list(read_gold(gold_path, "times"))[:limit]
    rejected: list = []
    predicted = predict(gold_docs, options=options, rejected=rejected)
    scores = score_pairs(((d.get("gold") or {}).get("times", []), p) for d, p in zip(gold_docs, predicted))
    return scores | {"n_rejected": len(rejected)} | ({"first_rejection": rejected[0].reason} if rejected else {})
