"""Relevance: drop what a source says about another topic than the event.

A question-and-answer source (a press-conference transcript, an interview) takes questions on unrelated
matters too. Its topical units (each labelled question with its answers, each announcement before the
first question) are compared with the event core: the salient terms (proper names and content words) that
most of the OTHER sources use. A unit is off-topic when it shares almost none of them, few of its terms
occur in any other source at all, and it names someone or something no other source names. Candidates
cited only in off-topic units go; an item also cited elsewhere only loses those citations.

An ordinary article is left alone: measured the same way, a side quote or a short paragraph of a
single-topic story often looks just as unrelated (tried on the regression sets: it would cost real
reactions), while a transcript is known to change topic at each question.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.extract import DocumentExtraction
    from briefing.ingest import Document

MIN_SOURCES = 3          # the core needs other sources to agree on it
MIN_BLOCK_WORDS = 8      # headings and captions are too short to judge
MAX_SHARED = 2           # a unit sharing more core terms than this is on topic
MAX_KNOWN_SHARE = 0.4    # ... and so is one whose terms other sources use this much

# function words and words of any news story (dates, counting, saying): no topic in them
_GENERIC = frozenset("""the a an of to in on at by for with from and or but nor that which who whom whose this
these those its their his her him has have had was were is are be been being as than into over under after
before about said says say saying told tell also it they them he she we not no will would could can may might
shall should must while when where there here other more most our us you your i me my all any some such one two
three four five six seven eight nine ten said according new last first second year years day days week weeks
month months time times today yesterday tomorrow tonight next due did does do done what how why if so then just
only very still even again already well per cent percent number way part lot many much few several each every
both either neither between among within without against during since until upon via monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august september october november
december mr ms mrs dr sir mister madam question questions answer comment comments thank thanks please""".split())
_NAME = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:of\s+|the\s+|for\s+|de\s+|and\s+)?[A-Z][\w'’-]*)*")
_WORD = re.compile(r"\b[A-Za-z][a-z'’-]{3,}\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”—–-]\s*|\n\s*)$")  # read on the few characters before a word


@dataclass
class BlockTerms:
    start: int
    end: int
    names: frozenset[str]   # proper names written in the block (lower-cased), each word of them too
    terms: frozenset[str]   # names and content words
    words: int


def salient_terms(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(names, all terms) of a text. A name is a run of capitalised words that does not merely open a
    sentence ("Restore forest funding" names nothing; "the Bank of Japan" does); content words are the
    lower-cased words of four letters or more outside a list of general words, plural 's' cut."""
    names: set[str] = set()
    for m in _NAME.finditer(text):
        run = re.sub(r"['’]s$", "", m.group(0))
        words = run.split()
        while words and words[0].lower() in _GENERIC:  # "The", "Will", "Monday": no part of the name
            words = words[1:]
        while words and words[-1].lower() in _GENERIC:
            words = words[:-1]
        if not words:
            continue
        if len(words) == 1 and _SENTENCE_START.search(text, max(0, m.start() - 4), m.start()):
            continue  # a capitalised first word of a sentence
        names.add(" ".join(words).lower())
        names.update(_stem(w) for w in words if w.lower() not in _GENERIC)
    terms = set(names)
    for m in _WORD.finditer(text):
        word = m.group(0).lower()
        if word not in _GENERIC:
            terms.add(_stem(word))
    return frozenset(names), frozenset(terms)


@lru_cache(maxsize=1 << 16)  # every source repeats the story's words
def _stem(word: str) -> str:
    word = word.lower().replace("’", "'")
    word = re.sub(r"'s$", "", word)
    return re.sub(r"(?<=[a-z]{3})s$", "", word)


def block_terms(document: "Document") -> list[BlockTerms]:
    out = []
    for start, end in document.blocks:
        text = document.text[start:end]
        names, terms = salient_terms(text)
        out.append(BlockTerms(start, end, names, terms, len(text.split())))
    return out


# "Daily Wire: Will the ministry ...?" at the start of a block (read with match(text, start, end))
_LABELLED_QUESTION = re.compile(r"\s*[^\n:?.!]{1,40}:\s+[^\n]*\?")


