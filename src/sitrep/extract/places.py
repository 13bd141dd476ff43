"""Places: detect toponyms and demonyms, then resolve each to a GeoNames place using the document.

Detection takes spaCy's GPE/LOC/FAC entities and NORP demonyms, then scans capitalised
token runs against the gazetteer for what the model misses: places inside organisation
names ("Rapides Parish Fire District"), abbreviations ("La."), "the Iraqi capital".

Resolution ranks each mention's candidates by population and feature class, then again
with the document's focus: the countries and first-level regions the other places point
to, a trailing region ("Alexandria, La.") and nearness to the other places. A country
beats a city of the same name unless the longer name is used ("Kuwait City").
"""
from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..kb.gazetteer import Candidate, great_circle_km, load_gazetteer, normalise
from ..records import Place

ENT_LABELS = {"GPE": "toponym", "LOC": "toponym", "FAC": "facility"}
MAX_NGRAM = 4
# a gazetteer-only city (no spaCy entity) needs this many people, or to lie in the
# document's focus region: small-town names are too often ordinary words or surnames
SCAN_MIN_POP = 100_000
FEATURE_BONUS = {"country": 3.0, "region": 1.0, "admin1": 2.0, "admin2": 0.5, "city": 0.0}
MATCH_PENALTY = {"name": 0.0, "alias": 0.0, "demonym": 0.0, "short": -1.0, "alt": -2.0}
FOCUS_COUNTRY, FOCUS_ADMIN1, NEAR_BONUS, NEAR_KM = 2.0, 3.0, 1.5, 150.0
# news names capitals far more often than same-named regions ("Washington said")
CAPITAL_BONUS = 3.0
# per other place name with a candidate nearby, up to MAX_SUPPORT names
SUPPORT_BONUS, MAX_SUPPORT, MAX_SUPPORT_CANDIDATES = 1.0, 3, 50
# speech and decision verbs whose subject is a government, not a location
METONYM_HEADS = {"say", "announce", "warn", "demand", "urge", "accuse", "deny", "reject", "threaten",
                 "claim", "insist", "respond", "agree", "refuse", "condemn", "call", "decide", "want",
                 "plan", "sign", "impose", "order", "send", "launch", "vow", "pledge", "ask", "tell"}
FEATURE_OUT = {"admin2": "other"}
# heads of institution names: a "PERSON" with one of these ("Huntsville Fire Station")
# is a mislabelled facility or organisation, named after its place
INSTITUTION_WORDS = frozenset({"fire", "police", "station", "department", "county", "city", "school",
                               "church", "hospital", "office", "sheriff", "court", "road", "street",
                               "avenue", "park", "center", "centre", "university", "college", "district"})
METONYM_MIN_POP = 1_000_000

# compass parts: "northern Iraq", "north-east Syria", "the south of France", "the western part of
# the Caucasus", "Iraq's north". Without "the" or a part noun, "south of Baghdad" is a direction
# away from the place (a town 20 km south of it), not a part of it.
_DIR = r"(?:north|south)[\s-]?(?:east|west)(?:ern)?|(?:north|south|east|west)(?:ern)?"
_PART_BEFORE = re.compile(
    rf"(?i)(?:\b(?:far[\s-]+)?(?P<adj>{_DIR})[\s-]+"
    rf"|\b(?P<adj2>central)\s+"
    rf"|\bthe\s+(?:far[\s-]+)?(?P<noun>{_DIR}|centre|center)\s+of\s+(?:the\s+)?"
    rf"|\b(?P<adj3>{_DIR}|central)\s+(?:parts?|half|corner|tip|reaches|regions?|areas?|provinces|districts)"
    rf"\s+of\s+(?:the\s+)?)$")
