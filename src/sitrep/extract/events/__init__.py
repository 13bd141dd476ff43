"""Events: PLOVER/CAMEO-coded who-did-what-to-whom from verb and noun triggers.

A trigger is a verb or a nominalisation the lexicon (``sitrep.kb.cameo``) codes in its context
words (``coding``); its source and target come from the dependency parse (``arguments``), its
actors from the entities and the actor dictionary (``actors``), its modality from auxiliaries
and governing verbs (``modality``), and its date and place from the sentence, else the context,
else publication (``venue``).
"""
from __future__ import annotations

import re

from ...kb.actors import as_of, lookup_actor
from ...kb.cameo import cameo_part, to_plover
from ...kb.lexicon import words
from ...records import Event, PlaceRef, TextSpan
from .actors import is_official
from ..entities import entity_at
from .arguments import STRUCK, a_thing, agentless, attributed, clause_head, is_actor, is_struck_place, speaker
from .coding import coded_triggers, halting
from .confidence import business_share, features, score
from .dyad import find_dyad
from .modality import hypothetical, modality
from ...nlp.datelines import DATELINE
from .venue import in_dateline, in_sentence, is_venue, nearest, own_times, place_role

# sectors whose people are not the local people of the place they are in
TRAVELLERS = frozenset({"GOV", "IGO", "MED", "BUS", "ELI"})
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
# violence by a crowd of protesters is a riot (CAMEO 145, PLOVER PROTEST), not an assault
CROWD = set("protesters protestors demonstrators rioters marchers strikers mob mobs crowd crowds youths students "
            "supporters villagers residents workers farmers fans activists".split())


def extract_events(parsed, found) -> tuple[Event, ...]:
    """PLOVER events of one article, in text order, using the earlier stages' records, each
    with its calibrated ``confidence`` (``confidence.py``)."""
    return tuple(v.replace(confidence=score(f)) for v, f in scored_events(parsed, found))


