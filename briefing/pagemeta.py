"""Metadata written in the text of a scraped page: date lines, sign-offs, mastheads, front matter.

These are small parsers of one line each. Which lines they are asked about (the header and byline
area, the tail) is decided by :mod:`briefing.chrome`, so that a date inside an article sentence is
never read as the publication date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

# ---------------------------------------------------------------- dates

_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"

_DATE_PATTERNS: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), ("y", "m", "d")),
    (re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)"), ("d", "m", "y")),
    (re.compile(r"\b(" + _MON + r")\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I), ("M", "d", "y")),
    (re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + _MON + r"),?\s+(\d{4})\b", re.I), ("d", "M", "y")),
]


def _month(word: str) -> int | None:
    word = word.lower().rstrip(".")
    for name, number in _MONTHS.items():
        if len(word) >= 3 and name.startswith(word[:3]) and (len(word) == 3 or name.startswith(word)
                                                              or word == "sept"):
            return number
    return None


def find_date(s: str) -> tuple[date, int, int] | None:
    """The first full calendar date written in a usual news form, with where it is in ``s``."""
    found: list[tuple[int, int, date]] = []
    for rx, order in _DATE_PATTERNS:
        for m in rx.finditer(s):
            parts = dict(zip(order, m.groups()))
            month = _month(parts["M"]) if "M" in parts else int(parts["m"])
            day = int(parts["d"])
            if "m" in parts and order[0] == "d" and month > 12 >= day:
                day, month = month, day  # 04/28/2025: a US month-first date
            try:
                found.append((m.start(), m.end(), date(int(parts["y"]), month or 0, day)))
            except ValueError:
                continue
            break
    if not found:
        return None
    start, end, value = min(found)
    return value, start, end


def parse_date_line(s: str) -> date | None:
    """A full date written in one of the usual news forms, or None."""
    hit = find_date(s)
    return hit[0] if hit else None


_DATE_LABEL = re.compile(r"^\s*(?:(published|posted|updated|modified|last updated|first published|date|"
                         r"publication date|dated|released?)\b\s*(?:on|at)?\s*:?\s*)?", re.I)
_DATE_FILLER = re.compile(r"(?:\s*(?:[,·•|()\-–—/]|T(?=\d)|\b(?:at|on)\b|\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?|"
                          r"\b[ap]\.?m\b\.?|\b(?:utc|gmt|cet|cest|eet|eest|msk|est|edt|cst|cdt|pst|pdt|kst|jst|"
                          r"bst|ist)\b|\bz\b|(?<=\d)z\b|[+-]\d{2}:?\d{2})\s*)+", re.I)


@dataclass
class DateLine:
    """A line that starts with (or is) a date: the date, its label, and where the rest of the line starts."""

    value: date
    label: str          # "published", "updated", ... or "" when unlabelled
    rest_start: int     # offset in the line after the date and its time/zone


def read_date_line(line: str) -> DateLine | None:
    """A header date line: a labelled or bare date at the start of the line ("date 2025-04-28 ...",
    "Published on: 2025/04/28 10:00", "Mon 28 Apr 2025", "Updated: Mar 12, 2026")."""
    label_m = _DATE_LABEL.match(line)
    label = (label_m.group(1) or "").lower() if label_m else ""
    at = label_m.end() if label_m else 0
    day_m = re.match(_DAY, line[at:], re.I)
    if day_m:
        at += day_m.end()
    hit = find_date(line[at:])
    if hit is None or hit[1] != 0:
        return None
    rest = at + hit[2]
    filler = _DATE_FILLER.match(line, rest)
    if filler:
        rest = filler.end()
    if label.startswith(("last", "modified")):
        label = "updated"
    return DateLine(hit[0], label, rest)


_LABEL_ANYWHERE = re.compile(r"\b(published|posted|updated|modified|dated)\b", re.I)


def read_byline_date(line: str) -> DateLine | None:
    """A date inside a short byline row ('By A. Writer — 11 March 2026 — 6 min read'); the caller makes
    sure the line is short and no sentence."""
    hit = find_date(line)
    if hit is None:
        return None
    label_m = _LABEL_ANYWHERE.search(line[:hit[1]])
    label = label_m.group(1).lower() if label_m else ""
    return DateLine(hit[0], "updated" if label == "modified" else label, len(line))


# ---------------------------------------------------------------- datelines

# A wire dateline opens the first paragraph: 'KAMPALA -', 'LIMA, March 10 -', 'SPRINGFIELD, Ill., Oct. 4 (AP) —',
# 'Harbourton, Eastland, 15 October (Coastal Wire) – '. The place is upper case, or title case when a date or an
# agency in brackets follows (a title-case word and a comma alone open many ordinary sentences).
_DATELINE_CAPS_PLACE = r"[A-Z][A-Z.'’-]{2,}(?:\s[A-Z][A-Z.'’-]*){0,3}"
_DATELINE_TITLE_PLACE = r"[A-Z][a-z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2}"
_DATELINE_REGION = r"(?:,\s*[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,2})"        # ', Eastland', ', Ill.', ', N.Y.'
_DATELINE_DAY = r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?),?"
_DATELINE_DATE = (r"(?i:" + _MON + r"\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON
                  + r")(?:,?\s+\d{4})?")
# the date may also follow the place after a dash of its own: 'VANCOUVER, B.C. -- Friday, June 5th, 2026 -- '
_DATELINE_WHEN = (r"(?:,\s*(?:" + _DATELINE_DAY + r"\s+)?" + _DATELINE_DATE
                  + r"|,\s*" + _DATELINE_DAY + r"(?=\s*[-–—(:])"
                  + r"|\s*[-–—]{1,2}\s*(?:" + _DATELINE_DAY + r"\s+)?" + _DATELINE_DATE + r"(?=\s*[-–—(]))")
_DATELINE_AGENCY = r"(?:\s*\([^()]{1,40}\)|\s+/[A-Za-z][^/\n]{1,38}/)"   # '(Coastal Wire)', '/PRNewswire/'
# a title-case place with only an agency after it is one word or has a region ('Geneva (Wire) -'), so that an
# organisation with its acronym ('Health Ministry (MOH) - ...') is not read as one
DATELINE = re.compile(r"^(?:" + _DATELINE_CAPS_PLACE + _DATELINE_REGION + r"{0,2}" + _DATELINE_WHEN + r"?"
                      + _DATELINE_AGENCY + r"?|" + _DATELINE_TITLE_PLACE + _DATELINE_REGION + r"{0,2}"
                      + _DATELINE_WHEN + _DATELINE_AGENCY + r"?|" + _DATELINE_TITLE_PLACE + _DATELINE_REGION
                      + r"{1,2}" + _DATELINE_AGENCY + r"|[A-Z][a-z][\w'’-]*" + _DATELINE_AGENCY + r")"
                      + r"\s*[-–—:]+\s*")


def dateline_end(sentence: str) -> int:
    """Where the article's own words start after a leading wire dateline (0 when there is none)."""
    m = DATELINE.match(sentence)
    return m.end() if m else 0