# not "central" after the name: "Peking's central telephone office", "Chile's central bank"
_PART_AFTER = re.compile(rf"(?i)^['\u2019]s\s+(?:far[\s-]+)?(?P<adj>{_DIR})\b")
PART_FEATURES = ("country", "admin1", "admin2", "region", "city")


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    kind: str
    candidates: list[Candidate]
    sure: bool  # from a spaCy entity (or an unambiguous gazetteer match), not a bare scan hit
    within: tuple[str, str | None] | None = None  # (iso3, admin1) from a trailing ", La."
    pick: Candidate | None = None
    extra: dict = field(default_factory=dict)


def _km(a: Candidate, b: Candidate) -> float:
    return math.inf if a.lat is None or b.lat is None else great_circle_km(a.lat, a.lon, b.lat, b.lon)


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    """Character span of tokens [start, end) without a leading article or trailing possessive."""
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].text in ("'s", "\u2019s", "'", ".", ","):
        if doc[end - 1].text == "." and len(doc[end - 2].text) <= 3:
            break  # "La." keeps its dot
        end -= 1
    if start >= end:
        return -1, -1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


@lru_cache(maxsize=1)
def _common_words() -> frozenset:
    """Words the lemmatizer's tables know ("center", "union", "man"): a capitalised one is
    a place only with local support, since most such hits are headings or names."""
    from ..nlp.pipeline import load_nlp

    nlp = load_nlp()
    if "lemmatizer" not in nlp.pipe_names or not nlp.get_pipe("lemmatizer").lookups.has_table("lemma_index"):
        return frozenset()
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(w for key in table.keys() for w in table[key])


def _name_like(tok) -> bool:
    return bool(tok.text) and (tok.text[0].isupper() or tok.text in ("of", "de", "du", "la")) and not tok.is_punct


def _strong(cands: list[Candidate], known_word: bool) -> bool:
    """Whether a gazetteer hit stands without local support: a country, region or named
    county, or a big city whose name is not also a word the lexicon knows ("Mobile",
    "Reading"), unless it is a capital or a city of millions."""
    return any(c.feature != "city" and c.match != "short" or
               c.population >= SCAN_MIN_POP and (not known_word or c.capital or c.population >= 1_000_000)
               for c in cands)


def _narrow(doc, gaz, common: frozenset, a: int, b: int, s: int, e: int):
    """The longest known name inside an entity the gazetteer does not know as a whole:
    "North Texas", "Fargo City", "Kermanshah province", "Canadian Lottery"."""
    for n in range(b - a - 1, 0, -1):
        for i in range(a, b - n + 1):
            if not all(_name_like(t) or t.text[:1].isupper() for t in doc[i:i + n]):
                continue
            s2, e2 = _trim(doc, i, i + n)
            cands = gaz.lookup(doc.text[s2:e2]) if s2 >= 0 else []
            if n == 1 and doc[i].lower_ in common and not any(c.feature != "city" for c in cands):
                continue  # "North Atlantic" is no mention of North, South Carolina
            if cands and doc[i].text[:1].isupper():
                return s2, e2, cands
    return s, e, []


def _compass(toks) -> bool:
    """Lower-case compass words alone ("south-east"); capitalised, they may name a region ("the North
    West" of South Africa), which GeoWebNews marks."""
    return all(t.is_punct or t.is_lower and re.fullmatch(_DIR + "|central|centre|center|the|far", t.text)
               for t in toks)


