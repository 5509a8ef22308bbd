"""The event itself: a headline and a two- or three-sentence summary of what most sources agree on.

Each source's lead sentences are compared with the other sources' leads (shared content words); the
sentences most others agree with make the summary, and the best one's main clause is the headline.
Near-duplicate wire copies vote once. The date is the day the leads name (else the most common
publication date); the location is the place most sources mention, preferring a specific place over
the countries that are actors in the story.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from briefing.extract.lead import DATELINE
from briefing.summary import Citation, Event

if TYPE_CHECKING:
    from briefing.extract import DocumentExtraction
    from briefing.ingest import Document

SUMMARY_SENTENCES = 3
SUMMARY_MAX_WORDS = 85
REDUNDANT = 0.5     # overlap of content words above which a sentence repeats one already chosen
SUPPORTS = 0.35     # ... above which another source's lead says the same as the headline sentence
_STOP = frozenset("""the a an of to in on at by for with from and or but that which who whom this these those its
their his her has have had was were is are be been being as than into over under after before about said says
also it they he she we not no will would could can may might after while when where there other more most""".split())
# a party's own release: a label line above its text ("PRESS RELEASE", "For immediate release", "Communiqué").
# Its lead says what the party does about the event; news reports state the event itself
_RELEASE_LABEL = re.compile(r"^[^\S\n]*(?:for immediate release|(?:press|news|media)[^\S\n]+(?:release|statement|"
                            r"advisory)|communiqu[ée])\b[^\n]{0,60}$", re.I | re.M)
OWN_STATEMENT_WEIGHT = 0.6  # a release's lead against the news reports' leads
REACTION_WEIGHT = 0.75      # a lead whose main verb reacts ("welcomed", "condemned", "said") against one stating
# ('claimed the lives of', 'rejected the bill', 'responded to the blaze' state events: not in the list)
_REACTION_VERB = re.compile(r"\b(?:welcom|condemn|prais|criticis|criticiz|denounc|hail|slamm?|deplor|regrett?|"
                            r"applaud|said|says|say|warn|urg|call(?:s|ed)? (?:on|for)|react|accus|"
                            r"insist|argu|told|tell|vow|pledg|express)(?:e|es|ed|s|ing)?\b", re.I)
# a lead that describes or judges rather than tells: 'X's decision is the most sweeping use of ...', 'the
# region is one of the largest producers' (an analysis piece's opening, or background), against 'X suspended ...'
_DESCRIBES = re.compile(r"\b(?:is|are|was|were|remains|remained)\s+(?:the|a|an|one\s+of|among)\b", re.I)
DESCRIPTION_WEIGHT = 0.75
# a sentence opening with one of these needs the sentence before it ("His death follows ...")
_ANAPHORS = frozenset("he she it they his her its their this these those that such both".split())
_PLACE_NOUNS = r"(?:region|province|district|county|state|oblast|prefecture|city|town|village|municipality|" \
               r"island|islands|governorate|territory)"
_PLACE_AFTER = re.compile(r"\b(?:the\s+)?((?:[A-Z][\w'’-]+\s+){1,3})" + _PLACE_NOUNS + r"\b")
_PLACE_OF = re.compile(r"\b" + _PLACE_NOUNS + r"\s+of\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})")


@dataclass
class _Lead:
    citation: Citation
    clause: str
    doc: int
    position: int
    words: frozenset[str]
    score: float = 0.0
    counts: dict[str, frozenset[float]] = field(default_factory=dict)  # what the sentence counts: its values
    published: date = date.min


def build_event(documents: list["Document"], extractions: list["DocumentExtraction"]) -> Event:
    leads = _leads(documents, extractions)
    where = event_location(extractions)
    if not leads:
        title = next((d.title for d in documents if d.title), None)
        return Event(headline=title or "No article text found", summary="", location=where,
                     date=event_date(documents, extractions))
    _score(leads, documents)
    ranked = sorted(leads, key=lambda l: (-l.score, l.position, len(l.citation.text)))
    chosen = _summary(ranked)
    top = next((l for l in ranked if l.clause), None)
    when = event_date(documents, extractions, headline=top)
    headline = top.clause if top else _trim(chosen[0].citation.text)
    citations = [l.citation for l in chosen]
    if top is not None:
        if top.citation not in citations:
            citations.insert(0, top.citation)
        for other in ranked:  # other sources' leads that say what the headline says
            if other.doc != top.doc and _cosine(top.words, other.words) >= SUPPORTS \
                    and other.citation not in citations and len(citations) < 6:
                citations.append(other.citation)
    return Event(headline=headline, summary=" ".join(l.citation.text for l in chosen), date=when, location=where,
                 citations=citations)


def _leads(documents: list["Document"], extractions: list["DocumentExtraction"]) -> list[_Lead]:
    out = []
    for i, x in enumerate(extractions):
        clauses = list(getattr(x, "lead_clauses", []) or [])
        published = getattr(documents[i], "published", None) if i < len(documents) else None
        for pos, cite in enumerate(x.lead):
            counts: dict[str, set[float]] = defaultdict(set)
            for f in x.figures:
                if f.quantity and cite in f.citations:
                    counts[f.quantity].add(f.value)
            cite = _without_dateline(cite)
            clause = clauses[pos] if pos < len(clauses) else ""
            out.append(_Lead(cite, clause, i, pos, content_words(cite.text),
                             counts={q: frozenset(v) for q, v in counts.items()}, published=published or date.min))
    return out


def _without_dateline(cite: Citation) -> Citation:
    """'LIMA, March 10 - The European Union ...' -> the sentence from 'The European Union' on."""
    m = DATELINE.match(cite.text)
    if not m or m.end() >= len(cite.text) - 10:
        return cite
    return Citation(source=cite.source, text=cite.text[m.end():], start=cite.start + m.end(), end=cite.end)


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z][a-z'-]+", text.lower().replace("’", "'"))
                     if w not in _STOP and len(w) > 2)


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set found in the other: a short sentence inside a longer one repeats it."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _cosine(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def _score(leads: list[_Lead], documents: list["Document"]) -> None:
    """Agreement: how densely a sentence uses the words that other independent sources' leads (and
    titles) also use. Words of one source only weigh nothing, so a source's own angle does not win."""
    duplicate = {i for i, d in enumerate(documents) if getattr(d, "duplicate_of", None)}
    vocab: dict[int, set[str]] = defaultdict(set)
    for lead in leads:
        vocab[lead.doc] |= lead.words
    for i, d in enumerate(documents):
        if d.title and i in vocab:
            vocab[i] |= content_words(d.title)
    # in how many independent sources' leads each word occurs (counted once, not per lead: linear time)
    sources_using: Counter[str] = Counter(w for d, words in vocab.items() if d not in duplicate for w in words)
    releases = {i for i, d in enumerate(documents) if own_statement(d)}
    if releases >= set(vocab):
        releases = set()  # only releases: nothing better to prefer
    for lead in leads:
        own = 0 if lead.doc in duplicate else 1  # the lead's own source does not agree with itself
        weight = float(sum(sources_using[w] - own for w in lead.words))
        lead.score = weight / math.sqrt(len(lead.words)) if lead.words else 0.0
        if lead.doc in releases:
            lead.score *= OWN_STATEMENT_WEIGHT
        if _reacts(lead.clause or lead.citation.text):
            lead.score *= REACTION_WEIGHT
        elif _describes(lead.clause or lead.citation.text):
            lead.score *= DESCRIPTION_WEIGHT
        lead.score -= 0.1 * lead.position  # on a near tie, what the article says first


