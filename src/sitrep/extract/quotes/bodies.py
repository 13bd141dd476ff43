"""The bodies an article names, for resolving "it said" and "the company said": the organisation
that has been speaking, else the article's main one.

Wire copy names a company, an agency or a report once and then calls it "it" or "the company"
for the rest of the story, often after quoting a person or naming other firms in between
("Arden Group said it would buy <Hunter Inc>. Hunter makes helicopters. It said ..."): the
speaker is the body that has been speaking, not the one named last. A body that has not spoken
yet is the one the article is about: the first organisation named as the subject of a clause,
else the first one named. A place, a product, the publisher of the article ("told Reuters") and
a body named only inside someone's quotation are never it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from ...records import Speaker
from .lexicon import BODY_NOUNS, DOCUMENT_NOUNS, PUBLIC_NOUNS, PUBLIC_WORDS
from .marks import tidy_name
from .mentions import core_text

if TYPE_CHECKING:
    from .document import QuoteDoc

_SUBJECT = ("nsubj", "nsubjpass")
# the legal forms that end a company's name ("Mine Safety Appliances Co", "Rainier Bancorp")
_LEGAL_FORMS = frozenset(("inc", "corp", "co", "cos", "ltd", "plc", "llc", "lp", "ag", "sa", "nv", "bv", "gmbh", "spa",
                          "ab", "bancorp", "bancshares", "holdings"))
_BRACKETED = re.compile(r"<([^<>\n]{3,80})>")
_LEGAL_WORD = re.compile(r"\b(?:" + "|".join(sorted(_LEGAL_FORMS)) + r")\b", re.IGNORECASE)
# the sectors of the actor KB that make a body a public one
_PUBLIC_SECTORS = frozenset(("GOV", "MIL", "JUD", "LEG", "SPY", "IGO"))
# the public bodies "the agency" stands for besides agencies ("the Food and Drug Administration")
_AGENCY_WORDS = frozenset(("administration", "authority", "bureau", "commission", "office", "service"))
# lower-case words inside names ("Bank of Tokyo Ltd", "Forber and Platel Inc")
_NAME_LINKS = frozenset(("and", "of", "&", "de", "del", "della", "di", "du", "des", "la", "le", "von", "van", "der",
                         "den", "für"))
# the endings of company names ("Arden Group Inc"): no ministry is called so
_COMPANY_ENDINGS = frozenset(("inc", "corp", "co", "ltd", "plc", "llc", "ag", "sa", "nv", "bv", "gmbh", "spa", "ab",
                              "group", "holdings", "industries"))


def company_mentions(doc, text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each name the article writes as a company's, whatever the model
    made of it ("Rainier Bancorp" as a person, "Mine Safety Appliances Co" as nothing): proper
    nouns ending in a legal form ("Roto-Rooter Inc", "Bowne and Co Inc", "Moody's Investors
    Service Inc"), or a name in Reuters' angle brackets."""
    out = []
    # the legal forms found in the text, not by walking every token (each walk builds every Token)
    ends = (doc.char_span(m.start(), m.end(), alignment_mode="expand") for m in _LEGAL_WORD.finditer(text))
    for tok in dict.fromkeys(span[-1] for span in ends if span is not None):
        i = tok.i
        if not is_legal_form(tok) or i + 1 < len(doc) and is_legal_form(doc[i + 1]):
            continue  # the last of "Co Inc"
        lo, named, joined = tok.i, False, False
        for t in reversed(doc[max(0, tok.i - 10):tok.i]):
            legal = is_legal_form(t)
            attached = t.i > 0 and not doc[t.i - 1].whitespace_
            if t.pos_ == "PROPN" and t.text[:1].isupper() and not (named and legal):
                lo, named = t.i, named or not legal
            elif t.lower_ in _NAME_LINKS and t.lower_ != "of" and not t.is_title:
                # "Bowne and Co", "Banca Cattolica del Veneto"; "Paul McCulley of E.F. Hutton and Co" is two
                joined = joined or t.lower_ in ("and", "&")
            elif not (attached and (t.text in ("-", "/") and not t.whitespace_ or t.text in ("'s", "’s"))
                      or attached and t.text == "," and joined):
                break  # "Roto-Rooter", "Moody's Investors", "Goldman, Sachs and Co" are one name
        if named and doc[lo].pos_ == "PROPN":
            out.append((doc[lo].idx, tok.idx + len(tok), doc[lo:tok.i + 1].text))
    for m in _BRACKETED.finditer(text):
        if any(ch.islower() for ch in m.group(1)):
            out.append((m.start(1), m.end(1), m.group(1)))
    return sorted(set(out))


