"""Copies in the store, stories (clusters) and story events (one event, many reports).

The copy index persists in two tables, ``dedup_sketches`` (one compact sketch per article,
in arrival order) and ``dedup_links``; a Store loads them once, on its first batch.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Union

from .index import CopyIndex, Decision, Sketch
from .provenance import provenance

STORY_DAYS = 1  # reports of one event may date it a day apart (time zones, "yesterday")


class Assignment(dict):
    """Per new article hash its copy decision, plus the rows and updates the store must write
    in the same transaction (sketches, links, changed decisions of earlier articles)."""

    def __init__(self):
        super().__init__()
        self.rows: dict[str, list[dict]] = {"dedup_sketches": [], "dedup_links": []}
        self.updates: list[tuple[str, list]] = []
        self.story_events: dict[tuple[str, int], str] = {}


def _load_index(store) -> CopyIndex:
    index = getattr(store, "_copy_index", None)
    if index is not None:
        return index
    index = CopyIndex()
    for aid, key, blob in store.con.execute(
            "SELECT article_id, exact_key, sketch FROM dedup_sketches ORDER BY pos").fetchall():
        index.add(aid, sketch=Sketch.from_bytes(blob), key=key, match=False)
    for a, b, am, bm in store.con.execute("SELECT a, b, a_match, b_match FROM dedup_links").fetchall():
        if a in index.pos and b in index.pos:
            index.add_link(index.pos[a], index.pos[b], {int(k): v for k, v in json.loads(am).items()},
                           {int(k): v for k, v in json.loads(bm).items()})
    index.decisions = {index.pos[r[0]]: Decision(r[1], r[2], r[3], json.loads(r[4] or "[]")) for r in
                       store.con.execute("SELECT article_id, cluster, copy_of, copy_kind, sources FROM articles")
                       .fetchall() if r[0] in index.pos}
    store._copy_index = index
    return index


def assign_copies(store, items) -> Assignment:
    """For each new (hash, document, extraction): ``{"cluster", "copy_of", "kind", "sources",
    "provenance"}``. Later items may copy earlier ones of the same batch; earlier articles
    whose decision changes (a stitched article whose sources arrived) are updated."""
    index = _load_index(store)
    out = Assignment()
    new = [index.add(h, doc.text) for h, doc, _ in items]
    fresh = set(new)
    for i in new:
        out.rows["dedup_sketches"].append({"article_id": index.ids[i], "pos": i, "exact_key": index.keys[i],
                                           "sketch": index.sketches[i].to_bytes()})
        for j, link in index.links.get(i, {}).items():
            if j not in fresh or j < i:  # each link once
                out.rows["dedup_links"].append({"a": index.ids[i], "b": index.ids[j], "a_match": json.dumps(link.mine),
                                                "b_match": json.dumps(link.theirs)})
    decisions = index.decide(fresh)
    for i, d in decisions.items():
        if i not in fresh and index.decisions.get(i) != d:
            out.updates.append(("UPDATE articles SET cluster = ?, copy_of = ?, copy_kind = ?, sources = ? "
                                "WHERE article_id = ?", [d.cluster, d.copy_of, d.kind, json.dumps(d.sources),
                                                         index.ids[i]]))
    index.decisions.update(decisions)
    for (h, doc, ex), i in zip(items, new):
        d = decisions[i]
        out[h] = {"cluster": d.cluster, "copy_of": d.copy_of, "kind": d.kind, "sources": d.sources,
                  "provenance": provenance(doc.text)}
    related = {h: [d for d in (out[h]["copy_of"], *out[h]["sources"]) if d] for h, _, _ in items}
    out.story_events = _story_events(store, items, related)
    return out


def _event_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _story_events(store, items, related: dict[str, list[str]]) -> dict[tuple[str, int], str]:
    """A story-event id per new event: the id of an event with the same type and actors in an
    article this one copies or was stitched from (whatever its date: a copy re-dates nothing),
    else of an earlier event with the same type, actors and compatible place within
    ``STORY_DAYS``, else a new id from this event."""
    new = []
    for h, doc, ex in items:
        for k, v in enumerate(ex.events):
            day = _event_day(v.date) or _event_day(ex.article.published)
            src = "; ".join(a.code or "" for a in v.source) or None
            tgt = "; ".join(a.code or "" for a in v.target) or None
            place = v.place.geonameid or v.place.name if v.place else None
            new.append((h, k, v.type, src, tgt, place, day))
    days = [n[6] for n in new if n[6] and (n[3] or n[4])]
    known: list[tuple] = []
    if days:
        lo, hi = min(days) - timedelta(days=STORY_DAYS), max(days) + timedelta(days=STORY_DAYS)
        known = store.con.execute(
            "SELECT e.type, e.source_code, e.target_code, coalesce(CAST(e.geonameid AS VARCHAR), e.place_name), "
            "substr(coalesce(e.date, a.published), 1, 10), e.story_event FROM events e JOIN articles a "
            "USING (article_id) WHERE e.story_event IS NOT NULL AND "
            "substr(coalesce(e.date, a.published), 1, 10) BETWEEN ? AND ?",
            [lo.isoformat(), hi.isoformat()]).fetchall()
    pool: dict[tuple, list[tuple]] = {}
    for typ, src, tgt, place, day, sid in known:
        if _event_day(day):
            pool.setdefault((typ, src, tgt), []).append((str(place) if place else None, _event_day(day), sid))
    by_article: dict[str, dict[tuple, str]] = {}
    wanted = sorted({a for ids in related.values() for a in ids})
    if wanted:
        for aid, typ, src, tgt, sid in store.con.execute(
                "SELECT article_id, type, source_code, target_code, story_event FROM events WHERE "
                "story_event IS NOT NULL AND article_id IN (SELECT unnest(?))", [wanted]).fetchall():
            by_article.setdefault(aid, {}).setdefault((typ, src, tgt), sid)
    out = {}
    for h, k, typ, src, tgt, place, day in new:
        place = str(place) if place else None
        sid = next((by_article[a][(typ, src, tgt)] for a in related.get(h, ())
                    if (typ, src, tgt) in by_article.get(a, {})), None) if src or tgt else None
        if sid is None and day and (src or tgt):
            for p, d, s in pool.get((typ, src, tgt), ()):
                if abs((d - day).days) <= STORY_DAYS and (p is None or place is None or p == place):
                    sid = s
                    break
        if sid is None:
            sid = "se-" + hashlib.sha1(f"{h}:{k}".encode()).hexdigest()[:16]
            if day and (src or tgt):
                pool.setdefault((typ, src, tgt), []).append((place, day, sid))
        by_article.setdefault(h, {}).setdefault((typ, src, tgt), sid)
        out[(h, k)] = sid
    return out


def story_rows(db: Union[str, Path]) -> list[dict]:
    """One row per story: its cluster, size, first publication, title and documents."""
    from ..store import Store

    with Store(db, read_only=True) as store:
        return store.query(
            "SELECT cluster, count(*) AS n_articles, min(published) AS first_published, "
            "arg_min(title, coalesce(published, '9999')) AS title, "
            "string_agg(doc_id, ' ' ORDER BY coalesce(published, '9999'), doc_id) AS doc_ids, "
            "count(*) FILTER (WHERE copy_of IS NOT NULL) AS copies "
            "FROM articles GROUP BY cluster ORDER BY min(published), cluster")
