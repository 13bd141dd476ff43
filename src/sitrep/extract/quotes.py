"""Quotes and their speakers: direct, indirect and mixed attributions.

Direct quotes come from the quotation marks (``_quote_rules.quote_segments``), indirect ones
from the dependency parse (a clausal complement of a reporting verb, "according to X").
A reporting clause is found for every quote; its subject is the speaker, resolved to a
name through the entities stage when it ran, else through spaCy's PERSON/ORG mentions.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..kb.actors import lookup_actor
from ..records import Quote, Speaker, TextSpan
from ._quote_rules import (ANONYMOUS_HEADS, ANONYMOUS_WORDS, OBJECT_VERBS, OFFICE_HEADS, PLATFORMS,
                           PRONOUNS, RANK_WORDS, SPEECH_VERBS, TITLE_ABBREVIATIONS, learned_cues,
                           learned_lemmas, quote_segments)
from .entities import entity_at

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_SENTENCE_END = re.compile(r"[.!?][\"”'’]?\s+[\"“A-Z]")


class _Doc:
    """The parse plus per-document lookups shared by the rules below."""

    def __init__(self, parsed, found):
        self.parsed, self.found, self.doc, self.text = parsed, found, parsed.doc, parsed.text
        title = parsed.article.title_span
        if title is None:
            first = self.text.split("\n", 1)[0]
            title = (0, len(first)) if 0 < len(first) < 200 else None
        # boilerplate ("READ MORE: …", captions) is no one's statement
        segments = quote_segments(self.text, single_spans=(title,) if title else ())
        segments = [c for c in segments if not parsed.in_boilerplate(c[0][0])]
        self.chains = self._join_split(segments)
        self.inside = sorted(s for chain in self.chains for s in chain)
        self.starts = [s for s, _ in self.inside]
        self.names = _name_table(self.doc)

    def _join_split(self, chains):
        """'"...," Stoltenberg said Thursday, "..."': one quotation around its attribution."""
        out = chains[:1]
        for chain in chains[1:]:
            lo, hi = out[-1][-1][1], chain[0][0]
            gap = self.text[lo:hi]
            span = self.doc.char_span(lo, hi, alignment_mode="contract") if "\n" not in gap and len(gap) < 160 else None
            # one reporting verb and one sentence between them; a second verb ("he says. He adds
            # that ...") or a sentence of the writer's starts a new statement
            words = re.sub(r"[\s\"“'‘«]+$", "", gap)
            first = next((i for i, ch in enumerate(words) if ch.isalnum()), len(words))
            if span is not None and sum(_is_cue(t) for t in span) == 1 and words.endswith((",", ".", ":")) \
                    and not _SENTENCE_END.search(words, first) and not self._own_cue(chain[-1][1]):
                out[-1] = out[-1] + chain
            else:
                out.append(chain)
        return out

    def _own_cue(self, end: int) -> bool:
        """'"...," she said. "...," she said': the next quotation has an attribution of its own."""
        tail = self.text[end:end + 60].split("\n", 1)[0]
        stop = re.search(r"[.!?]\s", tail)
        span = self.doc.char_span(end, end + (stop.start() if stop else len(tail)), alignment_mode="contract")
        return span is not None and len(span) <= 8 and any(_is_cue(t) for t in span)

    def quoted(self, idx: int) -> bool:
        i = bisect_right(self.starts, idx) - 1
        return i >= 0 and self.inside[i][0] <= idx < self.inside[i][1]


def _name_table(doc) -> dict[str, str]:
    """Surname or short form -> fullest PERSON name seen in the document."""
    full: dict[str, str] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = _bare(ent.text)
        parts = name.split()
        for key in (name, parts[-1] if parts else name):
            if len(name) > len(full.get(key, "")):
                full[key] = name
    return full


def _bare(name: str) -> str:
    """A name without its possessive or the punctuation around it: "Sanders’" -> "Sanders"."""
    return re.sub(r"['’]s$", "", name.strip(" ,.\"'’“”")).strip(" ,.")


def _is_cue(tok) -> bool:
    lemma = tok.lemma_.lower()
    return (lemma in SPEECH_VERBS or lemma in learned_lemmas()) and tok.pos_ in ("VERB", "AUX") or (
        tok.pos_ == "NOUN" and any((lemma, rel) in learned_cues() for rel, _ in _relations(tok))) or (
        tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children)) or _held_claim(tok)


def _owner(noun):
    """Who holds a stance noun: "Trump's demand", "a demand by Trump", "a statement from X"."""
    return next(iter([c for c in noun.children if c.dep_ == "poss"] + [
        p for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
        for p in c.children if p.dep_ == "pobj"]), None)


def _noun_clause(noun):
    """The clause a stance noun takes: "a demand ... for NATO to do more", "X's claim that ..."."""
    return next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.i > noun.i and c.pos_ in ("VERB", "AUX")
                 and any(m.dep_ in ("mark", "aux") and m.lower_ in ("that", "for", "to") for m in c.children)), None)


def _held_claim(tok) -> bool:
    """A speech noun with its own holder and clause ("a demand by X for Y to ...") is a cue."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in SPEECH_VERBS and _owner(tok) is not None \
        and _noun_clause(tok) is not None


