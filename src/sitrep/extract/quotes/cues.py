"""Cues: the reporting words (a verb of saying, "according to", a stance noun with its holder)
and the content each introduces."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...records import Span
from .lexicon import (BELIEF_VERBS, NOT_SOURCES, OBJECT_VERBS, PLATFORMS, SPEECH_AS, SPEECH_TO, SPEECH_VERBS,
                      learned_cues, learned_lemmas)
from .marks import sentence_end
from .people import given_names

if TYPE_CHECKING:
    from .document import QuoteDoc

_SUBJ = ("nsubj", "nsubjpass", "csubj")

# tokens of a reporting clause or a speaker phrase looked at, at most: longer ones come from
# text the parser could not split into sentences (20 KB of quotation marks), where walking
# every clause's whole subtree made extraction quadratic in the length of the article
MAX_PHRASE = 250


def subtree(tok) -> list:
    """The tokens under ``tok``, or, for a runaway parse, those within MAX_PHRASE around it."""
    lo, hi = tok.left_edge.i, tok.right_edge.i
    if hi - lo <= MAX_PHRASE:
        return list(tok.subtree)
    lo = max(lo, tok.i - MAX_PHRASE // 4)
    return list(tok.doc[lo:min(hi + 1, lo + MAX_PHRASE)])


def is_cue(tok) -> bool:
    """A reporting word: a verb of saying or believing, a learned cue, "according to", or a speech
    noun with its own holder and clause."""
    if tok.lower_ == "according":
        return any(c.lower_ == "to" for c in tok.children)
    pos = tok.pos_
    if pos in ("VERB", "AUX"):
        lemma = tok.lemma_.lower()
        return lemma in SPEECH_VERBS or lemma in BELIEF_VERBS or lemma in learned_lemmas()
    if pos == "NOUN":
        lemma = tok.lemma_.lower()
        return lemma in learned_lemmas() and any((lemma, rel) in learned_cues() for rel, _ in relations(tok)) \
            or lemma in SPEECH_VERBS and held_claim(tok)
    return False


def owner(noun):
    """Who holds a stance noun: "Trump's demand", "a demand by Trump", "a statement from X"."""
    return next(iter([c for c in noun.children if c.dep_ == "poss"] + [
        p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
        for p in c.children if p.dep_ == "pobj"]), None)


def noun_clause(noun):
    """The clause a stance noun takes: "a demand ... for NATO to do more", "X's claim that ..."."""
    return next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i and c.pos_ in ("VERB", "AUX")
                 and any(m.dep_ in ("mark", "aux") and m.lower_ in ("that", "for", "to") for m in c.children)), None)


def held_claim(tok) -> bool:
    """A speech noun with its own holder and clause ("a demand by X for Y to ...") is a cue."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_VERBS and owner(tok) is not None \
        and noun_clause(tok) is not None


def subject(verb):
    """The grammatical subject of a reporting verb, climbing through "saying", "but said"."""
    participle = verb.tag_ == "VBG"
    for _ in range(6):
        # a ticker or a bracket the parser took for the subject ("Bond Corp Holdings Ltd <BONA.S>
        # said", "arranger <Schroders Asia Ltd> said") yields to a word, or is none
        subj = sorted((c for c in verb.children if c.dep_ in _SUBJ and c.text not in ("<", ">")),
                      key=lambda c: c.pos_ in ("X", "PUNCT"))
        if subj and (not participle or verb.dep_ in ("ROOT", "conj") or verb.tag_ != "VBG" and verb.dep_ not in ("ccomp", "pcomp", "xcomp", "advcl")):
            return subj[0]
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "a statement from the ministry saying ...", "protesters chanting ..."
            noun = verb.head
            if owner(noun) is not None:
                return owner(noun)
            return noun if noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "NORP") or noun.tag_ == "NNS" else None
        if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "ccomp", "prep", "pobj") and verb.head.i != verb.i and (participle or verb.dep_ not in ("ccomp", "prep", "pobj")):
            verb = verb.head
        else:
            return None
    return None


