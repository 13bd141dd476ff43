"""Events: PLOVER/CAMEO-coded who-did-what-to-whom from verb and noun triggers.

A trigger is a verb or a nominalisation the lexicon (``sitrep.kb.cameo``) codes in its context
words (``coding``); its source and target come from the dependency parse (``arguments``), its
actors from the entities and the actor dictionary (``actors``), its modality from auxiliaries
and governing verbs (``modality``), and its date and place from the sentence, else the context,
else publication (``venue``).
"""
from __future__ import annotations

import re

from ...kb.cameo import cameo_part, to_plover
from ...records import Event, PlaceRef, TextSpan
from .actors import (PRONOUN_KINDS, best_actors, coded_pair, domestic, is_official, resolve_pronoun, scan_actor,
                     self_standing)
from .arguments import SPEECH, arguments, attributed, speaker, subject_of
from .coding import (CLAIM, LIGHT, claims_hostile, clause_depth, condition_verb, folded_into, halting, is_content_of,
                     is_demanded, is_halted, or_face, refine_code, requester, stance_code, trigger_code)
from .modality import modality
from .venue import DATELINE, in_dateline, in_sentence, is_venue, nearest, own_times, place_role

DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")


# the target is looked for in the trigger's complements, never in its adjuncts of cause,
# time or manner ("suspended the mission as a result of the U.S.-Iran tensions")
ADJUNCT_DEPS = {"advcl", "relcl", "parataxis", "punct", "cc", "conj", "advmod", "npadvmod", "mark", "agent"}


ADJUNCT_PREPS = {"as", "after", "before", "due", "because", "since", "during", "amid", "amidst", "despite",
                 "following", "until", "while", "over", "by", "with", "without", "via", "through", "like"}


# adjuncts of cause and concession: a name in them is not the target ("as a result of U.S.-Iran
# tensions"); one after "after" or "following" often is (the act responded to)
CAUSE_PREPS = {"due", "because", "amid", "amidst", "despite"}


# violence by a crowd of protesters is a riot (CAMEO 145, PLOVER PROTEST), not an assault
CROWD = set("protesters protestors demonstrators rioters marchers strikers mob mobs crowd crowds youths students "
            "supporters villagers residents workers farmers fans activists".split())


