"""Quotes and their speakers: direct, indirect and mixed attributions.

Direct quotes come from the quotation marks (``marks.quote_segments``), indirect ones from
the dependency parse (a clausal complement of a reporting verb, "according to X"). A
reporting clause is found for every quote (``cues``); its subject is the speaker
(``speakers``), resolved to a name (``resolve``) through the entities stage when it ran, else
through spaCy's PERSON/ORG mentions. The steps share one ``QuoteDoc`` and pass
``Candidate`` records.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Optional

from ...records import Quote, Speaker, Span, TextSpan
from .cues import content_of, is_cue, medium_and_date, window_cue
from .document import QuoteDoc
from .lexicon import BELIEF_VERBS
from .speakers import adjacent_speaker, colon_lines, colon_speaker, dash_speaker, speaker_of


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
    """Nothing but marks, the previous quote's speaker and cue lie between it and ``start``."""
    skip = [prev.speaker.span if prev.speaker and prev.speaker.span else (0, 0), prev.cue.span if prev.cue else (0, 0)]
    gap = [i for i in range(prev.span[1], start) if d.text[i].isalnum() and not any(a <= i < b for a, b in skip)]
    return len(gap) <= 12 and prev.span[1] < start


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
    for tok in d.doc:
        if not is_cue(tok) or d.quoted(tok.idx) or parsed.in_header(tok.idx) or parsed.in_boilerplate(tok.idx):
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
        colon = colon_speaker(d, chain[0][0]) if cue is None else None
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

    quotes: list[Quote] = []
    said: list[bool] = []
    last_speaker: Speaker | None = None
    last_end = -1
    for cand in out:
        span, qtype, cue, chain, parts = cand.span, cand.type, cand.cue, cand.chain, cand.parts
        speaker = cand.speaker or (speaker_of(d, cue, history) if cue is not None else None)
        if cue is not None and chain is not None and cue.idx > span[1] and (
                speaker is None or speaker.span[0] < span[0] or speaker.span[0] > cue.idx + 60):
            speaker = adjacent_speaker(d, chain, cue, history) or speaker
        medium = date = None
        if cue is not None:
            medium, date = medium_and_date(d, cue)
        if speaker is None and chain is not None:
            speaker = dash_speaker(d, chain)
            words = len(d.text[span[0]:span[1]].split())
            gap = d.text[last_end:span[0]] if last_end >= 0 else ""
            if speaker is None and last_speaker is not None and gap.count("\n") <= 2 and len(gap) < 400 and words >= 4:
                # a verb-less quote continues the previous speaker; right after that speaker's
                # quote (nothing but marks and the attribution between) it is the same quotation
                speaker = last_speaker
                prev = quotes[-1] if quotes else None
                if prev is not None and prev.type == "direct" and prev.speaker is last_speaker and _only_attribution(d, prev, span[0]):
                    parts = (prev.parts or (prev.span,)) + tuple(chain)
                    quotes[-1] = prev.replace(span=(prev.span[0], span[1]), parts=parts,
                                              text=d.text[prev.span[0]:span[1]])
                    last_end = span[1]
                    continue
            if speaker is None and words < 8:
                continue  # scare quotes and titles are not statements
        if cue is not None and cue.pos_ == "NOUN" and speaker is None:
            continue  # a stance noun without its holder is a topic, not an attribution
        if chain is None and speaker is not None and speaker.span is not None and any(
                s <= speaker.span[0] < e for s, e in parts or (span,)):
            continue  # a paraphrase without a source outside it is not an attribution
        if speaker is not None:
            history.append(speaker)
            last_speaker, last_end = speaker, span[1]
        # the output contract wants text == text[span]; ``parts`` say which pieces are quoted
        text = d.text[span[0]:span[1]]
        cue_ts = None
        if cue is not None:
            cue_end = cue.idx + len(cue)
            if cue.lower_ == "according":
                cue_end = next(c for c in cue.children if c.lower_ == "to").idx + 2
            cue_ts = TextSpan(text=d.text[cue.idx:cue_end], span=(cue.idx, cue_end))
        quotes.append(Quote(id="", type=qtype, text=text, span=span, speaker=speaker,
                            cue=cue_ts, medium=medium, date=date, parts=parts))
        said.append(cand.said)
    return {"quotes": _numbered([q for q, s in zip(quotes, said) if s], "q"),
            "attributions": _numbered([q for q, s in zip(quotes, said) if not s], "a")}


def _numbered(records: list[Quote], prefix: str) -> tuple[Quote, ...]:
    return tuple(q.replace(id=f"{prefix}{n}") for n, q in enumerate(records, 1))
