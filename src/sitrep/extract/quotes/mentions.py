"""Mentions: the noun phrase a speaker is named by, and what kind of name it is."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import subtree
from .lexicon import ANONYMOUS_HEADS, ANONYMOUS_WORDS, PRONOUNS
from .marks import trim_marks

if TYPE_CHECKING:
    from .document import QuoteDoc


def span_of(d: QuoteDoc, tok) -> tuple[int, int]:
    """Character span of a noun phrase headed by ``tok``, never reaching into a quote."""
    # "a citizen, whose name is redacted": the relative clause is no part of the name
    clauses = {t.i for c in tok.children if c.dep_ == "relcl" for t in subtree(c)}
    toks = [t for t in subtree(tok) if not d.quoted(t.idx) and t.dep_ != "relcl" and t.i not in clauses]
    toks = [t for t in toks if t.i <= tok.i or t.dep_ in ("compound", "flat", "appos", "punct", "nummod", "amod", "prep", "pobj", "det", "poss", "case", "cc", "conj", "npadvmod")]
    lo = min(t.i for t in toks) if toks else tok.i
    hi = max(t.i for t in toks) if toks else tok.i
    while hi > lo and d.doc[hi].is_punct:
        hi -= 1
    while lo < hi and d.doc[lo].is_punct:
        lo += 1
    return trim_marks(d.text, d.doc[lo].idx, d.doc[hi].idx + len(d.doc[hi]))


def mention_kind(d: QuoteDoc, span) -> str:
    """What kind of source a phrase names: pronoun, anonymous, named, organization, collective
    or title (a role noun: "the minister")."""
    names = d.names
    words = [t.lower_ for t in span]
    head = span.root
    if len(span) == 1 and head.lower_ in PRONOUNS:
        return "pronoun"
    if ANONYMOUS_WORDS & set(words) or head.lower_ in ANONYMOUS_HEADS:
        return "anonymous"
    ent = d.ent_of(head)
    labels = {ent.label_} if ent is not None else set()
    if "PERSON" in labels or head.text in names:
        return "named"
    # "the rookie defenceman" taken for an organisation is still a description of someone
    if labels & {"ORG", "NORP", "GPE", "FAC"} and not (head.is_lower and span[0].lower_ == "the"):
        return "organization"
    if head.pos_ == "PROPN" and not head.is_lower:  # "the secretary-general" is tagged NNP
        return "named"
    # "two diplomats", not "the 32-year-old labourer"
    if head.tag_ in ("NNS", "NNPS") or any(t.like_num and t.dep_ == "nummod" and t.head.i == head.i for t in span):
        return "collective"
    return "title"


def core_text(d: QuoteDoc, span) -> str:
    """The phrase a source is named by, without what follows its head after a comma or a dash
    ("Dr. Keith Ahamad, a family doctor and researcher at ..." -> "Dr. Keith Ahamad")."""
    head = span.root
    cut = next((t.i for t in span if t.i > head.i and t.text in (",", "—", "–", "(", ";")), span.end)
    toks = span.doc[span.start:cut]
    return toks.text.strip(" ,") if len(toks) else span.text

