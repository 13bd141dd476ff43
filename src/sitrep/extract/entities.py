"""Entities: one record per real-world referent in a document, with all its mentions.

Mentions come from spaCy's named entities plus a gazetteer pass over capitalised words the
model missed (countries, IGOs from the actor KB). They are grouped by referent:
surnames join the full name they share a last word with, spelling variants join by a
similarity ratio over transliteration-normalised names, acronyms join their expansion,
KB-coded countries and IGOs join by code, and nominal anaphors ("the alliance") join the
one organisation in the document they can stand for.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..kb.actors import ActorCode, lookup_actor, lookup_surname
from ..records import Entity

KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "NORP": "group",
         "LOC": "place", "FAC": "place"}
# the same name spelt two ways: "Soleimani"/"Suleimani" scores 89, "Iran"/"Iraq" 75
SIMILAR = 85
# nominal anaphors and the IGOs they can stand for, by the KB's name of the IGO
NOMINALS = {"alliance": {"NATO"}, "world body": {"United Nations"},
            "bloc": {"European Union", "ASEAN", "African Union"}, "union": {"European Union"}}
_NOMINAL = re.compile(r"\b(?:[Tt]he )((?:(?:Western|Atlantic|transatlantic|military|"
                      r"Brussels-based) )?(alliance|world body|bloc))(?='s|\b)")
_LEADING = {"the", "a", "an"}
_ROLE_POS = {"PROPN", "NOUN", "ADJ", "PART", "PUNCT"}


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    label: str
    actor: ActorCode | None
    place: object = None  # the resolved Place record at this mention, if any


def _fold(name: str) -> str:
    """Transliteration-normalised form: no accents, no punctuation, lower case, and the
    common romanisation variants (q/k, ou/u, doubled letters) collapsed."""
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    name = re.sub(r"[^a-z ]+", "", name.replace("-", " "))
    name = name.replace("ou", "u").replace("q", "k").replace("ph", "f")
    return re.sub(r"(.)\1", r"\1", name).strip()


def _ratio(a: str, b: str) -> float:
    from rapidfuzz.fuzz import ratio

    return ratio(_fold(a), _fold(b))


def _trim(text: str, span) -> tuple[int, int] | None:
    """Character bounds of an entity span without a leading article, a trailing possessive
    or anything after a line break (the model runs names into the next paragraph)."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in _LEADING:
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in ("'s", "\u2019s", "'", "\u2019") or tokens[-1].is_space
                      or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if "\n" in text[start:end]:
        end = text.index("\n", start)
    while start < end and text[start] in "-\u2010\u2013\u2014":
        start += 1
    return (start, end) if end > start and any(c.isalpha() for c in text[start:end]) else None


def _roles(parsed, start: int, end: int) -> list[str]:
    """Titles in front of a name ("U.S. President Donald Trump") and appositions
    ("Iran's most powerful general, Qassem Suleimani"), kept when the KB reads them as an
    office or agent."""
    doc, text = parsed.doc, parsed.text
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    roles = []
    first = span[0]
    window = []
    i = first.i - 1
    while i >= first.sent.start and doc[i].pos_ in _ROLE_POS and (
            doc[i].pos_ != "PUNCT" or doc[i].text in ("-", "\u2010")):
        window.insert(0, doc[i])
        i -= 1
    for k, tok in enumerate(window):
        role = text[tok.idx:start].strip(" -")
        found = lookup_actor(role)
        # a title names one office: "U.S. President", not "Democrat Voters"
        if tok.pos_ != "PUNCT" and found is not None and found.kind == "agent" and found.sector \
                and window[-1].tag_ not in ("NNS", "NNPS"):
            roles.append(role)
            break
    root = span.root
    heads = [root.head] if root.dep_ == "appos" else []
    heads += [c for c in root.children if c.dep_ == "appos" and not (start <= c.idx < end)]
    for head in heads:
        left = head.left_edge
        while left.i < head.i and left.pos_ == "DET":
            left = doc[left.i + 1]
        role = text[left.idx:head.idx + len(head.text)]
        found = lookup_actor(role)
        if found is not None and found.sector and role not in roles and head.tag_ not in ("NNS", "NNPS"):
            roles.append(role)
    return roles


