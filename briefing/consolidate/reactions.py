"""Reactions grouped by party, each party once: the stance the evidence favours, the strongest quote kept.

A party is the actor as the sources name it, mapped to the canonical actor name (so "Putin" and
"Vladimir Putin" are one party, while "Vladimir Putin" and "Russia" stay two, as an analyst reads them).
"""
from __future__ import annotations

from functools import lru_cache

from briefing.extract.lexicon import HONORIFICS, ORG_HEADS, TITLE_WORDS
from briefing.extract.reactions import stance_of
from briefing.summary import Actor, Citation, Reaction

# many sources quote the same words: each quote's stance is read once
_stance_of = lru_cache(maxsize=1 << 14)(stance_of)

STANCE_ORDER = ("deny", "condemn", "concern", "support")  # tie-break: the more pointed stance first
MAX_QUOTE_CHARS = 320


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _demonym_match(name: str, country: str) -> bool:
    """'Ukrainian' ~ 'Ukraine', 'South Korean' ~ 'South Korea': same leading words, shared stem."""
    nw, cw = name.lower().split(), country.lower().split()
    if len(nw) != len(cw) or nw[:-1] != cw[:-1]:
        return False
    a, b = nw[-1], cw[-1]
    return a != b and _common_prefix(a, b) >= max(4, len(b) - 2)


def party_name(name: str, actors: list[Actor]) -> str:
    """The canonical actor for a speaker's name as written, or the name itself."""
    from briefing.consolidate.actors import canonical_name

    found = canonical_name(name, actors)
    if found:
        return found
    low = name.lower()
    for a in actors:
        if a.name.lower() == low or any(x.lower() == low for x in a.aliases):
            return a.name
    for a in actors:
        if a.kind == "person" and " " not in name and a.name.split()[-1].lower() == low:
            return a.name
    for a in actors:
        if a.kind == "country" and _demonym_match(name, a.name):
            return a.name
    return name


# words of a rank or office that may stand before a person's name: "Commodore X Y", "Deputy Prime Minister X Y"
RANK_WORDS = TITLE_WORDS | HONORIFICS | frozenset("""prime foreign defence defense interior labour labor health finance
state rear vice affairs cabinet""".split())


def untitled(name: str) -> str:
    """A person's name without the rank or office written before it: 'Commodore Ramon Estrella' ->
    'Ramon Estrella'; a body's name ('General Motors', 'Health Ministry Board') stays whole."""
    words = name.split()
    if not words or words[-1].lower() in ORG_HEADS or not all(w[:1].isupper() for w in words):
        return name
    cut = 0
    while len(words) - cut > 2 and words[cut].lower().strip(".") in RANK_WORDS:
        cut += 1
    return " ".join(words[cut:]) if cut else name


def _weight(r: Reaction) -> float:
    """A reaction's weight as evidence of its stance: a quote saying the same counts extra."""
    return 1.0 + (0.5 if r.quote and _stance_of(r.quote) == r.stance else 0.0)


def _chosen_stance(group: list[Reaction]) -> str:
    totals: dict[str, float] = {}
    for r in group:
        if r.stance != "neutral":
            totals[r.stance] = totals.get(r.stance, 0.0) + _weight(r)
    if not totals:
        return "neutral"
    return max(totals, key=lambda s: (totals[s], -STANCE_ORDER.index(s) if s in STANCE_ORDER else -9))


def _quote_strength(r: Reaction, stance: str) -> tuple:
    q = r.quote or ""
    return (bool(q), _stance_of(q) == stance if q else False, len(q.split()) >= 4, min(len(q), MAX_QUOTE_CHARS))


def _one_per_source(items: list[Reaction]) -> list[Citation]:
    out: list[Citation] = []
    seen: set[str] = set()
    for r in items:
        for c in r.citations[:1]:
            if c.source not in seen:
                seen.add(c.source)
                out.append(c)
    return out


def merge_party(party: str, group: list[Reaction]) -> Reaction:
    stance = _chosen_stance(group)
    backing = [r for r in group if r.stance == stance]
    with_quote = max(backing, key=lambda r: _quote_strength(r, stance))
    if not with_quote.quote:
        # the party's own words say more than a procedural line ("confirmed it would file for review"): a quote
        # of theirs that takes no other side shows with the stance
        quoted = [r for r in group if r.stance == "neutral" and r.quote and len(r.quote.split()) >= 4]
        if quoted:
            with_quote = max(quoted, key=lambda r: _quote_strength(r, stance))
    best = with_quote if with_quote.quote else backing[0]
    ordered = [best] + [r for r in backing if r is not best]
    citations = _one_per_source(ordered)
    if with_quote.quote and with_quote.citations and with_quote.citations[0] not in citations:
        citations.append(with_quote.citations[0])
    return Reaction(actor=party, stance=stance, summary=best.summary, quote=with_quote.quote or None,
                    citations=citations)


def merge(candidates: list[Reaction], actors: list[Actor]) -> list[Reaction]:
    groups: dict[str, tuple[str, list[Reaction]]] = {}
    parties: dict[str, str] = {}  # each name as written is looked up once
    for r in candidates:
        if not r.citations:
            continue
        if r.actor not in parties:
            parties[r.actor] = untitled(party_name(r.actor, actors))
        party = parties[r.actor]
        groups.setdefault(party.lower(), (party, []))[1].append(r)
    merged = [merge_party(party, group) for party, group in groups.values()]
    # pointed reactions reported by more sources first; neutral statements last
    return sorted(merged, key=lambda r: (r.stance == "neutral", -len({c.source for c in r.citations}),
                                         r.quote is None))
