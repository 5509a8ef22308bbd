"""Reactions in one document: who said what about the event, with a stance."""
from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.extract.lexicon import REPORTING_VERBS, STANCE_WORDS
from briefing.summary import Actor, Reaction

if TYPE_CHECKING:
    from briefing.extract import DocContext


def stance_of(text: str) -> str:
    low = text.lower()
    scores = {k: sum(w in low for w in words) for k, words in STANCE_WORDS.items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] else "neutral"


def extract(ctx: "DocContext", actors: list[Actor]) -> list[Reaction]:
    names = {a.name for a in actors}
    out = []
    for sent in ctx.sentences:
        for tok in sent.span:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in REPORTING_VERBS:
                continue
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj:
                continue
            subj_span = sent.span.doc[subj[0].left_edge.i: subj[0].right_edge.i + 1]
            who = next((e.text for e in subj_span.ents if e.text in names or e.label_ in ("PERSON", "ORG", "GPE")),
                       None)
            if who is None:
                continue
            quote = None
            for q in ("“", '"'):
                if q in sent.text:
                    a = sent.text.find(q)
                    b = sent.text.find("”" if q == "“" else '"', a + 1)
                    if b > a:
                        quote = sent.text[a + 1:b]
                        break
            out.append(Reaction(actor=who.removesuffix("'s").removesuffix("’s"), stance=stance_of(sent.text),
                                summary=sent.text, quote=quote, citations=[sent.citation()]))
            break
    return out