def _mentions(parsed, places) -> list[_Mention]:
    doc, date = parsed.doc, parsed.article.published
    out: list[_Mention] = []
    taken = set()
    for ent in doc.ents:
        if ent.label_ not in KINDS or parsed.in_header(ent.start_char):
            continue
        bounds = _trim(parsed.text, ent)
        if bounds is None:
            continue
        text = parsed.text[bounds[0]:bounds[1]]
        # only organisation and group names are composed ("Iraqi Army"); a person or
        # place name must be known whole
        exact = ent.label_ not in ("ORG", "NORP")
        out.append(_Mention(*bounds, text, ent.label_, lookup_actor(text, date=date, exact=exact)))
        taken.update(range(ent.start, ent.end))
    # capitalised words the model missed that the KB knows as a country or an IGO
    for sent in doc.sents:
        run = []
        for tok in list(sent) + [None]:
            if tok is not None and tok.i not in taken and (tok.is_title or tok.is_upper) and len(tok.text) > 1 \
                    and not tok.is_punct and not parsed.in_header(tok.idx):
                run.append(tok)
                continue
            out += _known(parsed, run, date)
            run = []
    for m in out:
        if m.label in ("GPE", "LOC", "FAC"):
            m.place = next((p for p in places if tuple(p.span) == (m.start, m.end)), None)
    out.sort(key=lambda m: m.start)
    return out


def _known(parsed, run: list, date) -> list[_Mention]:
    found = []
    i = 0
    while i < len(run):
        for n in range(min(5, len(run) - i), 0, -1):
            bounds = _trim(parsed.text, run[i:i + n])
            if bounds is None:
                continue
            text = parsed.text[bounds[0]:bounds[1]]
            actor = lookup_actor(text, date=date, exact=True)
            if actor is not None and actor.kind in ("country", "igo"):
                label = "ORG" if actor.kind == "igo" else "GPE"
                found.append(_Mention(*bounds, text, label, actor))
                i += n - 1
                break
        i += 1
    return found


