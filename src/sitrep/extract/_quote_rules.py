"""Model-free rules for quotes: the reporting lexicon and quotation-mark segmentation.

Kept apart from ``quotes.py`` so the mark scanner can be tested (and fuzzed) without a model.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

# verbs that introduce reported speech or a source's stance; general English, cross-checked
# against the cue heads of PolNeAR train (the only split used for tuning)
SPEECH_VERBS = frozenset("""
say tell add warn insist deny claim announce state write ask note report suggest argue explain
acknowledge admit declare confirm reveal predict promise vow pledge urge recall conclude respond
reply tweet post email stress emphasize emphasise indicate allege assert contend maintain complain
concede estimate observe remark repeat reiterate testify caution agree find continue
lament boast joke quip shout yell scream whisper mutter announce speculate clarify concur
charge counter retort assure inform advise recommend demand propose threaten hint disclose
acknowledged mention comment signal point describe
think believe fear hope expect feel worry doubt figure reckon
""".split())
# verbs whose object noun phrase (not a clause) is what the source said or stood for
OBJECT_VERBS = frozenset("""
announce deny criticize criticise endorse praise condemn reject blame accuse propose defend
dismiss question denounce slam blast attack mock decry welcome thank cite recommend demand
tout mention repeat urge call talk refer discuss describe back support oppose
""".split())
# heads of source phrases that hide a person (the Gender Gap Tracker's "anonymous" class)
ANONYMOUS_WORDS = frozenset("anonymous unnamed unidentified anonymity".split())
ANONYMOUS_HEADS = frozenset("source sources insider insiders".split())
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "they": "p", "we": "p", "i": "s",
            "it": "n", "who": "r", "you": "s"}
# offices a known politician or officer holds: "the minister" with no titled minister before it
# may stand for the one untitled person the KB places in the office's sector ("Sajjan")
OFFICE_HEADS = frozenset("""
minister secretary secretary-general president chancellor premier governor mayor senator general
ambassador
""".split())
# words that make another office of the same head: "vice president" is not "president"
RANK_WORDS = frozenset("vice deputy prime assistant associate under lieutenant press attorney".split())
# titles abbreviated in front of names ("Vermont Sen. Bernie Sanders")
TITLE_ABBREVIATIONS = {"sen": "senator", "gov": "governor", "rep": "representative", "gen": "general",
                       "sec": "secretary", "pres": "president", "amb": "ambassador", "cmdr": "commander"}
# news media a statement is made "to" or "on"; a closed class, so a short list of
# platforms plus proper-noun objects of "tell" covers it
PLATFORMS = frozenset("twitter facebook instagram x youtube tiktok telegram truth social".split())

_PAIRS = {"“": "”", "«": "»", "„": "“"}
_CLOSERS = {"”", "»"}
_STRAIGHT = re.compile(r"''|\"|“|”|«|»|„")
_SINGLE = re.compile(r"''|\"|“|”|«|»|„|(?P<o>(?<![\w’'])['‘](?=\w))|(?P<c>(?<=[\w.,!?])['’](?![\w’']))")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _scan(text: str, s: int, e: int, marks: re.Pattern) -> tuple[list[tuple[int, int]], bool]:
    """Segments inside quotation marks in one paragraph, and whether one is left open."""
    segments, open_at, closer = [], None, None
    for m in marks.finditer(text, s, e):
        mark = m.group()
        if open_at is None:
            if mark in _CLOSERS or m.lastgroup == "c":
                continue  # a stray closer never opens
            open_at, closer = m.end(), _PAIRS.get(mark)
        elif m.lastgroup != "o" and (closer is None or mark == closer or mark not in _PAIRS):
            # a straight mark closes whatever is open: typographers mix them
            segments.append((open_at, m.start()))
            open_at = None
    left_open = open_at is not None
    if left_open:
        segments.append((open_at, e))
    return segments, left_open


def quote_segments(text: str, *, single_spans: tuple[tuple[int, int], ...] = ()) -> list[list[tuple[int, int]]]:
    """Chains of inner quote spans: one chain per quotation that runs across paragraphs.

    Double marks (straight, curly, guillemets, the NYT's ``''``) everywhere; single marks
    also inside ``single_spans`` (headlines use them for quotes, bodies for apostrophes).
    A quote left open at a paragraph end continues when the next paragraph opens with a
    mark (the print convention); otherwise it ends with its paragraph. Never raises.
    """
    chains: list[list[tuple[int, int]]] = []
    continuing = False
    for ps, pe in _paragraphs(text):
        marks = _SINGLE if any(a <= ps < b for a, b in single_spans) else _STRAIGHT
        segments, left_open = _scan(text, ps, pe, marks)
        first = text[ps:pe].lstrip()[:1]
        starts_open = bool(first) and first in "\"“«„'‘" and segments and _trim(text, ps, pe)[0] + 1 >= segments[0][0]
        for i, (s, e) in enumerate(segments):
            s, e = _trim(text, s, e)
            if not any(ch.isalnum() for ch in text[s:e]):
                continue
            if i == 0 and continuing and starts_open and chains:
                chains[-1].append((s, e))
            else:
                chains.append([(s, e)])
        continuing = left_open
    return chains


# a (lemma, relation) pair counts as a cue when at least this share of its train occurrences
# carried gold content (bench/build/quote_cues.py); swept 0.2-0.35 on PolNeAR train docs 0-100
# with the table rebuilt from the other train docs (held out): 0.25 gives the best F1 once
# nested attributions are dropped (lower adds noisy cues, higher drops real ones)
CUE_RATIO = 0.25


@lru_cache(maxsize=1)
def learned_cues() -> dict[tuple[str, str], float]:
    """(lemma, relation) -> share of occurrences that introduced reported content."""
    path = Path(__file__).resolve().parents[1] / "kb" / "data" / "quote_cues.tsv"
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        lemma, rel, hits, total = line.split("\t")
        if int(hits) / int(total) >= CUE_RATIO:
            table[(lemma, rel)] = int(hits) / int(total)
    return table


@lru_cache(maxsize=1)
def learned_lemmas() -> frozenset[str]:
    return frozenset(lemma for lemma, _ in learned_cues())
