"""Datelines: where a wire story was filed from ("BAGHDAD (Reuters) -", "ROME -").

A dateline opens a story or a paragraph of wire copy. Its place says where the reporter was,
not where the story's acts happened or whose its actors are: "ROME - Israeli Foreign Minister
Shimon Peres discussed ..." is about no Italian.
"""
from __future__ import annotations

import re

# "BAGHDAD (Reuters) -", "HAVANA (AP) --", "WASHINGTON, March 12 (Xinhua) --": where the reporter
# filed from. "BAGHDAD (Reuters) - Militants attacked a base in northern Iraq" took place in Iraq;
# the dateline's place stands in only when the sentence names no other.
DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z.'\-]{2,}(?: [A-Z][A-Z.'\-]+){0,3}(?:,[ A-Za-z.']{1,30}){0,2}"
                       r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?\s*(?:\([A-Za-z .&/]{1,30}\))?\s*(?:--?|[\u2013\u2014_])")


def dateline_end(sent) -> int:
    """The index of the first token after a dateline opening the sentence ("ROME -"), else its start."""
    m = DATELINE.match(sent.text)
    if m is None:
        return sent.start
    cut = sent.start_char + m.end()
    return next((t.i for t in sent if t.idx >= cut), sent.end)


