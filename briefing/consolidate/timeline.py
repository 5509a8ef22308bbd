"""The timeline: one entry per dated happening, merged across sources, in date order.

Two candidates are the same happening when their dates are compatible (equal, or one is a coarser
reading of the other: "2024" and "2024-06") and their lines say the same thing (same main verb and
subject, or nearly the same words). The merged entry keeps the most precise date any source states,
the line of the source that states it, and the citations of every source.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

from briefing import dates
from briefing.summary import TimelineEntry

MAX_ENTRIES = 12
SAME_WORDS = 60      # % of the shorter line's content words the other must share to say the same thing
SAME_SUBJECT = 80
_STOP = frozenset("""the a an of to in on at by for with from and or but that which who this these those its their
his her has have had was were is are be been being as than into over under after before about said says according
also officially would could will may might should can not no more than between""".split())


# verbs of speech: two statements by one speaker on one day are two entries, not one happening
_SPEECH = frozenset({"say", "tell", "add", "note", "claim", "state", "stress", "insist", "argue", "warn", "write",
                     "quote", "reply", "respond", "comment", "explain", "suggest", "believe", "think"})
_PRONOUNS = frozenset({"he", "she", "it", "they", "this", "that", "we", "i", "you", "who", "which"})
# verbs that news lines use for one act (the first word of a group names it)
SAME_VERBS = (("declare", "announce", "proclaim"), ("begin", "start", "commence"), ("close", "shut", "seal"),
              ("end", "finish", "conclude"), ("arrive", "land", "reach"), ("approve", "adopt", "pass"),
              ("kill", "slay"), ("confirm", "verify"), ("reopen", "resume"))
# verbs that set a plan up: 'scheduled a hearing' is the plan of the act 'hear'
_PLANNING = frozenset({"schedule", "plan", "set", "slate", "arrange", "call"})
SAME_DAY_WORDS = 50  # % of stems two lines of one day must share (stems, not words: 'refers' ~ 'referring')


@dataclass
class _Cluster:
    entries: list[TimelineEntry] = field(default_factory=list)
    # one entry per distinct reading (line, date, verb, subject): a copy of a line already here matches
    # exactly what its first copy matches, so a new candidate is compared with each reading once
    readings: dict[tuple, TimelineEntry] = field(default_factory=dict)
    date: str = ""

    def add(self, entry: TimelineEntry) -> None:
        self.entries.append(entry)
        self.readings.setdefault(_reading(entry), entry)
        if len(entry.date) > len(self.date):
            self.date = entry.date

    @property
    def sources(self) -> set[str]:
        return {c.source for e in self.entries for c in e.citations}


def merge(candidates: list[TimelineEntry], reference: date | None = None) -> list[TimelineEntry]:
    """Merge per-document candidates; ``reference`` (the event's date) places dates of undated articles."""
    placed = [e for e in (_place(c, reference) for c in candidates) if e is not None]
    clusters: list[_Cluster] = []
    by_year: dict[str, list[_Cluster]] = {}  # only entries of one year can share a date (one is the other's prefix)
    # finest dates first, so that coarser readings join the precise entry
    for entry in sorted(placed, key=lambda e: -len(e.date)):
        year = by_year.setdefault(entry.date[:4], [])
        home = next((cl for cl in year if _same_happening(cl, entry)), None)
        if home is None:
            home = _Cluster()
            clusters.append(home)
            year.append(home)
        home.add(entry)
    kept = sorted(clusters, key=_importance)[:MAX_ENTRIES]
    return [_entry(cl) for cl in sorted(kept, key=lambda cl: cl.date)]


def _place(entry: TimelineEntry, reference: date | None) -> TimelineEntry | None:
    """A candidate with its date; an undated article's relative date is read against the event's date,
    never finer than a month (the article's own date is unknown)."""
    if entry.date:
        return entry
    expression = getattr(entry, "expression", "")
    if not expression or reference is None:
        return None
    when = dates.resolve(expression, reference, exact_reference=False, future=getattr(entry, "future", False))
    if when is None:
        return None
    clone = TimelineEntry(date=when, event=entry.event, citations=list(entry.citations))
    clone.verb = getattr(entry, "verb", "")  # type: ignore[attr-defined]
    clone.subject = getattr(entry, "subject", "")  # type: ignore[attr-defined]
    clone.subject_head = getattr(entry, "subject_head", "")  # type: ignore[attr-defined]
    return clone


def _reading(entry: TimelineEntry) -> tuple:
    """What _same_happening reads of an entry."""
    return (entry.event, entry.date, getattr(entry, "verb", ""), getattr(entry, "subject", ""),
            getattr(entry, "subject_head", ""))


def _compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


@lru_cache(maxsize=1 << 16)  # lines are compared pairwise: each is read once
def _words(text: str) -> str:
    return " ".join(w for w in re.findall(r"[a-z0-9][a-z0-9'-]*", text.lower()) if w not in _STOP)


@lru_cache(maxsize=1 << 16)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(_words(text).split())


@lru_cache(maxsize=1 << 16)
def _stems(text: str) -> frozenset[str]:
    """Content words cut to a rough stem, so that 'refers' ~ 'referring', 'crossings' ~ 'crossing'."""
    return frozenset(_root(w) for w in _words(text).split())


@lru_cache(maxsize=1 << 16)
def _root(word: str) -> str:
    """'ruling', 'ruled', 'rule' -> 'rul'; 'elections', 'elected' -> 'elect' (rough, for comparing lines)."""
    root = re.sub(r"(?:'s|ings?|ions?|ed|es|e|s)$", "", word) or word
    if root != word and re.search(r"([bdfglmnprt])\1$", root):
        root = root[:-1]  # 'referring' -> 'refer', 'planned' -> 'plan'
    return root


def _verb_class(lemma: str) -> str:
    return next((group[0] for group in SAME_VERBS if lemma in group), lemma)


def _same_day_same_act(a: TimelineEntry, b: TimelineEntry) -> bool:
    """One day, the same kind of act ('declared' ~ 'announced', 'closed' ~ 'shut', 'began' ~ 'begins'), and
    the lines share what it was done to (a content word beyond the verb), or one line is too short to say
    anything else ('The stoppage began')."""
    if a.date != b.date or dates.granularity(a.date) != "day":
        return False
    verb_a, verb_b = getattr(a, "verb", ""), getattr(b, "verb", "")
    if not verb_a or not verb_b or verb_a in _SPEECH \
            or getattr(a, "subject", None) == a.event or getattr(b, "subject", None) == b.event:
        return False  # (an event's noun phrase is no act: _noun_line_of compares those)
    stems_a, stems_b = _stems(a.event), _stems(b.event)
    if _verb_class(verb_a) != _verb_class(verb_b):
        # "the board has scheduled a hearing" ~ "the board will hear the parties": a plan and its act
        return verb_a in _PLANNING and _root(verb_b) in stems_a or verb_b in _PLANNING and _root(verb_a) in stems_b
    verb_stems = {_root(verb_a), _root(verb_b)}
    shared = (stems_a & stems_b) - verb_stems
    return bool(shared) or min(len(stems_a), len(stems_b)) <= 2


def _same_words(a: str, b: str) -> bool:
    """Most of the shorter line's content words are in the other (three at least)."""
    wa, wb = _word_set(a), _word_set(b)
    shared = wa & wb
    return len(shared) >= 3 and len(shared) >= SAME_WORDS / 100 * min(len(wa), len(wb))


def _same_happening(cluster: _Cluster, entry: TimelineEntry) -> bool:
    if not _compatible(cluster.date, entry.date):
        return False
    for other in cluster.readings.values():
        if _same_words(other.event, entry.event):
            return True
        if _same_day_same_act(other, entry) or _bare_noun_of(other, entry) or _bare_noun_of(entry, other) \
                or _noun_line_of(other, entry) or _noun_line_of(entry, other):
            return True
        if other.date == entry.date and dates.granularity(entry.date) == "day" \
                and _shared_share(other.event, entry.event) >= SAME_DAY_WORDS / 100:
            return True
        verb_a, verb_b = getattr(other, "verb", ""), getattr(entry, "verb", "")
        subj_a, subj_b = getattr(other, "subject", ""), getattr(entry, "subject", "")
        if verb_a and verb_a == verb_b and verb_a not in _SPEECH and subj_a and subj_b \
                and fuzz.token_set_ratio(subj_a.lower(), subj_b.lower()) >= SAME_SUBJECT:
            return True
        # "the mutual defence treaty was signed" ~ "the partnership treaty was signed", on the same day/month
        head_a, head_b = getattr(other, "subject_head", ""), getattr(entry, "subject_head", "")
        if verb_a and verb_a == verb_b and verb_a not in _SPEECH and other.date == entry.date \
                and head_a and head_b and not {head_a, head_b} & _PRONOUNS \
                and (head_a == head_b or head_a in _word_set(entry.event) or head_b in _word_set(other.event)):
            return True  # "the ministry declared the outbreak" ~ "the outbreak was declared", same day
        if other.date == entry.date and dates.granularity(entry.date) == "day" \
                and _same_actor(_actor(other), _actor(entry)) \
                and _figures(other.event) & _figures(entry.event):
            return True  # "the WHO reported 12 deaths" ~ "the World Health Organization said 12 people had died"
    return False


def _bare_noun_of(bare: TimelineEntry, full: TimelineEntry) -> bool:
    """A line that is only an event's noun ('Ruling', from "a 2016 ruling by a tribunal found ...") is the
    same happening as a line of a compatible date told with that noun's verb ('the tribunal ruled'), or as a
    line of the very same date that names it ('Ceasefire' ~ 'the two countries signed a ceasefire agreement',
    both 2001): the one word says nothing the line does not."""
    words = _words(bare.event).split()
    if len(words) != 1 or len(words[0]) < 4:
        return False
    verb = getattr(full, "verb", "")
    root = _root(words[0])
    return bool(verb) and (root == _root(verb) or bare.date == full.date and len(_stems(full.event)) > 1
                           and root in _stems(full.event))


def _noun_line_of(noun: TimelineEntry, full: TimelineEntry) -> bool:
    """An event's noun phrase ('Drone attack on the Harran refinery') and a line of the same day telling it
    ('Drones struck the Harran oil refinery'): two content words in common besides the event's noun."""
    if getattr(noun, "subject", None) != noun.event or noun.date != full.date or dates.granularity(noun.date) != "day":
        return False
    head = _root(getattr(noun, "verb", "") or "")
    return len((_stems(noun.event) & _stems(full.event)) - {head}) >= 2


def _shared_share(a: str, b: str) -> float:
    """How much of the shorter line's stems the other line has (0 when fewer than four are shared)."""
    sa, sb = _stems(a), _stems(b)
    shared = sa & sb
    return len(shared) / min(len(sa), len(sb)) if len(shared) >= 4 else 0.0


@lru_cache(maxsize=1 << 16)
def _figures(line: str) -> frozenset[str]:
    """The numbers a line states, years left out ("12", "4.5", "12,000")."""
    return frozenset(n.replace(",", "") for n in re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", line)
                     if not re.fullmatch(r"(?:1[89]|20)\d\d", n))


def _actor(entry: TimelineEntry) -> str:
    """Who the line is about: its subject, else its opening words (where a subject stands)."""
    return getattr(entry, "subject", "") or " ".join(entry.event.split()[:3])


def _same_actor(a: str, b: str) -> bool:
    """Two subjects naming one actor: nearly the same words, or one the initials of the other ('the WHO' ~
    'The World Health Organization')."""
    if not a or not b or {a.lower(), b.lower()} & _PRONOUNS:
        return False
    if fuzz.token_set_ratio(a.lower(), b.lower()) >= SAME_SUBJECT:
        return True
    return _initials(a) in _acronyms(b) or _initials(b) in _acronyms(a)


def _acronyms(text: str) -> set[str]:
    return {w for w in re.findall(r"\b[A-Z]{2,6}\b", text)}


def _initials(text: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if w.lower() not in ("the", "of", "for", "and", "on")]
    return "".join(w[0] for w in words if w[0].isupper())


def _importance(cluster: _Cluster) -> tuple:
    """Happenings before milestones still to come (which only fill spare room), then more sources first,
    then finer dates."""
    return (_milestone(cluster), -len(cluster.sources), -len(cluster.date))


def _milestone(cluster: _Cluster) -> bool:
    """A month still to come ("the line reopens at the end of January"); a plan with its day is kept as a
    happening ("ministers will meet on Friday")."""
    return len(cluster.date) == 7 and all(getattr(e, "future", False) for e in cluster.entries)


def _agentless_passive(line: str) -> bool:
    """'The outbreak was declared': a line that says what was done but not by whom."""
    return re.search(r"\b(?:was|were|been)\s+\w+(?:ed|en|wn|ne)\b(?:\s+\w+){0,5}$", line) is not None \
        and not re.search(r"\bby\b|\baccording to\b", line)


def _entry(cluster: _Cluster) -> TimelineEntry:
    best_date = cluster.date
    precise = [e for e in cluster.entries if e.date == best_date]
    # the line most like the others' (what the sources agree on), shorter on ties
    # a line with its own subject ("the ministry declared the outbreak") over a passive one ("the outbreak
    # was declared"), then the line most like the others' (what the sources agree on), shorter on ties
    lines = Counter(e.event for e in cluster.entries)  # many sources can write one line: score it once
    likeness = {line: sum(n * fuzz.token_set_ratio(_words(line), _words(other)) for other, n in lines.items())
                for line in {e.event for e in precise}}
    line = max(precise, key=lambda e: (len(e.event.split()) > 1, getattr(e, "subject", None) != e.event,
                                       not _agentless_passive(e.event),
                                       bool(getattr(e, "subject", "")),
                                       likeness[e.event], -len(e.event)))
    # each citation once, in order (a dict finds repeats at once, however many sources)
    citations = dict.fromkeys(c for e in [line] + [e for e in cluster.entries if e is not line] for c in e.citations)
    return TimelineEntry(date=best_date, event=line.event, citations=list(citations))


__all__ = ["merge", "MAX_ENTRIES", "dates"]