def _subject(verb):
    """The grammatical subject of a reporting verb, climbing through "saying", "but said"."""
    participle = verb.tag_ == "VBG"
    for _ in range(6):
        subj = [c for c in verb.children if c.dep_ in _SUBJ]
        if subj and (not participle or verb.dep_ in ("ROOT", "conj") or verb.tag_ != "VBG" and verb.dep_ not in ("ccomp", "pcomp", "xcomp", "advcl")):
            return subj[0]
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "a statement from the ministry saying ...", "protesters chanting ..."
            noun = verb.head
            if _owner(noun) is not None:
                return _owner(noun)
            return noun if noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", "ORG", "NORP") or noun.tag_ == "NNS" else None
        if verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "ccomp", "prep", "pobj") and verb.head.i != verb.i and (participle or verb.dep_ not in ("ccomp", "prep", "pobj")):
            verb = verb.head
        else:
            return None
    return None


def _span_of(d: _Doc, tok) -> tuple[int, int]:
    """Character span of a noun phrase headed by ``tok``, never reaching into a quote."""
    toks = [t for t in tok.subtree if not d.quoted(t.idx) and t.dep_ != "relcl"]
    toks = [t for t in toks if t.i <= tok.i or t.dep_ in ("compound", "flat", "appos", "punct", "nummod", "amod", "prep", "pobj", "det", "poss", "case", "cc", "conj")]
    lo = min(t.i for t in toks) if toks else tok.i
    hi = max(t.i for t in toks) if toks else tok.i
    while hi > lo and d.doc[hi].is_punct:
        hi -= 1
    while lo < hi and d.doc[lo].is_punct:
        lo += 1
    return d.doc[lo].idx, d.doc[hi].idx + len(d.doc[hi])


def _kind(span, names: dict[str, str]) -> str:
    words = [t.lower_ for t in span]
    head = span.root
    if len(span) == 1 and head.lower_ in PRONOUNS:
        return "pronoun"
    if ANONYMOUS_WORDS & set(words) or head.lower_ in ANONYMOUS_HEADS:
        return "anonymous"
    labels = {e.label_ for e in span.ents if e.start <= head.i < e.end}
    if "PERSON" in labels or head.text in names:
        return "named"
    if labels & {"ORG", "NORP", "GPE", "FAC"}:
        return "organization"
    if head.pos_ == "PROPN" and not head.is_lower:  # "the secretary-general" is tagged NNP
        return "named"
    if head.tag_ in ("NNS", "NNPS") or any(t.like_num for t in span):
        return "collective"
    return "title"


def _resolve(d: _Doc, start: int, end: int, kind: str, history: list[Speaker]):
    """(name, entity id, role) for the speaker mention at [start, end)."""
    span = d.doc.char_span(start, end, alignment_mode="expand")
    head = span.root.idx if span is not None else end - 1
    # the entity whose mention holds the phrase's head: "NATO Secretary-General Jens
    # Stoltenberg" is Stoltenberg, not NATO; persons before others when no mention holds it
    best = max(((any(s <= head < e for s, e in ent.mentions), ent.kind == "person", ent)
                for ent in d.found.entities if any(s < end and start < e for s, e in ent.mentions)),
               default=None, key=lambda r: r[:2])
    if kind == "title" and span is not None and (best is None or not best[0]):
        # "the minister" named earlier; "the Vermont senator" is a person, not the state
        holder = _office_holder(d, span, history)
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
            for name, record in _persons_before(d, span.start):
                return name, record.id if record is not None else None, None
        if word == "who" and span.root.head.dep_ == "relcl":
            antecedent = span.root.head.head
            return _resolve(d, *_span_of(d, antecedent), _kind(d.doc[antecedent.i:antecedent.i + 1], d.names), history)
        return None, None, None
    persons = [e for e in span.ents if e.label_ == "PERSON"] or [t for t in span if t.text in d.names][:1]
    if persons:
        ent = persons[0]
        return d.names.get(_bare(ent.text), ent.text), None, _role_of(d, span, ent)
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


