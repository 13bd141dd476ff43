"""Scorer for dedup: pairwise P/R/F1 over same-story pairs, and stitched-source recall.

Gold pairs follow ``shared/eval/dedup/dedup_pairs.py``: two documents of one cluster, and a
stitched document with every member of each of its sources' clusters. Predicted pairs are
built the same way from ``dedup_lines``. A gold source counts as found when a predicted
source lies in its gold cluster (a copy of the source names it as well).
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from ..config import Options
from . import read_gold


def _pairs(cluster: dict[str, str], sources: dict[str, list[str]]) -> set[tuple[str, str]]:
    members: dict[str, list[str]] = defaultdict(list)
    for doc_id, c in cluster.items():
        members[c].append(doc_id)
    pairs = {p for ids in members.values() for p in combinations(sorted(ids), 2)}
    for doc_id, srcs in sources.items():
        for s in (s for s in srcs if s in cluster):  # a slice of a gold file may miss a source
            pairs.update(tuple(sorted((doc_id, m))) for m in members[cluster[s]] if m != doc_id)
    return pairs


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold_path, *, options: Options = Options()) -> dict:
    """Pairwise and stitched-source scores of ``sitrep dedup`` on one gold file."""
    import json

    from ..dedup import dedup_lines

    gold_cluster, gold_sources = {}, {}
    for doc in read_gold(gold_path, "dedup"):
        g = doc.get("gold") or {}
        g = g.get("dedup", g)
        gold_cluster[doc["id"]] = g["cluster"]
        if g.get("sources"):
            gold_sources[doc["id"]] = list(g["sources"])
    pred_cluster, pred_sources = {}, {}
    for line in dedup_lines(gold_path):
        d = json.loads(line)
        pred_cluster[d["id"]] = d["cluster"]
        if d["sources"]:
            pred_sources[d["id"]] = d["sources"]
    gold, pred = _pairs(gold_cluster, gold_sources), _pairs(pred_cluster, pred_sources)
    tp = len(gold & pred)
    p, r, f = _prf(tp, len(pred), len(gold))
    gold_sources = {d: [s for s in gs if s in gold_cluster] for d, gs in gold_sources.items()}
    found = sum(len({gold_cluster[s] for s in gs} & {gold_cluster[s] for s in pred_sources.get(d, ())})
                for d, gs in gold_sources.items())
    n_gold_src = sum(len(gs) for gs in gold_sources.values())
    right = sum(1 for d, ps in pred_sources.items() for s in ps
                if gold_cluster[s] in {gold_cluster[x] for x in gold_sources.get(d, ())})
    n_pred_src = sum(len(ps) for ps in pred_sources.values())
    return {"pair_precision": p, "pair_recall": r, "pair_f1": f,
            "stitched_source_recall": found / n_gold_src if n_gold_src else 0.0,
            "stitched_source_precision": right / n_pred_src if n_pred_src else 0.0,
            "documents": len(gold_cluster), "gold_clusters": len(set(gold_cluster.values())),
            "predicted_clusters": len(set(pred_cluster.values())), "gold_pairs": len(gold),
            "predicted_pairs": len(pred), "true_pairs": tp, "stitched_gold": len(gold_sources),
            "stitched_predicted": len(pred_sources),
            "baseline_minhash_pair_f1": 0.88}  # shared/eval/dedup/minhash_baseline.py on reuters_dev
