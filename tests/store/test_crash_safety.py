"""SIGKILL ``sitrep ingest`` at random moments, run it again, and find every article stored once.

Each batch is one transaction, so after any kill the store must hold whole batches only:
every stored article with all of its records (equal to a clean extraction) and no record
without its article; the final run must complete the corpus without storing anything twice.
"""
from __future__ import annotations

import fcntl
import json
import os
import pty
import random
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time

import pytest

PEOPLE = ["Maria Lopez", "Ahmed Karimi", "John Whitfield", "Li Wei", "Olga Petrenko", "Samuel Okoro"]
ROLES = ["foreign minister", "police spokesman", "army commander", "governor", "opposition leader"]
PLACES = ["Baghdad", "Kabul", "Lagos", "Caracas", "Kyiv", "Manila", "Beirut", "Nairobi"]
GROUPS = ["the United Nations", "the European Union", "the Red Cross", "NATO", "the African Union"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generated_documents(n: int, seed: int = 7) -> list[dict]:
    """Short news-like articles, all different, with people, places, counts and quotes."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        who, role, place, other = rng.choice(PEOPLE), rng.choice(ROLES), rng.choice(PLACES), rng.choice(PLACES)
        group, day, k = rng.choice(GROUPS), rng.choice(DAYS), rng.randint(2, 400)
        text = (f"{place} (Reuters) - {who}, the {role}, said on {day} that {k} people were killed "
                f"when gunmen attacked a market in {other}.\n\n"
                f"\"We will not accept this,\" {who.split()[-1]} told reporters in {place}.\n\n"
                f"{group[0].upper() + group[1:]} condemned the attack and called "
                f"for talks between the government and the rebels. Report number {i}.")
        docs.append({"id": f"gen-{i:03d}", "text": text, "published": "2020-02-14", "source": "Reuters"})
    return docs


def run_and_kill(cmd: list[str], *, after: int, rng: random.Random, timeout: float = 60) -> None:
    """Start ``cmd``, SIGKILL it once its progress bar shows ``after`` documents done, plus a moment.

    The bar (tqdm, drawn only on a terminal, hence the pty) counts documents after their
    batch is committed, so the kill lands while later batches are being parsed or written.
    """
    master, slave = pty.openpty()
    # a terminal of zero columns, the pty default, makes tqdm draw nothing
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    seen, deadline = b"", time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        if select.select([master], [], [], 0.05)[0]:
            try:
                seen += os.read(master, 4096)
            except OSError:  # the pty reports EIO once the child has closed it
                break
            done = re.findall(rb"(\d+)doc \[", seen)
            if done and int(done[-1]) >= after:
                break
    time.sleep(rng.uniform(0.0, 0.3))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    os.close(master)


def check_store(db, reference: dict) -> int:
    """Every stored article is whole and equal to its clean extraction; no orphan records."""
    from sitrep.store import Store
    from sitrep.store.schema import RECORD_TABLES

    with Store(db, read_only=True) as store:
        rows = store.query("SELECT article_id, doc_id FROM articles")
        doc_ids = [r["doc_id"] for r in rows]
        assert len(doc_ids) == len(set(doc_ids)), "an article was stored twice"
        # every table keyed by article (records, and the copy index's own tables)
        keyed = [r["table_name"] for r in store.query(
            "SELECT table_name FROM information_schema.columns WHERE column_name = 'article_id' "
            "AND table_name <> 'articles'")]
        assert set(RECORD_TABLES) <= set(keyed)
        for table in keyed:
            orphans = store.query(f"SELECT count(*) AS n FROM {table} WHERE article_id NOT IN "
                                  "(SELECT article_id FROM articles)")[0]["n"]
            assert orphans == 0, f"{orphans} {table} rows without their article"
        for r in rows:
            assert store.extraction(r["article_id"]) == reference[r["doc_id"]], r["doc_id"]
        total = store.counts()
        for table in RECORD_TABLES:
            expected = sum(len(getattr(reference[d], table)) if table != "mentions" else
                           sum(len(e.mentions) for e in reference[d].entities) for d in doc_ids)
            assert total[table] == expected, table
    return len(doc_ids)


@pytest.mark.slow
@pytest.mark.model
def test_sigkill_then_resume_stores_every_article_once(tmp_path):
    from sitrep.api import extract_documents
    from sitrep.config import Options
    from sitrep.records import Document

    docs = generated_documents(60)
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    cmd = [sys.executable, "-m", "sitrep", "ingest", str(src), "--db", str(db), "--batch-size", "2"]
    # the store keeps every event, whatever its confidence
    reference = {r.id: r for r in extract_documents(
        [Document(id=d["id"], text=d["text"], published=d["published"], source=d["source"]) for d in docs],
        options=Options(min_event_confidence=0.0))}

    rng = random.Random(20200214)
    stored = [0]
    for _ in range(3):
        run_and_kill(cmd, after=stored[-1] + rng.randint(3, 12), rng=rng)
        if db.exists():
            stored.append(check_store(db, reference))
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert check_store(db, reference) == len(docs)
    assert stored == sorted(stored), "a kill lost articles that had been committed"


def test_missing_model_fails_fast_with_workers(tmp_path):
    """Workers whose model does not load must not be restarted forever: E010, at once."""
    from sitrep.api import ingest_documents
    from sitrep.config import Options
    from sitrep.errors import SitrepError
    from sitrep.records import Document

    docs = [Document(id=d["id"], text=d["text"]) for d in generated_documents(3)]
    with pytest.raises(SitrepError, match="E010"):
        ingest_documents(docs, db=tmp_path / "s.duckdb", options=Options(model="no_such_model", n_process=2))
