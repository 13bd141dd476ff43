"""Events: PLOVER/CAMEO-coded who-did-what-to-whom from verb and noun triggers.

A trigger is a verb or a nominalisation the lexicon (``sitrep.kb.cameo``) codes in its
context words; its source and target come from the dependency parse, its actors from
the entities and the actor dictionary, its modality from auxiliaries and governing
verbs, and its date and place from the sentence, else the context, else publication.
"""
from __future__ import annotations

import re
from typing import Optional

from ..kb.cameo import VETO, cameo_part, is_trigger_lemma, to_plover, trigger_match
from ..records import ActorRef, Event, PlaceRef, TextSpan
from ._event_actors import PRONOUN_KINDS, code_actor, resolve_pronoun, sector_of
from ._event_args import (SPEECH, _subject, arguments, attributed, clause_head, modality, own_agent, phrase,
                          speaker)

NAME_ENTS = {"ORG", "GPE", "FAC", "LOC", "PERSON", "NORP", "WORK_OF_ART", "LAW", "PRODUCT"}
CONATIVE = {"seek", "try", "attempt", "strive", "endeavour", "endeavor"}
WINDOW_AFTER, WINDOW_BEFORE = 12, 5  # context words the lexicon patterns may look at
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
# a nested trigger is folded into a trigger that takes it as its content ("threatened to
# attack", "accused X of killing") or repeats its type ("launched an attack"), unless it is
# merely coordinated with it, hangs on it as a separate clause ("..., responding to a demand")
# or is its subject ("clashes claim 11 lives": the clashes are the event)
FOLD_STOP = {"conj", "relcl", "parataxis", "advcl", "nsubj", "nsubjpass", "csubj"}
# the target is looked for in the trigger's complements, never in its adjuncts of cause,
# time or manner ("suspended the mission as a result of the U.S.-Iran tensions")
ADJUNCT_DEPS = {"advcl", "relcl", "parataxis", "punct", "cc", "conj", "advmod", "npadvmod", "mark", "agent"}
ADJUNCT_PREPS = {"as", "after", "before", "due", "because", "since", "during", "amid", "amidst", "despite",
                 "following", "until", "while", "over", "by", "with", "without", "via", "through", "like"}
# adjuncts of cause and concession: a name in them is not the target ("as a result of U.S.-Iran
# tensions"); one after "after" or "following" often is (the act responded to)
CAUSE_PREPS = {"due", "because", "amid", "amidst", "despite"}
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
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            stem = low[: -len(suffix)] + repl
            keys.append(stem)
            if repl == "" and len(stem) > 3 and stem[-1] == stem[-2]:
                keys.append(stem[:-1])  # "shelled" -> "shell", "stopped" -> "stop"
    return keys


_OPEN_CLASS = frozenset(("VERB", "NOUN", "PROPN", "ADJ"))


def _trigger(tok) -> Optional[tuple[str, str]]:
    # every token is asked: the word class first, as most are none of these (the checks below
    # made _trigger half of the events stage, profiled on 1,000 Reuters articles)
    if tok.pos_ not in _OPEN_CLASS and tok.tag_ not in ("VBD", "VBN"):
        return None
    if tok.dep_ in ("amod", "compound", "poss"):  # "the heightened tensions", "the meeting's end": no act
        return None
    if tok.tag_ == "VBN" and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and any(
            c.dep_ == "det" for c in tok.children):
        return None  # a participle standing for people ("evacuated the wounded", "the detained")
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
    patient = [t for c in tok.children if c.dep_ == "nsubjpass" for t in c.subtree]
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
    return _stopped(tok, hit) if pos == "NOUN" and _halting(tok) else hit


# ending a cooperative act is its opposite: "ended the ceasefire" violates it (CAMEO 196),
# "halted talks" breaks them off (164), "stopped aid" cuts it (162)
HALTED_CODE = {"0871": "196", "CONSULT": "164", "AID": "162", "COOPERATE": "161", "AGREE": "160",
               "SUPPORT": "160", "RETREAT": "1246"}


