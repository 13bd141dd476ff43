"""PLOVER JSON Lines and CAMEO/Phoenix TSV writers over stored event rows."""
from __future__ import annotations

import io
import json

from sitrep.export.cameo import COLUMNS, quad_class, write_cameo
from sitrep.export.plover import write_plover
from sitrep.records import ActorRef, Event, PlaceRef, TextSpan


def _row(modality="asserted", cameo="190", **kw):
    ev = Event(id="v1", type="ASSAULT", trigger=TextSpan(text="killed", span=(10, 16)), sentence=(0, 40),
               cameo=cameo, mode=None, modality=modality, date="2020-01", date_basis="sentence",
               source=(ActorRef(text="the US", code="USA"),),
               target=(ActorRef(text="they", code=None), ActorRef(text="Iran's general", code="IRN", sector="MIL")),
               place=PlaceRef(name="Baghdad", geonameid=98182))
    row = {"doc_id": "seed", "event_id": "v1", "type": ev.type, "cameo": cameo, "modality": modality,
           "date": ev.date, "published": "2020-02-14", "sentence": "the US last month\tkilled Iran's general",
           "record": json.dumps(ev.to_dict()), "reports": 2}
    row.update(kw)
    return row


def test_plover_lines():
    out = io.StringIO()
    assert write_plover([_row(), _row(modality="negated")], out) == 2
    first, second = [json.loads(l) for l in out.getvalue().splitlines()]
    assert first["event"] == "ASSAULT" and first["src_actor"] == "USA"
    assert first["tgt_actor"] == "IRN" and first["tgt_agent"] == "MIL"  # the coded target, not "they"
    assert first["geolocation"]["geonameid"] == 98182 and first["date"] == "2020-01"
    assert first["context"] == "military" and first["id"] == "seed-v1"
    assert second["modality"] == "negated"


def test_cameo_tsv_skips_negated_and_fills_root():
    out = io.StringIO()
    assert write_cameo([_row(), _row(modality="negated"), _row(cameo=None)], out) == 2
    header, *lines = out.getvalue().splitlines()
    assert header.split("\t") == list(COLUMNS)
    rec = dict(zip(COLUMNS, lines[0].split("\t")))
    assert rec["EventCode"] == "190" and rec["EventRootCode"] == "19" and rec["QuadClass"] == "4"
    assert rec["SourceActorFull"] == "USA" and rec["TargetActorFull"] == "IRNMIL"
    assert rec["Date"] == "202001" and rec["Year"] == "2020" and rec["Month"] == "01"
    assert len(lines[0].split("\t")) == len(COLUMNS)  # the tab in the sentence was cleaned
    assert dict(zip(COLUMNS, lines[1].split("\t")))["EventCode"] == "18"  # PLOVER root fallback


def test_quad_class():
    assert [quad_class(r) for r in ("03", "07", "11", "19", None)] == ["1", "2", "3", "4", ""]


def test_a_part_s_point_is_the_event_s():
    from sitrep.export import event_point

    row = _row(lat=33.34, lon=44.40)
    assert event_point(row) == (33.34, 44.40)
    ev = json.loads(row["record"])
    ev["place"] = {"name": "Iraq", "geonameid": 99237, "part": "north", "part_lat": 36.06, "part_lon": 44.04}
    row["record"] = json.dumps(ev)
    out = io.StringIO()
    write_plover([row], out)
    geo = json.loads(out.getvalue())["geolocation"]
    assert (geo["lat"], geo["lon"], geo["part"]) == (36.06, 44.04, "north")
