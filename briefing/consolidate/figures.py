"""Figures about the same quantity grouped; different values kept side by side, never averaged."""
from __future__ import annotations

from briefing.summary import Figure


def merge(candidates: list[Figure]) -> list[Figure]:
    merged: dict[tuple, Figure] = {}
    for f in candidates:
        key = (f.unit, f.value, f.low, f.high)
        m = merged.get(key)
        if m is None:
            merged[key] = Figure(**{**f.__dict__, "citations": list(f.citations)})
        else:
            m.claimed_by = m.claimed_by or f.claimed_by
            m.citations.extend(c for c in f.citations if c not in m.citations)
    return sorted(merged.values(), key=lambda f: (-len(f.citations), f.unit, f.value))
