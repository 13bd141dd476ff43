"""The web view: a WSGI app on the standard library, every page also served as JSON.

Datasette's rule: one handler per page returns plain data; the same data is rendered as
HTML, or as JSON when the path ends in ``.json``. Handlers call ``sitrep.query`` and
``sitrep.report`` and hold no SQL and no NLP. Tests call ``make_app(db)`` in-process.
"""
from __future__ import annotations

import json
from dataclasses import asdict
from html import escape
from pathlib import Path
from typing import Callable, Union
from urllib.parse import parse_qs, quote

from ..errors import SitrepError

FILTER_PARAMS = ("actor", "type", "since", "until", "place", "text", "speaker")
DEFAULT_LIMIT = 500  # rows per list page; ?limit= overrides


class NotFound(Exception):
    pass


def _filters(params: dict):
    from ..query import Filters

    kw = {k: params[k] for k in FILTER_PARAMS if params.get(k)}
    try:
        floor = float(params["min_confidence"]) if params.get("min_confidence") else None
    except ValueError:
        floor = None
    return Filters(**kw, include_copies=params.get("include_copies", "") in ("1", "true", "yes", "on"),
                   min_confidence=floor if floor is None or 0.0 <= floor <= 1.0 else None)


def _limit(params: dict) -> int:
    value = params.get("limit", "")
    return int(value) if value.isdigit() else DEFAULT_LIMIT


# -- handlers: (db, params, *args) -> data ---------------------------------------------

def index_page(db, params):
    from ..report.data import overview

    return overview(db)


def events_page(db, params):
    from ..query import EVENT_COLUMNS, events

    filters = _filters(params)
    return {"filters": asdict(filters), "columns": list(EVENT_COLUMNS),
            "rows": events(db, filters, limit=_limit(params))}


def quotes_page(db, params):
    from ..query import QUOTE_COLUMNS, quotes

    filters = _filters(params)
    return {"filters": asdict(filters), "columns": list(QUOTE_COLUMNS),
            "rows": quotes(db, filters, limit=_limit(params))}


def report_page(db, params):
    from ..report.data import report_data

    return report_data(db, _filters(params))


def article_page(db, params, key):
    from ..report.data import article

    data = article(db, key)
    if data is None:
        raise NotFound(key)
    return data


# -- HTML renderings -------------------------------------------------------------------

_CSS = """body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#222}nav a{margin-right:1rem}
table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #ddd;padding:.2rem .4rem;vertical-align:top;text-align:left}th{background:#f4f4f4}
pre{white-space:pre-wrap;max-width:60rem;background:#fafafa;padding:.8rem;border:1px solid #eee}"""


def _layout(title: str, body: str, json_href: str) -> str:
    nav = " ".join(f'<a href="{h}">{t}</a>' for h, t in
                   (("/", "Articles"), ("/events", "Events"), ("/quotes", "Quotes"), ("/report", "Report"))) + " "
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)} · sitrep</title>'
            f"<style>{_CSS}</style></head><body><nav>{nav}<a href=\"{escape(json_href)}\">JSON</a></nav>"
            f"<h1>{escape(title)}</h1>{body}</body></html>\n")


def _article_link(doc_id) -> str:
    return f'<a href="/articles/{escape(quote(str(doc_id), safe=""))}">{escape(str(doc_id))}</a>'


