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
# one frozenset per class of quote_words.tsv, which says what each class is for: speech (a
# quote), speech_to, speech_as, belief (an attribution), object (a stance's object), ...
(SPEECH_VERBS, SPEECH_TO, SPEECH_AS, BELIEF_VERBS, OBJECT_VERBS, ANONYMOUS_WORDS, ANONYMOUS_HEADS, OFFICE_HEADS,
 RANK_WORDS, PLATFORMS, STATEMENT_NOUNS, BODY_NOUNS, COMPANY_NOUNS, PUBLIC_NOUNS, PUBLIC_WORDS, DOCUMENT_NOUNS,
 ORG_WORDS, FEMALE_WORDS, MALE_WORDS, NOT_SOURCES) = (
    frozenset(WORD_CLASSES[name]) for name in (
        "speech", "speech_to", "speech_as", "belief", "object", "anonymous_words", "anonymous_heads", "office_heads",
        "rank_words", "platforms", "statement_nouns", "body_nouns", "company_nouns", "public_nouns", "public_words",
        "document_nouns", "org_words", "female_words", "male_words", "not_sources"))
# word=meaning pairs: "sen=senator", "he=m"
TITLE_ABBREVIATIONS, PRONOUNS = (dict(w.split("=") for w in WORD_CLASSES[name])
                                 for name in ("title_abbreviations", "pronouns"))

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
