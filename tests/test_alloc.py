"""The allocator trim between batches is safe to call anywhere, glibc or not."""
from sitrep import _alloc


def test_release_memory_is_safe_and_repeatable():
    for _ in range(3):
        _alloc.release_memory()


def test_release_memory_without_glibc_does_nothing(monkeypatch):
    monkeypatch.setattr(_alloc, "_trim", lambda: None)
    _alloc.release_memory()