def is_legal_form(tok) -> bool:
    """A legal form ending a company's name; "SPA" in capitals is an acronym (Saudi Press Agency)."""
    form = tok.text.rstrip(".").lower()
    return form in _LEGAL_FORMS and not (form == "spa" and tok.text.isupper())


def company_names(mentions: list[tuple[int, int, str]]) -> frozenset[str]:
    """The companies' names and their short forms: "Sulpetro Ltd" is also "Sulpetro", "Mine
    Safety Appliances Co" also "Mine Safety Appliances" and "Mine Safety"."""
    names = set()
    for _, _, name in mentions:
        words = name.split()
        while len(words) > 1 and words[-1].rstrip(".").lower() in _LEGAL_FORMS:
            names.add(" ".join(words))
            words = words[:-1]
        names.update(" ".join(words[:k]) for k in range(1, len(words) + 1))
    return frozenset(names)


def speaker_head(d: QuoteDoc, speaker: Speaker):
    """The head word of a speaker's phrase, or None."""
    span = d.doc.char_span(*speaker.span, alignment_mode="expand") if speaker.span else None
    return span.root if span is not None else None


def is_body(d: QuoteDoc, speaker: Speaker) -> bool:
    """The speaker is an organisation or a document ("the report"), not a person or people:
    what "it" may stand for."""
    if not speaker.name or speaker.span is None:
        return False
    if company_like(d, speaker.name):
        return True
    entity = d.entity_by_id.get(speaker.entity) if speaker.entity else None
    head = speaker_head(d, speaker)
    if entity is not None and entity.kind in ("person", "group") or speaker.name in d.full_names \
            or head is not None and head.ent_type_ in ("PERSON", "NORP"):
        return False  # "Keith Lamont Scott" taken for a body, "Many Americans" are people
    if speaker.kind == "organization" or speaker.kind == "pronoun" and speaker.text.lower() == "it":
        return True
    if speaker.kind == "named":
        return entity is not None and entity.kind == "organization"
    return speaker.kind == "title" and head is not None and head.tag_ in ("NN", "NNP") \
        and (head.lower_ in BODY_NOUNS or head.lower_ in DOCUMENT_NOUNS)


def fits(noun: str | None, name: str, entity) -> bool:
    """A body of the kind ``noun`` names: "the company" is no ministry nor a country; "the
    agency" is no government, council or company, but may be a body whose name does not say
    what it is ("TransLink", "Tanjug"); "it" (``noun`` None) may be any body."""
    if noun is None or noun in ("organization", "organisation"):
        return True
    words = {w.strip(".,'’()<>").lower() for w in name.split()}
    if noun in PUBLIC_NOUNS:
        if noun in words or noun == "agency" and words & _AGENCY_WORDS:
            return True
        return not (words & PUBLIC_WORDS or words & _COMPANY_ENDINGS) and (
            entity is None or entity.kind != "place" and "IGO" not in (entity.code, entity.sector))
    return not (words & PUBLIC_WORDS or entity is not None and (
        entity.sector in _PUBLIC_SECTORS or entity.kind == "place"))


def company_like(d: QuoteDoc, name: str) -> bool:
    """The name is a company's: written so in the article, or a proper name ending in a legal
    form ("Arden Group Inc", not "an official of Boeing Co")."""
    words = name.split()
    return name in d.company_names or bool(words) and words[-1].strip(".,").lower() in _COMPANY_ENDINGS \
        and all(w[:1].isupper() or w in _NAME_LINKS for w in words)


