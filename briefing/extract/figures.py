"""Figures in one document: quantities that matter, what they count, who claims them, as of when.

Numbers are read token by token (digits, number words, scale words, currency signs, percent signs,
ranges and the qualifier before them: "around 12-thousand", "between 3 and 5 million", "up to 25%",
"$1.2 billion", "5 trillion won"), because spaCy's entity spans split or swallow them and quantity
libraries misread page text (issue 4). A number is a figure only when it measures something: it
counts a noun that follows it ("4,000 soldiers"), is money or a percentage of something, or is what a
counted subject "rose to"/"stood at". Dates, years, ages, ordinals, labels ("Article 4"), times,
phone numbers, durations, and small counts of known things ("the two countries") are not figures.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from briefing import dates
from briefing.extract.clauses import looks_ahead, tokens_text
from briefing.extract.entities import common_nouns
from briefing.extract.lexicon import REPORTING_VERBS, body_outlet
from briefing.pagemeta import dateline_end
from briefing.summary import Figure

_SOME_DAY = date(2001, 6, 15)  # any reference date: to test whether words are a date at all

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from briefing.extract import DocContext, Sentence

# --- general word lists (numbers, units, qualifiers) -------------------------------------------------
_UNITS_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                "sixteen seventeen eighteen nineteen").split()
NUMBER_WORDS = {w: float(i) for i, w in enumerate(_UNITS_WORDS)}
NUMBER_WORDS.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                     "eighty": 80, "ninety": 90, "dozen": 12})
SCALE_WORDS = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5,
               "crore": 1e7, "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
               "trn": 1e12}
# scale words that may stand alone after "a": "a million people", "a hundred"
_A_SCALES = {"dozen", "hundred", "thousand", "million", "billion", "trillion"}
CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
                  "¥": "JPY", "jpy": "JPY", "₩": "KRW", "krw": "KRW", "₹": "INR", "rs": "INR", "inr": "INR",
                  "c$": "CAD", "cad": "CAD", "a$": "AUD", "aud": "AUD", "hk$": "HKD", "chf": "CHF", "cny": "CNY",
                  "rmb": "CNY", "₽": "RUB", "rub": "RUB", "r$": "BRL", "brl": "BRL", "mxn": "MXN", "zar": "ZAR"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
                  "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "won": "KRW",
                  "rupee": "INR", "rupees": "INR", "franc": "CHF", "francs": "CHF", "rouble": "RUB",
                  "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "peso": "MXN", "pesos": "MXN",
                  "real": "BRL", "reais": "BRL", "rand": "ZAR", "lira": "TRY", "hryvnia": "UAH", "hryvnias": "UAH",
                  "shekel": "ILS", "shekels": "ILS", "naira": "NGN", "riyal": "SAR", "riyals": "SAR",
                  "dirham": "AED", "dirhams": "AED", "shilling": "shillings", "shillings": "shillings",
                  "dinar": "dinars", "dinars": "dinars", "kwacha": "kwacha", "cedi": "GHS", "cedis": "GHS",
                  "birr": "ETB", "taka": "BDT", "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "zloty": "PLN",
                  "zlotys": "PLN", "forint": "HUF", "krona": "SEK", "kronor": "SEK", "krone": "kroner",
                  "kroner": "kroner", "tenge": "KZT"}
PERCENT_WORDS = {"%", "percent", "pc", "pct"}
# qualifiers kept in the figure's text: "about 4,000", "more than 3 million", "up to 25%"
QUALIFIERS_2 = {("more", "than"), ("less", "than"), ("fewer", "than"), ("at", "least"), ("at", "most"),
                ("up", "to"), ("as", "many"), ("as", "much"), ("close", "to"), ("just", "over"), ("just", "under"),
                ("an", "estimated"), ("upwards", "of"), ("in", "excess"), ("well", "over"), ("nearly", "all")}
QUALIFIERS_1 = {"about", "around", "approximately", "roughly", "nearly", "almost", "some", "over", "under",
                "estimated", "between", "only", "just", "below", "above", "approx", "approx.", "~", "circa",
                "c.", "barely", "fully", "exactly", "precisely", "reportedly", "another", "additional"}
# a "many/much" qualifier takes its "as": "as many as 500"
_AS_MANY_TAIL = {"many", "much"}
# nouns of time: a number counting them is a duration or an age, not a figure
TIME_UNITS = frozenset("""second seconds minute minutes hour hours day days night nights week weeks weekend weekends
fortnight fortnights month months year years decade decades century centuries millennium millennia season seasons
quarter quarters term terms round rounds time times""".split())
# "the 24-year-old", "aged 24", "24 years old"
AGE_WORDS = frozenset("aged age ages".split())
# nouns whose number is a name or label, not a count: "Article 4", "Flight 370", "point 4"
LABEL_NOUNS = frozenset("""article articles section sections clause clauses paragraph paragraphs chapter chapters
point points item items annex annexes resolution resolutions rule rules amendment amendments protocol no no. number
flight route highway road room page pages line platform gate phase stage level grade category tier model version
unit units district ward precinct block lot case exhibit title part schedule appendix table figure fig""".split())
# nouns for already-known participants: "the two countries", "both sides" count nothing the story measures
REFERENTIAL_NOUNS = frozenset("""country countries nation nations side sides party parties ally allies state states
leader leaders government governments power powers bloc blocs neighbour neighbours neighbor neighbors partner
partners capital capitals city cities chamber chambers house houses men women man woman sister sisters brother
brothers company companies team teams member members organization organizations organisation organisations
candidate candidates president presidents minister ministers side""".split())
# nouns that measure a text, not the story: "a 94-page ruling", "a 300-word statement"
DOCUMENT_NOUNS = frozenset("page word paragraph line slide footnote".split())
_LOCATIVE_PREPS = frozenset("in across at from throughout within inside near around".split())
# (small) counted nouns that are the story's measure even with a small number: "three people were killed"
_TALLY_VERBS = frozenset("""kill die wound injure hurt arrest detain abduct kidnap rescue evacuate displace infect
hospitalize hospitalise test confirm shoot destroy down intercept seize capture sentence convict charge""".split())
# verbs that introduce a claim: their subject is the claimant
CLAIM_VERBS = REPORTING_VERBS | frozenset("""estimate assess put count tally record register show find put tell
publish calculate forecast project expect reckon figure""".split())
# synonyms of what is counted, so that figures about the same thing group (lemma -> quantity key)
QUANTITY_SYNONYMS = {
    **dict.fromkeys("""troop troops soldier soldiers personnel serviceman servicemen servicemember servicemembers
                       fighter fighters combatant combatants""".split(), "troops"),
    **dict.fromkeys("reinforcement reinforcements".split(), "reinforcements"),
    **dict.fromkeys("casualty casualties loss losses wounded injured".split(), "casualties"),
    **dict.fromkeys("death deaths fatality fatalities dead".split(), "deaths"),
    **dict.fromkeys("case cases infection infections".split(), "cases"),
    **dict.fromkeys("voter voters elector electors".split(), "voters"),
    **dict.fromkeys("vote votes ballot ballots".split(), "votes"),
    **dict.fromkeys("person people individual individuals".split(), "people"),
    **dict.fromkeys("tonne tonnes ton tons metric_ton".split(), "tonnes"),
}
# nouns for people, whose count the governing verb qualifies: "23 people killed", "40 protesters arrested"
PEOPLE_NOUNS = frozenset("""person people civilian child children resident inhabitant villager worker patient
passenger migrant refugee protester demonstrator journalist student prisoner hostage detainee man woman men women
adult citizen pilgrim tourist miner crew crewmember sailor officer policeman policemen police firefighter victim
survivor guard ranger employee nurse doctor teacher farmer fisherman fishermen""".split())
# governing verbs that turn a count of people into a count of what happened to them
VERB_QUANTITY = {
    **dict.fromkeys("kill die".split(), "deaths"),
    **dict.fromkeys("wound injure hurt".split(), "injured"),
    **dict.fromkeys("evacuate".split(), "evacuated"),
    **dict.fromkeys("displace flee".split(), "displaced"),
    **dict.fromkeys("arrest detain".split(), "arrested"),
    **dict.fromkeys("infect".split(), "cases"),
}
# words that set a count apart from the confirmed total: "four probable cases", "suspected infections"
UNCERTAIN_MODIFIERS = frozenset("probable suspected possible presumed unconfirmed".split())
# verbs whose subject gives or gets a sum: the sum is that party's ("Africa CDC pledged $3 million")
MONEY_VERBS = frozenset("""pledge release give provide allocate spend donate commit offer grant lend invest raise
receive pay approve earmark set promise contribute transfer send owe borrow""".split())
# words that make a number of troops an increment, not a total
INCREMENT_MODIFIERS = frozenset("additional extra more further fresh reinforcement reinforcements".split())
# verbs whose subject a bare number measures: "deaths rose to 1,200", "turnout stood at 67%"
LEVEL_VERBS = frozenset("""rise fall climb drop reach total stand hit exceed top increase decrease grow jump soar
plunge decline surpass pass near approach be amount come put""".split())
INVARIANT_PLURALS = frozenset("""personnel people police staff crew cattle livestock sheep fish deer aircraft
equipment ammunition""".split())
_TIME_OF_DAY = frozenset("a.m. p.m. am pm gmt utc bst cet est pst o'clock hrs h".split())
_RANGE_LINKS = {"to", "-", "–", "—", "or", "and"}
# DATE/TIME entities that really are dates (not "between 3 and 5 million" mis-tagged as DATE)
_DATE_WORD = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\b(mon|tues|wednes|thurs|"
                        r"fri|satur|sun)day\b|\b(year|month|week|day|decade|century|today|yesterday|"
                        r"tomorrow|night|morning|evening|afternoon|spring|summer|autumn|fall|winter|"
                        r"hour|minute|second)s?\b|\b(1[5-9]|20)\d\d\b|\d:\d\d|\b[ap]\.?m\b", re.I)
_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$")
_ATTACHED = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(k|m|mn|mln|bn|b|tn|trn|%|pc)$", re.I)
# a number with a unit glued on: "1.5C", "30km", "2GW"
_GLUED_UNIT = re.compile(r"^(\d+(?:\.\d+)?)(°?c|°?f|km|kg|mw|gw|kw|gwh|twh|mt|gt|ha|mph|kph|km/h|ft|m2|km2|l)$", re.I)
_NAMED_ENTS = {"LAW", "WORK_OF_ART", "EVENT", "FAC", "PRODUCT", "ORG", "PERSON", "GPE", "LOC", "NORP"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "that"}
MAX_DESCRIPTION_TOKENS = 14


@dataclass
class FigureCandidate(Figure):
    """A figure as one article states it. When the article has no publication date, ``as_of_expression``
    keeps the date words ("in March") so that the consolidate stage can place them against the event's date;
    ``as_of_current`` says the claim is in the present tense (as of publication)."""

    as_of_expression: str = ""
    as_of_current: bool = False
    as_of_future: bool = False  # the date words sit in a clause that looks ahead ("will rule on Monday")
    verb_index: int = -1  # the governing verb's token index (for ellipsis within one sentence)
    anchor_index: int = -1  # the counted noun's (or the number's) token index, likewise
    difference: bool = False  # a gap from another value ("2.1 metres above flood stage"), not a level

    def currency_like(self) -> bool:
        """A sum: its ellipsis is handled with the other sums ("on 92% ... and on 97%")."""
        return self.unit.isupper() or self.unit in CURRENCY_WORDS.values()

    def to_figure(self, as_of: str | None = None) -> Figure:
        names = {f.name for f in fields(Figure)}
        fig = Figure(**{k: v for k, v in self.__dict__.items() if k in names})
        fig.citations = list(self.citations)
        if as_of and not fig.as_of:
            fig.as_of = as_of
        return fig


@dataclass
class Amount:
    """A number phrase in a sentence: token span [start, end) of the doc, its value(s) and what it is."""

    start: int
    end: int
    value: float
    high: float | None = None
    currency: str | None = None
    percent: bool = False
    unit: str | None = None  # a unit glued to the number ("km", "C")
    scaled: bool = False
    in_words: bool = False
    qualifier_start: int | None = None
    tally: float | None = None  # the second number of a vote or score ("4-1", "52-48")
    raw: float | None = None  # the number before its scale word ("5" of "5 million")
    fraction: bool = False  # a share in words ("two-thirds of", "one in five"), read as a percentage

    @property
    def low(self) -> float | None:
        return self.value if self.high is not None else None


# --- reading numbers ----------------------------------------------------------------------------------

def parse_number(text: str) -> list[float]:
    """Every number in a short text, scale words applied ("12-thousand" -> 12000, "$1.2bn" -> 1.2e9)."""
    vals = []
    for m in re.finditer(r"(\d[\d,]*(?:\.\d+)?)(?:\s*-?\s*(thousand|million|billion|trillion|mln|mn|bn|tn|k|m|b)\b)?",
                         text, re.I):
        try:
            v = float(m.group(1).rstrip(",").replace(",", ""))
        except ValueError:
            continue
        vals.append(_times(v, SCALE_WORDS[m.group(2).lower()]) if m.group(2) else v)
    if not vals:
        words = re.findall(r"[a-z]+", text.lower())
        v = _words_value(words)
        if v is not None:
            vals.append(v)
    return vals


def _times(value: float, scale: float) -> float:
    """4.1 x 1e6 = 4100000 exactly (decimal, not binary, arithmetic)."""
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


def _words_value(words: list[str]) -> float | None:
    """'twelve thousand' -> 12000, 'two hundred fifty' -> 250, 'a dozen' -> 12."""
    total = current = 0.0
    seen = False
    for w in words:
        if w in ("a", "an") and not seen:
            current = 1.0
            continue
        if w == "and" and seen:
            continue
        if w in NUMBER_WORDS:
            current = (current if current not in (0.0, 1.0) or not seen else 0.0) + NUMBER_WORDS[w] \
                if w != "dozen" else max(current, 1.0) * 12
            seen = True
        elif w in SCALE_WORDS and len(w) > 2:
            scale = SCALE_WORDS[w]
            current = max(current, 1.0) * scale
            if scale >= 1e3:
                total += current
                current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def _digits(tok: "Token") -> tuple[float, float] | None:
    """(value, scale) of a digit token, with a glued scale or percent ("1.2bn", "40%")."""
    text = tok.text
    if re.match(r"^0\d", text) or text.startswith("+"):
        return None  # phone and code numbers
    m = _DIGITS.match(text)
    if m:
        return float((m.group(1) + (m.group(2) or "")).replace(",", "")), 1.0
    m = _ATTACHED.match(text)
    if m:
        v = float((m.group(1) + (m.group(2) or "")).replace(",", ""))
        suffix = m.group(3).lower()
        return (v, -1.0) if suffix in ("%", "pc") else (v, SCALE_WORDS[suffix])
    return None


def read_amounts(span: "Span") -> list[Amount]:
    """Every number phrase of a sentence, left to right, ranges joined."""
    doc = span.doc
    out: list[Amount] = []
    i = span.start
    while i < span.end:
        a = _read_one(doc, i, span.end)
        if a is None:
            i += 1
            continue
        a = _join_range(doc, a, span.end)
        if _vague_multiple(doc, a, span.start):
            i = a.end  # "several hundred farmers" states no number, like "hundreds of farmers"
            continue
        a.qualifier_start = _qualifier_start(doc, a.start, span.start)
        out.append(a)
        i = a.end
    return out


# words that multiply a bare scale word by an unstated number: "several hundred", "a few thousand"
VAGUE_MULTIPLIERS = frozenset("several few many countless numerous".split())


def _vague_multiple(doc, a: "Amount", sent_start: int) -> bool:
    """'several hundred', 'a few thousand', 'many millions': a scale word counted by a vague word."""
    return a.in_words and a.start > sent_start and doc[a.start].lower_.rstrip("s") in SCALE_WORDS \
        and doc[a.start - 1].lower_ in VAGUE_MULTIPLIERS


# fractions in words, by denominator: "two-thirds of", "a quarter of", "half of"
FRACTION_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                         "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
                         "tenth": 10, "tenths": 10}
# what may follow "half" when it is a share of a group: "half of", "half the", "half its"
_HALF_OF = frozenset("of the its their our his her these those all".split())


def _read_fraction(doc, i: int, limit: int) -> Amount | None:
    """A share in words, as a percentage: 'two-thirds of', 'a quarter of', 'half (of) the', 'three in four',
    '1 in 10'; and 'half a million' as a number."""
    w = doc[i].lower_
    nxt = doc[i + 1].lower_ if i + 1 < limit else ""
    if w == "half":
        if nxt in ("a", "an") and i + 2 < limit and doc[i + 2].lower_ in _A_SCALES - {"dozen"}:
            scale = SCALE_WORDS[doc[i + 2].lower_]
            return Amount(i, i + 3, _times(0.5, scale), scaled=True, in_words=True, raw=0.5)
        return Amount(i, i + 1, 50.0, percent=True, in_words=True, fraction=True) if nxt in _HALF_OF else None
    numerator = 1.0 if w in ("a", "one") else (NUMBER_WORDS.get(w) if w in NUMBER_WORDS else None)
    if numerator is not None and numerator > 0:
        j = i + 2 if nxt == "-" and not doc[i].whitespace_ else i + 1
        denominator = FRACTION_DENOMINATORS.get(doc[j].lower_) if j < limit else None
        if denominator and denominator > 2 and j + 1 < limit and doc[j + 1].lower_ == "of" and numerator < denominator:
            k = j + 2  # "a quarter of a million": a number, not a share
            if k + 1 < limit and doc[k].lower_ in ("a", "an") and doc[k + 1].lower_ in _A_SCALES - {"dozen"}:
                scale = SCALE_WORDS[doc[k + 1].lower_]
                return Amount(i, k + 2, _times(round(numerator / denominator, 6), scale), scaled=True,
                              in_words=True, raw=numerator / denominator)
            return Amount(i, j + 1, round(100 * numerator / denominator, 1), percent=True, in_words=True,
                          fraction=True)
    # "three in four", "1 in 10": a ratio of a group
    if nxt == "in" and i + 2 < limit:
        part, whole = _small_number(doc[i]), _small_number(doc[i + 2])
        if part and whole and part < whole <= 100:
            return Amount(i, i + 3, round(100 * part / whole, 1), percent=True, in_words=True, fraction=True)
    return None


def _small_number(tok: "Token") -> float | None:
    if tok.lower_ in NUMBER_WORDS:
        return NUMBER_WORDS[tok.lower_]
    return float(tok.text) if tok.text.isdigit() and len(tok.text) <= 3 else None


def _read_one(doc, i: int, limit: int) -> Amount | None:
    """One amount starting at token i: [currency] number [scale...] [percent|currency word]."""
    fraction = _read_fraction(doc, i, limit)
    if fraction is not None:
        return fraction
    start = i
    currency = None
    if doc[i].lower_ in CURRENCY_SIGNS and i + 1 < limit:
        currency = CURRENCY_SIGNS[doc[i].lower_]
        i += 1
    tok = doc[i]
    glued = _GLUED_UNIT.match(tok.text)
    if glued and currency is None:
        return Amount(start, i + 1, float(glued.group(1)), unit=glued.group(2).lower().lstrip("°"))
    d = _digits(tok)
    in_words = False
    if d is not None:
        value, scale = d
        i += 1
    else:
        j, value, word_scale = _read_words(doc, i, limit)
        if value is None:
            return None
        scale, in_words, i = 1.0, True, j
    percent = scale == -1.0
    scaled = scale > 1.0
    raw = value
    if in_words and word_scale > 1.0:
        scaled, raw = True, value / word_scale
    if scaled:
        value = _times(value, scale)
    if not percent:
        while i < limit:  # "12-thousand", "1.5 million", "5 trillion"
            j = i + 1 if doc[i].text == "-" and i + 1 < limit else i
            w = doc[j].lower_
            if w.endswith(".") and w[:-1] in SCALE_WORDS and len(w) <= 4 and not doc[j - 1].whitespace_:
                w = w[:-1]  # "US$500m." at a sentence's end: the tokenizer keeps the full stop on the scale
            if w in SCALE_WORDS and (len(w) > 2 or not doc[j].is_alpha or doc[j].whitespace_ == "" or j == i):
                if len(w) <= 2 and doc[j - 1].whitespace_:
                    break  # a spaced-out "m" or "b" is a word, not a scale
                value = _times(value, SCALE_WORDS[w])
                scaled = True
                i = j + 1
            else:
                break
    unit = None
    if i < limit:
        w = doc[i].lower_
        if w == "percentage" and i + 1 < limit and doc[i + 1].lower_ in ("point", "points") and currency is None:
            unit, i = "percentage points", i + 2  # a change in a rate, not a rate: never a rival of "5.1 percent"
        elif w in PERCENT_WORDS:
            percent, i = True, i + 1
        elif w == "per" and i + 1 < limit and doc[i + 1].lower_ == "cent":
            percent, i = True, i + 2
        elif currency is None and w in CURRENCY_WORDS and not in_words and (w != "won" or scaled or d is not None):
            currency, i = CURRENCY_WORDS[w], i + 1
    return Amount(start, i, value, currency=currency, percent=percent, unit=unit, scaled=scaled, in_words=in_words,
                  raw=raw)


def _read_words(doc, i: int, limit: int) -> tuple[int, float | None, float]:
    """Number words from token i: 'twenty - five', 'a dozen', 'two hundred', 'a million'; with the
    trailing scale ('five million' -> 1e6) so that a range can share it."""
    words: list[str] = []
    j = i
    if doc[j].lower_ in ("a", "an") and j + 1 < limit and doc[j + 1].lower_ in _A_SCALES:
        words.append("a")
        j += 1
    while j < limit:
        w = doc[j].lower_
        if w in NUMBER_WORDS or (w in SCALE_WORDS and len(w) > 2):
            words.append(w)
            j += 1
        elif w == "-" and words and j + 1 < limit and doc[j + 1].lower_ in NUMBER_WORDS:
            j += 1
        else:
            break
    if not words or words == ["a"]:
        return i, None, 1.0
    value = _words_value(words)
    tail = SCALE_WORDS.get(words[-1], 1.0) if len(words[-1]) > 2 and words[-1] in SCALE_WORDS else 1.0
    return j, value, tail if tail >= 1e3 else 1.0


def _join_range(doc, a: Amount, limit: int) -> Amount:
    """'10,000 to 12,000', '10-12%', 'between 3 and 5 million', 'three or four'."""
    i = a.end
    if i + 1 >= limit or doc[i].lower_ not in _RANGE_LINKS:
        return a
    if doc[i].lower_ == "and" and not (a.start > 0 and doc[a.start - 1].lower_ == "between"):
        return a
    b = _read_one(doc, i + 1, limit)
    if b is None or b.in_words != a.in_words:
        return a
    if a.percent and not b.percent or a.currency and b.currency and a.currency != b.currency \
            or a.unit and a.unit != b.unit:
        return a  # "fell 18 percent to 2.1 million tonnes": a change and a level, not a range
    low = a.value
    if not a.scaled and b.scaled:  # "3 to 5 million": the scale belongs to both ends
        scale = b.value / b.raw if b.raw else 1.0
        if low * scale <= b.value:
            low = _times(low, scale)
    if b.value <= low:  # "4-1", "52-48": a vote or score, not a range
        plain = not (a.currency or a.percent or a.scaled or b.scaled or b.currency or b.percent)
        if plain and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_:
            return Amount(a.start, b.end, a.value, tally=b.value, in_words=a.in_words)
        return a
    return Amount(a.start, b.end, low, high=b.value, currency=a.currency or b.currency,
                  percent=a.percent or b.percent, unit=a.unit or b.unit, scaled=a.scaled or b.scaled,
                  in_words=a.in_words)


# words that turn a comparison around: "no fewer than 30" is at least 30, "not more than 5" at most 5
_NEGATORS = frozenset("no not".split())


def inline_text(text: str) -> str:
    """A figure's words as they read inside a sentence: 'About 40%' opened its own sentence, and is
    'about 40%' in 'Can the figure of about 40% be confirmed?'. Only a leading qualifier is lowered
    ('More than a dozen', 'No fewer than 25'); a name or a currency code keeps its capitals."""
    words = text.split(maxsplit=2)
    if not words or not words[0][:1].isupper() or not words[0][1:].islower() and len(words[0]) > 1:
        return text
    first, second = words[0].lower(), (words[1].lower() if len(words) > 1 else "")
    fraction = first.rsplit("-", 1)[-1] in FRACTION_DENOMINATORS  # 'Half', 'Two-thirds'
    if first in QUALIFIERS_1 or (first, second) in QUALIFIERS_2 or first in _NEGATORS or fraction \
            or (first == "as" and second in _AS_MANY_TAIL) or (first.isalpha() and parse_number(first)) \
            or (first in ("a", "an") and (second in FRACTION_DENOMINATORS or parse_number(f"a {second}"))):
        return text[0].lower() + text[1:]  # ... and numbers in words: 'Twelve', 'Three million'
    return text
# qualifiers that make the number a bound, not a value: "more than a dozen" is 12 or more, so 14 agrees
LOWER_BOUNDS = frozenset({"more than", "over", "at least", "upwards of", "in excess", "well over", "above",
                          "no fewer than", "no less than", "not fewer than", "not less than", "just over",
                          "well above", "no fewer", "no less"})
UPPER_BOUNDS = frozenset({"up to", "less than", "fewer than", "under", "at most", "no more than", "not more than",
                          "below", "just under", "well under", "well below"})


def _qualifier_start(doc, start: int, sent_start: int) -> int | None:
    if start - 2 >= sent_start:
        pair = (doc[start - 2].lower_, doc[start - 1].lower_)
        if pair in QUALIFIERS_2:
            if pair[1] in _AS_MANY_TAIL and start - 3 >= sent_start:
                return start - 3
            if pair[1] == "than" and start - 3 >= sent_start and doc[start - 3].lower_ in _NEGATORS:
                return start - 3  # "no fewer than 30": the negation is part of the bound
            return start - 2
        if pair[0] == "as" and pair[1] in _AS_MANY_TAIL:
            return start - 2
    if start - 3 >= sent_start and doc[start - 3].lower_ == "as" and doc[start - 2].lower_ in _AS_MANY_TAIL \
            and doc[start - 1].lower_ == "as":
        return start - 3
    if start - 1 >= sent_start and doc[start - 1].lower_ in QUALIFIERS_1:
        return start - 1
    return None


# --- from amounts to figures --------------------------------------------------------------------------

# side reporting clauses of the sentences of the document being read (emptied for each document)
_SIDE_CLAUSES: dict[tuple, Any] = {}


def extract(ctx: "DocContext") -> list[Figure]:
    _SIDE_CLAUSES.clear()
    try:
        return _extract(ctx)
    finally:
        _SIDE_CLAUSES.clear()


def _extract(ctx: "DocContext") -> list[Figure]:
    out: list[Figure] = []
    last: tuple[int, Figure] | None = None  # the latest figure and its sentence, for "put the number at 800"
    for index, sent in enumerate(ctx.sentences):
        found: list[Figure] = []
        for amount in read_amounts(sent.span):
            previous = last[1] if last is not None and index - last[0] <= 2 else None
            fig = _figure(ctx, index, sent, amount, previous)
            if fig is not None:
                found.append(fig)
                last = (index, fig)
        out += _without_differences(found)
        out += _ordinal_counts(ctx, index, sent)
    return out


_ORDINAL = re.compile(r"^(\d{1,4})(?:st|nd|rd|th)$", re.I)
# words of a time window that turn 'the 61st protest ... this year' into a running count
_WINDOW_WORDS = re.compile(r"\b(this (?:year|month|week|season|decade)|so far|to date|since \w+)\b", re.I)


def _ordinal_counts(ctx: "DocContext", index: int, sent: "Sentence") -> list[Figure]:
    """'the 61st protest Manila has filed this year': an ordinal in digits naming the latest of a run of events
    within a stated window counts them (61 protests this year). Only with a relative clause and a window, so that
    'the 25th anniversary' or 'the 3rd round' stay what they are."""
    out: list[Figure] = []
    doc = sent.span.doc
    for ent in sent.span.ents:
        m = _ORDINAL.match(ent.text) if ent.label_ == "ORDINAL" and len(ent) == 1 else None
        if m is None or int(m.group(1)) < 2:
            continue
        tok = ent[0]
        noun = tok.head
        if tok.dep_ != "amod" or noun.pos_ != "NOUN" or noun.i < tok.i or _lemma(noun) in TIME_UNITS | LABEL_NOUNS:
            continue
        clause = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and c.i > noun.i), None)
        window = _WINDOW_WORDS.search(doc[clause.left_edge.i:clause.right_edge.i + 1].text) if clause else None
        if window is None:
            continue
        unit = _IRREGULAR_PLURALS.get(_lemma(noun), _plural(noun))
        claim_verb, claimant = _claimant(ctx, index, sent, noun)
        expression, current, future = _as_of_evidence(noun, clause, claim_verb)
        description = _render(doc, (_noun_phrase(noun, {tok.i}, complement=False) | {t.i for t in clause.subtree})
                              - {tok.i})
        out.append(FigureCandidate(
            value=float(m.group(1)), unit=unit, text=doc[tok.i:noun.i + 1].text, description=description,
            claimed_by=claimant, as_of=resolve_as_of(expression, current, ctx.published, future=future),
            citations=[sent.citation()], quantity=f"{unit} {window.group(1).lower()}",
            as_of_expression=expression, as_of_current=current, as_of_future=future, verb_index=clause.i,
            anchor_index=noun.i))
    return out


def _without_differences(found: list[Figure]) -> list[Figure]:
    """'peaked at 7.4 metres, 2.1 metres above flood stage': a gap stated next to the level it is measured
    from is the level's detail, not a rival value; alone in its sentence it stays, keyed as a change."""
    levels = {f.unit for f in found if not getattr(f, "difference", False)}
    return [f for f in found if not (getattr(f, "difference", False) and f.unit in levels)]


