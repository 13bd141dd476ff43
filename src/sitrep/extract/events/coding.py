"""The CAMEO code of a trigger in its sentence.

A trigger is a verb or a nominalisation the lexicon (``sitrep.kb.cameo``) codes in its context
words; the code is then made specific by the trigger's content ("vowed to attack": a threat),
read as the speaker's stance where the statement is the event ("said Iraq must withdraw": a
demand), and folded into a governing trigger that takes it as its content.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ...kb.cameo import VETO, is_trigger_lemma, to_plover, trigger_match
from .actors import sector_of, self_standing
from .arguments import SPEECH, attributed, clause_head, is_actor, speaker, subject_of

NAME_ENTS = {"ORG", "GPE", "FAC", "LOC", "PERSON", "NORP", "WORK_OF_ART", "LAW", "PRODUCT"}


CONATIVE = {"seek", "try", "attempt", "strive", "endeavour", "endeavor"}


WINDOW_AFTER, WINDOW_BEFORE = 12, 5  # context words the lexicon patterns may look at


# a nested trigger is folded into a trigger that takes it as its content ("threatened to
# attack", "accused X of killing") or repeats its type ("launched an attack"), unless it is
# merely coordinated with it, hangs on it as a separate clause ("..., responding to a demand")
# or is its subject ("clashes claim 11 lives": the clashes are the event)
FOLD_STOP = {"conj", "relcl", "parataxis", "advcl", "nsubj", "nsubjpass", "csubj"}


# edges that put a trigger one clause below the sentence's main assertion; a complement of
# a speech verb is not lower ("officials said troops withdrew" asserts the withdrawal)
SUBORDINATE = {"advcl", "relcl", "acl", "ccomp", "xcomp", "csubj", "prep", "pcomp", "appos", "npadvmod"}


CONTENT_TYPES = {"AGREE", "REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT", "CONSULT", "CONCEDE"}


def _words(tokens) -> list[tuple[str, str]]:
    return [(t.lower_, t.lemma_.lower()) for t in tokens]


def _lemmas(tok, pos: str) -> list[str]:
    """Lexicon keys to try: the phrasal verb ("shoot down") first, then the lemma, then a
    rule-based de-inflection for when the tagger's lemma is off ("fined" -> "fin")."""
    lemma, low = tok.lemma_.lower(), tok.lower_
    keys = [f"{lemma} {c.lower_}" for c in tok.children if c.dep_ == "prt"] if pos == "VERB" else []
    keys.append(lemma)
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ed", ""), ("ed", "e"), ("es", ""), ("s", "")):
        if suffix == "es" and lemma + "s" == low:
            continue  # the lemmatizer read "aides" as "aide": not "aid"
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            stem = low[: -len(suffix)] + repl
            keys.append(stem)
            if repl == "" and len(stem) > 3 and stem[-1] == stem[-2]:
                keys.append(stem[:-1])  # "shelled" -> "shell", "stopped" -> "stop"
    return keys


_OPEN_CLASS = frozenset(("VERB", "NOUN", "PROPN", "ADJ"))