def _question_turns(document: "Document") -> set[int]:
    """Where the turns that ask something begin, from the speaker turns ingest found in a transcript."""
    turns = sorted(getattr(document, "turns", None) or [])
    ends = [start for start, _, _ in turns[1:]] + [len(document.text)]
    return {start for (start, label_end, _), end in zip(turns, ends) if "?" in document.text[label_end:end]}


def topical_units(document: "Document") -> list[list[int]]:
    """A question-and-answer source (two questions or more: a press conference, an interview) as its topical
    units, each a list of indexes into ``document.blocks``: each question with the answers that follow it,
    each block before the first question on its own. [] for any other source: an article keeps to its story."""
    asking = _question_turns(document)
    starts = [s in asking for s, _ in document.blocks] if asking else \
        [bool(_LABELLED_QUESTION.match(document.text, s, e)) for s, e in document.blocks]
    if sum(starts) < 2:
        return []
    units: list[list[int]] = []
    seen_question = False
    for k, starts_unit in enumerate(starts):
        seen_question |= starts_unit
        if starts_unit or not seen_question or not units:
            units.append([k])
        else:
            units[-1].append(k)
    return units


def off_topic_blocks(documents: list["Document"]) -> dict[str, list[tuple[int, int]]]:
    """Per source id, the (start, end) spans of its off-topic blocks (question-and-answer sources only)."""
    if len(documents) < MIN_SOURCES:
        return {}
    units = [topical_units(d) for d in documents]
    if not any(units):
        return {}  # the usual case: no transcript, and no need to read every source's terms
    blocks = [block_terms(d) for d in documents]
    vocab = [frozenset().union(*(b.terms for b in bs)) for bs in blocks]
    used_by = Counter(t for v in vocab for t in v)
    out: dict[str, list[tuple[int, int]]] = {}
    for i, doc in enumerate(documents):
        if not units[i]:
            continue
        others = len(documents) - 1
        need = max(2, (others + 1) // 2)

        def elsewhere(term: str) -> int:  # in how many OTHER sources a term occurs
            return used_by[term] - (1 if term in vocab[i] else 0)

        spans = [(blocks[i][k].start, blocks[i][k].end) for unit in units[i]
                 if _off_topic([blocks[i][k] for k in unit], elsewhere, need) for k in unit]
        if spans:
            out[doc.id] = spans
    return out


def _off_topic(unit: list[BlockTerms], elsewhere, need: int) -> bool:
    """Shares (almost) no core term, and names something no other source names."""
    names = frozenset().union(*(b.names for b in unit))
    terms = frozenset().union(*(b.terms for b in unit))
    if sum(b.words for b in unit) < MIN_BLOCK_WORDS or not any(elsewhere(n) == 0 for n in names):
        return False
    shared = sum(1 for t in terms if elsewhere(t) >= need)
    known = sum(1 for t in terms if elsewhere(t) >= 1)
    return shared <= MAX_SHARED and known < MAX_KNOWN_SHARE * len(terms)


def drop_off_topic(documents: list["Document"], extractions: list["DocumentExtraction"]) -> None:
    """Remove, in place, the candidates of off-topic blocks from each extraction (see the module note)."""
    spans = off_topic_blocks(documents)
    if not spans:
        return
    for x in extractions:
        blocks = spans.get(x.source_id)
        if not blocks:
            continue
        starts = [s for s, _ in blocks]

        def off(cite) -> bool:
            k = bisect.bisect_right(starts, cite.start) - 1
            return k >= 0 and blocks[k][0] <= cite.start < blocks[k][1]

        # lead sentences too (the headline and bottom line are drawn from them), each with its clause
        clauses = list(x.lead_clauses) + [""] * (len(x.lead) - len(x.lead_clauses))
        kept_leads = [(c, clause) for c, clause in zip(x.lead, clauses) if not off(c)]
        if len(kept_leads) < len(x.lead):
            x.lead = [c for c, _ in kept_leads]
            x.lead_clauses = [clause for _, clause in kept_leads]
        for kind in ("actors", "treaties", "figures", "reactions", "timeline", "signals"):
            kept = []
            for item in getattr(x, kind):
                own = [c for c in item.citations if c.source == x.source_id]
                if own and all(off(c) for c in own):
                    continue
                if any(off(c) for c in own):
                    item.citations = [c for c in item.citations if not (c.source == x.source_id and off(c))]
                kept.append(item)
            setattr(x, kind, kept)