def medium_and_date(d: QuoteDoc, verb):
    medium = date = None
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and verb.lemma_ == "tell" and (c.pos_ == "PROPN" or c.ent_type_ == "ORG"):
            medium = d.doc[c.left_edge.i:c.right_edge.i + 1].text
        elif c.dep_ == "prep":
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                if p.lower_ in PLATFORMS or (p.ent_type_ == "ORG" and c.lower_ in ("on", "to")):
                    medium = medium or d.doc[p.left_edge.i:p.right_edge.i + 1].text
                if p.lower_ in ("interview", "statement"):
                    for q in p.children:
                        for r in q.children if q.dep_ == "prep" and q.lower_ in ("with", "to") else ():
                            medium = medium or d.doc[r.left_edge.i:r.right_edge.i + 1].text
                if p.ent_type_ == "DATE" and date is None:
                    date = (p.left_edge.idx, p.right_edge.idx + len(p.right_edge))
        elif c.dep_ in ("npadvmod", "obl", "tmod") and c.ent_type_ == "DATE":
            date = (c.idx, c.idx + len(c))
    value = None
    if date:
        for t in d.found.times:
            if t.value and t.span[0] < date[1] and date[0] < t.span[1]:
                value = t.value
                break
    return medium, value


def clause_span(d: QuoteDoc, head, *, skip=None) -> list[tuple[int, int]] | None:
    """The clause under ``head`` as one piece, or two around a parenthetical ``skip``."""
    toks = subtree(head)
    # '..., calling them "boring"' / '... and called on X to ...': a reporting verb inside the
    # content opens an attribution of its own, which ends this one
    nested = [t for t in toks if t.i > head.i and t.dep_ in ("advcl", "conj") and is_cue(t)
              and d.doc[t.left_edge.i - 1].text in (",", "and") and not d.quoted(t.idx)]
    if nested:
        toks = [t for t in toks if t.i < nested[0].left_edge.i - 1]
    if skip is None:
        piece = _piece(d, head, toks)
        return [piece] if piece else None
    lo_s, hi_s = skip.left_edge.i, skip.right_edge.i
    sides = [[t for t in toks if t.i < lo_s], [t for t in toks if t.i > hi_s]]
    pieces = [p for p in (_piece(d, head, side) for side in sides if sum(not t.is_punct for t in side) >= 2) if p]
    return pieces or None


def _piece(d: QuoteDoc, head, toks) -> tuple[int, int] | None:
    toks = [t for t in toks if not (t.dep_ == "mark" and t.head.i == head.i and t.lower_ in ("that", "whether", "if"))]
    # a dash or semicolon after the head opens the writer's own aside ("— a modest boost for ...")
    cut = next((t.i for t in sorted(toks, key=lambda t: t.i) if t.i > head.i and t.text in ("—", "–", "--", ";")
                and not d.quoted(t.idx)), None)
    if cut is not None:
        toks = [t for t in toks if t.i < cut]
    toks = [t for t in toks if not (t.is_punct and t.text in ",;:—–-")] or toks
    if not toks:
        return None
    lo, hi = min(toks, key=lambda t: t.i), max(toks, key=lambda t: t.i)
    while hi.i > lo.i and hi.is_punct and hi.text not in "\"”'’»":
        hi = d.doc[hi.i - 1]
    return lo.idx, hi.idx + len(hi)


def content_of(d: QuoteDoc, verb) -> tuple[list[Span], bool] | None:
    """The clause a reporting word introduces, and whether it is something said or written (a
    quote) rather than believed, planned or stood for (an attribution); ``None`` if there is none."""
    found = _content(d, verb)
    source = detached_source(d, verb) if found is not None else None
    if source is not None and source[0] < verb.i:
        # "..., lead manager Nikko Securities said": the source is no part of what it said
        cut = d.doc[source[0] - 1].idx
        pieces = [(a, min(b, cut)) for a, b in found[0] if a < cut]
        return (pieces, found[1]) if pieces else None
    return found


