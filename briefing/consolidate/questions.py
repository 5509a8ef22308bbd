"""Open questions: conflicts between sources, disputed claims, unknowns, and what comes next."""
from __future__ import annotations

from briefing.summary import EventSummary, OpenQuestion


def build(summary: EventSummary, signals: list[OpenQuestion]) -> list[OpenQuestion]:
    out: list[OpenQuestion] = []
    seen: set[str] = set()
    for q in signals:
        key = q.citations[0].text if q.citations else q.reason
        if key in seen:
            continue
        seen.add(key)
        out.append(q)
    return out
