"""The embedded store: one DuckDB file with a table per record kind.

Each record table keeps flat, queryable columns *and* the full record as JSON, so that
``Store.extraction(article_id)`` gives back exactly the record that went in (the
round-trip property tested with hypothesis). Writes are batched: one transaction and a
handful of bulk inserts per batch, never a round trip per document.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence, Union

from ..errors import E, SitrepError
from ..ingest.readers import content_hash
from ..records import Document, Extraction, Rejected
from .schema import RECORD_TABLES, SCHEMA, article_row, flatten

SCHEMA_VERSION = 1
# ``col IN {IN_LIST}`` with ``in_list(values)`` as its parameter: a list of n strings passed as one
# parameter cost n failed ``import pandas`` inside DuckDB when pandas is absent (a failed import
# is not cached, each one searches sys.path): ~6,600 imports at 2,000 Reuters articles, 2.5 of
# the 22 s that committing took under cProfile
IN_LIST = "(SELECT unnest(string_split(?, chr(31))))"


def in_list(values: Iterable[str]) -> str:
    """Ids or codes (never holding the unit separator, chr(31)) as the one parameter of IN_LIST."""
    return "\x1f".join(values)


@dataclass
class Prepared:
    """One batch's rows, ready to write (``Store.prepare_batch``)."""
    tables: dict  # table name -> pyarrow.Table
    rejected: list
    updates: dict  # SQL -> parameter rows
    added: int
    copies: int


def _why_not(exc: Exception) -> str:
    """DuckDB's reason a file cannot be opened, in words for a sitrep user: a lock held by another
    process is a writer at work (DuckDB allows one), not a call for DuckDB's own CLI flags; the
    holder's program path and process id stay out of the message."""
    first = str(exc).splitlines()[0]
    if "Could not set lock" in first or "Conflicting lock" in first:
        return "another process is writing to it (a DuckDB store has one writer at a time); try again when it ends"
    return first


