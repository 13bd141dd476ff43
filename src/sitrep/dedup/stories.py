"""Copies in the store, stories (clusters) and story events (one event, many reports).

The copy index persists in the store (``dedup_*`` tables) and is paged in per batch
(``paged.StoreIndex``), so its memory does not grow with the number of articles stored.
"""
from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Union

from ..store import IN_LIST, in_list
from .index import exact_key
from .normalise import content_tokens, sentences
from .paged import store_index
from .provenance import provenance

STORY_DAYS = 1  # reports of one event may date it a day apart (time zones, "yesterday")
STORY_WORDING = 0.5  # token Jaccard of two event sentences told in the same words
COPIED_WORDING = 0.8  # ... and of a sentence copied from a source article
COPIED_MIN = 3  # content tokens: a shorter sentence ("He said.") is anyone's


class Assignment(dict):
    """Per new article hash its copy decision, plus the rows and updates the store must write
    in the same transaction (sketches, links, changed decisions of earlier articles)."""

    def __init__(self):
        super().__init__()
        self.rows: dict[str, list[dict]] = {"dedup_sketches": [], "dedup_links": []}
        self.updates: list[tuple[str, list]] = []
        self.story_events: dict[tuple[str, int], str] = {}
        self.copied_from: dict[tuple[str, int], str] = {}  # events that repeat a source's sentence


def assign_copies(store, items) -> Assignment:
    """For each new (hash, document, extraction): ``{"cluster", "copy_of", "kind", "sources",
    "provenance"}``. Later items may copy earlier ones of the same batch; earlier articles
    whose decision changes (a stitched article whose sources arrived) are updated."""
    index = store_index(store)
    out = Assignment()
    start = index.n
    keys = [exact_key(doc.text) for _, doc, _ in items]
    sketches = index.prefetch(keys, [doc.text for _, doc, _ in items])
    new = [index.add(h, sketch=sk, key=k) for (h, _, _), k, sk in zip(items, keys, sketches)]
    fresh = set(new)
    for i in new:
        out.rows["dedup_sketches"].append({"article_id": index.ids[i], "pos": i, "exact_key": index.keys[i],
                                           "sketch": index.sketches[i].to_bytes(),
                                           "exact_of": index.exact_of.get(i)})
        for j, link in index.links.get(i, {}).items():
            if j not in fresh or j < i:  # each link once
                out.rows["dedup_links"].append({"a": index.ids[i], "b": index.ids[j], "a_match": json.dumps(link.mine),
                                                "b_match": json.dumps(link.theirs), "a_pos": i, "b_pos": j})
    decisions = index.decide(fresh)
    index.load_decisions([i for i in decisions if i not in fresh])
    changed = {}
    for i, d in decisions.items():
        if i not in fresh and index.decisions.get(i) != d:
            out.updates.append(("UPDATE articles SET cluster = ?, copy_of = ?, copy_kind = ?, sources = ? "
                                "WHERE article_id = ?", [d.cluster, d.copy_of, d.kind, json.dumps(d.sources),
                                                         index.ids[i]]))
            changed[index.ids[i]] = [a for a in (d.copy_of, *d.sources) if a]
    out.updates += _recopied(store, items, changed)
    out.rows.update(index.new_rows(start))
    index.forget()
    for (h, doc, ex), i in zip(items, new):
        d = decisions[i]
        out[h] = {"cluster": d.cluster, "copy_of": d.copy_of, "kind": d.kind, "sources": d.sources,
                  "provenance": provenance(doc.text)}
    related = {h: [d for d in (out[h]["copy_of"], *out[h]["sources"]) if d] for h, _, _ in items}
    out.story_events, out.copied_from = _story_events(store, items, related)
    return out


def _event_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# bounded small: it held ~1 KB a sentence and filled over a long ingest. 2,048: at 4,096 it was
# still filling at 5,000 Reuters articles (1,756 entries at 2,000, hits 96%), and what a cache
# holds once full stays in RSS for the rest of the run
@lru_cache(maxsize=2048)
def _words(sentence: str | None) -> frozenset[str]:
    return frozenset(content_tokens(sentence or ""))


def _same_wording(a: str | None, b: str | None, at_least: float = 0.0) -> bool:
    a, b = _words(a), _words(b)
    return bool(a and b) and len(a & b) / len(a | b) >= (at_least or STORY_WORDING)