def _detect(parsed, gaz) -> list[_Mention]:
    doc, text = parsed.doc, parsed.text
    mentions: list[_Mention] = []
    taken = [False] * (len(text) + 1)

    def add(s: int, e: int, kind: str, cands: list[Candidate], sure: bool, **extra) -> None:
        if s < 0 or any(taken[s:e]) or parsed.in_header(s):
            return
        mentions.append(_Mention(s, e, text[s:e], kind, _drop_short(cands), sure, extra=extra))
        for i in range(s, e):
            taken[i] = True

    common = _common_words()
    for ent in doc.ents:
        if ent.label_ in ENT_LABELS:
            # "Alexandria, La." is one place and its region: split at commas
            parts, s0 = [], ent.start
            for i in range(ent.start, ent.end + 1):
                if i == ent.end or doc[i].text == ",":
                    parts.append((s0, i))
                    s0 = i + 1
            for a, b in parts:
                s, e = _trim(doc, a, b)
                if s < 0:
                    continue
                cands = gaz.lookup(text[s:e])
                kind = ENT_LABELS[ent.label_]
                if not cands:
                    # the town inside a facility name ("Cottonport Fire Station") is a
                    # toponym, and LGL and GeoWebNews mark it as one
                    s, e, cands = _narrow(doc, gaz, common, a, b, s, e)
                    kind = "toponym"
                if not cands and (ent.label_ == "FAC" or b - a == 1 or _compass(doc[a:b])):
                    # streets and buildings the gazetteer does not know; a lone unknown
                    # word is more often a surname or brand the model took for a place; and
                    # "south-east" is the part of the place that follows it, not a place
                    continue
                if any(c.match == "demonym" for c in cands):
                    # "Canadian" the adjective, not Canadian, Texas
                    kind, cands = "demonym", [c for c in cands if c.match == "demonym"]
                add(s, e, kind, cands, True)
        elif ent.label_ == "NORP":
            s, e = _trim(doc, ent.start, ent.end)
            cands = [c for c in gaz.lookup(text[s:e])] if s >= 0 else []
            if cands and any(c.match == "demonym" for c in cands):
                add(s, e, "demonym", [c for c in cands if c.match == "demonym"], True)

    # spaCy often takes a lone town name for a person ("Alexandria", "Kent"): a one-word
    # PERSON entity may still be a place, a longer one (first name + surname) is not
    # a two-word region the model took for a person ("Tamil Nadu on Saturday moved the court") is
    # the region: a country, first-level region or named region under its own name
    people = [ent for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 and
              not any(t.lower_ in INSTITUTION_WORDS for t in ent) and
              not any(c.feature in ("country", "admin1", "region") and c.match in ("name", "alias")
                      for c in gaz.lookup(ent.text))]
    person = {i for ent in people for i in range(ent.start, ent.end)}
    # a surname the article gives a person is that person when it stands alone
    # ("Ripley said"), whatever the model labels it
    names = {ent[-1].lower_ for ent in people if ent[-1].text[:1].isupper()}
    strong_hit = lambda cands: any(c.feature != "city" and c.match != "short" for c in cands)  # noqa: E731
    i = 0
    while i < len(doc):
        if not _name_like(doc[i]) or i in person or doc[i].text in ("of", "de", "du", "la"):
            i += 1
            continue
        for n in range(min(MAX_NGRAM, len(doc) - i), 0, -1):
            toks = doc[i:i + n]
            if any(t.i in person or not _name_like(t) for t in toks) or toks[-1].text in ("of", "de", "du", "la"):
                continue
            s, e = _trim(doc, i, i + n)
            if s < 0 or any(taken[s:e]):
                continue
            cands = [c for c in gaz.lookup(text[s:e]) if c.match != "alt"]
            if not cands:
                continue
            if n == 1 and (doc[i].is_sent_start and doc[i].pos_ != "PROPN" and not doc[i].is_upper
                           or doc[i].is_stop):
                continue
            head = n == 1 and i > 0 and _name_like(doc[i - 1]) and not doc[i - 1].is_sent_start
            if head and not strong_hit(cands):
                continue  # the head of a longer name: "Main Street", "First Baptist Church"
            if n == 1 and doc[i].pos_ not in ("PROPN", "ADJ", "NOUN") and cands[0].match != "alias":
                continue
            kind = "demonym" if any(c.match == "demonym" for c in cands) else "toponym"
            if kind == "demonym":
                cands = [c for c in cands if c.match == "demonym"]
            strong = _strong(cands, n == 1 and doc[i].lower_ in common)
            add(s, e, kind, cands, strong, scan=not strong)
            if taken[s]:
                i += n - 1
                break
        i += 1
    mentions = [m for m in mentions if normalise(m.text) not in names or
                any(c.feature in ("country", "admin1") and c.match != "short" for c in m.candidates)]
    for m in mentions:
        _capital_of(m, text, gaz)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _capital_of(m: _Mention, text: str, gaz) -> None:
    """A demonym followed by "capital" names the country's capital city: "the Iraqi capital" is
    Baghdad (LGL and GeoWebNews mark the demonym alone, with the country's point)."""
    if m.kind != "demonym" or not m.candidates:
        return
    tail = re.match(r"\s+capital\b", text[m.end:m.end + 12])
    country = m.candidates[0].country if m.candidates[0].feature == "country" else None
    capital = gaz.capital(country) if tail and country else None
    if capital is not None:
        m.end += tail.end()
        m.text, m.kind, m.candidates, m.sure = text[m.start:m.end], "toponym", [capital], True


