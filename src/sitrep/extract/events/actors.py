"""Actor coding for event arguments: document entities first, then the actor dictionary
(``sitrep.kb.actors``: countries, their people and capitals, bodies, office holders, agents)."""
from __future__ import annotations

from typing import Iterable, Optional

from ...kb.actors import agent_sector, lookup_actor
from ...kb.lexicon import entries
from ...nlp.datelines import dateline_end
from ...records import ActorRef, Entity
from .arguments import (
    LOCATIVE,
    arguments,
    is_actor,
    is_struck_place,
    names_an_act,
    own_agent,
    phrase,
)

SECTOR_WORDS = dict(entries("sector_words"))


def sector_of(words: Iterable[str]) -> Optional[str]:
    """The sector the first word that names one says ("Iraqi troops" -> MIL): the lexicon's sector
    words, then the actor dictionary's agents."""
    for w in words:
        sector = SECTOR_WORDS.get(w.lower()) or agent_sector(w)
        if sector is not None:
            return sector
    return None


# a place is left out on purpose: "they" after "in Iraq" is rarely Iraq
PRONOUN_KINDS = {"he": ("person",), "she": ("person",), "him": ("person",), "her": ("person",),
                 "it": ("organization", "group"), "they": ("organization", "group"),
                 "them": ("organization", "group")}


def resolve_pronoun(text: str, start: int, entities: tuple[Entity, ...]) -> Optional[Entity]:
    """The coded entity a pronoun most likely points back to: the nearest earlier mention
    of a fitting kind ("he" a person, "they" an organization, place or group)."""
    kinds = PRONOUN_KINDS.get(text.lower())
    if not kinds:
        return None
    best = None
    for ent in entities:
        if ent.code and ent.kind in kinds:
            ends = [s for s, _ in ent.mentions if s < start]
            if ends and (best is None or max(ends) > best[0]):
                best = (max(ends), ent)
    return best[1] if best else None


def code_actor(text: str, span: tuple[int, int], pieces: list[tuple[str, tuple[int, int]]],
               entities: tuple[Entity, ...], head_words: list[str]) -> ActorRef:
    """An ActorRef for one argument phrase; ``pieces`` are name-like sub-spans tried in turn."""
    for ent in entities:
        for s, e in ent.mentions:
            if s < span[1] and span[0] < e and ent.code:
                return ActorRef(text=text, span=span, entity=ent.id, code=ent.code,
                                sector=ent.sector or sector_of(head_words))
    for piece, _ in [(text, span)] + pieces:
        found = lookup_actor(piece)
        if found is not None and found.code:
            code, sector = found.code, found.sector
            # the dictionary may fold the sector into the code (IRQGOV); keep CAMEO's 3-letter root
            if len(code) > 3 and code[3:6].isalpha() and not sector:
                sector = code[3:6]
            return ActorRef(text=text, span=span, entity=None, code=code[:3],
                            sector=sector or sector_of(head_words))
    ref = resolve_pronoun(text, span[0], entities)
    if ref is not None:
        return ActorRef(text=text, span=span, entity=ref.id, code=ref.code, sector=ref.sector)
    ent_id = next((ent.id for ent in entities for s, e in ent.mentions if s < span[1] and span[0] < e), None)
    return ActorRef(text=text, span=span, entity=ent_id, code=None, sector=sector_of(head_words))


def is_official(doc, source) -> bool:
    """The source is a state or its government ("Beijing", "the Foreign Ministry"), not its people."""
    if not source or not source[0].code or source[0].code == "IGO" and source[0].sector is None:
        return False
    if source[0].sector == "GOV":
        return True
    span = doc.char_span(*source[0].span, alignment_mode="expand") if source[0].span else None
    labels = {e.label_ for e in span.ents} if span is not None else set()
    return "GPE" in labels and "NORP" not in labels


def coded_pair(source, target) -> bool:
    return any(a.code and a.text.lower() not in PRONOUN_KINDS for a in source) and any(a.code for a in target)


def self_standing(doc, tok, entities) -> bool:
    """A nominal trigger whose explicit agent and whose target both code to actors."""
    agent = own_agent(tok)
    return bool(agent) and any(a.code for a in phrase_actors(doc, agent, entities)) and any(
        a.code for a in best_actors(doc, arguments(tok)[1], entities))


def best_actors(doc, groups, entities) -> tuple[ActorRef, ...]:
    """The actors of the first candidate group: the grammatical argument, coded or not (a
    later group that codes, "arrested ... in Tarcin", is where, not whom)."""
    return phrase_actors(doc, groups[0], entities) if groups else ()