class Store:
    """A DuckDB file holding articles and their extraction records."""

    def __init__(self, path: Union[str, Path] = "sitrep.duckdb", *, read_only: bool = False):
        import duckdb

        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except Exception as exc:  # duckdb raises IOException, CatalogException, ...
            raise SitrepError(E.E011, path=self.path, reason=_why_not(exc)) from exc
        problem = self._foreign()
        if problem is not None:
            self.con.close()
            raise SitrepError(E.E011, path=self.path, reason=problem)
        if not read_only:
            self._create()

    def _foreign(self) -> str | None:
        """Why this DuckDB file is no store this sitrep may read or write, else None: another
        program's tables without sitrep's, or a schema newer than this version knows."""
        tables = {r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if "meta" not in tables:
            return f"it holds other tables ({', '.join(sorted(tables)[:3])}) and is not a sitrep store" \
                if tables else None
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is not None and row[0].isdigit() and int(row[0]) > SCHEMA_VERSION:
            return (f"it was written by a newer sitrep (schema version {row[0]}; this version knows "
                    f"up to {SCHEMA_VERSION}); upgrade sitrep to read it")
        return None

    # -- lifecycle -------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def reconnect(self) -> None:
        """Close the connection and open a new one on the same file (its settings are the
        caller's to set again). DuckDB's native memory outside its buffer pool grew ~4 MB per
        1,000 articles of copy detection; a new connection every 10 batches held it flat: 195 ->
        202 MB over 2,240 articles into a 12,000-article store, against 213 -> 253 MB on one
        connection. A second connection (``cursor()``) to the open database grew as the first
        did (186 -> 223 MB): the database itself has to close."""
        import duckdb

        self.con.close()
        self.con = duckdb.connect(self.path)
        # the copy index matches the committed store (``abandon`` drops it when it may not):
        # made anew, its first batch scanned whole tables, and at 2,000 Reuters articles the
        # store stage went 5.2 -> 8.4 s with a new connection every 10 batches
        if (index := self.__dict__.get("_copy_index")) is not None:
            index.con = self.con

    def _create(self) -> None:
        for ddl in SCHEMA:
            self.con.execute(ddl)
        self.con.execute("INSERT INTO meta SELECT 'schema_version', ? WHERE NOT EXISTS "
                         "(SELECT 1 FROM meta WHERE key = 'schema_version')", [str(SCHEMA_VERSION)])

    # -- writing ---------------------------------------------------------------------
    def known_hashes(self, hashes: Sequence[str]) -> set[str]:
        if not hashes:
            return set()
        rows = self.con.execute(f"SELECT article_id FROM articles WHERE article_id IN {IN_LIST}",
                                [in_list(hashes)]).fetchall()
        return {r[0] for r in rows}

    def abandon(self) -> None:
        """Undo a failed batch: roll back its transaction, if one is still open, and drop the
        copy index, which ran ahead of the store."""
        try:
            self.con.execute("ROLLBACK")
        except Exception:  # none open: a COMMIT that failed has rolled back already
            pass
        self.__dict__.pop("_copy_index", None)

    def add_batch(self, pairs: Sequence[tuple[Document, Extraction]], rejected: Sequence[Rejected] = (),
                  *, dedup: bool = True) -> dict:
        """Store one batch in one transaction. Articles already present are skipped."""
        return self.write_batch(self.prepare_batch(pairs, rejected, dedup=dedup))

    def prepare_batch(self, pairs: Sequence[tuple[Document, Extraction]], rejected: Sequence[Rejected] = (),
                      *, dedup: bool = True) -> "Prepared":
        """The rows of one batch, copies found: the Python half of ``add_batch``. It reads the
        store, and the copy index runs ahead of it until ``write_batch`` writes these rows."""
        import pyarrow as pa

        now = datetime.now(timezone.utc).replace(tzinfo=None)
        hashes = [content_hash(doc.text) for doc, _ in pairs]
        known = self.known_hashes(hashes)
        fresh: list[tuple[str, Document, Extraction]] = []
        seen: set[str] = set()
        for h, (doc, ex) in zip(hashes, pairs):
            if h not in known and h not in seen:
                seen.add(h)
                fresh.append((h, doc, ex))
        copies = {}
        if dedup and fresh:
            from ..dedup import assign_copies

            try:
                copies = assign_copies(self, [(h, doc, ex) for h, doc, ex in fresh])
            except Exception:
                self.abandon()  # the copy index's pages may be half updated
                raise
        rows: dict[str, list[dict]] = {t: [] for t in RECORD_TABLES}
        rows["articles"] = []
        for h, doc, ex in fresh:
            rows["articles"].append(article_row(h, doc, ex, copy=copies.get(h), at=now))
            if h in copies:  # wire agencies, bylines, footers: found by the copy detector
                rows["articles"][-1]["provenance"] = json.dumps(copies[h].get("provenance"))
            for table, recs in flatten(h, ex, doc.text).items():
                rows[table].extend(recs)
        for rec in rows["events"]:  # one id per event across its reports (sitrep.dedup)
            rec["story_event"] = getattr(copies, "story_events", {}).get((rec["article_id"], rec["ord"]))
            rec["copied_from"] = getattr(copies, "copied_from", {}).get((rec["article_id"], rec["ord"]))
        for table, recs in getattr(copies, "rows", {}).items():  # the copy index's own tables (lists or Arrow)
            rows[table] = recs if not isinstance(recs, list) else rows.get(table, []) + recs
        updates: dict[str, list] = {}  # earlier articles this batch re-clustered, one call per statement
        for sql, params in getattr(copies, "updates", ()):
            updates.setdefault(sql, []).append(params)
        return Prepared(
            tables={t: recs if isinstance(recs, pa.Table) else pa.Table.from_pylist(recs)
                    for t, recs in rows.items() if len(recs)},
            rejected=[[r.where, r.code, r.reason, now, r.where, r.code] for r in rejected],
            updates=updates, added=len(fresh),
            copies=sum(1 for v in copies.values() if v.get("copy_of")))

    def write_batch(self, batch: "Prepared") -> dict:
        """Write prepared rows in one transaction: DuckDB's half of ``add_batch``, which runs
        without the GIL (so beside the next batch's parse, see ``api.ingest_documents``)."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, arrow in batch.tables.items():
                self.con.register("_batch", arrow)
                cols = ", ".join(f'"{c}"' for c in arrow.column_names)
                self.con.execute(f'INSERT INTO {table} ({cols}) SELECT {cols} FROM _batch')
                self.con.unregister("_batch")
            if batch.rejected:
                # the same bad input met again is listed once: re-ingesting must not grow any table
                self.con.executemany('INSERT INTO rejected SELECT ?, ?, ?, ? WHERE NOT EXISTS '
                                     '(SELECT 1 FROM rejected WHERE "where" = ? AND code = ?)', batch.rejected)
            for sql, many in batch.updates.items():
                self.con.executemany(sql, many)
            self.con.execute("COMMIT")
        except Exception:
            self.abandon()
            raise
        return {"added": batch.added, "copies": batch.copies}

    def load_parquet(self, folder: Union[str, Path]) -> dict:
        """Add the record tables a Spark run wrote under ``folder`` (one sub-folder per table).

        One transaction, like ``add_batch``: articles already stored are skipped with all their
        records, so loading the same output twice adds nothing.
        """
        folder = Path(folder)

        def source(table: str) -> str | None:
            files = sorted((folder / table).glob("*.parquet"))
            if not files:
                return None
            return "read_parquet([" + ", ".join("'" + str(f).replace("'", "''") + "'" for f in files) + "])"

        articles = source("articles")
        if articles is None:
            raise SitrepError(E.E001, path=str(folder / "articles"), reason="no Parquet files there")
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("CREATE OR REPLACE TEMP TABLE _fresh AS SELECT DISTINCT article_id FROM "
                             f"{articles} WHERE article_id NOT IN (SELECT article_id FROM articles)")
            added = self.con.execute("SELECT count(*) FROM _fresh").fetchone()[0]
            read = self.con.execute(f"SELECT count(DISTINCT article_id) FROM {articles}").fetchone()[0]
            for table in ("articles", *RECORD_TABLES):
                src = source(table)
                if src is None:
                    continue
                described = self.con.execute(f"SELECT * FROM {src} LIMIT 0").description
                cols = ", ".join(f'"{d[0]}"' for d in described)
                self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {src} "
                                 "WHERE article_id IN (SELECT article_id FROM _fresh)")
            src = source("rejected")
            if src is not None:
                self.con.execute(f'INSERT INTO rejected SELECT "where", code, reason, "at" FROM {src} AS r '
                                 'WHERE NOT EXISTS (SELECT 1 FROM rejected AS o WHERE o."where" = r."where" '
                                 'AND o.code = r.code)')
            self.con.execute("DROP TABLE _fresh")
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return {"read": read, "added": added}

    # -- reading ---------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("articles", *RECORD_TABLES, "rejected")}

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT article_id FROM articles ORDER BY ingested_at, doc_id").fetchall()]

    def extraction(self, article_id: str) -> Extraction:
        """The stored extraction record of one article, as it went in."""
        from ..records import Article

        row = self.con.execute("SELECT doc_id, record FROM articles WHERE article_id = ?", [article_id]).fetchone()
        if row is None:
            raise KeyError(article_id)
        fields: dict[str, Any] = {"id": row[0], "article": Article.from_dict(json.loads(row[1])).to_dict()}
        for table in RECORD_TABLES:
            recs = self.con.execute(f"SELECT record FROM {table} WHERE article_id = ? ORDER BY ord",
                                    [article_id]).fetchall()
            fields[table] = [json.loads(r[0]) for r in recs]
        return Extraction.from_dict(fields)

    def text(self, article_id: str) -> str:
        row = self.con.execute("SELECT text FROM articles WHERE article_id = ?", [article_id]).fetchone()
        return row[0] if row else ""

    def rejected(self) -> list[Rejected]:
        return [Rejected(where=w, code=c, reason=r) for w, c, r in
                self.con.execute('SELECT "where", code, reason FROM rejected ORDER BY "at"').fetchall()]

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict]:
        cur = self.con.execute(sql, list(params))
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def iter_query(self, sql: str, params: Sequence[Any] = (), *, batch: int = 1000) -> Iterator[dict]:
        cur = self.con.execute(sql, list(params))
        cols = [d[0] for d in cur.description]
        while rows := cur.fetchmany(batch):
            for row in rows:
                yield dict(zip(cols, row))
