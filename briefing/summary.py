"""The event summary: the JSON shape fixed in CONTRACT.md (schema_version 1), as dataclasses.

Every stage after ingest speaks in these types. Fields beyond the contract are allowed
(the contract may be extended, never broken) and are listed after the contract's own.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1

ACTOR_KINDS = ("person", "organization", "country", "group")
STANCES = ("support", "condemn", "deny", "concern", "neutral")


@dataclass(frozen=True)
class Citation:
    """One sentence (or clause) of one source: ``original_text[start:end] == text``."""

    source: str
    text: str
    start: int
    end: int


@dataclass
class Source:
    id: str
    path: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    # extension: id of the source this one is a near-duplicate of (same wire copy), if any
    duplicate_of: str | None = None


@dataclass
class Event:
    headline: str
    summary: str
    date: str | None = None
    location: str | None = None
    citations: list[Citation] = field(default_factory=list)


@dataclass
class Actor:
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    mentions: int = 0
    citations: list[Citation] = field(default_factory=list)


@dataclass
class Treaty:
    name: str
    article: str | None = None
    provision: str | None = None
    signed: str | None = None
    ratified: str | None = None
    citations: list[Citation] = field(default_factory=list)


# units of a figure that measure a length of time ('a 60-day period', 'six weeks of stocks'): a term or a span,
# which the page ranks after counts, sums and shares and no one is asked to confirm
DURATION_UNITS = frozenset("""second seconds minute minutes hour hours day days night nights week weeks month months
year years decade decades""".split())


@dataclass
class Figure:
    value: float
    unit: str
    text: str
    description: str
    low: float | None = None
    high: float | None = None
    claimed_by: str | None = None
    as_of: str | None = None
    citations: list[Citation] = field(default_factory=list)
    # extension: what quantity this is, so that figures about the same thing group together
    quantity: str | None = None


@dataclass
class Reaction:
    actor: str
    stance: str
    summary: str
    quote: str | None = None
    citations: list[Citation] = field(default_factory=list)


@dataclass
class TimelineEntry:
    date: str
    event: str
    citations: list[Citation] = field(default_factory=list)


@dataclass
class OpenQuestion:
    question: str
    reason: str
    citations: list[Citation] = field(default_factory=list)
    # extension: which kind of question (conflict, dispute, unknown, next, single_source)
    kind: str | None = None


@dataclass
class EventSummary:
    event: Event
    sources: list[Source] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    treaty_basis: list[Treaty] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    open_questions: list[OpenQuestion] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION
    # extension: non-fatal problems met on the way (skipped files, foreign-language sources...)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        # schema_version first, as in the contract, for people reading the file
        return {"schema_version": data.pop("schema_version"), **data}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "EventSummary":
        def cites(item: dict[str, Any]) -> list[Citation]:
            return [Citation(**c) for c in item.get("citations") or []]

        def build(kind: type, items: list[dict[str, Any]]) -> list:
            names = {f.name for f in dataclasses.fields(kind)}
            return [kind(**{**{k: v for k, v in it.items() if k in names}, "citations": cites(it)}) for it in items]

        ev = data["event"]
        return cls(
            event=Event(**{**ev, "citations": cites(ev)}),
            sources=[Source(**{k: v for k, v in s.items() if k in {f.name for f in dataclasses.fields(Source)}})
                     for s in data.get("sources") or []],
            actors=build(Actor, data.get("actors") or []),
            treaty_basis=build(Treaty, data.get("treaty_basis") or []),
            figures=build(Figure, data.get("figures") or []),
            reactions=build(Reaction, data.get("reactions") or []),
            timeline=build(TimelineEntry, data.get("timeline") or []),
            open_questions=build(OpenQuestion, data.get("open_questions") or []),
            schema_version=data.get("schema_version", SCHEMA_VERSION),
            warnings=list(data.get("warnings") or []),
        )
