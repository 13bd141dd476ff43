"""One lexicon that every extractor imports: word lists kept as data, never a second copy.

Each list is ``data/lexicon/<name>.tsv``: a header comment, then one lower-case lemma a line,
sorted and unique, optionally followed by a tab and an example of the use the list is for
(``tests/kb/test_lexicon.py`` checks the form and that every example holds the word).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "lexicon"


def entries(name: str) -> list[tuple[str, str]]:
    """(lemma, example) rows of one list, in file order."""
    rows = []
    for line in (DATA / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, _, example = line.partition("\t")
            rows.append((word, example))
    return rows


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The lemmas of one list."""
    return frozenset(w for w, _ in entries(name))


def names() -> list[str]:
    return sorted(p.stem for p in DATA.glob("*.tsv"))
