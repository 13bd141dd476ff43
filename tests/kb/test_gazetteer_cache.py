"""The gazetteer's cache file: packed, mapped read-only, and the same lookups as the built index."""
from __future__ import annotations

import zlib

import pytest

from sitrep.errors import SitrepError
from sitrep.kb import gazetteer as g

# (geonameid, name, lat, lon, iso2, feature, admin1, population, flags), as ``_build`` makes them
ROWS = [
    (2988507, "Paris", 48.85341, 2.3488, "FR", "city", "11", 2138551, "capital"),
    (4717560, "Paris", 33.66094, -95.55551, "US", "city", "TX", 24171, ""),
    (3017382, "France", 46.0, 2.0, "FR", "country", None, 66987244, ""),
    (None, "Rapides Parish", 31.2, -92.5, "US", "admin2", "LA", 60000, "approx"),
    (None, "Middle East", None, None, None, "region", None, 500000000, ""),
    (2950159, "Berlin", 52.52437, 13.41053, "DE", "city", "16", 3426354, ""),
    (123, "Zürich", 47.36667, 8.55, "CH", "city", "ZH", 341730, ""),
]


def _table() -> dict:
    b = g._Builder()
    for row in ROWS:
        b.rows.append(row)
    for name, row, match in [("Paris", 0, g.NAME), ("Paris", 1, g.NAME), ("France", 2, g.NAME),
                             ("French", 2, g.DEMONYM), ("Rapides Parish", 3, g.NAME), ("Rapides", 3, g.SHORT),
                             ("Middle East", 4, g.NAME), ("Mideast", 4, g.ALIAS), ("Berlin", 5, g.NAME),
                             ("Zürich", 6, g.NAME), ("plumless", 0, g.ALT), ("buckeroo", 5, g.ALT)]:
        b.name(name, row, match)
    return {"rows": b.rows, "index": b.index, "alpha3": {"FR": "FRA", "US": "USA", "DE": "DEU", "CH": "CHE"},
            "countries": {"FR": 2}, "admin1": {"US-LA": 3}}


@pytest.fixture()
def gaz(tmp_path):
    path = tmp_path / "gaz.bin"
    with open(path, "wb") as fh:
        g._pack(_table(), fh)
    return g.open_cache(path)


def test_lookup_gives_every_place_of_a_name_in_build_order(gaz):
    paris = gaz.lookup("  the PARIS ")
    assert [(c.geonameid, c.country, c.admin1, c.capital) for c in paris] == [
        (2988507, "FRA", "11", True), (4717560, "USA", "TX", False)]
    assert paris[0] == g.Candidate(2988507, "Paris", 48.85341, 2.3488, "FRA", "city", "11", 2138551, "name",
                                   capital=True)
    assert len(gaz) == len(ROWS)


def test_missing_values_and_match_kinds_survive_packing(gaz):
    (east,) = gaz.lookup("the Mideast")
    assert (east.geonameid, east.lat, east.lon, east.country, east.match) == (None, None, None, None, "alias")
    (county,) = gaz.lookup("Rapides")
    assert (county.match, county.approx, county.feature, county.admin1) == ("short", True, "admin2", "LA")
    assert gaz.lookup("French")[0].match == "demonym"
    assert gaz.lookup("zürich")[0].name == "Zürich"


def test_values_are_plain_python_not_numpy(gaz):
    c = gaz.lookup("Berlin")[0]
    assert (type(c.geonameid), type(c.lat), type(c.population)) == (int, float, int)


def test_unknown_names_and_hash_collisions_do_not_match(gaz):
    assert zlib.crc32(b"plumless") == zlib.crc32(b"buckeroo")  # a known CRC-32 collision
    assert [c.name for c in gaz.lookup("plumless")] == ["Paris"]
    assert [c.name for c in gaz.lookup("buckeroo")] == ["Berlin"]
    assert gaz.lookup("Atlantis") == [] and "Atlantis" not in gaz and "france" in gaz


def test_country_and_admin1_by_code(gaz):
    assert gaz.country("FR").name == "France" and gaz.country("ZZ") is None
    assert gaz.admin1("US", "LA").name == "Rapides Parish" and gaz.admin1("US", "ZZ") is None


def test_a_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path))
    monkeypatch.setattr(g, "_build", _table)
    g.cache_path().write_bytes(b"not a gazetteer")
    (tmp_path / "gazetteer-v1-0-0.pkl").write_bytes(b"stale")
    with pytest.raises(ValueError):
        g.open_cache(g.cache_path())
    assert len(g.load_gazetteer.__wrapped__()) == len(ROWS)
    assert [p.name for p in tmp_path.glob("gazetteer-v*")] == [g.cache_path().name]


def test_a_failed_build_raises_e016(tmp_path, monkeypatch):
    def broken():
        raise KeyError("cities500.json")

    monkeypatch.setattr(g, "_build", broken)
    with pytest.raises(SitrepError) as err:
        g.build_cache(tmp_path / "gaz.bin")
    assert err.value.code == "E016" and not list(tmp_path.iterdir())


def test_cache_is_named_by_the_data_tables_content_not_its_mtime(tmp_path, monkeypatch):
    # two checkouts of one version on a machine once rebuilt the cache in turn (mtimes differ)
    import os

    extra = tmp_path / "extra.tsv"
    extra.write_text("a\tb\n", encoding="utf-8")
    monkeypatch.setattr(g, "EXTRA", extra)
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path))
    first = g.cache_path()
    os.utime(extra, (1_000_000, 1_000_000))
    assert g.cache_path() == first
    extra.write_text("a\tc\n", encoding="utf-8")
    assert g.cache_path() != first