# words after an amount that make it a gap from another value: "2.1 metres above flood stage", "5,000 more than"
DIFFERENCE_PREPS = frozenset("above below".split())
COMPARATIVE_WORDS = frozenset("more less fewer higher lower greater bigger smaller larger longer shorter".split())
# words before an amount that make it a change: "up 3 percent from a year earlier", "down 12 on the week"
CHANGE_ADVERBS = frozenset("up down".split())
_CHANGE_BASE = frozenset("from on since compared than".split())


def _is_difference(doc, a: Amount, noun: "Token | None", text_end: int, limit: int) -> bool:
    """A number stated as a gap from another value, not as a level of its own."""
    measure = a.percent or a.currency or a.unit or noun is None or _lemma(noun) in SIZE_UNITS
    if text_end < limit:
        nxt = doc[text_end]
        # ("300 people above the age of 65" says which people, not a gap: only a measure is a gap)
        if measure and nxt.lower_ in DIFFERENCE_PREPS and text_end + 1 < limit and not doc[text_end + 1].like_num:
            return True
        if nxt.lower_ in COMPARATIVE_WORDS and text_end + 1 < limit and doc[text_end + 1].lower_ == "than":
            return True
    start = a.qualifier_start if a.qualifier_start is not None else a.start
    if start > 0 and doc[start - 1].lower_ in CHANGE_ADVERBS:
        return any(t.lower_ in _CHANGE_BASE for t in doc[text_end:min(limit, text_end + 4)])
    return False


def _figure(ctx: "DocContext", index: int, sent: "Sentence", a: Amount, previous: Figure | None) -> Figure | None:
    fig = _figure_of_amount(ctx, index, sent, a, previous)
    if fig is None or a.high is not None or a.tally is not None:
        return fig
    if a.qualifier_start is not None:
        bound = sent.span.doc[a.qualifier_start:a.start].text.lower()
        if bound in LOWER_BOUNDS:  # "more than a dozen": 12 is the floor, not the value
            fig.low = fig.value
        elif bound in UPPER_BOUNDS:  # "no more than 300": 300 is the ceiling
            fig.high = fig.value
        return fig
    head = _amount_root(sent.span.doc, a).head
    if head.lower_ in _CHANGE_PREPS - {"to"} and head.head.pos_ == "VERB":
        fig.low = fig.value  # "pushing the death toll past 60": beyond 60
    return fig


