"""An event's modality from its auxiliaries and the verbs that govern it."""
from __future__ import annotations

from .arguments import clause_head

PLAN = {"plan", "intend", "agree", "decide", "promise", "pledge", "vow", "expect", "aim", "prepare", "schedule",
        "set", "propose", "want", "seek", "hope", "offer", "consider", "threaten", "try", "attempt"}
INTENT = {"agree", "pledge", "promise", "vow", "plan", "intend", "decide", "offer", "commit", "prepare", "schedule",
          "propose"}
POSSIBLE_VERBS = {"consider", "weigh", "mull", "contemplate", "discuss", "threaten"}
NEGATING = {"deny", "decline", "refuse", "fail", "reject", "avoid", "halt", "stop", "cancel", "abandon", "postpone",
            "suspend", "scrap"}
ASPECT = {"continue", "begin", "start", "resume", "keep", "proceed"}
PLANNED_ADJ = {"planned", "proposed", "possible", "potential", "future", "upcoming", "expected", "prospective"}


def verb_chain(tok):
    """The trigger's clause verb and the verbs that govern it through xcomp/conj."""
    chain = [clause_head(tok)]
    while chain[-1].dep_ in ("xcomp", "conj", "auxpass") and chain[-1].head.i != chain[-1].i and len(chain) < 4:
        chain.append(chain[-1].head)
    return chain


def modality(tok) -> str:
    """negated > possible > planned > reported > asserted, from auxiliaries and governors."""
    chain = verb_chain(tok)
    own = [tok] + chain
    if any(c.dep_ == "neg" for t in own for c in t.children):
        return "negated"
    if any(c.lower_ == "no" and c.dep_ == "det" for c in tok.children):
        return "negated"
    # a nominal trigger's own clause verb counts too: "denied the accusation", "halted the talks";
    # a verb it is only coordinated with does not ("suspended trade and banned imports")
    governors = [t for t in chain[tok.pos_ == "VERB":] if t.i != tok.i]
    if tok.dep_ == "conj" and tok.pos_ == "VERB":
        governors = []
    if any(t.lemma_ in NEGATING for t in governors) or (
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


CONDITIONS = frozenset({"if", "unless", "whether"})
CLAUSE_EDGES = frozenset({"advcl", "ccomp", "relcl", "acl", "csubj", "parataxis"})


def hypothetical(tok) -> bool:
    """The trigger's own clause is a condition or a question ("if Congress and the administration
    fail to agree", "whether they would meet"): it reports no act. A definite act named by a noun
    ("if the talks fail") is presupposed, and stays."""
    if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "these") for c in tok.children):
        return False
    t = tok
    while True:
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in t.children):
            return True
        if t.dep_ in CLAUSE_EDGES or t.head.i == t.i:
            return False
        t = t.head
