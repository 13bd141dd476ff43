"""Readers: every input kind, and bad inputs reported per record without stopping the batch."""
from __future__ import annotations

import io
import json

from sitrep.ingest.readers import content_hash, read_inputs, read_jsonl
from sitrep.records import Document, Rejected

GOOD = "Ceasefire holds\n\nBy Ana Ruiz\nMarch 3, 2026\n\nTroops withdrew from the border on Tuesday.\n"


def _split(items):
    docs = [i for i in items if isinstance(i, Document)]
    bad = [i for i in items if isinstance(i, Rejected)]
    return docs, bad


def test_folder_with_bad_files_keeps_good_ones(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text(GOOD.replace("Tuesday", "Friday"), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners protested in Li\xe8ge.".encode("latin-1"))
    docs, bad = _split(list(read_inputs([tmp_path])))
    assert sorted(d.id for d in docs) == ["a", "sub/b"]
    reasons = {r.where.rsplit("/", 1)[-1]: r.code for r in bad}
    assert reasons == {"empty.txt": "E002", "binary.txt": "E004", "latin1.txt": "E003"}
    assert all(r.reason.startswith(f"[{r.code}]") for r in bad)


def test_header_fields_detected(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text(GOOD, encoding="utf-8")
    (doc,) = list(read_inputs([p]))
    assert (doc.title, doc.byline, doc.published) == ("Ceasefire holds", "Ana Ruiz", "2026-03-03")


def test_jsonl_bad_lines_reported_with_line_numbers(tmp_path):
    p = tmp_path / "docs.jsonl"
    lines = [json.dumps({"id": "a", "text": "One.", "gold": {"x": 1}}), "{not json", json.dumps({"id": "b"}),
             json.dumps({"id": "a", "text": "Dup."}), json.dumps({"id": "c", "text": "Three.", "published": "2020-01-01"})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with open(p, "ab") as fh:
        fh.write(b'{"id": "d", "text": "bad \xff byte"}\n')
    docs, bad = _split(list(read_inputs([p])))
    assert [d.id for d in docs] == ["a", "c"]
    assert docs[1].published == "2020-01-01"
    assert [(r.where.rsplit(":", 1)[-1], r.code) for r in bad] == [("2", "E005"), ("3", "E006"), ("4", "E007"), ("6", "E003")]


def test_jsonl_fields_sitrep_cannot_take_are_rejected_per_record(tmp_path):
    p = tmp_path / "docs.jsonl"
    lines = ['{"id": "s", "text": "bad \\ud800 text"}',  # JSON allows a lone surrogate; no text holds one
             json.dumps({"id": "p1", "text": "x.", "published": "0001-01-01"}),
             json.dumps({"id": "p2", "text": "x.", "published": "2026-13-45"}),
             json.dumps({"id": "p3", "text": "x.", "published": 12}),
             json.dumps({"id": "t", "text": "x.", "title": ["a", "list"]}),
             '{"id": ' + "9" * 5000 + ', "text": "x."}',
             json.dumps({"id": "ok", "text": "Fine.", "published": "2026-02-03T10:00:00Z"}),
             json.dumps({"id": "month", "text": "Fine.", "published": "2026-02"})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, bad = _split(list(read_inputs([p])))
    assert [d.id for d in docs] == ["ok", "month"]
    assert [r.code for r in bad] == ["E019"] * 5 + ["E005"]  # a 5,000-digit number is no JSON Python reads
    assert "'text'" in bad[0].reason and "'published'" in bad[1].reason and "'title'" in bad[4].reason


def test_missing_path_is_rejected_not_raised(tmp_path):
    (r,) = list(read_inputs([tmp_path / "nope.txt"]))
    assert isinstance(r, Rejected) and r.code == "E008"


def test_stdin_plain_and_jsonl():
    (d,) = list(read_jsonl(io.StringIO('{"id": "s", "text": "Hi."}\n'), where="<stdin>"))
    assert d.id == "s"


def test_html_main_text(tmp_path):
    body = "".join(f"<p>Paragraph {i}: officials said the talks in Geneva would resume on Monday "
                   f"after a week of delays and disagreements over the aid corridor.</p>" for i in range(5))
    html = f"<html><head><title>Talks resume</title></head><body><nav>Menu Home About</nav><article><h1>Talks resume</h1>{body}</article></body></html>"
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    (doc,) = list(read_inputs([p]))
    assert isinstance(doc, Document), doc
    assert "Geneva" in doc.text and "Menu Home" not in doc.text


def test_content_hash_ignores_whitespace_and_case():
    assert content_hash("A  b\nc") == content_hash("a b c")
    assert content_hash("a b c") != content_hash("a b d")


def test_empty_looking_text_and_utf16_files(tmp_path):
    p = tmp_path / "docs.jsonl"
    p.write_text("\n".join(json.dumps({"id": i, "text": t}) for i, t in
                           (("e", ""), ("nbsp", "\u00a0\u3000\u200b "), ("ok", "Iran attacked Iraq."))) + "\n",
                 encoding="utf-8")
    docs, bad = _split(list(read_inputs([p])))
    assert [d.id for d in docs] == ["ok"] and [r.code for r in bad] == ["E002", "E002"]
    (tmp_path / "u16.txt").write_bytes("Troops withdrew on Tuesday.".encode("utf-16"))
    (tmp_path / "u32.txt").write_bytes("Troops withdrew on Tuesday.".encode("utf-32"))
    docs, bad = _split(list(read_inputs([tmp_path / "u16.txt", tmp_path / "u32.txt"])))
    assert [d.text for d in docs] == ["Troops withdrew on Tuesday."] * 2 and not bad
