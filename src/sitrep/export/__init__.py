"""Exports: the store as JSON Lines records, CSV or Parquet tables, PLOVER, CAMEO/Phoenix and GDELT.

Rows are streamed from the store, never loaded whole, and rows of articles detected as
copies are left out unless asked for, so a syndicated story is not exported twice.

CAMEO/Phoenix and GDELT columns cannot say "this did not happen" or "this might happen":
those two formats therefore carry only asserted and reported events; PLOVER and the
record exports keep every event with its modality.

GDELT mapping (one row per distinct event; a story told by several articles is one row):
GLOBALEVENTID = running number; SQLDATE/MonthYear/Year = event date, else the
publication date; Actor1/Actor2 = first source/target actor, Code = ISO-3166 alpha-3 or
IGO plus sector (``TJK`` + ``MIL`` -> ``TJKMIL``), Name upper-cased as GDELT does,
CountryCode = the three-letter code; EventCode = the event's CAMEO code, else the CAMEO
root most codes of its PLOVER type fall under; EventBaseCode = its first three digits,
EventRootCode = first two; QuadClass from the root (01-05 verbal cooperation, 06-08
material cooperation, 09-13 verbal conflict, 14-20 material conflict); NumMentions =
reports of the event, NumArticles = distinct articles, NumSources = 1; ActionGeo_* from
the event place and the gazetteer (Type 1 country, 5 first-level region, 4 city; CountryCode
is ISO alpha-3, not FIPS); DATEADDED = publication date; SOURCEURL = the article URL or
``doc:<doc id>``. GoldsteinScale and AvgTone are left empty: sitrep does not score them.
"""
from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterable, Iterator, Union

from ..errors import E, SitrepError

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "plover", "cameo", "gdelt")
FACT_MODALITIES = ("asserted", "reported")

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "Actor1Code", "Actor1Name", "Actor1CountryCode",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "IsRootEvent", "EventCode", "EventBaseCode",
    "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
)
CAMEO_COLUMNS = (
    "event_id", "date", "year", "month", "day", "source", "source_name", "target", "target_name", "cameo",
    "root_code", "quad_class", "plover_type", "modality", "place", "lat", "lon", "country", "doc_id",
    "sentence_offset", "url",
)
GEO_TYPES = {"country": 1, "admin1": 5, "city": 4}
Output = Union[str, Path, IO[str], None]


def export(db, fmt: str, output: Output = None, *, include_copies: bool = False,
           min_confidence: float | None = None) -> str:
    """Write the store in ``fmt`` to ``output`` (a file, a folder for csv/parquet, or a stream;
    ``None`` is standard output) and return where it went."""
    if fmt not in EXPORT_FORMATS:
        raise SitrepError(E.E012, what="export format", value=fmt, choices=", ".join(EXPORT_FORMATS))
    if fmt in ("csv", "parquet"):
        if output is None or not isinstance(output, (str, Path)):
            raise SitrepError(E.E018, fmt=fmt)
        return _write_tables(db, fmt, Path(output), include_copies=include_copies)
    from ..report.data import iter_event_rows, iter_extractions

    with _open(output) as out:
        if fmt == "jsonl":
            from ..formats import record_json

            for ex in iter_extractions(db, include_copies=include_copies):
                out.write(record_json(ex) + "\n")
        else:
            rows = iter_event_rows(db, include_copies=include_copies, min_confidence=min_confidence)
            if fmt in ("cameo", "gdelt"):
                rows = (r for r in rows if (r.get("modality") or "asserted") in FACT_MODALITIES)
            _writer(fmt)(rows, out)
    return str(output) if isinstance(output, (str, Path)) else "-"


@contextmanager
def _open(output: Output) -> Iterator[IO[str]]:
    if output is None:
        yield sys.stdout
    elif isinstance(output, (str, Path)):
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        with open(output, "w", encoding="utf-8", newline="") as fh:
            yield fh
    else:
        yield output


def _writer(fmt: str):
    """The PLOVER and CAMEO writers of their own modules when present, else the simple ones here."""
    import importlib
    import importlib.util

    name = f"write_{fmt}"
    if importlib.util.find_spec(f"{__name__}.{fmt}") is not None:
        module = importlib.import_module(f"{__name__}.{fmt}")
        if hasattr(module, name):
            return getattr(module, name)
    return {"plover": write_plover_fallback, "cameo": write_cameo_fallback, "gdelt": write_gdelt}[fmt]


def _write_tables(db, fmt: str, folder: Path, *, include_copies: bool) -> str:
    import pyarrow.csv as pcsv
    import pyarrow.parquet as pq

    from ..report.data import EXPORT_TABLES, table_reader
    from ..store import Store

    folder.mkdir(parents=True, exist_ok=True)
    with Store(db, read_only=True) as store:
        for table in EXPORT_TABLES:
            reader = table_reader(store, table, include_copies=include_copies)
            path = folder / f"{table}.{fmt}"
            writer = (pq.ParquetWriter(path, reader.schema) if fmt == "parquet"
                      else pcsv.CSVWriter(path, reader.schema))
            with writer:
                for batch in reader:
                    writer.write_batch(batch)
    return str(folder)