def _figure_of_amount(ctx: "DocContext", index: int, sent: "Sentence", a: Amount,
                      previous: Figure | None) -> Figure | None:
    doc = sent.span.doc
    if a.tally is not None:
        return _vote_tally(ctx, index, sent, a)
    compound = _unit_compound(doc, a, sent.span.end)
    if compound is not None:
        return _compound_figure(ctx, index, sent, a, *compound)
    compound = _count_compound(doc, a, sent.span.end)
    if compound is not None:
        if _lemma(compound[1]) in BACKGROUND_HOLDERS:
            return None  # "the 27-nation bloc": a size named in passing, like "a bloc of 27 nations"
        return _compound_figure(ctx, index, sent, a, *compound, count=True)
    if _not_a_measure(doc, sent.span, a) or _background_size(a, doc) or _inside_claimant(_amount_root(doc, a)) \
            or _pronoun_one(doc, a, sent.span.start):
        return None
    noun = _counted_noun(doc, a, sent.span.end)
    root = _amount_root(doc, a)
    anchor = noun if noun is not None else root
    label = None
    if noun is not None and noun.i < a.start:
        anchor = root  # "seven of whom have died": the number is the subject of its own verb
    subject = elided = None
    state = _casualty_state(doc, a, sent.span.end) if noun is None else None
    if state is not None:
        noun = anchor = state  # "19 people were killed and 40 injured": 40 injured
    elif noun is None and not (a.currency or a.percent or a.unit):
        subject = _level_subject(root) or _measure_noun(root) or _group_noun(root)  # "deaths rose to 1,200"
        if subject is None:
            subject = label = _label_noun(doc, sent.span, a)  # "Deaths: 97"
        elided = _elided_people(root, a) if subject is None else None
        parallel = _parallel_figure(root, previous, sent) if subject is None and elided is None else None
        if parallel is not None:
            return _with_parallel_noun(ctx, index, sent, a, root, parallel)
        if subject is None and elided is None:
            return None
    if noun is not None and not _counts_something(doc, a, noun, anchor):
        return None
    if noun is not None and _lemma(noun) in REFERENCE_NOUNS and not (a.currency or a.percent or a.unit) \
            and not any(c.dep_ == "prep" for c in noun.children if c.i > noun.i):
        return None  # "far more than the 2,300 figure the ministry gave": a figure told again, counting nothing
    topic = _topic(doc, a, noun, root)
    verb = _governing_verb(anchor)
    holder = _holder(ctx, index, sent, a, anchor, verb) if a.percent or _lemma(noun) in _SHARE_NOUNS else None
    if a.percent and topic is None and holder is None or a.currency and topic is None and verb is None:
        return None  # "100 percent sure": a percentage of nothing
    start = a.qualifier_start if a.qualifier_start is not None else a.start
    if doc[start].lower_ == "between" and a.high is None:
        start = a.start
    text_end = _text_end(doc, a, noun)
    claim_verb, claimant = _claimant(ctx, index, sent, anchor)
    if label is not None:  # "Deaths confirmed by X: 47": X's count; the label itself claims nothing
        agent = _recording_agent(label)
        claim_verb, claimant = agent if agent is not None else (claim_verb, claimant)
        if claimant and claimant.split()[0] == label.text:
            claim_verb, claimant = None, None
    expression, current, future = _as_of_evidence(anchor, verb, claim_verb)
    fig = FigureCandidate(
        value=a.value, low=a.low, high=a.high, unit=_unit(a, noun), text=doc[start:text_end].text,
        description=_with_holder(doc, a, noun, _description(doc, a, noun, anchor, verb, start, text_end, topic,
                                                           subject)) or doc[start:text_end].text,
        claimed_by=claimant, as_of=resolve_as_of(expression, current, ctx.published, future=future),
        citations=[sent.citation()], quantity=_quantity(a, noun, verb, topic, doc, start, text_end),
        as_of_expression=expression, as_of_current=current, as_of_future=future,
        verb_index=verb.i if verb is not None else -1,
        anchor_index=anchor.i,
    )
    if _is_difference(doc, a, noun, text_end, sent.span.end):
        fig.difference = True
        fig.quantity = f"change {fig.quantity}"  # a gap is no rival of the level it is measured from
    if holder:
        fig.quantity = f"{'percent' if a.percent else fig.quantity} {holder}"  # whose share: not a rival value
    elif noun is not None and _is_multiplier(doc, noun):
        fig.quantity = "times " + _multiplied(doc, noun)  # "40 times the safe limit" rivals only that ratio
    measure = _length_of_a_measure(noun) if noun is not None and _lemma(noun) in TIME_UNITS else None
    if measure is not None:  # "the curfew lasts 14 days": the curfew's length
        kind = " ".join(_lemma(t) for t in (measure, _of_object(measure)) if t is not None)
        fig.quantity = f"{_plural(noun)} {kind}"
        fig.description = _render(doc, _noun_phrase(measure, set(range(start, text_end))) | {verb.i}
                                  | {c.i for c in verb.children if c.dep_ == "aux"})
    if noun is not None and noun.i < a.start and verb is not None:
        # "at least nine of whom have died": a part of the group named before, counted by its own verb
        fate = _verb_quantity(verb)
        # a part of that group, never a rival of the whole count ("nine of whom died" is no death toll)
        fig.quantity = f"{fate or verb.lemma_.lower()} among {_subgroup(noun) or _plural(noun)}"
        fig.description = _render(doc, _noun_phrase(noun, set(range(start, text_end)), complement=False)
                                  | {verb.i} | {c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")})
    giver = next((c for c in verb.children if c.dep_ == "nsubj"), None) \
        if a.currency and verb is not None and verb.lemma_.lower() in MONEY_VERBS else None
    giver_name = None
    if giver is not None and giver.lower_ in ("it", "they", "we"):
        # "It pledged US$500m": the giver the pronoun stands for keeps two donors' sums apart
        giver_name = _resolve_owner(ctx, index, giver) or _resolve_pronoun(ctx, index, giver)
        if giver_name:
            fig.quantity = f"{fig.quantity} {giver_name.split()[-1].lower()}"
    elif giver is not None and giver.ent_type_ in GIVER_ENTITIES:
        named = _ent_of(giver)
        giver_name = re.sub(r"^the\s+", "", named.text, flags=re.I) if named is not None else None
    # "X says ..., while Madrid has pledged €120m": a contrast the writer adds is no part of what X says
    contrast = giver_name is not None and verb.dep_ == "advcl" \
        and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in verb.children)
    if (fig.claimed_by is None or contrast) and giver_name and giver_name[:1].isupper():
        # "The World Bank pledged US$500m", "It (Japan) pledged $20m": a named giver vouches for its own sum
        fig.claimed_by = clean_claimant(giver_name)
    if elided is not None:
        fig.unit = "people"  # "forcing about 12,000 from their homes": the people the verb acts on
        fig.quantity = _verb_quantity(elided) or f"people {elided.lemma_.lower()}"
    if subject is not None:
        _measure_of_subject(fig, subject, previous)
    elif not holder and (a.percent or a.currency) and isinstance(previous, FigureCandidate) \
            and _elliptic(topic, root) and previous.citations[0] == fig.citations[0] \
            and previous.unit == fig.unit and previous.verb_index == fig.verb_index:
        fig.quantity = previous.quantity  # "on 92% of tariff lines ..., and on 97% within ten years"
    elif not holder and (a.percent or a.currency) and previous is not None and previous.unit == fig.unit \
            and _stands_for_a_number(topic):
        # "took nearly 30% of the market - it puts the figure at 27%": the share just stated, of the same thing
        fig.quantity, fig.description = previous.quantity, previous.description
    elif not holder and (a.percent or a.currency) and noun is None and previous is not None \
            and previous.unit == fig.unit and _said_bare(topic, root):
        # "X insists 27% is lost; Y says 11.2%", "Y reports 14.8%": Y's value of what was just stated
        fig.quantity, fig.description = previous.quantity, previous.description
    return fig


def _said_bare(topic: "Token | None", root: "Token") -> bool:
    """'the ministry says 9%': a share or sum that is the bare object of a verb of saying, whose only topic
    is the one who says it."""
    verb = root.head
    return topic is not None and root.dep_ == "dobj" and topic.dep_ == "nsubj" and topic.head.i == verb.i \
        and verb.lemma_.lower() in REPORTING_VERBS


def _stands_for_a_number(topic: "Token | None") -> bool:
    """'the figure', 'the number', 'its estimate': a noun that only refers to a number, of nothing it names."""
    return topic is not None and _lemma(topic) in VAGUE_MEASURES and _of_object(topic) is None \
        and not any(c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "PROPN") for c in topic.children)


# words that link a number to a parallel one it is compared with: "40 million ... compared with 15 million"
_COMPARISON_PREPS = frozenset("than with from to against versus vs".split())


def _parallel_figure(root: "Token", previous: Figure | None, sent: "Sentence") -> "FigureCandidate | None":
    """'40 million doses in 2027 and 15 million this year', '1,200 refugees, compared with 800 a week
    earlier': a bare number coordinated with, or compared to, a counted one of the same sentence counts the
    same noun."""
    if not isinstance(previous, FigureCandidate) or previous.citations[0] != sent.citation() \
            or previous.anchor_index < 0 or previous.unit in ("count", "percent", "votes") or previous.currency_like():
        return None
    linked = {previous.anchor_index, previous.verb_index} - {-1}
    if previous.verb_index >= 0:  # "plans to produce 40 million doses ..., and 15 million": the verb it hangs on
        verb = root.doc[previous.verb_index]
        while verb.dep_ == "xcomp" and verb.head.i != verb.i:
            verb = verb.head
            linked.add(verb.i)
    tok = root
    for _ in range(3):
        if tok.dep_ == "conj" and tok.head.i in linked:
            return previous
        if tok.dep_ == "pobj" and tok.head.lower_ in _COMPARISON_PREPS:
            tok = tok.head
            if tok.head.i in linked:
                return previous
            continue
        if tok.dep_ in ("prep", "advmod", "npadvmod") and tok.head.i != tok.i:
            tok = tok.head
            if tok.i in linked:
                return previous
            continue
        break
    return None


def _own_according_to(doc, end: int) -> "Token | None":
    """An 'according to X' right after the number: the source of that number alone (the parser hangs it on
    the verb)."""
    if end + 1 >= len(doc) or doc[end].lower_ != "according" or doc[end + 1].lower_ != "to":
        return None
    return next((g for g in doc[end + 1].children if g.dep_ == "pobj"), None)


def _with_parallel_noun(ctx: "DocContext", index: int, sent: "Sentence", a: Amount, root: "Token",
                        parallel: "FigureCandidate") -> Figure:
    """The bare number as a figure of the parallel one's noun: same unit, quantity and description; its own
    qualifier, date and claimant."""
    doc = sent.span.doc
    start = a.qualifier_start if a.qualifier_start is not None else a.start
    verb = _governing_verb(root)
    claim_verb, claimant = _claimant(ctx, index, sent, root)
    own = _own_according_to(doc, a.end)  # "27 people according to X, or 31 according to Y": Y's
    if own is not None:
        claimant = clean_claimant(_source_name(ctx, index, own))
    expression, current, future = _as_of_evidence(root, verb, claim_verb)
    return FigureCandidate(value=a.value, low=a.low, high=a.high, unit=parallel.unit, text=doc[start:a.end].text,
                           description=parallel.description, claimed_by=claimant or parallel.claimed_by,
                           as_of=resolve_as_of(expression, current, ctx.published, future=future),
                           citations=[sent.citation()],
                           quantity=parallel.quantity, as_of_expression=expression, as_of_current=current,
                           as_of_future=future,
                           verb_index=parallel.verb_index, anchor_index=root.i)


# measures whose length is news: "a 30-day state of emergency", "a 90-day ban", "a five-year sentence"
DURATION_MEASURES = frozenset("""emergency ceasefire truce ban moratorium lockdown curfew suspension freeze sentence
embargo quarantine closure shutdown blockade strike pause extension deadline ultimatum restriction restrictions
mandate term licence license lease waiver exemption grace alert deal agreement
contract period consultation investigation inquiry review probation detention""".split())


def _unit_compound(doc, a: Amount, limit: int) -> tuple["Token", "Token"] | None:
    """A number and its unit hyphenated into a modifier: '30-day', 'five-year', '10-metre'. Returns (unit,
    the noun it modifies)."""
    if a.currency or a.percent or a.unit or a.fraction or a.end + 1 >= limit or doc[a.end].text != "-":
        return None
    unit = doc[a.end + 1]
    lemma = unit.lemma_.lower()
    if doc[a.end - 1].whitespace_ or doc[a.end].whitespace_ or not (lemma in TIME_UNITS or lemma in SIZE_UNITS):
        return None
    noun = unit.head
    if noun.i <= unit.i or noun.pos_ not in ("NOUN", "PROPN") or noun.i >= limit:
        return None  # "a 24-year-old": no noun it measures
    if noun.dep_ == "compound" and noun.head.i > noun.i and lemma in TIME_UNITS:
        return None  # "the 10-year bond yield": a name of a kind of thing, not a length
    if _lemma(noun) in _MEASURE_UNITS or any(c.dep_ == "nummod" and c.i < a.start for c in noun.children):
        return None  # "80,000 twenty-foot equivalent units": part of the name of what another number counts
    return unit, noun


def _compound_figure(ctx: "DocContext", index: int, sent: "Sentence", a: Amount, unit: "Token",
                     noun: "Token", count: bool = False) -> Figure | None:
    """'a 10-metre wall', 'a 30-day state of emergency': a size of a thing, or the length of a measure (a
    'two-day visit' is no figure: only measures taken or imposed are timed as news); with ``count``, how many
    of something a thing has ('a four-dose vaccine': 4 doses of the vaccine)."""
    doc = sent.span.doc
    of = _of_object(noun)
    if unit.lemma_.lower() in TIME_UNITS and not ({noun.lemma_.lower(), _lemma(of)} & DURATION_MEASURES):
        return None
    what = _render(doc, _noun_phrase(noun, set(range(a.start, unit.i + 1))))  # "sea wall", "ban on exports"
    kind = " ".join(t.lemma_.lower() for t in (noun, of) if t is not None)  # "state emergency", "wall"
    start = a.qualifier_start if a.qualifier_start is not None else a.start
    unit_name = unit.lemma_.lower() + "s" if unit.lemma_.lower() not in ("feet", "foot") else "feet"
    end = unit.i + 1
    if count:
        unit_name = _IRREGULAR_PLURALS.get(_lemma(unit), _plural(unit))
        what = f"{unit_name} of {what}"  # "doses of vaccine", "judges of panel"
        end = noun.i + 1  # "four-dose vaccine"
    verb = _governing_verb(noun)
    claim_verb, claimant = _claimant(ctx, index, sent, noun)
    expression, current, future = _as_of_evidence(noun, verb, claim_verb)
    return FigureCandidate(value=a.value, unit=unit_name, text=doc[start:end].text, description=what,
                           claimed_by=claimant, as_of=resolve_as_of(expression, current, ctx.published, future=future),
                           citations=[sent.citation()], quantity=f"{unit_name} {kind}",
                           as_of_expression=expression, as_of_current=current, as_of_future=future,
                           verb_index=verb.i if verb is not None else -1)


# nouns that, hyphenated after a number, make a kind of thing, not a count of its parts ("a two-state
# solution", "a three-way race", "a five-star hotel", "a two-tier system", "a 10-point plan")
COMPOUND_KIND_NOUNS = frozenset("""way horse star tier step part letter lane fold front track act prong side
state dimension digit speed cylinder bedroom wheel stroke colour color point time""".split())
_IRREGULAR_PLURALS = {"child": "children", "man": "men", "woman": "women", "person": "people"}


def _count_compound(doc, a: Amount, limit: int) -> tuple["Token", "Token"] | None:
    """A number and a countable noun hyphenated into a modifier: 'a four-dose vaccine', 'a three-judge
    panel', 'a 12-member board', 'a two-shot regimen'. Returns (the counted noun, the noun it modifies)."""
    if a.currency or a.percent or a.unit or a.fraction or a.high is not None or a.value < 2 \
            or a.end + 2 >= limit or doc[a.end].text != "-" or doc[a.end - 1].whitespace_ or doc[a.end].whitespace_:
        return None
    unit = doc[a.end + 1]
    lemma = _lemma(unit)
    if unit.pos_ != "NOUN" or unit.tag_ != "NN" or lemma in TIME_UNITS | SIZE_UNITS | LABEL_NOUNS | DOCUMENT_NOUNS \
            or lemma in COMPOUND_KIND_NOUNS or unit.ent_type_ in ("DATE", "TIME"):
        return None
    noun = unit.head
    if noun.i <= unit.i or noun.pos_ != "NOUN" or noun.i >= limit or noun.i - unit.i > 3:
        return None
    return unit, noun


# words that make "4-1" a vote or a score: "ruled 4-1", "passed 52-48", "a 6-3 majority"
TALLY_WORDS = frozenset("""vote rule ruling pass approve adopt reject defeat decide decision verdict majority
judgment judgement back elect win lose beat""".split())


def _vote_tally(ctx: "DocContext", index: int, sent: "Sentence", a: Amount) -> Figure | None:
    """'ruling 4-1', 'the Senate voted 52-48': the majority's count, the text keeping both sides."""
    doc = sent.span.doc
    if not any(t.lemma_.lower() in TALLY_WORDS or t.lower_ in TALLY_WORDS for t in sent.span):
        return None
    root = _amount_root(doc, a)
    verb = root.head if root.head.pos_ in ("VERB", "AUX") else _governing_verb(root)
    claim_verb, claimant = _claimant(ctx, index, sent, root)
    if claim_verb is not None and verb is not None and claim_verb.i == verb.i:
        claimant = None  # "the court ruled 4-1": the ruling body is not a claimant of its own count
    text = doc[a.start:a.end].text
    expression, current, future = _as_of_evidence(root, verb, claim_verb)
    return FigureCandidate(value=a.value, unit="votes", text=text,
                           description=f"{verb.text} {text}" if verb is not None else text,
                           claimed_by=claimant, as_of=resolve_as_of(expression, current, ctx.published, future=future),
                           citations=[sent.citation()], quantity="vote tally",
                           as_of_expression=expression, as_of_current=current, as_of_future=future)


_SHARE_NOUNS = frozenset("vote votes seat seats ballot ballots delegate delegates elector electors".split())


def _lemma(tok: "Token | None") -> str:
    return noun_lemma(tok) if tok is not None else ""


def noun_lemma(tok: "Token") -> str:
    """A token's lemma, lower case, with the lemmatizer's '-oses' slip mended: it reads 'doses' as 'dos'. A
    plural in '-oses' whose lemma only drops '-es' is of a noun in '-ose' (dose, hose, pose); a lemma the
    lemmatizer does rebuild ('diagnoses' -> 'diagnosis') is kept."""
    lemma = tok.lemma_.lower()
    low = tok.lower_
    if tok.tag_ in ("NNS", "NNPS") and low.endswith("oses") and lemma == low[:-2]:
        return low[:-1]
    return lemma


# verbs whose subject holds the share or count: "Brandt took 41.8 percent", "the party won 120 seats"
SHARE_VERBS = frozenset("win take secure get receive garner poll capture obtain score gain lose keep hold".split())
_HOLDER_SKIP = frozenset("on with at got took won had secured received polled".split())


