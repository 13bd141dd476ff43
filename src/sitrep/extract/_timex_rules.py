"""TIMEX3 rules: a regex recogniser and normaliser, a pure function of text, anchor date and tense.

Conventions (TimeML 1.2.1 guidelines, TempEval-3): the extent leaves out governing
prepositions ("on Friday" -> "Friday") but keeps determiners, modifiers and quantifiers
("the past three years", "early next year", "about two weeks"). Values resolve against the
anchor (the document creation time). Without an anchor, absolute values are kept, a
weekday or a month-day becomes an underspecified ``XXXX`` form and other relative values
are ``None`` (unknown, never invented).

Tense is one of "past", "present", "future" or None; it decides which way an
underspecified date points: news reports the past, so weekdays default to the past,
while months and month-days without a tense signal go to the nearest instance.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Optional

MONTH_NUM = {
    name: i for i, names in enumerate([
        ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
        ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
        ("october", "oct"), ("november", "nov"), ("december", "dec")], 1) for name in names
}
WEEKDAY_NUM = {d: i for i, d in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_SMALL = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_NUM = {w: i for i, w in enumerate(_SMALL, 1)} | {w: 10 * i for i, w in enumerate(_TENS, 2)}
ORDINAL = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}
# unit -> (TIMEX code, is a time-of-day unit, multiplier); decades and centuries in years, as ISO 8601
# writes them (TIDES' DE/CE are no ISO units): "two decades" is P20Y, "decades" PXY
UNIT = {"second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1), "day": ("D", False, 1),
        "week": ("W", False, 1), "fortnight": ("W", False, 2), "month": ("M", False, 1),
        "quarter": ("M", False, 3), "year": ("Y", False, 1), "decade": ("Y", False, 10),
        "century": ("Y", False, 100), "millennium": ("Y", False, 1000)}
SEASON = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_ORDER = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}

_B = r"(?<![\w'’])"  # word start
_E = r"(?![\w])"  # word end
_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?![a-z]))")
_MONTH_FULL = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Sept\.)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_OPT_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_NUMW = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|"
         r"seven|eight|nine)(?![a-z]))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|eleven|"
         r"twelve|one|two|three|four|five|six|seven|eight|nine|ten)(?![a-z])")
_NUM = (rf"(?P<num>(?i:\d{{1,3}}(?:,\d{{3}})+|\d+(?:[\s-]+[13]/4|[\s-]+1/2|[½¼¾])|\d+(?:\.\d+)?|{_NUMW}|a\s+few|a\s+couple(?:\s+of)?|"
        r"couple\s+of|several|few|many|half\s+an?|an?\s+half|an?))")
_UNIT_WORDS = (r"(?i:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|"
               r"centur(?:y|ies)|millenni(?:um|a))")
_UNIT = rf"(?P<unit>{_UNIT_WORDS})(?![a-z])"
_POD = r"(?P<pod>(?i:morning|afternoon|evening|night|overnight))"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d)"


_OF_A_DATE = rf"(?!\s+of\s+(?:{_MONTH}|\d))"  # "the week of March 6" is one expression, made in ``_extend``


@dataclass(frozen=True)
class Context:
    anchor: Optional[date]
    tense: Callable[[int], Optional[str]]  # offset -> tense of the clause there


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: "Optional[str] | Anaphoric"  # resolved to a string before find_timexes returns


@dataclass(frozen=True)
class Anaphoric:
    """A value that depends on the reference time: the last absolute date mentioned before.

    TimeML resolves "a year earlier", "the following day", "that year" against the time the
    narrative is at, not the document date; only with no such reference is ``fallback`` used.
    ``local``: the reference must be in the same sentence (a bare month or clock time).
    """
    resolve: Callable[[str], Optional[str]]
    fallback: Optional[str]
    local: bool = False
    reach: int = 0  # > 0: earlier references this many characters back are tried too, latest first
    compared: bool = False  # a comparison point ("a year earlier"): the narrative stays where it was


RULES: list[tuple[re.Pattern, Callable]] = []
# handler -> words one of which its pattern cannot match without (lowercase): a rule whose words
# are all absent from an article is not scanned (the times stage scans ~45 patterns per article)
NEEDS: dict[Callable, tuple[str, ...]] = {}


def rule(pattern: str, needs: tuple[str, ...] = ()):
    def register(fn):
        RULES.append((re.compile(pattern), fn))
        if needs:
            NEEDS[fn] = needs
        return fn
    return register


# --- value helpers ----------------------------------------------------------------------------

def _num(text: Optional[str]) -> Optional[float]:
    """The number a quantifier denotes; None for vague ones ("several", "a few")."""
    if text is None:
        return 1
    t = re.sub(r"[\s-]+", " ", text.lower()).strip().replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    frac = re.fullmatch(r"(\d+) ?(1/2|1/4|3/4|½|¼|¾)", t)
    if frac:  # "4 1/2 hours", Reuters' "8-1/2 years"
        return int(frac[1]) + {"1/2": .5, "½": .5, "1/4": .25, "¼": .25, "3/4": .75, "¾": .75}[frac[2]]
    if t in ("a", "an"):
        return 1
    if t.startswith(("half", "a half", "an half")):
        return 0.5
    if t.startswith(("a couple", "couple")):
        return 2
    parts = t.split()
    if all(p in WORD_NUM for p in parts):
        return sum(WORD_NUM[p] for p in parts)
    return None


def _fmt_num(n: Optional[float]) -> str:
    if n is None:
        return "X"
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _unit(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    if w.startswith("millenni"):
        return "millennium"
    return w[:-1] if w.endswith("s") else w


# unit -> (the next smaller TIMEX code, how many of it make one, is it a time-of-day unit)
_SMALLER = {"year": ("M", 12, False), "week": ("D", 7, False), "day": ("H", 24, True), "hour": ("M", 60, True),
            "minute": ("S", 60, True)}


def duration(n: Optional[float], unit: str) -> str:
    code, is_time, mult = UNIT[unit]
    if n is not None and unit in _SMALLER and not float(n).is_integer():
        # a fraction goes to the next smaller unit when it comes out whole there, as TIDES writes it:
        # "an hour and a half" is PT1H30M, "a day and a half" P1DT12H, "2 1/2 years" P2Y6M
        small, per, small_time = _SMALLER[unit]
        whole, rest = int(n), (n - int(n)) * per
        if float(rest).is_integer():
            head = f"{'T' if is_time else ''}{whole}{code}" if whole else ""
            tail = f"{'T' if small_time and 'T' not in head else ''}{int(rest)}{small}"
            return f"P{head}{tail}"
    return f"P{'T' if is_time else ''}{_fmt_num(None if n is None else n * mult)}{code}"


def _day(d: date) -> str:
    return d.isoformat()


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + m - 1 + k
    return t // 12, t % 12 + 1


def _quarter_shift(d: date, k: int) -> str:
    t = d.year * 4 + (d.month - 1) // 3 + k
    return f"{t // 4}-Q{t % 4 + 1}"


def shift(anchor: date, unit: str, k: int) -> str:
    """The calendar unit ``k`` steps from the anchor's, at that unit's granularity."""
    if unit in ("day", "hour", "minute", "second"):
        return _day(anchor + timedelta(days=k))
    if unit in ("week", "fortnight"):
        return _week(anchor + timedelta(weeks=k * (2 if unit == "fortnight" else 1)))
    if unit == "weekend":
        return _week(anchor + timedelta(weeks=k)) + "-WE"
    if unit == "month":
        y, m = _add_months(anchor.year, anchor.month, k)
        return f"{y}-{m:02d}"
    if unit == "quarter":
        return _quarter_shift(anchor, k)
    if unit == "year":
        return f"{anchor.year + k}"
    if unit == "decade":
        return f"{anchor.year // 10 + k}"
    if unit == "century":
        return f"{anchor.year // 100 + k:02d}"
    return f"{anchor.year // 1000 + k}"


_PART_OF_YEAR = re.compile(r"^\d{4}-(?:Q[1-4]|H[12])$")
_ABSOLUTE = re.compile(r"\d{4}(?:-(?:\d\d(?:-\d\d)?|Q[1-4]|H[12]|W\d\d|SP|SU|FA|WI))?")


# how far back a comparison point ("a year earlier", "from last year") looks for the period it compares
COMPARED_REACH = 300


def _compared_year(k: int, deictic: Optional[str]) -> Anaphoric:
    """A comparison point ``k`` years from the part of a year the report is about ("the third
    quarter ... a year earlier"); ``deictic`` when no such period comes before it."""
    return Anaphoric(lambda ref: shift_value(ref, "year", k) if _PART_OF_YEAR.search(ref) else None,
                     deictic, reach=COMPARED_REACH, compared=True)


def shift_value(value: str, unit: str, k: int) -> Optional[str]:
    """An absolute TIMEX value moved ``k`` units, at the granularity both can carry; None if none."""
    y, rest = int(value[:4]), value[5:]
    try:
        if unit == "year":
            if re.fullmatch(r"\d\d-\d\d|W\d\d", rest):
                return f"{y + k}"  # "a year later" than a day is that year, not that day
            return f"{y + k}" + value[4:]
        if unit == "month" and re.fullmatch(r"\d\d(?:-\d\d)?", rest):
            yy, mm = _add_months(y, int(rest[:2]), k)
            return f"{yy}-{mm:02d}"
        if unit == "quarter" and rest.startswith("Q"):
            t = y * 4 + int(rest[1]) - 1 + k
            return f"{t // 4}-Q{t % 4 + 1}"
        if unit == "day" and re.fullmatch(r"\d\d-\d\d", rest):
            return _day(date.fromisoformat(value) + timedelta(days=k))
        if unit == "week" and re.fullmatch(r"\d\d-\d\d", rest):
            return _week(date.fromisoformat(value) + timedelta(weeks=k))
        if unit == "week" and rest.startswith("W"):
            return _week(date.fromisocalendar(y, int(rest[1:]), 1) + timedelta(weeks=k))
    except (ValueError, OverflowError):
        return None
    return None


def _truncate(value: str, unit: str) -> Optional[str]:
    """The reference at the granularity of ``unit`` ("that year" of 1989-11-02 is 1989)."""
    if unit == "year":
        return value[:4]
    if unit == "month" and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", value):
        return value[:7]
    if unit == "day" and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return value
    return None


def _in_other_year(ref: str, anchor: Optional[date], rest: str) -> Optional[str]:
    """A yearless date in the year the sentence is about, when that is not the anchor's year
    ("in 1985 ... in March" is 1985-03); in the anchor's year, tense decides instead."""
    return None if anchor is not None and ref[:4] == str(anchor.year) else ref[:4] + rest


def _direction(tense: Optional[str], default: str) -> str:
    # the present tense is as often habitual or "now" as a scheduled future: the nearest instance
    return {"past": "past", "future": "future", "present": "nearest"}.get(tense or "", default)


def resolve_weekday(anchor: date, weekday: int, direction: str) -> date:
    """The weekday nearest the anchor in the given direction; the anchor's own weekday is the anchor."""
    back = (anchor.weekday() - weekday) % 7
    if direction == "future":
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    if direction == "nearest" and back > 3:
        return anchor + timedelta(days=7 - back)
    return anchor - timedelta(days=back)


def _pick(candidates: list, anchor_key, direction: str):
    """Of (key, value) candidates, the one the direction picks relative to ``anchor_key``."""
    if direction == "past":
        ok = [c for c in candidates if c[0] <= anchor_key]
        return max(ok)[1] if ok else candidates[0][1]
    if direction == "future":
        ok = [c for c in candidates if c[0] >= anchor_key]
        return min(ok)[1] if ok else candidates[-1][1]
    return min(candidates, key=lambda c: (abs(_key_distance(c[0], anchor_key)), c[0] > anchor_key))[1]


def _key_distance(a: tuple, b: tuple) -> int:
    return (a[0] - b[0]) * 400 + (a[1] - b[1]) * 31 + ((a[2] - b[2]) if len(a) > 2 else 0)


def resolve_month_day(anchor: date, month: int, day: int, direction: str) -> Optional[str]:
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cands.append(((y, month, day), date(y, month, day).isoformat()))
        except ValueError:
            continue
    if not cands:
        return None
    return _pick(cands, (anchor.year, anchor.month, anchor.day), direction)


def resolve_month(anchor: date, month: int, direction: str) -> str:
    cands = [((y, month, 0), f"{y}-{month:02d}") for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if direction == "past":
        return f"{anchor.year if month <= anchor.month else anchor.year - 1}-{month:02d}"
    if direction == "future":
        return f"{anchor.year if month >= anchor.month else anchor.year + 1}-{month:02d}"
    return _pick(cands, (anchor.year, anchor.month, 0), direction)


def _season_now(anchor: date) -> int:
    return {12: 4, 1: 0, 2: 0}.get(anchor.month, (anchor.month - 3) // 3 + 1)


def resolve_season(anchor: date, code: str, relation: str) -> str:
    """``relation``: last|this|next|past|future (a bare season, pointed by tense)."""
    now, order = _season_now(anchor), SEASON_ORDER[code]
    y = anchor.year
    if relation == "last" or relation == "past":
        if relation == "past" and order <= now:
            return f"{y}-{code}"
        return f"{y if order < now else y - 1}-{code}"
    if relation in ("next", "future"):
        if relation == "future" and order >= now:
            return f"{y}-{code}"
        return f"{y if order > now else y + 1}-{code}"
    return f"{y}-{code}"


def _month_number(name: str) -> int:
    """January -> 1, "Sept." -> 9."""
    return MONTH_NUM[name.lower().rstrip(".")]


def _prev_word(m: re.Match) -> str:
    before = m.string[max(0, m.start() - 30): m.start()]
    words = re.findall(r"[\w$%'’.]+", before)
    return words[-1].lower() if words else ""


def _next_text(m: re.Match, n: int = 20) -> str:
    return m.string[m.end(): m.end() + n]


_EXTENT_PREPOSITIONS = ("over", "for", "during", "within", "in", "through", "throughout", "across")


def _tense(m: re.Match, ctx: Context) -> Optional[str]:
    # "since" settles it whatever the verb: "has sent troops since May" points back; "effective
    # Feb. 1" names when a decision takes effect, ahead of the report that announces it
    prev = _prev_word(m)
    if prev == "since":
        return "past"
    if prev == "effective":
        return "future"
    return ctx.tense(m.start())


# --- rules: each returns (type, value) or None to reject the match ---------------------------

@rule(rf"{_B}(?P<year>1[6-9]\d\d|20\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01]){_E}")
def _iso_date(m, ctx):
    return "DATE", f"{m['year']}-{m['m']}-{m['d']}"


@rule(rf"{_B}(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{{4}}|\d\d)(?![\w/])", needs=('/',))
def _us_numeric_date(m, ctx):
    y = m["y"] if len(m["y"]) == 4 else ("19" if int(m["y"]) > 30 else "20") + m["y"]
    return "DATE", f"{y}-{int(m['m']):02d}-{int(m['d']):02d}"


_RANGE_YEAR = re.compile(r"(?:\s*[-–]\s*|\s+(?:and|or|to|through)\s+)\d{1,2}(?:st|nd|rd|th)?,?\s+(1[6-9]\d\d|20\d\d)\b")


def _month_day(m, ctx):
    # "Jan. 5-7, 2020": the year after the range is the first day's too
    year = m["year"] or (r[1] if (r := _RANGE_YEAR.match(_next_text(m, 30))) else None)
    return _month_day_value(m, ctx, _month_number(m["month"]), int(m["d"]), year)


def _month_day_value(m, ctx, month: int, day: int, year: Optional[str]):
    if not 1 <= day <= 31:
        return None
    if year:
        try:
            return "DATE", date(int(year), month, day).isoformat()
        except ValueError:
            return None
    tense = _tense(m, ctx)
    fallback = f"XXXX-{month:02d}-{day:02d}" if ctx.anchor is None else \
        resolve_month_day(ctx.anchor, month, day, _direction(tense, "nearest"))
    if ctx.anchor and tense == "past":
        # a past-tense clause is often only the report ("said the offer expires Nov. 1"): a date
        # shortly after the document's is still that one, not last year's
        near = resolve_month_day(ctx.anchor, month, day, "nearest")
        if near and 0 < (date.fromisoformat(near) - ctx.anchor).days <= 60:
            fallback = near
    if tense in ("present", "future"):
        return "DATE", fallback  # "faces re-election in November": the document's time, not the sentence's
    return "DATE", Anaphoric(lambda ref: _in_other_year(ref, ctx.anchor, f"-{month:02d}-{day:02d}"), fallback,
                             local=True)


rule(rf"{_B}{_OPT_WEEKDAY}{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?(?![\d:.,]\d|[\w%])")(_month_day)
rule(rf"{_B}{_OPT_WEEKDAY}(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?{_E}")(
    _month_day)


@rule(rf"(?<=[\s\-–])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?(?![\d:.,]\d|[\w%])")
def _second_day(m, ctx):
    # "April 24 and 25", "March 3-5": the second day is a date of its own, in the first one's month
    first = re.search(rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:and|or|to|through)\s+|[-–])$",
                      m.string[max(0, m.start() - 25): m.start()])
    if not first or _COUNTED.match(_next_text(m)):
        return None
    return _month_day_value(m, ctx, _month_number(first["month"]), int(m["d"]), m["year"])


@rule(rf"{_B}{_MONTH}(?:\s+of)?,?\s+{_YEAR}{_E}")
def _month_year(m, ctx):
    return "DATE", f"{m['year']}-{_month_number(m['month']):02d}"


@rule(rf"{_B}{_MONTH_FULL}(?:\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?)?(?:\s+of)?,?\s+"
      rf"(?P<rel>(?i:last|this|next))\s+(?i:year){_E}", needs=('year',))
def _month_of_relative_year(m, ctx):
    # "March last year", "June 5 next year": one date, the month in that year
    if ctx.anchor is None:
        return "DATE", None
    y = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    month = _month_number(m["month"])
    if not m["d"]:
        return "DATE", f"{y}-{month:02d}"
    return ("DATE", f"{y}-{month:02d}-{int(m['d']):02d}") if _valid(y, month, int(m["d"])) else None


@rule(rf"{_B}{_MONTH_FULL}{_E}")
def _month_alone(m, ctx):
    name = m["month"].lower().rstrip(".")
    # "May" is also a modal verb and a surname: only after a word that takes a month
    if name == "may" and _prev_word(m) not in ("in", "since", "until", "till", "by", "from", "of", "to",
                                               "through", "during", "before", "after", "early", "late",
                                               "mid", "last", "next", "this", "end", "and", "or", "between"):
        return None
    if name == "march" and re.match(r"\s+(?:for|of|on)\s+(?:the\s+)?[A-Z]", _next_text(m, 30)):
        return None  # "the March for Life", "the March of the Combatant Mothers": a march, not the month
    month = MONTH_NUM[name]
    tense = _tense(m, ctx)
    fallback = f"XXXX-{month:02d}" if ctx.anchor is None else resolve_month(ctx.anchor, month, _direction(tense, "nearest"))
    if ctx.anchor and tense == "past" and month == ctx.anchor.month + 1:
        fallback = f"{ctx.anchor.year}-{month:02d}"  # as for month-days: the report's tense, next month's event
    if tense in ("present", "future"):
        return "DATE", fallback
    return "DATE", Anaphoric(lambda ref: _in_other_year(ref, ctx.anchor, f"-{month:02d}"), fallback, local=True)


# "1998 people", "25 troops": a number followed by what it counts is no date
_COUNTED = re.compile(r"\s+(?i:(?:people|persons|men|women|troops|soldiers|dollars|tons|units|shares|miles|feet|"
                      r"meters|votes|cases|deaths|jobs|homes|cars|employees|workers|members|students|percent|"
                      r"per\s+cent)\b)")


# "Kopp's 1987 Chevrolet Cavalier": a car's model year names the car, not a time
_MODEL_YEAR = re.compile(r"\s+(?:Chevrolet|Chevy|Ford|Toyota|Honda|Nissan|Buick|Cadillac|Dodge|Chrysler|Pontiac|"
                         r"Oldsmobile|Plymouth|Mercury|Lincoln|Jeep|Mazda|Volvo|Volkswagen|Mercedes|BMW|Audi|Subaru|"
                         r"Hyundai|Kia|Porsche|Saab|Peugeot|Renault|Fiat|Mitsubishi|Lexus|Acura|Jaguar)\b")


# a year followed by "-" and a digit is a date or a code ("1998-05", "2010-11"), unless a later
# year follows: each end of "2010-2015" is a year of its own
@rule(rf"{_B}(?:(?i:fiscal)\s+(?:(?i:year)\s+)?(?P<fy>)|(?i:the\s+year\s+))?{_YEAR}"
      r"(?![\w%]|[.,:/]\d|-(?!(?:1[6-9]|20)\d\d(?![\w-]))\d|\s*(?i:percent|per\s+cent))")
def _year(m, ctx):
    prev = _prev_word(m)
    if m.string[max(0, m.start() - 1): m.start()] in ("$", "#") or prev in (
            "no.", "number", "flight", "route", "$", "about", "some", "nearly", "than", "approximately", "around",
            "almost", "roughly", "least"):
        return None  # "some 1,800" and "about 1800 protesters" are counts
    if _COUNTED.match(_next_text(m)):
        return None
    if _MODEL_YEAR.match(_next_text(m, 40)) and (prev in ("a", "an", "the", "his", "her", "their", "its", "my", "our")
                                                 or prev.endswith(("'s", "’s"))):
        return None
    # TimeBank writes "fiscal 1989" as the plain year; "fiscal" goes to no attribute we keep
    return "DATE", m["year"]


_ONES = r"one|two|three|four|five|six|seven|eight|nine"


@rule(rf"{_B}(?i:(?P<the>the\s+year\s+)?(?:(?P<c>nineteen|eighteen)[\s-](?P<y>(?:twenty|thirty|forty|fifty|sixty|seventy|"
      rf"eighty|ninety)(?:[\s-](?:{_ONES}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
      rf"nineteen|hundred)|(?P<k>two\s+thousand)(?:\s+(?:and\s+)?(?P<z>{_ONES}|ten))?)){_E}",
      needs=('nineteen', 'eighteen', 'thousand'))
def _spelled_year(m, ctx):
    # broadcast transcripts write years out: "in nineteen ninety-six", "by the year two thousand"
    if _COUNTED.match(_next_text(m)):
        return None  # "two thousand people"
    if m["k"]:
        if not (m["the"] or _prev_word(m) in ("in", "by", "since", "until", "of")):
            return None  # "some two thousand marched"
        return "DATE", str(2000 + (WORD_NUM[m["z"].lower()] if m["z"] else 0))
    y = m["y"].lower()
    n = 0 if y == "hundred" else sum(WORD_NUM[w] for w in re.split(r"[\s-]+", y))
    return "DATE", str((1900 if m["c"].lower() == "nineteen" else 1800) + n)


@rule(rf"{_B}(?:(?i:the)\s+)?(?P<year>1[0-9]\d0|20[0-9]0)'?s{_E}", needs=('0s', "0's", '0’s'))
def _decade(m, ctx):
    y = m["year"]
    # "the 1800s" usually means the century
    return "DATE", y[:2] if y.endswith("00") and y[:2] != "20" else y[:3]


@rule(rf"{_B}(?:(?i:the)\s+(?:mid-?)?'?|['’])(?P<d>[1-9])0'?s{_E}", needs=('0s', "0's", '0’s'))
def _short_decade(m, ctx):
    d = int(m["d"])
    century = (ctx.anchor.year // 100) if ctx.anchor else 19
    if ctx.anchor and d * 10 > ctx.anchor.year % 100:
        century -= 1
    return "DATE", f"{century}{d}"


@rule(rf"{_B}(?i:the\s+(?:nineteen[\s-])?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)){_E}",
      needs=('ties',))
def _word_decade(m, ctx):
    return "DATE", f"19{_TENS.index(m['w'].lower()[:-3] + 'y') + 2}"


# without "the" only a numbered century ("a 20th century democrat"): "the" keeps this rule's scan
# cheap (each word start would try "[a-z]+ century" otherwise)
@rule(rf"{_B}(?i:the\s+(?P<n>\d{{1,2}}(?:st|nd|rd|th)|twenty[\s-]first|twenty[\s-]second|[a-z]+)[\s-]+century|"
      rf"(?P<n2>\d{{1,2}}(?:st|nd|rd|th)|[Tt]wenty[\s-]first)[\s-]+century){_E}", needs=('century',))
def _century(m, ctx):
    n = re.sub(r"[\s-]+", " ", (m["n"] or m["n2"]).lower())
    k = int(n[:-2]) if n[:-2].isdigit() else {"twenty first": 21, "twenty second": 22}.get(n) or ORDINAL.get(n)
    return ("DATE", f"{k - 1:02d}") if k else None


@rule(rf"{_B}(?P<the>(?i:the)\s+)?(?P<rel>(?i:this\s+past|last|this|next|past|coming|previous|current|following|prior|upcoming|"
      r"latest|most\s+recent))\s+(?P<what>(?i:day|week(?:end)?|month|year|quarter|decade|century|fiscal\s+year|"
      r"spring|summer|fall|autumn|winter|morning|afternoon|evening|night)|"
      r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
      rf"August|September|October|November|December){_E}")
def _relative(m, ctx):
    if re.fullmatch(r"This\s+Week|Next\s+Week|Last\s+Week", m.group(0)) and not _opens_sentence(m):
        return None  # "ABC's 'This Week'": a programme's title, capitalised mid-sentence
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    what = re.sub(r"\s+", " ", m["what"].lower())
    step = {"this past": -1, "last": -1, "past": -1, "previous": -1, "prior": -1, "latest": -1, "most recent": -1,
            "this": 0, "current": 0, "next": 1, "coming": 1, "following": 1, "upcoming": 1}[rel]
    # "the next month" in a story told in the past is the month after ("The next month it cracked")
    narrative = rel == "next" and _tense(m, ctx) == "past" and _prev_word(m) not in _EXTENT_PREPOSITIONS
    if what in UNIT and (m["the"] and rel in ("past", "last", "next") or rel == "past") and what != "day" \
            and not narrative:
        return "DURATION", duration(1, what)  # "the past year" is a stretch of time, not a calendar year
    a = ctx.anchor
    if m["the"] and what in UNIT and rel in ("next", "following", "previous", "prior"):
        return "DATE", Anaphoric(lambda ref: shift_value(ref, what, step), None if a is None else shift(a, what, step))
    if what in WEEKDAY_NUM:
        if a is None:
            return "DATE", f"XXXX-WXX-{WEEKDAY_NUM[what] + 1}"
        wd = WEEKDAY_NUM[what]
        if step < 0:
            return "DATE", _day(a - timedelta(days=(a.weekday() - wd - 1) % 7 + 1))
        if step > 0:
            return "DATE", _day(a + timedelta(days=(wd - a.weekday() - 1) % 7 + 1))
        return "DATE", _day(resolve_weekday(a, wd, _direction(_tense(m, ctx), "past")))
    if what in MONTH_NUM:
        if a is None:
            return "DATE", f"XXXX-{MONTH_NUM[what]:02d}"
        mon = MONTH_NUM[what]
        y = a.year
        if step < 0 and mon >= a.month or step > 0 and mon <= a.month:
            y += step
        return "DATE", f"{y}-{mon:02d}"
    if what in PART_OF_DAY:
        if rel == "this":
            return "TIME", None if a is None else f"{_day(a)}T{PART_OF_DAY[what]}"
        if rel in ("last", "next"):
            return "TIME", None if a is None else f"{_day(a + timedelta(days=step))}T{PART_OF_DAY[what]}"
        return None
    if a is None:
        return "DATE", None
    if what in SEASON:
        return "DATE", resolve_season(a, SEASON[what], {-1: "last", 0: "this", 1: "next"}[step])
    if what == "fiscal year":
        return "DATE", f"{a.year + step}"
    if what == "year" and step == -1 and not m["the"] and (_prev_word(m) in _COMPARED_WITH or
                                                          _COMPARED.search(m.string, max(0, m.start() - 150), m.start())):
        # "profit rose from last year" after "the third quarter": that quarter a year back, as
        # for "a year earlier"; with no part of a year before it, last year itself
        return "DATE", _compared_year(-1, shift(a, what, step))
    return "DATE", shift(a, what, step)


_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'’”]?\s+|\n\s*)[\"'“‘]?$")


def _opens_sentence(m: re.Match) -> bool:
    return _SENTENCE_START.search(m.string[max(0, m.start() - 4): m.start()]) is not None

_COMPARED_WITH = ("from", "than", "over", "with", "versus", "vs.", "vs")
# "compared with 50 cents a share last year": the comparison is open in the clause before
_COMPARED = re.compile(r"(?i)\b(?:compared\s+(?:with|to)|versus|vs\.|against)\b(?:[^.;]|\.\d)*$")


@rule(rf"{_B}(?i:that(?:\s+same)?|the\s+(?:very\s+)?same)\s+(?P<unit>(?i:year|month|day|morning|afternoon|evening|night)){_E}",
      needs=('that', 'same'))
def _same_unit(m, ctx):
    unit = m["unit"].lower()
    if unit in PART_OF_DAY:
        pod = "T" + PART_OF_DAY[unit]
        return "TIME", Anaphoric(lambda ref: _truncate(ref, "day") and ref + pod,
                                 None if ctx.anchor is None else _day(ctx.anchor) + pod)
    # with nothing to point back to, "that day" can only be the document's
    return "DATE", Anaphoric(lambda ref: _truncate(ref, unit), None if ctx.anchor is None else shift(ctx.anchor, unit, 0))


@rule(rf"{_B}(?i:the\s+{_POD}){_E}(?!\s+(?i:of|before|after)\b)", needs=('morning', 'afternoon', 'evening', 'night'))
def _the_part_of_day(m, ctx):
    # "in the morning" is the morning of the day the narrative is at
    if _prev_word(m) not in ("in", "during", "through", "throughout", "by", "until", "into"):
        return None
    pod = "T" + PART_OF_DAY[m["pod"].lower()]
    return "TIME", Anaphoric(lambda ref: _truncate(ref, "day") and ref + pod,
                             None if ctx.anchor is None else _day(ctx.anchor) + pod)


@rule(rf"{_B}(?P<what>(?i:today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|"
      rf"the\s+day\s+after\s+tomorrow))(?:\s+{_POD})?{_E}", needs=('today', 'tonight', 'yesterday', 'tomorrow'))
def _deictic_day(m, ctx):
    what = re.sub(r"\s+", " ", m["what"].lower())
    k = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
         "the day after tomorrow": 2}[what]
    pod = "NI" if what == "tonight" else PART_OF_DAY.get((m["pod"] or "").lower())
    if ctx.anchor is None:
        return ("TIME" if pod else "DATE"), None
    d = _day(ctx.anchor + timedelta(days=k))
    return ("TIME", f"{d}T{pod}") if pod else ("DATE", d)


