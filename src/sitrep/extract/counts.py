"""Counts: numbers that count something ("roughly 200 Canadian special forces").

What counts: a cardinal number (digits, number words, "1.5 million", "two dozen", or
"hundreds/thousands of", read as "more than" 100/1000) attached to a noun it quantifies,
through ``nummod`` or a following "of"/"for" phrase. What does not: dates, years, times,
ages, ordinals, money and percentages (amounts and ratios, not things that can be counted:
spaCy's MONEY/PERCENT spans and currency nouns), durations and measures ("three days",
"41 feet"), numbers inside names ("the Final Four"), addresses, partitives ("one of the
players"), fractional values without a scale word, a lone "one" thing that is not an
actor, and numbers with no counted noun. ``object`` is the counted noun phrase without the words
that name its actor ("special forces"); the actor comes from the actor KB over the whole
phrase and the entity whose mention it overlaps; the place is the first place named
after the count in its sentence (or before it, when none follows).
"""
from __future__ import annotations

import re

from ..kb.actors import lookup_actor
from ..records import Count, CountActor, PlaceRef
from .entities import entity_at

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000,
           "billion": 1_000_000_000, "m": 1_000_000, "bn": 1_000_000_000}
# "hundreds of protesters": more than one hundred, and only that is certain
_PLURAL_SCALES = {"hundreds of thousands": 100_000, "tens of thousands": 10_000,
                  "hundreds of millions": 100_000_000, "tens of millions": 10_000_000,
                  "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
                  "millions": 1_000_000}  # longest first: "hundreds of thousands" is one
_QUALIFIERS = {
    "more than": "more than", "over": "more than", "at least": "more than", "upwards of": "more than",
    "in excess of": "more than", "fewer than": "less than", "less than": "less than",
    "under": "less than", "below": "less than", "up to": "up to", "as many as": "up to",
    "about": "about", "around": "about", "roughly": "about", "approximately": "about",
    "some": "about", "nearly": "about", "almost": "about", "close to": "about",
    "an estimated": "about", "estimated": "about", "approx.": "about", "exactly": "exactly",
    "precisely": "exactly",
}
_SKIP_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}
# durations, ratios, measures and directions ("41 feet", "200 east"): amounts, not things
_NOT_COUNTED = {
    "second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "percent",
    "per", "cent", "%", "time", "times", "inch", "foot", "feet", "yard", "mile", "metre", "meter",
    "kilometre", "kilometer", "km", "cm", "mm", "kg", "lb", "pound", "ounce", "gram", "kilogram",
    "ton", "tonne", "gallon", "litre", "liter", "barrel", "acre", "hectare", "degree", "mph",
    "point", "east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest",
    "dollar", "euro", "yen", "yuan", "rupee", "franc", "peso", "rouble", "ruble", "pound sterling",
    "st", "nd", "rd", "th",
}
_LOCATIVE = {"in", "to", "at", "into", "near", "across", "inside", "from", "throughout", "around", "within"}
_AGE = re.compile(r"^(?:-|\s)?years?(?:-|\s)old", re.I)


def _word_value(word: str) -> float | None:
    word = word.lower().replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in _UNITS:
        return float(_UNITS[word])
    if word in _TENS:
        return float(_TENS[word])
    if "-" in word:
        parts = [_word_value(p) for p in word.split("-")]
        return sum(parts) if all(p is not None for p in parts) else None
    return None


def _number_value(words: list[str]) -> float | None:
    """The value of a number written in words and/or digits, or None."""
    total = current = 0.0
    seen = False
    for word in words:
        low = word.lower().replace(",", "")
        if low in ("a", "an") and not seen:
            current, seen = 1.0, True
        elif low == "and" and seen:
            continue
        elif low in _SCALES and seen:
            current = (current or 1.0) * _SCALES[low]
            if _SCALES[low] >= 1000:
                total, current = total + current, 0.0
        elif (value := _word_value(low)) is not None:
            current, seen = current + value, True
        else:
            return None
    return total + current if seen else None


def _is_number(tok) -> bool:
    low = tok.lower_.replace(",", "")
    return (_word_value(low) is not None or (low in _SCALES and tok.i > 0 and _word_value(
        tok.doc[tok.i - 1].lower_.replace(",", "")) is not None)) and tok.ent_type_ not in _SKIP_ENTS


def _qualifier(doc, first) -> tuple[int, str | None]:
    """Index of the first token of a qualifier right before token ``first``, and its name."""
    for n in (3, 2, 1):
        if first - n < 0:
            continue
        words = " ".join(t.lower_ for t in doc[first - n:first])
        if words in _QUALIFIERS:
            return first - n, _QUALIFIERS[words]
    return first, None


