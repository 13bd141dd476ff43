"""Cutting a stream into batches bounded by documents and by characters."""
from __future__ import annotations

from typing import Iterable, Iterator

from .records import Document


def _chars(item) -> int:
    return len(item.text) if isinstance(item, Document) else 0


def batched(items: Iterable, size: int, chars: int = 0) -> Iterator[list]:
    """Lists of at most ``size`` items and, when ``chars`` is set, at most ``chars`` characters
    of document text, unless one document is longer (it is a batch of its own); order kept."""
    group: list = []
    n = 0
    for item in items:
        k = _chars(item) if chars else 0
        if group and (len(group) >= size or (chars and n + k > chars)):
            yield group
            group, n = [], 0
        group.append(item)
        n += k
    if group:
        yield group