def _persons_before(d: _Doc, i: int):
    """(fullest name, person entity or None) for each person named outside quotation marks and
    the byline before token ``i``, latest first (a name of several tokens comes once per token)."""
    for tok in reversed(d.doc[:i]):
        if tok.ent_type_ == "PERSON" and tok.ent_iob_ != "O" or tok.pos_ == "PROPN" and tok.text in d.names:
            if not d.quoted(tok.idx) and not d.parsed.in_header(tok.idx):
                ent = next((e for e in d.doc.ents if e.start <= tok.i < e.end), d.doc[tok.i:tok.i + 1])
                key = _bare(ent.text)
                record = entity_at(d.found.entities, ent.start_char, ent.end_char)
                name = d.names.get(key, d.names.get(tok.text, key))
                yield name, record if record is not None and record.kind == "person" else None


def _title_words(title: str) -> list[str]:
    """A title's words, lower case and spelt out: "NATO Secretary-General" -> [..., "secretary-general"]."""
    words = [w.lower().strip(",.;:'’\"").removesuffix("’s").removesuffix("'s") for w in title.split()]
    return [TITLE_ABBREVIATIONS.get(w, w) for w in words if w]


def _same_office(title: str, head: str, mods: set[str], places: list, code: str | None) -> bool:
    """``title`` names the office "the <mods> <places> <head>" speaks of: same head noun, the
    phrase's own qualifiers ("defence") in it, no rank word ("vice") on one side only, and each
    place word ("Florida", "French") in it or naming the country of the holder (``code``)."""
    words = _title_words(title)
    parts = {p for w in words for p in w.split("-")}
    return bool(words) and words[-1] == head and mods <= parts and parts & RANK_WORDS <= mods \
        and all(t.lower_ in parts or _names_country(t, code) for t in places)


def _names_country(tok, code: str | None) -> bool:
    """The word names the country ``code`` ("French" for FRA)."""
    actor = lookup_actor(tok.text)
    return code is not None and actor is not None and actor.kind == "country" and actor.code == code


def _office_holder(d: _Doc, span, history: list[Speaker]):
    """(name, entity id, role) for "the minister", "the Canadian defence minister": the latest
    person before it titled with the same office; failing that, for a public office
    (OFFICE_HEADS), the one person without a title the KB places in that office's sector (and
    country, if the phrase names one)."""
    root = span.root
    if span[0].lower_ != "the" or root.tag_ in ("NNS", "NNPS") or root.pos_ not in ("NOUN", "PROPN"):
        return None
    words = d.text[span[1].idx:root.idx + len(root)] if len(span) > 1 else ""
    head = (_title_words(words) or [""])[-1]
    office = lookup_actor(words)
    before = [t for t in span[1:] if t.i < root.i]
    mods = {t.lower_ for t in before
            if t.lower_ in RANK_WORDS or t.dep_ == "compound" and t.pos_ == "NOUN" and t.is_lower}
    places = [t for t in before if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "LOC")]
    untitled: dict[str, tuple] = {}
    for name, record in _persons_before(d, span.start):
        code = record.code if record is not None else None
        titles = list(record.roles if record is not None else ()) + [
            s.role for s in history if s.role and s.name == name and s.kind != "title"]
        hit = next((t for t in titles if _same_office(t, head, mods, places, code)), None)
        if hit is not None:  # the title is the entity's, and so is the name
            return (record.name, record.id, hit) if record is not None else (name, None, hit)
        if not titles and record is not None and office is not None and record.sector == office.sector \
                and (office.code is None or code == office.code) \
                and all(_names_country(t, code) for t in places):
            untitled[record.id] = (record.name, record.id, words)
    if head in OFFICE_HEADS and len(untitled) == 1:
        return next(iter(untitled.values()))
    return None