def trigger_code(tok) -> Optional[tuple[str, str]]:
    # every token is asked: the word class first, as most are none of these (the checks below
    # made trigger_code half of the events stage, profiled on 1,000 Reuters articles)
    if tok.pos_ not in _OPEN_CLASS and tok.tag_ not in ("VBD", "VBN"):
        return None
    if tok.dep_ in ("amod", "compound", "poss"):  # "the heightened tensions", "the meeting's end": no act
        return None
    if tok.tag_ == "VBN" and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and any(
            c.dep_ == "det" for c in tok.children):
        return None  # a participle standing for people ("evacuated the wounded", "the detained")
    if tok.lemma_ == "help" and tok.pos_ == "VERB" and not _helps_someone(tok):
        return None  # "liberal imports would help reduce the surplus": help of no one
    if tok.lemma_ in ("demand", "call", "threat") and tok.pos_ == "NOUN" and not _made_by_someone(tok):
        return None  # "domestic demand for oil", "calls for a cut", "the threat to oil routes": no one made them
    if tok.lemma_ == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children) and any(
            c.dep_ == "neg" for c in tok.children):
        return None  # "would not rule out a drop": a hedge, no refusal
    if tok.lemma_ in ("start", "begin", "end") and tok.tag_ == "VBG" and any(c.ent_type_ == "DATE" for c in tok.children):
        return None  # "the fiscal year starting April 1": a date, no act
    if tok.lemma_ == "demand" and tok.tag_ == "NN" and _economic_demand(tok):
        return None  # "to meet current demand", "consumer demand rose": the market's, not a claim
    if tok.lemma_ == "ask" and not any(c.dep_ in ("nsubj", "agent") for c in tok.children) and (
            tok.tag_ == "VBN" or any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)):
        return None  # "When asked about ...", "he was asked whether ...": a reporter's question
    if tok.lemma_ in CONATIVE and any(c.dep_ == "xcomp" for c in tok.children):
        return None  # "sought to expel the inspectors": an attempt at the act, not a request
    if tok.lemma_ == "demonstrate" and any(c.dep_ in ("dobj", "ccomp") for c in tok.children):
        return None  # transitive "demonstrate" shows something ("demonstrate the need"): no protest
    if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ in NAME_ENTS:
        return None  # a word of a name ("the Ministry of Humanitarian Aid", "Human Rights Watch")
    pos = ("VERB" if tok.pos_ == "VERB" or tok.tag_ in ("VBD", "VBN") else
           "NOUN" if tok.pos_ in ("NOUN", "PROPN") else "ADJ" if tok.pos_ == "ADJ" else None)
    if pos is None:
        return None
    lemma = next((x for x in _lemmas(tok, pos) if is_trigger_lemma(x, pos)), None)
    gerund = tok.lower_.endswith("ing") and not any(c.dep_ in ("det", "poss", "amod") for c in tok.children)
    if lemma is None and pos == "NOUN" and (gerund or tok.lower_.endswith("s") and (
            tok.dep_ == "ROOT" or any(c.dep_ in ("nsubj", "dobj") for c in tok.children))):
        # a gerund ("of suspending talks") or a plural-looking noun heading the sentence
        # ("Malaysia denounces ...") is a verb the tagger took for a noun
        pos = "VERB"
        lemma = next((x for x in _lemmas(tok, pos) if is_trigger_lemma(x, pos)), None)
    if lemma is None:
        return None
    sent = tok.sent
    after = [t for t in tok.subtree if t.i > tok.i][:WINDOW_AFTER] if pos != "VERB" else \
        [t for t in sent if t.i > tok.i][:WINDOW_AFTER]
    # a passive verb's patient comes first: "the curfew was lifted" reads as "lifted the curfew"
    patient = [t for c in tok.children if c.dep_ == "nsubjpass" for t in c.subtree] or (
        [tok.head] if tok.dep_ == "acl" and tok.tag_ == "VBN" else [])  # "the agreement, signed by"
    after = patient + after if pos == "VERB" else after
    before = [t for t in sent if tok.i - WINDOW_BEFORE <= t.i < tok.i]
    hit = trigger_match(lemma, pos, before=_words(before), after=_words(after))
    if (hit is None or hit[1] == "default") and " " in lemma and is_trigger_lemma(tok.lemma_.lower(), pos):
        # a phrasal verb PETRARCH only knows by a bare default ("call up": 150) may be coded
        # surely by the verb's own entries ("call ... up reservists": 154)
        plain = trigger_match(tok.lemma_.lower(), pos, before=_words(before), after=_words(after))
        hit = plain if plain is not None and plain[1] != "default" else hit
    if hit is None and pos == "VERB":
        return _demand(tok)
    if hit is None or hit[0] == VETO or to_plover(hit[0]) is None:
        return None
    return _stopped(tok, hit) if pos == "NOUN" and halting(tok) else hit


