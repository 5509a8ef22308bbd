"""Open questions across the sources, ordered by importance:

1. conflict: figures about the same quantity whose values differ between claimants (each side cited); the
   quantity may be worded differently by each source ('evacuees' / 'people forced from their homes'), as the
   sentences' grammar shows (the frames' measure, briefing/extract/signals.py);
2. dispute: a claim another party denies (the claim and the denial cited);
3. unknown: what the sources say is not specified or not disclosed;
4. next: what the sources speak of as likely or possible.

Questions come from the per-document signals (briefing/extract/signals.py) and the merged figures; the
same question raised by several sources is asked once, citing each.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from bisect import bisect_left, bisect_right
from typing import Iterable

from rapidfuzz import fuzz

from briefing.consolidate.figures import CURRENCY_FAMILIES, compatible_claimants, currency_codes, quantity_key, quantity_of, same_unit, singular
from briefing.extract.entities import common_nouns, country_of, country_words, looks_like_demonym
from briefing.consolidate.reactions import party_name
from briefing.extract.figures import PEOPLE_NOUNS, inline_text
from briefing.extract.lexicon import INCREMENT_WORDS, TITLE_WORDS
from briefing.extract.signals import AMOUNT_CONCEPTS, FATES, MEASURE_SYNONYMS
from briefing.summary import DURATION_UNITS, Actor, Citation, EventSummary, Figure, OpenQuestion, Source

KIND_ORDER = {"conflict": 0, "dispute": 1, "unknown": 2, "next": 3, "single_source": 4}
SAME_QUESTION = 85  # rapidfuzz token_sort_ratio above which two questions ask the same thing
TOLERANCE = 0.02  # values within 2% agree ("about 12,000" and "12,000")
COARSE_UNITS = frozenset({"percent", "money", "%"})  # too broad to group on the unit alone
MAX_QUESTION_CITES = 12  # sentences cited for one question raised by many sources
MAX_FUZZY = 400  # questions compared pairwise for near-duplicates; beyond this only exact repeats merge
MAX_SIDES = 6  # values shown side by side in one conflict question
MAX_CLAIMANTS = 3  # claimants named (and cited) per value
MAX_RATIO = 6.0  # estimates further apart than this count different things ("150 stations" vs "6,200 stations")
BOUND_PHRASE = re.compile(r"\b(?:no\s+)?(?:more|fewer|less)\s+than\b")
PART_OF = re.compile(r"\d[\d,.]*\s+(?:of|out of)\s+(?:the\s+|its\s+|their\s+)?\d")


# ---------------------------------------------------------------- conflicting figures

def _interval(f: Figure) -> tuple[float, float]:
    lo = f.low if f.low is not None else f.value
    hi = f.high if f.high is not None else f.value
    return (min(lo, hi), max(lo, hi))


# words before a number that make it a bound: 'more than a dozen' allows 14, 'up to 1,100' allows 900
LOWER_BOUND = re.compile(r"^(?:well\s+|far\s+|just\s+|slightly\s+)?(?:more\s+than|over|at\s+least|upwards?\s+of|"
                         r"no\s+(?:fewer|less)\s+than|not\s+(?:fewer|less)\s+than|in\s+excess\s+of|above|"
                         r"exceeding|north\s+of|a\s+minimum\s+of)\b", re.I)
UPPER_BOUND = re.compile(r"^(?:just\s+|slightly\s+)?(?:fewer\s+than|less\s+than|up\s+to|under|at\s+most|"
                         r"no\s+more\s+than|not\s+more\s+than|below|a\s+maximum\s+of)\b", re.I)


def _round(f: Figure) -> bool:
    """A number given loosely: in words ('a dozen', 'hundreds') or with at most two significant digits ('30',
    '25,000'); 'at least 11 dead' is a count, 'more than a dozen' a rough bound."""
    if not re.search(r"\d", f.text):
        return True
    v = abs(f.value)
    if v < 10 or v != int(v):
        return False
    digits = str(int(v)).rstrip("0")
    return len(digits) <= 2 and len(str(int(v))) > len(digits)


def _possible(f: Figure) -> tuple[float, float]:
    """The values a figure allows: its range, or everything above (below) a rough bound it states."""
    lo, hi = _interval(f)
    text = f.text.strip()
    if not _round(f):
        return lo, hi  # 'at least 11 dead' and 'at least 19 dead' are two counts, not two compatible bounds
    if LOWER_BOUND.match(text):
        return lo, float("inf")
    if UPPER_BOUND.match(text):
        return float("-inf"), hi
    return lo, hi


def _disagree(a: Figure, b: Figure) -> bool:
    """Values that cannot both be true: '18,500' and 'more than 25,000' can't, 'more than a dozen' and 14 can."""
    (alo, ahi), (blo, bhi) = _possible(a), _possible(b)
    slack = TOLERANCE * max(abs(_interval(a)[1]), abs(_interval(b)[1]), 1.0)
    return ahi + slack < blo or bhi + slack < alo


def _claimant(f: Figure, sources: dict[str, Source]) -> str:
    if f.claimed_by:
        return f.claimed_by
    src = sources.get(f.citations[0].source) if f.citations else None
    if src is not None and (src.outlet or src.title):
        return src.outlet or f"“{src.title}”"
    return f.citations[0].source if f.citations else "a source"


def _is_part(f: Figure) -> bool:
    """'3,000 additional troops', 'four probable cases', '23 of the 30 drones': a part, not a rival total."""
    low = BOUND_PHRASE.sub(" ", f.text.lower())  # "more than 20,000" is a lower bound, not an increment
    return bool(set(re.findall(r"[a-z]+", low)) & INCREMENT_WORDS) or bool(PART_OF.search(low))


# words before a counted noun that say how many, not which ones ('a dozen', 'some', 'total')
QUANTITY_WORDS = frozenset("""a an the some about around nearly almost roughly approximately more less fewer than over
under up to at least most no not dozen dozens score scores hundred hundreds thousand thousands million millions billion
billions lot lots number couple handful half quarter third total further other another additional new
daily weekly monthly annual yearly overall official final initial estimated reported confirmed its their our his her
own of and or""".split())
NUMBER_WORD = re.compile(r"^(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                         r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
                         r"ninety)(?:-[a-z]+)?$", re.I)
PART_MARK_BEFORE = re.compile(r"(?:\bof\s+(?:which|whom)|\bincluding|\bamong\s+them)\s*$", re.I)
PART_MARK_AFTER = re.compile(r"^\s*(?:of|out\s+of)\s+(?:those|these|them|whom)\b", re.I)


MEMBER_HEADS = frozenset("member members personnel staff staffers".split())


def _country_word(word: str) -> str | None:
    """The country a capitalised word names or belongs to ('Filipino', 'Philippine', 'Chinese'), if any."""
    for form in (word, word + "s", word.rstrip("s")):
        found = country_of(form)
        if found is not None:
            return found.country
    return None