@rule(rf"{_B}{_WEEKDAY}(?:\s+{_POD})?{_E}", needs=('day',))
def _weekday(m, ctx):
    wd = WEEKDAY_NUM[m["weekday"].lower()]
    pod = PART_OF_DAY.get((m["pod"] or "").lower())
    if ctx.anchor is None:
        d = f"XXXX-WXX-{wd + 1}"
    else:
        tense = _tense(m, ctx)
        # untensed, tomorrow's weekday is tomorrow: a day six days gone would be "last Tuesday"
        tomorrow = tense is None and wd == (ctx.anchor.weekday() + 1) % 7
        d = _day(resolve_weekday(ctx.anchor, wd, "future" if tomorrow else _direction(tense, "past")))
    kind, suffix = ("TIME", f"T{pod}") if pod else ("DATE", "")
    if ctx.anchor is None:
        return kind, d + suffix
    # "last week ... on Tuesday": the Tuesday of the week the narrative is in, if not this one
    this_week = _week(ctx.anchor)
    return kind, Anaphoric(lambda ref: _day(date.fromisocalendar(int(ref[:4]), int(ref[6:8]), wd + 1)) + suffix
                           if re.fullmatch(r"\d{4}-W\d\d", ref) and ref != this_week else None, d + suffix, local=True)