def _role_of(d: _Doc, span, ent) -> str | None:
    """Title words around a name: "NATO Secretary-General Jens Stoltenberg", "Doe, a spokeswoman"."""
    root = ent.root if hasattr(ent, "root") else ent
    for t in root.children:
        if t.dep_ == "appos" and t.i > root.i:
            return d.doc[t.left_edge.i:t.i + 1].text.removeprefix("the ").removeprefix("a ").removeprefix("an ") or None
    start = ent.start if hasattr(ent, "start") else ent.i
    before = d.doc[span.start:start]
    words = [t for t in before if t.pos_ not in ("DET", "PUNCT") or t.text == "-"]
    return d.text[words[0].idx:before.end_char].strip() if words and before.end_char else None


def _medium_and_date(d: _Doc, verb):
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


def _clause_span(d: _Doc, head, *, skip=None) -> list[tuple[int, int]] | None:
    """The clause under ``head`` as one piece, or two around a parenthetical ``skip``."""
    toks = list(head.subtree)
    # '..., calling them "boring"' / '... and called on X to ...': a reporting verb inside the
    # content opens an attribution of its own, which ends this one
    nested = [t for t in toks if t.i > head.i and t.dep_ in ("advcl", "conj") and _is_cue(t)
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


def _piece(d: _Doc, head, toks) -> tuple[int, int] | None:
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


def _content_of(d: _Doc, verb):
    """The clause a reporting word introduces, or ``None``."""
    if verb.lower_ == "according":
        head = verb.head
        while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl") and head.head.i != head.i:
            head = head.head
        return _clause_span(d, head, skip=verb)
    if _held_claim(verb):
        return _clause_span(d, _noun_clause(verb))  # the demand itself, not its holder
    comps = [c for c in verb.children if c.dep_ == "ccomp" and (c.i > verb.i or c.pos_ in ("VERB", "AUX"))
             or c.dep_ == "advcl" and any(m.lower_ in ("if", "whether") for m in c.children if m.dep_ == "mark")]
    if comps:
        after = [c for c in comps if c.i > verb.i]
        return _clause_span(d, after[0] if after else comps[-1])
    subj = [c for c in verb.children if c.dep_ in _SUBJ]
    first = min([verb.i] + [c.left_edge.i for c in subj])
    if verb.dep_ in ("parataxis", "ccomp") and subj and first > 0 and d.doc[first - 1].is_punct:
        # "..., Barden says, far too many lives ...": the attribution is parenthetical
        head = verb.head
        while head.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "advmod", "neg") and head.head.i != head.i:
            head = head.head
        return _clause_span(d, head, skip=verb)
    lemma = verb.lemma_.lower()
    table = learned_cues()
    best = max(((table.get((lemma, rel), 0.0), head.i, head) for rel, head in _relations(verb)
                if head.i > verb.i and head.ent_type_ not in ("DATE", "TIME") and head.pos_ != "PRON"),
               default=None, key=lambda r: r[:2])
    if best is not None and best[0] > 0:
        # "responding to a demand by X for ...": what is said there is X's, under its own cue
        return None if _held_claim(best[2]) else _clause_span(d, best[2])
    if lemma in OBJECT_VERBS:
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i and c.pos_ != "PRON"]
        if objs:
            return _clause_span(d, objs[0])
    return None


