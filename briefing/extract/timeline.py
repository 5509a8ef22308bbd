"""Timeline entries in one document: dated happenings, dates resolved against the publication date."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from briefing.summary import TimelineEntry

if TYPE_CHECKING:
    from briefing.extract import DocContext

_MONTHS = "january february march april may june july august september october november december".split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()


def resolve(expr: str, published: date | None) -> str | None:
    """An ISO date as precise as the expression allows, relative to the publication date."""
    low = expr.lower()
    year = re.search(r"\b(19|20)\d{2}\b", low)
    month = next((i + 1 for i, m in enumerate(_MONTHS) if re.search(r"\b" + m + r"\b", low)), None)
    day = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", re.sub(r"\b(19|20)\d{2}\b", "", low))
    if year:
        y = int(year.group(0))
    elif published is None:
        return None
    elif "last year" in low or "last fall" in low or "last autumn" in low or "last spring" in low \
            or "last summer" in low or "last winter" in low:
        y = published.year - 1
    elif "this year" in low or "earlier this year" in low:
        y = published.year
    elif month:
        y = published.year if month <= published.month else published.year - 1
    else:
        for i, wd in enumerate(_WEEKDAYS):
            if wd in low:
                back = (published.weekday() - i) % 7
                return (published - timedelta(days=back)).isoformat()
        if low in ("today", "this week"):
            return published.isoformat() if low == "today" else None
        return None
    if month and day and 1 <= int(day.group(1)) <= 31:
        try:
            return date(y, month, int(day.group(1))).isoformat()
        except ValueError:
            pass
    if month:
        return f"{y:04d}-{month:02d}"
    return f"{y:04d}"


def extract(ctx: "DocContext") -> list[TimelineEntry]:
    out = []
    for sent in ctx.sentences:
        for ent in sent.span.ents:
            if ent.label_ != "DATE":
                continue
            when = resolve(ent.text, ctx.published)
            if when:
                out.append(TimelineEntry(date=when, event=sent.text, citations=[sent.citation()]))
                break
    return out
