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
