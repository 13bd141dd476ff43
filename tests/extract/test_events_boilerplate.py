"""Events never come from boilerplate lines (the reader stage's recognition, issue 18)."""
from __future__ import annotations

import pytest

from sitrep.records import Extraction


@pytest.mark.model
def test_no_event_from_a_teaser_line(parse):
    from sitrep.extract.events import extract_events

    text = ("Officials met in the capital on Monday to discuss the budget.\n\n"
            "READ MORE: Rebels attack army base near the border, killing 12 soldiers\n\n"
            "The meeting ended without an agreement.")
    parsed = parse(text, published="2020-02-14")
    events = extract_events(parsed, Extraction(id=parsed.id, article=parsed.article))
    assert not [v for v in events if v.type == "ASSAULT"]