def _up_to_governor(tok) -> list:
    """The words after a verb up to the verb that governs it, where its own phrase ends ("The
    agreement, signed by the ministers, replaces the truce": the truce was not signed)."""
    above = {t.i for t in tok.ancestors if t.pos_ in ("VERB", "AUX")}
    out = []
    for t in tok.sent[tok.i - tok.sent.start + 1:]:
        if t.i in above:
            break
        out.append(t)
    return out


# ending a cooperative act is its opposite: "ended the ceasefire" violates it (CAMEO 196),
# "halted talks" breaks them off (164), "stopped aid" cuts it (162)
HALTED_CODE = {"0871": "196", "CONSULT": "164", "AID": "162", "COOPERATE": "161", "AGREE": "160",
               "SUPPORT": "160", "RETREAT": "1246"}


# a meeting or visit that is called off does not happen (CONSULT, negated); talks broken off
# are a sanction (CAMEO 164)
OCCASIONS = frozenset({"trip", "visit", "meeting", "session", "summit", "tour", "conference"})


def halting(tok) -> bool:
    """The trigger is the object of a halting verb that the lexicon does not code itself
    (a coded one, "suspended talks", is an event of its own the noun folds into)."""
    return tok.dep_ == "dobj" and tok.head.lemma_ in HALT and trigger_code(tok.head) is None


def _stopped(tok, hit):
    if tok.lemma_.lower() in OCCASIONS:
        return hit
    code = HALTED_CODE.get(hit[0][:4]) or HALTED_CODE.get(to_plover(hit[0])[0])
    return (code, hit[1]) if code else hit


def _demand(tok) -> Optional[tuple[str, str]]:
    """"Iran said Iraq must leave Kuwait": a reported obligation put on another party is a
    demand (CAMEO 10 with "must", an appeal 02 with "should") even when the verb, one the
    lexicon knows, codes nothing itself."""
    return ("020" if _auxes(tok) & {"should", "ought"} else "100", "core") if is_demanded(tok) else None


def is_content_of(tok, triggers) -> bool:
    """The verb is the to-clause of a content-taking trigger the lexicon codes surely."""
    head = tok.head
    return tok.dep_ == "xcomp" and head.i in triggers and triggers[head.i][1] != "default" and \
        to_plover(triggers[head.i][0])[0] in CONTENT_TYPES


def clause_depth(tok) -> int:
    """How many clauses down the trigger sits."""
    # a nominal event that is the subject of another ("the attack drew condemnation") is its cause
    n, t = int(tok.pos_ != "VERB" and tok.dep_ in ("nsubj", "nsubjpass")), tok
    while t.head.i != t.i:
        n += t.dep_ in SUBORDINATE and not (t.dep_ == "ccomp" and t.head.lemma_ in SPEECH)
        t = t.head
    return n


def _purpose(tok) -> bool:
    """An adverbial clause of purpose ("... to encourage talks", "in order to ...")."""
    return tok.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children)


def folded_into(tok, triggers: dict) -> Optional[int]:
    """The governing trigger this one folds into: any nominal (it is that event's argument:
    "suspended protests", "launched attacks"), a verb when it is the content of a
    content-taking or same-type trigger or any trigger's complement or purpose ("decided
    to release ... to encourage talks" is one event); None when it stands on its own."""
    own = to_plover(triggers[tok.i][0])[0]
    t, complement = tok, False
    while t.head.i != t.i and (t.dep_ not in FOLD_STOP or _purpose(t)):
        complement = complement or t.dep_ in ("xcomp", "ccomp") or _purpose(t)
        t = t.head
        if t.i in triggers:
            outer = to_plover(triggers[t.i][0])[0]
            if tok.pos_ != "VERB" or outer in CONTENT_TYPES or outer == own or complement:
                return t.i
    return None


