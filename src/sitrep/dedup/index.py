"""The copy index: sentence fingerprints, sentence MinHash-LSH, links, and the clustering.

Every article is a list of sentences, each a set of folded content tokens (``normalise``).
Sentences are indexed by MinHash bands, so a new article meets only the earlier articles
that share a sentence with it (no all-pairs comparison). A *link* between two articles
records which sentences of each matched the other and how closely (token Jaccard).

From the links, ``CopyIndex.decide`` derives the clusters. Containment decides, never
topic similarity: two articles are copies when most of the smaller one's content is
matched by the other's sentences in any order (truncation, reordering, rewrites, added
boilerplate all keep that); an article is stitched when two or more unrelated articles
each explain a distinct part of it. Decisions are global over the links, so a stitched
article read before its sources is still recognised when they arrive.
"""
from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field

import numpy as np

from .normalise import content_tokens, sentences

MIN_TOKENS = 4  # shorter sentences (bylines, "Read more") are not indexed on their own
SHINGLE = 4  # content-token shingles across sentence ends catch tables and re-joined lines
SHINGLE_CAP = 30  # a shingle in more articles than this is boilerplate: stop growing it
SHINGLE_COVER = 0.6  # share of a sentence's tokens inside shared shingles to count as matched
N_HASHES, BAND_ROWS = 16, 2  # 8 bands of 2: a pair of sentences at Jaccard 0.5 meets with p = 0.9
BUCKET_CAP = 100  # a band key shared by more sentences is boilerplate: stop growing it
SENT_SIM = 0.5  # token Jaccard for two sentences to count as one (rewritten) sentence
COPY_COVER = 0.7  # share of the smaller article's content matched by the other: a copy
PART_MIN = 0.08  # each part of a stitched article explains at least this share of it
STITCH_COVER = 0.6  # the parts together explain at least this share
STITCH_BEST = 0.9  # ... and no single article explains this much (then it is a copy)
PART_TOKENS = 8  # ... and at least this many content tokens (one table row is not a part)
PART_OVERLAP = 0.3  # parts sharing more of their sentences are copies of one text
SHARED_MAX = 3  # a sentence matched by more articles than this is no stitched part
BOILER_DF = 8  # a sentence in this many articles is boilerplate where it is the minority

_P = (1 << 31) - 1
_rng = np.random.default_rng(20250601)
_A = _rng.integers(1, _P, N_HASHES, dtype=np.uint64)
_B = _rng.integers(0, _P, N_HASHES, dtype=np.uint64)


_LOW = (1 << 62) - 1  # a band key is its band number above 62 bits of row minima

NUMERIC = 1 << 31  # numbers are flagged in their id: two sentences with different figures differ


def _token_id(tok: str) -> int:
    return (zlib.crc32(tok.encode("utf-8")) & 0x7FFFFFFF) | (NUMERIC if tok[0].isdigit() else 0)


def sentence_similarity(a: set[int], b: set[int], *, floor: float = 0.0) -> float:
    """Token Jaccard, scaled by the agreement of the figures when both sentences have some:
    earnings tables and casualty reports share every word but the numbers. 0.0 when the
    Jaccard is under ``floor``: the figures could only lower it, so they are not compared."""
    inter = len(a & b)
    sim = inter / (len(a) + len(b) - inter)
    if sim < floor:
        return 0.0
    na, nb = {t for t in a if t & NUMERIC}, {t for t in b if t & NUMERIC}
    if na and nb and na != nb:
        sim *= len(na & nb) / len(na | nb)
    return sim


def sentence_key(sent: tuple[int, ...]) -> int:
    """A sentence's key for document frequency: its distinct tokens in any order (a 64-bit hash,
    so that the counts fit a table column)."""
    return hash(tuple(sorted(set(sent))))


def exact_key(text: str) -> str:
    """Hash of the text with case, punctuation and spacing removed."""
    words = " ".join(w.lower() for s in sentences(text) for w in s.split())
    return hashlib.sha1("".join(ch for ch in words if ch.isalnum() or ch == " ").encode()).hexdigest()


