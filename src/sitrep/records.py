"""Typed records: the extraction record of ``shared/eval/OUTPUT.md``.

Every record is a frozen dataclass with ``to_dict`` / ``from_dict`` so that the
JSON form, the store and the exports all derive from one definition. Spans are
half-open ``(start, end)`` code-point offsets into the document ``text``.
Unknown values are ``None``, never invented.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, ClassVar, Optional, Tuple

Span = Tuple[int, int]

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "planned", "possible", "negated", "reported")
ENTITY_KINDS = ("person", "organization", "place", "group")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
PLACE_FEATURES = ("country", "admin1", "city", "region", "other")


def _to_jsonable(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, tuple) and value and all(isinstance(v, int) for v in value):
        return list(value)
    if isinstance(value, (list, tuple)):
        return [_to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_jsonable(v) for k, v in value.items()}
    return value


def _hint_to_type(hint: Any) -> Any:
    """Strip ``Optional[...]`` and return the inner type."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _hint_to_type(args[0]) if len(args) == 1 else hint
    return hint


def _from_jsonable(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    hint = _hint_to_type(hint)
    origin = typing.get_origin(hint)
    if isinstance(hint, type) and issubclass(hint, Record):
        return hint.from_dict(value)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_from_jsonable(args[0], v) for v in value)
        return tuple(_from_jsonable(a, v) for a, v in zip(args, value))
    if origin is list:
        (inner,) = typing.get_args(hint) or (Any,)
        return [_from_jsonable(inner, v) for v in value]
    return value


class Record:
    """Mixin: dict round trip for frozen dataclasses."""

    __hints__: ClassVar[dict]

    def to_dict(self) -> dict:
        return {f.name: _to_jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: dict):
        hints = cls.__dict__.get("_hints_cache")
        if hints is None:
            hints = typing.get_type_hints(cls)
            cls._hints_cache = hints
        kwargs = {}
        for f in dataclasses.fields(cls):
            if f.name in data:
                kwargs[f.name] = _from_jsonable(hints[f.name], data[f.name])
        return cls(**kwargs)

    def replace(self, **changes):
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True)
class Article(Record):
    title: Optional[str] = None
    byline: Optional[str] = None
    published: Optional[str] = None  # ISO date of publication (document creation time)
    source: Optional[str] = None  # outlet or agency named in the input metadata
    language: str = "en"
    url: Optional[str] = None
    # where the article body starts in ``text`` (after a detected header); header spans
    title_span: Optional[Span] = None
    byline_span: Optional[Span] = None
    date_span: Optional[Span] = None
    body_start: int = 0


@dataclass(frozen=True)
class Entity(Record):
    id: str
    name: str
    kind: str  # person|organization|place|group
    mentions: Tuple[Span, ...] = ()
    roles: Tuple[str, ...] = ()
    code: Optional[str] = None  # ISO-3166 alpha-3 or IGO, CAMEO style
    sector: Optional[str] = None  # GOV, MIL, IGO, REB, CVL, ...
    aliases: Tuple[str, ...] = ()  # surface forms seen in the document


@dataclass(frozen=True)
class TextSpan(Record):
    text: str
    span: Span


@dataclass(frozen=True)
class Speaker(Record):
    text: str
    span: Optional[Span] = None
    name: Optional[str] = None  # resolved full name
    entity: Optional[str] = None  # entity id
    kind: Optional[str] = None  # named|pronoun|title|organization|anonymous|collective
    role: Optional[str] = None


@dataclass(frozen=True)
class Quote(Record):
    id: str
    type: str  # direct|indirect|mixed
    text: str
    span: Span
    speaker: Optional[Speaker] = None
    cue: Optional[TextSpan] = None
    medium: Optional[str] = None
    date: Optional[str] = None  # when the statement was made, if the text says
    parts: Tuple[Span, ...] = ()  # the quoted pieces when the attribution splits the quote
    # the id of the quote this one goes on from: one statement split by its attribution, a
    # parenthetical or a paragraph break is a quote per piece, as news analysts count them
    continues: Optional[str] = None
    # no attribution of its own: the speaker is the one of the quote before (the Gender Gap
    # Tracker's "floating quote"), and ``speaker.span`` is where that speaker was named
    floating: bool = False


