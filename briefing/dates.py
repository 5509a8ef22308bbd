"""Date expressions as written in news text, resolved against a reference (publication) date.

``resolve("in March", date(2025, 4, 28))`` -> ``"2025-03"``: the result is never more precise than the
text ("last fall" -> a year, "in March" -> a month, "on Monday" -> a day only when the reference is the
article's own publication date). Durations ("six months"), ages and year ranges used as descriptors
("the 1950-53 war") are not dates and resolve to ``None``.

dateparser is used for the absolute formats it reads well ("Oct. 3, 2024", "3/4/2025"), always with
``RELATIVE_BASE`` and with its reported granularity (``period``) checked against what the text states.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# season -> (first month, last month); winter spans two years and so never resolves to one year
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}
_NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_NUMBER_WORDS |= {"a": 1, "an": 1, "several": None, "a few": None, "few": None}

_MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" \
            r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR_RE = r"((?:1[89]|20)\d{2})"
# a bare number + unit with no anchor word is a duration, not a date ("six months", "two days")
_AMOUNT_RE = r"(\d+|" + "|".join(k for k in _NUMBER_WORDS if k) + r")"
_UNIT_RE = r"(day|week|month|year|decade)s?"
_PART_OF_DAY_OF = re.compile(r"^(?:the\s+)?(?:(?:early|small|late|wee)\s+)?(?:hours|night|morning|afternoon|evening)"
                             r"\s+of\s+")
_FILLER = re.compile(r"^(?:(?:on|in|at|by|since|from|during|over|of|the|this past|past|around|about|as of|"
                     r"early|earlier|late|later|mid|middle of|end of|beginning of|start of|until|through)\b[\s-]*)+")


def _month(word: str) -> int | None:
    return _MONTH_ABBR.get(word.lower().rstrip(".")[:4] if word.lower().startswith("sept") else word.lower()[:3])


def granularity(iso: str | None) -> str | None:
    """'year', 'month' or 'day' for an ISO string of that precision."""
    if not iso:
        return None
    return {4: "year", 7: "month", 10: "day"}.get(len(iso))


def is_duration(expr: str) -> bool:
    """'six months', 'over two days', '48 hours': a length of time, not a point in time."""
    low = _clean(expr)
    if re.search(r"\b(ago|earlier|later|before|after|last|next|this|previous|following)\b", low):
        return False
    return bool(re.fullmatch(r"(?:(?:more than|less than|nearly|almost|some|about|over|up to|at least)\s+)?"
                             + _AMOUNT_RE + r"[\s-]+(?:(?:and a half|full)\s+)?" + r"(day|night|week|weekend|fortnight|"
                             r"month|year|decade|hour|minute|second)s?(?:\s+(?:long|old))?", low))


def count_word(word: str) -> int | None:
    """'five' -> 5, '12' -> 12, 'a' -> 1; None for words that name no exact count ('several')."""
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def is_year_range(expr: str) -> bool:
    """'1950-53', 'the 1990s', '2019-2021': spans and decades, used as descriptors rather than happenings."""
    low = _clean(expr)
    return bool(re.search(r"\b(1[89]|20)\d{2}\s*[-–—/]\s*\d{2,4}\b(?![-/]\d)|\b(1[89]|20)\d0s\b|\bcentury\b", low))


def _clean(expr: str) -> str:
    low = expr.lower().replace("’", "'").strip(" ,.;:'\"")
    return re.sub(r"\s+", " ", low)


@lru_cache(maxsize=1 << 14)  # many sources write the same expressions against one publication date
def resolve(expr: str, reference: date | None, *, exact_reference: bool = True,
            future: bool = False) -> str | None:
    """ISO date (YYYY, YYYY-MM or YYYY-MM-DD) of a date expression, or None when it cannot be placed.

    ``reference`` is the publication date; ``exact_reference=False`` says it is only an estimate (the
    article's own date is unknown), so nothing day-precise is derived from it. ``future`` says the
    governing verb looks ahead ("will meet on Friday"), so bare weekdays and months resolve forward.
    """
    low = _clean(expr)
    if not low or is_duration(low) or is_year_range(low):
        return None
    low = re.sub(r"'s$", "", low)
    low = _PART_OF_DAY_OF.sub("", low)  # "the night of October 12" is October 12
    for rule in (_absolute, _relative_year, _seasonal, _weekday, _deictic, _ago):
        hit = rule(low, reference, exact_reference, future)
        if hit is not None:
            return hit or None  # "" means: recognised, but cannot be placed
    return _with_dateparser(low, reference, exact_reference)


def _absolute(low: str, ref: date | None, exact: bool, future: bool) -> str | None:
    """Month/day/year as written; a missing year comes from the reference (past unless ``future``)."""
    core = _FILLER.sub("", low)
    m = (re.fullmatch(_MONTH_RE + r"(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(?:of\s+)?" + _YEAR_RE + r")?", core)
         or re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"(?:,?\s+" + _YEAR_RE + r")?", core))
    if m:
        groups = m.groups()
        if groups[0].isdigit():
            day, month_word, year = groups
        else:
            month_word, day, year = groups
        month = _month(month_word)
        if month is None:
            return None
        if year:
            y = int(year)
        elif ref is None:
            return ""
        else:
            y = _nearest_year(month, ref, future)
        return _iso(y, month, int(day) if day else None)
    m = re.fullmatch(_YEAR_RE, core)
    if m:
        return m.group(1)
    m = re.fullmatch(_YEAR_RE + r"-(\d{2})(?:-(\d{2}))?", core)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None)
    # "last June": the latest June before the reference month; "this June" / "next June"
    m = re.fullmatch(r"(last|this|next|past)\s+" + _MONTH_RE, low)
    if m:
        if ref is None:
            return ""
        month = _month(m.group(2))
        if month is None:
            return None
        which = m.group(1)
        if which in ("last", "past"):
            year = ref.year if month < ref.month else ref.year - 1
        elif which == "next":
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year
        return _iso(year, month, None)
    # "June last year", "October of last year", "March this year", "early November last year"
    m = re.fullmatch(_MONTH_RE + r"(?:\s+(\d{1,2}))?\s+(?:of\s+)?(last|this|next) year", core)
    if m:
        if ref is None:
            return ""
        shift = {"last": -1, "this": 0, "next": 1}[m.group(3)]
        return _iso(ref.year + shift, _month(m.group(1)), int(m.group(2)) if m.group(2) else None)
    return None


def _nearest_year(month: int, ref: date, future: bool) -> int:
    if future:
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def _iso(y: int, month: int | None, day: int | None) -> str | None:
    if month is None:
        return f"{y:04d}"
    if day is None:
        return f"{y:04d}-{month:02d}"
    try:
        return date(y, month, day).isoformat()
    except ValueError:
        return None


def _relative_year(low: str, ref: date | None, exact: bool, future: bool) -> str | None:
    m = re.fullmatch(r"(?:.*\b)?(last|this|next|previous|the previous|the following) year(?:'s)?", low)
    if not m:
        return None
    if ref is None:
        return ""
    shift = {"last": -1, "previous": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}[m.group(1)]
    return f"{ref.year + shift:04d}"


def _seasonal(low: str, ref: date | None, exact: bool, future: bool) -> str | None:
    m = re.search(r"\b(last|this|next|in the|the)?\s*(spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?(" +
                  _YEAR_RE[1:-1] + r"|last year|this year))?", low)
    if not m:
        return None
    which, season, year = m.groups()
    if year and year[0].isdigit():
        return year if season != "winter" else ""
    if ref is None or season == "winter":
        return ""
    if year == "last year":
        return f"{ref.year - 1:04d}"
    if year == "this year":
        return f"{ref.year:04d}"
    first, last = _SEASONS[season]
    if which == "last":  # the latest such season already over
        return f"{ref.year if ref.month > last else ref.year - 1:04d}"
    if which == "next":
        return f"{ref.year if ref.month < first else ref.year + 1:04d}"
    return f"{ref.year:04d}"  # "this fall", "in the spring": the current year


def _weekday(low: str, ref: date | None, exact: bool, future: bool) -> str | None:
    m = re.fullmatch(r"(?:.*\b)?(last|this|next|this past|past)?\s*(" + "|".join(WEEKDAYS) +
                     r")(?:\s+(?:morning|afternoon|evening|night))?(?:\s+local time)?", _FILLER.sub("", low))
    if not m:
        return None
    if ref is None or not exact:
        return ""  # a weekday names a day only relative to a known publication date
    target = WEEKDAYS.index(m.group(2))
    if m.group(1) == "next" or (future and m.group(1) != "last"):
        ahead = (target - ref.weekday()) % 7 or 7
        return (ref + timedelta(days=ahead)).isoformat()
    back = (ref.weekday() - target) % 7
    if m.group(1) == "last" and back == 0:
        back = 7
    return (ref - timedelta(days=back)).isoformat()


def _deictic(low: str, ref: date | None, exact: bool, future: bool) -> str | None:
    # "yesterday evening", "tomorrow morning": the part of day names no other day
    core = re.sub(r"^(yesterday|tomorrow|today)\s+(?:morning|afternoon|evening|night)(?:\s+local time)?$", r"\1",
                  _FILLER.sub("", low))
    # "overnight" in a report is the night that ends on its publication day: the day it is published
    days = {"today": 0, "tonight": 0, "overnight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
            "yesterday": -1, "tomorrow": 1, "last night": -1, "the day before yesterday": -2}
    if core in days or low in days:
        if ref is None or not exact:
            return ""
        return (ref + timedelta(days=days.get(core, days.get(low, 0)))).isoformat()
    if re.fullmatch(r"(?:earlier |later )?this (?:month)", core) or core in ("this month", "earlier this month"):
        return "" if ref is None else f"{ref.year:04d}-{ref.month:02d}"
    if core in ("last month", "the previous month"):
        return "" if ref is None else (ref - relativedelta(months=1)).strftime("%Y-%m")
    if core in ("next month",):
        return "" if ref is None else (ref + relativedelta(months=1)).strftime("%Y-%m")
    if re.fullmatch(r"(?:this|last|next|the) (?:week|weekend)|weekend|week", core):
        if ref is None or not exact:
            return ""
        start, end = _week_span(core, ref)
        # a week names no single day; its month only when it lies inside one month
        return start.strftime("%Y-%m") if (start.year, start.month) == (end.year, end.month) else ""
    return None


def _week_span(core: str, ref: date) -> tuple[date, date]:
    if "weekend" in core:
        back = (ref.weekday() - 5) % 7  # the latest Saturday on or before the reference
        if "next" in core:
            back -= 7
        sat = ref - timedelta(days=back)
        return sat, sat + timedelta(days=1)
    monday = ref - timedelta(days=ref.weekday())
    if "last" in core:
        monday -= timedelta(days=7)
    elif "next" in core:
        monday += timedelta(days=7)
    return monday, monday + timedelta(days=6)


def _ago(low: str, ref: date | None, exact: bool, future: bool) -> str | None:
    m = re.fullmatch(r"(?:.*\b)?" + _AMOUNT_RE + r"\s+" + _UNIT_RE + r"\s+ago", low)
    if not m:
        return None
    n = _NUMBER_WORDS.get(m.group(1)) if not m.group(1).isdigit() else int(m.group(1))
    if n is None or ref is None:
        return ""
    unit = m.group(2)
    if unit == "day":
        return (ref - timedelta(days=n)).isoformat() if exact else ""
    if unit == "week":
        return ""
    if unit == "month":
        return (ref - relativedelta(months=n)).strftime("%Y-%m")
    if unit == "year":
        return f"{ref.year - n:04d}"
    return ""


@lru_cache(maxsize=1)
def _parser_class():
    from dateparser.date import DateDataParser  # imported lazily: it loads its language data

    return DateDataParser


MIN_YEAR = 1800  # dates a news story can mean
MAX_YEARS_AHEAD = 100


@lru_cache(maxsize=16)
def _parser(ref: date | None):
    """One dateparser per reference date: making one costs about 20 ms, more than what it then parses."""
    base = datetime.combine(ref, datetime.min.time()) if ref else datetime(1900, 1, 1)
    return _parser_class()(languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                                                       "STRICT_PARSING": False})


def _with_dateparser(low: str, ref: date | None, exact: bool) -> str | None:
    """Other absolute formats ("3/4/2025", "2025-04-26"), trusted only to the precision the text states."""
    if not re.search(r"\d", low):
        return None  # words dateparser might read relative to today ("soon", "recently") are not dates here
    has_year = re.search(r"\b(1[89]|20)\d{2}\b", low) is not None
    if not has_year and ref is None:
        return None
    try:
        data = _parser(ref).get_date_data(low)
    except Exception:  # dateparser raises assorted errors on odd input; an unreadable date is no date
        return None
    if data is None or data.date_obj is None:
        return None
    d = data.date_obj.date()
    if not MIN_YEAR <= d.year <= (ref.year if ref else date.today().year) + MAX_YEARS_AHEAD:
        return None  # 'June 9713', 'April 53': a number next to a month, not a year
    period = data.period or "day"
    if period == "year":
        return f"{d.year:04d}"
    if period == "month":
        return d.strftime("%Y-%m")
    if period == "day" and (has_year or exact) and re.search(r"\b\d{1,2}\b", re.sub(r"\b\d{4}\b", "", low)):
        return d.isoformat()
    return None