def _holder(ctx: "DocContext", index: int, sent: "Sentence", a: Amount, anchor: "Token",
            verb: "Token | None") -> str | None:
    """Whose share or count it is: '41.8% for Sofia Brandt', 'gives Halvorsen 54.2 percent', 'puts her on
    49 percent', 'he had won 54.2 percent' -> a name's last word, lower case, so that two candidates' shares
    are two quantities, not rival values of one."""
    doc = sent.span.doc
    after = [t for t in doc[a.end:min(sent.span.end, a.end + 4)]]
    if len(after) >= 2 and after[0].lower_ == "for" and after[1].pos_ == "PROPN":
        return _name_key(ctx, index, after[1])
    i = (a.qualifier_start if a.qualifier_start is not None else a.start) - 1
    while i >= sent.span.start and a.start - i <= 3 and doc[i].lower_ in _HOLDER_SKIP:
        i -= 1
    if i >= sent.span.start and a.start - i <= 3:
        tok = doc[i]
        if tok.pos_ == "PROPN" or tok.lower_ in ("he", "she", "him", "her", "they", "them"):
            return _name_key(ctx, index, tok)
    if verb is not None and verb.lemma_.lower() in SHARE_VERBS:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in ("who", "which", "that"):
            up = verb
            while up.dep_ not in ("relcl", "ROOT") and up.head.i != up.i:
                up = up.head
            subj = up.head if up.dep_ == "relcl" else None
        if subj is not None and (subj.pos_ == "PROPN" or subj.lower_ in ("he", "she", "they")):
            return _name_key(ctx, index, subj)
    return None


def _name_key(ctx: "DocContext", index: int, tok: "Token") -> str | None:
    """A name's last word, lower case; a pronoun is first resolved to the name it stands for."""
    if tok.pos_ == "PRON":
        name = _resolve_pronoun(ctx, index, tok)
        return name.split()[-1].lower() if name else None
    ent = _ent_of(tok) if tok.ent_iob_ in ("B", "I") else None
    last = tok
    if ent is not None and len(ent) <= 4:
        last = next((t for t in reversed(ent) if t.pos_ == "PROPN"), tok)
    else:
        while last.i + 1 < len(tok.doc) and tok.doc[last.i + 1].pos_ == "PROPN" and last.i + 1 < tok.sent.end:
            last = tok.doc[last.i + 1]
    return last.text.lower()


# words for what befell people, standing for the people: "40 injured", "12 dead", "3 missing"
CASUALTY_STATES = frozenset("dead injured wounded killed missing hurt hospitalised hospitalized".split())


_STATE_QUANTITY = {"dead": "deaths", "killed": "deaths", "wounded": "injured", "hurt": "injured",
                   "hospitalized": "hospitalised"}


def _casualty_state(doc, a: Amount, limit: int) -> "Token | None":
    if a.currency or a.percent or a.unit or a.end >= limit:
        return None
    nxt = doc[a.end]
    return nxt if nxt.lower_ in CASUALTY_STATES else None


# nouns that hold a size as background, not as news: "a market of 450 million consumers", "a city of 2 million"
BACKGROUND_HOLDERS = frozenset("""market country nation city town region province state population island continent
economy bloc area territory capital metropolis""".split())
# verbs that state what a place is or has, not what happened to it: "the park covers an area of 500 hectares"
BACKGROUND_VERBS = frozenset("be have cover span occupy include encompass comprise measure".split())
_THRESHOLD_PREPS = frozenset("above below over under exceeding beyond".split())
# nouns that only stand for a number stated nearby: "police put the number at 800"
VAGUE_MEASURES = frozenset("number figure total tally count estimate toll sum amount level crowd".split())
# nouns that name a number itself: '2,300' before one of them ('the 2,300 figure') points back at a count
REFERENCE_NOUNS = frozenset("figure estimate tally number".split())


def _background_size(a: Amount, doc) -> bool:
    """'a market of 450 million consumers'; 'stations with turnout above 95 percent' (a threshold that names a
    kind of thing, not a measured value)."""
    root = _amount_root(doc, a)
    start = a.qualifier_start if a.qualifier_start is not None else a.start
    before = doc[start - 1] if start > 0 else None
    threshold = root.dep_ == "pobj" and root.head.lower_ in _THRESHOLD_PREPS or \
        doc[start].lower_ in _THRESHOLD_PREPS and doc[start].dep_ == "prep"
    if threshold and before is not None and before.pos_ in ("NOUN", "PROPN"):
        return True
    if a.percent or a.currency:
        return False
    tok = root
    if tok.head.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nummod",) and tok.head.i > tok.i:
        tok = tok.head
    head = tok.head
    if not (tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in BACKGROUND_HOLDERS):
        return False
    holder = head.head
    # "the fire burned an area of 12,400 hectares": an area something happened to is news, not background
    acted_on = holder.dep_ in ("dobj", "nsubjpass") and holder.head.pos_ == "VERB" \
        and holder.head.lemma_.lower() not in BACKGROUND_VERBS
    return not (acted_on and _lemma(tok) in SIZE_UNITS)


# studies whose people are their subjects, and the words for those people
TRIAL_NOUNS = frozenset("trial study".split())
TRIAL_PARTICIPANTS = frozenset("participant volunteer subject infant baby adult".split())


def _inside_claimant(tok: "Token") -> bool:
    """'its parallel count from 6,200 polling stations puts her on 49 percent': a number in the phrase naming the
    source of a claim describes the source, not the story."""
    nested = False  # "count from 6,200 stations" (not "150 stations reported ...": the stations are counted)
    counted = tok.head if tok.dep_ == "nummod" else tok
    for _ in range(8):
        if _measure_noun(tok) is not None:
            return False  # "the unions' count of 12,000 marchers": the count is the figure itself
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX") \
                and tok.head.lemma_.lower() in CLAIM_VERBS:
            if _lemma(tok) in TRIAL_NOUNS and _lemma(counted) in PEOPLE_NOUNS | TRIAL_PARTICIPANTS:
                return False  # "its trial in 4,800 children showed ...": who took part is part of the story
            return nested
        nested = nested or tok.dep_ == "pobj"
        if tok.head.i == tok.i or tok.dep_ in ("ccomp", "relcl", "advcl", "conj", "xcomp", "acl"):
            return False
        tok = tok.head
    return False


def _measure_of_subject(fig: Figure, subject: "Token", previous: Figure | None) -> None:
    """Unit and quantity of a bare number from what it measures: 'deaths rose to 1,200' -> deaths;
    'the death toll' -> deaths; 'the number of tractors' -> tractors; 'the number' -> the figure before it."""
    lemma = subject.lemma_.lower()
    thing = subject
    if lemma in GROUP_NOUNS:  # "a crew of 31": 31 crew
        fig.unit, fig.quantity = lemma, lemma
        return
    if lemma in VAGUE_MEASURES:
        of = _of_object(subject)
        of = None if of is not None and (of.like_num or of.pos_ == "NUM") else of  # "a toll of 56": the number
        compound = next((c for c in subject.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
        thing = of or compound
        if thing is None:
            if previous is not None:  # "X put the number at 4,800": the number just stated, of the same thing
                fig.unit, fig.quantity = previous.unit, previous.quantity
                fig.description = previous.description
            elif lemma == "toll":  # a toll with nothing said of it is the death toll
                fig.unit, fig.quantity = "deaths", "deaths"
            elif (done := next((c for c in subject.children if c.dep_ == "acl" and c.tag_ == "VBN"
                                and c.lemma_.lower() in PEOPLE_VERBS), None)) is not None:
                fig.unit = "people"  # "the number rescued": the people the participle was done to
                fig.quantity = _verb_quantity(done) or f"people {done.lemma_.lower()}"
            else:
                fig.unit, fig.quantity = lemma, lemma
            return
    if thing.lower_ in CASUALTY_STATES or thing.pos_ in ("ADJ", "VERB"):
        # "the number of injured", "of displaced", "of homeless": the word stands for the people it describes
        quantity = _STATE_QUANTITY.get(thing.lower_) or VERB_QUANTITY.get(thing.lemma_.lower()) or thing.lower_
        fig.unit, fig.quantity = thing.lower_, quantity
        return
    fig.unit = _plural(thing)
    fig.quantity = QUANTITY_SYNONYMS.get(_lemma(thing), QUANTITY_SYNONYMS.get(fig.unit, fig.unit))
    fate = next((q for c in thing.children if c.dep_ in ("acl", "amod") and (q := _verb_quantity(c))), None)
    if fate is not None and (_lemma(thing) in PEOPLE_NOUNS or fig.quantity == "people"):
        fig.quantity = fate  # "the number of people killed": deaths


def _elliptic(topic: "Token | None", root: "Token") -> bool:
    """A percentage or sum whose 'of ...' is left out because it was just said."""
    return topic is None or not any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)


def _not_a_measure(doc, span: "Span", a: Amount) -> bool:
    """Dates, years, ages, times, labels, phone numbers and numbers inside names."""
    first, last = doc[a.start], doc[a.end - 1]
    before = doc[a.start - 1] if a.start > span.start else None
    after = doc[a.end] if a.end < span.end else None
    plain = not (a.currency or a.percent or a.scaled or a.unit)
    if plain and not a.in_words and a.high is None and re.fullmatch(r"(1[5-9]|20)\d\d", first.text):
        return True  # a year
    if plain and not a.in_words and re.fullmatch(r"(1[5-9]|20)\d\d", first.text) and a.high is not None:
        return True  # a span of years, "2019-2021"
    if plain and re.fullmatch(r"(1[5-9]|20)\d\d", first.text) and after is not None and after.text in ("-", "–", "/"):
        return True  # "1950-53"
    if before is not None and before.lower_ in AGE_WORDS:
        return True
    if after is not None and (after.lower_ in _TIME_OF_DAY or after.text in (":", "/")):
        return True
    if before is not None and before.text in (":", "/", "#", "No.", "no.") \
            and not (before.text == ":" and _label_noun(doc, span, a) is not None):
        return True
    if _is_age(doc, a.end, span.end):
        return True
    if after is not None and _digits(after) is not None and not a.currency:
        return True  # "20 7946 0958": a code, not an amount
    if before is not None and _digits(before) is not None:
        return True
    if _is_label(doc, a, span):
        return True
    lasting = after is not None and after.lower_ in TIME_UNITS and _length_of_a_measure(after) is not None
    for tok in doc[a.start:a.end]:
        if tok.ent_type_ in ("DATE", "TIME") and not lasting:  # ("will last 60 days" is a length, not a date)
            ent = _ent_of(tok)
            if ent is not None and _DATE_WORD.search(ent.text) and not (a.currency or a.percent) \
                    and not dates.is_duration(ent.text):
                # a real date/time expression, unless the amount only precedes it ("3,000 troops last fall")
                if ent.start <= a.start or a.end > ent.start and _DATE_WORD.search(doc[a.start:ent.end].text):
                    return True
        if tok.ent_type_ in _NAMED_ENTS and tok.ent_iob_ == "I":
            ent = _ent_of(tok)
            if ent is not None and ent.start < a.start and not (a.currency or a.percent):
                return True  # inside a name: "Group of 20", "Boeing 737"
    return False


def _ent_of(tok: "Token"):
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _is_age(doc, i: int, end: int) -> bool:
    """'24-year-old', '24 years old', '24 year-old'."""
    words = [t.lower_ for t in doc[i:min(end, i + 4)] if t.text != "-"]
    return len(words) >= 2 and words[0] in ("year", "years", "month", "months", "week", "weeks", "day", "days") \
        and words[1] == "old"


def _is_label(doc, a: Amount, span: "Span") -> bool:
    """'Article 4', 'point 4', 'Resolution 2231', 'Flight 370': a number naming something."""
    if a.currency or a.percent or a.scaled:
        return False
    if a.start > span.start:
        before = doc[a.start - 1]
        if before.lower_.rstrip(".") in LABEL_NOUNS or before.lemma_.lower() in LABEL_NOUNS:
            return True
        if before.pos_ == "PROPN" and before.i > span.start \
                and before.ent_type_ not in ("GPE", "NORP", "LOC", "DATE", "TIME"):  # ("by late Sunday 1,900 ...")
            return doc[a.start].head.i < a.start or doc[a.start].dep_ in ("appos", "npadvmod", "nummod")
    return False


def _amount_root(doc, a: Amount) -> "Token":
    """The token of the amount whose head lies outside it."""
    toks = list(doc[a.start:a.end])
    for t in toks:
        if not (a.start <= t.head.i < a.end) or t.head.i == t.i:
            return t
    return toks[-1]


def _counted_noun(doc, a: Amount, limit: int) -> "Token | None":
    """The noun the number counts: '4,000 soldiers', '3,000 additional troops', '12-thousand North Korean troops'."""
    if a.percent or a.unit:
        return None
    for i in range(a.end, min(limit, a.end + 5)):
        t = doc[i]
        if t.ent_type_ in ("DATE", "TIME") and (a.currency or t.lemma_.lower() not in TIME_UNITS):
            return None  # "68 billion euros last year": the date is not what is counted
        if a.currency and t.head.i < a.start:
            return None  # a sum's noun is what the sum modifies ("a $500m loan"), nothing else
        modifies_next = t.head.i > i and t.head.i < limit
        if t.pos_ == "NOUN" and not (modifies_next and t.dep_ in ("compound", "amod", "nmod")):
            return t
        if modifies_next and (t.pos_ in ("ADJ", "PROPN", "NOUN", "VERB", "ADV") or t.text == "-"
                              or t.pos_ == "NUM" and i + 1 < limit and doc[i + 1].text == "-"):
            continue  # "North Korean", "additional", "tariff" (lines), "newly" (confirmed), "twenty-foot"
        if i == a.end and t.lower_ == "of" and not a.currency:
            pobj = next((c for c in t.children if c.dep_ == "pobj"), None)  # "four of the five judges"
            if pobj is not None and pobj.lower_ in _RELATIVE_PARTITIVES and pobj.i == i + 1:
                return _antecedent(doc, a)  # "at least nine of whom have died": of the ones just named
            return pobj if pobj is not None and pobj.pos_ == "NOUN" and pobj.i - i <= 5 else None
        return None
    return None


_COMPARATIVE_TAGS = frozenset({"JJR", "RBR"})
# relative pronouns after "N of" that point back to a counted group: "nine of whom", "three of which" (not "11 of
# them fatal", whose count is said by an adjective, not a verb of its own)
_RELATIVE_PARTITIVES = frozenset("whom which".split())


def _antecedent(doc, a: Amount) -> "Token | None":
    """The plural noun a 'N of whom' clause picks from: the nearest one before it, in the same sentence."""
    start = a.qualifier_start if a.qualifier_start is not None else a.start
    sent_start = doc[a.start].sent.start
    for t in reversed(doc[sent_start:start]):
        if t.pos_ == "NOUN" and t.tag_ == "NNS" and not (t.dep_ in ("compound", "amod") and t.head.i > t.i):
            return t
    return None


def _is_multiplier(doc, noun: "Token") -> bool:
    """'times' followed by what it multiplies: 'the safe limit', 'as many', 'higher', 'more than'."""
    if noun.lower_ not in ("times", "fold"):
        return False
    nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    return nxt is not None and (nxt.lower_ in ("the", "as", "that", "its", "their", "more", "less", "over")
                                or nxt.tag_ in _COMPARATIVE_TAGS)


def _multiplied(doc, times: "Token") -> str:
    """What a multiplier multiplies: the next noun ('limit') or comparative ('faster')."""
    for t in doc[times.i + 1: times.i + 6]:
        if t.tag_ in _COMPARATIVE_TAGS:
            return t.lower_  # "faster", not its lemma "fast": the comparison is the point
        if t.pos_ == "NOUN":
            return t.lemma_.lower()
    return "value"


def _counts_something(doc, a: Amount, noun: "Token", anchor: "Token") -> bool:
    """Durations, ages and small counts of known participants are not measurements."""
    lemma = noun.lemma_.lower()
    if lemma in DOCUMENT_NOUNS:
        return False  # "runs to 94 pages": the length of a text, not a measure of the story
    if _is_multiplier(doc, noun):
        return True  # "40 times the safe limit", "three times higher": a ratio the story measures
    if noun.lower_ in TIME_UNITS or lemma in TIME_UNITS:
        return _sentence_context(noun, {"prison", "jail", "sentence", "imprisonment", "detention"}) \
            or _times_an_ordeal(noun) or _length_of_a_measure(noun) is not None
    if a.currency or a.percent or a.scaled or noun.lower_ in CASUALTY_STATES:
        return True
    if lemma in SIZE_UNITS or noun.lower_ in SIZE_UNITS:
        return True  # "7.4 metres", "3 degrees": a measurement whatever its size
    small = a.high is None and a.value <= 12 or a.in_words and a.value < 100
    if not small:
        return True
    if a.start > 0 and doc[a.start - 1].lower_ == "all" and lemma not in REFERENTIAL_NOUNS \
            and noun.lower_ not in REFERENTIAL_NOUNS:
        return True  # "all seven hospitals": the whole of what the story counts (not "all three countries")
    det_before = a.start > 0 and (doc[a.start - 1].lower_ in ("the", "these", "those", "its", "their", "our",
                                                               "his", "her", "both", "all", "each", "every")
                                  or doc[a.start - 1].tag_ == "PRP$" or doc[a.start - 1].dep_ == "poss")
    if a.end < len(doc) and doc[a.end].lower_ == "of":
        return a.value != 1  # the partitive's part: "four of the five judges" (but "one of the parties")
    part = doc[a.start - 3] if a.start >= 3 and doc[a.start - 2].lower_ == "of" else None
    partitive_total = part is not None and _digits(part) is None and (part.lower_ in NUMBER_WORDS or part.like_num)
    if partitive_total and part.lower_ == "one":
        return False  # "one of the two firms": picks an actor out of a known few, measures nothing
    if partitive_total:
        return True  # "four of the five judges": the whole the part is counted against
    # ("seven crew members were injured": members of a group of people are people, not known actors)
    people_members = lemma == "member" and any(c.dep_ == "compound" and _lemma(c) in PEOPLE_NOUNS | GROUP_NOUNS
                                               | _MEMBER_GROUPS for c in noun.children)
    if det_before or (lemma in REFERENTIAL_NOUNS or noun.lower_ in REFERENTIAL_NOUNS) and not people_members:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ in _LOCATIVE_PREPS and not _tally_context(anchor):
        return False  # "in three northern provinces": where, not how many
    if a.value == 1 and not _tally_context(anchor):
        return False  # "one of the parties", "one option"
    if a.value <= 12 and not (lemma in QUANTITY_SYNONYMS or _tally_context(anchor)):
        # "two firms", "the two suppliers": a pair of a plain noun names actors, it measures nothing
        return noun.tag_ == "NNS" and _governing_verb(anchor) is not None and a.value > 2
    return True


# what a stretch of time "of" may measure as news: "six days of disruption", "two weeks of fighting"
ORDEAL_NOUNS = frozenset("""disruption disruptions fighting strike strikes talks negotiation negotiations protest
protests unrest violence clash clashes shelling bombardment bombing airstrike airstrikes rain rains flooding
drought heatwave outage outages blackout blackouts delay delays chaos deliberation deliberations hearing hearings
testimony voting search war conflict siege occupation captivity lockdown shutdown closure mourning debate
shortage shortages gridlock turmoil uncertainty paralysis standoff stalemate deadlock rioting riots looting
evacuation evacuations quarantine curfew""".split()) | DURATION_MEASURES


# verbs that give how long something lasts: "the curfew will last 30 days", "the ban runs for 90 days"
_LASTING_VERBS = frozenset("last run extend continue remain stay".split())


def _length_of_a_measure(noun: "Token") -> "Token | None":
    """'The emergency lasts for an initial 30 days', 'the ban will run for 90 days': how long a measure taken
    or imposed lasts is news (like 'a 30-day state of emergency'). Returns the measure."""
    verb = _governing_verb(noun)
    if verb is None or verb.lemma_.lower() not in _LASTING_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and {_lemma(subj), _lemma(_of_object(subj))} & DURATION_MEASURES:
        return subj
    return None


# stretches of time an event itself lasts; years and decades of something are its history, not the news
_EVENT_SPANS = frozenset("hour day night week weekend month".split())


def _times_an_ordeal(noun: "Token") -> bool:
    """'after six days of disruption', 'two weeks of talks': a length of time filled with what the story is
    about is a measure of it (unlike 'six days of the week', 'ten years of experience' or the background
    'ending seven years of negotiations')."""
    return _ordeal_of(noun) is not None


def _ordeal_of(noun: "Token") -> "Token | None":
    of = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ in ("pobj", "pcomp")), None)  # ("of shelling" may be a pcomp)
    if _lemma(noun) in _EVENT_SPANS and of is not None and (_lemma(of) in ORDEAL_NOUNS or of.lower_ in ORDEAL_NOUNS):
        return of
    return None


