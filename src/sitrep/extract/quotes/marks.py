"""Quotation marks: the segments of text inside them, found without a model.

Kept apart from the parse-based steps so the mark scanner can be tested (and fuzzed) alone.
"""
from __future__ import annotations

import re

_PAIRS = {"“": "”", "«": "»", "„": "“"}
_CLOSERS = {"”", "»"}
_STRAIGHT = re.compile(r"''|\"|“|”|«|»|„")
_SINGLE = re.compile(r"''|\"|“|”|«|»|„|(?P<o>(?<![\w’'])['‘](?=\w))|(?P<c>(?<=[\w.,!?])['’](?![\w’']))")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in re.finditer(r"\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _scan(text: str, s: int, e: int, marks: re.Pattern) -> tuple[list[tuple[int, int]], bool]:
    """Segments inside quotation marks in one paragraph, and whether one is left open."""
    segments, open_at, closer = [], None, None
    for m in marks.finditer(text, s, e):
        mark = m.group()
        if open_at is None:
            if mark in _CLOSERS or m.lastgroup == "c":
                continue  # a stray closer never opens
            open_at, closer = m.end(), _PAIRS.get(mark)
        elif m.lastgroup != "o" and (closer is None or mark == closer or mark not in _PAIRS):
            # a straight mark closes whatever is open: typographers mix them
            segments.append((open_at, m.start()))
            open_at = None
    left_open = open_at is not None
    if left_open:
        segments.append((open_at, e))
    return segments, left_open


def quote_segments(text: str, *, single_spans: tuple[tuple[int, int], ...] = ()) -> list[list[tuple[int, int]]]:
    """Chains of inner quote spans: one chain per quotation that runs across paragraphs.

    Double marks (straight, curly, guillemets, the NYT's ``''``) everywhere; single marks
    also inside ``single_spans`` (headlines use them for quotes, bodies for apostrophes).
    A quote left open at a paragraph end continues when the next paragraph opens with a
    mark (the print convention); otherwise it ends with its paragraph. Never raises.
    """
    chains: list[list[tuple[int, int]]] = []
    continuing = False
    for ps, pe in _paragraphs(text):
        marks = _SINGLE if any(a <= ps < b for a, b in single_spans) else _STRAIGHT
        segments, left_open = _scan(text, ps, pe, marks)
        first = text[ps:pe].lstrip()[:1]
        starts_open = bool(first) and first in "\"“«„'‘" and segments and _trim(text, ps, pe)[0] + 1 >= segments[0][0]
        for i, (s, e) in enumerate(segments):
            s, e = _trim(text, s, e)
            if not any(ch.isalnum() for ch in text[s:e]):
                continue
            if i == 0 and continuing and starts_open and chains:
                chains[-1].append((s, e))
            else:
                chains.append([(s, e)])
        continuing = left_open
    return chains


# an initial ("J. Howard Macdonald said", "U.S. Officials") ends no sentence
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?][\"”'’]?\s+[\"“A-Z]")


def sentence_end(text: str, start: int, end: int) -> bool:
    """A sentence ends somewhere in text[start:end]."""
    return _SENTENCE_END.search(text, start, end) is not None


def bare(name: str) -> str:
    """A name without its possessive or the punctuation around it: "Sanders’" -> "Sanders"."""
    return re.sub(r"['’‘]s$", "", name.strip(" ,.\"'’‘“”")).strip(" ,.")


# Reuters marks a company as "<Name Inc>" and its stock by a ticker ("<BONA.S>", "<CCI>"); a
# speaker phrase the parser ran into one keeps a remnant ("Forber and Platel Inc>", "Ltd <BONA.S")
_TICKER = re.compile(r"\s*<[A-Z0-9.\-/]{1,12}(?:>|(?=\s|$))")
_LEAD_MARKS = re.compile(r"[\s<>,]+")  # matched at a position, so no "^" (which holds only at 0)


def tidy_name(name: str) -> str:
    """A name without tickers and the angle brackets around a company: "Bond Corp Holdings Ltd
    <BONA.S" -> "Bond Corp Holdings Ltd", "<Derlan Industries Ltd>" -> "Derlan Industries Ltd"."""
    if "<" not in name and ">" not in name:
        return name
    name = re.sub(r"^[A-Z0-9.\-/ ]{1,12}>\s*", "", name)  # "BLDS ST> mining group": the end of a ticker
    tidy = re.sub(r"\s{2,}", " ", _TICKER.sub("", name).replace("<", "").replace(">", "")).strip(" ,")
    return tidy or name.replace("<", "").replace(">", "").strip() or name


def trim_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without a trailing ticker and the brackets, commas and spaces at its edges."""
    piece = text[start:end]
    m = re.search(r"(?:\s*<[A-Z0-9.\-/]{0,12}>?)+\s*$", piece)
    if m is not None and m.start() > 0:
        end = start + m.start()
    lead = _LEAD_MARKS.match(text, start, end)
    if lead is not None and lead.end() < end:
        start = lead.end()
    while end > start + 1 and (text[end - 1] in "<>," or text[end - 1].isspace()):
        end -= 1
    return start, end
