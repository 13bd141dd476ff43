"""Detect the header of a plain-text article: title, byline, date line, then the body.

The seed's layout is ``title / blank / byline / date / blank / body`` but every line is
optional, so each is recognised by what it looks like, never by position alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from ..records import Span

MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")], 1)
    for m in names
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TAIL = r"(?:[\s,]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s*$"
DATE_LINE_PATTERNS = [
    re.compile(r"^\s*(?:published|updated|posted)?:?\s*" + _WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TAIL, re.I),
    re.compile(r"^\s*(?:published|updated|posted)?:?\s*" + _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TAIL, re.I),
    re.compile(r"^\s*(?:published|updated|posted)?:?\s*(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})(?:[T\s]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\s*$", re.I),
]
BYLINE_PREFIX = re.compile(r"^\s*(?:by|written by|posted by|words by)\s+", re.I)
_NAME_TOKEN = r"(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.|van|von|de|da|del|der|bin|al-[A-Z][a-z]+)"
NAME_LINE = re.compile(r"^\s*" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r"){1,4}(?:\s*(?:,|and|\|)\s*[A-Z][\w .'’\-]{0,40})?\s*$")


@dataclass(frozen=True)
class Header:
    title: Optional[str] = None
    byline: Optional[str] = None
    published: Optional[str] = None
    title_span: Optional[Span] = None
    byline_span: Optional[Span] = None
    date_span: Optional[Span] = None
    body_start: int = 0


def parse_date_line(line: str) -> Optional[str]:
    """ISO date if the whole line is a date (with optional weekday, time and label)."""
    if len(line) > 60:
        return None
    for pat in DATE_LINE_PATTERNS:
        m = pat.match(line)
        if not m:
            continue
        gd = m.groupdict()
        month = int(gd["mnum"]) if gd.get("mnum") else MONTHS.get(gd["month"].lower().rstrip("."))
        try:
            return date(int(gd["year"]), month, int(gd["day"])).isoformat()
        except (TypeError, ValueError):
            return None
    return None


def _looks_like_byline(line: str) -> bool:
    if len(line) > 80 or line.rstrip().endswith((".", "?", "!", ":", ";", '"', "”")):
        return False
    if BYLINE_PREFIX.match(line):
        return True
    return bool(NAME_LINE.match(line)) and len(line.split()) <= 8


def _looks_like_title(line: str, next_blank: bool) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 250:
        return False
    # a title is a line on its own: followed by a blank line, and not a full paragraph
    if not next_blank:
        return False
    words = stripped.split()
    if re.search(r"[a-z]{2}[.!?] [A-Z]", stripped):
        return False  # two sentences: a paragraph, not a headline
    # a first paragraph ends with a full stop; a headline rarely does unless it is short
    return 2 <= len(words) <= 40 and not (stripped.endswith(".") and len(words) > 15)


def parse_header(text: str, *, allow_title: bool = True) -> Header:
    """Find title, byline and date lines at the top of ``text``; the rest is the body."""
    lines = []  # (start, end, text) of the first lines
    pos = 0
    for raw in text.split("\n")[:12]:
        lines.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1

    def nonblank_after(i: int) -> int:
        j = i + 1
        while j < len(lines) and not lines[j][2].strip():
            j += 1
        return j

    def next_is_blank(i: int) -> bool:
        return i + 1 >= len(lines) or not lines[i + 1][2].strip()

    i = 0
    while i < len(lines) and not lines[i][2].strip():
        i += 1
    title = byline = published = None
    title_span = byline_span = date_span = None
    body_start = lines[i][0] if i < len(lines) else 0
    if i >= len(lines):
        return Header()

    # up to three header lines in any order of: title (first only), byline, date
    consumed_any = False
    for slot in range(3):
        if i >= len(lines):
            break
        s, e, line = lines[i]
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        iso = parse_date_line(stripped)
        if iso and published is None:
            published, date_span = iso, (s + lead, s + lead + len(stripped))
        elif byline is None and _looks_like_byline(stripped) and (consumed_any or next_is_blank(i) or parse_date_line(lines[i + 1][2].strip() if i + 1 < len(lines) else "")):
            byline = BYLINE_PREFIX.sub("", stripped).strip()
            off = s + line.index(byline)
            byline_span = (off, off + len(byline))
        elif slot == 0 and allow_title and _looks_like_title(line, next_is_blank(i)) and nonblank_after(i) < len(lines):
            title, title_span = stripped, (s + lead, s + lead + len(stripped))
        else:
            break
        consumed_any = True
        i = nonblank_after(i) if next_is_blank(i) else i + 1
        body_start = lines[i][0] if i < len(lines) else len(text)
    if not consumed_any:
        body_start = len(text) - len(text.lstrip())
    return Header(title=title, byline=byline, published=published, title_span=title_span,
                  byline_span=byline_span, date_span=date_span, body_start=body_start)