def _relations(tok):
    """(relation, head) for each child that may carry what a source said (as in the cue table)."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "dobj", "xcomp", "advcl", "attr", "oprd", "dative"):
            yield c.dep_, c
        elif c.dep_ == "prep":
            for p in c.children:
                if p.dep_ in ("pobj", "pcomp"):
                    yield f"prep_{c.lower_}", p


def _speaker_of(d: _Doc, verb, history: list[Speaker]) -> Speaker | None:
    if verb.lower_ == "according":
        to = next(c for c in verb.children if c.lower_ == "to")
        objs = [c for c in to.children if c.dep_ == "pobj"]
        subj = objs[0] if objs else None
    elif verb.pos_ == "NOUN":
        # "Trump's criticism of", "a statement from the ministry", "X voiced support for"
        subj = _owner(verb)
        subj = subj if subj is not None else _subject(verb.head) if verb.dep_ == "dobj" else None
    else:
        subj = _subject(verb)
        if subj is not None and subj.dep_ == "nsubjpass":
            # "was criticized by X": the agent is the source
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            subj = agents[0] if agents else None
    if subj is None or subj.lower_ in ("it", "there", "that", "this", "which"):
        return None
    start, end = _span_of(d, subj)
    span = d.doc.char_span(start, end, alignment_mode="expand")
    kind = _kind(span, d.names) if span is not None else None
    name, entity, role = _resolve(d, start, end, kind, history)
    return Speaker(text=d.text[start:end], span=(start, end), name=name, entity=entity, kind=kind, role=role)


def _window_cue(d: _Doc, chain: list[tuple[int, int]]):
    """The reporting verb attributing a run of quoted text: between its parts, after, before."""
    first, last = chain[0], chain[-1]
    gaps = [(a[1], b[0]) for a, b in zip(chain, chain[1:])]
    para_end = d.text.find("\n", last[1])
    para_end = len(d.text) if para_end < 0 else para_end
    para_start = d.text.rfind("\n", 0, first[0]) + 1
    after_sent = d.doc.char_span(last[1], min(para_end, last[1] + 200), alignment_mode="expand")
    windows = gaps + [(last[1], min(para_end, last[1] + 120)), (max(para_start, first[0] - 160), first[0])]
    for n, (lo, hi) in enumerate(windows):
        span = d.doc.char_span(lo, hi, alignment_mode="contract")
        if span is None:
            continue
        cues = [t for t in span if _is_cue(t) and not d.quoted(t.idx) and t.pos_ != "NOUN"]
        if n == len(windows) - 1:
            # before the quote: the nearest reporting verb, and only in the same sentence
            cues = [t for t in cues[-1:] if not _SENTENCE_END.search(d.text, t.idx, first[0] - 1)]
        elif n == len(windows) - 2:
            cues = [t for t in cues if not _SENTENCE_END.search(d.text, last[1] + 1, t.idx)][:1]
        for t in cues:
            if _subject(t) is not None or t.lower_ == "according" or n == len(windows) - 2:
                return t
    return None


def _adjacent_speaker(d: _Doc, chain, cue, history) -> Speaker | None:
    """'"...," Sajjan says' / '"...," said the minister': the words between mark and verb."""
    end = chain[-1][1]
    if not end <= cue.idx <= end + 160:
        return None
    between = d.doc.char_span(end, cue.idx, alignment_mode="contract")
    toks = []
    for t in between or ():
        if t.is_punct and toks:
            break  # "Bill Eastland, wearing a cowboy hat, said": the name before the aside
        if not t.is_punct and not t.is_space and not d.quoted(t.idx):
            toks.append(t)
    if not toks:
        stop = next((t for t in d.doc[cue.i + 1:cue.i + 12] if t.is_punct and t.text != "-" or t.ent_type_ == "DATE"), None)
        toks = [t for t in d.doc[cue.i + 1:stop.i if stop is not None else cue.i + 1] if not t.is_space]
    if not toks or len(toks) > 8 or any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    start, stop = toks[0].idx, toks[-1].idx + len(toks[-1])
    span = d.doc[toks[0].i:toks[-1].i + 1]
    kind = _kind(span, d.names)
    name, entity, role = _resolve(d, start, stop, kind, history)
    return Speaker(text=d.text[start:stop], span=(start, stop), name=name, entity=entity, kind=kind, role=role)


def _dash_speaker(d: _Doc, chain) -> Speaker | None:
    """'"...," — Jane Doe': a dash and a name right after the closing mark."""
    end = chain[-1][1]
    tail = d.text[end:end + 12]
    if "—" not in tail and "–" not in tail and " - " not in tail:
        return None
    for ent in d.doc.ents:
        if ent.label_ == "PERSON" and end < ent.start_char <= end + 12:
            return Speaker(text=ent.text, span=(ent.start_char, ent.end_char), name=d.names.get(ent.text, ent.text),
                           kind="named")
    return None


def _colon_speaker(d: _Doc, start: int, *, history=()) -> Speaker | None:
    """'Clinton camp: "..."' and 'Report: ...': a short verbless noun phrase and a colon."""
    line_start = d.text.rfind("\n", 0, start) + 1
    head = d.text[line_start:start].rstrip(" \"“'‘«")
    if not head.endswith(":"):
        return None
    span = d.doc.char_span(line_start, line_start + len(head) - 1, alignment_mode="contract")
    if span is None or not 0 < len(span) <= 6 or any(t.pos_ in ("VERB", "AUX") for t in span) \
            or not any(t.pos_ in ("PROPN", "NOUN") for t in span):
        return None
    kind = _kind(span, d.names)
    name, entity, role = _resolve(d, span.start_char, span.end_char, kind, list(history))
    return Speaker(text=span.text, span=(span.start_char, span.end_char), name=name, entity=entity, kind=kind, role=role)


def _colon_lines(d: _Doc):
    """(speaker, content span) for every line written as 'Source: statement'."""
    start, lines = 0, []
    for line in d.text.split("\n"):
        lines.append((start, line))
        start += len(line) + 1
    for n, (start, line) in enumerate(lines):
        colon = line.find(": ")
        if 0 < colon < 50:
            s, e = start + colon + 2, start + len(line.rstrip())
            words = d.text[s:e].split()
            speaker = _colon_speaker(d, s) if len(words) >= 3 else None
            if speaker is not None:
                if speaker.text.isupper():
                    # a transcript turn ("TAPPER: ...") runs on until the next speaker or stage note
                    for nxt, more in lines[n + 1:]:
                        head = more.split(": ", 1)[0]
                        if more.strip() and (more.lstrip().startswith(("(", "[")) or ": " in more and head.isupper() and len(head) < 50):
                            break
                        if more.strip():
                            e = nxt + len(more.rstrip())
                yield speaker, (s, e)


def _scare_quote(d: _Doc, chain) -> bool:
    """A few quoted words inside a sentence ("Ted Cruz" pins), not set off as a statement."""
    (start, _), end = chain[0], chain[-1][1]
    if len(chain) > 1 or len(d.text[start:end].split()) >= 4:
        return False
    after = d.text[end:end + 4].lstrip("”\"'’ ")
    before = d.text[max(0, start - 4):start].rstrip("“\"'‘ ")
    return not (after[:1] in (",", "—", "–", "") or before.endswith(":") or d.text[end - 1] in ",!?")


def _merge(spans) -> list[tuple[int, int]]:
    """Sorted spans with overlapping or touching ones (a closing mark apart) joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1] + 2:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _only_attribution(d: _Doc, prev: Quote, start: int) -> bool:
    """Nothing but marks, the previous quote's speaker and cue lie between it and ``start``."""
    skip = [prev.speaker.span if prev.speaker and prev.speaker.span else (0, 0), prev.cue.span if prev.cue else (0, 0)]
    gap = [i for i in range(prev.span[1], start) if d.text[i].isalnum() and not any(a <= i < b for a, b in skip)]
    return len(gap) <= 12 and prev.span[1] < start


