"""Reactions grouped by party, each party once, the strongest quote kept."""
from __future__ import annotations

from briefing.summary import Actor, Reaction


def merge(candidates: list[Reaction], actors: list[Actor]) -> list[Reaction]:
    by_party: dict[str, Reaction] = {}
    for r in candidates:
        key = r.actor.lower()
        m = by_party.get(key)
        if m is None:
            by_party[key] = Reaction(actor=r.actor, stance=r.stance, summary=r.summary, quote=r.quote,
                                     citations=list(r.citations))
        else:
            if m.stance == "neutral" and r.stance != "neutral":
                m.stance, m.summary = r.stance, r.summary
            m.quote = m.quote or r.quote
            m.citations.extend(c for c in r.citations if c not in m.citations)
    return list(by_party.values())
