"""The lexicon of attribution, read from ``kb/data/quote_words.tsv`` (reporting verbs, belief
verbs, source words, gender words), and the cue table learned from PolNeAR train
(``kb/data/quote_cues.tsv``)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "kb" / "data"


def _read_classes() -> dict[str, tuple[str, ...]]:
    out = {}
    for line in (DATA / "quote_words.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, words = line.split("\t")
            out[name] = tuple(words.split())
    return out


WORD_CLASSES = _read_classes()
# what a person or body said or wrote: a quote
SPEECH_VERBS = frozenset(WORD_CLASSES["speech"])
# speech verbs whose to-infinitive is what was said ("urged police to investigate")
SPEECH_TO = frozenset(WORD_CLASSES["speech_to"])
# speech verbs whose predicate is what was said ("calls it a rookie mistake")
SPEECH_AS = frozenset(WORD_CLASSES["speech_as"])
# what a source believes, hopes, plans, knows or found: an attribution, not a quote
BELIEF_VERBS = frozenset(WORD_CLASSES["belief"])
# verbs whose object noun phrase (not a clause) is a stance the source took
OBJECT_VERBS = frozenset(WORD_CLASSES["object"])
ANONYMOUS_WORDS = frozenset(WORD_CLASSES["anonymous_words"])
ANONYMOUS_HEADS = frozenset(WORD_CLASSES["anonymous_heads"])
OFFICE_HEADS = frozenset(WORD_CLASSES["office_heads"])
RANK_WORDS = frozenset(WORD_CLASSES["rank_words"])
TITLE_ABBREVIATIONS = dict(w.split("=") for w in WORD_CLASSES["title_abbreviations"])
PLATFORMS = frozenset(WORD_CLASSES["platforms"])
STATEMENT_NOUNS = frozenset(WORD_CLASSES["statement_nouns"])
BODY_NOUNS = frozenset(WORD_CLASSES["body_nouns"])
COMPANY_NOUNS = frozenset(WORD_CLASSES["company_nouns"])
ORG_WORDS = frozenset(WORD_CLASSES["org_words"])
FEMALE_WORDS = frozenset(WORD_CLASSES["female_words"])
MALE_WORDS = frozenset(WORD_CLASSES["male_words"])
PRONOUNS = dict(w.split("=") for w in WORD_CLASSES["pronouns"])

# a (lemma, relation) pair counts as a cue when at least this share of its train occurrences
# carried gold content (bench/build/quote_cues.py); swept 0.2-0.35 on PolNeAR train docs 0-100
# with the table rebuilt from the other train docs (held out): 0.25 gives the best F1 once
# nested attributions are dropped (lower adds noisy cues, higher drops real ones)
CUE_RATIO = 0.25


@lru_cache(maxsize=1)
def learned_cues() -> dict[tuple[str, str], float]:
    """(lemma, relation) -> share of occurrences that introduced reported content."""
    path = DATA / "quote_cues.tsv"
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