def _noun_phrase(f: Figure) -> list[str]:
    """The words of the figure's own noun phrase ('two Chinese officers'); when the figure's text is only a
    number ('no fewer than 30'), the words its description puts before the counted noun ('health workers')."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", f.text)
    unit = (f.unit or "").lower()
    lowered = [w.lower() for w in words]
    # up to the counted noun: '1.2 billion tonnes of carbon dioxide' (unit 'tonnes dioxide') is no subset of tonnes
    counted = {singular(u) for u in unit.split()}
    at = next((i for i, w in enumerate(lowered) if w == unit or w in unit.split() or singular(w) in counted), None)
    if at is not None:
        return words[:at + 1]
    desc = re.findall(r"[A-Za-z][A-Za-z'-]*", f.description or "")
    if unit and unit in [w.lower() for w in desc[:3]]:
        return desc[:[w.lower() for w in desc].index(unit) + 1]
    return []  # no counted noun written ('well over 700'): nothing narrows it


# 'Toruni', 'Qatari', 'Bengali': a people's adjective in -i, read as one only before a counted noun
_DEMONYM_IN_I = re.compile(r"[A-Z][a-z]{3,}i")


def _restrictors(f: Figure) -> frozenset[str]:
    """What narrows the counted people or things to a subset: a nation ('two Chinese officers', 'seven Filipino
    crew') or a noun compounded with the counted noun ('health workers' among 'cases'). Counts of different
    subsets are not rival estimates of one quantity."""
    words = _noun_phrase(f)
    # 'crew members', 'navy personnel': the noun before a word for belonging names the group itself
    group_head = bool(words) and words[-1].lower() in MEMBER_HEADS
    out = set()
    for w in words[:-1]:
        if w[:1].isupper():
            country = _country_word(w) if w.lower() not in QUANTITY_WORDS else None
            if country or looks_like_demonym(w) or _DEMONYM_IN_I.fullmatch(w):
                out.add(country or w)
        elif w.islower() and w not in QUANTITY_WORDS and not NUMBER_WORD.match(w) and w in common_nouns() \
                and not group_head:
            out.add(w)
    return frozenset(out)


def _word_at(text: str, word: str) -> int:
    """Where ``word`` stands alone in ``text`` (any case), or -1: plain string search, no per-figure regex."""
    low, word = text.lower(), word.lower()
    at = low.find(word)
    while at >= 0:
        before = low[at - 1] if at else " "
        after = low[at + len(word)] if at + len(word) < len(low) else " "
        if not (before.isalnum() or before in ",.") and not (after.isalnum() or after == ","):
            return at
        at = low.find(word, at + 1)
    return -1


def _said_as_part(f: Figure) -> bool:
    """A number its sentence gives as part of another count ('of which 38 cases are in X', 'X accounts for 38 of
    those cases', 'including five nurses')."""
    lead = re.match(r"[\d][\d,.]*|[A-Za-z]+(?:-[a-z]+)?", f.text.strip())
    for c in f.citations[:3]:
        text = c.text
        at = text.find(f.text)
        if at < 0 and lead is not None:
            at = _word_at(text, lead.group(0))
        if at < 0:
            continue
        end = at + (len(f.text) if text[at:at + len(f.text)] == f.text else len(lead.group(0)))
        if PART_MARK_BEFORE.search(text[max(0, at - 20):at]) or PART_MARK_AFTER.match(text[end:end + 20]):
            return True
    return False


CURRENCY_WORDS = "|".join(sorted(CURRENCY_FAMILIES))
# a sum and the bracket opened right after it: 'C$800 million (', '40 billion rupees (about '
SUM_BEFORE_BRACKET = re.compile(r"\d[\w.,]*(?:\s+(?:million|billion|trillion|[mbk]n?|" + CURRENCY_WORDS + r")s?){0,2}"
                                r"\s*\(\s*(?:about\s+|roughly\s+|some\s+|around\s+)?$", re.I)


def _conversion(f: Figure) -> bool:
    """A sum in brackets right after another sum ('C$800 million ($585 million) a day'): the same amount in
    another currency, not a second estimate."""
    for c in f.citations[:2]:
        at = c.text.find(f.text)
        if at < 0:
            continue
        before = c.text[max(0, at - 60):at]
        if c.text[at + len(f.text):].lstrip().startswith(")") and SUM_BEFORE_BRACKET.search(before):
            return True
    return False


def _bucket_scope(bucket: list[Figure]) -> frozenset[str]:
    """The subset a value is said of: one number of one thing said of the Chinese crew in one source and
    bare in another is the same subset."""
    return frozenset().union(*(_restrictors(f) | _placed(f) for f in bucket))


# a country right after the counted noun ('38 cases in Uganda'): the count of that country only
PLACE_AFTER = re.compile(r"^\s+(?:in|across|inside|within)\s+((?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")


def _placed(f: Figure) -> frozenset[str]:
    """'in:Uganda' for a count its sentence places in one country, unless that country is who gives it."""
    for c in f.citations[:2]:
        at = c.text.find(f.text)
        m = PLACE_AFTER.match(c.text[at + len(f.text):]) if at >= 0 else None
        if m is None:
            continue
        country = country_of(re.sub(r"^the\s+", "", m.group(1)))
        if country is not None and country.form != "seat" and not (
                f.claimed_by and country.country in country_words(re.sub(r"['’]s\b", "", f.claimed_by))):
            return frozenset({"in:" + country.country})
    return frozenset()


# units of measure (not counted things): a number in one is comparable only to a number in the same one
MEASUREMENT_UNITS = frozenset("""metre meter kilometre kilometer km mile foot feet inch yard centimetre centimeter
millimetre millimeter hectare acre square tonne ton kilogram kg gram pound litre liter gallon barrel hour minute second
day week month year hours days weeks months years degree c f celsius fahrenheit knot mph kph kilowatt megawatt gigawatt watt volt""".split())


def _measurement(unit: str) -> str | None:
    """The unit of measure a unit is in ('tonnes dioxide' -> 'tonne', '°C' -> 'c'), None for a count of things."""
    for word in re.findall(r"[a-z]+", (unit or "").lower()):
        for form in (word, singular(word)):
            if form in MEASUREMENT_UNITS:
                return {"meter": "metre", "kilometer": "kilometre", "km": "kilometre", "ton": "tonne",
                        "liter": "litre", "feet": "foot"}.get(form, form)
    return None


def _comparable(a: Figure, b: Figure) -> bool:
    """Rival estimates of one quantity: same currency or scale, and within an order of magnitude."""
    if currency_codes(a.unit) is not None or currency_codes(b.unit) is not None:
        if not same_unit(a.unit, b.unit):
            return False  # 'dollars' may be C$, never euros; US$ is never C$
    elif (a.unit != b.unit) and (a.unit.isupper() or b.unit.isupper() or "percent" in (a.unit, b.unit)):
        return False
    ma, mb = _measurement(a.unit), _measurement(b.unit)
    if (ma or mb) and ma != mb:
        return False  # a length, an area or a weight is never a count of things ('44-metre' / '14 vessels')
    (_, ahi), (_, bhi) = _interval(a), _interval(b)
    small, big = sorted((abs(ahi), abs(bhi)))
    return small > 0 and big / small <= MAX_RATIO


def _different_claimants(a: Figure, b: Figure) -> bool:
    ca, cb = (a.claimed_by or "").lower(), (b.claimed_by or "").lower()
    if ca and cb and ca != cb and ca not in cb and cb not in ca:
        return True
    return not ({c.source for c in a.citations} & {c.source for c in b.citations})


def _group_key(f: Figure) -> str | None:
    if f.quantity:
        return f.quantity.strip().lower()
    unit = (f.unit or "").strip().lower()
    if not unit or unit in COARSE_UNITS:
        return None
    return unit


FrameIndex = dict[tuple[str, int], list[OpenQuestion]]


def _index_frames(frames: Iterable[OpenQuestion]) -> FrameIndex:
    """Frames by the sentence they come from, so each figure finds its own in one look-up."""
    index: FrameIndex = {}
    for fr in frames:
        if fr.citations:
            index.setdefault((fr.citations[0].source, fr.citations[0].start), []).append(fr)
    return index


def _frames_of(f: Figure, index: FrameIndex) -> list[OpenQuestion]:
    return [fr for c in f.citations for fr in index.get((c.source, c.start), ())
            if fr.reason in f.text or f.text in fr.reason]


def _counted_by_frame(f: Figure, index: FrameIndex) -> str | None:
    """What the sentence's grammar says the number counts ('19 people were killed': deaths), if anything."""
    return next((getattr(fr, "counts") for fr in _frames_of(f, index) if getattr(fr, "counts", None)), None)


# a sum given per period ('C$800 million a day', 'roughly C$250 million daily'): rival estimates of one rate
RATE_AFTER = re.compile(r"^[^.;:!?]{0,45}?\b(?:(?:a|per|each|every(?:\s+single)?)\s+(day|week|month|year)|"
                        r"(daily|weekly|monthly|annually|yearly))\b", re.I)
RATE_CONCEPTS = frozenset("cost damage price wage revenue profit".split())  # read well as 'the true X per day'
RATE_PERIODS = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"}


def _rate_key(f: Figure) -> str | None:
    """'money per day' for a sum its sentence gives per day, in the clause right after the number."""
    if currency_codes(f.unit) is None:
        return None
    for c in f.citations[:1]:
        at = c.text.find(f.text)
        if at < 0:
            continue
        after = re.split(r",\s|\s[-–—]\s", c.text[at + len(f.text):], maxsplit=1)[0]
        m = RATE_AFTER.match(after)
        if m:
            period = (m.group(1) or RATE_PERIODS[m.group(2).lower()]).lower()
            return f"money per {period}"
    return None


def _rate_question(key: str, members: list[Figure], index: FrameIndex) -> str | None:
    """'What is the true cost per day?' when most sides' sentences say the sum per day is a cost."""
    m = re.fullmatch(r"money per (\w+)", key)
    if not m:
        return None
    votes: dict[str, int] = {}
    for f in members:
        for concept in (_measure(f, index) or {}).get("core", frozenset()) & AMOUNT_CONCEPTS:
            votes[concept] = votes.get(concept, 0) + 1
    best = max(sorted(votes), key=votes.get, default=None)
    what = best if best is not None and 2 * votes[best] >= len(members) and best in RATE_CONCEPTS else "figure"
    return f"What is the true {what} per {m.group(1)}?"


def _grouped(figures: list[Figure], index: FrameIndex | None = None) -> dict[str, list[Figure]]:
    """Figures by quantity; a key whose words contain another's joins it ('tonnes' and 'tonnes dioxide'),
    except for coarse keys (money, percent) where that would pool unrelated sums."""
    groups: dict[str, list[Figure]] = {}
    for f in figures:
        # a count among a group ('deaths among nurses') keeps its own key: the frame only says 'deaths'
        own = _group_key(f)
        part = own is not None and _among_group(own)
        key = own if part else _rate_key(f) or _counted_by_frame(f, index or {}) or own
        key = quantity_key(key) if key is not None else None  # 'ship' and 'vessel', 'box' and 'container'
        if key is not None and f.citations and not _is_part(f):
            groups.setdefault(key, []).append(f)
    for key in sorted(groups, key=len):
        words = set(key.split())
        if words & COARSE_UNITS or key not in groups:
            continue
        for other in list(groups):
            if other != key and words < set(other.split()) and not set(other.split()) & COARSE_UNITS \
                    and not _among_group(other):  # the deaths among nurses never rival the death toll
                groups[key].extend(groups.pop(other))
    return groups


def _among_group(key: str) -> bool:
    """'deaths among nurses', 'cases among children': a count of a part of a group, not the overall count."""
    return " among " in f" {key} "


SHARE_OF = re.compile(r"\d[\d.,]*\s*(?:%|percent|per cent)\s+of\s+(?:the\s+)?([a-z]+(?:\s+[a-z]+)?)", re.I)


def _share_question(rest: str, group: list[Figure]) -> str | None:
    """'41.8% of the vote' in a cited sentence: 'What share of the vote did Brandt get?'"""
    for f in group:
        for c in f.citations:
            m = SHARE_OF.search(c.text)
            named = re.search(r"\b" + re.escape(rest) + r"\b", c.text, re.I)
            # only a named holder 'gets' a share ('Brandt'); 'did capacity get' asks nothing
            if m and named and named.group(0)[:1].isupper():
                return f"What share of the {m.group(1)} did {named.group(0)} get?"
    return None


def _named_in(word: str, group: list[Figure]) -> bool:
    """A key word the cited sentences only write with a capital: part of a name ('Biotech'), not a thing."""
    texts = [c.text for f in group for c in f.citations[:1]]
    return any(re.search(r"\b" + re.escape(word) + r"\b", t, re.I) for t in texts) and not any(
        re.search(r"\b" + re.escape(word) + r"\b", t) for t in texts)


def _fallback_question(key: str, group: list[Figure]) -> str:
    units = [f.unit for f in group if f.unit and f.unit.isalpha() and f.unit.islower()]
    if units and not set(key.split()) & COARSE_UNITS:
        return f"How many {max(set(units), key=units.count)}?"
    words = [w for w in key.split() if w not in COARSE_UNITS]
    rest = " ".join(words) or key
    if "percent" in key.split():
        share = _share_question(rest, group)
        if share:
            return share
    # never a raw key of name words ('for the biotech kelvora'); the thing a name qualifies may stay ('EU market')
    things = [w for w in words if not _named_in(w, group)]
    if not things or len(things) < len(words) and len(things) > 1:
        return "What is the true figure?"
    return f"What is the true figure for the {' '.join(things)}?"


def _frame_for(group: list[Figure], index: FrameIndex) -> str | None:
    """The question the sentences themselves ask about this quantity: the most common 'How many ... ?' frame."""
    votes: dict[str, int] = {}
    for f in group:
        for fr in _frames_of(f, index):
            if not fr.question:
                continue
            votes[fr.question] = votes.get(fr.question, 0) + 1 + (" did " in fr.question)
    if not votes:
        return None
    return max(votes, key=lambda q: (votes[q], len(q)))


def _same_value(a: Figure, b: Figure) -> bool:
    (alo, ahi), (blo, bhi) = _interval(a), _interval(b)
    return abs(alo - blo) <= TOLERANCE * max(abs(alo), 1.0) and abs(ahi - bhi) <= TOLERANCE * max(abs(ahi), 1.0)


def _value_buckets(claimed: list[Figure]) -> list[list[Figure]]:
    """Figures giving the same value (within tolerance) together, in one sorted sweep."""
    buckets: list[list[Figure]] = []
    for f in sorted(claimed, key=_interval):
        if buckets and _same_value(buckets[-1][0], f):
            buckets[-1].append(f)
        else:
            buckets.append([f])
    return buckets


def _support(bucket: list[Figure]) -> tuple[int, int]:
    return len({c.source for f in bucket for c in f.citations}), len(bucket)


def _dated(f: Figure, sources: dict[str, Source]) -> str | None:
    """The day a figure holds for: its own date, else the day its first source was published."""
    src = sources.get(f.citations[0].source) if f.citations else None
    return f.as_of or (src.published[:10] if src is not None and src.published else None)


def _side(bucket: list[Figure], sources: dict[str, Source], dated: bool = False) -> str:
    """'96 million rand (per X; Y)': one value with the first few who give it (with the day each source
    published it when ``dated``)."""
    named = {}  # "the Civil Protection Agency" and "Civil Protection Agency" are one claimant
    for f in bucket:
        day = _dated(f, sources) if dated else f.as_of
        name = with_article(_claimant(f, sources)) + (f", {day}" if day else "")
        named.setdefault(re.sub(r"^the\s+", "", name.lower()), name)
    who = list(named.values())
    more = f"; {len(who) - MAX_CLAIMANTS} more" if len(who) > MAX_CLAIMANTS else ""
    return f"{_with_unit(bucket)} (per {'; '.join(who[:MAX_CLAIMANTS])}{more})"


def _claimant_set(bucket: list[Figure], sources: dict[str, Source]) -> frozenset[str]:
    return frozenset(re.sub(r"^the\s+", "", _claimant(f, sources).lower()) for f in bucket)


def _by_claimants(buckets: list[list[Figure]], sources: dict[str, Source]) -> list[list[list[Figure]]]:
    """Neighbouring values the same claimants give that do not contradict each other ('about 870,000' and
    'fewer than 900,000', both per X) as one side, not two."""
    out: list[list[list[Figure]]] = []
    for b in buckets:
        last = out[-1] if out else None
        if last is not None and _claimant_set(last[-1], sources) == _claimant_set(b, sources) \
                and not any(_disagree(x[0], b[0]) for x in last):
            last.append(b)
        else:
            out.append([b])
    return out


def _joined_side(group: list[list[Figure]], sources: dict[str, Source]) -> str:
    """'about 870,000 units or fewer than 900,000 units (per X)': one claimant's consistent values together."""
    first = _side(group[0], sources)
    if len(group) == 1:
        return first
    return " or ".join(_with_unit(b) for b in group) + first[len(_with_unit(group[0])):]


def _with_unit(bucket: list[Figure]) -> str:
    """The value as written, with what it counts when it was written bare ('6,200' -> '6,200 evacuees')."""
    text = inline_text(bucket[0].text)
    worded = next((f.text for f in bucket if re.search(r"[a-z]{3,}\s*$", f.text) and f.text[:1].isdigit()), None)
    unit = bucket[0].unit or ""
    last = text.split()[-1] if text.split() else ""
    if re.fullmatch(r"[\d.,]+", last) or NUMBER_WORD.match(last):  # '6,200', 'around 90', 'six'
        if worded and re.fullmatch(r"[\d.,]+", text.strip()):
            return worded
        if unit.isalpha() and unit.islower() and unit not in ("percent", "number"):
            return f"{text} {unit}"
    return text


# ---------------------------------------------------------------- one quantity, worded differently

MAX_LINKED = 300  # figures of one kind compared pairwise for differently worded keys (briefing-sized sets)


def _measure(f: Figure, index: FrameIndex) -> dict | None:
    """What the sentence's grammar says this figure measures (briefing/extract/signals.py measure_of)."""
    for fr in _frames_of(f, index):
        m = getattr(fr, "measure", None)
        if m is not None and (f.text in fr.reason or _reason_pattern(fr.reason).search(f.text)):
            return m
    return None


@lru_cache(maxsize=1 << 12)
def _reason_pattern(reason: str) -> re.Pattern:
    """A frame's number as a whole number inside a figure's text (compiled once per number)."""
    return re.compile(r"(?<![\d.,])" + re.escape(reason) + r"(?!\d)")


def _kind(f: Figure) -> str:
    """The kind of number: a percentage, a sum in one currency, a count of people, or a count of one noun."""
    unit = (f.unit or "").strip()
    if unit.isupper() or unit in ("percent", "%"):
        return "percent" if unit == "%" else unit
    word = unit.lower()
    single = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    if word in PEOPLE_NOUNS or single in PEOPLE_NOUNS or MEASURE_SYNONYMS.get(single) in FATES | {"people"}:
        return "people"
    return single


def _different_amounts(a: dict, b: dict) -> bool:
    """Sums said to be different things ('charges $4.50 a dose' / 'costs $1.50 a dose to make'; a fine / a
    revenue): both clauses name what the sum is, and they name nothing in common."""
    sa, sb = a["core"] & AMOUNT_CONCEPTS, b["core"] & AMOUNT_CONCEPTS
    return bool(sa) and bool(sb) and not sa & sb


def _related(a: dict, b: dict) -> bool:
    """Two numbers whose clauses describe one quantity in different words: the same fate of the same people
    ('evacuees' ~ 'forced from their homes'), or shared concepts ('exports ... worth' ~ 'imports worth'), a share
    held by the same holder ('the company's share' ~ 'the company would process 40 percent of')."""
    if a["part"] or b["part"] or (a["holders"] and b["holders"] and not a["holders"] & b["holders"]):
        return False  # a part of a count; or two holders' shares ('Brandt won 42%', 'Halvorsen won 54%')
    if a["fate"] or b["fate"]:
        return a["fate"] == b["fate"]
    if _different_amounts(a, b):
        return False
    if a.get("percent") and b.get("percent") and "efficacy" in a["core"] & b["core"]:
        return True  # 'cut cases by 77 percent' ~ 'an efficacy of 54 percent': how well one remedy works
    if a["change"] != b["change"]:
        return False
    common = a["core"] & b["core"]
    if "share" in common:  # 'its share' and 'it would have 40% of' say it of the holder, not of a topic
        if a["of"] and b["of"] and a["of"] != b["of"]:
            return False  # a share of generation is not a share of capacity
        return bool(a["holders"] & b["holders"]) or len(common - {"share"}) >= 2
    if a["topic"] and b["topic"] and a["topic"] != b["topic"]:
        return False
    return len(common) >= 2 or (len(common) == 1 and len(a["bag"] & b["bag"]) >= 2)


def _same_time(a: Figure, b: Figure, ma: dict | None, mb: dict | None) -> bool:
    """Values dated to different years are a series, not rivals ('$5 billion in 2024', '$6 billion in 2025');
    a date filled in from the article's own date does not count."""
    if ma and mb and ma["years"] and mb["years"]:
        return bool(ma["years"] & mb["years"])  # "in 2024" and "in 2025" in the sentences themselves
    if not (a.as_of and b.as_of) or a.as_of[:4] == b.as_of[:4]:
        return True
    dated = (ma is None or ma["dated"]) and (mb is None or mb["dated"])
    return not dated


FigureId = tuple[str, int, str]


def _fid(f: Figure) -> FigureId:
    """A figure's identity that survives copying: its first sentence and its wording."""
    c = f.citations[0]
    return (c.source, c.start, f.text)


def _disputed_pairs(groups: dict[str, list[Figure]], index: FrameIndex) -> dict[tuple[FigureId, FigureId], tuple[str, str]]:
    """'X claims 1.2 million records were stolen. Y disputed the figure, saying about 400,000 patients were
    affected': a number given against the figure disputed (the nearest comparable figure before it in the same
    source, given by someone else and about something its clause names too), whatever noun each counts."""
    everything = [(key, f) for key, group in groups.items() for f in group if f.citations]
    # the number disputed stands in the same source: look only there, not at every figure of the input
    in_source: dict[str, list[tuple[str, Figure]]] = defaultdict(list)
    for key, f in everything:
        for src in dict.fromkeys(c.source for c in f.citations):
            in_source[src].append((key, f))
    measures: dict[int, dict | None] = {}

    def measure(f: Figure) -> dict | None:
        if id(f) not in measures:
            measures[id(f)] = _measure(f, index)
        return measures[id(f)]

    out: dict[tuple[FigureId, FigureId], tuple[str, str]] = {}
    for key, f in everything:
        m = measure(f)
        if not m or not m.get("disputes"):
            continue
        src, start = f.citations[0].source, f.citations[0].start
        who = _claimed(f, index)
        best = None
        for other_key, g in in_source[src]:
            before = [c.start for c in g.citations if c.source == src and c.start < start]
            mg = measure(g) if before else None
            if not before or mg is None or g.unit != f.unit and (g.unit.isupper() or f.unit.isupper()
                                                                 or "percent" in (g.unit, f.unit)):
                continue
            other = _claimed(g, index)
            if not other or (who and compatible_claimants(who, other)) or not _disagree(f, g) \
                    or not _comparable(Figure(**{**f.__dict__, "unit": g.unit}), g):
                continue
            if not (m["core"] | m["bag"]) & (mg["core"] | mg["bag"]) and _kind(f) != _kind(g):
                continue  # the number given against it is about something else
            if best is None or max(before) > best[0]:
                best = (max(before), other_key, g)
        if best is not None:
            out[(_fid(f), _fid(best[2]))] = (key, best[1])
    return out


def _link_keys(groups: dict[str, list[Figure]], index: FrameIndex,
               disputed: dict[tuple[FigureId, FigureId], tuple[str, str]] | None = None) -> dict[str, list[Figure]]:
    """Join the groups of one kind of number whose figures' sentences describe the same quantity, and the
    groups of a figure and the number given against it."""
    parent = {k: k for k in groups}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    # (key, figure as claimed, measure) once per figure: the pairwise loop below only compares them
    by_kind: dict[str, list[tuple[str, Figure, dict]]] = {}
    for key, group in groups.items():
        for f in group:
            m = _measure(f, index)
            if m is not None and _claimed(f, index):
                by_kind.setdefault(_kind(f), []).append((key, _with_claimant(f, index), m))
    related: set[tuple[str, str]] = set()
    clash: set[tuple[str, str]] = set()
    for items in by_kind.values():
        if len(items) > MAX_LINKED:
            continue
        for i, (ka, fa, ma) in enumerate(items):
            for kb, fb, mb in items[i + 1:]:
                if ka == kb:
                    continue
                pair = (min(ka, kb), max(ka, kb))
                rivals = _different_claimants(fa, fb)
                if _among_group(ka) != _among_group(kb):
                    clash.add(pair)  # the deaths among nurses are a part of the death toll, never a rival of it
                elif not rivals and _same_sentence(fa, fb):
                    clash.add(pair)  # one source's 'her on 49 percent and him on 46 percent': two quantities
                elif rivals and _related(ma, mb) and _same_time(fa, fb, ma, mb):
                    related.add(pair)
                elif (ma["fate"] and mb["fate"] and ma["fate"] != mb["fate"]) or ma["change"] != mb["change"] \
                        or _different_amounts(ma, mb):
                    clash.add(pair)  # 'deaths' and 'cases' share words, yet count different things
    for ka, kb in sorted(related - clash):
        parent[root(kb)] = root(ka)
    for ka, kb in sorted((disputed or {}).values()):
        if root(ka) != root(kb):
            parent[root(kb)] = root(ka)
    joined: dict[str, list[Figure]] = {}
    for key, group in groups.items():
        joined.setdefault(root(key), []).extend(group)
    return joined


def _same_sentence(a: Figure, b: Figure) -> bool:
    return bool({(c.source, c.start) for c in a.citations} & {(c.source, c.start) for c in b.citations})


def _claimed(f: Figure, index: FrameIndex) -> str | None:
    """Who gives a figure: the source the sentence binds to the number itself ('registered by X', 'according
    to X'), else the extracted claimant, else the speaker of its clause."""
    m = _measure(f, index)
    return (m or {}).get("bound") or f.claimed_by or (m or {}).get("speaker")


def _same_quantity(f: Figure, g: Figure, index: FrameIndex, keys: dict[int, str]) -> bool:
    mf, mg = _measure(f, index), _measure(g, index)
    if not _same_time(f, g, mf, mg):
        return False
    if keys.get(id(f)) == keys.get(id(g)):
        # one key; but two fates of people ('forced from homes' and 'missing') are still two quantities
        if mf and mg and mf["fate"] and mg["fate"] and mf["fate"] != mg["fate"]:
            return False
        if mf and mg and _different_amounts(mf, mg):
            return False  # one key ('money vaccine'), yet a price and a cost
        if getattr(f, "named_by_sentence", False) or getattr(g, "named_by_sentence", False):
            # a claimant only the sentence's grammar supplies: its wording must show the same quantity too
            return mf is not None and mg is not None and _related(mf, mg)
        return True
    return mf is not None and mg is not None and _kind(f) == _kind(g) and _related(mf, mg)


def _rival(a: list[Figure], b: list[Figure], index: FrameIndex | None = None,
           keys: dict[int, str] | None = None, disputed: "set[tuple[FigureId, FigureId]] | None" = None) -> bool:
    """Two values that rival claimants give for one quantity, or one given against the other."""
    x, y = a[0], b[0]
    if not (_disagree(x, y) and _comparable(x, y)):
        return False
    index, keys, disputed = index or {}, keys or {}, disputed or set()
    return any(_different_claimants(f, g) and ((_fid(f), _fid(g)) in disputed or (_fid(g), _fid(f)) in disputed
                                               or _same_quantity(f, g, index, keys))
               for f in a[:MAX_CLAIMANTS] for g in b[:MAX_CLAIMANTS])


def _with_claimant(f: Figure, index: FrameIndex) -> Figure:
    """The figure as a conflict shows it: claimed by whom its sentence says gives it."""
    who = _claimed(f, index)
    if who == f.claimed_by or (who and f.claimed_by and compatible_claimants(who, f.claimed_by)):
        return f
    copy = Figure(**{**f.__dict__, "claimed_by": who})
    setattr(copy, "named_by_sentence", not f.claimed_by)  # a claimant extraction had not found
    return copy


# the question to ask when sources word one quantity differently: by the concept their sentences share
CONCEPT_QUESTIONS = {
    "deaths": "What is the death toll?",
    "displaced": "How many people were forced from their homes?",
    "injured": "How many people were injured?",
    "missing": "How many people are missing?",
    "arrested": "How many people were arrested?",
    "cases": "How many cases are there?",
    "share": "What is the true share?",
    "efficacy": "What is the true efficacy?",
}
# a sum two sources value differently, by what their sentences say it is the value of
VALUE_QUESTIONS = {"trade": "What is the trade worth?", "takeover": "What is the deal worth?",
                   "damage": "How much is the damage?", "cost": "What is the true cost?"}


# a sum the sources' sentences agree is of one kind, and they give different values for it
AMOUNT_QUESTIONS = {"damage": "How much is the damage?", "takeover": "What is the deal worth?",
                    "trade": "What is the trade worth?"}


def _amount_question(members: list[Figure], index: FrameIndex) -> str | None:
    """'What is the true price?' when every side's sentence says the sum is a price."""
    measures = [m for m in (_measure(f, index) for f in members) if m is not None]
    if len(measures) < 2 or len(measures) < len(members):
        return None
    common = frozenset.intersection(*(m["core"] & AMOUNT_CONCEPTS for m in measures))
    if len(common) != 1:
        return None
    concept = next(iter(common))
    return AMOUNT_QUESTIONS.get(concept, f"What is the true {concept}?")


def _concept_question(members: list[Figure], index: FrameIndex) -> str | None:
    measures = [m for m in (_measure(f, index) for f in members) if m is not None]
    if len(measures) < 2:
        return None
    fates = {m["fate"] for m in measures}
    if len(fates) == 1 and None not in fates:
        return CONCEPT_QUESTIONS.get(next(iter(fates)))
    common = frozenset.intersection(*(m["core"] for m in measures))
    if "efficacy" in common:
        return CONCEPT_QUESTIONS["efficacy"]
    if "share" in common:
        return CONCEPT_QUESTIONS["share"]
    if "value" in common:
        return next((q for c, q in VALUE_QUESTIONS.items() if c in common), "What is the true value?")
    return None


_OWN_PEOPLE = re.compile(r"\b(?:its|their|our)\b", re.I)


def _by_scope(buckets: list[list[Figure]], disputed: set) -> dict[frozenset[str], list[list[Figure]]]:
    """Value buckets by the subset they count; a number given against another ('disputed the figure, saying
    600,000 customers') answers that figure whatever its noun phrase, so the two stay together."""
    scopes = [_bucket_scope(b) for b in buckets]
    named = {sc for sc in scopes if sc}
    if len(named) == 1 and all(w[:1].isupper() for w in next(iter(named))):
        # one nation named, the other counts bare: the bare ones are most likely of that nation too, unless
        # their claimant counts its own ('four of its guards', 'our soldiers'): those are the claimant's side
        scopes = [sc or (sc if any(_OWN_PEOPLE.search(f.text) for f in b) else next(iter(named)))
                  for sc, b in zip(scopes, buckets)]
    ids = [{_fid(f) for f in b} for b in buckets]
    for i in range(len(buckets)):
        for j in range(i + 1, len(buckets)):
            if scopes[i] != scopes[j] and any((x, y) in disputed or (y, x) in disputed
                                              for x in ids[i] for y in ids[j]):
                old, new = scopes[j], scopes[i]
                scopes = [new if s == old else s for s in scopes]
    out: dict[frozenset[str], list[list[Figure]]] = {}
    for scope, b in zip(scopes, buckets):
        out.setdefault(scope, []).append(b)
    return out


# tallies of what has happened to people, which later reports update upward ('the toll rose to six')
TOLL_KEYS = frozenset("deaths injured cases arrested".split())


# a count said to have risen to a value: 'the toll rose to five', 'bringing the number killed to six'
RISE_TO = re.compile(r"\b(?:rose|risen|rises|rising|climbed|climbs|climbing|jumped|increased|grew|bringing|brought|"
                     r"brings|raising|raised|raises|pushing|pushed|taking|took)\b[^.;]{0,80}?\bto\b", re.I)


def _rising_count(involved: list[list[Figure]], sources: dict[str, Source]) -> bool:
    """Counts of things (not sums or shares) whose values, lowest first, were each first reported on a later
    day than the one before: 'four' on the 21st, 'five' on the 22nd, 'six' on the 23rd."""
    if any(currency_codes(b[0].unit) or b[0].unit in ("percent", "%") for b in involved):
        return False
    first_days = []
    for b in involved:  # lowest value first
        days = [d for d in (_dated(f, sources) for f in b) if d]
        if not days:
            return False
        first_days.append(min(days))
    if any(len(d) < 10 for d in first_days):
        return False  # a month is too coarse to order reports by
    if not all(any(RISE_TO.search(c.text) for f in b for c in f.citations) for b in involved[1:]):
        return False  # a higher count nobody says the toll rose to is a rival count ('at least 41, the Red Cross said')
    return all(x < y for x, y in zip(first_days, first_days[1:]))


def _scoped_question(scope: frozenset[str], members: list[Figure]) -> str | None:
    """'How many health workers?' for counts of a subset the noun phrase names with a compounded noun."""
    nouns = {w for w in scope if w.islower() and ":" not in w}
    for f in members:
        words = _noun_phrase(f)
        first = next((i for i, w in enumerate(words) if w in nouns), None)
        if first is not None:
            return f"How many {' '.join(words[first:])}?"
    return None


def _conflict_question(key: str, buckets: list[list[Figure]], scope: frozenset[str], index: FrameIndex,
                       keys: dict[int, str], disputed: dict, sources: dict[str, Source]) -> OpenQuestion | None:
    """One quantity's rival values (each with who gives it) as a question, if at least two values rival."""
    # the values most sources give; a question listing hundreds of values helps nobody
    top = sorted(buckets, key=_support, reverse=True)[:MAX_SIDES]
    involved = [b for i, b in enumerate(top)
                if any(_rival(b, o, index, keys, set(disputed)) for j, o in enumerate(top) if j != i)]
    if len(involved) < 2:
        return None
    involved.sort(key=lambda b: _interval(b[0]))
    members = [f for b in involved for f in b[:MAX_CLAIMANTS]]
    joined = len({keys.get(id(f)) for f in members}) > 1
    question = _scoped_question(scope, members) or ("What is the death toll?" if key == "deaths" else None) \
        or _rate_question(key, members, index) \
        or (_concept_question(members, index) if joined else None) or _frame_for(members, index) \
        or _amount_question(members, index) or _fallback_question(key, members)
    if key in TOLL_KEYS and _rising_count(involved, sources):
        # higher counts in later reports: a toll that was updated, not (only) a disagreement
        if question == "What is the death toll?":
            question = "What is the latest death toll?"
        reason = ("Sources differ, the count rising in later reports: "
                  + "; ".join(_side(b, sources, dated=True) for b in involved) + ".")
    else:
        reason = "Sources disagree: " + "; ".join(_joined_side(g, sources) for g in _by_claimants(involved, sources)) \
            + "."
    cites = _unique(c for b in involved for f in b[:MAX_CLAIMANTS] for c in f.citations[:1])
    return OpenQuestion(question=question, reason=reason, citations=cites, kind="conflict")


def conflicts(figures: list[Figure], frames: list[OpenQuestion], sources: dict[str, Source]) -> list[OpenQuestion]:
    out = []
    index = _index_frames(frames)
    grouped = _grouped(figures, index)
    keys = {id(f): key for key, group in grouped.items() for f in group}
    disputed = _disputed_pairs(grouped, index)
    for key, group in _link_keys(grouped, index, disputed).items():
        # a conflict is between claimants: both sides must say who gives the figure
        claimed = [_with_claimant(f, index) for f in group]
        keys.update({id(c): keys[id(f)] for c, f in zip(claimed, group)})
        # a value some source gives as a part of another count ('of which 38 are in X') is no rival total
        buckets = [b for b in _value_buckets([f for f in claimed if f.claimed_by and not _conversion(f)])
                   if not any(_said_as_part(f) for f in b)]
        # counts of different subsets (the Chinese crew, the Filipino crew; health workers among cases) are
        # asked apart, each against its own rivals
        by_scope = _by_scope(buckets, set(disputed))
        for scope, scoped in by_scope.items():
            # a subset is named in the question only where the key holds several subsets
            q = _conflict_question(key, scoped, scope if len(by_scope) > 1 else frozenset(), index, keys, disputed,
                                   sources)
            if q is not None:
                out.append(q)
    # the quantity most sources speak of first
    return sorted(out, key=lambda q: -len({c.source for c in q.citations}))


# ---------------------------------------------------------------- merging signals

def _unique(cites: Iterable[Citation]) -> list[Citation]:
    return list(dict.fromkeys(cites))


def _same_dispute(a: OpenQuestion, b: OpenQuestion, actors: list[Actor]) -> bool:
    sa, sb = getattr(a, "sides", None), getattr(b, "sides", None)
    if sa and sb and all(sa) and all(sb):
        if [party_name(x, actors) for x in sa] == [party_name(x, actors) for x in sb]:
            return True
    # "Who is responsible?" and "Who is responsible for the attack?": the bare one asks the same
    qa, qb = a.question.rstrip("?"), b.question.rstrip("?")
    if qa.startswith(qb + " ") or qb.startswith(qa + " "):
        return True
    return fuzz.token_sort_ratio(a.question, b.question) >= SAME_QUESTION


def _same_topic(a: OpenQuestion, b: OpenQuestion) -> bool:
    """Two next steps about the same thing ('a vaccine trial could begin', 'the trial could start')."""
    ta, tb = getattr(a, "topic", None), getattr(b, "topic", None)
    return bool(ta) and ta == tb


def _merge_into(target: OpenQuestion, other: OpenQuestion) -> None:
    if len(target.citations) < MAX_QUESTION_CITES:  # enough to show who raises it; keeps merging linear
        target.citations = _unique(target.citations + other.citations)[:MAX_QUESTION_CITES]
    if other.kind == "dispute" and target.question.rstrip("?") and \
            other.question.startswith(target.question.rstrip("?") + " "):
        target.question = other.question  # the more specific wording of the same question
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
        home = next((c for c in conflict_qs if fuzz.token_sort_ratio(c.question, u.question) >= SAME_QUESTION), None)
        if home is None:
            left.append(u)
            continue
        home.citations = _unique(home.citations + u.citations)
        if u.reason not in home.reason:
            home.reason = home.reason.rstrip() + " " + re.sub(r"\bit\b", "the figure", u.reason, count=1)
    return left


def dedupe(questions: list[OpenQuestion], actors: list[Actor]) -> list[OpenQuestion]:
    out: list[OpenQuestion] = []
    exact: dict[tuple[str | None, str], OpenQuestion] = {}
    for q in questions:
        key = (q.kind, " ".join(q.question.lower().split()))
        same = exact.get(key)
        if same is None and len(out) < MAX_FUZZY:  # fuzzy matching is quadratic: only on briefing-sized sets
            same = next((o for o in out if o.kind == q.kind and (
            _same_dispute(o, q, actors) if q.kind == "dispute"
                else _same_topic(o, q) or fuzz.token_sort_ratio(o.question, q.question) >= SAME_QUESTION)), None)
        if same is None:
            out.append(OpenQuestion(question=q.question, reason=q.reason, citations=list(q.citations), kind=q.kind))
            exact[key] = out[-1]
            for extra in ("sides", "parts", "topic"):
                if hasattr(q, extra):
                    setattr(out[-1], extra, getattr(q, extra))
        else:
            _merge_into(same, q)
    return out


# ---------------------------------------------------------------- claims resting on one interested party

MAX_SINGLE_SOURCE = 2  # such questions on a page: a caution, not a list of every uncorroborated figure
SIDES = {"support": "for", "condemn": "against", "deny": "against"}
STANCE_VERBS = {"support": "supporting", "condemn": "condemning", "deny": "denying"}


# a figure said to recur ('kills 400,000 people each year', 'an annual 2 million tonnes') is a background statistic,
# not a claim about this event that one side could be pushing
RECURRING = re.compile(r"\b(?:each|every|a|per)\s+(?:year|month|week|day)\b|\bper\s+annum\b|\bannual(?:ly)?\b|"
                       r"\byearly\b", re.I)
# last words of an organisation's name that take 'the' in running text ('the World Health Organization')
ARTICLE_HEADS = frozenset("""organization organisation agency ministry institute federation union alliance commission
council committee department office authority association bank fund foundation society board centre center
service services court tribunal parliament assembly secretariat programme program coalition front movement
league network forum party army navy police administration bureau corporation company group""".split())


NAME_FUNCTION_WORDS = frozenset("of for and on de du la".split())  # 'Institute of Public Health'


def with_article(name: str) -> str:
    """'World Health Organization' -> 'the World Health Organization' in running text; names that already
    carry an article or a possessive ('Kovania's foreign ministry'), and names of people or places, stay."""
    words = name.split()
    if not words or words[0].lower() in ("the", "a", "an") or "'s" in name or "’s" in name:
        return name
    # the name's head: before its 'of'/'for' phrase ('Institute of Public Health'), else its last word
    head = next((words[i - 1] for i, w in enumerate(words) if i and w in ("of", "for")), words[-1])
    if head.lower() not in ARTICLE_HEADS or any(not w[:1].isupper() and w not in NAME_FUNCTION_WORDS
                                                     for w in words):
        return name  # 'Brussels police', 'organisers from the ... Council': a description, not a name
    if any(w[:1].isupper() and w.lower().rstrip(".") in TITLE_WORDS for w in words[:-1]):
        return name  # 'Health Minister Elin Rask', 'chief executive ...': a person with a title
    return "the " + name


# a forecast or a promise ('would save $2 billion a year'): what a side expects, not a background statistic
MODAL_WORDS = re.compile(r"\b(?:will|would|could|may|might|should|shall|can)\b|['’]ll\b", re.I)


def _background_figure(f: Figure) -> bool:
    """A figure whose cited sentence presents it as recurring, as a plain fact: a statistic about the world
    ('kills 400,000 children each year'), not a side's claim."""
    return any(RECURRING.search(c.text[max(0, c.text.find(f.text) - 80):c.text.find(f.text) + len(f.text) + 80])
               and not MODAL_WORDS.search(c.text) for c in f.citations[:1] if f.text in c.text)


# a party's promise of its own action ('would deploy another 40 epidemiologists'): a commitment to watch, not a
# claim about the event that another source could confirm
PLEDGE = re.compile(r"\b(?:will|would|'ll|plans? to|planned to|pledged to|promised to|vowed to|is to|are to)\s+"
                    r"(?:also\s+|soon\s+|now\s+)?(?:deploy|send|donate|provide|supply|dispatch|hire|recruit|contribute|"
                    r"allocate|release|build|open|give|train|add|fly|ship)\b[^.;]{0,40}$", re.I)


# a figure written as a part of another ('at least nine of whom'): no phrase to ask about on its own
PART_WORDING = re.compile(r"\bof\s+(?:whom|which|them|those|these)\b", re.I)


# a sum right after a verb of giving it ('pledged US$500m', 'has committed a further €20 million'): the giver's
# own gift, which it vouches for itself
GIVEN_SUM = re.compile(r"\b(?:pledge[ds]?|promise[ds]?|commit(?:s|ted)?|donate[ds]?|allocate[ds]?|earmark(?:s|ed)?|"
                       r"contribute[ds]?|grant(?:s|ed)?|release[ds]?)\s+"
                       r"(?:(?:a|an)\s+(?:further|additional|extra)\s+|another\s+|some\s+|about\s+|around\s+|"
                       r"nearly\s+|almost\s+|more\s+than\s+|over\s+)?$", re.I)


def _own_pledge(f: Figure) -> bool:
    for c in f.citations[:1]:
        at = c.text.find(f.text)
        if at >= 0 and (PLEDGE.search(c.text[max(0, at - 80):at]) or GIVEN_SUM.search(c.text[max(0, at - 40):at])):
            return True
    return False


def _independent_sources(f: Figure, sources: dict[str, Source]) -> set[str]:
    return {getattr(sources.get(c.source), "duplicate_of", None) or c.source for c in f.citations}


def single_party_claims(summary: EventSummary, in_conflict: set[int],
                        sources: dict[str, Source]) -> list[OpenQuestion]:
    """A figure only one source reports, given by a party that takes a side in the story (it condemns,
    denies or supports): worth checking before it is repeated. Figures already in a conflict are asked there."""
    from briefing.consolidate.actors import canonical_name

    # a party is one that takes a side where others take the opposite one (support against condemn/deny);
    # observers who only voice concern, and stories where everyone agrees, have no sides to take
    canonical = lru_cache(maxsize=None)(lambda name: canonical_name(name, summary.actors))  # names repeat
    stances = {}
    for r in summary.reactions:
        if r.stance in SIDES:
            stances.setdefault(canonical(r.actor) or r.actor, r.stance)
    if len({SIDES[st] for st in stances.values()}) < 2:
        return []
    # figures by quantity and by value, so that each figure is compared with the few that could confirm it
    # rather than with every other (thousands of articles give thousands of figures)
    by_key: dict[str, list[Figure]] = defaultdict(list)
    for g in summary.figures:
        by_key[quantity_key(quantity_of(g))].append(g)
    by_low = sorted(summary.figures, key=lambda g: _interval(g)[0])
    lows = [_interval(g)[0] for g in by_low]
    out = []
    for f in summary.figures:
        if id(f) in in_conflict or not f.claimed_by or len(_independent_sources(f, sources)) != 1 \
                or _background_figure(f) or _own_pledge(f) or PART_WORDING.search(f.text) \
                or (f.unit or "").lower() in DURATION_UNITS:  # a period ('a 60-day window') is a term, not a tally
            continue
        party = canonical(f.claimed_by)
        if party is None or party not in stances:
            continue
        low = _interval(f)[0]
        reach = 2 * TOLERANCE * max(abs(low), 1.0)  # wider than _same_value's own test
        near = by_low[bisect_left(lows, low - reach):bisect_right(lows, low + reach)]
        corroborated = any(g is not f and not _disagree(f, g) and _different_claimants(f, g)
                           for g in by_key[quantity_key(quantity_of(f))]) or any(
            # the same value of the same kind of thing from another source confirms it, however it is worded
            # ('four water-bombers' ~ 'four planes'; '12%' in four articles; 'half a billion dollars' ~ C$500m)
            g is not f and _same_value(f, g) and same_unit(f.unit, g.unit, kinds=True)
            and bool(_independent_sources(g, sources) - _independent_sources(f, sources)) for g in near)
        if corroborated:
            continue
        out.append(OpenQuestion(
            question=f"Can the figure of {inline_text(f.text)} be confirmed independently?",
            reason=f"Only {with_article(f.claimed_by)} gives it, and {with_article(party)} is one side of this story "
                   f"({STANCE_VERBS[stances[party]]}); no other source confirms the figure.",
            citations=list(f.citations[:2]), kind="single_source"))
    return out[:MAX_SINGLE_SOURCE]


def build(summary: EventSummary, signals: list[OpenQuestion]) -> list[OpenQuestion]:
    sources = {s.id: s for s in summary.sources}
    frames = [q for q in signals if q.kind == "frame"]
    names = _name_words(summary.actors)
    shown = [_tidy(q, summary.actors, names) for q in signals if q.kind != "frame" and q.citations and not _no_dispute(q)]
    conflict_qs = conflicts(summary.figures, frames, sources)
    merged = dedupe(shown, summary.actors)
    unknown_left = _absorb_unknowns(conflict_qs, [q for q in merged if q.kind == "unknown"])
    merged = [q for q in merged if q.kind != "unknown"] + unknown_left
    conflict_cites = {(c.source, c.start) for q in conflict_qs for c in q.citations}
    in_conflict = {id(f) for f in summary.figures
                   if any((c.source, c.start) in conflict_cites for c in f.citations)}
    everything = conflict_qs + merged + single_party_claims(summary, in_conflict, sources)
    # more important kinds first; within a kind, questions raised by more sources first
    ranked = sorted(everything, key=lambda q: (KIND_ORDER.get(q.kind or "", 9), -len({c.source for c in q.citations})))
    return _interleave_open_ends(ranked)


# 'nobody disputes that ...': a negative pronoun as the one who disputes is agreement, not a dispute
NEGATIVE_DENIER = re.compile(r"^(?:nobody|no one|no-one|none|neither|not one)\b", re.I)
DENIAL_VERB = re.compile(r"\b(?:rejected|rejects|denied|denies|disputed|disputes|dismissed|dismisses|contested|contests|"
                         r"refuted|refutes|rebutted|rebuts|challenged|challenges)\s+(.*)", re.I)
# what a denial's object may be when it points back at the sentence before ('rejected this claim', 'denied it')
ANAPHORIC_DETERMINERS = frozenset("it this that these those such the".split())
CLAIM_NOUNS = frozenset("""claim claims figure figures estimate estimates allegation allegations accusation accusations
report reports account accounts assertion assertions charge charges suggestion suggestions statement statements
tally count number numbers version characterisation characterization description assessment idea notion""".split())
OBJECT_END = re.compile(r"[,;:.!?\"“”]|\s(?:as|saying|and|but|because|while|which|calling|adding|that|from|of|by|over|about|"
                        r"in|on|to|for|with|at)\s", re.I)


def _no_dispute(q: OpenQuestion) -> bool:
    """A dispute that disputes nothing: its denier is 'nobody', or its denial's object names something its
    claim does not speak of (a denial paired with an unrelated claim only for standing next to it)."""
    if q.kind != "dispute":
        return False
    parts = getattr(q, "parts", None)
    denial = parts[1] if parts else q.reason.split("; ")[-1]
    if NEGATIVE_DENIER.match(denial.strip()):
        return True
    if len(q.citations) != 2 or q.citations[0].source != q.citations[1].source:
        return False
    m = DENIAL_VERB.search(q.citations[1].text)
    if m is None:
        return False
    end = OBJECT_END.search(m.group(1))
    obj = re.findall(r"[A-Za-z][A-Za-z'’-]*", m.group(1)[:end.start() if end else len(m.group(1))])
    # the words that say which account is denied: between a determiner and the head noun ('the Philippine
    # account', 'the union's figures'); a bare 'it', 'this claim' or 'any role' points back at the claim
    words = obj[1:] if obj and obj[0].lower() in ANAPHORIC_DETERMINERS | FUNCTION_WORDS else obj
    modifiers = [w for w in words[:-1] if w.lower() not in FUNCTION_WORDS and w.lower() not in CLAIM_NOUNS]
    if not modifiers:
        return False
    claim = {_stem(w) for w in re.findall(r"[a-z]+", q.citations[0].text.lower())}
    return not any(_stem(w.lower()) in claim for w in modifiers)


def _stem(word: str) -> str:
    return word[:4]  # 'Philippine' ~ 'Philippines', 'rammed' ~ 'ramming'


QUESTION_START = re.compile(r"^((?:Will|Would|Could|Can|Did|Does|Do|Is|Are|Was|Were|Has|Have|Had|Should|May|Might|"
                            r"Must)\s+)([A-Z][a-z]+)(?=\s+[a-z0-9])")


def _name_words(actors: list[Actor]) -> set[str]:
    return {w.lower() for a in actors for n in [a.name, *getattr(a, "aliases", [])] for w in str(n).split()}


def _tidy(q: OpenQuestion, actors: list[Actor], names: set[str] | None = None) -> OpenQuestion:
    """'Will Temperatures fall ...?' -> 'Will temperatures fall ...?': the capital was the sentence's first
    letter; a word that is part of an actor's name ('Will Apple cut ...') keeps it. ``names``: the words of
    the actors' names, when the caller has them (read once for all questions)."""
    m = QUESTION_START.match(q.question)
    if m is None:
        return q
    word = m.group(2)
    if names is None:
        names = _name_words(actors)
    starts_sentence = any(c.text.lstrip("\"“'‘ ").startswith(word) for c in q.citations)
    named_inside = any(re.search(r"[a-z,;]\s+" + word + r"\b", c.text) for c in q.citations)  # a name mid-sentence
    if word.lower() in names or named_inside or country_of(word) is not None or not starts_sentence or singular(word) not in common_nouns() | FUNCTION_WORDS:
        return q
    q.question = q.question[:m.start(2)] + word.lower() + q.question[m.end(2):]
    return q


FUNCTION_WORDS = frozenset("""our their its his her my your the this that these those some many most all both each every
several few any no other another such""".split())


def _interleave_open_ends(ranked: list[OpenQuestion]) -> list[OpenQuestion]:
    """After conflicts and disputes, alternate what nobody knows with what may come next, so that a
    one-page briefing that shows only the first few questions shows both kinds."""
    head = [q for q in ranked if q.kind in ("conflict", "dispute")]
    unknown = [q for q in ranked if q.kind == "unknown"]
    upcoming = [q for q in ranked if q.kind == "next"]
    rest = [q for q in ranked if q.kind not in ("conflict", "dispute", "unknown", "next")]
    mixed = []
    for i in range(max(len(unknown), len(upcoming))):
        mixed.extend(q for q in (unknown[i] if i < len(unknown) else None,
                                 upcoming[i] if i < len(upcoming) else None) if q is not None)
    return head + mixed + rest
