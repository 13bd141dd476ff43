"""Resolution: a speaker mention to the person or body it stands for, across the article."""
from __future__ import annotations

import re
from bisect import bisect_left

from typing import TYPE_CHECKING

from ...kb.actors import lookup_actor
from ...records import Speaker
from .bodies import (LOOK_BACK, body_name, company_in, company_like, fits, is_body, main_body, speaker_head,
                     speaking_body)
from .marks import bare, tidy_name
from .lexicon import (BODY_NOUNS, COMPANY_NOUNS, DOCUMENT_NOUNS, FEMALE_WORDS, MALE_WORDS, OFFICE_HEADS, PRONOUNS,
                      PUBLIC_NOUNS, RANK_WORDS, STATEMENT_NOUNS, TITLE_ABBREVIATIONS)
from .mentions import core_text, mention_kind, span_of
from .people import given_names, looks_like_person, person_name, same_name

if TYPE_CHECKING:
    from .document import QuoteDoc


def resolve(d: QuoteDoc, start: int, end: int, kind: str, history: list[Speaker]):
    """(name, entity id, role) for the speaker mention at [start, end): a person by the full
    name the article gives, a body or an anonymous source by the phrase that names it, without
    tickers or the brackets Reuters puts around a company ("<Derlan Industries Ltd>")."""
    name, entity, role = _resolve(d, start, end, kind, history)
    return (tidy_name(name) if name else name), entity, role


def _resolve(d: QuoteDoc, start: int, end: int, kind: str, history: list[Speaker]):
    span = d.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None, None, None
    head = span.root.idx
    # the entity whose mention holds the phrase's head: "NATO Secretary-General Jens
    # Stoltenberg" is Stoltenberg, not NATO; persons before others when no mention holds it
    best = max(((any(s <= head < e for s, e in ent.mentions), ent.kind == "person", ent)
                for ent in d.entities_over(start, end)),
               default=None, key=lambda r: r[:2])
    if kind == "pronoun":
        return _pronoun(d, span, history)
    if kind == "anonymous":
        # "sources close to Balladur", "a source familiar with the family's thinking" hide someone
        # who is neither Balladur nor the family: no name; "two anonymous diplomats", "Agriculture
        # Ministry sources" by their phrase
        close = [t for t in span if t.dep_ == "prep" and t.lower_ in ("to", "with", "near", "around")]
        if any(w.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or w.text in d.names for t in close for w in t.subtree):
            return None, None, None
        return core_text(d, span), None, None
    company = company_in(d, start, end) if kind in ("title", "organization", "named") else None
    if company is not None:
        # "major tanker operator Japan Line Ltd <JLIT.T>": the company, by its name
        ent = d.entity_at(company[0], company[1])
        return company[2], ent.id if ent is not None and ent.kind == "organization" else None, None
    owner = _statement_owner(d, span)
    if owner is not None:
        # "a statement from the EU", "her statement": the statement speaks for its owner
        s, e = span_of(d, owner)
        return resolve(d, s, e, mention_kind(d, d.doc[owner.i:owner.i + 1]), history)
    if kind == "title" and (best is None or not best[0] or span.root.is_lower):
        # "His father, Ernie LeBlanc": the person the phrase names
        named = next((c for c in span.root.children if c.dep_ == "appos"
                      and (c.ent_type_ == "PERSON" or c.text in d.names)), None)
        if named is not None:
            s, e = span_of(d, named)
            return resolve(d, s, e, "named", history)
        # "the minister" named earlier; "the Vermont senator" is a person, not the state; "the
        # rookie defenceman", "the 34-year-old" described so before; "A Freedom Mobile
        # spokesperson" is no one the article names, and stays as written
        if span.root.lower_ in BODY_NOUNS:
            return _named_body(d, span, history) or (core_text(d, span), None, None)
        holder = office_holder(d, span, history) or _role_holder(d, span)
        return holder if holder is not None else (core_text(d, span), None, span.root.lower_)
    if best is not None and (best[0] or kind == "named"):
        ent = best[2]
        role = ent.roles[0] if ent.roles else None
        if ent.kind == "person":
            said = next((d.text[s:e] for s, e in ent.mentions if s < end and start < e), span.text)
            if not same_name(said, ent.name or ""):
                # the entities stage joins names one spelling apart; a speaker is named exactly
                return full_name(d, d.names.get(bare(said), said)), None, None
            return full_name(d, ent.name or span.text), ent.id, role
        if ent.name and len(ent.name.split()) == 1 and ent.name in d.names:  # a person taken for a body
            return full_name(d, ent.name), ent.id, role
        return body_name(d, span, ent), ent.id, role
    persons = [e for e in d.ents_between(span.start_char, span.end_char) if e.label_ == "PERSON" and e.end <= span.end] \
        or [t for t in span if t.text in d.names][:1]
    if persons:
        ent = persons[0]
        return full_name(d, d.names.get(bare(ent.text), ent.text)), None, role_of(d, span, ent)
    if kind == "named":
        first = span.root
        while first.i > span.start and d.doc[first.i - 1].pos_ == "PROPN" and d.doc[first.i - 1].dep_ in ("compound", "flat"):
            first = d.doc[first.i - 1]
        name = d.text[first.idx:span.root.idx + len(span.root)]
        if len(span) > 2 and all(t.pos_ == "PROPN" or t.lower_ in ("and", "&") for t in span):
            name = span.text  # "S and P" is no "S"
        return full_name(d, d.names.get(name, name)), None, None
    return core_text(d, span), None, None


