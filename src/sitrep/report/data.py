"""The data behind the report, the web view and the exports: all their SQL lives here.

Renderers (Markdown, HTML, JSON, export writers) receive plain dicts and never query.
Rows of articles marked as copies are left out unless the filters ask for them, so a
syndicated or rewritten article never counts as a second source.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator, Union

from ..query import Filters, confidence_floor, date_range, events as query_events, quotes as query_quotes
from ..store import Store
from ..store.schema import RECORD_TABLES

Db = Union[str, Path]
SNIPPET = 160  # characters of a sentence shown as a citation


def snippet(text: str | None, *, limit: int = SNIPPET) -> str:
    """One line of cited text, cut at a word boundary."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _article_where(f: Filters, *, alias: str = "a") -> tuple[list[str], list]:
    clauses, params = [], []
    if not f.include_copies:
        clauses.append(f"{alias}.copy_of IS NULL")
    date_range(f, f"{alias}.published", clauses, params)
    return clauses, params


def _where(clauses: list[str]) -> str:
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


def corpus_summary(store: Store) -> dict:
    """Size, date range, stories and copies of the whole store."""
    row = store.query("""
        SELECT count(*) AS articles, count(copy_of) AS copies, count(DISTINCT cluster) AS stories,
               count(*) FILTER (WHERE copy_of IS NULL AND copy_kind IS NOT NULL) AS derived,
               min(published) AS first, max(published) AS last
        FROM articles""")[0]
    row["originals"] = row["articles"] - row["copies"]
    row["rejected"] = store.query("SELECT count(*) AS n FROM rejected")[0]["n"]
    return row


def figures(store: Store, f: Filters) -> list[dict]:
    clauses, params = _article_where(f)
    if f.place:
        clauses.append("c.place_name ILIKE ?")
        params.append(f"%{f.place}%")
    return store.query(f"""
        SELECT c.text, c.value, c.approx, c.record->>'$.qualifier' AS qualifier, c.object, c.actor_code,
               c.place_name, c.start, c."end",
               a.doc_id, a.published, a.title
        FROM counts c JOIN articles a USING (article_id){_where(clauses)}
        ORDER BY a.published, a.doc_id, c.ord""", params)


def places(store: Store, f: Filters) -> list[dict]:
    clauses, params = _article_where(f)
    if f.place:
        clauses.append("(coalesce(p.name, p.text) ILIKE ? OR CAST(p.geonameid AS VARCHAR) = ?)")
        params += [f"%{f.place}%", f.place]
    # "North Atlantic" of the North Atlantic Treaty Organisation is named, but nothing happens there
    clauses.append("coalesce(p.record->>'$.kind', '') <> 'embedded'")
    # the first mention (by publication, document, offset) is the one cited
    first = "coalesce(a.published, '') || a.doc_id || lpad(CAST(p.start AS VARCHAR), 9, '0')"
    return store.query(f"""
        SELECT coalesce(p.name, p.text) AS name, any_value(p.geonameid) AS geonameid,
               any_value(p.country) AS country, any_value(p.feature) AS feature,
               avg(p.lat) AS lat, avg(p.lon) AS lon, count(*) AS mentions,
               count(DISTINCT p.article_id) AS articles,
               list(DISTINCT p.record->>'$.part' ORDER BY p.record->>'$.part')
                   FILTER (WHERE p.record->>'$.part' IS NOT NULL) AS parts,
               arg_min(a.doc_id, {first}) AS doc_id, arg_min(p.start, {first}) AS start
        FROM places p JOIN articles a USING (article_id){_where(clauses)}
        GROUP BY coalesce(p.name, p.text)
        ORDER BY mentions DESC, name""", params)


def sources(store: Store, f: Filters = Filters(include_copies=True)) -> list[dict]:
    """Every article with its provenance: the original it copies, the kind of copy."""
    clauses, params = _article_where(f)
    rows = store.query(f"""
        SELECT a.article_id, a.doc_id, a.title, a.byline, a.published, a.source, a.url, a.path,
               a.cluster, a.copy_kind, a.sources, o.doc_id AS copy_of_doc,
               (SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS n_events,
               (SELECT count(*) FROM quotes q WHERE q.article_id = a.article_id) AS n_quotes
        FROM articles a LEFT JOIN articles o ON o.article_id = a.copy_of{_where(clauses)}
        ORDER BY a.published, a.doc_id""", params)
    names = {r["article_id"]: r["doc_id"] for r in store.query("SELECT article_id, doc_id FROM articles")}
    for r in rows:
        try:
            listed = json.loads(r["sources"] or "[]")
        except ValueError:
            listed = []
        # the dedup stage stores article ids or dicts naming them; show doc ids either way
        r["sources"] = [names.get(s, s) if isinstance(s, str) else s for s in listed]
    return rows


