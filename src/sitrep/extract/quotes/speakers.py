"""Speakers: the mention a reporting word or a quotation's layout names as its source."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...nlp.datelines import DATELINE
from ...records import Speaker
from .cues import detached_source, inverted_source, owner, subject
from .lexicon import SPEECH_VERBS
from .marks import trim_marks
from .mentions import mention_kind, span_of
from .resolve import resolve

if TYPE_CHECKING:
    from .document import QuoteDoc

_SUBJ = ("nsubj", "nsubjpass", "csubj")


def speaker_of(d: QuoteDoc, verb, history: list[Speaker]) -> Speaker | None:
    if verb.lower_ == "according":
        to = next(c for c in verb.children if c.lower_ == "to")
        objs = [c for c in to.children if c.dep_ == "pobj"]
        subj = objs[0] if objs else None
    elif inverted_source(d, verb) is not None:
        subj = inverted_source(d, verb)
    elif verb.pos_ == "NOUN":
        # "Trump's criticism of", "a statement from the ministry", "X voiced support for"
        subj = owner(verb)
        subj = subj if subj is not None else subject(verb.head) if verb.dep_ == "dobj" else None
    else:
        subj = subject(verb)
        if subj is not None and subj.dep_ == "nsubjpass":
            # "was criticized by X": the agent is the source
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            subj = agents[0] if agents else None
    if subj is None and verb.pos_ == "VERB":
        company = _bracketed_subject(d, verb)
        if company is not None:
            return _speaker(d, *company, history)
        source = detached_source(d, verb)
        if source is not None:
            return _speaker(d, d.doc[source[0]].idx, d.doc[source[1] - 1].idx + len(d.doc[source[1] - 1]), history)
    if subj is None or subj.lower_ in ("there", "that", "this", "which"):
        return None
    if subj.lower_ == "it" and (verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS or d.quoted(subj.idx)):
        return None  # "it seems", "it appears": no one; "it said", "it added that": a body
    return _speaker(d, *span_of(d, subj), history)


def _bracketed_subject(d: QuoteDoc, verb) -> tuple[int, int] | None:
    """'<Canadian Imperial Bank of Commerce> said': the parser takes Reuters' closing bracket for
    the subject; the company's name the brackets hold is the speaker."""
    for c in verb.children:
        if c.dep_ in _SUBJ and c.text in ("<", ">"):
            at = c.idx if c.text == ">" else c.idx + 1
            hit = next(((s, e) for s, e, _ in d.companies if (e == at if c.text == ">" else s == at)), None)
            if hit is not None:
                return hit
    return None


def _speaker(d: QuoteDoc, start: int, end: int, history) -> Speaker:
    """The speaker named at [start, end), without a ticker or brackets at its edges, nor the
    dateline the parser ran into it ("TORONTO, April 2 - <Canadian Imperial Bank> said")."""
    line = d.text.rfind("\n", 0, start) + 1
    dateline = DATELINE.match(d.text, line)
    if dateline is not None and start < dateline.end() < end:
        start = dateline.end()
    start, end = trim_marks(d.text, start, end)
    span = d.doc.char_span(start, end, alignment_mode="expand")
    kind = mention_kind(d, span) if span is not None else None
    name, entity, role = resolve(d, start, end, kind, history)
    return Speaker(text=d.text[start:end], span=(start, end), name=name, entity=entity, kind=kind, role=role)


def adjacent_speaker(d: QuoteDoc, chain, cue, history) -> Speaker | None:
    """'"...," Sajjan says' / '"...," said the minister': the words between mark and verb."""
    end = chain[-1][1]
    if not end <= cue.idx <= end + 160:
        return None
    between = d.doc.char_span(end, cue.idx, alignment_mode="contract")
    toks = []
    for t in between or ():
        if t.is_punct and toks:
            break  # "Bill Eastland, wearing a cowboy hat, said": the name before the aside
        if not t.is_punct and not t.is_space and not d.quoted(t.idx):
            toks.append(t)
    if not toks:
        stop = next((t for t in d.doc[cue.i + 1:cue.i + 12] if t.is_punct and t.text != "-" or t.ent_type_ == "DATE"), None)
        toks = [t for t in d.doc[cue.i + 1:stop.i if stop is not None else cue.i + 1] if not t.is_space]
    if not toks or len(toks) > 8 or any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    return _speaker(d, toks[0].idx, toks[-1].idx + len(toks[-1]), history)


