#!/usr/bin/env python3
"""A precision-check sample of sitrep's quotes on held-out Reuters articles, for human judges.

    python bench/judge/sample_quotes.py --out bench/out/judge/quotes_after.jsonl

Held out: Reuters-21578 articles whose id ``reuters-<N>`` has N % 10 == 7. No quote rule was
written from them; rules are read from other ids, ggt_dev and polnear_train only. The articles
are taken in one fixed shuffled order (``--seed``), independent of what the code extracts, so
that samples of two versions of the code share the same leading articles; each article gives
at most ``--per-article`` of its quotes (a seeded choice when it has more) until ``--quotes``
quotes are collected. ``--skip FILE`` (repeatable) leaves out the articles of an earlier sample
(or of its committed labels), for a fresh sample of new articles:

    python bench/judge/sample_quotes.py --seed 19 --skip bench/judge/quotes_before.labels.jsonl \
        --skip bench/judge/quotes_after.labels.jsonl --out bench/out/judge/quotes_after2.jsonl

One JSON line per quote: the article, the paragraph(s) around the quote (from the paragraph
before it to the one where quote, speaker and cue end, with ``context_start``, the offset of
the context in the article), the quote (text, span, type, parts), its speaker (text, span,
resolved name, kind), cue and medium, whether it is a floating quote (its speaker named
before it) or continues another piece, the commit that produced it, and the judgement fields
``is_quote`` (something a person or body said or wrote) and ``speaker_right`` (the speaker and
resolved name are who said it), left ``null`` for the judge.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"
HELD_OUT_DIGIT = 7  # reuters-<N> with N % 10 == 7


def held_out(path: Path) -> list:
    """The held-out Reuters documents, in corpus order."""
    from sitrep.ingest.readers import read_jsonl_file
    from sitrep.records import Document

    out = []
    for item in read_jsonl_file(path):
        if isinstance(item, Document) and item.id.startswith("reuters-"):
            number = item.id.removeprefix("reuters-")
            if number.isdigit() and int(number) % 10 == HELD_OUT_DIGIT:
                out.append(item)
    return out


def sampled_articles(path: Path) -> set[str]:
    """The articles of an earlier sample (or of its labels): a new sample leaves them out, so that
    no article is judged twice across versions."""
    with open(path, encoding="utf-8") as fh:
        return {json.loads(line)["article"] for line in fh if line.strip()}


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """From the start of the paragraph before the one holding ``start`` to the end of the one
    holding ``end`` (a quote's speaker may be named in the paragraph before)."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    first = max((i for i, (s, _) in enumerate(paragraphs) if s <= start), default=0)
    last = max((i for i, (s, _) in enumerate(paragraphs) if s < end), default=first)
    return paragraphs[max(0, first - 1)][0], paragraphs[last][1]


def quote_rows(document, extraction, *, per_article: int, seed: int, commit: str) -> list[dict]:
    quotes = list(extraction.quotes)
    if len(quotes) > per_article:
        keep = set(random.Random(f"{seed}:{document.id}").sample(range(len(quotes)), per_article))
        quotes = [q for i, q in enumerate(quotes) if i in keep]
    rows = []
    text = document.text
    for q in quotes:
        ends = [q.span[1]] + [x.span[1] for x in (q.speaker, q.cue) if x is not None and x.span]
        starts = [q.span[0]] + [x.span[0] for x in (q.speaker, q.cue) if x is not None and x.span]
        lo, hi = paragraph_bounds(text, min(starts), max(ends))
        speaker = q.speaker
        rows.append({
            "article": document.id, "title": document.title, "commit": commit,
            "context": text[lo:hi], "context_start": lo,
            "quote": {"id": q.id, "text": q.text, "span": list(q.span), "type": q.type,
                      "parts": [list(p) for p in q.parts],
                      # since issue 18: a piece that goes on from another, a quote with no cue of
                      # its own whose speaker was named before it (getattr: the code before lacks them)
                      "continues": getattr(q, "continues", None), "floating": getattr(q, "floating", False)},
            "speaker": None if speaker is None else {
                "text": speaker.text, "span": list(speaker.span) if speaker.span else None,
                "name": speaker.name, "kind": speaker.kind},
            "cue": None if q.cue is None else {"text": q.cue.text, "span": list(q.cue.span)},
            "medium": q.medium,
            "is_quote": None, "speaker_right": None,
        })
    return rows


def commit_of(root: Path) -> str:
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=root, capture_output=True, text=True)
    return proc.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "") if proc.returncode == 0 else "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="the JSONL to write (bench/out/judge/quotes_*.jsonl: the text is not committed)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--quotes", type=int, default=260, help="quotes to collect")
    ap.add_argument("--per-article", type=int, default=8, help="quotes one article may give, at most")
    ap.add_argument("--batch", type=int, default=16, help="articles extracted at a time")
    ap.add_argument("--skip", type=Path, action="append", default=[],
                    help="a sample or labels JSONL whose articles to leave out (its rows' \"article\"); repeatable")
    args = ap.parse_args(argv)

    from sitrep.api import extract_documents
    from sitrep.records import Extraction

    skipped = set().union(*(sampled_articles(path) for path in args.skip))
    docs = [d for d in held_out(args.corpus) if d.id not in skipped]
    random.Random(args.seed).shuffle(docs)
    commit = commit_of(ROOT)
    rows: list[dict] = []
    articles = 0
    for k in range(0, len(docs), args.batch):
        batch = docs[k:k + args.batch]
        for document, result in zip(batch, extract_documents(batch)):
            if len(rows) >= args.quotes or not isinstance(result, Extraction):
                continue
            got = quote_rows(document, result, per_article=args.per_article, seed=args.seed, commit=commit)
            rows += got[:args.quotes - len(rows)]
            articles += bool(got)
        if len(rows) >= args.quotes:
            break
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    sys.stderr.write(f"{len(rows)} quotes from {articles} articles -> {args.out}"
                     f"{f' ({len(skipped)} articles of earlier samples left out)' if skipped else ''}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