def extract_events(parsed, found) -> tuple[Event, ...]:
    """PLOVER events of one article, in text order, using the earlier stages' records."""
    doc = parsed.doc
    art = parsed.article
    times = [t for t in found.times if t.type == "DATE" and t.value and DATE_VALUE.match(t.value)]
    places = [p for p in found.places if p.kind != "demonym"]  # "Canadian troops" is no venue
    quotes = list(found.quotes)
    events: list[Event] = []
    last_date = last_place = None
    datelines = [m.span() for m in DATELINE.finditer(parsed.text)]
    for sent in doc.sents:
        if parsed.in_header(sent.start_char):
            continue
        n_before = len(events)
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
        triggers = {i: c for i, c in triggers.items() if doc[i].lemma_ not in SPEECH or c[1] == "core" and
                    to_plover(c[0])[0] == "ACCUSE" or not any(
            j != i and (doc[j].dep_ in ("ccomp", "xcomp") or doc[j].dep_ == "dobj" and doc[j].head.i == i)
            and doc[i].is_ancestor(doc[j]) for j in triggers)}
        s_times, s_named = in_sentence(times, sent), in_sentence(places, sent)
        s_places = [p for p in s_named if is_venue(p, doc)]
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
        own = {i for i, d in depth.items() if d > top and self_standing(doc, doc[i], found.entities)}
        folds.update({i: -1 for i, d in depth.items() if d > top and i not in own})
        for i, (code, basis) in triggers.items():
            tok = doc[i]
            if folds[i] is not None:
                continue
            inner = next((j for j, into in folds.items() if into == i), None)
            inner = None if inner is None or is_halted(doc[inner], tok) else triggers[inner][0]
            code = refine_code(code, inner, mutual=tok.lemma_ == "agree")
            stance = stance_code(tok, code)
            code = stance or code
            ptype, mode = to_plover(code)
            src, tgt = arguments(tok)
            demand = ptype == "REQUEST" and is_demanded(tok)  # put on another party: made, whatever its modal
            said = requester(tok) if demand else \
                speaker(tok) if ptype == "ACCUSE" and tok.pos_ == "ADJ" else None
            main = condition_verb(tok) if stance == "130" else None
            said = (subject_of(main) or speaker(tok)) if main is not None else said
            if said is not None:  # the demand (blame, threat) is the speaker's, made of the content's subject
                src, tgt = [[said]], src + tgt
            if src and src[0][0].lower_ in ("it", "they", "he", "she", "we"):
                # "Israel said it would ...": a pronoun subject of reported speech is its speaker
                said = speaker(tok)
                if said is not None and said.pos_ != "PRON":
                    src = [[said]] + src[1:]
            source, target = best_actors(doc, src, found.entities), best_actors(doc, tgt, found.entities)
            if basis == "default" and not coded_pair(source, target):
                continue  # PETRARCH's own rule for a bare verb default: both actors coded
            # PETRARCH's reading when the parse gives no coded actor: the source is the nearest
            # coded name before the trigger, the target the first one after it in its phrase
            if not any(a.code for a in source):
                source = scan_actor(doc, [t for t in sent if t.i < tok.i][::-1], found.entities) or source
            if not any(a.code for a in target):
                taken = {a.code for a in source}
                adjunct = {c.i for c in tok.children
                           if c.dep_ in ADJUNCT_DEPS or c.dep_ == "prep" and c.lower_ in ADJUNCT_PREPS}
                after = [t for c in tok.children if c.i > tok.i and c.i not in adjunct for t in c.subtree]
                # nor, failing that, in the rest of the sentence outside those adjuncts ("suspended
                # the mission as a result of U.S.-Iran tensions" has no U.S. target)
                inside = {t.i for c in tok.children if _circumstance(c) for t in c.subtree}
                target = (scan_actor(doc, after, found.entities, skip=taken)
                          or scan_actor(doc, [t for t in sent if t.i > tok.i and t.i not in inside], found.entities,
                                   skip=taken) or target)
            if ptype in ("MOBILIZE", "ASSAULT") and source and source[0].code == "IGO" and \
                    source[0].text.lower() in PRONOUN_KINDS:
                # an international official commands no troops: "he has sent 15,000 troops" is
                # the nearest state's person before it, not the Secretary-General
                ref = resolve_pronoun(source[0].text, source[0].span[0],
                                      tuple(e for e in found.entities if e.code != "IGO"))
                if ref is not None:
                    source = (source[0].replace(entity=ref.id, code=ref.code, sector=ref.sector),) + source[1:]
            if code == "140" and tok.lemma_ == "protest" and tok.pos_ == "VERB" and is_official(doc, source):
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
            target = domestic(source, target)
            when = nearest(own_times(s_times, tok), tok)
            here = [p for p in s_places if place_role(p, tok) is None]
            where = nearest([p for p in here if not in_dateline(p, datelines)], tok) or nearest(here, tok)
            if where is None and ptype in ("ASSAULT", "COERCE"):
                # "Russia attacked Ukraine": force used on a country is used in it
                where = next((p for p in s_places if place_role(p, tok) == "dobj"), None)
            # "demonstrators protested in Belgrade": local people of the place it happened in; a place
            # that is no venue still tells whose ("rebels demand that Burundi's government ...")
            fix_source, fix_target = (bool(a and a[0].sector and not any(x.code for x in a))
                                      for a in (source, target))
            local = nearest(s_named, tok) if fix_source or fix_target else None  # a parse walk per place
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
                modality(tok.head if tok.pos_ != "VERB" and halting(tok) else tok)
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


def _circumstance(prep) -> bool:
    """An adjunct of cause, or an absolute clause ("with some Canadian troops moved to Kuwait")."""
    return prep.dep_ == "prep" and (prep.lower_ in CAUSE_PREPS or prep.lower_ == "as" and any(
        g.dep_ == "pobj" and g.lemma_ == "result" for g in prep.children) or prep.lower_ == "with" and any(
        g.dep_ in ("pcomp", "acl") or g.dep_ == "pobj" and any(c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBG")
                                                                for c in g.children) for g in prep.children))
