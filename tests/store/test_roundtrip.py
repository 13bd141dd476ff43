"""Property: record -> DuckDB -> the same record (sqlite-utils' round-trip habit)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.records import (ActorRef, Article, Count, CountActor, Document, Entity, Event, Extraction, Place,
                            PlaceRef, Quote, Speaker, TextSpan, Time)

text = st.text(max_size=30)
opt_text = st.none() | text
span = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))
opt_span = st.none() | span
fin = st.floats(allow_nan=False, allow_infinity=False, width=64)
code = st.none() | st.sampled_from(["USA", "IRQ", "IGO", "CAN"])

entities = st.builds(Entity, id=text, name=text, kind=st.sampled_from(["person", "organization", "place", "group"]),
                     mentions=st.lists(span, max_size=3).map(tuple), roles=st.lists(text, max_size=2).map(tuple),
                     code=code, sector=opt_text, aliases=st.lists(text, max_size=2).map(tuple))
speakers = st.builds(Speaker, text=text, span=opt_span, name=opt_text, entity=opt_text, kind=opt_text, role=opt_text)
quotes = st.builds(Quote, id=text, type=st.sampled_from(["direct", "indirect", "mixed"]), text=text, span=span,
                   speaker=st.none() | speakers, cue=st.none() | st.builds(TextSpan, text=text, span=span),
                   medium=opt_text, date=opt_text, continues=opt_text)
actors = st.builds(ActorRef, text=text, span=opt_span, entity=opt_text, code=code, sector=opt_text)
place_refs = st.none() | st.builds(PlaceRef, name=text, geonameid=st.none() | st.integers(0, 2**40))
events = st.builds(Event, id=text, type=st.sampled_from(["AGREE", "ASSAULT"]), trigger=st.builds(TextSpan, text=text, span=span),
                   sentence=span, mode=opt_text, cameo=opt_text, source=st.lists(actors, max_size=2).map(tuple),
                   target=st.lists(actors, max_size=2).map(tuple), modality=st.sampled_from(["asserted", "possible"]),
                   date=opt_text, date_basis=opt_text, place=place_refs, place_basis=opt_text, quote=opt_text,
                   confidence=st.none() | fin)
counts = st.builds(Count, text=text, span=span, value=fin, approx=st.booleans(), object=opt_text,
                   actor=st.none() | st.builds(CountActor, code=code, sector=opt_text, entity=opt_text),
                   place=place_refs, qualifier=opt_text)
places = st.builds(Place, text=text, span=span, geonameid=st.none() | st.integers(0, 2**40), lat=st.none() | fin,
                   lon=st.none() | fin, country=code, feature=opt_text, name=opt_text, kind=opt_text)
times = st.builds(Time, text=text, span=span, type=st.sampled_from(["DATE", "DURATION"]), value=opt_text)
articles = st.builds(Article, title=opt_text, byline=opt_text, published=opt_text, source=opt_text, url=opt_text,
                     title_span=opt_span, byline_span=opt_span, date_span=opt_span, body_start=st.integers(0, 99))
extractions = st.builds(
    Extraction, id=text, article=articles,
    entities=st.lists(entities, max_size=3).map(tuple), quotes=st.lists(quotes, max_size=3).map(tuple),
    attributions=st.lists(quotes, max_size=2).map(tuple),
    events=st.lists(events, max_size=3).map(tuple), counts=st.lists(counts, max_size=2).map(tuple),
    places=st.lists(places, max_size=2).map(tuple), times=st.lists(times, max_size=2).map(tuple))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(ex=extractions, body=st.text(min_size=1, max_size=200))
def test_extraction_roundtrips_through_store(tmp_path_factory, ex, body):
    from sitrep.store import Store

    path = tmp_path_factory.mktemp("rt") / "s.duckdb"
    with Store(path) as store:
        store.add_batch([(Document(id=ex.id, text=body), ex)], dedup=False)
        (aid,) = store.article_ids()
        assert store.extraction(aid) == ex


@settings(max_examples=100, deadline=None)
@given(ex=extractions)
def test_extraction_roundtrips_through_dict(ex):
    assert Extraction.from_dict(ex.to_dict()) == ex
