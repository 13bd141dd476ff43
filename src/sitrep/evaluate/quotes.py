"""Scorer for quotes, after the Gender Gap Tracker's evaluation.

Each predicted quote is matched one-to-one (greedily, best overlap first) with a gold
quote of the same document. Overlap is on character sets: |pred ∩ gold| / max(|pred|, |gold|),
where a quote split by its attribution counts only its parts (gold ``content_parts``,
predicted ``parts``), so the "he said" between them is neither rewarded nor punished.
A match at threshold t needs overlap >= t. Predictions that match a gold relation the
corpus excluded (PolNeAR's belief/intention cues) count as neither right nor wrong.

Two conventions, read from the gold file (or given as ``convention``):
- "quotes" (the Gender Gap Tracker's): what was said or written, each piece of a statement
  split by its attribution or a paragraph break a quote of its own. Predictions: ``quotes``.
- "relations" (PolNeAR's, whose gold marks excluded belief relations or gives
  ``content_parts``): every attribution relation, beliefs and plans included, a statement's
  pieces one relation. Predictions: ``quotes`` and ``attributions``, the pieces a quote
  ``continues`` joined into one.

Speaker match (the strict measure, the Gender Gap Tracker's "speaker match"): of all
matched quotes, the share whose speaker span is right: it overlaps the gold one, or, where
the gold has no speaker span (a floating quote, whose speaker the sentence does not name, or
a relation without a source), the prediction names none in the quote's sentence either: it
is ``floating`` too, or has no speaker. Who the speaker of a floating quote is, is judged by
the name match.
Speaker span match (the lenient measure this scorer printed as "speaker match" before issue
18): of matched quotes whose gold gives a speaker span, the share whose predicted span
overlaps it. Name match: of matched quotes with a gold ``speaker_name``, the share whose
resolved name equals it (case-insensitive); ``None`` when the gold has no names (PolNeAR
resolves none).

By type: "direct" holds direct and mixed quotes (both carry quotation marks), "indirect"
the rest; precision by the predicted type, recall by the gold type.
"""
from __future__ import annotations

import dataclasses

from ..config import Options
from ..records import Document, Extraction

THRESHOLDS = (0.3, 0.8)
# the stages quotes depend on; the others cost time and cannot change the score
_STAGES = ("times", "entities", "quotes")


def _chars(parts) -> frozenset[int]:
    return frozenset(i for s, e in parts for i in range(s, e))


def _overlap(a: frozenset, b: frozenset) -> float:
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def _match(preds: list[frozenset], golds: list[frozenset], threshold: float) -> dict[int, int]:
    """pred index -> gold index, one-to-one, best overlaps first."""
    pairs = sorted(((_overlap(p, g), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)
                    if not p.isdisjoint(g)), reverse=True)
    used_p, used_g, out = set(), set(), {}
    for ov, i, j in pairs:
        if ov < threshold:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out[i] = j
    return out


def _prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int, prefix: str, t: float) -> dict:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {f"{prefix}precision@{t}": p, f"{prefix}recall@{t}": r, f"{prefix}f1@{t}": f}


def _group(qtype: str) -> str:
    return "indirect" if qtype == "indirect" else "direct"


def convention_of(docs: list[dict]) -> str:
    """"relations" for a gold file in PolNeAR's convention (excluded belief relations marked,
    statements in parts), else "quotes"."""
    relations = any("quotes_excluded" in d["gold"] or any("content_parts" in q for q in d["gold"]["quotes"])
                    for d in docs)
    return "relations" if relations else "quotes"


def _predictions(result, convention: str) -> list[tuple[object, frozenset]]:
    """(the quote that speaks for it, its characters) for each prediction to score."""
    if not isinstance(result, Extraction):
        return []
    if convention == "quotes":
        return [(q, _chars(q.parts or [q.span])) for q in result.quotes]
    # a statement's pieces are one relation, with the speaker and type of its first piece
    first: dict[str, object] = {}
    chars: dict[str, set] = {}
    for q in (*result.quotes, *result.attributions):
        head = first[q.continues] if q.continues in first else q
        first[q.id] = head
        chars.setdefault(id(head), set()).update(_chars(q.parts or [q.span]))
    heads = list({id(h): h for h in first.values()}.values())
    return [(h, frozenset(chars[id(h)])) for h in heads]


