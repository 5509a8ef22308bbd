"""Open questions across the sources, ordered by importance:

1. conflict: figures about the same quantity whose values differ between claimants (each side cited);
2. dispute: a claim another party denies (the claim and the denial cited);
3. unknown: what the sources say is not specified or not disclosed;
4. next: what the sources speak of as likely or possible.

Questions come from the per-document signals (briefing/extract/signals.py) and the merged figures; the
same question raised by several sources is asked once, citing each.
"""
from __future__ import annotations

import re
from typing import Iterable

from rapidfuzz import fuzz

from briefing.consolidate.reactions import party_name
from briefing.extract.lexicon import INCREMENT_WORDS
from briefing.summary import Actor, Citation, EventSummary, Figure, OpenQuestion, Source

KIND_ORDER = {"conflict": 0, "dispute": 1, "unknown": 2, "next": 3, "single_source": 4}
SAME_QUESTION = 82  # rapidfuzz token_set_ratio above which two questions ask the same thing
TOLERANCE = 0.02  # values within 2% agree ("about 12,000" and "12,000")
COARSE_UNITS = frozenset({"percent", "money", "%"})  # too broad to group on the unit alone


# ---------------------------------------------------------------- conflicting figures

def _interval(f: Figure) -> tuple[float, float]:
    lo = f.low if f.low is not None else f.value
    hi = f.high if f.high is not None else f.value
    return (min(lo, hi), max(lo, hi))


def _disagree(a: Figure, b: Figure) -> bool:
    (alo, ahi), (blo, bhi) = _interval(a), _interval(b)
    slack = TOLERANCE * max(abs(ahi), abs(bhi), 1.0)
    return ahi + slack < blo or bhi + slack < alo


def _claimant(f: Figure, sources: dict[str, Source]) -> str:
    if f.claimed_by:
        return f.claimed_by
    src = sources.get(f.citations[0].source) if f.citations else None
    if src is not None and (src.outlet or src.title):
        return src.outlet or f"“{src.title}”"
    return f.citations[0].source if f.citations else "a source"


def _group_key(f: Figure) -> str | None:
    if f.quantity:
        return f.quantity.strip().lower()
    unit = (f.unit or "").strip().lower()
    if not unit or unit in COARSE_UNITS:
        return None
    # without a quantity, an increment ("3,000 additional troops") is not a rival total
    if set(re.findall(r"[a-z]+", f.text.lower())) & INCREMENT_WORDS:
        return None
    return unit


def _frame_for(group: list[Figure], frames: list[OpenQuestion]) -> str | None:
    """The question the sentences themselves ask about this quantity: the most common 'How many ... ?' frame."""
    cited = {(c.source, c.start) for f in group for c in f.citations}
    votes: dict[str, int] = {}
    for fr in frames:
        if fr.citations and (fr.citations[0].source, fr.citations[0].start) in cited and \
                any(fr.reason in f.text or f.text in fr.reason for f in group):
            votes[fr.question] = votes.get(fr.question, 0) + 1 + (" did " in fr.question)
    if not votes:
        return None
    return max(votes, key=lambda q: (votes[q], len(q)))


def _side(f: Figure, sources: dict[str, Source]) -> str:
    when = f", {f.as_of}" if f.as_of else ""
    return f"{f.text} (per {_claimant(f, sources)}{when})"


def conflicts(figures: list[Figure], frames: list[OpenQuestion], sources: dict[str, Source]) -> list[OpenQuestion]:
    groups: dict[str, list[Figure]] = {}
    for f in figures:
        key = _group_key(f)
        if key is not None and f.citations:
            groups.setdefault(key, []).append(f)
    out = []
    for key, group in groups.items():
        pairs = [(a, b) for i, a in enumerate(group) for b in group[i + 1:] if _disagree(a, b)
                 and ({c.source for c in a.citations} != {c.source for c in b.citations}
                      or _claimant(a, sources) != _claimant(b, sources))]
        if not pairs:
            continue
        involved = [f for f in group if any(f is a or f is b for a, b in pairs)]
        involved.sort(key=lambda f: _interval(f))
        question = _frame_for(involved, frames) or f"How many {key}?"
        reason = "Sources disagree: " + "; ".join(_side(f, sources) for f in involved) + "."
        cites = _unique(c for f in involved for c in f.citations[:1])
        out.append(OpenQuestion(question=question, reason=reason, citations=cites, kind="conflict"))
    return out