# CAMEO codes "intend / appeal / demand / refuse to do X" by what X is: the second digit
# follows X's root (03 + 06 material cooperation -> 031, 10 + 08 yield -> 105, ...)
_CONTENT_DIGIT = {"03": {"06": "1", "05": "2", "07": "3", "08": "5", "04": "6"},
                  "02": {"06": "1", "05": "2", "07": "3", "08": "5", "04": "6"},
                  "10": {"06": "1", "05": "2", "07": "3", "08": "5", "04": "6"},
                  "12": {"06": "1", "07": "2", "08": "4", "04": "5"},
                  "13": {"18": "8", "19": "8", "20": "8", "16": "1", "17": "7", "15": "8", "14": "3"}}


# an actor saying it will do something cooperative expresses intent (CAMEO 03), something
# hostile threatens (CAMEO 13; a strike or boycott is 133): "Japan said it would send aid" is
# AGREE, not AID (a bare "Egypt will host the talks" stays a planned CONSULT; "said it would
# send troops" may be help or menace, so MOBILIZE stays itself)
INTENT_ROOT = {"COOPERATE": "030", "AID": "030", "CONCEDE": "030", "RETREAT": "030", "CONSULT": "030",
               "SUPPORT": "030", "SANCTION": "130", "COERCE": "130", "ASSAULT": "130", "PROTEST": "130"}


FUTURE = {"will", "would", "shall", "'ll", "wo"}


WILL = {"will", "shall", "'ll"}


OBLIGE = {"must", "should", "ought"}


# "said it could not accept the proposal" refuses it ("could not meet repayments" does not)
UNABLE, ASSENT = {"can", "could", "ca"}, {"AGREE", "SUPPORT", "CONCEDE"}


WANT = {"want", "wish"}


DISAVOWED = {"intention", "intent", "plan", "desire", "interest", "wish"}


SELF = {"it", "we", "i", "they"}  # "said they must defend themselves" states intent, not a demand


CLAIM = {"claim", "allege", "charge"}


LIGHT = {"issue", "make", "deliver", "lodge", "file", "give", "stage", "mount", "carry", "conduct", "launch"}


HOSTILE = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN"}


# verbs that turn a promised act into its opposite ("pledged to end attacks" is no threat)
HALT = {"stop", "halt", "end", "cease", "refrain", "avoid", "suspend", "abandon", "renounce", "prevent", "limit",
        "cancel", "postpone", "scrap"}


def is_halted(inner, outer) -> bool:
    """The content is stopped or negated on its way up ("agreed to stop attacks")."""
    t = inner
    while t.i != outer.i and t.head.i != t.i:
        if t.i != inner.i and t.lemma_ in HALT or any(c.dep_ == "neg" for c in t.children):
            return True
        t = t.head
    return False


def refine_code(code: str, inner: Optional[str], *, mutual: bool = False) -> str:
    """A generic content-taking code made specific by the code of its folded content; a
    one-sided promise to use force is a threat ("vowed to attack": CAMEO 138, not 030)."""
    if code == "030" and not mutual and (inner or "")[:2] in ("16", "17", "18", "19", "20"):
        code = "130"
    digit = _CONTENT_DIGIT.get(code[:2], {}).get((inner or "")[:2])
    return code[:2] + digit if digit and len(code) == 3 and code.endswith("0") else code


def _aux_words(head) -> set[str]:
    return {c.lower_ for c in head.children if c.dep_ == "aux"}


def _auxes(tok) -> set[str]:
    return _aux_words(clause_head(tok))


def _unless_clause(clause) -> bool:
    """A clause of condition opened by "unless"."""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in clause.children)


def _other_party(head) -> bool:
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lower_ not in SELF and (subj.pos_ == "PROPN" or subj.ent_type_ in (
        "GPE", "NORP", "ORG", "PERSON") or sector_of([subj.lower_]) is not None)


