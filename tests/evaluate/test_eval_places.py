"""The places scorer: span matching and distances by hand, then a small real slice."""
from __future__ import annotations

import json

import pytest

from sitrep.evaluate.places import Options, _match, score
from sitrep.kb.gazetteer import great_circle_km as _km
from tests.conftest import shared_path


def test_match_is_one_to_one_by_overlap():
    gold = [{"span": [0, 10]}, {"span": [20, 25]}]
    pred = [{"span": [0, 4]}, {"span": [2, 10]}, {"span": [30, 33]}]
    pairs = _match(gold, pred)
    assert len(pairs) == 1 and pairs[0][1]["span"] == [2, 10]


def test_km_is_great_circle():
    assert _km(0.0, 0.0, 0.0, 0.0) == 0.0
    assert abs(_km(48.8566, 2.3522, 51.5074, -0.1278) - 344) < 5  # Paris to London


@pytest.mark.model
def test_score_on_a_hand_made_file(tmp_path):
    text = "Troops left Iraq for Kuwait."
    gold = {"places": [{"span": [12, 16], "name": "Iraq", "geonameid": 99237, "lat": 33.0, "lon": 44.0},
                       {"span": [21, 27], "name": "Kuwait", "geonameid": 285570, "lat": 29.5, "lon": 47.75}]}
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"id": "d1", "text": text, "gold": gold}) + "\n", encoding="utf-8")
    s = score(path)
    assert s["f1"] == 1.0 and s["acc@161km"] == 1.0 and s["geonameid_agree"] == 1.0
    assert s["n_gold"] == 2 and s["n_pred"] == 2


@pytest.mark.model
def test_score_on_an_lgl_slice():
    s = score(shared_path("eval", "geo", "lgl.jsonl"), options=Options(limit=15))
    assert {"precision", "recall", "f1", "acc@161km", "median_km", "geonameid_agree", "n_gold", "n_pred"} <= set(s)
    assert s["f1"] > 0.5 and s["acc@161km"] > 0.5
