"""Parsing in minibatches bounded by documents and characters."""
from sitrep.records import Document


def test_minibatches_bound_documents_and_characters():
    from sitrep.nlp.pipeline import _minibatches

    docs = [Document(id=str(i), text="x" * n) for i, n in enumerate([5, 5, 5, 30, 5, 5, 5, 5, 5])]
    groups = [[d.id for d in g] for g in _minibatches(docs, 4, 12)]
    # a document longer than the budget goes alone; none is dropped or reordered
    assert groups == [["0", "1"], ["2"], ["3"], ["4", "5"], ["6", "7"], ["8"]]
    assert [[d.id for d in g] for g in _minibatches(docs, 4, 1000)] == [["0", "1", "2", "3"], ["4", "5", "6", "7"], ["8"]]