# ---------------------------------------------------------------- merging signals

def _unique(cites: Iterable[Citation]) -> list[Citation]:
    return list(dict.fromkeys(cites))


def _same_dispute(a: OpenQuestion, b: OpenQuestion, actors: list[Actor]) -> bool:
    sa, sb = getattr(a, "sides", None), getattr(b, "sides", None)
    if sa and sb and all(sa) and all(sb):
        if [party_name(x, actors) for x in sa] == [party_name(x, actors) for x in sb]:
            return True
    return fuzz.token_set_ratio(a.question, b.question) >= SAME_QUESTION


def _merge_into(target: OpenQuestion, other: OpenQuestion) -> None:
    target.citations = _unique(target.citations + other.citations)
    if other.kind != "dispute":
        return
    parts, more = getattr(target, "parts", None), getattr(other, "parts", None)
    if parts and more:
        denials = parts[1].split(" and ") + [d for d in more[1].split(" and ") if d not in parts[1]]
        claimant = parts[0] or more[0]
        setattr(target, "parts", (claimant, " and ".join(denials)))
        denial_text = " and ".join(denials)
        target.reason = (f"{claimant[:1].upper() + claimant[1:]} says so; {denial_text}." if claimant
                         else f"{denial_text[:1].upper() + denial_text[1:]}.")
    elif other.reason not in target.reason:
        target.reason = target.reason.rstrip() + " " + other.reason


def _absorb_unknowns(conflict_qs: list[OpenQuestion], unknown_qs: list[OpenQuestion]) -> list[OpenQuestion]:
    """An unknown about a quantity the sources disagree on joins that question ('X gave no figure')."""
    left = []
    for u in unknown_qs:
        home = next((c for c in conflict_qs if fuzz.token_set_ratio(c.question, u.question) >= SAME_QUESTION), None)
        if home is None:
            left.append(u)
            continue
        home.citations = _unique(home.citations + u.citations)
        if u.reason not in home.reason:
            home.reason = home.reason.rstrip() + " " + u.reason.replace(" it.", " the figure.")
    return left


def dedupe(questions: list[OpenQuestion], actors: list[Actor]) -> list[OpenQuestion]:
    out: list[OpenQuestion] = []
    for q in questions:
        same = next((o for o in out if o.kind == q.kind and (
            _same_dispute(o, q, actors) if q.kind == "dispute"
            else fuzz.token_set_ratio(o.question, q.question) >= SAME_QUESTION)), None)
        if same is None:
            out.append(OpenQuestion(question=q.question, reason=q.reason, citations=list(q.citations), kind=q.kind))
            for extra in ("sides", "parts"):
                if hasattr(q, extra):
                    setattr(out[-1], extra, getattr(q, extra))
        else:
            _merge_into(same, q)
    return out


def build(summary: EventSummary, signals: list[OpenQuestion]) -> list[OpenQuestion]:
    sources = {s.id: s for s in summary.sources}
    frames = [q for q in signals if q.kind == "frame"]
    shown = [q for q in signals if q.kind != "frame" and q.citations]
    conflict_qs = conflicts(summary.figures, frames, sources)
    merged = dedupe(shown, summary.actors)
    unknown_left = _absorb_unknowns(conflict_qs, [q for q in merged if q.kind == "unknown"])
    merged = [q for q in merged if q.kind != "unknown"] + unknown_left
    everything = conflict_qs + merged
    # more important kinds first; within a kind, questions raised by more sources first
    return sorted(everything, key=lambda q: (KIND_ORDER.get(q.kind or "", 9), -len({c.source for c in q.citations})))