def _drop_short(cands: list[Candidate]) -> list[Candidate]:
    """"Ohio" is the state, not Ohio County: a county's bare name yields to a country or region."""
    if any(c.feature in ("country", "admin1", "region") and c.match != "short" for c in cands):
        return [c for c in cands if c.match != "short"]
    return cands


def _link_regions(mentions: list[_Mention], text: str) -> None:
    """"Paris, Texas" / "Alexandria, La.": the second place confines the first."""
    for a, b in zip(mentions, mentions[1:]):
        if text[a.end:b.start].strip() != ",":
            continue
        outer = [c for c in b.candidates if c.feature in ("admin1", "country")]
        for o in outer:
            inside = [c for c in a.candidates if c.country == o.country and
                      (o.feature == "country" or c.admin1 == o.admin1) and c.feature != o.feature]
            if inside:
                a.candidates, a.within, a.sure = inside, (o.country, o.admin1), True
                b.candidates = [o]
                break


def _score(c: Candidate, support: int, countries: Counter, admin1s: Counter, anchors: list[Candidate]) -> float:
    s = math.log10(c.population + 10) + FEATURE_BONUS.get(c.feature, 0.0) + MATCH_PENALTY[c.match]
    if c.match == "alt":
        # an alternate name ("Kuwait" for Kuwait City) competes on its prior alone: the
        # context it would draw on is mostly the same place named the usual way
        return s + (-1.0 if c.lat is None else 0.0)
    s += SUPPORT_BONUS * support
    if c.lat is None:
        s -= 1.0
    total = sum(countries.values())
    if total and c.country:
        s += FOCUS_COUNTRY * countries[c.country] / total
    total1 = sum(admin1s.values())
    if c.capital and (not total or countries[c.country]):
        s += CAPITAL_BONUS  # but Dublin, Ohio in a story about Ohio
    if total1 and c.feature in ("city", "admin2", "admin1") and (c.country, c.admin1) in admin1s:
        s += FOCUS_ADMIN1 * admin1s[(c.country, c.admin1)] / total1 + 1.0
    if c.feature in ("city", "admin2") and any(_km(c, a) < NEAR_KM for a in anchors):
        s += NEAR_BONUS
    return s


def _focus(mentions: list[_Mention], skip: str) -> tuple[Counter, Counter, list[Candidate]]:
    countries, admin1s, anchors = Counter(), Counter(), {}
    for m in mentions:
        if m.pick is None or normalise(m.text) == skip or not m.sure:
            continue
        p = m.pick
        if p.country:
            countries[p.country] += 1
        if p.feature == "admin1":
            admin1s[(p.country, p.admin1)] += 2
        elif p.feature in ("city", "admin2") and p.admin1:
            admin1s[(p.country, p.admin1)] += 2 if (m.within or len(m.candidates) == 1) else 1
        if p.feature in ("city", "admin2"):
            anchors[(p.name, p.lat, p.lon)] = p
    return countries, admin1s, list(anchors.values())