def full_name(d: QuoteDoc, name: str | None) -> str:
    """A person's name as the article gives it in full: no titles, and the given name with a
    surname written alone ("Nunes" -> "Amanda Nunes") when the article wrote one."""
    name = person_name(name or "")
    words = name.split()
    if not words:
        return name
    # "Nunes" is "Amanda Nunes", "Wang" is "Wang Qishan": a family name may come first
    last = words[-1].rstrip(".")  # an initial ("James E.") is no surname
    fuller = person_name((d.names.get(last) if len(last) > 1 else None) or d.names.get(words[0]) or name)
    longer = [w.rstrip(".") for w in fuller.split()]
    words = [w.rstrip(".") for w in words]  # "James E" is the start of "James E. Nugent"
    if len(longer) > len(words) and (longer[-len(words):] == words or longer[:len(words)] == words):
        return fuller
    return name


# nouns for what a source issued, which speaks for whoever issued it
_ISSUED = frozenset(("statement", "release", "tweet", "post", "letter", "email", "message", "memo"))


def _statement_owner(d: QuoteDoc, span):
    """The issuer of "a statement from the EU", "her statement", "the RCMP statement", "a
    statement released by the Prime Minister's Office", or None."""
    root = span.root
    if root.lower_ not in _ISSUED and root.lemma_.lower() not in _ISSUED:
        return None
    for c in root.children:
        if c.dep_ == "poss" or c.dep_ == "compound" and (c.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") or c.text in d.names):
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            return next((p for p in c.children if p.dep_ == "pobj"), None)
        if c.dep_ == "acl":  # "released by"
            agent = next((a for a in c.children if a.dep_ == "agent"), None)
            if agent is not None:
                return next((p for p in agent.children if p.dep_ == "pobj"), None)
    return None


_AGE = re.compile(r"\b(\d{1,3})-year-old\b")


def _role_holder(d: QuoteDoc, span):
    """(name, entity id, role) for "the rookie defenceman" or "the 34-year-old": the person the
    article described so before, or None."""
    root = span.root
    # offices ("the president") are office_holder's, which tells a vice-president apart
    if span[0].lower_ != "the" or root.tag_ in ("NNS", "NNPS") or root.lower_ in OFFICE_HEADS:
        return None
    age = _AGE.search(span.text)
    found = d.people.described(span.start, root.lower_, age.group(1) if age else None)
    if found is None:
        return None
    return found.name, found.entity.id if found.entity is not None else None, core_text(d, span)


def _named_body(d: QuoteDoc, span, history: list[Speaker]):
    """(name, entity id, None) for "the company", "the agency": the body of that kind that has
    been speaking (a company's news names the firms it deals with, which are not "the
    company"); else the one named last, within the paragraph before; else the body the article
    is about. None for other bodies ("the commission", "the bank" stay as written, as news
    analysts leave them) and for a public body the phrase names itself ("the economy ministry")."""
    noun = span.root.lower_
    if span[0].lower_ != "the" or noun not in COMPANY_NOUNS:
        return None
    if noun in PUBLIC_NOUNS and any(t.dep_ in ("compound", "amod") for t in span.root.children):
        return None
    spoke = speaking_body(d, span.start_char, history, noun)
    found = (spoke.name, spoke.entity) if spoke is not None else \
        _last_body(d, span, noun) or main_body(d, span.start_char, noun)
    return (*found, None) if found else None


def _last_body(d: QuoteDoc, span, noun: str):
    """(name, entity id) of the body of the kind ``noun`` names that was named last before
    ``span``, within the paragraph before, outside quotation marks."""
    for s, e, k in reversed(d.mentions[:bisect_left(d.mention_starts, span.start_char)]):
        ent = d.found.entities[k]
        if d.text[e:span.start_char].count("\n\n") > 1:
            break
        if ent.kind == "organization" and not d.quoted(s):
            name = body_name(d, d.doc.char_span(s, e, alignment_mode="expand"), ent)
            if fits(noun, name, ent) and not (noun in PUBLIC_NOUNS and company_like(d, name)):
                return name, ent.id
    return None


def _pronoun(d: QuoteDoc, span, history: list[Speaker]):
    """(name, entity id, role) for a pronoun speaker."""
    word = span.text.lower()
    if word in ("he", "she"):
        speakers = {s.span[0] for s in history if s.span is not None}
        found = d.people.antecedent(span.start, word, speakers)
        # a speaker the model took for a body ("Darian Lonechild said") or did not know ("Lord
        # Belstead, a junior minister, told ...") is a person all the same
        named = next((s for s in history[:-LOOK_BACK - 1:-1] if s.span is not None and s.span[1] <= span.start_char
                      and _named_person(d, s, PRONOUNS[word])), None)
        if named is not None and (found is None or named.span[0] > found.start
                                  or not (found.subject or found.start in speakers)):
            found = None
        else:
            named = None
        # "a company spokesman said ... he said": a person the article describes but does not name,
        # who spoke after anyone named
        described = _described_speaker(d, span, history, PRONOUNS[word])
        if described is not None and (found is None or described.span[0] > found.start) \
                and (named is None or described.span[0] > named.span[0]):
            return described.name, described.entity, described.role
        if named is not None:
            return full_name(d, named.name), named.entity, named.role
        if found is not None:
            role = found.entity.roles[0] if found.entity is not None and found.entity.roles else None
            return full_name(d, found.name), found.entity.id if found.entity is not None else None, role
        return None, None, None
    if word == "it":
        # "It said ...": the body that has been speaking, else the one the article is about
        spoke = speaking_body(d, span.start_char, history)
        if spoke is not None:
            return spoke.name, spoke.entity, None
        main = main_body(d, span.start_char)
        return (*main, None) if main is not None else (None, None, None)
    if word in ("they", "we"):
        # a body quoted just before ("The union says ...; they tweet ..."): the latest speaker
        # that is no person, within the paragraph before
        for s in reversed(history):
            if s.span is None or s.span[1] > span.start_char:
                continue
            if d.text[s.span[1]:span.start_char].count("\n\n") > 1:
                break
            if not s.name:
                continue
            # "trade sources said ... they said ... They said": the sources; "the union", "the
            # officials" may be "they", "the statement" and "the spokesman" are not
            head = speaker_head(d, s) if s.kind == "title" else None
            if s.kind in ("organization", "collective", "anonymous") or s.text.lower() == word or head is not None \
                    and (head.tag_ in ("NNS", "NNPS") or head.lower_ in BODY_NOUNS):
                return s.name, s.entity, None
        return None, None, None
    if word == "who" and span.root.head.dep_ == "relcl":
        antecedent = span.root.head.head
        return resolve(d, *span_of(d, antecedent), mention_kind(d, d.doc[antecedent.i:antecedent.i + 1]), history)
    return None, None, None


def _named_person(d: QuoteDoc, s: Speaker, gender: str) -> bool:
    """The speaker is a person the article names, of the pronoun's gender, though the model took
    the name for a body or for nothing: a name like a person's whose given name agrees, or a name
    with an honorific or an office ("Lord Belstead, a junior agriculture minister") that agrees."""
    if s.kind not in ("named", "organization") or tidy_name(s.text) in d.company_names:
        return False
    if looks_like_person(s.text):
        return given_names().get(s.text.split()[0].lower(), gender) == gender
    words = {w.lower().strip(".,") for w in s.text.split()}
    said = "f" if words & FEMALE_WORDS else "m" if words & MALE_WORDS else None
    return s.kind == "named" and bool(words & (FEMALE_WORDS | MALE_WORDS | OFFICE_HEADS)) and not is_body(d, s) \
        and said in (None, gender)


def _described_speaker(d: QuoteDoc, span, history: list[Speaker], gender: str) -> Speaker | None:
    """The latest speaker before ``span`` that is one person described, not named, as the
    subject of a reporting verb ("an elevator spokesman said", "a MITI official said"), of the
    pronoun's gender, with no other person the subject of a clause since ("the mayor said")."""
    for s in history[:-LOOK_BACK - 1:-1]:
        if s.span is None or s.span[1] > span.start_char:
            continue
        if s.kind == "named" and not is_body(d, s):
            return None  # a person the article names spoke since ("Lord Belstead, a junior minister, said")
        if s.kind not in ("title", "anonymous") or not s.name:
            continue
        mention = d.doc.char_span(*s.span, alignment_mode="expand")
        head = mention.root if mention is not None else None
        if head is None or head.pos_ != "NOUN" or head.tag_ != "NN" or head.dep_ not in ("nsubj", "nsubjpass") \
                or head.lower_ in DOCUMENT_NOUNS or head.lower_ in STATEMENT_NOUNS or is_body(d, s):
            return None
        # "a spokesman", "one dealer" is someone new, and so is "the spokesman" after one; "the
        # Republican nominee", "my mother" is someone the article named, unless resolved to him
        if s.name == s.text and not (_indefinite(mention) or _introduced(d).get(head.lower_, mention.start) < mention.start):
            return None
        said = "f" if head.lower_ in FEMALE_WORDS else "m" if head.lower_ in MALE_WORDS else None
        if said is not None and said != gender:
            continue
        since = d.doc[mention.end:span.start]
        if any(t.dep_ in ("nsubj", "nsubjpass") and not d.quoted(t.idx) and (
                t.lower_ in OFFICE_HEADS or t.ent_type_ == "PERSON" or t.text in d.names) for t in since):
            return None
        return s
    return None


def _indefinite(phrase) -> bool:
    return phrase[0].lower_ in ("a", "an", "one", "another")


def _introduced(d: QuoteDoc) -> dict[str, int]:
    """Noun -> the first token where the article introduces someone by it, outside quotation
    marks ("a company spokesman"); built once per article."""
    if d.indefinite is None:
        d.indefinite = {}
        for t in d.doc:
            if t.pos_ == "NOUN" and t.lower_ not in d.indefinite and t.left_edge.i < t.i \
                    and _indefinite(d.doc[t.left_edge.i:t.i + 1]) and not d.quoted(t.idx):
                d.indefinite[t.lower_] = t.i
    return d.indefinite


def title_words(title: str) -> list[str]:
    """A title's words, lower case and spelt out: "NATO Secretary-General" -> [..., "secretary-general"]."""
    words = [w.lower().strip(",.;:'’\"").removesuffix("’s").removesuffix("'s") for w in title.split()]
    return [TITLE_ABBREVIATIONS.get(w, w) for w in words if w]


def same_office(title: str, head: str, mods: set[str], places: list, code: str | None) -> bool:
    """``title`` names the office "the <mods> <places> <head>" speaks of: same head noun, the
    phrase's own qualifiers ("defence") in it, no rank word ("vice") on one side only, and each
    place word ("Florida", "French") in it or naming the country of the holder (``code``)."""
    words = title_words(title)
    parts = {p for w in words for p in w.split("-")}
    return bool(words) and words[-1] == head and mods <= parts and parts & RANK_WORDS <= mods \
        and all(t.lower_ in parts or _names_country(t, code) for t in places)


def _names_country(tok, code: str | None) -> bool:
    """The word names the country ``code`` ("French" for FRA)."""
    actor = lookup_actor(tok.text)
    return code is not None and actor is not None and actor.kind == "country" and actor.code == code


def office_holder(d: QuoteDoc, span, history: list[Speaker]):
    """(name, entity id, role) for "the minister", "the Canadian defence minister": the latest
    person before it titled with the same office; failing that, for a public office
    (OFFICE_HEADS), the one person without a title the KB places in that office's sector (and
    country, if the phrase names one)."""
    root = span.root
    if span[0].lower_ != "the" or root.tag_ in ("NNS", "NNPS") or root.pos_ not in ("NOUN", "PROPN"):
        return None
    words = d.text[span[1].idx:root.idx + len(root)] if len(span) > 1 else ""
    head = (title_words(words) or [""])[-1]
    office = lookup_actor(words)
    before = [t for t in span[1:] if t.i < root.i]
    mods = {t.lower_ for t in before
            if t.lower_ in RANK_WORDS or t.dep_ == "compound" and t.pos_ == "NOUN" and t.is_lower}
    places = [t for t in before if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "LOC")]
    untitled: dict[str, tuple] = {}
    for name, record in d.persons_before(span.start):
        code = record.code if record is not None else None
        titles = list(record.roles if record is not None else ()) + [
            s.role for s in history if s.role and s.name == name and s.kind != "title"]
        hit = next((t for t in titles if same_office(t, head, mods, places, code)), None)
        if hit is not None:  # the title is the entity's, and so is the name
            return (full_name(d, record.name), record.id, hit) if record is not None else (full_name(d, name), None, hit)
        if not titles and record is not None and office is not None and record.sector == office.sector \
                and (office.code is None or code == office.code) \
                and all(_names_country(t, code) for t in places):
            untitled[record.id] = (full_name(d, record.name), record.id, words)
    if head in OFFICE_HEADS and len(untitled) == 1:
        return next(iter(untitled.values()))
    return None


def role_of(d: QuoteDoc, span, ent) -> str | None:
    """Title words around a name: "NATO Secretary-General Jens Stoltenberg", "Doe, a spokeswoman"."""
    root = ent.root if hasattr(ent, "root") else ent
    for t in root.children:
        if t.dep_ == "appos" and t.i > root.i:
            return d.doc[t.left_edge.i:t.i + 1].text.removeprefix("the ").removeprefix("a ").removeprefix("an ") or None
    start = ent.start if hasattr(ent, "start") else ent.i
    before = d.doc[span.start:start]
    words = [t for t in before if t.pos_ not in ("DET", "PUNCT") or t.text == "-"]
    return d.text[words[0].idx:before.end_char].strip() if words and before.end_char else None
