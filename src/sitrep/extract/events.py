"""Events: PLOVER/CAMEO-coded who-did-what-to-whom from verb and noun triggers.

A trigger is a verb or a nominalisation the lexicon (``sitrep.kb.cameo``) codes in its
context words; its source and target come from the dependency parse, its actors from
the entities and the actor dictionary, its modality from auxiliaries and governing
verbs, and its date and place from the sentence, else the context, else publication.
"""
from __future__ import annotations

import re
from typing import Optional

from ..kb.cameo import VETO, is_trigger_lemma, to_plover, trigger_code
from ..records import ActorRef, Event, PlaceRef, TextSpan
from ._event_actors import code_actor
from ._event_args import arguments, attributed, modality, phrase

WINDOW_AFTER, WINDOW_BEFORE = 12, 5  # context words the lexicon patterns may look at
DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
# a nested trigger is folded into the trigger that governs it ("threatened to attack")
# unless it is merely coordinated with it ("attacked and killed")
FOLD_STOP = {"conj", "relcl", "parataxis"}


def _words(tokens) -> list[tuple[str, str]]:
    return [(t.lower_, t.lemma_.lower()) for t in tokens]


def _trigger(tok) -> Optional[str]:
    pos = "VERB" if tok.pos_ == "VERB" else "NOUN" if tok.pos_ in ("NOUN", "PROPN") else None
    lemma = tok.lemma_.lower()
    if pos is None or not is_trigger_lemma(lemma, pos):
        return None
    sent = tok.sent
    after = [t for t in tok.subtree if t.i > tok.i][:WINDOW_AFTER] if pos == "NOUN" else \
        [t for t in sent if t.i > tok.i][:WINDOW_AFTER]
    before = [t for t in sent if tok.i - WINDOW_BEFORE <= t.i < tok.i]
    code = trigger_code(lemma, pos, before=_words(before), after=_words(after))
    return None if code in (None, VETO) or to_plover(code) is None else code


def _governor(tok, triggers: dict) -> Optional[int]:
    t = tok
    while t.head.i != t.i:
        if t.dep_ in FOLD_STOP:
            return None
        t = t.head
        if t.i in triggers:
            return t.i
    return None


def _dated(spans, sent) -> list:
    return [x for x in spans if sent.start_char <= x.span[0] < sent.end_char]


def _nearest(items, tok):
    inside = {t.idx for t in tok.subtree}
    own = [x for x in items if x.span[0] in inside]
    return min(own or items, key=lambda x: abs(x.span[0] - tok.idx)) if items else None


def extract_events(parsed, found) -> tuple[Event, ...]:
    doc = parsed.doc
    art = parsed.article
    times = [t for t in found.times if t.type == "DATE" and t.value and DATE_VALUE.match(t.value)]
    places = list(found.places)
    quotes = list(found.quotes)
    events: list[Event] = []
    last_date = last_place = None
    for sent in doc.sents:
        if parsed.in_header(sent.start_char) or (art.title_span and sent.start_char < art.title_span[1]):
            continue
        triggers = {t.i: c for t in sent if (c := _trigger(t))}
        s_times, s_places = _dated(times, sent), _dated(places, sent)
        for i, code in triggers.items():
            tok = doc[i]
            if _governor(tok, triggers) is not None:
                continue
            ptype, mode = to_plover(code)
            src, tgt = arguments(tok)
            when, where = _nearest(s_times, tok), _nearest(s_places, tok)
            date, date_basis = ((when.value, "sentence") if when else (last_date, "context") if last_date
                                else (art.published, "publication") if art.published else (None, None))
            place, place_basis = ((where, "sentence") if where else (last_place, "context") if last_place
                                  else (None, None))
            mod = modality(tok)
            quote = next((q.id for q in quotes if q.span[0] <= tok.idx < q.span[1]), None)
            if mod == "asserted" and (quote or attributed(tok)):
                mod = "reported"
            events.append(Event(
                id=f"v{len(events) + 1}", type=ptype, mode=mode, cameo=code,
                trigger=TextSpan(text=tok.text, span=(tok.idx, tok.idx + len(tok.text))),
                sentence=(sent.start_char, sent.end_char),
                source=_actors(doc, src, found.entities), target=_actors(doc, tgt, found.entities),
                modality=mod, date=date, date_basis=date_basis,
                place=PlaceRef(name=place.name or place.text, geonameid=place.geonameid) if place else None,
                place_basis=place_basis, quote=quote,
                confidence=0.8 if len(code) > 3 or code[-1] != "0" else 0.6))
        if s_times:
            last_date = s_times[-1].value
        if s_places:
            last_place = s_places[-1]
    return tuple(events)


def _actors(doc, heads, entities) -> tuple[ActorRef, ...]:
    out = []
    for h in heads:
        start, end = phrase(h)
        span = doc[start:end]
        pieces = [(e.text, (e.start_char, e.end_char)) for e in span.ents if e.label_ in ("GPE", "NORP", "ORG", "PERSON")]
        pieces += [(t.text, (t.idx, t.idx + len(t))) for t in span if t.pos_ in ("PROPN", "ADJ") and t.text[:1].isupper()]
        out.append(code_actor(span.text, (span.start_char, span.end_char), pieces, entities,
                              [t.lemma_ for t in span if t.pos_ == "NOUN"]))
    return tuple(out)