def _located(text: str) -> list[tuple[int, int, str]]:
    """The normalised sentences of a text with their offsets (those found verbatim)."""
    out, pos = [], 0
    for s in sentences(text):
        at = text.find(s, pos)
        if at >= 0:
            out.append((at, at + len(s), s))
            pos = at + len(s)
    return out


def _copied_sentence(located, at: int, sources: dict[str, list[frozenset]]) -> tuple[str, frozenset] | None:
    """The source article and normalised sentence that the sentence at offset ``at`` copies,
    if any: rewriting moves are undone, so a spun sentence still matches."""
    s = next((s for a, b, s in located if a <= at < b), None)
    words = _words(s)
    if len(words) < COPIED_MIN:
        return None
    return next(((aid, w) for aid, ws in sources.items() for w in ws
                 if len(words & w) / len(words | w) >= COPIED_WORDING), None)


def _stored_texts(store, ids) -> list[tuple[str, str]]:
    return store.con.execute(f"SELECT article_id, text FROM articles WHERE article_id IN {IN_LIST}",
                             [in_list(sorted(ids))]).fetchall()


def _source_sentences(store, items, ids) -> dict[str, list[frozenset]]:
    """The normalised sentences of articles, new or stored, as token sets."""
    ids = set(ids)
    texts = {h: doc.text for h, doc, _ in items if h in ids}
    if ids:
        texts.update(_stored_texts(store, ids))
    return {aid: [w for s in sentences(t or "") if len(w := _words(s)) >= COPIED_MIN] for aid, t in texts.items()}


def _recopied(store, items, changed: dict[str, list[str]]) -> list[tuple[str, list]]:
    """Updates marking the events of earlier articles that turned out to be copies or
    stitched (their sources came later) which repeat a source's sentence."""
    if not changed:
        return []
    sents = _source_sentences(store, items, [a for ids in changed.values() for a in ids])
    events: dict[str, list[tuple[int, str]]] = {}
    for aid, k, record in store.con.execute("SELECT article_id, ord, record FROM events "
                                            f"WHERE article_id IN {IN_LIST}", [in_list(sorted(changed))]).fetchall():
        events.setdefault(aid, []).append((k, record))
    out = []
    for aid, text in _stored_texts(store, changed):
        located = _located(text or "")
        mine = {a: sents.get(a, []) for a in changed[aid]}
        for k, record in events.get(aid, ()):
            copied = _copied_sentence(located, json.loads(record)["trigger"]["span"][0], mine) if mine else None
            out.append(("UPDATE events SET copied_from = ? WHERE article_id = ? AND ord = ?",
                        [copied[0] if copied else None, aid, k]))
    return out


