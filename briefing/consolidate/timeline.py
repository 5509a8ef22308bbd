"""The timeline: one entry per dated happening, in date order."""
from __future__ import annotations

from briefing.summary import TimelineEntry


def merge(candidates: list[TimelineEntry]) -> list[TimelineEntry]:
    by_date: dict[str, TimelineEntry] = {}
    for t in candidates:
        m = by_date.get(t.date)
        if m is None:
            by_date[t.date] = TimelineEntry(date=t.date, event=t.event, citations=list(t.citations))
        else:
            m.citations.extend(c for c in t.citations if c not in m.citations)
    return [by_date[d] for d in sorted(by_date)]
