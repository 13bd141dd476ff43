"""PLOVER JSON Lines: one event per line in the field names of the PLOVER manual.

Rows are those of ``sitrep.query.events`` (flat columns plus the stored Event JSON in
``record``). ``modality`` is kept as an extra field so that a planned, possible or negated
event is never read as one that happened.
"""
from __future__ import annotations

import json
from typing import IO, Iterable

from ..kb.cameo import crosswalk
from . import event_point

PLOVER_VERSION = "PLOVER.0.8"


def _actor(actors: list) -> tuple[str, str, str]:
    """(actor text, actor code, agent/sector) of the first coded actor, else the first."""
    best = next((a for a in actors if a.get("code")), actors[0] if actors else {})
    return best.get("text") or "", best.get("code") or "", best.get("sector") or ""


def plover_record(row: dict) -> dict:
    ev = json.loads(row["record"]) if row.get("record") else {}
    src, tgt = _actor(ev.get("source") or []), _actor(ev.get("target") or [])
    cameo = ev.get("cameo") or row.get("cameo")
    context = (crosswalk().get(cameo or "") or (None, None, None))[2]
    place = ev.get("place") or {}
    point = event_point(row, ev)
    return {
        "id": f"{row.get('doc_id')}-{ev.get('id') or row.get('event_id')}",
        "date": ev.get("date") or row.get("date") or row.get("published"),
        "event": ev.get("type") or row.get("type"), "mode": ev.get("mode") or "", "context": context or "",
        "source": src[0], "src_actor": src[1], "src_agent": src[2], "src_other": "",
        "target": tgt[0], "tgt_actor": tgt[1], "tgt_agent": tgt[2], "tgt_other": "",
        "text": row.get("sentence") or "", "eventText": (ev.get("trigger") or {}).get("text", row.get("trigger")),
        "geolocation": {"placename": place.get("name") or row.get("place_name") or "",
                        "geonameid": place.get("geonameid") or row.get("geonameid"),
                        "lat": point[0], "lon": point[1], "part": place.get("part")},
        "modality": ev.get("modality") or row.get("modality"), "cameo": cameo,
        "doc_id": row.get("doc_id"), "reports": row.get("reports", 1), "version": PLOVER_VERSION,
    }


def write_plover(rows: Iterable[dict], out: IO[str]) -> int:
    """Write PLOVER JSON Lines to ``out``; returns the number of events written."""
    n = 0
    for row in rows:
        out.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        n += 1
    return n
