"""One actor however it is spelled."""
from __future__ import annotations

from briefing.summary import Actor


def merge(candidates: list[Actor]) -> list[Actor]:
    merged: dict[str, Actor] = {}
    for a in candidates:
        key = a.name.lower()
        m = merged.get(key)
        if m is None:
            merged[key] = Actor(name=a.name, kind=a.kind, aliases=list(a.aliases), role=a.role,
                                mentions=a.mentions, citations=list(a.citations[:1]))
            continue
        m.mentions += a.mentions
        m.role = m.role or a.role
        if a.citations and all(c.source != a.citations[0].source for c in m.citations):
            m.citations.append(a.citations[0])
    return sorted(merged.values(), key=lambda a: (-len({c.source for c in a.citations}), -a.mentions, a.name))
