"""The one lexicon: each word list is data, in lemma form, sorted, unique, with examples that hold the word."""
from __future__ import annotations

import pytest

from sitrep.kb.lexicon import entries, names


@pytest.mark.parametrize("name", names())
def test_each_list_is_lower_case_sorted_and_unique(name):
    words = [w for w, _ in entries(name)]
    assert words, name
    assert words == sorted(words), f"{name}: not sorted"
    assert len(words) == len(set(words)), f"{name}: a word twice"
    assert all(w == w.lower() and w.strip() == w and w for w in words), f"{name}: not lower-case lemmas"


@pytest.mark.parametrize("name", names())
def test_each_example_holds_its_word(name):
    for word, example in entries(name):
        if example and not example.isupper():  # a mapping list's value (a sector code) is no example
            stem = word[:-1] if len(word) > 3 else word  # "allies" holds "all(y)", "stations" "station"
            assert stem in example.lower(), f"{name}: {word!r} is not in its example {example!r}"
