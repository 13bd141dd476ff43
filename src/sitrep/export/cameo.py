"""CAMEO events as Phoenix-style TSV: one asserted, planned or possible event per row.

Negated events are left out: a Phoenix row states that an event took place. The other
modalities are kept with their ``Modality`` column. An event without a specific CAMEO code
gets the root its PLOVER type maps to.
"""
from __future__ import annotations

import json
from typing import IO, Iterable

from ..kb.cameo import plover_root

COLUMNS = ("EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity", "SourceActorRole",
           "TargetActorFull", "TargetActorEntity", "TargetActorRole", "EventCode", "EventRootCode", "QuadClass",
           "PloverType", "Modality", "LocationName", "GeonameID", "DocID", "Sentence")


def quad_class(root: str | None) -> str:
    """CAMEO quad class: 1 verbal / 2 material cooperation, 3 verbal / 4 material conflict."""
    if not root or not root.isdigit():
        return ""
    r = int(root)
    return "1" if r <= 5 else "2" if r <= 8 else "3" if r <= 13 else "4"


def _clean(value) -> str:
    return "" if value is None else str(value).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def cameo_row(row: dict) -> tuple[str, ...] | None:
    ev = json.loads(row["record"]) if row.get("record") else {}
    if (ev.get("modality") or row.get("modality")) == "negated":
        return None
    ptype = ev.get("type") or row.get("type")
    code = ev.get("cameo") or row.get("cameo") or plover_root(ptype) or ""
    date = ev.get("date") or row.get("date") or row.get("published") or ""
    parts = (date[:10].split("-") + ["", "", ""])[:3]
    src = next((a for a in ev.get("source") or [] if a.get("code")), {})
    tgt = next((a for a in ev.get("target") or [] if a.get("code")), {})
    full = lambda a: (a.get("code") or "") + (a.get("sector") or "")
    place = ev.get("place") or {}
    values = (f"{row.get('doc_id')}-{ev.get('id') or row.get('event_id')}", date[:10].replace("-", ""), *parts,
              full(src), src.get("code"), src.get("sector"), full(tgt), tgt.get("code"), tgt.get("sector"),
              code, code[:2], quad_class(code[:2]), ptype, ev.get("modality") or row.get("modality"),
              place.get("name") or row.get("place_name"), place.get("geonameid") or row.get("geonameid"),
              row.get("doc_id"), row.get("sentence"))
    return tuple(_clean(v) for v in values)


def write_cameo(rows: Iterable[dict], out: IO[str]) -> int:
    """Write the header and one TSV line per event to ``out``; returns the rows written."""
    out.write("\t".join(COLUMNS) + "\n")
    n = 0
    for row in rows:
        values = cameo_row(row)
        if values is not None:
            out.write("\t".join(values) + "\n")
            n += 1
    return n
