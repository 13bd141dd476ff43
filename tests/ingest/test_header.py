from sitrep.ingest.header import parse_date_line, parse_header


def test_seed_layout():
    text = "Big headline here\n\nElias Hubbard\nFebruary 14, 2020\n\nBody starts. It goes on.\n"
    h = parse_header(text)
    assert (h.title, h.byline, h.published) == ("Big headline here", "Elias Hubbard", "2020-02-14")
    assert text[h.body_start:].startswith("Body starts")
    for span, value in ((h.title_span, h.title), (h.byline_span, h.byline)):
        assert text[span[0]:span[1]] == value


def test_every_header_line_optional():
    assert parse_header("Body only. Two sentences here.\n\nMore.").title is None
    h = parse_header("By Jane Doe\n2020-01-02\n\nText.")
    assert (h.title, h.byline, h.published) == (None, "Jane Doe", "2020-01-02")
    h = parse_header("Talks collapse\n\nMon, Feb 3, 2020\n\nText of the story.")
    assert (h.title, h.byline, h.published) == ("Talks collapse", None, "2020-02-03")


def test_date_line_forms():
    assert parse_date_line("February 14, 2020") == "2020-02-14"
    assert parse_date_line("14 Feb 2020 10:31 GMT") == "2020-02-14"
    assert parse_date_line("Updated: 2021-06-01T09:00:00Z") == "2021-06-01"
    assert parse_date_line("February 30, 2020") is None
    assert parse_date_line("The talks began on February 14, 2020 in Paris") is None
