"""The events scorer: type micro-F1 over (document, type) pairs and actor-code agreement."""
from __future__ import annotations

import json

import pytest

from sitrep.evaluate import events as ev
from sitrep.records import ActorRef
from tests.conftest import shared_path


def test_slot_rules():
    usa, irn = ActorRef(text="US", code="USA"), ActorRef(text="Iran", code="IRNGOV")
    assert ev._slot([{"code": "USA"}], (usa,))
    assert ev._slot([{"code": "IRN"}], (irn,))  # compared on the 3-letter root
    assert not ev._slot([{"code": "IRN"}], (usa,))
    assert ev._slot([], ())  # empty gold: right only when nothing coded was predicted
    assert ev._slot([], (ActorRef(text="they"),))
    assert not ev._slot([], (usa,))
    assert ev._prf(1, 1, 0) == (0.5, 1.0, 2 / 3)


def test_legacy_cameo_country_codes_read_as_iso():
    assert ev._slot([{"code": "JAP"}], (ActorRef(text="Tokyo", code="JPN"),))
    assert ev._slot([{"code": "GMYGOV"}], (ActorRef(text="Berlin", code="DEU"),))
    assert ev._slot([{"code": "UK"}], (ActorRef(text="Britain", code="GBR"),))
    assert not ev._slot([{"code": "ITL"}], (ActorRef(text="Spain", code="ESP"),))


def test_venue_matches_by_name_or_geonameid():
    from sitrep.records import PlaceRef

    assert ev._same_place({"name": "town of Rafah"}, PlaceRef(name="Rafah"))
    assert ev._same_place({"name": "Khatmandu"}, PlaceRef(name="Kathmandu", geonameid=1283240))
    assert not ev._same_place({"name": "Basra"}, PlaceRef(name="Iraq", geonameid=99237))
    assert not ev._same_place({"name": "Basra"}, None)


def _doc(i, text, etype, src, tgt, loc=None):
    return {"id": f"d{i}", "text": text, "gold": {"events": [
        {"type": etype, "source": [{"code": c} for c in src], "target": [{"code": c} for c in tgt],
         "event_loc": loc}]}}


@pytest.mark.model
def test_score_on_hand_gold(tmp_path):
    gold = tmp_path / "gold.jsonl"
    docs = [_doc(1, "Iran threatened to attack American bases in Iraq.", "THREATEN", ["IRN"], ["USA"]),
            _doc(2, "Israeli troops arrested 20 Palestinians in Hebron on Monday.", "COERCE", ["ISR"], ["PSE"],
                 {"name": "Hebron"}),
            _doc(3, "The weather was fine in Paris.", "CONSULT", ["FRA"], [])]
    gold.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    s = ev.score(gold)
    assert s["documents"] == 3 and s["gold_pairs"] == 3
    assert s["type_recall"] == pytest.approx(2 / 3)
    assert s["type_precision"] == 1.0
    assert s["matched_events"] == 2 and s["source"] == 1.0
    assert 0.0 <= s["dyad"] <= s["source"]
    assert "f1_THREATEN" in s
    assert s["located_events"] == 1 and s["place"] == 1.0


@pytest.mark.model
def test_score_on_gsr_slice(tmp_path):
    lines = shared_path("eval", "events", "plover_gsr.jsonl").read_text(encoding="utf-8").splitlines()[::40]
    gold = tmp_path / "slice.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    s = ev.score(gold)
    assert s["documents"] == len(lines)
    assert 0.0 <= s["type_f1"] <= 1.0 and s["gold_pairs"] >= len(lines)


@pytest.mark.model
def test_marked_pairs_are_scored_by_the_event_that_joins_them(tmp_path):
    text = "Iraq attacked Kuwait on Thursday. The talks were held in Geneva."
    gold = {"events": [{"type": "ASSAULT", "type_candidates": ["ASSAULT"],
                        "source": [{"text": "Iraq", "span": [0, 4]}], "target": [{"text": "Kuwait", "span": [14, 20]}]}]}
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps({"id": "p1", "text": text, "gold": gold}) + "\n", encoding="utf-8")
    scores = ev.score(path)
    assert scores["marked_pairs"] == 1 and scores["pair_found"] == 1.0 and scores["pair_typed"] == 1.0
    assert 0.0 <= scores["type_given_pair"] <= 1.0