@dataclass
class Sketch:
    """The compact fingerprint of one article: its sentences as token-id tuples, in order."""

    sents: list[tuple[int, ...]]

    @classmethod
    def of(cls, text: str) -> "Sketch":
        sents = []
        for s in sentences(text):
            ids = tuple(_token_id(t) for t in content_tokens(s))
            if ids:
                sents.append(ids)
        return cls(sents)

    def to_bytes(self) -> bytes:
        lens = np.array([len(s) for s in self.sents], dtype=np.uint32)
        flat = np.array([t for s in self.sents for t in s], dtype=np.uint32)
        return np.uint32(len(lens)).tobytes() + lens.tobytes() + flat.tobytes()

    @classmethod
    def from_bytes(cls, blob: bytes) -> "Sketch":
        n = int(np.frombuffer(blob[:4], dtype=np.uint32)[0])
        lens = np.frombuffer(blob[4:4 + 4 * n], dtype=np.uint32)
        flat = np.frombuffer(blob[4 + 4 * n:], dtype=np.uint32).tolist()
        out, k = [], 0
        for ln in lens.tolist():
            out.append(tuple(flat[k:k + ln]))
            k += ln
        return cls(out)

    def sentence(self, k: int) -> tuple[int, ...]:
        return self.sents[k]

    def sentence_len(self, k: int) -> int:
        return len(self.sents[k])

    def band_keys(self) -> list[list[int]]:
        """Per sentence, its LSH band keys (none for sentences too short to index)."""
        if not self.sents:
            return []
        flat = np.array([t for s in self.sents for t in s], dtype=np.uint64)
        starts = np.cumsum([0] + [len(s) for s in self.sents[:-1]])
        hashed = (flat[:, None] * _A[None, :] + _B[None, :]) % _P
        mins = np.minimum.reduceat(hashed, starts, axis=0).tolist()
        keys = []
        for sent, row in zip(self.sents, mins):
            keys.append([(b << 62) ^ (row[b * BAND_ROWS] << 31) ^ row[b * BAND_ROWS + 1]
                         for b in range(N_HASHES // BAND_ROWS)] if len(set(sent)) >= MIN_TOKENS else [])
        return keys

    def shingles(self) -> list[tuple[int, int]]:
        """(shingle hash, first token position) over the whole token stream."""
        flat = [t for s in self.sents for t in s]
        return [(hash(tuple(flat[p:p + SHINGLE])), p) for p in range(len(flat) - SHINGLE + 1)]

    def sentence_of(self) -> list[int]:
        return [k for k, s in enumerate(self.sents) for _ in s]


class StoredSketch(Sketch):
    """A sketch read back from its bytes, decoded on first use. A batch pages in thousands of
    candidate articles and compares one sentence of most of them: decoding them whole (a tuple
    of ints per sentence) cost 6 ms an article at 12,000 stored, and its transient tuples set
    the Python heap's high-water mark, which grew with the store."""

    def __init__(self, blob: bytes):
        self.blob, self._sents, self._ends = blob, None, None

    @property
    def sents(self) -> list[tuple[int, ...]]:
        if self._sents is None:
            self._sents = Sketch.from_bytes(self.blob).sents
        return self._sents

    def sentence(self, k: int) -> tuple[int, ...]:
        if self._sents is not None:
            return self._sents[k]
        if self._ends is None:
            n = int(np.frombuffer(self.blob[:4], dtype=np.uint32)[0])
            self._ends = (4 + 4 * n + 4 * np.cumsum(np.frombuffer(self.blob[4:4 + 4 * n], dtype=np.uint32),
                                                    dtype=np.int64)).tolist()
        end = self._ends[k]
        start = self._ends[k - 1] if k else 4 + 4 * (len(self._ends))
        return tuple(np.frombuffer(self.blob[start:end], dtype=np.uint32).tolist())

    def sentence_len(self, k: int) -> int:
        if self._sents is not None:
            return len(self._sents[k])
        return int.from_bytes(self.blob[4 + 4 * k:8 + 4 * k], "little")

    def to_bytes(self) -> bytes:
        return self.blob


@dataclass
class Link:
    """Matched sentences between two articles: index -> similarity, on each side."""

    mine: dict[int, float] = field(default_factory=dict)
    theirs: dict[int, float] = field(default_factory=dict)


@dataclass
class Decision:
    cluster: str
    copy_of: str | None = None
    kind: str | None = None  # exact|near|rewrite|stitched
    sources: list[str] = field(default_factory=list)


class CopyIndex:
    """Articles in arrival order (numbered from 0), their sketches, the sentence index and the links.

    Everything is held in memory here; ``StoreIndex`` (``paged.py``) keeps it in the store and
    pages in, per batch, only what the batch meets, through ``_load`` and ``_copies_of``.
    """

    def __init__(self):
        self.n = 0
        self.ids: dict[int, str] = {}
        self.keys: dict[int, str] = {}
        self.decisions: dict[int, Decision] = {}  # the last decisions made (or stored)
        self.sketches: dict[int, Sketch] = {}
        self.exact: dict[str, int] = {}  # exact key -> first article with it
        self.exact_of: dict[int, int] = {}
        self.buckets: dict[int, list[tuple[int, int]]] = {}
        self.shingle_docs: dict[int, list[int]] = {}
        self.df: dict[int, int] = {}  # sentence_key -> articles with that sentence
        self.links: dict[int, dict[int, Link]] = {}
        self._wcache: dict[int, list[float]] = {}
        self._pre: dict[int, tuple[list, list]] = {}  # id(sketch) -> its band keys and shingles, if known
        self.stitched: set[int] = set()  # articles last decided stitched (a few: they are rare)

    def __len__(self) -> int:
        return self.n

    def add(self, doc_id: str, text: str | None = None, *, sketch: Sketch | None = None,
            key: str | None = None, match: bool = True) -> int:
        """Index one article; with ``match``, link it to every earlier article it shares sentences with."""
        i = self.n
        self.n += 1
        self.ids[i] = doc_id
        key = key or exact_key(text or "")
        self.keys[i] = key
        if key in self.exact:
            self.exact_of[i] = self.exact[key]
            self.sketches[i] = Sketch([])
            return i
        self.exact[key] = i
        sk = sketch if sketch is not None else Sketch.of(text or "")
        self.sketches[i] = sk
        keys, shingles = self._pre.pop(id(sk), None) or (sk.band_keys(), sk.shingles())
        if match:
            self._match(i, sk, keys, shingles)
        for h, _ in shingles:
            docs = self.shingle_docs.setdefault(h, [])
            if len(docs) < SHINGLE_CAP and (not docs or docs[-1] != i):
                docs.append(i)
        for j, (sent, ks) in enumerate(zip(sk.sents, keys)):
            fp = sentence_key(sent)
            self.df[fp] = self.df.get(fp, 0) + 1
            for k in ks:
                bucket = self.buckets.setdefault(k, [])
                if len(bucket) < BUCKET_CAP:
                    bucket.append((i, j))
        return i

    def add_link(self, a: int, b: int, mine: dict[int, float], theirs: dict[int, float]) -> None:
        self.links.setdefault(a, {})[b] = Link(mine, theirs)
        self.links.setdefault(b, {})[a] = Link(theirs, mine)

    def _match(self, i: int, sk: Sketch, keys: list[list[int]], shingles: list[tuple[int, int]]) -> None:
        pairs: set[tuple[int, int, int]] = set()
        for j, ks in enumerate(keys):
            for k in ks:
                for other, oj in self.buckets.get(k, ()):
                    pairs.add((j, other, oj))
        found: dict[int, Link] = {}
        sets = {}
        for j, other, oj in pairs:
            a = sets.get(j) or sets.setdefault(j, set(sk.sents[j]))
            osk = self.sketches[other]
            # Jaccard is at most |b| / |a|: most band collisions are far shorter sentences
            # sharing two frequent words, and need not be decoded
            if osk.sentence_len(oj) < SENT_SIM * len(a):
                continue
            sim = sentence_similarity(a, set(osk.sentence(oj)), floor=SENT_SIM)
            if sim >= SENT_SIM:
                link = found.setdefault(other, Link())
                link.mine[j] = max(sim, link.mine.get(j, 0.0))
                link.theirs[oj] = max(sim, link.theirs.get(oj, 0.0))
        self._match_shingles(sk, shingles, found)
        frequent = {j for j, sent in enumerate(sk.sents) if self.df.get(sentence_key(sent), 0) >= BOILER_DF}
        for other, link in found.items():
            # a shared stock line (a footer, a disclaimer) alone links nothing: without this
            # every article carrying it would link to every other one
            if not set(link.mine) <= frequent:
                self.add_link(i, other, link.mine, link.theirs)

    def _match_shingles(self, sk: Sketch, mine_sh: list[tuple[int, int]], found: dict[int, "Link"]) -> None:
        """Sentences whose tokens lie inside shingles shared with another article, whatever the
        sentence boundaries: tables and lines that a copy re-joined or re-split."""
        hits: dict[int, set[int]] = {}
        for h, p in mine_sh:
            for other in self.shingle_docs.get(h, ()):
                hits.setdefault(other, set()).add(p)
        if not hits:
            return
        mine_set = {h for h, _ in mine_sh}
        sent_of = sk.sentence_of()
        for other, starts in hits.items():
            if len(starts) < 2:
                continue
            link = found.setdefault(other, Link())
            osk = self.sketches[other]
            ostarts = {p for h, p in osk.shingles() if h in mine_set}
            for side, sketch, ps, so in ((link.mine, sk, starts, sent_of),
                                         (link.theirs, osk, ostarts, osk.sentence_of())):
                covered = [0] * len(sketch.sents)
                for p in {p + d for p in ps for d in range(SHINGLE)}:
                    covered[so[p]] += 1
                for k, c in enumerate(covered):
                    share = c / len(sketch.sents[k])
                    if share >= SHINGLE_COVER and share > side.get(k, 0.0):
                        side[k] = share

    # -- decisions -------------------------------------------------------------------
    def _weights(self, i: int) -> list[float]:
        sents = self.sketches[i].sents
        w = [float(len(set(s))) for s in sents]
        common = [k for k, s in enumerate(sents) if self.df.get(sentence_key(s), 0) >= BOILER_DF]
        # frequent sentences are boilerplate only when they are a minority: a story
        # syndicated many times has all its sentences frequent, and must still match
        if common and sum(w[k] for k in common) < 0.5 * sum(w):
            for k in common:
                w[k] = 0.0
        return w

    def cover(self, i: int, j: int) -> float:
        """Share of article i's content matched by article j's sentences."""
        if i not in self._wcache:
            self._wcache[i] = self._weights(i)
        w = self._wcache[i]
        link = self.links.get(i, {}).get(j)
        return sum(w[k] * s for k, s in link.mine.items()) / (sum(w) or 1.0) if link else 0.0

    def decide(self, only: set[int] | None = None) -> dict[int, Decision]:
        """Cluster, copy and stitched decisions for every article, or for the articles whose
        decision ``only`` can change (see ``_component``)."""
        if only is None:
            return self._decide(list(range(self.n)), set())
        seeds = set(only)
        while True:
            nodes = self._component(seeds)
            out = self._decide(sorted(nodes), self.stitched - nodes)
            # an earlier article that became stitched (its sources arrived) or stopped being
            # one changes what its own neighbours may take as parts: decide them again too
            flipped = {i for i, d in out.items() if (d.kind == "stitched") != (i in self.stitched)} - seeds
            if not flipped:
                break
            seeds |= flipped
        self.stitched = (self.stitched - set(out)) | {i for i, d in out.items() if d.kind == "stitched"}
        return out

    def _decide(self, nodes: list[int], stitched_outside: set[int]) -> dict[int, Decision]:
        """The decisions of ``nodes``; ``stitched_outside``: stitched articles among the others,
        which may be no one's part."""
        self._wcache = {}
        members = set(nodes)
        weights = {}
        for i in members | {j for i in nodes for j in self.links.get(i, {})}:
            weights[i] = self._wcache[i] = self._weights(i)
        totals = {i: sum(w) or 1.0 for i, w in weights.items()}
        cover = self.cover

        def parts(i: int, exclude: set[int]) -> tuple[list[int], float, float]:
            """Greedy cover of i by its neighbours: the parts, their union and the best single share."""
            covered, chosen = {}, []
            cands = [j for j in self.links.get(i, {}) if j not in exclude and j in weights]
            # a sentence many articles share (a stock phrase, a table row) is no one's part
            n_match: dict[int, int] = {}
            for j in cands:
                for k in self.links[i][j].mine:
                    n_match[k] = n_match.get(k, 0) + 1
            w = [x if n_match.get(k, 0) <= SHARED_MAX else 0.0 for k, x in enumerate(weights[i])]
            best = max((cover(i, j) for j in cands), default=0.0)
            while cands:
                gains = [(sum(w[k] * max(0.0, s - covered.get(k, 0.0))
                              for k, s in self.links[i][j].mine.items()) / totals[i], j) for j in cands]
                gain, j = max(gains)
                if gain < PART_MIN or gain * totals[i] < PART_TOKENS:
                    break
                chosen.append(j)
                for k, s in self.links[i][j].mine.items():
                    covered[k] = max(covered.get(k, 0.0), s)
                cands.remove(j)
            return chosen, sum(w[k] * s for k, s in covered.items()) / totals[i], best

        def is_stitched(i: int, exclude: set[int]) -> list[int]:
            chosen, union, best = parts(i, exclude)
            if len(chosen) < 2 or union < STITCH_COVER or best >= STITCH_BEST:
                return []
            # the parts must be distinct stories: sources of a stitched article explain different
            # sentences, while two copies of one original (lead, edited) explain the same ones
            for a in chosen:
                for b in chosen:
                    ma, mb = set(self.links[i][a].mine), set(self.links[i][b].mine)
                    if a < b and len(ma & mb) > PART_OVERLAP * min(len(ma), len(mb)):
                        return []
            return chosen

        stitched: dict[int, list[int]] = {}
        cands = [(parts(i, stitched_outside)[1], i) for i in nodes if len(self.links.get(i, {})) >= 2]
        for _, i in sorted(cands, reverse=True):
            if i not in members:
                continue
            src = is_stitched(i, stitched_outside | set(stitched))
            if src:
                stitched[i] = src
        parent = {i: i for i in nodes}

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        best_link: dict[int, tuple[float, int]] = {}
        for i in nodes:
            if i in self.exact_of:
                parent[find(i)] = find(self.exact_of[i])
                continue
            if i in stitched:
                continue
            for j in self.links.get(i, {}):
                if j in stitched or j not in members:
                    continue
                share = max(cover(i, j), cover(j, i))
                if share >= COPY_COVER:
                    a, b = find(i), find(j)
                    parent[max(a, b)] = min(a, b)  # the earliest article names the cluster
                    if share > best_link.get(i, (0.0, -1))[0]:
                        best_link[i] = (share, j)
        out = {}
        for i in nodes:
            root = find(i)
            d = Decision(cluster=self.ids[root])
            if i in stitched:
                d.kind, d.sources = "stitched", [self.ids[j] for j in stitched[i]]
            elif i in self.exact_of:
                d.kind, d.copy_of = "exact", self.ids[self.exact_of[i]]
            elif root != i:
                d.copy_of = self.ids[root]
                sims = list(self.links[i][best_link[i][1]].mine.values()) if i in best_link else []
                d.kind = "near" if sims and min(sims) >= 0.95 else "rewrite"
            out[i] = d
        return out

    def _component(self, seeds: set[int]) -> set[int]:
        """The articles whose decision the seeds can change: the seeds, the articles they could
        be a part or a copy of, and the copy clusters of all of these. Following every link that
        could make a part, as this once did, pulled in a component that grew with the store
        (2,300 of 12,000 Reuters articles, re-decided for every batch: 35 ms an article)."""
        self._wcache = {}
        seen, todo, level = set(), set(seeds), PART_MIN
        while todo:  # breadth first, so that the store's index pages in one level at a time
            self._load(todo)
            seen |= todo
            nxt = {self.exact_of[i] for i in todo if i in self.exact_of}
            nxt.update(j for i in todo for j in self.links.get(i, {}) if self._strength(i, j) >= level)
            todo, level = nxt - seen, COPY_COVER
        # exact copies of any member belong to its cluster too
        copies = self._copies_of(seen) - seen
        self._load(copies)
        return seen | copies

    def _strength(self, i: int, j: int) -> float:
        return max(self.cover(i, j), self.cover(j, i))

    def _load(self, nodes: set[int]) -> None:
        """Make the links of ``nodes`` and the sketches and sentence counts of them and their
        neighbours available (here they always are)."""

    def _copies_of(self, nodes: set[int]) -> set[int]:
        return {i for i, j in self.exact_of.items() if j in nodes}

    def new_rows(self, start: int) -> dict[str, "object"]:
        """The band keys, shingles and sentence keys that articles ``start`` onwards added to
        the index, as Arrow tables for the store (``StoreIndex`` reads them back)."""
        import pyarrow as pa

        bands = [(k >> 62, k & _LOW, i, j) for k, b in self.buckets.items() for i, j in b if i >= start]
        shingles = [(h, i) for h, docs in self.shingle_docs.items() for i in docs if i >= start]
        sents = [sentence_key(s) for i in range(start, self.n) if i not in self.exact_of
                 for s in self.sketches[i].sents]

        def table(names, types, rows):
            cols = list(zip(*rows)) or [[] for _ in names]
            return pa.table({n: pa.array(c, type=t) for n, t, c in zip(names, types, cols)})

        return {"dedup_bands": table(("band", "key", "pos", "sent"),
                                     (pa.uint8(), pa.int64(), pa.int32(), pa.int32()), bands),
                "dedup_shingles": table(("h", "pos"), (pa.int64(), pa.int32()), shingles),
                "dedup_sentences": table(("fp",), (pa.int64(),), [(f,) for f in sents])}
