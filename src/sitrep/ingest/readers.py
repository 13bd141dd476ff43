"""Readers: files, folders, JSON Lines and standard input to a stream of documents.

Every reader yields ``Document`` or ``Rejected``; a bad input never stops the stream.
Nothing here loads a corpus whole: JSON Lines are read line by line, folders walked lazily.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import IO, Iterable, Iterator, Union

from ..errors import E
from ..records import Document, Rejected

TEXT_EXTENSIONS = (".txt", ".text", ".md")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
JSONL_EXTENSIONS = (".jsonl", ".ndjson")
ARTICLE_EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + JSONL_EXTENSIONS

Item = Union[Document, Rejected]


def _reject(at: str, code, **kwargs) -> Rejected:
    return Rejected(where=at, code=code.code, reason=code.format(**kwargs))


# byte-order marks of the UTF-16 and UTF-32 text some editors save (UTF-32 first: its
# little-endian mark begins with UTF-16's)
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
         (b"\xfe\xff", "utf-16"))
# characters that show nothing: a text of only these and whitespace is empty
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def blank(text: str) -> bool:
    """Nothing to read: only whitespace (any Unicode space, NBSP, U+3000) and zero-width marks."""
    return not text.translate(_INVISIBLE).strip()


def _decode(raw: bytes, path: str) -> Union[str, Rejected]:
    if not raw.strip():
        return _reject(path, E.E002, path=path)
    codec = next((c for bom, c in _BOMS if raw.startswith(bom)), None)
    if codec is None and b"\x00" in raw[:4096]:
        return _reject(path, E.E004, path=path)
    try:
        text = raw.decode(codec or "utf-8-sig")
    except UnicodeDecodeError as exc:
        return _reject(path, E.E003, path=path, offset=exc.start)
    if blank(text):
        return _reject(path, E.E002, path=path)
    # control characters other than whitespace are a sign of binary content
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 8:
        return _reject(path, E.E004, path=path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def doc_id_for_path(path: Path, root: Path | None = None) -> str:
    """A stable id for a file: its path relative to the root it was found under."""
    try:
        rel = path.relative_to(root) if root else Path(path.name)
    except ValueError:
        rel = Path(path.name)
    return rel.with_suffix("").as_posix()


def _read_decoded(path: Path) -> Union[str, Rejected]:
    where = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return _reject(where, E.E001, path=where, reason=exc.strerror or str(exc))
    return _decode(raw, where)


def read_text_file(path: Path, *, doc_id: str | None = None) -> Item:
    from .header import parse_header

    text = _read_decoded(path)
    if isinstance(text, Rejected):
        return text
    header = parse_header(text)
    return Document(id=doc_id or doc_id_for_path(path), text=text, title=header.title,
                    published=header.published, byline=header.byline, path=str(path))


def read_html_file(path: Path, *, doc_id: str | None = None) -> Item:
    text = _read_decoded(path)
    if isinstance(text, Rejected):
        return text
    return document_from_html(text, doc_id=doc_id or doc_id_for_path(path), where=str(path))


def document_from_html(html: str, *, doc_id: str, where: str, url: str | None = None) -> Item:
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_precision=True
    )
    if extracted is None:
        return _reject(where, E.E015, path=where)
    meta = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    body = (meta.get("text") or "").strip()
    if not body:
        return _reject(where, E.E015, path=where)
    published = meta.get("date")
    return Document(
        id=doc_id,
        text=body,
        title=meta.get("title"),
        published=published[:10] if published else None,
        source=meta.get("sitename") or meta.get("hostname"),
        url=meta.get("url") or url,
        byline=meta.get("author"),
        path=where,
    )


def _document_from_json_line(line: str, *, loc: str, fallback_id: str, seen: set[str]) -> Item | None:
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except ValueError as exc:  # JSONDecodeError, or a number of more than 4,300 digits
        return _reject(loc, E.E005, where=loc, reason=getattr(exc, "msg", str(exc)[:80]))
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return _reject(loc, E.E006, where=loc)
    if blank(obj["text"]):
        return _reject(loc, E.E002, path=loc)
    bad = _bad_field(obj)
    if bad is not None:
        return _reject(loc, E.E019, where=loc, field=bad[0], reason=bad[1])
    doc_id = str(obj.get("id") or fallback_id)
    if doc_id in seen:
        return _reject(loc, E.E007, where=loc, id=doc_id)
    seen.add(doc_id)
    return Document(
        id=doc_id,
        text=obj["text"],
        title=obj.get("title"),
        published=obj.get("published"),
        source=obj.get("source"),
        url=obj.get("url"),
        byline=obj.get("byline"),
        path=loc,
    )


_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?")


def _bad_field(obj: dict) -> tuple[str, str] | None:
    """(field, why) for a record sitrep cannot take as it stands, else None: a lone surrogate
    (JSON allows "\\ud800"; no text holds one), an id that is no short string or number, a title
    that is no string, a publication date that is no ISO date of years 1000-9998."""
    for field in ("text", "title", "source", "url", "byline"):
        value = obj.get(field)
        if value is not None and not isinstance(value, str):
            return field, "is not a string"
        if value and _SURROGATE.search(value):
            return field, "holds a lone surrogate (U+D800-U+DFFF), which is no character"
    doc_id = obj.get("id")
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, (str, int))
                               or isinstance(doc_id, int) and not -10**18 < doc_id < 10**18
                               or isinstance(doc_id, str) and (len(doc_id) > 500 or _SURROGATE.search(doc_id))):
        return "id", "is not a string or number of at most 500 characters"
    published = obj.get("published")
    if published is not None:
        m = _ISO_DATE.fullmatch(published) if isinstance(published, str) else None
        if m is None:
            return "published", f"is not an ISO date (YYYY-MM-DD): {str(published)[:40]!r}"
        try:
            date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
        except ValueError:
            return "published", f"is no calendar date: {published[:40]!r}"
        if not 1000 <= int(m.group(1)) <= 9998:
            return "published", f"is out of range (years 1000-9998): {published[:40]!r}"
    return None


def read_jsonl(stream: IO[str], *, where: str) -> Iterator[Item]:
    """Documents in the FORMAT.md shape, one per line; ``gold`` is dropped unread."""
    seen: set[str] = set()
    for lineno, line in enumerate(stream, 1):
        item = _document_from_json_line(line, loc=f"{where}:{lineno}",
                                        fallback_id=f"{Path(where).stem}-{lineno}", seen=seen)
        if item is not None:
            yield item


def read_jsonl_file(path: Path) -> Iterator[Item]:
    """Like ``read_jsonl`` but decodes line by line: one line of bad UTF-8 rejects that line only."""
    where = str(path)
    seen: set[str] = set()
    try:
        with open(path, "rb") as fh:
            for lineno, raw in enumerate(fh, 1):
                loc = f"{where}:{lineno}"
                try:
                    line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    yield _reject(loc, E.E003, path=loc, offset=exc.start)
                    continue
                item = _document_from_json_line(line, loc=loc, fallback_id=f"{path.stem}-{lineno}", seen=seen)
                if item is not None:
                    yield item
    except OSError as exc:
        yield _reject(where, E.E001, path=where, reason=exc.strerror or str(exc))


def read_path(path: Path, *, root: Path | None = None) -> Iterator[Item]:
    suffix = path.suffix.lower()
    doc_id = doc_id_for_path(path, root)
    if suffix in JSONL_EXTENSIONS:
        yield from read_jsonl_file(path)
    elif suffix in HTML_EXTENSIONS:
        yield read_html_file(path, doc_id=doc_id)
    else:
        yield read_text_file(path, doc_id=doc_id)


def walk_folder(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` with an article extension, recursively, in sorted order."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            p = Path(dirpath) / name
            if p.suffix.lower() in ARTICLE_EXTENSIONS or not p.suffix:
                yield p


def read_stdin(stream: IO[str] | None = None) -> Iterator[Item]:
    stream = stream or sys.stdin
    data = stream.read()
    stripped = data.lstrip()
    if stripped.startswith("{"):
        yield from read_jsonl(io.StringIO(data), where="<stdin>")
    elif stripped[:200].lower().startswith(("<!doctype", "<html")):
        yield document_from_html(data, doc_id="stdin", where="<stdin>")
    else:
        from .header import parse_header

        if not data.strip():
            yield _reject("<stdin>", E.E002, path="<stdin>")
            return
        header = parse_header(data)
        yield Document(id="stdin", text=data, title=header.title, published=header.published,
                       byline=header.byline, path="<stdin>")


def read_inputs(paths: Iterable[Union[str, Path]]) -> Iterator[Item]:
    """Every document under the given paths ('-' is standard input), lazily."""
    for p in paths:
        if str(p) == "-":
            yield from read_stdin()
            continue
        path = Path(p)
        if path.is_dir():
            for f in walk_folder(path):
                yield from read_path(f, root=path)
        elif path.is_file():
            yield from read_path(path)
        else:
            yield _reject(str(path), E.E008, path=str(path))


def content_hash(text: str) -> str:
    """Hash of the normalised text: the identity of an article in the store."""
    norm = " ".join(text.split()).casefold()
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()
