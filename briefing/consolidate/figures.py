"""Figures about the same quantity grouped; different values kept side by side, never averaged.

Two candidates are one item when they count the same thing (``quantity``), state the same value or range,
and their claimants are compatible (the same source, or one of them unnamed). Everything else stays a
separate item, next to the others of its quantity, so that "10,000-12,000 per X; ~14,000 per Y" shows.
Groups are ordered by how many independent sources report the quantity (near-duplicate copies count once).
"""
from __future__ import annotations

from functools import lru_cache

import re
from dataclasses import replace
from datetime import date
from collections import defaultdict
from typing import TYPE_CHECKING

from briefing.extract.entities import common_nouns, singular_forms
from briefing.extract.figures import FigureCandidate, resolve_as_of
from briefing.extract.signals import MEASURE_SYNONYMS
from briefing.summary import Figure

if TYPE_CHECKING:
    from briefing.summary import Source

_STOP = frozenset("the a an of from and in on at by for 's".split())

# counted nouns that name one kind of thing: a count in either word is the same count ('38 vessels' / '38 ships')
COUNT_SYNONYMS = [
    "vessel ship boat",
    "plane aircraft airplane aeroplane jet",
    "container box teu",
    "truck lorry",
    "home house dwelling",
    "soldier troop",
    "doctor physician",
    "firm company business",
    "employee worker",
    "kid child",
    "tonne ton",
]
UNIT_CONCEPT = {w: words.split()[0] for words in COUNT_SYNONYMS for w in words.split()}
# a kind of a broader counted thing ('water-bombers' are planes): the same count when the value is the same too,
# never grouped as rival estimates (14 aircraft in all are not a rival of 4 bombers)
UNIT_KIND_OF = {**dict.fromkeys("bomber airliner helicopter fighter-jet".split(), "plane"),
                **dict.fromkeys("tanker freighter ferry trawler frigate warship cutter".split(), "vessel"),
                **dict.fromkeys("car bus van".split(), "vehicle")}
# currency words that do not say which country's currency is meant, and the codes they may stand for
CURRENCY_FAMILIES = {
    "dollar": frozenset("USD CAD AUD NZD HKD SGD TWD JMD BSD BBD FJD LRD NAD ZWL TTD XCD".split()),
    "euro": frozenset({"EUR"}),
    "pound": frozenset("GBP EGP LBP SYP SDG SSP FKP GIP".split()),
    "yen": frozenset({"JPY"}),
    "yuan": frozenset({"CNY"}), "renminbi": frozenset({"CNY"}),
    "rupee": frozenset("INR PKR LKR NPR MUR SCR".split()),
    "peso": frozenset("MXN PHP ARS CLP COP CUP DOP UYU".split()),
    "franc": frozenset("CHF XOF XAF GNF RWF BIF CDF DJF KMF".split()),
    "krone": frozenset("NOK DKK".split()), "krona": frozenset("SEK ISK".split()),
    "rand": frozenset({"ZAR"}), "real": frozenset({"BRL"}), "rouble": frozenset({"RUB"}), "ruble": frozenset({"RUB"}),
    "shilling": frozenset("KES UGX TZS SOS".split()), "naira": frozenset({"NGN"}), "won": frozenset("KRW KPW".split()),
    "dinar": frozenset("KWD BHD IQD JOD LYD RSD TND DZD MKD".split()),
}
NEGATIVE_PRONOUNS = frozenset({"nobody", "no one", "no-one", "none", "noone", "neither"})


@lru_cache(maxsize=65536)  # pure, and asked about every pair of figures
def singular(word: str) -> str:
    """'vessels' -> 'vessel', 'boxes' -> 'box', 'TEUs' -> 'teu', 'series' stays: a form the general noun list
    knows, else the word without its plural 's'."""
    w = word.lower().strip()
    nouns = common_nouns()
    if w in nouns:
        return w
    # 'planes' is 'plane' before 'plan': the form that only drops the 's' first
    forms = sorted(singular_forms(w), key=lambda f: f != w[:-1])
    known = next((f for f in forms if f in nouns), None)
    if known:
        return known
    return w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w


def unit_head(unit: str) -> str:
    """The counted noun of a unit, singular: 'water-bombers' -> 'bomber' (the head after a hyphen)."""
    words = re.findall(r"[a-z]+(?:-[a-z]+)*", (unit or "").lower())
    return singular(words[-1].split("-")[-1]) if words else ""


@lru_cache(maxsize=65536)  # pure, and asked about every pair of figures
def unit_concept(unit: str) -> str:
    """One name per kind of counted thing: 'ships', 'vessels', 'boats' -> 'vessel'."""
    head = unit_head(unit)
    return UNIT_CONCEPT.get(head, head)


