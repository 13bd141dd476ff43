"""The store's copy index: earlier articles stay in the store, not in memory.

Held in memory, the index cost ~30 KB an article and grew for as long as an ingest ran.
``StoreIndex`` keeps only the article count between batches. A batch first pages in what its
articles can meet, one query per kind: earlier articles with the same exact key, the stored
entries of its band keys and shingles, the counts of its sentences, then the sketches of the
articles named there. ``decide`` pages in the links and sketches of the component it
explores, one level at a time. The batch's own rows are written in the batch's transaction
(``new_rows``) and the pages are dropped (``forget``). The decisions are those of the
in-memory index: the same structures, filled with the same entries.
"""
from __future__ import annotations

import json

from .index import _LOW, BOILER_DF, CopyIndex, Decision, Sketch, StoredSketch, sentence_key

_LINKS = "SELECT a_pos, b_pos, a_match, b_match FROM dedup_links WHERE a_pos IN ({0}) OR b_pos IN ({0})"


KEEP = 1000  # earlier articles whose sketches and links may stay in memory between batches


class _Counts(dict):
    """Sentence counts: exact for the batch's own sentences (paged in, then counted up by
    ``add``); for any other sentence only whether it is common, all the index asks of it."""

    def __init__(self, common: set[int]):
        super().__init__()
        self.common = common

    def get(self, fp, default=0):
        n = dict.get(self, fp)
        return n if n is not None else BOILER_DF if fp in self.common else default


class StoreIndex(CopyIndex):
    """The copy index of one store's connection (see the module docstring)."""

    def __init__(self, con):
        super().__init__()
        self.con = con
        self.n = con.execute("SELECT coalesce(max(pos) + 1, 0) FROM dedup_sketches").fetchone()[0]
        self._linked: set[int] = set()  # articles whose stored links are paged in
        # sentences in BOILER_DF articles or more: a few per cent of them, ints
        self.common = {r[0] for r in con.execute("SELECT fp FROM dedup_sentences GROUP BY fp HAVING count(*) >= ?",
                                                 [BOILER_DF]).fetchall()}
        self.df = _Counts(self.common)
        # articles with exact copies (a few ints: exact copies are rare), so that looking
        # for the copies of a component is no query in the common case
        self._originals = {r[0] for r in con.execute("SELECT DISTINCT exact_of FROM dedup_sketches "
                                                     "WHERE exact_of IS NOT NULL").fetchall()}
        self.stitched = {r[0] for r in con.execute("SELECT s.pos FROM dedup_sketches s JOIN articles a "
                                                   "USING (article_id) WHERE a.copy_kind = 'stitched'").fetchall()}

    def _at(self, sql: str, positions) -> list[tuple]:
        """``sql`` with ``{0}`` replaced by a list of article positions: a constant list is
        filtered inside the scan (and positions, stored in order, skip whole row groups),
        where a join would read every row's blobs first: 5-10x faster here."""
        if not positions:
            return []
        return self.con.execute(sql.format(",".join(str(int(i)) for i in positions))).fetchall()

    def _q(self, sql: str, **cols) -> list[tuple]:
        """``sql`` over the stored tables and ``_q``, a table of the given columns."""
        import pyarrow as pa

        if not next(iter(cols.values())):
            return []
        self.con.register("_q", pa.table({k: pa.array(list(v)) for k, v in cols.items()}))
        try:
            return self.con.execute(sql).fetchall()
        finally:
            self.con.unregister("_q")

    def prefetch(self, keys: list[str], texts: list[str]) -> list[Sketch | None]:
        """Page in what articles with these exact keys and texts can meet; their sketches
        (None for a stored article's exact copy, which needs none)."""
        self.exact.update(self._q("SELECT exact_key, pos FROM dedup_sketches WHERE exact_of IS NULL "
                                  "AND exact_key IN (SELECT k FROM _q)", k=set(keys)))
        sketches: list[Sketch | None] = []
        bands, shingles = set(), set()
        for key, text in zip(keys, texts):
            if key in self.exact:
                sketches.append(None)
                continue
            sk = Sketch.of(text)
            sketches.append(sk)
            self._pre[id(sk)] = ks, sh = sk.band_keys(), sk.shingles()
            bands.update(k for row in ks for k in row)
            shingles.update(h for h, _ in sh)
        bands_sorted = sorted(bands)
        for b, k, i, j in self._q("SELECT band, key, pos, sent FROM dedup_bands JOIN _q USING (band, key) "
                                  "ORDER BY pos, sent", band=[k >> 62 for k in bands_sorted],
                                  key=[k & _LOW for k in bands_sorted]):
            self.buckets.setdefault((b << 62) | k, []).append((i, j))
        for h, i in self._q("SELECT h, pos FROM dedup_shingles JOIN _q USING (h) ORDER BY pos", h=shingles):
            self.shingle_docs.setdefault(h, []).append(i)
        fps = {sentence_key(s) for sk in sketches if sk is not None for s in sk.sents}
        self.df.update(dict.fromkeys(fps, 0))
        self.df.update(self._q("SELECT fp, count(*) FROM dedup_sentences JOIN _q USING (fp) GROUP BY fp", fp=fps))
        self._sketches({i for b in self.buckets.values() for i, _ in b}
                       | {i for d in self.shingle_docs.values() for i in d})
        return sketches

    def add(self, doc_id: str, text: str | None = None, **kwargs) -> int:
        i = super().add(doc_id, text, **kwargs)
        self._linked.add(i)  # a new article's links are all made here
        return i

    def _sketches(self, positions) -> None:
        want = [i for i in positions if i not in self.sketches]
        for i, aid, blob, first in self._at("SELECT pos, article_id, sketch, exact_of FROM dedup_sketches "
                                            "WHERE pos IN ({0})", want):
            self.ids[i] = aid
            self.sketches[i] = StoredSketch(blob)
            if first is not None:
                self.exact_of[i] = first

    def _load(self, nodes: set[int]) -> None:
        want = [i for i in nodes if i not in self._linked]  # their sketches are in: they were neighbours
        self._linked.update(want)
        for a, b, am, bm in self._at(_LINKS, want):
            self.add_link(a, b, {int(k): v for k, v in json.loads(am).items()},
                          {int(k): v for k, v in json.loads(bm).items()})
        self._sketches(nodes | {j for i in nodes for j in self.links.get(i, {})})

    def _copies_of(self, nodes: set[int]) -> set[int]:
        found = super()._copies_of(nodes)
        self._originals.update(self.exact_of.values())
        for i, j in self._at("SELECT pos, exact_of FROM dedup_sketches WHERE exact_of IN ({0})",
                             nodes & self._originals):
            self.exact_of[i] = j
            found.add(i)
        return found

    def load_decisions(self, positions) -> None:
        """The stored decisions of earlier articles, to tell which ones a batch changed."""
        by_id = {self.ids[i]: i for i in positions}
        self.decisions = {by_id[r[0]]: Decision(r[1], r[2], r[3], json.loads(r[4] or "[]")) for r in self._q(
            "SELECT article_id, cluster, copy_of, copy_kind, sources FROM articles JOIN _q ON article_id = id",
            id=by_id)}

    def forget(self) -> None:
        """Drop the batch's pages. What stays true as articles arrive (sketches, and links, which
        ``add`` keeps up to date) is kept for later batches, up to ``KEEP`` articles' worth,
        then dropped whole."""
        self.common.update(fp for fp, n in self.df.items() if n >= BOILER_DF)
        self.buckets, self.shingle_docs, self.decisions, self._pre, self._wcache = {}, {}, {}, {}, {}
        self.exact, self.keys, self.df = {}, {}, _Counts(self.common)
        if len(self.sketches) > KEEP:
            n, stitched = self.n, self.stitched
            CopyIndex.__init__(self)
            self.n, self.stitched, self._linked, self.df = n, stitched, set(), _Counts(self.common)


