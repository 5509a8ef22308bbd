"""Consolidate: merge the per-document candidates of all sources into one event summary.

One actor however it is spelled, one treaty, one item per fact citing every source that reports it,
figures about the same quantity grouped with their claimants kept, and the open questions.
"""
from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from briefing.summary import Event, EventSummary, Source

if TYPE_CHECKING:
    from briefing.extract import DocumentExtraction
    from briefing.ingest import Document


def consolidate(documents: list["Document"], extractions: list["DocumentExtraction"],
                warnings: list[str] | None = None) -> EventSummary:
    from briefing.consolidate import actors, figures, questions, reactions, relevance, timeline, treaties

    # what a transcript answers about other matters is no part of the event (before any merging)
    relevance.drop_off_topic(documents, extractions)

    sources = [Source(id=d.id, path=d.path, title=d.title, outlet=d.outlet,
                      published=d.published.isoformat() if d.published else None,
                      duplicate_of=getattr(d, "duplicate_of", None)) for d in documents]
    summary = EventSummary(event=make_event(documents, extractions), sources=sources,
                           warnings=list(warnings or []))
    every_actor = actors.merge([a for x in extractions for a in x.actors], limit=None)
    summary.treaty_basis = treaties.merge([t for x in extractions for t in x.treaties], reference=reference_date(documents))
    summary.figures = figures.merge([f for x in extractions for f in x.figures], sources,
                                    reference=reference_date(documents))
    # speakers are matched against every actor, and the list keeps each party that reacts
    summary.reactions = reactions.merge([r for x in extractions for r in x.reactions], every_actor)
    summary.actors = actors.shortlist(every_actor, {r.actor for r in summary.reactions})
    summary.timeline = timeline.merge([t for x in extractions for t in x.timeline], reference=reference_date(documents))
    summary.open_questions = questions.build(summary, [q for x in extractions for q in x.signals])
    return summary


def reference_date(documents: list["Document"]) -> date | None:
    """The date the sources were published (the most common one): what undated articles are read against."""
    dates = Counter(d.published for d in documents if d.published)
    return dates.most_common(1)[0][0] if dates else None


def make_event(documents: list["Document"], extractions: list["DocumentExtraction"]) -> Event:
    """Headline, summary, date and place of the event, from what most sources' leads agree on."""
    from briefing.consolidate.event import build_event

    return build_event(documents, extractions)