@rule(rf"{_B}(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:s|\s+(?P<pod>(?i:mornings|"
      rf"afternoons|evenings|nights))){_E}", needs=('day',))
def _weekday_set(m, ctx):
    # "Fridays", "Sunday mornings": every such day (or part of it)
    pod = f"T{PART_OF_DAY[m['pod'].lower()[:-1]]}" if m["pod"] else ""
    return "SET", f"XXXX-WXX-{WEEKDAY_NUM[m['weekday'].lower()] + 1}{pod}"


# no "later": in "three days later" it relates the duration to a reference time, as "after" does (a
# TimeML signal), and "three days" is the DURATION
@rule(rf"{_B}{_NUM}(?P<and>(?i:\s+and\s+a\s+half))?[\s-]+{_UNIT}(?P<and2>(?i:\s+and\s+a\s+half))?"
      rf"\s+(?P<dir>(?i:ago|earlier|from\s+now|hence|before(?=\s*(?:[,.;:)]|$)))){_E}",
      needs=('ago', 'earlier', 'now', 'hence', 'before'))
def _offset(m, ctx):
    # "down from 371,064 dlrs a year before." is "a year earlier"; "a year before the vote" is a
    # DURATION and its signal, left to the duration rule
    direction = "earlier" if m["dir"].lower() == "before" else m["dir"].lower()
    unit = _unit(m["unit"])
    if "," in m["num"] and not m["unit"].lower().endswith("s"):
        return None  # "292,000 week ago": a count compared with a week ago, not 292,000 weeks
    n = _num(m["num"])
    if n is not None and (m["and"] or m["and2"]):
        n += 0.5
    if n is not None and unit in ("year", "week") and not float(n).is_integer():
        # "a year and a half ago" is 18 months back, at month granularity
        unit, n = ("month", n * 12) if unit == "year" else ("day", n * 7)
    later = direction not in ("ago", "earlier")
    if n is None:
        return "DATE", "FUTURE_REF" if later else "PAST_REF"
    k = int(n) if float(n).is_integer() else None
    if ctx.anchor is None:
        return "DATE", None if k is None or direction in ("ago", "from now", "hence") else Anaphoric(
            lambda ref: shift_value(ref, unit, k if later else -k), None)
    if k is None:
        return "DATE", "FUTURE_REF" if later else "PAST_REF"
    k = k if later else -k
    deictic = shift(ctx.anchor, unit, k)
    if unit == "year" and direction in ("ago", "earlier"):
        # "profit rose from a year ago/earlier" after "the third quarter": that quarter a year back,
        # the granularity the comparison is made at (TimeBank's financial convention); a year
        # before a plain date is the year before the document's
        return "DATE", _compared_year(k, deictic)
    if direction in ("ago", "from now", "hence"):
        return "DATE", deictic
    return "DATE", Anaphoric(lambda ref: shift_value(ref, unit, k), deictic)


