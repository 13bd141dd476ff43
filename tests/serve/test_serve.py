import json
from wsgiref.util import setup_testing_defaults

import pytest

from sitrep.serve import make_app
from tests.report.tiny_store import build_tiny_store


@pytest.fixture(scope="module")
def get(tmp_path_factory):
    app = make_app(build_tiny_store(tmp_path_factory.mktemp("serve") / "tiny.duckdb"))

    def _get(path, query=""):
        env = {}
        setup_testing_defaults(env)
        env["PATH_INFO"], env["QUERY_STRING"] = path, query
        status = []
        body = b"".join(app(env, lambda s, headers: status.append((s, dict(headers)))))
        return status[0][0], status[0][1]["Content-Type"], body.decode("utf-8")

    return _get


@pytest.mark.parametrize("page", ["/", "/events", "/quotes", "/report", "/articles/a"])
def test_pages_as_html_and_json(get, page):
    status, ctype, body = get(page)
    assert status == "200 OK" and ctype.startswith("text/html")
    assert "<script>" not in body
    status, ctype, body = get("/index.json" if page == "/" else page + ".json")
    assert status == "200 OK" and ctype.startswith("application/json")
    assert isinstance(json.loads(body), dict)


def test_json_carries_the_data(get):
    events = json.loads(get("/events.json")[2])
    assert {r["doc_id"] for r in events["rows"]} == {"a", "c"}
    with_copies = json.loads(get("/events.json", "include_copies=1")[2])
    assert "b" in {r["doc_id"] for r in with_copies["rows"]}
    agree = json.loads(get("/events.json", "type=agree")[2])
    assert [r["type"] for r in agree["rows"]] == ["AGREE"]
    article = json.loads(get("/articles/a.json")[2])
    assert article["extraction"]["id"] == "a" and article["article"]["doc_id"] == "a"
    quotes = json.loads(get("/quotes.json")[2])
    assert quotes["rows"][0]["speaker_name"] == "Erlan Mamytov"


def test_errors(get):
    assert get("/articles/nope")[0].startswith("404")
    assert get("/nowhere.json")[0].startswith("404")
    status, _, body = get("/events.json", "since=yesterday")
    assert status.startswith("400") and json.loads(body)["code"] == "E017"
