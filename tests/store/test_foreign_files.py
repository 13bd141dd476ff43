"""A DuckDB file that is no sitrep store, or one written by a newer sitrep, is refused with E011."""
from __future__ import annotations

import duckdb
import pytest

from sitrep.errors import SitrepError
from sitrep.store import SCHEMA_VERSION, Store


def test_a_duckdb_file_with_other_tables_is_not_a_store(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE accounts (x INTEGER)")
    con.close()
    for read_only in (True, False):
        with pytest.raises(SitrepError) as err:
            Store(path, read_only=read_only)
        assert err.value.code == "E011" and "not a sitrep store" in str(err.value)


def test_a_store_of_a_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 98)])
    con.close()
    with pytest.raises(SitrepError) as err:
        Store(path, read_only=True)
    assert "newer sitrep" in str(err.value)


def test_ingest_of_a_path_that_does_not_exist_makes_no_store(tmp_path):
    from sitrep.api import ingest

    with pytest.raises(SitrepError) as err:
        ingest([tmp_path / "nowhere"], db=tmp_path / "s.duckdb")
    assert err.value.code == "E008" and not (tmp_path / "s.duckdb").exists()


def test_a_store_another_process_writes_is_refused_in_plain_words(tmp_path):
    import subprocess
    import sys
    import time

    path = tmp_path / "s.duckdb"
    Store(path).close()
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, time; c = duckdb.connect({str(path)!r}); "
                               "print('ready', flush=True); time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(SitrepError) as err:
            Store(path, read_only=True)
        message = str(err.value)
        assert "another process is writing to it" in message and "PID" not in message and "-readonly" not in message
    finally:
        holder.kill()
        holder.wait()
        time.sleep(0.1)