def _wanted(tok):
    """The verb of wanting whose object clause the trigger's is ("the rebels want the
    government to release the prisoners"), else None."""
    head = clause_head(tok)
    return head.head if head.dep_ == "ccomp" and head.head.lemma_ in WANT and _other_party(head) else None


def is_demanded(tok) -> bool:
    """An act another party must, should or is wanted to do: "Iran said Iraq must release
    the prisoners" is Iran's demand (CAMEO 10) or appeal (02), not a release."""
    head = clause_head(tok)
    return bool(_auxes(tok) & OBLIGE or _subjunctive(head)) and _other_party(head) and attributed(tok) or \
        _wanted(tok) is not None


def _subjunctive(head) -> bool:
    """A mandative subjunctive: "insisted that Iraq comply", a bare verb after a singular subject
    (the tagger often calls it a present tense, which a singular subject rules out)."""
    return head.tag_ in ("VB", "VBP") and head.dep_ == "ccomp" and not any(
        c.dep_ in ("aux", "auxpass") for c in head.children) and any(
        c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in head.children)


def requester(tok):
    """Who makes the demand: the one who wants it, else the speaker."""
    wants = _wanted(tok)
    return subject_of(wants) if wants is not None else speaker(tok)


def condition_verb(tok):
    """The uncoded future main verb whose condition the trigger's clause is: "will crush them
    unless they surrender" threatens (CAMEO 13) whoever must meet the condition."""
    head = clause_head(tok)
    main = head.head
    if main.i == head.i or not _unless_clause(head):
        return None
    future = _aux_words(main) & FUTURE
    hit = trigger_code(main) if future else None
    return main if future and (hit is None or hit[1] == "default") else None


def _unless(head) -> bool:
    return any(_unless_clause(c) for c in head.children)


def stance_code(tok, code: str) -> Optional[str]:
    """The CAMEO code of a stated future act, when the statement is the event: "said it
    would send aid" is intent (03), "said it would / could strike" a threat (13), "will not
    withdraw" a refusal (12), "said Iraq must withdraw" a demand (10); None when the trigger
    reports the act itself."""
    ptype, head = to_plover(code)[0], clause_head(tok)
    auxes = _aux_words(head)
    if condition_verb(tok) is not None:
        return "130"
    negated = any(c.dep_ == "neg" for c in (*tok.children, *head.children))
    if ptype not in ("REQUEST", "REJECT", "ACCUSE", "THREATEN") and is_demanded(tok):
        return refine_code("020" if auxes & {"should", "ought"} else "100", None if negated else code)
    if negated and ptype == "THREATEN":
        return code  # "will not tolerate any violence" is the warning itself
    if negated and (auxes & FUTURE and ptype not in ("REJECT", "ACCUSE") or auxes & UNABLE and ptype in ASSENT
                    or ptype == "AGREE" and tok.pos_ == "ADJ"  # "was not prepared to resume talks"
                    or ptype in ASSENT and tok.pos_ == "VERB"):  # "did not accept the plan" turned it down
        return refine_code("120", code)
    if ptype not in ("REJECT", "ACCUSE", "THREATEN") and _disavowed(tok):
        return refine_code("120", code)
    if ptype not in ("THREATEN", "REQUEST") and or_face(tok):
        return refine_code("130", code)  # "leave the area or face arrest": the arrest is the threat
    if auxes & (FUTURE | {"could", "might", "may"}) and _unless(head):
        return refine_code("130", code)  # "would pull out unless ...": a conditional threat
    if ptype in INTENT_ROOT and attributed(tok) and (
            auxes & FUTURE or INTENT_ROOT[ptype] == "130" and auxes & {"could", "might", "may"}):
        return refine_code(INTENT_ROOT[ptype], code)
    if ptype in ("AID", "CONCEDE", "SUPPORT") and tok.pos_ == "VERB" and auxes & WILL and not negated and \
            head.i == tok.i and subject_of(tok) is not None and not any(c.dep_ == "auxpass" for c in tok.children):
        # an actor's announced concession or help is its commitment ("Japan will provide aid": 031);
        # a meeting, joint exercise or pull-back announced is that act itself, planned
        return refine_code("030", code)
    return None


