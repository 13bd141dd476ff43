from sitrep.records import Document, Extraction


def test_store_roundtrip_minimal(tmp_path):
    from sitrep.store import Store

    doc = Document(id="a", text="Hello world.")
    ex = Extraction(id="a")
    with Store(tmp_path / "s.duckdb") as store:
        store.add_batch([(doc, ex)])
        (aid,) = store.article_ids()
        assert store.extraction(aid) == ex


def test_a_list_of_ids_goes_to_duckdb_as_one_parameter(tmp_path):
    from sitrep.store import IN_LIST, Store, in_list

    values = ["a1", "b, c", "it's", "", "ünï"]
    with Store(tmp_path / "s.duckdb") as store:
        got = [r[0] for r in store.con.execute(f"SELECT * FROM {IN_LIST}", [in_list(values)]).fetchall()]
        assert got == values
        assert store.known_hashes(["no", "such"]) == set()


def test_looking_up_many_ids_costs_duckdb_no_import_per_id(tmp_path, monkeypatch):
    # a list parameter made DuckDB try ``import pandas`` once per string when pandas is absent
    import builtins

    from sitrep.store import Store

    real_import, tried = builtins.__import__, []

    def counting(name, *args, **kwargs):
        if name.split(".")[0] == "pandas":
            tried.append(name)
        return real_import(name, *args, **kwargs)

    with Store(tmp_path / "s.duckdb") as store:
        store.known_hashes(["warm"])
        monkeypatch.setattr(builtins, "__import__", counting)
        assert store.known_hashes([f"h{i}" for i in range(200)]) == set()
    assert len(tried) < 10
