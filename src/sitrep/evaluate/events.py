"""Scorer for events: PLOVER type micro-F1 over (document, type) pairs, then actor codes.

Types: a document's gold pairs are its set of gold event types; predicted pairs the types
of its extracted events, leaving out ``negated`` ones (they claim the event did not happen).
Precision, recall and F1 are micro-averaged over pairs, and given per type.

Actors, on matched pairs only: each gold event of the type is compared with the predicted
event of that type that agrees with it best. Codes are compared on their three-letter root
(``IRQGOV`` -> ``IRQ``), legacy CAMEO country codes read as ISO (``JAP`` -> ``JPN``); a
slot is right when a predicted code is among the gold codes.
An empty gold list is a claim that the text names no such actor: it is right only when the
prediction has no coded actor there either (``source``, ``target``, ``dyad``: strict).
``dyad_lenient`` instead leaves events whose gold source or target list is empty out of
the count, so it measures coding where the annotators coded both sides.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ..config import Options
from ..records import PLOVER_TYPES, Document
from . import read_gold


# country codes of older CAMEO/KEDS-coded data that differ from the ISO-3166 alpha-3 codes
# sitrep emits (and collide with no ISO code); both sides are read through this table
LEGACY_CAMEO = {"JAP": "JPN", "ITL": "ITA", "GMY": "DEU", "UK": "GBR", "UKG": "GBR", "ROM": "ROU", "VTN": "VNM",
                "LEB": "LBN", "PAL": "PSE", "BUL": "BGR", "USR": "RUS", "DDR": "DEU"}


def _codes(actors) -> set[str]:
    codes = ((a.get("code") if isinstance(a, dict) else a.code) for a in actors)
    return {LEGACY_CAMEO.get(c[:3], c[:3]) for c in codes if c}


def _slot(gold: list, pred) -> bool:
    g, p = _codes(gold), _codes(pred)
    return bool(g & p) if g else not p


def _same_place(gold_loc: dict, place) -> bool:
    """Whether the predicted venue is the gold event_loc: by name ("town of Rafah" is Rafah) or by a
    GeoNames id the gold name resolves to ("Khatmandu")."""
    if place is None:
        return False
    from ..kb.gazetteer import load_gazetteer, normalise

    name = re.sub(r"^(?:the\s+)?(?:town|city|village|province|region|district)\s+of\s+", "",
                  normalise(gold_loc.get("name") or ""))
    if name == normalise(place.name or ""):
        return True
    ids = {c.geonameid for c in load_gazetteer().lookup(name) if c.geonameid}
    return bool(place.geonameid and place.geonameid in ids)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _overlap(a, b) -> bool:
    return bool(a and b) and a[0] < b[1] and b[0] < a[1]


def _marked(actors) -> Optional[tuple[int, int]]:
    span = actors[0].get("span") if actors else None
    return tuple(span) if span else None


def pair_scores(docs: list[dict], results: dict, *, model: str) -> dict:
    """Who did what to whom on files whose actors carry spans (PLV): the share of marked pairs
    an extracted event joins (its source overlapping the marked source, its target the marked
    target, or neither marked nor found) with a type among the gold's, and the accuracy of the
    pair-type model given the marked pair (events/pair.py; in-sample on the file it was trained on)."""
    from ..extract.events.pair import pair_type
    from ..nlp.pipeline import parse_documents

    n = joined = typed = given = 0
    marked_docs = [d for d in docs if any(_marked(e.get("source")) for e in (d.get("gold") or {}).get("events", []))]
    parsed = parse_documents([Document(id=d["id"], text=d["text"]) for d in marked_docs], model=model)
    for d, p in zip(marked_docs, parsed):
        events = results[d["id"]].events if d["id"] in results else ()
        for g in d["gold"]["events"]:
            src = _marked(g.get("source"))
            if src is None:
                continue
            tgt = _marked(g.get("target"))
            accepted = g.get("type_candidates") or [g["type"]]
            n += 1
            on_pair = [v for v in events if any(_overlap(a.span, src) for a in v.source) and (
                any(_overlap(a.span, tgt) for a in v.target) if tgt else not v.target)]
            joined += bool(on_pair)
            typed += any(v.type in accepted for v in on_pair)
            given += pair_type(p.doc, src, tgt, events) in accepted
    return {"marked_pairs": n, "pair_found": joined / (n or 1), "pair_typed": typed / (n or 1),
            "type_given_pair": given / (n or 1)} if n else {}


def score(gold_path, *, options: Options = Options()) -> dict:
    from ..api import extract_documents

    docs = list(read_gold(gold_path, "events"))
    inputs = [Document(id=d["id"], text=d["text"], title=d.get("title"), published=d.get("published"),
                       source=d.get("source"), url=d.get("url")) for d in docs]
    results = {r.id: r for r in extract_documents(inputs, options=options) if hasattr(r, "events")}
    tp, fp, fn = Counter(), Counter(), Counter()
    slots = Counter()
    for d in docs:
        gold_events = (d.get("gold") or {}).get("events") or []
        pred = [v for v in (results[d["id"]].events if d["id"] in results else ()) if v.modality != "negated"]
        g_types, p_types = {e["type"] for e in gold_events}, {v.type for v in pred}
        for t in g_types | p_types:
            if t in g_types and t in p_types:
                tp[t] += 1
            elif t in p_types:
                fp[t] += 1
            else:
                fn[t] += 1
        for g in gold_events:
            if g["type"] not in p_types:
                continue
            cands = [v for v in pred if v.type == g["type"]]
            best = max(cands, key=lambda v: (_slot(g["source"], v.source) + _slot(g["target"], v.target)))
            s_ok, t_ok = _slot(g["source"], best.source), _slot(g["target"], best.target)
            slots["events"] += 1
            slots["source"] += s_ok
            slots["target"] += t_ok
            slots["dyad"] += s_ok and t_ok
            if g.get("event_loc"):
                slots["located"] += 1
                slots["place"] += _same_place(g["event_loc"], best.place)
            if g["source"] and g["target"]:
                slots["both_coded"] += 1
                slots["dyad_lenient"] += s_ok and t_ok
    p, r, f = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    n = slots["events"] or 1
    out = {"documents": len(docs), "gold_pairs": sum(tp.values()) + sum(fn.values()),
           "predicted_pairs": sum(tp.values()) + sum(fp.values()),
           "type_precision": p, "type_recall": r, "type_f1": f,
           "matched_events": slots["events"], "source": slots["source"] / n, "target": slots["target"] / n,
           "dyad": slots["dyad"] / n, "dyad_lenient": slots["dyad_lenient"] / (slots["both_coded"] or 1),
           # the venue, on the matched gold events that name one (PLOVER's event_loc)
           "place": slots["place"] / (slots["located"] or 1), "located_events": slots["located"]}
    for t in PLOVER_TYPES:
        if tp[t] + fp[t] + fn[t]:
            out[f"f1_{t}"] = _prf(tp[t], fp[t], fn[t])[2]
    out.update(pair_scores(docs, results, model=options.model))
    return out
