"""Boilerplate lines in plain-text news: web-page furniture that came along with the article.

"READ MORE: …" and "WATCH: …" teasers, content warnings, "Article Continued Below", "Click
here …", photo captions and credits, bare links, "Follow X on Twitter", "Share this …",
"Discuss This Article", "Other reports by …". None of it is the article's own reporting, so
no extractor should take a quote or an event from it. The patterns are data
(``kb/data/boilerplate.tsv``), one per kind of line, each with an example a test checks.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..records import Span

DATA = Path(__file__).resolve().parents[1] / "kb" / "data" / "boilerplate.tsv"
# a caption or teaser is a line of its own; a longer line is a paragraph of the article
MAX_LINE = 400


@dataclass(frozen=True)
class BoilerplatePattern:
    name: str
    pattern: re.Pattern
    example: str


@lru_cache(maxsize=1)
def patterns() -> tuple[BoilerplatePattern, ...]:
    out = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, pattern, example = line.split("\t")
        out.append(BoilerplatePattern(name, re.compile(pattern), example))
    return tuple(out)


def boilerplate_kind(line: str) -> str | None:
    """The name of the first pattern the line matches, or None for a line of the article."""
    if len(line) > MAX_LINE or not line.strip():
        return None
    return next((p.name for p in patterns() if p.pattern.search(line)), None)


def boilerplate_spans(text: str, *, start: int = 0) -> tuple[Span, ...]:
    """[start, end) of every boilerplate line of ``text`` at or after ``start`` (the header is
    the reader's to recognise), in order."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.end() > start and boilerplate_kind(m.group()) is not None:
            out.append((m.start(), m.end()))
    return tuple(out)


def in_spans(spans: tuple[Span, ...], offset: int) -> bool:
    """``offset`` falls in one of the sorted, disjoint ``spans``."""
    i = bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
