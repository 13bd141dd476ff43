"""CAMEO and PLOVER tables: the codebook, the crosswalk both ways and the trigger lexicon.

Built by ``bench/build/build_cameo.py`` from the PETRARCH-2 verb dictionary, the CAMEO
codebook and the PLOVER crosswalk; ``verbs_core.tsv`` is our own hand-kept layer of
frequent news triggers (verbs and nominalisations) that the PETRARCH file codes too
coarsely or not at all. Everything loads lazily, once per process.
"""
from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

DATA = Path(__file__).resolve().parent / "data"

# a token as the matcher sees it: (lower-case text, lemma)
Word = tuple[str, str]


@lru_cache(maxsize=1)
def codebook() -> dict[str, str]:
    """CAMEO code -> label."""
    rows = (l.split("\t") for l in (DATA / "cameo_codebook.tsv").read_text(encoding="utf-8").splitlines())
    return {r[0]: r[1] for r in rows if len(r) == 2}


@lru_cache(maxsize=1)
def crosswalk() -> dict[str, tuple[str, Optional[str], Optional[str]]]:
    """CAMEO code -> (PLOVER type, mode or None, context or None)."""
    out = {}
    for line in (DATA / "plover_crosswalk.tsv").read_text(encoding="utf-8").splitlines():
        code, ptype, mode, context = (line.split("\t") + ["", "", ""])[:4]
        out[code] = (ptype, mode or None, context or None)
    return out


def to_plover(code: Optional[str]) -> Optional[tuple[str, Optional[str]]]:
    """(PLOVER type, mode) of a CAMEO code, via its longest listed prefix; None if uncoded."""
    walk = crosswalk()
    for n in range(len(code or ""), 1, -1):
        if code[:n] in walk:
            ptype, mode, _ = walk[code[:n]]
            return ptype, mode
    return None


@lru_cache(maxsize=1)
def _roots() -> dict[str, str]:
    votes: dict[str, Counter] = {}
    for code, (ptype, _, _) in crosswalk().items():
        votes.setdefault(ptype, Counter())[code[:2]] += 1
    return {t: c.most_common(1)[0][0] for t, c in votes.items()}


def plover_root(ptype: str) -> Optional[str]:
    """The two-digit CAMEO root most of a PLOVER type's codes fall under (ACCUSE -> '11')."""
    return _roots().get(ptype)


def plover_to_cameo(ptype: str) -> tuple[str, ...]:
    """Every CAMEO code the crosswalk maps to a PLOVER type."""
    return tuple(sorted(c for c, (t, _, _) in crosswalk().items() if t == ptype))


@lru_cache(maxsize=1)
def _petrarch() -> dict:
    return json.loads((DATA / "verbs_cameo.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _core() -> dict[tuple[str, str], list[tuple[list, str]]]:
    """(lemma, VERB|NOUN) -> [(post-context slots, code)], conditional entries first."""
    table: dict[tuple[str, str], list] = {}
    for line in (DATA / "verbs_core.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, pos, code, cond = (line.split("\t") + [""])[:4]
        slots = [[alt.split() for alt in slot.split("|")] for slot in cond.split()] if cond else []
        table.setdefault((lemma, pos), []).append((slots, code))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    return table


def _slot_alts(slot) -> list[list[str]]:
    return _petrarch()["sets"].get(slot, []) if isinstance(slot, str) else slot


def _matches(slots: Sequence, words: Sequence[Word]) -> bool:
    """Slots found in order (gaps allowed) in ``words``; a word matches text or lemma."""
    i = 0
    for slot in slots:
        hit = None
        for j in range(i, len(words)):
            for alt in _slot_alts(slot):
                if j + len(alt) <= len(words) and all(
                        w in words[j + k] or w.rstrip("s") == words[j + k][1] for k, w in enumerate(alt)):
                    hit = j + len(alt)
                    break
            if hit is not None:
                break
        if hit is None:
            return False
        i = hit
    return True


VETO = "---"  # a pattern that says: this use of the verb is not an event ("killed in a crash")


def trigger_code(lemma: str, pos: str, *, before: Sequence[Word] = (), after: Sequence[Word] = ()) -> Optional[str]:
    """CAMEO code of a trigger word in context, ``VETO``, or None when it is no trigger.

    Order: our conditional entries, then PETRARCH's phrase patterns (most specific first),
    then our default, then PETRARCH's default for the verb.
    """
    core = _core().get((lemma, pos), [])
    for slots, code in core:
        if slots and _matches(slots, after):
            return code
    entry = _petrarch()["verbs"].get(lemma) if pos == "VERB" else None
    if entry:
        for pre, post, code in entry[1]:
            if (pre or post) and _matches(pre, before) and _matches(post, after):
                return code or VETO
    for slots, code in core:
        if not slots:
            return code
    return entry[0] if entry else None


def is_trigger_lemma(lemma: str, pos: str) -> bool:
    """Cheap pre-filter: the lexicon knows this lemma at all."""
    return (lemma, pos) in _core() or (pos == "VERB" and lemma in _petrarch()["verbs"])
