"""The PLOVER type of what one named actor does to another in a sentence ("given the pair").

Where a reader has marked the source and the target (the setting of the zero-shot coders on
PLV data), the type is read off what joins them: the words on the dependency path between
the two phrases and the clause that governs it, the lexicon's codes for those words, and the
extractor's own events of the sentence. A multinomial logistic model over those features,
trained by ``bench/build/train_pair_types.py`` on ``plv_train`` (cross-validated there), makes
the choice; YIELD, the 2019 root, is split into CONCEDE and RETREAT as the lexicon reads it.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ...kb.cameo import to_plover
from .coding import trigger_code
from .modality import modality

MODEL = Path(__file__).resolve().parents[2] / "kb" / "data" / "event_pair_types.json"


def _root(doc, span: tuple[int, int]):
    s = doc.char_span(span[0], span[1], alignment_mode="expand")
    return s.root if s is not None and len(s) else None


def _path(a, b) -> tuple[list, object]:
    """Tokens from ``a`` up to the lowest common ancestor and down to ``b`` (without a and b)."""
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    ids_b = {t.i for t in up_b}
    lca = next((t for t in up_a if t.i in ids_b), None)
    if lca is None:
        return [], None
    left = [t for t in up_a[1:] if t.i != lca.i and up_a.index(t) < up_a.index(lca)]
    right = [t for t in up_b[1:] if t.i != lca.i and up_b.index(t) < up_b.index(lca)]
    return left + ([lca] if lca.i not in (a.i, b.i) else []) + right[::-1], lca


def pair_features(doc, source: tuple[int, int], target: Optional[tuple[int, int]], events=()) -> dict[str, float]:
    """The model's inputs for one marked pair (``target`` None when no target is marked)."""
    f: dict[str, float] = {"bias": 1.0}
    a = _root(doc, source)
    b = _root(doc, target) if target else None
    if a is None:
        return f
    if b is not None:
        path, lca = _path(a, b)
    else:
        path, lca = [a.head] if a.head.i != a.i else [], a.head
    words = path + ([lca.head] if lca is not None and lca.head.i != lca.i else [])
    for k, t in enumerate(words):
        lemma = t.lemma_.lower()
        f[f"path={lemma}"] = f.get(f"path={lemma}", 0.0) + 1.0
        if t.pos_ == "ADP":
            f[f"prep={lemma}"] = 1.0
        hit = trigger_code(t) if t.pos_ in ("VERB", "NOUN", "ADJ", "PROPN") else None
        pt = to_plover(hit[0]) if hit and hit[0] != "---" else None
        if pt:
            weight = 2.0 if k < len(path) else 1.0
            f[f"code={pt[0]}"] = f.get(f"code={pt[0]}", 0.0) + weight
            f[f"cameo={hit[0][:2]}"] = f.get(f"cameo={hit[0][:2]}", 0.0) + weight
            f[f"code={pt[0]}|{lemma}"] = 1.0
    if lca is not None:
        f[f"lca={lca.lemma_.lower()}"] = 1.0
        f[f"lca.pos={lca.pos_}"] = 1.0
        if lca.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            f[f"mod={modality(lca)}"] = 1.0
    f[f"src.dep={a.dep_}"] = 1.0
    if b is not None:
        f[f"tgt.dep={b.dep_}"] = 1.0
        f[f"tgt.prep={b.head.lower_ if b.dep_ == 'pobj' else '-'}"] = 1.0
    else:
        f["no_target"] = 1.0
    key = next((t for t in path if t.pos_ in ("VERB", "NOUN", "ADJ") and trigger_code(t)), None)
    if key is not None:  # the first coded word on the way from the source: most often the act
        hit = trigger_code(key)
        f[f"key={key.lemma_.lower()}"] = 1.0
        if hit[0] != "---":
            f[f"keycameo={hit[0][:3]}"] = 1.0
    on_way = {t.i for t in words}
    for t in a.sent:
        if t.pos_ in ("VERB", "NOUN") and not t.is_stop:
            f[f"bow={t.lemma_.lower()}"] = 0.3
            if t.i not in on_way and (hit := trigger_code(t)) and hit[0] != "---":
                pt = to_plover(hit[0])
                if pt:
                    f[f"sentcode={pt[0]}"] = f.get(f"sentcode={pt[0]}", 0.0) + 0.5
    f[f"src.lemma={a.lemma_.lower()}"] = 0.5
    if b is not None:
        f[f"tgt.lemma={b.lemma_.lower()}"] = 0.5
    on_path = {t.idx for t in words}
    for v in events:  # the extractor's own reading, strongest where its actors are the pair's
        on_pair = any(x.span and x.span[0] < source[1] and source[0] < x.span[1] for x in v.source)
        hits = target is not None and any(x.span and x.span[0] < target[1] and target[0] < x.span[1]
                                          for x in v.target)
        f[f"event={v.type}"] = f.get(f"event={v.type}", 0.0) + (1.0 if on_pair else 0.3)
        if on_pair and hits:
            f[f"pairevent={v.type}"] = 1.0
        if v.trigger.span[0] in on_path:
            f[f"pathevent={v.type}"] = 1.0
    return f


@lru_cache(maxsize=1)
def _model() -> Optional[dict]:
    return json.loads(MODEL.read_text(encoding="utf-8")) if MODEL.exists() else None


def class_scores(f: dict[str, float], model: dict) -> dict[str, float]:
    """Softmax probabilities of each class for one feature dict."""
    z = {c: sum(w.get(k, 0.0) * v for k, v in f.items()) for c, w in model["weights"].items()}
    top = max(z.values())
    e = {c: math.exp(v - top) for c, v in z.items()}
    total = sum(e.values())
    return {c: v / total for c, v in e.items()}


def split_yield(f: dict[str, float]) -> str:
    """PLOVER 2021 splits the 2019 root YIELD: the lexicon's own reading decides, else CONCEDE."""
    return "RETREAT" if f.get("code=RETREAT", 0) > f.get("code=CONCEDE", 0) or \
        f.get("event=RETREAT", 0) > f.get("event=CONCEDE", 0) else "CONCEDE"


def pair_type(doc, source: tuple[int, int], target: Optional[tuple[int, int]], events=()) -> Optional[str]:
    """The PLOVER type of what ``source`` does to ``target`` in their sentence, or None without a model."""
    model = _model()
    if model is None:
        return None
    f = pair_features(doc, source, target, events)
    scores = class_scores(f, model)
    best = max(scores, key=scores.get)
    return split_yield(f) if best == "YIELD" else best