def _disavowed(tok) -> bool:
    """The act is one its actor says it has no intention or plan of doing ("had no intention
    of withdrawing"): a refusal (CAMEO 12), not the act."""
    t = tok
    for _ in range(3):
        t = t.head
        if t.lemma_ in DISAVOWED and any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
            return True
        if t.head.i == t.i:
            break
    return False


def or_face(tok, *, own: bool = False) -> bool:
    """The act is the alternative an order holds out: "surrender or face arrest" (with ``own``,
    the trigger may be "face" itself: "or face charges")."""
    # read off the words: the parser often takes "face arrest" for a compound noun
    before = [t.lower_ for t in tok.doc[max(tok.sent.start, tok.i - 4):tok.i + own]]
    return any(w in ("face", "faces", "facing") and before[:k][-1:] == ["or"] for k, w in enumerate(before))


def claims_hostile(tok, triggers) -> bool:
    """The verb's content clause reports a hostile act by someone other than its subject."""
    said = subject_of(tok)
    for c in tok.children:
        if c.dep_ != "ccomp" or c.i not in triggers or to_plover(triggers[c.i][0])[0] not in HOSTILE:
            continue
        doer = subject_of(c)
        own = any(p.dep_ == "poss" and p.pos_ == "PRON" for p in doer.children) if doer is not None else True
        if not own and doer.lower_ not in SELF and (said is None or doer.lower_ != said.lower_):
            return True
    return False


@dataclass(frozen=True)
class CodedTrigger:
    """A trigger that stands as an event of its sentence, with its final CAMEO code."""
    tok: object  # spacy Token
    code: str
    basis: str  # the lexicon's evidence: core, pattern or default
    stance: Optional[str]  # the code of the statement when it is the event ("said Iraq must ...")
    demand: bool  # a demand put on another party: made, whatever its modal
    apart: bool  # a nominal event reported apart from the sentence's main one


def sentence_triggers(sent) -> dict[int, tuple[str, str]]:
    """Token index -> (CAMEO code, basis) for every trigger word of a sentence."""
    doc = sent.doc
    triggers = {t.i: c for t in sent if (c := trigger_code(t))}
    # a light verb means what its coded object names ("issued an ultimatum": a threat,
    # whatever the verb's own patterns read further on)
    triggers.update({t.i: triggers[o.i] for t in sent if t.i in triggers and t.lemma_ in LIGHT for o in t.children
                     if o.dep_ == "dobj" and o.i in triggers and o.pos_ == "NOUN" and triggers[o.i][1] == "core"})
    # "claimed that Iran had sent troops": a claim of another party's hostile act accuses it
    triggers.update({t.i: ("112", "core") for t in sent if t.lemma_ in CLAIM and claims_hostile(t, triggers)})
    # a bare PETRARCH verb default is the lexicon's weakest guess: it only speaks when
    # nothing better in the sentence does, or as the content of a better one ("vowed to
    # crush the rebellion" is a threat)
    if any(b != "default" for _, b in triggers.values()):
        triggers = {i: c for i, c in triggers.items() if c[1] != "default" or is_content_of(doc[i], triggers)}
    # a speech verb coded by a PETRARCH pattern on what was said ("said it supports ...",
    # "announced the suspension of aid") is not the event when what was said holds a
    # trigger of its own: that one is (reported); a verb that says and accuses at once
    # ("alleged that Iran had sent troops") is the accusation, its content what is alleged
    return {i: c for i, c in triggers.items() if doc[i].lemma_ not in SPEECH or c[1] == "core" and
            to_plover(c[0])[0] == "ACCUSE" or not any(
        j != i and (doc[j].dep_ in ("ccomp", "xcomp") or doc[j].dep_ == "dobj" and doc[j].head.i == i)
        and doc[i].is_ancestor(doc[j]) for j in triggers)}


