"""Who does an event's act and to whom: its source and target actors, and how each was found.

The parse gives the grammatical arguments (``arguments``), which must be actors; a demand, a
blame or a threat made in speech is its speaker's; where the parse gives no actor, PETRARCH's
reading stands in (the nearest coded name before the trigger, the first after it), and a
generic actor ("the government") borrows the code of the nearest coded name.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ...records import ActorRef
from .actors import PRONOUN_KINDS, best_actors, coded_pair, domestic, resolve_pronoun, scan_actor
from .arguments import STRUCK, arguments, elided_passive, received, report_frame, speaker, subject_of, thing_subject
from .coding import CodedTrigger, condition_verb, or_face, requester

# material acts done in a land are done to its people ("a curfew in Srinagar", "aid in northern
# Iraq"); a statement made there is not made to it ("speaking in Bishkek")
MATERIAL = frozenset({"AID", "RETREAT", "MOBILIZE", "ASSAULT", "COERCE", "SANCTION", "CONCEDE"})
# the target is looked for in the trigger's complements, never in its adjuncts of cause,
# time or manner ("suspended the mission as a result of the U.S.-Iran tensions")
ADJUNCT_DEPS = {"advcl", "relcl", "parataxis", "punct", "cc", "conj", "advmod", "npadvmod", "mark", "agent"}
ADJUNCT_PREPS = {"as", "after", "before", "due", "because", "since", "during", "amid", "amidst", "despite",
                 "following", "until", "while", "over", "by", "with", "without", "via", "through", "like"}
# adjuncts of cause and concession: a name in them is not the target ("as a result of U.S.-Iran
# tensions"); one after "after" or "following" often is (the act responded to)
CAUSE_PREPS = {"due", "because", "amid", "amidst", "despite"}
# those who pass a report on: "they" in their words is someone else
REPORTERS = frozenset({"source", "diplomat", "analyst", "trader", "dealer", "eyewitness", "witness", "observer",
                       "economist", "banker", "report"})


@dataclass(frozen=True)
class Dyad:
    """The two sides of an event and how each was found: ``parse`` (the trigger's own
    argument), ``speaker`` (who made the statement the event is), ``scan`` (the nearest coded
    name), ``none``; ``borrowed`` when a generic actor took its code from a name nearby."""
    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]
    source_how: str
    target_how: str
    source_borrowed: bool = False
    target_borrowed: bool = False


def find_dyad(trig: CodedTrigger, ptype: str, entities) -> Optional[Dyad]:
    """The event's source and target, or None when a bare verb default names no coded pair."""
    tok, doc, sent = trig.tok, trig.tok.doc, trig.tok.sent
    src, tgt = arguments(tok, ptype=ptype)
    source_how = "parse"
    said = requester(tok) if trig.demand else \
        speaker(tok) if ptype == "ACCUSE" and tok.pos_ == "ADJ" else None
    main = condition_verb(tok) if trig.stance == "130" else None
    said = (subject_of(main) or speaker(tok)) if main is not None else said
    if said is None and trig.stance and or_face(tok):
        said = _orderer(tok)  # "the army told residents to leave or face arrest": the army threatens
    if said is not None:  # the demand (blame, threat) is the speaker's, made of the content's subject
        src, tgt, source_how = [[said]], src + tgt, "speaker"
    if src and src[0][0].lower_ in ("it", "they", "he", "she") and not src[0][0].conjuncts:
        # "Israel said it would ...": a pronoun subject of reported speech is its speaker (not "we",
        # a group the speaker speaks for, nor "he and the finance minister")
        said = speaker(tok)
        if said is not None and said.pos_ != "PRON" and _agrees(src[0][0], said):
            src, source_how = [[said]] + src[1:], "speaker"
    source, target = best_actors(doc, src, entities), best_actors(doc, tgt, entities)
    if trig.basis == "default" and not coded_pair(source, target):
        return None  # PETRARCH's own rule for a bare verb default: both actors coded
    target_how = "parse" if target else "none"
    source_how = source_how if source else "none"
    borrowed = [False, False]
    # the one who only reports the act ("Berrada said donors would give extra aid") is neither its
    # doer nor its target, nor lends either a code
    teller = speaker(tok)
    told = {t.i for t in teller.subtree} if teller is not None and teller.i != tok.i else set()
    # PETRARCH's reading when the parse gives no coded actor: the source is the nearest
    # coded name before the trigger, the target the first one after it in its phrase
    if not source and tok.pos_ == "VERB" and thing_subject(tok):
        pass  # "labour trouble threatens the crop": no name elsewhere stands in for a thing
    elif not source and received(tok):
        pass  # "would not accept ultimatums": whoever made them is not named
    elif not source or generic(doc, source):
        # a name that acts in its clause first; failing one, PETRARCH's nearest name (a code to
        # borrow may come from any name)
        # the teller may be the doer ("the army said it shelled ..."), but lends a generic doer no code
        # nor is the patient of a passive ("two Kyrgyz guards were killed": no Kyrgyz doer)
        patient = {t.i for v in (tok, tok.head) if v is tok or elided_passive(tok) for c in v.children
                   if c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and elided_passive(v)
                   for t in c.subtree} if ptype in STRUCK else set()
        # nor lends a generic doer its code the one the act is aimed at ("He told the Inter-American
        # Development Bank annual meeting")
        aimed = {t.i for e in sent.ents for a in target if a.span and e.start_char < a.span[1] and a.span[0] < e.end_char
                 for t in e} | {t.i for t in sent for a in target if a.span and a.span[0] <= t.idx < a.span[1]} \
            if source else set()
        before = [t for t in sent if t.i < tok.i and (t.i not in told or not source) and t.i not in patient
                  and t.i not in aimed][::-1]
        near = scan_actor(doc, before, entities, doer=True) or scan_actor(doc, before, entities)
        if near and source:
            source, borrowed[0] = borrow(source, near), True
        elif near:
            source, source_how = near, "scan"
    if not target or generic(doc, target):
        taken = {a.code for a in source}
        adjunct = {c.i for c in tok.children
                   if c.dep_ in ADJUNCT_DEPS or c.dep_ == "prep" and c.lower_ in ADJUNCT_PREPS}
        after = [t for c in tok.children if c.i > tok.i and c.i not in adjunct for t in c.subtree if t.i not in told]
        # nor, failing that, in the rest of the sentence outside those adjuncts ("suspended
        # the mission as a result of U.S.-Iran tensions" has no U.S. target)
        inside = {t.i for c in tok.children if circumstance(c) for t in c.subtree}
        inside |= report_frame(tok)
        rest = [t for t in sent if t.i > tok.i and t.i not in inside and t.i not in told]
        struck = ptype in MATERIAL
        near = (scan_actor(doc, after, entities, skip=taken, places=struck)
                or scan_actor(doc, rest, entities, skip=taken, places=struck)
                # last, PETRARCH's reading that a place named after the act is whom it concerns
                or (scan_actor(doc, rest, entities, skip=taken, places=True, venues=False) if not struck else ()))
        if near and target:
            target, borrowed[1] = borrow(target, near), True
        elif near:
            target, target_how = near, "scan"
    if ptype in ("MOBILIZE", "ASSAULT") and source and source[0].code == "IGO" and \
            source[0].text.lower() in PRONOUN_KINDS:
        # an international official commands no troops: "he has sent 15,000 troops" is
        # the nearest state's person before it, not the Secretary-General
        ref = resolve_pronoun(source[0].text, source[0].span[0], tuple(e for e in entities if e.code != "IGO"))
        if ref is not None:
            source = (source[0].replace(entity=ref.id, code=ref.code, sector=ref.sector),) + source[1:]
    target = domestic(source, target)
    return Dyad(source=_marked(source, source_how, borrowed[0]), target=_marked(target, target_how, borrowed[1]),
                source_how=source_how, target_how=target_how,
                source_borrowed=borrowed[0], target_borrowed=borrowed[1])