def domestic(source, target) -> tuple[ActorRef, ...]:
    """An uncoded group of people acted on by a state is taken to be that state's own
    ("the government released 30 political prisoners": NGA -> NGA prisoners), as CAMEO
    codes domestic events; an IGO source says nothing about nationality."""
    state = next((a.code for a in source if a.code and a.code != "IGO"), None)
    if state is None or not target or any(a.code for a in target) or target[0].sector is None:
        return target
    return (target[0].replace(code=state),) + target[1:]


# where a name stands when it does something in its sentence: its subject, possessor or agent
DOER_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "appos", "conj"})


def scan_actor(doc, tokens, entities, skip=frozenset(), *, places: bool = False,
               doer: bool = False, venues: bool | None = None) -> tuple[ActorRef, ...]:
    """The first name-like token (in the given order) that codes to an actor not in ``skip``:
    never a place in a phrase of place ("talks in London"), unless ``places`` (force used
    there is used on its people: "a curfew in Srinagar"), nor a name that only qualifies a
    thing ("the West German mark"); with ``doer``, only a name that acts in its clause (a
    subject, possessor or agent: "Thatcher left Bonn ... after talks" is not Bonn's)."""
    seen = set()
    for t in tokens:
        if not (t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or t.pos_ == "PROPN"):
            continue
        named = t
        while named.dep_ in ("appos", "compound", "flat") and named.head.i != named.i:
            named = named.head  # "in Munich, Germany": Germany is where too
        if t.ent_type_ in ("GPE", "LOC") and named.dep_ == "pobj" and named.head.lower_ in LOCATIVE and not (
                places if venues is None else venues):
            continue
        root = t
        # for a target, a possessor or maker of a thing is whose thing, not whom the act is aimed at
        chain = ("compound", "amod", "flat") if doer else ("compound", "amod", "flat", "poss", "npadvmod", "case")
        while root.dep_ in chain and root.head.i != root.i:
            root = root.head
        if root.i != t.i and root.pos_ in ("NOUN", "VERB", "ADJ") and not is_actor(root) and not (
                places and is_struck_place(root)) and not names_an_act(root):
            continue  # "Argentina's economy", "the Chinese-made missile": whose thing, not whom
        if doer and not (root.dep_ in DOER_DEPS or root.dep_ == "pobj" and root.head.lower_ == "by"):
            continue
        if t.i < dateline_end(t.sent):
            continue
        span = next((e for e in doc.ents if e.start <= t.i < e.end), doc[t.i:t.i + 1])
        if span.start in seen:
            continue
        seen.add(span.start)
        if not places and t.ent_type_ in ("GPE", "LOC") and _mere_place(span.text):
            continue  # "Fort Lauderdale police spokesman", "the Venice summit": a town, not who acts
        ref = code_actor(span.text, (span.start_char, span.end_char), [], entities, [])
        if ref.code and ref.code not in skip:
            return (ref,)
    return ()


def _mere_place(name: str) -> bool:
    """A town or region that neither is a state nor stands for one as its capital does
    ("Moscow said"): the actor dictionary does not code it as a country."""
    found = lookup_actor(name)
    return found is None or found.kind == "place"


def phrase_actors(doc, heads, entities) -> tuple[ActorRef, ...]:
    out = []
    for h in heads:
        start, end = phrase(h)
        # never reach back over a paragraph break (a headline the parser glued on)
        start = max([start] + [t.i + 1 for t in doc[start:h.i] if "\n\n" in t.text_with_ws])
        # nor over a dateline ("ROME - Israeli Foreign Minister Shimon Peres" is no Italian)
        start = max(start, dateline_end(h.sent))
        if start > h.i:
            continue
        span = doc[start:end]
        pieces = [(e.text, (e.start_char, e.end_char)) for e in span.ents if e.label_ in ("GPE", "NORP", "ORG", "PERSON")]
        pieces += [(t.text, (t.idx, t.idx + len(t))) for t in span if t.pos_ in ("PROPN", "ADJ") and t.text[:1].isupper()]
        ref = code_actor(span.text, (span.start_char, span.end_char), pieces, entities,
                         [t.lemma_ for t in span if t.pos_ == "NOUN"])
        name = _named_in_apposition(h)
        if name is not None:
            # "Iran's most powerful general, Qassem Suleimani", "Calgary MLA Sandra Jansen": the actor
            # is the person named; the description still tells whose (a code the name lacks)
            named = code_actor(name.text, (name.start_char, name.end_char), [], entities, [])
            ref = named.replace(code=named.code or ref.code, sector=named.sector or ref.sector)
        if ref.code is None or all(a.code != ref.code for a in out):
            out.append(ref)
    return tuple(out)


def _named_in_apposition(head):
    """The name a description stands in apposition with ("the general, Qassem Suleimani"), as a span."""
    for c in head.children:
        if c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG"):
            ent = next((e for e in head.doc.ents if e.start <= c.i < e.end), None)
            if ent is not None:
                return ent
    return None