@lru_cache(maxsize=65536)  # pure, and asked about every pair of figures
def currency_codes(unit: str) -> frozenset[str] | None:
    """The currencies a money unit may be: a code is itself; 'dollars' any dollar; None for no currency."""
    u = (unit or "").strip()
    if re.fullmatch(r"[A-Z]{3}", u):
        return frozenset({u})
    return CURRENCY_FAMILIES.get(unit_head(u))


def same_unit(a: str, b: str, kinds: bool = False) -> bool:
    """Whether two units count the same thing: one word ('vessels' ~ 'ships', 'boxes' ~ 'TEUs'), one currency
    ('dollars' ~ 'CAD'; 'USD' never 'CAD'), and with ``kinds`` also a kind of the other ('bombers' ~ 'planes')."""
    if a == b:
        return True
    ca, cb = currency_codes(a), currency_codes(b)
    if ca is not None or cb is not None:
        return ca is not None and cb is not None and bool(ca & cb)
    if a.strip() in ("%", "percent") or b.strip() in ("%", "percent"):
        return a.strip() in ("%", "percent") and b.strip() in ("%", "percent")
    x, y = unit_concept(a), unit_concept(b)
    if not x or not y:
        return False
    if x == y:
        return True
    return kinds and UNIT_KIND_OF.get(x, x) == UNIT_KIND_OF.get(y, y)


@lru_cache(maxsize=65536)  # pure, and asked about every pair of figures
def quantity_key(quantity: str) -> str:
    """A quantity key with its counted nouns folded to one concept ('ship' and 'vessel' one key)."""
    return " ".join(UNIT_CONCEPT.get(singular(w), w) if w.isalpha() and w.islower() else w
                    for w in quantity.split())


def merge(candidates: list[Figure], sources: "list[Source] | None" = None,
          reference: date | None = None) -> list[Figure]:
    """``reference``: the event's date, against which undated articles' date words are read."""
    canonical = _canonical_sources(sources or [])
    merged: list[Figure] = []
    # only figures of one quantity and value can be one claim: compare within those buckets (linear overall)
    buckets: dict[tuple[str, str], list[Figure]] = {}
    # the same amount worded differently ("$2.5 billion acquisition", "$2.5 billion takeover"): by unit and value
    amounts: dict[str, list[Figure]] = {}
    for f in (_plain(c, reference) for c in candidates):
        value = f"{f.value:.9g}"
        bucket = buckets.setdefault((quantity_key(quantity_of(f)), value), [])
        same = next((m for m in bucket if _same_claim(m, f)), None)
        if same is None:
            same = next((m for m in amounts.get(value, ()) if _same_amount(m, f)), None)
        if same is None:
            new = Figure(**{**f.__dict__, "citations": list(f.citations)})
            merged.append(new)
            bucket.append(new)
            amounts.setdefault(value, []).append(new)
        else:
            _absorb(same, f)
    return _ordered(merged, canonical)


# words that say nothing about what an amount is
_VAGUE = frozenset("""money percent figure total amount sum value number some about around nearly almost roughly
more less than over under up its their his her this that these those which who said says say told according
reported announced""".split())


def _described(f: Figure) -> set[str]:
    """The common words (not names) of a figure's description and quantity key, folded to one concept each
    ('acquisition' ~ 'takeover', 'exports' ~ 'imports')."""
    words = set(re.findall(r"\b[a-z][a-z-]+\b", f"{f.description} {f.quantity or ''}"))
    out = set()
    for w in words - _STOP - _VAGUE:
        single = w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w
        out.add(MEASURE_SYNONYMS.get(single, MEASURE_SYNONYMS.get(w, single)))
    # 'people' is said of any crowd: 3,000 people evacuated are not 3,000 people at a rally
    return out - {"people"}


def _same_amount(a: Figure, b: Figure) -> bool:
    """One amount reported twice with different wording: the same value and unit, compatible claimants and
    descriptions that share a common word once synonyms are folded."""
    if not (_close(a.value, b.value) and _close(a.low, b.low) and _close(a.high, b.high)):
        return False
    if not same_unit(a.unit, b.unit, kinds=True) or not _compatible(a.claimed_by, b.claimed_by):
        return False
    if not _measured_unit(a.unit) and all(quantity_key(quantity_of(f)) == unit_concept(f.unit) for f in (a, b)):
        return True  # 'four water-bombers' ~ 'four planes': counts of one kind of thing, nothing else said
    return bool(_described(a) & _described(b))


