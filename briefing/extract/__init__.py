"""Extract: per-document candidates, each tied to the sentence it rests on.

One submodule per kind of item (actors, treaties, figures, reactions, timeline, signals for open
questions). Each takes a :class:`DocContext` and returns items of the event-summary types, with
citations into the document's original text. Merging across documents is the consolidate stage's work.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from datetime import date
from typing import TYPE_CHECKING, Iterator

from briefing.summary import Actor, Citation, Figure, OpenQuestion, Reaction, TimelineEntry, Treaty

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from briefing.ingest import Document
    from briefing.nlp import ParsedDocument


@dataclass
class Sentence:
    """A parsed sentence and where it sits in the original text."""

    span: "Span"
    start: int  # offset of span[0] in the original text
    source: str
    # the sentence as the source file has it; the parser read it with Markdown markup blanked out
    # (Document.parse_text), which keeps every offset, so it differs from ``text`` only where markup was
    original: str | None = None

    @cached_property
    def text(self) -> str:
        # spaCy rebuilds a span's text on every access; extractors read it many times per sentence
        return self.span.text

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def offset(self, char_in_sentence: int) -> int:
        return self.start + char_in_sentence

    def citation(self) -> Citation:
        return Citation(source=self.source, text=self.original_slice(0, len(self.text)), start=self.start,
                        end=self.end)

    def original_slice(self, start: int, end: int) -> str:
        """Characters ``start:end`` of the sentence as the source file has them (what a citation quotes)."""
        return (self.original if self.original is not None else self.text)[start:end]


@dataclass
class DocContext:
    document: "Document"
    sentences: list[Sentence]

    @property
    def published(self) -> date | None:
        return self.document.published

    @property
    def source_id(self) -> str:
        return self.document.id

    def cite_span(self, sent: Sentence, span: "Span") -> Citation:
        """A citation of a clause inside a sentence (the span's own characters)."""
        at = span.start_char - sent.span.start_char
        text = sent.original_slice(at, at + len(span.text))
        return Citation(source=sent.source, text=text, start=sent.start + at, end=sent.start + at + len(text))


@dataclass
class DocumentExtraction:
    source_id: str
    lead: list[Citation] = field(default_factory=list)  # opening sentences: what happened
    lead_clauses: list[str] = field(default_factory=list)  # each lead sentence's main clause, headline-sized
    actors: list[Actor] = field(default_factory=list)
    treaties: list[Treaty] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    reactions: list[Reaction] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    signals: list[OpenQuestion] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)


DATELINE_TOKENS = 32  # a dateline ends well within this many tokens ("PORT MORESBY, Papua New Guinea, ... -")
_DASHES = frozenset("-–—:")
# Extractors ask about the same sentences many times over: the answers for the doc at hand, by span (one doc
# only, so that at most one parse outlives its document's extraction).
_dateline_ends: dict = {"doc": None, "ends": {}}


def dateline_end(span: "Span") -> int:
    """Character offset (in the doc) where the wire or press-release dateline opening ``span`` ends
    ("ACCRA, May 16 (Wire) - ", "Lyon, 4 May 2027 - "); the span's start when it has none. The one reading of
    datelines (briefing.pagemeta.DATELINE) for every extractor."""
    if _dateline_ends["doc"] is not span.doc:
        _dateline_ends["doc"], _dateline_ends["ends"] = span.doc, {}
    ends = _dateline_ends["ends"]
    key = (span.start, span.end)
    end = ends.get(key)
    if end is None:
        head = span[:DATELINE_TOKENS]
        end = span.start_char
        if any(set(t.text) <= _DASHES for t in head if not t.is_space):  # every dateline ends in a dash or colon
            from briefing.pagemeta import dateline_end as end_in_text

            end += end_in_text(head.text)
        ends[key] = end
    return end


def in_dateline(tok: "Token") -> bool:
    """Whether a token belongs to the dateline that opens its sentence (the parser often makes the place
    the subject)."""
    return tok.idx < dateline_end(tok.sent)


def sentences_of(parsed: "ParsedDocument") -> list[Sentence]:
    out = []
    for doc, offset in zip(parsed.docs, parsed.offsets):
        for sent in doc.sents:
            # trim surrounding blanks so the citation is the sentence itself
            toks = [t for t in sent if not t.is_space]
            if not toks:
                continue
            span = doc[toks[0].i: toks[-1].i + 1]
            start = offset + span.start_char
            out.append(Sentence(span=span, start=start, source=parsed.document.id,
                                original=parsed.document.text[start:start + len(span.text)]))
    return out


def extract_document(parsed: "ParsedDocument") -> DocumentExtraction:
    from briefing.extract import actors, figures, reactions, signals, timeline, treaties
    from briefing.extract.lead import headline_clause

    ctx = DocContext(document=parsed.document, sentences=sentences_of(parsed))
    result = DocumentExtraction(source_id=ctx.source_id)
    leads = list(lead_sentences(ctx))
    result.lead = [s.citation() for s in leads]
    result.lead_clauses = [headline_clause(s.span) for s in leads]
    result.actors = actors.extract(ctx)
    result.treaties = treaties.extract(ctx)
    result.figures = figures.extract(ctx)
    result.reactions = reactions.extract(ctx, result.actors)
    result.timeline = timeline.extract(ctx)
    result.signals = signals.extract(ctx)
    result.locations = [e.text for s in ctx.sentences for e in s.span.ents if e.label_ in ("GPE", "LOC")]
    return result


def lead_sentences(ctx: DocContext, n: int = 3, window: int = 8) -> Iterator[Sentence]:
    """The first full news sentences of the article (news puts what happened first).

    A lead sentence states something: it has a subject and a finite verb, ends like a sentence, and is
    not addressed to the reader ("Follow our liveblog here.", "Sign up ...", questions) nor about the
    page or its author ("Bae Eun-ji starts us off."). Only the first ``window`` sentences are looked at.
    """
    count = 0
    for s in ctx.sentences[:window]:
        if _is_statement(s.span):
            yield s
            count += 1
            if count >= n:
                return


_READER_WORDS = frozenset({"our", "us", "you", "your", "we", "click", "subscribe", "newsletter", "cookies", "here",
                           "read", "follow", "sign", "login", "log", "share", "comment", "comments", "advertisement"})


def _is_statement(span: "Span") -> bool:
    words = [t for t in span if not t.is_punct and not t.is_space]
    if len(words) < 8 or span.text.rstrip()[-1:] not in ".!\"”'’":
        return False
    from briefing.extract.lead import main_verb

    root = main_verb(span)
    if root.pos_ not in ("VERB", "AUX") or root.tag_ == "VB" and not any(c.dep_ == "aux" for c in root.children):
        return False  # a title fragment or an imperative
    if not any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in root.children):
        return False
    lows = {t.lower_ for t in words}
    return len(lows & _READER_WORDS) < 2 and not (lows & {"click", "subscribe", "newsletter", "cookies"})
