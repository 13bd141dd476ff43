"""How likely an emitted event is fully right: a real act, of its type, between its source and target.

A logistic model over what the extractor knows of each event (the lexicon's evidence for the
trigger, how each actor was found and what kind of actor it is, the modality, how thick with
commerce the sentence and the story are, and the trigger's context vector from the parser),
trained by ``bench/build/train_event_confidence.py`` on events of Reuters stories that careful
readers judged (``bench/judge``). Its output is calibrated on held-apart folds of those stories:
of the events it gives 0.8, about eight in ten were judged fully right.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ...kb.actors import agent_sector
from ...kb.lexicon import words
from .arguments import PERSONAL

POLITICAL_SECTORS = frozenset({"GOV", "MIL", "COP", "REB", "OPP", "JUD", "LEG", "IGO", "PTY", "SPY", "UAF", "INS", "SEP",
                               "LAB", "CVL", "HRI", "REF", "NGO", "ELI"})
MODEL = Path(__file__).resolve().parents[2] / "kb" / "data" / "event_confidence.json"
BUSINESS = words("business_words")
CORPORATE = ("inc", "corp", "co", "ltd", "plc", "group", "bank", "ag", "sa", "nv", "spa", "bhd", "co.", "inc.",
             "corp.", "ltd.", "cos", "industries", "holdings")


def business_share(tokens) -> float:
    """The share of a stretch's nouns that are words of commerce and markets."""
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN")]
    return sum(t.lemma_.lower() in BUSINESS for t in nouns) / len(nouns) if nouns else 0.0


def _actor_kind(doc, actors, how: str, borrowed: bool) -> dict[str, float]:
    if not actors:
        return {"none": 1.0}
    a = actors[0]
    span = doc.char_span(*a.span, alignment_mode="expand") if a.span else None
    root = span.root if span is not None and len(span) else None
    out = {f"how={how}": 1.0, "coded": float(bool(a.code)), "borrowed": float(borrowed),
           "several": float(len(actors) > 1)}
    if a.sector:
        out[f"sector={a.sector}"] = 1.0
    if root is not None:
        out[f"ent={root.ent_type_ or root.pos_}"] = 1.0
        out["pronoun"] = float(root.lower_ in PERSONAL or root.lower_ == "it")
        words_ = [t.lower_ for t in span]
        out["company"] = float(any(w in CORPORATE for w in words_) or agent_sector(root.lemma_.lower()) == "BUS"
                               or root.lemma_.lower() in ("company", "firm", "corporation"))
        out["dep=" + root.dep_] = 1.0
        # a political actor: a state or body the dictionary codes, or a sector of public life
        out["political"] = float(bool(a.code) or (a.sector or "") in POLITICAL_SECTORS)
        out["bracketed"] = float("<" in doc.text[max(0, a.span[0] - 1):a.span[1] + 1])  # Reuters' <Company Inc>
    return out


def features(trig, ptype: str, dyad, modality: str, quoted: bool, story_business: float) -> dict[str, float]:
    """The model's inputs for one event, by name."""
    tok = trig.tok
    doc = tok.doc
    f: dict[str, float] = {"bias": 1.0, f"type={ptype}": 1.0, f"basis={trig.basis}": 1.0,
                           f"pos={tok.pos_}": 1.0, f"lemma={tok.lemma_.lower()}": 1.0,
                           f"mod={modality}": 1.0, "quoted": float(quoted), "stance": float(bool(trig.stance)),
                           "demand": float(trig.demand), "apart": float(trig.apart),
                           "story_business": story_business,
                           "sentence_business": business_share(tok.sent),
                           "sentence_money": float(sum(e.label_ in ("MONEY", "PERCENT") for e in tok.sent.ents)),
                           f"lemma={tok.lemma_.lower()}|business": float(story_business > 0.15)}
    for side, actors, how, borrowed in (("src", dyad.source, dyad.source_how, dyad.source_borrowed),
                                        ("tgt", dyad.target, dyad.target_how, dyad.target_borrowed)):
        for k, v in _actor_kind(doc, actors, how, borrowed).items():
            f[f"{side}.{k}"] = v
    if doc.tensor is not None and doc.tensor.shape[0] > tok.i:
        for k, v in enumerate(doc.tensor[tok.i]):
            f[f"vec{k}"] = float(v)
    return f


@lru_cache(maxsize=1)
def _model() -> Optional[dict]:
    return json.loads(MODEL.read_text(encoding="utf-8")) if MODEL.exists() else None


def score(f: dict[str, float]) -> Optional[float]:
    """The calibrated probability that the event is fully right; None when no model is installed."""
    import math

    model = _model()
    if model is None:
        return None
    w, mean, scale = model["weights"], model["mean"], model["scale"]
    z = sum(w.get(k, 0.0) * ((v - mean.get(k, 0.0)) / scale.get(k, 1.0)) for k, v in f.items())
    return round(1.0 / (1.0 + math.exp(-z)), 3)
