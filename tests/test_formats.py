"""The one-article table of `sitrep extract --format table` (no model)."""
from __future__ import annotations

from sitrep.formats import extraction_table
from sitrep.records import Article, Extraction, Place


def test_table_places_show_parts_and_leave_out_embedded_ones():
    ex = Extraction(id="x", article=Article(title="t"), places=(
        Place("Iraq", (0, 4), 99237, 33.0, 44.0, "IRQ", "country", "Iraq", kind="toponym", part="central"),
        Place("Iraq", (10, 14), 99237, 33.0, 44.0, "IRQ", "country", "Iraq", kind="toponym", part="north"),
        Place("Iraq", (20, 24), 99237, 33.0, 44.0, "IRQ", "country", "Iraq", kind="toponym"),
        Place("North Atlantic", (30, 44), None, 30.0, -40.0, None, "region", "Atlantic Ocean", kind="embedded"),
        Place("Munich", (50, 56), 2867714, 48.1, 11.6, "DEU", "city", "Munich", kind="toponym"),
    ))
    line = next(x for x in extraction_table(ex).splitlines() if x.strip().startswith("places:"))
    assert line.strip() == "places: Iraq (central, north), Munich"
