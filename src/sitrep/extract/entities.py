"""Entities: one record per real-world referent in a document, with all its mentions.

Mentions come from spaCy's named entities plus a gazetteer pass over capitalised words the
model missed (countries, IGOs from the actor KB). They are grouped by referent: full
names join when their given names agree (initials and nicknames allowed) and their surnames
are equal or one spelling apart ("Suleimani"/"Soleimani"), never across given names
("Jeb Bush"/"George W. Bush"); a bare surname joins the full name written just before it, or
else the person the document names most; acronyms join their expansion,
KB-coded countries and IGOs join by code, and nominal anaphors ("the alliance") join the
one organisation in the document they can stand for.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from ..kb.actors import ActorCode, as_of, lookup_actor, lookup_surname
from ..nlp.datelines import dateline_end
from ..records import Entity

KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "NORP": "group",
         "LOC": "place", "FAC": "place"}
# the same name spelt two ways: "Soleimani"/"Suleimani" scores 89, "Iran"/"Iraq" 75
SIMILAR = 85
# a surname refers to the full name written within about a paragraph before it; further on,
# to the person the document names most
RECENT = 400
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


@lru_cache(maxsize=4096)  # 16,384 filled by ~9,000 Reuters articles, at 37% hits: RSS for little
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
    # a title never reaches back over a dateline ("ROME - Israeli Foreign Minister Shimon Peres")
    stop = dateline_end(first.sent)
    while i >= stop and doc[i].pos_ in _ROLE_POS and (
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
        if ent.label_ not in KINDS or parsed.in_header(ent.start_char) or ent.start in taken:
            continue
        cut = dateline_end(ent.sent)
        if ent.start < cut:  # the model runs a dateline into the name after it ("ROME - Israeli")
            if ent.end <= cut:
                continue
            ent = Span(doc, cut, ent.end, label=ent.label_)
        if ent.label_ == "ORG":
            ent = _whole_name(parsed, ent, date)
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


def _whole_name(parsed, ent, date):
    """An organisation's name the model cut short at a place in it ("the Organization for
    Security and Co-operation | in Europe"): the longer span when the dictionary knows it."""
    doc = parsed.doc
    for n in (3, 2):
        end = ent.end + n
        if end > ent.sent.end or doc[ent.end].lower_ not in ("in", "of", "for"):
            continue
        if not all(t.is_title or t.is_upper for t in doc[ent.end + 1:end]):
            continue
        bounds = _trim(parsed.text, doc[ent.start:end])
        found = lookup_actor(parsed.text[bounds[0]:bounds[1]], date=date, exact=True) if bounds else None
        if found is not None and found.kind == "igo":
            return Span(doc, ent.start, end, label=ent.label_)
    return ent


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


# words in front of a name that are not part of it ("President Trump", "Sen. Ted Cruz")
_TITLES = frozenset("""president vice sen senator rep representative gov governor mr mrs ms miss
    dr gen general lt col colonel capt captain sgt adm admiral secretary minister prime chancellor
    king queen prince princess pope sheikh ayatollah judge justice speaker mayor rev reverend sir
    lord lady dame former first chairman chairwoman chief ambassador candidate commissioner
    attorney congressman congresswoman leader premier deputy state foreign defense defence""".split())
_SUFFIXES = frozenset(("jr", "sr", "i", "ii", "iv"))  # "iii" folds to "i"


def without_titles(name: str) -> str:
    """A person's name without the titles written before it: "Dr. Matthew Bowes" -> "Matthew
    Bowes", "Hereditary Chief Na'moks" -> "Na'moks"; a name that is all titles stays whole."""
    words = name.split()
    last = max((k for k, w in enumerate(words[:-1]) if _fold(w) in _TITLES), default=-1)
    rest = words[last + 1:]
    return " ".join(rest) if rest and not all(_fold(w) in _SUFFIXES for w in rest) else name
# given names that stand for one another; the first of each line is the canonical form
_NICKNAMES = {_fold(n): _fold(line.split()[0]) for line in """william bill will billy willie
    robert bob bobby rob robbie    richard dick rick ricky rich    james jim jimmy jamie
    michael mike mick    joseph joe joey    thomas tom tommy    edward ed eddie ted ned
    theodore teddy    christopher chris    daniel dan danny    david dave davy
    stephen steve steven    anthony tony    ronald ron ronnie    donald don donnie
    albert al bert    alexander alex    andrew andy drew    benjamin ben benny
    charles charlie chuck    henry hank harry    john jack johnny    gerald jerry
    lawrence larry    gregory greg    jeffrey jeff geoffrey    kenneth ken kenny
    timothy tim    frederick fred freddie    matthew matt    nicholas nick    samuel sam
    patrick pat    peter pete    philip phil    raymond ray    walter walt    vincent vince
    elizabeth liz beth betty lizzie    katherine kate kathy katie catherine cathy
    margaret maggie peggy meg    patricia patty    susan sue suzy    sandra sandy
    jennifer jenny jen    rebecca becky    deborah debbie deb    barbara barb
    victoria vicky    christine christina    abraham abe    newton newt""".split("    ")
              for n in line.split()}


@lru_cache(maxsize=4096)
def _name(text: str) -> tuple[str, ...]:
    """Folded name words without leading titles, a trailing generational suffix or leading
    lower-case debris the model ran into the name ("pro-Clinton", "'s Clinton")."""
    raw = re.split(r"[\s\-\u2010]+", text.strip())
    while len(raw) > 1 and not raw[0][:1].isupper():
        raw = raw[1:]
    words = _fold(" ".join(raw)).split()
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words = words[:-1]
    return tuple(words)


