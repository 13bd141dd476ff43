"""The library's entry points. The CLI and the HTTP views call these and nothing else."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence, Union

from ._alloc import release_memory
from ._batches import batched
from .config import DEFAULT_DB, Options
from .errors import E, SitrepError
from .records import Document, Extraction, Rejected

Item = Union[Document, Rejected]
Result = Union[Extraction, Rejected]
Progress = Optional[Callable[[int], None]]
DUCKDB_MEMORY_MB = 64  # the store's buffer pool during ingest, doubled when a batch needs more
RECONNECT_EVERY = 10  # batches on one DuckDB connection during ingest (Store.reconnect)


def _timed(items: Iterable, timings: dict | None, key: str) -> Iterator:
    """``items`` unchanged, with the time spent producing them added to ``timings[key]``."""
    if timings is None:
        yield from items
        return
    import time

    it = iter(items)
    while True:
        t0 = time.perf_counter()
        try:
            item = next(it)
        except StopIteration:
            break
        finally:
            timings[key] = timings.get(key, 0.0) + time.perf_counter() - t0
        yield item


def _extract_batch(documents: Sequence[Document], options: Options,
                   timings: dict | None = None) -> list[Result]:
    """Parse and extract one batch; a document that fails becomes a Rejected record."""
    import time

    from .extract import run_stages
    from .nlp.pipeline import bound_caches, load_nlp, parse_documents

    out: list[Result] = []
    t0 = time.perf_counter()
    cut = [d if len(d.text) <= options.max_chars else d.replace(text=d.text[: options.max_chars])
           for d in documents]
    # the strings and lexemes spaCy adds for a batch's new words (figures, names) are freed
    # after it: without the zone the vocabulary grows with every new word parsed. Records
    # hold plain strings and offsets, never a Token or Doc, so nothing outlives the zone
    with load_nlp(options.model).memory_zone():
        parsed_all = list(parse_documents(cut, model=options.model, batch_size=options.batch_size,
                                          batch_chars=options.batch_chars))
        if timings is not None:
            timings["parse"] = timings.get("parse", 0.0) + time.perf_counter() - t0
        for parsed in parsed_all:
            try:
                out.append(confident(run_stages(parsed, stages=options.stages, timings=timings),
                                     options.min_event_confidence))
            except Exception as exc:  # one document's failure must never end the batch
                where = parsed.document.path or parsed.id
                out.append(Rejected(where=where, code=E.E009.code,
                                    reason=E.E009.format(where=where, reason=f"{type(exc).__name__}: {exc}")))
        del parsed_all
    bound_caches(load_nlp(options.model))
    _freeze_loaded()
    return out


def confident(ex: Extraction, floor: float) -> Extraction:
    """The extraction with only the events at or above ``floor`` confidence, renumbered."""
    if not floor:
        return ex
    kept = [v for v in ex.events if v.confidence is None or v.confidence >= floor]
    if len(kept) == len(ex.events):
        return ex
    return ex.replace(events=tuple(v.replace(id=f"v{n}") for n, v in enumerate(kept, 1)))


_frozen = False


def _freeze_loaded() -> None:
    """After a process's first batch the model and the knowledge-base tables are loaded for
    its life: ~145,000 objects that every full garbage collection walked again (gen-2 time per
    1,000 Reuters articles 0.31 -> 0.14 s with them frozen). Frozen objects are still freed
    when nothing refers to them; the collector no longer looks for cycles among them."""
    global _frozen
    if not _frozen:
        import gc

        _frozen = True
        gc.freeze()


# worker-process state: the model is loaded once per worker by the initializer
_worker_options: Options | None = None
_worker_failure: str | None = None  # why the model did not load, raised on the first batch


def _worker_init(options: Options) -> None:
    global _worker_options, _worker_failure
    from .nlp.pipeline import load_nlp

    _worker_options = options
    try:
        load_nlp(options.model)
    except Exception as exc:  # a pool restarts workers whose initializer raises, forever
        _worker_failure = str(exc)


def _worker_run(documents: list[Document]) -> tuple[list[Result], dict]:
    # records travel pickled: eight times cheaper than a to_dict/from_dict round trip
    assert _worker_options is not None
    if _worker_failure is not None:
        raise RuntimeError(_worker_failure)
    timings: dict = {}
    try:
        return _extract_batch(documents, _worker_options, timings), timings
    finally:
        release_memory()


def _check_model(model: str) -> None:
    """Fail in the main process, with the error code, before starting workers that would fail."""
    import importlib.util

    if not Path(model).exists() and importlib.util.find_spec(model.split(".")[0]) is None:
        from .errors import SitrepError

        raise SitrepError(E.E010, model=model)


def _merge_timings(into: dict | None, part: dict) -> None:
    if into is not None:
        for key, seconds in part.items():
            into[key] = into.get(key, 0.0) + seconds


def extract_pairs(items: Iterable[Item], *, options: Options = Options(),
                  timings: dict | None = None) -> Iterator[tuple[Item, Result]]:
    """(input, result) for a stream of inputs, in input order.

    A Rejected input is its own result. With ``options.n_process > 1`` batches go to
    worker processes, each of which loads the model once; with ``timings`` the workers'
    stage times are summed in (CPU seconds across workers, not wall time).
    """
    batches = batched(items, options.batch_size, options.batch_chars)
    if options.n_process <= 1:
        for batch in batches:
            docs = [d for d in batch if isinstance(d, Document)]
            results = iter(_extract_batch(docs, options, timings) if docs else [])
            for item in batch:
                yield item, (item if isinstance(item, Rejected) else next(results))
        return

    import multiprocessing as mp
    from collections import deque

    # pool.imap reads its input as fast as it can and buffers every finished result, so
    # on a corpus larger than memory it grows without bound; submitting by hand keeps at
    # most two batches per worker in flight (one running, one queued) and memory flat
    in_flight = 2 * options.n_process
    _check_model(options.model)
    ctx = mp.get_context("spawn")
    with ctx.Pool(options.n_process, initializer=_worker_init, initargs=(options,)) as pool:
        pending: deque = deque()

        def finished(batch: list, job) -> Iterator[tuple[Item, Result]]:
            done, part = job.get()
            _merge_timings(timings, part)
            results = iter(done)
            for item in batch:
                yield item, (item if isinstance(item, Rejected) else next(results))

        for batch in batches:
            docs = [d for d in batch if isinstance(d, Document)]
            pending.append((batch, pool.apply_async(_worker_run, (docs,))))
            if len(pending) >= in_flight:
                yield from finished(*pending.popleft())
        while pending:
            yield from finished(*pending.popleft())


def extract_documents(items: Iterable[Item], *, options: Options = Options(),
                      timings: dict | None = None) -> Iterator[Result]:
    """Extraction records for a stream of documents, in input order; bad inputs as Rejected."""
    for _, result in extract_pairs(items, options=options, timings=timings):
        yield result


def extract_text(text: str, *, doc_id: str = "text", published: str | None = None,
                 title: str | None = None, options: Options = Options()) -> Extraction:
    """Extract one article given as a string."""
    doc = Document(id=doc_id, text=text, published=published, title=title)
    (result,) = list(extract_documents([doc], options=options))
    if isinstance(result, Rejected):
        from .errors import SitrepError

        raise SitrepError(E.E009, where=doc_id, reason=result.reason)
    return result


def extract_paths(paths: Sequence[Union[str, Path]], *, options: Options = Options()) -> Iterator[Result]:
    """Extraction records for every document under ``paths`` (files, folders, JSONL, '-')."""
    from .ingest.readers import read_inputs

    return extract_documents(read_inputs(paths), options=options)


@dataclass
class IngestSummary:
    read: int = 0
    added: int = 0
    skipped_existing: int = 0
    copies: int = 0
    rejected: list[Rejected] = field(default_factory=list)


def ingest(paths: Sequence[Union[str, Path]], *, db: Union[str, Path] = DEFAULT_DB,
           options: Options = Options(), progress: Progress = None) -> IngestSummary:
    """Read, extract and store every document under ``paths``; idempotent and resumable.

    Articles already in the store (by normalised content hash) are not extracted again.
    Each batch is committed as one transaction: a run killed at any moment loses at most
    the batch in flight, and running it again completes the corpus exactly once.
    """
    from .ingest.readers import read_inputs

    # nothing to read at all is the user's mistake, not an empty batch: no store is made for it
    missing = [p for p in paths if str(p) != "-" and not Path(p).exists()]
    if paths and len(missing) == len(paths):
        raise SitrepError(E.E008, path=missing[0])
    return ingest_documents(read_inputs(paths), db=db, options=options, progress=progress)


def ingest_parquet(folder: Union[str, Path], *, db: Union[str, Path] = DEFAULT_DB) -> IngestSummary:
    """Add the Parquet tables of a ``spark_ingest`` run to the store; articles already there are skipped."""
    from .store import Store

    with Store(db) as store:
        stats = store.load_parquet(folder)
    return IngestSummary(read=stats["read"], added=stats["added"], skipped_existing=stats["read"] - stats["added"])


def ingest_documents(items: Iterable[Item], *, db: Union[str, Path] = DEFAULT_DB,
                     options: Options = Options(), progress: Progress = None,
                     timings: dict | None = None) -> IngestSummary:
    import threading
    import time
    from concurrent.futures import ThreadPoolExecutor

    import duckdb

    from .ingest.readers import content_hash
    from .store import Store

    summary = IngestSummary()
    # the store keeps every event with its confidence: queries, the report and exports threshold it
    options = dataclasses.replace(options, min_event_confidence=0.0)
    lock = threading.Lock()  # one DuckDB connection, used by one thread at a time
    with Store(db) as store:
        # DuckDB caches written blocks up to 80% of RAM by default: over 20,000 articles the
        # main process grew 261 -> 430 MB mid-run, 265 -> 356 MB with a 256 MB cap. What it
        # cannot evict (indexes, data not yet checkpointed) grows with the store: with a 32 MB
        # cap a query failed at 16,000 articles, so the cap doubles when a batch needs it.
        # One thread: the copy index's queries are small and the workers need the cores
        memory_mb = [DUCKDB_MEMORY_MB]

        def configure(reconnect: bool = False):
            if reconnect:  # see Store.reconnect
                store.reconnect()
            store.con.execute(f"SET memory_limit = '{memory_mb[0]}MB'")
            store.con.execute("SET threads = 1")
            # DuckDB's allocator keeps what a task freed until the task's peak passes this
            # (128 MB by default), which our small queries never reach; 20,000 vs 2,000
            # Reuters articles, peak RSS ratio 1.090-1.107 at the default, 1.084-1.088 at 4 MB
            store.con.execute("SET allocator_flush_threshold = '4MB'")

        configure()

        def roomy(call):
            """``call()``, redone with twice the cap while DuckDB runs out of memory (a batch
            that failed, even at its commit, was rolled back whole)."""
            while True:
                try:
                    return call()
                except duckdb.Error as exc:
                    # at COMMIT, running out comes as a TransactionException ("failed to pin block")
                    if memory_mb[0] >= 8192 or not (isinstance(exc, duckdb.OutOfMemoryException)
                                                    or "could not allocate" in str(exc)
                                                    or "failed to pin block" in str(exc)):
                        raise
                    # a new connection, too: after an insert ran out of memory the rolled-back
                    # rows' keys could stay in the primary-key index (duplicate key on the redo)
                    store.abandon()
                    memory_mb[0] *= 2
                    configure(reconnect=True)

        def new_only(stream):
            for batch in batched(_timed(stream, timings, "read"), options.batch_size * 4):
                t0 = time.perf_counter()
                hashes = {id(i): content_hash(i.text) for i in batch if isinstance(i, Document)}
                with lock:
                    known = roomy(lambda: store.known_hashes(list(hashes.values())))
                if timings is not None:
                    timings["skip_known"] = timings.get("skip_known", 0.0) + time.perf_counter() - t0
                seen_here: set[str] = set()
                for item in batch:
                    summary.read += 1
                    if isinstance(item, Document):
                        h = hashes[id(item)]
                        if h in known or h in seen_here:
                            summary.skipped_existing += 1
                            if progress:
                                progress(1)
                            continue
                        seen_here.add(h)
                    yield item

        def write(prepared, good: list, rejected: list) -> dict:
            t0 = time.perf_counter()
            first = [prepared]

            def once():  # after running out of memory the copy index is gone: prepare anew
                return store.write_batch(first.pop() if first else
                                         store.prepare_batch(good, rejected, dedup=options.dedup))

            with lock:
                stats = roomy(once)
                release_memory()
            _merge_timings(timings, {"store": time.perf_counter() - t0})
            return stats

        def finished(n: int, good: list, rejected: list, job) -> None:
            stats = job.result()
            summary.added += stats.get("added", 0)
            # a copy of an article still in flight when it was read is only caught at commit
            summary.skipped_existing += len(good) - stats.get("added", 0)
            summary.copies += stats.get("copies", 0)
            summary.rejected.extend(rejected)
            if progress:
                progress(n)

        # store batches by count alone: a commit's cost is mostly per batch (~25 queries), and
        # cut by characters too there were 74 batches for 2,000 Reuters articles, not 63.
        # A batch's rows are made (copy detection, Arrow tables) once the batch before it is
        # written; DuckDB then writes them in a second thread, without the GIL, while the next
        # batch is parsed. Committing whole batches in that thread made 2,000 Reuters articles
        # 7% faster, but its Python competed with the parse for the GIL, and its memory peaks
        # met the parse's: peak RSS at 20,000 articles 538 MB, against 498 in one thread.
        # One write in flight at most: a failed write stops the ingest when the next batch is ready
        with ThreadPoolExecutor(1, thread_name_prefix="sitrep-store") as writer:
            pending = None
            for k, batch in enumerate(batched(extract_pairs(new_only(items), options=options, timings=timings),
                                              options.batch_size)):
                if pending is not None:
                    finished(*pending)
                good = [(d, r) for d, r in batch if isinstance(r, Extraction)]
                rejected = [r for _, r in batch if isinstance(r, Rejected)]
                t0 = time.perf_counter()
                with lock:
                    if k and k % RECONNECT_EVERY == 0:
                        configure(reconnect=True)
                    prepared = roomy(lambda: store.prepare_batch(good, rejected, dedup=options.dedup))
                _merge_timings(timings, {"store": time.perf_counter() - t0})
                pending = (len(batch), good, rejected, writer.submit(write, prepared, good, rejected))
            if pending is not None:
                finished(*pending)
    return summary