@rule(rf"{_B}(?:(?P<a>(?i:a))\s+)?(?i:quarter[\s-]century|quarter\s+of\s+a\s+century){_E}", needs=('quarter',))
def _quarter_century(m, ctx):
    return "DURATION", "P25Y"


@rule(rf"{_B}(?:(?i:many|some)\s+)?(?i:years|months|weeks|days|decades|centuries|hours|minutes)\s+"
      rf"(?P<dir>(?i:ago|earlier|from\s+now|hence)){_E}", needs=('ago', 'earlier', 'now', 'hence'))
def _vague_offset(m, ctx):
    # "years ago": a time before now, how long before unsaid; "hours later" in a story about
    # the past is no future, so it is left alone
    return "DATE", "PAST_REF" if m["dir"].lower() in ("ago", "earlier") else "FUTURE_REF"


@rule(rf"{_B}(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm)(?![a-z]))"
      r"(?:\s+(?P<tz>(?:[ECMP][SD]T|GMT|UTC|ET)\b|(?i:local\s+time)))?")
def _clock_ampm(m, ctx):
    h = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
    return _clock(ctx, h, int(m["min"] or 0))


@rule(rf"{_B}(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\d:])(?:\s+(?P<tz>(?:[ECMP][SD]T|GMT|UTC|ET)\b|(?i:local\s+time)))?",
      needs=(':',))
