"""Build ``src/sitrep/kb/data/quote_cues.tsv``: which reporting words take their content where.

Reads PolNeAR *train* only (``../shared/eval/quotes/polnear_train.jsonl``), parses it with
the project's model and counts, for every (lemma of a word, dependency of a child), how
often the child's subtree is the content of a gold attribution cued by that word, against
how often the pair occurs at all. The extractor keeps the pairs that are reliable cues.

    .venv/bin/python bench/build/quote_cues.py [TRAIN_JSONL]
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from sitrep.nlp.pipeline import load_nlp

ROOT = Path(__file__).resolve().parents[2]
TRAIN = ROOT.parent / "shared" / "eval" / "quotes" / "polnear_train.jsonl"
OUT = ROOT / "src" / "sitrep" / "kb" / "data" / "quote_cues.tsv"
RELS = ("ccomp", "dobj", "xcomp", "advcl", "attr", "oprd", "dative")


def relations(tok):
    """(relation name, content head) for each child that could carry reported content."""
    for c in tok.children:
        if c.dep_ in RELS:
            yield c.dep_, c
        elif c.dep_ == "prep":
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    yield f"prep_{c.lower_}", p


def main(path: Path = TRAIN) -> None:
    nlp = load_nlp()
    docs = [json.loads(line) for line in open(path, encoding="utf-8")]
    pos, tot = Counter(), Counter()
    for d, doc in zip(docs, nlp.pipe((d["text"] for d in docs), batch_size=16)):
        gold = [(set(range(*q["content"])), q["cue"]) for q in d["gold"]["quotes"] + d["gold"].get("quotes_excluded", [])
                if q.get("cue")]
        for tok in doc:
            if tok.pos_ not in ("VERB", "NOUN", "AUX"):
                continue
            for rel, head in relations(tok):
                key = (tok.lemma_.lower(), rel)
                tot[key] += 1
                chars = set(range(head.left_edge.idx, head.right_edge.idx + len(head.right_edge)))
                for content, (cs, ce) in gold:
                    if cs <= tok.idx < ce and len(chars & content) >= 0.5 * max(len(chars), len(content)):
                        pos[key] += 1
                        break
    rows = sorted(((k, pos[k], tot[k]) for k in pos if pos[k] >= 3), key=lambda r: (-r[1], r[0]))
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# lemma\trelation\tcontent_in_train\toccurrences_in_train  (bench/build/quote_cues.py)\n")
        for (lemma, rel), p, t in rows:
            fh.write(f"{lemma}\t{rel}\t{p}\t{t}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else TRAIN)
