"""Quotes and their speakers: direct, indirect and mixed attributions.

Direct quotes come from the quotation marks (``marks.quote_segments``), indirect ones from
the dependency parse (a clausal complement of a reporting verb, "according to X"). A
reporting clause is found for every quote (``cues``); its subject is the speaker
(``speakers``), resolved to a name (``resolve``) through the entities stage when it ran, else
through spaCy's PERSON/ORG mentions. The steps share one ``QuoteDoc`` and pass
``Candidate`` records.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Optional

from ...records import Quote, Speaker, Span, TextSpan
from .cues import content_of, medium_and_date, window_cue
from .document import QuoteDoc
from .lexicon import BELIEF_VERBS
from .speakers import adjacent_speaker, colon_lines, colon_speaker, colon_subject, dash_speaker, speaker_of


@dataclass(eq=False)
class Candidate:
    """A stretch of text that may be a quote, before its speaker is known."""
    span: Span
    type: str  # direct|indirect|mixed
    cue: object = None  # the reporting word (a spaCy token), if one was found
    chain: Optional[tuple[Span, ...]] = None  # the quotation-mark segments, for a quotation
    speaker: Optional[Speaker] = None  # given by the layout ('Source: statement')
    parts: tuple[Span, ...] = ()
    said: bool = True  # said or written (a quote), else believed, planned or stood for (an attribution)


def _scare_quote(d: QuoteDoc, chain) -> bool:
    """A few quoted words inside a sentence ("Ted Cruz" pins), not set off as a statement."""
    (start, _), end = chain[0], chain[-1][1]
    if len(chain) > 1 or len(d.text[start:end].split()) >= 4:
        return False
    after = d.text[end:end + 4].lstrip("”\"'’ ")
    before = d.text[max(0, start - 4):start].rstrip("“\"'‘ ")
    return not (after[:1] in (",", "—", "–", "") or before.endswith(":") or d.text[end - 1] in ",!?")


def _merge(spans) -> list[tuple[int, int]]:
    """Sorted spans with overlapping or touching ones (a closing mark apart) joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1] + 2:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _only_attribution(d: QuoteDoc, prev: Quote, start: int) -> bool:
    """Nothing but marks, the previous quote's speaker and cue lie between it and ``start``, in
    one paragraph."""
    skip = [prev.speaker.span if prev.speaker and prev.speaker.span else (0, 0), prev.cue.span if prev.cue else (0, 0)]
    gap = [i for i in range(prev.span[1], start) if d.text[i].isalnum() and not any(a <= i < b for a, b in skip)]
    return len(gap) <= 12 and prev.span[1] < start and "\n" not in d.text[prev.span[1]:start]


def _quote_type(d: QuoteDoc, span: tuple[int, int]) -> str:
    letters, inside = d.quoted_letters(*span)
    if letters and inside >= 0.9 * letters:
        return "direct"
    return "mixed" if inside else "indirect"


def _outermost(out: list[Candidate]) -> list[Candidate]:
    """Candidates whose cue is not inside another's content: in "X says Y thinks Z" the
    statement is X's, and news corpora attribute Y's belief only through it."""
    def within(cue, cand):
        return cue is not None and cand.span[0] <= cue.idx < cand.span[1]

    ordered = sorted(out, key=lambda c: c.span[0])
    starts = [c.span[0] for c in ordered]
    longest = max((c.span[1] - c.span[0] for c in ordered), default=0)

    def around(cue):  # the candidates that may hold the cue: none starts after it or too far before
        return ordered[bisect_left(starts, cue.idx - longest):bisect_right(starts, cue.idx)]

    return [c for c in out if c.cue is None or not any(
        o is not c and within(c.cue, o) and not within(o.cue, c) for o in around(c.cue))]


def extract_quotes(parsed, found) -> tuple[Quote, ...]:
    """What a person or body said or wrote in the article, with speaker, cue, medium and date."""
    return extract_statements(parsed, found)["quotes"]