def _story_events(store, items, related: dict[str, list[str]]):
    """A story-event id per new event, and for events that repeat a sentence of an article
    this one copies or was stitched from, that source article.

    A repeated sentence tells the source's event: the event joins the source event told in
    that sentence whatever its type or actors (the extractor may code a sentence differently
    in another context; two events it reads in one sentence may join one). Else an event
    joins an earlier event of the same type when
    - that event is in a source article and has the same actors or a sentence worded alike
      (a copy re-dates nothing, and its actors may resolve differently out of context); or
    - it is within ``STORY_DAYS``, with the same actor codes and a compatible place; events
      with no actor code at all need the same place or a sentence worded alike, since "an
      attack" on the same day is otherwise anything.
    Else it gets a new id of its own."""
    wanted = sorted({a for ids in related.values() for a in ids})
    source_sents = _source_sentences(store, items, wanted)
    new = []
    for h, doc, ex in items:
        mine = {a: source_sents.get(a, []) for a in related.get(h, ())}
        located = _located(doc.text) if mine and ex.events else []
        for k, v in enumerate(ex.events):
            copied = _copied_sentence(located, v.trigger.span[0], mine) if mine else None
            new.append({"h": h, "k": k, "type": v.type, "copied": copied,
                        "day": _event_day(v.date) or _event_day(ex.article.published),
                        "src": "; ".join(a.code or "" for a in v.source) or None,
                        "tgt": "; ".join(a.code or "" for a in v.target) or None,
                        "place": str(v.place.geonameid or v.place.name) if v.place else None,
                        "sentence": doc.text[v.sentence[0]:v.sentence[1]]})
    cols = ("SELECT e.article_id, e.type, e.source_code, e.target_code, "
            "coalesce(CAST(e.geonameid AS VARCHAR), e.place_name), substr(coalesce(e.date, a.published), 1, 10), "
            "e.sentence, e.story_event, e.copied_from FROM events e JOIN articles a USING (article_id) "
            "WHERE e.story_event IS NOT NULL")
    rows = []
    # (an event dated in year 1 or 9999, from text or the library, must not overflow the window)
    days = [n["day"] for n in new if n["day"] and date(1, 1, 1) + timedelta(days=STORY_DAYS) <= n["day"]
            <= date(9999, 12, 31) - timedelta(days=STORY_DAYS)]
    if days:
        lo, hi = min(days) - timedelta(days=STORY_DAYS), max(days) + timedelta(days=STORY_DAYS)
        rows += store.con.execute(cols + " AND substr(coalesce(e.date, a.published), 1, 10) BETWEEN ? AND ? "
                                  f"AND e.type IN {IN_LIST}",
                                  [lo.isoformat(), hi.isoformat(), in_list(sorted({n["type"] for n in new}))]).fetchall()
    if wanted:
        rows += store.con.execute(cols + f" AND e.article_id IN {IN_LIST}", [in_list(wanted)]).fetchall()
    pool: dict[str, list[dict]] = {}  # by type
    for aid, typ, src, tgt, place, day, sentence, sid, copied in rows:
        pool.setdefault(typ, []).append({"h": aid, "type": typ, "src": src, "tgt": tgt, "place": place,
                                         "day": _event_day(day), "sentence": sentence, "sid": sid,
                                         "copied": copied})
    out: dict[tuple[str, int], str] = {}
    copied_from: dict[tuple[str, int], str] = {}
    for n in new:
        near = related.get(n["h"], ())
        claimed = {v for (h, _), v in out.items() if h == n["h"]}
        told = [e for t in pool for e in pool[t] if e["h"] in near] if near else []
        sources = [e for e in told if e["sid"] not in claimed]
        actors = (n["src"], n["tgt"])
        sid = None
        if n["copied"]:
            aid, words = n["copied"]
            copied_from[(n["h"], n["k"])] = aid
            # the source's event sentence may hold the copied one (a lead glued to the byline)
            # or be part of it (the parser split it)
            at = [e for e in told if e["h"] == aid and len(words & (w := _words(e["sentence"]))) >=
                  max(COPIED_MIN, COPIED_WORDING * min(len(words), len(w)))]
            # same type first, unclaimed first: a sentence with two events keeps them apart
            at.sort(key=lambda e: (e["type"] != n["type"], e["sid"] in claimed))
            # no source event there (the source's extraction missed it): one id per source sentence
            sid = at[0]["sid"] if at else "se-" + hashlib.sha1(
                f"{aid}:{n['type']}:{sorted(words)}".encode()).hexdigest()[:16]
        sid = sid or next((e["sid"] for e in sources if e["type"] == n["type"] and
                    ((e["src"], e["tgt"]) == actors or _same_wording(e["sentence"], n["sentence"]))), None)
        # a sentence copied from a source tells the source's event even when the copy's
        # context gave it another type
        sid = sid or next((e["sid"] for e in sources if _same_wording(e["sentence"], n["sentence"], COPIED_WORDING)),
                          None)
        for e in pool.get(n["type"], ()) if sid is None else ():
            # a repeated sentence's coding is the copy's reading out of context: its source's
            # event is what later reports join, not that reading
            if not e["copied"] and (e["src"], e["tgt"]) == actors and e["day"] and n["day"] and \
                    abs((e["day"] - n["day"]).days) <= STORY_DAYS:
                if n["src"] or n["tgt"]:
                    ok = e["place"] is None or n["place"] is None or e["place"] == n["place"]
                else:
                    ok = (e["place"] is not None and e["place"] == n["place"]) or \
                        _same_wording(e["sentence"], n["sentence"])
                if ok:
                    sid = e["sid"]
                    break
        sid = sid or "se-" + hashlib.sha1(f"{n['h']}:{n['k']}".encode()).hexdigest()[:16]
        pool.setdefault(n["type"], []).append(dict(n, sid=sid))
        out[(n["h"], n["k"])] = sid
    return out, copied_from


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
