"""One treaty however it is spelled, with its article, provision and dates.

Candidates from different articles are the same instrument when their head nouns belong to one family
(treaty ~ agreement ~ pact) and their naming words match, whatever the word order: "the agreement on a
comprehensive strategic partnership" ~ "Comprehensive Strategic Partnership Treaty". The merged item
takes the best written name (a capitalised proper name first, then the fullest) and what any source adds.
An instrument invoked under several provisions ("Section 21 of the Competition Act ... Section 34 of the
same act") gives one item per provision, each with the same name, its own ``article``, provision and
citations; signing and ratification dates go with the first (the provision most sources invoke).
"""
from __future__ import annotations

from collections import Counter
from datetime import date

from rapidfuzz import fuzz

from briefing import dates
from briefing.extract.treaties import article_key
from briefing.summary import Citation, Treaty

SAME_NAME = 90  # token_set_ratio of two naming-word sets (order-free) above which they are one instrument


def merge(candidates: list[Treaty], reference: date | None = None) -> list[Treaty]:
    groups: list[list[Treaty]] = []
    # a candidate is compared once with each distinct spelling in a group (many sources write one name),
    # and each pair of spellings is compared once
    spellings: dict[int, dict[tuple, Treaty]] = {}
    same: dict[tuple, bool] = {}

    def alike(a: Treaty, b: Treaty) -> bool:
        key = (_spelling(a), _spelling(b))
        if key not in same:
            same[key] = _same(a, b)
        return same[key]

    for cand in candidates:
        home = next((g for g in groups if any(alike(cand, other) for other in spellings[id(g)].values())), None)
        if home is None:
            home = []
            groups.append(home)
            spellings[id(home)] = {}
        home.append(cand)
        spellings[id(home)].setdefault(_spelling(cand), cand)
    groups = _attach_descriptions(groups, reference)
    # an instrument every source names as still being made ("talks on a code of conduct") is no legal basis
    groups = [g for g in groups if not all(getattr(t, "pending", False) for t in g)]
    # instruments by how widely they are cited (on their first item); an instrument's further provisions follow it
    merged = sorted((_merge_group(g, reference) for g in groups),
                    key=lambda items: (-len({c.source for c in items[0].citations}), -len(items[0].citations)))
    return [item for items in merged for item in items]


def _attach_descriptions(groups: list[list[Treaty]], reference: date | None = None) -> list[list[Treaty]]:
    """'the free-trade agreement' (a description) joins the one proper name its sentences point to:
    the titled instrument of the same family whose naming words those sentences use ("... with the
    Pacific Alliance" -> "EU-Pacific Alliance Partnership Agreement"). A sentence that spells out a
    proper name in full is about that instrument, not evidence for the description. The same signing
    month (known to the month at least) counts as strong evidence too ("the mutual defence treaty signed
    in June 2024" ~ "the Partnership Treaty, signed in June 2024")."""
    titled = [g for g in groups if any(getattr(t, "titled", False) for t in g)]
    out = [g for g in groups]
    for group in groups:
        if group in titled:
            continue
        family = getattr(group[0], "head", "")
        texts = [c.text.lower() for t in group for c in t.citations]
        scores = []
        for tg in titled:
            if getattr(tg[0], "head", "") != family:
                continue
            name = max(tg, key=lambda t: getattr(t, "titled", False)).name.lower()
            words = {w for t in tg for w in _content(t) if len(w) > 2}
            need = max(1, (len(words) + 1) // 2)
            hits = sum(1 for text in texts if name not in text and sum(w in text for w in words) >= need)
            signed_here = _finest([_date(t, "signed", reference) for t in group])
            signed_there = _finest([_date(t, "signed", reference) for t in tg])
            if signed_here and signed_here == signed_there and len(signed_here) >= 7:
                hits += 2
            scores.append((hits, id(tg), tg))
        scores.sort(key=lambda x: -x[0])
        if scores and scores[0][0] >= 1 and (len(scores) == 1 or scores[1][0] < scores[0][0]):
            scores[0][2].extend(group)
            out.remove(group)
    return out


def _content(t: Treaty) -> frozenset[str]:
    return getattr(t, "content", None) or frozenset(w for w in t.name.lower().split() if len(w) > 3)


def _spelling(t: Treaty) -> tuple:
    """What _same reads of a candidate."""
    return getattr(t, "head", ""), _content(t), t.name.lower()


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


def _merge_group(group: list[Treaty], reference: date | None) -> list[Treaty]:
    """The instrument's item, and one more for each further provision of it the sources invoke. Finer
    readings of one provision ("Chapter 14", "Article 14.5") are one provision; mentions without an
    article go with the provision most sources invoke."""
    best = max(group, key=lambda t: (getattr(t, "titled", False), len(_content(t)), len(t.name)))
    by_provision: dict[str, list[Treaty]] = {}
    for t in group:
        if t.article:
            by_provision.setdefault(article_key(t.article), []).append(t)
    provisions = sorted(by_provision.values(), key=lambda ts: -len({c.source for t in ts for c in t.citations}))
    if len(provisions) <= 1:
        return [_item(group, best, reference)]
    first = provisions[0] + [t for t in group if not t.article]
    named_in = [c for t in group for c in t.citations if best.name.lower() in c.text.lower()][:1]
    return [_item(first, best, reference)] + [_item(ts, best, reference, further=named_in) for ts in provisions[1:]]


def _item(group: list[Treaty], best: Treaty, reference: date | None, further: list[Citation] | None = None) -> Treaty:
    """One provision's item. ``further`` marks a further provision: no dates (they are the instrument's, on
    its first item), and the sentence that writes the instrument's name is cited after the provision's own
    ("Section 34 of the same act" does not name the act)."""
    articles = Counter(t.article for t in group if t.article)
    article = articles.most_common(1)[0][0] if articles else None
    out = Treaty(name=best.name, article=article)
    out.provision = _provision(group, article)
    if further is None:
        out.signed = _finest([_date(t, "signed", reference) for t in group])
        ratified = [t for t in group if getattr(t, "ratified_by_ratify", False)] or group
        out.ratified = _finest([_date(t, "ratified", reference) for t in ratified])
    # each citation once, in order (a dict keeps order and finds repeats at once, however many sources)
    citations = dict.fromkeys(c for t in ([best] if best in group else []) + [t for t in group if t is not best]
                              for c in t.citations)
    if further and not any(best.name.lower() in c.text.lower() for c in citations):
        citations.update(dict.fromkeys(further))
    out.citations = list(citations)
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