def dateline_date(sentence: str) -> date | None:
    """The full date a leading dateline gives: 'Port Mirren, 3 March 2031 - ...' -> 2031-03-03 (None when it
    has no date or no year: 'LIMA, March 10 -')."""
    m = DATELINE.match(sentence) or DATELINE.match(sentence + " —")    # also a dateline alone on its line
    return parse_date_line(m.group(0)) if m else None


def dateline_agency(sentence: str) -> str | None:
    """The news agency a dateline names in brackets: 'LIMA, March 10 (Andes Wire) - ...' -> 'Andes Wire'."""
    m = DATELINE.match(sentence)
    agency = re.search(r"\(([^()]{1,40})\)\s*[-–—:]+\s*$", m.group(0)) if m else None
    if agency is None:
        return None
    name = agency.group(1).strip()
    words = name.split()
    if not all(w[:1].isupper() or w.lower() in ("of", "and", "&") for w in words) or find_date(name):
        return None
    return name


def is_dateline_line(line: str) -> bool:
    """A whole line that is a wire dateline; its closing dash may be left off."""
    closed = line if line.endswith(("-", "–", "—", ":")) else line + " —"
    return dateline_end(closed) == len(closed)


# ---------------------------------------------------------------- outlets

# Words that make up the names of news outlets in many countries (general, not any one site's name).
OUTLET_WORDS = frozenset("""news times post journal herald tribune daily guardian telegraph gazette press radio tv
television agency observer chronicle express mail today review insider wire media network broadcasting
newspaper magazine weekly monitor standard independent star sun mirror courier dispatch bulletin report
reporter world online channel voice sentinel examiner inquirer enquirer ledger beacon clarion advertiser
messenger recorder""".split())