def _table(rows: list[dict], columns) -> str:
    if not rows:
        return "<p>(no rows)</p>"
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    body = []
    for r in rows:
        cells = []
        for c in columns:
            v = r.get(c)
            cells.append(_article_link(v) if c == "doc_id" and v else escape("" if v is None else str(v)))
        body.append("<tr>" + "".join(f"<td>{x}</td>" for x in cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _summary(s: dict) -> str:
    return (f"<p>{s['articles']} articles ({s['originals']} original, {s['copies']} detected as copies) in "
            f"{s['stories']} stories, {escape(str(s['first']))} to {escape(str(s['last']))}.</p>")


def index_html(data) -> str:
    cols = ("published", "doc_id", "title", "byline", "copy_kind", "copy_of_doc", "n_events", "n_quotes")
    return _summary(data["summary"]) + _table(data["articles"], cols)


def rows_html(data) -> str:
    shown = {k: v for k, v in data["filters"].items() if v not in (None, False)}
    note = ("<p>Filters: " + escape(", ".join(f"{k}={v}" for k, v in shown.items())) + "</p>") if shown else ""
    return note + f"<p>{len(data['rows'])} rows</p>" + _table(data["rows"], data["columns"])


def article_html(data) -> str:
    a, ex = data["article"], data["extraction"]
    meta = _table([a], ("doc_id", "title", "byline", "published", "source", "url", "copy_kind", "copy_of_doc"))
    parts = [meta, "<h2>Text</h2>", f"<pre>{escape(data['text'])}</pre>"]
    for key, cols in (("events", ("id", "type", "modality", "trigger", "date", "source", "target", "place")),
                      ("quotes", ("id", "type", "speaker", "text", "medium")),
                      ("counts", ("text", "value", "object", "place")),
                      ("places", ("text", "name", "country", "feature", "geonameid")),
                      ("times", ("text", "type", "value"))):
        rows = [{c: _brief(rec.get(c)) for c in cols} for rec in ex.get(key, [])]
        parts += [f"<h2>{key.capitalize()} ({len(rows)})</h2>", _table(rows, cols)]
    return "".join(parts)


def _brief(value):
    """A record field as one table cell: names of nested records, not their JSON."""
    if isinstance(value, dict):
        return value.get("name") or value.get("text")
    if isinstance(value, list):
        return "; ".join(str(_brief(v)) for v in value)
    return value


def report_html(data) -> str:
    from ..report.render import render_html

    return render_html(data, link_articles=True)


# -- routing ---------------------------------------------------------------------------

Page = tuple[Callable, Callable, str]  # handler, HTML renderer, title
PAGES: dict[str, Page] = {
    "": (index_page, index_html, "Articles"),
    "events": (events_page, rows_html, "Events"),
    "quotes": (quotes_page, rows_html, "Quotes"),
    "report": (report_page, report_html, "Situation report"),
}


def _route(path: str) -> tuple[Page, tuple]:
    name = path.strip("/")
    if name.startswith("articles/") and len(name) > len("articles/"):
        return (article_page, article_html, "Article"), (name[len("articles/"):],)
    if name in PAGES:
        return PAGES[name], ()
    raise NotFound(path)


def make_app(db: Union[str, Path]):
    """The WSGI application over one store file."""
    def app(environ, start_response):
        path = environ.get("PATH_INFO") or "/"
        as_json = path.endswith(".json")
        if as_json:
            path = path[: -len(".json")]
            path = "/" if path in ("", "/index") else path
        params = {k: v[-1] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        try:
            (handler, html, title), args = _route(path)
            data = handler(db, params, *args)
            status = "200 OK"
        except NotFound:
            status, data, html, title = "404 Not Found", {"error": f"no page {path}"}, None, "Not found"
        except SitrepError as exc:
            status, data, html, title = "400 Bad Request", {"error": str(exc), "code": exc.code}, None, "Bad request"
        if as_json:
            body = json.dumps(data, ensure_ascii=False, default=str, indent=1)
            ctype = "application/json; charset=utf-8"
        else:
            json_href = (path.rstrip("/") or "/index") + ".json" + (
                "?" + environ["QUERY_STRING"] if environ.get("QUERY_STRING") else "")
            inner = html(data) if html else f"<p>{escape(data['error'])}</p>"
            if html is report_html:  # the report is a whole page of its own
                body = inner
            else:
                body = _layout(title, inner, json_href)
            ctype = "text/html; charset=utf-8"
        payload = body.encode("utf-8")
        start_response(status, [("Content-Type", ctype), ("Content-Length", str(len(payload)))])
        return [payload]

    return app


def serve(db: Union[str, Path], *, host: str = "127.0.0.1", port: int = 8025) -> None:
    """Serve the store until interrupted (standard-library server, one request at a time)."""
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):  # library code never prints; the CLI says where it serves
            pass

    with make_server(host, port, make_app(db), handler_class=QuietHandler) as httpd:
        httpd.serve_forever()