def report_data(db: Db, filters: Filters = Filters()) -> dict:
    """Everything the situation report shows, as plain rows (JSON-ready)."""
    events = query_events(db, filters)
    quotes = query_quotes(db, Filters(since=filters.since, until=filters.until, speaker=filters.actor,
                                      include_copies=filters.include_copies))
    with Store(db, read_only=True) as store:
        return {
            "summary": corpus_summary(store),
            "filters": {k: v for k, v in vars(filters).items() if v not in (None, False)},
            "events": events,
            "quotes": quotes,
            "figures": figures(store, filters),
            "places": places(store, filters),
            "sources": sources(store, Filters(since=filters.since, until=filters.until, include_copies=True)),
        }


def overview(db: Db) -> dict:
    """The front page: corpus summary and the list of articles."""
    with Store(db, read_only=True) as store:
        return {"summary": corpus_summary(store), "articles": sources(store)}


def article(db: Db, key: str) -> dict | None:
    """One article by doc id or article id: metadata, text and its full extraction record."""
    with Store(db, read_only=True) as store:
        rows = store.query("SELECT article_id FROM articles WHERE doc_id = ? OR article_id = ? "
                           "ORDER BY (article_id = ?) DESC LIMIT 1", [key, key, key])
        if not rows:
            return None
        aid = rows[0]["article_id"]
        (meta,) = [r for r in sources(store) if r["article_id"] == aid]
        return {"article": meta, "text": store.text(aid), "extraction": store.extraction(aid).to_dict()}


# -- exports --------------------------------------------------------------------------

EXPORT_TABLES = ("articles", *RECORD_TABLES)


def iter_extractions(db: Db, *, include_copies: bool = False) -> Iterator:
    """The stored extraction record of every article, oldest first, one at a time."""
    with Store(db, read_only=True) as store:
        where = "" if include_copies else " WHERE copy_of IS NULL"
        ids = [r["article_id"] for r in
               store.query(f"SELECT article_id FROM articles{where} ORDER BY published, doc_id")]
        for aid in ids:
            yield store.extraction(aid)


def table_reader(store: Store, table: str, *, include_copies: bool = False, batch: int = 10_000):
    """A pyarrow RecordBatchReader over one store table; copies' rows left out by default."""
    if table not in EXPORT_TABLES:
        raise KeyError(table)
    keep = "" if include_copies else " WHERE a.copy_of IS NULL"
    if table == "articles":
        sql = f"SELECT * FROM articles a{keep} ORDER BY a.published, a.doc_id"
    else:
        sql = (f"SELECT t.* FROM {table} t JOIN articles a USING (article_id){keep} "
               "ORDER BY a.published, a.doc_id, t.ord")
    return store.con.execute(sql).to_arrow_reader(batch)


def iter_event_rows(db: Db, *, include_copies: bool = False, min_confidence: float | None = None) -> Iterator[dict]:
    """Each distinct event once, with its mention and article counts and place coordinates; events
    below the confidence floor (``query.confidence_floor``) left out."""
    floor = confidence_floor(Filters(min_confidence=min_confidence))
    keep = ([] if include_copies else ["a.copy_of IS NULL AND e.copied_from IS NULL"]) + \
        ([f"coalesce(e.confidence, 1.0) >= {float(floor)!r}"] if floor else [])
    where = (" WHERE " + " AND ".join(keep)) if keep else ""
    sql = f"""
        WITH ev AS (
            SELECT e.*, a.doc_id, a.title, a.published, a.url, a.source AS outlet, a.path,
                   coalesce(e.story_event, e.article_id || e.event_id) AS story_key
            FROM events e JOIN articles a USING (article_id){where}),
        agg AS (SELECT story_key, count(*) AS mentions, count(DISTINCT article_id) AS n_articles
                FROM ev GROUP BY story_key),
        firsts AS (SELECT * FROM (SELECT ev.*, row_number() OVER (PARTITION BY story_key
                                  ORDER BY published, doc_id, ord) AS nth FROM ev) WHERE nth = 1),
        geo AS (SELECT geonameid, avg(lat) AS lat, avg(lon) AS lon, any_value(country) AS geo_country,
                       any_value(feature) AS geo_feature
                FROM places WHERE geonameid IS NOT NULL GROUP BY geonameid)
        SELECT firsts.* EXCLUDE (nth), agg.mentions, agg.n_articles,
               geo.lat, geo.lon, geo.geo_country, geo.geo_feature
        FROM firsts JOIN agg USING (story_key) LEFT JOIN geo USING (geonameid)
        ORDER BY coalesce(firsts.date, firsts.published), firsts.doc_id, firsts.ord"""
    with Store(db, read_only=True) as store:
        yield from store.iter_query(sql)
