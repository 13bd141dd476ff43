"""Batches bounded by documents and characters."""
from sitrep._batches import batched
from sitrep.records import Document, Rejected


def test_batches_bound_documents_and_characters():
    docs = [Document(id=str(i), text="x" * n) for i, n in enumerate([5, 5, 5, 30, 5, 5, 5, 5, 5])]
    groups = [[d.id for d in g] for g in batched(docs, 4, 12)]
    # a document longer than the budget goes alone; none is dropped or reordered
    assert groups == [["0", "1"], ["2"], ["3"], ["4", "5"], ["6", "7"], ["8"]]
    assert [[d.id for d in g] for g in batched(docs, 4)] == [["0", "1", "2", "3"], ["4", "5", "6", "7"], ["8"]]


def test_a_rejected_input_has_no_text_and_rides_along():
    items = [Document(id="a", text="x" * 8), Rejected(where="r", code="E001", reason="bad"),
             Document(id="b", text="x" * 8), Document(id="c", text="x" * 3)]
    assert [len(g) for g in batched(items, 32, 12)] == [2, 2]