def _quote_type(d: _Doc, span: tuple[int, int]) -> str:
    s, e = span
    letters = [i for i in range(s, e) if d.text[i].isalpha()]
    inside = sum(1 for i in letters if d.quoted(i))
    if letters and inside >= 0.9 * len(letters):
        return "direct"
    return "mixed" if inside else "indirect"


def _outermost(out: list[tuple]) -> list[tuple]:
    """Records whose cue is not inside another record's content: in "X says Y thinks Z" the
    statement is X's, and news corpora attribute Y's belief only through it."""
    def within(cue, rec):
        return cue is not None and rec[0][0] <= cue.idx < rec[0][1]
    return [r for r in out if not any(o is not r and within(r[2], o) and not within(o[2], r) for o in out)]


def extract_quotes(parsed, found) -> tuple[Quote, ...]:
    """Every attributed statement in the article, with speaker, cue, medium and date."""
    d = _Doc(parsed, found)
    history: list[Speaker] = []
    out: list[tuple] = []  # (span, type, speaker, cue token, chain)
    claimed: set[int] = set()  # chains already attributed through a clause
    for tok in d.doc:
        if not _is_cue(tok) or d.quoted(tok.idx) or parsed.in_header(tok.idx) or parsed.in_boilerplate(tok.idx):
            continue
        pieces = _content_of(d, tok)
        if not pieces or pieces[-1][1] <= pieces[0][0]:
            continue
        span = (pieces[0][0], pieces[-1][1])
        qtype = _quote_type(d, span)
        hits = [i for i, chain in enumerate(d.chains) if any(s < span[1] and span[0] < e for s, e in chain)]
        if hits and qtype == "direct":
            continue  # the quote pass below attributes it with its own span
        if hits and tok.idx > span[1]:
            # '"...," Eastland, wearing a hat, said' parsed as one clause: the quote ends it
            ends = [e for i in hits for _, e in d.chains[i] if span[0] < e < span[1]
                    and (d.text[e - 1] == "," or d.text[e:e + 3].lstrip("”\"'’ ").startswith(","))]
            if ends:
                pieces = [(a, min(b, ends[0])) for a, b in pieces if a < ends[0]]
                span = (pieces[0][0], pieces[-1][1])
                qtype = _quote_type(d, span)
                if qtype == "direct":
                    continue
        if hits:
            # the paraphrase takes in the quoted words it only partly covers
            claimed.update(hits)
            pieces = _merge(pieces + [seg for i in hits for seg in d.chains[i]])
            span = (pieces[0][0], pieces[-1][1])
            out.append((span, qtype, tok, None, None, tuple(pieces) if len(pieces) > 1 else ()))
            continue
        out.append((span, qtype, tok, None, None, tuple(pieces) if len(pieces) > 1 else ()))
    for i, chain in enumerate(d.chains):
        if i in claimed or _scare_quote(d, chain):
            continue
        cue = _window_cue(d, chain)
        colon = _colon_speaker(d, chain[0][0]) if cue is None else None
        out.append(((chain[0][0], chain[-1][1]), "direct", cue, chain, colon, tuple(chain) if len(chain) > 1 else ()))
    for speaker, span in _colon_lines(d):
        if parsed.in_boilerplate(span[0]):
            continue
        inside = [r for r in out if span[0] <= r[0][0] < span[1]]
        if any(r[3] is not None and r[0][1] - r[0][0] >= 0.8 * (span[1] - span[0]) for r in inside):
            continue
        # 'Cruz: Trump Would Put ‘Liberals’ On Court': the whole line is the statement, the
        # quoted words and clauses inside it are parts of it
        out = [r for r in out if r not in inside]
        out.append((span, _quote_type(d, span), None, None, speaker, ()))
    out = _outermost(out)
    out.sort(key=lambda r: r[0][0])

    quotes: list[Quote] = []
    last_speaker: Speaker | None = None
    last_end = -1
    for span, qtype, cue, chain, given, parts in out:
        speaker = given or (_speaker_of(d, cue, history) if cue is not None else None)
        if cue is not None and chain is not None and cue.idx > span[1] and (
                speaker is None or speaker.span[0] < span[0] or speaker.span[0] > cue.idx + 60):
            speaker = _adjacent_speaker(d, chain, cue, history) or speaker
        medium = date = None
        if cue is not None:
            medium, date = _medium_and_date(d, cue)
        if speaker is None and chain is not None:
            speaker = _dash_speaker(d, chain)
            words = len(d.text[span[0]:span[1]].split())
            gap = d.text[last_end:span[0]] if last_end >= 0 else ""
            if speaker is None and last_speaker is not None and gap.count("\n") <= 2 and len(gap) < 400 and words >= 4:
                # a verb-less quote continues the previous speaker; right after that speaker's
                # quote (nothing but marks and the attribution between) it is the same quotation
                speaker = last_speaker
                prev = quotes[-1] if quotes else None
                if prev is not None and prev.type == "direct" and prev.speaker is last_speaker and _only_attribution(d, prev, span[0]):
                    parts = (prev.parts or (prev.span,)) + tuple(chain)
                    quotes[-1] = prev.replace(span=(prev.span[0], span[1]), parts=parts,
                                              text=d.text[prev.span[0]:span[1]])
                    last_end = span[1]
                    continue
            if speaker is None and words < 8:
                continue  # scare quotes and titles are not statements
        if cue is not None and cue.pos_ == "NOUN" and speaker is None:
            continue  # a stance noun without its holder is a topic, not an attribution
        if chain is None and speaker is not None and speaker.span is not None and any(
                s <= speaker.span[0] < e for s, e in parts or (span,)):
            continue  # a paraphrase without a source outside it is not an attribution
        if speaker is not None:
            history.append(speaker)
            last_speaker, last_end = speaker, span[1]
        # the output contract wants text == text[span]; ``parts`` say which pieces are quoted
        text = d.text[span[0]:span[1]]
        cue_ts = None
        if cue is not None:
            cue_end = cue.idx + len(cue)
            if cue.lower_ == "according":
                cue_end = next(c for c in cue.children if c.lower_ == "to").idx + 2
            cue_ts = TextSpan(text=d.text[cue.idx:cue_end], span=(cue.idx, cue_end))
        quotes.append(Quote(id=f"q{len(quotes) + 1}", type=qtype, text=text, span=span, speaker=speaker,
                            cue=cue_ts, medium=medium, date=date, parts=parts))
    return tuple(quotes)

