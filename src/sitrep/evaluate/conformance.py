"""Checks that an emitted record has the shape of ``shared/eval/OUTPUT.md`` and honest spans.

``problems(record, text)`` lists every violation: a missing contract field, a value outside its
vocabulary, or a span whose characters are not the text it claims (spans are code-point offsets
into the input ``text``).
"""
from __future__ import annotations

from typing import Any

from ..records import ENTITY_KINDS, MODALITIES, PLACE_FEATURES, PLOVER_TYPES, TIME_TYPES

QUOTE_TYPES = ("direct", "indirect", "mixed")


def problems(rec: dict, text: str, *, doc_id: str | None = None) -> list[str]:
    out: list[str] = []

    def need(obj: dict, keys: tuple[str, ...], where: str) -> None:
        for k in keys:
            if k not in obj:
                out.append(f"{where}: missing {k!r}")

    def span_ok(span: Any, where: str, expect: str | None = None) -> None:
        if span is None:
            return
        if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)):
            out.append(f"{where}: span {span!r} is not [start, end]")
            return
        s, e = span
        if not 0 <= s <= e <= len(text):
            out.append(f"{where}: span {span} outside text of length {len(text)}")
        elif expect is not None and text[s:e] != expect:
            out.append(f"{where}: span {span} is {text[s:e]!r}, record says {expect!r}")

    def vocab(value: Any, allowed: tuple, where: str, nullable: bool = False) -> None:
        if value is None and nullable:
            return
        if value not in allowed:
            out.append(f"{where}: {value!r} not one of {allowed}")

    need(rec, ("id", "article", "entities", "quotes", "events", "counts", "places", "times"), "record")
    if doc_id is not None and rec.get("id") != doc_id:
        out.append(f"record: id {rec.get('id')!r} != input id {doc_id!r}")
    need(rec.get("article", {}), ("title", "byline", "published", "source", "language"), "article")
    for i, e in enumerate(rec.get("entities", [])):
        w = f"entities[{i}]"
        need(e, ("id", "name", "kind", "mentions", "roles", "code", "sector"), w)
        vocab(e.get("kind"), ENTITY_KINDS, w)
        for m in e.get("mentions", []):
            span_ok(m, w)
    for i, (field, q) in enumerate((f, q) for f in ("quotes", "attributions") for q in rec.get(f, [])):
        w = f"{field}[{i}]"
        need(q, ("id", "type", "text", "span", "speaker", "cue", "medium"), w)
        vocab(q.get("type"), QUOTE_TYPES, w)
        span_ok(q.get("span"), w, q.get("text"))
        if q.get("speaker"):
            need(q["speaker"], ("text", "span", "name", "entity"), w + ".speaker")
            span_ok(q["speaker"].get("span"), w + ".speaker", q["speaker"].get("text"))
        if q.get("cue"):
            span_ok(q["cue"].get("span"), w + ".cue", q["cue"].get("text"))
    for i, v in enumerate(rec.get("events", [])):
        w = f"events[{i}]"
        need(v, ("id", "type", "mode", "cameo", "trigger", "sentence", "source", "target", "modality",
                 "date", "place", "quote"), w)
        vocab(v.get("type"), PLOVER_TYPES, w)
        vocab(v.get("modality"), MODALITIES, w)
        span_ok(v.get("trigger", {}).get("span"), w + ".trigger", v.get("trigger", {}).get("text"))
        span_ok(v.get("sentence"), w + ".sentence")
        for side in ("source", "target"):
            for j, a in enumerate(v.get(side) or []):
                need(a, ("text", "span", "entity", "code", "sector"), f"{w}.{side}[{j}]")
                span_ok(a.get("span"), f"{w}.{side}[{j}]", a.get("text") if a.get("span") else None)
        if v.get("place") is not None:
            need(v["place"], ("name", "geonameid"), w + ".place")
    for i, c in enumerate(rec.get("counts", [])):
        w = f"counts[{i}]"
        need(c, ("text", "span", "value", "approx", "object", "actor", "place"), w)
        span_ok(c.get("span"), w, c.get("text"))
        if not isinstance(c.get("value"), (int, float)):
            out.append(f"{w}: value {c.get('value')!r} is not a number")
    for i, p in enumerate(rec.get("places", [])):
        w = f"places[{i}]"
        need(p, ("text", "span", "geonameid", "lat", "lon", "country", "feature"), w)
        span_ok(p.get("span"), w, p.get("text"))
        vocab(p.get("feature"), PLACE_FEATURES, w, nullable=True)
    for i, t in enumerate(rec.get("times", [])):
        w = f"times[{i}]"
        need(t, ("text", "span", "type", "value"), w)
        span_ok(t.get("span"), w, t.get("text"))
        vocab(t.get("type"), TIME_TYPES, w)
    return out
