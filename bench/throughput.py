"""Throughput and memory of sitrep end to end against bare spaCy, on the Reuters corpus.

    python bench/throughput.py [--n 2000] [--batch-size 32] [--processes 1 2] [--memory-n 20000] [--json]

Every configuration runs in its own child process so that each peak RSS is its own: bare
``nlp.pipe`` over the texts (the model as ``spacy.load`` gives it, without sitrep's components;
same batch size and text cut as sitrep), then
``api.ingest_documents`` into a fresh temporary store, once per process count. Times
include loading the model, for spaCy and sitrep alike. Stage times are summed over worker
processes (CPU seconds), so with several processes they add up to more than the wall time.
With ``--memory-n`` sitrep also ingests that many articles with each process count (the
corpus is cycled past its 19,043 articles, each pass with a marker line so that no article
is an exact copy) and the peak RSS is compared with the ``--n`` run.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared")) / "corpora" / "reuters21578.jsonl"


def corpus_items(path: Path, n: int):
    """The first ``n`` items of the corpus, streamed; past its end it starts again, marked."""
    from sitrep.ingest.readers import read_jsonl_file
    from sitrep.records import Document

    def passes():
        for k in itertools.count():
            for item in read_jsonl_file(path):
                if k and isinstance(item, Document):
                    item = item.replace(id=f"{item.id}~{k}", text=f"{item.text}\n\n(Pass {k}.)")
                yield item

    return itertools.islice(passes(), n)


def tree_rss_mb(pid: int, *, children: bool = True) -> float:
    """Resident memory of a process and all its descendants, from /proc."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{p}/task") if children else ():
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError, ValueError):
            continue
    return total / 2**20


# -- child side: one configuration, one JSON line on stdout ----------------------------------------
def run_spacy(cfg: dict) -> dict:
    import spacy

    from sitrep.config import Options
    from sitrep.records import Document

    options = Options(batch_size=cfg["batch_size"])
    t0 = time.perf_counter()
    nlp = spacy.load(options.model)  # the model as it ships: none of sitrep's components
    load = time.perf_counter() - t0
    texts = (d.text[: options.max_chars] for d in corpus_items(Path(cfg["corpus"]), cfg["n"])
             if isinstance(d, Document))
    n = sum(1 for _ in nlp.pipe(texts, batch_size=options.batch_size, n_process=cfg["processes"]))
    return {"articles": n, "seconds": time.perf_counter() - t0, "stages": {"load": load}}


