"""The people an article names, for resolving "he said" and "she said": where each is named,
whether as the subject of a clause, and the gender the article gives each.

Gender comes from the article first: an honorific or a gendered role noun with the name ("Mr.",
"spokeswoman", "the father of ..."), the pronouns that follow the person as a subject; then from
a list of given names (``kb/data/given_names.tsv``). A pronoun goes to the latest person named
before it outside quotation marks who agrees in gender and was the subject of a clause or a
speaker, never to someone only mentioned in passing ("after the death of Jordan Lafond").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Optional

from ..entities import without_titles
from ...kb.actors import lookup_actor
from .lexicon import BODY_NOUNS, DATA, FEMALE_WORDS, MALE_WORDS, ORG_WORDS, PRONOUNS
from .marks import bare, tidy_name

if TYPE_CHECKING:
    from .document import QuoteDoc

_SUBJECT = ("nsubj", "nsubjpass", "csubj")
_PERSONAL = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
# weights of the evidence for a person's gender: the article's own words outweigh a given name,
# which outweighs one pronoun that follows the person
EXPLICIT, GIVEN, PRONOUN = 3, 2, 1


@dataclass(frozen=True)
class PersonMention:
    """One naming of a person outside quotation marks."""
    i: int  # token index of the name's head
    start: int
    end: int
    key: str  # the person: entity id, else the fullest name
    name: str  # the fullest name the article gives, without titles
    entity: Optional[object]  # the Entity of the entities stage, if any
    subject: bool  # the subject of its clause ("Lonechild said"), not one mentioned in passing


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    out = {}
    for line in (DATA / "given_names.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            gender, names = line.split("\t")
            out.update((n.lower(), gender) for n in names.split())
    return out


@lru_cache(maxsize=4096)  # the same names come again and again within an article
def person_name(text: str) -> str:
    """A name as a speaker's name: no possessive, quotation marks or titles ("Chief Na'moks")."""
    name = re.sub(r"\s*(?:[“\"][^”\"]{1,20}[”\"]|\([^()]{1,20}\))\s*", " ", text).strip(" ,.\"'’‘“”")  # no nickname
    for end in ("'s", "’s", "‘s"):
        name = name.removesuffix(end)
    return without_titles(name.strip(" ,.\"'’‘“”"))


@lru_cache(maxsize=4096)
def same_name(mention: str, name: str) -> bool:
    """Each word of a person's mention is a word of ``name`` (an initial, its first letter):
    "Stoltenberg" and "J. Stoltenberg" are "Jens Stoltenberg", "Reagan" is not "Donald Regan",
    whatever spelling the entities stage forgives."""
    words = [w.lower().replace("’", "'") for w in re.split(r"[\s\-]+", person_name(name)) if w]
    mine = [w.lower().replace("’", "'") for w in re.split(r"[\s\-]+", person_name(mention)) if w]
    return bool(mine) and all(w in words or len(w) <= 2 and w.endswith(".") and any(x[:1] == w[:1] for x in words)
                              for w in mine)