def _halting(tok) -> bool:
    """The trigger is the object of a halting verb that the lexicon does not code itself
    (a coded one, "suspended talks", is an event of its own the noun folds into)."""
    return tok.dep_ == "dobj" and tok.head.lemma_ in HALT and _trigger(tok.head) is None


def _stopped(tok, hit):
    code = HALTED_CODE.get(hit[0][:4]) or HALTED_CODE.get(to_plover(hit[0])[0])
    return (code, hit[1]) if code else hit


def _demand(tok) -> Optional[tuple[str, str]]:
    """"Iran said Iraq must leave Kuwait": a reported obligation put on another party is a
    demand (CAMEO 10 with "must", an appeal 02 with "should") even when the verb, one the
    lexicon knows, codes nothing itself."""
    return ("020" if _auxes(tok) & {"should", "ought"} else "100", "core") if _demanded(tok) else None


def _content_of(tok, triggers) -> bool:
    """The verb is the to-clause of a content-taking trigger the lexicon codes surely."""
    head = tok.head
    return tok.dep_ == "xcomp" and head.i in triggers and triggers[head.i][1] != "default" and \
        to_plover(triggers[head.i][0])[0] in CONTENT_TYPES


def _depth(tok) -> int:
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


def _folded_into(tok, triggers: dict) -> Optional[int]:
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
# violence by a crowd of protesters is a riot (CAMEO 145, PLOVER PROTEST), not an assault
CROWD = set("protesters protestors demonstrators rioters marchers strikers mob mobs crowd crowds youths students "
            "supporters villagers residents workers farmers fans activists".split())
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
HALT = {"stop", "halt", "end", "cease", "refrain", "avoid", "suspend", "abandon", "renounce", "prevent", "limit"}


def _halted(inner, outer) -> bool:
    """The content is stopped or negated on its way up ("agreed to stop attacks")."""
    t = inner
    while t.i != outer.i and t.head.i != t.i:
        if t.i != inner.i and t.lemma_ in HALT or any(c.dep_ == "neg" for c in t.children):
            return True
        t = t.head
    return False


def _refine(code: str, inner: Optional[str], *, mutual: bool = False) -> str:
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


def _demanded(tok) -> bool:
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


def _requester(tok):
    """Who makes the demand: the one who wants it, else the speaker."""
    wants = _wanted(tok)
    return _subject(wants) if wants is not None else speaker(tok)


def _condition(tok):
    """The uncoded future main verb whose condition the trigger's clause is: "will crush them
    unless they surrender" threatens (CAMEO 13) whoever must meet the condition."""
    head = clause_head(tok)
    main = head.head
    if main.i == head.i or not _unless_clause(head):
        return None
    future = _aux_words(main) & FUTURE
    hit = _trigger(main) if future else None
    return main if future and (hit is None or hit[1] == "default") else None


def _unless(head) -> bool:
    return any(_unless_clause(c) for c in head.children)


def _stance(tok, code: str) -> Optional[str]:
    """The CAMEO code of a stated future act, when the statement is the event: "said it
    would send aid" is intent (03), "said it would / could strike" a threat (13), "will not
    withdraw" a refusal (12), "said Iraq must withdraw" a demand (10); None when the trigger
    reports the act itself."""
    ptype, head = to_plover(code)[0], clause_head(tok)
    auxes = _aux_words(head)
    if _condition(tok) is not None:
        return "130"
    negated = any(c.dep_ == "neg" for c in (*tok.children, *head.children))
    if ptype not in ("REQUEST", "REJECT", "ACCUSE", "THREATEN") and _demanded(tok):
        return _refine("020" if auxes & {"should", "ought"} else "100", None if negated else code)
    if negated and ptype == "THREATEN":
        return code  # "will not tolerate any violence" is the warning itself
    if negated and (auxes & FUTURE and ptype not in ("REJECT", "ACCUSE") or auxes & UNABLE and ptype in ASSENT
                    or ptype == "AGREE" and tok.pos_ == "ADJ"  # "was not prepared to resume talks"
                    or ptype in ASSENT and tok.pos_ == "VERB"):  # "did not accept the plan" turned it down
        return _refine("120", code)
    if ptype not in ("REJECT", "ACCUSE", "THREATEN") and _disavowed(tok):
        return _refine("120", code)
    if ptype not in ("THREATEN", "REQUEST") and _or_face(tok):
        return _refine("130", code)  # "leave the area or face arrest": the arrest is the threat
    if auxes & (FUTURE | {"could", "might", "may"}) and _unless(head):
        return _refine("130", code)  # "would pull out unless ...": a conditional threat
    if ptype in INTENT_ROOT and attributed(tok) and (
            auxes & FUTURE or INTENT_ROOT[ptype] == "130" and auxes & {"could", "might", "may"}):
        return _refine(INTENT_ROOT[ptype], code)
    if ptype in ("AID", "CONCEDE", "SUPPORT") and tok.pos_ == "VERB" and auxes & WILL and not negated and \
            head.i == tok.i and _subject(tok) is not None and not any(c.dep_ == "auxpass" for c in tok.children):
        # an actor's announced concession or help is its commitment ("Japan will provide aid": 031);
        # a meeting, joint exercise or pull-back announced is that act itself, planned
        return _refine("030", code)
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


