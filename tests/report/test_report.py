import pytest

from sitrep.errors import SitrepError
from sitrep.query import Filters
from sitrep.report import situation_report
from tests.report.tiny_store import build_tiny_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_tiny_store(tmp_path_factory.mktemp("report") / "tiny.duckdb")


def _section(md: str, title: str) -> str:
    start = md.index(f"## {title}")
    end = md.find("\n## ", start + 1)
    return md[start:end if end > 0 else None]


def test_markdown_has_every_section_with_citations(db):
    md = situation_report(db, Filters())
    assert md.startswith("# Situation report")
    assert "3 articles (2 original, 1 detected as copies) in 2 distinct stories" in md
    assert "2026-02-03 to 2026-02-23" in md
    timeline = _section(md, "Timeline of events")
    assert "ASSAULT: Tajik guards (TJK) → Kok-Tash (KGZ)" in timeline
    assert "[a#55] “Tajik guards shelled Kok-Tash on Monday, the ministry said.”" in timeline
    statements = _section(md, "Key statements")
    assert "Erlan Mamytov, spokesman [direct]" in statements and "[a#" in statements
    assert "Erlan Mamytov, spokesman: 1 quote in 1 article" in _section(md, "Who is quoted")
    assert "~4,000 people (Batken) — [a#" in _section(md, "Figures")
    places = _section(md, "Places")
    assert "Kok-Tash (city, KGZ): 1 mention in 1 article — [a#" in places
    assert "Kyrgyzstan (country, KGZ; north): 1 mention in 1 article" in places
    assert "Almaty (city, KAZ): 1 mention in 1 article" in places  # not the "Almaty Herald"
    sources = _section(md, "Sources")
    assert "[copy of a: not counted again]" in sources and "[original]" in sources


def test_copies_are_not_counted_twice(db):
    md = situation_report(db, Filters())
    body = md[: md.index("## Sources")]
    assert "[b#" not in body
    assert "— 1 report —" in _section(md, "Timeline of events")


def test_hypothetical_and_negated_events_are_marked_not_facts(db):
    timeline = _section(situation_report(db, Filters()), "Timeline of events")
    lines = timeline.splitlines()
    (possible,) = [l for l in lines if "RETREAT" in l]
    (negated,) = [l for l in lines if "crossed" in l]
    assert "[POSSIBLE, hypothetical: not a fact]" in possible
    assert "[NEGATED: did not happen / denied]" in negated
    (fact,) = [l for l in lines if "shelled" in l]
    assert "[" not in fact.split("ASSAULT")[0].replace("**", "")


def test_html_is_escaped_and_self_contained(db):
    html = situation_report(db, Filters(), fmt="html")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for key in ("timeline", "statements", "quoted", "figures", "places", "sources"):
        assert f'<section id="{key}">' in html
    assert "http" not in html.split("<body>")[0]  # no external stylesheet or script


def test_filters_narrow_the_report(db):
    md = situation_report(db, Filters(since="2026-02-10"))
    timeline = _section(md, "Timeline of events")
    assert "AGREE" in timeline and "shelled" not in timeline
    assert "Filters: since=2026-02-10." in md


def test_unknown_format_is_an_error(db):
    with pytest.raises(SitrepError) as err:
        situation_report(db, Filters(), fmt="pdf")
    assert err.value.code == "E012"
