"""A tiny store built by hand from Extraction records: no model, no ../shared."""
from __future__ import annotations

from sitrep.records import (ActorRef, Article, Count, Document, Event, Extraction, Place, PlaceRef, Quote,
                            Speaker, TextSpan, Time)

BODY_A = ('Tajik guards shelled Kok-Tash on Monday, the ministry said. "We hold Dushanbe responsible '
          '<script>alert(1)</script>," spokesman Erlan Mamytov said. About 4,000 people fled to Batken. '
          'Officials said troops might withdraw.\n')
BODY_C = ("Tajikistan denied that its drone crossed into northern Kyrgyzstan, the Almaty Herald reported. "
          "The two ministers agreed on a truce in Almaty on Monday.\n")
TEXT_A = "Border clash near Batken\n\nAnna Smith\nFebruary 3, 2026\n\n" + BODY_A
TEXT_B = "Border clash near Batken\n\nOliver Brandt\nFebruary 4, 2026\n\n" + BODY_A + "\nOther reports by Ledger\n"
TEXT_C = "Truce agreed in Almaty\n\nMarta Novak\nFebruary 23, 2026\n\n" + BODY_C


def _span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def _sentence(text: str, words: str, after: int = 0) -> tuple[int, int]:
    s, _ = _span(text, words, after)
    start = text.rfind(". ", 0, s)
    start = text.rfind("\n", 0, s) + 1 if start < 0 else start + 2
    return start, text.index(".", s) + 1


def _clash(doc_id: str, text: str, published: str, byline: str) -> Extraction:
    def ts(w):
        return TextSpan(w, _span(text, w))

    quote_text = "We hold Dushanbe responsible <script>alert(1)</script>,"
    return Extraction(
        id=doc_id,
        article=Article(title="Border clash near Batken", byline=byline, published=published),
        quotes=(Quote(id="q1", type="direct", text=quote_text, span=_span(text, quote_text),
                      speaker=Speaker(text="Erlan Mamytov", span=_span(text, "Erlan Mamytov"),
                                      name="Erlan Mamytov", kind="named", role="spokesman"),
                      cue=ts("said")),),
        events=(Event(id="v1", type="ASSAULT", trigger=ts("shelled"), sentence=_sentence(text, "shelled"),
                      cameo="195", source=(ActorRef("Tajik guards", _span(text, "Tajik guards"), code="TJK",
                                                    sector="MIL"),),
                      target=(ActorRef("Kok-Tash", _span(text, "Kok-Tash"), code="KGZ"),),
                      date="2026-02-02", date_basis="sentence", place=PlaceRef("Kok-Tash", 1528000)),
                Event(id="v2", type="RETREAT", trigger=ts("withdraw"), sentence=_sentence(text, "withdraw"),
                      source=(ActorRef("troops", _span(text, "troops")),), modality="possible")),
        counts=(Count(text="About 4,000 people", span=_span(text, "About 4,000 people"), value=4000,
                      approx=True, object="people", place=PlaceRef("Batken", 1528675)),),
        places=(Place("Kok-Tash", _span(text, "Kok-Tash"), 1528000, 39.9, 70.6, "KGZ", "city", "Kok-Tash"),
                Place("Dushanbe", _span(text, "Dushanbe"), 1221874, 38.54, 68.78, "TJK", "city", "Dushanbe"),
                Place("Batken", _span(text, "Batken", text.index("fled")), 1528675, 40.06, 70.82, "KGZ", "city",
                      "Batken")),
        times=(Time("Monday", _span(text, "Monday"), "DATE", "2026-02-02"),),
    )


def _truce() -> Extraction:
    text = TEXT_C
    body = text.index(BODY_C)
    return Extraction(
        id="c",
        article=Article(title="Truce agreed in Almaty", byline="Marta Novak", published="2026-02-23"),
        events=(Event(id="v1", type="ASSAULT", trigger=TextSpan("crossed", _span(text, "crossed")),
                      sentence=_sentence(text, "denied"), source=(ActorRef("Tajikistan", code="TJK"),),
                      modality="negated"),
                Event(id="v2", type="AGREE", trigger=TextSpan("agreed", _span(text, "agreed", body)),
                      sentence=_sentence(text, "agreed", body), cameo="057",
                      source=(ActorRef("The two ministers"),), date="2026-02-23",
                      place=PlaceRef("Almaty", 1526384))),
        places=(Place("Kyrgyzstan", _span(text, "Kyrgyzstan"), 1527747, 41.0, 75.0, "KGZ", "country", "Kyrgyzstan",
                      part="north", part_lat=42.5, part_lon=74.6),
                Place("Almaty", _span(text, "Almaty", body), 1526384, 43.25, 76.92, "KAZ", "city", "Almaty",
                      kind="embedded"),
                Place("Almaty", _span(text, "Almaty", text.index("truce")), 1526384, 43.25, 76.92, "KAZ", "city",
                      "Almaty")),
    )


def build_tiny_store(path) -> str:
    """Three articles: an original, a syndicated copy of it (marked by hand), another original."""
    from sitrep.store import Store

    pairs = [(Document(id="a", text=TEXT_A, path="a.txt"), _clash("a", TEXT_A, "2026-02-03", "Anna Smith")),
             (Document(id="b", text=TEXT_B, path="b.txt"), _clash("b", TEXT_B, "2026-02-04", "Oliver Brandt")),
             (Document(id="c", text=TEXT_C, path="c.txt"), _truce())]
    with Store(path) as store:
        store.add_batch(pairs, dedup=False)
        # copy detection is another stage's job; mark the copy directly so the test needs no dedup
        store.con.execute("UPDATE articles SET copy_of = (SELECT article_id FROM articles WHERE doc_id = 'a'), "
                          "copy_kind = 'copy', cluster = (SELECT article_id FROM articles WHERE doc_id = 'a') "
                          "WHERE doc_id = 'b'")
    return str(path)