def _clock_24(m, ctx):
    return _clock(ctx, int(m["h"]), int(m["min"]))


@rule(rf"{_B}(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)\s+(?P<tz>GMT|UTC|Z){_E}")
def _clock_wire(m, ctx):
    return _clock(ctx, int(m["h"]), int(m["min"]))


_CLOCK_WORD = r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


@rule(rf"{_B}(?P<h>1[0-2]|0?[1-9]|{_CLOCK_WORD})(?::(?P<min>[0-5]\d))?(?:\s+(?P<oc>(?i:o['’]clock)))?"
      r"(?:\s+(?P<pod>(?i:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)))?(?![\w-])"
      r"(?!\s+(?i:session|shift|news|edition|show|flight|train|service|rush|class|meeting|attack|raid)\b)",
      needs=('clock', 'morning', 'afternoon', 'evening', 'night'))
def _clock_words(m, ctx):
    # "nine o'clock", "7 in the evening": a clock time named with words, not a.m./p.m.
    if not (m["oc"] or m["pod"]):
        return None
    h = WORD_NUM.get(m["h"].lower()) or int(m["h"])
    pod = (m["pod"] or "").lower().split()[-1:]
    if pod in (["afternoon"], ["evening"]) or pod == ["night"] and h >= 6:
        h = h % 12 + 12
    elif pod == ["morning"]:
        h %= 12
    return _clock(ctx, h, int(m["min"] or 0))


@rule(rf"{_B}(?P<w>(?i:noon|midnight|midday)){_E}", needs=('noon', 'midnight', 'midday'))
def _noon(m, ctx):
    if _prev_word(m) == "high":
        return None  # "High Noon", "high noon comes today": the idiom, no clock time
    return _clock(ctx, 12 if m["w"].lower() != "midnight" else 24, 0)


def _clock(ctx, h: int, minute: int):
    day = _day(ctx.anchor) if ctx.anchor else "XXXX-XX-XX"
    clock = f"T{h:02d}:{minute:02d}"
    return "TIME", Anaphoric(lambda ref: _truncate(ref, "day") and ref + clock, day + clock, local=False)


@rule(rf"{_B}(?P<the>(?i:the)\s+)?(?:(?i:fiscal)\s+)?(?:(?P<year0>1[6-9]\d\d|20\d\d)\s+(?:(?i:fiscal)\s+)?)?(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+"
      r"(?P<kind>(?i:quarter|half))(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?(?P<year>\d{4})|\s+(?P<year2>\d{4})|"
      r"\s+(?i:of)\s+(?P<rel>(?i:this|last|next|the))\s+(?i:(?:fiscal\s+)?year))?(?![\w-])",
      needs=('quarter', 'half'))
def _quarter(m, ctx):
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[m["ord"].lower()]
    half = m["kind"].lower() == "half"
    if half and n > 2:
        return None
    year = m["year"] or m["year2"] or m["year0"]
    if m["rel"] and ctx.anchor:
        year = str(ctx.anchor.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0))
    return _part_of_year(m, ctx, n, half, year)


# the business press's short forms: "Q3", "Q3 2019", "Q4/2019", "3Q", "3Q19", "H1 2020", "1H20"
@rule(r"(?<![\w/-])(?:(?P<kind>[QH])(?P<n>[1-4])|(?P<n2>[1-4])(?P<kind2>[QH]))"
      r"(?:(?:\s+|/|-|\s+FY)?(?P<year>(?:19|20)\d\d)|(?P<yy>\d\d))?(?![\w/-])",
      needs=('q1', 'q2', 'q3', 'q4', '1q', '2q', '3q', '4q', 'h1', 'h2', '1h', '2h'))
def _quarter_short(m, ctx):
    kind, n = (m["kind"] or m["kind2"]), int(m["n"] or m["n2"])
    if kind == "H" and n > 2:
        return None
    if not (m["year"] or m["yy"]) and _prev_word(m) not in (
            "in", "during", "for", "by", "since", "of", "the", "this", "last", "next", "its", "their", "until",
            "from", "to", "through", "and", "or", "between", "before", "after", "early", "late"):
        return None  # "Gate Q2", "a Q5": a name, not a quarter
    year = m["year"] or (str(2000 + int(m["yy"])) if m["yy"] else None)
    return _part_of_year(m, ctx, n, kind == "H", year)


def _part_of_year(m, ctx, n: int, half: bool, year: Optional[str]):
    label = f"H{n}" if half else f"Q{n}"
    if year:
        return "DATE", f"{year}-{label}"
    if ctx.anchor is None:
        return "DATE", Anaphoric(lambda ref: _in_other_year(ref, None, f"-{label}"), f"XXXX-{label}", local=True)
    now = (ctx.anchor.month - 1) // (6 if half else 3) + 1
    y = ctx.anchor.year
    tense = _tense(m, ctx)
    if n > now and tense != "future":
        y -= 1  # a quarter not yet begun is last year's, unless the text looks ahead
    if tense in ("present", "future"):
        return "DATE", f"{y}-{label}"
    return "DATE", Anaphoric(lambda ref: _in_other_year(ref, ctx.anchor, f"-{label}"), f"{y}-{label}", local=True)