def own_statement(document: "Document") -> bool:
    """A party's own release or statement: a label line stands above its first block of text."""
    text = getattr(document, "text", "") or ""
    blocks = getattr(document, "blocks", None) or [(len(text), len(text))]
    return bool(_RELEASE_LABEL.search(text, 0, blocks[0][0]))


def _reacts(clause: str) -> bool:
    """Is the clause's main verb one of reacting or saying ('X welcomed ...', 'Y said ...')? Read from the
    first few words, where a headline-sized clause has its verb after the subject."""
    return bool(_REACTION_VERB.search(" ".join(clause.split()[:8])))


def _describes(clause: str) -> bool:
    """Is the clause's main verb a 'be' that says what something is ('... is the biggest ...')? Read from the
    first few words, as _reacts does."""
    return bool(_DESCRIBES.search(" ".join(clause.split()[:10])))


def _needs_antecedent(text: str) -> bool:
    first = re.match(r"[\W_]*([A-Za-z]+)", text)
    return bool(first) and first.group(1).lower() in _ANAPHORS


def _summary(ranked: list[_Lead]) -> list[_Lead]:
    chosen: list[_Lead] = []
    words = 0
    for lead in ranked:
        if any(_overlap(lead.words, c.words) >= REDUNDANT for c in chosen):
            continue
        if _needs_antecedent(lead.citation.text) and not (chosen and chosen[-1].doc == lead.doc
                                                            and chosen[-1].position == lead.position - 1):
            continue  # "His death follows ...": whose, without the sentence before it?
        rivals = [c for c in chosen if _counts_differ(c, lead)]
        if rivals:
            # "the death toll rose to four" / "five people have died": the story moved on between the reports.
            # The first sentence (what most sources agree on) stays; among the others the later report's stands
            # (the figures and open questions keep every value)
            if chosen[0] in rivals or any(lead.published <= rival.published for rival in rivals):
                continue
            for rival in rivals:
                chosen.remove(rival)
                words -= len(rival.citation.text.split())
        if len(chosen) >= 2 and lead.score < 0.5 * chosen[0].score:
            break  # beyond two sentences, only what about as many sources agree on
        size = len(lead.citation.text.split())
        if chosen and words + size > SUMMARY_MAX_WORDS:
            continue
        chosen.append(lead)
        words += size
        if len(chosen) >= SUMMARY_SENTENCES:
            break
    return chosen