def company_in(d: QuoteDoc, start: int, end: int):
    """(start, end, name) of the company a phrase ends with, after a description of it only
    ("major tanker operator Japan Line Ltd", "Diversified industrial and investment group The
    Adelaide Steamship Co Ltd"; not "an official of Boeing Co", "General Motors Corp and PPG
    Industries Inc", "North American Biologicals Inc"), or the company a fragment of its name
    belongs to; else None."""
    for s, e, name in d.companies[max(0, bisect_left(d.companies, (start,)) - 1):]:
        if s > end:
            break
        if s < start < e and end - 2 <= e <= end + 1:
            return s, e, tidy_name(name)  # "Corp" the parser cut from "Dart Group Corp <DARTA.O> said"
        if start <= s and end - 2 <= e <= end + 1:
            # the description ends in a common noun, an adjective, a determiner or a possessive
            # ("Textron Inc unit", "Privately-held", "Southmark Corp's"); a capitalised word, a
            # conjunction or an adverb belongs to the name or names another ("formerly")
            before = [t for t in d.doc.char_span(start, s, alignment_mode="expand") or () if not t.is_punct]
            last = before[-1] if before else None
            if s == start or last is not None and not any(t.pos_ == "ADP" for t in before) and (
                    last.pos_ in ("NOUN", "ADJ", "VERB") and last.is_lower or last.pos_ == "DET"
                    or last.text in ("'s", "’s")):
                return s, e, tidy_name(name)
    return None


# attributions looked back over for the body that has been speaking: a long transcript of "It
# said ..." lines must not make resolution quadratic in the article's length
LOOK_BACK = 100


def speaking_body(d: QuoteDoc, start: int, history: list[Speaker], noun: str | None = None) -> Speaker | None:
    """The latest body that spoke before ``start`` (within LOOK_BACK attributions) and fits ``noun``."""
    for s in history[:-LOOK_BACK - 1:-1]:
        if s.span is None or s.span[1] > start or not is_body(d, s):
            continue
        head = speaker_head(d, s) if noun is not None else None
        if head is not None and head.lower_ in DOCUMENT_NOUNS:
            continue  # "the company" is no report
        if fits(noun, s.name, d.entity_by_id.get(s.entity) if s.entity else None):
            return s
    return None


def main_body(d: QuoteDoc, start: int, noun: str | None = None):
    """(name, entity id) of the organisation the article is about, named before ``start``: the
    first one named as the subject of a clause, else the first one named; None if none fits."""
    first = None
    for s, name, entity, subject in _organisations(d):
        if s >= start:
            break
        if not fits(noun, name, d.entity_by_id.get(entity) if entity else None):
            continue
        if subject:
            return name, entity
        first = first or (name, entity)
    return first


def _organisations(d: QuoteDoc) -> list[tuple[int, str, str | None, bool]]:
    """(start, name, entity id, subject of its clause) of each naming of an organisation outside
    quotation marks, in order; built once per article."""
    if d.organisations is not None:
        return d.organisations
    publisher = (d.parsed.article.source or "").lower()
    candidates = [(s, e, d.found.entities[k]) for s, e, k in d.mentions] + [(s, e, None) for s, e, _ in d.companies]
    out = []
    for s, e, ent in sorted(candidates, key=lambda c: c[0]):
        if d.quoted(s) or d.parsed.in_header(s):
            continue
        span = d.doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        if ent is None:
            name = tidy_name(span.text)
        elif ent.kind == "organization" and ent.name not in d.full_names or ent.name in d.company_names:
            if publisher and publisher in (a.lower() for a in ent.aliases):
                continue  # "told Reuters"
            name = tidy_name(body_name(d, span, ent))
        else:
            continue
        root = span.root
        while root.dep_ in ("compound", "flat", "appos", "conj") and root.head.i != root.i:
            root = root.head
        out.append((s, name, ent.id if ent is not None else None, root.dep_ in _SUBJECT))
    d.organisations = out
    return out


def body_name(d: QuoteDoc, span, ent) -> str:
    """A body by the phrase that names it, in full where the article once wrote more of its name
    ("Samsung" -> "Samsung Electronics Co.", "the Rockets" -> "the Kelowna Rockets")."""
    text = core_text(d, span)
    words = [w for w in text.split() if w.lower() not in ("the", "a", "an")]
    fuller = [a for a in ent.aliases if len(a) > len(" ".join(words)) and all(w in a.split() for w in words)]
    if not words or not fuller:
        return text
    det = text.split()[0] if text.split()[0].lower() == "the" and not fuller[0].lower().startswith("the ") else ""
    return (det + " " + max(fuller, key=len)).strip()