@rule(rf"{_B}(?i:(?:the|that)\s+(?P<ago>(?:year[\s-](?:earlier|ago|before)|prior[\s-]year|year-previous)\s+)?quarter)"
      rf"{_E}(?!\s*-)", needs=('quarter',))
def _the_quarter(m, ctx):
    # "the quarter" is the one the report is about; "the year-earlier quarter" that one a year back
    k = -4 if m["ago"] else 0
    deictic = None if ctx.anchor is None else \
        _quarter_shift(ctx.anchor, k + (0 if _tense(m, ctx) in ("future", "present") else -1))
    return "DATE", Anaphoric(lambda ref: shift_value(ref, "quarter", k) if re.fullmatch(r"\d{4}-Q\d", ref) else None,
                             deictic, reach=len(m.string), compared=bool(k))


@rule(rf"{_B}(?i:year-(?:earlier|ago|before)){_E}(?!-)", needs=('year',))
def _year_earlier_adjective(m, ctx):
    # "year-earlier results": the period reported on, a year back
    deictic = None if ctx.anchor is None else str(ctx.anchor.year - 1)
    return "DATE", _compared_year(-1, deictic)


@rule(rf"{_B}(?i:the\s+(?:same|comparable|corresponding|like|latest|most\s+recent)\s+period){_E}", needs=('period',))
def _same_period(m, ctx):
    # "the same/latest period" is the part of a year the report is about; "... a year earlier/last
    # year" puts it a year back (that comparison point is an expression of its own)
    k = -1 if re.match(r"(?i)\s+(?:(?:a|one)\s+year\s+(?:earlier|ago|before)|(?:of\s+)?last\s+year|"
                       r"(?:of\s+)?the\s+(?:previous|prior)\s+year)\b", _next_text(m, 30)) else 0
    deictic = None if ctx.anchor is None else _quarter_shift(ctx.anchor, 4 * k - 1)
    return "DATE", _compared_year(k, deictic)


@rule(rf"{_B}(?i:the\s+(?:year[\s-](?:earlier|ago|before)|prior[\s-]year|year-previous)\s+(?P<what>period|(?P<ord>"
      rf"first|second|third|fourth)\s+(?P<kind>quarter|half))){_E}", needs=('year',))
def _year_earlier(m, ctx):
    if m["ord"] is None:  # "the year-earlier period": a year before the period reported on
        deictic = None if ctx.anchor is None else str(ctx.anchor.year - 1)
        return "DATE", _compared_year(-1, deictic)
    n = ORDINAL[m["ord"].lower()]
    label = ("H" if m["kind"].lower() == "half" else "Q") + str(n)
    deictic = None if ctx.anchor is None else f"{ctx.anchor.year - 1}-{label}"
    return "DATE", Anaphoric(lambda ref: f"{int(ref[:4]) - 1}-{label}" if _PART_OF_YEAR.search(ref) else None,
                             deictic, reach=COMPARED_REACH, compared=True)


@rule(rf"{_B}(?P<w>(?i:now|currently|nowadays|presently|these\s+days|the\s+present(?=\s*[.,;:!?)]|\s+(?:and|or)\b)"
      rf"|at\s+present|the\s+moment(?=\s*[.,;:!?)]))|(?:then\s+)?current(?=\s+(?!(?:account|accounts|assets|"
      rf"liabilities|ratio|yield|yields)\b)[a-z0-9])|(?i:recently|lately|the\s+past(?![\w-]|\s+(?:[\w-]+\s+){{0,2}}{_UNIT_WORDS}\b))"
      rf"|(?i:the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future)(?!\s+(?i:of)\b)){_E}")
def _reference(m, ctx):
    w = m["w"].lower()
    if w == "then current":
        return "DATE", "PAST_REF"
    if w == "current" and _prev_word(m) in ("electric", "electrical", "alternating", "direct", "ocean", "tidal", "warm",
                                            "cold", "strong", "air", "jet", "undersea", "river"):
        return None  # the noun: "an electric current flows"
    if w == "now" and (re.match(r"-", _next_text(m)) or re.match(r"\s*,", _next_text(m)) and _opens_sentence(m)):
        return None  # "now-defunct"; a sentence opening "Now, ..." is a discourse marker
    if w.startswith(("recently", "lately", "the past")):
        return "DATE", "PAST_REF"
    if "future" in w:
        return "DATE", "FUTURE_REF"
    return "DATE", "PRESENT_REF"


@rule(rf"{_B}(?P<q>(?i:every|each|per)\s+(?:(?P<other>(?i:other))\s+|{_NUM}\s+)?)"
      rf"(?P<what>{_UNIT_WORDS}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
      r"(?i:morning|afternoon|evening|night|weekend|spring|summer|autumn|winter)|"
      r"January|February|March|April|May|June|July|August|September|October|November|December)(?![a-z])"
      r"(?:(?<=[a-z]day)\s+(?P<pod>(?i:morning|afternoon|evening|night))(?![a-z]))?", needs=('every', 'each', 'per'))
def _every(m, ctx):
    what = m["what"].lower()
    if what in WEEKDAY_NUM and m["pod"]:
        return "SET", f"XXXX-WXX-{WEEKDAY_NUM[what] + 1}T{PART_OF_DAY[m['pod'].lower()]}"
    if what in MONTH_NUM:
        return "SET", f"XXXX-{MONTH_NUM[what]:02d}"
    if what in SEASON:
        return "SET", f"XXXX-{SEASON[what]}"
    if what in WEEKDAY_NUM:
        return "SET", f"XXXX-WXX-{WEEKDAY_NUM[what] + 1}"
    if what in PART_OF_DAY:
        return "SET", f"XXXX-XX-XXT{PART_OF_DAY[what]}"
    if what == "weekend":
        return "SET", "XXXX-WXX-WE"
    n = 2 if m["other"] else _num(m["num"]) if m["num"] else 1
    return "SET", duration(n, _unit(what))


# a name after "daily" ("daily Al-Ittihad"), but not a date ("daily Monday through Friday")
_NAME_FOLLOWS = re.compile(rf"\s+(?!{_MONTH}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)[A-Z][\w'-]")
_PAPER_FOLLOWS = re.compile(r"\s*(?:[^\w\s]|[A-Z]|$)|\s+(?:said|says|reported|reports|published|quoted|quotes|wrote|"
                            r"writes|cited|in|of|on|at|from|which|that|has|had|is|was|run|owned|close|newspaper|paper|magazine|"
                            r"tabloid|journal)\b")


@rule(rf"{_B}(?P<w>(?i:daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|biweekly|semiannually|"
      rf"semi-annually|bimonthly)){_E}", needs=('ly',))
def _adverb_set(m, ctx):
    w, after = m["w"].lower(), _next_text(m)
    if re.search(r"[A-Z][\w.]*\s+$", m.string[max(0, m.start() - 20): m.start()]) and _PAPER_FOLLOWS.match(after):
        return None  # "the Communist Party daily Granma": a newspaper
    in_name = m["w"][0].isupper() and not _opens_sentence(m)  # "the People's Daily"
    names_one = _NAME_FOLLOWS.match(after) and _prev_word(m) not in ("published", "issued", "updated", "open")
    if in_name or names_one:
        return None  # "the People's Daily", "the semi-official daily Al-Ittihad": a newspaper's name
    if _prev_word(m) in ("a", "the", "this", "that") and not re.match(r"\s+basis\b", after) and (
            w != "daily" or _PAPER_FOLLOWS.match(after)):
        # "a weekly", "the daily said" are newspapers and "the quarterly results" a period's (TimeBank leaves
        # them out); "on a daily basis", "a daily rally" are how often
        return None
    return "SET", {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
                   "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "quarterly": "P3M", "biweekly": "P2W",
                   "semiannually": "P6M", "semi-annually": "P6M", "bimonthly": "P2M"}[w]


@rule(rf"{_B}(?i:(?P<f>once|twice|thrice|\w+\s+times)\s+(?:a|an|per|each|every)\s+){_UNIT}",
      needs=('once', 'twice', 'thrice', 'times'))
def _frequency(m, ctx):
    return "SET", duration(1, _unit(m["unit"]))


# "two more weeks", "three straight days": the adjective between does not change the length
@rule(rf"(?<![\w'’.,$]){_NUM}(?P<and>(?i:[\s-]+and[\s-]+a[\s-]+half))?"
      rf"(?:\s+(?i:more|additional|further|extra|straight|consecutive|successive))?[\s-]+{_UNIT}"
      r"(?P<and2>(?i:\s+and\s+a\s+half))?(?![\w-]*\s*-?(?i:old)\b)")
