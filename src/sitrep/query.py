"""Queries over the store: events, quotes and the filters they share.

Copies never count twice: rows from articles marked as copies are left out unless the
caller asks for them, and merged story events are listed once with their report count.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Optional, Union

from .errors import E, SitrepError


@dataclass(frozen=True)
class Filters:
    actor: Optional[str] = None  # code (IRQ, IGO) or a name fragment
    type: Optional[str] = None  # PLOVER type
    since: Optional[str] = None  # ISO date, inclusive
    until: Optional[str] = None  # ISO date, inclusive
    place: Optional[str] = None  # place name fragment or GeoNames id
    text: Optional[str] = None  # words in the sentence / quote
    speaker: Optional[str] = None  # quotes only
    include_copies: bool = False
    min_confidence: Optional[float] = None  # events only; None: config.EVENT_CONFIDENCE

    def __post_init__(self):
        for value in (self.since, self.until):
            if value is not None:
                try:
                    date.fromisoformat(value[:10])
                except ValueError:
                    raise SitrepError(E.E017, value=value) from None


EVENT_COLUMNS = ("date", "type", "source_code", "source_text", "target_code", "target_text", "modality",
                 "trigger", "place_name", "reports", "doc_id", "event_id", "cameo", "mode", "sentence")
QUOTE_COLUMNS = ("date", "speaker_name", "speaker_role", "type", "text", "medium", "doc_id", "quote_id")


def date_range(f: Filters, column: str, clauses: list, params: list) -> None:
    # dates may be partial TIMEX values ("2020-01"): compare on the common prefix
    if f.since:
        clauses.append(f"{column} >= ?")
        params.append(f.since)
    if f.until:
        clauses.append(f"substr({column}, 1, 10) <= ?")
        params.append(f.until)


def confidence_floor(f: Filters) -> float:
    from .config import EVENT_CONFIDENCE

    return EVENT_CONFIDENCE if f.min_confidence is None else f.min_confidence


def _event_where(f: Filters) -> tuple[str, list]:
    clauses, params = [], []
    if confidence_floor(f):  # events stored before confidences existed count as sure
        clauses.append("coalesce(e.confidence, 1.0) >= ?")
        params.append(confidence_floor(f))
    if not f.include_copies:  # nor sentences a stitched article took from its sources
        clauses.append("a.copy_of IS NULL AND e.copied_from IS NULL")
    if f.type:
        clauses.append("upper(e.type) = upper(?)")
        params.append(f.type)
    if f.actor:
        clauses.append("(e.source_code ILIKE ? OR e.target_code ILIKE ? OR e.source_text ILIKE ? OR e.target_text ILIKE ?)")
        params += [f"%{f.actor}%"] * 4
    date_range(f, "coalesce(e.date, a.published)", clauses, params)
    if f.place:
        clauses.append("(e.place_name ILIKE ? OR CAST(e.geonameid AS VARCHAR) = ?)")
        params += [f"%{f.place}%", f.place]
    if f.text:
        clauses.append("e.sentence ILIKE ?")
        params.append(f"%{f.text}%")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def events(db: Union[str, Path], filters: Filters = Filters(), *, limit: int | None = None) -> list[dict]:
    """Events matching the filters, oldest first, each distinct event once."""
    from .store import Store

    where, params = _event_where(filters)
    sql = f"""
        SELECT e.*, a.doc_id, a.title, a.published,
               count(DISTINCT e.article_id) OVER (PARTITION BY coalesce(e.story_event, e.article_id || e.event_id))
                   AS reports,
               row_number() OVER (PARTITION BY coalesce(e.story_event, e.article_id || e.event_id)
                                  ORDER BY a.published, a.doc_id) AS nth
        FROM events e JOIN articles a USING (article_id) {where}
    """
    sql = f"SELECT * FROM ({sql}) WHERE nth = 1 ORDER BY coalesce(date, published), doc_id, ord"
    if limit:
        sql += f" LIMIT {int(limit)}"
    with Store(db, read_only=True) as store:
        return store.query(sql, params)


def quotes(db: Union[str, Path], filters: Filters = Filters(), *, limit: int | None = None) -> list[dict]:
    """Quotes matching the filters, oldest first; copies left out."""
    from .store import Store

    clauses, params = [], []
    if not filters.include_copies:
        clauses.append("a.copy_of IS NULL")
    if filters.speaker:
        clauses.append("(q.speaker_name ILIKE ? OR q.speaker_text ILIKE ?)")
        params += [f"%{filters.speaker}%"] * 2
    if filters.text:
        clauses.append("q.text ILIKE ?")
        params.append(f"%{filters.text}%")
    date_range(filters, "coalesce(q.date, a.published)", clauses, params)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (f"SELECT q.* EXCLUDE (date), coalesce(q.date, a.published) AS date, a.doc_id, a.title FROM quotes q "
           f"JOIN articles a USING (article_id){where} ORDER BY coalesce(q.date, a.published), a.doc_id, q.ord")
    if limit:
        sql += f" LIMIT {int(limit)}"
    with Store(db, read_only=True) as store:
        return store.query(sql, params)
