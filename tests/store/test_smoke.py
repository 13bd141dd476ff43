from sitrep.records import Document, Extraction


def test_store_roundtrip_minimal(tmp_path):
    from sitrep.store import Store

    doc = Document(id="a", text="Hello world.")
    ex = Extraction(id="a")
    with Store(tmp_path / "s.duckdb") as store:
        store.add_batch([(doc, ex)])
        (aid,) = store.article_ids()
        assert store.extraction(aid) == ex