# Job titles: 'Ana Ruiz, Communications Officer' under a press contact is a person and her post, never an
# outlet (even though 'press' or 'news' may stand in the title: 'Senior Press Officer', 'News Editor')
JOB_TITLE_WORDS = frozenset("""officer officers director directors manager managers spokesperson spokesman
spokeswoman spokespeople coordinator co-ordinator head chief executive president vice-president secretary
adviser advisor assistant specialist analyst consultant liaison administrator chairman chairwoman chair ceo cfo
coo vp associate intern strategist representative counsel commissioner minister editor editors correspondent
producer presenter anchor""".split())

# words that label a kind of document: 'Press release', 'News release', 'Media advisory'
DOCUMENT_LABELS = frozenset("release releases statement statements advisory announcement bulletins".split())

_NAME = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){1,3}"
_OUTLET = r"(?:The |the )?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&)){0,4}"
_SIGNOFF = re.compile(r"^(?:(?:[Bb]y|BY|[Rr]eporting by|[Ww]ritten by)\s+)?(" + _NAME + r"),\s*(" + _OUTLET + r")\s*[.]?$")
_BYLINE = re.compile(r"^(?:[Bb]y|BY)\s+(" + _NAME + r"(?:(?:,\s*|\s+and\s+|\s*&\s*)" + _NAME + r")*)(?:\s*(?:,|\||for|-|–|—)\s*(" + _OUTLET + r"))?\s*[.]?$")
# a copyright holder may be a long official name ('Ministry of Commerce of the Republic of Vellandia')
_HOLDER = r"(?:The |the )?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&|the|for)){0,8}"
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(" + _HOLDER + r")",
                        re.I)
_COMPANY_SUFFIX = re.compile(r"(?:\s+(?:publishing|publications|media|group|holdings|company|co\.?|corp\.?|"
                             r"ltd\.?|limited|llc|inc\.?|plc|gmbh|s\.?a\.?|pty|b\.?v\.?))+\.?$", re.I)
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?([a-z0-9-]{2,}(?:\.[a-z]{2,}){1,2})/?$", re.I)


def signoff_outlet(line: str) -> str | None:
    """'Bae Eun-ji, Arirang News.' -> 'Arirang News': a reporter's sign-off naming the outlet."""
    m = _SIGNOFF.match(line.strip())
    if not m or is_dateline_line(line.strip()):
        return None         # 'NEW DELHI, Thursday': a dateline above the first paragraph, not a sign-off
    outlet = m.group(2).strip().rstrip(".")
    return None if is_job_title(outlet) else outlet


def is_job_title(name: str) -> bool:
    """'Communications Officer', 'Head of Media Relations', 'Senior Press Officer': a post, not an outlet."""
    return any(_plain(w) in JOB_TITLE_WORDS for w in name.split())


def byline_outlet(line: str) -> tuple[str, str | None] | None:
    """'By Jane Doe, The Daily Planet' -> ('Jane Doe', 'The Daily Planet'); None for a line that is no byline."""
    m = _BYLINE.match(line.strip())
    if not m:
        return None
    names = m.group(1)
    outlet = m.group(2).strip() if m.group(2) else None
    if outlet is None and "," in names:
        # the list of names also takes a site name after a comma: "By Jane Doe, Harbour Daily News"
        head, _, last = names.rpartition(",")
        if masthead_outlet(last.strip()) or is_domain(last.strip()):
            names, outlet = head.strip(), last.strip()
    if outlet and not (masthead_outlet(outlet) or is_domain(outlet)):
        outlet = None       # "By Tom Ellery, Chief Football Writer": a job title, not an outlet
    return names, outlet