def _plain(f: Figure, reference: date | None) -> Figure:
    """A plain Figure; an undated article's date words placed against the event's date (never finer than
    a month, since the article's own day is unknown)."""
    if f.claimed_by and f.claimed_by.strip().lower() in NEGATIVE_PRONOUNS:
        # 'Nobody disputes that 38 ships are waiting': no one gives the figure, everyone takes it as given
        f = replace(f, claimed_by=None)
    if not isinstance(f, FigureCandidate):
        return f
    as_of = None
    if not f.as_of and (f.as_of_expression or f.as_of_current):
        as_of = resolve_as_of(f.as_of_expression, f.as_of_current, reference, exact=False,
                              future=f.as_of_future)
    return f.to_figure(as_of)


def quantity_of(f: Figure) -> str:
    return f.quantity or f.unit


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0)


def _same_claim(a: Figure, b: Figure) -> bool:
    # the unit may differ in words ("9 deaths" ~ "nine people killed"): the quantity key says what is counted
    # ... but a sum in dollars is never one in euros, nor a percentage a count
    same_thing = quantity_key(quantity_of(a)) == quantity_key(quantity_of(b)) and (same_unit(a.unit, b.unit) or (
        a.quantity is not None and not _measured_unit(a.unit) and not _measured_unit(b.unit)))
    return (same_thing and _close(a.value, b.value) and _close(a.low, b.low) and _close(a.high, b.high)
            and _compatible(a.claimed_by, b.claimed_by))


def _measured_unit(unit: str) -> bool:
    """A currency code or a percentage: units that are part of the value, not a word for what is counted."""
    return unit.isupper() or unit in ("percent", "%")


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", name.lower().replace("’", "'")) if w not in _STOP}


def _compatible(a: str | None, b: str | None) -> bool:
    """Unnamed fits any claimant; otherwise one name's words must contain the other's ('the Commission' ~
    'European Commission')."""
    if not a or not b:
        return True
    wa, wb = _words(a), _words(b)
    if _acronym_of(a, b) or _acronym_of(b, a):
        return True
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def compatible_claimants(a: str | None, b: str | None) -> bool:
    """Whether two claimant names can be one party ('the Commission' ~ 'European Commission', 'WHO')."""
    return _compatible(a, b)


def _acronym_of(short: str, long: str) -> bool:
    """'WHO' ~ 'World Health Organization', 'UN' ~ 'the United Nations'."""
    caps = [w for w in re.findall(r"[A-Za-z]+", short) if w.isupper() and len(w) >= 2]
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", long) if w[0].isupper())
    return any(c in initials for c in caps) and not any(w.isupper() and len(w) >= 2 for w in long.split())


def _absorb(into: Figure, other: Figure) -> None:
    """One claim reported again: keep every citation, the most specific claimant and date."""
    into.citations.extend(c for c in other.citations if c not in into.citations)
    if other.claimed_by and (not into.claimed_by or len(other.claimed_by) > len(into.claimed_by)):
        into.claimed_by = other.claimed_by
    if other.as_of and (not into.as_of or len(other.as_of) > len(into.as_of)):
        into.as_of = other.as_of
    if len(other.description) > len(into.description) and len(other.description.split()) <= 14:
        into.description = other.description


def _canonical_sources(sources: "list[Source]") -> dict[str, str]:
    """Source id -> the id it is a near-duplicate of (itself when original)."""
    parent = {s.id: s.duplicate_of or s.id for s in sources}
    out = {}
    for sid in parent:
        seen, cur = set(), sid
        while parent.get(cur, cur) != cur and cur not in seen:
            seen.add(cur)
            cur = parent[cur]
        out[sid] = cur
    return out


def independent_sources(f: Figure, canonical: dict[str, str] | None = None) -> int:
    canonical = canonical or {}
    return len({canonical.get(c.source, c.source) for c in f.citations})


def _ordered(figures: list[Figure], canonical: dict[str, str]) -> list[Figure]:
    """Quantities reported by more independent sources first; inside one quantity, better-sourced values
    first, then by value, so that rival values sit side by side."""
    groups: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        groups[quantity_of(f)].append(f)

    def group_weight(items: list[Figure]) -> tuple[int, int]:
        srcs = {canonical.get(c.source, c.source) for f in items for c in f.citations}
        return len(srcs), max(independent_sources(f, canonical) for f in items)

    first_seen = {q: i for i, q in reversed(list(enumerate(quantity_of(f) for f in figures)))}
    order = sorted(groups, key=lambda q: (-group_weight(groups[q])[0], -group_weight(groups[q])[1], first_seen[q]))
    out: list[Figure] = []
    for q in order:
        out.extend(sorted(groups[q], key=lambda f: (-independent_sources(f, canonical), f.value)))
    return out