def scored_events(parsed, found) -> list[tuple[Event, dict]]:
    """The article's events, each with the confidence model's inputs (``confidence.features``)."""
    doc = parsed.doc
    story_business = business_share(doc)
    art = parsed.article
    times = [t for t in found.times if t.type == "DATE" and t.value and DATE_VALUE.match(t.value)]
    places = [p for p in found.places if p.kind != "demonym"]  # "Canadian troops" is no venue
    quotes = list(found.quotes)
    events: list[Event] = []
    inputs: list[dict] = []
    last_date = last_place = None
    datelines = [m.span() for m in DATELINE.finditer(parsed.text)]
    for sent in doc.sents:
        if parsed.in_header(sent.start_char) or parsed.in_boilerplate(sent.start_char):
            continue
        n_before = len(events)
        s_times, s_named = in_sentence(times, sent), in_sentence(places, sent)
        s_places = [p for p in s_named if is_venue(p, doc)]
        for trig in coded_triggers(sent, found.entities):
            tok, code = trig.tok, trig.code
            ptype, mode = to_plover(code)
            if hypothetical(tok) and trig.stance != "130":
                continue  # "if Congress fails to agree": a condition, no act (a threat's is its main clause)
            dyad = find_dyad(trig, ptype, found.entities)
            # PLOVER codes an act by an actor: with no one named who does it ("labour trouble
            # threatens the crop", "talks will follow") there is no event to code
            if dyad is None or not dyad.source and not (ptype in STRUCK and dyad.target and agentless(tok)):
                continue  # (but "two guards were killed" reports an attack whose doer is not named)
            source, target = dyad.source, dyad.target
            quoted = next((q for q in quotes if q.span[0] <= tok.idx < q.span[1]), None)
            source = _speakers_we(source, quoted, found.entities)
            if _between_businesses(source, target, tok, doc, found.entities):
                continue  # "Merrill Lynch offered 48.50 dlrs a share": commerce, no political act
            if ptype == "AGREE" and _concurred(tok, source, found.entities):
                continue  # "Senior economist Susumu Taketomi agreed.": of the same opinion, no accord
            if ptype in DEALINGS and _a_deal(tok) and not any(_a_state(a) for a in target):
                continue  # "agreed to buy 27,000 tonnes of corn", "offered at 190 pct": a trade, no political act
            if not target and ptype in MATERIAL_ACTS and _on_an_economic_quantity(tok):
                continue  # "will cut the corporate tax rate", "reduced spending": economic policy, no one acted on
            if ptype == "THREATEN" and not target and (warned := _warned_of(tok)) is not None:
                if not a_thing(warned):
                    continue  # "warned it was essential to recover the drums": a caution, no threat
                code = "111"  # "warned that a tax increase would jeopardise growth": criticism of a policy
            code = _reread(tok, code, ptype, source, target, doc)
            ptype, mode = to_plover(code)
            when = nearest(own_times(s_times, tok), tok)
            here = [p for p in s_places if place_role(p, tok) is None]
            where = nearest([p for p in here if not in_dateline(p, datelines)], tok) or nearest(here, tok)
            if where is None and ptype in ("ASSAULT", "COERCE"):
                # "Russia attacked Ukraine": force used on a country is used in it
                where = next((p for p in s_places if place_role(p, tok) == "dobj"), None)
            # "demonstrators protested in Belgrade": local people of the place it happened in; a place
            # that is no venue still tells whose ("rebels demand that Burundi's government ...")
            # (not a government's spokesman in Vienna: officials travel and bodies sit abroad)
            fix_source, fix_target = (bool(a and a[0].sector and a[0].sector not in TRAVELLERS
                                           and not any(x.code for x in a)) for a in (source, target))
            local = nearest(s_named, tok) if fix_source or fix_target else None  # a parse walk per place
            if local is not None and local.country:
                if fix_source:
                    source = (source[0].replace(code=local.country),) + source[1:]
                if fix_target:
                    target = (target[0].replace(code=local.country),) + target[1:]  # "killed villagers in Kandahar"
            source, target = _dated_codes(source, art.published), _dated_codes(target, art.published)
            date, date_basis = ((when.value, "sentence") if when else (last_date, "context") if last_date
                                else (art.published, "publication") if art.published else (None, None))
            place, place_basis = ((where, "sentence") if where else (last_place, "context") if last_place
                                  else (None, None))
            # the statement itself was made (a demand's "must" is its content, not a hedge)
            mod = ("negated" if _denied(tok, trig) else "asserted") if trig.stance or trig.demand else \
                modality(tok.head if tok.pos_ != "VERB" and halting(tok) else tok)
            quote = quoted.id if quoted is not None else None
            if mod == "asserted" and (quote or attributed(tok) and not trig.apart):
                mod = "reported"
            events.append(Event(
                id=f"v{len(events) + 1}", type=ptype, mode=mode, cameo=cameo_part(code),
                trigger=TextSpan(text=tok.text, span=(tok.idx, tok.idx + len(tok.text))),
                sentence=(sent.start_char, sent.end_char),
                source=source, target=target,
                modality=mod, date=date, date_basis=date_basis,
                place=PlaceRef.of(place) if place else None,
                place_basis=place_basis, quote=quote))
            inputs.append(features(trig, ptype, dyad, mod, quote is not None, story_business))
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
    kept = [(v, f) for v, f in zip(events, inputs) if v.sentence[0] >= title_end or v.type not in body_types]
    return [(v.replace(id=f"v{n}"), f) for n, (v, f) in enumerate(kept, 1)]


FIRST_PERSON = frozenset({"we", "i", "us", "our", "my", "me"})