def detached_source(d: QuoteDoc, verb) -> tuple[int, int] | None:
    """Token range [start, end) of the source of a speech verb the parser left without a subject:
    set off by a comma right after the verb ("..., said sole manager Goldman, Sachs and Co.") or
    right before it, run into the clause it reports ("The coupon was set at three pct, lead
    manager Nikko Securities said."); else None."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS or verb.tag_ == "VBG" \
            or d.quoted(verb.idx) or subject(verb) is not None:
        return None
    sent, doc = verb.sent, verb.doc
    if any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1:sent.end]):
        return None  # the clause it reports comes after it
    if verb.i > sent.start and doc[verb.i - 1].text == ",":
        toks = []
        for t in doc[verb.i + 1:sent.end]:
            if t.is_space:
                continue
            if t.dep_ == "prep" and t.head.i == verb.i or t.ent_type_ in ("DATE", "TIME") or t.text in (".", ";", ":"):
                break
            toks.append(t)
        if _noun_phrase(toks):
            return toks[0].i, toks[-1].i + 1
    toks = []
    for t in reversed(doc[sent.start:verb.i]):
        if t.text == ",":
            if not (t.i > sent.start and _noun_phrase(toks[::-1])):
                return None
            # "..., Francisco Chona, manager of Ecopetrol said": the name before its description
            name = next((doc[c.i + 1:t.i] for c in reversed(doc[max(sent.start, t.i - 5):t.i]) if c.text == ","), None)
            if name is not None and len(name) and all(w.pos_ == "PROPN" and w.text[:1].isupper() for w in name) \
                    and (name[0].ent_type_ == "PERSON" or len(name) > 1 and name[0].lower_ in given_names()):
                return name.start, toks[0].i + 1
            return toks[-1].i, toks[0].i + 1
        toks.append(t)
    return None


def _noun_phrase(toks) -> bool:
    """A short phrase naming someone: no clause but a participle's ("a Shearson Lehman official
    advising TLX"), no quotation, a noun in it."""
    return 0 < len(toks) <= 12 and toks[0].pos_ not in ("ADP", "SCONJ", "CCONJ", "PRON", "ADV", "PART", "VERB") \
        and not any(t.pos_ == "AUX" or t.pos_ == "VERB" and not (t.tag_ in ("VBG", "VBN") and t.dep_ in ("acl", "amod"))
                    or t.text in ('"', "“", "”") for t in toks) \
        and any(t.pos_ in ("NOUN", "PROPN") for t in toks)


def _content(d: QuoteDoc, verb) -> tuple[list[Span], bool] | None:
    lemma = verb.lemma_.lower()
    speech = lemma in SPEECH_VERBS and verb.pos_ != "NOUN"
    if verb.lower_ == "according":
        cited = [p for c in verb.children if c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
        if cited and cited[0].lower_ in NOT_SOURCES:
            return None  # "according to the terms of the deal": what a deal says, not someone
        head = verb.head
        while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl") and head.head.i != head.i:
            head = head.head
        return _said(clause_span(d, head, skip=verb), True)
    if held_claim(verb):
        return _said(clause_span(d, noun_clause(verb)), True)  # the demand itself, not its holder
    if inverted_source(d, verb) is not None:
        return _said(clause_span(d, verb.head, skip=verb), True)
    comps = [c for c in verb.children if c.dep_ == "ccomp" and (c.i > verb.i or c.pos_ in ("VERB", "AUX"))
             or c.dep_ == "advcl" and any(m.lower_ in ("if", "whether") for m in c.children if m.dep_ == "mark")]
    if comps:
        after = [c for c in comps if c.i > verb.i]
        return _said(clause_span(d, after[0] if after else comps[-1]), speech)
    subj = [c for c in verb.children if c.dep_ in _SUBJ]
    first = min([verb.i] + [c.left_edge.i for c in subj])
    if verb.dep_ in ("parataxis", "ccomp") and subj and first > 0 and d.doc[first - 1].is_punct \
            and not _reported(verb):
        # "..., Barden says, far too many lives ...": the attribution is parenthetical; but in
        # "..., the board proposed cutting the dividend, the statement added" the verb is what
        # the statement says, and the reporting clause after it is no content of its own
        head = verb.head
        while head.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "advmod", "neg") and head.head.i != head.i:
            head = head.head
        return _said(clause_span(d, head, skip=verb), speech)
    table = learned_cues()
    best = max(((table.get((lemma, rel), 0.0), head.i, head, rel) for rel, head in relations(verb)
                if head.i > verb.i and head.ent_type_ not in ("DATE", "TIME") and head.pos_ != "PRON"),
               default=None, key=lambda r: r[:2])
    if best is not None and best[0] > 0:
        # "responding to a demand by X for ...": what is said there is X's, under its own cue
        if held_claim(best[2]):
            return None
        # only a clause is a quote: the object of "dismissed" or "refused" is no statement, and
        # a to-infinitive only after a verb that asks or promises ("urged police to investigate");
        # a gerund clause is one ("said having him back was a boost")
        said = speech and (best[3] in ("ccomp", "advcl") or best[3] == "xcomp" and (
            lemma in SPEECH_TO or best[2].tag_ == "VBG")) or lemma in SPEECH_AS and best[3] in ("oprd", "prep_as")
        return _said(clause_span(d, best[2]), said)
    if lemma in OBJECT_VERBS:
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ != "PRON"]
        if objs:
            return _said(clause_span(d, objs[0]), False)
    return None


