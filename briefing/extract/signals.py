"""Signals for open questions in one document: unknowns, denials, and what may come next."""
from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.extract.lexicon import FUTURE_CUES, UNKNOWN_CUES
from briefing.summary import OpenQuestion

if TYPE_CHECKING:
    from briefing.extract import DocContext


def extract(ctx: "DocContext") -> list[OpenQuestion]:
    out = []
    for sent in ctx.sentences:
        low = sent.text.lower()
        if any(c in low for c in UNKNOWN_CUES):
            out.append(OpenQuestion(question="What do the sources leave unsaid here?",
                                    reason=f"Not disclosed: {sent.text}", citations=[sent.citation()], kind="unknown"))
        elif any(w in low for w in ("denied", "rejected", "disputed", "not true")):
            out.append(OpenQuestion(question="Is this claim true?", reason=f"Disputed: {sent.text}",
                                    citations=[sent.citation()], kind="dispute"))
        elif any(c in low for c in FUTURE_CUES):
            out.append(OpenQuestion(question="What comes next?", reason=f"Possible next step: {sent.text}",
                                    citations=[sent.citation()], kind="next"))
    return out
