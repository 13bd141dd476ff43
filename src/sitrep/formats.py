"""Rendering records and rows for people and machines: JSON, JSON Lines, CSV, tables."""
from __future__ import annotations

import csv
import io
import json
from typing import Iterable, Iterator, Sequence

from .errors import E, SitrepError
from .records import Extraction, Rejected, Record

ROW_FORMATS = ("table", "csv", "jsonl", "json")


def _default(obj):
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    return str(obj)


def record_json(record: Record, *, indent: int | None = None) -> str:
    return json.dumps(record.to_dict(), ensure_ascii=False, indent=indent, default=_default)


def render_extractions(results: Iterable[Extraction | Rejected], fmt: str) -> Iterator[str]:
    """Text chunks for extraction records; rejected inputs are rendered as error lines."""
    if fmt not in ("json", "jsonl", "table"):
        raise SitrepError(E.E012, what="format", value=fmt, choices="json, jsonl, table")
    for r in results:
        if isinstance(r, Rejected):
            continue
        if fmt == "jsonl":
            yield record_json(r) + "\n"
        elif fmt == "json":
            yield record_json(r, indent=2) + "\n"
        else:
            yield extraction_table(r)


def extraction_table(ex: Extraction) -> str:
    """A compact human-readable summary of one extraction."""
    a = ex.article
    lines = [f"# {ex.id}: {a.title or '(no title)'}",
             f"  byline: {a.byline or '-'}   published: {a.published or '-'}"]
    if ex.quotes:
        lines.append("  quotes:")
        for q in ex.quotes:
            who = (q.speaker.name or q.speaker.text) if q.speaker else "?"
            lines.append(f"    [{q.type}] {who}: {q.text[:90]!r}" + (f" (to {q.medium})" if q.medium else ""))
    if ex.events:
        lines.append("  events:")
        for v in ex.events:
            src = ", ".join(x.code or x.text for x in v.source) or "-"
            tgt = ", ".join(x.code or x.text for x in v.target) or "-"
            lines.append(f"    {v.date or '?':10} {v.type:9} {src} -> {tgt} [{v.modality}] {v.trigger.text!r}")
    if ex.counts:
        lines.append("  counts: " + "; ".join(f"{c.value:g} {c.object or ''}".strip() for c in ex.counts))
    # the places the story is in, with the parts it names ("Iraq (central)"); not "North Atlantic" of NATO
    named: dict[str, set] = {}
    for p in ex.places:
        if p.kind != "embedded":
            named.setdefault(p.name or p.text, set()).update([p.part] if p.part else [])
    if named:
        lines.append("  places: " + ", ".join(n + (f" ({', '.join(sorted(parts))})" if parts else "")
                                            for n, parts in sorted(named.items())))
    if ex.times:
        lines.append("  times: " + ", ".join(f"{t.text}={t.value}" for t in ex.times))
    return "\n".join(lines) + "\n\n"


def render_rows(rows: Sequence[dict], fmt: str, *, columns: Sequence[str] | None = None) -> str:
    """Rows (dicts) as an aligned table, CSV, JSON Lines or a JSON array."""
    if fmt not in ROW_FORMATS:
        raise SitrepError(E.E012, what="format", value=fmt, choices=", ".join(ROW_FORMATS))
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt == "jsonl":
        return "".join(json.dumps({c: r.get(c) for c in cols}, ensure_ascii=False, default=_default) + "\n"
                       for r in rows)
    if fmt == "json":
        return json.dumps([{c: r.get(c) for c in cols} for r in rows], ensure_ascii=False, indent=2,
                          default=_default) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c) for c in cols})
        return buf.getvalue()
    if not rows:
        return "(no rows)\n"
    cells = [[_cell(r.get(c)) for c in cols] for r in rows]
    widths = [min(60, max(len(c), *(len(row[i]) for row in cells))) for i, c in enumerate(cols)]
    out = ["  ".join(c.ljust(w) for c, w in zip(cols, widths)),
           "  ".join("-" * w for w in widths)]
    out += ["  ".join(v[:w].ljust(w) for v, w in zip(row, widths)) for row in cells]
    return "\n".join(out) + "\n"


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:g}"
    return str(v).replace("\n", " ")