def _duration(m, ctx):
    unit = _unit(m["unit"])
    raw = m["num"].lower()
    n = _num(raw)
    if n is not None and (m["and"] or m["and2"]):
        n += 0.5
    if raw in ("a", "an") and unit == "second":
        return None  # "a second blast" is an ordinal
    if (re.fullmatch(r"1[6-9]\d\d|20\d\d", raw) or "," in raw) and not m["unit"].lower().endswith("s"):
        return None  # "the 1988 quarter" is that year's quarter, "292,000 week ago" a count: not lengths
    if "\n" in m.group(0):
        return None  # "Revs 8,142,000\n\nYear": a figure above a table's heading (Reuters earnings)
    if unit == "quarter" and re.match(r"\s+of\s+(?!(?:the\s+|this\s+|last\s+|next\s+)?(?:year|fiscal|\d{4})\b)",
                                      _next_text(m, 30)):
        return None  # "three-quarters of its food", "a quarter of the market": a share, not three months
    if raw in ("a", "an") and not m["and2"]:
        # "$5 billion a year" is a rate: a SET
        before = m.string[max(0, m.start() - 25): m.start()].lower()
        if re.search(r"(\d|percent|%|dollars|cents|times|million|billion|people|barrels|tons|hours|days)\s*$", before):
            return "SET", duration(1, unit)
    return "DURATION", duration(n, unit)


@rule(rf"{_B}(?P<pre>(?i:recent|the\s+past|the\s+last|the\s+next|the\s+coming)\s+)?"
      r"(?P<unit>(?i:years|months|weeks|days|hours|minutes|decades|centuries))(?![\w-])")
def _vague_duration(m, ctx):
    # a bare plural is a stretch of time only where a preposition asks for one: "for years"
    if not m["pre"] and _prev_word(m) not in ("for", "within", "in", "over", "after", "than", "took", "lasted"):
        return None
    return "DURATION", duration(None, _unit(m["unit"]))


@rule(rf"{_B}(?P<unit>(?i:years|months|weeks|days|hours|decades|centuries))-(?i:long|old){_E}",
      needs=('-long', '-old'))
def _vague_length_adjective(m, ctx):
    # "a decades-old dispute", "a weeks-long siege": a length, how long unsaid
    return "DURATION", duration(None, _unit(m["unit"]))


@rule(rf"{_B}(?P<unit>(?i:year|month|week|day|hour|decade|century))-(?i:long){_E}", needs=('-long',))
def _length_adjective(m, ctx):
    # "a day-long meeting", "a year-long inquiry": one unit long
    return "DURATION", duration(1, _unit(m["unit"]))


@rule(rf"{_B}(?i:the\s+(?P<kind>fiscal\s+|full\s+)?(?P<unit>year|month|week|decade|century|day)){_E}"
      rf"(?![-’']|\s+(?i:earlier|ago|before)\b){_OF_A_DATE}")
def _the_unit(m, ctx):
    # "the year" is a date after "in", "earlier in", "the end of" ...; "for the year" is a stretch
    before = m.string[max(0, m.start() - 40): m.start()]
    unit = m["unit"].lower()
    if m["kind"] and unit != "year":
        return None
    if unit == "year" and re.match(rf"\s+(?:that\s+|which\s+)?(?i:ended|ending|ends)\s+(?:on\s+)?(?:{_MONTH}|\d|"
                                   r"(?i:today|tomorrow|yesterday)\b)", _next_text(m, 40)):
        # "the year ended Sept. 30": a company's twelve months (TimeBank); not "the year ended with a rally"
        return "DURATION", "P1Y"
    if m["kind"]:
        # "for the full year", "lower earnings for the fiscal year": the year reported on;
        # "throughout the fiscal year" is its length
        if _prev_word(m) in ("throughout", "over"):
            return "DURATION", "P1Y"
        return "DATE", None if ctx.anchor is None else str(ctx.anchor.year)
    if unit == "day":  # only "earlier in the day", "the end of the day": "the day" is mostly a noun
        if not (_DATE_MOD.search(before) or re.search(r"(?i:earlier|later|early|late)\s+in\s+$", before)):
            return None
    elif not (_DATE_MOD.search(before) or _prev_word(m) in ("in", "during", "of")):
        return None
    deictic = None if ctx.anchor is None else shift(ctx.anchor, unit, 0)
    return "DATE", Anaphoric(lambda ref: _truncate(ref, unit), deictic) if unit in ("year", "month", "day") \
        else deictic


@rule(rf"{_B}(?i:year[-\s]end|year['’]s\s+end){_E}", needs=('end',))
def _year_end(m, ctx):
    # "by year-end", "by year's end": the end of the year reported in (TIDES: the year, mod END);
    # "since year-end" the end of the one before
    prev = _prev_word(m)
    if prev not in ("by", "at", "before", "until", "since", "around", "after", "from", "through", "till"):
        return None  # "year-end bonuses", "the year-end holidays"
    if ctx.anchor is None:
        return "DATE", None
    return "DATE", str(ctx.anchor.year - (1 if prev == "since" else 0))


def _holiday_date(name: str, year: int) -> Optional[date]:
    from dateutil.easter import easter

    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
             "new year's eve": (12, 31), "valentine's day": (2, 14), "halloween": (10, 31),
             "independence day": (7, 4), "the fourth of july": (7, 4), "veterans day": (11, 11),
             "boxing day": (12, 26), "may day": (5, 1)}
    if name in fixed:
        return date(year, *fixed[name])
    if name in ("easter", "easter sunday"):
        return easter(year)
    if name == "good friday":
        return easter(year) - timedelta(days=2)
    # nth weekday of a month (n = -1: the last), and days after it: US general elections fall on
    # the Tuesday after the first Monday of November
    month, weekday, n, after = {"thanksgiving": (11, 3, 4, 0), "thanksgiving day": (11, 3, 4, 0),
                                "labor day": (9, 0, 1, 0), "memorial day": (5, 0, -1, 0),
                                "martin luther king day": (1, 0, 3, 0), "election day": (11, 0, 1, 1)}[name]
    days = [date(year, month, d) for d in range(1, 32) if _valid(year, month, d) and
            date(year, month, d).weekday() == weekday]
    return days[n if n < 0 else n - 1] + timedelta(days=after)


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


@rule(rf"{_B}(?P<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Valentine['’]s\s+Day|Halloween|"
      r"Independence\s+Day|the\s+Fourth\s+of\s+July|Veterans\s+Day|Boxing\s+Day|Easter(?:\s+Sunday)?|"
      rf"Good\s+Friday|Thanksgiving(?:\s+Day)?|Labor\s+Day|Memorial\s+Day|Martin\s+Luther\s+King\s+Day|"
      rf"Election\s+Day)(?P<week>\s+week)?(?:,?\s+{_YEAR})?{_E}",
      needs=('christmas', 'year', 'valentine', 'halloween', 'independence', 'fourth', 'veterans', 'boxing',
             'easter', 'friday', 'thanksgiving', 'labor', 'memorial', 'luther', 'election'))
def _holiday(m, ctx):
    name = re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")
    # "Easter week": the week the feast falls in; a week that holds the document's date is this one
    fmt = _week if m["week"] else date.isoformat
    if m["year"]:
        return "DATE", fmt(_holiday_date(name, int(m["year"])))
    if ctx.anchor is None:
        return "DATE", None
    a = ctx.anchor
    days = [_holiday_date(name, y) for y in (a.year - 1, a.year, a.year + 1)]
    if m["week"]:
        near = [d for d in days if abs((d - a).days) < 7]
        if near:
            return "DATE", _week(near[0])
    cands = [((d.year, d.month, d.day), fmt(d)) for d in days]
    return "DATE", _pick(cands, (a.year, a.month, a.day), _direction(_tense(m, ctx), "nearest"))


@rule(rf"{_B}(?P<w>(?i:the\s+weekend)){_E}{_OF_A_DATE}", needs=('weekend',))
def _weekend(m, ctx):
    if ctx.anchor is None:
        return "DATE", None
    step = -1 if _tense(m, ctx) == "past" and ctx.anchor.weekday() < 5 else 0
    return "DATE", shift(ctx.anchor, "weekend", step)


@rule(rf"{_B}(?P<the>(?i:the)\s+)?(?P<s>(?i:spring|summer|autumn|winter)|(?<=the\s)fall)"
      rf"(?:\s+(?i:of\s+)?{_YEAR})?{_E}", needs=('spring', 'summer', 'autumn', 'winter', 'fall'))
