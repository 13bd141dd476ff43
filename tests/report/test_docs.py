"""Docs checked by tests: every CLI command has help text and an entry in docs/cli.md."""
import re
from pathlib import Path

import pytest

from sitrep.cli import main

DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture(scope="module")
def documented() -> set[str]:
    return set(re.findall(r"^## sitrep (\S+)\s*$", DOCS.read_text(encoding="utf-8"), flags=re.M))


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_has_help(name):
    assert (main.commands[name].help or "").strip(), f"sitrep {name} has no help text"


@pytest.mark.parametrize("name", sorted(main.commands))
def test_command_is_documented(name, documented):
    assert name in documented, f"add a '## sitrep {name}' entry to docs/cli.md"


def test_no_stale_entries(documented):
    assert documented <= set(main.commands), "docs/cli.md documents commands that no longer exist"


def test_readme_opens_with_the_two_commands():
    text = README.read_text(encoding="utf-8")
    assert "make demo" in text and "make test" in text
    assert text.index("make demo") < text.index("make test") < 1500