def run_sitrep(cfg: dict) -> dict:
    import sitrep.dedup
    from sitrep.api import ingest_documents
    from sitrep.config import Options
    from sitrep.nlp.pipeline import load_nlp

    timings: dict = {}
    assign = sitrep.dedup.assign_copies

    def timed_assign(*args, **kwargs):  # the store calls it inside add_batch: split dedup from store
        t = time.perf_counter()
        try:
            return assign(*args, **kwargs)
        finally:
            timings["dedup"] = timings.get("dedup", 0.0) + time.perf_counter() - t

    sitrep.dedup.assign_copies = timed_assign
    options = Options(batch_size=cfg["batch_size"], n_process=cfg["processes"], dedup=cfg.get("dedup", True))
    t0 = time.perf_counter()
    if options.n_process == 1:
        load_nlp(options.model)
        timings["load"] = time.perf_counter() - t0
    done = [0]
    trace = open(cfg["trace"], "a") if cfg.get("trace") else None

    every = max(1, cfg["n"] // 20)

    def progress(k: int) -> None:  # peak memory so far, every 5% of the run: flat or growing?
        before, done[0] = done[0], done[0] + k
        if trace and done[0] // every > before // every:
            trace.write(json.dumps({"n": cfg["n"], "processes": options.n_process, "dedup": options.dedup,
                                    "done": done[0], "seconds": round(time.perf_counter() - t0, 1),
                                    "main_mb": round(tree_rss_mb(os.getpid(), children=False)),
                                    "tree_mb": round(tree_rss_mb(os.getpid())),
                                    "peak_tree_mb": round(cfg["sampler"].peak)}) + "\n")
            trace.flush()

    with tempfile.TemporaryDirectory() as tmp:
        summary = ingest_documents(corpus_items(Path(cfg["corpus"]), cfg["n"]), db=Path(tmp) / "bench.duckdb",
                                   options=options, timings=timings, progress=progress)
        seconds = time.perf_counter() - t0
        db_bytes = sum(f.stat().st_size for f in Path(tmp).iterdir())
    if "dedup" in timings:
        timings["store"] = timings.get("store", 0.0) - timings["dedup"]
    # the rate counts every article read, as bare spaCy does; exact copies are read and skipped
    return {"articles": summary.read, "added": summary.added, "skipped": summary.skipped_existing,
            "rejected": len(summary.rejected), "seconds": seconds, "stages": timings, "db_bytes": db_bytes}


class PeakRSS(threading.Thread):
    """Samples the resident memory of this process and its workers, five times a second."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak = 0.0

    def run(self):
        while True:
            self.peak = max(self.peak, tree_rss_mb(os.getpid()))
            time.sleep(0.2)


def child(cfg: dict) -> None:
    import resource

    sampler = PeakRSS()
    sampler.start()
    cfg["sampler"] = sampler
    out = (run_spacy if cfg["kind"] == "spacy" else run_sitrep)(cfg)
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    out["rss_main_mb"] = me.ru_maxrss / 1024
    out["rss_worker_mb"] = kids.ru_maxrss / 1024
    # CPU seconds of every thread and worker: the store writes in a second thread, so a
    # 1-process run can use more than one core (this child's RSS sampler is included, ~0.1%)
    out["cpu_seconds"] = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    out["rss_tree_mb"] = max(sampler.peak, tree_rss_mb(os.getpid()))
    sys.stdout.write(json.dumps(out) + "\n")


# -- parent side ---------------------------------------------------------------------------------
def measure(cfg: dict) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", json.dumps(cfg)], stdout=subprocess.PIPE,
                          cwd=ROOT, text=True)
    if proc.returncode:
        raise SystemExit(f"configuration {cfg} failed with exit code {proc.returncode}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result.update(cfg, rate=result["articles"] / result["seconds"])
    return result


def render(results: list[dict], summary: dict) -> str:
    lines = [f"machine: {os.cpu_count()} cores; corpus {summary['corpus']}", "",
             f"{'configuration':<22}{'articles':>9}{'seconds':>9}{'CPU s':>8}{'art/s':>8}{'RSS main':>10}"
             f"{'worker':>8}{'tree':>8}  (MB)"]
    for r in results:
        lines.append(f"{r['kind'] + ' x' + str(r['processes']) + ' n=' + str(r['n']):<22}{r['articles']:>9}"
                     f"{r['seconds']:>9.1f}{r['cpu_seconds']:>8.1f}{r['rate']:>8.1f}{r['rss_main_mb']:>10.0f}{r['rss_worker_mb']:>8.0f}"
                     f"{r['rss_tree_mb']:>8.0f}")
    lines.append("")
    for key, value in summary.items():
        if key != "corpus":
            lines.append(f"{key}: {value:.2f}" if isinstance(value, float) else f"{key}: {value}")
    for r in results:
        if r["kind"] == "sitrep":
            stages = r["stages"]
            total = sum(v for k, v in stages.items() if k != "load") or 1.0
            lines.append("")
            lines.append(f"stages, sitrep x{r['processes']} n={r['n']} (seconds, share of stage time):")
            for name, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
                lines.append(f"  {name:<12}{secs:>9.2f}  {100 * secs / total if name != 'load' else 0:5.1f}%"
                             f"  {1000 * secs / max(r['articles'], 1):7.2f} ms/article")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="articles per configuration")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--processes", type=int, nargs="+", default=[1, 2], help="process counts to run sitrep with")
    ap.add_argument("--memory-n", type=int, default=0, help="also ingest this many articles to compare peak RSS")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--no-spacy", action="store_true", help="skip the bare spaCy baseline")
    ap.add_argument("--no-dedup", action="store_true", help="ingest without copy detection")
    ap.add_argument("--trace", type=Path, help="append the peak memory so far at every 5%% of each run to this JSON Lines file")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(json.loads(args.child))
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus} (set SITREP_SHARED to the shared folder)")
    # one article first, untimed: one-time builds (the gazetteer cache on a fresh machine) are
    # not what this measures
    from sitrep.api import extract_text

    extract_text("Officials in Paris said on Monday that 12 people were hurt.")
    base = {"n": args.n, "batch_size": args.batch_size, "corpus": str(args.corpus),
            "trace": str(args.trace) if args.trace else None, "dedup": not args.no_dedup}
    results = [] if args.no_spacy else [measure({**base, "kind": "spacy", "processes": 1})]
    results += [measure({**base, "kind": "sitrep", "processes": p}) for p in args.processes]
    by = {(r["kind"], r["processes"], r["n"]): r for r in results}
    summary: dict = {"corpus": str(args.corpus), "cores": os.cpu_count()}
    if ("sitrep", 1, args.n) in by and ("spacy", 1, args.n) in by:
        summary["sitrep x1 / spacy x1 (target >= 0.6)"] = \
            by[("sitrep", 1, args.n)]["rate"] / by[("spacy", 1, args.n)]["rate"]
        summary["sitrep x1 / spacy x1, articles per CPU second"] = \
            by[("spacy", 1, args.n)]["cpu_seconds"] / by[("sitrep", 1, args.n)]["cpu_seconds"]
    top = max(args.processes)
    if top > 1 and ("sitrep", 1, args.n) in by:
        summary[f"sitrep x{top} / sitrep x1 (target >= 1.7)"] = \
            by[("sitrep", top, args.n)]["rate"] / by[("sitrep", 1, args.n)]["rate"]
    for p in args.processes if args.memory_n else ():
        big = measure({**base, "n": args.memory_n, "kind": "sitrep", "processes": p})
        results.append(big)
        small = by[("sitrep", p, args.n)]
        for part in ("tree", "main") + (("worker",) if p > 1 else ()):
            summary[f"x{p} peak RSS {part} n={args.memory_n} / n={args.n} (target <= 1.10)"] = \
                big[f"rss_{part}_mb"] / small[f"rss_{part}_mb"]
    if args.json:
        print(json.dumps({"summary": summary, "results": results}, indent=2))
    else:
        print(render(results, summary), end="")


if __name__ == "__main__":
    main()