# -- event rows to the event-data formats ---------------------------------------------

def _first(value: str | None) -> str:
    return (value or "").split("; ")[0].strip()


def _cameo_code(row: dict) -> str:
    from ..kb.cameo import plover_root

    return row.get("cameo") or plover_root(row.get("type") or "") or ""


def quad_class(code: str) -> int | None:
    if not code[:2].isdigit():
        return None
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _ymd(row: dict) -> str:
    for value in (row.get("date"), row.get("published")):
        if value and len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return value[:10].replace("-", "")
    return ""


def _actor_code(codes: str | None, sectors: str | None) -> str:
    code, sector = _first(codes), _first(sectors)
    return (code + sector) if code else sector


def _source_url(row: dict) -> str:
    return row.get("url") or f"doc:{row.get('doc_id')}"


def event_point(row: dict, record: dict | None = None) -> tuple:
    """An event row's (lat, lon): its place's point, or the part's for "fighting in northern Iraq"
    (near Mosul, not Iraq's centre). ``record``: the row's Event JSON when the caller parsed it."""
    if record is None and row.get("record") and "part_lat" in row["record"]:
        record = json.loads(row["record"])
    place = (record or {}).get("place") or {}
    if place.get("part_lat") is not None:
        return place["part_lat"], place["part_lon"]
    return row.get("lat"), row.get("lon")


def _place_fields(row: dict, record: dict | None = None) -> dict:
    lat, lon = event_point(row, record)
    return {"place": row.get("place_name") or "", "lat": lat, "lon": lon, "country": row.get("geo_country") or ""}


def write_gdelt(rows: Iterable[dict], out: IO[str]) -> None:
    """GDELT 1.0/2.0-style event columns, tab-separated with a header line."""
    w = csv.writer(out, delimiter="\t", lineterminator="\n")
    w.writerow(GDELT_COLUMNS)
    for n, r in enumerate(rows, 1):
        code, day = _cameo_code(r), _ymd(r)
        place = _place_fields(r)
        w.writerow([
            n, day, day[:6], day[:4],
            _actor_code(r.get("source_code"), r.get("source_sector")), _first(r.get("source_text")).upper(),
            _first(r.get("source_code")),
            _actor_code(r.get("target_code"), r.get("target_sector")), _first(r.get("target_text")).upper(),
            _first(r.get("target_code")),
            "", code, code[:3], code[:2], quad_class(code) or "", "", r.get("mentions") or 1, 1,
            r.get("n_articles") or 1, "",
            GEO_TYPES.get(r.get("geo_feature") or "", "") if place["place"] else "", place["place"],
            place["country"], _num(place["lat"]), _num(place["lon"]), r.get("geonameid") or "",
            (_ymd({"date": r.get("published")}) + "000000") if r.get("published") else "", _source_url(r),
        ])


def _num(value) -> str:
    return "" if value is None else f"{value:.4f}"


def write_cameo_fallback(rows: Iterable[dict], out: IO[str]) -> None:
    """Phoenix-style CAMEO event TSV: date, source, target, code, root, quad class, place, source."""
    w = csv.writer(out, delimiter="\t", lineterminator="\n")
    w.writerow(CAMEO_COLUMNS)
    for r in rows:
        code, day = _cameo_code(r), _ymd(r)
        place = _place_fields(r)
        w.writerow([
            f"{r.get('doc_id')}:{r.get('event_id')}", day, day[:4], day[4:6], day[6:8],
            _actor_code(r.get("source_code"), r.get("source_sector")), r.get("source_text") or "",
            _actor_code(r.get("target_code"), r.get("target_sector")), r.get("target_text") or "",
            code, code[:2], quad_class(code) or "", r.get("type"), r.get("modality"), place["place"],
            _num(place["lat"]), _num(place["lon"]), place["country"], r.get("doc_id"),
            r.get("sentence_start"), _source_url(r),
        ])


def write_plover_fallback(rows: Iterable[dict], out: IO[str]) -> None:
    """PLOVER event JSON, one event object per line, keeping modality and the cited sentence."""
    for r in rows:
        record = json.loads(r["record"]) if r.get("record") else {}
        place = _place_fields(r, record)
        out.write(json.dumps({
            "id": f"{r.get('doc_id')}:{r.get('event_id')}",
            "date": (r.get("date") or r.get("published") or "")[:10] or None,
            "event": r.get("type"), "mode": r.get("mode"), "modality": r.get("modality"),
            "source": _first(r.get("source_code")) or None, "source_actor": r.get("source_text"),
            "source_agent": _first(r.get("source_sector")) or None,
            "target": _first(r.get("target_code")) or None, "target_actor": r.get("target_text"),
            "target_agent": _first(r.get("target_sector")) or None,
            "cameo": r.get("cameo"), "location": place["place"] or None, "lat": place["lat"],
            "long": place["lon"], "country": place["country"] or None, "geonameid": r.get("geonameid"),
            "text": r.get("sentence"), "url": r.get("url"), "doc_id": r.get("doc_id"),
            "num_reports": r.get("mentions"), "sitrep": record,
        }, ensure_ascii=False, default=str) + "\n")