def _speakers_we(source, quoted, entities) -> tuple:
    """"We" in a quote is the speaker's side: the source keeps its words and takes the code
    of whom the quote is credited to ("'We hold Dushanbe responsible,' Colonel Mamytov said")."""
    if not source or source[0].code or source[0].text.lower() not in FIRST_PERSON or quoted is None \
            or quoted.speaker is None or quoted.speaker.entity is None:
        return source
    ent = next((e for e in entities if e.id == quoted.speaker.entity), None)
    if (ent is None or ent.code is None) and quoted.speaker.span:
        # the speaker's own words name whom they speak for ("a spokesman for the Kyrgyz Defence Ministry")
        lo, hi = quoted.speaker.span
        ent = next((e for e in entities if e.code and any(lo <= m[0] and m[1] <= hi for m in e.mentions)), None)
    if ent is None or ent.code is None:
        return source
    return (source[0].replace(entity=ent.id, code=ent.code, sector=source[0].sector or ent.sector,
                              basis="speaker"),) + source[1:]


def _denied(tok, trig) -> bool:
    """A statement that was not made: "did not repeat an earlier threat", "did not demand" (a
    stance's own "not" is the refusal it states: "said it would not withdraw")."""
    said = clause_head(tok) if tok.pos_ != "VERB" else tok if trig.demand and not trig.stance else None
    return said is not None and any(c.dep_ == "neg" for c in said.children)


MATERIAL_ACTS = frozenset({"AID", "COERCE", "SANCTION", "CONCEDE", "COOPERATE", "AGREE", "RETREAT", "MOBILIZE"})
ECONOMIC_QUANTITIES = words("economic_quantities")
CORPORATE_TITLES = words("corporate_titles")


# cooperative acts whose object may be a trade
DEALINGS = frozenset({"AGREE", "CONSULT", "COOPERATE"})
TRADE_VERBS, DEAL_NOUNS = words("trade_verbs"), words("deal_nouns")


