"""The actor knowledge base: countries, IGOs, agents, combinations, dated office holders."""
from __future__ import annotations

import pytest

from sitrep.kb.actors import ActorCode, country_name, lookup_actor


@pytest.mark.parametrize("text, code, sector, kind", [
    ("U.S.", "USA", None, "country"),
    ("USA", "USA", None, "country"),
    ("United States", "USA", None, "country"),
    ("Britain", "GBR", None, "country"),
    ("UK", "GBR", None, "country"),
    ("Iraqi", "IRQ", None, "country"),
    ("Canadians", "CAN", None, "country"),
    ("Germany", "DEU", None, "country"),
    ("Washington", "USA", "GOV", "country"),
    ("Moscow", "RUS", "GOV", "country"),
    ("Tehran", "IRN", "GOV", "country"),
    ("NATO", "IGO", "IGO", "igo"),
    ("the North Atlantic Treaty Organisation", "IGO", "IGO", "igo"),
    ("United Nations", "IGO", "IGO", "igo"),
    ("OPEC", "IGO", "IGO", "igo"),
    ("defence minister", None, "GOV", "agent"),
    ("Secretary-General", None, "IGO", "agent"),
    ("soldiers", None, "MIL", "agent"),
    ("protesters", None, "OPP", "agent"),
    ("rebels", None, "REB", "agent"),
    ("journalists", None, "MED", "agent"),
    ("Iraqi security forces", "IRQ", "MIL", "agent"),
    ("NATO defense ministers", "IGO", "GOV", "agent"),
    ("Canadian special forces", "CAN", "MIL", "agent"),
    ("Iraq's parliament", "IRQ", "LEG", "agent"),
    ("foreign minister of Iran", "IRN", "GOV", "agent"),
    ("U.S. President", "USA", "GOV", "agent"),
])
def test_lookup(text, code, sector, kind):
    found = lookup_actor(text)
    assert found is not None
    assert (found.code, found.sector, found.kind) == (code, sector, kind)


def test_igo_keeps_its_name():
    assert lookup_actor("North Atlantic Treaty Organization").name == "NATO"
    assert lookup_actor("UN").name == "United Nations"


def test_office_holder_by_date():
    assert lookup_actor("Jens Stoltenberg", date="2020-02-14") == ActorCode(
        "IGO", "IGO", "Jens Stoltenberg", "person")
    assert lookup_actor("Jens Stoltenberg", date="2010-01-01").code == "NOR"
    trump = lookup_actor("Donald Trump", date="2019-06-01")
    assert (trump.code, trump.sector, trump.kind) == ("USA", "GOV", "person")


@pytest.mark.parametrize("text", ["", "   ", "the", "yesterday", "a big red balloon", "12"])
def test_nothing_fits(text):
    assert lookup_actor(text) is None


def test_country_name():
    assert country_name("IRQ") == "Iraq"
    assert country_name("XXX") is None


@pytest.mark.parametrize("text, code, sector", [
    ("Syrian President Bashar al-Assad", "SYR", "GOV"),
    ("rebels in Mali", "MLI", "REB"),
    ("Iraqi Shiites", "IRQ", None),
    ("the U.S.-led coalition", "USA", None),
])
def test_lookup_title_and_name_anywhere(text, code, sector):
    found = lookup_actor(text, date="2015-06-01")
    assert (found.code, found.sector) == (code, sector)


def test_town_is_a_place_and_capital_is_government():
    assert lookup_actor("Munich").kind == "place"
    assert (lookup_actor("Moscow").code, lookup_actor("Moscow").sector) == ("RUS", "GOV")


def test_exact_refuses_composed_phrases():
    assert lookup_actor("NATO summit").code == "IGO"
    assert lookup_actor("NATO summit", exact=True) is None
    assert lookup_actor("NATO", exact=True).code == "IGO"


def test_yugoslavia_is_a_state_of_its_day():
    from sitrep.kb.actors import lookup_actor

    assert lookup_actor("Yugoslavia").code == "YUG"
    assert lookup_actor("Yugoslav officials").code == "YUG"
