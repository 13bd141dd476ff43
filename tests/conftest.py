"""Shared fixtures: the spaCy model (loaded once) and the ../shared data folder."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "seed" / "000_b81079d545b3e2ce.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared beside the project ({path} not found); CI always has it")
    return path


@pytest.fixture(scope="session")
def nlp():
    from sitrep.nlp.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def parse(nlp):
    """parse(text, published=None) -> ParsedArticle, with the real model."""
    from sitrep.nlp.pipeline import parse_text

    def _parse(text: str, published: str | None = None, doc_id: str = "t"):
        return parse_text(text, published=published, doc_id=doc_id)

    return _parse


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_path("seed", "000_b81079d545b3e2ce.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_extraction(seed_text):
    """The full extraction of the seed article, computed once per test session."""
    from sitrep.api import extract_paths

    (result,) = list(extract_paths([SEED]))
    return result
