"""Dependency rules for an event's arguments: its subject, object, agent and content clause.

Works on spaCy tokens of the English dependency scheme (ClearNLP labels): nsubj,
nsubjpass, dobj, agent, pobj, poss, xcomp, ccomp, conj, neg, aux.
"""
from __future__ import annotations

from functools import lru_cache

from ...kb.actors import agent_sector, lookup_actor
from ...kb.cameo import is_trigger_lemma
from ...kb.lexicon import words

ACTOR_NOUNS, AGENT_NOT_ACTOR, SAID_NOUNS = words("actor_nouns"), words("agent_not_actor"), words("said_nouns")
STRUCK_PLACES, THING_NOUNS, WEAPONS = words("struck_places"), words("thing_nouns"), words("weapon_nouns")
# verbs whose object is what is talked about: a name in front of it is the topic's, not a party
# ("discussed Argentina's economy" is not with Argentina)
TOPIC_VERBS = frozenset({"discuss", "consider", "review", "examine", "debate", "address", "raise", "express",
                         "reiterate", "voice", "study", "explore", "outline"})
ACTOR_ENTS = {"", "GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"}
# prepositions whose object is the target of a verb or nominal trigger
TARGET_PREPS = {"against", "on", "upon", "at", "with", "to", "into", "for", "toward", "towards", "from", "over", "of"}
SPEECH = words("reporting_verbs")
RECEIVING, SENDING, SITES = words("receiving_verbs"), words("sending_verbs"), words("site_nouns")


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


def report_frame(tok) -> set[int]:
    """Token indices of the reporting clause around the trigger's, outside it ("..., the ministry
    said on Friday, a day after Tajikistan was reported to ...")."""
    said, top = _speech_verb(tok)
    if said is None:
        return set()
    own = {t.i for t in top.subtree}
    return {t.i for t in said.subtree if t.i not in own}


def attributed(tok) -> bool:
    """The trigger's clause is the complement of a speech verb ('..., officials said')."""
    said, top = _speech_verb(tok)
    return said is not None or any(c.lower_ == "according" for c in top.subtree)


def speaker(tok):
    """The subject of the speech verb a trigger's clause is reported by, if any."""
    said = _speech_verb(tok)[0]
    return subject_of(said) if said is not None else None


def _actor_ok(tok) -> bool:
    if tok.lemma_.lower() in PORTION and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return True  # "thousands of students" (a count the tagger calls CARDINAL)
    if tok.pos_ == "PRON":
        return tok.lower_ not in ("it", "this", "that", "which", "what", "there", "who", "whom", "something")
    return tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and tok.ent_type_ in ACTOR_ENTS and (
        tok.pos_ == "PROPN" or not tok.is_stop)


RELATIVE = frozenset({"who", "that", "which", "whom"})
# nouns of a gathering: their "of" phrase names who gathers, a place in front of them where
GATHERINGS = frozenset({"meeting", "summit", "talk", "negotiation", "conference", "session", "consultation",
                        "council", "assembly"})
# verbs by which one takes part in a gathering of others ("told a meeting of the GATT council")
ADDRESSING = frozenset({"attend", "address", "tell", "join", "open", "chair", "host"})
# verbs whose subject does the act they take part in
PARTICIPATE = frozenset({"take", "participate", "join", "engage", "stage", "hold", "attend", "lead", "march"})


def subject_of(tok, depth: int = 0):
    """Who does what a verb says: its subject; the noun a relative clause or an "-ing"
    participle hangs on ("Reagan, who came to campaign", "a committee investigating the
    scandal"); else the subject of the verb it is coordinated with or the complement of."""
    if elided_passive(tok):
        return None  # "and four people wounded": the people were wounded
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj") and a_thing(c):
            return None  # "the Gramm-Rudman Hollings law calls for": a law does nothing, nor its name
        if c.dep_ in ("nsubj", "csubj") and _actor_ok(c):
            return c
        if c.dep_ == "nsubj" and c.lower_ in RELATIVE and tok.dep_ == "relcl" and _actor_ok(tok.head):
            return _who(tok.head) if c.lower_ == "who" else tok.head
    if tok.dep_ in ("acl", "advcl") and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN") and a_thing(tok.head):
        # "issued a declaration demanding": who issued it; "a draft treaty calling for": no one
        carrier = tok.head.head
        return subject_of(carrier, depth + 1) if tok.head.dep_ == "dobj" and carrier.pos_ == "VERB" and depth < 3 \
            else None
    if tok.dep_ in ("acl", "advcl") and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN") and \
            _actor_ok(tok.head):
        return tok.head  # "youths, throwing stones at police cars, ..."
    if depth < 3 and tok.dep_ in ("conj", "xcomp", "advcl", "acomp") and tok.head.i != tok.i:
        return subject_of(tok.head, depth + 1)
    return None