def _acronym(text: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", text) if w and w[0].isupper()]
    return "".join(w[0] for w in words)


def _group(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Mentions grouped by referent, in order of first mention."""
    groups: list[list[_Mention]] = []
    by_key: dict[str, list[_Mention]] = {}

    def put(key: str, m: _Mention) -> None:
        if key not in by_key:
            by_key[key] = []
            groups.append(by_key[key])
        by_key[key].append(m)

    def person_key(m: _Mention) -> str | None:
        words = m.text.split()
        for key, members in by_key.items():
            if not key.startswith("P:"):
                continue
            names = [x.text for x in members]
            full = max(names, key=lambda n: len(n.split()))
            if len(words) > 1 and len(full.split()) > 1 and _ratio(m.text, full) >= SIMILAR:
                return key
            if len(words) == 1 and _ratio(m.text, full.split()[-1]) >= SIMILAR:
                return key
        if len(words) == 1 and m.label == "PERSON":
            # a first name alone ("Hillary") joins the one person in the document who has it
            firsts = [k for k, ms in by_key.items() if k.startswith("P:") and any(
                len(x.text.split()) > 1 and x.text.split()[0] == m.text for x in ms)]
            if len(firsts) == 1:
                return firsts[0]
        return None

    # full names first, so that a surname met before its full name still finds it
    people = [m for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1]
    for m in people:
        put(person_key(m) or f"P:{_fold(m.text)}", m)
    for m in mentions:
        if m in people:
            continue
        actor = m.actor
        single = len(m.text.split()) == 1
        if actor is not None and actor.kind in ("country", "igo"):
            if m.label == "PERSON" and actor.kind == "country":
                actor = m.actor = None
            else:
                put(f"C:{actor.code}" if actor.kind == "country" and actor.sector is None
                    else f"I:{actor.name}" if actor.kind == "igo" else f"T:{_fold(m.text)}", m)
                continue
        key = person_key(m) if (single and m.label in ("PERSON", "ORG", "GPE")) else None
        if key is None and m.place is not None and (m.place.geonameid or m.place.name):
            # the places stage resolved it: "Mideast" and "Middle East" are one region
            key = f"G:{m.place.geonameid or _fold(m.place.name)}"
        if key is None and m.label == "PERSON":
            key = f"P:{_fold(m.text)}"
        if key is None and m.label == "ORG":
            acro = m.text.replace(".", "")
            key = next((k for k, ms in by_key.items() if k.startswith("O:") and any(
                (acro.isupper() and _acronym(x.text) == acro) or
                (x.text.replace(".", "").isupper() and _acronym(m.text) == x.text.replace(".", ""))
                for x in ms)), None)
        put(key or f"{'O' if m.label == 'ORG' else 'T'}:{_fold(m.text)}", m)
    groups.sort(key=lambda g: min(m.start for m in g))
    return [sorted(g, key=lambda m: m.start) for g in groups]


def _anaphors(parsed, groups: list[list[_Mention]]) -> None:
    """Add "the alliance" and the like to the one IGO in the document they can stand for."""
    for match in _NOMINAL.finditer(parsed.text):
        if parsed.in_header(match.start()):
            continue
        wanted = NOMINALS[match.group(2)]
        fits = [g for g in groups if any(m.actor and m.actor.kind == "igo" and m.actor.name in wanted
                                         for m in g)]
        before = [g for g in fits if min(m.start for m in g) < match.start()]
        if len(fits) == 1 or len(before) == 1:
            target = fits[0] if len(fits) == 1 else before[0]
            if not any(m.start <= match.start(1) < m.end for m in target):
                target.append(_Mention(match.start(1), match.end(1), match.group(1), "NOMINAL",
                                       None))
                target.sort(key=lambda m: m.start)


def _entity(parsed, group: list[_Mention], countries: set[str], eid: str) -> Entity:
    date = parsed.article.published
    labels = [m.label for m in group]
    named = [m for m in group if m.label != "NOMINAL"]
    person = "PERSON" in labels and not any(m.actor and m.actor.kind in ("igo", "country") for m in named)
    igo = next((m.actor for m in named if m.actor and m.actor.kind == "igo"), None)
    country = next((m.actor for m in named if m.actor and m.actor.kind == "country"
                    and m.actor.sector is None), None)
    roles: list[str] = []
    if person:
        for m in named:
            roles += [r for r in _roles(parsed, m.start, m.end)
                      if not any(x == r or x.endswith(" " + r) for x in roles)]
    longest = max(named, key=lambda m: (len(m.text.split()), len(m.text)))
    if person:
        kind, name = "person", longest.text
    elif igo is not None:
        kind, name = "organization", igo.name
    elif country is not None:
        kind, name = "place", country.name
    else:
        counts = {KINDS[l]: labels.count(l) for l in labels if l in KINDS}
        kind, name = max(counts, key=counts.get), longest.text
        resolved = next((m.place for m in named if m.place is not None and m.place.name), None)
        if kind == "place" and resolved is not None:
            name = resolved.name
    code = sector = None
    if person:
        coded = [lookup_actor(r, date=date) for r in roles]
        coded = [c for c in coded if c is not None and c.code]
        known = lookup_actor(name, date=date, exact=True)
        if coded:
            code, sector = coded[0].code, coded[0].sector
        elif known is not None and known.kind == "person" and _ratio(known.name or "", name) >= SIMILAR:
            code, sector = known.code, known.sector
        elif len(name.split()) == 1:
            # a bare surname counts only when the KB has one office holder by that name
            # and the document itself mentions that office holder's country
            known = lookup_surname(name, date=date)
            if known is not None and (known.code in countries or known.code == "IGO"):
                code, sector = known.code, known.sector
    else:
        actor = igo or country or next((m.actor for m in named if m.actor and m.actor.code), None)
        if actor is not None:
            code = actor.code
            sector = actor.sector if kind != "place" else None
        elif kind == "place":
            code = next((m.place.country for m in named if m.place is not None and m.place.country), None)
    aliases = tuple(dict.fromkeys(m.text for m in group))
    return Entity(id=eid, name=name, kind=kind, mentions=tuple((m.start, m.end) for m in group),
                  roles=tuple(roles), code=code, sector=sector, aliases=aliases)


def extract_entities(parsed, found) -> tuple[Entity, ...]:
    mentions = _mentions(parsed, found.places)
    groups = _group(mentions)
    _anaphors(parsed, groups)
    countries = {m.actor.code for m in mentions if m.actor and m.actor.kind == "country"}
    return tuple(_entity(parsed, g, countries, f"e{i}") for i, g in enumerate(groups, 1))


def entity_at(entities, start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping ``[start, end)``; the largest overlap wins."""
    best, size = None, 0
    for entity in entities:
        for s, e in entity.mentions:
            overlap = min(e, end) - max(s, start)
            if overlap > size:
                best, size = entity, overlap
    return best