def _sentence_context(tok: "Token", words: set[str]) -> bool:
    return any(t.lemma_.lower() in words for t in tok.sent)


def _tally_context(anchor: "Token") -> bool:
    verb = _governing_verb(anchor)
    return verb is not None and any(v.lemma_.lower() in _TALLY_VERBS for v in _shared_verbs(verb))


def _shared_verbs(verb: "Token") -> list["Token"]:
    """A verb and the conjoined verbs that share its arguments: 'killed or wounded' (not 'killing 11 workers and
    setting two tanks on fire')."""
    return [verb] + [c for c in verb.conjuncts
                     if not any(ch.dep_ in ("dobj", "nsubj", "nsubjpass") for ch in c.children)]


# verbs whose bare-number object or subject is people: "forcing about 12,000 from their homes", "some 3,000 fled"
PEOPLE_VERBS = frozenset("""kill die wound injure hurt arrest detain abduct kidnap rescue evacuate displace infect
hospitalize hospitalise test sentence convict charge force drive flee leave strand shelter house feed treat employ
hire lay sack
vaccinate screen admit deport expel relocate repatriate return move resettle register attend join march protest
gather rally demonstrate sign""".split())
# verbs of leaving one's home: their count of people is a count of the displaced
_DISPLACE_VERBS = frozenset("force drive chase flee uproot".split())


def _elided_people(root: "Token", a: Amount) -> "Token | None":
    """A bare number standing for people, its noun left out: the object or subject of a verb done to or by
    people ('forcing about 12,000 from their homes', 'about 3,000 have fled'). Returns the verb."""
    verb = root.head
    if root.dep_ not in ("dobj", "nsubj", "nsubjpass") or verb.pos_ != "VERB":
        return None
    if a.in_words and not a.scaled or a.value < 20 and not a.scaled:
        return None  # "killed two": too small to stand alone as a measure
    return verb if verb.lemma_.lower() in PEOPLE_VERBS else None


def _verb_quantity(verb: "Token") -> str | None:
    """What a verb makes of a count of people: 'killed' -> deaths, 'forced from their homes' -> displaced."""
    lemma = verb.lemma_.lower()
    if lemma in _DISPLACE_VERBS and any(c.dep_ == "prep" and c.lower_ in ("from", "out") for c in verb.children):
        return "displaced"
    return VERB_QUANTITY.get(lemma)


def _pronoun_one(doc, a: Amount, sent_start: int) -> bool:
    """'the right one', 'this one', 'a new one': 'one' standing for a noun, not a count."""
    if not (a.in_words and a.value == 1 and a.end - a.start == 1) or a.start <= sent_start:
        return False
    tok, before = doc[a.start], doc[a.start - 1]
    return tok.dep_ != "nummod" and (before.pos_ in ("DET", "ADJ") or before.tag_ == "PRP$")


# groups whose "members" are people counted as such: "seven crew members", "40 union members"
_MEMBER_GROUPS = frozenset("family household team union party staff".split())
# nouns for a body of people whose size "of N" counts its members: "a crew of 31", "a staff of 200"
GROUP_NOUNS = frozenset("crew staff workforce contingent delegation garrison fleet convoy squad".split())


def _group_noun(tok: "Token") -> "Token | None":
    """'a patrol ship with a crew of 31': the number counts the group it is the size of."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN" \
            and tok.head.head.lemma_.lower() in GROUP_NOUNS:
        return tok.head.head
    return None


_LABEL_MAX_TOKENS = 8
# a web page's own counters, never the story's: "Comments: 14", "Shares: 230"
WEB_COUNTER_NOUNS = frozenset("""comment share view like reply read follower subscriber retweet reaction photo image
video slide result download""".split())


def _label_noun(doc, span: "Span", a: Amount) -> "Token | None":
    """'Deaths: 97', '- Contacts under follow-up: 2,870': a list line whose label says what its closing number
    counts. The label is a short phrase opening the line, its noun a plural or a word for a count."""
    colon = (a.qualifier_start if a.qualifier_start is not None else a.start) - 1  # ("Deaths: about 90")
    if colon <= span.start or doc[colon].text != ":" or not doc[colon].whitespace_:
        return None
    rest = []
    for t in doc[a.end:span.end]:
        if t.text == ";":
            break
        rest.append(t)
    if any(not t.is_punct for t in rest) and not (rest[0].lower_ == "according" and len(rest) > 2):
        return None  # the number closes the line (or its clause), or only its source follows it
    label = [t for t in doc[span.start:colon] if not t.is_punct and not t.is_space]
    if not label or len(label) > _LABEL_MAX_TOKENS or any(t.like_num for t in label):
        return None
    noun = next((t for t in label if t.pos_ in ("NOUN", "PROPN") and t.i not in _modifier_ids(label)), None)
    if noun is None or noun.pos_ == "PROPN" and not (noun.tag_ == "NNPS" and not noun.ent_type_):
        return None  # (a capitalised plural opening a line may be tagged a proper noun: "Households")
    lemma = noun.lemma_.lower()
    if lemma in LABEL_NOUNS | DOCUMENT_NOUNS | TIME_UNITS | WEB_COUNTER_NOUNS or noun.lower_ in TIME_UNITS:
        return None
    counted = noun.tag_ in ("NNS", "NNPS") or lemma in VAGUE_MEASURES or noun.lower_ in CASUALTY_STATES
    return noun if counted else None


def _modifier_ids(tokens: list["Token"]) -> set[int]:
    """Tokens that only modify a later noun: 'Cumulative' and 'follow' in 'Cumulative cases', 'follow-up'."""
    return {t.i for t in tokens if t.dep_ in ("compound", "amod", "nmod") and t.head.i > t.i}


def _measure_noun(tok: "Token") -> "Token | None":
    """'a death toll of 56', 'the government's figure of 27', 'an estimate of 3,000 cases': the word for a
    count that the number is given as."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN" \
            and tok.head.head.lemma_.lower() in VAGUE_MEASURES:
        return tok.head.head
    return None


def _level_subject(root: "Token") -> "Token | None":
    """'deaths rose to 1,200', 'the toll stood at 45', 'turnout was 67', 'the number is well over 700': the
    subject the number measures; 'bringing the death toll to four', 'raising the number of people killed in
    X to nine': the object a change verb moves to the number."""
    head = root.head
    if head.pos_ == "ADP" and head.lower_ in _CHANGE_PREPS and head.head.pos_ == "VERB":
        changed = _changed_object(head.head)
        if changed is not None:
            return changed
    if head.pos_ == "ADP" and head.lower_ in ("to", "at", "of", "by") and head.head.pos_ in ("VERB", "AUX"):
        verb = head.head
    elif head.pos_ == "ADP" and head.lower_ in _BOUND_PREPS and head.head.lemma_ == "be":
        verb = head.head  # "the real number is well over 700"
    elif root.dep_ in ("dobj", "attr", "npadvmod", "nsubj") and head.pos_ in ("VERB", "AUX"):
        verb = head
    else:
        return None
    if verb.lemma_.lower() not in LEVEL_VERBS:
        return None
    deps = ("dobj",) if verb.lemma_.lower() == "put" else ("nsubj", "nsubjpass")
    for _ in range(3):  # "the toll is likely to be over 900": the subject of the verb the 'be' hangs on
        found = [c for c in verb.children if c.dep_ in deps and c.pos_ == "NOUN" and c.lower_ not in TIME_UNITS]
        if found:  # the subject nearest before the verb ("X: ...; the agency's own tally is 6,200")
            before = [c for c in found if c.i < verb.i]
            return before[-1] if before else found[0]
        if verb.dep_ not in ("xcomp", "acomp") or verb.head.i == verb.i:
            break
        verb = verb.head
    return None


# verbs that move what they act on to a new level: "bringing the toll to four", "raised the number to 35"
CHANGE_VERBS = frozenset("bring raise push take lift drive boost lower reduce cut revise increase".split())
# prepositions a change verb moves a count with: "bringing the toll to 4", "pushing the toll past 60"
_CHANGE_PREPS = frozenset("to past beyond above over".split())
# prepositions of a level given as a bound: "the number is well over 700", "is under 50"
_BOUND_PREPS = frozenset("over above under below around about near".split())


def _changed_object(verb: "Token") -> "Token | None":
    """The count a change verb moves 'to' a number: its object ('bringing the death toll to four'); the 'to'
    may hang on a participle inside that object ('bringing the number of people killed in X to nine')."""
    for _ in range(6):
        if verb.lemma_.lower() in CHANGE_VERBS:
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
            if obj is None or obj.lower_ in TIME_UNITS:
                return None
            # only a count: 'the toll', 'the number of X', 'deaths' (not 'the retirement age to 67')
            return obj if obj.lemma_.lower() in VAGUE_MEASURES or obj.tag_ == "NNS" else None
        if verb.dep_ not in ("acl", "relcl", "pobj", "prep", "dobj") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _topic(doc, a: Amount, noun: "Token | None", root: "Token") -> "Token | None":
    """What a percentage or sum is of or for: '92% of goods', '$1.2 billion in aid', 'duties of 7.5%'."""
    if a.fraction:
        return _fraction_group(doc, a)
    base = noun or root
    for c in base.children:  # "of goods", "in aid", "for exporters"
        if c.dep_ == "prep" and c.lower_ in ("of", "in", "for", "on") and c.i >= a.end:
            for p in c.children:
                if p.dep_ == "pobj" and a.currency and c.lower_ == "in" and _lemma(p) in MEANS_OF_PAYMENT:
                    return None  # "demanding $4.5 million in cryptocurrency": how it is paid, not what it is
                if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") and p.lower_ not in TIME_UNITS:
                    return p
    if noun is not None and noun.lower_ not in CURRENCY_WORDS:
        return noun
    head = root.head
    if head.lemma_.lower() in TIME_UNITS and head.head.i != head.i:
        head = head.head  # "rose 12 per cent year on year": the year is not what the share is of
    if root.dep_ in ("nummod", "compound", "amod", "npadvmod", "nmod") and head.pos_ == "NOUN" \
            and head.i > a.end - 1 and head.lower_ not in PERCENT_WORDS and head.lemma_.lower() not in TIME_UNITS:
        return head  # "a 25% tariff", "a $500m loan", "the 7.5% duty"
    if head.pos_ in ("ADJ", "ADV") and head.lower_ in _VALUE_ADJECTIVES and head.head.pos_ in ("VERB", "AUX"):
        return _subject_or_object(head.head, exclude=root)  # "trade was worth 68 billion euros"
    if head.pos_ in ("ADJ", "ADV") and head.lower_ in _VALUE_ADJECTIVES and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head  # "exports worth $5bn"
    if a.percent and head.pos_ == "ADJ" and head.tag_ == "JJR" and head.dep_ == "amod" \
            and head.head.pos_ == "NOUN" and head.head.i > head.i:
        return head.head  # "35% less rain than normal", "20% more visitors": of the noun compared
    if a.percent and head.pos_ == "ADJ" and head.i >= a.end and a.value < 100 \
            and head.lemma_.lower() not in _RHETORICAL_ADJECTIVES:
        return head  # "95% effective", "40 percent higher"
    if head.pos_ == "ADP" and head.head.pos_ == "NOUN" and head.lower_ == "of" \
            and _lemma(head.head) in STATISTIC_NOUNS and head.head.head.i != head.head.i:
        # "grew by an average of 12%": what grew, not 'average'
        return _topic(doc, a, None, head.head) or head.head
    if head.pos_ == "ADP" and head.head.pos_ == "NOUN":
        return head.head  # "tariffs of up to 25%", "a quota of 45,000 tonnes"
    passive = head.head.pos_ == "ADJ" and any(c.dep_ == "nsubjpass" for c in head.head.children)
    if head.pos_ == "ADP" and (head.head.pos_ in ("VERB", "AUX") or passive):  # ('were undercut' read as ADJ)
        # "raised its key rate to 5.25%": the object moved to the level; "inflation fell to 2.4%": the subject
        # ("launched an appeal for $4 million": a sum 'for' goes with the object, as a level 'to' does)
        verb = head.head
        found = _subject_or_object(verb, exclude=root, object_first=head.lower_ in ("to", "by", "at", "from", "for"))
        if found is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ == "NOUN":
            return verb.head  # "a family car sold for $30,000", "flats priced at $500,000": the thing sold
        return found
    if head.pos_ in ("VERB", "AUX"):
        return _subject_or_object(head, exclude=root)
    return None


# nouns of a statistic that say how a number was summed up, not what it is of: "by an average of 12%"
STATISTIC_NOUNS = frozenset("average mean median maximum minimum peak total".split())
# what a sum is paid in, not what it is for: "$4.5 million in cryptocurrency", "$2m in cash"
MEANS_OF_PAYMENT = frozenset("""cash cryptocurrency crypto bitcoin bitcoins coin coins gold bond bonds share shares
stock stocks banknote banknotes note notes cheque cheques check checks token tokens currency""".split())
# singular nouns that stand for a group of people: "half the population", "a third of the workforce"
COLLECTIVE_NOUNS = frozenset("""population workforce electorate public staff membership team crew class
congregation audience""".split())
# singular nouns for a countable whole that parties share or pay for: "three-quarters of the cost", "half the
# budget", "a third of the market" (not a stretch of time or a mass said in passing: "a quarter of an hour")
SHARED_WHOLES = frozenset("""cost bill budget funding fund financing trial study programme program project
market population spending investment expenditure revenue turnover loan debt subsidy payroll share stake
capital equity vote electorate""".split())


# masses an economy is measured in: a share of one is a figure when it is what the clause states ("accounts for
# half of global capacity", "produces two-thirds of the world's supply"), not a remark beside another number
# ("40,000 tonnes a year, roughly a third of the country's output")
ECONOMIC_WHOLES = frozenset("""capacity output production supply exports imports emissions consumption demand
generation sales trade reserves""".split())
# roles of a share that the clause states: its object, subject or complement, or the object of a verb's preposition
_STATED_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd"})


def _share_is_an_argument(share: "Token", whole: "Token") -> bool:
    """Whether the phrase 'share (of) whole' is an argument of its clause's verb."""
    head = share if share in whole.ancestors else whole  # "half of capacity" / "half the capacity"
    if head.dep_ in _STATED_DEPS:
        return True
    return head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("VERB", "AUX")