# the separators of a meta row: 'Coastal Wire · 3 March 2031 · By Ana Ruiz', 'Harbour Times | 12 May 2030'
_ROW_SEPARATOR = re.compile(r"\s+[·•|—–-]\s+|\s*\|\s*")
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$", re.I)
_STAFF_SUFFIX = re.compile(r"\s+(?:staff|desk|team|newsroom|reporters?|correspondents?|editors?)$", re.I)
_CAMEL_CASE = re.compile(r"^(?!(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|O['’]))[A-Z][a-z]+(?:[A-Z][a-z]*)+$")


def row_outlet(line: str) -> str | None:
    """The outlet named in a separator-structured meta row ('Coastal Wire · 3 March 2031 · By Ana Ruiz',
    '*Harbour Times | Tuesday 12 May 2030*'): one part is a date, a time or a byline, and another is a
    site name. None for a line that is no such row."""
    named = re.match(r"^([^,]{2,60}),\s+(.+)$", line.strip(" \t*_"))
    if named and _is_date_part(named.group(2)):
        # 'Lakeland Ledger, 15 March 2031': the site's name, then the date; a place before the date ('Sun City,
        # 3 May') is no outlet, so the name must end in an outlet word or be a broadcaster's
        outlet = _outlet_name(named.group(1))
        ends_like_outlet = _plain(named.group(1).split()[-1]) in OUTLET_WORDS
        return outlet if outlet and (ends_like_outlet or _BROADCASTER.match(named.group(1))) else None
    parts = [p.strip(" \t*_") for p in _ROW_SEPARATOR.split(line.strip(" \t*_"))]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return None
    anchored, candidates = False, []
    for part in parts:
        byline = byline_outlet(part)
        if byline is not None:
            anchored = True
            if byline[1]:
                candidates.append(byline[1])
        elif _TIME.match(part) or _is_date_part(part):
            anchored = True
        else:
            candidates.append(part)
    if not anchored:
        return None
    for part in candidates:
        outlet = _outlet_name(part)
        if outlet:
            return outlet
    return None


def _is_date_part(part: str) -> bool:
    hit = read_date_line(part)
    return hit is not None and not part[hit.rest_start:].strip(" ,.")


def _outlet_name(part: str) -> str | None:
    """A site name standing alone: 'Coastal Wire', 'harbourtimes.com', 'TechLedger', 'Coastal Wire staff'."""
    part = _STAFF_SUFFIX.sub("", part)
    part = re.sub(r"^(?:[Bb]y|BY)\s+(?:the\s+)?", "", part)      # 'By Ledger staff': the desk's site, not 'By Ledger'
    if _CAMEL_CASE.match(part):
        return part
    if is_domain(part):
        return _DOMAIN.match(part).group(1)
    return masthead_outlet(part)


# the legal and service links of a page footer, which follow the copyright holder on one line
# ('© 2030 Some Media. Imprint | Privacy | Terms'): never part of a site's name
_FOOTER_LINK = re.compile(r"(?:[.|·•,]\s*|\s+)\b(?:imprint|impressum|legal|privacy|terms|contact|cookies?|"
                          r"disclaimer|sitemap|site map|accessibility|careers|jobs|advertise|about us|"
                          r"all rights)\b.*$", re.I)
# a full stop after a word of three or more letters ends the name ('Some Media. Imprint'; not 'U.S. News')
_NAME_END = re.compile(r"(?<=[a-z]{3})\.\s.*$")


