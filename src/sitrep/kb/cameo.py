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


# a lexicon code may carry the PLOVER type the manual gives that use of the verb where the
# crosswalk's reading of the CAMEO code differs: CAMEO codes a resignation as 0831 (accede to
# a change in leadership), which PLOVER files under RETREAT, mode resign ("0831>RETREAT:resign")
TYPE_MARK = ">"


def cameo_part(code: Optional[str]) -> Optional[str]:
    """The CAMEO code of a lexicon code, without any PLOVER type override."""
    return code.split(TYPE_MARK)[0] if code else code


def to_plover(code: Optional[str]) -> Optional[tuple[str, Optional[str]]]:
    """(PLOVER type, mode) of a CAMEO code, via its longest listed prefix; None if uncoded."""
    if code and TYPE_MARK in code:
        ptype, _, mode = code.split(TYPE_MARK)[1].partition(":")
        return ptype, mode or None
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
def _core() -> dict[tuple[str, str], list[tuple[list, list, str]]]:
    """(lemma, VERB|NOUN) -> [(before slots, after slots, code)], conditional entries first."""
    table: dict[tuple[str, str], list] = {}
    for line in (DATA / "verbs_core.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, pos, code, cond = (line.split("\t") + [""])[:4]
        slots = [[alt.split("_") for alt in slot.split("|")] for slot in cond.split() if slot[0] != "<"]
        before = [[alt.split("_") for alt in slot[1:].split("|")] for slot in cond.split() if slot[0] == "<"]
        table.setdefault((lemma, pos), []).append((before, slots, code))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]) - len(e[1]))
    return table


def _slot_alts(slot) -> list[list[str]]:
    return _petrarch()["sets"].get(slot, []) if isinstance(slot, str) else slot


def _vocab(words: Sequence[Word]) -> tuple[frozenset, frozenset]:
    return frozenset(x for w in words for x in w), frozenset(w[1] for w in words)


def _possible(slots: Sequence, vocab: tuple[frozenset, frozenset]) -> bool:
    """False when some slot's every alternative opens with a word absent from the context.

    A necessary condition of ``_matches``, checked by set lookups: profiling 2,000 Reuters
    articles showed ``_matches`` scanning word by word was a third of all extraction time.
    """
    words, lemmas = vocab
    return all(any((alt[0] in words or alt[0].rstrip("s") in lemmas) if alt else bool(words)
                   for alt in _slot_alts(slot)) for slot in slots)


def _matches(slots: Sequence, words: Sequence[Word], vocab: tuple[frozenset, frozenset] | None = None) -> bool:
    """Slots found in order (gaps allowed) in ``words``; a word matches text or lemma."""
    if vocab is not None and not _possible(slots, vocab):
        return False
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


# verbs so general that PETRARCH's block default says nothing on its own ("going to", "led by")
GENERIC = frozenset("be have do go come get take make give put set keep lead see look move bring use work say tell "
                    "want need hope suggest consider expand continue start begin end remain become seem call hold "
                    "run turn meet face follow leave reach speak talk think know show offer join pass".split())


def trigger_match(lemma: str, pos: str, *, before: Sequence[Word] = (),
                  after: Sequence[Word] = ()) -> Optional[tuple[str, str]]:
    """(CAMEO code or ``VETO``, basis) of a trigger word in context; None when it is no trigger.

    Basis says how sure the lexicon is: ``core`` (our entries), ``pattern`` (a PETRARCH phrase
    pattern matched) or ``default`` (PETRARCH's default for the verb, which PETRARCH itself
    only trusted when both actors were coded). Order: our conditional entries, PETRARCH's
    patterns (most specific first), our default, PETRARCH's default.
    """
    core = _core().get((lemma, pos), [])
    vb, va = _vocab(before), _vocab(after)
    for pre, post, code in core:
        if (pre or post) and _matches(pre, before, vb) and _matches(post, after, va):
            return code, "core"
    default = next((code for pre, post, code in core if not (pre or post)), None)
    entry = _petrarch()["verbs"].get(lemma) if pos == "VERB" else None
    if entry:
        for pre, post, code in entry[1]:
            if (pre or post) and _matches(pre, before, vb) and _matches(post, after, va):
                # our entry decides the PLOVER type; a pattern may only refine the code within it
                # ("arrested demonstrators" is CAMEO 175, which PLOVER maps to ASSAULT)
                if code and default and default != VETO and (to_plover(code) or ("",))[0] != to_plover(default)[0]:
                    break
                return code or VETO, "pattern"
    if default:
        return default, "core"
    if entry and entry[0] and lemma not in GENERIC:
        return entry[0], "default"
    return None


def trigger_code(lemma: str, pos: str, *, before: Sequence[Word] = (), after: Sequence[Word] = ()) -> Optional[str]:
    """CAMEO code of a trigger word in context, ``VETO``, or None when it is no trigger."""
    hit = trigger_match(lemma, pos, before=before, after=after)
    return hit[0] if hit else None


def is_trigger_lemma(lemma: str, pos: str) -> bool:
    """Cheap pre-filter: the lexicon knows this lemma at all."""
    return (lemma, pos) in _core() or (pos == "VERB" and lemma in _petrarch()["verbs"])
