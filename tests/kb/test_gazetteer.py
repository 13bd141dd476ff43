"""The gazetteer: real GeoNames ids, abbreviations, regions and demonyms."""
from __future__ import annotations

import pytest

from sitrep.kb.gazetteer import load_gazetteer, normalise


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _best(gaz, name, feature=None):
    cands = [c for c in gaz.lookup(name) if feature is None or c.feature == feature]
    return max(cands, key=lambda c: c.population)


@pytest.mark.parametrize("name,gid,iso3", [
    ("Iraq", 99237, "IRQ"), ("Kuwait", 285570, "KWT"), ("Germany", 2921044, "DEU"),
    ("Iran", 130758, "IRN"), ("Belgium", 2802361, "BEL"),
])
def test_countries_carry_geonames_ids_and_centres(gaz, name, gid, iso3):
    c = _best(gaz, name, "country")
    assert (c.geonameid, c.country) == (gid, iso3)
    assert c.lat is not None and c.lon is not None


@pytest.mark.parametrize("name,lat", [("the Beaufort Sea", 72.0), ("the Urals", 60.0), ("the Caucasus", 42.5)])
def test_seas_and_ranges_outrank_their_namesake_towns(gaz, name, lat):
    # "the Beaufort Sea" was Beaufort County, S.C.
    best = _best(gaz, name)
    assert best.feature == "region" and best.lat == lat


@pytest.mark.parametrize("name,iso3", [
    ("Zaire", "COD"), ("the Soviet Union", "RUS"), ("West Germany", "DEU"), ("Ceylon", "LKA"),
    ("Swaziland", "SWZ"), ("Upper Volta", "BFA"),
])
def test_historical_names_are_their_successor_state(gaz, name, iso3):
    # 1980s wire copy: "Zaire" was a province of Angola, "The Soviet Union" Union County
    c = _best(gaz, name, "country")
    assert c.country == iso3 and c.lat is not None


@pytest.mark.parametrize("name,gid", [("Brussels", 2800866), ("Munich", 2867714)])
def test_cities_carry_geonames_ids(gaz, name, gid):
    assert _best(gaz, name, "city").geonameid == gid


@pytest.mark.parametrize("name,target", [
    ("U.S.", "United States"), ("UK", "United Kingdom"), ("Va.", "Virginia"), ("Calif.", "California"),
])
def test_abbreviations(gaz, name, target):
    assert target in {c.name for c in gaz.lookup(name) if c.match == "alias"}


def test_regions_and_demonyms(gaz):
    assert _best(gaz, "the Middle East").feature == "region"
    assert _best(gaz, "the Mideast").name == "Middle East"
    (iraqi,) = gaz.lookup("Iraqi")
    assert (iraqi.geonameid, iraqi.match) == (99237, "demonym")


def test_us_counties_and_their_short_names(gaz):
    full = [c for c in gaz.lookup("Rapides Parish") if c.feature == "admin2"]
    assert full and full[0].admin1 == "LA" and full[0].lat is not None
    assert any(c.match == "short" and c.name == "Rapides Parish" for c in gaz.lookup("Rapides"))


def test_normalise_ignores_case_article_and_apostrophes():
    assert normalise("The  Middle East") == normalise("middle east")
    assert normalise("Martha\u2019s Vineyard") == normalise("Martha's Vineyard")
    assert normalise(" Kuwait\u00a0\n City ") == "kuwait city"


def test_loaded_once_per_process():
    assert load_gazetteer() is load_gazetteer()


@pytest.mark.parametrize("name,iso3", [
    ("Ontario", "CAN"), ("Bavaria", "DEU"), ("Anbar", "IRQ"), ("Nineveh", "IRQ"), ("Tigray", "ETH"),
    ("Balochistan", "PAK"), ("Eastern Cape", "ZAF"), ("Diyala", "IRQ"), ("Najaf province", "IRQ"),
])
def test_first_level_regions_worldwide(gaz, name, iso3):
    regions = [c for c in gaz.lookup(name) if c.feature == "admin1"]
    assert regions and regions[0].country == iso3 and regions[0].lat is not None
    # the region's towns carry its code: "Toronto" and "Ontario" can point to each other
    assert regions[0].admin1


def test_a_region_named_like_its_big_city_is_the_city_unless_named_with_its_kind(gaz):
    assert {c.feature for c in gaz.lookup("Baghdad")} == {"city"}
    assert any(c.feature == "admin1" and c.country == "IRQ" for c in gaz.lookup("Baghdad province"))


@pytest.mark.parametrize("name", ["West", "Central", "Free", "Centre", "Flores", "Douglas"])
def test_generic_and_tiny_region_names_are_not_regions(gaz, name):
    assert not [c for c in gaz.lookup(name) if c.feature == "admin1"]


@pytest.mark.parametrize("name,lat,lon", [
    ("the Red Sea", 20.0, 38.5), ("Golan Heights", 33.0, 35.75), ("the Mediterranean", 35.0, 18.0),
    ("Strait of Hormuz", 26.6, 56.3),
])
def test_seas_and_landforms(gaz, name, lat, lon):
    best = max(gaz.lookup(name), key=lambda c: c.population)
    assert best.feature == "region" and (best.lat, best.lon) == (lat, lon)


def test_a_lost_full_stop_and_a_city_suffix(gaz):
    assert [c.name for c in gaz.lookup("W.Va")] == ["West Virginia"]
    assert {c.name for c in gaz.lookup("Fargo city")} == {"Fargo"}
    assert all(c.feature == "city" for c in gaz.lookup("Fargo City"))


def test_capitals(gaz):
    assert gaz.capital("IRQ").name == "Baghdad" and gaz.capital("SDN").name == "Khartoum"
    assert gaz.capital("XXX") is None and gaz.capital(None) is None


def test_a_curated_region_takes_the_code_its_towns_carry(gaz):
    ontario = [c for c in gaz.lookup("Ontario") if c.feature == "admin1"][0]
    toronto = max((c for c in gaz.lookup("Toronto") if c.country == "CAN"), key=lambda c: c.population)
    assert ontario.country == "CAN" and ontario.admin1 == toronto.admin1


def test_part_points_follow_the_land_not_the_town_count():
    import numpy as np

    from sitrep.kb.gazetteer import PARTS, _part_points

    # a 10 x 10 degree square of towns, with a crowd of extra towns in its north-west corner
    grid = [(la + 0.5, lo + 0.5) for la in range(10) for lo in range(10)]
    crowd = [(9.0 + i / 100, 0.5 + i / 100) for i in range(200)]
    lat, lon = (np.array(v) for v in zip(*(grid + crowd)))
    xy = _part_points(lat, lon)
    point = {p: (xy[2 * i], xy[2 * i + 1]) for i, p in enumerate(PARTS)}
    assert point["north"][0] > 7 and 3 < point["north"][1] < 7  # the crowd counts once, as its cell
    assert point["east"][1] > 7 and point["west"][1] < 3 and point["south"][0] < 3
    assert all(3 < v < 7 for v in point["central"])
    # across the antimeridian, east and west are the two sides of the date line
    xy = _part_points(lat, np.where(lon < 5, lon + 175, lon - 185))
    east, west = xy[2 * PARTS.index("east") + 1], xy[2 * PARTS.index("west") + 1]
    assert east < -175 and 175 < west
