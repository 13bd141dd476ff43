"""Report rendering: the report data becomes sections of cited items, drawn as Markdown or HTML.

Both renderings share one list of sections, so the terminal and the browser always show
the same facts with the same citations. Nothing here queries the store.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html import escape

from .data import snippet

# hypothetical and negated events must never read as facts: each gets a visible label
MODALITY_LABELS = {
    "asserted": "",
    "reported": "CLAIMED by a source",
    "planned": "PLANNED, not yet happened",
    "possible": "POSSIBLE, hypothetical: not a fact",
    "negated": "NEGATED: did not happen / denied",
}
COPY_KINDS = {"exact": "exact copy", "near": "near copy", "copy": "copy", "rewrite": "rewrite",
              "stitched": "stitched from other articles"}
MAX_STATEMENTS_PER_SPEAKER = 2
MAX_STATEMENTS = 30
PERSON_KINDS = ("named", "pronoun", "title")
SPEAKER_RANK = {"named": 1, "organization": 2, "title": 3, "anonymous": 4, "collective": 5}


@dataclass
class Item:
    text: str
    doc: str | None = None
    offset: int | None = None
    quote: str | None = None  # the cited words of the article
    when: str | None = None
    label: str | None = None  # modality or status shown in front of the text


@dataclass
class Section:
    key: str
    title: str
    items: list[Item] = field(default_factory=list)
    empty: str = "(none)"


def _clean(value) -> str:
    """Joined multi-actor columns ("KGZ; ; TJK") and header line breaks, tidied for one line."""
    return "; ".join(p for p in (" ".join(str(value or "").split()).split(";")) if p.strip()).replace(" ;", ";")


def _actor(text, code) -> str:
    text, code = _clean(text), _clean(code)
    if text and code:
        return f"{text} ({code})"
    return text or code or "?"


def _speaker(q: dict) -> str:
    name = q.get("speaker_name") or q.get("speaker_text")
    if not name:
        return "unattributed"
    return name + (" (anonymous)" if q.get("speaker_kind") == "anonymous" else "")


def _timeline(events: list[dict]) -> Section:
    sec = Section("timeline", "Timeline of events")
    for e in events:
        when = e.get("date") or e.get("published")
        basis = "" if e.get("date") else " (publication date)"
        parts = [f"{e['type']}: {_actor(e.get('source_text'), e.get('source_code'))}"]
        if e.get("target_text") or e.get("target_code"):
            parts.append(f"→ {_actor(e.get('target_text'), e.get('target_code'))}")
        parts.append(f"“{e.get('trigger')}”")
        if e.get("place_name"):
            parts.append(f"in {e['place_name']}")
        if e.get("quote_id"):
            parts.append("(inside a quote)")
        reports = e.get("reports") or 1
        parts.append(f"— {reports} report{'s' if reports != 1 else ''}")
        sec.items.append(Item(" ".join(parts), doc=e.get("doc_id"), offset=e.get("sentence_start"),
                              quote=snippet(e.get("sentence")), when=f"{when or 'undated'}{basis}",
                              label=MODALITY_LABELS.get(e.get("modality") or "asserted", e.get("modality"))))
    return sec


def _speaker_rank(q: dict) -> int:
    """0 for a person the text names (even when a later pronoun or title is the cue)."""
    if q.get("speaker_name") and q.get("speaker_kind") in PERSON_KINDS:
        return 0
    return SPEAKER_RANK.get(q.get("speaker_kind") or "", len(SPEAKER_RANK) + 1)


def _statements(quotes: list[dict]) -> Section:
    sec = Section("statements", "Key statements")
    by_speaker: dict[str, list[dict]] = defaultdict(list)
    for q in quotes:
        if q.get("speaker_name") or q.get("speaker_text"):
            by_speaker[_speaker(q)].append(q)
    # the longest direct quotes say the most; indirect ones fill in for speakers without any
    # named people first, then the most quoted, so a long story keeps its key voices to the end
    groups = sorted(by_speaker.values(), key=lambda qs: (min(map(_speaker_rank, qs)), -len(qs)))
    picked = []
    for qs in groups:
        qs = sorted(qs, key=lambda q: (q.get("type") != "direct", -len(q.get("text") or "")))
        picked += qs[:MAX_STATEMENTS_PER_SPEAKER]
    chosen = sorted(picked[:MAX_STATEMENTS],
                    key=lambda q: (str(q.get("date") or ""), q.get("doc_id") or "", q.get("start") or 0))
    for q in chosen:
        who = _speaker(q) + (f", {q['speaker_role']}" if q.get("speaker_role") else "")
        to = f" (to {q['medium']})" if q.get("medium") else ""
        sec.items.append(Item(f"{who}{to} [{q.get('type')}]", doc=q.get("doc_id"), offset=q.get("start"),
                              quote=snippet(q.get("text"), limit=240), when=str(q.get("date") or "")))
    return sec


def _quoted(quotes: list[dict]) -> Section:
    sec = Section("quoted", "Who is quoted")
    groups: dict[str, list[dict]] = defaultdict(list)
    for q in quotes:
        groups[_speaker(q)].append(q)
    for who, qs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        roles = Counter(q["speaker_role"] for q in qs if q.get("speaker_role"))
        role = f", {roles.most_common(1)[0][0]}" if roles else ""
        n_docs = len({q.get("doc_id") for q in qs})
        first = qs[0]
        sec.items.append(Item(f"{who}{role}: {len(qs)} quote{'s' if len(qs) != 1 else ''} "
                              f"in {n_docs} article{'s' if n_docs != 1 else ''}",
                              doc=first.get("doc_id"), offset=first.get("start"),
                              quote=snippet(first.get("text"), limit=100)))
    return sec


def _figures(rows: list[dict]) -> Section:
    sec = Section("figures", "Figures")
    for c in rows:
        prefix = f"{c['qualifier']} " if c.get("qualifier") else "~" if c.get("approx") else ""
        value = f"{prefix}{c['value']:,g}"
        extra = ", ".join(x for x in (c.get("actor_code"), c.get("place_name")) if x)
        sec.items.append(Item(f"{value} {c.get('object') or ''}".rstrip() + (f" ({extra})" if extra else ""),
                              doc=c.get("doc_id"), offset=c.get("start"), quote=snippet(c.get("text")),
                              when=c.get("published")))
    return sec


def _places(rows: list[dict]) -> Section:
    sec = Section("places", "Places")
    for p in rows:
        where = ", ".join(x for x in (p.get("feature"), p.get("country")) if x)
        if p.get("parts"):  # "Iraq (country, IRQ; north, central)": the parts the articles name
            where += ("; " if where else "") + ", ".join(p["parts"])
        sec.items.append(Item(f"{p['name']}" + (f" ({where})" if where else "")
                              + f": {p['mentions']} mention{'s' if p['mentions'] != 1 else ''} "
                                f"in {p['articles']} article{'s' if p['articles'] != 1 else ''}",
                              doc=p.get("doc_id"), offset=p.get("start")))
    return sec


def _sources(rows: list[dict]) -> Section:
    sec = Section("sources", "Sources")
    for a in rows:
        if a.get("copy_of_doc"):
            kind = COPY_KINDS.get(a.get("copy_kind") or "", a.get("copy_kind") or "copy")
            status = f"{kind} of {a['copy_of_doc']}: not counted again"
        else:
            status = COPY_KINDS.get(a.get("copy_kind") or "", a.get("copy_kind") or "original")
        if a.get("sources"):
            status += "; draws on " + ", ".join(str(s) for s in a["sources"])
        meta = " · ".join(x for x in (a.get("byline"), a.get("source"), a.get("url")) if x)
        sec.items.append(Item(f"{a.get('title') or '(no title)'}" + (f" — {meta}" if meta else "")
                              + f" [{a['n_events']} events, {a['n_quotes']} quotes]",
                              doc=a.get("doc_id"), when=a.get("published"), label=status))
    return sec


def build_sections(data: dict) -> list[Section]:
    return [_timeline(data["events"]), _statements(data["quotes"]), _quoted(data["quotes"]),
            _figures(data["figures"]), _places(data["places"]), _sources(data["sources"])]


def summary_lines(data: dict) -> list[str]:
    s = data["summary"]
    lines = [f"{s['articles']} articles ({s['originals']} original, {s['copies']} detected as copies) "
             f"in {s['stories']} distinct stories, published {s['first'] or '?'} to {s['last'] or '?'}."]
    if s.get("derived"):
        lines.append(f"{s['derived']} further article(s) stitched together from others; they are listed with "
                     "their sources and counted as their own reports.")
    if s.get("rejected"):
        lines.append(f"{s['rejected']} inputs were rejected at ingest.")
    if data.get("filters"):
        lines.append("Filters: " + ", ".join(f"{k}={v}" for k, v in data["filters"].items()) + ".")
    lines.append("Copies are left out of every count; each item cites its article [doc#offset] and words.")
    return lines


def _cite(item: Item) -> str:
    if not item.doc:
        return ""
    return f"[{item.doc}#{item.offset}]" if item.offset is not None else f"[{item.doc}]"


def render_markdown(data: dict) -> str:
    out = ["# Situation report", ""]
    out += [f"{line}  " for line in summary_lines(data)]
    for sec in build_sections(data):
        out += ["", f"## {sec.title} ({len(sec.items)})", ""]
        if not sec.items:
            out.append(sec.empty)
        day = None
        for it in sec.items:
            if sec.key == "timeline" and it.when != day:
                day = it.when
                out += ([""] if out[-1] else []) + [f"### {day}", ""]
            head = f"**{it.when}** " if it.when and sec.key != "timeline" else ""
            label = f"[{it.label}] " if it.label else ""
            quote = f" “{it.quote}”" if it.quote else ""
            out.append(f"- {head}{label}{it.text} — {_cite(it)}{quote}".replace("\n", " "))
    return "\n".join(out) + "\n"


_CSS = """body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{margin-bottom:.2rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
li{margin:.35rem 0}.when{font-weight:600;margin-right:.4rem}.cite{color:#555;font-size:.9em}
.label{background:#fde8c8;border:1px solid #e0a040;border-radius:3px;padding:0 .3rem;margin-right:.3rem;font-size:.85em}
.label.original{background:#e6f2e6;border-color:#7a7}blockquote{margin:.2rem 0 0 1rem;color:#444;font-style:italic}"""


def render_html(data: dict, *, link_articles: bool = False) -> str:
    """A self-contained HTML page; every piece of text from the store is escaped."""
    def cite(it: Item) -> str:
        if not it.doc:
            return ""
        text = escape(_cite(it))
        if link_articles:
            from urllib.parse import quote

            text = f'<a href="/articles/{escape(quote(it.doc, safe=""))}">{text}</a>'
        return f' <span class="cite">{text}</span>'

    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           "<title>Situation report</title>", f"<style>{_CSS}</style></head><body>",
           "<h1>Situation report</h1>"]
    if link_articles:  # served by ``sitrep serve``: the way back to the other pages
        out.insert(-1, '<nav><a href="/">Articles</a> · <a href="/events">Events</a> · '
                       '<a href="/quotes">Quotes</a> · <a href="/report.json">JSON</a></nav>')
    out += [f"<p>{escape(line)}</p>" for line in summary_lines(data)]
    for sec in build_sections(data):
        out.append(f'<section id="{sec.key}"><h2>{escape(sec.title)} ({len(sec.items)})</h2>')
        if not sec.items:
            out.append(f"<p>{escape(sec.empty)}</p>")
        else:
            out.append("<ul>")
            for it in sec.items:
                when = f'<span class="when">{escape(it.when)}</span>' if it.when else ""
                kind = " original" if it.label == "original" else ""
                label = f'<span class="label{kind}">{escape(it.label)}</span>' if it.label else ""
                quote = f"<blockquote>“{escape(it.quote)}”</blockquote>" if it.quote else ""
                out.append(f"<li>{when}{label}{escape(it.text)}{cite(it)}{quote}</li>")
            out.append("</ul>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