def _support(mentions: list[_Mention]) -> dict[tuple[int, int], float]:
    """For each (mention, candidate): how many other place names in the document have some
    candidate within NEAR_KM of it. Local news names towns that lie near each other, so
    the reading that puts the names close together is the likely one."""
    import numpy as np

    names: dict[str, list[Candidate]] = {}
    for m in mentions:
        if m.kind != "demonym":
            names.setdefault(normalise(m.text), m.candidates)
    # a county whose centre is unknown (its state's stands in) is near all of its state
    points, states, approx_states = {}, {}, {}
    for k, cands in names.items():
        local = [c for c in cands[:MAX_SUPPORT_CANDIDATES]
                 if c.lat is not None and c.feature in ("city", "admin2")]
        xy = [(c.lat, c.lon) for c in local if not c.approx]
        if xy:
            points[k] = np.radians(np.array(xy))
        states[k] = {(c.country, c.admin1) for c in local}
        approx_states[k] = {(c.country, c.admin1) for c in local if c.approx}
    out, seen = {}, {}
    for mi, m in enumerate(mentions):
        key = normalise(m.text)
        for ci, c in enumerate(m.candidates):
            if c.lat is None or c.feature not in ("city", "admin2"):
                continue
            if (key, c) in seen:  # repeated names: one computation each
                out[(mi, ci)] = seen[(key, c)]
                continue
            la, lo = math.radians(c.lat), math.radians(c.lon)
            hits = 0
            for k in names:
                if k == key:
                    continue
                if (c.country, c.admin1) in (states[k] if c.approx else approx_states[k]):
                    hits += 1
                    continue
                xy = points.get(k)
                if xy is None or c.approx:
                    continue
                h = (np.sin((xy[:, 0] - la) / 2) ** 2
                     + math.cos(la) * np.cos(xy[:, 0]) * np.sin((xy[:, 1] - lo) / 2) ** 2)
                if (6371.0 * 2 * np.arcsin(np.sqrt(np.minimum(h, 1.0))) < NEAR_KM).any():
                    hits += 1
            out[(mi, ci)] = seen[(key, c)] = min(hits, MAX_SUPPORT)
    return out


def _resolve(mentions: list[_Mention]) -> None:
    """Pick each mention's candidate: by prior first, then twice more with the document's
    focus from the previous round's picks. Repeated names are scored once per round."""
    support = _support(mentions)
    groups: dict[tuple, list[int]] = {}
    for mi, m in enumerate(mentions):
        if m.candidates:
            groups.setdefault((normalise(m.text), tuple(m.candidates)), []).append(mi)
    empty: Counter = Counter()
    focus = {key[0]: (empty, empty, []) for key in groups}
    for _ in range(3):
        for key, members in groups.items():
            m = mentions[members[0]]
            countries, admin1s, anchors = focus[key[0]]
            best = max(range(len(m.candidates)), key=lambda ci: _score(
                m.candidates[ci], support.get((members[0], ci), 0), countries, admin1s, anchors))
            for mi in members:
                mentions[mi].pick = m.candidates[best]
        focus = {key[0]: _focus(mentions, key[0]) for key in groups}


def _place_counties(mentions: list[_Mention]) -> None:
    """A county known only by its state's centre takes the place of the first town of that
    state the article names: local news names the towns of the county it reports on."""
    towns: dict[tuple, Candidate] = {}
    for m in mentions:
        p = m.pick
        if p is not None and p.feature == "city" and not p.approx:
            towns.setdefault((p.country, p.admin1), p)
    for m in mentions:
        p = m.pick
        if p is not None and p.approx and (p.country, p.admin1) in towns:
            t = towns[(p.country, p.admin1)]
            m.pick = dataclasses.replace(p, lat=t.lat, lon=t.lon)


