"""Scorer for places: detection by span overlap, then resolution of the matched places.

Detection: a predicted place matches a gold toponym when their spans overlap (one to
one, best overlap first). Resolution, over matched pairs whose gold has coordinates:
share within 161 km (100 miles, the usual geoparsing threshold), median error in km
(a matched place without coordinates counts as a miss and as 20,000 km), and GeoNames
id agreement where both sides carry one.

Demonyms ("Iraqi", "Sudanese") count as places by default: LGL marks adjectival and
demonym forms as toponyms resolved to their country, and GeoWebNews has a demonym type
in its taxonomy. ``Options(count_demonyms=False)`` scores proper names only.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass

from ..config import Options as RunOptions
from ..kb.gazetteer import great_circle_km

FAR_KM = 20_000.0
NON_TOPONYM_KINDS = frozenset({"Literal_Expression", "Non_Lit_Expression", "Non_Toponym"})


@dataclass(frozen=True)
class Options:
    count_demonyms: bool = True
    limit: int | None = None  # score only the first N documents (quick slices while iterating)
    model: str | None = None


def _match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g["span"][1], p["span"][1]) - max(g["span"][0], p["span"][0])
            if ov > 0:
                pairs.append((ov, gi, pi))
    used_g, used_p, out = set(), set(), []
    for ov, gi, pi in sorted(pairs, key=lambda t: -t[0]):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gold[gi], pred[pi]))
    return out


def score(gold_path, *, options=Options()) -> dict:
    """Detection P/R/F1 and resolution accuracy of sitrep's places on one gold file.

    ``options`` is this scorer's ``Options``, or the run ``sitrep.config.Options`` the CLI
    passes (its model is used, scoring options keep their defaults)."""
    from ..extract import stage_function
    from ..nlp.pipeline import parse_documents
    from ..records import Document
    from . import read_gold

    opts = options if isinstance(options, Options) else Options(
        model=getattr(options, "model", None))
    model = opts.model or RunOptions().model
    docs = []
    for i, d in enumerate(read_gold(gold_path, "places")):
        if opts.limit is not None and i >= opts.limit:
            break
        docs.append(d)
    documents = [Document(id=d["id"], text=d["text"], title=d.get("title"), published=d.get("published"))
                 for d in docs]
    extract = stage_function("places")
    n_gold = n_pred = n_match = 0
    errors, agree, with_ids = [], 0, 0
    from ..records import Extraction

    for d, parsed in zip(docs, parse_documents(documents, model=model)):
        gold = [g for g in (d.get("gold") or {}).get("places") or [] if g.get("kind") not in NON_TOPONYM_KINDS]
        places = extract(parsed, Extraction(id=parsed.id, article=parsed.article))
        pred = [p.to_dict() for p in places if opts.count_demonyms or p.kind != "demonym"]
        n_gold += len(gold)
        n_pred += len(pred)
        for g, p in _match(gold, pred):
            n_match += 1
            if g.get("lat") is not None and g.get("lon") is not None:
                errors.append(FAR_KM if p.get("lat") is None
                              else great_circle_km(g["lat"], g["lon"], p["lat"], p["lon"]))
            if g.get("geonameid") and p.get("geonameid"):
                with_ids += 1
                agree += g["geonameid"] == p["geonameid"]
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision, "recall": recall, "f1": f1,
        "acc@161km": sum(e <= 161.0 for e in errors) / len(errors) if errors else 0.0,
        "median_km": statistics.median(errors) if errors else 0.0,
        "geonameid_agree": agree / with_ids if with_ids else 0.0,
        "n_docs": len(docs), "n_gold": n_gold, "n_pred": n_pred, "n_matched": n_match,
        "n_resolved_scored": len(errors),
    }

