"""The parse stage: one spaCy pipeline, loaded once per process, run in batches.

A ``ParsedArticle`` carries the input document, the detected article metadata and the
spaCy ``Doc`` over the *whole* input text, so that every span any extractor emits is an
offset into the text the user gave us. Extractors never re-parse.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.language import Language
from typing import Iterable, Iterator

from .._batches import batched
from ..config import DEFAULT_MODEL, Options
from ..errors import E, SitrepError
from ..ingest.boilerplate import boilerplate_spans, in_spans
from ..ingest.header import parse_header
from ..records import Article, Document
from .attributes import speed_up_attribute_ruler


@dataclass
class ParsedArticle:
    document: Document
    article: Article
    doc: "object"  # spacy.tokens.Doc

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def id(self) -> str:
        return self.document.id

    def in_header(self, start: int) -> bool:
        """True if ``start`` falls in the byline or date line (not the title)."""
        for span in (self.article.byline_span, self.article.date_span):
            if span and span[0] <= start < span[1]:
                return True
        return False

    @cached_property
    def boilerplate(self) -> tuple:
        """The body's boilerplate lines ("READ MORE: …", captions, "Share this …"), as spans."""
        return boilerplate_spans(self.text, start=self.article.body_start)

    def in_boilerplate(self, start: int) -> bool:
        """True if ``start`` falls in a boilerplate line (``sitrep.ingest.boilerplate``)."""
        return in_spans(self.boilerplate, start)


def load_nlp(model: str = DEFAULT_MODEL):
    """The spaCy pipeline, once per process and model name."""
    # lru_cache keys load_nlp() and load_nlp(DEFAULT_MODEL) apart: the model was loaded twice
    return _load_nlp(model)


@lru_cache(maxsize=4)
def _load_nlp(model: str):
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise SitrepError(E.E010, model=model) from exc
    if "sitrep_line_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("sitrep_line_breaks", before="parser")
    speed_up_attribute_ruler(nlp)
    return nlp


@Language.component("sitrep_line_breaks")
def mark_line_breaks(doc):
    """Start a sentence after every blank line, and after every line break in the header.

    Without this the parser ran the byline, the date line and the lead paragraph together as
    one sentence, and the extractors, which skip header sentences, lost every lead event.
    Single line breaks inside the body are left to the parser: wire copy wraps lines.
    """
    header_end = parse_header(doc.text).body_start
    for i, tok in enumerate(doc[:-1]):
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            nxt = doc[i + 1]
            if nxt.is_space:
                continue
            if "\n\n" in tok.text + tok.whitespace_ or tok.idx < header_end:
                nxt.is_sent_start = True
    return doc


LEMMA_CACHE = 8192  # entries of spaCy's lemmatizer cache kept between batches, at most


def bound_caches(nlp) -> None:
    """Empty spaCy's lemmatizer cache once it holds more than LEMMA_CACHE entries.

    It is a dict keyed by word, part of speech and morphology that spaCy never empties, so it
    grows with the vocabulary of the corpus (Reuters: 5,180 entries at 2,000 articles, 14,104
    at 20,000, ~330 bytes each). Refilled, it costs ~0.1 s.
    """
    if "lemmatizer" in nlp.pipe_names:
        cache = getattr(nlp.get_pipe("lemmatizer"), "cache", None)
        if isinstance(cache, dict) and len(cache) > LEMMA_CACHE:
            cache.clear()


def article_for(document: Document) -> Article:
    """Article metadata: the input's own fields first, then what the header lines show."""
    # a given title is only looked for in the text when the text opens with it; otherwise
    # a short first paragraph of a JSON Lines body would be mistaken for a headline
    given = (document.title or "").strip()
    allow_title = not given or document.text.lstrip().startswith(given)
    header = parse_header(document.text, allow_title=allow_title)
    return Article(
        title=document.title or header.title,
        byline=document.byline or header.byline,
        published=document.published or header.published,
        source=document.source,
        url=document.url,
        title_span=header.title_span,
        byline_span=header.byline_span,
        date_span=header.date_span,
        body_start=header.body_start,
    )


def parse_documents(documents: Iterable[Document], *, model: str = DEFAULT_MODEL,
                    batch_size: int = 32, batch_chars: int = Options.batch_chars) -> Iterator[ParsedArticle]:
    """Parse a stream of documents with ``nlp.pipe``, in minibatches of at most ``batch_size``
    documents and, unless one document is longer, ``batch_chars`` characters; order is kept."""
    nlp = load_nlp(model)
    for group in batched(documents, batch_size, batch_chars):
        for doc, document in nlp.pipe(((d.text, d) for d in group), as_tuples=True, batch_size=len(group)):
            yield ParsedArticle(document=document, article=article_for(document), doc=doc)


def parse_text(text: str, *, doc_id: str = "text", published: str | None = None,
               model: str = DEFAULT_MODEL) -> ParsedArticle:
    """Parse one text (convenience for tests and the library API)."""
    document = Document(id=doc_id, text=text, published=published)
    return next(parse_documents([document], model=model))
