"""One treaty however it is spelled, with its article, provision and dates.

Candidates from different articles are the same instrument when their head nouns belong to one family
(treaty ~ agreement ~ pact) and their naming words match, whatever the word order: "the agreement on a
comprehensive strategic partnership" ~ "Comprehensive Strategic Partnership Treaty". The merged item
takes the best written name (a capitalised proper name first, then the fullest) and what any source adds.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

from rapidfuzz import fuzz

from briefing import dates
from briefing.summary import Citation, Treaty

SAME_NAME = 90  # token_set_ratio of two naming-word sets (order-free) above which they are one instrument


def merge(candidates: list[Treaty], reference: date | None = None) -> list[Treaty]:
    groups: list[list[Treaty]] = []
    for cand in candidates:
        home = next((g for g in groups if any(_same(cand, other) for other in g)), None)
        if home is None:
            groups.append([cand])
        else:
            home.append(cand)
    merged = [_merge_group(g, reference) for g in groups]
    return sorted(merged, key=lambda t: (-len({c.source for c in t.citations}), -len(t.citations)))


def _content(t: Treaty) -> frozenset[str]:
    return getattr(t, "content", None) or frozenset(w for w in t.name.lower().split() if len(w) > 3)


def _same(a: Treaty, b: Treaty) -> bool:
    if getattr(a, "head", "") != getattr(b, "head", ""):
        return False
    ca, cb = _content(a), _content(b)
    if not ca or not cb:
        return a.name.lower() == b.name.lower()
    shared = ca & cb
    if len(shared) < min(2, len(ca), len(cb)):
        return False
    return fuzz.token_set_ratio(" ".join(sorted(ca)), " ".join(sorted(cb))) >= SAME_NAME


def _merge_group(group: list[Treaty], reference: date | None) -> Treaty:
    best = max(group, key=lambda t: (getattr(t, "titled", False), len(_content(t)), len(t.name)))
    articles = Counter(t.article for t in group if t.article)
    article = articles.most_common(1)[0][0] if articles else None
    out = Treaty(name=best.name, article=article)
    out.provision = _provision(group, article)
    out.signed = _finest([_date(t, "signed", reference) for t in group])
    ratified = [t for t in group if getattr(t, "ratified_by_ratify", False)] or group
    out.ratified = _finest([_date(t, "ratified", reference) for t in ratified])
    citations: list[Citation] = []
    for t in [best] + [t for t in group if t is not best]:
        citations.extend(c for c in t.citations if c not in citations)
    out.citations = citations
    return out


def _provision(group: list[Treaty], article: str | None) -> str | None:
    """The article's own wording first (a clause with 'shall'/'must' reads closest to the text)."""
    options = [t for t in group if t.provision]
    if not options:
        return None

    def rank(t: Treaty) -> tuple:
        text = t.provision.lower()
        return (getattr(t, "provision_from_article", False) and t.article == article,
                any(w in text for w in ("shall", "must", "require", "oblig")), -len(text))
    return max(options, key=rank).provision


def _date(t: Treaty, kind: str, reference: date | None) -> str | None:
    value = getattr(t, kind)
    if value:
        return value
    expr = getattr(t, kind + "_expr", None)
    return dates.resolve(expr, reference, exact_reference=False) if expr and reference else None


def _finest(values: list[str | None]) -> str | None:
    """The most precise of compatible dates; on a conflict, the one most sources give."""
    found = [v for v in values if v]
    if not found:
        return None
    common = Counter(found).most_common()
    best = common[0][0]
    for v, _ in common:
        if len(v) > len(best) and v.startswith(best):
            best = v
    return best