def _speaker_right(gold: dict, quote) -> bool:
    """The strict speaker test of one matched quote (see the module docstring)."""
    sp = quote.speaker
    if gold.get("speaker"):
        gs, ge = gold["speaker"]
        return sp is not None and sp.span is not None and sp.span[0] < ge and gs < sp.span[1]
    return sp is None or sp.span is None or quote.floating


def score(gold_path, *, options: Options = Options(), convention: str | None = None) -> dict:
    from . import read_gold
    from ..api import extract_documents

    docs = list(read_gold(gold_path, "quotes"))
    inputs = [Document(id=d["id"], text=d["text"], title=d.get("title"), published=d.get("published"),
                       source=d.get("source"), url=d.get("url")) for d in docs]
    if options.stages is None:
        options = dataclasses.replace(options, stages=_STAGES)
    results = list(extract_documents(inputs, options=options))
    convention = convention or convention_of(docs)

    counts: dict[str, int] = {"n_gold": 0, "n_pred": 0, "n_rejected": 0}
    tally: dict = {}

    def add(key, n=1):
        tally[key] = tally.get(key, 0) + n

    for doc, result in zip(docs, results):
        gold = doc["gold"]["quotes"]
        excluded = [_chars(q.get("content_parts") or [q["content"]]) for q in doc["gold"].get("quotes_excluded", [])]
        scored = _predictions(result, convention)
        preds = [q for q, _ in scored]
        counts["n_rejected"] += not isinstance(result, Extraction)
        g_sets = [_chars(q.get("content_parts") or [q["content"]]) for q in gold]
        p_sets = [chars for _, chars in scored]
        counts["n_gold"] += len(gold)
        for t in THRESHOLDS:
            m = _match(p_sets, g_sets, t)
            # an unmatched prediction that is an excluded (belief) relation is not an error
            neutral = {i for i in range(len(preds)) if i not in m
                       and any(_overlap(p_sets[i], x) >= t for x in excluded)}
            kept = [i for i in range(len(preds)) if i not in neutral]
            if t == THRESHOLDS[0]:
                counts["n_pred"] += len(kept)
            add(("pred", t, "all"), len(kept))
            add(("tp", t, "all"), len(m))
            for i in kept:
                add(("pred", t, _group(preds[i].type)))
            for j, q in enumerate(gold):
                add(("gold", t, _group(q["type"])))
            for i, j in m.items():
                add(("tp_p", t, _group(preds[i].type)))
                add(("tp_g", t, _group(gold[j]["type"])))
                if t != THRESHOLDS[0]:
                    continue
                g, sp = gold[j], preds[i].speaker
                add("strict_ok", _speaker_right(g, preds[i]))
                if g.get("speaker"):
                    add("spk_n")
                    add("spk_ok", _speaker_right(g, preds[i]))
                if g.get("speaker_name"):
                    add("name_n")
                    if sp is not None and sp.name and sp.name.lower() == g["speaker_name"].lower():
                        add("name_ok")

    out: dict = {}
    for t in THRESHOLDS:
        out.update(_prf(tally.get(("tp", t, "all"), 0), tally.get(("pred", t, "all"), 0),
                        tally.get(("tp", t, "all"), 0), counts["n_gold"], "", t))
    matched = tally.get(("tp", THRESHOLDS[0], "all"), 0)
    out["speaker_match"] = tally.get("strict_ok", 0) / matched if matched else None
    out["speaker_span_match"] = tally.get("spk_ok", 0) / tally["spk_n"] if tally.get("spk_n") else None
    out["name_match"] = tally.get("name_ok", 0) / tally["name_n"] if tally.get("name_n") else None
    for group in ("direct", "indirect"):
        for t in THRESHOLDS:
            out.update(_prf(tally.get(("tp_p", t, group), 0), tally.get(("pred", t, group), 0),
                            tally.get(("tp_g", t, group), 0), tally.get(("gold", t, group), 0), f"{group}.", t))
    out.update(counts)
    out["convention"] = convention
    return out