@dataclass(frozen=True)
class ActorRef(Record):
    text: str
    span: Optional[Span] = None
    entity: Optional[str] = None
    code: Optional[str] = None
    sector: Optional[str] = None
    # how an event's actor was found: "parse" (the trigger's own argument), "speaker" (who made
    # the statement the event is), "context" (the nearest name, PETRARCH's reading when the parse
    # gives none); "borrowed" when a generic actor took its code from a name nearby
    basis: Optional[str] = None


@dataclass(frozen=True)
class PlaceRef(Record):
    name: str
    geonameid: Optional[int] = None
    part: Optional[str] = None  # "north" for "northern Iraq" (see Place.part)
    part_lat: Optional[float] = None
    part_lon: Optional[float] = None

    @classmethod
    def of(cls, place: "Place") -> "PlaceRef":
        return cls(name=place.name or place.text, geonameid=place.geonameid, part=place.part,
                   part_lat=place.part_lat, part_lon=place.part_lon)


@dataclass(frozen=True)
class Event(Record):
    id: str
    type: str  # one of PLOVER_TYPES
    trigger: TextSpan
    sentence: Span
    mode: Optional[str] = None
    cameo: Optional[str] = None
    source: Tuple[ActorRef, ...] = ()
    target: Tuple[ActorRef, ...] = ()
    modality: str = "asserted"
    date: Optional[str] = None
    date_basis: Optional[str] = None  # sentence|context|publication
    place: Optional[PlaceRef] = None
    place_basis: Optional[str] = None  # sentence|context
    quote: Optional[str] = None  # quote id when the event is only reported in a quote
    confidence: Optional[float] = None


@dataclass(frozen=True)
class CountActor(Record):
    code: Optional[str] = None
    sector: Optional[str] = None
    entity: Optional[str] = None


@dataclass(frozen=True)
class Count(Record):
    text: str
    span: Span
    value: float
    approx: bool = False
    object: Optional[str] = None
    actor: Optional[CountActor] = None
    place: Optional[PlaceRef] = None
    qualifier: Optional[str] = None  # more than|less than|up to|about|exactly


@dataclass(frozen=True)
class Place(Record):
    text: str
    span: Span
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country: Optional[str] = None  # ISO-3166 alpha-3
    feature: Optional[str] = None  # country|admin1|city|region|other
    name: Optional[str] = None  # gazetteer name
    kind: Optional[str] = None  # toponym|demonym|metonym|facility|embedded (inside an organisation's name)
    # a compass part named with the place ("northern Iraq", "the south of France", "Syria's
    # north-east"): north|north-east|...|central, and the part's point when the gazetteer
    # knows the area's extent (countries and first-level regions); lat/lon stay the place's
    part: Optional[str] = None
    part_lat: Optional[float] = None
    part_lon: Optional[float] = None


@dataclass(frozen=True)
class Time(Record):
    text: str
    span: Span
    type: str  # DATE|TIME|DURATION|SET
    value: Optional[str] = None  # TIMEX3 value


@dataclass(frozen=True)
class Extraction(Record):
    """Everything sitrep extracts from one document."""

    id: str
    article: Article = field(default_factory=Article)
    entities: Tuple[Entity, ...] = ()
    quotes: Tuple[Quote, ...] = ()  # what a person or body said or wrote
    # what a source believes, hopes, plans, knows or found: attributed, but not said
    attributions: Tuple[Quote, ...] = ()
    events: Tuple[Event, ...] = ()
    counts: Tuple[Count, ...] = ()
    places: Tuple[Place, ...] = ()
    times: Tuple[Time, ...] = ()


@dataclass(frozen=True)
class Document(Record):
    """An input document in the shape of ``shared/eval/FORMAT.md`` (without ``gold``)."""

    id: str
    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    source: Optional[str] = None
    url: Optional[str] = None
    byline: Optional[str] = None
    path: Optional[str] = None  # where it was read from, for error reports


@dataclass(frozen=True)
class Rejected(Record):
    """An input that could not be read or processed, and why."""

    where: str  # path, or path:line
    code: str  # error code from sitrep.errors
    reason: str