def _reported(verb) -> bool:
    """The verb's clause is all that a reporting clause ending the sentence says: "..., the board
    proposed cutting the dividend, the statement added." (but "..., Poehl said the cut came
    after ..., the sources said" reports more than Poehl's clause)."""
    head = verb.head
    return head.i > verb.i and head.pos_ == "VERB" and head.lemma_.lower() in SPEECH_VERBS \
        and any(c.dep_ in _SUBJ and c.i > verb.i for c in head.children) \
        and not any(c.dep_ in ("ccomp", "xcomp", "dobj", "advcl", "conj", "parataxis") and c.i != verb.i
                    for c in head.children)


def _said(pieces, said: bool) -> tuple[list[Span], bool] | None:
    return (pieces, said) if pieces else None


def inverted_source(d: QuoteDoc, verb):
    """'..., reported the Missouri State Highway Patrol': the source of a speech verb that
    follows its clause with no subject before it, parsed as the verb's object or as a subject
    after it; else None."""
    if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ != "VERB" or verb.dep_ not in ("conj", "parataxis") \
            or verb.i == 0 or d.doc[verb.i - 1].text != "," or verb.i < verb.head.i:
        return None
    if any(c.dep_ in _SUBJ and c.i < verb.i or c.dep_ == "ccomp" for c in verb.children):
        return None
    # the source parsed as the verb's object, or as its subject after it ("..., said lead manager X")
    obj = next((c for c in verb.children if c.dep_ in ("dobj", *_SUBJ) and c.i > verb.i), None)
    if obj is None or not (obj.pos_ == "PROPN" or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")):
        return None
    # the source ends the sentence: nothing of substance after it
    rest = d.doc[obj.right_edge.i + 1:verb.sent.end]
    return obj if all(t.is_punct or t.is_space for t in rest) else None


def relations(tok):
    """(relation, head) for each child that may carry what a source said (as in the cue table)."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "dobj", "xcomp", "advcl", "attr", "oprd", "dative"):
            yield c.dep_, c
        elif c.dep_ == "prep":
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    yield f"prep_{c.lower_}", p


def window_cue(d: QuoteDoc, chain: list[tuple[int, int]]):
    """The reporting verb attributing a run of quoted text: between its parts, after, before."""
    first, last = chain[0], chain[-1]
    gaps = [(a[1], b[0]) for a, b in zip(chain, chain[1:])]
    para_end = d.text.find("\n", last[1])
    para_end = len(d.text) if para_end < 0 else para_end
    para_start = d.text.rfind("\n", 0, first[0]) + 1
    windows = gaps + [(last[1], min(para_end, last[1] + 120)), (max(para_start, first[0] - 160), first[0])]
    for n, (lo, hi) in enumerate(windows):
        span = d.doc.char_span(lo, hi, alignment_mode="contract")
        if span is None:
            continue
        cues = [t for t in span if is_cue(t) and not d.quoted(t.idx) and t.pos_ != "NOUN"]
        if n == len(windows) - 1:
            # before the quote: the nearest reporting verb, and only in the same sentence
            cues = [t for t in cues[-1:] if not sentence_end(d.text, t.idx, first[0] - 1)]
        elif n == len(windows) - 2:
            cues = [t for t in cues if not sentence_end(d.text, last[1] + 1, t.idx)][:1]
        for t in cues:
            if subject(t) is not None or t.lower_ == "according" or n == len(windows) - 2:
                return t
    return None