def _same_given(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:  # an initial: "J. Smith"
        return a[0] == b[0]
    return _NICKNAMES.get(a, a) == _NICKNAMES.get(b, b)


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names of one person: the given names agree (up to initials and nicknames),
    middle initials agree when both have them ("George W. Bush" is not "George H.W. Bush"),
    and the surnames are one spelling apart at most."""
    if not _same_given(a[0], b[0]):
        return False
    ma, mb = ("".join(w if len(w) <= 2 else w[0] for w in n[1:-1]) for n in (a, b))
    if ma and mb and ma != mb:
        return False
    return a[-1] == b[-1] or _ratio(a[-1], b[-1]) >= SIMILAR


def _holder(surname: str, date: str | None) -> ActorCode | None:
    """The one person the KB knows by this surname alone ("Obama" in 2015), if any."""
    known = lookup_actor(surname, date=date)
    if known is None or known.kind != "person" or _name(known.name or "")[-1:] != _name(surname):
        return None
    return known


def _group(mentions: list[_Mention], *, date: str | None = None) -> list[list[_Mention]]:
    """Mentions grouped by referent, in order of first mention."""
    groups: list[list[_Mention]] = []
    by_key: dict[str, list[_Mention]] = {}

    def put(key: str, m: _Mention) -> None:
        if key not in by_key:
            by_key[key] = []
            groups.append(by_key[key])
        by_key[key].append(m)

    def nearest(keys: list[str], at: int, *, strict: bool = False) -> str | None:
        """The person whose full name was written shortly before ``at`` (a surname refers
        back to it), else (unless ``strict``) the one the document names most often."""
        def last(k):
            return max((x.start for x in by_key[k] if len(_name(x.text)) > 1 and x.start < at), default=-1)
        recent = max(keys, key=lambda k: (last(k), -keys.index(k)))
        if last(recent) >= 0 and at - last(recent) <= RECENT:
            return recent
        return None if strict else max(keys, key=lambda k: (len(by_key[k]), last(k), -keys.index(k)))

    def full_key(name: tuple[str, ...], at: int) -> str | None:
        keys = [k for k, ms in by_key.items() if k.startswith("P:") and any(
            len(n := _name(x.text)) > 1 and _same_person(name, n) for x in ms)]
        return nearest(keys, at) if keys else None

    def person_key(m: _Mention) -> str | None:
        name = _name(m.text)
        fulls, bare = [], []
        for key, members in by_key.items():
            if not key.startswith("P:"):
                continue
            names = [n for n in (_name(x.text) for x in members) if len(n) > 1]
            if names and any(n[-len(name):] == name or (len(name) == 1 and _ratio(n[-1], name[0]) >= SIMILAR)
                             for n in names):
                fulls.append(key)
            elif not names and len(name) == 1 and any(
                    _ratio(_name(x.text)[-1], name[0]) >= SIMILAR for x in members):
                bare.append(key)
        if fulls:
            # a bare surname the KB knows by itself as one person ("Obama" in 2015) is that
            # person unless someone else by that name was just written in full
            holder = _holder(m.text.split()[-1], date) if len(name) == 1 else None
            strict = holder is not None and not any(
                _same_person(_name(holder.name or ""), n) for k in fulls for x in by_key[k]
                if len(n := _name(x.text)) > 1)
            return nearest(fulls, m.start, strict=strict)
        if bare:
            return bare[0]
        if len(name) == 1 and m.label == "PERSON":
            # a first name alone ("Hillary") joins the one person in the document who has it
            firsts = [k for k, ms in by_key.items() if k.startswith("P:") and any(
                len(n := _name(x.text)) > 1 and n[0] == name[0] for x in ms)]
            if len(firsts) == 1:
                return firsts[0]
        return None

    # full names first, so that a surname met before its full name still finds it; longest
    # first, so that the end of a longer name ("Abdul Mahdi", "Vander Plaats") joins it
    people = sorted((m for m in mentions if m.label == "PERSON" and len(_name(m.text)) > 1),
                    key=lambda m: -len(_name(m.text)))
    for m in people:
        name = _name(m.text)
        tails = [k for k, ms in by_key.items() if k.startswith("P:") and any(
            len(n := _name(x.text)) > len(name) and n[-len(name):] == name for x in ms)]
        key = nearest(tails, m.start) if tails else full_key(name, m.start)
        put(key or f"P:{' '.join(name)}", m)
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
        key = person_key(m) if ((single and m.label in ("ORG", "GPE")) or m.label == "PERSON") else None
        if key is None and m.place is not None and (m.place.geonameid or m.place.name):
            # the places stage resolved it: "Mideast" and "Middle East" are one region
            key = f"G:{m.place.geonameid or _fold(m.place.name)}"
        if key is None and m.label == "PERSON":
            key = f"P:{' '.join(_name(m.text))}"
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
            known = _holder(name, date) or lookup_surname(name, date=date)
            if known is not None and (known.code in countries or known.code == "IGO"):
                code, sector = known.code, known.sector
    else:
        actor = igo or country or next((m.actor for m in named if m.actor and m.actor.code), None)
        if actor is not None:
            code = actor.code
            sector = actor.sector if kind != "place" else None
        elif kind == "place":
            code = as_of(next((m.place.country for m in named if m.place is not None and m.place.country), None),
                         date)
    aliases = tuple(dict.fromkeys(m.text for m in group))
    return Entity(id=eid, name=name, kind=kind, mentions=tuple((m.start, m.end) for m in group),
                  roles=tuple(roles), code=code, sector=sector, aliases=aliases)


def extract_entities(parsed, found) -> tuple[Entity, ...]:
    mentions = _mentions(parsed, found.places)
    groups = _group(mentions, date=parsed.article.published)
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