def extract_statements(parsed, found) -> dict[str, tuple[Quote, ...]]:
    """Every attribution in the article: ``quotes`` (said or written) and ``attributions``
    (believed, hoped, planned, known or found), each with speaker, cue, medium and date."""
    d = QuoteDoc(parsed, found)
    history: list[Speaker] = []
    out: list[Candidate] = []
    claimed: set[int] = set()  # chains already attributed through a clause
    for tok in d.cues:
        if d.quoted(tok.idx) or parsed.in_header(tok.idx) or parsed.in_boilerplate(tok.idx):
            continue
        content = content_of(d, tok)
        if content is None or content[0][-1][1] <= content[0][0][0]:
            continue
        pieces, said = content
        span = (pieces[0][0], pieces[-1][1])
        qtype = _quote_type(d, span)
        hits = d.chains_over(*span)
        if hits and qtype == "direct":
            continue  # the quote pass below attributes it with its own span
        if hits and (tok.idx > span[1] or d.quoted(span[0])):
            # '"...," Eastland, wearing a hat, said' and 'crowed, "Oh, it's my rose," which is
            # when ...' parsed as one clause: the quote ends it
            ends = [e for i in hits for _, e in d.chains[i] if span[0] < e < span[1]
                    and (d.text[e - 1] == "," or d.text[e:e + 3].lstrip("”\"'’ ").startswith(","))]
            if ends:
                pieces = [(a, min(b, ends[0])) for a, b in pieces if a < ends[0]]
                span = (pieces[0][0], pieces[-1][1])
                qtype = _quote_type(d, span)
                if qtype == "direct":
                    continue
        if hits:
            # the paraphrase takes in the quoted words it only partly covers
            claimed.update(hits)
            pieces = _merge(pieces + [seg for i in hits for seg in d.chains[i]])
            span = (pieces[0][0], pieces[-1][1])
        # words in quotation marks are what was said, whatever verb frames them ("described the
        # raid as “basically kidnapping”"), unless the verb is one of believing
        said = said or qtype != "indirect" and tok.pos_ != "NOUN" and tok.lemma_.lower() not in BELIEF_VERBS
        out.append(Candidate(span, qtype, tok, parts=tuple(pieces) if len(pieces) > 1 else (), said=said))
    for i, chain in enumerate(d.chains):
        if i in claimed or _scare_quote(d, chain):
            continue
        cue = window_cue(d, chain)
        colon = colon_speaker(d, chain[0][0]) or colon_subject(d, chain[0][0]) if cue is None else None
        out.append(Candidate((chain[0][0], chain[-1][1]), "direct", cue, chain=tuple(chain), speaker=colon,
                             parts=tuple(chain) if len(chain) > 1 else ()))
    for speaker, span in colon_lines(d):
        if parsed.in_boilerplate(span[0]):
            continue
        inside = [c for c in out if span[0] <= c.span[0] < span[1]]
        if any(c.chain is not None and c.span[1] - c.span[0] >= 0.8 * (span[1] - span[0]) for c in inside):
            continue
        # 'Cruz: Trump Would Put ‘Liberals’ On Court': the whole line is the statement, the
        # quoted words and clauses inside it are parts of it
        out = [c for c in out if c not in inside]
        out.append(Candidate(span, _quote_type(d, span), None, speaker=speaker))
    out = _outermost(out)
    out.sort(key=lambda c: c.span[0])

    records: list[Quote] = []
    said: list[bool] = []
    links: list[int | None] = []  # the index of the record each one continues
    last: int | None = None  # the latest record with a speaker
    for cand in out:
        span, qtype, cue, chain, parts = cand.span, cand.type, cand.cue, cand.chain, cand.parts
        speaker = cand.speaker or (speaker_of(d, cue, history) if cue is not None else None)
        if cue is not None and chain is not None and cue.idx > span[1] and (
                speaker is None or speaker.span[0] < span[0] or speaker.span[0] > cue.idx + 60):
            speaker = adjacent_speaker(d, chain, cue, history) or speaker
        medium = date = None
        if cue is not None:
            medium, date = medium_and_date(d, cue)
        floating = continues = None
        if speaker is None and chain is not None:
            speaker = dash_speaker(d, chain)
            if speaker is None and last is not None and _follows(d, records[last], span[0]) \
                    and len(d.text[span[0]:span[1]].split()) >= 4:
                # a quotation with no attribution of its own goes on from the quote before it
                # (a floating quote); right after that quote (nothing but marks and its
                # attribution between) it is a piece of the same statement
                speaker, floating = records[last].speaker, True
                if records[last].type == "direct" and _only_attribution(d, records[last], span[0]):
                    continues = last
            if speaker is None and len(d.text[span[0]:span[1]].split()) < 8:
                continue  # scare quotes and titles are not statements
        if cue is not None and cue.pos_ == "NOUN" and speaker is None:
            continue  # a stance noun without its holder is a topic, not an attribution
        if chain is None and speaker is not None and speaker.span is not None and any(
                s <= speaker.span[0] < e for s, e in parts or (span,)):
            continue  # a paraphrase without a source outside it is not an attribution
        if speaker is not None and not floating:
            history.append(speaker)
        cue_ts = None
        if cue is not None:
            cue_end = cue.idx + len(cue)
            if cue.lower_ == "according":
                cue_end = next(c for c in cue.children if c.lower_ == "to").idx + 2
            cue_ts = TextSpan(text=d.text[cue.idx:cue_end], span=(cue.idx, cue_end))
        # a quotation split by its attribution is a quote per piece, as news analysts count
        # them: the piece next to the cue carries it, the others go on from the piece before
        pieces = list(chain) if chain is not None and len(chain) > 1 else [span]
        lead = _lead_piece(pieces, cue) if not floating else None
        for k, piece in enumerate(pieces):
            records.append(Quote(
                id="", type=qtype, text=d.text[piece[0]:piece[1]], span=piece, speaker=speaker,
                cue=cue_ts if k == lead else None, medium=medium, date=date,
                parts=parts if len(pieces) == 1 else (), floating=k != lead))
            said.append(cand.said)
            links.append(continues if k == 0 else len(records) - 2)
        if speaker is not None:
            last = len(records) - 1
    ids = _ids(said)
    records = [q.replace(id=ids[n], continues=ids[links[n]] if links[n] is not None else None)
               for n, q in enumerate(records)]
    return {"quotes": tuple(q for q, s in zip(records, said) if s),
            "attributions": tuple(q for q, s in zip(records, said) if not s)}


def _ids(said: list[bool]) -> list[str]:
    """q1, q2, ... for the quotes and a1, a2, ... for the attributions, in text order."""
    counts = {True: 0, False: 0}
    out = []
    for s in said:
        counts[s] += 1
        out.append(f"{'q' if s else 'a'}{counts[s]}")
    return out


def _lead_piece(pieces: list[Span], cue) -> int:
    """The piece its cue attributes: the last one before the cue, else the first."""
    if cue is None:
        return 0
    before = [k for k, (_, e) in enumerate(pieces) if e <= cue.idx]
    return before[-1] if before else 0


def _follows(d: QuoteDoc, prev: Quote, start: int) -> bool:
    """``start`` is in the paragraph of ``prev`` or the next one (boilerplate lines between
    do not count): where a quote without attribution still speaks for the same person."""
    gap = d.text[prev.span[1]:start]
    return not any(0 < m.start() and m.end() < len(gap) and not d.parsed.in_boilerplate(prev.span[1] + m.start())
                   for m in re.finditer(r"[^\n]*\S[^\n]*", gap))