def store_index(store) -> StoreIndex:
    """The copy index of a store, made once per Store (a store written before the lookup
    tables existed gets them first, derived from its sketches)."""
    index = getattr(store, "_copy_index", None)
    if index is not None:
        return index
    con = store.con
    if not con.execute("SELECT 1 FROM meta WHERE key = 'dedup_lookups'").fetchone():
        old = CopyIndex()
        for aid, key, blob in con.execute("SELECT article_id, exact_key, sketch FROM dedup_sketches "
                                          "ORDER BY pos").fetchall():
            old.add(aid, sketch=Sketch.from_bytes(blob), key=key, match=False)
        con.execute("BEGIN TRANSACTION")
        try:  # idempotent: a run that failed half way (out of memory, say) redoes it all
            for table, rows in old.new_rows(0).items():
                con.execute(f"DELETE FROM {table}")
                con.register("_rows", rows)
                con.execute(f"INSERT INTO {table} SELECT * FROM _rows")
                con.unregister("_rows")
            con.execute("UPDATE dedup_sketches s SET exact_of = f.first FROM (SELECT exact_key, min(pos) AS first "
                        "FROM dedup_sketches GROUP BY exact_key) f WHERE s.exact_key = f.exact_key AND s.pos <> f.first")
            for side in ("a", "b"):
                con.execute(f"UPDATE dedup_links l SET {side}_pos = s.pos FROM dedup_sketches s "
                            f"WHERE s.article_id = l.{side}")
            con.execute("INSERT INTO meta VALUES ('dedup_lookups', '1') ON CONFLICT DO NOTHING")
            con.execute("COMMIT")
        except Exception:
            store.abandon()
            raise
    store._copy_index = index = StoreIndex(con)
    return index