def _counted(doc, first, last):
    """Tokens of the counted noun phrase after the number in tokens ``first..last``."""
    for tok in doc[first:last + 1]:
        head = tok.head
        if tok.dep_ in ("nummod", "quantmod", "compound") and head.i > last and head.pos_ in ("NOUN", "PROPN"):
            return doc[last + 1:head.i + 1]
    nxt = doc[last + 1] if last + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in ("of", "for"):
        objects = [c for c in nxt.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
        if objects:
            start = nxt.i + 1
            while start < objects[0].i and doc[start].pos_ == "DET":
                start += 1
            return doc[start:objects[0].i + 1]
    return None


def _in_name(tok) -> bool:
    """A number that is part of a name: "the Final Four", "Group of Seven"."""
    if tok.ent_type_ and tok.ent_type_ not in ("CARDINAL", "QUANTITY"):
        return True
    return tok.is_alpha and tok.is_title and not tok.is_sent_start


def _runs(parsed):
    """Maximal runs of number tokens outside dates, money, percentages and the header."""
    doc, text = parsed.doc, parsed.text
    i = 0
    while i < len(doc):
        tok = doc[i]
        ahead = text[tok.idx:tok.idx + 30].lower()
        plural = next((p for p in _PLURAL_SCALES if ahead.startswith(p + " of")
                       and (tok.idx == 0 or not text[tok.idx - 1].isalnum())), None)
        if plural and not parsed.in_header(tok.idx):
            n = len(plural.split())
            yield i, i + n - 1, float(_PLURAL_SCALES[plural]), "more than"
            i += n
            continue
        if not _is_number(tok) or parsed.in_header(tok.idx) or _in_name(tok):
            i += 1
            continue
        j = i
        # "9 two blocks" and "one five" are two numbers; "one hundred and twenty",
        # "twenty one" and "2 million" are one
        while j + 1 < len(doc) and (
                doc[j + 1].lower_ in _SCALES and _is_number(doc[j + 1])
                or doc[j].lower_ in _TENS and doc[j + 1].lower_ in _UNITS
                or doc[j].lower_ in _SCALES and doc[j + 1].is_alpha and _is_number(doc[j + 1])
                or doc[j + 1].lower_ == "and" and doc[j].lower_ in _SCALES and j + 2 < len(doc)
                and doc[j + 2].is_alpha and _is_number(doc[j + 2])):
            j += 1
            if doc[j].lower_ == "and":
                j += 1
        start = i
        if i > 0 and doc[i - 1].lower_ in ("a", "an") and doc[i].lower_ in _SCALES:
            start = i - 1
        value = _number_value([t.text for t in doc[start:j + 1]])
        if value is not None:
            yield start, j, value, None
        i = j + 1


def _located(doc, offset: int) -> bool:
    """True if the place at ``offset`` is introduced by a locative preposition ("in central
    Iraq"), not used as a modifier ("the US-led coalition")."""
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    i = span.start - 1 if span is not None else -1
    while i >= 0 and i > span.start - 3 and doc[i].pos_ in ("DET", "ADJ", "PROPN"):
        i -= 1
    return i >= 0 and doc[i].lower_ in _LOCATIVE


def _place(doc, found, sentence, start: int, end: int) -> PlaceRef | None:
    def fits(offset: int) -> bool:
        return (sentence.start_char <= offset < sentence.end_char and not start <= offset < end
                and _located(doc, offset))

    located = sorted((p.span[0], PlaceRef.of(p))
                     for p in found.places if p.kind not in ("demonym", "embedded") and fits(p.span[0]))
    if not located:
        # without resolved places, the document's place entities stand in (no geonameid)
        located = sorted((s, PlaceRef(name=e.name)) for e in found.entities if e.kind == "place"
                         for s, _ in e.mentions if fits(s))
    after = [ref for offset, ref in located if offset >= end]
    return after[0] if after else (located[-1][1] if located else None)


def extract_counts(parsed, found) -> tuple[Count, ...]:
    doc, text = parsed.doc, parsed.text
    date = parsed.article.published
    time_spans = [t.span for t in found.times]
    out = []
    for first, last, value, qualifier in _runs(parsed):
        if any(s <= doc[first].idx < e for s, e in time_spans):
            continue
        after = text[doc[last].idx + len(doc[last].text):]
        if _AGE.match(after) or (first > 0 and doc[first - 1].lower_ in ("aged", "age", "$", "no.", "number")):
            continue
        phrase = _counted(doc, first, last)
        if phrase is None or not len(phrase):
            continue
        head = phrase[-1]
        if (head.lemma_.lower() in _NOT_COUNTED or head.lower_ in _NOT_COUNTED
                or head.ent_type_ in _SKIP_ENTS or not phrase[0].text[0].isalnum()):
            continue
        if head.tag_ == "NNP" and head.ent_type_ != "NORP":
            continue  # an address or a road ("6016 Dublin Road"), not a count
        if value != int(value) and not any(t.lower_ in _SCALES for t in doc[first:last + 1]):
            continue  # "4.2 grade": a measure; only "1.5 million" can count things
        if any(t.like_num for t in phrase) or (value == 1 and doc[last + 1].lower_ == "of"):
            continue  # "one of its eight seats", "one of the scenarios": partitives
        digits = doc[first].text
        if len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2100 and head.tag_ != "NNS":
            continue  # a year ("the 2020 election")
        qstart, named = _qualifier(doc, first)
        qualifier = qualifier or named
        start, end = doc[qstart].idx, head.idx + len(head.text)
        # the counted thing without the words that say whose it is
        named = [t.i for t in phrase if t.ent_type_ in ("NORP", "GPE", "ORG") and t.i < head.i]
        obj_tokens = [t for t in phrase if t.i > max(named, default=-1) and t.is_alpha
                      and t.pos_ != "DET" and t.dep_ != "poss"]
        obj = text[obj_tokens[0].idx:end] if obj_tokens else head.text
        actor = None
        coded = lookup_actor(text[phrase[0].idx:end], date=date)
        if coded is not None and (coded.code or coded.sector) and coded.kind != "place":
            entity = entity_at(found.entities, phrase[0].idx, end)
            if entity is not None and entity.kind == "place" and coded.code and entity.code != coded.code:
                entity = None
            actor = CountActor(code=coded.code, sector=coded.sector,
                               entity=entity.id if entity else None)
        if value == 1 and actor is None:
            continue  # "one option", "at least one veranda": a lone thing is rarely news
        out.append(Count(
            text=text[start:end], span=(start, end), value=int(value) if value == int(value) else value,
            approx=qualifier not in (None, "exactly"), object=obj, actor=actor,
            place=_place(doc, found, head.sent, start, end), qualifier=qualifier))
    return tuple(out)
