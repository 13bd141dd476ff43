"""Where and when an event happened: the sentence's places and dates said of its trigger."""
from __future__ import annotations

import re
from typing import Optional


def in_dateline(x, datelines: list[tuple[int, int]]) -> bool:
    return any(a <= x.span[0] < b for a, b in datelines)


def place_role(p, tok) -> Optional[str]:
    """The dependency by which a place acts or is acted on in this event ("where the US killed":
    nsubj, "attacked Iran": dobj, "by Iraq": agent), else None: such a place is an actor, not
    where it happened."""
    span = tok.doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
    r = span.root if span is not None and len(span) else None
    if r is None:
        return None
    if r.dep_ == "pobj" and r.head.lower_ == "by":
        r = r.head
    if r.dep_ == "nsubj" and tok.dep_ in ("acomp", "attr") and r.head.i == tok.head.i:
        return "nsubj"  # "Kyrgyzstan was ready to talk": the subject of the copula "ready" completes
    return r.dep_ if r.head.i == tok.i and r.dep_ in ("nsubj", "nsubjpass", "dobj", "agent") else None


def is_venue(p, doc) -> bool:
    """Whether a place can be where something happened: not one that qualifies a noun ("U.S.
    President", "USA military efforts", "the US-led coalition", "Robert Dole (Kan.)"), which says
    whose, not where, nor one inside an organisation's name (the seed's "North Atlantic Treaty
    Organisation" placed NATO's troop increase in the Atlantic): places.py marks it "embedded"."""
    if re.match(r"\s?-\s?[a-z]+ed\b", doc.text[p.span[1]:p.span[1] + 12]):
        return False
    if re.search(r"\((?:[RDI]-)?$", doc.text[max(0, p.span[0] - 3):p.span[0]]) and \
            doc.text[p.span[1]:p.span[1] + 1] == ")":
        return False  # "Robert Dole (Kan.)", "Sen. Charles Grassley (R-Iowa)": whose, not where
    if p.kind == "embedded":
        return False
    span = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
    return span is None or not len(span) or span.root.dep_ not in ("compound", "amod", "poss", "nmod")


def in_sentence(spans, sent) -> list:
    return [x for x in spans if sent.start_char <= x.span[0] < sent.end_char]


def nearest(items, tok):
    """The time or place said of this trigger: one modifying its own clause ("agreed on
    Wednesday", not "heading into the 2020 election"), else one in its phrase, else the nearest."""
    def rank(x):
        span = tok.doc.char_span(x.span[0], x.span[1], alignment_mode="expand")
        t = span.root if span is not None and len(span) else None
        crossed, inside = False, False
        while t is not None and t.head.i != t.i:
            if t.head.i == tok.i:
                inside = True
                break
            crossed = crossed or t.head.pos_ == "VERB"
            t = t.head
        return (not (inside and not crossed), not inside, abs(x.span[0] - tok.idx))

    return min(items, key=rank) if items else None


def own_times(times, tok) -> list:
    """Dates that can be this trigger's: not ones that describe another noun on the way to it.

    "rejected a proposal to use Soviet maps from 1958" was dated 1958 (the demo corpus's
    timeline opened with it): a date inside a noun phrase dates that noun, not the event.
    """
    doc = tok.doc
    out = []
    for x in times:
        span = doc.char_span(x.span[0], x.span[1], alignment_mode="expand")
        t = span.root if span is not None and len(span) else None
        ok = True
        while t is not None and t.head.i != t.i and t.i != tok.i:
            head = t.head
            if head.i == tok.i:
                break
            if head.pos_ in ("NOUN", "PROPN") and not (span is not None and span.start <= head.i < span.end):
                ok = False
                break
            t = head
        if ok:
            out.append(x)
    return out