def copyright_outlet(line: str) -> str | None:
    """'© 2025 Some Outlet. All rights reserved.' -> 'Some Outlet'."""
    m = _COPYRIGHT.match(line.strip())
    if not m:
        return None
    name = _NAME_END.sub("", _FOOTER_LINK.sub("", m.group(1)))
    name = re.split(r"\s*[.|,]\s*(?:all rights|$)", name, maxsplit=1, flags=re.I)[0].strip()
    name = _COMPANY_SUFFIX.sub("", name).strip(" ,.")
    name = re.sub(r"(?:\s+(?:of|and|&|the|for))+$", "", name)       # 'Ministry of Commerce of the' is cut short
    return name or None


# a broadcaster's masthead: a name with its band or medium and frequency, perhaps a tagline after a dash
# ('RIVERTON FM 101.7 - LOCAL NEWS', 'Radio Lakeside 88,2 | News and traffic', 'Valley 98.7 FM', 'Coast TV')
_STATION_WORD = r"[A-Z][\w&'’.-]*"
_FREQUENCY = r"\d{2,4}(?:[.,]\d{1,2})?(?:\s*(?:MHz|kHz|FM|AM))?"
_BROADCASTER = re.compile(
    r"^((?:The\s+)?(?:" + _STATION_WORD + r"\s+){1,3}(?:FM|AM|DAB|TV|Radio|RADIO)|(?:Radio|RADIO)(?:\s+"
    + _STATION_WORD + r"){1,3}|(?:" + _STATION_WORD + r"\s+){1,3}\d{2,3}[.,]\d\s*(?:FM|AM))"
    r"(?:\s+" + _FREQUENCY + r")?\s*(?:(?:[-–—|:·•]|\s[-–—|:·•]+\s)\s*[^.!?]{0,40})?$")


def masthead_outlet(line: str) -> str | None:
    """A site-name line: 'The Valley Courier', 'BBC News', 'example-news.com'."""
    s = line.strip()
    dm = _DOMAIN.match(s)
    if dm and not s.replace(".", "").isdigit():
        return dm.group(1)
    station = _BROADCASTER.match(s)
    if station:
        return display_case(station.group(1))
    # the masthead with the city it is printed in: 'THE HARBOUR POST — Dunmore', 'Valley Courier – Oban'
    name, dash, place = s.partition(" — ") if " — " in s else s.partition(" – ")
    if dash and 1 <= len(place.split()) <= 3 and all(w[:1].isupper() and w.isalpha() for w in place.split()):
        return masthead_outlet(name)
    words = s.split()
    if not 1 <= len(words) <= 5 or s.endswith((".", "?", "!", ":")) or _FOOTER_LINK.search(" " + s):
        return None
    capitalised = all(w[:1].isupper() or w.lower() in ("the", "of", "and", "&") for w in words)
    parts = [p for w in words for p in _plain(w).split("-")]
    if DOCUMENT_LABELS & set(parts) or JOB_TITLE_WORDS & set(parts):
        return None         # 'PRESS RELEASE', 'Media statement': what the page is, not whose; 'Press Officer'
    if capitalised and any(p in OUTLET_WORDS for p in parts) and len(words) >= 2:
        return display_case(s)
    return None


def display_case(name: str) -> str:
    """'THE CAPITAL DAILY' -> 'The Capital Daily'; short all-caps words stay acronyms ('BBC NEWS' -> 'BBC News')."""
    if not name.isupper():
        return name
    small = {"THE": "The", "OF": "of", "AND": "and", "FOR": "for", "DE": "de", "DEL": "del", "DES": "des",
             "DU": "du", "LA": "la", "DI": "di"}
    words = name.split()
    # 'MINISTRY OF DEFENCE OF THE REPUBLIC' -> '... of the Republic': 'The' is capital only first
    return " ".join(("the" if w == "THE" and i else small.get(w, w if len(w) <= 3 else
                                                         "-".join(part.capitalize() for part in w.split("-"))))
                    for i, w in enumerate(words))     # 'ASIA-PACIFIC' -> 'Asia-Pacific'



def _plain(word: str) -> str:
    word = word.lower().strip("'’.,")
    return word[:-2] if word.endswith(("'s", "’s")) else word