def _season(m, ctx):
    code = SEASON[m["s"].lower()]
    if m["year"]:
        return "DATE", f"{m['year']}-{code}"
    prev = _prev_word(m)
    if prev not in ("in", "during", "this", "last", "next", "until", "by", "since", "early", "late", "mid", "into", "over",
                    "throughout", "through", "till") or \
            re.match(r"\s+(?i:of|in|from|to|into|by)\b", _next_text(m)):
        return None  # "the fall of Rome", "spring water"
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}"
    return "DATE", resolve_season(ctx.anchor, code, _direction(_tense(m, ctx), "past"))


# --- selection and extension ----------------------------------------------------------------

# modifiers TimeML keeps inside the extent (their meaning goes to the mod attribute)
_DATE_MOD = re.compile(r"(?i:(?<![\w'’])(?:(?:the\s+)?(?:early|late|mid|earlier|later)[\s-]+|(?:the\s+)?mid-|(?:the\s+)?(?:very\s+)?"
                       r"(?:end|beginning|start|middle|close|turn|first\s+half|second\s+half|last\s+half)\s+of\s+))$")
_DURATION_MOD = re.compile(r"(?i:(?<![\w'’])(?:(?:about|nearly|almost|more\s+than|less\s+than|fewer\s+than|"
                           r"at\s+least|roughly|approximately|around|some|up\s+to|"
                           r"(?:the\s+)?(?:first|last|past|next|previous|coming|following|final|initial|"
                           r"entire|whole|full|same|remaining|better\s+part\s+of\s+the))\s+)+)$")
_THE = re.compile(r"(?i:(?<![\w'’])the\s+)$")


# "the week of March 6", "the day before last Tuesday": one date, related to the one named
_RELATED_DAY = re.compile(r"(?i:(?<![\w'’])(?:the\s+)?(?:(?P<week>week(?:end)?)\s+of|day\s+(?P<dir>before|after))\s+)$")


def _related(value: str, week: str, k: int) -> Optional[str]:
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", value or ""):
        return None
    if week:
        d = date.fromisoformat(value)
        return _week(d) + ("-WE" if week == "weekend" else "")
    return shift_value(value, "day", k)


def _extend(text: str, t: Timex) -> Timex:
    before = text[max(0, t.start - 60): t.start]
    start, value = t.start, t.value
    related = _RELATED_DAY.search(before) if t.type == "DATE" else None
    if related:
        week, k = (related["week"] or "").lower(), -1 if related["dir"] and related["dir"].lower() == "before" else 1
        if isinstance(value, Anaphoric):
            a = value
            value = dataclasses.replace(a, resolve=lambda ref: _related(a.resolve(ref), week, k),
                                        fallback=_related(a.fallback, week, k))
        else:
            value = _related(value, week, k)
        if value is not None:
            return Timex(t.start - len(related.group(0)), t.end, t.type, value)
        value = t.value
    if t.type in ("DATE", "TIME"):
        mod = _DATE_MOD.search(before)
        if mod:
            start -= len(mod.group(0))
            half = re.search(r"(first|second|last)\s+half", mod.group(0), re.I)
            if half and isinstance(value, str) and re.fullmatch(r"\d{4}", value):
                value = f"{value}-H{1 if half.group(1).lower() == 'first' else 2}"
    elif t.type == "DURATION":
        mod = _DURATION_MOD.search(before) or _THE.search(before)
        # "the" joins "the nine months" but not "the three-day visit" (the determiner is the noun's)
        if mod and not (mod.re is _THE and re.match(r"(?i)(an?|one)\b|\S+-", text[t.start:t.end])):
            start -= len(mod.group(0))
    return Timex(start, t.end, t.type, value)


def _merge_date_time(text: str, timexes: list[Timex]) -> list[Timex]:
    """'10 a.m. Wednesday' and 'Wednesday at 10 a.m.' are one TIME on that day."""
    out: list[Timex] = []
    for t in timexes:
        p = out[-1] if out else None
        if p and {p.type, t.type} == {"DATE", "TIME"} and re.fullmatch(r",?\s{1,3}(?:(?i:on|at)\s+)?",
                                                                       text[p.end: t.start]):
            day, clock = (p, t) if p.type == "DATE" else (t, p)
            dv = day.value.fallback if isinstance(day.value, Anaphoric) else day.value
            tv = clock.value.fallback if isinstance(clock.value, Anaphoric) else clock.value
            if re.fullmatch(r"\d{4}-\d\d-\d\d|XXXX-(?:WXX-\d|\d\d-\d\d)", dv or "") and "T" in (tv or ""):
                out[-1] = Timex(p.start, t.end, "TIME", dv + "T" + tv.split("T", 1)[1])
                continue
        out.append(t)
    # "from 9 a.m. to 5 p.m. Tuesday": the range's first clock time is on the day its end names
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.type == b.type == "TIME" and isinstance(a.value, Anaphoric) and isinstance(b.value, str) and \
                re.fullmatch(r"\d{4}-\d\d-\d\dT.+", b.value) and "T" in (a.value.fallback or "") and \
                re.fullmatch(r"\s*(?:to|until|till|and|[-–])\s*", text[a.end:b.start]):
            out[i] = Timex(a.start, a.end, "TIME", b.value.split("T")[0] + "T" + a.value.fallback.split("T", 1)[1])
    return out


def find_timexes(text: str, *, anchor: Optional[date],
                 tense: Callable[[int], Optional[str]] = lambda offset: None) -> list[Timex]:
    """Every time expression in ``text`` with its TIMEX3 type and value, in text order."""
    ctx = Context(anchor=anchor, tense=tense)
    found: list[Timex] = []
    low = text.lower()
    for pattern, handler in RULES:
        needs = NEEDS.get(handler)
        if needs and not any(w in low for w in needs):
            continue
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            try:
                result = handler(m, ctx)
            except (OverflowError, ValueError):
                # "versus 292,000 week ago" (head of hogs) reached past year 1 and cost the whole
                # article (E009): a reading outside the calendar is no reading
                continue
            if result is not None:
                found.append(Timex(m.start(), m.end(), *result))
    # longest first, then earliest: a longer reading ("the past three years") beats its parts
    chosen: list[Timex] = []
    taken = bytearray(len(text))
    for t in sorted(found, key=lambda t: (-(t.end - t.start), t.start)):
        if not any(taken[t.start:t.end]):
            chosen.append(t)
            taken[t.start:t.end] = b"\x01" * (t.end - t.start)
    chosen.sort(key=lambda t: t.start)
    extended = [_extend(text, t) for t in chosen]
    # an extension may not swallow the expression before it
    fixed = [t if i == 0 or t.start >= extended[i - 1].end else chosen[i] for i, t in enumerate(extended)]
    return _resolve_references(text, _merge_date_time(text, fixed))


_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*\s+[\"'“‘(]*[A-Z]|\n\s*\n")


def _resolve_references(text: str, timexes: list[Timex]) -> list[Timex]:
    """Give anaphoric values their reference: the last absolute date before them."""
    out: list[Timex] = []
    refs: list[Timex] = []
    for t in timexes:
        compared = isinstance(t.value, Anaphoric) and t.value.compared
        if isinstance(t.value, Anaphoric):
            a, value = t.value, None
            if refs and not (a.local and _SENTENCE_END.search(text, refs[-1].end, t.start)):
                value = a.resolve(refs[-1].value)
            for ref in reversed(refs[:-1] if a.reach and value is None else []):
                if ref.end < t.start - a.reach:
                    break
                value = a.resolve(ref.value)
                if value is not None:
                    break
            t = Timex(t.start, t.end, t.type, value or a.fallback)
        day = t.value.split("T")[0].removeprefix("FY") if t.value else ""
        if _ABSOLUTE.fullmatch(day) and t.type in ("DATE", "TIME") and not compared:
            refs.append(Timex(t.start, t.end, t.type, day))
        out.append(t)
    return out


def normalise_timex(expression: str, *, anchor: Optional[date], tense: Optional[str] = None
                    ) -> Optional[tuple[str, Optional[str]]]:
    """(type, value) of one time expression, or None if it is not one; for tests and tools."""
    found = find_timexes(expression, anchor=anchor, tense=lambda offset: tense)
    if not found:
        return None
    best = max(found, key=lambda t: t.end - t.start)
    return best.type, best.value
