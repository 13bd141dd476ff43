"""Dependency rules for an event's arguments: its subject, object, agent and content clause.

Works on spaCy tokens of the English dependency scheme (ClearNLP labels): nsubj,
nsubjpass, dobj, agent, pobj, poss, xcomp, ccomp, conj, neg, aux.
"""
from __future__ import annotations

ACTOR_ENTS = {"", "GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"}
# prepositions whose object is the target of a verb or nominal trigger
TARGET_PREPS = {"against", "on", "upon", "at", "with", "to", "into", "for", "toward", "towards", "from", "over", "of"}
SPEECH = {"say", "tell", "report", "claim", "state", "announce", "add", "allege", "insist", "believe", "confirm",
          "write", "quote", "accord", "argue", "suggest", "assert", "note", "indicate", "reiterate", "stress",
          "emphasize", "emphasise", "explain", "describe", "comment", "reply", "respond", "repeat", "admit",
          "acknowledge", "mention", "inform", "disclose", "reveal", "declare", "proclaim", "affirm", "contend"}


def clause_head(tok):
    """The verb a nominal trigger hangs on ('an increase ... might come' -> come)."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and t.dep_ in (
            "nsubj", "nsubjpass", "dobj", "pobj", "attr", "prep", "compound", "conj", "appos", "npadvmod", "acomp"):
        t = t.head
    return t


def _speech_verb(tok):
    """(the speech verb whose complement the trigger's clause is, else None; the highest
    clause head looked at)."""
    t = clause_head(tok)
    for _ in range(3):
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_ in SPEECH:
            return t.head, t
        said = next((c for c in t.children if c.lemma_ in SPEECH and c.dep_ in ("parataxis", "advcl")), None)
        if said is not None:
            return said, t
        if t.head.i == t.i:
            break
        t = t.head
    return None, t


def attributed(tok) -> bool:
    """The trigger's clause is the complement of a speech verb ('..., officials said')."""
    said, top = _speech_verb(tok)
    return said is not None or any(c.lower_ == "according" for c in top.subtree)


def speaker(tok):
    """The subject of the speech verb a trigger's clause is reported by, if any."""
    said = _speech_verb(tok)[0]
    return subject_of(said) if said is not None else None


def _actor_ok(tok) -> bool:
    if tok.pos_ == "PRON":
        return tok.lower_ not in ("it", "this", "that", "which", "what", "there", "who", "whom", "something")
    return tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and tok.ent_type_ in ACTOR_ENTS and (
        tok.pos_ == "PROPN" or not tok.is_stop)


def subject_of(tok, depth: int = 0):
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj") and _actor_ok(c):
            return c
    if depth < 3 and tok.dep_ in ("conj", "xcomp", "advcl", "acomp") and tok.head.i != tok.i:
        return subject_of(tok.head, depth + 1)
    return None


def _pobjs(tok, preps) -> list:
    return [g for c in tok.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj" and _actor_ok(g)]


def own_agent(tok) -> list:
    """The explicit agent of a nominal trigger: "X's demand", "a demand by X"."""
    return ([c for c in tok.children if c.dep_ == "poss" and _actor_ok(c)] or _pobjs(tok, {"by"})[:1]) \
        if tok.pos_ in ("NOUN", "PROPN") else []


def arguments(tok) -> tuple[list[list], list[list]]:
    """Candidate (source, target) argument groups of a trigger, best first.

    Each group is a head with its coordinated heads; the caller keeps the first group that
    codes to an actor ("imposed sanctions on Iraq": the object codes to nothing, so the
    target is the object's "on" phrase).
    """
    nominal = tok.pos_ in ("NOUN", "PROPN") or any(c.dep_ == "det" for c in tok.children)
    src, tgt = [], []
    if nominal:
        src.append([c for c in tok.children if c.dep_ == "poss" and _actor_ok(c)])
        src.append(_pobjs(tok, {"by"})[:1])
        src.append([c for c in tok.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")])
        head = clause_head(tok)
        if head.i != tok.i and tok.dep_ in ("dobj", "attr"):
            src.append([x for x in [subject_of(head)] if x])
        tgt += [[x] for x in _pobjs(tok, {"of"}) + _pobjs(tok, TARGET_PREPS - {"of", "from", "by"})]
        tgt.append(_clause_actor(tok))
    else:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        if passive:
            src.append(_pobjs(tok, {"by"})[:1])
            tgt.append([c for c in tok.children if c.dep_ == "nsubjpass" and _actor_ok(c)])
        else:
            src.append([x for x in [subject_of(tok)] if x])
            objs = [c for c in tok.children if c.dep_ in ("dobj", "dative") and _actor_ok(c)]
            tgt.append(objs)
            tgt += [[x] for o in objs for x in _pobjs(o, TARGET_PREPS - {"of", "by"})]
        tgt += [[x] for x in _pobjs(tok, TARGET_PREPS)]
        tgt.append(_clause_actor(tok))
    return [_with_conjuncts(g) for g in src if g], [_with_conjuncts(g) for g in tgt if g]


def _clause_actor(tok) -> list:
    """'urged Iran to ...', 'a demand for NATO to do more': the subject of the content clause."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp", "acl", "advcl"):
            hit = [g for g in c.children if g.dep_ in ("nsubj", "dobj") and _actor_ok(g)][:1]
            if hit:
                return hit
    return []


def _with_conjuncts(heads: list) -> list:
    out = []
    for h in heads:
        out.append(h)
        out += [c for c in h.conjuncts if c.i > h.i and _actor_ok(c)]
        # "Hungarian and Romanian officials": coordinated modifiers are actors too
        out += [x for c in h.children if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
                and c.conjuncts for x in (c, *c.conjuncts) if x.ent_type_ in ("NORP", "GPE")]
    seen, uniq = set(), []
    for t in out:
        if t.i not in seen:
            seen.add(t.i)
            uniq.append(t)
    return uniq


def phrase(tok) -> tuple[int, int]:
    """Token index range [start, end) of an argument: the head with its modifiers, no clauses."""
    skip = {"relcl", "acl", "advcl", "conj", "cc", "appos", "punct", "prep", "ccomp", "parataxis"}
    start = end = tok.i
    for c in tok.children:
        if c.dep_ in skip:
            continue
        sub = list(c.subtree)
        if c.i < tok.i:
            start = min(start, sub[0].i)
        else:
            end = max(end, sub[-1].i)
    if tok.dep_ in ("amod", "compound"):  # a modifier actor is the single word
        start = end = tok.i
    return start, end + 1
