"""Dependency rules for event arguments and modality (private to extract/events.py).

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
PLAN = {"plan", "intend", "agree", "decide", "promise", "pledge", "vow", "expect", "aim", "prepare", "schedule",
        "set", "propose", "want", "seek", "hope", "offer", "consider", "threaten", "try", "attempt"}
INTENT = {"agree", "pledge", "promise", "vow", "plan", "intend", "decide", "offer", "commit", "prepare", "schedule",
          "propose"}
POSSIBLE_VERBS = {"consider", "weigh", "mull", "contemplate", "discuss", "threaten"}
NEGATING = {"deny", "decline", "refuse", "fail", "reject", "avoid", "halt", "stop", "cancel", "abandon"}
ASPECT = {"continue", "begin", "start", "resume", "keep", "proceed"}
PLANNED_ADJ = {"planned", "proposed", "possible", "potential", "future", "upcoming", "expected", "prospective"}


def clause_head(tok):
    """The verb a nominal trigger hangs on ('an increase ... might come' -> come)."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i and t.dep_ in (
            "nsubj", "nsubjpass", "dobj", "pobj", "attr", "prep", "compound", "conj", "appos", "npadvmod", "acomp"):
        t = t.head
    return t


def _verb_chain(tok):
    """The trigger's clause verb and the verbs that govern it through xcomp/conj."""
    chain = [clause_head(tok)]
    while chain[-1].dep_ in ("xcomp", "conj", "auxpass") and chain[-1].head.i != chain[-1].i and len(chain) < 4:
        chain.append(chain[-1].head)
    return chain


def modality(tok) -> str:
    """negated > possible > planned > reported > asserted, from auxiliaries and governors."""
    chain = _verb_chain(tok)
    own = [tok] + chain
    if any(c.dep_ == "neg" for t in own for c in t.children):
        return "negated"
    if any(c.lower_ == "no" and c.dep_ == "det" for c in tok.children):
        return "negated"
    # a nominal trigger's own clause verb counts too: "denied the accusation", "halted the talks"
    if any(t.lemma_ in NEGATING and t.i != tok.i for t in chain[tok.pos_ == "VERB":]) or (
            tok.dep_ == "xcomp" and tok.head.lemma_ in NEGATING):
        return "negated"
    auxes = {c.lower_ for t in own for c in t.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"might", "could", "may", "would", "can", "should", "must"}:
        return "possible"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for t in own for c in t.children):
        return "possible"
    if any(t.lemma_ in POSSIBLE_VERBS and t.i != tok.i for t in chain[1:]):
        return "possible"
    if auxes & {"will", "shall", "'ll", "wo"} or any(t.lemma_ in PLAN and t.i != tok.i for t in chain[1:]):
        return "planned"
    if any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children) and tok.dep_ in ("xcomp", "acl", "advcl") \
            and tok.head.lemma_ not in ASPECT:  # "continued to shell the town" shelled it
        return "planned"
    if any(c.lower_ in PLANNED_ADJ and c.dep_ in ("amod", "compound") for c in tok.children):
        return "planned"
    if any(c.dep_ == "xcomp" for c in tok.children) and tok.lemma_ in INTENT:
        return "planned"  # "agreed to expand": the agreement stands for the planned action
    return "asserted"


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
    return _subject(said) if said is not None else None


def _actor_ok(tok) -> bool:
    if tok.pos_ == "PRON":
        return tok.lower_ not in ("it", "this", "that", "which", "what", "there", "who", "whom", "something")
    return tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and tok.ent_type_ in ACTOR_ENTS and (
        tok.pos_ == "PROPN" or not tok.is_stop)


def _subject(tok, depth: int = 0):
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj") and _actor_ok(c):
            return c
    if depth < 3 and tok.dep_ in ("conj", "xcomp", "advcl", "acomp") and tok.head.i != tok.i:
        return _subject(tok.head, depth + 1)
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
            src.append([x for x in [_subject(head)] if x])
        tgt += [[x] for x in _pobjs(tok, {"of"}) + _pobjs(tok, TARGET_PREPS - {"of", "from", "by"})]
        tgt.append(_clause_actor(tok))
    else:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
        if passive:
            src.append(_pobjs(tok, {"by"})[:1])
            tgt.append([c for c in tok.children if c.dep_ == "nsubjpass" and _actor_ok(c)])
        else:
            src.append([x for x in [_subject(tok)] if x])
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