def _counts_differ(a: _Lead, b: _Lead) -> bool:
    """Both sentences count the same thing, with no value in common."""
    return any(q in b.counts and not a.counts[q] & b.counts[q] for q in a.counts)


def _trim(text: str, limit: int = 15) -> str:
    words = text.split()
    return " ".join(words[:limit]).rstrip(",;:.") + ("…" if len(words) > limit else "")


def event_date(documents: list["Document"], extractions: list["DocumentExtraction"],
               headline: _Lead | None = None) -> str | None:
    """The day the headline's sentence names for what it says ("was killed on Tuesday"), else the day the
    lead sentences name most ("confirmed on Monday"), else the most common publication date (the earliest
    of equally common ones)."""
    if headline is not None:
        x = extractions[headline.doc]
        sentence = x.lead[headline.position]
        clause = content_words(headline.clause)
        dated = [t for t in x.timeline if len(t.date) == 10 and sentence in t.citations]
        if dated:
            return max(dated, key=lambda t: len(content_words(t.event) & clause)).date
    named = Counter(t.date for x in extractions for t in x.timeline
                    if len(t.date) == 10 and any(c in x.lead for c in t.citations))
    if named:
        return sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    published = Counter(d.published.isoformat() for d in documents if d.published)
    if not published:
        return None
    return sorted(published.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def event_location(extractions: list["DocumentExtraction"]) -> str | None:
    """The place most sources mention. A specific place (a region, a city) named by at least half of the
    sources wins over the countries that are actors in the story."""
    sources: dict[str, set[int]] = defaultdict(set)
    mentions: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for i, x in enumerate(extractions):
        for name, form in _places(x):
            key = name.lower()
            sources[key].add(i)
            mentions[key] += 1
            forms[key][form] += 1
    if not sources:
        return None
    countries = {n.lower() for x in extractions for a in x.actors if a.kind == "country"
                 for n in [a.name, *a.aliases]}
    # an organisation or a person the NER took for a place ("Open Net Africa") is no location
    not_places = {n.lower() for x in extractions for a in x.actors if a.kind in ("organization", "person")
                  for n in [a.name, *a.aliases]} - countries
    for key in list(sources):
        if key in not_places:
            del sources[key]
    if not sources:
        return None
    texts = list({c.text for x in extractions for c in _cited(x)})
    half = max(2, (len(extractions) + 1) // 2)
    by_rank = sorted(sources, key=lambda k: (-len(sources[k]), -mentions[k]))
    # checked lazily, best first: each check reads every cited sentence
    places = (k for k in by_rank if not _used_as_modifier(k, texts))
    first = None
    for k in places:
        first = first or k
        if len(sources[k]) < half:
            break  # the rest are named by fewer sources still: no specific place will qualify
        if k not in countries:
            return forms[k].most_common(1)[0][0]
    best = first or by_rank[0]
    return forms[best].most_common(1)[0][0]


def _cited(x: "DocumentExtraction") -> list[Citation]:
    cites = list(x.lead)
    for items in (x.timeline, x.figures, x.reactions, x.treaties, x.signals):
        cites += [c for item in items for c in item.citations]
    return cites


def _used_as_modifier(name: str, texts: list[str]) -> bool:
    """'Marburg virus', 'Ebola outbreak': a name mostly followed by a common noun names a thing, not a place."""
    pattern = re.compile(r"\b" + re.escape(name) + r"\b(\s+[a-z]+)?", re.I)
    followed = total = 0
    for text in texts:
        for m in pattern.finditer(text):
            if not m.group(0)[:1].isupper():
                continue
            total += 1
            nxt = (m.group(1) or "").strip()
            if nxt and not re.fullmatch(_PLACE_NOUNS + r"|and|or|to|in|on|at|of|for|with|from|by|is|was|has|had|"
                                        r"said|says|will|would|could|which|that|who|as", nxt):
                followed += 1
    return total >= 2 and followed > total / 2


def _places(x: "DocumentExtraction") -> list[tuple[str, str]]:
    """(name, as written) of each place: NER places, and 'the Kursk region' / 'the region of Kursk'."""
    out = [(re.sub(r"^the\s+|(?:'s|’s)$", "", p).strip(), re.sub(r"(?:'s|’s)$", "", p).strip())
           for p in x.locations]
    for text in {c.text for c in _cited(x)}:
        for m in _PLACE_AFTER.finditer(text):
            name = re.split(r"(?:'s|’s)\s+", m.group(1).strip())[-1]
            name = re.sub(r"(?:'s|’s)$", "", name)
            if name.split()[0].lower() not in ("the", "a", "this", "that") and not name.isupper():
                out.append((name, f"{name} {m.group(0).split()[-1]}"))
        for m in _PLACE_OF.finditer(text):
            out.append((m.group(1), m.group(1)))
    return out
