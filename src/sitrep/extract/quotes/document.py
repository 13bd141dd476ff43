"""The article as the quote steps see it: the parse, the quotation marks, and the people named.

Every lookup the steps repeat is built once here and answered by bisection, so that the cost
of quote extraction grows with the length of the article, not with its square.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .bodies import company_mentions, company_names
from .cues import is_cue
from .marks import bare, quote_segments, sentence_end
from .people import People, given_names, same_name


class QuoteDoc:
    """The parse plus per-document lookups shared by the steps."""

    def __init__(self, parsed, found):
        self.parsed, self.found, self.doc, self.text = parsed, found, parsed.doc, parsed.text
        title = parsed.article.title_span
        if title is None:
            first = self.text.split("\n", 1)[0]
            title = (0, len(first)) if 0 < len(first) < 200 else None
        # boilerplate ("READ MORE: …", captions) is no one's statement
        segments = quote_segments(self.text, single_spans=(title,) if title else ())
        segments = [c for c in segments if not parsed.in_boilerplate(c[0][0])]
        self.chains = self._join_split(segments)
        pieces = sorted((s, i) for i, chain in enumerate(self.chains) for s in chain)
        self.inside = [s for s, _ in pieces]
        self.chain_of = [i for _, i in pieces]
        self.starts = [s for s, _ in self.inside]
        self.ents = list(self.doc.ents)
        self.ent_starts = [e.start_char for e in self.ents]
        self.cues, self.runs = self._scan()
        self.names = _name_table(self.doc, self.text, self.runs)
        self.full_names = frozenset(self.names.values())
        self.entity_by_id = {ent.id: ent for ent in found.entities}
        self.mentions = sorted((s, e, k) for k, ent in enumerate(found.entities) for s, e in ent.mentions)
        self.mention_starts = [s for s, _, _ in self.mentions]
        self.companies = company_mentions(self.doc, self.text)
        self.company_names = company_names(self.companies)
        self.organisations = None  # bodies.main_body's, built on first use
        self.indefinite = None  # head word -> first token named with "a", "an", "one", "another"
        self.persons = self._person_tokens()
        self.person_at = [i for i, _, _ in self.persons]
        self.people = People(self)

    def _join_split(self, chains):
        """'"...," Stoltenberg said Thursday, "..."': one quotation around its attribution."""
        out = chains[:1]
        for chain in chains[1:]:
            lo, hi = out[-1][-1][1], chain[0][0]
            gap = self.text[lo:hi]
            span = self.doc.char_span(lo, hi, alignment_mode="contract") if "\n" not in gap and len(gap) < 160 else None
            # one reporting verb and one sentence between them; a second verb ("he says. He adds
            # that ...") or a sentence of the writer's starts a new statement
            words = re.sub(r"[\s\"“'‘«]+$", "", gap)
            first = next((i for i, ch in enumerate(words) if ch.isalnum()), len(words))
            if span is not None and sum(is_cue(t) for t in span) == 1 and words.endswith((",", ".", ":")) \
                    and not sentence_end(words, first, len(words)) and not self._own_cue(chain[-1][1]):
                out[-1] = out[-1] + chain
            else:
                out.append(chain)
        return out

    def _own_cue(self, end: int) -> bool:
        """'"...," she said. "...," she said': the next quotation has an attribution of its own."""
        tail = self.text[end:end + 60].split("\n", 1)[0]
        stop = re.search(r"[.!?]\s", tail)
        span = self.doc.char_span(end, end + (stop.start() if stop else len(tail)), alignment_mode="contract")
        return span is not None and len(span) <= 8 and any(is_cue(t) for t in span)

    def _scan(self) -> tuple[list, list]:
        """One pass over the tokens (each pass builds every Token again): the reporting words,
        and the runs of capitalised proper nouns that may be names."""
        cues, runs, run = [], [], []
        for tok in self.doc:
            if tok.pos_ == "PROPN" and tok.is_title:
                run.append(tok.i)
            elif run:
                runs.append((run[0], run[-1] + 1))
                run = []
            if is_cue(tok):
                cues.append(tok)
        if run:
            runs.append((run[0], run[-1] + 1))
        return cues, runs

    def quoted(self, idx: int) -> bool:
        i = bisect_right(self.starts, idx) - 1
        return i >= 0 and self.inside[i][0] <= idx < self.inside[i][1]

    def quoted_letters(self, start: int, end: int) -> tuple[int, int]:
        """(letters in text[start:end], of them inside quotation marks)."""
        letters = sum(ch.isalpha() for ch in self.text[start:end])
        inside = 0
        for s, e in self.inside[max(0, bisect_right(self.starts, start) - 1):bisect_left(self.starts, end)]:
            lo, hi = max(s, start), min(e, end)
            if lo < hi:
                inside += sum(ch.isalpha() for ch in self.text[lo:hi])
        return letters, inside

    def chains_over(self, start: int, end: int) -> list[int]:
        """Indexes of the quotation chains with a segment overlapping [start, end)."""
        lo = max(0, bisect_right(self.starts, start) - 1)
        found = {self.chain_of[k] for k in range(lo, bisect_left(self.starts, end))
                 if self.inside[k][0] < end and start < self.inside[k][1]}
        return sorted(found)

    def ent_of(self, tok):
        """The named entity holding token ``tok``, or None."""
        i = bisect_right(self.ent_starts, tok.idx) - 1
        return self.ents[i] if i >= 0 and self.ents[i].start <= tok.i < self.ents[i].end else None

    def ents_between(self, start: int, end: int) -> list:
        """Named entities starting in [start, end)."""
        return self.ents[bisect_left(self.ent_starts, start):bisect_left(self.ent_starts, end)]

    def entities_over(self, start: int, end: int) -> list:
        """Entities (of the entities stage) with a mention overlapping [start, end), in their order."""
        # mentions are short: one starting more than a sentence before cannot reach ``start``
        lo = bisect_left(self.mention_starts, start - 200)
        hits = {k for s, e, k in self.mentions[lo:bisect_left(self.mention_starts, end)] if s < end and start < e}
        return [self.found.entities[k] for k in sorted(hits)]

    def entity_at(self, start: int, end: int):
        """The entity with a mention overlapping [start, end), the largest overlap first (and
        the first entity among equals, as ``entities.entity_at`` picks it)."""
        lo = bisect_left(self.mention_starts, start - 200)
        best, size = None, 0
        for s, e, k in self.mentions[lo:bisect_left(self.mention_starts, end)]:
            overlap = min(e, end) - max(s, start)
            if overlap > size or overlap == size and best is not None and overlap > 0 and k < best:
                best, size = k, overlap
        return self.found.entities[best] if best is not None else None

    def _person_tokens(self) -> list[tuple[int, str, object]]:
        """(token index, fullest name, person entity or None) for each token of a person named
        outside quotation marks and the byline, in order (a name of several tokens comes once
        per token)."""
        at = {t.i for e in self.ents if e.label_ == "PERSON" for t in e}
        at |= {i for lo, hi in self.runs for i in range(lo, hi) if self.doc[i].text in self.names}
        out = []
        for i in sorted(at):
            tok = self.doc[i]
            if self.quoted(tok.idx) or self.parsed.in_header(tok.idx):
                continue
            ent = self.ent_of(tok) or self.doc[tok.i:tok.i + 1]
            key = bare(ent.text)
            record = self.entity_at(ent.start_char, ent.end_char)
            name = self.names.get(key, self.names.get(tok.text, key))
            person = record is not None and record.kind == "person" and same_name(ent.text, record.name or "")
            out.append((tok.i, name, record if person else None))
        return out

    def persons_before(self, i: int):
        """(fullest name, person entity or None) for each person named before token ``i``, latest
        first, as ``_person_tokens`` lists them."""
        for k in range(bisect_left(self.person_at, i) - 1, -1, -1):
            yield self.persons[k][1:]


def _name_table(doc, text: str, runs: list[tuple[int, int]]) -> dict[str, str]:
    """Surname or short form -> fullest person name seen in the document: spaCy's PERSON
    mentions, and runs of proper nouns opening with a given name, which the small model often
    takes for a body or misses ("Amanda Nunes" as an organisation, "Ian Poulter’s" as nothing)."""
    full: dict[str, str] = {}
    names = [bare(ent.text) for ent in doc.ents if ent.label_ == "PERSON"]
    names += [bare(doc[lo:hi].text) for lo, hi in runs if 2 <= hi - lo <= 4 and doc[lo].lower_ in given_names()]
    # "James E. (Jim) Nugent", which the model splits into "James E." and "Jim": James E. Nugent,
    # also called Jim
    nicknames = [(f"{m.group(1)} {m.group(3)}", m.group(2)) for m in _NICKNAMED.finditer(text)
                 if m.group(1).split()[0].lower() in given_names()]
    names += [name for name, _ in nicknames]
    for name in names:
        parts = name.split()
        for key in (name, *(parts[::max(1, len(parts) - 1)] if parts else ())):  # the first and the last word
            if len(name) > len(full.get(key, "")):
                full[key] = name
    for name, nickname in nicknames:
        given = " ".join(name.split()[:-1])
        full[nickname] = full[given] = full[bare(given)] = name
    return full


_NICKNAMED = re.compile(r"\b([A-Z][\w'’-]+(?: [A-Z]\.)?) \(([A-Z][a-z][\w'’-]*)\) ([A-Z][\w'’-]+)\b")
