"""Resolution: a speaker mention to the person or body it stands for, across the article."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...kb.actors import lookup_actor
from ...records import Speaker
from .document import bare
from .lexicon import OFFICE_HEADS, RANK_WORDS, TITLE_ABBREVIATIONS
from .mentions import mention_kind, span_of

if TYPE_CHECKING:
    from .document import QuoteDoc


def resolve(d: QuoteDoc, start: int, end: int, kind: str, history: list[Speaker]):
    """(name, entity id, role) for the speaker mention at [start, end)."""
    span = d.doc.char_span(start, end, alignment_mode="expand")
    head = span.root.idx if span is not None else end - 1
    # the entity whose mention holds the phrase's head: "NATO Secretary-General Jens
    # Stoltenberg" is Stoltenberg, not NATO; persons before others when no mention holds it
    best = max(((any(s <= head < e for s, e in ent.mentions), ent.kind == "person", ent)
                for ent in d.entities_over(start, end)),
               default=None, key=lambda r: r[:2])
    if kind == "title" and span is not None and (best is None or not best[0]):
        # "the minister" named earlier; "the Vermont senator" is a person, not the state
        holder = office_holder(d, span, history)
        if holder is not None:
            return holder
    if best is not None:
        ent = best[2]
        return ent.name, ent.id, (ent.roles[0] if ent.roles else None)
    if span is None:
        return None, None, None
    if kind == "pronoun":
        word = span.text.lower()
        if word in ("he", "she", "i"):
            # the most recent person named outside quotation marks ("Stoltenberg declined ... he said")
            for name, record in d.persons_before(span.start):
                return name, record.id if record is not None else None, None
        if word == "who" and span.root.head.dep_ == "relcl":
            antecedent = span.root.head.head
            return resolve(d, *span_of(d, antecedent), mention_kind(d.doc[antecedent.i:antecedent.i + 1], d.names), history)
        return None, None, None
    persons = [e for e in span.ents if e.label_ == "PERSON"] or [t for t in span if t.text in d.names][:1]
    if persons:
        ent = persons[0]
        return d.names.get(bare(ent.text), ent.text), None, role_of(d, span, ent)
    if kind == "named":
        first = span.root
        while first.i > span.start and d.doc[first.i - 1].pos_ == "PROPN" and d.doc[first.i - 1].dep_ in ("compound", "flat"):
            first = d.doc[first.i - 1]
        name = d.text[first.idx:span.root.idx + len(span.root)]
        return d.names.get(name, name), None, None
    if kind == "title":
        return None, None, span.root.lower_
    if kind == "organization":
        orgs = [e for e in span.ents if e.label_ in ("ORG", "NORP", "GPE", "FAC")]
        return (orgs[0].text if orgs else span.text), None, None
    return None, None, None


def title_words(title: str) -> list[str]:
    """A title's words, lower case and spelt out: "NATO Secretary-General" -> [..., "secretary-general"]."""
    words = [w.lower().strip(",.;:'’\"").removesuffix("’s").removesuffix("'s") for w in title.split()]
    return [TITLE_ABBREVIATIONS.get(w, w) for w in words if w]


def same_office(title: str, head: str, mods: set[str], places: list, code: str | None) -> bool:
    """``title`` names the office "the <mods> <places> <head>" speaks of: same head noun, the
    phrase's own qualifiers ("defence") in it, no rank word ("vice") on one side only, and each
    place word ("Florida", "French") in it or naming the country of the holder (``code``)."""
    words = title_words(title)
    parts = {p for w in words for p in w.split("-")}
    return bool(words) and words[-1] == head and mods <= parts and parts & RANK_WORDS <= mods \
        and all(t.lower_ in parts or _names_country(t, code) for t in places)


def _names_country(tok, code: str | None) -> bool:
    """The word names the country ``code`` ("French" for FRA)."""
    actor = lookup_actor(tok.text)
    return code is not None and actor is not None and actor.kind == "country" and actor.code == code


def office_holder(d: QuoteDoc, span, history: list[Speaker]):
    """(name, entity id, role) for "the minister", "the Canadian defence minister": the latest
    person before it titled with the same office; failing that, for a public office
    (OFFICE_HEADS), the one person without a title the KB places in that office's sector (and
    country, if the phrase names one)."""
    root = span.root
    if span[0].lower_ != "the" or root.tag_ in ("NNS", "NNPS") or root.pos_ not in ("NOUN", "PROPN"):
        return None
    words = d.text[span[1].idx:root.idx + len(root)] if len(span) > 1 else ""
    head = (title_words(words) or [""])[-1]
    office = lookup_actor(words)
    before = [t for t in span[1:] if t.i < root.i]
    mods = {t.lower_ for t in before
            if t.lower_ in RANK_WORDS or t.dep_ == "compound" and t.pos_ == "NOUN" and t.is_lower}
    places = [t for t in before if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "LOC")]
    untitled: dict[str, tuple] = {}
    for name, record in d.persons_before(span.start):
        code = record.code if record is not None else None
        titles = list(record.roles if record is not None else ()) + [
            s.role for s in history if s.role and s.name == name and s.kind != "title"]
        hit = next((t for t in titles if same_office(t, head, mods, places, code)), None)
        if hit is not None:  # the title is the entity's, and so is the name
            return (record.name, record.id, hit) if record is not None else (name, None, hit)
        if not titles and record is not None and office is not None and record.sector == office.sector \
                and (office.code is None or code == office.code) \
                and all(_names_country(t, code) for t in places):
            untitled[record.id] = (record.name, record.id, words)
    if head in OFFICE_HEADS and len(untitled) == 1:
        return next(iter(untitled.values()))
    return None


def role_of(d: QuoteDoc, span, ent) -> str | None:
    """Title words around a name: "NATO Secretary-General Jens Stoltenberg", "Doe, a spokeswoman"."""
    root = ent.root if hasattr(ent, "root") else ent
    for t in root.children:
        if t.dep_ == "appos" and t.i > root.i:
            return d.doc[t.left_edge.i:t.i + 1].text.removeprefix("the ").removeprefix("a ").removeprefix("an ") or None
    start = ent.start if hasattr(ent, "start") else ent.i
    before = d.doc[span.start:start]
    words = [t for t in before if t.pos_ not in ("DET", "PUNCT") or t.text == "-"]
    return d.text[words[0].idx:before.end_char].strip() if words and before.end_char else None