def _metonym(parsed, m: _Mention) -> bool:
    if m.pick is None or m.pick.feature not in ("country", "city"):
        return False
    span = parsed.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in METONYM_HEADS


def _direction(word: str) -> str:
    """"northeastern", "North-East", "centre" -> "north-east", "central"."""
    w = re.sub(r"[\s-]", "", word.lower())
    if w in ("central", "centre", "center"):
        return "central"
    w = w[:-3] if w.endswith("ern") else w
    return w if w in ("north", "south", "east", "west") else f"{w[:5]}-{w[5:]}"


def _part(m: _Mention, text: str, gaz) -> tuple[str | None, tuple[float, float] | None]:
    """The compass part of the place the text names, and that part's point if known."""
    if m.pick is None or m.pick.feature not in PART_FEATURES or m.kind == "facility":
        return None, None
    before = _PART_BEFORE.search(text[max(0, m.start - 40):m.start])
    after = _PART_AFTER.match(text[m.end:m.end + 30])
    hit = before or after
    if hit is None:
        return None, None
    word = next(g for g in hit.groups() if g)
    if before and (before.group("adj") or before.group("adj2")):
        if gaz.lookup(f"{word} {m.text}"):
            return None, None  # "South Korea", "Western Australia": a name of its own
        if word in ("North", "South", "East", "West") and m.pick.feature not in ("city", "admin1"):
            # "West Germany", "East Timor", "North Island": a capitalised bare compass word names a
            # country or island of its own; before a town or state it is a part ("North Texas")
            return None, None
    elif before and text[m.end:m.end + 2] in ("'s", "\u2019s"):
        return None, None  # "the centre of Chile's mining region" is the region's centre
    direction = _direction(word)
    return direction, gaz.part(m.pick, direction)


def _place(m: _Mention, kind: str, text: str, gaz) -> Place:
    p = m.pick
    if p is None:
        return Place(text=m.text, span=(m.start, m.end), feature="other", kind=kind)
    part, point = _part(m, text, gaz)
    return Place(text=m.text, span=(m.start, m.end), geonameid=p.geonameid, lat=p.lat, lon=p.lon,
                 country=p.country, feature=FEATURE_OUT.get(p.feature, p.feature), name=p.name, kind=kind,
                 part=part, part_lat=point[0] if point else None, part_lon=point[1] if point else None)


def extract_places(parsed, found) -> tuple[Place, ...]:
    """Places named in the article (toponyms, demonyms, metonyms, facilities) resolved to GeoNames."""
    gaz = load_gazetteer()
    mentions = _detect(parsed, gaz)
    _link_regions(mentions, parsed.text)
    _resolve(mentions)
    # a bare gazetteer hit on a small town stays only when the document is about its region
    _, admin1s, _ = _focus(mentions, "")
    kept = []
    for m in mentions:
        if m.extra.get("scan") and not m.sure:
            local = [c for c in m.candidates if (c.country, c.admin1) in admin1s and c.feature != "country"]
            if not local:
                continue
            m.pick = max(local, key=lambda c: c.population)
        kept.append(m)
    _place_counties(kept)
    # a place inside an organisation's name ("North Atlantic" of the North Atlantic Treaty Organisation,
    # "U.S." of "U.S. Steel") is GeoWebNews's embedded toponym: named, but no place the story happens in
    orgs = [(e.start_char, e.end_char) for e in parsed.doc.ents if e.label_ == "ORG"]
    out = []
    for m in kept:
        kind = m.kind
        if any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in orgs):
            kind = "embedded"
        elif kind == "toponym" and _metonym(parsed, m):
            if m.pick.feature == "city" and not m.pick.capital and m.pick.population < METONYM_MIN_POP:
                continue  # "Denton said": a person the model took for a town
            kind = "metonym"
        out.append(_place(m, kind, parsed.text, gaz))
    return tuple(out)