def is_domain(line: str) -> bool:
    return bool(_DOMAIN.match(line.strip()))


# ---------------------------------------------------------------- headline markers

# Labels a site puts on a headline that are not part of it: 'LIVE: ...', 'BREAKING - ...', 'Opinion: ...',
# '... – live updates', '... (updated)'. Upper case they may stand with a space alone ('LIVE  Port strike
# enters third day'); in other cases a colon or bar must follow.
_MARKER_WORDS = r"live(?: updates?| blog| coverage)?|breaking(?: news)?|updated?|watch|exclusive|opinion|just in"
# a wire service's slug before its headline: 'UPDATE 2-', 'REFILE-', 'CORRECTED-', 'WRAPUP 1-', 'FACTBOX-'
_WIRE_SLUG = (r"(?:UPDATE|WRAPUP|REFILE|CORRECTED|CORRECTION|RPT|REPEAT|FACTBOX|EXCLUSIVE|INSIGHT|ANALYSIS|"
              r"TIMELINE|EXPLAINER|BREAKINGVIEWS|BRIEF|URGENT|FLASH)(?:\s?\d{1,2})?(?:\s?-\s?|\s[-–—]\s)")
_LEADING_MARKER = re.compile(r"^(?:" + _WIRE_SLUG + r"|(?i:" + _MARKER_WORDS + r")\s*[:|]+|"
                             r"(?:LIVE|BREAKING(?: NEWS)?|UPDATED?|WATCH|EXCLUSIVE|OPINION|JUST IN)"
                             r"(?:\s*[|\-–—•·]+|(?=\s+[^\W\d_][^\s]*[a-z])))\s*")
_TRAILING_MARKER = re.compile(r"\s*(?:[:|\-–—•·]+\s*|\()(?i:live(?: updates?| blog| coverage| news)?|"
                              r"latest(?: updates?| news)?|as it happened|updated?|breaking)\)?\s*$")


def headline_bounds(title: str) -> tuple[int, int]:
    """Where the headline itself starts and ends in ``title`` once live-blog and kicker labels are cut off
    ('LIVE: Port strike enters third day' -> the span of 'Port strike enters third day')."""
    start, end = 0, len(title)
    lead = _LEADING_MARKER.match(title)
    if lead and len(title) - lead.end() >= 10:
        start = lead.end()
    trail = _TRAILING_MARKER.search(title, start)
    if trail and trail.start() - start >= 10:
        end = trail.start()
    return start, end


def strip_headline_markers(title: str) -> str:
    start, end = headline_bounds(title)
    return title[start:end]


# ---------------------------------------------------------------- front matter

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
FRONT_KEYS = ("title", "outlet", "url", "published", "date", "source", "site")


# a scraper's header without the --- fences: 'Title: ...', 'Source: ...', 'Date: ...' lines opening the file
_LABELLED_LINE = re.compile(r"[ \t]*(" + "|".join(FRONT_KEYS) + r")[ \t]*:[ \t]*(\S[^\r\n]*)\r?(?:\n|\Z)", re.I)
MIN_LABELLED_LINES = 2  # one 'Published: ...' line is a date line (read by the chrome pass), not a header block


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """The ``key: value`` pairs of a leading ``---`` block, or of a run of labelled lines that opens the file
    ("Title: ...", "Source: ...", two at least), and where the body starts (0 if none)."""
    m = _FRONT.match(text)
    if not m:
        return _labelled_header(text)
    values: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, sep, value = line.partition(":")
        key, value = key.strip().lower(), value.strip().strip("\"'")
        if sep and value and key in FRONT_KEYS:
            values.setdefault(key, value)
    return values, m.end()


def _labelled_header(text: str) -> tuple[dict[str, str], int]:
    at = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    values: dict[str, str] = {}
    lines = 0
    while (m := _LABELLED_LINE.match(text, at)) is not None:
        values.setdefault(m.group(1).lower(), m.group(2).strip().strip("\"'"))
        lines += 1
        at = m.end()
    return (values, at) if lines >= MIN_LABELLED_LINES else ({}, 0)