def coded_triggers(sent, entities) -> list[CodedTrigger]:
    """The triggers of a sentence that stand as events, each with its code made specific by
    the content folded into it and read as the speaker's stance where that is the event."""
    doc = sent.doc
    triggers = sentence_triggers(sent)
    folds = {i: folded_into(doc[i], triggers) for i in triggers}
    # "must drop the charges or face sanctions": the penalty held out is part of the demand
    folds.update({i: doc[i].head.i for i in triggers if folds[i] is None and doc[i].dep_ == "conj"
                  and doc[i].head.i in triggers and or_face(doc[i], own=True) and is_demanded(doc[i].head)})
    # CAMEO codes a sentence by its main event: one buried in a subordinate clause
    # ("the rebels who attacked the convoy agreed to a ceasefire") gives way to it
    depth = {i: clause_depth(doc[i]) for i in triggers if folds[i] is None}
    top = min(depth.values(), default=0)
    # ... unless it is a nominal event with its own coded agent and target ("responding to
    # a demand by X for Y to ..."): the writer reports that act apart from the main one
    apart = {i for i, d in depth.items() if d > top and self_standing(doc, doc[i], entities)}
    folds.update({i: -1 for i, d in depth.items() if d > top and i not in apart})
    out = []
    for i, (code, basis) in triggers.items():
        if folds[i] is not None:
            continue
        tok = doc[i]
        inner = next((j for j, into in folds.items() if into == i), None)
        inner = None if inner is None or is_halted(doc[inner], tok) else triggers[inner][0]
        code = refine_code(code, inner, mutual=tok.lemma_ == "agree")
        stance = stance_code(tok, code)
        code = stance or code
        demand = to_plover(code)[0] == "REQUEST" and is_demanded(tok)
        out.append(CodedTrigger(tok=tok, code=code, basis=basis, stance=stance, demand=demand, apart=i in apart))
    return out


# verbs whose object is a demand someone made ("rejected the demand", "met their demands")
DEMAND_VERBS = frozenset({"reject", "accept", "meet", "drop", "press", "renew", "repeat", "reiterate", "issue",
                          "carry", "withdraw", "step", "dismiss",
                          "make", "present", "submit", "voice", "back", "support", "ignore", "refuse", "heed",
                          "answer", "resist", "grant", "yield", "bow", "comply"})


def _helps_someone(tok) -> bool:
    """"help Qatar sell", "helped the rebels": help has an actor it helps."""
    return any(c.dep_ in ("dobj", "dative") and is_actor(c) or c.dep_ in ("ccomp", "xcomp") and any(
        g.dep_ == "nsubj" and is_actor(g) for g in c.children) for c in tok.children)


def _economic_demand(tok) -> bool:
    """Singular "demand" with no article, no content and no one it is from: the market's."""
    return not any(c.dep_ == "det" and c.lower_ in ("a", "an", "this", "that") or c.dep_ == "poss" or
                   c.dep_ in ("acl", "ccomp", "relcl") or c.dep_ == "prep" and c.lower_ in ("from", "by")
                   for c in tok.children)


def _made_by_someone(tok) -> bool:
    """A demand or call with someone behind it: its possessor, a name or actor noun in front, who
    it is from or by, or a verb that takes someone's demand as its object."""
    for c in tok.children:
        if c.dep_ == "poss" or c.dep_ in ("compound", "amod", "nmod") and (
                c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or is_actor(c)):
            return True
        if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by") and any(
                g.dep_ == "pobj" and is_actor(g) for g in c.children):
            return True
    return tok.dep_ in ("dobj", "nsubjpass", "pobj") and tok.head.lemma_ in DEMAND_VERBS or \
        tok.dep_ == "pobj" and tok.head.head.lemma_ in DEMAND_VERBS