def _marked(actors, how: str, borrowed: bool) -> tuple:
    basis = "borrowed" if borrowed else "context" if how == "scan" else how
    return tuple(a.replace(basis=basis) for a in actors)


def generic(doc, actors) -> bool:
    """Actors named by common nouns ("the government", "protesters") that code to no country."""
    if any(a.code for a in actors):
        return False
    span = doc.char_span(*actors[0].span, alignment_mode="expand") if actors[0].span else None
    return span is not None and not any(e.label_ in ("PERSON", "ORG", "GPE", "NORP") for e in span.ents) and \
        not any(t.pos_ == "PROPN" for t in span)


def borrow(actors, near) -> tuple:
    """PETRARCH's reading for a generic actor: it belongs to the nearest coded name ("the
    government ... Iraq"); the actor keeps its own words, only the code is borrowed."""
    return (actors[0].replace(code=near[0].code, sector=actors[0].sector or near[0].sector),) + actors[1:]


def circumstance(prep) -> bool:
    """An adjunct of cause, or an absolute clause ("with some Canadian troops moved to Kuwait")."""
    return prep.dep_ == "prep" and (prep.lower_ in CAUSE_PREPS or prep.lower_ == "as" and any(
        g.dep_ == "pobj" and g.lemma_ == "result" for g in prep.children) or prep.lower_ == "with" and any(
        g.dep_ in ("pcomp", "acl") or g.dep_ == "pobj" and any(c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBG")
                                                                for c in g.children) for g in prep.children))


def _orderer(tok):
    """Who holds out the penalty an order names: the subject of the nearest verb above it that has one."""
    for t in tok.ancestors:
        if t.pos_ in ("VERB", "AUX"):
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj
    return None


def _agrees(pronoun, name) -> bool:
    """A pronoun can stand for the speaker: "they" for a plural group (not for sources, diplomats
    or analysts who only pass a report on), "he", "she" and "it" for a singular one."""
    plural = name.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in name.children)
    if pronoun.lower_ == "they":
        return plural and name.lemma_.lower() not in REPORTERS
    return not plural