def _fraction_group(doc, a: Amount) -> "Token | None":
    """The group a share in words is of: 'two-thirds of small retailers', 'half the hospitals', 'one in five
    adults'; never a stretch of time ('a quarter of an hour'), a clause ('two-thirds of what ...') or a mass
    ('a quarter of the country's output': a share of a volume, said in passing)."""
    end = min(len(doc), a.end + 7, a.start + 60)  # ("two-thirds of the country's wheat output")
    for t in doc[a.end:end]:
        if t.pos_ in ("NOUN", "PROPN") and not (t.dep_ in ("compound", "amod", "poss", "nmod") and t.head.i > t.i):
            group = t.tag_ in ("NNS", "NNPS") or t.lemma_.lower() in COLLECTIVE_NOUNS | SHARED_WHOLES \
                or t.lemma_.lower() in ECONOMIC_WHOLES and _share_is_an_argument(doc[a.end - 1], t)
            return t if group and t.lemma_.lower() not in TIME_UNITS and t.lower_ not in TIME_UNITS else None
        if t.pos_ in ("VERB", "AUX", "PRON", "PUNCT") or t.tag_ == "WP" or t.like_num:
            return None
    return None


# adjectives a percentage only emphasises: "100 percent sure", "110% committed"
_RHETORICAL_ADJECTIVES = frozenset("""sure certain committed confident convinced behind right wrong true honest
serious clear dedicated focused""".split())
# words after which a sum or share measures the subject: "worth $5bn", "shares were down 3%"
_VALUE_ADJECTIVES = frozenset("worth valued priced equal equivalent up down higher lower".split())


def _subject_or_object(verb: "Token", exclude: "Token", object_first: bool = False) -> "Token | None":
    for dep in ("dobj", "nsubj", "nsubjpass") if object_first else ("nsubj", "nsubjpass", "dobj"):
        for c in verb.children:
            if c.dep_ == dep and c.i != exclude.i and c.pos_ in ("NOUN", "PROPN") and c.lower_ not in TIME_UNITS:
                return c
    return None


def _unit(a: Amount, noun: "Token | None") -> str:
    if a.currency:
        return a.currency
    if a.percent:
        return "percent"
    if a.unit:
        return _UNIT_NAMES.get(a.unit, a.unit)
    if noun is None:
        return "count"
    if noun.lower_ in CASUALTY_STATES:
        return noun.lower_  # "40 injured"
    base = _plural(noun)
    of = _of_object(noun)
    if of is not None and _lemma(noun) in _MEASURE_UNITS - _PACK_UNITS:
        return f"{base} {of.text}"  # "tonnes CO2", "barrels oil" (but "doses", not "doses vaccine")
    return base


_UNIT_NAMES = {"c": "°C", "f": "°F"}
_MEASURE_UNITS = frozenset("""tonne ton kilogram kg gram pound ounce barrel litre liter gallon cubic hectare acre
kilometre kilometer km mile metre meter megawatt gigawatt kilowatt terawatt gigatonne megatonne bushel bag
sack dose vial unit""".split())
# measures that are counted items: their unit is the item alone ("300,000 doses of the vaccine" counts doses)
_PACK_UNITS = frozenset("bag sack dose vial unit".split())
# physical measures: a small number of them is a measurement, never a trivial count ("peaked at 7.4 metres")
SIZE_UNITS = frozenset("""tonne ton kilogram kg gram pound ounce barrel litre liter gallon hectare acre kilometre
kilometer km mile metre meter centimetre centimeter millimetre millimeter inch foot feet yard degree celsius
fahrenheit megawatt gigawatt kilowatt terawatt gigatonne megatonne knot""".split())


def _plural(noun: "Token") -> str:
    low = noun.lower_
    if noun.tag_ in ("NNS", "NNPS") or low in INVARIANT_PLURALS:
        return low
    lemma = noun_lemma(noun) or low
    if re.search(r"(s|x|z|ch|sh)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _of_object(noun: "Token") -> "Token | None":
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _text_end(doc, a: Amount, noun: "Token | None") -> int:
    if noun is None:
        return a.end
    if noun.i < a.start:
        return min(a.end + 2, len(doc))  # "seven of whom"
    end = noun.i + 1
    of = _of_object(noun)
    if of is not None and _lemma(noun) in _MEASURE_UNITS and of.i - noun.i <= 4:
        end = of.i + 1
    return end


def _governing_verb(anchor: "Token") -> "Token | None":
    """The verb the counted thing is subject, object or complement of (through one preposition)."""
    tok = anchor
    for _ in range(3):
        head = tok.head
        if head.i == tok.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.pos_ in ("ADP", "SCONJ", "NUM") or tok.dep_ in ("conj", "appos"):
            tok = head
            continue
        if tok.dep_ == "pobj":
            tok = head
            continue
        return None
    return None


# --- who claims it, as of when ---------------------------------------------------------------------------

def _claimant(ctx: "DocContext", index: int, sent: "Sentence", anchor: "Token") -> tuple["Token | None", str | None]:
    """Who claims the figure, a bare 'the agency' or 'the organisation' named as the body introduced before."""
    verb, name = _claimant_in_sentence(ctx, index, sent, anchor)
    name = clean_claimant(name)
    if name and name.lower() in NOT_CLAIMANTS:
        return None, None
    words = name.lower().split() if name else []
    if words and words[-1] in GENERIC_BODIES and len(words) <= 3 and not name.split()[-1][:1].isupper() \
            and not set(words) & _PHRASE_LINKS:  # (the body word must head the phrase: not "applicants in court")
        # "the agency", "the UN agency", "the health ministry": the body of that kind named before; a
        # description with common words ("the state energy company") only a body with that word in its name
        loose = all(w.isupper() for w in name.split()[:-1])
        name = _body_named_before(ctx, index, words[-1], anchor.i, loose) or name
    if name is None:
        name = _issuer_of_release(ctx)  # what a body's own release states, unattributed, it states itself
    return verb, _without_sentence_capital(sent, name)


def _without_sentence_capital(sent: "Sentence", name: str | None) -> str | None:
    """'Intelligence officials from X said ...', 'Industry groups put ...': a claimant that opens its sentence
    owes its capital to the sentence when its first word is no name (not a proper noun, not in an entity),
    and reads 'per intelligence officials' in running text. 'Ukrainian officials', 'Reuters' keep theirs."""
    if not name or not name[:1].isupper():
        return name
    at = sent.span.start_char + dateline_end(sent.text)  # after a wire dateline, the sentence's own words
    first = next((t for t in sent.span if t.idx >= at and not t.is_punct), None)
    if first is None or first.idx + len(name) > sent.span.end_char \
            or sent.span.doc.text[first.idx:first.idx + len(name)] != name:
        return name  # the claimant does not open the sentence
    if first.pos_ == "PROPN" or first.ent_type_ or not first.is_title or first.text.isupper():
        return name
    words = name.split()
    # a description: an English word, then a lower-case one ('Industry groups'); not a name in another
    # language ('Médecins Sans Frontières', 'Ecologistas en Acción') nor a bare plural ('Police', 'Rescuers')
    first_word = words[0].lower()
    english = first_word in _POSSESSIVES or any(w in common_nouns() for w in (
        first_word, first_word[:-1] if first_word.endswith("s") else "", first_word[:-3] + "y" if first_word.endswith("ies") else ""))
    if len(words) < 2 or not words[1][:1].islower() or not english:
        return name
    return name[0].lower() + name[1:]


_POSSESSIVES = frozenset("her his its their our my your".split())


def _issuer_of_release(ctx: "DocContext") -> str | None:
    """The body that published the document as its own release ('Ministry of Defence', 'Growers Federation'),
    else None (a newsroom's unattributed figure has no claimant)."""
    outlet = getattr(ctx.document, "outlet", None)
    return outlet if body_outlet(outlet) else None


# words linking a head noun to a complement: a phrase holding one is headed by its first noun
_PHRASE_LINKS = frozenset("of in for at by from to with on and".split())
# words that never name a source: "Nobody disputes that ...", "everyone agrees ..."
NOT_CLAIMANTS = frozenset("""nobody no-one noone none everyone everybody anyone anybody someone somebody nothing
no one""".split()) | {"no one"}
_RELATIVE_PRONOUNS = frozenset("which who that whom".split())
_DASHES = ("-", "–", "—")


def clean_claimant(name: str | None) -> str | None:
    """A claimant as a name: no dateline glued before it ('ROME - Friends of X'), no unclosed bracket
    ('the Armed Forces of X (AF'), no 'statement from' before the body that issued it."""
    if not name:
        return name
    m = re.match(r"^[A-Z][A-Z .,'’]{2,}\s*[-–—]\s+(?=\S)", name)
    if m:
        name = name[m.end():]  # a dateline: a place in capitals and a dash
    if name.count("(") > name.count(")"):
        name = name[:name.rfind("(")].rstrip(" ,")
    name = re.sub(r"^(?:(?:a|an|the|its|their)\s+)?(?:\w+\s+)?(?:statement|report|release|communiqu[eé]|bulletin"
                  r"|update|announcement)s?\s+(?:from|by|of)\s+(?:the\s+)?(?=[A-Z])", "", name)
    return name.strip() or None


# nouns that refer back to a body the article has named: "the agency said", "the organisation said"
GENERIC_BODIES = frozenset("""agency organisation organization group company firm ministry authority regulator service
charity body institute office commission committee council bank court union federation association""".split())
# of those, the ones that may stand for any kind of body, not only one with that word in its name
_ANY_BODY = frozenset("organisation organization group body charity company firm".split())
# kinds of body whose name may not hold the word ('the agency' for a '... Organization')
_ONE_SPEAKER_BODIES = frozenset("agency institute office service authority".split())


# sentences looked back through for a body whose name holds the word of 'the authority', 'the agency'
NAMED_BODY_WINDOW = 40


def _body_named_before(ctx: "DocContext", index: int, noun: str, before: int, loose: bool = True) -> str | None:
    """The organisation a definite description refers to: the latest one named in the last few sentences with
    that word in its name ('the agency' -> 'Civil Protection Agency'), else, for a noun that fits any body,
    the latest one that said something ('the organisation' -> the charity quoted before); the same name further
    back in the article comes before any guess from who spoke."""
    speakers: list[str] = []
    nearby: set[str] = set()  # bodies named in this sentence (before the noun) and the one before it
    for at in range(index, max(0, index - 4) - 1, -1):
        span = ctx.sentences[at].span  # (each paragraph may be a Doc of its own: compare positions only within one)
        for ent in reversed([e for e in span.ents if e.label_ == "ORG" and (at < index or e.end <= before)]):
            name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            name = re.sub(r"['’]s?$", "", name)
            if noun in name.lower().split():
                return name
            if at >= index - 1 and not (ent.root.dep_ == "compound" and ent.root.head.lower_ == noun):
                nearby.add(name)  # (not the "UN" of "the UN agency" itself)
            head = ent.root
            if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in REPORTING_VERBS \
                    and name not in speakers:
                speakers.append(name)
    for at in range(max(0, index - 5), max(0, index - NAMED_BODY_WINDOW) - 1, -1):
        for ent in reversed([e for e in ctx.sentences[at].span.ents if e.label_ == "ORG"]):
            name = re.sub(r"['’]s?$", "", ent.text[4:] if ent.text.lower().startswith("the ") else ent.text)
            if noun in name.lower().split():
                return name
    if not loose:
        return None
    if noun in _ANY_BODY and speakers:
        return speakers[0]
    # "the agency said", its name not holding the word: only when one body alone has spoken just before, or
    # (nobody having spoken) one body alone was named in the sentence before ("... the WHO's. The UN agency ...")
    if noun in _ONE_SPEAKER_BODIES and len(speakers) == 1:
        return speakers[0]
    return next(iter(nearby)) if noun in _ONE_SPEAKER_BODIES and not speakers and len(nearby) == 1 else None


def _claimant_in_sentence(ctx: "DocContext", index: int, sent: "Sentence",
                          anchor: "Token") -> tuple["Token | None", str | None]:
    """The source inside the article, nearest first: the agent of a count ('12,000 evacuees registered by X'),
    a reporting clause set off at the side of the sentence ('..., X said'), 'according to X', or the subject of
    the reporting verb above the figure."""
    agent = _recording_agent(anchor)
    if agent is not None:
        return agent
    owner = _owner_of_count(anchor)  # "the government's figure of 27": the possessor of the count claims it
    if owner is not None:
        return None, re.sub(r"\s*['’]s?$", "", _phrase(owner))
    aside = _attribution(sent.span, anchor)
    if aside is not None:
        aside_verb, aside_subj = aside
        aside_claim = (aside_verb, _name_of(ctx, index, aside_subj))
        if anchor.i < aside_verb.i:  # "X declared ... killing 27, the agency said": the agency's
            return aside_claim
    according = _according_to(sent.span)
    if according is not None and not _semicolon_between(sent.span.doc, anchor.i, according[2]):
        return according[0], _source_name(ctx, index, according[1])
    found: tuple["Token | None", str | None] = (None, None)
    tok, below = anchor, anchor
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in CLAIM_VERBS and _claims_here(tok, below) \
                and not _inside_object_clause(anchor, below):
            subj = _claim_subject(tok)
            if subj is not None and anchor.i in {t.i for t in subj.subtree}:
                # "one in three hospitals reported shortages": the counted are not the source; "the union,
                # which represents 7,400 workers, said": a clause about the speaker is no claim of theirs
                subj = None
            if subj is not None and _lemma(subj) in STUDY_NOUNS:
                author = _author_of(subj)
                if author is not None:
                    return tok, _phrase(author)  # "a review by the institute put it at 54%": the institute's
            if subj is not None:
                name = _name_of(ctx, index, subj)
                if name is None and subj.pos_ == "PRON":
                    # '"We have counted 800," said X': an unresolved pronoun leaves the claim to the speaker above
                    if tok.head.i == tok.i:
                        break
                    tok, below = tok.head, tok
                    continue
                found = (tok, name)
                # "its count puts her on 49 percent", says the campaign: the one who says it is the source
                if not _owned_by_pronoun(subj) or tok.lemma_.lower() in REPORTING_VERBS and name:
                    return found
        if tok.head.i == tok.i:
            break
        tok, below = tok.head, tok
    if found[1] is None and aside is not None:
        return aside_claim  # "..., the minister said, with some 1,500 farms hit"
    return found


def _name_of(ctx: "DocContext", index: int, subj: "Token") -> str | None:
    """The name a claim's subject stands for: a pronoun's antecedent ('it said'), a relative pronoun's noun
    ('its update, which put ...'), the name in apposition ('Its president, Julie Roy, said' -> Julie Roy),
    the body a possessive pronoun owns ('its latest update' -> the body); never 'nobody' or 'everyone'."""
    low = subj.lower_
    if low in NOT_CLAIMANTS or low == "one" and any(c.lower_ == "no" for c in subj.children):
        return None
    if low in _RELATIVE_PRONOUNS and subj.head.dep_ == "relcl" and subj.head.head.pos_ in ("NOUN", "PROPN"):
        subj = subj.head.head
        low = subj.lower_
    if low in _PRONOUNS:
        return _resolve_pronoun(ctx, index, subj)
    return _source_name(ctx, index, subj)


def _source_name(ctx: "DocContext", index: int, tok: "Token") -> str:
    """The name of a source phrase: the appositive name ('Its president, Julie Roy'), the body a possessive
    pronoun owns ('its latest update' -> the body), the author of a work ('data compiled by the group',
    'an estimate by a bank'), the name owning a count ('WHO figures', 'the ministry's data')."""
    named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                  and (c.ent_type_ in ("PERSON", "ORG") or _owned_by_pronoun(tok))), None)
    if tok.pos_ == "NOUN" and named is not None:
        return _phrase(named)  # "the survey's director, Omar Haddad, said": the person named
    if _owned_by_pronoun(tok) and tok.pos_ == "PROPN":  # "Its Local 40 says": a name of its own
        parts = [tok.i] + [t.i for c in tok.children if c.dep_ in ("compound", "nummod", "amod", "appos")
                           and c.i - tok.i <= 2 and (c.dep_ != "appos" or c.like_num) for t in c.subtree]
        return tok.doc[min(parts):max(parts) + 1].text
    if _owned_by_pronoun(tok):
        poss = next(t for t in tok.subtree if t.dep_ == "poss" and t.pos_ == "PRON" and t.i < tok.i)
        if poss.lower_ in ("its", "their"):
            return _resolve_owner(ctx, index, poss) or _resolve_pronoun(ctx, index, poss) or _phrase(tok)
    if _lemma(tok) in STUDY_NOUNS | VAGUE_MEASURES:
        owner = next((c for c in tok.children if c.i < tok.i and (
            c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"
            or c.dep_ == "amod" and c.text[:1].isupper() and c.ent_type_ not in ("NORP", "GPE")
            and c.i > c.sent.start)), None)  # ("Statec figures": a name the tagger took for an adjective)
        if owner is not None:  # "WHO figures", "Eurostat figures cited by X": the name owning the count
            return re.sub(r"\s*['’]s?$", "", _phrase(owner))
        author = _author_of(tok)
        if author is not None:
            return _phrase(author)
    return _phrase(tok)


def _semicolon_between(doc, i: int, j: int) -> bool:
    """A semicolon ends a clause's attribution: 'nearly 9k according to X; Y's own tally is 6,200'."""
    lo, hi = min(i, j), max(i, j)
    return any(t.text == ";" for t in doc[lo:hi])


# nouns for a count or demand that its owner gives: "the union's C$250 million demand", "the fire service's tally"
# (not a toll, total or level: "Italy's death toll" is Italy's deaths, not Italy's count)
OWNED_CLAIM_NOUNS = frozenset("""figure tally count estimate demand offer proposal bid claim forecast projection
request""".split())