def dash_speaker(d: QuoteDoc, chain) -> Speaker | None:
    """'"...," — Jane Doe': a dash and a name right after the closing mark."""
    end = chain[-1][1]
    tail = d.text[end:end + 12]
    if "—" not in tail and "–" not in tail and " - " not in tail:
        return None
    for ent in d.ents_between(end + 1, end + 13):
        if ent.label_ == "PERSON":
            return Speaker(text=ent.text, span=(ent.start_char, ent.end_char), name=d.names.get(ent.text, ent.text),
                           kind="named")
    return None


def colon_speaker(d: QuoteDoc, start: int, *, history=()) -> Speaker | None:
    """'Clinton camp: "..."' and 'Report: ...': a short verbless noun phrase and a colon."""
    line_start = d.text.rfind("\n", 0, start) + 1
    head = d.text[line_start:start].rstrip(" \"“'‘«")
    if not head.endswith(":"):
        return None
    span = d.doc.char_span(line_start, line_start + len(head) - 1, alignment_mode="contract")
    if span is None or not 0 < len(span) <= 6 or any(t.pos_ in ("VERB", "AUX") for t in span) \
            or not any(t.pos_ in ("PROPN", "NOUN") for t in span):
        return None
    return _speaker(d, span.start_char, span.end_char, history)


def colon_subject(d: QuoteDoc, start: int, *, history=()) -> Speaker | None:
    """'Martell, the addictions doctor, is more blunt: "With this ..."': the subject of the
    sentence a colon ends right before a quotation."""
    before = d.text[:start].rstrip(" \"“'‘«")
    if not before.endswith(":"):
        return None
    span = d.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if span is None:
        return None
    if span[0].i == 0:
        return None
    # the sentence's verb: the highest one above the word before the colon, short of the quote
    last = d.doc[span[0].i - 1]
    verbs = [t for t in (last, *last.ancestors) if t.pos_ in ("VERB", "AUX") and t.idx < start and not d.quoted(t.idx)]
    if not verbs:
        return None
    subj = next((c for c in verbs[-1].children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in ("it", "there", "this", "that", "which") or d.quoted(subj.idx):
        return None
    return _speaker(d, *span_of(d, subj), history)


def colon_lines(d: QuoteDoc):
    """(speaker, content span) for every line written as 'Source: statement': a headline or a
    line whose source is a named person or body ('Cruz: Trump Would Put ...', 'Clinton camp:
    ...'), or a transcript's turn ('TAPPER: ...', a head in capitals that heads more lines)."""
    start, lines = 0, []
    for line in d.text.split("\n"):
        lines.append((start, line))
        start += len(line) + 1
    heads = [line[:line.find(": ")] for _, line in lines if 0 < line.find(": ") < 50]
    turns = {h for h in heads if h.isupper() and heads.count(h) > 1}
    for n, (start, line) in enumerate(lines):
        colon = line.find(": ")
        if 0 < colon < 50 and line.lstrip("\"“‘' ")[:1].isalpha() and not d.parsed.in_boilerplate(start):
            s, e = start + colon + 2, start + len(line.rstrip())
            words = d.text[s:e].split()
            speaker = colon_speaker(d, s) if len(words) >= 3 else None
            if speaker is None:
                continue
            head = line[:colon]
            if head.isupper():
                # section heads of a digest ("ENERGY: ...") are no speakers; a transcript's are
                if head not in turns:
                    continue
                # a transcript turn ("TAPPER: ...") runs on until the next speaker or stage note
                for nxt, more in lines[n + 1:]:
                    head = more.split(": ", 1)[0]
                    if more.strip() and (more.lstrip().startswith(("(", "[")) or ": " in more and head.isupper() and len(head) < 50):
                        break
                    if more.strip():
                        e = nxt + len(more.rstrip())
            elif not _is_title(d, start) and not _names_source(d, speaker):
                continue
            yield speaker, (s, e)


def _is_title(d: QuoteDoc, start: int) -> bool:
    title = d.parsed.article.title_span
    return title is not None and title[0] <= start < title[1] or start == 0


def _names_source(d: QuoteDoc, speaker: Speaker) -> bool:
    """The phrase's head is a named person or body, or a noun such a name owns ('Clinton camp')."""
    span = d.doc.char_span(*speaker.span, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    named = ("PERSON", "ORG", "NORP", "GPE")
    return root.ent_type_ in named or root.text in d.names or root.pos_ == "NOUN" and any(
        c.dep_ in ("compound", "poss") and (c.ent_type_ in named or c.text in d.names) for c in root.children)