def _who(antecedent):
    """"who" stands for a person, never a place: "Rahimov, governor of the Sughd region, who
    hosted" hangs on the region only in the parse; the person is the phrase it is part of."""
    t = antecedent
    while (t.ent_type_ in ("GPE", "LOC") or t.pos_ in ("NOUN", "ADP") and not is_actor(t)) and \
            t.dep_ in ("pobj", "prep", "appos") and t.head.i != t.i:
        t = t.head
    while t.dep_ == "appos" and t.pos_ == "NOUN":
        t = t.head
    return t if t.i != antecedent.i and _actor_ok(t) else antecedent


def elided_passive(tok) -> bool:
    """A participle coordinated with a passive shares its "were": "two guards were killed and
    four people wounded" (the parse makes the people the subject of an active "wounded")."""
    return tok.tag_ == "VBN" and tok.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children) \
        and any(c.dep_ == "auxpass" for c in tok.head.children) and not any(c.dep_ == "dobj" for c in tok.children)


def agentless(tok) -> bool:
    """A passive verb that names no doer: "two guards were killed", "four people wounded",
    "killed by a roadside bomb"."""
    return tok.pos_ == "VERB" and (elided_passive(tok) or any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)) \
        and not any(actor_head(g) is not None for c in tok.children if c.dep_ == "agent" for g in c.children)


