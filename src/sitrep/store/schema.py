"""Table definitions and the flattening of records into rows: one place for both."""
from __future__ import annotations

import json

from ..records import Extraction

RECORD_TABLES = ("entities", "mentions", "quotes", "attributions", "events", "counts", "places", "times")
# what a quote row holds; attributions (beliefs, plans, findings: issue 18) have the same shape
_QUOTE_COLUMNS = """article_id VARCHAR, ord INTEGER, quote_id VARCHAR, type VARCHAR, text VARCHAR,
        start INTEGER, "end" INTEGER, speaker_text VARCHAR, speaker_name VARCHAR,
        speaker_entity VARCHAR, speaker_kind VARCHAR, speaker_role VARCHAR, cue VARCHAR,
        medium VARCHAR, date VARCHAR, record VARCHAR"""

SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE IF NOT EXISTS articles (
        article_id VARCHAR PRIMARY KEY, doc_id VARCHAR, title VARCHAR, byline VARCHAR,
        published VARCHAR, source VARCHAR, url VARCHAR, path VARCHAR, text VARCHAR,
        record VARCHAR, cluster VARCHAR, copy_of VARCHAR, copy_kind VARCHAR, sources VARCHAR,
        ingested_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS entities (
        article_id VARCHAR, ord INTEGER, entity_id VARCHAR, name VARCHAR, kind VARCHAR,
        code VARCHAR, sector VARCHAR, roles VARCHAR, n_mentions INTEGER, record VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS mentions (
        article_id VARCHAR, ord INTEGER, entity_id VARCHAR, start INTEGER, "end" INTEGER,
        text VARCHAR, record VARCHAR)""",
    f"CREATE TABLE IF NOT EXISTS quotes ({_QUOTE_COLUMNS})",
    """CREATE TABLE IF NOT EXISTS events (
        article_id VARCHAR, ord INTEGER, event_id VARCHAR, type VARCHAR, mode VARCHAR,
        cameo VARCHAR, trigger VARCHAR, modality VARCHAR, date VARCHAR, date_basis VARCHAR,
        place_name VARCHAR, geonameid BIGINT, source_text VARCHAR, source_code VARCHAR,
        source_sector VARCHAR, target_text VARCHAR, target_code VARCHAR, target_sector VARCHAR,
        quote_id VARCHAR, sentence_start INTEGER, sentence_end INTEGER, sentence VARCHAR,
        story_event VARCHAR, record VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS counts (
        article_id VARCHAR, ord INTEGER, text VARCHAR, value DOUBLE, approx BOOLEAN,
        object VARCHAR, actor_code VARCHAR, place_name VARCHAR, start INTEGER, "end" INTEGER,
        record VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS places (
        article_id VARCHAR, ord INTEGER, text VARCHAR, start INTEGER, "end" INTEGER,
        geonameid BIGINT, name VARCHAR, lat DOUBLE, lon DOUBLE, country VARCHAR,
        feature VARCHAR, record VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS times (
        article_id VARCHAR, ord INTEGER, text VARCHAR, start INTEGER, "end" INTEGER,
        type VARCHAR, value VARCHAR, record VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS rejected (
        "where" VARCHAR, code VARCHAR, reason VARCHAR, "at" TIMESTAMP)""",
    # copy detection (sitrep.dedup): one compact sketch per article, in arrival order, and
    # the sentence matches between articles, so later runs keep finding copies
    "ALTER TABLE articles ADD COLUMN IF NOT EXISTS provenance VARCHAR",
    """CREATE TABLE IF NOT EXISTS dedup_sketches (
        article_id VARCHAR PRIMARY KEY, pos INTEGER, exact_key VARCHAR, sketch BLOB)""",
    """CREATE TABLE IF NOT EXISTS dedup_links (a VARCHAR, b VARCHAR, a_match VARCHAR, b_match VARCHAR)""",
    # the copy index's lookups (sitrep.dedup.paged), read per batch rather than held in memory:
    # sentence band keys (the first BUCKET_CAP sentences per key), shingles (the first
    # SHINGLE_CAP articles per shingle) and one row per indexed sentence for its frequency
    "CREATE TABLE IF NOT EXISTS dedup_bands (band UTINYINT, key BIGINT, pos INTEGER, sent INTEGER)",
    "CREATE TABLE IF NOT EXISTS dedup_shingles (h BIGINT, pos INTEGER)",
    "CREATE TABLE IF NOT EXISTS dedup_sentences (fp BIGINT)",
    "ALTER TABLE dedup_sketches ADD COLUMN IF NOT EXISTS exact_of INTEGER",  # pos of the original, for an exact copy
    "ALTER TABLE dedup_links ADD COLUMN IF NOT EXISTS a_pos INTEGER",
    "ALTER TABLE dedup_links ADD COLUMN IF NOT EXISTS b_pos INTEGER",
    # an event of a stitched or copied article that repeats a source's sentence: the source's id
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS copied_from VARCHAR",
    # what a source believes, hopes, plans or found is kept apart from what it said;
    # a store made before has no attributions and gains the empty table
    f"CREATE TABLE IF NOT EXISTS attributions ({_QUOTE_COLUMNS})",
    # the event's calibrated confidence, so that queries, the report and exports take a threshold
    "ALTER TABLE events ADD COLUMN IF NOT EXISTS confidence DOUBLE",
)


def _actors(actors) -> tuple[str | None, str | None, str | None]:
    if not actors:
        return None, None, None
    return ("; ".join(a.text for a in actors),
            "; ".join(a.code or "" for a in actors) or None,
            "; ".join(a.sector or "" for a in actors) or None)


def article_row(article_id: str, doc, ex: Extraction, *, copy: dict | None = None, at=None) -> dict:
    """The ``articles`` row of one document: the store and the Spark runner both build it here."""
    copy = copy or {}
    return {"article_id": article_id, "doc_id": doc.id, "title": ex.article.title, "byline": ex.article.byline,
            "published": ex.article.published, "source": ex.article.source, "url": ex.article.url,
            "path": doc.path, "text": doc.text, "record": json.dumps(ex.article.to_dict()),
            "cluster": copy.get("cluster", article_id), "copy_of": copy.get("copy_of"),
            "copy_kind": copy.get("kind"), "sources": json.dumps(copy.get("sources", [])),
            "ingested_at": at}


def _quote_row(article_id: str, i: int, q) -> dict:
    sp = q.speaker
    return {"article_id": article_id, "ord": i, "quote_id": q.id, "type": q.type,
            "text": q.text, "start": q.span[0], "end": q.span[1],
            "speaker_text": sp.text if sp else None, "speaker_name": sp.name if sp else None,
            "speaker_entity": sp.entity if sp else None, "speaker_kind": sp.kind if sp else None,
            "speaker_role": sp.role if sp else None,
            "cue": q.cue.text if q.cue else None, "medium": q.medium, "date": q.date,
            "record": json.dumps(q.to_dict())}


def flatten(article_id: str, ex: Extraction, text: str) -> dict[str, list[dict]]:
    """Rows for every record table from one extraction."""
    dump = json.dumps
    out: dict[str, list[dict]] = {t: [] for t in RECORD_TABLES}
    for i, e in enumerate(ex.entities):
        out["entities"].append({"article_id": article_id, "ord": i, "entity_id": e.id, "name": e.name,
                                "kind": e.kind, "code": e.code, "sector": e.sector,
                                "roles": dump(list(e.roles)), "n_mentions": len(e.mentions),
                                "record": dump(e.to_dict())})
        for m in e.mentions:
            out["mentions"].append({"article_id": article_id, "ord": len(out["mentions"]), "entity_id": e.id,
                                    "start": m[0], "end": m[1], "text": text[m[0]:m[1]],
                                    "record": dump({"entity": e.id, "span": list(m)})})
    for field in ("quotes", "attributions"):
        out[field] = [_quote_row(article_id, i, q) for i, q in enumerate(getattr(ex, field))]
    for i, v in enumerate(ex.events):
        st, sc, ss = _actors(v.source)
        tt, tc, ts = _actors(v.target)
        out["events"].append({"article_id": article_id, "ord": i, "event_id": v.id, "type": v.type,
                              "mode": v.mode, "cameo": v.cameo, "trigger": v.trigger.text,
                              "modality": v.modality, "date": v.date, "date_basis": v.date_basis,
                              "place_name": v.place.name if v.place else None,
                              "geonameid": v.place.geonameid if v.place else None,
                              "source_text": st, "source_code": sc, "source_sector": ss,
                              "target_text": tt, "target_code": tc, "target_sector": ts,
                              "quote_id": v.quote, "sentence_start": v.sentence[0], "sentence_end": v.sentence[1],
                              "sentence": text[v.sentence[0]:v.sentence[1]], "story_event": None,
                              "confidence": v.confidence, "record": dump(v.to_dict())})
    for i, c in enumerate(ex.counts):
        out["counts"].append({"article_id": article_id, "ord": i, "text": c.text, "value": float(c.value),
                              "approx": c.approx, "object": c.object,
                              "actor_code": c.actor.code if c.actor else None,
                              "place_name": c.place.name if c.place else None,
                              "start": c.span[0], "end": c.span[1], "record": dump(c.to_dict())})
    for i, p in enumerate(ex.places):
        out["places"].append({"article_id": article_id, "ord": i, "text": p.text, "start": p.span[0],
                              "end": p.span[1], "geonameid": p.geonameid, "name": p.name, "lat": p.lat,
                              "lon": p.lon, "country": p.country, "feature": p.feature,
                              "record": dump(p.to_dict())})
    for i, t in enumerate(ex.times):
        out["times"].append({"article_id": article_id, "ord": i, "text": t.text, "start": t.span[0],
                             "end": t.span[1], "type": t.type, "value": t.value, "record": dump(t.to_dict())})
    return out
