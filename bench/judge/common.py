"""What the judging scripts share: the Reuters split, article selection and context windows.

Reuters-21578 is research-only and never committed: judges read files written under
``bench/out/judge/`` (ignored by git); what the repository keeps are article ids, offsets
and labels (``bench/judge/*.labels.jsonl``), which these scripts join back to the text.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[2]
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578.jsonl"
OUT = ROOT / "bench" / "out" / "judge"
HELD_OUT_DIGIT = 7  # reuters-<N> with N % 10 == 7: only ever judged, never read to write rules

# politics, conflict, crime and protest stories, as a news desk would file them (title or lead)
POLITICAL = re.compile(
    r"\b(minister|president|government|army|troops|soldiers|police|rebels?|guerrillas?|war|attack\w*|"
    r"talks|sanctions?|protest\w*|demonstrat\w+|strike|parliament|election|embassy|diplomat\w*|arrest\w*|"
    r"killed|bomb\w*|shell\w*|ceasefire|cease-fire|accus\w+|condemn\w*|threat\w*|warn\w*|sovereign|"
    r"hostages?|kidnap\w*|vote|treaty|summit|opposition|court|charged|reagan|gorbachev|iran|iraq|gulf|"
    r"soviet|israel\w*|lebanon|nicaragua|contras?|philippine\w*|south africa\w*|sandinista\w*)\b", re.I)


def is_held_out(doc_id: str) -> bool:
    return int(doc_id.rsplit("-", 1)[1]) % 10 == HELD_OUT_DIGIT


def reuters(split: str) -> Iterator[dict]:
    """Articles of one split: ``held-out`` (judged only) or ``dev`` (may be read to write rules)."""
    with REUTERS.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if is_held_out(d["id"]) == (split == "held-out"):
                yield d


def political(split: str, seed: int) -> list[dict]:
    """The split's politics/conflict articles (title or first 600 characters), shuffled by ``seed``."""
    docs = [d for d in reuters(split) if POLITICAL.search((d.get("title") or "") + " " + d["text"][:600])]
    random.Random(seed).shuffle(docs)
    return docs


def by_id(ids: set[str]) -> dict[str, dict]:
    with REUTERS.open(encoding="utf-8") as fh:
        return {d["id"]: d for d in map(json.loads, fh) if d["id"] in ids}


def context(text: str, start: int, end: int, before: int = 1) -> str:
    """The paragraph holding ``[start, end)`` and ``before`` paragraphs ahead of it."""
    paras = [m.span() for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)]
    i = next((k for k, (a, b) in enumerate(paras) if a <= start < b), 0)
    return "\n\n".join(text[a:b] for a, b in paras[max(0, i - before):i + 1])


# the rubric correction (README.md): PLOVER files signing an agreement under SUPPORT and reads a
# cooperative act reported in the future tense as intent (AGREE)
SIGNING = re.compile(r"^(sign|ratif|conclud|initial|finali)", re.I)
MEETING = re.compile(r"^(meet|talk|visit|summit|negotiat|discuss|consult|host|confer)", re.I)
# and CAMEO2PLOVER-2021 files easing an embargo or sanctions (085) under RETREAT, other easing under CONCEDE
EASING = re.compile(r"^(lift|eas|relax|loosen)", re.I)
ACCEPTED = {("SUPPORT", "AGREE"): SIGNING, ("AGREE", "CONSULT"): MEETING, ("RETREAT", "CONCEDE"): EASING,
            ("CONCEDE", "RETREAT"): EASING}


# PLOVER: "All cooperative actions reported in future tense are also taken to imply intentions"
# (AGREE; CAMEO 03); a stated future hostile act is likewise a threat (CAMEO 13)
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
HOSTILE = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"})


def type_accepted(emitted: str, judged: str | None, trigger: str, cameo: str | None = None) -> bool:
    """The emitted type is the judged one, or a reading the rubric correction accepts."""
    if judged is None or emitted == judged:
        return True
    if cameo and (emitted == "AGREE" and cameo.startswith("03") and judged in COOPERATIVE
                  or emitted == "THREATEN" and cameo.startswith("13") and judged in HOSTILE):
        return True  # an announced act read as intent or threat
    words = ACCEPTED.get((emitted, judged))
    return bool(words and words.match(trigger))