def received(tok) -> bool:
    """A nominal act is the object of a verb of receiving or answering it ("would not accept
    ultimatums", "denied the accusations"): the verb's subject did not make it."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and tok.head.lemma_ in RECEIVING


def _pobjs(tok, preps) -> list:
    return [g for c in tok.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj" and _actor_ok(g)]


def own_agent(tok) -> list:
    """The explicit agent of a nominal trigger: "X's demand", "a demand by X"."""
    return ([c for c in tok.children if c.dep_ == "poss" and _actor_ok(c)] or _pobjs(tok, {"by"})[:1]) \
        if tok.pos_ in ("NOUN", "PROPN") else []


# pronouns that stand for people or groups; "it" is a state or a body only as a doer
PERSONAL = frozenset({"he", "she", "they", "we", "i", "you", "him", "her", "them", "us", "his", "their", "our", "my"})
NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LAW", "EVENT",
                            "WORK_OF_ART", "PRODUCT", "LANGUAGE", "FAC", "LOC"})
# heads that count people or take a part of a group: the actor is what they are "of"
PORTION = frozenset({"hundred", "thousand", "dozen", "million", "score", "number", "group", "member", "part",
                     "majority", "minority", "rest", "some", "many", "most", "all", "none", "each", "both", "one",
                     "handful", "band", "delegation", "team", "unit"})
# "a meeting in Brussels", "arrested in Tarcin": a place there says where, not whom
LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "within", "around",
                      "beyond", "along", "off"})
# prepositions that tie a thing to the actor it comes from or is aimed at ("a request from X",
# "an embargo on arms sales to Vietnam", "an investigation into X")
OWNER_PREPS = frozenset({"from", "to", "against", "on", "upon", "of", "with", "into", "toward", "towards", "for",
                         "over", "by"})


def is_actor(tok, *, doer: bool = False) -> bool:
    """The word names someone who can act or be acted on: a person, a group, a body or a state,
    by name, by a noun whose head is one ("police", "protesters") or by a personal pronoun."""
    if tok.pos_ == "PRON":
        return tok.lower_ in PERSONAL or doer and tok.lower_ in ("it", "its")
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if tok.pos_ == "PROPN":
        return tok.ent_type_ not in NOT_ACTOR_ENTS
    if tok.text[:1].isupper() and tok.i > tok.sent.start and _names_actor(tok.text):
        return True  # a name the tagger took for a common noun ("ties with Seychelles")
    if tok.pos_ not in ("NOUN", "ADJ"):
        return False
    lemma = tok.lemma_.lower()
    return lemma in ACTOR_NOUNS or agent_sector(lemma) is not None and lemma not in AGENT_NOT_ACTOR


@lru_cache(maxsize=4096)
def _names_actor(text: str) -> bool:
    hit = lookup_actor(text, exact=True)
    return hit is not None and hit.code is not None and hit.kind != "place"


def actor_head(tok, *, doer: bool = False):
    """The actor an argument names: the word itself, or what a count or part of a group is
    "of" ("hundreds of political prisoners", "members of the opposition"); else None."""
    portion = tok.lemma_.lower() in PORTION or tok.pos_ == "NUM"
    if not portion:
        return tok if is_actor(tok, doer=doer) else None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj" and is_actor(g):
                    return g
    return tok if is_actor(tok) else None


def _named_modifier(thing):
    """A name in front of a thing: "an Armenian proposal", "a U.S. airstrike" (never a word of
    the thing's own name: "Middle" in "the Middle East")."""
    if thing.pos_ == "PROPN" or thing.ent_type_:
        return None
    return next((c for c in thing.children if c.dep_ in ("compound", "amod", "nmod") and
                 (c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or c.pos_ == "PROPN")), None)


def names_an_act(tok) -> bool:
    """A noun for an act or for something said or put forward ("raid", "decision", "proposal")."""
    return tok.lemma_.lower() in SAID_NOUNS or tok.pos_ == "NOUN" and is_trigger_lemma(tok.lemma_.lower(), "NOUN")


def owner(thing, *, doer: bool = False, depth: int = 0):
    """The actor a thing belongs to or is aimed at, when an argument names a thing, else None.

    Its possessor ("rejected the rebels' demands"); for an act or what someone said or put
    forward, or the doer's instrument, a name in front of it ("an Armenian proposal", "a U.S. airstrike
    killed") or who it is from or by ("a request from the minister", "an appeal lodged by
    X"); otherwise an actor its phrase is on, to or against ("lifted an embargo on arms sales
    to Vietnam"), and last a name in front of it ("released a Turkish ship")."""
    for c in thing.children:
        if c.dep_ == "poss" and c.pos_ != "PRON" and is_actor(c):
            return c
    # an act is its doer's ("critical of the Israeli raid on Gaza" criticises Israel)
    said = names_an_act(thing)
    named = _named_modifier(thing)
    if named is None and said:  # "the union demand", "rebel raids": an actor noun in front of an act
        named = next((c for c in thing.children if c.dep_ == "compound" and c.pos_ == "NOUN" and is_actor(c)), None)
    if named is not None and named.ent_type_ in ("GPE", "LOC") and thing.lemma_.lower() in GATHERINGS:
        named = None  # "the Venice summit": where it meets
    if (doer or said) and named is not None:
        return named
    # failing a doer, an act is aimed at whom its phrase names ("launched an investigation into X")
    preps = {"by"} if doer else OWNER_PREPS
    for c in thing.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                head = actor_head(g)
                if head is not None:
                    return head
                # "with Molotov cocktails" is the means, whose maker is no one acted on
                deeper = owner(g, depth=depth + 1) if depth < 2 and not doer and c.lower_ != "with" else None
                if deeper is not None:
                    return deeper
    for c in thing.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and (doer or said):  # "an appeal lodged by X"
            hit = [actor_head(g) for p in c.children if p.dep_ == "agent" for g in p.children if g.dep_ == "pobj"]
            if any(hit):
                return next(h for h in hit if h is not None)
        if c.dep_ == "acl" and c.tag_ == "VBG" and not doer and depth == 0:
            # "signed a decree granting citizenship to 14 foreigners"
            hit = [actor_head(g) for p in c.children if p.dep_ in ("prep", "dative") and p.lower_ in
                   ("to", "for", "against", "on") for g in p.children if g.dep_ == "pobj"]
            if any(hit):
                return next(h for h in hit if h is not None)
    # a weapon's maker or owner is no target ("fired the Chinese-made missile at a hulk")
    return named if not doer and depth <= 1 and thing.lemma_.lower() not in WEAPONS else None


def thing_subject(tok) -> bool:
    """The verb's subject names a thing, not anyone who acts ("imports would help", "labour
    trouble threatens", "the yen rallied", "the U.N. Program calls for", "a draft treaty calling
    for"): the clause has no doer to look for elsewhere."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "csubj")), None)
    if subj is None and tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ != "dobj":
        subj = tok.head
    return subj is not None and (a_thing(subj) or subj.pos_ == "NOUN" and not subj.ent_type_
                                 and actor_head(subj, doer=True) is None and owner(subj, doer=True) is None)


def a_thing(tok) -> bool:
    """A document, measure or other thing whatever names it ("the U.N. Program", "the Hollings
    law"), unless someone owns or made it ("Reagan's plan", "that ruling by the IRS", "an LDP
    statement": a thing said is its maker's)."""
    lemma = tok.lemma_.lower()
    return (lemma in THING_NOUNS or tok.lower_ in THING_NOUNS) and lemma not in SAID_NOUNS and \
        tok.lower_ not in SAID_NOUNS and not any(c.dep_ == "poss" or c.dep_ in ("prep", "agent") and c.lower_ == "by"
                                                 for c in tok.children)


def is_struck_place(tok) -> bool:
    """A place or thing an attack or raid strikes ("attacked an army base", "shelled the town")."""
    return tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.pos_ == "NOUN" and tok.lemma_.lower() in STRUCK_PLACES


def as_actors(group: list, *, doer: bool = False, places: bool = False, struck: bool = False) -> list:
    """The actors a candidate group names: each head as itself, through what it counts, or
    through the thing's owner. A place is an actor only with ``places`` (an act aimed at a
    land: "aid to Yemen", "withdrew from Iraq"), or with ``struck`` the place or thing an attack
    or raid strikes ("shelled the town"), which stands for its people when it names no owner."""
    out = []
    for h in group:
        if h.ent_type_ in ("GPE", "LOC", "FAC") and _locative(h) and not places:
            continue
        a = actor_head(h, doer=doer)
        a = a if a is not None else owner(h, doer=doer)
        if a is None and (struck and is_struck_place(h) or places and h.ent_type_ in ("GPE", "LOC", "FAC")):
            a = h
        if a is not None and all(a.i != x.i for x in out):
            out.append(a)
    return out


# acts aimed at a land, whose state or people are then the target ("aid to Yemen", "withdrew from
# Iraq", "troops deployed in Kuwait", "shelled the town", "sanctions on Iran"); other acts take
# place there ("met in Brussels")
PLACE_TARGETS = {"AID": ("to", "for", "in", "into"), "RETREAT": ("from", "out"), "MOBILIZE": ("to", "in", "into",
                 "against", "toward", "towards", "on"), "ASSAULT": ("on", "against", "into", "at"),
                 "COERCE": ("on", "against", "into"), "SANCTION": ("on", "against", "to")}
STRUCK = ("ASSAULT", "COERCE")
# acts done with a partner: "held talks with the banks", "discussed the report with the Bank"
PARTNERED = ("CONSULT", "COOPERATE", "AGREE")
# what a doer sends, withdraws or gives is its own ("withdraw its troops from Iraq"): not the target
CARGO_TYPES = ("MOBILIZE", "RETREAT", "AID", "AGREE", "THREATEN", "CONCEDE")
CARGO_SECTORS = ("MIL", "COP")


def _cargo(tok) -> bool:
    return tok.pos_ == "NOUN" and agent_sector(tok.lemma_.lower()) in CARGO_SECTORS


def _own_forces(tok) -> bool:
    """The doer's own troops or police ("withdraw its troops", "sent their soldiers")."""
    return _cargo(tok) and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our")
                               for c in tok.children)


def arguments(tok, *, ptype: str | None = None, depth: int = 0) -> tuple[list[list], list[list]]:
    """Candidate (source, target) argument groups of a trigger, best first, each group the
    actors it names (with their coordinated heads): the caller keeps the first non-empty one.

    Arguments are actors, never objects or instruments: "rejected demands from the rebel
    group" targets the group, "lifted the embargo on arms sales to Vietnam" Vietnam, and "a
    U.S. airstrike killed" has the United States for its doer. ``ptype`` lets a land be the
    target of the acts aimed at one (``PLACE_TARGETS``).
    """
    nominal = tok.pos_ in ("NOUN", "PROPN") or any(c.dep_ == "det" for c in tok.children)
    place_preps = PLACE_TARGETS.get(ptype or "", ())
    src, tgt = [], []
    if nominal:
        # "talks between the government and the rebels", "clashes between police and students"
        sides = [x for g in _pobjs(tok, {"between"})[:1] for x in (g, *[c for c in g.conjuncts if c.i > g.i])]
        if len(sides) > 1:
            pair = as_actors(sides[:1], doer=True), as_actors(sides[1:])
            if pair[0] and pair[1]:
                return [pair[0]], [pair[1]]
        gathering = tok.lemma_.lower() in GATHERINGS
        head = clause_head(tok)
        src.append([_possessor(c, head) for c in tok.children if c.dep_ == "poss" and _actor_ok(c)])
        src.append(_pobjs(tok, {"by"})[:1])
        addressed = head.lemma_ in ADDRESSING and tok.dep_ == "dobj"
        if gathering and addressed:  # "told a meeting of the GATT council": the speaker addresses the body
            src.append([x for x in [subject_of(head)] if x])
            tgt.append(_pobjs(tok, {"of"})[:1])
            # "told the Inter-American Development Bank annual meeting", "a GATT council meeting"
            tgt.append([t for c in tok.children if c.dep_ in ("compound", "nmod") for t in c.subtree
                        if t.ent_type_ in ("ORG", "NORP") and t.dep_ in ("compound", "nmod")][-1:])
        elif gathering:  # "a meeting of the Group of Six": who meets
            src.append(_pobjs(tok, {"of"})[:1])
        # "Iraqi air raids", "rebel raids", "a police crackdown" (but "the Paris meeting" is where)
        src.append([c for c in tok.children if c.dep_ in ("amod", "compound") and (
            c.ent_type_ in ("NORP", "ORG") or c.ent_type_ == "GPE" and not gathering or c.pos_ == "NOUN" and is_actor(c))])
        if head.i != tok.i and tok.dep_ in ("dobj", "attr") and not received(tok):
            src.append([x for x in [subject_of(head)] if x])
        elif tok.dep_ == "pobj" and tok.head.head.lemma_ in PARTICIPATE:
            # "10,000 people took part in a demonstration", "joined in the strike"
            src.append([x for x in [subject_of(tok.head.head)] if x])
        tgt += [[x] for x in ([] if gathering else _pobjs(tok, {"of"})) + _pobjs(tok, TARGET_PREPS - {"of", "from", "by"})]
        if ptype in PARTNERED and head.i != tok.i and tok.dep_ == "dobj":
            tgt.append(_pobjs(head, {"with"})[:1])  # "will open talks next month with lending agencies"
    else:
        # "Money donated by the Irish": a participle modifying a noun is passive too
        elided = elided_passive(tok)
        passive = elided or any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or \
            tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod")
        if passive:
            src.append(_pobjs(tok, {"by"})[:1])
            if tok.dep_ == "conj":  # "was arrested by police and charged with robbery"
                src.append(_pobjs(tok.head, {"by"})[:1])
            tgt.append([c for c in tok.children if (c.dep_ == "nsubjpass" or elided and c.dep_ == "nsubj")
                        and _actor_ok(c)])
        else:
            src.append([x for x in [subject_of(tok)] if x])
            objs = [c for c in tok.children if c.dep_ in ("dobj", "dative") and _actor_ok(c)
                    and not (ptype in CARGO_TYPES and _cargo(c)) and not _own_forces(c)
                    and not (c.dep_ == "dobj" and tok.lemma_ in SENDING) and not _as_a_thing(c)]
            if tok.dep_ == "relcl" and _actor_ok(tok.head) and any(
                    c.dep_ in ("dobj", "dative") and c.lower_ in RELATIVE for c in tok.children):
                objs.append(tok.head)  # "Iran, which Washington has accused of ...": the relative's antecedent
            if tok.lemma_ in TOPIC_VERBS:
                objs = [c for c in objs if actor_head(c) is not None]
            tgt.append(objs)
        tgt += [[x] for x in _pobjs(tok, TARGET_PREPS | set(place_preps))]
        if ptype in PARTNERED:  # "was discussing the report with the Bank": the parser hangs it on the object
            tgt += [_pobjs(c, {"with"})[:1] for c in tok.children if c.dep_ == "dobj"]
    sources = [as_actors(_with_conjuncts(g), doer=True) for g in src if g]
    targets = [as_actors(_with_conjuncts(g), places=_aimed(g, place_preps), struck=ptype in STRUCK)
               for g in tgt if g]
    targets.append(_content_target(tok, ptype, depth))
    if ptype == "PROTEST":
        targets.append(as_actors(_protested(tok)))
    if ptype == "THREATEN":
        # "might halt debt payments if creditor banks did not agree": who must meet the condition
        head = clause_head(tok)
        # (no comma between "if" and the subject: the parser runs a condition into the reporting clause)
        targets.append(as_actors([g for c in head.children if c.dep_ == "advcl"
                                  for m in c.children if m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                  for g in c.children if g.dep_ == "nsubj" and _actor_ok(g) and is_actor(g)
                                  and m.i < g.i and not any(t.is_punct for t in g.doc[m.i:g.i])][:1]))
    return [g for g in sources if g], [g for g in targets if g]


def _protested(tok) -> list:
    """What a strike or a march is against, by whose it is: "in protest at the government's
    austerity program", "employees protesting against a government pay offer"."""
    scope = [*tok.subtree] + ([*tok.head.subtree] if tok.dep_ in ("dobj", "nsubj") else [])
    for t in scope:
        if t.lemma_.lower() == "protest" and (t.dep_ == "pobj" or t.tag_ == "VBG"):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("at", "against", "over"):
                    # whose the thing protested is, not whom it concerns ("the arrest of their leader")
                    return [o for g in c.children if g.dep_ == "pobj" for o in g.children
                            if o.dep_ in ("poss", "compound") and _actor_ok(o) and is_actor(o)][:1]
    return []


def _as_a_thing(tok) -> bool:
    """A place put forward as a thing ("offered Almaty as a venue"): a site, not a party."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pobj" and g.lemma_.lower() in SITES
                                                             for g in c.children)
               for c in (*tok.children, *tok.head.children))


def _possessor(pronoun, head):
    """A possessive pronoun on an act stands for the subject of the clause it is the object of
    ("Nazarzoda repeated his demand", "Tajikistan dropped its demand"); else itself."""
    if pronoun.pos_ != "PRON" or head.i == pronoun.head.i or pronoun.head.dep_ not in ("dobj", "attr"):
        return pronoun
    subj = subject_of(head)
    if subj is None or subj.pos_ == "PRON":
        return pronoun
    plural = subj.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subj.children)
    return subj if (pronoun.lower_ == "their") == plural else pronoun


def _aimed(group: list, preps) -> bool:
    """The group is a land an act is aimed at: the object of one of ``preps``, or the direct object."""
    first = group[0] if group else None
    return bool(preps) and first is not None and (first.dep_ in ("dobj", "nsubjpass") or first.dep_ == "pobj" and
                                                  first.head.lower_ in preps)


def _locative(tok) -> bool:
    """The word is the object of a preposition of place ("at Brussels")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE


def _content_target(tok, ptype, depth: int) -> list:
    """Whom the content of the trigger is about: "urged Iran to ...", "a demand for NATO to do
    more" (the content's own subject), "agreed to withdraw its troops from Iraq", "refused to
    meet with the envoy" (the content's target)."""
    for c in tok.children:
        if c.dep_ not in ("ccomp", "xcomp", "acl"):
            continue
        subj = [g for g in c.children if g.dep_ == "nsubj" and _actor_ok(g)][:1]
        hit = as_actors(subj) if subj else []
        if not hit and depth == 0 and c.pos_ in ("VERB", "AUX"):
            hit = next(iter(arguments(c, ptype=ptype, depth=1)[1]), [])
        if ptype == "AGREE":
            # what is agreed is no party to the agreement ("agreed to set up a commission", "to
            # charter tankers", "that the working group would continue"), a state it concerns is
            # ("agreed to withdraw its troops from Iraq"), and so is a partner ("willing to negotiate
            # with the government")
            hit = [h for h in hit if h.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or
                   h.dep_ == "pobj" and h.head.lower_ == "with"]
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
