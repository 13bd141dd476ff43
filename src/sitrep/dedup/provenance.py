"""Provenance signals: the wire agencies a text credits, its byline, its syndication footer.

A copy and its original usually differ exactly here, so these are kept beside the cluster
(the report shows who distributed a story, not only who printed it).
"""
from __future__ import annotations

import re

# Agency -> the ways a text credits it; the short forms only in crediting contexts
# ("(AP) -", "told AFP", "AFP reported") since AP/AFP also occur as ordinary words.
AGENCIES = {
    "Reuters": r"Reuters", "Associated Press": r"Associated Press|\bAP\b", "AFP": r"Agence France[- ]Presse|\bAFP\b",
    "The Canadian Press": r"Canadian Press|\bCP\b", "dpa": r"Deutsche Presse-Agentur|\bdpa\b", "Xinhua": r"Xinhua",
    "Bloomberg": r"Bloomberg(?: News)?", "UPI": r"United Press International|\bUPI\b", "Kyodo": r"Kyodo",
    "Yonhap": r"Yonhap", "TASS": r"\bTASS\b|\bTass\b", "Interfax": r"Interfax", "ANSA": r"\bANSA\b",
    "EFE": r"\bEFE\b", "PTI": r"Press Trust of India|\bPTI\b", "Anadolu": r"Anadolu", "IANS": r"\bIANS\b",
    "Press Association": r"Press Association|\bPA Media\b",
}
_SHORT = re.compile(r"^\\b[A-Za-z]+\\b$")
_CREDIT = (r"(?:\(\s*{a}\s*\)|\b(?:told|said to|according to|reported by|via|from|by|said|reported|writes?)\s+{a}"
           r"|{a}\s+(?:reported|said|reports|news agency|learned|contributed)|^\s*{a}\s*[-–—:]|[-–—]\s*{a}\s*$"
           r"|\({a}[^)]*\))")
BYLINE = re.compile(r"^\s*(?:By|Posted by|Written by|Reporting by)\s+([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}"
                    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})*)(?:,\s*([^\n]{0,40}))?\s*$"
                    r"|^\s*([A-Z][\w.'-]+\s+[A-Z][\w.'-]+)\s*\|\s*([^\n]{0,40})$", re.M)
FOOTER = re.compile(r"^\s*((?:Other reports by|Read more|Reporting by|Editing by|Additional reporting by|Writing by|"
                    r"Compiled by|This (?:article|story) (?:was|first)|Copyright|\(c\)|©|All rights reserved|"
                    r"Click here|Subscribe|Sign up)[^\n]{0,200})$", re.M | re.I)
GENERIC = re.compile(r"\b(?:staff|desk|wire|newsroom|correspondent|reporter|editor|agencies|news service)\b", re.I)


def _patterns() -> dict[str, re.Pattern]:
    out = {}
    for name, alts in AGENCIES.items():
        long_ = "|".join(a for a in alts.split("|") if not _SHORT.match(a))
        short = "|".join(a for a in alts.split("|") if _SHORT.match(a))
        parts = [long_] if long_ else []
        if short:
            parts.append(_CREDIT.format(a=f"(?:{short})"))
        out[name] = re.compile("|".join(parts), re.M)
    return out


_AGENCY_RE = _patterns()


def provenance(text: str) -> dict:
    """``{"agencies": [...], "byline": str|None, "generic_byline": bool, "footers": [...]}``."""
    agencies = [name for name, rx in _AGENCY_RE.items() if rx.search(text)]
    head = "\n".join(text.splitlines()[:6])
    m = BYLINE.search(head)
    byline = " ".join(x for x in m.groups() if x).strip() if m else None
    footers = [f.strip() for f in FOOTER.findall("\n".join(text.splitlines()[-8:]))]
    return {"agencies": agencies, "byline": byline,
            "generic_byline": bool(byline and GENERIC.search(byline)), "footers": footers}