def _or_face(tok, *, own: bool = False) -> bool:
    """The act is the alternative an order holds out: "surrender or face arrest" (with ``own``,
    the trigger may be "face" itself: "or face charges")."""
    # read off the words: the parser often takes "face arrest" for a compound noun
    before = [t.lower_ for t in tok.doc[max(tok.sent.start, tok.i - 4):tok.i + own]]
    return any(w in ("face", "faces", "facing") and before[:k][-1:] == ["or"] for k, w in enumerate(before))


# "BAGHDAD (Reuters) -", "HAVANA (AP) --", "WASHINGTON, March 12 (Xinhua) --": where the reporter
# filed from. "BAGHDAD (Reuters) - Militants attacked a base in northern Iraq" took place in Iraq;
# the dateline's place stands in only when the sentence names no other.
_DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z.'\-]{2,}(?: [A-Z][A-Z.'\-]+){0,3}(?:,[ A-Za-z.']{1,30}){0,2}"
                       r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([A-Za-z .&/]{1,30}\))?\s*(?:--?|[\u2013\u2014_])")


def _in_dateline(x, datelines: list[tuple[int, int]]) -> bool:
    return any(a <= x.span[0] < b for a, b in datelines)


def _role(p, tok) -> Optional[str]:
    """The dependency by which a place acts or is acted on in this event ("where the US killed":
    nsubj, "attacked Iran": dobj, "by Iraq": agent), else None: such a place is an actor, not
    where it happened."""
    span = tok.doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
    r = span.root if span is not None and len(span) else None
    if r is None:
        return None
    if r.dep_ == "pobj" and r.head.lower_ == "by":
        r = r.head
    if r.dep_ == "nsubj" and tok.dep_ in ("acomp", "attr") and r.head.i == tok.head.i:
        return "nsubj"  # "Kyrgyzstan was ready to talk": the subject of the copula "ready" completes
    return r.dep_ if r.head.i == tok.i and r.dep_ in ("nsubj", "nsubjpass", "dobj", "agent") else None


def _venue(p, doc) -> bool:
    """Whether a place can be where something happened: not one that qualifies a noun ("U.S.
    President", "USA military efforts", "the US-led coalition", "Robert Dole (Kan.)"), which says
    whose, not where, nor one inside an organisation's name (the seed's "North Atlantic Treaty
    Organisation" placed NATO's troop increase in the Atlantic): places.py marks it "embedded"."""
    if re.match(r"\s?-\s?[a-z]+ed\b", doc.text[p.span[1]:p.span[1] + 12]):
        return False
    if re.search(r"\((?:[RDI]-)?$", doc.text[max(0, p.span[0] - 3):p.span[0]]) and \
            doc.text[p.span[1]:p.span[1] + 1] == ")":
        return False  # "Robert Dole (Kan.)", "Sen. Charles Grassley (R-Iowa)": whose, not where
    if p.kind == "embedded":
        return False
    span = doc.char_span(p.span[0], p.span[1], alignment_mode="expand")
    return span is None or not len(span) or span.root.dep_ not in ("compound", "amod", "poss", "nmod")


def _dated(spans, sent) -> list:
    return [x for x in spans if sent.start_char <= x.span[0] < sent.end_char]


def _nearest(items, tok):
    """The time or place said of this trigger: one modifying its own clause ("agreed on
    Wednesday", not "heading into the 2020 election"), else one in its phrase, else the nearest."""
    def rank(x):
        span = tok.doc.char_span(x.span[0], x.span[1], alignment_mode="expand")
        t = span.root if span is not None and len(span) else None
        crossed, inside = False, False
        while t is not None and t.head.i != t.i:
            if t.head.i == tok.i:
                inside = True
                break
            crossed = crossed or t.head.pos_ == "VERB"
            t = t.head
        return (not (inside and not crossed), not inside, abs(x.span[0] - tok.idx))

    return min(items, key=rank) if items else None


def _own_times(times, tok) -> list:
    """Dates that can be this trigger's: not ones that describe another noun on the way to it.

    "rejected a proposal to use Soviet maps from 1958" was dated 1958 (the demo corpus's
    timeline opened with it): a date inside a noun phrase dates that noun, not the event.
    """
    doc = tok.doc
    out = []
    for x in times:
        span = doc.char_span(x.span[0], x.span[1], alignment_mode="expand")
        t = span.root if span is not None and len(span) else None
        ok = True
        while t is not None and t.head.i != t.i and t.i != tok.i:
            head = t.head
            if head.i == tok.i:
                break
            if head.pos_ in ("NOUN", "PROPN") and not (span is not None and span.start <= head.i < span.end):
                ok = False
                break
            t = head
        if ok:
            out.append(x)
    return out


def extract_events(parsed, found) -> tuple[Event, ...]:
    """PLOVER events of one article, in text order, using the earlier stages' records."""
    doc = parsed.doc
    art = parsed.article
    times = [t for t in found.times if t.type == "DATE" and t.value and DATE_VALUE.match(t.value)]
    places = [p for p in found.places if p.kind != "demonym"]  # "Canadian troops" is no venue
    quotes = list(found.quotes)
    events: list[Event] = []
    last_date = last_place = None
    datelines = [m.span() for m in _DATELINE.finditer(parsed.text)]
    for sent in doc.sents:
        if parsed.in_header(sent.start_char) or parsed.in_boilerplate(sent.start_char):
            continue
        n_before = len(events)
        triggers = {t.i: c for t in sent if (c := _trigger(t))}
        # a light verb means what its coded object names ("issued an ultimatum": a threat,
        # whatever the verb's own patterns read further on)
        triggers.update({t.i: triggers[o.i] for t in sent if t.i in triggers and t.lemma_ in LIGHT for o in t.children
                         if o.dep_ == "dobj" and o.i in triggers and o.pos_ == "NOUN" and triggers[o.i][1] == "core"})
        # "claimed that Iran had sent troops": a claim of another party's hostile act accuses it
        triggers.update({t.i: ("112", "core") for t in sent if t.lemma_ in CLAIM and _claims_hostile(t, triggers)})
        # a bare PETRARCH verb default is the lexicon's weakest guess: it only speaks when
        # nothing better in the sentence does, or as the content of a better one ("vowed to
        # crush the rebellion" is a threat)
        if any(b != "default" for _, b in triggers.values()):
            triggers = {i: c for i, c in triggers.items() if c[1] != "default" or _content_of(doc[i], triggers)}
        # a speech verb coded by a PETRARCH pattern on what was said ("said it supports ...",
        # "announced the suspension of aid") is not the event when what was said holds a
        # trigger of its own: that one is (reported); a verb that says and accuses at once
        # ("alleged that Iran had sent troops") is the accusation, its content what is alleged
        triggers = {i: c for i, c in triggers.items() if doc[i].lemma_ not in SPEECH or c[1] == "core" and
                    to_plover(c[0])[0] == "ACCUSE" or not any(
            j != i and (doc[j].dep_ in ("ccomp", "xcomp") or doc[j].dep_ == "dobj" and doc[j].head.i == i)
            and doc[i].is_ancestor(doc[j]) for j in triggers)}
        s_times, s_named = _dated(times, sent), _dated(places, sent)
        s_places = [p for p in s_named if _venue(p, doc)]
        folds = {i: _folded_into(doc[i], triggers) for i in triggers}
        # "must drop the charges or face sanctions": the penalty held out is part of the demand
        folds.update({i: doc[i].head.i for i in triggers if folds[i] is None and doc[i].dep_ == "conj"
                      and doc[i].head.i in triggers and _or_face(doc[i], own=True) and _demanded(doc[i].head)})
        # CAMEO codes a sentence by its main event: one buried in a subordinate clause
        # ("the rebels who attacked the convoy agreed to a ceasefire") gives way to it
        depth = {i: _depth(doc[i]) for i in triggers if folds[i] is None}
        top = min(depth.values(), default=0)
        # ... unless it is a nominal event with its own coded agent and target ("responding to
        # a demand by X for Y to ..."): the writer reports that act apart from the main one
        own = {i for i, d in depth.items() if d > top and _self_standing(doc, doc[i], found.entities)}
        folds.update({i: -1 for i, d in depth.items() if d > top and i not in own})
        for i, (code, basis) in triggers.items():
            tok = doc[i]
            if folds[i] is not None:
                continue
            inner = next((j for j, into in folds.items() if into == i), None)
            inner = None if inner is None or _halted(doc[inner], tok) else triggers[inner][0]
            code = _refine(code, inner, mutual=tok.lemma_ == "agree")
            stance = _stance(tok, code)
            code = stance or code
            ptype, mode = to_plover(code)
            src, tgt = arguments(tok)
            demand = ptype == "REQUEST" and _demanded(tok)  # put on another party: made, whatever its modal
            said = _requester(tok) if demand else \
                speaker(tok) if ptype == "ACCUSE" and tok.pos_ == "ADJ" else None
            main = _condition(tok) if stance == "130" else None
            said = (_subject(main) or speaker(tok)) if main is not None else said
            if said is not None:  # the demand (blame, threat) is the speaker's, made of the content's subject
                src, tgt = [[said]], src + tgt
            if src and src[0][0].lower_ in ("it", "they", "he", "she", "we"):
                # "Israel said it would ...": a pronoun subject of reported speech is its speaker
                said = speaker(tok)
                if said is not None and said.pos_ != "PRON":
                    src = [[said]] + src[1:]
            source, target = _best(doc, src, found.entities), _best(doc, tgt, found.entities)
            if basis == "default" and not _coded_pair(source, target):
                continue  # PETRARCH's own rule for a bare verb default: both actors coded
            # PETRARCH's reading when the parse gives no coded actor: the source is the nearest
            # coded name before the trigger, the target the first one after it in its phrase
            if not any(a.code for a in source):
                source = _scan(doc, [t for t in sent if t.i < tok.i][::-1], found.entities) or source
            if not any(a.code for a in target):
                taken = {a.code for a in source}
                adjunct = {c.i for c in tok.children
                           if c.dep_ in ADJUNCT_DEPS or c.dep_ == "prep" and c.lower_ in ADJUNCT_PREPS}
                after = [t for c in tok.children if c.i > tok.i and c.i not in adjunct for t in c.subtree]
                # nor, failing that, in the rest of the sentence outside those adjuncts ("suspended
                # the mission as a result of U.S.-Iran tensions" has no U.S. target)
                inside = {t.i for c in tok.children if _circumstance(c) for t in c.subtree}
                target = (_scan(doc, after, found.entities, skip=taken)
                          or _scan(doc, [t for t in sent if t.i > tok.i and t.i not in inside], found.entities,
                                   skip=taken) or target)
            if ptype in ("MOBILIZE", "ASSAULT") and source and source[0].code == "IGO" and \
                    source[0].text.lower() in PRONOUN_KINDS:
                # an international official commands no troops: "he has sent 15,000 troops" is
                # the nearest state's person before it, not the Secretary-General
                ref = resolve_pronoun(source[0].text, source[0].span[0],
                                      tuple(e for e in found.entities if e.code != "IGO"))
                if ref is not None:
                    source = (source[0].replace(entity=ref.id, code=ref.code, sector=ref.sector),) + source[1:]
            if code == "140" and tok.lemma_ == "protest" and tok.pos_ == "VERB" and _official(doc, source):
                code, (ptype, mode) = "114", to_plover("114")  # "Beijing protested to Washington": a complaint
            # a clash has two sides: with a crowd on either one it is a riot too
            # ... and so is one done by a crowd the act describes ("demonstrators throwing stones")
            crowd = {w for a in source for w in a.text.lower().split()}
            if tok.dep_ in ("acl", "pcomp", "advcl"):
                crowd |= {t.lower_ for t in tok.ancestors if t.pos_ == "NOUN"}
            if tok.lemma_ == "clash":
                crowd |= {t.lower_ for t in tok.subtree} | {w for a in target for w in a.text.lower().split()}
            if ptype == "ASSAULT" and crowd & CROWD:
                code, (ptype, mode) = "145", to_plover("145")  # CAMEO's violent protest: a riot
            target = _domestic(source, target)
            when = _nearest(_own_times(s_times, tok), tok)
            here = [p for p in s_places if _role(p, tok) is None]
            where = _nearest([p for p in here if not _in_dateline(p, datelines)], tok) or _nearest(here, tok)
            if where is None and ptype in ("ASSAULT", "COERCE"):
                # "Russia attacked Ukraine": force used on a country is used in it
                where = next((p for p in s_places if _role(p, tok) == "dobj"), None)
            # "demonstrators protested in Belgrade": local people of the place it happened in; a place
            # that is no venue still tells whose ("rebels demand that Burundi's government ...")
            fix_source, fix_target = (bool(a and a[0].sector and not any(x.code for x in a))
                                      for a in (source, target))
            local = _nearest(s_named, tok) if fix_source or fix_target else None  # a parse walk per place
            if local is not None and local.country:
                if fix_source:
                    source = (source[0].replace(code=local.country),) + source[1:]
                if fix_target:
                    target = (target[0].replace(code=local.country),) + target[1:]  # "killed villagers in Kandahar"
            date, date_basis = ((when.value, "sentence") if when else (last_date, "context") if last_date
                                else (art.published, "publication") if art.published else (None, None))
            place, place_basis = ((where, "sentence") if where else (last_place, "context") if last_place
                                  else (None, None))
            # the statement itself was made (a demand's "must" is its content, not a hedge)
            mod = "asserted" if stance or demand else \
                modality(tok.head if tok.pos_ != "VERB" and _halting(tok) else tok)
            quote = next((q.id for q in quotes if q.span[0] <= tok.idx < q.span[1]), None)
            if mod == "asserted" and (quote or attributed(tok) and tok.i not in own):
                mod = "reported"
            events.append(Event(
                id=f"v{len(events) + 1}", type=ptype, mode=mode, cameo=cameo_part(code),
                trigger=TextSpan(text=tok.text, span=(tok.idx, tok.idx + len(tok.text))),
                sentence=(sent.start_char, sent.end_char),
                source=source, target=target,
                modality=mod, date=date, date_basis=date_basis,
                place=PlaceRef.of(place) if place else None,
                place_basis=place_basis, quote=quote,
                confidence={"core": 0.8, "pattern": 0.7}.get(basis, 0.5)))
        # the story's current date moves with the dates its events took; only a sentence with no
        # event moves it by any date it has (else "maps from 1958" dated the sentences after it)
        dated = [v.date for v in events[n_before:] if v.date_basis == "sentence"]
        if dated or (s_times and len(events) == n_before):
            last_date = dated[-1] if dated else s_times[-1].value
        if s_places:
            last_place = s_places[-1]
    # a headline repeats the lead: keep its event only when the body does not report that type
    title_end = art.title_span[1] if art.title_span else -1
    body_types = {v.type for v in events if v.sentence[0] >= title_end}
    kept = [v for v in events if v.sentence[0] >= title_end or v.type not in body_types]
    return tuple(v.replace(id=f"v{n}") for n, v in enumerate(kept, 1))


def _claims_hostile(tok, triggers) -> bool:
    """The verb's content clause reports a hostile act by someone other than its subject."""
    said = _subject(tok)
    for c in tok.children:
        if c.dep_ != "ccomp" or c.i not in triggers or to_plover(triggers[c.i][0])[0] not in HOSTILE:
            continue
        doer = _subject(c)
        own = any(p.dep_ == "poss" and p.pos_ == "PRON" for p in doer.children) if doer is not None else True
        if not own and doer.lower_ not in SELF and (said is None or doer.lower_ != said.lower_):
            return True
    return False


def _circumstance(prep) -> bool:
    """An adjunct of cause, or an absolute clause ("with some Canadian troops moved to Kuwait")."""
    return prep.dep_ == "prep" and (prep.lower_ in CAUSE_PREPS or prep.lower_ == "as" and any(
        g.dep_ == "pobj" and g.lemma_ == "result" for g in prep.children) or prep.lower_ == "with" and any(
        g.dep_ in ("pcomp", "acl") or g.dep_ == "pobj" and any(c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBG")
                                                                for c in g.children) for g in prep.children))


def _official(doc, source) -> bool:
    """The source is a state or its government ("Beijing", "the Foreign Ministry"), not its people."""
    if not source or not source[0].code or source[0].code == "IGO" and source[0].sector is None:
        return False
    if source[0].sector == "GOV":
        return True
    span = doc.char_span(*source[0].span, alignment_mode="expand") if source[0].span else None
    labels = {e.label_ for e in span.ents} if span is not None else set()
    return "GPE" in labels and "NORP" not in labels


def _coded_pair(source, target) -> bool:
    return any(a.code and a.text.lower() not in PRONOUN_KINDS for a in source) and any(a.code for a in target)


def _self_standing(doc, tok, entities) -> bool:
    """A nominal trigger whose explicit agent and whose target both code to actors."""
    agent = own_agent(tok)
    return bool(agent) and any(a.code for a in _actors(doc, agent, entities)) and any(
        a.code for a in _best(doc, arguments(tok)[1], entities))


def _best(doc, groups, entities) -> tuple[ActorRef, ...]:
    """The first candidate group that codes to an actor, else the first group."""
    coded = [_actors(doc, g, entities) for g in groups]
    return next((c for c in coded if any(a.code for a in c)), coded[0] if coded else ())


def _domestic(source, target) -> tuple[ActorRef, ...]:
    """An uncoded group of people acted on by a state is taken to be that state's own
    ("the government released 30 political prisoners": NGA -> NGA prisoners), as CAMEO
    codes domestic events; an IGO source says nothing about nationality."""
    state = next((a.code for a in source if a.code and a.code != "IGO"), None)
    if state is None or not target or any(a.code for a in target) or target[0].sector is None:
        return target
    return (target[0].replace(code=state),) + target[1:]


def _scan(doc, tokens, entities, skip=frozenset()) -> tuple[ActorRef, ...]:
    """The first name-like token (in the given order) that codes to an actor not in ``skip``."""
    seen = set()
    for t in tokens:
        if not (t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or t.pos_ == "PROPN"):
            continue
        span = next((e for e in doc.ents if e.start <= t.i < e.end), doc[t.i:t.i + 1])
        if span.start in seen:
            continue
        seen.add(span.start)
        ref = code_actor(span.text, (span.start_char, span.end_char), [], entities, [])
        if ref.code and ref.code not in skip:
            return (ref,)
    return ()


def _actors(doc, heads, entities) -> tuple[ActorRef, ...]:
    out = []
    for h in heads:
        start, end = phrase(h)
        # never reach back over a paragraph break (a headline the parser glued on)
        start = max([start] + [t.i + 1 for t in doc[start:h.i] if "\n\n" in t.text_with_ws])
        span = doc[start:end]
        pieces = [(e.text, (e.start_char, e.end_char)) for e in span.ents if e.label_ in ("GPE", "NORP", "ORG", "PERSON")]
        pieces += [(t.text, (t.idx, t.idx + len(t))) for t in span if t.pos_ in ("PROPN", "ADJ") and t.text[:1].isupper()]
        ref = code_actor(span.text, (span.start_char, span.end_char), pieces, entities,
                         [t.lemma_ for t in span if t.pos_ == "NOUN"])
        if ref.code is None or all(a.code != ref.code for a in out):
            out.append(ref)
    return tuple(out)