def looks_like_person(text: str) -> bool:
    """Two to four capitalised words, none naming a kind of body, that the KB does not know:
    a person's name, whatever label the model gave it."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.replace("-", "").replace("'", "").replace("’", "").isalpha()
                                        for w in words) \
        and not any(w.lower() in BODY_NOUNS or w.lower() in ORG_WORDS for w in words) and lookup_actor(text) is None


class People:
    """Every person the article names outside quotation marks, in order, with their genders."""

    def __init__(self, d: QuoteDoc):
        self.d = d
        self.mentions = self._mentions()
        self.at = [m.i for m in self.mentions]
        self.gender = self._genders()

    def _mentions(self) -> list[PersonMention]:
        d, out = self.d, []
        spans = [(s, e, ent) for ent in d.found.entities if ent.kind == "person" for s, e in ent.mentions]
        spans += [(e.start_char, e.end_char, None) for e in d.ents if e.label_ == "PERSON"]
        # a name the model missed or took for a body, known from the names table
        for lo, hi in d.runs:
            if any(bare(t.text) in d.names for t in d.doc[lo:hi]):
                spans.append((d.doc[lo].idx, d.doc[hi - 1].idx + len(d.doc[hi - 1]), None))
        taken: list[tuple[int, int]] = []
        for s, e, ent in sorted(spans, key=lambda x: (x[2] is None, x[0])):  # the entities' first
            if any(a < e and s < b for a, b in taken) or d.quoted(s) or d.parsed.in_header(s) \
                    or d.parsed.in_boilerplate(s):
                continue
            span = d.doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            taken.append((s, e))
            if ent is not None and not same_name(span.text, ent.name or ""):
                ent = None  # "Reagan" joined to "Donald Regan" is another person
            name = person_name(ent.name if ent is not None and ent.name else d.names.get(bare(span.text), span.text))
            if name in d.company_names or tidy_name(span.text) in d.company_names:
                continue  # "Rainier Bancorp said ... he said": a company is no "he"
            root = span.root
            while root.dep_ in ("compound", "flat", "appos", "conj") and root.head.i != root.i:
                root = root.head
            out.append(PersonMention(span.root.i, s, e, ent.id if ent is not None else name.lower(), name, ent,
                                     root.dep_ in _SUBJECT))
        return sorted(out, key=lambda m: m.start)

    def _genders(self) -> dict[str, str]:
        votes: dict[str, list[int]] = {}
        doc = self.d.doc
        for k, m in enumerate(self.mentions):
            tally = votes.setdefault(m.key, [0, 0])
            words = {t.lower_.rstrip(".") for t in doc[max(0, m.i - 4):m.i]}
            words |= {w.lower().rstrip(".") for role in (m.entity.roles if m.entity is not None else ())
                      for w in role.split()}
            head = doc[m.i]
            words |= {c.lower_ for c in head.children if c.dep_ == "appos"}
            words -= _PERSONAL.keys()  # "his father, Ernie LeBlanc": the pronoun is someone else's
            tally[0] += EXPLICIT * bool(words & MALE_WORDS)
            tally[1] += EXPLICIT * bool(words & FEMALE_WORDS)
            first = m.name.split()[0].lower() if len(m.name.split()) > 1 else None
            given = given_names().get(first or "")
            tally[0] += GIVEN * (given == "m")
            tally[1] += GIVEN * (given == "f")
            if m.subject:
                following = self._next_pronoun(k)
                tally[0] += PRONOUN * (following == "m")
                tally[1] += PRONOUN * (following == "f")
        return {key: "m" if m > f else "f" if f > m else None for key, (m, f) in votes.items()}

    def _next_pronoun(self, k: int) -> str | None:
        """The gender of the first personal pronoun after mention ``k``, in its sentence or as
        the next sentence's subject, before anyone else is named."""
        d, m = self.d, self.mentions[k]
        stop = self.mentions[k + 1].i if k + 1 < len(self.mentions) else len(d.doc)
        sent = d.doc[m.i].sent
        for t in d.doc[m.i + 1:min(stop, sent.end)]:
            if t.lower_ in _PERSONAL and not d.quoted(t.idx):
                return _PERSONAL[t.lower_]
        if sent.end < stop:
            nxt = d.doc[sent.end:min(stop, sent.end + 40)]
            for t in nxt:
                if t.dep_ in _SUBJECT and t.lower_ in _PERSONAL and not d.quoted(t.idx):
                    return _PERSONAL[t.lower_]
                if t.is_sent_start and t.i > sent.end:
                    break
        return None

    def described(self, i: int, noun: str, age: str | None) -> PersonMention | None:
        """The latest person named before token ``i`` whom the article described with ``noun``
        ("Caleb Jones, a rookie defenceman", "rookie defenceman Caleb Jones") or, given ``age``,
        as that old ("Al Mnajer, 32,", "32-year-old Mohammad Al Mnajer")."""
        d = self.d
        for m in reversed(self.mentions[:bisect_left(self.at, i)]):
            if age is not None:
                around = d.text[max(0, m.start - 20):m.end + 8]
                if f"{age}-year-old" in around or f", {age}," in d.text[m.end:m.end + 8]:
                    return m
                continue
            head = d.doc[m.i]
            words = {t.lower_ for c in head.children if c.dep_ in ("appos", "compound", "amod") for t in c.subtree}
            words |= {w.lower() for role in (m.entity.roles if m.entity is not None else ()) for w in role.split()}
            if noun in words:
                return m
        return None

    def antecedent(self, i: int, pronoun: str, speakers: set[int] = frozenset()) -> PersonMention | None:
        """The person "he" or "she" at token ``i`` stands for: the latest one named before it who
        agrees in gender and was a subject or a speaker (``speakers``: their mentions' starts);
        failing that, the latest who agrees."""
        want = PRONOUNS.get(pronoun)
        fallback = None
        for m in reversed(self.mentions[:bisect_left(self.at, i)]):
            have = self.gender.get(m.key)
            if want in ("m", "f") and have is not None and have != want:
                continue
            if m.subject or m.start in speakers:
                return m
            fallback = fallback or m
        return fallback
