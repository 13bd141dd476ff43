import csv
import io
import json

import pytest

from sitrep.errors import SitrepError
from sitrep.export import GDELT_COLUMNS, export
from tests.report.tiny_store import build_tiny_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_tiny_store(tmp_path_factory.mktemp("export") / "tiny.duckdb")


def _text(db, fmt, **kw) -> str:
    buf = io.StringIO()
    export(db, fmt, buf, **kw)
    return buf.getvalue()


def test_jsonl_is_one_record_per_original_article(db):
    lines = _text(db, "jsonl").splitlines()
    records = [json.loads(l) for l in lines]
    assert [r["id"] for r in records] == ["a", "c"]
    assert records[0]["quotes"][0]["speaker"]["name"] == "Erlan Mamytov"
    assert len(_text(db, "jsonl", include_copies=True).splitlines()) == 3


def test_jsonl_to_a_file(db, tmp_path):
    out = tmp_path / "sub" / "records.jsonl"
    assert export(db, "jsonl", out) == str(out)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_one_file_per_table(db, tmp_path, fmt):
    folder = tmp_path / fmt
    export(db, fmt, folder)
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"{t}.{fmt}" for t in
                           ("articles", "entities", "mentions", "quotes", "attributions", "events", "counts", "places",
                            "times"))
    if fmt == "csv":
        with open(folder / "events.csv", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    else:
        import pyarrow.parquet as pq

        rows = pq.read_table(folder / "events.parquet").to_pylist()
    assert len(rows) == 4 and {r["type"] for r in rows} == {"ASSAULT", "RETREAT", "AGREE"}


def test_tables_need_a_folder(db):
    with pytest.raises(SitrepError) as err:
        export(db, "csv", None)
    assert err.value.code == "E018"


def test_gdelt_columns_and_facts_only(db):
    rows = list(csv.DictReader(io.StringIO(_text(db, "gdelt")), delimiter="\t"))
    assert tuple(rows[0].keys()) == GDELT_COLUMNS
    first = rows[0]
    assert first["SQLDATE"] == "20260202" and first["Actor1Code"] == "TJKMIL"
    assert first["EventCode"] == "195" and first["EventRootCode"] == "19" and first["QuadClass"] == "4"
    assert first["ActionGeo_FullName"] == "Kok-Tash" and float(first["ActionGeo_Lat"]) == pytest.approx(39.9)
    assert first["SOURCEURL"] == "doc:a"
    # the hypothetical RETREAT and the denied ASSAULT cannot be marked in GDELT: left out
    assert [r["EventRootCode"] for r in rows] == ["19", "05"]


def test_cameo_tsv_parses(db):
    rows = list(csv.DictReader(io.StringIO(_text(db, "cameo")), delimiter="\t"))
    assert rows and all(r.get("date") or r.get("Date") for r in rows)


def test_plover_keeps_modality(db):
    text = _text(db, "plover").strip()
    events = json.loads(text) if text.startswith("[") else [json.loads(l) for l in text.splitlines()]
    assert len(events) == 4
    assert any("possible" in json.dumps(e) for e in events)


def test_unknown_format(db):
    with pytest.raises(SitrepError):
        export(db, "xml", None)