def _warned_of(tok):
    """The subject of what a warning says will happen, when that is no one ("warned that a tax
    increase would jeopardise growth", "warned it was essential to ..."): a consequence foreseen,
    not a threat by the one who warns. None when the warning is addressed to someone or says
    what someone will do ("warned the EC it would face retaliation", "warned it would fight")."""
    if tok.lemma_.lower() != "warn" or any(c.dep_ in ("dobj", "dative") for c in tok.children):
        return None
    content = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    subj = next((c for c in content.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None) if content else None
    if subj is None or subj.lower_ in ("we", "i", "they", "he", "she"):
        return None
    if subj.lower_ == "it" and content.lemma_ == "be":
        return subj  # "warned it was essential to ...": no one's act
    return None if is_actor(subj, doer=True) else subj


def _concurred(tok, source, entities) -> bool:
    """A person's bare "X agreed.": a view shared, with nothing agreed to, on or with."""
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    if not (tok.pos_ == "VERB" and tok.lemma_.lower() in ("agree", "concur") and tok.dep_ == "ROOT" and len(subj) == 1
            and all(c.dep_ in ("nsubj", "aux", "advmod", "punct", "neg") for c in tok.children)
            and not subj[0].conjuncts and len(source) == 1):
        return False
    ent = next((e for e in entities if e.id == source[0].entity), None) if source[0].entity else None
    return subj[0].lower_ in ("he", "she") or ent is not None and ent.kind == "person"


def _a_state(actor) -> bool:
    """The actor is a state or its government ("to Syria", "the Chinese government")."""
    if actor.sector in ("GOV", "MIL"):
        return True
    hit = lookup_actor(actor.text, exact=True)
    return hit is not None and hit.kind == "country"


def _a_deal(tok) -> bool:
    """The act is buying or selling: its content a verb of trade ("agreed to buy"), its object a
    sale, stake or takeover ("negotiating the sale of the bank"), or it names a price ("offered at 190 pct")."""
    if any(c.dep_ in ("xcomp", "ccomp") and c.lemma_ in TRADE_VERBS for c in tok.children):
        return True
    if any(c.dep_ == "dobj" and c.lemma_.lower() in DEAL_NOUNS for c in tok.children):
        return True
    # talks on a deal: "merger talks", "held preliminary talks about a KLM minority stake"
    for talk in (tok, *(c for c in tok.children if c.dep_ == "dobj")):
        if talk.pos_ == "NOUN" and any(c.dep_ == "compound" and c.lemma_.lower() in DEAL_NOUNS or c.dep_ == "prep" and
                                       c.lower_ in ("about", "on", "over", "for") and any(
                                           g.dep_ == "pobj" and g.lemma_.lower() in DEAL_NOUNS for g in c.children)
                                       for c in talk.children):
            return True
    return any(c.dep_ == "prep" and c.lower_ == "at" and any(
        g.ent_type_ in ("MONEY", "PERCENT") or g.lemma_.lower() in ("pct", "dlrs")
        for g in c.subtree if g.i != c.i) for c in tok.children)


def _on_an_economic_quantity(tok) -> bool:
    """The act's object is an economic quantity (a tax, prices, spending), not anyone's."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objs) and all(o.lemma_.lower() in ECONOMIC_QUANTITIES and not any(
        c.dep_ == "poss" for c in o.children) for o in objs)


# words of force that are also words of criticism, when what they are aimed at is a thing
VERBAL_ATTACK = frozenset({"attack", "assail", "blast", "protest", "slam", "hit"})


def _aimed_at_a_thing(tok) -> bool:
    """The act is aimed at a law, a policy, a plan or a statement, not at anyone or any place."""
    aimed = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] + [
        g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "over", "about", "at")
        for g in c.children if g.dep_ == "pobj"]
    return bool(aimed) and all(a.pos_ == "NOUN" and not is_actor(a) and not is_struck_place(a) for a in aimed) or \
        any(c.dep_ == "amod" and c.lower_ in ("constitutional", "verbal", "scathing", "political") for c in tok.children)


def _reread(tok, code: str, ptype: str, source, target, doc) -> str:
    """The code once the actors are known: a state's protest is an official complaint, and
    violence with a crowd on either side a riot."""
    if code == "140" and tok.lemma_ == "protest" and tok.pos_ == "VERB" and is_official(doc, source):
        return "114"  # "Beijing protested to Washington": a complaint
    if ptype in ("ASSAULT", "PROTEST") and tok.lemma_ in VERBAL_ATTACK and _aimed_at_a_thing(tok) and \
            not {w for a in source for w in a.text.lower().split()} & CROWD:
        return "111"  # "attacked the wage freeze", "protested the constitutionality of the law": criticism
    if ptype == "COOPERATE" and tok.lemma_ in ("lend", "loan") and source and source[0].code == "IGO":
        return "071"  # "the World Bank has lent Indonesia 10.7 billion dlrs": economic aid
    # a clash has two sides: with a crowd on either one it is a riot too
    # ... and so is one done by a crowd the act describes ("demonstrators throwing stones")
    crowd = {w for a in source for w in a.text.lower().split()}
    if tok.dep_ in ("acl", "pcomp", "advcl"):
        crowd |= {t.lower_ for t in tok.ancestors if t.pos_ == "NOUN"}
    if tok.lemma_ == "clash":
        crowd |= {t.lower_ for t in tok.subtree} | {w for a in target for w in a.text.lower().split()}
    return "145" if ptype == "ASSAULT" and crowd & CROWD else code  # CAMEO's violent protest: a riot


def _dated_codes(actors, published) -> tuple:
    """Each actor coded as the state of the story's day ("Moscow" in 1987 is the Soviet Union)."""
    return tuple(a.replace(code=as_of(a.code, published)) if a.code else a for a in actors)


# a firm's name or a word that says an actor is a firm, a market or its people
BUSINESS_HEADS = frozenset({"company", "firm", "corporation", "bank", "board", "shareholder", "stockholder",
                            "subsidiary", "unit", "exchange", "holder", "director", "investor", "bidder", "buyer",
                            "seller", "broker", "dealer", "trader", "manufacturer", "maker", "carrier", "airline"})
CORPORATE_WORDS = frozenset({"inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "ag", "sa", "nv", "spa",
                             "bhd", "llc", "holdings", "industries", "cos"})
# acts between firms that still concern the public order: courts, law, labour
LEGAL_OR_LABOUR = frozenset({"sue", "file", "allege", "charge", "investigate", "investigation", "court", "union",
                             "worker", "strike", "employee", "wage", "pay", "regulator", "government", "ministry"})


def _business(actor, doc, entities=()) -> bool:
    """The actor is a firm or its people: "<Merrill Lynch and Co>", "the company", "shareholders",
    or a person who holds an office in a firm ("chairman and chief executive officer Theodore Rogers")."""
    if actor.code == "MNC" or actor.sector == "BUS":
        return True
    if not actor.span:
        return False
    span = doc.char_span(*actor.span, alignment_mode="expand")
    if span is None:
        return False
    words = {t.lower_ for t in span}
    if actor.code:  # "Spain's Minas de Almaden y Arrayanes S.A.": a firm, whichever country it is of
        return any(t.lower_.replace(".", "") in CORPORATE_WORDS for t in (span.root, span[-1]))
    if words & CORPORATE_WORDS or "<" in doc.text[max(0, actor.span[0] - 1):actor.span[1] + 1] or \
            span.root.lemma_.lower() in BUSINESS_HEADS:
        return True
    ent = next((e for e in entities if e.id == actor.entity), None) if actor.entity else None
    return ent is not None and ent.kind == "person" and any(_corporate_title(r) for r in ent.roles)


def _corporate_title(text: str) -> bool:
    words = text.lower().replace("its ", "").replace("the ", "").strip()
    return words in CORPORATE_TITLES


def _office_left(tok) -> bool:
    """The act names a post in a firm: "resigned as vice-chairman and a director", "quit as
    president of Endotronics Inc"."""
    posts = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    return any(_corporate_title(" ".join(t.lower_ for t in g.subtree if t.dep_ in ("compound", "amod") or t is g))
               or _corporate_title(g.lower_) or _of_a_firm(g) for p in posts for g in (p, *p.conjuncts))


def _of_a_firm(post) -> bool:
    """A post "of" a company the text names as one ("president of Endotronics Inc <ENDO>")."""
    return any(o.dep_ == "pobj" and any(t.lower_ in CORPORATE_WORDS or t.text == "<" for t in o.subtree)
               for c in post.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children)


def _told_by_a_firm(tok, doc, entities) -> bool:
    """The sentence's teller is a firm ("Textron Inc said ...", "The company said ...")."""
    teller = speaker(tok)
    if teller is None:
        return False
    words = {t.lower_ for t in teller.subtree}
    ent = entity_at(entities, teller.idx, teller.idx + len(teller.text))
    return bool(words & CORPORATE_WORDS) or teller.lemma_.lower() in BUSINESS_HEADS or \
        ent is not None and ent.code == "MNC" or "<" in doc.text[max(0, teller.idx - 1):teller.idx + 1]


def _between_businesses(source, target, tok, doc, entities=()) -> bool:
    """A firm acting on no one or on another firm, with no court, law or labour in the sentence:
    commerce, which PLOVER does not code; so is a person with no code acting in a firm's name or
    office ("Textron Inc said E. Paul Casey resigned as vice-chairman")."""
    if not source:
        return False
    firm_voice = not any(a.code for a in source) and (_office_left(tok) or _told_by_a_firm(tok, doc, entities))
    if not firm_voice and not all(_business(a, doc, entities) for a in source):
        return False
    if target and not all(_business(a, doc, entities) for a in target):
        return False
    return not any(t.lemma_.lower() in LEGAL_OR_LABOUR for t in tok.sent)