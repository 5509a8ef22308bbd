"""One treaty however it is spelled, with its provision and dates."""
from __future__ import annotations

from briefing.summary import Treaty


def merge(candidates: list[Treaty]) -> list[Treaty]:
    merged: dict[str, Treaty] = {}
    for t in candidates:
        key = t.name.lower()
        m = merged.setdefault(key, Treaty(name=t.name))
        m.article = m.article or t.article
        m.provision = m.provision or t.provision
        m.signed = m.signed or t.signed
        m.ratified = m.ratified or t.ratified
        m.citations.extend(c for c in t.citations if c not in m.citations)
    return sorted(merged.values(), key=lambda t: -len(t.citations))