def _owner_of_count(anchor: "Token") -> "Token | None":
    """The possessor of the count the number is given as: 'the government's figure of 27', 'the fire service's
    own tally is 6,200', 'the union's C$250 million demand'."""
    measure = _measure_noun(anchor) or _level_subject(anchor)
    if measure is None and anchor.dep_ in ("nummod", "compound", "quantmod", "nmod") \
            and anchor.head.lemma_.lower() in OWNED_CLAIM_NOUNS:
        measure = anchor.head
    if measure is None or measure.lemma_.lower() not in OWNED_CLAIM_NOUNS:
        return None
    return next((c for c in measure.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)


def _in_clause_of(tok: "Token", noun: "Token") -> bool:
    """'X, which handles payments for 48,000 merchants, said': a number in a clause about the speaker."""
    while tok.i != noun.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl", "appos"):
            return True
        tok = tok.head
    return False


# nouns for a place or territory: a clause about one says where, not what a verb claims
_PLACE_NOUNS = frozenset("""sea archipelago island islands territory region area zone waters strait shoal reef
border coast land province basin bay gulf lake river valley ocean peninsula channel""".split())


def _inside_object_clause(anchor: "Token", below: "Token") -> bool:
    """'X claims almost the entire sea, through which $3 trillion of trade passes': a number in a clause about
    the verb's noun object is no part of what the verb claims."""
    if below.dep_ == "ccomp":  # (a relative clause the parser took for a clausal object: ", through which ...")
        edge = below.left_edge
        return any(t.tag_ in ("WDT", "WP", "WP$") for t in edge.doc[edge.i:min(edge.i + 2, below.i)])
    if below.dep_ not in ("dobj", "attr", "oprd") or below.head.lemma_.lower() in ATTRIBUTION_VERBS:
        return False  # ("He said the islands needed $300bn": a clause the parser hung on 'islands')
    place = _lemma(below) in _PLACE_NOUNS or below.pos_ == "PROPN" or below.ent_type_ in ("GPE", "LOC", "FAC")
    claimed = below.head.lemma_.lower() == "claim" and not any(c.dep_ == "nummod" for c in below.children) \
        and _lemma(below) not in VAGUE_MEASURES | STUDY_NOUNS  # "claims the basin", "claimed responsibility"
    if not (place or claimed):
        return False  # "reported 143 deaths, which included 12 children": still what was reported
    tok = anchor
    while tok.i != below.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl"):
            return True
        tok = tok.head
    return False


def _claims_here(verb: "Token", below: "Token") -> bool:
    """Whether a reporting verb reports here, not in its plainer sense: 'the tariff adds 25 percent' (no
    clause added), 'the crisis put 3,000 jobs at risk' (no number put 'at' or 'on' a value)."""
    lemma = verb.lemma_.lower()
    if lemma == "add":
        return any(c.dep_ == "ccomp" for c in verb.children)
    if lemma == "put":
        return below.dep_ == "prep" and below.lower_ in ("at", "on")
    return True


def _recording_agent(anchor: "Token") -> tuple["Token", str] | None:
    """'the 12,000 evacuees registered by X', '27 deaths were recorded by X', 'the 38% share estimated by X': who
    counted is who claims."""
    noun = anchor
    while noun.dep_ in ("nummod", "compound", "quantmod") and noun.head.i != noun.i and noun.head.i - noun.i <= 3:
        noun = noun.head  # '38' -> '%' -> 'share': the participle qualifies the noun the number counts
    verbs = [c for t in dict.fromkeys((anchor, noun)) for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if anchor.dep_ == "nsubjpass":
        verbs.append(anchor.head)
    for verb in verbs:
        if verb.lemma_.lower() not in CLAIM_VERBS:
            continue
        for c in verb.children:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "agent" else None
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and not _is_time(pobj):
                return verb, _phrase(pobj)
    return None


# reporting verbs that, set off by a comma, attribute a whole sentence: "..., the agency said"
ATTRIBUTION_VERBS = frozenset("say add tell state report confirm estimate announce write note".split())


def _attribution(span: "Span", anchor: "Token") -> tuple["Token", "Token"] | None:
    """A reporting clause set off by commas at the side of the sentence ('X happened, the agency said' or
    'The cost could reach $1bn, the minister said, with ...' or '..., said the agency'): its speaker claims
    everything the sentence states, whatever the grammatical subject of the main clause. Returns (verb, subject)."""
    key = (id(span.doc), span.start, span.end)  # one look per sentence, not one per number in it
    if key not in _SIDE_CLAUSES:
        _SIDE_CLAUSES[key] = _side_reporting_clauses(span)
    for verb, subj in _SIDE_CLAUSES[key]:
        if not subj.left_edge.i <= anchor.i <= subj.right_edge.i \
                and not _semicolon_between(span.doc, anchor.i, verb.i):  # (not in the speaker's name or clause)
            return verb, subj
    return None


def _according_to(span: "Span") -> tuple["Token | None", "Token", int] | None:
    """'according to X' anywhere in the sentence (looked up once per sentence)."""
    key = (id(span.doc), span.start, span.end, "according")
    if key not in _SIDE_CLAUSES:
        _SIDE_CLAUSES[key] = None
        for tok in span:
            if tok.lower_ == "according" and tok.i + 1 < span.end and span.doc[tok.i + 1].lower_ == "to":
                pobj = next((c for c in span.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    _SIDE_CLAUSES[key] = (tok.head if tok.head.pos_ == "VERB" else None, pobj, tok.i)
                    break
    return _SIDE_CLAUSES[key]


def _side_reporting_clauses(span: "Span") -> list[tuple["Token", "Token"]]:
    doc = span.doc
    found = []
    for verb in span:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in ATTRIBUTION_VERBS:
            continue
        if verb.dep_ not in ("ROOT", "parataxis") or any(c.dep_ in ("ccomp", "dobj") and c.i > verb.i
                                                        for c in verb.children):
            continue  # "the agency said that ...": an ordinary reporting verb, found by the upward walk
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        first = min(subj.left_edge.i, verb.i)
        before = doc[first - 1] if first > span.start else None
        if before is not None and before.text in (",", "—", "–") and not (subj.i > verb.i and subj.pos_ == "PRON"):
            found.append((verb, subj))
    return found


def _owned_by_pronoun(subj: "Token") -> bool:
    """'its count', 'its phase 3 trial' (the pronoun may hang on a modifier before the noun)."""
    return any(t.dep_ == "poss" and t.pos_ == "PRON" for t in subj.subtree if t.i < subj.i)


# nouns for a piece of work that finds a figure: its author, not the work, claims it ("a review by X put ...")
STUDY_NOUNS = frozenset("""study review report survey analysis audit assessment evaluation investigation inquiry
trial research poll census paper model estimate projection forecast modelling modeling count data datum
statistics""".split())


# verbs of making a piece of work: "data compiled by X" are X's (not "figures cited by X")
AUTHORING_VERBS = frozenset("compile produce publish release collect gather prepare conduct issue commission".split())


def _author_of(study: "Token") -> "Token | None":
    """'a review of the data by X', 'a survey by X': the one who made the study, named in its own phrase
    (not in a clause about it)."""
    for tok in study.subtree:
        by = tok.lower_ == "by" or tok.lower_ == "from" and tok.head.i == study.i  # "estimates from X"
        if by and tok.dep_ in ("prep", "agent") and tok.head.i >= study.i:
            up, inside = tok.head, True
            while up.i != study.i:  # only through the study's own complements (and "compiled by", "published by")
                if up.dep_ in ("relcl", "advcl", "appos") \
                        or up.dep_ == "acl" and not (up.tag_ == "VBN" and up.lemma_.lower() in AUTHORING_VERBS):
                    inside = False
                    break
                up = up.head
            obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if tok.lower_ == "from" and obj is not None and not (obj.pos_ == "PROPN" or _lemma(obj) in GENERIC_BODIES):
                continue  # "estimates from the X service" (not "its count from 6,200 polling stations")
            if inside and obj is not None and obj.pos_ in ("PROPN", "NOUN"):
                return obj
    return None


def _claim_subject(verb: "Token") -> "Token | None":
    """The subject of a reporting verb: the one nearest the verb, never a dateline ('KAMPALA - The WHO said')."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not _dateline(c)]
    if subjects:
        before = [c for c in subjects if c.i < verb.i]
        return _after_dateline(before[-1] if before else subjects[0])
    for c in verb.children:
        if c.dep_ == "agent":
            p = next((g for g in c.children if g.dep_ == "pobj"), None)
            if p is not None and not _is_time(p):
                return p
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i \
            and verb.head.dep_ not in ("ccomp", "xcomp", "advcl") \
            and not any(c.dep_ == "nsubjpass" for c in verb.children):  # (inside a reported clause: its speaker)
        return _claim_subject(verb.head)  # "X put the figure at 120 and said ...": X said it
    before = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if before is not None and before.dep_ == "appos" and before.pos_ in ("NOUN", "PROPN") \
            and not any(c.dep_ in ("nsubjpass", "expl") for c in verb.children):
        # "In a note seen by X, the council put the number at ...": the parser hung the subject on X
        return before
    return None


def _is_time(tok: "Token") -> bool:
    """'by Monday', 'by Tuesday evening': a time, not an agent."""
    return tok.ent_type_ in ("DATE", "TIME") or bool(_DATE_WORD.search(tok.text))


def _after_dateline(subj: "Token") -> "Token | None":
    """'Tembe, 3 March 2026 - Kelvora Biotech today announced': the parser took the dateline's place for the
    subject; the real one hangs off it after the dateline."""
    if subj.i - subj.sent.start > 2:
        return subj  # (a dateline opens its sentence: no need to look further)
    sent = subj.sent
    end = dateline_end(sent.text)
    if not end or subj.idx - sent.start_char >= end:
        return subj
    return next((c for c in subj.children if c.dep_ in ("appos", "conj", "npadvmod")
                 and c.idx - sent.start_char >= end and c.pos_ in ("NOUN", "PROPN")), None)


def _dateline(tok: "Token") -> bool:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.text.isupper() and len(tok.text) > 3 and nxt is not None and nxt.text in ("-", "–", "—", ",", "(")


def _phrase(head: "Token") -> str:
    """The noun phrase of a claimant as written, without relative clauses, appositions or a leading 'the'."""
    drop = {t.i for c in head.children if (c.dep_ in ("relcl", "acl", "appos", "punct", "cc") or _has_date(c))
            and c.i > head.i for t in c.subtree}
    toks = [t for t in head.subtree if t.i not in drop and not t.is_space]
    while toks and (toks[0].lower_ in ("the", "a", "an") or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    if not toks:
        return head.text
    doc = head.doc
    # keep the text as written from first to last kept token, unless a dropped part sits inside it
    span = doc[toks[0].i: toks[-1].i + 1]
    if len(span) != len(toks):
        return " ".join(t.text for t in toks)
    return span.text


def _resolve_owner(ctx: "DocContext", index: int, pron: "Token") -> str | None:
    """'its latest update', 'their count': the organisation last named as a subject before the pronoun (a
    source's 'its' is a body's, not the fire's or the storm's)."""
    for sent in [ctx.sentences[index]] + ctx.sentences[max(0, index - 2):index][::-1]:
        cands = [t for t in sent.span if t.i < pron.i or sent is not ctx.sentences[index]]
        for t in reversed(cands):
            if t.dep_ in ("nsubj", "nsubjpass") and (t.ent_type_ == "ORG" or _lemma(t) in GENERIC_BODIES):
                ent = _ent_of(t) if t.ent_type_ == "ORG" else None
                named = next((c for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
                name = ent.text if ent is not None else _phrase(named if named is not None else t)
                return name[4:] if name.lower().startswith("the ") else name
    return None


def _resolve_pronoun(ctx: "DocContext", index: int, pron: "Token") -> str | None:
    """'he said' -> the nearest person named before; 'it says' -> the last named subject of a claim."""
    if pron.lower_ in ("we", "i", "you", "our", "my", "your"):
        return None  # the speaker of a quote, not a subject named before
    person = pron.lower_ in ("he", "she", "him", "her", "his")
    singular = pron.lower_ in ("it", "its")
    for sent in [ctx.sentences[index]] + ctx.sentences[max(0, index - 2):index][::-1]:
        cands = [t for t in sent.span if t.i < pron.i or sent is not ctx.sentences[index]]
        for t in reversed(cands):
            if person and t.ent_type_ == "PERSON" and t.ent_iob_ in ("B", "I"):
                ent = _ent_of(t)
                if ent is not None:
                    return ent.text
            if not person and t.dep_ == "nsubj" and t.pos_ in ("NOUN", "PROPN") and not _owned_by_pronoun(t) \
                    and t.lemma_.lower() not in VAGUE_MEASURES | STUDY_NOUNS and t.lower_ not in NOT_CLAIMANTS \
                    and not (singular and t.tag_ == "NNS"):  # ("its update": not the 'flare-ups' before)
                return _phrase(t)  # ("Its figure is 30,000, it said": the figure is not what 'it' is)
    return None


def resolve_as_of(expression: str, current: bool, reference: "date | None", exact: bool = True,
                  future: bool = False) -> str | None:
    if expression:
        return dates.resolve(expression, reference, exact_reference=exact, future=future) or None
    if current and reference is not None:
        # a present-tense claim holds as of publication; an undated article's only to the event's month
        return reference.isoformat() if exact else reference.strftime("%Y-%m")
    return None


def _as_of_evidence(anchor: "Token", verb: "Token | None", claim_verb: "Token | None") -> tuple[str, bool, bool]:
    """The date words of the claim or of what is counted, whether the claim is in the present tense, and
    whether the clause holding the date words looks ahead (so that 'by Saturday' is the coming one)."""
    for head in (anchor, claim_verb, verb):  # "from 2.9% in February" before "in March, X said"
        if head is None:
            continue
        for ent in _dates_of(head):
            if dates.resolve(ent.text, None) is not None or dates.resolve(ent.text, _SOME_DAY):
                # a date on the counted noun belongs to the clause of the verb the number hangs on
                clause_verb = head if head is not anchor else (verb or claim_verb)
                return ent.text, False, clause_verb is not None and looks_ahead(clause_verb)
    tense_verb = claim_verb or verb
    return "", tense_verb is not None and _present(tense_verb), False


# prepositions whose date starts, ends or spans a period rather than dating a count: "since December"
_NOT_AS_OF_PREPS = frozenset("since from after before until till for during within over".split())


def _dates_of(head: "Token") -> list["Span"]:
    """DATE entities attached to a verb or noun (directly, through a preposition, or in its subject)."""
    subjects = {c.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass")} if head.pos_ in ("VERB", "AUX") \
        else set()
    out = []
    for ent in head.sent.ents:
        if ent.label_ != "DATE":
            continue
        up = ent.root.head
        attached = {up.i} | ({up.head.i} if up.pos_ == "ADP" else set())
        # "as of Wednesday afternoon", "by Tuesday evening": through the time-of-day noun and the prepositions
        tok = ent.root
        for _ in range(6):  # ("as of 5 p.m. on Monday": Monday, on, p.m., of, as, the verb)
            time_word = tok.dep_ in ("compound", "npadvmod", "nmod") and tok.head.ent_type_ in ("DATE", "TIME")
            through = tok.dep_ == "pobj" or tok.dep_ == "prep" and tok.lower_ not in _NOT_AS_OF_PREPS
            if not (time_word or through) or tok.head.i == tok.i:
                break  # ("since December" starts a period; "a hearing next Tuesday" dates the hearing)
            tok = tok.head
            attached.add(tok.i)
        if head.i in attached or attached & subjects:
            out.append(ent)
    return out


def _present(verb: "Token") -> bool:
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") and c.lemma_ == "have"
                                      for c in verb.children)


# --- what it counts ---------------------------------------------------------------------------------

# prepositions whose phrase says who claims or when, not what is counted
_NON_DESCRIPTIVE_PREPS = frozenset("according despite amid after before during since until".split())
# dependents of a noun that belong in its description: "small online retailers", "Corvid shares", "sea wall"
_NOUN_MODIFIERS = frozenset("amod compound nmod poss".split())


def _description(doc, a: Amount, noun: "Token | None", anchor: "Token", verb: "Token | None",
                 start: int, end: int, topic: "Token | None" = None, subject: "Token | None" = None) -> str:
    """What is counted, built from the grammar around the number, in the sentence's order: the counted (or
    measured) noun with its own modifiers and one short complement, and the verb the number hangs on with
    its particle and one short complement ('people forced from their homes', 'households in X',
    'takeover of Y', 'damage could reach', 'provide shelter to people')."""
    amount = set(range(a.qualifier_start if a.qualifier_start is not None else a.start, a.end))
    head = noun if noun is not None else _amount_root(doc, a)  # the figure phrase's head in the parse
    core = noun or topic or subject
    keep: set[int] = set()
    if core is not None:
        keep |= _noun_phrase(core, amount)
        if head.head.tag_ == "JJR" and head.head.dep_ == "amod" and head.head.head.i == core.i:
            keep.add(head.head.i)  # "35% less rain": the comparison is what the share says
        clause = next((c for c in core.children if c.dep_ in ("relcl", "acl") and c.i > core.i), None)
        if clause is not None and len(list(clause.subtree)) <= 8 and not amount & {t.i for t in clause.subtree}:
            keep |= {t.i for t in clause.subtree if t.ent_type_ not in ("DATE", "TIME")}
            return _render(doc, keep - amount)  # "evacuees registered by X" says what they are
    if subject is not None and _measure_noun(head) is not None:
        return _render(doc, _noun_phrase(subject, amount, complement=False))  # "government's figure"
    if topic is not None and noun is None and topic.i != head.i and _modifies(head, topic) \
            and (topic.dep_ not in ("dobj", "pobj") or head.head.lower_ in _VALUE_ADJECTIVES):
        return _render(doc, keep - amount)  # "the 40% methane cut would avoid ...", "tonnes of X worth $1.9bn"
    hang = _hanging_verb(head)
    if subject is not None and hang is not None and subject.head.i == hang.i and subject.dep_ == "dobj" \
            and hang.lemma_.lower() in CHANGE_VERBS:
        return _render(doc, _noun_phrase(subject, amount))  # "bringing the death toll to four": the toll
    measured = _measured_subject(hang, head, noun)
    if measured is not None:
        # "the quota is 45,000 tonnes", "the river peaked at 7.4 metres in X": what is measured is the subject
        keep = _noun_phrase(measured, amount) | ({hang.i} if hang.lemma_ != "be" else set())
        keep |= {c.i for c in hang.children if c.dep_ == "aux" and c.tag_ == "MD" and hang.lemma_ != "be"}
        if noun is not None:
            keep |= _short_preps(noun, amount | keep, limit=1)
        return _render(doc, keep - amount)
    if topic is not None and noun is None and topic.i != head.i and hang is None:
        hang = _hanging_verb(topic)  # "Corvid shares closed 3.2 percent lower": the share's own verb
    if hang is not None and hang.lemma_ != "be":
        if not (hang.lemma_ == "put" and head.dep_ == "pobj") and hang.lemma_.lower() not in SAYING_VERBS:
            # ("put the vaccine's efficacy at 54 percent": the efficacy is what is measured; "reports 19.4% of
            # capacity": who says it is the claimant, not part of what is counted)
            keep.add(hang.i)
        modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in hang.children)
        keep |= {c.i for c in hang.children if c.dep_ in ("prt", "neg") or c.dep_ == "aux" and modal}
        for c in hang.conjuncts:  # "damaged or destroyed"
            if c.pos_ == "VERB" and abs(c.i - hang.i) <= 3:
                keep |= {c.i} | {t.i for t in doc[min(c.i, hang.i):max(c.i, hang.i)] if t.dep_ == "cc"}
        if head.dep_ == "pobj" and head.head.head.i == hang.i:
            keep.add(head.head.i)  # "to 25,000 people"
        obj = next((c for c in hang.children if c.dep_ == "dobj" and c.i not in amount and c.i != head.i
                    and (core is None or c.i != core.i) and c.pos_ in ("NOUN", "PROPN")), None)
        if obj is not None and head.dep_ == "pobj":
            keep |= _noun_phrase(obj, amount, complement=False)  # "provide shelter to people"
        elif head.dep_ in ("nsubj", "nsubjpass", "dobj") or noun is None:
            said_of_subject = core is not None and core.i != head.i and core.dep_ == "nsubj" \
                and core.head.i == hang.i and hang.lemma_.lower() in LEVEL_VERBS
            if not said_of_subject:  # ("the damage could reach $1bn": the verb's phrases are not the damage's)
                keep |= _short_preps(hang, amount | keep, limit=1)  # "forced from their homes"
        level = head.head if head.head.pos_ in ("ADJ", "ADV") and head.head.head.i == hang.i \
            and (head.head.tag_ in _COMPARATIVE_TAGS or head.head.lower_ in CHANGE_ADVERBS) else None
        if level is not None:
            keep.add(level.i)  # "closed 3.2 percent lower"
        if a.currency and core is None:  # "demanding $4.5 million in cryptocurrency": how it is to be paid
            keep |= _short_preps(head, amount | keep, kinds=("in",), limit=1)
    return _render(doc, keep - amount)


def _with_holder(doc, a: Amount, noun: "Token | None", description: str) -> str:
    """A bare counted noun said inside another noun's phrase takes that noun: 'the records of about 400,000
    patients' -> 'records of patients', 'a trial in 4,800 children' -> 'trial in children'."""
    if noun is None or description != noun.text or noun.dep_ != "pobj":
        return description
    prep, holder = noun.head, noun.head.head
    if prep.dep_ != "prep" or prep.lower_ not in ("of", "in", "among", "for") or holder.pos_ != "NOUN":
        return description
    if _lemma(holder) in BACKGROUND_HOLDERS and _lemma(noun) in SIZE_UNITS and holder.head.pos_ == "VERB":
        return f"{noun.text} {holder.head.text}"  # "burned an area of 12,400 hectares": hectares burned
    keep = _noun_phrase(holder, set(range(a.start, a.end)), complement=False) | {prep.i, noun.i}
    return _render(doc, keep) or description


def _measured_subject(hang: "Token | None", head: "Token", noun: "Token | None") -> "Token | None":
    """The subject a unit of measure measures: 'the quota is 45,000 tonnes', 'the quota would reach 70,000
    tonnes', 'the river peaked at 7.4 metres'."""
    if hang is None or noun is None or _lemma(noun) not in SIZE_UNITS | _MEASURE_UNITS:
        return None
    if hang.lemma_.lower() not in LEVEL_VERBS | {"be", "peak", "crest"} or head.dep_ not in ("attr", "dobj", "pobj"):
        return None
    return next((c for c in hang.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")
                 and c.i != noun.i), None)


def _modifies(root: "Token", noun: "Token") -> bool:
    """An amount inside a noun's own phrase: 'a 40% cut', '$2.5 billion takeover', 'steel worth $1.9 billion'."""
    up = root.head
    if up.i == noun.i:
        return root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod")
    return up.lower_ in _VALUE_ADJECTIVES and up.head.i == noun.i


def _hanging_verb(tok: "Token") -> "Token | None":
    """The verb a phrase is subject or object of, directly or through one preposition or adjective."""
    up = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "npadvmod", "oprd") and up.pos_ in ("VERB", "AUX"):
        return up
    if tok.dep_ in ("pobj", "npadvmod") and up.pos_ in ("ADP", "ADJ", "ADV") and up.head.pos_ in ("VERB", "AUX") \
            and up.lower_ not in _NON_DESCRIPTIVE_PREPS:
        return up.head
    return None


def _noun_phrase(noun: "Token", avoid: set[int], complement: bool = True) -> set[int]:
    """A noun, its modifiers before it ('small online retailers') and one short complement after it ('of
    Lumo Pay', 'in Kaldern', 'without power'): never a number, a date or a possessive pronoun."""
    keep = {noun.i}
    for c in noun.children:
        if c.dep_ in _NOUN_MODIFIERS and c.i < noun.i and not (c.dep_ == "poss" and c.pos_ == "PRON"):
            sub = {t.i for t in c.subtree}
            if len(sub) <= 4 and not sub & avoid and not any(t.like_num or t.ent_type_ in ("DATE", "TIME")
                                                             for t in c.subtree):
                keep |= sub
    if complement:
        keep |= _short_preps(noun, avoid | keep, limit=1)
    return keep


_HYPHENS = frozenset("-‐‑")


def _whole_words(doc, keep: set[int]) -> set[int]:
    """Kept tokens with the rest of any hyphenated word they belong to ('e-bikes' split as e / - / bikes)."""
    out = set(keep)
    for i in keep:
        for step in (1, -1):
            j = i
            for _ in range(3):  # ("state-of-the-art": a few hops at most)
                hyphen, word = j + step, j + 2 * step
                if not (0 <= word < len(doc)) or doc[hyphen].text not in _HYPHENS \
                        or doc[min(j, hyphen)].whitespace_ or doc[min(hyphen, word)].whitespace_ \
                        or not doc[word].is_alpha:
                    break
                out |= {hyphen, word}
                j = word
    return out


def _render(doc, keep: set[int]) -> str:
    keep = _whole_words(doc, keep)
    toks = [doc[i] for i in sorted(keep) if not doc[i].is_space and (not doc[i].is_punct or doc[i].text in "-'’")]
    while toks and (toks[0].pos_ in ("ADP", "CCONJ", "PART") or toks[0].lower_ in ("the", "a", "an")):
        toks = toks[1:]
    while toks and toks[-1].pos_ in ("ADP", "DET", "CCONJ"):
        toks = toks[:-1]
    text = tokens_text(toks[:MAX_DESCRIPTION_TOKENS])
    return re.sub(r" (?=['’]s\b)", "", text).strip()


def _short_preps(head: "Token", avoid: set[int], kinds: tuple[str, ...] | None = None,
                 limit: int | None = None) -> set[int]:
    """Short prepositional phrases after a word (the first ``limit`` of them), cleared of dates, numbers and
    the amount itself ('of carbon dioxide [a year]', 'in [six] provinces'); never a phrase that is a date or
    says who claims it ('according to')."""
    out: set[int] = set()
    taken = 0
    for c in head.children:
        if c.dep_ != "prep" or c.i < head.i or (kinds and c.lower_ not in kinds) or c.lower_ in _NON_DESCRIPTIVE_PREPS:
            continue
        obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
        if obj is None or obj.i in avoid or obj.like_num or obj.ent_type_ in ("DATE", "TIME"):
            continue
        cleared = _cleared(obj, avoid)
        phrase = {c.i} | cleared
        if cleared and len(phrase) <= 6:
            out |= phrase
            taken += 1
            if limit is not None and taken >= limit:
                break
    return out


def _cleared(tok: "Token", avoid: set[int]) -> set[int]:
    """A subtree without the branches after it that hold a date, a number or an avoided token; nothing when
    such a branch is a modifier the word needs."""
    out = {tok.i}
    for c in tok.children:
        branch = list(c.subtree)
        if not any(b.i in avoid or b.like_num or b.ent_type_ in ("DATE", "TIME") for b in branch):
            out |= {b.i for b in branch}
        elif c.dep_ in _NOUN_MODIFIERS | {"nummod", "quantmod", "det"} and c.i < tok.i:
            return set()  # "from [2020] levels": without its modifier the phrase says nothing
    return out


def _has_date(tok: "Token") -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)


def _quantity(a: Amount, noun: "Token | None", verb: "Token | None", topic: "Token | None", doc,
              start: int, end: int) -> str:
    """A key of what is counted, so that figures about the same thing group: 'troops', 'casualties',
    'reinforcements', 'cases', 'percent tariff line', 'money aid'."""
    mods = {t.lemma_.lower() for t in doc[start:end]} | ({c.lemma_.lower() for c in noun.children} if noun else set())
    verbs = set()
    if verb is not None:  # "killed or wounded" share the count; "killed 23 and left 1.2 million homes" do not
        verbs = {v.lemma_.lower() for v in _shared_verbs(verb)}
    if a.percent or a.currency or a.unit:
        kind = "percent" if a.percent else ("money" if a.currency else _UNIT_NAMES.get(a.unit or "", a.unit))
        what = _lemma(topic) if topic is not None else (verb.lemma_.lower() if verb is not None else "")
        if a.percent and what in SHARE_NOUNS:  # "its market share is 11.5%": a share of the market
            whole = next((c for c in topic.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
            what = _lemma(whole) if whole is not None else what
        giver = _giver(verb, topic) if a.currency else None
        whose = _whose(topic)
        if a.currency and verb is not None and verb.lower_ in PENALTY_VERBS:
            what, whose = "fine", None  # "X fined Y €95 million" is "the €95 million fine"
        if what in DEAL_NOUNS:  # "X's $2.5bn acquisition", "its $2.5bn takeover of Y": one deal, one price
            what, whose = "deal", None
        per = _per_unit(doc, a)
        if per is not None:  # "will charge $4.50 a dose": a rate, keyed by what is paid for each unit
            if topic is None or topic.pos_ == "PROPN":
                what = verb.lemma_.lower() if verb is not None else ""
            return " ".join(w for w in (kind, what, "per", _lemma(per)) if w)
        return " ".join(w for w in (kind, what, whose, giver) if w)
    lemma = _lemma(noun) if noun is not None else (_lemma(topic) if topic is not None else "count")
    key = QUANTITY_SYNONYMS.get(lemma, QUANTITY_SYNONYMS.get(noun.lower_ if noun is not None else "", lemma))
    ordeal = _ordeal_of(noun) if noun is not None and lemma in TIME_UNITS else None
    if ordeal is not None:
        return f"{_plural(noun)} {ordeal.lower_}"  # "six days of disruption": days of what
    if noun is not None and noun.lower_ in CASUALTY_STATES:
        return _STATE_QUANTITY.get(noun.lower_, noun.lower_)
    if key in ("troops", "people", "casualties", "deaths") or lemma in PEOPLE_NOUNS or lemma == "member":
        hurt = sorted({q for v in _shared_verbs(verb) if (q := _verb_quantity(v))}) if verb is not None else []
        if {"deaths", "injured"} <= set(hurt) or key == "casualties":
            return "casualties"  # killed or wounded
        group = _subgroup(noun) if hurt else None
        if group:  # "45 health workers infected", "60 children died": a part of the toll, keyed apart
            return f"{hurt[0]} among {group}"
        if hurt:
            return hurt[0]
    if key == "troops" and mods & INCREMENT_MODIFIERS:
        return "reinforcements"
    hedge = mods & UNCERTAIN_MODIFIERS
    if hedge:
        return f"{min(hedge)} {key}"  # "four probable cases" are a part, not a rival total
    if noun is not None and _lemma(noun) in _MEASURE_UNITS:
        of = _of_object(noun)
        return f"{key} {_lemma(of)}" if of is not None else key
    return key


# people who are a part of those a toll counts wherever they are named ('60 children died', 'nurses infected')
SUBGROUP_NOUNS = frozenset("""child children woman women girl girls boy boys nurse nurses doctor doctors medic medics
journalist journalists reporter reporters teacher teachers firefighter firefighters""".split())
# people nouns that name everyone a toll may count: a modifier of theirs names the event, not a part
# ('flood victims', 'camp residents')
GENERIC_PEOPLE = frozenset("person people civilian resident inhabitant villager victim survivor citizen individual".split())


def _subgroup(noun: "Token | None") -> str | None:
    """The part of the people a toll counts that a counted noun names: a role compounded with a person noun
    ('health workers', 'aid workers', 'police officers', 'government soldiers') or a word for such a part
    ('children', 'nurses'); None for plain people ('230 people', 'flood victims')."""
    if noun is None:
        return None
    lemma = _lemma(noun)
    if noun.lower_ in SUBGROUP_NOUNS or lemma in SUBGROUP_NOUNS:
        return _plural(noun)
    if lemma in GENERIC_PEOPLE or not (lemma in PEOPLE_NOUNS or QUANTITY_SYNONYMS.get(lemma) == "troops"):
        return None
    roles = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and c.pos_ == "NOUN"
             and c.is_lower and not c.like_num]
    if not roles:
        return None
    return " ".join([c.lower_ for c in roles] + [_plural(noun)])


# nouns for a part of a whole that a compound names: "market share", "vote share"
SHARE_NOUNS = frozenset("share portion".split())


def _per_unit(doc, a: Amount) -> "Token | None":
    """'$4.50 a dose', '$80 per barrel', '€12 an hour': the unit a price or rate is given for."""
    if not (a.currency or a.percent) or a.end + 1 >= len(doc) or doc[a.end].lower_ not in ("a", "an", "per"):
        return None
    unit = doc[a.end + 1]
    if unit.pos_ != "NOUN" or unit.tag_ != "NN" or _lemma(unit) in TIME_UNITS:
        return None  # ("$2.1 billion a year" is a yearly total, keyed as totals are)
    return unit


# verbs whose sum is a penalty, as written (the lemmatizer reads "fined" as "fin"): "fined the bank $20 million"
PENALTY_VERBS = frozenset("fine fines fined fining penalise penalises penalised penalize penalizes penalized".split())
# nouns for one company buying another: a story has one such deal, whoever's side a sentence takes
DEAL_NOUNS = frozenset("""deal acquisition takeover purchase merger buyout sale bid offer transaction
tie-up""".split())


def _whose(topic: "Token | None") -> str | None:
    """A proper modifier of what a sum or share is of: 'European exporters' vs 'Alliance exporters'."""
    if topic is None:
        return None
    def proper(tok: "Token") -> list[str]:
        return [c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < tok.i
                and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))]

    names = proper(topic)
    if not names:  # "the saving for EU exporters"
        for prep in (c for c in topic.children if c.dep_ == "prep" and c.lower_ in ("for", "of")):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                names = [pobj.lower_] if pobj.pos_ == "PROPN" else proper(pobj)
    return " ".join(names) or None


# verbs that only pass a number on: they say who gives it, never what it counts
SAYING_VERBS = frozenset("say tell state report claim note add cite quote write".split())
# conjunctions of a clause that sets another party's act against what was said: "..., while X pledged"
CONTRAST_MARKS = frozenset("while whereas whilst".split())
# named subjects of a money verb that give or get a sum themselves: a body, a country, a people
GIVER_ENTITIES = frozenset({"ORG", "GPE", "NORP"})


def _giver(verb: "Token | None", topic: "Token | None") -> str | None:
    """Who pledges, spends or receives a sum, as a name's last word: two donors' sums are two quantities."""
    if verb is None or verb.lemma_.lower() not in MONEY_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or (topic is not None and subj.i == topic.i) or subj.pos_ not in ("PROPN", "NOUN"):
        return None
    return subj.text.lower()
