"""Times: DATE, TIME, DURATION and SET expressions with TIMEX3 values.

The recogniser and normaliser are the rules in ``_timex_rules`` (pure functions of text,
anchor date and tense); this module supplies what only the parse knows: the document
creation time (``article.published``) and the tense of the clause around each expression,
read from the dependency tree. Expressions in the byline/date header are skipped.
Without a publication date, relative values stay unresolved (see ``_timex_rules``).
"""
from __future__ import annotations

from datetime import date
from typing import Optional

from ..records import Time
from ._timex_rules import find_timexes

_FUTURE_AUX = {"will", "'ll", "ll", "shall", "wo"}
# "is expected to meet Friday", "plans to visit in May": the infinitive looks ahead
_FUTURE_GOVERNORS = {"go", "plan", "expect", "schedule", "intend", "aim", "hope", "prepare", "set", "due",
                     "want", "seek", "propose", "promise", "vow", "threaten", "agree", "decide", "pledge"}

# passive participles whose adjunct lies ahead of the report, whatever the auxiliary's tense
_SCHEDULED = {"schedule", "slate", "plan", "expect"}
# active verbs of arranging: "has scheduled a news conference Thursday", "planned a march on Saturday";
# not "On Friday, the government planned to pay" (the planning is dated) nor the reduced relative
# "a service planned for Saturday was canceled" (AQUAINT: both point back)
_ARRANGED = {"schedule", "slate", "plan"}
# "postponed until Tuesday", "has given them until 9 a.m. Tuesday": a deadline lies ahead
_DEADLINE = {"postpone", "extend", "delay", "give", "adjourn", "defer", "suspend", "recess", "push", "have"}


def _anchor(published: Optional[str]) -> Optional[date]:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _past_perfect(verb) -> bool:
    """The verb, or the verb it complements, is past perfect: "had been due to expire"."""
    t = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in t.children):
            return True
        if t.dep_ not in ("xcomp", "acomp") or t.head is t:
            return False
        t = t.head
    return False


def _verb_tense(verb) -> Optional[str]:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in aux):
        return "future"
    if _past_perfect(verb):
        return "past"  # "it had been due to expire Friday", "had been scheduled for Friday": a plan now past
    if verb.tag_ == "VB" and verb.dep_ == "xcomp" and (verb.head.lemma_ in _FUTURE_GOVERNORS or
                                                       verb.head.lemma_ == "be" and verb.head.tag_ in ("VBZ", "VBP")):
        return "future"  # "is expected to meet", "is to resume trading Tuesday"
    if verb.lemma_ in _SCHEDULED and any(a.dep_ == "auxpass" for a in aux) or verb.lemma_ in _ARRANGED and \
            verb.dep_ != "acl" and any(c.dep_ == "dobj" for c in verb.children):
        return "future"  # "the vote was scheduled for Friday": arranged ahead of the report
    if any(a.tag_ == "MD" for a in aux):
        return None  # "would", "could": conditional or future-in-the-past, no direction
    tags = {a.tag_ for a in aux} | {verb.tag_}
    if tags & {"VBD"} or any(a.lemma_ == "have" for a in aux):
        return "past"
    if tags & {"VBZ", "VBP"}:
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not aux:
        return "past"  # a reduced relative: "the accord signed Tuesday"
    if verb.dep_ in ("xcomp", "advcl", "ccomp", "conj", "relcl") and verb.head is not verb:
        return _verb_tense(verb.head) if verb.head.pos_ in ("VERB", "AUX") else None
    return None


def _tense_at(doc):
    """offset -> tense of the clause whose verb governs the token at that offset."""
    cache: dict[int, Optional[str]] = {}

    def tense(offset: int) -> Optional[str]:
        token = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if token is None or not len(token):
            return None
        token = token[0]
        if token.i in cache:
            return cache[token.i]
        t, steps, until = token, 0, False
        while t.pos_ not in ("VERB", "AUX") and t.head is not t and steps < 8:
            until = until or t.lower_ in ("until", "till")
            t, steps = t.head, steps + 1
        if t.pos_ not in ("VERB", "AUX"):
            cache[token.i] = None
        elif until and t.lemma_ in _DEADLINE:
            cache[token.i] = "future"
        else:
            cache[token.i] = _verb_tense(t)
        return cache[token.i]

    return tense


def extract_times(parsed, found) -> tuple[Time, ...]:
    text = parsed.text
    timexes = find_timexes(text, anchor=_anchor(parsed.article.published), tense=_tense_at(parsed.doc))
    return tuple(Time(text=text[t.start:t.end], span=(t.start, t.end), type=t.type, value=t.value)
                 for t in timexes if not parsed.in_header(t.start))
