"""Train the events' confidence model from the judged dev samples (``bench/judge``).

    python bench/build/train_event_confidence.py            # cross-validate, then fit and write the model
    python bench/build/train_event_confidence.py --cv-only

Reads ``bench/judge/events_dev*.labels.jsonl`` (dev-split Reuters stories; the held-out split is
never used), extracts those stories with the installed code, labels each event whose trigger a
judge saw as fully right or not by the judges' reference reading (``rescore.judge``), and fits
an L2-regularised logistic regression on ``sitrep.extract.events.confidence.features``. Folds
are whole stories. Writes ``src/sitrep/kb/data/event_confidence.json``. Deterministic.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "judge"))
from common import by_id  # noqa: E402
from rescore import judge  # noqa: E402

OUT = ROOT / "src" / "sitrep" / "kb" / "data" / "event_confidence.json"
CONTINUOUS_PREFIX = ("vec", "story_business", "sentence_business", "sentence_money")
# the trigger's context-vector features are left out: on ~1,300 judged events they fitted the
# folds' stories, not events (cross-validated AUC fell; BENCHMARKS.md, events on real news)
DROPPED = ("vec",)
MIN_COUNT = 3  # a binary feature seen on fewer events is dropped (a lemma seen twice teaches nothing)


def load_examples(label_files: list[Path]) -> list[tuple[str, dict, int]]:
    """(story id, features, fully right 0/1) for every judged trigger the code still emits."""
    from sitrep.extract import STAGE_NAMES, run_stages
    from sitrep.extract.events import scored_events
    from sitrep.nlp.pipeline import parse_documents
    from sitrep.records import Document

    labels = {}
    for path in label_files:
        for line in path.open(encoding="utf-8"):
            lab = json.loads(line)
            labels[lab["key"]] = lab
    docs = by_id({lab["article"] for lab in labels.values()})
    inputs = [Document(id=d["id"], text=d["text"], title=d["title"], published=d["published"], source=d["source"])
              for d in sorted(docs.values(), key=lambda d: d["id"])]
    before = tuple(n for n in STAGE_NAMES if n != "events")
    out = []
    for parsed in parse_documents(inputs):
        found = run_stages(parsed, stages=before)
        for event, f in scored_events(parsed, found):
            lab = labels.get(f"{parsed.id}:{event.trigger.span[0]}")
            if lab is None:
                continue
            j = judge(event, lab)
            out.append((parsed.id, f, int(bool(j["event"] and j["type"] and j["source"] and j["target"]))))
    return out


def design(examples, names=None, mean=None, scale=None):
    if names is None:
        counts: dict[str, int] = {}
        for _, f, _ in examples:
            for k, v in f.items():
                counts[k] = counts.get(k, 0) + (v != 0)
        names = sorted(k for k, c in counts.items() if (c >= MIN_COUNT or k.startswith(CONTINUOUS_PREFIX))
                       and not k.startswith(DROPPED))
    index = {k: i for i, k in enumerate(names)}
    x = np.zeros((len(examples), len(names)))
    for r, (_, f, _) in enumerate(examples):
        for k, v in f.items():
            if k in index:
                x[r, index[k]] = v
    cont = np.array([k.startswith(CONTINUOUS_PREFIX) for k in names])
    if mean is None:
        mean = np.where(cont, x.mean(axis=0), 0.0)
        scale = np.where(cont, x.std(axis=0) + 1e-6, 1.0)
    return names, (x - mean) / scale, mean, scale


def fit(x, y, lam: float) -> np.ndarray:

    def loss(w):
        z = x @ w
        p = 1 / (1 + np.exp(-z))
        eps = 1e-9
        ll = -np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps))
        grad = x.T @ (p - y) / len(y)
        return ll + lam * w @ w, grad + 2 * lam * w

    res = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return res.x


def cross_validate(examples, lam: float, folds: int = 5) -> np.ndarray:
    """Out-of-fold probabilities, folds by story."""
    stories = sorted({s for s, _, _ in examples})
    fold_of = {s: i % folds for i, s in enumerate(stories)}
    pred = np.zeros(len(examples))
    for k in range(folds):
        train = [e for e in examples if fold_of[e[0]] != k]
        test_idx = [i for i, e in enumerate(examples) if fold_of[e[0]] == k]
        names, x, mean, scale = design(train)
        w = fit(x, np.array([y for _, _, y in train], float), lam)
        _, xt, _, _ = design([examples[i] for i in test_idx], names, mean, scale)
        pred[test_idx] = 1 / (1 + np.exp(-(xt @ w)))
    return pred


def report(pred: np.ndarray, y: np.ndarray) -> str:
    order = np.argsort(-pred)
    lines = [f"events {len(y)}, fully right {int(y.sum())} ({y.mean():.1%})"]
    ll = -np.mean(y * np.log(pred + 1e-9) + (1 - y) * np.log(1 - pred + 1e-9))
    ranks = np.empty(len(pred))
    ranks[order[::-1]] = np.arange(len(pred))
    pos = y == 1
    auc = (ranks[pos].sum() - pos.sum() * (pos.sum() - 1) / 2) / (pos.sum() * (~pos).sum())
    lines.append(f"log loss {ll:.3f}, AUC {auc:.3f}")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        sel = pred >= t
        if sel.any():
            lines.append(f"  at >= {t:.1f}: kept {sel.sum():4d} ({sel.mean():.0%}), precision {y[sel].mean():.3f}, "
                         f"recall of right {y[sel].sum() / max(1, y.sum()):.2f}")
    for lo in np.arange(0, 1, 0.2):
        sel = (pred >= lo) & (pred < lo + 0.2)
        if sel.any():
            lines.append(f"  calibration [{lo:.1f},{lo + 0.2:.1f}): n {sel.sum():4d}, predicted {pred[sel].mean():.2f}, "
                         f"judged {y[sel].mean():.2f}")
    return "\n".join(lines)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--lam", type=float, nargs="*", default=[0.003, 0.01, 0.03])
    args = ap.parse_args(argv)
    files = sorted((ROOT / "bench" / "judge").glob("events_dev*.labels.jsonl"))
    examples = load_examples(files)
    y = np.array([lab for _, _, lab in examples], float)
    best = None
    for lam in args.lam:
        pred = cross_validate(examples, lam)
        ll = -np.mean(y * np.log(pred + 1e-9) + (1 - y) * np.log(1 - pred + 1e-9))
        print(f"--- lambda {lam}\n{report(pred, y)}")
        if best is None or ll < best[0]:
            best = (ll, lam)
    if args.cv_only:
        return
    lam = best[1]
    names, x, mean, scale = design(examples)
    w = fit(x, y, lam)
    model = {"lambda": lam, "trained_on": [f.name for f in files], "events": len(examples),
             "weights": {n: round(float(v), 5) for n, v in zip(names, w) if abs(v) > 1e-5},
             "mean": {n: round(float(m), 6) for n, m in zip(names, mean) if m},
             "scale": {n: round(float(s), 6) for n, s in zip(names, scale) if s != 1.0}}
    OUT.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"lambda {lam}: wrote {OUT} ({len(model['weights'])} weights)")


if __name__ == "__main__":
    main()
