"""Text normalisation for copy detection: sentences of folded content tokens.

Rewrites change surface words, not content, so each sentence becomes a set of tokens
with the usual rewriting moves undone: case, punctuation, number formats, stop words,
inflection (a light suffix stemmer), irregular verbs, general news synonyms, country
names and multi-word names versus their acronyms (NATO / North Atlantic Treaty
Organisation, U.S. / USA / United States). Pure text: no model, fast.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

STOP = frozenset("""
a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most
my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself also additionally furthermore moreover however nevertheless
nonetheless meanwhile yet still though although thus hence therefore indeed instead besides
currently presently now already around approximately roughly nearly almost some about per via
according upon onto within without among amid whether either neither may might must shall
mr mrs ms dr vs v etc inc corp co ltd plc llc s
""".split())

# Irregular past forms the suffix stemmer cannot reach.
IRREGULAR = dict(pair.split(":") for pair in """
said:say told:tell rose:rise risen:rise fell:fall fallen:fall bought:buy began:begin begun:begin
grew:grow grown:grow won:win took:take taken:take made:make met:meet led:lead held:hold sold:sell
paid:pay spent:spend sent:send left:leave lost:lose gave:give given:give went:go gone:go came:come
saw:see seen:see knew:know known:know thought:think brought:bring built:build caught:catch
fought:fight found:find got:get gotten:get hit:hit kept:keep let:let meant:mean put:put ran:run
set:set shot:shoot shut:shut sought:seek spoke:speak spoken:speak stood:stand struck:strike
swore:swear sworn:swear wrote:write written:write chose:choose chosen:choose drew:draw drawn:draw
drove:drive driven:drive flew:fly flown:fly forbade:forbid froze:freeze frozen:freeze hid:hide
hidden:hide rode:ride rang:ring sang:sing sank:sink slid:slide stole:steal stolen:steal
threw:throw thrown:throw wore:wear worn:wear withdrew:withdraw withdrawn:withdraw
""".split())

# General news paraphrase groups; the first word is the canonical form. Written for
# wire copy in general (reporting verbs, market moves, deals, officials), not for any
# one evaluation set: folding a pair wrongly costs little, since matching is fuzzy.
SYNONYM_GROUPS = """
say state tell add note remark comment declare assert claim explain inform
rise climb increase grow gain jump rose advance soar surge up higher
fall drop decline decrease slip slide sink dip tumble plunge lower down shrink
buy purchase acquire acquisition takeover
sell divest dispose
firm company corporation business group concern enterprise
deal agreement accord pact contract treaty
talk negotiation discussion
government administration authority officials official regime cabinet
big large major key significant important huge
begin start commence launch initiate
end finish conclude close complete
help assist aid support
need require
show indicate reveal suggest demonstrate
total overall combined
previous prior earlier former preceding past last
expect anticipate forecast predict project
announce unveil disclose release reveal publish
profit earning income gain
shareholder stockholder investor
statement release communique
report post record
kill slay
attack strike assault raid
troop soldier force
meet gather convene
leader head chief
country nation state
city town
people person individual resident civilian
try attempt seek
plan intend aim
allow permit let
cut reduce lower trim slash
quickly rapidly swiftly fast
because since
ask request urge call
warn caution
protest demonstration rally
""".split("\n")

UNITS = {"mln": "million", "mn": "million", "m": "million", "millions": "million", "bln": "billion",
         "bn": "billion", "billions": "billion", "thousands": "thousand", "k": "thousand", "pct": "percent",
         "percentage": "percent", "dlrs": "usd", "dlr": "usd", "dollar": "usd", "dollars": "usd",
         "cts": "cent", "ct": "cent", "cents": "cent", "yr": "year", "yrs": "year", "qtr": "quarter"}
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
CONNECTORS = frozenset("of and for the on de du la".split())
ABBREV = frozenset("mr mrs ms dr prof st co corp inc ltd plc jan feb mar apr jun jul aug sep sept oct nov "
                   "dec no nos gov sen rep gen col lt jr sr vs v bros dept mt ft u.s u.k e.g i.e".split())

# A token: a dotted acronym (U.S.), a number with separators, or a word (hyphen parts apart).
TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*|[^\W\d_]+(?:'(?![sS]\b)[^\W\d_]+)?|[%$€£]")
SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s+")


def _stem(word: str) -> str:
    """A light suffix stemmer: enough to fold inflections, not a full Porter."""
    if len(word) <= 3:
        return word
    for suf, rep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""),
                     ("ly", "")):
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            word = word[: len(word) - len(suf)] + rep
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # stopped -> stopp -> stop
    return word.rstrip("e") if len(word) > 4 else word


@lru_cache(maxsize=None)
def _synonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in SYNONYM_GROUPS:
        words = line.split()
        for w in words:
            out.setdefault(_stem(w), _stem(words[0]))
    return out


@lru_cache(maxsize=None)
def _countries() -> dict[tuple[str, ...], str]:
    """Country names, official names and codes (pycountry) -> one token, by lower-cased word tuple."""
    import pycountry

    out: dict[tuple[str, ...], str] = {}
    for c in pycountry.countries:
        code = c.alpha_3.lower()
        for name in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if name and "," not in name:
                out[tuple(re.findall(r"[^\W\d_]+", name.lower()))] = code
        out[(c.alpha_3.lower(),)] = code
    extra = {"us": "usa", "u.s": "usa", "america": "usa", "united states": "usa", "uk": "gbr",
             "u.k": "gbr", "britain": "gbr", "great britain": "gbr", "russia": "rus", "iran": "irn",
             "south korea": "kor", "north korea": "prk", "syria": "syr", "vietnam": "vnm",
             "taiwan": "twn", "bolivia": "bol", "venezuela": "ven", "tanzania": "tza", "laos": "lao",
             "moldova": "mda", "holland": "nld", "the netherlands": "nld"}
    for k, v in extra.items():
        out[tuple(k.split())] = v
    return out


@lru_cache(maxsize=16_384)  # a bound: the cache once grew with the vocabulary of the corpus
def fold_word(word: str) -> str:
    """One lower-cased word to its canonical content form ('' for a stop word)."""
    if word in STOP:
        return ""
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    if word in UNITS:
        return UNITS[word]
    if word[0].isdigit():
        return _number(word)
    word = IRREGULAR.get(word, word)
    stem = _stem(word)
    return _synonyms().get(stem, stem)


def _number(tok: str) -> str:
    tok = tok.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", tok) else tok.replace(",", ".")
    if "." in tok:
        tok = tok.rstrip("0").rstrip(".")
    return tok


def sentences(text: str) -> list[str]:
    """Sentences of a text: lines and paragraphs split at . ! ? before a capital, digit or quote."""
    text = unicodedata.normalize("NFKC", text)
    out = []
    for line in text.splitlines():
        start = 0
        for m in SENT_END.finditer(line):
            nxt = line[m.end():m.end() + 1]
            if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘("):
                continue
            words = line[start:m.start() + 1].split()
            last = words[-1].rstrip(".!?\"'”’)]").lstrip("\"'“‘(").lower() if words else ""
            if line[m.start()] == "." and (last in ABBREV or len(last) == 1):
                continue
            out.append(line[start:m.end()].strip())
            start = m.end()
        out.append(line[start:].strip())
    return [s for s in out if s]


def content_tokens(sentence: str) -> list[str]:
    """The folded content tokens of one sentence, in order."""
    raw = TOKEN.findall(sentence.replace("’", "'"))
    out: list[str] = []
    countries = _countries()
    i = 0
    while i < len(raw):
        tok = raw[i]
        # country names first (longest match), so 'United States' is not read as an acronym
        for n in ((4, 3, 2, 1) if tok[0].isupper() else ()):  # country names are capitalised
            key = tuple(t.lower().rstrip(".") for t in raw[i:i + n])
            if len(key) == n and key in countries and (n > 1 or len(tok) > 2 or tok.isupper() or "." in tok):
                out.append(countries[key])
                i += n
                break
        else:
            j, caps = i, []
            while tok.lower() not in STOP and j < len(raw) and (raw[j][:1].isupper() and raw[j][1:].islower() or
                                    (caps and raw[j] in CONNECTORS and j + 1 < len(raw)
                                     and raw[j + 1][:1].isupper())):
                if raw[j] not in CONNECTORS:
                    caps.append(raw[j][0].lower())
                j += 1
            # a run of capitalised words folds to its initials, as its acronym would
            if len(caps) >= 2:
                while j > i and raw[j - 1] in CONNECTORS:
                    j -= 1
                out.append("".join(caps))
                i = j
                continue
            if tok.isupper() and len(tok) >= 2 and tok.isalpha() or "." in tok and tok[0].isalpha():
                out.append(tok.replace(".", "").lower())  # NATO, U.S.-style acronyms
            else:
                folded = {"%": "percent", "$": "usd"}.get(tok) or fold_word(tok.lower())
                if folded:
                    out.append(folded)
            i += 1
    return out
